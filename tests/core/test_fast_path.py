"""The fast path's CPU-testable parts: the static step against Engine.step(),
live knobs through device tensors (each knob's kind read from knobs.py), rebuilds
on structural changes, and falling back to eager when CUDA graphs are unavailable.

The CUDA graph capture and replay themselves need a GPU: the test marked for CUDA
runs where one is present, and benchmarks/gpu_throughput.py measures them.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from gantuner.training import Engine, fast_path
from gantuner.training.fast_path import FastStepper, eager_reason, make_stepper
from gantuner.training.tensor_knobs import TensorKnobs, structure_of

from .helpers import DIGITS_FAST, RING_FAST

# Learning rates exact in float32: fused Adam reads a tensor lr as float32 but
# a Python lr as double, so only such values give bit-equal updates both ways.
EXACT_LR = {"lr_d": 2.0 ** -10, "lr_g": 2.0 ** -11}


def fuse(engine: Engine) -> Engine:
    """Switch the engine's Adam to the fused kernel, as on CUDA (torch has it on CPU too).

    Fused groups take the learning rate as a tensor, so the torch-Adam mode
    reads lr from TensorKnobs here just as it does on a GPU.
    """
    for opt in (engine.opt_d, engine.opt_g):
        for group in opt.param_groups:
            group["fused"], group["foreach"] = True, False
    return engine


def run(step, count: int) -> np.ndarray:
    return torch.stack([step() for _ in range(count)]).numpy()


def eager_run(config: dict, plan: list, fused: bool = False) -> np.ndarray:
    """Engine.step() over ``plan``: ints are step counts, dicts knob changes."""
    engine = Engine(config)
    if fused:
        fuse(engine)
    rows = []
    for item in plan:
        if isinstance(item, dict):
            engine.apply_knobs(item)
        else:
            rows.append(run(engine.step, item))
    return np.concatenate(rows)


def fast_run(config: dict, plan: list, fused: bool = False, **stepper_options) -> tuple[np.ndarray, FastStepper]:
    """The same plan through a FastStepper running its static step eagerly."""
    engine = Engine(config)
    if fused:
        fuse(engine)
    stepper = FastStepper(engine, graphs=False, **stepper_options)
    rows = []
    for item in plan:
        if isinstance(item, dict):
            stepper.knobs_changed(engine.apply_knobs(item))
        else:
            rows.append(run(stepper.step, item))
    assert engine.step_count == sum(i for i in plan if isinstance(i, int))
    return np.concatenate(rows), stepper


# ---- the static step is Engine.step() ---------------------------------------

@pytest.mark.parametrize("config", [
    {**RING_FAST},
    {**RING_FAST, "loss": "lsgan", "label_smoothing": 0.1, "instance_noise": 0.05, "d_steps": 2},
    {**DIGITS_FAST, "loss": "hinge", "d_dropout": 0.2, "d_batchnorm": True, "g_steps": 2},
    {**DIGITS_FAST, "d_steps": 0},
], ids=["ring", "ring-lsgan-smooth-noise-2d", "digits-hinge-dropout-bn-2g", "digits-g-only"])
def test_static_step_gives_engine_step_numbers_bit_for_bit(config):
    config = {**config, "seed": 5}
    expected = eager_run(config, [4])
    got, stepper = fast_run(config, [4])
    np.testing.assert_array_equal(got, expected)
    assert stepper.active and stepper.builds == 1


# ---- live knobs ---------------------------------------------------------------

def test_scalar_knob_changes_reach_the_step_through_tensors_without_a_rebuild():
    config = {**RING_FAST, **EXACT_LR, "seed": 7, "instance_noise": 0.02}
    changes = {"lr_d": 2.0 ** -9, "lr_g": 2.0 ** -13, "label_smoothing": 0.2, "instance_noise": 0.1}
    plan = [2, changes, 3]
    expected = eager_run(config, plan, fused=True)
    got, stepper = fast_run(config, plan, fused=True)
    np.testing.assert_array_equal(got, expected)
    assert stepper.builds == 1  # no rebuild: the step read the new values from memory
    assert stepper.knobs.loads == 2
    assert stepper.knobs.lr_d.item() == 2.0 ** -9
    assert stepper.knobs.real_target.item() == np.float32(1.0 - 0.2)
    # The changes did change the training (the test would pass vacuously otherwise).
    unchanged = eager_run(config, [5], fused=True)
    assert not np.array_equal(unchanged[2:], expected[2:])


def test_structural_changes_rebuild_at_the_next_step_and_stay_exact():
    config = {**RING_FAST, **EXACT_LR, "seed": 9}
    plan = [2, {"batch_size": 32}, 2, {"loss": "hinge", "d_steps": 2}, 1,
            {"instance_noise": 0.1}, 1, {"instance_noise": 0.2}, 1, {"beta1": 0.7}, 1]
    expected = eager_run(config, plan, fused=True)
    got, stepper = fast_run(config, plan, fused=True)
    np.testing.assert_array_equal(got, expected)
    # batch size; loss and D steps together; noise switched on; beta1 (a float
    # to fused Adam).  Noise 0.1 -> 0.2 is a tensor fill, not a rebuild.
    assert stepper.builds == 5


def test_replacing_the_optimizer_state_rebuilds():
    engine = Engine({**RING_FAST, "seed": 1})
    stepper = FastStepper(engine, graphs=False)
    stepper.step()
    engine.opt_d.load_state_dict(engine.opt_d.state_dict())  # what a checkpoint restore does
    stepper.step()
    assert stepper.builds == 2
    stepper.step()
    assert stepper.builds == 2


def test_structure_counts_noise_only_as_on_or_off():
    live = dict(Engine({**RING_FAST}).live)
    base = structure_of(live)
    assert structure_of({**live, "lr_d": 1e-2, "label_smoothing": 0.3}) == base
    assert structure_of({**live, "instance_noise": 0.1}) != base
    assert structure_of({**live, "instance_noise": 0.1}) == structure_of({**live, "instance_noise": 0.3})
    assert structure_of({**live, "d_dropout": 0.3}) != base


def test_every_live_knob_has_a_kind_the_fast_path_follows():
    from gantuner import knobs
    from gantuner.training.tensor_knobs import DEVICE_VALUES

    live = dict(Engine({**RING_FAST}).live)
    assert set(knobs.LIVE_KNOBS) == set(knobs.SCALAR_KNOBS) | set(knobs.STRUCTURAL_KNOBS)
    for name in knobs.LIVE_KNOBS:
        k = knobs.KNOBS[name]
        if k.choices:
            other = next(c for c in k.choices if c != live[name])
        elif k.type is bool:
            other = not live[name]
        else:  # another valid value
            other = k.validate(live[name] + 1 if k.type is int else (k.minimum + k.maximum) / 2)
        assert other != live[name]
        if k.kind == knobs.SCALAR:  # read from a device tensor: a change is a fill, no rebuild
            assert name in DEVICE_VALUES, f"{name}: a scalar knob the captured step would freeze"
            tensors = TensorKnobs("cpu", live)
            assert tensors.load({**live, name: other}) is True
        else:  # changes the kernels: the step is built again
            assert k.kind == knobs.STRUCTURAL
            assert structure_of({**live, name: other}) != structure_of(live), name
    with pytest.raises(ValueError, match="kind"):  # a knob cannot be declared without a kind
        knobs.Knob("new_knob", float, 0.0, "live", "loss", "help", "ヘルプ")


def test_tensor_knobs_hold_what_the_eager_step_computes():
    live = {"lr_d": 2e-4, "lr_g": 1e-3, "beta1": 0.5, "beta2": 0.999, "label_smoothing": 0.1,
            "instance_noise": 0.05}
    knobs = TensorKnobs("cpu", live)
    assert knobs.real_target.item() == np.float32(1.0 - 0.1)  # rounded once, from double
    assert knobs.beta2.item() == np.float32(0.999)
    assert knobs.instance_noise.item() == np.float32(0.05)
    assert knobs.load(dict(live)) is False and knobs.loads == 1
    assert knobs.load({**live, "lr_g": 5e-4}) is True and knobs.lr_g.item() == np.float32(5e-4)


# ---- precision ------------------------------------------------------------------

def test_bf16_autocast_static_step_trains_and_differs_from_fp32():
    config = {**DIGITS_FAST, "seed": 4}
    fp32, _ = fast_run(config, [2])
    bf16, stepper = fast_run({**config, "precision": "bf16"}, [2])
    assert stepper.precision == "bf16"
    assert np.isfinite(bf16).all()
    assert not np.array_equal(bf16, fp32)
    np.testing.assert_allclose(bf16[0, :3], fp32[0, :3], rtol=0.05)  # same step, coarser numbers


# ---- warm-up, capture, replay: the control flow, with CUDA stood in for ------------

class DeferredGraphs:
    """Stands in for fast_path.CudaGraphs on CPU.

    Like a real capture, ``capture`` runs nothing; ``replay`` runs the step
    and writes its metrics into one fixed output tensor, which the next
    replay overwrites, as a graph's static output is.
    """

    def __init__(self):
        self.warm_ups = self.captures = self.replays = 0

    def warm_up(self, step):
        self.warm_ups += 1
        return step()

    def capture(self, step):
        self.captures += 1
        owner = self

        class Captured:
            output = torch.full((11,), float("nan"))

            def replay(self):
                owner.replays += 1
                self.output.copy_(step())

        return Captured()


def test_warm_up_capture_replay_and_recapture_give_the_eager_steps():
    config = {**RING_FAST, **EXACT_LR, "seed": 12}
    plan = [6, {"batch_size": 32}, 4, {"lr_d": 2.0 ** -9}, 3]
    expected = eager_run(config, plan, fused=True)
    backend = DeferredGraphs()
    events: list[dict] = []
    got, stepper = fast_run(config, plan, fused=True, backend=backend, log=events.append)
    # Each step ran exactly once, in order, and kept vectors were not overwritten.
    np.testing.assert_array_equal(got, expected)
    assert backend.warm_ups == fast_path.WARMUP_STEPS + fast_path.REWARMUP_STEPS
    assert backend.captures == stepper.captures == 2  # the lr change needed none
    assert backend.replays == 13 - backend.warm_ups
    assert [e["type"] for e in events] == ["info", "info"]
    assert events[0]["message"].startswith("Fast path on")
    assert "batch_size" in events[1]["message"] and "batch_size" in events[1]["message_ja"]
    assert stepper.status()["fast_path"] == "cuda_graph" and stepper.last_capture_ms is not None


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_cuda_graph_replays_give_the_eager_steps_within_rounding():
    config = {**RING_FAST, "device": "cuda", "seed": 13}
    plan = [6, {"lr_d": 3e-4, "label_smoothing": 0.1}, 4, {"batch_size": 32}, 4]
    expected = eager_run(config, plan)
    engine = Engine(config)
    stepper = FastStepper(engine)
    rows = []
    for item in plan:
        if isinstance(item, dict):
            stepper.knobs_changed(engine.apply_knobs(item))
        else:
            rows.append(torch.stack([stepper.step() for _ in range(item)]).cpu().numpy())
    got = np.concatenate(rows)
    assert stepper.active and stepper.captures == 2, stepper.reason
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)


# ---- when the fast path is off -----------------------------------------------------

def test_graph_path_without_cuda_falls_back_to_eager_and_says_why():
    config = {**RING_FAST, "seed": 6}
    expected = eager_run(config, [3])
    for warmup in (2, 0):  # failing in the warm-up (side stream) or in the capture itself
        engine = Engine(config)
        events: list[dict] = []
        stepper = FastStepper(engine, log=events.append, graphs=True, warmup_steps=warmup)
        got = run(stepper.step, 3)
        np.testing.assert_array_equal(got, expected)  # nothing ran twice, nothing was lost
        assert engine.step_count == 3
        assert not stepper.active
        assert stepper.reason.en.startswith("Fast path off") and "eagerly" in stepper.reason.en
        assert "高速経路" in stepper.reason.ja
        assert [e["type"] for e in events] == ["error"]
        assert events[0]["message"] == stepper.reason.en and events[0]["message_ja"] == stepper.reason.ja
        assert stepper.status()["fast_path"] == "eager"


def test_make_stepper_stays_eager_on_cpu_and_logs_why(monkeypatch):
    engine = Engine({**RING_FAST})
    events: list[dict] = []
    assert make_stepper(engine, log=events.append) is None
    assert events == [{"type": "info", "message": eager_reason(engine).en, "message_ja": eager_reason(engine).ja}]
    assert "CUDA" in events[0]["message"] and "CPU" in events[0]["message"]
    status = fast_path.path_status(None, engine)
    assert status == {"fast_path": "eager", "fast_path_reason": events[0]["message"],
                      "fast_path_reason_ja": events[0]["message_ja"]}
    engine.config["precision"] = "bf16"
    assert "fp32" in eager_reason(engine).en
    monkeypatch.setenv(fast_path.DISABLE_VARIABLE, "0")
    assert fast_path.DISABLE_VARIABLE in eager_reason(engine).en


def test_every_message_has_both_languages():
    for key, text in fast_path.MESSAGES.items():
        en, ja = text.en, text.ja
        assert en and ja and en != ja, key
