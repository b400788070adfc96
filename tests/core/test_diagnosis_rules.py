"""Each rule on synthetic per-step runs, and the runs that must not trigger it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from gantuner.diagnosis import RULE_IDS, THRESHOLDS, diagnose
from gantuner.metrics import MetricTable

from .diagnosis_tables import concat, healthy_run, per_step, shifted, sine, too_strong_run, warmup_then


def ids(hints):
    return [h.id for h in hints]


def warnings(hints):
    return [h for h in hints if h.severity in ("warning", "critical")]


# ---- healthy -----------------------------------------------------------------

@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("live,window", [(False, None), (True, 500), (True, 2000)])
def test_healthy_run_gives_no_warning(seed, live, window):
    hints = diagnose(healthy_run(seed=seed), live=live, window=window)
    assert ids(hints) == ["healthy"]
    assert 0.6 < hints[0].evidence["d_acc_mean"] < 0.7
    assert hints[0].actions == []


def test_healthy_without_accuracy_uses_the_losses():
    t = healthy_run()
    for name in ("d_acc", "d_acc_real", "d_acc_fake", "d_x", "d_g_z"):
        del t.columns[name]
    hints = diagnose(t)
    assert ids(hints) == ["healthy"]
    assert "d_acc_mean" not in hints[0].evidence
    assert "steady" in hints[0].explanation_text.en


# ---- d_too_strong ----------------------------------------------------------------

def test_textbook_too_strong_d():
    hints = diagnose(too_strong_run())
    top = hints[0]
    assert top.id == "d_too_strong" and top.severity == "warning"
    assert top.evidence["d_acc_mean"] > 0.97
    assert top.evidence["g_loss_start"] < top.evidence["g_loss_end"]  # "G loss keeps rising"
    assert top.evidence["grad_norm_g_median"] > 100
    assert "keeps rising" in top.explanation_text.en
    assert "LARGE" not in top.explanation_text.en  # the batch-norm reading is for a G loss near 0
    # G's gradient norm over 100 is D's doing: no separate divergence warning.
    assert "divergence" not in ids(hints)


def test_too_strong_from_loss_alone():
    """A PyTorch-GAN log has only the losses: D loss ~0.001 for thousands of steps."""
    t = too_strong_run()
    for name in ("d_acc", "d_acc_real", "d_acc_fake", "d_x", "d_g_z"):
        del t.columns[name]
    t.columns["d_loss"] = np.full(len(t), 0.001)
    top = diagnose(t)[0]
    assert top.id == "d_too_strong"
    assert "d_acc_mean" not in top.evidence
    assert "D's loss stayed at" in top.explanation_text.en


def test_too_strong_from_d_outputs_but_not_from_a_mild_lead():
    """pytorch/examples' dcgan prints D(x) and D(G(z)) only."""
    strong = per_step(2000, acc=0.99, d_loss=0.02, g_loss=5, d_x=0.99, d_g_z=0.01)
    mild = per_step(2000, acc=0.7, d_loss=0.55, g_loss=1.2, d_x=0.7, d_g_z=0.3)
    for t in (strong, mild):
        for name in ("d_acc", "d_acc_real", "d_acc_fake"):
            del t.columns[name]
    top = diagnose(strong)[0]
    assert top.id == "d_too_strong" and top.evidence["d_acc_source"] == "d_score"
    assert top.explanation_text.en.startswith("D's score (the mean of D(x) and 1 - D(G(z)))")
    assert "識別器のスコア" in top.explanation_text.ja
    # Counting each batch mean past 0.5 as "right" would call this 100 %:
    assert ids(diagnose(mild)) == ["healthy"]


def test_percent_accuracies_are_read_as_shares():
    t = too_strong_run()
    t.columns["d_acc"] = t.columns["d_acc"] * 100
    assert diagnose(t)[0].evidence["d_acc_mean"] < 1.0


def test_d_ahead_but_not_pinned_is_only_info():
    hints = diagnose(per_step(3000, acc=warmup_then(0.875), d_loss=0.4, g_loss=1.6))
    assert ids(hints) == ["d_too_strong"]
    assert hints[0].severity == "info"


def test_a_short_pinned_blip_in_the_past_is_not_a_warning():
    blip = concat(healthy_run(1500), shifted(too_strong_run(150), 1500),
                  shifted(healthy_run(1500, seed=1), 1650))
    blip.columns["d_acc"][:100] = 0.99  # and the warm-up
    assert not [h for h in warnings(diagnose(blip)) if h.id == "d_too_strong"]


@pytest.mark.parametrize("knobs,absent", [
    ({"d_batchnorm": False, "d_dropout": 0.5}, {"d_batchnorm", "d_dropout"}),
    ({"d_batchnorm": True, "d_dropout": 0.0, "label_smoothing": 0.2, "instance_noise": 0.3},
     {"label_smoothing", "instance_noise"}),
    ({"lr_d": 1e-6, "g_depth": 8}, {"lr_d", "g_depth"}),
])
def test_actions_skip_no_ops_with_the_knobs_in_force(knobs, absent):
    top = diagnose(too_strong_run(), knobs=knobs)[0]
    present = {a.knob for a in top.actions}
    assert not present & absent
    for a in top.actions:
        if a.knob in knobs:
            assert a.new_value == a.apply_to(knobs)
        else:
            assert a.new_value is None


def test_actions_are_concrete_with_knobs():
    top = diagnose(too_strong_run(), knobs={"d_batchnorm": True, "d_dropout": 0.4,
                                            "lr_d": 2e-4, "lr_g": 2e-4, "g_width": 32})[0]
    by_knob = {a.knob: a for a in top.actions}
    assert by_knob["d_batchnorm"].new_value is False
    assert by_knob["d_dropout"].new_value == pytest.approx(0.5)  # capped, not 0.6
    assert by_knob["lr_d"].new_value == pytest.approx(1e-4)
    assert by_knob["g_width"].new_value == 64
    assert [a.knob for a in top.actions][0] == "d_batchnorm"


def test_knobs_recorded_in_the_table_are_used():
    t = too_strong_run()
    t.knobs = {"d_batchnorm": [False] * len(t), "d_dropout": [0.5] * len(t)}
    present = {a.knob for a in diagnose(t)[0].actions}
    assert "d_batchnorm" not in present and "d_dropout" not in present


# ---- convergence_failure ---------------------------------------------------------

def test_convergence_failure_when_d_loss_vanishes_and_g_loss_climbs():
    t = per_step(3000, acc=0.999, d_loss=lambda s: 0.3 * np.exp(-s / 100) + 0.003,
                 g_loss=lambda s: 2 + 10 * s / 3000)
    hints = diagnose(t)
    assert ids(hints)[:2] == ["convergence_failure", "d_too_strong"]
    cf = hints[0]
    assert cf.severity == "critical"
    assert cf.evidence["g_loss_end"] > 10 and cf.evidence["d_loss_mean"] < 0.02
    assert {a.knob for a in cf.actions} >= {"label_smoothing", "instance_noise", "loss"}


def test_no_convergence_failure_when_g_loss_is_flat():
    t = per_step(3000, acc=0.999, d_loss=0.005, g_loss=6.0)
    assert "convergence_failure" not in ids(diagnose(t))
    assert ids(diagnose(t))[0] == "d_too_strong"


# ---- d_too_weak -------------------------------------------------------------------

def test_d_below_chance_for_thousands_of_steps_is_too_weak():
    hints = diagnose(per_step(3000, acc=warmup_then(0.35, 0.9), d_loss=0.72, g_loss=0.62))
    assert ids(hints) == ["d_too_weak"]
    assert hints[0].evidence["d_acc_mean"] < 0.4
    assert hints[0].actions[0].knob == "d_dropout"  # undo the weakening first


def test_at_chance_needs_corroboration():
    t = per_step(3000, acc=warmup_then(0.5, 0.9), d_loss=0.70, g_loss=0.69)
    assert ids(diagnose(t)) == ["healthy"]  # a balanced game (Example 2's middle)
    handicapped = diagnose(t, knobs={"lr_d": 2e-5, "lr_g": 2e-4, "d_dropout": 0.0,
                                     "label_smoothing": 0.0, "instance_noise": 0.0})
    assert ids(handicapped) == ["d_too_weak"]
    assert handicapped[0].evidence["handicaps"] == ["lr_d"]
    assert "1/10" in handicapped[0].explanation_text.en
    knobs = [a.knob for a in handicapped[0].actions]
    assert knobs[0] == "lr_d"  # dropout, smoothing and noise are already off


def test_improving_samples_veto_too_weak_and_a_plateau_proves_nothing():
    t = per_step(3000, acc=warmup_then(0.35, 0.9), d_loss=0.72, g_loss=0.62)
    q = np.full(len(t), np.nan)
    q[499::500] = [3.0, 3.0, 2.9, 3.1, 3.0, 3.0]  # flat: shown as evidence
    t.columns["quality_classes"] = q
    hints = diagnose(t)
    assert ids(hints) == ["d_too_weak"]
    assert hints[0].evidence["quality_classes_end"] == pytest.approx(3.0, abs=0.1)
    assert "not improving" in hints[0].explanation_text.en
    q[499::500] = [2.0, 3.0, 5.0, 6.0, 8.0, 9.0]  # improving: G still learns from this D
    assert "d_too_weak" not in ids(diagnose(t))
    # At chance with a quality plateau (maybe at its best): no verdict without the knobs.
    at_chance = per_step(3000, acc=warmup_then(0.5, 0.9), d_loss=0.70, g_loss=0.69)
    at_chance.columns["quality_classes"] = np.where(np.isfinite(q), 10.0, np.nan)
    assert ids(diagnose(at_chance)) == ["healthy"]


# ---- mode_collapse ------------------------------------------------------------------

def test_regular_g_loss_oscillation_with_high_d_accuracy():
    t = per_step(3000, acc=0.93, d_loss=0.3, g_loss=sine(400, 0.8, 2.5))
    hints = diagnose(t)
    assert ids(hints) == ["mode_collapse", "d_too_strong"]  # the collapse is the story
    assert hints[0].evidence["g_loss_period_steps"] == pytest.approx(400, rel=0.1)
    assert hints[0].evidence["g_loss_autocorrelation"] > 0.6


def test_no_mode_collapse_from_noise_or_with_a_balanced_d():
    noisy = per_step(3000, acc=0.9, d_loss=0.3, g_loss=2.5, noise=3)
    assert "mode_collapse" not in ids(diagnose(noisy))
    balanced = per_step(3000, acc=warmup_then(0.6), d_loss=0.6, g_loss=sine(400, 0.3, 1.0))
    assert "mode_collapse" not in ids(diagnose(balanced))


def test_mode_collapse_from_falling_mode_coverage():
    t = healthy_run()
    q = np.full(len(t), np.nan)
    q[499::500] = [8, 8, 8, 6, 4, 2]
    t.columns["quality_modes"] = q
    hints = diagnose(t)
    assert ids(hints)[0] == "mode_collapse"
    ev = hints[0].evidence
    assert ev["quality_modes_best"] == 8 and ev["quality_modes_now"] == 2
    assert hints[0].step_range == (500, 3000)
    assert "8" in hints[0].explanation_text.en and "2" in hints[0].explanation_text.en


def test_steady_quality_or_early_noise_is_no_collapse():
    t = healthy_run()
    q = np.full(len(t), np.nan)
    q[::250] = [1.6, 1.5] + [0.95, 0.9, 1.0, 0.92, 0.97, 0.93, 0.96, 0.94, 0.95, 0.93]
    t.columns["quality_diversity"] = q  # noise-like samples at first are "more diverse"
    assert ids(diagnose(t)) == ["healthy"]


# ---- divergence ------------------------------------------------------------------------

def test_nan_losses_that_stay_nan_are_critical():
    t = healthy_run()
    t.columns["g_loss"][1500:] = np.nan
    t.columns["d_loss"][1500:] = np.nan
    hints = diagnose(t)
    assert ids(hints) == ["divergence"]
    h = hints[0]
    assert h.severity == "critical" and h.evidence["nonfinite_from_step"] == 1501
    assert h.step_range == (1501, 3000)
    json.dumps([x.to_json() for x in hints])


def test_one_missing_value_in_the_last_row_is_not_divergence():
    t = healthy_run()
    t.columns["g_loss"][-1] = np.nan  # a blank CSV cell
    assert ids(diagnose(t)) == ["healthy"]
    t.columns["g_loss"][-1] = np.inf
    assert ids(diagnose(t))[0] == "divergence"


def test_exploding_losses_are_critical():
    t = healthy_run()
    t.columns["g_loss"][2000:] *= np.linspace(1, 1e5, 1000)
    h = diagnose(t)[0]
    assert h.id == "divergence" and h.severity == "critical"
    assert h.evidence["peak"] > 1e3 and h.evidence["column"] == "g_loss"


def test_wasserstein_scale_losses_are_not_an_explosion():
    t = healthy_run()
    t.columns["d_loss"] = -300 + 20 * np.sin(t.step / 50.0)  # a critic's loss, large from the start
    assert "divergence" not in ids(diagnose(t))


def test_gradient_norms_over_100_with_a_balanced_game():
    h = diagnose(per_step(3000, acc=warmup_then(0.65), d_loss=0.62, g_loss=0.85, grad_g=300))[0]
    assert h.id == "divergence" and h.severity == "warning"
    assert h.evidence["grad_norm_median"] > 100


def test_brief_infinities_are_a_warning():
    t = healthy_run()
    t.columns["g_loss"][[500, 900]] = np.inf
    h = diagnose(t)[0]
    assert h.id == "divergence" and h.severity == "warning"
    assert h.evidence["infinite_rows"] == 2 and h.step_range == (501, 901)


# ---- unstable ----------------------------------------------------------------------------

def test_losses_swinging_widely_are_unstable():
    hints = diagnose(per_step(3000, acc=warmup_then(0.7), d_loss=0.55, g_loss=1.2, noise=5))
    assert ids(hints) == ["unstable"]
    assert hints[0].evidence["relative_noise"] > THRESHOLDS.unstable_rel_noise
    assert [a.knob for a in hints[0].actions][:3] == ["batch_size", "lr_d", "lr_g"]
    assert "larger batch" in hints[0].explanation_text.en


def test_loss_spikes_are_unstable():
    t = healthy_run()
    t.columns["d_loss"][400::40] = 5.0
    h = diagnose(t)[0]
    assert h.id == "unstable" and h.evidence["spikes"] >= 60


# ---- slow_progress -----------------------------------------------------------------------

def test_nothing_moving_since_the_start_is_slow_progress():
    t = per_step(1500, acc=0.5, d_loss=0.6935, g_loss=0.70, d_x=0.5, d_g_z=0.5, noise=0.05)
    hints = diagnose(t, knobs={"lr_d": 1e-6, "lr_g": 1e-6})
    assert ids(hints) == ["slow_progress"]
    h = hints[0]
    assert h.step_range == (1, 1500)
    assert h.evidence["lr_d"] == 1e-6
    assert [(a.knob, a.new_value) for a in h.actions] == [("lr_d", 2e-6), ("lr_g", 2e-6)]


def test_a_balanced_game_after_a_warm_up_is_not_slow_progress():
    t = per_step(3000, acc=warmup_then(0.5, 0.95), d_loss=warmup_then(0.693, 0.15),
                 g_loss=warmup_then(0.70, 3.0), noise=0.1)
    assert "slow_progress" not in ids(diagnose(t))
    assert "slow_progress" not in ids(diagnose(t, live=True, window=500))


# ---- windows, restarts, odd tables --------------------------------------------------------

def test_live_window_sees_the_present():
    went_bad = concat(healthy_run(2000), shifted(too_strong_run(1500), 2000))
    assert ids(diagnose(went_bad, live=True, window=1000))[0] == "d_too_strong"
    recovered = concat(too_strong_run(2000), shifted(healthy_run(1500), 2000))
    recovered.columns["d_acc"][2000:2100] = 0.65  # no second warm-up in a continuing run
    assert ids(diagnose(recovered, live=True, window=1000)) == ["healthy"]


def test_only_the_last_of_appended_runs_is_diagnosed():
    t = concat(too_strong_run(3000), healthy_run(3000, seed=3))
    assert ids(diagnose(t)) == ["healthy"]
    t = concat(healthy_run(3000, seed=3), too_strong_run(3000))
    assert ids(diagnose(t))[0] == "d_too_strong"


def test_too_little_data():
    for t in (MetricTable(step=np.array([], dtype=np.int64)),
              MetricTable(step=np.array([10, 20]), columns={"d_loss": np.array([0.1, 0.2])}),
              MetricTable(step=np.arange(100, 5000, 100), columns={"time": np.arange(49.0)})):
        hints = diagnose(t)
        assert ids(hints) == ["too_little_data"]
        assert hints[0].severity == "info"


def test_every_hint_is_json_and_bilingual():
    tables = [healthy_run(), too_strong_run(), per_step(3000, acc=0.9, d_loss=0.3,
              g_loss=sine(400, 0.8, 2.5)),
              per_step(1500, acc=0.5, d_loss=0.6935, g_loss=0.70, d_x=0.5, d_g_z=0.5, noise=0.05)]
    nan_run = healthy_run()
    nan_run.columns["d_loss"][2000:] = np.nan
    tables.append(nan_run)
    seen = set()
    for t in tables:
        for h in diagnose(t):
            seen.add(h.id)
            assert h.id in RULE_IDS
            text = json.dumps(h.to_json(), allow_nan=False)
            assert set(json.loads(text)) >= {"id", "severity", "title", "step_range", "evidence",
                                             "actions", "explanation", "title_ja",
                                             "explanation_ja"}
            assert any("\u3040" <= ch <= "\u30ff" for ch in h.explanation_text.ja), h.id
            assert "{" not in h.explanation_text.en and "{" not in h.explanation_text.ja
    assert seen >= {"healthy", "d_too_strong", "mode_collapse", "slow_progress", "divergence"}


def test_hints_are_sorted_most_severe_first():
    t = per_step(3000, acc=0.999, d_loss=lambda s: 0.3 * np.exp(-s / 100) + 0.003,
                 g_loss=lambda s: 2 + 10 * s / 3000)
    severities = [h.severity for h in diagnose(t)]
    order = {"critical": 0, "warning": 1, "info": 2}
    assert severities == sorted(severities, key=order.get)


# ---- recorded quality metrics (quality_* columns of metrics.jsonl) ------------------

def _with_quality(column, values, dataset):
    t = per_step(3000, acc=0.6, d_loss=0.62, g_loss=0.9)
    q = np.full(len(t), np.nan)
    q[999::1000] = values
    t.columns[column] = q
    return t, {"dataset": dataset}


def test_four_of_eight_ring_modes_is_not_healthy():
    t, knobs = _with_quality("quality_modes", [4, 4, 4], "ring")
    hints = diagnose(t, knobs=knobs)
    assert "healthy" not in ids(hints)
    collapse = next(h for h in hints if h.id == "mode_collapse")
    assert collapse.severity == "warning" and collapse.evidence["quality_modes_total"] == 8
    assert "4 of the data's 8" in collapse.explanation_text.en and "seems" in collapse.explanation_text.en
    # One evaluation after the warm-up is enough to say so.
    t1, _ = _with_quality("quality_modes", [np.nan, np.nan, 4], "ring")
    assert "mode_collapse" in ids(diagnose(t1, knobs=knobs))
    full, _ = _with_quality("quality_modes", [8, 8, 8], "ring")
    assert ids(diagnose(full, knobs=knobs)) == ["healthy"]


def test_a_knn_precision_of_five_percent_is_not_healthy():
    t, knobs = _with_quality("quality_precision", [0.04, 0.05, 0.05], "digits")
    hints = diagnose(t, knobs=knobs)
    assert "healthy" not in ids(hints)
    poor = next(h for h in hints if h.id == "mode_collapse")
    assert poor.title_text.en == "The samples are far from the data"
    assert poor.evidence["quality_precision_recent_median"] == 0.05
    good, _ = _with_quality("quality_precision", [0.7, 0.8, 0.8], "digits")
    assert ids(diagnose(good, knobs=knobs)) == ["healthy"]


# ---- calibration of "unstable" on a log's sampling and batch size ---------------------

def _every(table, k):
    """The same run printed every ``k`` steps (each row one batch, as console logs print)."""
    return table.slice(0, None) if k == 1 else MetricTable(
        step=table.step[::k].copy(), columns={c: v[::k].copy() for c, v in table.columns.items()},
        format="keras-gan")


def test_batch_noise_is_unstable_per_step_but_normal_in_a_log_printed_every_50_steps():
    # G loss +-30 % per batch: the noise of one batch when a log prints every 50 steps
    # (the CelebA tutorial log swings by 33 % while training well).
    run = per_step(30000, acc=warmup_then(0.7), d_loss=0.55, g_loss=1.2, noise=3)
    assert "unstable" in ids(diagnose(run))
    assert "unstable" not in ids(diagnose(_every(run, 50)))
    much_worse = per_step(30000, acc=warmup_then(0.7), d_loss=0.55, g_loss=1.2, noise=8)
    assert "unstable" in ids(diagnose(_every(much_worse, 50)))


def test_a_small_known_batch_allows_more_noise():
    run = per_step(3000, acc=warmup_then(0.7), d_loss=0.55, g_loss=1.2, noise=3)
    assert "unstable" in ids(diagnose(run, knobs={"batch_size": 64}))
    assert "unstable" not in ids(diagnose(run, knobs={"batch_size": 16}))


def test_unstable_is_never_shown_while_d_is_ahead_or_has_won():
    run = per_step(3000, acc=0.97, d_loss=0.04, g_loss=4.0, noise=5)
    hints = diagnose(run)
    assert ids(hints)[0] in ("d_too_strong", "convergence_failure") and "unstable" not in ids(hints)


def test_advice_never_repeats_a_value_in_force_nor_guesses_one():
    run = per_step(3000, acc=warmup_then(0.7), d_loss=0.55, g_loss=1.2, noise=5)
    unknown = [a.knob for h in diagnose(run, knobs=None) for a in h.actions]
    assert "beta1" not in unknown  # nearly every GAN program already uses Adam's beta1 = 0.5
    at_half = [a.knob for h in diagnose(run, knobs={"beta1": 0.5}) for a in h.actions]
    assert "beta1" not in at_half
    at_09 = [a.knob for h in diagnose(run, knobs={"beta1": 0.9}) for a in h.actions]
    assert "beta1" in at_09
