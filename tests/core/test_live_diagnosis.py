"""The live diagnosis controller: growing table, throttling, hints and follow-ups (no Qt)."""

from __future__ import annotations

import numpy as np
import pytest

from gantuner.diagnosis import diagnose
from gantuner.diagnosis.live import LiveDiagnosis
from gantuner.run_model import ColumnStore


def engine_row(step: int, acc: float, rng: np.random.Generator, **extra) -> dict:
    a = float(np.clip(acc + rng.normal(0, 0.01), 0.0, 1.0))
    return {"step": step, "time": 1e9 + step * 0.01, "d_loss": 0.3, "d_loss_real": 0.3, "d_loss_fake": 0.3,
            "g_loss": 3.0 + rng.normal(0, 0.1), "d_acc": a, "d_acc_real": a, "d_acc_fake": a,
            "d_x": 0.9, "d_g_z": 0.1, "grad_norm_d": 0.5, "grad_norm_g": 0.2,
            "lr_d": 2e-4, "lr_g": 2e-4, "d_dropout": 0.0, "loss": "bce", **extra}


def feed(live: LiveDiagnosis, first: int, last: int, acc: float, rng, batch: int = 50) -> None:
    """Rows first..last-1 in batches, as the worker flushes them."""
    for start in range(first, last, batch):
        live.add_rows([engine_row(s, acc, rng) for s in range(start, min(start + batch, last))])


def test_growing_table_appends_batches_past_its_capacity():
    table = ColumnStore(capacity=16, step_dtype=np.int64)
    table.append_rows([{"step": s, "d_loss": float(s), "lr_d": 1e-4, "loss": "bce"} for s in range(10)])
    table.append_rows([{"step": s, "d_loss": float(s), "quality_modes": 8.0} for s in range(10, 40)])
    table.append_rows([{"step": "bad"}, {"d_loss": 1.0}])  # no integer step: skipped
    t = table.table(events=[])
    assert len(t) == 40 and t.step.dtype == np.int64
    assert t.step.tolist() == list(range(40))
    assert t.columns["d_loss"].tolist() == [float(s) for s in range(40)]
    # A column first seen later is NaN before; knob values and text are no columns.
    assert np.isnan(t.columns["quality_modes"][:10]).all() and (t.columns["quality_modes"][10:] == 8).all()
    assert "lr_d" not in t.columns and "loss" not in t.columns


def test_table_is_views_of_the_buffers_not_a_copy():
    live = LiveDiagnosis()
    feed(live, 0, 100, 0.6, np.random.default_rng(0))
    first, second = live.table(), live.table()
    assert np.shares_memory(first.columns["d_acc"], second.columns["d_acc"])
    assert np.shares_memory(first.step, second.step)


def test_d_accuracy_pinned_at_one_gives_d_too_strong_with_concrete_actions():
    rng = np.random.default_rng(1)
    live = LiveDiagnosis()
    feed(live, 0, 500, 0.6, rng)
    feed(live, 500, 4000, 1.0, rng)
    hints = live.maybe_update(now=0.0)
    assert hints is not None
    ids = [h.id for h in hints]
    assert "d_too_strong" in ids
    hint = hints[ids.index("d_too_strong")]
    lr_d = [a for a in hint.actions if a.knob == "lr_d"]
    # The knob values in force came from the rows, so the action knows its new value.
    assert lr_d and lr_d[0].new_value == pytest.approx(1e-4)
    assert live.knob_values["lr_d"] == 2e-4


def test_healthy_run_has_no_d_too_strong_hint():
    live = LiveDiagnosis()
    feed(live, 0, 4000, 0.6, np.random.default_rng(2))
    hints = live.maybe_update(now=0.0)
    assert hints is not None and "d_too_strong" not in [h.id for h in hints]


def test_runs_at_most_every_min_interval_and_only_on_news():
    calls = []

    def counting(table, **kwargs):
        calls.append(kwargs)
        return diagnose(table, **kwargs)

    rng = np.random.default_rng(3)
    live = LiveDiagnosis(window=2000, min_interval=0.5, diagnose_fn=counting)
    assert live.maybe_update(now=0.0) is None  # nothing arrived yet
    feed(live, 0, 600, 0.6, rng)
    assert live.maybe_update(now=10.0) is not None
    feed(live, 600, 700, 0.6, rng)
    assert live.maybe_update(now=10.2) is None  # too soon
    assert live.maybe_update(now=10.6) is not None
    assert live.maybe_update(now=20.0) is None  # nothing new
    assert len(calls) == 2 and live.runs == 2
    assert calls[-1]["live"] is True and calls[-1]["window"] == 2000
    assert calls[-1]["knobs"]["lr_d"] == 2e-4


def test_a_slow_diagnosis_is_run_less_often():
    def slow(table, **kwargs):
        import time
        time.sleep(0.05)
        return []

    live = LiveDiagnosis(min_interval=0.01, diagnose_fn=slow)
    feed(live, 0, 100, 0.6, np.random.default_rng(4))
    assert live.maybe_update(now=0.0) == []
    feed(live, 100, 200, 0.6, np.random.default_rng(4))
    took = live.last_duration_s
    assert took >= 0.05
    # That work may take at most a fifth of the time: not again within 5 x its duration.
    assert live.maybe_update(now=0.1) is None
    assert live.maybe_update(now=4.9 * took) is None
    assert live.maybe_update(now=5.1 * took) == []


def test_follow_up_says_the_halved_lr_d_worked():
    rng = np.random.default_rng(5)
    live = LiveDiagnosis()
    feed(live, 0, 500, 0.6, rng)
    feed(live, 500, 4000, 1.0, rng)
    live.add_event({"step": 4000, "type": "knob", "knob": "lr_d", "old": 2e-4, "new": 1e-4,
                    "source": "hint:d_too_strong"})
    assert live.knob_values["lr_d"] == 1e-4
    feed(live, 4000, 4050, 0.74, rng)
    early = live.maybe_update(now=0.0)
    assert early is not None and "fix_result" not in [h.id for h in early]  # too few steps after it
    feed(live, 4050, 4600, 0.74, rng)
    hints = live.maybe_update(now=1.0)
    assert hints[0].id == "fix_result"  # follow-ups come first
    assert "lr_d was halved at step 4,000" in hints[0].explanation_text.en
    assert hints[0].evidence["verdict"] == "worked"


def test_a_hint_changing_two_knobs_gets_a_follow_up_for_each():
    rng = np.random.default_rng(6)
    live = LiveDiagnosis()
    feed(live, 0, 3000, 1.0, rng)
    live.add_event({"step": 2000, "type": "knob", "knob": "d_dropout", "old": 0.0, "new": 0.3, "source": "user"})
    for knob in ("lr_d", "d_dropout"):
        old, new = (2e-4, 1e-4) if knob == "lr_d" else (0.3, 0.5)
        live.add_event({"step": 3000, "type": "knob", "knob": knob, "old": old, "new": new,
                        "source": "hint:d_too_strong"})
    feed(live, 3000, 3600, 0.7, rng)
    assert [e["knob"] for e in live.latest_changes()] == ["lr_d", "d_dropout"]
    hints = live.maybe_update(now=0.0)
    follow = [h for h in hints if h.id.startswith("fix_result")]
    assert [h.id for h in follow] == ["fix_result", "fix_result_d_dropout"]
    assert follow[1].evidence["knob"] == "d_dropout"
    assert len({h.id for h in hints}) == len(hints)


def test_follow_up_is_dropped_long_after_the_change():
    rng = np.random.default_rng(7)
    live = LiveDiagnosis(follow_horizon=1000)
    feed(live, 0, 1000, 1.0, rng)
    live.add_event({"step": 1000, "type": "knob", "knob": "lr_d", "old": 2e-4, "new": 1e-4, "source": "user"})
    feed(live, 1000, 1800, 0.7, rng)
    assert "fix_result" in [h.id for h in live.maybe_update(now=0.0)]
    feed(live, 1800, 2100, 0.7, rng)
    assert "fix_result" not in [h.id for h in live.maybe_update(now=1.0)]


def test_clear_forgets_the_run():
    live = LiveDiagnosis()
    feed(live, 0, 4000, 1.0, np.random.default_rng(8))
    assert live.maybe_update(now=0.0)
    live.clear()
    assert live.maybe_update(now=1.0) == [] and live.hints == [] and len(live.table()) == 0
    assert live.knob_values == {}


def test_setup_knob_values_make_restart_actions_concrete():
    live = LiveDiagnosis()
    live.set_knob_values({"g_width": 64, "g_depth": 2, "not_a_knob": 1})
    feed(live, 0, 500, 0.6, np.random.default_rng(9))
    feed(live, 500, 4000, 1.0, np.random.default_rng(9))
    hint = next(h for h in live.maybe_update(now=0.0) if h.id == "d_too_strong")
    widen = [a for a in hint.actions if a.knob == "g_width"]
    assert widen and widen[0].needs_restart and widen[0].new_value == 128
    assert "not_a_knob" not in live.knob_values



# ---- gantuner's own recorded runs, replayed as the window receives them ----------

def _replay(run: str, batch: int = 10):
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "data" / "engine_runs" / run
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in (folder / "metrics.jsonl").read_text(encoding="utf-8").splitlines()]
    live = LiveDiagnosis(min_interval=0.0)
    live.set_knob_values(config["knobs"])
    shown = []
    for i in range(0, len(rows), batch):
        live.add_rows(rows[i:i + batch])
        hints = live.maybe_update(float(i))
        shown.append((rows[min(i + batch, len(rows)) - 1]["step"], hints or []))
    return shown


def test_a_healthy_engine_run_never_gets_a_warning_live():
    # digits defaults (8x8), 800 steps, recorded with gantuner.training.Driver
    for step, hints in _replay("digits_default"):
        assert not [h.id for h in hints if h.severity != "info"], step


def test_the_articles_case_recorded_first_card_is_d_too_strong():
    # lr_d 2e-3, lr_g 1e-5, d_steps 5 on digits (8x8), 300 steps, recorded with the Driver
    severe = [(s, [h for h in hints if h.severity in ("warning", "critical")]) for s, hints in
              _replay("digits_d_too_strong")]
    step, first = next((s, h) for s, h in severe if h)
    assert first[0].id == "d_too_strong" and step <= 60
    assert [a.knob for a in first[0].actions][:3] == ["d_dropout", "lr_d", "lr_g"]
    assert all("unstable" not in [h.id for h in hs] for _, hs in severe)
