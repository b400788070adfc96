"""How many CPU threads training uses, chosen for the machine and applied in
the training thread itself.

Why in the training thread: torch's CPU kernels run on OpenMP, and OpenMP's
thread count is a per-thread setting.  ``torch.set_num_threads`` called in
the GUI thread (or the main thread of the CLI) leaves a training thread
started elsewhere on its own default, one OpenMP worker per core.

Why not one worker per core: a step of a small GAN is hundreds of short
parallel regions, each ending in a barrier that waits for the slowest
worker.  When another program (a browser, a compile) or the window's own
thread holds one of the cores, the worker on it runs late and every barrier
waits for it, so training ran at a third of its share of the machine
(measured: window 4.7-6.9 it/s against headless 14.6-15.7 under the same
load).  So:

* beside the window, training leaves one core to the GUI thread;
* at most :data:`MAX_THREADS` workers: small models gain little from more,
  and each one more is one more straggler to wait for;
* OpenMP's waiting workers sleep instead of spinning (``OMP_WAIT_POLICY=
  PASSIVE``), so a worker that waits at a barrier gives its core to whoever
  needs it, the late worker included.  This must be set before torch is
  imported; :func:`prepare_openmp` does it, and an explicit setting of the
  user's wins.

``OMP_NUM_THREADS``, a ``--threads`` option or the preferences override the
choice.  Nothing here imports torch until :func:`apply_in_this_thread`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..text import Text

MAX_THREADS = 4


# How the thread count reads (the window's status bar, the CLI's progress line).
THREAD_COUNT = {"one": Text("CPU (1 thread)", "CPU (1 スレッド)"),
                "many": Text("CPU ({n} threads)", "CPU ({n} スレッド)")}
# Why that many: by the policy's reason, and where the run is (beside the window or headless).
THREAD_REASONS = {
    ("auto", True): Text("chosen for {cores} cores, one left for the window", "コア {cores} 個に合わせて自動、1 個はウィンドウ用"),
    ("auto", False): Text("chosen for {cores} cores", "コア {cores} 個に合わせて自動"),
    ("requested", True): Text("as set in Preferences", "環境設定による"),
    ("requested", False): Text("as set by --threads", "--threads による"),
    ("environment", True): Text("set by OMP_NUM_THREADS", "OMP_NUM_THREADS による"),
    ("environment", False): Text("set by OMP_NUM_THREADS", "OMP_NUM_THREADS による"),
}


@dataclass(frozen=True)
class ThreadPolicy:
    intra_op: int          # OpenMP workers for each kernel
    reason: str            # "auto", "requested" (--threads, preferences) or "environment" (OMP_NUM_THREADS)
    cores: int             # cores this process may run on
    beside_window: bool = False  # training beside the window (one core left for it) or headless

    def describe(self, language: str = "en") -> str:
        """How many threads and why, e.g. "CPU (3 threads) — chosen for 4 cores, one left for the window"."""
        count = THREAD_COUNT["one" if self.intra_op == 1 else "many"].format(n=self.intra_op)
        why = THREAD_REASONS[(self.reason, self.beside_window)].format(cores=self.cores)
        return f"{count.get(language)} — {why.get(language)}"


def usable_cores() -> int:
    """Cores this process may run on (its affinity mask, where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def choose(beside_window: bool, requested: int | None = None, cores: int | None = None,
           environ: dict[str, str] | None = None) -> ThreadPolicy:
    """The thread count for training: requested > OMP_NUM_THREADS > chosen for this machine."""
    cores = usable_cores() if cores is None else max(1, cores)
    environ = os.environ if environ is None else environ
    if requested is not None and requested >= 1:
        return ThreadPolicy(int(requested), "requested", cores, beside_window)
    from_env = environ.get("OMP_NUM_THREADS", "").strip()
    if from_env.isdigit() and int(from_env) >= 1:
        return ThreadPolicy(int(from_env), "environment", cores, beside_window)
    spare = 1 if beside_window else 0
    return ThreadPolicy(max(1, min(MAX_THREADS, cores - spare)), "auto", cores, beside_window)


def prepare_openmp(environ: dict[str, str] | None = None) -> None:
    """Before torch is imported: OpenMP's waiting workers sleep rather than spin (unless the user chose)."""
    environ = os.environ if environ is None else environ
    if "OMP_WAIT_POLICY" not in environ and "GOMP_SPINCOUNT" not in environ:
        environ["OMP_WAIT_POLICY"] = "PASSIVE"


def apply_in_this_thread(policy: ThreadPolicy) -> None:
    """Called at the start of the training thread (OpenMP's thread count is the calling thread's)."""
    import torch

    if torch.get_num_threads() != policy.intra_op:
        torch.set_num_threads(policy.intra_op)
    try:
        # Training uses no inter-op parallelism (no torch.jit.fork); one
        # thread keeps an idle pool from taking cores.  Torch allows this only
        # once, before any inter-op work: later calls are refused, which is fine.
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
