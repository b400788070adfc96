"""File > Loss of opened logs: the `--loss` choice of `gantuner diagnose`, in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction

REAL = Path(__file__).resolve().parents[1] / "data" / "real_logs"


def test_choosing_relativistic_hinge_rejudges_an_opened_log(qtbot, make_window):
    window = make_window()
    panel = window.diagnosis.panel.list
    window.open_log(REAL / "bmsggan_relhinge_issue2.log")
    # Read as bce (the default guess), D's loss of 0 reads as D too strong, hedged.
    qtbot.waitUntil(lambda: panel.hint_ids()[:1] == ["d_too_strong"], timeout=10000)
    window.findChild(QAction, "actionLogLoss_relhinge").trigger()
    qtbot.waitUntil(lambda: panel.hint_ids() == ["healthy"], timeout=5000)
    assert window.diagnosis.log_loss == "relhinge"
    window.findChild(QAction, "actionLogLoss_detect").trigger()
    qtbot.waitUntil(lambda: panel.hint_ids()[:1] == ["d_too_strong"], timeout=5000)


def test_the_loss_menu_is_in_the_file_menu_in_both_languages(qtbot, make_window):
    window = make_window(language="ja")

    def titles():
        return [a.text() for a in window.menus.file_menu.actions() if a.menu() is not None]

    qtbot.waitUntil(lambda: "開いたログの損失関数" in titles(), timeout=5000)
    assert window.findChild(QAction, "actionLogLoss_relhinge").text() == "相対論的ヒンジ (relativistic hinge)"
    window.set_language("en")
    qtbot.waitUntil(lambda: "Loss of opened logs" in titles(), timeout=5000)
