import math

import numpy as np
import pytest
import torch

from gantuner import knobs
from gantuner.metrics import ENGINE_FIELDS
from gantuner.training import Engine
from gantuner.training.engine import resolve_config

from .helpers import DIGITS_FAST, RING_FAST


def run_steps(engine: Engine, count: int) -> np.ndarray:
    return torch.stack([engine.step() for _ in range(count)]).numpy()


def test_step_returns_every_engine_field_on_the_device():
    engine = Engine(RING_FAST)
    vector = engine.step()
    assert vector.shape == (len(ENGINE_FIELDS),)
    assert vector.device == engine.device
    values = dict(zip(ENGINE_FIELDS, vector.tolist()))
    assert all(math.isfinite(v) for v in values.values())
    assert 0 <= values["d_acc_real"] <= 1 and 0 <= values["d_acc_fake"] <= 1
    assert values["d_acc"] == pytest.approx((values["d_acc_real"] + values["d_acc_fake"]) / 2)
    assert values["d_loss"] == pytest.approx((values["d_loss_real"] + values["d_loss_fake"]) / 2)
    assert 0 <= values["d_x"] <= 1 and 0 <= values["d_g_z"] <= 1


@pytest.mark.parametrize("config", [RING_FAST, DIGITS_FAST], ids=["ring", "digits"])
def test_same_seed_gives_the_same_numbers(config):
    first = run_steps(Engine({**config, "seed": 3, "d_dropout": 0.2}), 5)
    second = run_steps(Engine({**config, "seed": 3, "d_dropout": 0.2}), 5)
    third = run_steps(Engine({**config, "seed": 4, "d_dropout": 0.2}), 5)
    np.testing.assert_array_equal(first, second)
    assert not np.array_equal(first, third)


@pytest.mark.parametrize("loss", knobs.LOSSES)
def test_every_loss_trains_and_reports_probabilities(loss):
    values = run_steps(Engine({**RING_FAST, "loss": loss, "label_smoothing": 0.1,
                               "instance_noise": 0.05}), 3)
    assert np.isfinite(values).all()
    d_x = values[:, ENGINE_FIELDS.index("d_x")]
    assert ((0 <= d_x) & (d_x <= 1)).all()


def test_model_follows_the_data():
    assert resolve_config({"dataset": "ring", "model": "dcgan"})["model"] == "mlp"
    assert resolve_config({"dataset": "digits", "model": "mlp"})["model"] == "dcgan"


@pytest.mark.parametrize("size", [8, 16, 28, 32])
def test_digits_at_every_image_size(size):
    engine = Engine({**DIGITS_FAST, "image_size": size, "batch_size": 8})
    assert engine.dataset.images.dtype == torch.uint8
    assert engine.dataset.images.shape[-1] == size
    engine.step()
    grid = engine.fixed_samples()
    assert grid.dtype == np.uint8 and grid.shape[2] == 1 and grid.flags["C_CONTIGUOUS"]
    assert grid.shape[0] == 8 * (size + 1) + 1


def test_fixed_samples_do_not_disturb_training():
    # Engines share torch's global RNG (seeded at construction): build each just before use.
    a = run_steps(Engine(RING_FAST), 3)
    looked_at = Engine(RING_FAST)
    looked_at.fixed_samples()
    looked_at.real_samples(100)
    b = run_steps(looked_at, 3)
    np.testing.assert_array_equal(a, b)
    points = looked_at.fixed_samples()
    assert points["real"].shape[1] == 2 and points["fake"].shape[1] == 2


def test_d_and_g_halves_update_only_their_model():
    engine = Engine(RING_FAST)
    g_before = [p.clone() for p in engine.G.parameters()]
    d_before = [p.clone() for p in engine.D.parameters()]
    engine.d_half()
    assert all(torch.equal(a, b) for a, b in zip(g_before, engine.G.parameters()))
    assert not all(torch.equal(a, b) for a, b in zip(d_before, engine.D.parameters()))
    d_after = [p.clone() for p in engine.D.parameters()]
    engine.g_half()
    assert all(torch.equal(a, b) for a, b in zip(d_after, engine.D.parameters()))
    assert not all(torch.equal(a, b) for a, b in zip(g_before, engine.G.parameters()))


def test_zero_d_steps_reports_nan_for_d_metrics():
    engine = Engine({**RING_FAST, "d_steps": 0})
    values = dict(zip(ENGINE_FIELDS, engine.step().tolist()))
    assert math.isnan(values["d_loss"]) and math.isfinite(values["g_loss"])


def test_setup_knob_cannot_change_live():
    engine = Engine(RING_FAST)
    with pytest.raises(knobs.KnobError, match="needs a restart"):
        engine.apply_knobs({"g_width": 64})
