"""The run directory: everything a training leaves behind, appended as it goes.

::

    RUN/config.json        setup and starting knobs, run options
    RUN/metrics.jsonl      one JSON object per step
    RUN/events.jsonl       knob changes (step, old, new, who), pause, resume, stop
    RUN/samples/           PNG grids from the fixed noise, every N steps
    RUN/checkpoints/       safetensors weights + JSON state

Lines are appended and flushed at every metrics flush (several times a
second), so a crash or a kill loses at most the last fraction of a second.
A failing write (disk full, folder removed) never stops training: the lines
stay buffered, the error is reported once, and the next flush tries again
with only the bytes that did not reach the file.  A file whose last line was
cut by a kill gets a newline before the first new line.  Files hold strict
JSON: NaN and infinities are written as null and read back as NaN.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from ..errors import GantunerError
from ..text import Text


class NotARunError(GantunerError, FileNotFoundError):
    """A folder that holds no gantuner run (or no checkpoint of one) where one was expected."""


class MoveRefused(GantunerError, OSError):
    """A run cannot move to the folder asked for; the message says where to choose instead."""


NOT_A_RUN = Text("{path}: not a gantuner run (no config.json)", "{path}: gantuner の実行ではありません (config.json がありません)")
INSIDE_ITSELF = Text("{destination} is inside the run's own folder {path}: choose a folder elsewhere",
                     "{destination} は実行自身のフォルダ {path} の中です。別の場所のフォルダを選んでください")
CANNOT_WRITE = Text("could not write {path}: {error}", "{path} に書き込めませんでした: {error}")
WILL_RETRY = Text("{problem}; will retry", "{problem}。再試行します")


def new_run_dir(base: Path, dataset: str) -> Path:
    """A fresh folder under ``base`` named after the time and the dataset."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    label = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(dataset).name)[:40] or "data"
    path = Path(base) / f"{stamp}-{label}"
    suffix = 1
    while path.exists():
        suffix += 1
        path = Path(base) / f"{stamp}-{label}-{suffix}"
    return path


class RunWriter:
    def __init__(self, path: Path, config: dict[str, Any] | None = None,
                 options: dict[str, Any] | None = None):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        (self.path / "samples").mkdir(exist_ok=True)
        (self.path / "checkpoints").mkdir(exist_ok=True)
        if config is not None:
            self.write_json("config.json", {"knobs": config, "run": options or {},
                                            "gantuner_version": __version__})
        # Encoded bytes not yet on disk, per file.  A write that stops part-way
        # (disk full) drops only what reached the file, so the retry appends the rest:
        # no row twice, no two rows merged into one line.
        self._pending: dict[str, bytearray] = {"metrics.jsonl": bytearray(), "events.jsonl": bytearray()}
        self._line_checked: set[str] = set()
        self.last_error: Text | None = None
        self.last_reason = ""  # the system's words for the last failed write ("No space left on device")

    @property
    def checkpoints(self) -> Path:
        return self.path / "checkpoints"

    def write_json(self, name: str, data: Any) -> None:
        tmp = self.path / f".{name}.tmp"
        tmp.write_text(json.dumps(strict_json(data), indent=1, default=_jsonable, allow_nan=False),
                       encoding="utf-8")
        os.replace(tmp, self.path / name)

    def add_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        self._add("metrics.jsonl", rows)

    def add_event(self, event: dict[str, Any]) -> None:
        self._add("events.jsonl", [event])

    def _add(self, name: str, objects: Iterable[dict[str, Any]]) -> None:
        pending = self._pending[name]
        for obj in objects:
            pending += json.dumps(strict_json(obj), default=_jsonable, allow_nan=False).encode("utf-8")
            pending += b"\n"

    def pending_bytes(self) -> int:
        """Bytes waiting for the next flush (kept while the disk refuses them)."""
        return sum(len(data) for data in self._pending.values())

    def flush(self) -> Text | None:
        """Append what is pending; say what failed if a write failed (the rest kept for retry).

        ``last_error`` keeps the failure itself ("could not write ..."); the returned
        text adds that the next flush tries again.
        """
        error = None
        for name, pending in self._pending.items():
            if not pending:
                continue
            try:
                self._append(name, pending)
            except OSError as exc:
                error = CANNOT_WRITE.format(path=self.path / name, error=exc.strerror or exc)
                self.last_reason = str(exc.strerror or exc)
        self.last_error = error
        return None if error is None else WILL_RETRY.format(problem=error)

    def _append(self, name: str, pending: bytearray) -> None:
        fd = os.open(self.path / name, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            if name not in self._line_checked:
                # A run killed mid-line left a cut last line: start on a new line so the
                # next object is not glued to (and lost with) it.
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    pending[:0] = b"\n"
                self._line_checked.add(name)
            while pending:
                written = os.write(fd, pending)
                del pending[:written]
        finally:
            os.close(fd)

    def moved_to(self, destination: Path, config: dict[str, Any], options: dict[str, Any]) -> RunWriter:
        """A writer for ``destination`` that holds a copy of everything written here so far.

        The bytes not written yet (kept while the disk refused them) go with it and reach
        the new folder at its next flush, after the copied lines: no row is lost or written
        twice.  Nothing here is changed or removed.  Files that can no longer be read here
        (the folder was removed) are left out; ``config`` and ``options`` make a config.json
        when none could be copied.  Raises OSError when the new folder cannot be written.
        """
        destination = Path(destination)
        source = self.path.resolve()
        target = destination.resolve()
        if target == source or source in target.parents:
            raise MoveRefused(INSIDE_ITSELF.format(destination=destination, path=self.path))
        _copy_tree(self.path, destination)
        moved = RunWriter(destination)
        if not (destination / "config.json").exists():
            moved.write_json("config.json", {"knobs": config, "run": options, "gantuner_version": __version__})
        for name, pending in self._pending.items():
            moved._pending[name] += pending
            pending.clear()
        # A cut last line here was copied as it is; what is pending completes it.
        moved._line_checked = set(self._line_checked)
        return moved

    def save_sample(self, step: int, sample: np.ndarray | dict[str, np.ndarray]) -> Path | None:
        from PIL import Image

        from .grid import points_image

        image = points_image(sample.get("real"), sample["fake"]) if isinstance(sample, dict) else sample
        if image.shape[-1] == 1:
            image = image[..., 0]
        path = self.path / "samples" / f"step_{step:06d}.png"
        tmp = path.with_name(f".{path.name}.tmp")
        Image.fromarray(np.ascontiguousarray(image)).save(tmp, format="PNG")
        os.replace(tmp, path)
        return path


def _copy_tree(source: Path, destination: Path) -> None:
    """Copy the run files under ``source`` into ``destination`` (temporary files left out).

    A file that cannot be read is skipped: what the old disk lost cannot be moved.  A
    file that cannot be written raises OSError: the new folder does not work either.
    """
    destination.mkdir(parents=True, exist_ok=True)
    try:
        entries = sorted(source.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(".tmp"):
            continue
        if entry.is_dir():
            _copy_tree(entry, destination / entry.name)
            continue
        try:
            reader = open(entry, "rb")
        except OSError:
            continue
        with reader, open(destination / entry.name, "wb") as writer:
            shutil.copyfileobj(reader, writer, 1 << 20)


def strict_json(value: Any) -> Any:
    """``value`` with every NaN and infinity as None, so files hold strict JSON (null).

    Python's json writes bare NaN/Infinity, which strict readers (JavaScript,
    jq, most languages) refuse; gantuner's own readers turn null back into NaN.
    """
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: strict_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict_json(item) for item in value]
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, (np.floating, np.integer)):
        return value.item()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"not JSON-able: {type(value).__name__}")


@dataclass
class RunContents:
    path: Path
    config: dict[str, Any]
    rows: list[dict[str, Any]]
    events: list[dict[str, Any]]
    samples: list[tuple[int, Path]] = field(default_factory=list)
    bad_lines: list[tuple[str, int]] = field(default_factory=list)  # (file, 1-based line), first 5 per file
    skipped_lines: int = 0  # every line that did not parse


def read_jsonl(path: Path, need_step: bool = False) -> tuple[list[dict[str, Any]], list[int], int]:
    """Rows of a JSONL file, the first line numbers that did not parse (a
    cut-off last line), and how many lines did not parse in all.

    The parsing is the log reader's (gantuner.logs), so a run reads the same
    in the app's run view and in ``gantuner diagnose``.
    """
    from ..logs.gantuner_run import parse_jsonl

    if not path.exists():
        return [], [], 0
    parsed = parse_jsonl(path.read_bytes(), path.name, need_step=need_step)
    objects = parsed.objects
    if need_step:  # metrics rows: a null metric is a NaN written as strict JSON
        objects = [{key: math.nan if value is None else value for key, value in row.items()}
                   for row in objects]
    return objects, [example.line_number for example in parsed.examples], parsed.skipped


def read_run(path: Path) -> RunContents:
    path = Path(path)
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotARunError(NOT_A_RUN.format(path=path)) from None
    rows, bad_rows, skipped_rows = read_jsonl(path / "metrics.jsonl", need_step=True)
    events, bad_events, skipped_events = read_jsonl(path / "events.jsonl")
    samples = sorted(
        (int(p.stem.split("_")[1]), p) for p in (path / "samples").glob("step_*.png")
        if p.stem.split("_")[1].isdigit()
    )
    bad = [("metrics.jsonl", n) for n in bad_rows] + [("events.jsonl", n) for n in bad_events]
    return RunContents(path, config, rows, events, samples, bad, skipped_rows + skipped_events)


def drop_rows_after(path: Path, step: int) -> int:
    """Move metrics rows past ``step`` into metrics.discarded.jsonl (resuming
    from an earlier checkpoint replaces them); return how many moved."""
    metrics = Path(path) / "metrics.jsonl"
    if not metrics.exists():
        return 0
    keep: list[str] = []
    moved: list[str] = []
    with open(metrics, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            text = line.rstrip("\n")
            if not text.strip():
                continue
            try:
                row_step = int(json.loads(text).get("step", 0))
            except (ValueError, AttributeError, TypeError):
                moved.append(text)  # a cut-off line from a crash
                continue
            (moved if row_step > step else keep).append(text)
    if not moved:
        return 0
    with open(Path(path) / "metrics.discarded.jsonl", "a", encoding="utf-8") as handle:
        handle.write("\n".join(moved) + "\n")
    tmp = metrics.with_name(".metrics.jsonl.tmp")
    tmp.write_text("".join(line + "\n" for line in keep), encoding="utf-8")
    os.replace(tmp, metrics)
    return len(moved)

