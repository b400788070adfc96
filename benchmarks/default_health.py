"""Is the default run on each built-in dataset a healthy game?

Trains each dataset with its default knobs (and any --set overrides) and
prints D's accuracy, D(x), D(G(z)) and the losses averaged over windows of
steps, so the defaults in gantuner/knobs.py can be chosen by measurement: a
healthy game settles with D accuracy between about 55 and 85 % (the article's
Example 2), not pinned at 100 %.

    python benchmarks/default_health.py --steps 3000 [--dataset digits] [--set d_batchnorm=on]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import torch

from gantuner import knobs
from gantuner.metrics import ENGINE_FIELDS
from gantuner.training import Engine


def measure(config: dict, steps: int, windows: int) -> list[dict[str, float]]:
    engine = Engine(config)
    vectors = [engine.step() for _ in range(steps)]
    table = torch.stack(vectors).cpu().numpy()
    edges = np.linspace(0, steps, windows + 1).astype(int)
    out = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        part = table[lo:hi]
        row = {"steps": f"{lo + 1}-{hi}"}
        for name in ("d_acc", "d_x", "d_g_z", "d_loss", "g_loss"):
            row[name] = float(np.nanmean(part[:, ENGINE_FIELDS.index(name)]))
        out.append(row)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--windows", type=int, default=6)
    parser.add_argument("--dataset", action="append")
    parser.add_argument("--set", dest="assignments", action="append", default=[])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    overrides = dict(knobs.parse_assignment(a) for a in args.assignments)
    for name in args.dataset or list(knobs.BUILTIN_DATASETS):
        config = {"dataset": name, "device": args.device, "seed": args.seed, **overrides}
        t0 = time.perf_counter()
        rows = measure(config, args.steps, args.windows)
        took = time.perf_counter() - t0
        shown = ", ".join(f"{k}={v}" for k, v in overrides.items()) or "defaults"
        print(f"{name} ({shown}), {args.steps} steps in {took:.0f} s")
        print(f"  {'steps':>11} {'D acc':>6} {'D(x)':>6} {'D(G(z))':>7} {'D loss':>7} {'G loss':>7}")
        for r in rows:
            print(f"  {r['steps']:>11} {100 * r['d_acc']:5.1f}% {r['d_x']:6.3f} {r['d_g_z']:7.3f} "
                  f"{r['d_loss']:7.3f} {r['g_loss']:7.3f}")
        late = rows[len(rows) // 2:]
        verdict = np.mean([r["d_acc"] for r in late])
        print(f"  second half: D accuracy {100 * verdict:.1f}% "
              f"({'healthy' if 0.55 <= verdict <= 0.85 else 'NOT in 55-85 %'})")


if __name__ == "__main__":
    main()
