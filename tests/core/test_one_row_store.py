"""Each row is stored once: the live diagnosis reads the run model's column store and
judges exactly as it does with a store of its own (no Qt)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from gantuner.columns import ColumnStore
from gantuner.diagnosis.live import LiveDiagnosis
from gantuner.metrics import ENGINE_FIELDS
from gantuner.run_model import RunModel

RUNS = Path(__file__).resolve().parents[1] / "data" / "engine_runs"


def _hint_texts(hints) -> list[str]:
    # repr: every field, numbers and their types included (a step shown as 4000.0 would differ)
    return [repr(h) for h in hints]


def _both_ways(rows: list[dict], knobs: dict, events_at: dict[int, list[dict]], batch: int = 10):
    alone = LiveDiagnosis(min_interval=0.0)
    model = RunModel(ENGINE_FIELDS)
    shared = LiveDiagnosis(min_interval=0.0, rows=model.rows)
    for live in (alone, shared):
        live.set_knob_values(knobs)
    seen = 0
    for i in range(0, len(rows), batch):
        part = rows[i:i + batch]
        alone.add_rows(part)
        model.add_rows(part)  # the run model's owner appends; the window's dock then tells the diagnosis
        shared.rows_added(part)
        for event in events_at.get(i, []):
            alone.add_event(event)
            shared.add_event(event)
        a, b = alone.maybe_update(float(i)), shared.maybe_update(float(i))
        assert _hint_texts(a or []) == _hint_texts(b or []), f"rows {i}..{i + len(part)}"
        seen += len(a or [])
    return seen


@pytest.mark.parametrize("run", sorted(p.name for p in RUNS.iterdir() if (p / "metrics.jsonl").exists()))
def test_recorded_runs_get_the_same_hints_from_the_run_models_store(run):
    folder = RUNS / run
    knobs = json.loads((folder / "config.json").read_text(encoding="utf-8"))["knobs"]
    rows = [json.loads(line) for line in (folder / "metrics.jsonl").read_text(encoding="utf-8").splitlines()]
    assert _both_ways(rows, knobs, {}) > 0


def test_a_follow_up_and_quality_columns_are_judged_the_same_way():
    rng = np.random.default_rng(11)
    rows = []
    for step in range(0, 4600):
        acc = 1.0 if 500 <= step < 4000 else (0.6 if step < 500 else 0.74)
        a = float(np.clip(acc + rng.normal(0, 0.01), 0.0, 1.0))
        row = {"step": step, "time": 1e9 + step * 0.01, "d_loss": 0.3, "d_loss_real": 0.3, "d_loss_fake": 0.3,
               "g_loss": 3.0 + rng.normal(0, 0.1), "d_acc": a, "d_acc_real": a, "d_acc_fake": a,
               "d_x": 0.9, "d_g_z": 0.1, "grad_norm_d": 0.5, "grad_norm_g": 0.2,
               "lr_d": 2e-4 if step < 4000 else 1e-4, "lr_g": 2e-4, "loss": "bce"}
        if step % 500 == 0:
            row.update(quality_modes=8.0 if step < 1000 else 2.0, quality_high_quality=0.5)
        rows.append(row)
    change = {"step": 4000, "type": "knob", "knob": "lr_d", "old": 2e-4, "new": 1e-4, "source": "hint:d_too_strong"}
    assert _both_ways(rows, {}, {4000: [change]}, batch=50) > 0


def test_the_run_models_store_keeps_every_numeric_field_and_tables_only_measured_ones():
    store = ColumnStore(["d_loss", "d_acc"], capacity=4, more=True)
    store.append_rows([{"step": s, "d_loss": 0.5, "loss": "bce", "lr_d": 1e-4} for s in range(3)])
    store.append_rows([{"step": 3, "d_loss": 0.4, "quality_modes": 5.0, "time": 7.0}])
    assert store.names()[:2] == ["d_loss", "d_acc"] and {"quality_modes", "time"} <= set(store.names())
    assert "loss" not in store.names() and "lr_d" not in store.names()  # text and knob values: no columns
    assert np.isnan(store.column("quality_modes")[:3]).all() and store.column("quality_modes")[3] == 5.0
    table = store.table(events=[])
    # d_acc was never measured: absent from the table, as from a log without it.
    assert "d_acc" not in table.columns and table.columns["d_loss"].tolist() == [0.5, 0.5, 0.5, 0.4]
    store.clear()
    assert store.names() == ["d_loss", "d_acc"] and store.table(events=[]).columns == {}


def test_a_diagnosis_reading_a_shared_store_leaves_appending_and_clearing_to_its_owner():
    model = RunModel(ENGINE_FIELDS)
    live = LiveDiagnosis(rows=model.rows)
    model.add_rows([{"step": 1, "d_loss": 0.7}])
    live.clear()
    assert len(model.rows) == 1  # the run model's rows stay
    with pytest.raises(RuntimeError, match="shared store"):
        live.add_rows([{"step": 2, "d_loss": 0.7}])
