"""The fast path's CPU-testable parts: the static step against Engine.step(),
live knobs through device tensors, rebuilds on structural changes, the
graph-safe Adam, and falling back to eager when CUDA graphs are unavailable.

The CUDA graph capture and replay themselves need a GPU; benchmarks/gpu_throughput.py
checks them (eager vs graph losses) on one.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from gantuner.training import Engine
from gantuner.training import fast_path
from gantuner.training.fast_path import FastStepper, eager_reason, make_stepper
from gantuner.training.tensor_adam import TensorAdam, TensorAdamUnsupported, unsupported_reason
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
    got, stepper = fast_run(config, [4], adam="torch")
    np.testing.assert_array_equal(got, expected)
    assert stepper.active and stepper.builds == 1


@pytest.mark.parametrize("config", [RING_FAST, DIGITS_FAST], ids=["ring", "digits"])
def test_tensor_adam_mode_stays_within_float_rounding_of_the_engine(config):
    config = {**config, "seed": 2}
    expected = eager_run(config, [4])
    got, stepper = fast_run(config, [4], adam="tensor")
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    assert stepper.active


# ---- live knobs ---------------------------------------------------------------

def test_scalar_knob_changes_reach_the_step_through_tensors_without_a_rebuild():
    config = {**RING_FAST, **EXACT_LR, "seed": 7, "instance_noise": 0.02}
    changes = {"lr_d": 2.0 ** -9, "lr_g": 2.0 ** -13, "label_smoothing": 0.2, "instance_noise": 0.1}
    plan = [2, changes, 3]
    expected = eager_run(config, plan, fused=True)
    got, stepper = fast_run(config, plan, fused=True, adam="torch")
    np.testing.assert_array_equal(got, expected)
    assert stepper.builds == 1  # no rebuild: the step read the new values from memory
    assert stepper.knobs.loads == 2
    assert stepper.knobs.lr_d.item() == 2.0 ** -9
    assert stepper.knobs.real_target.item() == np.float32(1.0 - 0.2)
    # The changes did change the training (the test would pass vacuously otherwise).
    unchanged = eager_run(config, [5], fused=True)
    assert not np.array_equal(unchanged[2:], expected[2:])


def test_tensor_adam_mode_takes_beta_changes_live_too():
    config = {**RING_FAST, "seed": 8}
    plan = [2, {"beta1": 0.8, "beta2": 0.99, "lr_d": 3e-4}, 3]
    expected = eager_run(config, plan)
    got, stepper = fast_run(config, plan, adam="tensor")
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    assert stepper.builds == 1


def test_structural_changes_rebuild_at_the_next_step_and_stay_exact():
    config = {**RING_FAST, **EXACT_LR, "seed": 9}
    plan = [2, {"batch_size": 32}, 2, {"loss": "hinge", "d_steps": 2}, 1,
            {"instance_noise": 0.1}, 1, {"instance_noise": 0.2}, 1, {"beta1": 0.7}, 1]
    expected = eager_run(config, plan, fused=True)
    got, stepper = fast_run(config, plan, fused=True, adam="torch")
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


# ---- the graph-safe Adam --------------------------------------------------------

def test_tensor_adam_follows_torch_adam_including_skipped_parameters():
    torch.manual_seed(0)
    shapes = [(16, 8), (16,), (8, 16), (8,)]
    ours = [torch.nn.Parameter(torch.randn(s)) for s in shapes]
    theirs = [torch.nn.Parameter(p.detach().clone()) for p in ours]
    live = {"lr_d": 1e-2, "lr_g": 0.0, "beta1": 0.5, "beta2": 0.999, "label_smoothing": 0.0,
            "instance_noise": 0.0}
    reference = torch.optim.Adam(theirs, lr=1e-2, betas=(0.5, 0.999), foreach=True)
    holder = torch.optim.Adam(ours, lr=1e-2, betas=(0.5, 0.999), foreach=True)
    knobs = TensorKnobs("cpu", live)
    adam = TensorAdam(holder, knobs.lr_d, knobs.beta1, knobs.beta2, knobs.one_minus_beta1, knobs.one_minus_beta2)
    for i in range(12):
        if i == 6:  # a live change, as a knob would make it
            live = {**live, "lr_d": 3e-3, "beta1": 0.9, "beta2": 0.99}
            knobs.load(live)
            for group in reference.param_groups:
                group["lr"], group["betas"] = 3e-3, (0.9, 0.99)
            adam.forget_buckets()  # parameters 2 and 3 now lag 3 steps behind
        grads = [torch.randn(s) for s in shapes]
        skip = {2, 3} if 3 <= i < 6 else set()  # like D's batch norm switched off for a while
        for k, (p, q, g) in enumerate(zip(ours, theirs, grads)):
            p.grad = None if k in skip else g.clone()
            q.grad = None if k in skip else g.clone()
        adam.step()
        reference.step()
    for p, q in zip(ours, theirs):
        torch.testing.assert_close(p, q, rtol=1e-6, atol=1e-6)
    for p, q in zip(ours, theirs):  # the same state, so checkpoints and eager steps carry on
        assert holder.state[p].keys() == reference.state[q].keys()
        assert holder.state[p]["step"].item() == reference.state[q]["step"].item()
    assert holder.state[ours[2]]["step"].item() == 9


def test_tensor_adam_refuses_options_it_does_not_implement():
    p = torch.nn.Parameter(torch.zeros(3))
    knobs = TensorKnobs("cpu", {"lr_d": 1e-3, "lr_g": 1e-3, "beta1": 0.5, "beta2": 0.9,
                                "label_smoothing": 0.0, "instance_noise": 0.0})
    opt = torch.optim.Adam([p], weight_decay=1e-4)
    assert "weight_decay" in unsupported_reason(opt)
    with pytest.raises(TensorAdamUnsupported, match="weight_decay"):
        TensorAdam(opt, knobs.lr_d, knobs.beta1, knobs.beta2, knobs.one_minus_beta1, knobs.one_minus_beta2)
    assert unsupported_reason(torch.optim.Adam([p], amsgrad=True)) == "Adam option amsgrad is on"
    assert unsupported_reason(torch.optim.Adam([p])) is None


def test_tensor_knobs_hold_what_the_eager_step_computes():
    live = {"lr_d": 2e-4, "lr_g": 1e-3, "beta1": 0.5, "beta2": 0.999, "label_smoothing": 0.1,
            "instance_noise": 0.05}
    knobs = TensorKnobs("cpu", live)
    assert knobs.real_target.item() == np.float32(1.0 - 0.1)  # rounded once, from double
    assert knobs.one_minus_beta2.item() == np.float32(1.0 - 0.999)
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
        assert stepper.reason.startswith("Fast path off") and "eagerly" in stepper.reason
        assert "高速経路" in stepper.reason_ja
        assert [e["type"] for e in events] == ["error"]
        assert events[0]["message"] == stepper.reason and events[0]["message_ja"] == stepper.reason_ja
        assert stepper.status()["fast_path"] == "eager"


def test_make_stepper_stays_eager_on_cpu_and_logs_why(monkeypatch):
    engine = Engine({**RING_FAST})
    events: list[dict] = []
    assert make_stepper(engine, log=events.append) is None
    assert events == [{"type": "info", "message": eager_reason(engine)[0], "message_ja": eager_reason(engine)[1]}]
    assert "CUDA" in events[0]["message"] and "CPU" in events[0]["message"]
    status = fast_path.path_status(None, engine)
    assert status == {"fast_path": "eager", "fast_path_reason": events[0]["message"],
                      "fast_path_reason_ja": events[0]["message_ja"]}
    engine.config["precision"] = "bf16"
    assert "fp32" in eager_reason(engine)[0]
    monkeypatch.setenv(fast_path.DISABLE_VARIABLE, "0")
    assert fast_path.DISABLE_VARIABLE in eager_reason(engine)[0]


def test_tensor_mode_with_an_unsupported_optimizer_steps_eagerly():
    engine = Engine({**RING_FAST, "seed": 3})
    engine.opt_d.param_groups[0]["weight_decay"] = 1e-4
    events: list[dict] = []
    stepper = FastStepper(engine, log=events.append, adam="tensor", graphs=False)
    assert not stepper.active and "weight_decay" in stepper.reason
    assert events and events[0]["type"] == "info"
    vector = stepper.step()
    assert engine.step_count == 1 and torch.isfinite(vector).all()


def test_every_message_has_both_languages():
    for key, (en, ja) in fast_path.MESSAGES.items():
        assert en and ja and en != ja, key
