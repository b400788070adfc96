"""The article's two examples: the acceptance of the diagnosis.

Example 1 (D's accuracy pinned at 99-100 %, G loss near 0) must give
d_too_strong as the top hint with the article's remedies in the article's order;
Example 2 (100 % only at step 50, then ~50 %, then a slow rise to ~75 %)
must be healthy with no warning at all.  Read through gantuner.logs from the
shipped sample logs, and from the article's lines parsed here.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from gantuner.diagnosis import diagnose, format_report
from gantuner.paths import resource

from .diagnosis_tables import SEED_EXAMPLE1, SEED_EXAMPLE2, keras_table

logs = pytest.importorskip("gantuner.logs")


def example(n: int):
    return logs.read_log(resource("sample_logs", f"seed_example{n}.log"))


@pytest.fixture(params=["read_log", "parsed_here"])
def example1(request):
    return example(1) if request.param == "read_log" else keras_table(SEED_EXAMPLE1)


@pytest.fixture(params=["read_log", "parsed_here"])
def example2(request):
    return example(2) if request.param == "read_log" else keras_table(SEED_EXAMPLE2)


def test_shipped_logs_match_the_article():
    for n, text in ((1, SEED_EXAMPLE1), (2, SEED_EXAMPLE2)):
        read = example(n)
        mine = keras_table(text)
        assert read.format == "keras-gan"
        np.testing.assert_array_equal(read.step, mine.step)
        for name in ("d_loss", "d_acc", "g_loss"):
            np.testing.assert_allclose(read.columns[name], mine.columns[name], rtol=1e-9)


def test_example1_top_hint_is_d_too_strong(example1):
    hints = diagnose(example1)
    top = hints[0]
    assert top.id == "d_too_strong"
    assert top.severity == "warning"
    assert top.step_range == (50, 5350)
    assert top.evidence["steps"] == 5300
    assert top.evidence["d_acc_min"] == pytest.approx(0.992)
    assert top.evidence["d_acc_mean"] > 0.99
    assert top.evidence["g_loss_near_zero"] is True
    assert top.evidence["g_loss_mean"] < 0.01
    assert not any(h.severity == "critical" for h in hints)


def test_example1_remedies_follow_the_seed_order(example1):
    top = diagnose(example1)[0]
    knobs = [(a.knob, a.op, a.value) for a in top.actions]
    # Seed: remove batch norm, add dropout, smaller lr for D / larger for G, stronger G.
    assert knobs[:6] == [("d_batchnorm", "set", False), ("d_dropout", "add", 0.2),
                         ("lr_d", "mul", 0.5), ("lr_g", "mul", 2.0), ("g_width", "mul", 2),
                         ("g_depth", "add", 1)]
    restart = {a.knob: a.needs_restart for a in top.actions}
    assert restart["g_width"] and restart["g_depth"]
    assert not restart["d_batchnorm"] and not restart["lr_d"] and not restart["d_dropout"]
    dropout = next(a for a in top.actions if a.knob == "d_dropout")
    assert dropout.limit == 0.5
    assert "care" in next(a for a in top.actions if a.knob == "lr_g").label_text.en


def test_example1_explains_batch_norm_and_frozen_d(example1):
    top = diagnose(example1)[0]
    en, ja = top.explanation_text.en, top.explanation_text.ja
    assert "LARGE" in en and "batch normalisation" in en and "frozen" in en
    assert "trainable = False" in en
    assert "バッチ正規化" in ja and "凍結" in ja and "例題1" in ja
    assert "99.2 %" in en and "5,350" in en


def test_example2_is_healthy_without_any_warning(example2):
    hints = diagnose(example2)
    assert [h.id for h in hints] == ["healthy"]
    h = hints[0]
    assert h.severity == "info"
    assert h.evidence["warmup_d_acc_max"] == 1.0  # the 100 % at step 50 is the warm-up
    assert h.evidence["rise_step"] == 4000       # "4000イテレーションから70%になった"
    assert 0.70 <= h.evidence["late_d_acc_mean"] <= 0.78
    assert "warm-up" in h.explanation_text.en and "slightly ahead" in h.explanation_text.en
    assert "ウォームアップ" in h.explanation_text.ja and "少しだけ優位" in h.explanation_text.ja


@pytest.mark.parametrize("end", [100, 150, 200, 350, 700, 1000, 1400, 2000, 4000, 14000, 19000])
@pytest.mark.parametrize("window", [None, 500, 2000])
def test_example2_never_warns_as_it_grows(example2, end, window):
    """Read as a live run, line by line: no warning at any point."""
    rows = int(np.searchsorted(example2.step, end, side="right"))
    hints = diagnose(example2.slice(0, rows), live=True, window=window)
    assert not [h for h in hints if h.severity != "info"], [(h.id, h.severity) for h in hints]


def test_example1_as_it_grows_warns_once_the_warm_up_is_over(example1):
    early = diagnose(example1.slice(0, 1))
    assert [h.id for h in early] == ["too_little_data"]
    for rows in range(4, len(example1) + 1):
        hints = diagnose(example1.slice(0, rows), live=True)
        assert hints[0].id == "d_too_strong", rows


def test_reports_in_both_languages(example1, example2):
    text = format_report(example1, diagnose(example1))
    assert "The discriminator is too strong" in text
    assert "-> Lower D's learning rate: lr_d x0.5" in text
    ja = format_report(example2, diagnose(example2), "ja")
    assert "学習は順調です" in ja
    assert re.search(r"ステップ 50〜19,000", ja)
