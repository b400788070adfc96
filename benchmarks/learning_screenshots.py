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
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    parser.add_argument("--seconds", type=float, default=6.0, help="playground training before the shot")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    import torch
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    torch.set_num_threads(1)  # the app trains with all cores but one; a shared 2-core machine has one

    scratch = Path(tempfile.mkdtemp(prefix="gantuner-learn-shot-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
    _app = QApplication.instance() or QApplication([])  # kept referenced while the window lives

    from gantuner.gui import MainWindow
    from gantuner.gui.settings import open_settings
    from gantuner.training import Driver, RunOptions

    def wait(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    small = {"dataset": "ring", "device": "cpu", "g_width": 32, "d_width": 32, "g_depth": 2, "d_depth": 2,
             "batch_size": 128, "lr_g": 1e-3, "lr_d": 1e-3}
    options = RunOptions(max_steps=300, sample_every=50, checkpoint_every=100_000, quality_every=0)
    search = scratch / "search"
    variants = {"1_baseline": {}, "2_lr_d_half": {"lr_d": 5e-4}, "3_d_dropout_0.3": {"d_dropout": 0.3, "d_batchnorm": True}}
    for name, change in variants.items():
        Driver.new({**small, **change}, out=search / name, options=RunOptions(**options.to_json())).run()

    window = MainWindow({"dataset": "ring"}, runs_dir=scratch / "runs", settings=open_settings(),
                        language=args.lang)
    window.resize(1500, 980)
    window.show()
    learning = window.learning
    args.folder.mkdir(parents=True, exist_ok=True)

    def shoot(dock_index: int, name: str) -> None:
        dock = learning.docks[dock_index]
        dock.show()
        dock.raise_()
        window.resizeDocks([dock], [620], Qt.Orientation.Vertical)
        wait(0.8)
        path = args.folder / f"learn_{name}_{args.lang}.png"
        window.grab().save(str(path))
        print(path)

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
    deadline = time.monotonic() + 20
    while len(learning.compare.runs) < len(variants) and time.monotonic() < deadline:
        wait(0.1)
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
