"""A tiny digits classifier (tens of kilobytes) that judges generated digits.

One network serves every image size: generated images in model space
([-1, 1], [N, C, H, W], any of 8/16/28/32/64 px) are averaged to one channel
and area-downsampled to 8x8 before classification, the resolution of the
embedded digits it was trained on.  Its penultimate layer (64 features) is
the feature space of the Fréchet distance on digits.

The weights ship in resources/weights/ as float16 safetensors (no pickles are
ever loaded); ``python -m gantuner.quality.train_classifier`` remakes them.
"""

from __future__ import annotations

import functools
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors import SafetensorError, safe_open

from gantuner.paths import resource
from gantuner.quality.errors import QualityError
from gantuner.quality.inputs import downsample

INPUT_SIZE = 8
CLASSES = 10
FEATURES = 64
WEIGHTS_NAME = "digits_classifier.safetensors"
INFO_NAME = "digits_classifier.json"
FORMAT = "gantuner-digits-classifier-v2"  # written into the file's metadata, checked on load
RETRAIN_HINT = "run: python -m gantuner.quality.train_classifier"


class DigitsNet(nn.Module):
    """Two 3x3 convolutions, one pooling, a 64-unit hidden layer, 10 logits."""

    def __init__(self) -> None:
        super().__init__()
        # Few channels on purpose: the engine classifies 2 x 512 images every
        # evaluation, and 8/16 channels cost a quarter of 16/32 on a CPU for
        # 98 % instead of 99 % held-out accuracy (measured).
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.hidden = nn.Linear(16 * (INPUT_SIZE // 2) ** 2, FEATURES)
        self.out = nn.Linear(FEATURES, CLASSES)
        self.dropout = nn.Dropout(0.3)  # only active while training

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """Penultimate-layer activations [N, 64] of inputs [N, 1, 8, 8]."""
        x = F.relu(self.conv1(x))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return F.relu(self.hidden(x.flatten(1)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.dropout(self.features(x)))


def prepare(images: torch.Tensor) -> torch.Tensor:
    """Model-space images [N, C, H, W] as the classifier's input [N, 1, 8, 8].

    Colour images are averaged to grey; larger images are area-downsampled.
    Images smaller than 8x8 are refused (they cannot be digits of this set).
    """
    if images.shape[-1] < INPUT_SIZE or images.shape[-2] < INPUT_SIZE:
        raise QualityError(
            f"images of {images.shape[-2]}x{images.shape[-1]} px are smaller than the "
            f"digits classifier's {INPUT_SIZE}x{INPUT_SIZE}: use image_size 8 or more"
        )
    grey = images.mean(dim=1, keepdim=True) if images.shape[1] != 1 else images
    return downsample(grey, INPUT_SIZE)


def weights_path() -> Path:
    return resource("weights", WEIGHTS_NAME)


def info_path() -> Path:
    return resource("weights", INFO_NAME)


@functools.lru_cache(maxsize=4)
def load_classifier(path: str | None = None) -> DigitsNet:
    """The trained classifier in eval mode (loaded once per path and cached).

    Only safetensors are read; a missing or mismatched file raises
    QualityError saying how to remake it.
    """
    file = Path(path) if path is not None else weights_path()
    if not file.is_file():
        raise QualityError(f"digits classifier weights not found at {file}; {RETRAIN_HINT}")
    try:
        with safe_open(str(file), framework="pt") as handle:
            metadata = handle.metadata() or {}
            tensors = {name: handle.get_tensor(name) for name in handle.keys()}
    except (SafetensorError, OSError) as error:
        raise QualityError(f"cannot read {file} ({error}); {RETRAIN_HINT}") from None
    if metadata.get("format") != FORMAT:
        raise QualityError(
            f"{file} is not a {FORMAT} weights file (format {metadata.get('format')!r}); "
            f"{RETRAIN_HINT}"
        )
    model = DigitsNet()
    expected = model.state_dict()
    missing = sorted(set(expected) - set(tensors))
    extra = sorted(set(tensors) - set(expected))
    if missing or extra:
        raise QualityError(
            f"{file} does not fit the classifier (missing {missing}, unexpected {extra}); "
            f"{RETRAIN_HINT}"
        )
    for name, tensor in tensors.items():
        if tensor.shape != expected[name].shape:
            raise QualityError(
                f"{file}: {name} has shape {list(tensor.shape)}, expected "
                f"{list(expected[name].shape)}; {RETRAIN_HINT}"
            )
    model.load_state_dict({name: tensor.float() for name, tensor in tensors.items()})
    model.eval()
    model.requires_grad_(False)
    return model


def classify(images: torch.Tensor, model: DigitsNet | None = None
             ) -> tuple[torch.Tensor, torch.Tensor]:
    """(softmax probabilities [N, 10], penultimate features [N, 64]) of model-space images."""
    net = model if model is not None else load_classifier()
    with torch.inference_mode():
        features = net.features(prepare(images))
        probabilities = F.softmax(net.out(features), dim=1)
    return probabilities, features
