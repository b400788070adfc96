"""Choosing the training device: CUDA, else Apple MPS, else CPU."""

from __future__ import annotations

import torch

from ..errors import GantunerError
from ..text import Text


class DeviceError(GantunerError, RuntimeError):
    """The device asked for is not in this machine; the message says what to use instead."""


NO_CUDA = Text("device cuda was asked for but no CUDA GPU is available: use --device auto or cpu",
               "デバイス cuda が指定されましたが、CUDA の GPU がありません。--device auto か cpu を使ってください")
NO_MPS = Text("device mps was asked for but Apple MPS is not available: use --device auto or cpu",
              "デバイス mps が指定されましたが、Apple MPS は使えません。--device auto か cpu を使ってください")


def pick_device(name: str = "auto") -> torch.device:
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise DeviceError(NO_CUDA)
    if name == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise DeviceError(NO_MPS)
    return torch.device(name)


def describe(device: torch.device) -> str:
    if device.type == "cuda":
        return f"CUDA: {torch.cuda.get_device_name(device)}"
    if device.type == "mps":
        return "Apple MPS"
    return f"CPU ({torch.get_num_threads()} threads)"


def seed_everything(seed: int) -> None:
    torch.manual_seed(seed)  # also seeds CUDA and MPS generators
