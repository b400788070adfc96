"""The run model without Qt: rows into one column store, events, knobs in force and pending,
state, and observers told of each change."""

from __future__ import annotations

import math

import numpy as np

from gantuner.metrics import ENGINE_FIELDS
from gantuner.run_model import ColumnStore, RunModel
from gantuner.training.control import RunState


class Seen:
    def __init__(self):
        self.calls: list[tuple] = []

    def rows_added(self, rows):
        self.calls.append(("rows", len(rows)))

    def cleared(self):
        self.calls.append(("cleared",))

    def event_added(self, event):
        self.calls.append(("event", event["type"]))

    def knobs_changed(self, in_force, pending):
        self.calls.append(("knobs", dict(in_force), dict(pending)))

    def state_changed(self, state):
        self.calls.append(("state", state))


def row(step, lr_d=2e-4, **extra):
    return {"step": step, "time": 1.0, **{f: 0.5 for f in ENGINE_FIELDS}, "lr_d": lr_d, "loss": "bce", **extra}


def test_rows_events_knobs_and_state_reach_the_observers():
    model = RunModel(ENGINE_FIELDS)
    seen = Seen()
    model.subscribe(seen)
    model.set_state("running")
    model.add_rows([row(1), row(2)])
    model.ask_knobs({"lr_d": 1e-4})
    assert model.knobs_pending == {"lr_d": 1e-4} and model.knobs_in_force["lr_d"] == 2e-4
    model.add_rows([row(3)])  # trained with the old value still: still pending
    assert model.knobs_pending == {"lr_d": 1e-4}
    model.add_rows([row(4, lr_d=1e-4)])
    assert model.knobs_pending == {} and model.knobs_in_force == {"lr_d": 1e-4, "loss": "bce"}
    model.add_events([{"type": "knob", "knob": "lr_d", "step": 4}])
    assert model.rows.steps.tolist() == [1, 2, 3, 4] and len(model.events) == 1
    model.clear()
    assert len(model.rows) == 0 and model.events == [] and model.knobs_in_force == {}
    assert seen.calls == [
        ("state", RunState.RUNNING), ("rows", 2), ("knobs", {"lr_d": 2e-4, "loss": "bce"}, {}),
        ("knobs", {"lr_d": 2e-4, "loss": "bce"}, {"lr_d": 1e-4}), ("rows", 1), ("rows", 1),
        ("knobs", {"lr_d": 1e-4, "loss": "bce"}, {}), ("event", "knob"), ("cleared",)]


def test_a_store_with_fixed_fields_keeps_exactly_those():
    store = ColumnStore(["d_loss", "g_loss"], capacity=4)
    store.append_rows([{"step": s, "d_loss": s, "extra": 1.0, "g_loss": None} for s in range(1, 11)])
    assert store.names() == ["d_loss", "g_loss"] and len(store) == 10 and store.capacity == 16
    assert store.column("d_loss").tolist() == list(range(1, 11)) and np.isnan(store.column("g_loss")).all()
    assert store.index_at(4.4) == 3 and store.last_step() == 10
    version, generation = store.version, store.generation
    store.clear()
    assert len(store) == 0 and store.version > version and store.generation > generation
    assert math.isnan(ColumnStore(["x"]).index_at(1.0) or math.nan)
