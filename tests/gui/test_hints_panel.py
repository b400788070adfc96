"""The hints panel: cards updated in place, Apply's changes, languages; and the hint bands."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QGraphicsRectItem, QPushButton, QScrollArea, QWidget

from gantuner.diagnosis.hints import Action, Hint
from gantuner.gui import i18n
from gantuner.gui.hint_regions import HintRegions
from gantuner.gui.hints_panel import HintsPanel
from gantuner.text import Text

KNOBS = {"lr_d": 2e-4, "lr_g": 2e-4, "d_dropout": 0.0, "d_batchnorm": True, "label_smoothing": 0.0}


def strong_d(evidence_acc: float = 0.99, step_range=(1200, 4200)) -> Hint:
    return Hint(
        "d_too_strong", "warning", Text("The discriminator is too strong", "識別器が強すぎます"),
        Text("D's accuracy stayed near 99 %.", "識別器の正解率が 99 % 近くのままです。"), step_range,
        {"d_acc_mean": evidence_acc, "steps": 3000},
        [Action("d_batchnorm", "set", False, True, Text("Remove batch norm from D", "識別器のバッチ正規化を外す")),
         Action("d_dropout", "add", 0.1, False, Text("Add dropout to D", "識別器にドロップアウトを追加する"), limit=0.5),
         Action("lr_d", "mul", 0.5, False, Text("Lower D's learning rate", "識別器の学習率を下げる"))])


def diverged() -> Hint:
    return Hint("divergence", "critical", Text("Training diverged", "学習が発散しました"),
                Text("Losses became NaN.", "損失が NaN になりました。"), (4180, 4200), {"first_nan_step": 4180},
                [Action("lr_d", "mul", 0.1, False, Text("Cut D's learning rate tenfold", "識別器の学習率を 1/10 にする"))])


class PaintCounter(QObject):
    def __init__(self, widgets):
        super().__init__()
        self.paints = 0
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def _settle(qtbot, counters, quiet_ms: int = 200, timeout_ms: int = 5000) -> None:
    """Wait until no counted widget has painted for ``quiet_ms``, then count from zero."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    last = -1
    while time.monotonic() < deadline:
        total = sum(c.paints for c in counters.values())
        if total == last:
            break
        last = total
        qtbot.wait(quiet_ms)
    for counter in counters.values():
        counter.paints = 0


def tree(widget: QWidget) -> list[QWidget]:
    return [widget, *widget.findChildren(QWidget)]


@pytest.fixture
def panel(qtbot):
    p = HintsPanel()
    qtbot.addWidget(p)
    p.resize(380, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_cards_show_severity_title_steps_evidence_and_actions(panel):
    panel.set_hints([diverged(), strong_d()], KNOBS)
    assert isinstance(panel.findChild(QScrollArea, "hintsList"), QScrollArea)
    assert panel.list.count() == 2 and panel.list.hint_ids() == ["divergence", "d_too_strong"]
    card = panel.card("d_too_strong")
    assert card.property("severity") == "warning"
    assert card.title.text() == "The discriminator is too strong"
    assert card.steps.text() == "steps 1,200–4,200"
    assert "D accuracy, mean: 0.99" in card.evidence.text()  # readable names, not JSON keys
    assert card.explanation.isHidden() and card.title.toolTip() == "D's accuracy stayed near 99 %."
    card.why.click()
    assert card.explanation.isVisibleTo(card)
    texts = [row.label.text() for row in card._rows]
    assert "needs a restart" in texts[0] and "→ 0.1" in texts[1] and "→ 1e-4" in texts[2]
    assert panel.findChild(QPushButton, "apply_d_too_strong") is card.apply
    assert panel.findChild(QPushButton, "apply_divergence").isEnabled()


def test_identical_update_keeps_every_widget_and_paints_nothing(panel, qtbot):
    panel.set_hints([diverged(), strong_d()], KNOBS)
    before = {hint_id: tree(panel.card(hint_id)) for hint_id in ("divergence", "d_too_strong")}
    counters = {hint_id: PaintCounter(widgets) for hint_id, widgets in before.items()}
    _settle(qtbot, counters)  # the first showing's paints may come late on a busy machine

    assert panel.set_hints([diverged(), strong_d()], dict(KNOBS)) == 0  # fresh but equal objects
    qtbot.wait(100)
    assert all(c.paints == 0 for c in counters.values())
    for hint_id, widgets in before.items():
        assert tree(panel.card(hint_id)) == widgets  # the same objects, nothing rebuilt

    # A real change re-labels that card (the counter can see paints), still with the same widgets.
    assert panel.set_hints([diverged(), strong_d(evidence_acc=0.97)], KNOBS) == 1
    qtbot.waitUntil(lambda: counters["d_too_strong"].paints > 0, timeout=2000)
    assert "D accuracy, mean: 0.97" in panel.card("d_too_strong").evidence.text()
    assert tree(panel.card("d_too_strong")) == before["d_too_strong"]


def test_reordering_and_removal_keep_the_surviving_cards(panel):
    panel.set_hints([diverged(), strong_d()], KNOBS)
    strong = panel.card("d_too_strong")
    panel.set_hints([strong_d(), diverged()], KNOBS)
    assert panel.list.hint_ids() == ["d_too_strong", "divergence"] and panel.card("d_too_strong") is strong
    panel.set_hints([strong_d(step_range=(1200, 4400))], KNOBS)
    assert panel.list.hint_ids() == ["d_too_strong"] and panel.card("divergence") is None
    assert panel.card("d_too_strong") is strong and strong.steps.text() == "steps 1,200–4,400"
    assert panel.list.empty.isHidden()
    panel.set_hints([], KNOBS)
    assert panel.list.count() == 0 and not panel.list.empty.isHidden()


def test_apply_sends_the_ticked_live_changes_and_the_ticked_restart_ones(panel, qtbot):
    panel.set_hints([strong_d()], KNOBS)
    card = panel.card("d_too_strong")
    # The first live remedy is ticked; the restart one can be ticked but is not at first.
    assert [r.check.isChecked() for r in card._rows] == [False, True, False]
    assert card._rows[0].check.isEnabled() and "needs a restart" in card._rows[0].label.text()
    assert card.changes() == ({"d_dropout": 0.1}, {})  # the unticked restart action is not sent
    card._rows[2].check.setChecked(True)
    card._rows[0].check.setChecked(True)
    with qtbot.waitSignal(panel.applyRequested) as signal:
        qtbot.mouseClick(card.apply, Qt.MouseButton.LeftButton)
    assert signal.args == ["d_too_strong", {"d_dropout": 0.1, "lr_d": 1e-4}, {"d_batchnorm": False}]

    # No second click until the run has taken the change ...
    assert not card.apply.isEnabled() and card.apply.text() == "Applying…"
    panel.set_hints([strong_d()], {**KNOBS, "d_dropout": 0.1, "lr_d": 1e-4})
    # ... then it can be applied again, from the new values.
    assert card.apply.isEnabled() and card.apply.text() == "Apply again"
    with qtbot.waitSignal(panel.applyRequested) as signal:
        card.apply.click()
    assert signal.args[1] == {"d_dropout": 0.2, "lr_d": 5e-5}


def test_apply_stages_only_the_ticked_restart_actions(panel, qtbot):
    """Issue 13 item 3: ticked only dropout, and G width x2 and G depth +1 were staged too."""
    hint = Hint("g_too_weak", "warning", Text("G is too weak", "生成器が弱すぎます"), Text("e", "j"), (0, 100), {},
                [Action("d_dropout", "add", 0.3, False, Text("Add dropout to D", "識別器にドロップアウトを追加する")),
                 Action("g_width", "mul", 2, True, Text("Widen G", "生成器の幅を広げる")),
                 Action("g_depth", "add", 1, True, Text("Deepen G", "生成器を深くする"))])
    panel.set_hints([hint], {**KNOBS, "g_width": 32, "g_depth": 0})
    card = panel.card("g_too_weak")
    assert [r.check.isChecked() for r in card._rows] == [True, False, False]
    with qtbot.waitSignal(panel.applyRequested) as signal:
        qtbot.mouseClick(card.apply, Qt.MouseButton.LeftButton)
    assert signal.args == ["g_too_weak", {"d_dropout": 0.3}, {}]
    card._end_pending()
    card._rows[0].check.setChecked(False)
    card._rows[2].check.setChecked(True)
    with qtbot.waitSignal(panel.applyRequested) as signal:
        qtbot.mouseClick(card.apply, Qt.MouseButton.LeftButton)
    assert signal.args == ["g_too_weak", {}, {"g_depth": 1}]

def test_preselect_all_ticks_every_live_action(qtbot):
    p = HintsPanel(preselect="all")
    qtbot.addWidget(p)
    p.set_hints([strong_d()], KNOBS)
    assert p.card("d_too_strong").changes() == ({"d_dropout": 0.1, "lr_d": 1e-4}, {})  # restarts: never for you


def test_apply_is_disabled_without_a_live_change(panel):
    only_restart = Hint("needs_restart", "info", Text("Widen G", "生成器の幅を広げる"), Text("e", "j"), (0, 10), {},
                        [Action("g_width", "mul", 2, True, Text("Widen G", "生成器の幅を広げる"))])
    already = Hint("noop", "info", Text("Dropout", "ドロップアウト"), Text("e", "j"), (0, 10), {},
                   [Action("d_dropout", "set", 0.0, False, Text("No dropout", "ドロップアウトなし"))])
    panel.set_hints([only_restart, already], KNOBS)
    assert not panel.card("needs_restart").apply.isEnabled()  # until its action is ticked
    panel.card("needs_restart")._rows[0].check.setChecked(True)
    assert panel.card("needs_restart").apply.isEnabled()
    assert panel.card("needs_restart").changes() == ({}, {"g_width": 64})
    assert "needs a restart" in panel.card("needs_restart")._rows[0].label.text()
    assert not panel.card("noop").apply.isEnabled()
    assert "already in force" in panel.card("noop")._rows[0].label.text()
    # Without a run (a log opened from disk), actions are advice only.
    panel.set_hints([strong_d()], None)
    card = panel.card("d_too_strong")
    assert not card.apply.isEnabled() and not any(r.check.isVisibleTo(card) for r in card._rows)
    assert "→" not in card._rows[2].label.text() and "x0.5" in card._rows[2].label.text()


def test_a_hint_without_actions_has_no_apply_button(panel):
    report = Hint("fix_result", "info", Text("Result of lr_d 2e-4 -> 1e-4", "lr_d 2e-4 → 1e-4 の効果"),
                  Text("It worked.", "効果がありました。"), (3500, 4500), {"verdict": "worked"}, [])
    panel.set_hints([report], KNOBS)
    assert panel.card("fix_result").apply.isHidden()


def test_language_switch_relabels_the_cards(panel, qtbot):
    panel.set_hints([strong_d()], KNOBS)
    card = panel.card("d_too_strong")
    panel.set_language("ja")
    assert card.title.text() == "識別器が強すぎます"
    assert card._rows[1].label.text().startswith("識別器にドロップアウトを追加する")
    assert "Dの正解率・平均: 0.99" in card.evidence.text()
    panel.set_language("en")
    assert "D accuracy, mean: 0.99" in card.evidence.text()
    assert card.title.text() == "The discriminator is too strong"
    # The app's switch reaches the panel through LanguageChange and the compiled Japanese.
    loaded = i18n.set_language("ja")
    assert "gantuner_ja.qm" in loaded
    qtbot.waitUntil(lambda: card.apply.text() == "適用", timeout=2000)
    assert panel.language == "ja" and card.title.text() == "識別器が強すぎます"
    assert card.steps.text() == "ステップ 1,200〜4,200" and card.why.text() == "理由"
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        panel.set_language("fr")


def test_hint_regions_follow_the_hints_in_place(qtbot):
    widgets = [pg.PlotWidget(), pg.PlotWidget()]
    for w in widgets:
        qtbot.addWidget(w)
    regions = HintRegions([w.getPlotItem() for w in widgets])
    assert regions.set_hints([diverged(), strong_d()]) == 4
    band = regions.regions("d_too_strong")[0]
    assert band in widgets[0].getPlotItem().items and band.getRegion() == (1200.0, 4200.0)
    assert not band.movable and band.toolTip() == "The discriminator is too strong\nsteps 1,200–4,200"
    assert regions.set_hints([diverged(), strong_d()]) == 0
    assert regions.set_hints([strong_d(step_range=(1200, 4600))]) == 4  # two moved, two removed
    assert regions.regions("d_too_strong")[0] is band and band.getRegion() == (1200.0, 4600.0)
    assert regions.hint_ids() == ["d_too_strong"]
    assert all(r not in w.getPlotItem().items for w in widgets for r in regions.regions("divergence"))
    faint = band.brush().color().alpha()
    regions.highlight("d_too_strong")
    assert band.brush().color().alpha() > faint
    late = pg.PlotWidget()
    qtbot.addWidget(late)
    regions.add_plot(late.getPlotItem())
    assert len(regions.regions("d_too_strong")) == 3
    regions.set_language("ja")
    assert band.toolTip().startswith("識別器が強すぎます")
    regions.clear()
    assert regions.hint_ids() == [] and band not in widgets[0].getPlotItem().items


def test_hint_bands_fill_the_plot_height_as_its_range_changes(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    plot = widget.getPlotItem()
    plot.setYRange(0, 1, padding=0)
    regions = HintRegions([plot])
    regions.set_hints([strong_d()])
    band = regions.regions("d_too_strong")[0]
    assert type(band).paint is QGraphicsRectItem.paint  # painted by Qt, not in Python
    for low, high in ((0, 1), (-50, 400)):
        plot.setYRange(low, high, padding=0)
        shown_low, shown_high = plot.getViewBox().viewRange()[1]
        rect = band.rect()
        assert rect.top() < shown_low and rect.bottom() > shown_high
        assert (rect.left(), rect.right()) == (1200.0, 4200.0)
    curve = plot.plot([0, 5000], [0.2, 0.8])
    assert band.zValue() < curve.zValue()  # behind the curves
