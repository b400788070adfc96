"""The fast path on CUDA: the whole training step replayed as one CUDA graph.

Small GANs are bound by kernel launches and Python, not arithmetic (figures
measured on an H100 and reported to the project: an eager DCGAN step ~100
it/s, the same step as one graph ~200 it/s; a 2D MLP GAN 160-190 it/s eager,
~2,000 as a graph).  :class:`FastStepper` wraps an :class:`~.engine.Engine` and
replaces ``engine.step()``:

1. it builds a :class:`~.static_step.StaticStep` for the structural knobs in
   force (batch size, D/G steps, dropout, batch norm, loss, noise on/off);
2. runs it eagerly on a side stream for a few warm-up steps (real training
   steps: they create Adam's state and the libraries' workspaces), following
   PyTorch's whole-network capture recipe;
3. captures it with ``torch.cuda.graph`` and from then on replays it.

Knobs of kind ``SCALAR`` (knobs.py) are device tensors the graph reads
(:mod:`.tensor_knobs`), so changing them costs a ``fill_``; a change of a
``STRUCTURAL`` one builds, warms up and captures again at the next step
boundary.  Any failure drops to the eager
``engine.step()`` for the rest of the run and says why (``reason``, ``log``).

Untested without a GPU: :class:`CudaGraphs` (the warm-up on a side stream
and the capture itself) has never run on this project's CPU test machine;
``benchmarks/gpu_throughput.py`` checks it on a GPU.  Everything else runs
on CPU: the static step against ``Engine.step()``, and the warm-up / capture
/ replay / recapture / fallback logic with a stand-in for :class:`CudaGraphs`.

How the driver uses it::

    stepper = make_stepper(engine, log=record_event)   # None: stay eager
    ...
    changes = engine.apply_knobs(snapshot)
    if stepper is not None and changes:
        stepper.knobs_changed(changes)
    vector = stepper.step() if stepper is not None else engine.step()
    ...
    stepper.state_restored()   # after weights were put back or stepped eagerly
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import Any

import torch

from ..knobs import STRUCTURAL_KNOBS
from ..text import Text
from .static_step import StaticStep
from .tensor_knobs import TensorKnobs, structure_of

WARMUP_STEPS = 3      # before the first capture, as in PyTorch's whole-network example
REWARMUP_STEPS = 1    # before a recapture: shapes may be new, libraries are loaded
DISABLE_VARIABLE = "GANTUNER_FAST_PATH"  # set to 0 to keep every run eager

EventLog = Callable[[dict[str, Any]], None]

# User-facing text, English and Japanese.
MESSAGES: dict[str, Text] = {
    "not_cuda": Text(
        "Fast path off: it needs a CUDA GPU; training runs eagerly on {device}.",
        "高速経路はオフ: CUDA GPU が必要です。{device} で通常どおり学習します。",
    ),
    "bf16_not_cuda": Text(
        "Fast path off: it needs a CUDA GPU, and precision bf16 too; training runs eagerly "
        "in fp32 on {device}.",
        "高速経路はオフ: CUDA GPU が必要で、bf16 精度も CUDA 専用です。{device} で fp32 の通常実行をします。",
    ),
    "disabled": Text(
        "Fast path off: turned off by the environment variable {variable}=0.",
        "高速経路はオフ: 環境変数 {variable}=0 で無効にされています。",
    ),
    "failed": Text(
        "Fast path off: the CUDA graph step failed ({error}); training continues eagerly{precision}.",
        "高速経路はオフ: CUDA グラフでのステップが失敗しました ({error})。通常実行で学習を続けます{precision}。",
    ),
    "on": Text(
        "Fast path on: each step replays one CUDA graph (fused Adam{precision}), captured in {ms:.0f} ms.",
        "高速経路オン: 各ステップを 1 つの CUDA グラフとして再生します (fused Adam{precision})。"
        "キャプチャ {ms:.0f} ms。",
    ),
    "recaptured": Text(
        "Step captured again after a change of {knobs} ({ms:.0f} ms).",
        "{knobs} の変更に合わせてステップを再キャプチャしました ({ms:.0f} ms)。",
    ),
    "recaptured_objects": Text(
        "Step captured again for a new model or optimiser state ({ms:.0f} ms).",
        "モデルまたは最適化器の状態が新しくなったため、ステップを再キャプチャしました ({ms:.0f} ms)。",
    ),
}


def note(key: str, **values: Any) -> Text:
    return MESSAGES[key].format(**values)


def event(kind: str, text: Text) -> dict[str, Any]:
    """An events.jsonl entry: ``{"type", "message", "message_ja"}`` (the driver adds step and time)."""
    return {"type": kind, **text.fields("message")}


def eager_reason(engine: Any) -> Text | None:
    """Why this engine cannot use the fast path, or None if it can."""
    if os.environ.get(DISABLE_VARIABLE, "").strip() == "0":
        return note("disabled", variable=DISABLE_VARIABLE)
    if engine.device.type != "cuda":
        key = "bf16_not_cuda" if engine.config.get("precision") == "bf16" else "not_cuda"
        return note(key, device=engine.device.type.upper())
    return None


def path_status(stepper: FastStepper | None, engine: Any) -> dict[str, Any]:
    """The status-bar fields for a run with or without a stepper (see :meth:`FastStepper.status`)."""
    if stepper is not None:
        return stepper.status()
    return {"fast_path": "eager", **(eager_reason(engine) or Text("")).fields("fast_path_reason")}


def make_stepper(engine: Any, log: EventLog | None = None) -> FastStepper | None:
    """A :class:`FastStepper` for ``engine``, or None (and an "info" event) where eager is the way."""
    reason = eager_reason(engine)
    if reason is not None:
        if log is not None:
            log(event("info", reason))
        return None
    return FastStepper(engine, log=log)


class FastStepper:
    """``engine.step()``, replayed as a CUDA graph where possible.

    ``step()`` keeps Engine.step()'s contract: it returns the step's metrics
    as a fresh device tensor in ENGINE_FIELDS order (a copy of the graph's
    output, so kept vectors stay valid) and adds one to
    ``engine.step_count``.  No host sync happens in a replayed step.

    ``graphs=False`` runs the same static step eagerly (any device): the
    CPU tests use it, and it is what the graph replays.

    Attributes: ``active`` (False once fallen back to ``engine.step()``),
    ``reason`` (a :class:`Text`: why not, when not), ``builds`` and
    ``captures`` (counts), ``last_capture_ms``.
    """

    def __init__(self, engine: Any, log: EventLog | None = None,
                 graphs: bool | None = None, warmup_steps: int = WARMUP_STEPS,
                 rewarmup_steps: int = REWARMUP_STEPS, backend: CudaGraphs | None = None):
        self.engine = engine
        self.use_graphs = (engine.device.type == "cuda" if graphs is None else bool(graphs)) or backend is not None
        self._backend = backend if backend is not None else CudaGraphs(engine.device)
        self.precision = str(engine.config.get("precision", "fp32"))
        self.warmup_steps = max(0, int(warmup_steps))
        self.rewarmup_steps = max(0, int(rewarmup_steps))
        self._log = log
        self.knobs = TensorKnobs(engine.device, engine.live)
        self.active = True
        self.reason = Text("")
        self.builds = 0
        self.captures = 0
        self.last_capture_ms: float | None = None
        self._static: StaticStep | None = None
        self._key: tuple | None = None
        self._baked: tuple = ()
        self._built_live: dict[str, Any] = {}
        self._graph: Any = None  # what the backend captured: .replay(), .output
        self._warmup_left = 0
        self._changed_since_capture: list[str] = []

    # ---- the driver's calls -------------------------------------------------
    def step(self) -> torch.Tensor:
        engine = self.engine
        if not self.active:
            return engine.step()
        try:
            vector = self._fast_step()
        except Exception as exc:  # any failure: eager from here on, and say why
            # A failure inside a capture changed nothing; one in a warm-up step
            # may have updated D already, and this step is then run again eagerly.
            self._fall_back(exc)
            return engine.step()
        engine.step_count += 1
        return vector

    def knobs_changed(self, changes: list[tuple[str, Any, Any]] | list[tuple]) -> None:
        """After ``engine.apply_knobs``: copy scalar knobs to the device now.

        Structural changes are picked up at the next ``step()``, which builds
        and captures again.  (Each step also checks the knobs itself, so a
        change that bypassed this call is not missed.)
        """
        if self.active and changes:
            self.knobs.load(self.engine.live)

    def state_restored(self) -> None:
        """The weights or optimiser state were replaced or stepped outside the graph: build anew."""
        self._drop_graph()
        self._static = None

    def status(self) -> dict[str, Any]:
        """For the status bar: which path runs, and why not the fast one."""
        if not self.active:
            mode = "eager"
        elif self.use_graphs:
            mode = "cuda_graph"
        else:
            mode = "static_eager"
        return {"fast_path": mode, **self.reason.fields("fast_path_reason")}

    # ---- the fast step --------------------------------------------------------
    def _fast_step(self) -> torch.Tensor:
        live = self.engine.live
        self.knobs.load(live)  # a no-op unless a scalar knob changed
        key = (structure_of(live), self._identity())
        if self._static is None or key != self._key or self._static.baked(live) != self._baked:
            self._build(key, live)
        if not self.use_graphs:
            return self._static()
        if self._graph is not None:
            self._graph.replay()
            return self._graph.output.clone()  # the graph overwrites its output next replay
        if self._warmup_left > 0:
            self._warmup_left -= 1
            return self._backend.warm_up(self._static)
        return self._capture()

    def _identity(self) -> tuple:
        """Objects a capture holds on to; a new one (a restored checkpoint) needs a new capture."""
        e = self.engine
        return (id(e.G), id(e.D), id(e.opt_d), id(e.opt_g), id(e.opt_d.state), id(e.opt_g.state),
                id(e.dataset))

    def _build(self, key: tuple, live: Mapping[str, Any]) -> None:
        if self._static is not None:
            self._note_changes(self._static, live)
        self._drop_graph()
        self._static = StaticStep(self.engine, self.knobs, precision=self.precision)
        self._key = key
        self._baked = self._static.baked(live)
        self._built_live = dict(live)
        self.builds += 1
        self._warmup_left = self.warmup_steps if self.captures == 0 else self.rewarmup_steps

    def _note_changes(self, old: StaticStep, live: Mapping[str, Any]) -> None:
        """Remember which knobs made this rebuild necessary, for the recapture message."""
        before = self._built_live
        names = [n for n in (*STRUCTURAL_KNOBS, *old.baked_names()) if before.get(n) != live.get(n)]
        if (before.get("instance_noise", 0) > 0) != (live["instance_noise"] > 0):
            names.append("instance_noise")
        self._changed_since_capture += [n for n in names if n not in self._changed_since_capture]

    def _drop_graph(self) -> None:
        self._graph = None  # destroying the CUDAGraph frees its private memory pool

    def _capture(self) -> torch.Tensor:
        engine = self.engine
        start = time.perf_counter()
        # Gradients are allocated inside the capture, from the graph's pool,
        # and refilled by every replay.
        engine.opt_d.zero_grad(set_to_none=True)
        engine.opt_g.zero_grad(set_to_none=True)
        self._graph = self._backend.capture(self._static)
        self.captures += 1
        self.last_capture_ms = (time.perf_counter() - start) * 1000.0
        self._graph.replay()  # capturing runs nothing: this is the step itself
        result = self._graph.output.clone()
        if self.captures == 1:
            self._emit("info", note("on", precision=_precision_words(self.precision, on=True),
                                    ms=self.last_capture_ms))
        elif self._changed_since_capture:
            changed = ", ".join(self._changed_since_capture)
            self._emit("info", note("recaptured", knobs=changed, ms=self.last_capture_ms))
        else:
            self._emit("info", note("recaptured_objects", ms=self.last_capture_ms))
        self._changed_since_capture = []
        return result

    # ---- falling back -------------------------------------------------------
    def _fall_back(self, exc: BaseException) -> None:
        self._drop_graph()
        self._static = None
        # Gradients may point into a half-captured graph's memory: drop them.
        for opt in (self.engine.opt_d, self.engine.opt_g):
            opt.zero_grad(set_to_none=True)
        error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")
        self._deactivate("error", note("failed", error=error[:200],
                                       precision=_precision_words(self.precision, on=False)))

    def _deactivate(self, kind: str, text: Text) -> None:
        self.active = False
        self.reason = text
        self._emit(kind, text)

    def _emit(self, kind: str, text: Text) -> None:
        if self._log is not None:
            self._log(event(kind, text))


class CapturedStep:
    """A captured step: ``replay()`` runs it, ``output`` is where it writes its metrics."""

    def __init__(self, graph: Any, output: torch.Tensor):
        self.graph = graph
        self.output = output

    def replay(self) -> None:
        self.graph.replay()


class CudaGraphs:
    """Warm-up and capture as in PyTorch's whole-network CUDA Graphs recipe.

    CUDA only: nothing here has run on the project's CPU test machine; the
    GPU benchmark (benchmarks/gpu_throughput.py) exercises it.  Warm-up and
    capture share one side stream, so per-stream library handles (cuBLAS,
    cuBLASLt workspaces) are created in the warm-up, not mid-capture.
    """

    def __init__(self, device: torch.device):
        self.device = device
        self._stream: Any = None

    def _side_stream(self) -> Any:
        if self._stream is None:
            self._stream = torch.cuda.Stream(self.device)
        return self._stream

    def warm_up(self, step: Callable[[], torch.Tensor]) -> torch.Tensor:
        """A real training step, run eagerly on the side stream before capture."""
        side = self._side_stream()
        current = torch.cuda.current_stream(self.device)
        side.wait_stream(current)  # knob fills and earlier steps come first
        with torch.cuda.stream(side):
            out = step()
        current.wait_stream(side)
        out.record_stream(current)  # allocated on the side stream, read on this one
        return out.clone()

    def capture(self, step: Callable[[], torch.Tensor]) -> CapturedStep:
        graph = torch.cuda.CUDAGraph()
        # thread_local: CUDA calls of other threads (a GUI) cannot break the
        # capture; torch.compile's CUDA graph trees capture the same way.
        with torch.cuda.graph(graph, stream=self._side_stream(), capture_error_mode="thread_local"):
            out = step()
        return CapturedStep(graph, out)


def _precision_words(precision: str, on: bool) -> Text:
    if precision != "bf16":
        return Text("", "")
    if on:
        return Text(", bf16 autocast", "、bf16 自動混合精度")
    # The eager engine has no autocast: falling back means fp32.
    return Text(" in fp32 (bf16 needs the fast path)", " (bf16 は高速経路でのみ有効なので fp32 で計算します)")
