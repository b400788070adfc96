"""Screenshots of the Learn docks in the real window: data space, compare runs, practice.

    xvfb-run -a -s "-screen 0 1600x1000x24" python benchmarks/learning_screenshots.py benchmarks/screenshots
    ... --lang ja

Uses a throwaway settings and run folder.  The data-space shot trains the
2D playground on ring for a few seconds, then walks slow motion to D
judging a real batch; the compare shot adds, with "Add all runs in a folder", the
three short ring runs of a folder (as a search leaves them: a baseline, D's learning rate
halved, D's dropout and batch norm on), smoothed as the curves are; the practice shot
answers the article's Example 1.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from screenshot_window import open_window, save_shot, wait, wait_until


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    parser.add_argument("--seconds", type=float, default=6.0, help="playground training before the shot")
    args = parser.parse_args()

    import torch

    from gantuner.training import Driver, RunOptions

    torch.set_num_threads(1)  # the app trains with all cores but one; a shared 2-core machine has one

    small = {"dataset": "ring", "device": "cpu", "g_width": 32, "d_width": 32, "g_depth": 2, "d_depth": 2,
             "batch_size": 128, "lr_g": 1e-3, "lr_d": 1e-3}
    options = RunOptions(max_steps=300, sample_every=50, checkpoint_every=100_000, quality_every=0)
    search = Path(tempfile.mkdtemp(prefix="gantuner-learn-shot-search-"))
    variants = {"1_baseline": {}, "2_lr_d_half": {"lr_d": 5e-4}, "3_d_dropout_0.3": {"d_dropout": 0.3, "d_batchnorm": True}}
    for name, change in variants.items():
        Driver.new({**small, **change}, out=search / name, options=RunOptions(**options.to_json())).run()

    from PySide6.QtCore import Qt

    shot = open_window({"dataset": "ring"}, language=args.lang, size=(1500, 980), prefix="gantuner-learn-shot-")
    window = shot.window
    window.welcome.dismiss()  # the first-run welcome has its own shot (benchmarks/learner_screenshots.py)
    learning = window.learning

    def shoot(dock_index: int, name: str) -> None:
        dock = learning.docks[dock_index]
        dock.show()
        dock.raise_()
        window.resizeDocks([dock], [620], Qt.Orientation.Vertical)
        wait(0.8)
        save_shot(window, args.folder / f"learn_{name}_{args.lang}.png")

    learning.docks[0].show()
    learning.docks[0].raise_()
    lab = learning.lab
    lab.command("play")
    wait(args.seconds)
    lab.command("play")   # pause
    wait(0.5)
    for _ in range(2):   # slow motion to "D judges real": its verdict on each real point is marked
        lab.command("phase")
        wait(0.4)
    shoot(0, "data_space")

    window.curves.set_smoothing(0.6)   # the overlaid curves follow it
    learning.compare.add_folder(search)
    wait_until(lambda: len(learning.compare.runs) >= len(variants), timeout_s=20)
    shoot(1, "compare")

    learning.docks[2].show()
    learning.docks[2].raise_()
    wait(0.3)
    learning.practice.choose("d_too_strong", "weaken_d")
    learning.practice.check()
    shoot(2, "practice")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
