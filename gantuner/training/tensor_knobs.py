"""Live knobs as device tensors, and which knobs change the shape of a step.

A captured CUDA graph replays the kernels it recorded, with the numbers it
recorded: a Python float used inside the step is frozen into the graph.  So
the scalar knobs a step reads (learning rates, betas, label smoothing,
instance noise) live here as 0-dim tensors on the training device; the step
reads them from memory, and changing a knob is a ``fill_`` between two
steps, with no new capture.

Knobs that change *which* kernels run (batch size, D/G steps, dropout,
batch norm, loss, instance noise switched on or off) are "structural": a
change means building and capturing the step again.
"""

from __future__ import annotations

from typing import Any, Mapping

import torch

# Scalar knobs read from device tensors by the static step.
SCALAR_KNOBS = ("lr_d", "lr_g", "beta1", "beta2", "label_smoothing", "instance_noise")

# Knobs whose change gives a different sequence of kernels.
STRUCTURAL_KNOBS = ("batch_size", "d_steps", "g_steps", "d_dropout", "d_batchnorm", "loss")


def structure_of(live: Mapping[str, Any]) -> tuple:
    """What a built step bakes in from the live knobs.

    Instance noise counts only as on/off: at zero the engine draws no noise at
    all, so switching it on changes the random stream as well as the kernels.
    """
    return tuple(live[name] for name in STRUCTURAL_KNOBS) + (live["instance_noise"] > 0,)


class TensorKnobs:
    """The scalar knobs of one engine as 0-dim float32 tensors on its device.

    Values are computed on the host in double precision and rounded once to
    float32, as the engine's own arithmetic does with Python floats, so the
    static step sees bit-for-bit the numbers the eager step sees.
    """

    _SLOTS = ("lr_d", "lr_g", "beta1", "beta2", "one_minus_beta1", "one_minus_beta2",
              "real_target", "instance_noise")

    def __init__(self, device: torch.device | str, live: Mapping[str, Any] | None = None):
        self.device = torch.device(device)
        # One buffer, one 0-dim view per knob: kernels read the views in place.
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
        lr_d, lr_g, beta1, beta2, smoothing, noise = values
        numbers = {
            "lr_d": lr_d, "lr_g": lr_g, "beta1": beta1, "beta2": beta2,
            "one_minus_beta1": 1.0 - beta1, "one_minus_beta2": 1.0 - beta2,
            "real_target": 1.0 - smoothing,  # one-sided smoothing, as losses.d_losses
            "instance_noise": noise,
        }
        for name, value in numbers.items():
            getattr(self, name).fill_(value)  # an asynchronous kernel, no host sync
        self._loaded = values
        self.loads += 1
        return True
