"""Faults injected for real, and what each one cost: the reliability table of issue 11.

    python benchmarks/reliability_report.py              # ~3 minutes on 2 cores
    python benchmarks/reliability_report.py --kills 6    # more SIGKILL/SIGTERM trials

Each row is one kind of fault: how many times it was injected, how many times
gantuner survived it (the run goes on, or resumes, and its files stay
readable), and the worst loss measured:

* metrics lost: seconds between the fault and the last metrics row that can
  still be read back;
* state lost: seconds of training that a resume cannot get back (the fault's
  time minus the time of the step of the newest checkpoint that loads; the
  whole run when there is none).

Faults: SIGKILL and SIGTERM of a real ``python -m gantuner train`` at random
moments followed by ``--resume``; last lines of metrics/events cut at random
bytes; an append stopped part-way by ENOSPC (at the write call); a really full
disk and a really read-only run folder (a small tmpfs and a remount, root only;
otherwise marked "not run"); every malformed checkpoint of the test suite's
list; hostile input files.  Goal: every fault survived, at most 1 s of metrics
and 30 s of state lost.  Nothing is faked: a row that fails prints its figures.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gzip
import json
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gantuner.training import Driver, RunOptions  # noqa: E402
from gantuner.training.checkpoint import first_loadable, load_engine  # noqa: E402
from gantuner.training.runfiles import RunWriter, read_run  # noqa: E402
from tests.core.helpers import mount_small_tmpfs  # noqa: E402  (the tests' own, one source)

RING = {"dataset": "ring", "device": "cpu", "g_width": 32, "d_width": 32, "batch_size": 64}
GOAL_METRICS_S = 1.0
GOAL_STATE_S = 30.0


@dataclass
class Row:
    fault: str
    how: str
    injected: int = 0
    survived: int = 0
    metrics_lost: list[float] = field(default_factory=list)
    state_lost: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def record(self, survived: bool, metrics_lost: float | None = None, state_lost: float | None = None,
               note: str = "") -> None:
        self.injected += 1
        self.survived += bool(survived)
        if metrics_lost is not None:
            self.metrics_lost.append(metrics_lost)
        if state_lost is not None:
            self.state_lost.append(state_lost)
        if note and note not in self.notes:
            self.notes.append(note)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


def _gantuner(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gantuner", *args], capture_output=True, text=True,
                          env=_env(), timeout=timeout)


def _rows(run: Path) -> list[dict]:
    with contextlib.suppress(FileNotFoundError):
        return read_run(run).rows
    return []


def _state_time(run: Path, rows: list[dict], start: float) -> float:
    """Wall time of the step of the newest checkpoint that loads (``start`` when none does)."""
    try:
        engine, _ = first_loadable(run / "checkpoints", load_engine)
    except Exception:  # noqa: BLE001 - no usable checkpoint: everything since the start is lost
        return start
    times = {r["step"]: r.get("time") for r in rows}
    return float(times.get(engine.step_count) or start)


# ---- SIGKILL / SIGTERM of a real training process ------------------------------

def kill_trials(row: Row, sig: signal.Signals, trials: int, rng: random.Random, work: Path) -> None:
    for trial in range(trials):
        run = work / f"{sig.name}-{trial}"
        process = subprocess.Popen([sys.executable, "-m", "gantuner", "train", "--dataset", "ring",
                                    "--steps", "10000000", "--out", str(run), "--quiet"],
                                   env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        metrics = run / "metrics.jsonl"
        deadline = time.monotonic() + 90
        while not (metrics.exists() and metrics.stat().st_size) and time.monotonic() < deadline:
            time.sleep(0.05)
        start = time.time()
        time.sleep(rng.uniform(0.5, 6.0))  # a random moment of training
        killed_at = time.time()
        process.send_signal(sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()
        rows = _rows(run)
        metrics_lost = killed_at - max((r["time"] for r in rows), default=start)
        state_lost = killed_at - _state_time(run, rows, start)
        resumed = _gantuner("train", "--resume", str(run), "--steps", "5", "--quiet")
        after = read_run(run) if (run / "config.json").exists() else None
        ok = resumed.returncode == 0 and after is not None and "Traceback" not in resumed.stderr
        note = "" if ok else (resumed.stderr.strip().splitlines() or ["no output"])[-1][:90]
        row.record(ok, max(0.0, metrics_lost), max(0.0, state_lost), note)
        shutil.rmtree(run, ignore_errors=True)


# ---- torn last lines -------------------------------------------------------------

def torn_lines(row: Row, trials: int, rng: random.Random, work: Path) -> None:
    for trial in range(trials):
        run = work / f"torn-{trial}"
        Driver.new(RING, out=run, options=RunOptions(sample_every=0, checkpoint_every=10, quality_every=0,
                                                     max_steps=20)).run()
        last_time = max(r["time"] for r in read_run(run).rows)
        for name in ("metrics.jsonl", "events.jsonl"):
            data = (run / name).read_bytes()
            last_start = data.rstrip(b"\n").rfind(b"\n") + 1
            (run / name).write_bytes(data[:rng.randrange(last_start + 1, len(data) - 1)])
        readable = read_run(run)
        metrics_lost = last_time - max(r["time"] for r in readable.rows)  # the torn row itself
        resumed = Driver.resume(run, RunOptions(sample_every=0, checkpoint_every=0, quality_every=0,
                                                max_steps=25))
        resumed.run()
        after = read_run(run)
        kinds = [e.get("type") for e in after.events]
        # Every row readable before the resume is kept, the new ones follow; the resume's
        # events are not glued to the cut event line.
        expected = [r["step"] for r in readable.rows] + list(range(21, 26))
        ok = (kinds.count("resume_run") == 1 and kinds[-1] == "stop"
              and [r["step"] for r in after.rows] == expected)
        row.record(ok, max(0.0, metrics_lost), 0.0, "" if ok else f"events {kinds}"[:90])


# ---- a partial append --------------------------------------------------------------

def partial_append(row: Row, trials: int, rng: random.Random, work: Path) -> None:
    for trial in range(trials):
        writer = RunWriter(work / f"append-{trial}")
        rows = [{"step": i, "time": 1000 + i / 100, "d_loss": i / 3} for i in range(1, 41)]  # 100 it/s
        writer.add_rows(rows)
        real_write = os.write
        cut = rng.randrange(1, 2000)

        def disk_fills(fd, data, _calls=[0]):  # noqa: B006 - a counter per trial
            _calls[0] += 1
            if _calls[0] == 1:
                return real_write(fd, bytes(data[:cut]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        os.write = disk_fills
        try:
            failed = writer.flush() is not None
        finally:
            os.write = real_write
        writer.flush()
        lines = (work / f"append-{trial}" / "metrics.jsonl").read_text().splitlines()
        try:
            back = [json.loads(line) for line in lines]
        except ValueError:
            back = []
        ok = failed and back == rows
        missing = [r["time"] for r in rows if r not in back]
        lost = max(missing) - min(missing) + 0.01 if missing else 0.0
        row.record(ok, lost, None, "" if ok else f"{len(lines)} lines for {len(rows)} rows")


# ---- really full, really read-only -----------------------------------------------

def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    with contextlib.suppress(OSError):
        while os.write(fd, b"\0" * 4096):
            pass
    os.close(fd)
    return filler


class _AtStep:
    """A listener that runs ``action`` once the run reaches ``step`` (from the training thread)."""

    def __init__(self, step: int, action):
        self.step, self.action, self.done = step, action, False

    def on_rows(self, rows): pass
    def on_sample(self, step, sample): pass
    def on_event(self, event): pass

    def on_status(self, status):
        if not self.done and status["step"] >= self.step:
            self.done = True
            self.action()


def _fault_run(row: Row, disk: Path, start_fault, end_fault, steps: int = 600) -> None:
    """A run on ``disk``: the fault starts before training, ends at steps/2; count what survives."""
    run = disk / "run"
    driver = Driver.new(RING, out=run, options=RunOptions(sample_every=100, checkpoint_every=100,
                                                          quality_every=0, max_steps=steps))
    start_fault()
    fault_began = time.time()
    thread = threading.Thread(target=driver.run, args=(_AtStep(steps // 2, end_fault),), daemon=True)
    thread.start()
    thread.join(120)
    survived_loop = not thread.is_alive() and driver.engine.step_count == steps
    rows = _rows(run)
    steps_back = [r["step"] for r in rows]
    complete = steps_back == list(range(1, steps + 1))
    ok = survived_loop and complete
    missing_time = 0.0 if complete else time.time() - fault_began
    state = time.time() - _state_time(run, rows, fault_began)
    note = "" if ok else f"loop ended at {driver.engine.step_count}, {len(steps_back)} rows back"
    row.record(ok, missing_time, max(0.0, state), note)


def full_disk(row: Row, trials: int, work: Path) -> None:
    for trial in range(trials):
        disk = work / f"full-{trial}"
        if not mount_small_tmpfs(disk, "2m"):
            row.how = "not run: needs root to mount a small tmpfs"
            return
        try:
            fillers: list[Path] = []
            _fault_run(row, disk, lambda: fillers.append(_fill(disk)), lambda: fillers[0].unlink())
        finally:
            subprocess.run(["umount", "-l", str(disk)], check=False)


def read_only(row: Row, trials: int, work: Path) -> None:
    for trial in range(trials):
        disk = work / f"ro-{trial}"
        if not mount_small_tmpfs(disk, "8m"):
            row.how = "not run: needs root to mount and remount a tmpfs"
            return

        def remount(mode: str) -> None:
            subprocess.run(["mount", "-o", f"remount,{mode}", str(disk)], check=True, capture_output=True)

        try:
            _fault_run(row, disk, lambda: remount("ro"), lambda: remount("rw"))
        finally:
            subprocess.run(["umount", "-l", str(disk)], check=False)


# ---- malformed checkpoints and hostile input files --------------------------------

def malformed_checkpoints(row: Row, work: Path) -> None:
    from tests.core.test_checkpoint_robustness import VARIANTS  # the test suite's list, one source

    good = work / "good"
    Driver.new(RING, out=good, options=RunOptions(sample_every=0, checkpoint_every=4, quality_every=0,
                                                  max_steps=8)).run()
    for name, damage, _ in VARIANTS:
        run = work / f"bad-{name}"
        shutil.copytree(good, run)
        weights = run / "checkpoints" / "step_000008.safetensors"
        damage(weights, weights.with_suffix(".json"))
        try:
            engine, _ = first_loadable(run / "checkpoints", load_engine)
            ok = engine.step_count == 4
        except Exception as exc:  # noqa: BLE001 - the row says what escaped
            ok = False
            row.notes.append(f"{name}: {type(exc).__name__}")
        step_time = {r["step"]: r["time"] for r in read_run(run).rows}
        row.record(ok, 0.0, step_time[8] - step_time[4] if ok else None)
        shutil.rmtree(run, ignore_errors=True)


def hostile_inputs(row: Row, work: Path) -> None:
    import resource

    from gantuner.data.errors import DataError
    from gantuner.data.files import load_images_with_report
    from gantuner.data.safe_pickle import restricted_loads
    from gantuner.logs import LogError, read_log

    def idx_bomb() -> Path:
        path = work / "train-images-idx3-ubyte.gz"
        with gzip.open(path, "wb", compresslevel=9) as file:
            file.write(b"\x00\x00\x08\x03" + struct.pack(">3I", 200_000, 200, 200))
            for _ in range(200):
                file.write(bytes(1 << 20))
        return path

    def lying_npy() -> Path:
        import io

        import numpy as np

        header = np.lib.format.header_data_from_array_1_0(np.zeros((2, 8, 8), np.uint8))
        header["shape"] = (400_000, 256, 256)
        out = io.BytesIO()
        np.lib.format.write_array_header_1_0(out, header)
        path = work / "images.npy"
        path.write_bytes(out.getvalue() + bytes(128))
        return path

    def wide_row() -> Path:
        path = work / "metrics.jsonl"
        lines = [json.dumps({"step": i, "d_loss": 0.7}) for i in range(1, 20)]
        lines.append(json.dumps({"step": 20, **{f"k{i}": 1.0 for i in range(200_000)}}))
        path.write_text("\n".join(lines) + "\n")
        return path

    def fifo() -> Path:
        path = work / "train.log"
        os.mkfifo(path)
        return path

    cases = [
        ("gzipped IDX bomb", lambda: load_images_with_report(idx_bomb(), 8), DataError),
        ("54-byte pickle asking for 2 GB", lambda: restricted_loads(
            b"\x80\x02c__builtin__\nbytearray\n\x8a\x05\x00\x00\x00\x80\x00\x85R.", work / "data_batch_1"),
         DataError),
        (".npy with a lying header", lambda: load_images_with_report(lying_npy(), 8), DataError),
        ("metrics line with 200,000 keys", lambda: read_log(wide_row()), None),
        ("FIFO as a log", lambda: read_log(fifo()), LogError),
        ("/dev/zero as a log", lambda: read_log("/dev/zero"), LogError),
    ]
    for name, action, expected in cases:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        outcome = "returned"
        # A FIFO that blocks would hang here: run each case in a thread with a deadline.
        result: list[object] = []
        thread = threading.Thread(target=lambda: result.append(_outcome(action)), daemon=True)
        thread.start()
        thread.join(30)
        seconds = time.perf_counter() - started
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
        if not result:
            ok, outcome = False, "hung for 30 s"
        else:
            error = result[0]
            outcome = type(error).__name__ if error else "returned"
            ok = (error is None if expected is None else isinstance(error, expected)) and grown < 200
        row.record(ok, None, None, "" if ok else f"{name}: {outcome}, {seconds:.1f} s, +{grown:.0f} MB")


def _outcome(action) -> BaseException | None:
    try:
        action()
    except BaseException as exc:  # noqa: BLE001 - reported by the caller
        return exc
    return None


# ---- the table ---------------------------------------------------------------------

def print_table(rows: list[Row]) -> bool:
    print(f"{'fault':34} {'how injected':44} {'injected':>8} {'survived':>8} "
          f"{'metrics lost s':>14} {'state lost s':>12}")
    all_ok = True
    for row in rows:
        metrics = f"{max(row.metrics_lost):.2f}" if row.metrics_lost else "-"
        state = f"{max(row.state_lost):.1f}" if row.state_lost else "-"
        met = (row.injected > 0 and row.survived == row.injected
               and (not row.metrics_lost or max(row.metrics_lost) <= GOAL_METRICS_S)
               and (not row.state_lost or max(row.state_lost) <= GOAL_STATE_S))
        all_ok &= met or row.injected == 0
        mark = "ok" if met else ("--" if row.injected == 0 else "MISSED")
        print(f"{row.fault:34} {row.how[:44]:44} {row.injected:>8} {row.survived:>8} "
              f"{metrics:>14} {state:>12}  {mark}")
        for note in row.notes[:3]:
            print(f"{'':36}{note}")
    print(f"goal: every fault survived, metrics lost <= {GOAL_METRICS_S:g} s, state lost <= {GOAL_STATE_S:g} s "
          "(worst case per row)")
    return all_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=2, help="SIGKILL trials (and as many SIGTERM)")
    parser.add_argument("--trials", type=int, default=2, help="trials of each in-process fault")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = [
        Row("SIGKILL of gantuner train", "kill -9 at a random moment, then --resume"),
        Row("SIGTERM of gantuner train", "kill -15 at a random moment, then --resume"),
        Row("torn last lines", "metrics/events cut at a random byte, resume"),
        Row("partial append", "ENOSPC at os.write after a random byte"),
        Row("full disk", "2 MB tmpfs filled, freed half-way"),
        Row("read-only run folder", "tmpfs remounted ro, rw half-way"),
        Row("malformed checkpoints", "every variant of the test suite, newest ckpt"),
        Row("hostile input files", "bombs, lying headers, FIFO, /dev/zero"),
    ]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        steps = [
            lambda: kill_trials(rows[0], signal.SIGKILL, args.kills, rng, work),
            lambda: kill_trials(rows[1], signal.SIGTERM, args.kills, rng, work),
            lambda: torn_lines(rows[2], args.trials, rng, work),
            lambda: partial_append(rows[3], args.trials, rng, work),
            lambda: full_disk(rows[4], 1, work),
            lambda: read_only(rows[5], 1, work),
            lambda: malformed_checkpoints(rows[6], work),
            lambda: hostile_inputs(rows[7], work),
        ]
        for row, step in zip(rows, steps):
            began = time.perf_counter()
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - the harness itself failed: say so in the row
                row.record(False, note=f"harness: {type(exc).__name__}: {exc}"[:100])
            print(f"... {row.fault}: {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    ok = print_table(rows)
    print(f"({time.perf_counter() - started:.0f} s in all)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
