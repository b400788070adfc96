"""Engine iterations/s against a plain PyTorch loop of the same models and batch.

The plain loop is pytorch/examples' dcgan step (update D on a real and a fake
batch, then G on the same fake batch) with data resident on the device and
nothing else: no metrics, no knobs, no files.  gantuner's engine is measured
twice: bare ``engine.step()`` calls, and the full driver (its commands,
metrics fetched in batches, run files written, samples every 100 steps).
Rounds alternate between the loops so that background load hits all alike.

    python benchmarks/engine_throughput.py [--device cpu] [--seconds 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import torch
from baseline import plain_loop, rate

from gantuner.training import Driver, Engine, RunOptions

CASES = {
    "2D MLP, ring (3x128, batch 512)": {"dataset": "ring"},
    "DCGAN, digits 16x16 (batch 64)": {"dataset": "digits"},
}


def engine_steps(config: dict, seconds: float) -> float:
    engine = Engine(config)
    metrics: list[torch.Tensor] = []

    def step() -> None:
        metrics.append(engine.step())
        if len(metrics) >= 50:  # what the driver does: fetch in batches
            torch.stack(metrics).cpu()
            metrics.clear()

    return rate(step, seconds, engine.device, warmup=5)


def driver_run(config: dict, seconds: float) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        options = RunOptions(sample_every=100, checkpoint_every=0, quality_every=0)
        driver = Driver.new(config, out=Path(tmp) / "run", options=options)
        # Warm up, then time a fixed number of steps sized from a short probe.
        options.max_steps = 5
        driver.run()
        start, t0 = driver.engine.step_count, time.perf_counter()
        options.max_steps = start + 10
        driver.run()
        per_step = (time.perf_counter() - t0) / 10
        count = max(20, int(seconds / per_step))
        options.max_steps = driver.engine.step_count + count
        t0 = time.perf_counter()
        driver.run()
        return count / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"device {args.device}, torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{args.rounds} alternating rounds of {args.seconds:g} s each; median it/s and median per-round ratio to plain")
    for name, overrides in CASES.items():
        config = {**overrides, "device": args.device}
        results: dict[str, list[float]] = {"plain": [], "engine": [], "driver": []}
        for _ in range(args.rounds):
            results["plain"].append(plain_loop(config, args.seconds, warmup=5))
            results["engine"].append(engine_steps(config, args.seconds))
            results["driver"].append(driver_run(config, args.seconds))
        plain = statistics.median(results["plain"])
        engine = statistics.median(results["engine"])
        driver = statistics.median(results["driver"])
        # Ratios within each round (the loops ran back to back), then their median:
        # steadier than a ratio of medians when the machine's speed drifts.
        engine_ratio = statistics.median(e / p for e, p in zip(results["engine"], results["plain"]))
        driver_ratio = statistics.median(d / p for d, p in zip(results["driver"], results["plain"]))
        print(f"{name}: plain {plain:8.1f}  engine {engine:8.1f} ({engine_ratio:.3f}x)  "
              f"driver+run files {driver:8.1f} ({driver_ratio:.3f}x)  "
              f"[goal: engine >= 0.95x of plain]", flush=True)


if __name__ == "__main__":
    main()
