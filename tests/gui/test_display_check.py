"""`gantuner` on a machine where Qt cannot open a window: one line and exit 2, never Qt's abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gantuner.gui import display_check

ROOT = Path(__file__).resolve().parents[2]


def _launch(env_changes: dict[str, str | None], *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([sys.executable, "-m", "gantuner", "--start", *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 platform plugin")
def test_no_display_exits_2_with_one_line_and_no_abort():
    done = _launch({"QT_QPA_PLATFORM": "xcb", "DISPLAY": None, "WAYLAND_DISPLAY": None})
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gantuner: error: the window cannot open")
    # Either missing libraries (named with the packages to install) or no display: both say what to do.
    assert "gantuner train" in lines[0]
    assert "Aborted" not in done.stderr and "qt.qpa" not in done.stderr


def test_a_platform_that_cannot_load_exits_2_naming_it():
    done = _launch({"QT_QPA_PLATFORM": "nosuchplatform"})
    assert done.returncode == 2
    assert "nosuchplatform" in done.stderr and done.stderr.count("\n") == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 platform plugin")
def test_the_message_follows_the_language():
    done = _launch({"QT_QPA_PLATFORM": "xcb", "DISPLAY": None, "WAYLAND_DISPLAY": None}, "--lang", "ja")
    assert done.returncode == 2 and "ウィンドウを開けません" in done.stderr


@pytest.fixture()
def plugin_missing_a_library(tmp_path):
    """A platform plugin linked against a library that is then removed: the loader reports it missing."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or not sys.platform.startswith("linux"):
        pytest.skip("needs a C compiler on Linux")
    source = tmp_path / "empty.c"
    source.write_text("int gantuner_probe(void) { return 0; }\n")
    library = tmp_path / "libxcb-gantunertest.so.4"
    subprocess.run([compiler, "-shared", "-fPIC", "-o", str(library), str(source),
                    "-Wl,-soname,libxcb-gantunertest.so.4"], check=True, timeout=60)
    (tmp_path / "libxcb-gantunertest.so").symlink_to(library.name)
    plugins = tmp_path / "platforms"
    plugins.mkdir()
    subprocess.run([compiler, "-shared", "-fPIC", "-o", str(plugins / "libqxcb.so"), str(source),
                    "-Wl,--no-as-needed", f"-L{tmp_path}", "-lxcb-gantunertest"], check=True, timeout=60)
    library.unlink()
    return plugins


def test_missing_libraries_are_found_from_the_plugin_itself_and_named_as_packages(plugin_missing_a_library,
                                                                                 monkeypatch):
    monkeypatch.setattr(display_check, "plugins_dir", lambda: plugin_missing_a_library)
    assert display_check.missing_libraries(plugin_missing_a_library / "libqxcb.so") == ["libxcb-gantunertest.so.4"]
    problem = display_check.check_display({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, platform="linux")
    assert problem is not None and problem.key == "libraries"
    text = problem.message()
    assert "libxcb-gantunertest.so.4" in text
    assert "apt-get install libxcb-gantunertest4" in text      # Debian's naming rule
    assert "dnf install" in text and "pacman -S" in text


def test_package_names_for_the_libraries_qt_needs():
    assert display_check.debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert display_check.debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert display_check.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert display_check.debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert display_check.debian_package("libglib-2.0.so.0") == "libglib2.0-0"
    assert display_check.FEDORA["libxcb-icccm.so.4"] == "xcb-util-wm"
    assert display_check.ARCH["libxcb-keysyms.so.1"] == "xcb-util-keysyms"


def test_platform_order_and_headless_platforms():
    assert display_check.platforms_wanted({}) == ["xcb"]
    assert display_check.platforms_wanted({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}) == [
        "wayland", "xcb"]
    assert display_check.platforms_wanted({"QT_QPA_PLATFORM": "offscreen"}) == ["offscreen"]
    assert display_check.check_display({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert display_check.check_display({}, platform="darwin") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="libxcb")
def test_a_display_nobody_serves_does_not_answer():
    try:
        import ctypes

        ctypes.CDLL("libxcb.so.1")
    except OSError:
        pytest.skip("libxcb is not installed")
    assert display_check.x_display_answers(":4242") is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 platform plugin")
def test_a_fatal_qt_message_becomes_gantuners_line_and_exit_2():
    """The net under the check: when Qt itself gives up (here: the xcb plugin cannot load its libraries
    or reach a display nobody serves), the user reads gantuner's line and exit 2, not Qt's abort (134)."""
    code = ("from gantuner.gui.app import install_fatal_message_handler\n"
            "install_fatal_message_handler('en')\n"
            "from PySide6.QtWidgets import QApplication\n"
            "QApplication([])\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":4242"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env=env)
    assert done.returncode == 2, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("gantuner: error: the window cannot open: ") and "gantuner train" in last
