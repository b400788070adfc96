"""How a run is steered: its one state enum and the commands its loop serves.

Every control of a run (the window's buttons, a hint's Apply, the CLI's
Ctrl-C, a learning view's D-only step) is a :data:`Command`: a small frozen
dataclass of plain JSON values.  :meth:`Driver.send` queues it; the training
loop serves the queue between two steps and while paused, in the order sent,
so nothing ever touches the engine beside a running step.  ``to_message`` and
``from_message`` turn a command into a dict and back, so the same commands
can come from another process (a headless run steered from the window, a
search).

=================  ==========================================================
command            what the loop does
=================  ==========================================================
SetKnobs(values)   apply the live knobs at the next step boundary (all pending
                   changes at once); a fix while paused by divergence resumes
Pause()            park between two steps
Resume()           train on
Step(part)         while paused: one step of ``"both"`` halves, or of ``"d"``
                   (D's weights and optimiser only) or ``"g"`` (G's only)
Stop()             end the run: stop event, final checkpoint
SaveCheckpoint()   write a checkpoint now (into ``directory``, else the run's)
Sample()           make a sample grid from the fixed noise now
MoveRun(directory) copy what the run wrote so far into ``directory`` (a new
                   folder) and write there from now on; the old folder is
                   left as it is (disk trouble: another disk)
StopSaving()       write nothing more (disk trouble); rows and events still
                   reach the listener
=================  ==========================================================
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar

from .. import knobs


class RunState(str, enum.Enum):
    """Where a run is.  A ``str`` enum: ``RunState.PAUSED == "paused"`` and it is JSON as is."""

    IDLE = "idle"          # no run (nothing built, or an opened run is shown)
    STARTING = "starting"  # the model and data are being built
    RUNNING = "running"
    PAUSED = "paused"      # parked between two steps; commands are still served
    STOPPING = "stopping"  # asked to stop; the final checkpoint is being written
    STOPPED = "stopped"    # over: the run's files are complete

    def __str__(self) -> str:
        return self.value

    @property
    def active(self) -> bool:
        """A run exists and can take commands."""
        return self in (RunState.STARTING, RunState.RUNNING, RunState.PAUSED)


STEP_PARTS = ("both", "d", "g")
DIVERGENCE_CHOICES = ("pause", "stop", "continue")


@dataclass(frozen=True)
class SetKnobs:
    """Live knob values for the next step; build it with :func:`set_knobs` to validate."""

    kind: ClassVar[str] = "set_knobs"
    values: Mapping[str, Any] = field(default_factory=dict)
    source: str = "user"


@dataclass(frozen=True)
class Pause:
    kind: ClassVar[str] = "pause"


@dataclass(frozen=True)
class Resume:
    kind: ClassVar[str] = "resume"


@dataclass(frozen=True)
class Step:
    """One step while paused: ``part`` is "both" (D then G, as in training), "d" or "g"."""

    kind: ClassVar[str] = "step"
    part: str = "both"

    def __post_init__(self) -> None:
        if self.part not in STEP_PARTS:
            raise ValueError(f"step part {self.part!r}: use one of {', '.join(STEP_PARTS)}")


@dataclass(frozen=True)
class Stop:
    kind: ClassVar[str] = "stop"
    reason: str = ""  # e.g. "SIGTERM"; recorded in the stop event


@dataclass(frozen=True)
class SaveCheckpoint:
    """A checkpoint now; ``directory`` None: the run's own checkpoints folder."""

    kind: ClassVar[str] = "save_checkpoint"
    directory: str | None = None


@dataclass(frozen=True)
class Sample:
    kind: ClassVar[str] = "sample"


@dataclass(frozen=True)
class MoveRun:
    """Go on in ``directory`` (a folder that holds no run yet) with a copy of the run so far."""

    kind: ClassVar[str] = "move_run"
    directory: str

    def __post_init__(self) -> None:
        if not isinstance(self.directory, str) or not self.directory.strip():
            raise ValueError(f"move_run: directory {self.directory!r}: give the path of a new folder")


@dataclass(frozen=True)
class StopSaving:
    kind: ClassVar[str] = "stop_saving"


Command = SetKnobs | Pause | Resume | Step | Stop | SaveCheckpoint | Sample | MoveRun | StopSaving
COMMANDS: dict[str, type] = {c.kind: c for c in (SetKnobs, Pause, Resume, Step, Stop, SaveCheckpoint, Sample,
                                                 MoveRun, StopSaving)}


def set_knobs(changes: Mapping[str, Any], source: str = "user") -> SetKnobs:
    """A SetKnobs of validated live values; raises KnobError (naming the knob) for a bad one."""
    checked: dict[str, Any] = {}
    for name, value in changes.items():
        k = knobs.knob(name)
        if not k.live:
            raise knobs.KnobError(f"{name} is a setup knob: it needs a restart with a new model, not a live change")
        checked[name] = k.validate(value)
    return SetKnobs(checked, source)


def to_message(command: Command) -> dict[str, Any]:
    """A JSON-able dict: ``{"command": kind, **fields}``."""
    data = asdict(command)
    if isinstance(command, SetKnobs):
        data["values"] = dict(command.values)
    return {"command": command.kind, **data}


def from_message(message: Mapping[str, Any]) -> Command:
    """The command a :func:`to_message` dict describes; ValueError if it is not one.

    Knob values are validated again here: a message may come from anywhere.
    """
    try:
        cls = COMMANDS[message["command"]]
    except (KeyError, TypeError):
        raise ValueError(f"not a gantuner command: {message!r:.200}; known: {', '.join(COMMANDS)}") from None
    names = {f.name for f in fields(cls)}
    extra = set(message) - names - {"command"}
    if extra:
        raise ValueError(f"command {cls.kind}: unknown field(s) {', '.join(sorted(extra))}")
    arguments = {k: v for k, v in message.items() if k != "command"}
    if cls is SetKnobs:
        return set_knobs(dict(arguments.get("values") or {}), str(arguments.get("source", "user")))
    try:
        return cls(**arguments)
    except TypeError:  # a field missing
        raise ValueError(f"command {cls.kind}: needs {', '.join(sorted(names))}") from None
