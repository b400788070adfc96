"""Column names: from what a log calls a value to gantuner's column names.

Console formats have fixed labels (console.py maps them).  CSV headers and
TensorBoard tags are chosen by the user, so they go through
:func:`canonical_name`: case, spaces, slashes and camelCase do not matter
("Loss/D", "loss_d", "lossD", "D loss" and "Loss_D" all mean ``d_loss``).
Any other name becomes a clean extra column ("Loss/Cycle" -> ``loss_cycle``).
"""

from __future__ import annotations

import re

import numpy as np

from gantuner.metrics import KNOWN_COLUMNS

# canonical column -> accepted spellings, already normalised by _normalise().
ALIASES: dict[str, tuple[str, ...]] = {
    "d_loss": ("d_loss", "loss_d", "lossd", "dloss", "discriminator_loss", "loss_discriminator",
               "disc_loss", "loss_disc", "d_total_loss", "err_d", "errd", "critic_loss", "loss_critic",
               "dis_loss", "loss_dis", "discriminator_loss_total", "d_cost", "disc_cost", "loss_d_total"),
    "g_loss": ("g_loss", "loss_g", "lossg", "gloss", "generator_loss", "loss_generator",
               "gen_loss", "loss_gen", "g_total_loss", "err_g", "errg", "g_cost", "gen_cost",
               # Chollet / Krohn / Atienza: the "adversarial" (stacked G->D) model's loss is G's loss.
               "a_loss", "adversarial_loss", "loss_adversarial", "adv_loss_total",
               # pix2pix: G's adversarial term (its L1 term stays an extra column).
               "g_gan"),
    "d_loss_real": ("d_loss_real", "loss_d_real", "d_real_loss", "real_loss", "loss_real", "d1", "d_real",
                    "err_d_real", "errd_real"),
    "d_loss_fake": ("d_loss_fake", "loss_d_fake", "d_fake_loss", "fake_loss", "loss_fake", "d2", "d_fake",
                    "err_d_fake", "errd_fake"),
    "d_acc": ("d_acc", "acc", "accuracy", "d_accuracy", "acc_d", "disc_acc", "discriminator_accuracy",
              "discriminator_acc"),
    "d_acc_real": ("d_acc_real", "acc_real", "real_acc", "d_real_acc", "a1"),
    "d_acc_fake": ("d_acc_fake", "acc_fake", "fake_acc", "d_fake_acc", "a2"),
    "d_x": ("d_x", "dx"),
    "d_g_z": ("d_g_z", "dgz", "d_g_z1", "d_g_z_1"),
    "d_g_z_after": ("d_g_z2", "d_g_z_2", "d_g_z_after"),
    "grad_norm_d": ("grad_norm_d", "d_grad_norm", "grad_d", "d_grad"),
    "grad_norm_g": ("grad_norm_g", "g_grad_norm", "grad_g", "g_grad"),
    "time": ("time", "wall_time", "walltime", "timestamp"),
}
STEP_ALIASES: tuple[str, ...] = ("step", "global_step", "iteration", "iter", "it", "steps", "iterations",
                                  "iters", "total_iters", "niter", "total_steps")
EPOCH_ALIASES: tuple[str, ...] = ("epoch", "epochs")
LOSS_COLUMNS: tuple[str, ...] = ("d_loss", "g_loss", "d_loss_real", "d_loss_fake")
ACCURACY_COLUMNS: tuple[str, ...] = ("d_acc", "d_acc_real", "d_acc_fake")

_LOOKUP = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
# Prefixes and suffixes loggers add (Lightning's "train/", "_step"; "_epoch" is an aggregate).
_PREFIXES = ("train_", "training_", "metrics_")
_SUFFIXES = ("_step",)


def _normalise(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name.strip())  # lossD -> loss_D
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def clean_name(name: str) -> str:
    """A column name safe for any consumer: lower case, digits and underscores."""
    return _normalise(name) or "value"


def canonical_name(name: str) -> str:
    """gantuner's column for a user-chosen name, or a clean extra name."""
    norm = _normalise(name)
    candidates = [norm]
    for prefix in _PREFIXES:
        if norm.startswith(prefix):
            candidates.append(norm[len(prefix):])
    for cand in list(candidates):
        for suffix in _SUFFIXES:
            if cand.endswith(suffix):
                candidates.append(cand[: -len(suffix)])
    for cand in candidates:
        if cand in _LOOKUP:
            return _LOOKUP[cand]
        if cand in STEP_ALIASES:
            return "step"
        if cand in EPOCH_ALIASES:
            return "epoch"
    return norm or "value"


def accepted_loss_names() -> str:
    """The spellings a loss column may have, for error messages."""
    return ", ".join(a for name in LOSS_COLUMNS[:2] for a in ALIASES[name][:6]) + ", 'D loss', 'Loss/D', ..."


def accuracy_as_share(values: np.ndarray) -> np.ndarray:
    """Accuracies as shares 0..1: a column with any value above 1.0 was written in percent."""
    finite = values[np.isfinite(values)]
    if finite.size and float(finite.max()) > 1.0:
        return values / 100.0
    return values


def order_columns(columns: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Engine fields first, in the engine's order, then the rest as they came."""
    first = {k: columns[k] for k in KNOWN_COLUMNS if k in columns}
    first.update((k, v) for k, v in columns.items() if k not in first)
    return first
