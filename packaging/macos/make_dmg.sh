#!/usr/bin/env bash
# Build gantuner.app (the spec's BUNDLE) and a compressed disk image; run on macOS.
#
#     packaging/macos/make_dmg.sh          # dist/gantuner.app and dist/gantuner-VERSION-macos-ARCH.dmg
#
# Needs a Python 3.11+ with the project's dependencies and PyInstaller
# (pip install torch==2.13.0 && pip install -e . pyinstaller).  The app is
# not signed or notarised: see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

project() {  # project FIELD: name, version, display_name from pyproject.toml
    python3 -c 'import sys, tomllib
data = tomllib.load(open("pyproject.toml", "rb"))
print({**data["project"], **data["tool"]["gantuner"]["packaging"]}[sys.argv[1]])' "$1"
}
NAME=$(project name)
VERSION=$(project version)
DISPLAY_NAME=$(project display_name)

pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/macos packaging/gantuner.spec
APP="dist/$DISPLAY_NAME.app"
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/$NAME" --smoke-test

STAGING=build/macos/dmg
rm -rf "$STAGING" && mkdir -p "$STAGING"
cp -R "$APP" "$STAGING/"
ln -s /Applications "$STAGING/Applications"   # drag the app onto it to install
DMG="dist/$NAME-$VERSION-macos-$(uname -m).dmg"
hdiutil create -volname "$DISPLAY_NAME $VERSION" -srcfolder "$STAGING" -ov -format UDZO "$DMG"
echo "built $DMG ($(du -h "$DMG" | cut -f1))"
