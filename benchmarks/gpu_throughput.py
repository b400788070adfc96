"""Speed on the GPU: plain eager PyTorch against gantuner's engine, eager and fast path.

For one device, in one run, prints iterations/s of

- a plain eager PyTorch loop (pytorch/examples' dcgan step, data on the device),
- gantuner's ``engine.step()`` (eager),
- the fast path (:mod:`gantuner.training.fast_path`: the step replayed as one
  CUDA graph) with torch's fused Adam, steady and with a knob change every 100 steps,
- the fast path with bf16 autocast (DCGAN),

for the pytorch/examples DCGAN at 64x64 (batch 128, nz 100, 64 filters, random
3-channel data) and the 2D MLP GAN (3x128, batch 256, ring).  Engine loops
fetch their metrics to the host every 0.1 s, as the driver does (>= 10
updates a second for the window).  It then checks, for the same seed, that
the eager engine and the fast path give matching losses over the first steps.

On a machine without CUDA the fast path is off; the script then runs the
static step eagerly in its place, so it can be smoke-tested anywhere::

    python benchmarks/gpu_throughput.py                      # the full run (GPU)
    python benchmarks/gpu_throughput.py --quick --device cpu # a smoke test
    python benchmarks/gpu_throughput.py --json out.json      # also save the figures

Goals on one H100 (issue 6): fast path >= 1.9x the plain loop on the DCGAN and
>= 10x on the MLP, keeping >= 90 % of that with a knob change every 100 steps.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch
from baseline import plain_loop, rate, sync

from gantuner.metrics import ENGINE_FIELDS
from gantuner.training import Engine
from gantuner.training.fast_path import FastStepper, eager_reason

FLUSH_SECONDS = 0.1      # metrics reach the host this often (the window's update rate)
KNOB_EVERY = 100         # steps between knob changes in the "live knobs" loops
AGREEMENT_STEPS = 20
LOSS_FIELDS = ("d_loss", "d_loss_real", "d_loss_fake", "g_loss")
GOALS = {"dcgan": 1.9, "mlp": 10.0}
KEEP_WITH_KNOBS = 0.9

# Knob changes cycled through every KNOB_EVERY steps: what a user does most.
# beta1 is baked into fused Adam's kernel: its change recaptures.
KNOB_CYCLE = [
    {"lr_d": 1.5e-4}, {"lr_g": 3e-4}, {"label_smoothing": 0.1}, {"beta1": 0.6},
    {"lr_d": 2e-4}, {"lr_g": 2e-4}, {"label_smoothing": 0.0}, {"beta1": 0.5},
]


def synthetic_images(folder: Path, size: int, count: int = 1024) -> Path:
    """Random uint8 3-channel images as a .npy: a user dataset path for the DCGAN."""
    path = folder / f"random_{size}.npy"
    images = np.random.default_rng(0).integers(0, 256, (count, 3, size, size), dtype=np.uint8)
    np.save(path, images)
    return path


def cases(folder: Path, quick: bool) -> dict[str, tuple[str, dict[str, Any]]]:
    if quick:  # small enough for a 2-core CPU smoke test
        dcgan = {"image_size": 16, "latent_dim": 16, "g_width": 8, "d_width": 8, "batch_size": 16}
        mlp = {"batch_size": 64, "g_width": 32, "d_width": 32}
    else:
        dcgan = {"image_size": 64, "latent_dim": 100, "g_width": 64, "d_width": 64, "batch_size": 128}
        mlp = {}
    dcgan.update({"dataset": str(synthetic_images(folder, dcgan["image_size"])), "lr_g": 2e-4,
                  "lr_d": 2e-4, "beta1": 0.5, "beta2": 0.999, "d_batchnorm": True, "g_batchnorm": True,
                  "loss": "bce"})
    return {
        "dcgan": (f"DCGAN {dcgan['image_size']}x{dcgan['image_size']} (pytorch/examples: batch "
                  f"{dcgan['batch_size']}, nz {dcgan['latent_dim']}, {dcgan['g_width']} filters)", dcgan),
        "mlp": ("2D MLP GAN, ring (3x128, batch 256)" if not quick else "2D MLP GAN, ring (small)",
                {"dataset": "ring", **mlp}),
    }


# ---- the loops ------------------------------------------------------------------

class MetricFetch:
    """What the driver does with step vectors: keep them on the device, fetch every 0.1 s."""

    def __init__(self):
        self.pending: list[torch.Tensor] = []
        self.last = time.perf_counter()
        self.fetches = 0
        self.steps = 0

    def add(self, vector: torch.Tensor) -> None:
        self.pending.append(vector)
        self.steps += 1
        now = time.perf_counter()
        if now - self.last >= FLUSH_SECONDS:
            torch.stack(self.pending).cpu()  # the one host sync
            self.pending.clear()
            self.fetches += 1
            self.last = now


def engine_loop(config: dict, seconds: float, mode: str, knob_changes: bool = False) -> dict[str, Any]:
    """Iterations/s of the engine: ``mode`` "eager" (engine.step()) or "fast" (FastStepper)."""
    engine = Engine(config)
    stepper = None
    if mode == "fast":
        stepper = FastStepper(engine, graphs=engine.device.type == "cuda")
    step_fn = stepper.step if stepper is not None else engine.step
    fetch = MetricFetch()
    cycle = itertools.cycle(KNOB_CYCLE)
    counter = itertools.count(1)

    def step() -> None:
        if knob_changes and next(counter) % KNOB_EVERY == 0:
            applied = engine.apply_knobs(next(cycle))
            if stepper is not None:
                stepper.knobs_changed(applied)
        fetch.add(step_fn())

    captures_before = stepper.captures if stepper else 0
    result = {"it_per_s": rate(step, seconds, engine.device)}
    if stepper is not None:
        result.update(active=stepper.active, reason=stepper.reason.en, captures=stepper.captures,
                      captures_in_window=stepper.captures - captures_before,
                      last_capture_ms=stepper.last_capture_ms)
    result["steps_per_fetch"] = fetch.steps / max(1, fetch.fetches)
    return result


def recapture_ms(config: dict) -> dict[str, float | None]:
    """Milliseconds to capture the step: the first time, and after a batch-size change."""
    engine = Engine(config)
    if engine.device.type != "cuda":
        return {"first": None, "after_batch_size_change": None}
    stepper = FastStepper(engine)
    for _ in range(8):
        stepper.step()
    first = stepper.last_capture_ms
    stepper.knobs_changed(engine.apply_knobs({"batch_size": engine.live["batch_size"] // 2}))
    for _ in range(4):
        stepper.step()
    sync(engine.device)
    return {"first": first, "after_batch_size_change": stepper.last_capture_ms,
            "captures": stepper.captures, "active": stepper.active}


# ---- results stay right ------------------------------------------------------------

def losses_over_first_steps(config: dict, path: str) -> np.ndarray:
    """Metrics of the first steps; at step 8 it also does what the driver does
    between steps (sample grid, quality samples with their forked RNG), which
    must not disturb a captured step."""
    engine = Engine({**config, "seed": 11})
    stepper = None
    if path == "eager":
        step = engine.step
    else:
        stepper = FastStepper(engine, graphs=engine.device.type == "cuda")
        step = stepper.step
    rows = []
    for i in range(AGREEMENT_STEPS):
        if i == 8:
            engine.fixed_samples()
            engine.real_samples(64)
            engine.generate(64)
        rows.append(step())
    values = torch.stack(rows).float().cpu().numpy()
    if stepper is not None and not stepper.active:
        raise RuntimeError(f"fast path fell back to eager: {stepper.reason}")
    return values


def agreement(config: dict) -> dict[str, Any]:
    """Eager vs fast path for the same seed, with deterministic cuDNN (run-to-run noise off).

    Learning rates are powers of two here: fused Adam reads a tensor lr as
    float32 and a Python lr as double, and only such values are the same in
    both, so the torch-Adam fast path can match eager bit for bit.
    """
    config = {**config, "lr_d": 2.0 ** -12, "lr_g": 2.0 ** -12}
    saved = torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark
    torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark = True, False
    try:
        eager = losses_over_first_steps(config, "eager")
        again = losses_over_first_steps(config, "eager")
        report: dict[str, Any] = {"eager_vs_eager": _difference(eager, again)}
        try:
            fast = losses_over_first_steps(config, "fast")
            report["eager_vs_fast_torch"] = _difference(eager, fast)
        except Exception as exc:  # report, keep benchmarking
            report["eager_vs_fast_torch"] = {"error": f"{type(exc).__name__}: {exc}"}
        return report
    finally:
        torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark = saved


def _difference(a: np.ndarray, b: np.ndarray) -> dict[str, Any]:
    loss_cols = [ENGINE_FIELDS.index(n) for n in LOSS_FIELDS]
    first = slice(0, 10)
    loss_diff = np.abs(a[:, loss_cols] - b[:, loss_cols])
    rel = loss_diff[first] / np.maximum(np.abs(a[first][:, loss_cols]), 1e-6)
    return {
        "max_abs_loss_diff_first_10": float(np.nanmax(loss_diff[first])),
        "max_rel_loss_diff_first_10": float(np.nanmax(rel)),
        "max_abs_loss_diff_all": float(np.nanmax(loss_diff)),
        "max_abs_any_field_first_10": float(np.nanmax(np.abs(a[first] - b[first]))),
        "bitwise_equal": bool(np.array_equal(a, b, equal_nan=True)),
        "agree": bool(np.nanmax(rel) <= 1e-4),
    }


# ---- the report ----------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="auto", help="auto (CUDA if present), cuda or cpu")
    parser.add_argument("--seconds", type=float, default=2.0, help="timed seconds per loop and round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is printed")
    parser.add_argument("--quick", action="store_true", help="small models, for a CPU smoke test")
    parser.add_argument("--only", choices=("dcgan", "mlp"), help="run one case")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    device = "cuda" if args.device == "auto" and torch.cuda.is_available() else args.device
    device = "cpu" if device == "auto" else device
    on_gpu = device == "cuda"
    name = torch.cuda.get_device_name() if on_gpu else f"CPU ({torch.get_num_threads()} threads)"
    print(f"device {name}, torch {torch.__version__}, {args.rounds} alternating round(s) of "
          f"{args.seconds:g} s per loop, median it/s; metrics fetched every {FLUSH_SECONDS:g} s")
    results: dict[str, Any] = {"device": name, "torch": torch.__version__, "cases": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for key, (title, overrides) in cases(Path(tmp), args.quick).items():
            if args.only and key != args.only:
                continue
            config = {**overrides, "device": device}
            if not on_gpu:
                reason = eager_reason(Engine(config))
                print(f"\n{title}\n  note: {reason.en if reason else ''} The 'fast' loops below run the "
                      "static step eagerly (what the graph would replay), to smoke-test it.")
            else:
                print(f"\n{title}")
            results["cases"][key] = run_case(key, config, args, on_gpu)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


def run_case(key: str, config: dict, args, on_gpu: bool) -> dict[str, Any]:
    seconds = args.seconds
    # (id, label, loop, steady loop it compares with for the knob-change goal)
    loops: list[tuple[str, str, Callable[[], dict[str, Any]], str | None]] = [
        ("plain", "plain eager PyTorch loop", lambda: {"it_per_s": plain_loop(config, seconds)}, None),
        ("eager", "engine, eager", lambda: engine_loop(config, seconds, "eager"), None),
        ("fast_torch", "fast path, torch Adam (fused)", lambda: engine_loop(config, seconds, "fast"), None),
        ("fast_torch_knobs", "  + knob change every 100 steps",
         lambda: engine_loop(config, seconds, "fast", True), "fast_torch"),
    ]
    if key == "dcgan" and on_gpu:
        loops.append(("fast_torch_bf16", "fast path, torch Adam, bf16",
                      lambda: engine_loop({**config, "precision": "bf16"}, seconds, "fast"), None))
    runs: dict[str, list[dict[str, Any]]] = {ident: [] for ident, *_ in loops}
    for _ in range(args.rounds):  # alternate, so background load hits every loop alike
        for ident, _label, loop, _base in loops:
            runs[ident].append(loop())
    median = {ident: statistics.median(r["it_per_s"] for r in rs) for ident, rs in runs.items()}
    plain = median["plain"]
    goal = GOALS[key]
    for ident, label, _loop, base in loops:
        value = median[ident]
        line = f"  {label:<32s}{value:10.1f} it/s  {value / plain:6.2f}x plain"
        last = runs[ident][-1]
        if ident == "fast_torch":
            line += f"   goal >= {goal:g}x: {'met' if value / plain >= goal else 'NOT met'}"
        if base is not None:
            keep = value / median[base]
            line += (f"   {keep:4.0%} of steady, goal >= {KEEP_WITH_KNOBS:.0%}: "
                     f"{'met' if keep >= KEEP_WITH_KNOBS else 'NOT met'}")
            if last.get("captures_in_window"):
                line += f" ({last['captures_in_window']} recaptures)"
        if on_gpu and last.get("active") is False:
            line += f"   [FELL BACK: {last['reason']}]"
        print(line)
    print(f"  metrics fetched every {runs['eager'][-1]['steps_per_fetch']:.0f} steps (eager engine), "
          f"every {runs['fast_torch'][-1]['steps_per_fetch']:.0f} steps (fast path)")
    out: dict[str, Any] = {"it_per_s": median, "runs": runs,
                           "ratio_to_plain": {i: v / plain for i, v in median.items()}}
    capture = recapture_ms(config)
    out["capture_ms"] = capture
    if capture["first"] is not None:
        print(f"  capture {capture['first']:.0f} ms; recapture after a batch-size change "
              f"{capture['after_batch_size_change']:.0f} ms")
    check = agreement(config)
    out["agreement"] = check
    print(f"  same seed, eager vs fast path over the first {AGREEMENT_STEPS} steps "
          f"(deterministic cuDNN):")
    for name, diff in check.items():
        if "error" in diff:
            print(f"    {name:<22s} ERROR {diff['error']}")
            continue
        verdict = "bitwise equal" if diff["bitwise_equal"] else ("agree" if diff["agree"] else "DISAGREE")
        print(f"    {name:<22s} max |d loss| first 10 steps {diff['max_abs_loss_diff_first_10']:.2e} "
              f"(rel {diff['max_rel_loss_diff_first_10']:.1e}), all {AGREEMENT_STEPS} steps "
              f"{diff['max_abs_loss_diff_all']:.2e}: {verdict}")
    return out


if __name__ == "__main__":
    sys.exit(main())
