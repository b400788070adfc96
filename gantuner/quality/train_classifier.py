"""Train the digits classifier and write its shipped weights.

    python -m gantuner.quality.train_classifier [--epochs N] [--seed S] [--out DIR]

Writes DIR/digits_classifier.safetensors (float16, a few tens of kilobytes)
and DIR/digits_classifier.json (held-out accuracy of the float16 weights as
shipped, and the training settings).  DIR defaults to resources/weights/.
Runs in seconds on a CPU.

Augmentation makes the network robust to what a generator produces rather
than to the clean data alone: shifts of up to one pixel, and a round trip
through a larger size (16, 28 or 32 px, bilinear) and back down with area
averaging, which is what an image of another size goes through before
classification.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from safetensors.torch import save_file

from gantuner.quality import classifier
from gantuner.quality.digits_data import (
    HELDOUT_SHARE,
    SPLIT_SEED,
    load_digits,
    split_indices,
    to_model_space,
)

DEFAULTS = {
    "epochs": 40,
    "batch_size": 64,
    "lr": 3e-3,
    "weight_decay": 1e-4,
    "seed": 0,
    "max_shift": 1,
    "round_trip_share": 0.5,
    "round_trip_sizes": [16, 28, 32],
}


def augment(images: torch.Tensor, generator: torch.Generator, max_shift: int,
            round_trip_share: float, round_trip_sizes: list[int]) -> torch.Tensor:
    """Randomly shifted and resampled copies of model-space images [N, 1, 8, 8]."""
    n, _, size, _ = images.shape
    if max_shift > 0:
        # Pad with the background value (-1 is black in model space), then crop.
        padded = F.pad(images, [max_shift] * 4, value=-1.0)
        dx = torch.randint(0, 2 * max_shift + 1, (n,), generator=generator)
        dy = torch.randint(0, 2 * max_shift + 1, (n,), generator=generator)
        rows = (dy[:, None] + torch.arange(size)[None, :])  # [N, size]
        cols = (dx[:, None] + torch.arange(size)[None, :])
        batch = torch.arange(n)[:, None, None]
        images = padded[:, 0][batch, rows[:, :, None], cols[:, None, :]].unsqueeze(1)
    if round_trip_share > 0:
        chosen = torch.rand(n, generator=generator) < round_trip_share
        which = torch.randint(len(round_trip_sizes), (n,), generator=generator)
        images = images.clone()
        for index, big_size in enumerate(round_trip_sizes):
            picked = chosen & (which == index)
            if picked.any():
                big = F.interpolate(images[picked], size=big_size, mode="bilinear",
                                    align_corners=False)
                images[picked] = F.adaptive_avg_pool2d(big, size)
    return images


def accuracy(model: torch.nn.Module, images: torch.Tensor, labels: torch.Tensor) -> float:
    model.eval()
    with torch.inference_mode():
        predicted = model(classifier.prepare(images)).argmax(dim=1)
    return float((predicted == labels).float().mean())


def train(settings: dict) -> tuple[classifier.DigitsNet, dict]:
    """Train on the fixed training split; returns the model with float16-rounded weights and a report."""
    # Tiny layers gain nothing from several threads; on a busy CPU extra
    # threads made each step several times slower (measured), so use one
    # while training and give the process its setting back afterwards.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with torch.random.fork_rng(devices=[]):  # seeding here leaves the caller's RNG alone
            return _train(settings)
    finally:
        torch.set_num_threads(threads)


def _train(settings: dict) -> tuple[classifier.DigitsNet, dict]:
    torch.manual_seed(settings["seed"])
    generator = torch.Generator().manual_seed(settings["seed"])
    raw_images, raw_labels = load_digits()
    train_idx, heldout_idx = split_indices(len(raw_labels))
    images = to_model_space(raw_images)
    labels = torch.as_tensor(raw_labels, dtype=torch.int64)
    x_train, y_train = images[train_idx], labels[train_idx]
    x_held, y_held = images[heldout_idx], labels[heldout_idx]

    model = classifier.DigitsNet()
    optimiser = torch.optim.AdamW(model.parameters(), lr=settings["lr"],
                                  weight_decay=settings["weight_decay"])
    steps_per_epoch = -(-len(x_train) // settings["batch_size"])
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=settings["lr"], total_steps=settings["epochs"] * steps_per_epoch)
    started = time.perf_counter()
    for _ in range(settings["epochs"]):
        model.train()
        # One augmented copy of the whole training split per epoch: one call
        # instead of one per batch keeps the overhead of tiny tensor ops low.
        epoch_images = augment(x_train, generator, settings["max_shift"],
                               settings["round_trip_share"], settings["round_trip_sizes"])
        order = torch.randperm(len(x_train), generator=generator)
        for start in range(0, len(order), settings["batch_size"]):
            batch = order[start:start + settings["batch_size"]]
            loss = F.cross_entropy(model(epoch_images[batch]), y_train[batch])
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            optimiser.step()
            schedule.step()
    seconds = time.perf_counter() - started

    # Judge the weights exactly as shipped: rounded to float16.
    model.load_state_dict({k: v.half().float() for k, v in model.state_dict().items()})
    model.eval()
    report = {
        "heldout_accuracy": accuracy(model, x_held, y_held),
        "train_accuracy": accuracy(model, x_train, y_train),
        "heldout_count": int(len(heldout_idx)),
        "train_count": int(len(train_idx)),
        "split_seed": SPLIT_SEED,
        "heldout_share": HELDOUT_SHARE,
        "training_seconds": round(seconds, 2),
        "parameters": sum(p.numel() for p in model.parameters()),
        "dtype": "float16",
        "format": classifier.FORMAT,
        "torch_version": torch.__version__,
        "settings": settings,
    }
    return model, report


def write(model: classifier.DigitsNet, report: dict, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    weights = out_dir / classifier.WEIGHTS_NAME
    info = out_dir / classifier.INFO_NAME
    tensors = {k: v.detach().half().contiguous() for k, v in model.state_dict().items()}
    save_file(tensors, str(weights), metadata={"format": classifier.FORMAT})
    weights.chmod(0o644)  # safetensors writes owner-only files; shipped files must be readable
    report = dict(report, weights_bytes=weights.stat().st_size)
    info.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return weights, info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gantuner.quality.train_classifier",
        description="Train the digits classifier used by the quality metrics.")
    parser.add_argument("--epochs", type=int, default=DEFAULTS["epochs"])
    parser.add_argument("--seed", type=int, default=DEFAULTS["seed"])
    parser.add_argument("--out", type=Path, default=classifier.weights_path().parent,
                        help="folder for the weights and the JSON report (default: resources/weights)")
    args = parser.parse_args(argv)
    if args.epochs < 1:
        parser.error(f"--epochs {args.epochs}: use 1 or more")
    settings = dict(DEFAULTS, epochs=args.epochs, seed=args.seed)
    model, report = train(settings)
    weights, info = write(model, report, args.out)
    print(f"held-out accuracy {report['heldout_accuracy']:.4f} on {report['heldout_count']} digits "
          f"(train {report['train_accuracy']:.4f}), {report['training_seconds']} s; "
          f"wrote {weights} ({weights.stat().st_size} bytes) and {info}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
