"""The Quality curve panel: quality_* values from row batches or a table, each on its own true scale."""

from __future__ import annotations

import html
import math

import numpy as np
import pytest

from gantuner.gui import i18n
from gantuner.gui.quality_plot import QualityPlot
from gantuner.metrics import MetricTable
from gantuner.quality.descriptions import QUALITY_METRICS


@pytest.fixture
def plot(qtbot):
    p = QualityPlot()
    qtbot.addWidget(p)
    return p


def rows(first: int, last: int) -> list[dict]:
    """Engine rows, quality measured every 100 steps (FID falling from 40, diversity rising)."""
    out = []
    for step in range(first, last):
        row = {"step": step, "d_loss": 0.7, "lr_d": 2e-4}
        if step % 100 == 0:
            row.update(quality_fid=40.0 / (1 + step / 100), quality_diversity=0.2 + step / 1000)
        out.append(row)
    return out


def legend_names(plot: QualityPlot) -> list[str]:
    names = plot.key_names()
    for name in names:  # what the key above the plot shows
        assert html.escape(name) in plot.key.text()
    return names


def test_rows_without_quality_draw_nothing(plot):
    assert plot.objectName() == "qualityPlot"
    assert plot.append_rows([{"step": 1, "d_loss": 0.7}]) == 0
    assert plot.metrics() == [] and plot.getPlotItem().listDataItems() == []


def test_batches_add_one_curve_per_metric_each_on_its_own_scale(plot):
    assert plot.append_rows(rows(0, 250)) == 6
    assert plot.append_rows(rows(250, 400)) == 2
    assert plot.metrics() == ["quality_fid", "quality_diversity"]
    steps, fid = plot.series("quality_fid")
    assert steps.tolist() == [0, 100, 200, 300] and fid.tolist() == [40.0, 20.0, 40 / 3, 10.0]
    curves = plot._curves
    # Never divided by anything: every curve holds the values as measured.
    assert curves["quality_fid"].yData.tolist() == [40.0, 20.0, 40 / 3, 10.0]
    assert curves["quality_diversity"].yData.tolist() == pytest.approx([0.2, 0.3, 0.4, 0.5])
    # The strip names each metric with its latest value and unit.
    fid_label, div_label = (QUALITY_METRICS[k].label_text.en for k in ("quality_fid", "quality_diversity"))
    assert legend_names(plot) == [f"{fid_label} 10 classifier feature units", f"{div_label} 0.5 × the data's spread"]
    # One metric drawn at a time, with the value axis in its unit.
    plot.choice.setCurrentIndex(plot.choice.findData("quality_fid"))
    assert curves["quality_fid"].isVisible() and not curves["quality_diversity"].isVisible()
    assert plot.getPlotItem().getAxis("left").labelText == "classifier feature units"
    # The choice survives new data.
    plot.append_rows(rows(400, 501))
    assert plot.choice.currentData() == "quality_fid" and len(curves["quality_fid"].yData) == 6


def _visible_y_range(plot):
    return plot.getPlotItem().getViewBox().viewRange()[1]


def test_modes_read_k_of_n_and_no_choice_is_ever_an_empty_plot(plot):
    """Issue 13 item 2: 4 of 8 ring modes and 8 of 10 digit classes both plotted at 1.0, the
    divisors changed mid-run, and choosing "Modes covered" alone showed an empty plot."""
    plot.set_dataset_source(lambda: "ring")
    plot.append_rows([{"step": 100, "quality_modes": 2.0, "quality_high_quality": 0.3, "quality_precision": 0.05},
                      {"step": 200, "quality_modes": 4.0, "quality_high_quality": 0.45, "quality_precision": 0.05}])
    assert [plot.choice.itemData(i) for i in range(plot.choice.count())] == [
        "quality_modes", "quality_high_quality", "quality_precision"]  # only metrics with values
    assert plot.choice.currentData() == "quality_modes"  # the ring's headline metric first
    assert plot._curves["quality_modes"].yData.tolist() == [2.0, 4.0]  # not 0.5 and 1.0
    low, high = _visible_y_range(plot)
    assert low <= 0 and 8 <= high < 9.5  # the axis runs to N = 8: 4 sits half way
    assert plot.getPlotItem().getAxis("left").labelText == "count, of 8"
    assert plot.summary.text() == "4 of 8 modes, 45 % of samples near a mode: poor"
    assert "Modes covered 4 of 8" in plot.key_names()
    for index in range(plot.choice.count()):
        plot.choice.setCurrentIndex(index)
        key = plot.choice.currentData()
        visible = [k for k, c in plot._curves.items() if c.isVisible()]
        assert visible == [key] and len(plot._curves[key].yData) == 2
        low, high = _visible_y_range(plot)
        values = plot.series(key)[1]
        assert low <= values.min() and values.max() <= high and high > low
    # A later, larger value does not change how the earlier ones are drawn.
    plot.choice.setCurrentIndex(0)
    plot.append_rows([{"step": 300, "quality_modes": 8.0}])
    assert plot._curves["quality_modes"].yData.tolist() == [2.0, 4.0, 8.0]


def test_digit_classes_read_k_of_10(plot):
    plot.set_dataset_source(lambda: "digits")
    plot.append_rows([{"step": 100, "quality_classes": 8.0, "quality_class_tv": 0.2, "quality_fid": 9.0}])
    assert plot.choice.currentData() == "quality_classes"
    assert plot.summary.text() == "8 of 10 digit classes, class histogram distance 0.2: fair"
    low, high = _visible_y_range(plot)
    assert 10 <= high < 12


def test_a_nan_value_is_kept_as_a_gap(plot):
    plot.append_rows([{"step": 0, "quality_modes": 8.0}, {"step": 100, "quality_modes": float("nan")},
                      {"step": 200, "quality_modes": None}, {"step": 300, "quality_modes": 3.0}])
    values = plot.series("quality_modes")[1]
    assert values[0] == 8.0 and math.isnan(values[1]) and math.isnan(values[2]) and values[3] == 3.0
    assert plot._curves["quality_modes"].opts["connect"] == "finite"


def test_load_table_and_clear(plot):
    plot.append_rows(rows(0, 300))
    column = np.full(5, np.nan)
    column[[1, 4]] = [0.4, 0.6]
    table = MetricTable(step=np.arange(0, 500, 100), columns={"quality_recall": column, "d_loss": np.ones(5)})
    plot.load_table(table)
    assert plot.metrics() == ["quality_recall"]
    steps, values = plot.series("quality_recall")
    assert steps.tolist() == [100, 400] and values.tolist() == [0.4, 0.6]
    assert len(plot.getPlotItem().listDataItems()) == 1
    plot.clear()
    assert plot.metrics() == [] and plot.getPlotItem().listDataItems() == []
    assert plot.choice.count() == 0 and plot.choice.isHidden()


def test_labels_follow_the_language(plot, qtbot):
    plot.append_rows(rows(0, 101))
    plot.set_language("ja")
    index = plot.choice.findData("quality_fid")
    assert plot.choice.itemText(index) == QUALITY_METRICS["quality_fid"].label_text.ja
    plot.set_language("en")
    assert plot.title.text() == "Quality" and plot.choice.itemText(0) == QUALITY_METRICS["quality_fid"].label_text.en
    i18n.set_language("ja")
    qtbot.waitUntil(lambda: plot.title.text() == "品質", timeout=2000)
    assert plot.choice.itemText(0) == QUALITY_METRICS["quality_fid"].label_text.ja and plot.language == "ja"
    assert plot.getPlotItem().getAxis("bottom").labelText == "ステップ"


def test_the_panel_follows_the_step_axis_only_while_it_has_data(qtbot, make_window):
    import pyqtgraph as pg

    window = make_window()
    quality = window.diagnosis.quality
    loss_box = window.curves.plot_item("lossPlot").getViewBox()
    box = quality.getPlotItem().getViewBox()
    assert box.linkedView(pg.ViewBox.XAxis) is None  # empty: not repainted as the steps grow
    quality.append_rows([{"step": 100, "quality_modes": 3.0}])
    assert box.linkedView(pg.ViewBox.XAxis) is loss_box
    quality.clear()
    assert box.linkedView(pg.ViewBox.XAxis) is None
