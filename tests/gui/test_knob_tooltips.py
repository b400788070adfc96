"""Knob tooltips teach the trade-offs: what raising and lowering each live knob does (issue 16)."""

from __future__ import annotations

from gantuner import knobs


def test_every_live_knobs_tooltip_says_what_raising_and_lowering_does(qtbot):
    from gantuner.gui.knob_panel import KnobPanel

    panel = KnobPanel(knobs.defaults("ring"))
    qtbot.addWidget(panel)
    for name in knobs.LIVE_KNOBS:
        tip = panel._rows[name].label.toolTip()
        knob = knobs.knob(name)
        assert knob.raise_effect() in tip and knob.lower_effect() in tip, name
    batch = panel._rows["batch_size"].editor.editor.toolTip()
    assert "<b>Raise:</b> Steadier gradients" in batch and "<b>Lower:</b> Less memory" in batch
    assert "<b>On:</b>" in panel._rows["d_batchnorm"].label.toolTip()


def test_tooltips_in_japanese(qtbot):
    from gantuner.gui import i18n
    from gantuner.gui.knob_panel import KnobPanel

    panel = KnobPanel(knobs.defaults("ring"))
    qtbot.addWidget(panel)
    i18n.set_language("ja")
    qtbot.waitUntil(lambda: "上げる" in panel._rows["d_dropout"].label.toolTip(), timeout=5000)
    tip = panel._rows["d_dropout"].label.toolTip()
    assert knobs.knob("d_dropout").raise_effect("ja") in tip and "<b>上げる:</b>" in tip
