"""Training: the engine and its step, the loop and its driver, checkpoints and run files."""

from .driver import Driver, Listener, RunOptions, training_steps
from .engine import Engine, resolve_config

__all__ = ["Driver", "Listener", "RunOptions", "training_steps", "Engine", "resolve_config"]
