"""Checkpoints: safetensors for every tensor, JSON for everything else.

Opening a checkpoint never runs code from it: weights, optimiser moments and
RNG states are plain tensors in a safetensors file, and the rest (knobs,
step, optimiser hyper-parameters) is JSON.  Writes go to a temporary file
first and are renamed into place, so a crash mid-save leaves the previous
checkpoint intact.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file

from .. import __version__

CHECKPOINT_PATTERN = re.compile(r"step_(\d+)\.safetensors$")


class CheckpointError(RuntimeError):
    pass


def engine_state(engine) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    tensors: dict[str, torch.Tensor] = {}
    for prefix, module in (("G", engine.G), ("D", engine.D)):
        for key, value in module.state_dict().items():
            tensors[f"{prefix}.{key}"] = value.detach().cpu().contiguous()
    meta: dict[str, Any] = {"optimizers": {}}
    for name, opt in (("opt_g", engine.opt_g), ("opt_d", engine.opt_d)):
        state = opt.state_dict()
        scalars: dict[str, Any] = {}
        for index, entry in state["state"].items():
            for key, value in entry.items():
                if torch.is_tensor(value):
                    tensors[f"{name}.{index}.{key}"] = value.detach().cpu().contiguous()
                else:
                    scalars[f"{index}.{key}"] = value
        groups = [{k: (list(v) if isinstance(v, tuple) else v) for k, v in g.items()}
                  for g in state["param_groups"]]
        meta["optimizers"][name] = {"param_groups": groups, "scalars": scalars}
    tensors["rng.cpu"] = torch.random.get_rng_state()
    if engine.device.type == "cuda":
        tensors["rng.cuda"] = torch.cuda.get_rng_state(engine.device)
    tensors["fixed_noise"] = engine.fixed_noise.detach().cpu().contiguous()
    meta.update({
        "step": engine.step_count,
        "config": engine.config,
        "live": engine.live,
        "gantuner_version": __version__,
    })
    return tensors, meta


def save_checkpoint(engine, directory: Path) -> Path:
    """Write ``step_NNNNNN.safetensors`` and ``.json`` atomically; return the weights path."""
    directory.mkdir(parents=True, exist_ok=True)
    tensors, meta = engine_state(engine)
    stem = f"step_{engine.step_count:06d}"
    weights = directory / f"{stem}.safetensors"
    info = directory / f"{stem}.json"
    tmp_weights = directory / f".{stem}.safetensors.tmp"
    tmp_info = directory / f".{stem}.json.tmp"
    save_file(tensors, str(tmp_weights), metadata={"format": "gantuner-checkpoint"})
    tmp_info.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    # JSON first, then the weights: a checkpoint counts once its weights exist.
    os.replace(tmp_info, info)
    os.replace(tmp_weights, weights)
    return weights


def latest_checkpoint(directory: Path) -> Path | None:
    if not directory.is_dir():
        return None
    found = [(int(m.group(1)), p) for p in directory.iterdir()
             if (m := CHECKPOINT_PATTERN.search(p.name)) and p.with_suffix(".json").exists()]
    return max(found)[1] if found else None


def read_checkpoint(path: Path) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    path = Path(path)
    info = path.with_suffix(".json")
    try:
        tensors = load_file(str(path))
        meta = json.loads(info.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CheckpointError(f"{exc.filename}: checkpoint file is missing") from None
    except Exception as exc:  # safetensors and json raise several types
        raise CheckpointError(f"{path}: not a readable gantuner checkpoint ({exc})") from None
    if "config" not in meta or "step" not in meta:
        raise CheckpointError(f"{info}: not a gantuner checkpoint (no config or step)")
    return tensors, meta


def restore_engine(engine, tensors: dict[str, torch.Tensor], meta: dict[str, Any]) -> None:
    """Load a checkpoint into an engine built from the same setup knobs."""
    for prefix, module in (("G", engine.G), ("D", engine.D)):
        part = {k[len(prefix) + 1:]: v for k, v in tensors.items() if k.startswith(prefix + ".")}
        try:
            module.load_state_dict(part)
        except RuntimeError as exc:
            raise CheckpointError(f"checkpoint does not fit this model ({prefix}): {exc}") from None
    for name, opt in (("opt_g", engine.opt_g), ("opt_d", engine.opt_d)):
        saved = meta["optimizers"][name]
        state: dict[int, dict[str, Any]] = {}
        for key, value in tensors.items():
            if key.startswith(name + "."):
                _, index, field = key.split(".", 2)
                state.setdefault(int(index), {})[field] = value.to(engine.device)
        for key, value in saved["scalars"].items():
            index, field = key.split(".", 1)
            state.setdefault(int(index), {})[field] = value
        groups = []
        for group in saved["param_groups"]:
            group = dict(group)
            if "betas" in group:
                group["betas"] = tuple(group["betas"])
            groups.append(group)
        opt.load_state_dict({"state": state, "param_groups": groups})
    engine.step_count = int(meta["step"])
    engine.apply_knobs(meta["live"])
    engine._apply_structure()
    engine.fixed_noise = tensors["fixed_noise"].to(engine.device)
    torch.random.set_rng_state(tensors["rng.cpu"])
    if "rng.cuda" in tensors and engine.device.type == "cuda":
        torch.cuda.set_rng_state(tensors["rng.cuda"], engine.device)


def load_engine(path: Path):
    """A new engine restored from the checkpoint at ``path``."""
    from .engine import Engine

    tensors, meta = read_checkpoint(path)
    engine = Engine(meta["config"])
    restore_engine(engine, tensors, meta)
    return engine


def load_engine_from_run(run_dir: Path):
    """The engine as of a run directory's latest checkpoint."""
    path = latest_checkpoint(Path(run_dir) / "checkpoints")
    if path is None:
        raise CheckpointError(f"{run_dir}: no checkpoint in {Path(run_dir) / 'checkpoints'}")
    return load_engine(path)
