"""What the data-space view costs training: throughput with the view shown vs hidden.

    python benchmarks/data_space_cost.py                  # offscreen when there is no display
    xvfb-run -s "-screen 0 1600x1000x24" python benchmarks/data_space_cost.py

The Learn dock's playground trains the ring GAN (GAN Lab's setting, the
dataset's default knobs) in its own thread while the dock alternates every
``--phase`` seconds between shown (the playground computes data-space
snapshots within its time budget and the view draws each: heat map, points,
arrows, manifold) and hidden (no snapshot is computed, nothing is drawn).
Steps per second are counted per phase; each shown phase is compared with
the hidden phases either side of it, so a drifting machine load hits both
alike.  Prints the median ratio (goal >= 0.95) with a bootstrap 95 %
interval, and how many snapshots the shown phases drew.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def wait(app, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def bootstrap(ratios: list[float], rounds: int = 2000) -> tuple[float, float]:
    rng = random.Random(0)
    medians = sorted(statistics.median(rng.choices(ratios, k=len(ratios))) for _ in range(rounds))
    return medians[int(0.025 * rounds)], medians[int(0.975 * rounds)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", type=float, default=2.0, help="seconds per shown or hidden phase")
    parser.add_argument("--pairs", type=int, default=8, help="shown phases (each between two hidden ones)")
    parser.add_argument("--dataset", default="ring")
    args = parser.parse_args()

    import torch
    from PySide6.QtWidgets import QApplication

    from gantuner.gui.learning_lab import LearningLab

    torch.set_num_threads(max(1, (os.cpu_count() or 2) - 1))
    app = QApplication.instance() or QApplication([])
    lab = LearningLab(config={"device": "cpu"})
    lab.dataset.setCurrentIndex(lab.dataset.findData(args.dataset))
    lab.resize(900, 800)
    lab.show()
    playground = lab.ensure_started()
    while lab.view.snapshot is None:
        wait(app, 0.05)
    lab.command("play")
    wait(app, 1.0)  # warm-up

    def phase(shown: bool) -> tuple[float, int]:
        lab.view.setVisible(shown)
        wait(app, 0.2)  # the poll has told the playground
        start_step, start_taken, start = playground.step, (playground.probe.taken if playground.probe else 0), time.perf_counter()
        wait(app, args.phase)
        return (playground.step - start_step) / (time.perf_counter() - start), (playground.probe.taken if playground.probe else 0) - start_taken

    hidden = [phase(False)[0]]
    shown, drawn = [], 0
    for _ in range(args.pairs):
        rate, taken = phase(True)
        shown.append(rate)
        drawn += taken
        hidden.append(phase(False)[0])
    lab.shutdown()

    ratios = [s / ((hidden[i] + hidden[i + 1]) / 2) for i, s in enumerate(shown)]
    low, high = bootstrap(ratios)
    print(f"dataset {args.dataset}, {args.pairs} shown phases of {args.phase:g} s between hidden ones")
    print(f"steps/s hidden: median {statistics.median(hidden):.1f}  shown: median {statistics.median(shown):.1f}")
    print(f"snapshots drawn while shown: {drawn} ({drawn / (args.pairs * args.phase):.1f}/s)")
    print(f"throughput shown / hidden: {statistics.median(ratios):.3f} (95 % interval {low:.3f} .. {high:.3f});"
          f" goal >= 0.95")


if __name__ == "__main__":
    main()
