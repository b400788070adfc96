"""How long one quality evaluation takes on this machine (the engine calls it every N steps).

    python benchmarks/quality_speed.py [--threads N] [--repeats R]

By default evaluate_quality runs on one torch thread (its default); with
--threads N the process uses N threads and evaluate_quality leaves that alone,
to compare.

Budget on a CPU: < 50 ms for 2,500 points (ring, grid), < 100 ms for 512
digit images.  Prints the median and the fastest of R calls per case.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import torch
import torch.nn.functional as F

from gantuner.quality import evaluate_quality
from gantuner.quality.digits_data import load_digits, to_model_space
from gantuner.quality.modes2d import grid_modes, ring_modes, sample_mixture


def timed(function, repeats: int) -> tuple[float, float]:
    function()  # warm-up: loads the classifier, allocates
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads for the whole call (default: evaluate_quality's one)")
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    threads = 1
    if args.threads:
        torch.set_num_threads(args.threads)
        threads = None  # keep the process setting
    generator = torch.Generator().manual_seed(0)
    cases = []
    for name, modes in (("ring", ring_modes()), ("grid", grid_modes())):
        real, fake = (sample_mixture(*modes, 2500, generator) for _ in range(2))
        cases.append((f"{name}: 2500 points", "points", name, real, fake, None))
    images, _ = load_digits()
    digits = to_model_space(images)
    for size in (8, 16, 32):
        enlarged = F.interpolate(digits, size=size, mode="bilinear", align_corners=False)
        real, fake = (enlarged[torch.randint(len(digits), (512,), generator=generator)] for _ in range(2))
        cases.append((f"digits: 512 images {size}px", "images", "digits", real, fake, size))
    real, fake = (torch.rand(512, 3, 32, 32, generator=generator) * 2 - 1 for _ in range(2))
    cases.append(("other: 512 images 3x32x32", "images", "folder", real, fake, 32))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"torch {torch.__version__}, {threads or torch.get_num_threads()} thread(s) in evaluate_quality, "
          f"{os.cpu_count()} CPUs, load average {load:.2f}")
    for label, kind, dataset, real, fake, size in cases:
        median, fastest = timed(lambda: evaluate_quality(kind, dataset, real, fake, size, threads=threads),
                                args.repeats)
        print(f"  {label:<28} median {median:6.1f} ms   fastest {fastest:6.1f} ms")


if __name__ == "__main__":
    main()
