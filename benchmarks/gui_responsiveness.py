"""How much the window costs training, how responsive it stays, how fast long curves redraw.

    xvfb-run -s "-screen 0 1600x1000x24" python benchmarks/gui_responsiveness.py
    python benchmarks/gui_responsiveness.py          # offscreen when there is no display

Prints, per configuration:

* the window's cost measured inside one run: training goes on while the
  window alternates every ``--phase`` seconds between drawing (everything
  as usual) and idle (every timer of the window stopped, so the GUI thread
  does nothing, as without a window; the rows wait in the worker's outbox).
  Each drawing phase is compared with the idle phases either side of it.
  This machine's speed wanders by +-15 % within seconds; short alternating
  phases, many of them, cancel most of that, and the median comes with a
  bootstrap 95 % interval.  Goal: the window costs under 5 %.
* iterations/s headless (Driver.run in a thread, no Qt) and with the window
  open (the app's real worker thread and QApplication.exec() loop), measured
  the same way: steps between the rows' timestamps after a warm-up second.
  Runs alternate (headless, window, headless, window, ...) so a drifting
  machine load hits both alike; their median pairwise ratio, with a
  bootstrap 95 % interval.  Also the share of wall time the training thread
  was on a CPU in both, which this machine's wandering speed hardly moves.
* the longest gap between two turns of the Qt event loop while training,
  seen by a 1 ms QTimer recording timestamps.  Goal: under 50 ms.
* the redraw time of a 1,000,000-point curve as the window draws it (peak
  summaries built from scratch, the native path item's setData, a synchronous
  repaint), and of the whole curves panel (7 curves of 1,000,000 points).
  Goal: under 30 ms for one curve.  Also how a smoothing change made with
  the slider on that panel goes: when it is drawn, and the longest the event
  loop stalled meanwhile.

Uses a throwaway settings and run folder.  Both modes train with the thread
count the app uses (all cores but one).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

CONFIGS = {
    "ring": {"dataset": "ring", "device": "cpu"},          # 2D MLP 3x128, batch 256
    "digits16": {"dataset": "digits", "device": "cpu"},    # 16x16 DCGAN, batch 64
}
WARMUP_S = 1.0


def run_options():
    from gantuner.training import RunOptions

    return RunOptions(sample_every=100, checkpoint_every=0, quality_every=0)


def rate_from_rows(rows: list[dict], warmup: float = WARMUP_S) -> float:
    if not rows:
        return 0.0
    start = rows[0]["time"] + warmup
    kept = [r for r in rows if r["time"] >= start]
    if len(kept) < 2 or kept[-1]["time"] <= kept[0]["time"]:
        return 0.0
    return (kept[-1]["step"] - kept[0]["step"]) / (kept[-1]["time"] - kept[0]["time"])


class _Collect:
    def __init__(self):
        self.rows: list[dict] = []

    def on_rows(self, rows):
        self.rows.extend(rows)

    def on_sample(self, step, sample):
        pass

    def on_event(self, event):
        pass

    def on_status(self, status):
        pass


def thread_cpu(thread: threading.Thread) -> float:
    """CPU seconds ``thread`` has run (Linux and macOS: its own CPU clock)."""
    return time.clock_gettime(time.pthread_getcpuclockid(thread.ident))


def headless(config: dict, seconds: float, runs: Path) -> tuple[float, float]:
    """Iterations/s, and the share of wall time the training thread was on a CPU."""
    from gantuner.training import Driver

    driver = Driver.new(config, runs_dir=runs, options=run_options())
    listener = _Collect()
    thread = threading.Thread(target=driver.run, args=(listener,), name="bench-headless", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not listener.rows and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(WARMUP_S)
    cpu, wall = thread_cpu(thread), time.perf_counter()
    time.sleep(seconds)
    running = (thread_cpu(thread) - cpu) / (time.perf_counter() - wall)
    driver.stop()
    thread.join()
    return rate_from_rows(listener.rows), running


def with_window(app, config: dict, seconds: float, runs: Path, probe: bool) -> dict[str, float]:
    """Train with the window open under app.exec().

    Returns it/s, the GUI thread's CPU share, and with ``probe`` the longest
    and 99th-percentile gaps (ms) between turns of the event loop.
    """
    from PySide6.QtCore import Qt, QTimer

    from gantuner.gui.gc_pauses import keep_gc_pauses_short
    from gantuner.gui.main_window import MainWindow
    from gantuner.gui.settings import open_settings

    window = MainWindow(config, runs_dir=runs, run_options=run_options(), settings=open_settings(), language="en")
    window.resize(1500, 950)
    window.show()
    keep_gc_pauses_short(window.rowsArrived)  # as gantuner's main() does
    rows: list[dict] = []
    window.rowsArrived.connect(rows.extend)
    ticks: list[float] = []
    prober = QTimer()
    prober.setTimerType(Qt.TimerType.PreciseTimer)
    prober.setInterval(1)
    prober.timeout.connect(lambda: ticks.append(time.perf_counter()))
    marks: dict[str, float] = {}

    def check() -> None:
        now = time.perf_counter()
        if rows and "first" not in marks:
            marks["first"] = now
        if "first" in marks and "cpu" not in marks and now - marks["first"] >= WARMUP_S:
            marks["cpu"] = time.thread_time()  # the GUI thread's CPU time from here on
            marks["cpu_wall"] = now
            marks["train_cpu"] = thread_cpu(window.session.worker._thread)
        if "first" in marks and now - marks["first"] >= seconds + WARMUP_S:
            marks["end"] = now
            marks["cpu_end"] = time.thread_time()
            marks["train_cpu_end"] = thread_cpu(window.session.worker._thread)
            prober.stop()
            watcher.stop()
            window.close()
            app.exit(0)

    watcher = QTimer()
    watcher.setInterval(50)
    watcher.timeout.connect(check)
    if probe:
        prober.start()
    watcher.start()
    window.start()
    app.exec()
    span = marks["end"] - marks["cpu_wall"]
    result = {"rate": rate_from_rows(rows),
              "gui_cpu": (marks["cpu_end"] - marks["cpu"]) / span,
              "train_running": (marks["train_cpu_end"] - marks["train_cpu"]) / span}
    if probe:
        start = marks["first"] + WARMUP_S
        seen = [t for t in ticks if start <= t <= marks["end"]]
        gaps = sorted(b - a for a, b in zip(seen, seen[1:]))
        result["gap"] = gaps[-1] * 1000 if gaps else float("nan")
        result["p99"] = gaps[int(0.99 * (len(gaps) - 1))] * 1000 if gaps else float("nan")
    window.deleteLater()
    return result


def _window_timers(window) -> list:
    """The timers through which the window does anything while training runs."""
    from PySide6.QtCore import QTimer

    named = [window.session.worker._timer, window.curves._timer, window._status_timer, window.diagnosis.timer]
    return named + [t for t in window.findChildren(QTimer) if t not in named and t.isActive()]


def interleaved(app, config: dict, pairs: int, phase: float, runs: Path, settle: float = 0.25) -> dict:
    """Drawing phases against idle phases of the same run (see the module's docstring)."""
    import bisect

    from PySide6.QtCore import QTimer

    from gantuner.gui.gc_pauses import keep_gc_pauses_short
    from gantuner.gui.main_window import MainWindow
    from gantuner.gui.settings import open_settings

    window = MainWindow(config, runs_dir=runs, run_options=run_options(), settings=open_settings(), language="en")
    window.resize(1500, 950)
    window.show()
    keep_gc_pauses_short(window.rowsArrived)
    rows: list[dict] = []
    window.rowsArrived.connect(rows.extend)
    phases: list[list] = []   # [kind, start, end] in the rows' clock (time.time())
    stopped: list = []

    def next_phase() -> None:
        now = time.time()
        if phases:
            phases[-1][2] = now
        if len(phases) == 2 * pairs + 1:  # idle, drawing, idle, ..., idle
            for timer in stopped:
                timer.start()
            QTimer.singleShot(300, lambda: (window.close(), app.exit(0)))
            return
        kind = "idle" if len(phases) % 2 == 0 else "drawing"
        if kind == "idle":
            stopped[:] = [t for t in _window_timers(window) if t.isActive()]
            for timer in stopped:
                timer.stop()
        else:
            for timer in stopped:
                timer.start()
        phases.append([kind, now, None])
        QTimer.singleShot(int(phase * 1000), next_phase)

    def wait_for_rows() -> None:
        if rows:
            QTimer.singleShot(int(1000 * (WARMUP_S + 0.5)), next_phase)
        else:
            QTimer.singleShot(50, wait_for_rows)

    window.start()
    QTimer.singleShot(50, wait_for_rows)
    app.exec()
    window.deleteLater()
    times = [r["time"] for r in rows]

    def rate(start: float, end: float) -> float:
        first = bisect.bisect_left(times, start + settle)
        last = bisect.bisect_right(times, end) - 1
        if last <= first:
            return float("nan")
        return (rows[last]["step"] - rows[first]["step"]) / (times[last] - times[first])

    rates = [rate(start, end) for _kind, start, end in phases]
    ratios = [rates[i] / ((rates[i - 1] + rates[i + 1]) / 2) for i in range(1, len(rates) - 1, 2)]
    return {"idle": rates[0::2], "drawing": rates[1::2], "ratios": ratios}


def median_interval(values: list[float], draws: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """Median and its bootstrap 95 % interval."""
    import numpy as np

    data = np.asarray([v for v in values if v == v], dtype=np.float64)
    picks = np.random.default_rng(seed).choice(data, size=(draws, len(data)), replace=True)
    medians = np.median(picks, axis=1)
    return float(np.median(data)), float(np.percentile(medians, 2.5)), float(np.percentile(medians, 97.5))


def redraw_figures(app, points: int = 1_000_000) -> dict[str, float]:
    import numpy as np
    import pyqtgraph as pg

    from gantuner.gui.curve_lod import PeakLevels
    from gantuner.gui.curves import POINTS_PER_PIXEL
    from gantuner.gui.main_window import MainWindow
    from gantuner.gui.native_paint import PlotView
    from gantuner.gui.path_curve import PathCurve
    from gantuner.gui.settings import open_settings
    from gantuner.metrics import ENGINE_FIELDS

    rng = np.random.default_rng(0)
    steps = np.arange(1, points + 1, dtype=np.float64)
    noise = rng.normal(size=points)

    # One curve, alone in a plot, drawn as the window draws it: a native path
    # through the peak summaries of the rows in view.
    plot = PlotView()
    plot.resize(1000, 300)
    plot.show()
    item = plot.getPlotItem()
    item.disableAutoRange()
    curve = PathCurve(pg.mkPen("#0072B2", width=1))
    item.getViewBox().addItem(curve)
    item.setXRange(0, points, padding=0)
    item.setYRange(0.4, 1.0, padding=0)
    app.processEvents()
    limit = POINTS_PER_PIXEL * int(item.getViewBox().width())
    one, one_cpu = [], []
    for i in range(7):
        y = 0.69 + 0.1 * np.sin(steps / 5000.0) + 0.05 * noise + i * 1e-3
        started, cpu = time.perf_counter(), time.thread_time()
        peaks = PeakLevels()  # a new curve: its summaries are built from scratch
        peaks.update(y)
        curve.setData(*peaks.view(steps, y, 0, points, limit // 2))
        plot.viewport().repaint()
        one.append((time.perf_counter() - started) * 1000)
        one_cpu.append((time.thread_time() - cpu) * 1000)
        app.processEvents()  # benchmark only: let the view settle between samples

    # The whole curves panel of the window: 7 curves, raw ones too when smoothed.
    window = MainWindow({"dataset": "ring"}, settings=open_settings(), language="en")
    window.resize(1500, 950)
    window.show()
    columns = {f: 0.5 + 0.1 * np.sin(steps / (3000.0 + i)) + 0.05 * noise for i, f in enumerate(ENGINE_FIELDS)}
    window.buffer.append_columns(steps, columns)
    figures = {"one_curve_ms": statistics.median(one[1:]), "one_curve_cpu_ms": statistics.median(one_cpu[1:])}
    for weight in (0.0, 0.6):
        window.curves.set_smoothing(weight)
        window.curves.redraw()  # the first redraw after a weight change smooths every point
        first = window.curves.last_redraw_ms
        timings, cpu_timings = [], []
        for _ in range(5):
            window.buffer.append_columns(steps[-1:] + 1, {f: c[-1:] for f, c in columns.items()})
            started, cpu = time.perf_counter(), time.thread_time()
            window.curves.redraw()
            for widget in window.curves.plots.values():
                widget.viewport().repaint()
            timings.append((time.perf_counter() - started) * 1000)
            cpu_timings.append((time.thread_time() - cpu) * 1000)
            app.processEvents()
        figures[f"panel_ms_smoothing_{weight}"] = statistics.median(timings)
        figures[f"panel_cpu_ms_smoothing_{weight}"] = statistics.median(cpu_timings)
        figures[f"panel_first_ms_smoothing_{weight}"] = first
    # The same change made with the slider: computed off the GUI thread.  How long
    # until the new smoothing is drawn, and the longest the event loop stalled.
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    ticks: list[float] = []
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(1)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    from gantuner.smoothing import position_of, weight_at

    position = position_of(0.9)  # the slider's scale is logarithmic in 1 - weight
    started = time.perf_counter()
    window.curves.smoothing_slider.setValue(position)
    while window.curves.smoothing() != weight_at(position):
        if time.perf_counter() - started > 60:
            raise RuntimeError("the slider's smoothing was not drawn within 60 s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    window.curves.redraw()
    figures["slider_shown_ms"] = (time.perf_counter() - started) * 1000
    probe.stop()
    figures["slider_longest_gap_ms"] = max((b - a) * 1000 for a, b in zip(ticks, ticks[1:]))
    window.close()
    plot.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description="GUI responsiveness figures")
    # Single runs on a shared 2-core machine swing by +-10 %: six interleaved pairs
    # give a median that moves by a percent or two between invocations.
    parser.add_argument("--seconds", type=float, default=3.0, help="measured training time per separate run")
    parser.add_argument("--rounds", type=int, default=10, help="separate headless/window run pairs per configuration")
    parser.add_argument("--probe-rounds", type=int, default=4, help="window runs timing the event loop's gaps")
    parser.add_argument("--configs", nargs="*", default=list(CONFIGS), choices=list(CONFIGS))
    parser.add_argument("--pairs", type=int, default=30, help="drawing/idle phase pairs inside one run")
    parser.add_argument("--phase", type=float, default=1.5, help="seconds per phase inside one run")
    parser.add_argument("--skip-redraw", action="store_true")
    parser.add_argument("--busy-rounds", type=int, default=5,
                        help="rounds of benchmarks/busy_core.py: window vs headless with one core busy (0: skip)")
    parser.add_argument("--switch-interval", type=float, metavar="SECONDS",
                        help="override the GIL switch interval the app sets (to compare)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    scratch = Path(tempfile.mkdtemp(prefix="gantuner-bench-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))

    import torch

    from gantuner.gui.app import prepare_process_for_the_window

    prepare_process_for_the_window()
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    app = QApplication([sys.argv[0]])
    print(f"platform {app.platformName()}, torch threads {torch.get_num_threads()}, cpus {os.cpu_count()}, "
          f"GIL switch interval {sys.getswitchinterval() * 1000:g} ms, "
          f"load average {os.getloadavg()[0]:.1f}")
    # Warm up torch's lazy imports (the first optimiser pulls in torch._dynamo, ~3 s).
    headless(CONFIGS["ring"], 0.5, scratch / "runs")  # (rate, running) unused

    for name in args.configs:
        config = CONFIGS[name]
        if args.pairs:
            inside = interleaved(app, config, args.pairs, args.phase, scratch / "runs")
            middle, low, high = median_interval(inside["ratios"])
            print(f"{name:9s} inside one run, {args.pairs} x {args.phase:g} s drawing vs idle: median ratio "
                  f"{middle:.3f} (95 % interval {low:.3f}-{high:.3f}): the window costs {100 * (1 - middle):+.1f} % "
                  f"({100 * (1 - high):+.1f} to {100 * (1 - low):+.1f}); it/s idle "
                  f"{statistics.median(inside['idle']):.1f}, drawing {statistics.median(inside['drawing']):.1f}",
                  flush=True)
        if not args.rounds:
            continue
        bare, windowed, cpu, bare_running, window_running = [], [], [], [], []
        for _ in range(args.rounds):
            rate, running = headless(config, args.seconds, scratch / "runs")
            bare.append(rate)
            bare_running.append(running)
            plain = with_window(app, config, args.seconds, scratch / "runs", probe=False)
            windowed.append(plain["rate"])
            cpu.append(plain["gui_cpu"])
            window_running.append(plain["train_running"])
        # Each window run follows its own headless run: the median of those
        # pairwise ratios shrugs off a burst of load on a shared machine.
        middle, low, high = median_interval([wi / hi for wi, hi in zip(windowed, bare) if hi > 0])
        print(f"{name:9s} separate runs, {args.rounds} pairs of {args.seconds:g} s: headless "
              f"{statistics.median(bare):.1f} it/s, window {statistics.median(windowed):.1f} it/s, median pairwise "
              f"ratio {middle:.3f} (95 % interval {low:.3f}-{high:.3f}; cost {100 * (1 - middle):+.1f} %)")
        print(f"{name:9s}   runs: headless {[round(x, 1) for x in bare]} window {[round(x, 1) for x in windowed]}; "
              f"GUI thread CPU {100 * statistics.mean(cpu):.1f} % of a core")
        # A third estimate, hardly swayed by the machine's speed: the share of wall time
        # the training thread is on a CPU (not waiting for the GIL or for a core).
        hr, wr = statistics.median(bare_running), statistics.median(window_running)
        print(f"{name:9s} training thread on a CPU: headless {100 * hr:.1f} %, window {100 * wr:.1f} % of the "
              f"time (cost {100 * (1 - wr / hr):+.1f} %)")
        gaps, p99s, probed = [], [], []
        for _ in range(args.probe_rounds):
            timed = with_window(app, config, args.seconds, scratch / "runs", probe=True)
            gaps.append(timed["gap"])
            p99s.append(timed["p99"])
            probed.append(timed["rate"])
        if gaps:
            print(f"{name:9s} longest event-loop gap {max(gaps):.1f} ms (per run {[round(g, 1) for g in gaps]}), "
                  f"99th percentile {max(p99s):.1f} ms; it/s with the 1 ms probe running "
                  f"{[round(x, 1) for x in probed]}")
    if not args.skip_redraw:
        figures = redraw_figures(app)
        print(f"redraw 1,000,000-point curve: {figures['one_curve_ms']:.1f} ms wall, "
              f"{figures['one_curve_cpu_ms']:.1f} ms GUI-thread CPU (peak summaries built from scratch, "
              f"setData, repaint; median)")
        for weight in (0.0, 0.6):
            print(f"redraw whole curves panel, 7 x 1,000,000 points, smoothing {weight}: "
                  f"{figures[f'panel_ms_smoothing_{weight}']:.1f} ms wall, "
                  f"{figures[f'panel_cpu_ms_smoothing_{weight}']:.1f} ms CPU per frame "
                  f"(setData only, first after a smoothing change: "
                  f"{figures[f'panel_first_ms_smoothing_{weight}']:.1f} ms)")
        print(f"smoothing 0.6 -> 0.9 with the slider on 7 x 1,000,000 points: drawn after "
              f"{figures['slider_shown_ms']:.0f} ms (60 ms of it the slider's rest), computed off the GUI "
              f"thread; longest event-loop gap meanwhile {figures['slider_longest_gap_ms']:.1f} ms")
    if args.busy_rounds:
        import busy_core

        print("-- a desktop doing other things: separate processes, as users launch them (busy_core.py) --")
        busy_core.report(busy_core.run(args.busy_rounds, 8.0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
