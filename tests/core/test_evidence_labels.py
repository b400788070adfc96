"""Hint cards name their evidence for people: every key the rules produce has a real
label in English and Japanese (the JSON keys themselves stay as they are)."""

from __future__ import annotations

import numpy as np

from gantuner.diagnosis import diagnose, follow_up
from gantuner.diagnosis.evidence_labels import evidence_label, known

from .diagnosis_tables import (
    SEED_EXAMPLE1,
    SEED_EXAMPLE2,
    concat,
    healthy_run,
    keras_table,
    per_step,
    sine,
    too_strong_run,
    warmup_then,
)


def _scenarios():
    yield healthy_run(), None
    yield too_strong_run(), None
    yield keras_table(SEED_EXAMPLE1), None
    yield keras_table(SEED_EXAMPLE2), None
    yield per_step(3000, acc=0.999, d_loss=lambda s: 0.3 * np.exp(-s / 100) + 0.003,
                   g_loss=lambda s: 2 + 6 * s / 3000), None                                   # convergence failure
    yield per_step(3000, acc=warmup_then(0.35, 0.9), d_loss=0.72, g_loss=0.62), None          # D too weak
    yield per_step(3000, acc=0.93, d_loss=0.3, g_loss=sine(400, 0.8, 2.5)), None              # oscillation
    collapse = healthy_run()
    quality = np.full(len(collapse), np.nan)
    quality[499::500] = [8, 8, 8, 6, 4, 2]
    collapse.columns["quality_modes"] = quality
    yield collapse, None
    nan_run = healthy_run()
    nan_run.columns["d_loss"][1500:] = np.nan
    yield nan_run, None
    exploding = healthy_run()
    exploding.columns["g_loss"][2000:] *= np.linspace(1, 1e5, 1000)
    yield exploding, None
    yield per_step(3000, acc=warmup_then(0.65), d_loss=0.62, g_loss=0.85, grad_g=300), None  # large gradients
    spikes = healthy_run()
    spikes.columns["d_loss"][400::40] = 5.0
    yield spikes, None
    yield per_step(3000, acc=warmup_then(0.7), d_loss=0.55, g_loss=1.2, noise=5), None        # unstable
    yield (per_step(1500, acc=0.5, d_loss=0.6935, g_loss=0.70, d_x=0.5, d_g_z=0.5, noise=0.05),
           {"lr_d": 1e-6, "lr_g": 1e-6})                                                       # slow progress


def test_every_evidence_key_the_rules_give_has_a_label_in_both_languages():
    keys: dict[str, str] = {}
    hint_ids = set()
    for table, knobs in _scenarios():
        for hint in diagnose(table, knobs=knobs):
            hint_ids.add(hint.id)
            keys.update({key: hint.id for key in hint.evidence})
    # A knob change followed by a better game: the follow-up hint's evidence too.
    changed = concat(per_step(4000, acc=0.99, d_loss=0.03, g_loss=4.0),
                     per_step(2000, acc=0.74, d_loss=0.5, g_loss=1.3, start=4001, seed=1))
    event = {"type": "knob", "knob": "lr_d", "old": 2e-4, "new": 1e-4, "step": 4000, "source": "user"}
    result = follow_up(changed, event)
    assert result is not None
    keys.update({key: result.id for key in result.evidence})
    hint_ids.add(result.id)

    assert hint_ids >= {"healthy", "d_too_strong", "d_too_weak", "mode_collapse", "divergence", "unstable",
                        "slow_progress", "fix_result"}
    unnamed = {key: hint for key, hint in keys.items() if not known(key)}
    assert not unnamed, f"evidence without a label (add it to gantuner/diagnosis/evidence_labels.py): {unnamed}"
    for key in keys:
        english, japanese = evidence_label(key, "en"), evidence_label(key, "ja")
        assert "_" not in english and english != japanese or key in ("d_x", "d_g_z"), key


def test_composed_and_fallback_labels():
    assert evidence_label("d_loss_mean") == "D loss, mean"
    assert evidence_label("d_loss_mean", "ja") == "Dの損失・平均"
    assert evidence_label("quality_modes_best") == "Modes covered, best"
    assert evidence_label("lr_d") == "D learning rate"
    assert evidence_label("g_loss_period_steps", "ja") == "Gの損失・周期（ステップ）"
    assert not known("something_new") and evidence_label("something_new") == "something new"
