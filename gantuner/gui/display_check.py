"""Can Qt open a window here?  Asked before Qt is touched, because when it
cannot, Qt aborts the whole process (``qFatal``: "could not load the Qt
platform plugin ... Aborted", exit 134) with no word of gantuner's own.

The answer comes from the platform plugin Qt would load:

* its shared-library dependencies, as the dynamic loader resolves them
  (``ldd`` on the plugin itself, so the list is the plugin's own, not a
  guess); the missing ones are named with the packages that provide them on
  Debian/Ubuntu, Fedora and Arch;
* for X11, a real connection to ``$DISPLAY`` through libxcb (what Qt does
  next); for Wayland, the compositor's socket.

Nothing here imports Qt.  A platform this module does not know (Windows,
macOS, ``offscreen``, a custom plugin) is left to Qt.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..text import Text

# Package names where the generic rule below is wrong, by soname.  Debian's
# rule is libNAME.so.N -> libNAME + N (a '-' between when NAME ends in a
# digit); Fedora and Arch group the xcb utilities into a few packages.
DEBIAN_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g", "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1",
}
FEDORA = {
    "libxcb-cursor.so.0": "xcb-util-cursor", "libxcb-icccm.so.4": "xcb-util-wm",
    "libxcb-ewmh.so.2": "xcb-util-wm", "libxcb-keysyms.so.1": "xcb-util-keysyms",
    "libxcb-image.so.0": "xcb-util-image", "libxcb-render-util.so.0": "xcb-util-renderutil",
    "libxcb-util.so.1": "xcb-util", "libxkbcommon-x11.so.0": "libxkbcommon-x11",
    "libxkbcommon.so.0": "libxkbcommon", "libX11-xcb.so.1": "libX11-xcb", "libX11.so.6": "libX11",
    "libGL.so.1": "libglvnd-glx", "libEGL.so.1": "libglvnd-egl", "libOpenGL.so.0": "libglvnd-opengl",
    "libglib-2.0.so.0": "glib2", "libgthread-2.0.so.0": "glib2", "libfontconfig.so.1": "fontconfig",
    "libfreetype.so.6": "freetype", "libdbus-1.so.3": "dbus-libs", "libwayland-client.so.0": "libwayland-client",
    "libwayland-cursor.so.0": "libwayland-cursor", "libwayland-egl.so.1": "libwayland-egl",
}
ARCH = {
    "libxcb-cursor.so.0": "xcb-util-cursor", "libxcb-icccm.so.4": "xcb-util-wm",
    "libxcb-ewmh.so.2": "xcb-util-wm", "libxcb-keysyms.so.1": "xcb-util-keysyms",
    "libxcb-image.so.0": "xcb-util-image", "libxcb-render-util.so.0": "xcb-util-renderutil",
    "libxcb-util.so.1": "xcb-util", "libxkbcommon-x11.so.0": "libxkbcommon-x11",
    "libxkbcommon.so.0": "libxkbcommon", "libX11-xcb.so.1": "libx11", "libX11.so.6": "libx11",
    "libGL.so.1": "libglvnd", "libEGL.so.1": "libglvnd", "libOpenGL.so.0": "libglvnd",
    "libglib-2.0.so.0": "glib2", "libgthread-2.0.so.0": "glib2", "libfontconfig.so.1": "fontconfig",
    "libfreetype.so.6": "freetype2", "libdbus-1.so.3": "dbus", "libwayland-client.so.0": "wayland",
    "libwayland-cursor.so.0": "wayland", "libwayland-egl.so.1": "wayland",
}
_SONAME = re.compile(r"^lib(?P<name>.+)\.so\.(?P<major>\d+)$")

TEXTS: dict[str, Text] = {
    "qt_fatal": Text(  # Qt itself gave up (app.py's last net): its own first line
        "the window cannot open: {first} (use `gantuner train` headless, or start gantuner inside a "
        "desktop session)",
        "ウィンドウを開けません: {first} (ウィンドウなしで `gantuner train` を使うか、デスクトップのセッションの"
        "中で起動してください)"),
    "libraries": Text(
        "the window cannot open: Qt's '{platform}' platform plugin needs system libraries that are "
        "missing ({libs}). Install them: Debian/Ubuntu: sudo apt-get install {debian}; "
        "Fedora: sudo dnf install {fedora}; Arch: sudo pacman -S {arch}. "
        "Headless training works without them: gantuner train --help",
        "ウィンドウを開けません: Qt の '{platform}' プラットフォームプラグインに必要なシステムライブラリが"
        "ありません ({libs})。インストールしてください: Debian/Ubuntu: sudo apt-get install {debian}; "
        "Fedora: sudo dnf install {fedora}; Arch: sudo pacman -S {arch}。"
        "ウィンドウなしの学習はこのままで使えます: gantuner train --help"),
    "no_display": Text(
        "the window cannot open: no display ({variable} is not set). Use `gantuner train` headless, "
        "or start gantuner inside a desktop session",
        "ウィンドウを開けません: ディスプレイがありません ({variable} が未設定)。ウィンドウなしで "
        "`gantuner train` を使うか、デスクトップのセッションの中で gantuner を起動してください"),
    "cannot_connect": Text(
        "the window cannot open: the display {display} does not answer. Use `gantuner train` headless, "
        "or start gantuner inside a desktop session (check DISPLAY and that the X server runs)",
        "ウィンドウを開けません: ディスプレイ {display} に接続できません。ウィンドウなしで "
        "`gantuner train` を使うか、デスクトップのセッションの中で起動してください "
        "(DISPLAY と X サーバーを確認してください)"),
    "no_plugin": Text(
        "the window cannot open: Qt has no '{platform}' platform plugin in this installation "
        "(QT_QPA_PLATFORM={platform}); unset QT_QPA_PLATFORM or reinstall PySide6-Essentials",
        "ウィンドウを開けません: このインストールには Qt の '{platform}' プラットフォームプラグインが"
        "ありません (QT_QPA_PLATFORM={platform})。QT_QPA_PLATFORM を外すか PySide6-Essentials を"
        "再インストールしてください"),
}


@dataclass(frozen=True)
class DisplayProblem:
    key: str
    values: dict[str, str]

    def message(self, language: str = "en") -> str:
        return TEXTS[self.key].format(**self.values).get(language)


def debian_package(soname: str) -> str:
    if soname in DEBIAN_EXCEPTIONS:
        return DEBIAN_EXCEPTIONS[soname]
    match = _SONAME.match(soname)
    if not match:
        return soname
    name, major = match["name"].lower(), match["major"]
    return f"lib{name}{'-' if name[-1].isdigit() else ''}{major}"


def _fallback_package(soname: str) -> str:
    match = _SONAME.match(soname)
    return match["name"] if match else soname


def plugins_dir() -> Path | None:
    """PySide6's platform plugins folder, found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "Qt" / "plugins" / "platforms"
    return folder if folder.is_dir() else None


def missing_libraries(plugin: Path) -> list[str]:
    """The plugin's shared libraries (its own and those they need) that the loader cannot find."""
    try:
        done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        done = None
    if done is not None and done.returncode == 0:
        missing = [line.split("=>")[0].strip() for line in done.stdout.splitlines() if "not found" in line]
        return list(dict.fromkeys(missing))
    # No ldd (musl, a stripped system): the loader names the first missing library.
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        found = re.search(r"(lib[\w.+-]+\.so[\w.]*): cannot open shared object", str(error))
        return [found.group(1)] if found else []
    return []


def platforms_wanted(env: Mapping[str, str]) -> list[str]:
    """The platforms Qt 6 tries on Linux, in order (it takes the first that loads)."""
    chosen = [part.split(":")[0].strip() for part in env.get("QT_QPA_PLATFORM", "").split(";")]
    chosen = [name for name in chosen if name]
    if chosen:
        return chosen
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def x_display_answers(display: str) -> bool:
    """Open and close a connection to ``display`` through libxcb, as Qt's xcb plugin would."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # reported as a missing library instead
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)


def wayland_socket_exists(env: Mapping[str, str]) -> bool:
    name = env.get("WAYLAND_DISPLAY", "wayland-0")
    path = Path(name) if os.path.isabs(name) else Path(env.get("XDG_RUNTIME_DIR", "/nonexistent")) / name
    return path.exists()


def check_display(env: Mapping[str, str] | None = None, platform: str | None = None) -> DisplayProblem | None:
    """None when Qt should be able to open a window; else what stops it (the first platform's problem)."""
    env = os.environ if env is None else env
    if (platform or sys.platform) != "linux":
        return None
    problems = [_platform_problem(name, env) for name in platforms_wanted(env)]
    return None if any(problem is None for problem in problems) else problems[0]


def _platform_problem(platform: str, env: Mapping[str, str]) -> DisplayProblem | None:
    problem = _plugin_problem(platform)
    if problem is not None or platform not in ("xcb", "wayland"):
        return problem
    if platform == "wayland":
        return None if wayland_socket_exists(env) else DisplayProblem("no_display", {"variable": "WAYLAND_DISPLAY"})
    display = env.get("DISPLAY", "")
    if not display:
        return DisplayProblem("no_display", {"variable": "DISPLAY"})
    if not x_display_answers(display):
        return DisplayProblem("cannot_connect", {"display": display})
    return None


def _plugin_problem(platform: str) -> DisplayProblem | None:
    folder = plugins_dir()
    if folder is None:
        return None  # PySide6 missing: the app says so itself
    plugin = folder / f"libq{platform}.so"
    if not plugin.exists():
        if any(folder.glob(f"*{platform}*")):
            return None  # named differently in this build: let Qt decide
        return DisplayProblem("no_plugin", {"platform": platform})
    missing = missing_libraries(plugin)
    if not missing:
        return None
    return DisplayProblem("libraries", {
        "platform": platform, "libs": ", ".join(missing),
        "debian": " ".join(dict.fromkeys(debian_package(s) for s in missing)),
        "fedora": " ".join(dict.fromkeys(FEDORA.get(s, _fallback_package(s)) for s in missing)),
        "arch": " ".join(dict.fromkeys(ARCH.get(s, _fallback_package(s)) for s in missing)),
    })
