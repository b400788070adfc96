"""The Debian packages a built bundle needs from the system, for the .deb's Depends.

    python packaging/linux/system_depends.py build/dist/gantuner

Every ELF file in the bundle (the program, Python's extensions, Qt and its
platform plugins) is run through ``ldd`` with the bundle's own library
folders first on the search path, exactly as the bundle loads them.  A
library found outside the bundle, or not found at all, is a system library.
Each is mapped to its Debian package with ``dpkg -S``; one that is not
installed on this machine (so ldd says "not found": e.g. libxcb-icccm4 on a
stock machine) is named by Debian's library-package convention (soname
libxcb-icccm.so.4 -> package libxcb-icccm4), checked with ``apt-cache show``.
Prints the comma-separated package list; exits 1 naming any library it could
not place.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def library_dirs(bundle: Path, files: list[Path]) -> list[str]:
    """The bundle's folders that hold shared libraries (its loader searches them through RPATH/ORIGIN too)."""
    return sorted({str(f.parent) for f in files if ".so" in f.name})


def system_libraries(bundle: Path) -> tuple[dict[str, str], set[str]]:
    """soname -> path of each system library the bundle loads, and the sonames not found."""
    files = elf_files(bundle)
    env = {**os.environ, "LD_LIBRARY_PATH": ":".join(library_dirs(bundle, files))}
    found: dict[str, str] = {}
    missing: set[str] = set()
    bundle_text = str(bundle.resolve())
    for path in files:
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            match = LDD_LINE.match(line)
            if not match:
                continue
            soname, where = match.groups()
            if where == "not found":
                missing.add(soname)
            elif not os.path.realpath(where).startswith(bundle_text):
                found.setdefault(soname, where)
    # A library the bundle carries under another folder can show as "not found"
    # from a file whose search path misses that folder: not a system library.
    carried = {f.name for f in files}
    return found, {m for m in missing if m not in carried and m not in found}


def package_owning(path: str) -> str | None:
    for candidate in dict.fromkeys((path, os.path.realpath(path))):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def conventional_package(soname: str) -> str | None:
    """Debian policy 8.1: libfoo.so.N is shipped by libfooN (libfoo-N when foo ends in a digit)."""
    match = re.fullmatch(r"lib(.+)\.so\.(\d+)(?:\..*)?", soname)
    if not match:
        return None
    stem, version = match.groups()
    name = f"lib{stem}{'-' if stem[-1].isdigit() else ''}{version}".lower().replace("_", "-")
    known = subprocess.run(["apt-cache", "show", name], capture_output=True, text=True).returncode == 0
    return name if known else None


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: system_depends.py BUNDLE_DIR", file=sys.stderr)
        return 2
    found, missing = system_libraries(Path(argv[0]))
    packages: set[str] = set()
    unplaced: list[str] = []
    wanted = [(soname, path, package_owning(path)) for soname, path in sorted(found.items())]
    wanted += [(soname, "not installed here", None) for soname in sorted(missing)]
    for soname, where, package in wanted:
        package = package or conventional_package(soname)
        if package:
            packages.add(package)
        else:
            unplaced.append(f"{soname} ({where})")
    if unplaced:
        print(f"system_depends: no Debian package found for {', '.join(unplaced)}", file=sys.stderr)
        return 1
    print(", ".join(sorted(packages)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
