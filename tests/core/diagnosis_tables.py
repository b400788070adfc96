"""Metric tables for the diagnosis tests: the article's examples and synthetic
per-step runs with the noise of a batch of 64 (accuracies are binomial over
128 judgements, losses jitter by a few percent)."""

from __future__ import annotations

import math
import re

import numpy as np

from gantuner.metrics import MetricTable

SEED_EXAMPLE1 = """\
50 [D loss: 0.000624, acc.: 100.00%] [G loss: 0.007994]
1000 [D loss: 0.004652, acc.: 99.69%] [G loss: 0.008186]
2150 [D loss: 0.002862, acc.: 100.00%] [G loss: 0.000937]
3200 [D loss: 0.006426, acc.: 99.20%] [G loss: 0.005835]
4300 [D loss: 0.000406, acc.: 100.00%] [G loss: 0.007646]
5350 [D loss: 0.000592, acc.: 100.00%] [G loss: 0.000230]
"""

SEED_EXAMPLE2 = """\
50 [D loss: 0.000624, acc.: 100.00%] [G loss: 0.007994]
100 [D loss: 0.694652, acc.: 54.69%] [G loss: 1.168186]
150 [D loss: 0.732862, acc.: 40.23%] [G loss: 0.726937]
200 [D loss: 0.756426, acc.: 33.20%] [G loss: 0.835835]
300 [D loss: 0.711406, acc.: 36.33%] [G loss: 0.747646]
350 [D loss: 0.703592, acc.: 44.53%] [G loss: 0.748230]

700 [D loss: 0.695925, acc.: 49.61%] [G loss: 0.702438]
800 [D loss: 0.696105, acc.: 50.00%] [G loss: 0.697281]
900 [D loss: 0.688253, acc.: 56.25%] [G loss: 0.704283]
1000 [D loss: 0.687551, acc.: 56.25%] [G loss: 0.706025]
1350 [D loss: 0.697760, acc.: 48.44%] [G loss: 0.717108]
1400 [D loss: 0.686100, acc.: 53.91%] [G loss: 0.708159]
2000 [D loss: 0.659652, acc.: 60.16%] [G loss: 0.790444]
3000 [D loss: 0.645585, acc.: 62.50%] [G loss: 0.880491]
4000 [D loss: 0.553337, acc.: 74.22%] [G loss: 1.089478]

14000 [D loss: 0.467627, acc.: 78.12%] [G loss: 1.328423]
15000 [D loss: 0.543287, acc.: 69.92%] [G loss: 1.445801]
19000 [D loss: 0.486697, acc.: 75.00%] [G loss: 1.706172]
"""

_LINE = re.compile(r"^(\d+) \[D loss: ([\d.]+), acc\.: ([\d.]+)%\] \[G loss: ([\d.]+)\]$")


def keras_table(text: str) -> MetricTable:
    """The article's lines as a table, parsed here (independent of gantuner.logs)."""
    rows = [_LINE.match(line).groups() for line in text.splitlines() if line.strip()]
    a = np.array(rows, dtype=np.float64)
    return MetricTable(step=a[:, 0].astype(np.int64),
                       columns={"d_loss": a[:, 1], "d_acc": a[:, 2] / 100.0, "g_loss": a[:, 3]},
                       format="keras-gan", source="seed")


def per_step(n: int, *, acc, d_loss, g_loss, d_x=None, d_g_z=None, grad_d=2.0, grad_g=5.0,
             seed: int = 0, start: int = 1, noise: float = 1.0) -> MetricTable:
    """A per-step engine-like run of ``n`` steps.

    Each of acc, d_loss, g_loss, d_x, d_g_z, grad_d, grad_g is a number or a
    function of the step array giving the underlying level; noise is added
    per step like a batch of 64 would (``noise`` scales it).
    """
    rng = np.random.default_rng(seed)
    step = np.arange(start, start + n, dtype=np.int64)
    s = step.astype(np.float64)

    def level(x):
        return np.broadcast_to(np.asarray(x(s) if callable(x) else x, dtype=np.float64), (n,))

    acc_level = np.clip(level(acc), 0, 1)
    cols = {
        "d_acc": rng.binomial(128, acc_level) / 128.0 if noise else acc_level.copy(),
        "d_loss": np.abs(level(d_loss) * (1 + 0.05 * noise * rng.standard_normal(n))),
        "g_loss": np.abs(level(g_loss) * (1 + 0.10 * noise * rng.standard_normal(n))),
        "grad_norm_d": np.abs(level(grad_d) * (1 + 0.2 * noise * rng.standard_normal(n))),
        "grad_norm_g": np.abs(level(grad_g) * (1 + 0.2 * noise * rng.standard_normal(n))),
    }
    # D's outputs follow its accuracy unless given: a D right 65 % of the time
    # has D(x) ~ 0.56 and D(G(z)) ~ 0.44.
    margin = (acc_level - 0.5) * 0.4
    x_level = level(d_x) if d_x is not None else 0.5 + margin
    z_level = level(d_g_z) if d_g_z is not None else 0.5 - margin
    cols["d_x"] = np.clip(x_level + 0.02 * noise * rng.standard_normal(n), 0, 1)
    cols["d_g_z"] = np.clip(z_level + 0.02 * noise * rng.standard_normal(n), 0, 1)
    cols["d_loss_real"] = cols["d_loss"].copy()
    cols["d_loss_fake"] = cols["d_loss"].copy()
    cols["d_acc_real"] = cols["d_acc"].copy()
    cols["d_acc_fake"] = cols["d_acc"].copy()
    return MetricTable(step=step, columns=cols, format="gantuner", source="synthetic")


def warmup_then(level: float, warm: float = 0.98, steps: float = 80.0):
    """A curve that starts at ``warm`` (D wins the first steps) and settles to ``level``."""
    return lambda s: level + (warm - level) * np.exp(-s / (steps / 3))


def healthy_run(n: int = 3000, seed: int = 0) -> MetricTable:
    """D wins the first ~80 steps, then a balanced game with D at 65 %."""
    return per_step(n, acc=warmup_then(0.65), d_loss=warmup_then(0.62, 0.2),
                    g_loss=warmup_then(0.85, 2.5), seed=seed)


def too_strong_run(n: int = 3000, seed: int = 0) -> MetricTable:
    """The textbook too-strong D: 99 %, D loss 0.03, G loss climbing 3 -> 5."""
    return per_step(n, acc=warmup_then(0.99, 0.9), d_loss=0.03,
                    g_loss=lambda s: 3 + 2 * s / n, grad_g=150.0, seed=seed)


def concat(*tables: MetricTable) -> MetricTable:
    """Rows of several tables one after the other (appended runs keep their steps)."""
    names = set(tables[0].columns)
    for t in tables[1:]:
        names &= set(t.columns)
    return MetricTable(step=np.concatenate([t.step for t in tables]),
                       columns={k: np.concatenate([t.columns[k] for t in tables]) for k in names},
                       format=tables[0].format, source="concatenated")


def shifted(table: MetricTable, offset: int) -> MetricTable:
    t = table.slice(0)
    t.step = t.step + offset
    return t


def sine(period: float, amplitude: float, base: float):
    return lambda s: base + amplitude * np.sin(2 * math.pi * s / period)
