#!/usr/bin/env bash
# Install the built .deb as a user would, smoke-test the installed command
# with nothing of the project's Python on the PATH (under Xvfb, then
# offscreen), and remove it again.  Run as root after packaging/build_linux.sh:
#
#     packaging/linux/check_installed_deb.sh [dist/gantuner_VERSION_ARCH.deb]
#
# First it shows that dpkg refuses the package where the libraries it Depends
# on are missing (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 on a stock
# machine), so the Qt platform plugin abort cannot happen after an install.
set -euo pipefail
cd "$(dirname "$0")/../.."
DEB=$(realpath "${1:-$(ls -t dist/*.deb | head -1)}")
PACKAGE=$(dpkg-deb -f "$DEB" Package)
CLEAN_ENV=(env -i PATH=/usr/bin:/bin HOME=/tmp/gantuner-check-home)
mkdir -p /tmp/gantuner-check-home

echo "== Depends: $(dpkg-deb -f "$DEB" Depends)"
# A machine without them, simulated: dpkg with an empty package database and an empty root
# installs a package with this Depends (the control part only, not 600 MB) and must refuse.
scratch=$(mktemp -d)
mkdir -p "$scratch/admin/updates" "$scratch/admin/info" "$scratch/root" "$scratch/pkg"
touch "$scratch/admin/status"
dpkg-deb -e "$DEB" "$scratch/pkg/DEBIAN"
rm -f "$scratch/pkg/DEBIAN/"{postinst,preinst,prerm,postrm}
dpkg-deb -b "$scratch/pkg" "$scratch/control-only.deb" >/dev/null
echo "== on a machine without the libraries dpkg must refuse it:"
if dpkg --admindir="$scratch/admin" --root="$scratch/root" --force-not-root --force-script-chrootless \
        -i "$scratch/control-only.deb" > "$scratch/refusal.txt" 2>&1; then
    echo "FAILED: dpkg accepted the package on an empty machine"; exit 1
fi
if ! grep -q "dependency problems" "$scratch/refusal.txt"; then
    echo "FAILED: dpkg refused it for another reason:"; cat "$scratch/refusal.txt"; exit 1
fi
grep -E "depends on (libxcb|libxkb)" "$scratch/refusal.txt" | sed 's/^/   /'
echo "   refused: dependency problems"
rm -rf "$scratch"

echo "== apt-get install $DEB"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$DEB" | tail -3
trap 'echo "== apt-get remove $PACKAGE"; DEBIAN_FRONTEND=noninteractive apt-get remove -y -q "$PACKAGE" | tail -1' EXIT
echo "== on the bare PATH: $("${CLEAN_ENV[@]}" sh -c "command -v $PACKAGE") -> $(readlink -f "/usr/bin/$PACKAGE")"

echo "== installed: $(du -sh "/opt/$PACKAGE" | cut -f1) in /opt/$PACKAGE"
echo "== smoke test under Xvfb"
"${CLEAN_ENV[@]}" xvfb-run -a -s "-screen 0 1600x1000x24" "$PACKAGE" --smoke-test
echo "== smoke test offscreen"
"${CLEAN_ENV[@]}" QT_QPA_PLATFORM=offscreen "$PACKAGE" --smoke-test
