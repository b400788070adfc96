"""The shipped digits classifier: accuracy, size, safe loading, and the training script."""

import json

import pytest
import torch
import torch.nn.functional as F
from safetensors.torch import save_file

from gantuner.quality import QualityError, classifier, train_classifier
from gantuner.quality.digits_data import heldout_digits, load_digits, split_indices


def _accuracy(model, images, labels):
    probabilities, _ = classifier.classify(images, model)
    return float((probabilities.argmax(dim=1) == labels).float().mean())


def test_shipped_weights_reach_95_percent_on_heldout_digits():
    images, labels = heldout_digits()
    assert len(labels) == 359  # 20 % of 1797, the fixed split
    assert _accuracy(classifier.load_classifier(), images, labels) >= 0.95


def test_shipped_report_matches_the_shipped_weights():
    report = json.loads(classifier.info_path().read_text(encoding="utf-8"))
    images, labels = heldout_digits()
    measured = _accuracy(classifier.load_classifier(), images, labels)
    assert report["heldout_accuracy"] == pytest.approx(measured, abs=1e-6)
    assert report["format"] == classifier.FORMAT
    assert report["weights_bytes"] == classifier.weights_path().stat().st_size


def test_weights_are_kilobytes_not_megabytes():
    assert classifier.weights_path().stat().st_size < 100_000


def test_split_is_fixed_and_disjoint():
    _, labels = load_digits()
    train_a, held_a = split_indices(len(labels))
    train_b, held_b = split_indices(len(labels))
    assert (held_a == held_b).all() and (train_a == train_b).all()
    assert not set(train_a) & set(held_a)
    assert len(train_a) + len(held_a) == len(labels)


@pytest.mark.parametrize("size", [16, 28, 32])
def test_one_classifier_serves_every_image_size(size):
    images, labels = heldout_digits()
    enlarged = F.interpolate(images, size=size, mode="bilinear", align_corners=False)
    assert _accuracy(classifier.load_classifier(), enlarged, labels) >= 0.95


def test_colour_images_are_read_as_grey():
    images, labels = heldout_digits()
    colour = images.repeat(1, 3, 1, 1)
    assert _accuracy(classifier.load_classifier(), colour, labels) >= 0.95


def test_images_smaller_than_8px_are_refused():
    with pytest.raises(QualityError, match="8x8"):
        classifier.prepare(torch.zeros(2, 1, 4, 4))


def test_loading_never_unpickles(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("torch.load must not be used")

    monkeypatch.setattr(torch, "load", refuse)
    model = classifier.load_classifier.__wrapped__(str(classifier.weights_path()))
    assert isinstance(model, classifier.DigitsNet)


def test_missing_or_foreign_weights_say_how_to_remake_them(tmp_path):
    with pytest.raises(QualityError, match="train_classifier"):
        classifier.load_classifier.__wrapped__(str(tmp_path / "absent.safetensors"))
    garbage = tmp_path / "garbage.safetensors"
    garbage.write_bytes(b"not a safetensors file")
    with pytest.raises(QualityError, match="train_classifier"):
        classifier.load_classifier.__wrapped__(str(garbage))
    foreign = tmp_path / "foreign.safetensors"
    save_file({"weight": torch.zeros(3)}, str(foreign), metadata={"format": "something-else"})
    with pytest.raises(QualityError, match="not a gantuner-digits-classifier"):
        classifier.load_classifier.__wrapped__(str(foreign))
    wrong_shape = tmp_path / "wrong.safetensors"
    tensors = {k: torch.zeros(1) for k in classifier.DigitsNet().state_dict()}
    save_file(tensors, str(wrong_shape), metadata={"format": classifier.FORMAT})
    with pytest.raises(QualityError, match="has shape"):
        classifier.load_classifier.__wrapped__(str(wrong_shape))


def test_training_script_writes_loadable_weights_and_report(tmp_path, capsys):
    assert train_classifier.main(["--epochs", "1", "--out", str(tmp_path)]) == 0
    report = json.loads((tmp_path / classifier.INFO_NAME).read_text(encoding="utf-8"))
    assert report["settings"]["epochs"] == 1
    assert 0.0 <= report["heldout_accuracy"] <= 1.0
    model = classifier.load_classifier.__wrapped__(str(tmp_path / classifier.WEIGHTS_NAME))
    images, labels = heldout_digits()
    assert _accuracy(model, images, labels) == pytest.approx(report["heldout_accuracy"], abs=1e-6)
    assert "held-out accuracy" in capsys.readouterr().out


def test_augmentation_keeps_shape_and_range():
    images, _ = heldout_digits()
    generator = torch.Generator().manual_seed(0)
    augmented = train_classifier.augment(images, generator, 1, 1.0, [16, 28, 32])
    assert augmented.shape == images.shape
    assert augmented.min() >= -1.0 - 1e-5 and augmented.max() <= 1.0 + 1e-5
    assert not torch.equal(augmented, images)
