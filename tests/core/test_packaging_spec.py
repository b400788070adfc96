"""The installers' files agree with pyproject.toml and with each other.

CI does not build the bundle (minutes, gigabytes); these checks catch the
drift that would break it: a renamed entry point, a new version, a resource
folder the bundle would not carry, an icon or desktop id that no longer
matches.  The spec itself is executed with PyInstaller's build steps
replaced by recorders, so what it would hand PyInstaller is checked.
"""

from __future__ import annotations

import ast
import configparser
import re
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PROJECT = PYPROJECT["project"]
APP = PYPROJECT["tool"]["gantuner"]["packaging"]
NAME, VERSION, APP_ID = PROJECT["name"], PROJECT["version"], APP["app_id"]


# What each library links to, for the spec's orphan pruning: (name, resolved path) as PyInstaller gives them.
LINKS = {
    "/venv/PySide6/QtGui.abi3.so": [("libQt6Gui.so.6", "/venv/PySide6/Qt/lib/libQt6Gui.so.6")],
    "/venv/PySide6/Qt/lib/libQt6Gui.so.6": [("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1")],
    "/venv/PySide6/Qt/plugins/platforms/libqxcb.so": [("libQt6XcbQpa.so.6", None)],
    "/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so": [("libgtk-3.so.0", None), ("libpango-1.0.so.0", None)],
}


class Recorder:
    """Stands in for one of PyInstaller's build steps, keeping its arguments."""

    calls: dict[str, Recorder] = {}

    def __init__(self, kind: str, *args, **kwargs):
        self.kind, self.args, self.kwargs = kind, args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], list(kwargs.get("datas", [])), [], []
        Recorder.calls[kind] = self


def run_spec(tmp_path: Path, platform: str, monkeypatch) -> tuple[dict, dict[str, Recorder]]:
    Recorder.calls = {}
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda filename: LINKS.get(filename, [])
    for name in ("PyInstaller", "PyInstaller.depend"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {"SPECPATH": str(PACKAGING), "workpath": str(tmp_path), "DISTPATH": str(tmp_path / "dist"),
                 "__file__": str(PACKAGING / "gantuner.spec")}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = lambda *args, _kind=kind, **kwargs: Recorder(_kind, *args, **kwargs)
    exec(compile((PACKAGING / "gantuner.spec").read_text(), "gantuner.spec", "exec"), namespace)
    return namespace, Recorder.calls


def test_spec_builds_the_project_named_in_pyproject(tmp_path, monkeypatch):
    _, calls = run_spec(tmp_path, "linux", monkeypatch)
    assert calls["EXE"].kwargs["name"] == NAME and calls["COLLECT"].kwargs["name"] == NAME
    launcher = Path(calls["Analysis"].args[0][0])
    module, function = PROJECT["scripts"][NAME].split(":")
    assert f"from {module} import {function}" in launcher.read_text()
    assert calls["Analysis"].kwargs["pathex"] == [str(ROOT)]
    # Modules the app imports by name on first use are listed, found from the sources.
    hidden = set(calls["Analysis"].kwargs["hiddenimports"])
    sources = {".".join(p.with_suffix("").relative_to(ROOT).parts).removesuffix(".__init__")
               for p in (ROOT / "gantuner").rglob("*.py")}
    assert {"gantuner.diagnosis.rules", "gantuner.cli", "gantuner.gui.smoke_test"} <= hidden == sources
    assert "BUNDLE" not in calls
    # PyInstaller's strip=True breaks numpy's and Pillow's auditwheel-repaired libraries.
    assert calls["EXE"].kwargs["strip"] is False and calls["COLLECT"].kwargs["strip"] is False


def test_spec_carries_every_resource_folder_where_the_app_looks(tmp_path, monkeypatch):
    _, calls = run_spec(tmp_path, "linux", monkeypatch)
    carried = {Path(source): dest for source, dest in calls["Analysis"].kwargs["datas"]}
    # gantuner.paths falls back to <folder of the gantuner package>/../resources: the bundle's root.
    assert carried.get(ROOT / "resources") == "resources"
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir() and p.name != "__pycache__"}
    listed = {p.rsplit(".", 1)[1] for p in PYPROJECT["tool"]["setuptools"]["packages"]
              if p.startswith("gantuner.resources.")}
    assert folders == listed, "pyproject's packages and resources/ disagree"


def test_spec_trims_what_the_app_never_loads_and_keeps_what_it_does(tmp_path, monkeypatch):
    namespace, _ = run_spec(tmp_path, "linux", monkeypatch)
    kept = namespace["kept"]
    for trimmed in ("torch/include/ATen/ATen.h", "torch/test/test_api", "torch/bin/protoc",
                    "torch/share/cmake/Torch/TorchConfig.cmake", "torch/lib/libtorchbind_test.so",
                    "torch/lib/libkineto.a", "PySide6/Qt/plugins/imageformats/libqjpeg.so",
                    "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/tls/libqopensslbackend.so",
                    "PySide6/Qt/translations/qtbase_de.qm"):
        assert not kept(trimmed), trimmed
    for needed in ("torch/lib/libtorch_cpu.so", "torch/lib/libgomp.so.1", "torch/_C.cpython-311-x86_64-linux-gnu.so",
                   "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/platforms/qwindows.dll", "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
                   "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
                   "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                   "PySide6/Qt/translations/qtbase_ja.qm", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
                   "resources/icons/gantuner_16.png", "torch/bin/torch_shm_manager"):
        assert kept(needed), needed
    excluded = set(namespace["EXCLUDED_MODULES"])
    assert {"scipy", "tensorboard"} <= excluded
    # pyqtgraph imports these at start-up: excluding one would break the window.
    assert not excluded & {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "PySide6.QtTest",
                           "sympy", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"}


def test_spec_drops_libraries_only_trimmed_plugins_linked_to(tmp_path, monkeypatch):
    namespace, _ = run_spec(tmp_path, "linux", monkeypatch)
    binaries = [
        ("PySide6/QtGui.abi3.so", "/venv/PySide6/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/venv/PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/venv/PySide6/Qt/plugins/platforms/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/venv/PySide6/Qt/lib/libQt6XcbQpa.so.6", "BINARY"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
        # Collected for libqgtk3, which the trimming removed:
        ("libpango-1.0.so.0", "/usr/lib/libpango-1.0.so.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "/venv/PySide6/Qt/lib/libQt6WaylandClient.so.6", "BINARY"),
    ]
    kept = [dest for dest, _, _ in namespace["without_orphans"](binaries)]
    assert kept == [dest for dest, _, _ in binaries[:7]]


def test_spec_leaves_system_libraries_to_the_package_manager(tmp_path, monkeypatch):
    namespace, _ = run_spec(tmp_path, "linux", monkeypatch)
    from_the_system = namespace["from_the_system"]
    assert from_the_system(("libxcb-cursor.so.0", "/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0", "BINARY"))
    assert from_the_system(("libfontconfig.so.1", "/lib/x86_64-linux-gnu/libfontconfig.so.1", "BINARY"))
    for carried in [("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "BINARY"),
                    ("PySide6/Qt/lib/libQt6Gui.so.6", "/venv/PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
                    ("numpy.libs/libscipy_openblas64_.so", "/venv/numpy.libs/libscipy_openblas64_.so", "BINARY"),
                    ("torch/lib/libgomp.so.1", "/usr/lib/venv/torch/lib/libgomp.so.1", "BINARY")]:
        assert not from_the_system(carried), carried


def test_spec_makes_the_macos_app_from_pyproject(tmp_path, monkeypatch):
    _, calls = run_spec(tmp_path, "darwin", monkeypatch)
    bundle = calls["BUNDLE"].kwargs
    assert bundle["bundle_identifier"] == APP_ID and bundle["version"] == VERSION
    assert bundle["name"] == f"{APP['display_name']}.app"
    assert bundle["info_plist"]["CFBundleShortVersionString"] == VERSION
    assert Path(bundle["icon"]).is_file() and Path(calls["EXE"].kwargs["icon"]).is_file()


def test_icons_exist_in_every_size_the_scripts_install():
    sizes = next(ast.literal_eval(node.value) for node in ast.parse((PACKAGING / "make_icons.py").read_text()).body
                 if isinstance(node, ast.Assign) and node.targets[0].id == "SIZES")
    icons = ROOT / "resources" / "icons"
    assert {16, 32, 48, 256, 512} <= set(sizes)
    for size in sizes:
        assert (icons / f"gantuner_{size}.png").is_file(), size
    for name in ("gantuner.svg", "gantuner.ico", "gantuner.icns"):
        assert (icons / name).is_file(), name


def test_desktop_entry_and_appstream_file_agree_with_pyproject():
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(ROOT / "resources" / f"{APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Exec"].split()[0] == NAME and NAME in PROJECT["scripts"]
    assert entry["Icon"] == APP_ID and entry["Name"] == APP["display_name"]
    component = ET.parse(ROOT / "resources" / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("provides/binary") == NAME
    assert component.findtext("project_license") == PROJECT["license"]
    assert component.find("releases/release").get("version") == VERSION


def test_inno_setup_script_matches_pyproject_and_the_spec():
    text = (PACKAGING / "windows" / "gantuner.iss").read_text()
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.MULTILINE))
    assert defines["AppName"] == NAME and defines["AppVersion"] == VERSION and defines["AppId"] == APP_ID
    assert r'Filename: "{app}\{#AppName}.exe"' in text  # the spec's EXE is named after the project
    assert re.search(r'^Name: "\{group\}\\\{#AppName\}"', text, re.MULTILINE), "no Start-menu entry"
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.MULTILINE).group(1)
    assert (PACKAGING / "windows" / icon.replace("\\", "/")).resolve().is_file()


@pytest.mark.parametrize("script", ["build_linux.sh", "macos/make_dmg.sh"])
def test_build_scripts_read_name_and_version_from_pyproject(script):
    text = (PACKAGING / script).read_text()
    assert "tomllib" in text and "packaging/gantuner.spec" in text and "--smoke-test" in text
    assert VERSION not in text and APP_ID not in text  # read, never copied


def test_deb_installs_the_desktop_entry_icons_and_command():
    text = (PACKAGING / "build_linux.sh").read_text()
    assert 'resources/"$APP_ID".desktop' in text and 'resources/"$APP_ID".metainfo.xml' in text
    assert "usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png" in text
    assert 'ln -s "/opt/$NAME/$NAME" "$DEB_ROOT/usr/bin/$NAME"' in text
    assert "Depends: $DEPENDS" in text and "system_depends.py" in text
