"""How soon gantuner answers, launched as a user launches it, beside ``import torch``.

    xvfb-run -a -s "-screen 0 1600x1000x24" python benchmarks/startup.py [--runs 5]

Measured, each the median of ``--runs`` launches (interleaved, so that the
machine's drift hits all alike), with the range:

* launch -> window shown: ``python -m gantuner`` until the X server has the
  window mapped (``xdotool search --onlyvisible``, asked every 20 ms), so it is what the
  user sees, not a time the app reports about itself;
* launch -> first trained step: ``python -m gantuner --start`` until the run's
  ``metrics.jsonl`` holds its first row;
* ``gantuner diagnose`` of a 1,000,000-line log, end to end (process start to
  exit, report written);
* the baseline: ``python -c "import torch"`` in the same run.

Each launch gets fresh settings and data folders (``XDG_CONFIG_HOME``,
``XDG_DATA_HOME``), so no saved layout or run is reused.

Bytecode: an installed gantuner runs from compiled ``.pyc`` files (pip
compiles them at install; an editable install writes them at its first
launch), so the timed launches run with Python's bytecode cache as users have
it: ``PYTHONDONTWRITEBYTECODE`` is dropped from their environment and one
untimed launch of each kind fills the cache first.  The very first launch of
an editable install, when every gantuner module is compiled from source, is
timed apart (``window, first launch``: a copy of the package without
``__pycache__``, nothing written), for information: it has no goal.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOALS = {"window": 1.5, "first_step": 6.0, "diagnose": 2.0}
POLL_SECONDS = 0.02


def fresh_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        path = folder / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env.pop("QT_QPA_PLATFORM", None)  # the real platform: the window must map on the X server
    env.pop("OMP_NUM_THREADS", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the bytecode cache as users have it (see above)
    return env


def uncompiled_copy(folder: Path) -> Path:
    """A copy of the package and its resources without any ``__pycache__``: a first launch."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "gantuner", folder / "gantuner", ignore=ignore)
    shutil.copytree(ROOT / "resources", folder / "resources", ignore=ignore)
    return folder


def time_import_torch() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import torch"], check=True)
    return time.perf_counter() - start


def time_to_window(folder: Path, first_launch_of: Path | None = None) -> float:
    env = fresh_env(folder)
    cwd = ROOT
    if first_launch_of is not None:  # run the uncompiled copy, and write no bytecode for it
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPATH"] = str(first_launch_of)
        cwd = first_launch_of
    start = time.perf_counter()
    app = subprocess.Popen([sys.executable, "-m", "gantuner"], env=env, cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # Asked every POLL_SECONDS: xdotool's own --sync waits half a second between its searches,
        # which would round every figure up to the next half second.
        search = ["xdotool", "search", "--onlyvisible", "--pid", str(app.pid), "--name", "gantuner"]
        deadline = start + 120
        while time.perf_counter() < deadline and app.poll() is None:
            if subprocess.run(search, capture_output=True, env=env).returncode == 0:
                return time.perf_counter() - start
            time.sleep(POLL_SECONDS)
        failure = app.stderr.read().decode()[-500:] if app.poll() is not None else "timed out"
        raise RuntimeError(f"the window did not appear: {failure}")
    finally:
        _close(app)


def time_to_first_step(folder: Path) -> float:
    env = fresh_env(folder)
    data = Path(env["XDG_DATA_HOME"])
    start = time.perf_counter()
    app = subprocess.Popen([sys.executable, "-m", "gantuner", "--start"], env=env, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = start + 120
        while time.perf_counter() < deadline:
            for metrics in data.glob("**/metrics.jsonl"):
                if metrics.stat().st_size > 0 and b"\n" in metrics.read_bytes()[:4096]:
                    return time.perf_counter() - start
            if app.poll() is not None:
                raise RuntimeError(f"gantuner --start exited: {app.stderr.read().decode()[-500:]}")
            time.sleep(0.01)
        raise RuntimeError("no trained step within 120 s")
    finally:
        _close(app)


def time_diagnose(log: Path) -> float:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the bytecode cache as users have it
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "gantuner", "diagnose", str(log)], cwd=ROOT, env=env,
                          capture_output=True, timeout=300)
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"diagnose failed: {done.stderr.decode()[-500:]}")
    return elapsed


def write_million_line_log(path: Path, lines: int = 1_000_000) -> None:
    """Keras-GAN's console format, a run whose D slowly wins (something for the rules to find)."""
    import math
    import random

    rng = random.Random(0)
    with path.open("w") as out:
        for step in range(lines):
            progress = step / lines
            d_loss = max(0.01, 0.69 - 0.5 * progress + rng.gauss(0, 0.05))
            acc = min(100.0, 50 + 45 * progress + rng.gauss(0, 3))
            g_loss = 0.7 + 3 * progress + rng.gauss(0, 0.1) + 0.1 * math.sin(step / 500)
            out.write(f"{step} [D loss: {d_loss:.6f}, acc.: {acc:.2f}%] [G loss: {g_loss:.6f}]\n")


def _close(app: subprocess.Popen) -> None:
    if app.poll() is None:
        app.terminate()
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):6.2f} s  (range {min(values):.2f}-{max(values):.2f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        sys.exit("needs an X display and xdotool: apt-get install xvfb xdotool, then run under "
                 'xvfb-run -a -s "-screen 0 1600x1000x24" python benchmarks/startup.py')
    results: dict[str, list[float]] = {"import_torch": [], "window": [], "first_step": [], "diagnose": [],
                                       "window_first_launch": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        log = tmp_path / "million.log"
        write_million_line_log(log)
        first_launch = uncompiled_copy(tmp_path / "uncompiled")
        # Untimed: fill the bytecode cache the timed launches read, as a user's earlier launches did.
        time_to_window(tmp_path / "warm-window")
        time_to_first_step(tmp_path / "warm-step")
        time_diagnose(log)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load average "
              f"{os.getloadavg()[0]:.2f}; {args.runs} interleaved rounds; log {log.stat().st_size / 1e6:.0f} MB",
              flush=True)
        for round_number in range(args.runs):
            folder = tmp_path / f"round{round_number}"
            results["import_torch"].append(time_import_torch())
            results["window"].append(time_to_window(folder / "window"))
            results["first_step"].append(time_to_first_step(folder / "step"))
            results["diagnose"].append(time_diagnose(log))
            results["window_first_launch"].append(time_to_window(folder / "first", first_launch_of=first_launch))
            print(f"  round {round_number + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in results.items()),
                  flush=True)
    torch_median = statistics.median(results["import_torch"])
    print(f"python -c 'import torch' (baseline)      {summary(results['import_torch'])}")
    for key, label in (("window", "launch -> window shown"), ("first_step", "launch -> first trained step"),
                       ("diagnose", "diagnose, 1,000,000-line log")):
        median = statistics.median(results[key])
        print(f"{label:40} {summary(results[key])}  = {median / torch_median:.2f}x import torch  "
              f"[goal < {GOALS[key]:g} s: {'met' if median < GOALS[key] else 'NOT met'}]")
    print(f"{'window, first launch (no bytecode yet)':40} {summary(results['window_first_launch'])}  "
          "[for information: compiles every gantuner module]")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
