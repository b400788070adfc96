"""Run pytest with PySide6 and pyqtgraph made unimportable.

The core (everything outside gantuner/gui/) must work on a server with no Qt
at all; CI runs ``python tests/run_without_qt.py tests/core`` to prove it.
"""

import sys

BLOCKED = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6")


class QtBlocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is blocked: the gantuner core must not need Qt")
        return None


if __name__ == "__main__":
    sys.meta_path.insert(0, QtBlocker())
    import pytest

    # pyproject's qt_api setting belongs to the plugin left out here.
    quiet = ["-W", "ignore:Unknown config option:pytest.PytestConfigWarning"]
    sys.exit(pytest.main(["-p", "no:pytest-qt", *quiet, *sys.argv[1:]]))
