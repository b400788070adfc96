"""The remedies each hint offers, as knob changes in the order to try them.

With the knob values in force (a live run, or a run directory's config), an
action that would change nothing is left out (no "add dropout" at 0.5 already,
no "batch norm off" when it is off), as is one that would move a knob the
wrong way (no "label smoothing 0.1" when it is 0.2); the rest carry the value
they would set.  Without them (a foreign log) every action is general advice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gantuner import knobs as knobs_mod

from .hints import Action
from .texts import ACTION_LABELS
from .thresholds import THRESHOLDS as TH


@dataclass(frozen=True)
class Remedy:
    label: str  # key into texts.ACTION_LABELS
    knob: str
    op: str
    value: Any
    limit: float | None = None
    # For "set": "up" or "down" says which way the remedy moves the knob, so a
    # knob already past the value is left alone.
    direction: str | None = None
    # Extra reason to leave it out, given the knob values in force.
    skip_if: Callable[[Mapping[str, Any]], bool] | None = None
    # Offered only where the knob's value in force is known: a value nearly
    # every program already uses (Adam's beta1 = 0.5 in DCGAN code) is no
    # advice for a log whose settings are unknown.
    only_if_known: bool = False


def _loss_is_not_bce(values: Mapping[str, Any]) -> bool:
    return "loss" in values and values["loss"] != "bce"


R = Remedy
# ---- the catalogue ------------------------------------------------------------
D_BATCHNORM_OFF = R("d_batchnorm_off", "d_batchnorm", "set", False)
D_DROPOUT_UP = R("d_dropout_up", "d_dropout", "add", TH.dropout_step, limit=TH.dropout_cap)
D_DROPOUT_DOWN = R("d_dropout_down", "d_dropout", "add", -TH.dropout_step, limit=0.0)
LR_D_DOWN = R("lr_d_down", "lr_d", "mul", 0.5)
LR_D_UP = R("lr_d_up", "lr_d", "mul", 2.0)
LR_D_CUT = R("lr_d_cut", "lr_d", "mul", 0.1)
LR_G_UP = R("lr_g_up", "lr_g", "mul", 2.0)
LR_G_DOWN = R("lr_g_down", "lr_g", "mul", 0.5)
LR_G_CUT = R("lr_g_cut", "lr_g", "mul", 0.1)
G_WIDTH_UP = R("g_width_up", "g_width", "mul", 2)
G_DEPTH_UP = R("g_depth_up", "g_depth", "add", 1)
D_WIDTH_UP = R("d_width_up", "d_width", "mul", 2)
LABEL_SMOOTHING_ON = R("label_smoothing_on", "label_smoothing", "set",
                       TH.label_smoothing_value, direction="up")
LABEL_SMOOTHING_OFF = R("label_smoothing_off", "label_smoothing", "set", 0.0, direction="down")
INSTANCE_NOISE_ON = R("instance_noise_on", "instance_noise", "set",
                      TH.instance_noise_value, direction="up")
INSTANCE_NOISE_OFF = R("instance_noise_off", "instance_noise", "set", 0.0, direction="down")
LOSS_LSGAN = R("loss_lsgan", "loss", "set", "lsgan", skip_if=_loss_is_not_bce)
BATCH_UP = R("batch_up", "batch_size", "mul", 2)
BATCH_DOWN = R("batch_down", "batch_size", "mul", 0.5)
BETA1_HALF = R("beta1_half", "beta1", "set", 0.5, direction="down", only_if_known=True)

# The article's order of ways to weaken D (batch norm out, dropout in, a smaller
# learning rate for D and a larger one for G, a stronger G), then two tricks
# from the wider literature.
WEAKEN_D = (D_BATCHNORM_OFF, D_DROPOUT_UP, LR_D_DOWN, LR_G_UP, G_WIDTH_UP, G_DEPTH_UP,
            LABEL_SMOOTHING_ON, INSTANCE_NOISE_ON)
# D has won outright and G's gradients vanish: give G a signal again first.
RESCUE_G = (LABEL_SMOOTHING_ON, INSTANCE_NOISE_ON, LOSS_LSGAN, D_BATCHNORM_OFF, LR_D_DOWN)
# Undo the weakening first, then speed D up; a wider D needs a restart.
STRENGTHEN_D = (D_DROPOUT_DOWN, LABEL_SMOOTHING_OFF, INSTANCE_NOISE_OFF, LR_D_UP, LR_G_DOWN,
                D_WIDTH_UP)
# Seed: a smaller batch gives more varied gradients; too much dropout makes
# G's images monotonous.  Noise and smoothing keep D off one mode.
FIGHT_COLLAPSE = (BATCH_DOWN, INSTANCE_NOISE_ON, LABEL_SMOOTHING_ON, LR_D_DOWN)
# Losses blew up: much smaller steps, the usual Adam momentum.
CALM_DIVERGENCE = (LR_D_CUT, LR_G_CUT, BETA1_HALF)
# Seed: a larger batch steadies the gradients, a smaller learning rate steadies training.
STEADY = (BATCH_UP, LR_D_DOWN, LR_G_DOWN, BETA1_HALF)
# Seed: a larger learning rate converges faster.
SPEED_UP = (LR_D_UP, LR_G_UP)


def make_actions(remedies: tuple[Remedy, ...] | list[Remedy],
                 values: Mapping[str, Any] | None) -> list[Action]:
    """Actions for ``remedies``, concrete and without no-ops when ``values`` (the
    knob values in force, possibly only some knobs) are known."""
    actions = []
    for r in remedies:
        if r.only_if_known and (values is None or r.knob not in values):
            continue
        spec = knobs_mod.KNOBS[r.knob]
        action = Action(knob=r.knob, op=r.op, value=r.value, needs_restart=not spec.live,
                        label_text=ACTION_LABELS[r.label], limit=r.limit)
        if values is not None and r.knob in values:
            try:
                current = spec.validate(values[r.knob])
                new = action.apply_to(values)
                noop = action.is_noop(values)
            except (knobs_mod.KnobError, ValueError):
                actions.append(action)  # an unusable current value: keep it general
                continue
            if noop or (r.skip_if is not None and r.skip_if(values)):
                continue
            if r.direction == "up" and current >= new:
                continue
            if r.direction == "down" and current <= new:
                continue
            action.new_value = new
        elif values is not None and r.skip_if is not None and r.skip_if(values):
            continue
        actions.append(action)
    return actions

