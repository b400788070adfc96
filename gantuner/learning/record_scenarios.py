"""Record the practice scenarios: real engine runs set up to fail in known ways.

    python -m gantuner.learning.record_scenarios            # all, into resources/practice/
    python -m gantuner.learning.record_scenarios --only divergence --out /tmp/practice

Each scenario trains gantuner's own engine (gantuner.training.Driver) with
settings known to go wrong a certain way, bounded in steps, then keeps the
columns the diagnosis reads, thinned to at most ``MAX_ROWS`` rows (rows with
quality metrics are always kept), as ``<id>.csv``.  ``scenarios.json``
records each one's knobs and the rule the diagnosis names for it.  The
recording is deterministic for a device (the article knob), so a rerun on the
CPU gives the same files.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MAX_ROWS = 300
KEEP_COLUMNS = ("d_loss", "g_loss", "d_acc", "d_acc_real", "d_acc_fake", "d_x", "d_g_z",
                "grad_norm_d", "grad_norm_g")

# id -> knobs, steps, quality_every: settings that fail (or succeed) in a known way.
SCENARIOS: dict[str, dict[str, Any]] = {
    # G learns ten times slower than D and D has batch norm: D wins every round.
    "d_too_strong": {"knobs": {"dataset": "digits", "image_size": 8, "lr_d": 2e-4, "lr_g": 2e-5,
                               "d_batchnorm": True}, "steps": 600, "quality_every": 0},
    # D barely learns (a hundredth of G's rate, heavy dropout): it cannot tell real from fake
    # (the diagnosis wants that for 1,000 steps before it calls D too weak).
    "d_too_weak": {"knobs": {"dataset": "digits", "image_size": 8, "lr_d": 2e-6, "lr_g": 2e-4,
                             "d_dropout": 0.5}, "steps": 1500, "quality_every": 0},
    # One noise dimension: G can only draw a curve through image space, a few digits at most.
    "mode_collapse": {"knobs": {"dataset": "digits", "latent_dim": 1}, "steps": 500, "quality_every": 100},
    # Learning rates a thousand times too large: the losses blow up.
    "divergence": {"knobs": {"dataset": "digits", "image_size": 8, "lr_d": 0.5, "lr_g": 0.5},
                   "steps": 150, "quality_every": 0},
    # The defaults: a healthy game.
    "healthy": {"knobs": {"dataset": "digits"}, "steps": 800, "quality_every": 0},
}


def record(scenario: str, out_dir: Path) -> dict[str, Any]:
    """Train one scenario, write ``<scenario>.csv`` into ``out_dir``; return its catalogue entry."""
    from ..diagnosis import diagnose
    from ..logs import read_log
    from ..training import Driver, RunOptions

    spec = SCENARIOS[scenario]
    knobs = {**spec["knobs"], "device": "cpu", "seed": 0}
    with tempfile.TemporaryDirectory() as work:
        run = Path(work) / "run"
        options = RunOptions(max_steps=spec["steps"], sample_every=0, checkpoint_every=0,
                             quality_every=spec["quality_every"])
        driver = Driver.new(knobs, out=run, options=options)
        driver.run()
        values = driver.engine.knob_values()
        table = read_log(run)
    quality = [name for name in table.columns if name.startswith("quality_")]
    columns = [c for c in KEEP_COLUMNS if c in table.columns] + quality
    keep = _thinned_rows(len(table), [table.columns[q] for q in quality])
    path = out_dir / f"{scenario}.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["step", *columns])
        for i in keep:
            writer.writerow([int(table.step[i]), *(_cell(table.columns[c][i]) for c in columns)])
    recorded = read_log(path)
    hints = diagnose(recorded, knobs=values)
    named = [h.id for h in hints if h.severity in ("critical", "warning")] or [h.id for h in hints[:1]]
    return {"id": scenario, "file": path.name, "steps": spec["steps"],
            "knobs": {k: v for k, v in values.items() if k in spec["knobs"] or k in ("lr_d", "lr_g")},
            "diagnosis": named}


def _thinned_rows(count: int, quality: list) -> list[int]:
    stride = max(1, math.ceil(count / MAX_ROWS))
    keep = set(range(0, count, stride)) | {count - 1}
    for column in quality:
        keep |= {i for i in range(count) if not math.isnan(column[i])}
    return sorted(keep)


def _cell(value: float) -> str:
    return "" if math.isnan(value) else f"{value:.6g}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Record gantuner's practice scenarios.")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "resources" / "practice")
    parser.add_argument("--only", choices=sorted(SCENARIOS), action="append")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(1)  # the same numbers on any machine's CPU
    args.out.mkdir(parents=True, exist_ok=True)
    catalogue_path = args.out / "scenarios.json"
    catalogue = json.loads(catalogue_path.read_text(encoding="utf-8")) if catalogue_path.exists() else {}
    for scenario in args.only or list(SCENARIOS):
        start = time.perf_counter()
        catalogue[scenario] = record(scenario, args.out)
        print(f"{scenario}: {catalogue[scenario]['diagnosis']} ({time.perf_counter() - start:.0f} s)", flush=True)
    catalogue_path.write_text(json.dumps(catalogue, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
