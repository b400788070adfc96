"""Regression guard: PySide6 6.12.0 on Python < 3.12 leaks references to None.

Found on this project's machines with PySide6 6.12.0 and Python 3.11: every
Qt call into a Python override lowered None's reference count until the process aborted with
"none_dealloc".  A future release with the same fault fails here, not on
users' machines.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6 import QtGui, QtWidgets

ROOT = Path(__file__).resolve().parents[2]


class _PaintingWidget(QtWidgets.QWidget):
    def paintEvent(self, event):  # noqa: N802 (Qt API)
        painter = QtGui.QPainter(self)
        painter.drawLine(0, 0, 9, 9)
        painter.end()


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_repaints_do_not_lower_the_reference_count_of_none(qtbot):
    widget = _PaintingWidget()
    qtbot.addWidget(widget)
    widget.resize(20, 20)
    widget.show()
    qtbot.waitExposed(widget)
    widget.repaint()
    before = sys.getrefcount(None)
    for _ in range(1000):
        widget.repaint()
    lost = before - sys.getrefcount(None)
    # 6.12.0 loses about 2,000; a healthy binding loses none (a little slack for
    # unrelated objects created meanwhile).
    assert lost < 50, f"None lost {lost} references over 1000 repaints: a broken PySide6 build"


def test_pyproject_excludes_pyside6_6_12_0_before_python_3_12():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pyside = [d for d in project["dependencies"] if re.match(r"pyside6(-essentials)?\b", d, re.IGNORECASE)]
    assert pyside, "PySide6 is not among the dependencies"
    old_python = [d for d in pyside if "python_version" not in d or "< '3.12'" in d or '< "3.12"' in d]
    assert old_python, "no PySide6 requirement applies to Python 3.11"
    for requirement in old_python:
        assert "!=6.12.0" in requirement.replace(" ", ""), f"{requirement!r} lets 6.12.0 in on Python 3.11"


def test_the_installed_pyside6_is_not_the_broken_release():
    import PySide6

    if sys.version_info < (3, 12):
        assert PySide6.__version__ != "6.12.0"
