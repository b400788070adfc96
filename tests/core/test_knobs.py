import math

import pytest

from gantuner import knobs


def test_every_knob_has_bilingual_help_group_and_valid_default():
    for k in knobs.KNOBS.values():
        assert k.help_text.en and k.help_text.ja and k.label_text.en and k.label_text.ja, k.name
        assert k.group in knobs.GROUPS, k.name
        assert k.validate(k.default) == k.default, k.name


def test_issue_knob_names_exist_with_the_right_kind():
    live = {"lr_g", "lr_d", "beta1", "beta2", "batch_size", "d_steps", "g_steps", "d_dropout",
            "d_batchnorm", "label_smoothing", "instance_noise", "loss"}
    setup = {"dataset", "image_size", "model", "latent_dim", "g_width", "g_depth", "d_width",
             "d_depth", "g_batchnorm", "seed", "device"}
    assert live <= set(knobs.LIVE_KNOBS)
    assert setup <= set(knobs.SETUP_KNOBS)


@pytest.mark.parametrize("name, value, fragment", [
    ("lr_d", -1, "lr_d = -1 is out of range: use 1e-6 .. 1"),
    ("lr_d", "fast", "lr_d = 'fast' is not a number"),
    ("d_dropout", 0.95, "0 .. 0.9"),
    ("batch_size", 2.5, "not a whole number"),
    ("loss", "wgan", "one of bce, lsgan, hinge"),
    ("d_batchnorm", "maybe", "true or false"),
    ("lr_g", math.inf, "not a finite number"),
])
def test_validation_names_knob_value_and_range(name, value, fragment):
    with pytest.raises(knobs.KnobError) as info:
        knobs.validate(name, value)
    assert fragment in str(info.value)
    assert name in str(info.value)


def test_unknown_knob_suggests_close_names():
    with pytest.raises(knobs.KnobError, match="did you mean lr_g, lr_d"):
        knobs.validate("lr", 0.1)


def test_parse_assignment_coerces_types():
    assert knobs.parse_assignment("d_batchnorm=off") == ("d_batchnorm", False)
    assert knobs.parse_assignment("batch_size = 128") == ("batch_size", 128)
    assert knobs.parse_assignment("lr_d=1e-4") == ("lr_d", 1e-4)
    with pytest.raises(knobs.KnobError, match="KNOB=VALUE"):
        knobs.parse_assignment("lr_d")


def test_dataset_presets_pick_the_mlp_for_2d_data():
    assert knobs.defaults("ring")["model"] == "mlp"
    assert knobs.defaults()["dataset"] == "digits"
    assert knobs.defaults()["model"] == "dcgan"


def test_marker_labels_are_short():
    change = knobs.KnobChange(step=10, knob="lr_d", old=2e-4, new=1e-4)
    assert change.label() == "lr_d 2e-4 -> 1e-4"
    assert knobs.format_value("d_batchnorm", True) == "on"
