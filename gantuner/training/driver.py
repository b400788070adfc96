"""Driving a training run: the loop, its controls, and the run files.

:func:`training_steps` is the loop itself, a plain generator: between two
steps it applies the pending knob snapshot (atomically), then steps.
:class:`Driver` runs that generator in whatever thread calls :meth:`Driver.run`
(the CLI's main thread, or the GUI's worker thread) and is controlled from
any other thread: pause, resume, single steps, stop and knob changes.

Metrics reach the host, the run files and the listener in batches every
``flush_seconds``: the only host syncs in the hot path.  The listener is
called from the training thread; a GUI turns its calls into queued signals.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Iterator, Mapping, Protocol

import torch

from ..metrics import ENGINE_FIELDS
from .checkpoint import latest_checkpoint, read_checkpoint, restore_engine, save_checkpoint
from .engine import Engine
from .fast_path import FastStepper, make_stepper, path_status
from .mailbox import KnobMailbox
from .options import RunOptions
from .runfiles import RunWriter, drop_rows_after, new_run_dir
from .threads import ThreadPolicy, apply_in_this_thread


class Listener(Protocol):
    def on_rows(self, rows: list[dict[str, Any]]) -> None: ...
    def on_sample(self, step: int, sample: Any) -> None: ...
    def on_event(self, event: dict[str, Any]) -> None: ...
    def on_status(self, status: dict[str, Any]) -> None: ...


class _Silent:
    def on_rows(self, rows): pass
    def on_sample(self, step, sample): pass
    def on_event(self, event): pass
    def on_status(self, status): pass


def training_steps(engine: Engine, mailbox: KnobMailbox, stepper: FastStepper | None = None
                   ) -> Iterator[tuple[torch.Tensor, list[tuple[str, Any, Any, str]]]]:
    """The training loop: apply queued knobs at the step boundary, then step.

    ``stepper`` is the CUDA-graph fast path when one is in use; it hears of
    every knob change so it can refresh its device-side knobs or recapture.
    Yields the step's device metrics and the knob changes it was the first to use.
    """
    while True:
        applied: list[tuple[str, Any, Any, str]] = []
        pending = mailbox.take()
        if pending is not None:
            snapshot, sources = pending
            changes = engine.apply_knobs(snapshot)
            if stepper is not None and changes:
                stepper.knobs_changed(changes)
            for name, old, new in changes:
                applied.append((name, old, new, sources.get(name, "user")))
        yield (stepper.step() if stepper is not None else engine.step()), applied


class Driver:
    def __init__(self, engine: Engine, writer: RunWriter | None = None,
                 options: RunOptions | None = None):
        self.engine = engine
        self.writer = writer
        self.options = options or RunOptions()
        self.mailbox = KnobMailbox(engine.live)
        self._cond = threading.Condition()
        self._paused = False
        self._single_steps = 0
        self._stop = False
        self._running = False
        self._holding = False  # the loop is parked in a pause, between two steps
        self._pending: list[tuple[int, float, torch.Tensor, dict[str, Any]]] = []
        self._pending_quality: dict[int, dict[str, float]] = {}
        self._last_flush = 0.0
        self._rate_mark = (0, time.perf_counter())
        self.it_per_s = 0.0
        self.last_error: str | None = None
        self.stepper: FastStepper | None = None
        self._stepper_made = False
        # CPU threads for training, applied by run() in the thread that trains
        # (None: leave torch's setting alone). See training/threads.py.
        self.thread_policy: ThreadPolicy | None = None

    # ---- construction ----------------------------------------------------
    @classmethod
    def new(cls, config: Mapping[str, Any] | None, out: Path | None = None,
            runs_dir: Path | None = None, options: RunOptions | None = None) -> "Driver":
        """A fresh run: a new engine and, unless ``out`` and ``runs_dir`` are both None, a run directory."""
        engine = Engine(config)
        options = options or RunOptions()
        writer = None
        if out is not None or runs_dir is not None:
            path = Path(out) if out is not None else new_run_dir(Path(runs_dir), engine.config["dataset"])
            writer = RunWriter(path, engine.config, options.to_json())
        return cls(engine, writer, options)

    @classmethod
    def resume(cls, run_dir: Path, options: RunOptions | None = None,
               checkpoint: Path | None = None) -> "Driver":
        """Continue the run in ``run_dir`` from its latest (or the given) checkpoint."""
        run_dir = Path(run_dir)
        path = checkpoint or latest_checkpoint(run_dir / "checkpoints")
        if path is None:
            raise FileNotFoundError(f"{run_dir}: no checkpoint to resume from in {run_dir / 'checkpoints'}")
        tensors, meta = read_checkpoint(path)
        engine = Engine(meta["config"])
        restore_engine(engine, tensors, meta)
        moved = drop_rows_after(run_dir, engine.step_count)
        writer = RunWriter(run_dir)
        driver = cls(engine, writer, options)
        driver._record({"type": "resume_run", "checkpoint": path.name,
                        "discarded_rows": moved}, step=engine.step_count)
        return driver

    @property
    def run_dir(self) -> Path | None:
        return self.writer.path if self.writer else None

    # ---- controls (any thread) --------------------------------------------
    def submit(self, changes: Mapping[str, Any], source: str = "user") -> None:
        """Queue live knob changes for the next step; raises KnobError for bad values."""
        self.mailbox.submit(changes, source)
        with self._cond:
            self._cond.notify_all()

    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._cond.notify_all()

    def resume_training(self) -> None:
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    def step_once(self) -> None:
        """While paused: run exactly one more step."""
        with self._cond:
            self._single_steps += 1
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def state(self) -> str:
        if self._stop:
            return "stopped"
        if not self._running:
            return "idle"
        return "paused" if self._holding else "running"

    # ---- the run (training thread) --------------------------------------
    def run(self, listener: Listener | None = None) -> int:
        """Train until stopped or ``max_steps``; return the final step count."""
        self.listener = listener or _Silent()
        if self.thread_policy is not None and self.engine.device.type == "cpu":
            apply_in_this_thread(self.thread_policy)
        self._running = True
        self._record({"type": "start", "device": str(self.engine.device)})
        if not self._stepper_made:
            # Once per driver: repeated run() calls must not recapture or re-log.
            self.stepper = make_stepper(self.engine, log=self._record)
            self._stepper_made = True
        steps = training_steps(self.engine, self.mailbox, self.stepper)
        was_paused = False
        try:
            while True:
                with self._cond:
                    if self._stop or self._reached_max():
                        break
                    if self._paused and self._single_steps == 0:
                        self._holding = True
                        if not was_paused:
                            was_paused = True
                            self._record({"type": "pause"})
                            self._flush(force=True)
                        self._cond.wait(0.1)
                        continue
                    self._holding = False
                    single = self._paused and self._single_steps > 0
                    if single:
                        self._single_steps -= 1
                if was_paused and not single:
                    was_paused = False
                    self._record({"type": "resume"})
                vector, applied = next(steps)
                self._after_step(vector, applied)
                if single:
                    self._flush(force=True)
        except Exception as exc:
            self._record({"type": "error", "message": f"{type(exc).__name__}: {exc}"})
            self._flush(force=True)
            raise
        finally:
            steps.close()
            self._running = False
            self._holding = False
        self._finish()
        return self.engine.step_count

    def _reached_max(self) -> bool:
        limit = self.options.max_steps
        return limit is not None and self.engine.step_count >= limit

    def _after_step(self, vector: torch.Tensor, applied: list) -> None:
        engine = self.engine
        step = engine.step_count
        now = time.time()
        for name, old, new, source in applied:
            self._record({"type": "knob", "knob": name, "old": old, "new": new, "source": source}, step=step)
        self._pending.append((step, now, vector, dict(engine.live)))
        opts = self.options
        if opts.quality_every and step % opts.quality_every == 0:
            self._measure_quality(step)
        if opts.sample_every and step % opts.sample_every == 0:
            self._flush(force=True)
            self._emit_sample(step)
        if opts.checkpoint_every and step % opts.checkpoint_every == 0:
            self._checkpoint()
        if time.perf_counter() - self._last_flush >= opts.flush_seconds:
            self._flush()

    def _measure_quality(self, step: int) -> None:
        try:
            from ..quality.evaluate import evaluate_quality
        except ImportError:
            return
        engine = self.engine
        count = 2500 if engine.is_points else self.options.quality_samples
        try:
            values = evaluate_quality(engine.dataset.kind, engine.config["dataset"],
                                      engine.real_samples(count), engine.generate(count),
                                      image_size=engine.config["image_size"])
        except Exception as exc:  # a metric must never stop training
            self._record({"type": "error", "message": f"quality metrics failed: {exc}"})
            return
        self._pending_quality[step] = values

    def _flush(self, force: bool = False) -> None:
        self._last_flush = time.perf_counter()
        if self._pending:
            # One host sync for the whole batch of steps.
            values = torch.stack([p[2] for p in self._pending]).float().cpu().tolist()
            rows = []
            for (step, when, _vec, live), metrics in zip(self._pending, values):
                row: dict[str, Any] = {"step": step, "time": round(when, 4)}
                row.update(zip(ENGINE_FIELDS, metrics))
                row.update(live)
                quality = self._pending_quality.pop(step, None)
                if quality:
                    row.update(quality)
                rows.append(row)
            self._pending.clear()
            if self.writer:
                self.writer.add_rows(rows)
            self.listener.on_rows(rows)
        if self.writer:
            error = self.writer.flush()
            if error != self.last_error:
                self.last_error = error
                if error:
                    self.listener.on_event({"type": "error", "message": error,
                                            "step": self.engine.step_count, "time": time.time()})
        self.listener.on_status(self.status())

    def status(self) -> dict[str, Any]:
        step = self.engine.step_count
        now = time.perf_counter()
        mark_step, mark_time = self._rate_mark
        if now - mark_time >= 0.5:
            if step > mark_step:
                self.it_per_s = (step - mark_step) / (now - mark_time)
            elif self._paused:
                self.it_per_s = 0.0
            self._rate_mark = (step, now)
        return {"step": step, "it_per_s": self.it_per_s, "state": self.state,
                "device": str(self.engine.device), "error": self.last_error,
                **path_status(self.stepper, self.engine)}

    def _emit_sample(self, step: int) -> None:
        sample = self.engine.fixed_samples()
        if self.writer:
            try:
                self.writer.save_sample(step, sample)
            except OSError as exc:
                self._record({"type": "error", "message": f"could not save the sample grid: {exc}"})
        self.listener.on_sample(step, sample)

    def _checkpoint(self) -> None:
        if not self.writer:
            return
        try:
            save_checkpoint(self.engine, self.writer.checkpoints)
        except OSError as exc:
            self._record({"type": "error", "message": f"could not save a checkpoint: {exc}"})

    def _record(self, event: dict[str, Any], step: int | None = None) -> None:
        event = {"step": self.engine.step_count if step is None else step, "time": round(time.time(), 4), **event}
        if self.writer:
            self.writer.add_event(event)
        getattr(self, "listener", _Silent()).on_event(event)

    def _finish(self) -> None:
        self._record({"type": "stop"})
        self._flush(force=True)
        step = self.engine.step_count
        if step > 0 and not (self.options.sample_every and step % self.options.sample_every == 0):
            self._emit_sample(step)
        self._checkpoint()
        self._flush(force=True)

