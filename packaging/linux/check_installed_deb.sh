#!/usr/bin/env bash
# Install the built .deb as a user would, smoke-test the installed command
# with nothing of the project's Python on the PATH (under Xvfb, then
# offscreen), and remove it again.  Run as root after packaging/build_linux.sh:
#
#     packaging/linux/check_installed_deb.sh [dist/gantuner_VERSION_ARCH.deb]
#
# First it shows that dpkg refuses the package while a library it Depends on
# is missing (libxcb-icccm4 or libxcb-keysyms1 on a stock machine), so the
# Qt platform plugin abort cannot happen after an install.
set -euo pipefail
cd "$(dirname "$0")/../.."
DEB=${1:-$(ls -t dist/*.deb | head -1)}
PACKAGE=$(dpkg-deb -f "$DEB" Package)
CLEAN_ENV=(env -i PATH=/usr/bin:/bin HOME=/tmp/gantuner-check-home)
mkdir -p /tmp/gantuner-check-home

echo "== Depends: $(dpkg-deb -f "$DEB" Depends)"
missing=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/[ (].*//; s/^ *//' | while read -r dep; do
    dpkg -s "$dep" >/dev/null 2>&1 || echo "$dep"; done | xargs)
if [ -n "$missing" ]; then
    echo "== not installed here: $missing; dpkg must refuse the package:"
    if dpkg --dry-run -i "$DEB"; then echo "FAILED: dpkg accepted the package without them"; exit 1; fi
else
    echo "== every dependency is already installed here: the refusal check needs a machine without them"
fi

echo "== apt-get install $DEB"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$DEB" | tail -3
trap 'echo "== apt-get remove $PACKAGE"; DEBIAN_FRONTEND=noninteractive apt-get remove -y -q "$PACKAGE" | tail -1' EXIT
command -v "$PACKAGE"

echo "== installed: $(du -sh "/opt/$PACKAGE" | cut -f1) in /opt/$PACKAGE"
echo "== smoke test under Xvfb"
"${CLEAN_ENV[@]}" xvfb-run -a -s "-screen 0 1600x1000x24" "$PACKAGE" --smoke-test
echo "== smoke test offscreen"
"${CLEAN_ENV[@]}" QT_QPA_PLATFORM=offscreen "$PACKAGE" --smoke-test
