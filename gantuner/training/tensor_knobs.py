"""Scalar knobs as device tensors, and what a built step bakes in.

A captured CUDA graph replays the kernels it recorded, with the numbers it
recorded: a Python float used inside the step is frozen into the graph.  So
the knobs of kind ``SCALAR`` in knobs.py (learning rates, betas, label
smoothing, instance noise) live here as 0-dim tensors on the training
device; the step reads them from memory, and changing one is a ``fill_``
between two steps, with no new capture.

Knobs of kind ``STRUCTURAL`` change *which* kernels run (batch size, D/G
steps, dropout, batch norm, loss): a change means building and capturing
the step again.  Both lists come from knobs.py, so a new live knob is
followed here or refused at import (:data:`DEVICE_VALUES`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import torch

from ..knobs import SCALAR_KNOBS, STRUCTURAL_KNOBS

# Each scalar knob -> the device tensors the step reads, and how each is computed
# from the knob's value (in double precision on the host, rounded once to
# float32, as the eager step's arithmetic with Python floats is).
DEVICE_VALUES: dict[str, dict[str, Callable[[float], float]]] = {
    "lr_d": {"lr_d": float},
    "lr_g": {"lr_g": float},
    "beta1": {"beta1": float},
    "beta2": {"beta2": float},
    "label_smoothing": {"real_target": lambda s: 1.0 - s},  # one-sided, as losses.d_losses
    "instance_noise": {"instance_noise": float},
}

_missing = set(SCALAR_KNOBS) - set(DEVICE_VALUES)
if _missing:  # a new scalar knob the fast path would silently freeze
    raise ImportError(f"scalar knob(s) {', '.join(sorted(_missing))} have no device value in tensor_knobs.py")


def structure_of(live: Mapping[str, Any]) -> tuple:
    """What a built step bakes in from the live knobs.

    Instance noise counts only as on/off: at zero the engine draws no noise at
    all, so switching it on changes the random stream as well as the kernels.
    """
    return tuple(live[name] for name in STRUCTURAL_KNOBS) + (live["instance_noise"] > 0,)


class TensorKnobs:
    """The scalar knobs of one engine as 0-dim float32 tensors on its device
    (attributes named as in :data:`DEVICE_VALUES`: ``lr_d``, ``real_target``, ...)."""

    _SLOTS = tuple(slot for name in SCALAR_KNOBS for slot in DEVICE_VALUES[name])

    def __init__(self, device: torch.device | str, live: Mapping[str, Any] | None = None):
        self.device = torch.device(device)
        # One buffer, one 0-dim view per value: kernels read the views in place.
        self._buffer = torch.zeros(len(self._SLOTS), dtype=torch.float32, device=self.device)
        for index, name in enumerate(self._SLOTS):
            setattr(self, name, self._buffer[index])
        self._loaded: tuple | None = None
        self.loads = 0  # how many times values were written (for tests and logs)
        if live is not None:
            self.load(live)

    def values_of(self, live: Mapping[str, Any]) -> tuple:
        return tuple(float(live[name]) for name in SCALAR_KNOBS)

    def load(self, live: Mapping[str, Any]) -> bool:
        """Write the scalar knobs of ``live`` into the tensors; False if nothing changed.

        Runs between steps on the current stream, so the next replay sees the
        new values and no step sees half of them.
        """
        values = self.values_of(live)
        if values == self._loaded:
            return False
        for name, value in zip(SCALAR_KNOBS, values):
            for slot, compute in DEVICE_VALUES[name].items():
                getattr(self, slot).fill_(compute(value))  # an asynchronous kernel, no host sync
        self._loaded = values
        self.loads += 1
        return True
