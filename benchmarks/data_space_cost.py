"""What the data-space view costs training: throughput with the view shown vs hidden.

    python benchmarks/data_space_cost.py                  # offscreen when there is no display
    xvfb-run -s "-screen 0 1600x1000x24" python benchmarks/data_space_cost.py
    python benchmarks/data_space_cost.py --playground     # the Learn dock's own playground instead

By default it measures the window as users run it: the main window trains
``--dataset`` (ring) with the app's worker thread while its Learn dock
alternates every ``--phase`` seconds between shown (the run's training
thread computes data-space snapshots between steps, within the probe's time
budget, and the view draws each: heat map, points, arrows, manifold) and
hidden (no snapshot is computed, nothing is drawn).  Steps per second come
from the run's own rows (their timestamps), per phase; each shown phase is
compared with the hidden phases either side of it, so this machine's
drifting speed (+-15 % within seconds) hits both alike.  Prints the median
ratio (goal >= 0.95) with a bootstrap 95 % interval, and how many snapshots
the shown phases computed.  The first ``--settle`` second after each switch
is left out: showing or hiding a dock lays out and repaints the whole
window, a cost of the switch, not of the view (the GUI thread's CPU time in
it is printed).  For the window it also prints the same ratio of
steps per CPU second of the training thread: the probe's own cost, which
other processes on the machine hardly move (the view's drawing, in the GUI
thread, is not in it).

With ``--playground`` the dock's 2D playground trains in its own thread
instead, and its steps are counted.
"""

from __future__ import annotations

import argparse
import bisect
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WARMUP_S = 1.5   # after the first rows: torch's lazy imports, the first snapshots
TRAINING_THREAD = "gantuner-training"
switch_cpu: dict[bool, list[float]] = {True: [], False: []}   # GUI thread CPU seconds after each switch
cpu_rates: list[float] = []   # the window's run, per phase: steps per CPU second of its training thread


def thread_cpu(thread: threading.Thread) -> float:
    """CPU seconds ``thread`` has run (Linux and macOS: its own CPU clock)."""
    return time.clock_gettime(time.pthread_getcpuclockid(thread.ident))


def wait(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def alternate(set_shown, measure, pairs: int, phase: float, settle: float) -> tuple[list, list, int]:
    """hidden, shown, hidden, ... phases; ``measure(seconds)`` -> (steps/s, snapshots computed)."""
    def one(shown: bool) -> tuple[float, int]:
        set_shown(shown)
        cpu = time.thread_time()
        wait(settle)  # the view's poll has told the probe; the window has laid itself out again
        switch_cpu[shown].append(time.thread_time() - cpu)
        return measure(phase)

    hidden = [one(False)[0]]
    shown, computed = [], 0
    for _ in range(pairs):
        rate, taken = one(True)
        shown.append(rate)
        computed += taken
        hidden.append(one(False)[0])
    return hidden, shown, computed


def window_phases(dataset: str, pairs: int, phase: float, settle: float, runs: Path) -> tuple[list, list, int]:
    """The main window training ``dataset``, its data-space dock shown and hidden in turns."""
    from PySide6.QtWidgets import QDockWidget

    from gantuner.gui.gc_pauses import keep_gc_pauses_short
    from gantuner.gui.main_window import MainWindow
    from gantuner.gui.settings import open_settings
    from gantuner.training import RunOptions

    options = RunOptions(sample_every=100, checkpoint_every=0, quality_every=0)
    window = MainWindow({"dataset": dataset, "device": "cpu"}, runs_dir=runs, run_options=options,
                        settings=open_settings(), language="en")
    window.resize(1500, 950)
    window.show()
    keep_gc_pauses_short(window.rowsArrived)  # as gantuner's main() does
    dock = window.findChild(QDockWidget, "learnDataSpaceDock")
    probe = window.learning.run_probe
    rows: list[dict] = []
    window.rowsArrived.connect(rows.extend)
    dock.show()
    dock.raise_()
    window.start()
    while not rows:
        wait(0.05)
    wait(WARMUP_S)

    training = next(t for t in threading.enumerate() if t.name == TRAINING_THREAD)

    def measure(seconds: float) -> tuple[float, int]:
        taken, start, cpu = probe.taken, time.time(), thread_cpu(training)
        wait(seconds)
        end, cpu = time.time(), thread_cpu(training) - cpu
        times = [r["time"] for r in rows]
        first, last = bisect.bisect_left(times, start), bisect.bisect_right(times, end) - 1
        if last <= first:
            cpu_rates.append(float("nan"))
            return float("nan"), probe.taken - taken
        steps = rows[last]["step"] - rows[first]["step"]
        # Steps per CPU second of the training thread: what the probe's own work costs it,
        # hardly moved by other processes on the machine (the view's drawing is not in it).
        cpu_rates.append((steps / (times[last] - times[first])) * (end - start) / cpu)
        return steps / (times[last] - times[first]), probe.taken - taken

    try:
        return alternate(dock.setVisible, measure, pairs, phase, settle)
    finally:
        window.close()
        window.deleteLater()


def playground_phases(dataset: str, pairs: int, phase: float, settle: float) -> tuple[list, list, int]:
    """The Learn dock's own 2D playground, its view shown and hidden in turns."""
    from gantuner.gui.learning_lab import LearningLab

    lab = LearningLab(config={"device": "cpu"})
    lab.dataset.setCurrentIndex(lab.dataset.findData(dataset))
    lab.resize(900, 800)
    lab.show()
    playground = lab.ensure_started()
    while lab.view.snapshot is None:
        wait(0.05)
    lab.command("play")
    wait(WARMUP_S)

    def measure(seconds: float) -> tuple[float, int]:
        taken = playground.probe.taken if playground.probe else 0
        step, start = playground.step, time.perf_counter()
        wait(seconds)
        rate = (playground.step - step) / (time.perf_counter() - start)
        return rate, (playground.probe.taken if playground.probe else 0) - taken

    try:
        return alternate(lab.view.setVisible, measure, pairs, phase, settle)
    finally:
        lab.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", type=float, default=2.0, help="seconds per shown or hidden phase")
    parser.add_argument("--pairs", type=int, default=20, help="shown phases (each between two hidden ones)")
    parser.add_argument("--settle", type=float, default=1.0, help="seconds after each switch left uncounted "
                        "(showing or hiding a dock lays out and repaints the whole window: a cost of the switch)")
    parser.add_argument("--dataset", default="ring")
    parser.add_argument("--playground", action="store_true", help="measure the dock's playground, not the window's run")
    args = parser.parse_args()

    from gui_responsiveness import median_interval
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gantuner.gui.app import prepare_process_for_the_window

    scratch = Path(tempfile.mkdtemp(prefix="gantuner-bench-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
    prepare_process_for_the_window()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    if args.playground:
        import torch

        torch.set_num_threads(max(1, (os.cpu_count() or 2) - 1))
        hidden, shown, computed = playground_phases(args.dataset, args.pairs, args.phase, args.settle)
        what = "the Learn dock's playground"
    else:
        hidden, shown, computed = window_phases(args.dataset, args.pairs, args.phase, args.settle, scratch / "runs")
        what = "the window's own run"
    del app
    ratios = [s / ((hidden[i] + hidden[i + 1]) / 2) for i, s in enumerate(shown)]
    middle, low, high = median_interval(ratios)
    print(f"{what}, dataset {args.dataset}: {args.pairs} shown phases of {args.phase:g} s between hidden ones "
          f"(first {args.settle:g} s of each uncounted); load average {os.getloadavg()[0]:.1f}")
    print(f"steps/s hidden: median {statistics.median(hidden):.1f}  shown: median {statistics.median(shown):.1f}")
    print(f"GUI thread CPU in the {args.settle:g} s after a switch (uncounted): showing "
          f"{1000 * statistics.median(switch_cpu[True]):.0f} ms, hiding {1000 * statistics.median(switch_cpu[False]):.0f} ms"
          f" (median)")
    print(f"snapshots computed while shown: {computed} ({computed / (args.pairs * (args.phase)):.1f}/s)")
    print(f"throughput shown / hidden: {middle:.3f} (95 % interval {low:.3f} .. {high:.3f}); goal >= 0.95")
    if cpu_rates:
        hidden_cpu, shown_cpu = cpu_rates[0::2], cpu_rates[1::2]
        middle, low, high = median_interval(
            [s / ((hidden_cpu[i] + hidden_cpu[i + 1]) / 2) for i, s in enumerate(shown_cpu)])
        print(f"steps per CPU second of the training thread, shown / hidden: {middle:.3f} "
              f"(95 % interval {low:.3f} .. {high:.3f}): the probe's own share, without the drawing")


if __name__ == "__main__":
    main()
