"""Driving a training run: the loop, the commands it serves, and the run files.

:class:`Driver` owns a run's control.  :meth:`Driver.run` is the loop; it
runs in whatever thread calls it (the CLI's training thread, the window's
worker thread).  Any other thread (or, through :mod:`.control`'s messages,
another process) steers it by :meth:`Driver.send`-ing commands, which the
loop serves between two steps and while paused, in order.  So knob changes,
checkpoints, samples and stops never run beside a step, and the run's state
(:class:`~.control.RunState`) has one owner.

Metrics reach the host, the run files and the listener in batches every
``flush_seconds``: the only host syncs in the hot path.  Each batch is
checked for non-finite losses and gradient norms; the last good state is
kept in memory (:mod:`.kept_state`) and put back when one appears, so a
divergence never reaches a checkpoint.  The listener is called from the
training thread; a GUI turns its calls into messages for its own thread.
"""

from __future__ import annotations

import collections
import json
import math
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import torch

from ..errors import GantunerError
from ..metrics import ENGINE_FIELDS
from ..text import Text
from . import control
from .checkpoint import CHECKPOINT_PATTERN, latest_checkpoint, read_checkpoint, restore_engine, save_checkpoint
from .control import Command, RunState
from .engine import Engine
from .fast_path import FastStepper, make_stepper, path_status
from .kept_state import KeptState
from .options import RunOptions
from .runfiles import NotARunError, RunWriter, drop_rows_after, new_run_dir
from .threads import ThreadPolicy, apply_in_this_thread

# Metric fields each half of a step computes; a half that did not run leaves NaN.
_D_FIELDS = [ENGINE_FIELDS.index(n) for n in ("d_loss", "d_loss_real", "d_loss_fake", "grad_norm_d")]
_G_FIELDS = [ENGINE_FIELDS.index(n) for n in ("g_loss", "grad_norm_g")]
ROLLING_KEPT = 2          # time-based checkpoints kept besides the every-N-steps ones
MAX_DIVERGENCES = 5       # on_divergence="continue" gives up after this many

MESSAGES: dict[str, Text] = {
    "divergence_pause": Text(
        "Training diverged at step {step} ({fields} not finite): paused with the weights of step {good} "
        "put back. Change a knob (lower a learning rate, say) to continue, or Resume as is.",
        "ステップ {step} で学習が発散しました ({fields} が有限でない)。ステップ {good} の重みに戻して"
        "一時停止しました。ノブを変える (学習率を下げるなど) と再開します。そのまま再開もできます。"),
    "divergence_stop": Text(
        "Training diverged at step {step} ({fields} not finite): stopped with the weights of step {good} "
        "put back; lower a learning rate and resume the run.",
        "ステップ {step} で学習が発散しました ({fields} が有限でない)。ステップ {good} の重みに戻して"
        "停止しました。学習率を下げて再開してください。"),
    "divergence_continue": Text(
        "Training diverged at step {step} ({fields} not finite): the weights of step {good} are put back "
        "and training goes on.",
        "ステップ {step} で学習が発散しました ({fields} が有限でない)。ステップ {good} の重みに戻して"
        "学習を続けます。"),
    "checkpoint_failed": Text(
        "Could not save a checkpoint in {directory}: {error}. Training goes on; checkpoints are tried "
        "again and this is said once.",
        "{directory} にチェックポイントを保存できませんでした: {error}。学習は続けます。保存は再試行し、"
        "この知らせは一度だけです。"),
    "requested_checkpoint_failed": Text(
        "Could not save a checkpoint in {directory}: {error}.",
        "{directory} にチェックポイントを保存できませんでした: {error}。"),
    "sample_failed": Text(
        "Could not save the sample grid: {error}. Training goes on; this is said once.",
        "サンプル画像を保存できませんでした: {error}。学習は続けます。この知らせは一度だけです。"),
    "quality_failed": Text(
        "Quality metrics failed: {error}. Training goes on without them this time.",
        "品質指標を計算できませんでした: {error}。今回は指標なしで学習を続けます。"),
    "training_failed": Text(
        "Training stopped on an error: {error}",
        "エラーで学習が止まりました: {error}"),
    "no_final_checkpoint": Text(
        "No final checkpoint could be saved: {error}",
        "最後のチェックポイントを保存できませんでした: {error}"),
    "run_moved": Text(
        "The run goes on in {to}: what it had written is copied there; {old} is left as it was.",
        "実行は {to} で続きます。書き込み済みの内容はそこへコピーし、{old} はそのまま残しました。"),
    "move_failed": Text(
        "Could not move the run to {to}: {error}. It stays in {old}; choose another folder.",
        "実行を {to} へ移せませんでした: {error}。{old} のままです。別のフォルダを選んでください。"),
    "nothing_to_move": Text(
        "This run is not being saved: there are no run files to move.",
        "この実行は保存していないので、移すファイルがありません。"),
    "saving_stopped": Text(
        "Training goes on without saving: nothing more is written to {old} (what is there is kept). "
        "Save a checkpoint elsewhere to keep the model.",
        "保存せずに学習を続けます。{old} にはこれ以上書き込みません (既存の内容は残ります)。"
        "モデルを残すには別の場所にチェックポイントを保存してください。"),
}


NO_CHECKPOINT = Text("{run_dir}: no checkpoint to resume from in {path}",
                     "{run_dir}: {path} に再開できるチェックポイントがありません")
RUN_EXISTS = Text("{out} already holds a run ({held}): continue it with --resume {out}, or choose another --out",
                  "{out} にはすでに実行があります ({held})。--resume {out} で続けるか、別の --out を選んでください")


def message(key: str, **values: Any) -> dict[str, str]:
    """An event's ``message`` and ``message_ja`` fields for ``MESSAGES[key]`` filled with ``values``."""
    return MESSAGES[key].format(**values).fields("message")


class RunExistsError(GantunerError, FileExistsError):
    """``out`` already holds a run: training into it would mix two runs."""


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


class Driver:
    def __init__(self, engine: Engine, writer: RunWriter | None = None,
                 options: RunOptions | None = None):
        self.engine = engine
        self.writer = writer
        self.options = options or RunOptions()
        self.listener: Listener = _Silent()
        # Commands from any thread; deque.append/popleft are atomic, the
        # condition only wakes a paused loop.
        self._inbox: collections.deque[Command] = collections.deque()
        self._wake = threading.Condition()
        self._state = RunState.IDLE
        self._paused = False
        self._stop_reason: str | None = None
        self._wanted: dict[str, Any] = {}     # live knobs asked for, not yet applied
        self._sources: dict[str, str] = {}
        self._applied: list[tuple[str, Any, Any, str]] = []
        self._live = dict(engine.live)        # the knobs in force, shared by rows until a change
        self._pending: list[tuple[int, float, torch.Tensor, dict[str, Any], str]] = []
        self._pending_quality: dict[int, dict[str, float]] = {}
        self._last_flush = 0.0
        # A run with no checkpoint yet gets its first rolling one right after its first step
        # (resume() sets this to now: it starts from one).  One save per run, the same cost as
        # any rolling one, and a kill at any moment after that first step leaves state to resume.
        self._last_checkpoint = -math.inf
        self._rolling: list[Path] = []
        self._checkpoint_failing = False
        self._saving_stopped = False
        self._sample_failing = False
        self._kept = KeptState()
        self._last_kept = -math.inf
        self._divergence_pause = False
        self.divergences = 0
        self._rate_mark = (0, time.perf_counter())
        self.it_per_s = 0.0
        self.last_error: Text | None = None
        self.stepper: FastStepper | None = None
        self._stepper_made = False
        # CPU threads for training, applied by run() in the thread that trains
        # (None: leave torch's setting alone). See training/threads.py.
        self.thread_policy: ThreadPolicy | None = None

    # ---- construction ----------------------------------------------------
    @classmethod
    def new(cls, config: Mapping[str, Any] | None, out: Path | None = None,
            runs_dir: Path | None = None, options: RunOptions | None = None) -> Driver:
        """A fresh run: a new engine and, unless ``out`` and ``runs_dir`` are both None, a run directory.

        Raises :class:`RunExistsError` when ``out`` already holds a run.
        """
        if out is not None:
            refuse_existing_run(Path(out))
        engine = Engine(config)
        options = options or RunOptions()
        writer = None
        if out is not None or runs_dir is not None:
            path = Path(out) if out is not None else new_run_dir(Path(runs_dir), engine.config["dataset"])
            writer = RunWriter(path, engine.config, options.to_json())
        return cls(engine, writer, options)

    @classmethod
    def resume(cls, run_dir: Path, options: RunOptions | None = None,
               checkpoint: Path | None = None, overrides: Mapping[str, Any] | None = None) -> Driver:
        """Continue the run in ``run_dir`` from its latest (or the given) checkpoint.

        Without ``options`` the run's own options (its config.json) hold, with
        ``overrides`` on top: a resumed run keeps its checkpoint interval.
        """
        run_dir = Path(run_dir)
        path = checkpoint or latest_checkpoint(run_dir / "checkpoints")
        if path is None:
            raise NotARunError(NO_CHECKPOINT.format(run_dir=run_dir, path=run_dir / "checkpoints"))
        if options is None:
            options = RunOptions.from_json(saved_run_options(run_dir), **dict(overrides or {}))
        tensors, meta = read_checkpoint(path)
        engine = Engine(meta["config"])
        restore_engine(engine, tensors, meta)
        moved = drop_rows_after(run_dir, engine.step_count)
        writer = RunWriter(run_dir)
        driver = cls(engine, writer, options)
        driver._last_checkpoint = time.monotonic()  # the checkpoint it starts from is on disk
        driver._record({"type": "resume_run", "checkpoint": path.name,
                        "discarded_rows": moved}, step=engine.step_count)
        return driver

    @property
    def run_dir(self) -> Path | None:
        return self.writer.path if self.writer else None

    # ---- commands (any thread) --------------------------------------------
    def send(self, command: Command) -> None:
        """Queue ``command`` for the loop (served between steps, in order)."""
        self._inbox.append(command)
        with self._wake:
            self._wake.notify_all()

    def submit(self, changes: Mapping[str, Any], source: str = "user") -> None:
        """Queue live knob changes for the next step; raises KnobError (nothing queued) for a bad value."""
        self.send(control.set_knobs(changes, source))

    def pause(self) -> None:
        self.send(control.Pause())

    def resume_training(self) -> None:
        self.send(control.Resume())

    def step_once(self, part: str = "both") -> None:
        """While paused: one more step ("both"), or one D update ("d") or one G update ("g")."""
        self.send(control.Step(part))

    def stop(self, reason: str = "") -> None:
        self.send(control.Stop(reason))

    def save_checkpoint(self, directory: Path | None = None) -> None:
        """A checkpoint between two steps; its outcome is a "checkpoint" or "error" event with requested=True."""
        self.send(control.SaveCheckpoint(None if directory is None else str(directory)))

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def state(self) -> RunState:
        return self._state

    def move_run(self, directory: Path) -> None:
        """Go on writing the run in ``directory``, with a copy of what it wrote so far."""
        self.send(control.MoveRun(str(directory)))

    def stop_saving(self) -> None:
        """Write nothing more; metrics still reach the listener."""
        self.send(control.StopSaving())

    @property
    def rows_lost(self) -> bool:
        """Some rows or events were not written (the last write failed, or saving was stopped)."""
        return self._saving_stopped or (self.writer is not None and self.writer.last_error is not None)

    # ---- the run (training thread) --------------------------------------
    def run(self, listener: Listener | None = None) -> int:
        """Train until stopped or ``max_steps``; return the final step count."""
        self.listener = listener or _Silent()
        self._prepare_thread()
        self._stop_reason = None
        self._state = RunState.RUNNING
        self._record({"type": "start", "device": str(self.engine.device)})
        if not self._stepper_made:
            # Once per driver: repeated run() calls must not recapture or re-log.
            self.stepper = make_stepper(self.engine, log=self._record)
            self._stepper_made = True
        if self._kept.empty:
            self._keep_good(time.monotonic())
        try:
            while True:
                if self._inbox:
                    self._serve()
                if self._stop_reason is not None or self._reached_max():
                    break
                if self._paused:
                    self._hold()
                    continue
                self._train_step()
        except Exception as exc:
            self._failed(exc)
            raise
        finally:
            if self._state is not RunState.STOPPED:
                self._state = RunState.STOPPING
        self._finish()
        return self.engine.step_count

    def _prepare_thread(self) -> None:
        """The one place where the training thread sets itself up before its first step."""
        if self.thread_policy is not None and self.engine.device.type == "cpu":
            apply_in_this_thread(self.thread_policy)

    def _reached_max(self) -> bool:
        limit = self.options.max_steps
        return limit is not None and self.engine.step_count >= limit

    def _hold(self) -> None:
        """Parked between two steps: say so once, then wait for commands."""
        if self._state is not RunState.PAUSED:
            self._state = RunState.PAUSED
            self._record({"type": "pause"})
            self._flush(force=True)
        with self._wake:
            if not self._inbox:
                self._wake.wait(0.1)
        if self._inbox:
            self._serve()
        if not self._paused and self._stop_reason is None:
            self._state = RunState.RUNNING
            self._record({"type": "resume"})

    def _serve(self) -> None:
        while self._inbox:
            command = self._inbox.popleft()
            if isinstance(command, control.SetKnobs):
                self._wanted.update(command.values)
                for name in command.values:
                    self._sources[name] = command.source
                if self._divergence_pause:  # the user's fix: train on with it
                    self._paused = False
            elif isinstance(command, control.Pause):
                self._paused = True
            elif isinstance(command, control.Resume):
                self._paused = False
            elif isinstance(command, control.Step):
                if self._paused and self._stop_reason is None and not self._reached_max():
                    self._single_step(command.part)
            elif isinstance(command, control.Stop):
                self._stop_reason = command.reason
                self._state = RunState.STOPPING
            elif isinstance(command, control.SaveCheckpoint):
                self._checkpoint(None if command.directory is None else Path(command.directory), requested=True)
            elif isinstance(command, control.Sample):
                self._flush(force=True)
                self._emit_sample(self.engine.step_count)
            elif isinstance(command, control.MoveRun):
                self._move_run(Path(command.directory))
            elif isinstance(command, control.StopSaving):
                self._stop_saving()
            if not self._paused:
                self._divergence_pause = False

    # ---- steps ------------------------------------------------------------------
    def _apply_wanted(self) -> None:
        wanted, sources = self._wanted, self._sources
        self._wanted, self._sources = {}, {}
        changes = self.engine.apply_knobs(wanted)
        if changes:
            if self.stepper is not None:
                self.stepper.knobs_changed(changes)
            self._live = dict(self.engine.live)
        self._applied += [(name, old, new, sources.get(name, "user")) for name, old, new in changes]

    def _train_step(self) -> None:
        if self._wanted:
            self._apply_wanted()
        vector = self.stepper.step() if self.stepper is not None else self.engine.step()
        self._after_step(vector, "both")

    def _single_step(self, part: str) -> None:
        if self._wanted:
            self._apply_wanted()
        if part == "both":
            vector = self.stepper.step() if self.stepper is not None else self.engine.step()
        else:
            vector = self.engine.step_part(part)
            if self.stepper is not None:
                self.stepper.state_restored()  # the eager step wrote new gradients: capture again
        self._after_step(vector, part)
        self._flush(force=True)

    def _after_step(self, vector: torch.Tensor, part: str) -> None:
        step = self.engine.step_count
        now = time.time()
        if self._applied:
            for name, old, new, source in self._applied:
                self._record({"type": "knob", "knob": name, "old": old, "new": new, "source": source}, step=step)
            self._applied = []
        self._pending.append((step, now, vector, self._live, part))
        opts = self.options
        if opts.quality_every and step % opts.quality_every == 0:
            self._measure_quality(step)
        if opts.sample_every and step % opts.sample_every == 0:
            self._flush(force=True)
            self._emit_sample(step)
        if opts.checkpoint_every and step % opts.checkpoint_every == 0:
            self._checkpoint()
        elif opts.checkpoint_seconds and time.monotonic() - self._last_checkpoint >= opts.checkpoint_seconds:
            self._checkpoint(rolling=True)
        if time.perf_counter() - self._last_flush >= opts.flush_seconds:
            self._flush()

    def _measure_quality(self, step: int) -> None:
        from ..quality.evaluate import evaluate_quality

        engine = self.engine
        count = 2500 if engine.is_points else self.options.quality_samples
        try:
            values = evaluate_quality(engine.dataset.kind, engine.config["dataset"],
                                      engine.real_samples(count), engine.generate(count),
                                      image_size=engine.config["image_size"])
        except Exception as exc:  # a metric must never stop training
            self._record({"type": "error", **message("quality_failed", error=_described(exc))})
            return
        self._pending_quality[step] = values

    # ---- rows, divergence -----------------------------------------------------------
    def _flush(self, force: bool = False) -> None:
        self._last_flush = time.perf_counter()
        if self._pending:
            # One host sync for the whole batch of steps.
            values = torch.stack([p[2] for p in self._pending]).float().cpu().tolist()
            rows = []
            bad: tuple[int, list[str]] | None = None
            for (step, when, _vec, live, part), metrics in zip(self._pending, values):
                if bad is None:
                    names = _non_finite(metrics, live, part)
                    if names:
                        bad = (step, names)
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
            if bad is not None:
                self._diverged(*bad)
            elif time.monotonic() - self._last_kept >= self.options.keep_good_seconds:
                self._keep_good(time.monotonic())
        if self.writer:
            error = self.writer.flush()
            if error and self.last_error is None:  # said once, until a flush works again
                self.listener.on_event({"type": "error", **error.fields("message"), "disk": str(self.writer.path),
                                        "reason": self.writer.last_reason,
                                        "step": self.engine.step_count, "time": time.time()})
            self.last_error = error
        self.listener.on_status(self.status())

    def _keep_good(self, now: float) -> None:
        self._kept.keep(self.engine)
        self._last_kept = now

    def _diverged(self, step: int, names: list[str]) -> None:
        """A non-finite loss or gradient norm at ``step``: put the last good state back, then act."""
        self._kept.restore(self.engine)
        if self.stepper is not None:
            self.stepper.state_restored()
        self.divergences += 1
        action = self.options.on_divergence
        if action == "continue" and self.divergences >= MAX_DIVERGENCES:
            action = "stop"
        text = message(f"divergence_{action}", step=step, fields=", ".join(names), good=self._kept.step)
        self._record({"type": "divergence", "fields": names, "restored_step": self._kept.step,
                      "action": action, **text}, step=step)
        if action == "pause":
            self._paused = self._divergence_pause = True
        elif action == "stop":
            self._stop_reason = "divergence"
            self._state = RunState.STOPPING

    @property
    def diverged(self) -> bool:
        return self._stop_reason == "divergence"

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
        return {"step": step, "it_per_s": self.it_per_s, "state": self._state,
                "device": str(self.engine.device), "error": None if self.last_error is None else self.last_error.en,
                **path_status(self.stepper, self.engine)}

    def _emit_sample(self, step: int) -> None:
        sample = self.engine.fixed_samples()
        if self.writer:
            try:
                self.writer.save_sample(step, sample)
            except OSError as exc:
                if not self._sample_failing:  # said once, until one is saved again
                    self._sample_failing = True
                    self._record({"type": "error", "disk": str(self.writer.path),
                                  "reason": str(exc.strerror or exc), **message("sample_failed", error=exc)})
            else:
                self._sample_failing = False
        self.listener.on_sample(step, sample)

    # ---- checkpoints -------------------------------------------------------------
    def _checkpoint(self, directory: Path | None = None, requested: bool = False, rolling: bool = False) -> None:
        """Save between two steps, after checking the steps since the last flush (never a diverged state)."""
        self._last_checkpoint = time.monotonic()
        if directory is None:
            if not self.writer:
                return
            directory = self.writer.checkpoints
        self._flush(force=True)
        try:
            path = save_checkpoint(self.engine, Path(directory))
        except Exception as exc:  # disk full, read-only, safetensors' own errors: training goes on
            error = (exc.text if isinstance(exc, GantunerError)  # CheckpointWriteError: in both languages
                     else exc.strerror or str(exc) if isinstance(exc, OSError) else _described(exc))
            if requested:  # whoever asked hears every outcome
                self._record({"type": "error", "requested": True,
                              **message("requested_checkpoint_failed", directory=directory, error=error)})
            elif not self._checkpoint_failing:  # routine saves: said once, until one works again
                self._checkpoint_failing = True
                self._record({"type": "error", "disk": str(directory), "reason": _system_reason(exc),
                              **message("checkpoint_failed", directory=directory, error=error)})
            return
        if not requested:
            self._checkpoint_failing = False
        self._record({"type": "checkpoint", "path": str(path), "requested": requested, "rolling": rolling})
        if rolling:
            self._prune_rolling(path)
        elif path in self._rolling:  # a kept checkpoint of the same step: pruning must never remove it
            self._rolling.remove(path)

    def _prune_rolling(self, path: Path) -> None:
        """Keep the newest ROLLING_KEPT time-based checkpoints; the every-N-steps ones all stay."""
        self._rolling.append(path)
        every = self.options.checkpoint_every
        while len(self._rolling) > ROLLING_KEPT:
            old = self._rolling.pop(0)
            match = CHECKPOINT_PATTERN.search(old.name)
            if match and every and int(match.group(1)) % every == 0:
                continue
            for stale in (old, old.with_suffix(".json")):
                try:
                    stale.unlink(missing_ok=True)
                except OSError:
                    pass

    # ---- disk trouble: another folder, or no saving ------------------------------------
    def _move_run(self, destination: Path) -> None:
        """Copy the run into ``destination`` and write there from now on; the old folder stays as it is."""
        if self.writer is None:
            self._record({"type": "error", **message("nothing_to_move")})
            return
        old = self.writer.path
        self._flush(force=True)  # checked rows first; what the old disk refuses stays pending and moves
        try:
            refuse_existing_run(destination)
            writer = self.writer.moved_to(destination, self.engine.config, self.options.to_json())
        except OSError as exc:  # RunExistsError too
            error = (exc.text if isinstance(exc, GantunerError)
                     else f"{exc.strerror} ({exc.filename})" if exc.strerror and exc.filename else str(exc))
            self._record({"type": "error", "disk": str(destination),
                          **message("move_failed", to=destination, old=old, error=error)})
            return
        self.writer = writer
        self.last_error = None
        self._checkpoint_failing = self._sample_failing = False
        # Rolling checkpoints are pruned in the new folder only: the old one is never touched.
        self._rolling = [writer.checkpoints / path.name for path in self._rolling]
        self._record({"type": "run_moved", "from": str(old), "to": str(destination),
                      **message("run_moved", to=destination, old=old)})
        self._checkpoint(rolling=True)  # the state since the last checkpoint that reached a disk
        self._flush(force=True)

    def _stop_saving(self) -> None:
        """Write nothing more (one last try for what is pending); rows go on to the listener."""
        if self.writer is None:
            return
        old = self.writer.path
        self._flush(force=True)
        self.writer = None
        self.last_error = None
        self._saving_stopped = True
        self._record({"type": "saving_stopped", "run": str(old), **message("saving_stopped", old=old)})

    # ---- events, the end ----------------------------------------------------------
    def _record(self, event: dict[str, Any], step: int | None = None) -> None:
        event = {"step": self.engine.step_count if step is None else step, "time": round(time.time(), 4), **event}
        if self.writer:
            self.writer.add_event(event)
        self.listener.on_event(event)

    def _failed(self, exc: BaseException) -> None:
        """An exception in the loop: say so, and save the last good state (nothing since is trusted)."""
        self._record({"type": "error", **message("training_failed", error=_described(exc))})
        try:
            self._pending.clear()
            if not self._kept.empty:
                self._kept.restore(self.engine)
            if self.writer:
                save_checkpoint(self.engine, self.writer.checkpoints)
        except Exception as again:
            self._record({"type": "error", **message("no_final_checkpoint", error=_described(again))})
        try:
            self._flush(force=True)
        except Exception:
            pass  # the first error is the one to report
        self._state = RunState.STOPPED

    def _finish(self) -> None:
        """The last sample and the final checkpoint, then the stop event: a run whose
        events end in "stop" is complete."""
        self._flush(force=True)
        step = self.engine.step_count
        if step > 0 and not (self.options.sample_every and step % self.options.sample_every == 0):
            self._emit_sample(step)
        self._checkpoint()
        reason = {"reason": self._stop_reason} if self._stop_reason else {}
        self._record({"type": "stop", **reason})
        self._flush(force=True)
        self._state = RunState.STOPPED
        self.listener.on_status(self.status())


def _described(exc: BaseException) -> str:
    """An unexpected exception in one line: its type, then its own words."""
    return f"{type(exc).__name__}: {exc}"


def _non_finite(metrics: list[float], live: Mapping[str, Any], part: str) -> list[str]:
    """The fields a step computed that are not finite (a half that did not run is NaN by design)."""
    ran_d = part == "d" or (part == "both" and live["d_steps"] > 0)
    ran_g = part == "g" or (part == "both" and live["g_steps"] > 0)
    bad = []
    for ran, indices in ((ran_d, _D_FIELDS), (ran_g, _G_FIELDS)):
        if ran:
            bad += [ENGINE_FIELDS[i] for i in indices if not math.isfinite(metrics[i])]
    return bad


def refuse_existing_run(out: Path) -> None:
    """Raise RunExistsError if ``out`` already holds a gantuner run's files."""
    if not out.exists():
        return
    held = [n for n in ("config.json", "metrics.jsonl", "events.jsonl") if (out / n).exists()]
    checkpoints = out / "checkpoints"
    if checkpoints.is_dir() and any(checkpoints.iterdir()):
        held.append("checkpoints/")
    if held:
        raise RunExistsError(RUN_EXISTS.format(out=out, held=", ".join(held)))


def saved_run_options(run_dir: Path) -> dict[str, Any]:
    """The run options in a run's config.json ({} when it has none or cannot be read)."""
    try:
        data = json.loads((Path(run_dir) / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    run = data.get("run") if isinstance(data, dict) else None
    return run if isinstance(run, dict) else {}


def _system_reason(exc: BaseException) -> str:
    """The system's own words for a disk failure ("No space left on device"), for a short notice."""
    return str(getattr(exc, "reason", "") or getattr(exc, "strerror", "") or exc)
