"""Training speed on a desktop that is doing other things: the window against headless,
with one core kept busy by another process, and with nothing else running.

    xvfb-run -a -s "-screen 0 1600x1000x24" python benchmarks/busy_core.py [--rounds 5]
    (also run by benchmarks/gui_responsiveness.py, unless --busy-rounds 0)

Both sides are launched as a user launches them, each as its own process with
its defaults: ``python -m gantuner --start --dataset digits`` (the window) and
``python -m gantuner train --dataset digits`` (headless).  Their speed is read
from the rows each writes to its run's ``metrics.jsonl`` (steps over the rows'
own timestamps, after a warm-up, before the first quality measurement).  The
other program is ``python -c "while True: pass"``, one process spinning on one
core, as a browser tab or a compile would.

Per round, interleaved so that the machine's drift hits all alike: headless,
window with the machine quiet; then the same two with the core busy.  Printed:
medians, and the median of the per-round ratios with their range.  Goals on a
2-core machine: window/headless >= 0.90 with a busy core, >= 0.95 quiet;
headless busy/quiet >= 0.45.  ``--old-policy`` adds the thread policy of
before (torch's default thread count in the training thread, OpenMP workers
spinning) for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARMUP_S = 2.0
FIRST_QUALITY_STEP = 500  # both sides measure quality from step 500 on: stop before it


def _env(folder: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        (folder / name.lower()).mkdir(parents=True, exist_ok=True)
        env[name] = str(folder / name.lower())
    env.pop("OMP_NUM_THREADS", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra or {})
    return env


def _rows(metrics: Path) -> list[tuple[int, float]]:
    rows = []
    try:
        text = metrics.read_text(errors="replace")
    except OSError:
        return rows
    for line in text.splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        rows.append((int(row["step"]), float(row["time"])))
    return rows


def _rate(rows: list[tuple[int, float]], seconds: float) -> float:
    if not rows:
        return float("nan")
    start = rows[0][1] + WARMUP_S
    kept = [(s, t) for s, t in rows if start <= t <= start + seconds and s < FIRST_QUALITY_STEP]
    if len(kept) < 2 or kept[-1][1] <= kept[0][1]:
        return float("nan")
    return (kept[-1][0] - kept[0][0]) / (kept[-1][1] - kept[0][1])


def measure(kind: str, folder: Path, seconds: float, old_policy: bool = False) -> float:
    """it/s of one launch of the window ("window") or of headless training ("headless")."""
    # Before: the training thread kept torch's default (a thread per core) and OpenMP's
    # default waiting (spin 300,000 rounds, then sleep); GOMP_SPINCOUNT keeps that default.
    extra = {"GOMP_SPINCOUNT": "300000"} if old_policy else {}
    env = _env(folder, extra)
    threads = ["--threads", str(os.cpu_count() or 1)] if old_policy else []
    if kind == "window":
        command = [sys.executable, "-m", "gantuner", "--start", "--dataset", "digits", *threads]
        metrics_root = Path(env["XDG_DATA_HOME"])
    else:
        out = folder / "run"
        command = [sys.executable, "-m", "gantuner", "train", "--dataset", "digits", "--steps", "100000", "--quiet",
                   "--quality-every", "0", "--checkpoint-every", "0", "--out", str(out), *threads]
        metrics_root = out
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180
        metrics = None
        while time.monotonic() < deadline:
            found = list(metrics_root.glob("**/metrics.jsonl")) if metrics_root.exists() else []
            if found and found[0].stat().st_size > 0:
                metrics = found[0]
                break
            if process.poll() is not None:
                raise RuntimeError(f"{kind} exited early: {process.stderr.read().decode()[-400:]}")
            time.sleep(0.05)
        if metrics is None:
            raise RuntimeError(f"{kind}: no rows within 180 s")
        time.sleep(WARMUP_S + seconds + 0.5)
        return _rate(_rows(metrics), seconds)
    finally:
        process.send_signal(signal.SIGINT if kind == "headless" else signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class BusyCore:
    """Another program keeping one core busy while the block runs."""

    def __enter__(self):
        self.process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait()


def run(rounds: int, seconds: float, old_policy: bool = False) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {key: [] for key in (
        "headless_quiet", "window_quiet", "headless_busy", "window_busy")}
    if old_policy:
        results.update({"window_busy_old": [], "headless_busy_old": []})
    with tempfile.TemporaryDirectory(prefix="gantuner-busy-") as tmp:
        base = Path(tmp)
        print(f"{os.cpu_count()} cpus, load average {os.getloadavg()[0]:.2f}; {rounds} rounds of "
              f"{seconds:g} s measured per launch (after {WARMUP_S:g} s of warm-up); digits, the app's defaults",
              flush=True)
        for number in range(rounds):
            folder = base / f"round{number}"
            results["headless_quiet"].append(measure("headless", folder / "hq", seconds))
            results["window_quiet"].append(measure("window", folder / "wq", seconds))
            with BusyCore():
                results["headless_busy"].append(measure("headless", folder / "hb", seconds))
                results["window_busy"].append(measure("window", folder / "wb", seconds))
                if old_policy:
                    results["headless_busy_old"].append(measure("headless", folder / "hbo", seconds, True))
                    results["window_busy_old"].append(measure("window", folder / "wbo", seconds, True))
            print(f"  round {number + 1}: " + ", ".join(f"{k} {v[-1]:.1f}" for k, v in results.items()), flush=True)
    return results


def report(results: dict[str, list[float]]) -> None:
    def ratios(top: str, bottom: str) -> list[float]:
        return [a / b for a, b in zip(results[top], results[bottom]) if a == a and b == b and b > 0]

    for key, values in results.items():
        print(f"{key:18s} it/s median {statistics.median(values):6.1f}  runs {[round(v, 1) for v in values]}")
    for top, bottom, goal, label in (
            ("window_busy", "headless_busy", 0.90, "window / headless, one core busy"),
            ("window_quiet", "headless_quiet", 0.95, "window / headless, quiet"),
            ("headless_busy", "headless_quiet", 0.45, "headless busy / headless quiet"),
            ("window_busy_old", "headless_busy", None, "old policy: window busy / headless busy (new)"),
            ("headless_busy_old", "headless_busy", None, "old policy: headless busy / headless busy (new)")):
        if top not in results:
            continue
        values = ratios(top, bottom)
        if not values:
            print(f"{label:48s} no measurement (a launch gave no rows in time)")
            continue
        verdict = "" if goal is None else f"  [goal >= {goal:.2f}: {'met' if statistics.median(values) >= goal else 'NOT met'}]"
        print(f"{label:48s} median {statistics.median(values):.3f} (range {min(values):.3f}-{max(values):.3f}){verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--old-policy", action="store_true", help="also measure the thread policy of before")
    args = parser.parse_args()
    report(run(args.rounds, args.seconds, args.old_policy))


if __name__ == "__main__":
    main()
