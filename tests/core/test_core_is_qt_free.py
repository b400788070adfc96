"""The core never imports Qt: a server without PySide6 can train and diagnose."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import importlib, pkgutil, sys
sys.path.insert(0, {tests!r})
from run_without_qt import QtBlocker
sys.meta_path.insert(0, QtBlocker())
import gantuner
names = [m.name for m in pkgutil.walk_packages(gantuner.__path__, "gantuner.")
         if not m.name.startswith("gantuner.gui") and m.name != "gantuner.__main__"]
for name in names:
    importlib.import_module(name)
from gantuner.training import Driver, RunOptions
Driver.new({{"dataset": "ring", "device": "cpu"}}, options=RunOptions(max_steps=3, quality_every=0)).run()
qt = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph")]
print(len(names), "modules", qt)
"""


def test_every_core_module_imports_and_trains_with_qt_blocked():
    result = subprocess.run([sys.executable, "-c", SCRIPT.format(tests=str(ROOT / "tests"))],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    count, _, rest = result.stdout.strip().partition(" modules ")
    assert int(count) >= 10 and rest == "[]"
