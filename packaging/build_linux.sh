#!/usr/bin/env bash
# Build gantuner for Linux learners: the one-folder bundle (PyInstaller), a .deb
# installing it under /opt/gantuner, and a .tar.gz of the folder.  Smoke-tests
# the bundle, then prints the sizes and the time from launch to window.
#
#     packaging/build_linux.sh            # outputs in dist/, work files in build/
#
# TORCH_REQUIREMENT (default "torch==2.13.0") is what pip installs for torch:
# give it the pip arguments of the CPU build for the learner edition (PyTorch's
# install selector gives them for your platform), of a CUDA build for the CUDA
# edition (see packaging/README.md).  BUILD_VENV (default build/venv) is reused
# when it already holds PyInstaller.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TORCH_REQUIREMENT=${TORCH_REQUIREMENT:-torch==2.13.0}
VENV=${BUILD_VENV:-build/venv}
WORK=build/linux
NICE="nice -n 10"

project() {  # project FIELD: name, version, app_id, display_name, description from pyproject.toml
    python3 -c 'import sys, tomllib
data = tomllib.load(open("pyproject.toml", "rb"))
fields = {**data["project"], **data["tool"]["gantuner"]["packaging"]}
print(fields[sys.argv[1]])' "$1"
}
NAME=$(project name)
VERSION=$(project version)
APP_ID=$(project app_id)
DESCRIPTION=$(project description)
ARCH=$(dpkg --print-architecture)

step() { printf '\n== %s ==\n' "$*"; }

step "build environment ($VENV)"
if [ ! -x "$VENV/bin/pyinstaller" ]; then
    python3 -m venv "$VENV"
    python3 -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' \
        > build/requirements.txt
    # shellcheck disable=SC2086  # TORCH_REQUIREMENT may hold several pip arguments
    $NICE "$VENV/bin/pip" install -q $TORCH_REQUIREMENT
    $NICE "$VENV/bin/pip" install -q -r build/requirements.txt pyinstaller
fi
"$VENV/bin/python" -c 'import torch; print("torch", torch.__version__, "CUDA", torch.version.cuda)'

step "bundle (PyInstaller one-folder)"
# PyInstaller's work folder stays: a rebuild reuses its analysis when the sources did not change.
rm -rf "$WORK/dist" "$WORK/deb" && mkdir -p "$WORK" dist
started=$(date +%s)
$NICE "$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$WORK/dist" \
    --workpath "$WORK/pyinstaller" packaging/gantuner.spec
BUNDLE=$WORK/dist/$NAME
echo "built in $(( $(date +%s) - started )) s: $BUNDLE"

step "smoke test of the bundle (offscreen)"
BARE_ENV=(env -i PATH=/usr/bin:/bin HOME="$ROOT/$WORK/home" QT_QPA_PLATFORM=offscreen)
"${BARE_ENV[@]}" "$BUNDLE/$NAME" --smoke-test | tee "$WORK/smoke.txt"
# Baseline for the launch-to-window figure, measured now on the same machine: the bundle
# starting and printing its version (no window).
started=$EPOCHREALTIME
"${BARE_ENV[@]}" "$BUNDLE/$NAME" --version
BASELINE_S=$(awk "BEGIN { print $EPOCHREALTIME - $started }")

step ".deb"
DEB_ROOT=$WORK/deb
mkdir -p "$DEB_ROOT/DEBIAN" "$DEB_ROOT/opt" "$DEB_ROOT/usr/bin" "$DEB_ROOT/usr/share/applications" \
    "$DEB_ROOT/usr/share/metainfo" "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$DEB_ROOT/opt/$NAME"
ln -s "/opt/$NAME/$NAME" "$DEB_ROOT/usr/bin/$NAME"
cp resources/"$APP_ID".desktop "$DEB_ROOT/usr/share/applications/"
cp resources/"$APP_ID".metainfo.xml "$DEB_ROOT/usr/share/metainfo/"
cp resources/icons/gantuner.svg "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in resources/icons/gantuner_*.png; do
    size=${png##*_}; size=${size%.png}
    mkdir -p "$DEB_ROOT/usr/share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$DEB_ROOT/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
DEPENDS=$("$VENV/bin/python" packaging/linux/system_depends.py "$BUNDLE")
INSTALLED_KB=$(du -sk --exclude=DEBIAN "$DEB_ROOT" | cut -f1)
cat > "$DEB_ROOT/DEBIAN/control" <<EOF
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: The gantuner authors <gantuner@users.noreply.github.com>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: fonts-noto-cjk
Section: science
Priority: optional
Description: $DESCRIPTION
 gantuner trains a GAN on this computer (CPU edition) while you watch live
 curves and samples, turn knobs that act at the next step, and read hints
 that say what the curves mean. Start it from the applications menu or
 with the gantuner command; gantuner --smoke-test checks the install.
EOF
DEB=dist/${NAME}_${VERSION}_${ARCH}.deb
started=$(date +%s)
$NICE dpkg-deb --root-owner-group -Zxz --threads-max="$(nproc)" --build "$DEB_ROOT" "$DEB" >/dev/null
echo "packed in $(( $(date +%s) - started )) s: $DEB"
echo "Depends: $DEPENDS"

step ".tar.gz"
TARBALL=dist/$NAME-$VERSION-linux-$(uname -m).tar.gz
started=$(date +%s)
$NICE tar -C "$WORK/dist" -czf "$TARBALL" "$NAME"
echo "packed in $(( $(date +%s) - started )) s: $TARBALL"

step "figures"
mb() { echo "$(( ($1 + 524288) / 1048576 )) MB"; }
echo "bundle folder:  $(mb "$(du -sb "$BUNDLE" | cut -f1)")"
echo "installed size: $(mb $(( INSTALLED_KB * 1024 ))) (goal < 700 MB)"
echo ".deb:           $(mb "$(stat -c %s "$DEB")") (goal < 300 MB)"
echo ".tar.gz:        $(mb "$(stat -c %s "$TARBALL")")"
echo "launch to window: $(sed -n 's/.*window shown \([0-9.]*\) s after launch.*/\1 s/p' "$WORK/smoke.txt") (goal < 5 s; from the smoke test above)"
printf 'baseline, launch to exit of gantuner --version: %.2f s (same machine, same load)\n' "$BASELINE_S"
