"""follow_up: did the knob change work?"""

from __future__ import annotations

import numpy as np
import pytest

from gantuner.diagnosis import follow_up

from .diagnosis_tables import concat, healthy_run, per_step, shifted, too_strong_run


def change(step, knob="lr_d", old=2e-4, new=1e-4, source="hint:d_too_strong"):
    return {"type": "knob", "step": step, "knob": knob, "old": old, "new": new, "source": source}


def fixed_at_4000():
    """D pinned at 99 % until step 4,000, then 74 % once lr_d was halved."""
    before = per_step(4000, acc=0.99, d_loss=0.03, g_loss=4.0)
    after = per_step(2000, acc=0.74, d_loss=0.5, g_loss=1.3, start=4001, seed=1)
    return concat(before, after)


def test_a_change_that_worked():
    h = follow_up(fixed_at_4000(), change(4000))
    assert h is not None and h.id == "fix_result" and h.severity == "info"
    assert h.evidence["before_mean"] == pytest.approx(0.99, abs=0.01)
    assert h.evidence["after_mean"] == pytest.approx(0.74, abs=0.01)
    assert h.evidence["verdict"] == "worked"
    assert h.evidence["knob"] == "lr_d" and h.evidence["source"] == "hint:d_too_strong"
    assert "Since lr_d was halved at step 4,000, D's accuracy fell from 99 % to 74 %" \
        in h.explanation_text.en
    assert "ステップ 4,000 で lr_d を半分にしてから、識別器の正解率が 99% から 74% に下がりました" \
        in h.explanation_text.ja
    assert h.title_text.en == "Result of D learning rate 2e-4 → 1e-4"  # the knob's label, as the markers say it
    first, last = h.step_range
    assert first < 4000 < last


def test_nothing_said_before_enough_steps_follow():
    t = fixed_at_4000().slice(0, 4050)  # 50 steps after the change
    assert follow_up(t, change(4000)) is None
    assert follow_up(fixed_at_4000().slice(0, 4200), change(4000)) is not None


def test_a_change_without_effect():
    t = too_strong_run(6000)
    h = follow_up(t, change(4000, knob="d_batchnorm", old=True, new=False))
    assert h.evidence["verdict"] == "no_effect"
    assert "d_batchnorm was turned off" in h.explanation_text.en
    assert "d_batchnorm をオフにし" in h.explanation_text.ja
    assert "has stayed at about" in h.explanation_text.en


def test_a_change_for_the_worse():
    t = concat(healthy_run(3000), shifted(per_step(2000, acc=0.99, d_loss=0.02, g_loss=5.0), 3000))
    h = follow_up(t, change(3000, old=2e-4, new=2e-3))
    assert h.evidence["verdict"] == "worse"
    assert "raised tenfold" in h.explanation_text.en


def test_partly_towards_balance():
    t = concat(per_step(3000, acc=0.99, d_loss=0.03, g_loss=4.0),
               per_step(2000, acc=0.9, d_loss=0.2, g_loss=2.5, start=3001, seed=2))
    h = follow_up(t, change(3000, knob="d_dropout", old=0.0, new=0.2))
    assert h.evidence["verdict"] == "partly"
    assert "d_dropout was changed from 0 to 0.2" in h.explanation_text.en


def test_sparse_log_and_bad_events():
    t = fixed_at_4000()
    sparse = t.slice(0)
    keep = np.arange(0, len(t), 250)
    sparse.step = t.step[keep]
    sparse.columns = {k: v[keep] for k, v in t.columns.items()}
    assert follow_up(sparse, change(4000)).evidence["verdict"] == "worked"
    assert follow_up(t, {"knob": "lr_d"}) is None  # no step
    assert follow_up(t, change(10_000)) is None      # after the last row


def test_loss_only_logs_compare_d_loss():
    t = fixed_at_4000()
    for name in ("d_acc", "d_acc_real", "d_acc_fake", "d_x", "d_g_z"):
        del t.columns[name]
    h = follow_up(t, change(4000))
    assert h.evidence["metric"] == "d_loss" and h.evidence["verdict"] == "worked"
