"""How fast read_log reads a big Keras-GAN log, next to a plain per-line loop.

    python benchmarks/read_log_speed.py            # 1,000,000 lines
    python benchmarks/read_log_speed.py --lines 200000

Writes a Keras-GAN log (one noise line per 1,000: warnings, progress bars,
blank lines) to a temporary file, then times, best of 3 each:

* read_log(path): the whole-file reader (one regex findall per 2 MB chunk,
  numbers parsed with numpy);
* a naive reader: for each line, one regex match and float() per value.

Both must return the same numbers; the script checks that before printing.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from gantuner.logs import read_log

NOISE = [
    "WARNING:tensorflow:From train.py:42: The name tf.Session is deprecated.",
    " 45%|████▌     | 45/100 [00:01<00:02, 30.0it/s]",
    "",
    "1/1 [==============================] - 0s 15ms/step",
]
NAIVE = re.compile(r"(\d+) \[D loss: ([^,]+), acc\.: ([^%]+)%\] \[G loss: ([^\]]+)\]")


def write_log(path: Path, n_lines: int, seed: int = 0) -> int:
    """n_lines lines in all; returns how many are metric lines."""
    rng = np.random.default_rng(seed)
    d, a, g = rng.random(n_lines), rng.random(n_lines) * 100, rng.random(n_lines) * 3
    lines = []
    metric = 0
    for i in range(n_lines):
        if i % 1000 == 999:
            lines.append(NOISE[(i // 1000) % len(NOISE)])
        else:
            lines.append(f"{metric} [D loss: {d[i]:f}, acc.: {a[i]:.2f}%] [G loss: {g[i]:f}]")
            metric += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return metric


def naive_read(path: Path) -> dict[str, np.ndarray]:
    step, d_loss, d_acc, g_loss = [], [], [], []
    with path.open(encoding="utf-8") as f:
        for line in f:
            m = NAIVE.match(line)
            if m:
                step.append(int(m.group(1)))
                d_loss.append(float(m.group(2)))
                d_acc.append(float(m.group(3)) / 100.0)
                g_loss.append(float(m.group(4)))
    return {"step": np.array(step, dtype=np.int64), "d_loss": np.array(d_loss),
            "d_acc": np.array(d_acc), "g_loss": np.array(g_loss)}


def best_of(repeats: int, fn, *args):
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "keras_gan.log"
        metric = write_log(path, args.lines)
        size_mb = path.stat().st_size / 1e6
        fast_s, table = best_of(args.repeats, read_log, path)
        naive_s, naive = best_of(args.repeats, naive_read, path)

    same = (len(table) == metric and np.array_equal(table.step, naive["step"])
            and all(np.array_equal(table.columns[k], naive[k]) for k in ("d_loss", "d_acc", "g_loss")))
    print(f"log: {args.lines:,} lines ({metric:,} metric lines), {size_mb:.1f} MB; best of {args.repeats}")
    print(f"read_log     : {fast_s:6.3f} s  {args.lines / fast_s:12,.0f} lines/s")
    print(f"naive loop   : {naive_s:6.3f} s  {args.lines / naive_s:12,.0f} lines/s")
    print(f"speed-up     : {naive_s / fast_s:6.1f}x   same values: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
