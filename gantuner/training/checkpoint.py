"""Checkpoints: safetensors for every tensor, JSON for everything else.

Opening a checkpoint never runs code from it: weights, optimiser moments and
RNG states are plain tensors in a safetensors file, and the rest (knobs,
step, optimiser hyper-parameters) is JSON.

Writing never damages what is already there: each half goes to a temporary
file in the same folder, is flushed to the disk (fsync) and only then renamed
over its final name, and older checkpoints are never touched.  A failed write
(full or read-only disk) raises :class:`CheckpointWriteError`, an OSError, so
the training loop reports it and goes on.

Reading checks everything before use: a checkpoint that parses but holds the
wrong keys, shapes or types raises :class:`CheckpointError` naming the file
(the ``.json`` or the ``.safetensors`` half) and what is wrong.
:func:`first_loadable` falls back to an older checkpoint when the newest is
damaged.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import torch
from safetensors.torch import load_file
from safetensors.torch import save as serialise

from .. import __version__
from ..errors import GantunerError
from ..text import Text

CHECKPOINT_PATTERN = re.compile(r"step_(\d+)\.safetensors$")
FORMAT = "gantuner-checkpoint"
OPTIMIZERS = ("opt_g", "opt_d")
SOURCE_KEY = "_read_from"  # set in the metadata read_checkpoint returns, never saved

T = TypeVar("T")


MESSAGES: dict[str, Text] = {
    "not_serialised": Text("{path}: could not serialise the checkpoint ({error})",
                           "{path}: チェックポイントを書き出せませんでした ({error})"),
    "not_saved": Text("could not save the checkpoint {path}: {error}; free some space or choose another folder "
                      "(older checkpoints are intact)",
                      "チェックポイント {path} を保存できませんでした: {error}。空き容量を作るか別のフォルダを選んで"
                      "ください (前のチェックポイントはそのままです)"),
    "none_here": Text("{path}: no checkpoint here (step_N.safetensors with its .json)",
                      "{path}: ここにチェックポイントがありません (step_N.safetensors と対の .json)"),
    "none_in_run": Text("{run_dir}: no checkpoint in {path}", "{run_dir}: {path} にチェックポイントがありません"),
    "skipped": Text("{problem}; trying the previous checkpoint", "{problem}。一つ前のチェックポイントを試します"),
    "missing": Text("{path}: checkpoint file is missing", "{path}: チェックポイントのファイルがありません"),
    "unreadable": Text("{path}: cannot read the checkpoint ({error})", "{path}: チェックポイントを読めません ({error})"),
    # {what} is a technical detail (a key, a dtype, a shape): said as it is in both languages
    "damaged": Text("{path}: damaged checkpoint: {what}", "{path}: チェックポイントが壊れています: {what}"),
}


class CheckpointError(GantunerError, RuntimeError):
    """A checkpoint that cannot be used; the message names the file and what is wrong."""


class CheckpointWriteError(GantunerError, OSError):
    """A checkpoint could not be written (disk full, read-only, folder gone); nothing older was touched."""

    def __init__(self, message: Text | str, code: int | None = None, reason: str = ""):
        GantunerError.__init__(self, message)
        self.errno = code
        self.reason = reason  # the system's own words ("No space left on device"), for a short notice


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


# ---- writing ---------------------------------------------------------------

def save_checkpoint(engine, directory: Path) -> Path:
    """Write ``step_NNNNNN.safetensors`` and ``.json`` durably; return the weights path.

    Raises CheckpointWriteError (an OSError) when the disk refuses; the
    previous checkpoints and any same-named files stay as they were.
    """
    directory = Path(directory)
    stem = f"step_{engine.step_count:06d}"
    weights = directory / f"{stem}.safetensors"
    info = directory / f"{stem}.json"
    tensors, meta = engine_state(engine)
    try:
        blob = serialise(tensors, metadata={"format": FORMAT, "step": str(engine.step_count)})
    except Exception as exc:  # safetensors raises its own SafetensorError
        raise CheckpointWriteError(MESSAGES["not_serialised"].format(path=weights, error=exc)) from None
    text = json.dumps(meta, indent=1).encode("utf-8")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tmp_info = _write_durably(info, text)
        try:
            tmp_weights = _write_durably(weights, blob)
        except BaseException:
            _remove(tmp_info)
            raise
        # JSON first, then the weights: a checkpoint counts once its weights exist.
        os.replace(tmp_info, info)
        os.replace(tmp_weights, weights)
        _sync_folder(directory)
    except OSError as exc:
        raise CheckpointWriteError(MESSAGES["not_saved"].format(path=weights, error=exc.strerror or exc),
                                   exc.errno, reason=str(exc.strerror or exc)) from None
    return weights


def _write_durably(final: Path, data: bytes) -> Path:
    """``data`` in a temporary file beside ``final``, fsynced; returns the temporary path."""
    tmp = final.with_name(f".{final.name}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                if written <= 0:  # pragma: no cover - os.write raises rather than return 0
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _sync_folder(directory: Path) -> None:
    """Make the renames durable (POSIX); a folder that cannot be opened is no error."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# ---- finding ---------------------------------------------------------------

def checkpoints_newest_first(directory: Path) -> list[Path]:
    """Every ``step_N.safetensors`` in ``directory`` with its ``.json``, highest step first."""
    if not Path(directory).is_dir():
        return []
    found = [(int(m.group(1)), p) for p in Path(directory).iterdir()
             if (m := CHECKPOINT_PATTERN.search(p.name)) and p.with_suffix(".json").exists()]
    return [p for _, p in sorted(found, reverse=True)]


def latest_checkpoint(directory: Path) -> Path | None:
    found = checkpoints_newest_first(directory)
    return found[0] if found else None


def first_loadable(directory: Path, load: Callable[[Path], T],
                   on_skip: Callable[[Text], None] | None = None) -> tuple[T, Path]:
    """``load(path)`` of the newest checkpoint that loads, falling back past damaged ones.

    Each damaged checkpoint passed over is told to ``on_skip`` as one line.
    Raises the newest checkpoint's CheckpointError when none loads, and
    CheckpointError when there is none at all.
    """
    candidates = checkpoints_newest_first(directory)
    if not candidates:
        raise CheckpointError(MESSAGES["none_here"].format(path=directory))
    first_error: CheckpointError | None = None
    for path in candidates:
        try:
            return load(path), path
        except CheckpointError as error:
            first_error = first_error or error
            if on_skip is not None and path is not candidates[-1]:
                on_skip(MESSAGES["skipped"].format(problem=error.text))
    assert first_error is not None
    raise first_error


# ---- reading ---------------------------------------------------------------

# The device checkpoints are read onto when the caller does not say (see loading_onto).
_DEVICE: contextvars.ContextVar[str | None] = contextvars.ContextVar("checkpoint_device", default=None)


@contextlib.contextmanager
def loading_onto(device: str | None) -> Iterator[None]:
    """Checkpoints read inside this block train on ``device`` ("cpu", "cuda", "auto"...),
    whatever device they were saved from; None keeps the saved choice."""
    token = _DEVICE.set(device)
    try:
        yield
    finally:
        _DEVICE.reset(token)


def read_checkpoint(path: Path, device: str | None = None) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    """Tensors (on the CPU) and metadata of the checkpoint at ``path``, both checked.

    ``device`` replaces the saved ``device`` knob (the tensors are moved when
    they are restored).  A saved device missing on this machine (a run
    trained on CUDA opened on a laptop) becomes "auto", recorded in
    ``meta["device_fallback"]``.
    """
    from .. import knobs

    path = Path(path)
    info = path.with_suffix(".json")
    meta = _read_meta(info)
    tensors = _read_tensors(path)
    try:
        meta["config"] = knobs.validate_many(meta["config"])
        knobs.validate_many(meta["live"])
    except knobs.KnobError as exc:
        raise _damaged(info, f"a knob value is not usable ({exc})") from None
    _check_halves(path, tensors, meta)
    meta[SOURCE_KEY] = str(path)
    device = device or _DEVICE.get()
    if device:
        meta["config"]["device"] = knobs.validate("device", device)
    elif not _device_available(meta["config"].get("device", "auto")):
        meta["device_fallback"] = meta["config"]["device"]
        meta["config"]["device"] = "auto"
    return tensors, meta


def _read_meta(info: Path) -> dict[str, Any]:
    try:
        meta = json.loads(info.read_bytes())
    except FileNotFoundError:
        raise CheckpointError(MESSAGES["missing"].format(path=info)) from None
    except OSError as exc:
        raise CheckpointError(MESSAGES["unreadable"].format(path=info, error=exc.strerror or exc)) from None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError
        raise _damaged(info, f"not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise _damaged(info, f"holds a JSON {type(meta).__name__}, not an object")
    for key, kind in (("step", int), ("config", dict), ("live", dict), ("optimizers", dict)):
        if key not in meta:
            raise _damaged(info, f"no '{key}' entry")
        if not isinstance(meta[key], kind) or isinstance(meta[key], bool):
            raise _damaged(info, f"'{key}' is a {type(meta[key]).__name__}, not a{'n' if kind is int else ''} "
                                 f"{'integer' if kind is int else 'object'}")
    if meta["step"] < 0:
        raise _damaged(info, f"step {meta['step']} is negative")
    for name in OPTIMIZERS:
        saved = meta["optimizers"].get(name)
        if not isinstance(saved, dict):
            raise _damaged(info, f"no '{name}' optimiser state")
        groups, scalars = saved.get("param_groups"), saved.get("scalars")
        if not isinstance(groups, list) or not groups or not all(isinstance(g, dict) for g in groups):
            raise _damaged(info, f"'{name}.param_groups' is not a list of objects")
        if not isinstance(scalars, dict):
            raise _damaged(info, f"'{name}.scalars' is not an object")
        for key in scalars:
            if not re.fullmatch(r"\d+\.\w+", key):
                raise _damaged(info, f"'{name}.scalars' has a bad key {key!r}")
    return meta


def _read_tensors(path: Path) -> dict[str, torch.Tensor]:
    try:
        tensors = load_file(str(path), device="cpu")
    except FileNotFoundError:
        raise CheckpointError(MESSAGES["missing"].format(path=path)) from None
    except OSError as exc:
        raise CheckpointError(MESSAGES["unreadable"].format(path=path, error=exc.strerror or exc)) from None
    except Exception as exc:  # safetensors raises its own SafetensorError
        raise _damaged(path, f"not a readable safetensors file ({exc})") from None
    for key in ("rng.cpu", "fixed_noise"):
        if key not in tensors:
            raise _damaged(path, f"no '{key}' tensor")
    rng = tensors["rng.cpu"]
    if rng.dtype != torch.uint8 or rng.shape != torch.random.get_rng_state().shape:
        raise _damaged(path, f"'rng.cpu' is {_describe(rng)}, not the CPU random state")
    return tensors


def _check_halves(path: Path, tensors: dict[str, torch.Tensor], meta: dict[str, Any]) -> None:
    """The .json and .safetensors halves belong to the same save."""
    match = CHECKPOINT_PATTERN.search(path.name)
    if match and int(match.group(1)) != meta["step"]:
        raise _damaged(path.with_suffix(".json"), f"it says step {meta['step']} but belongs to "
                                                  f"{path.name} (step {int(match.group(1))}): the halves do not match")
    fixed = tensors["fixed_noise"]
    latent = meta["config"].get("latent_dim")
    if fixed.ndim != 2 or (latent is not None and fixed.shape[1] != latent):
        raise _damaged(path.with_suffix(".json"), f"its model has latent_dim {latent} but 'fixed_noise' in "
                                                  f"{path.name} is {_describe(fixed)}: the halves do not match")


def _device_available(name: str) -> bool:
    if name == "cuda":
        return torch.cuda.is_available()
    if name == "mps":
        mps = getattr(torch.backends, "mps", None)
        return bool(mps and mps.is_available())
    return True


def restore_engine(engine, tensors: dict[str, torch.Tensor], meta: dict[str, Any],
                   source: Path | str | None = None) -> None:
    """Load a checkpoint into an engine built from the same setup knobs.

    Everything is checked against the engine before anything changes; a
    mismatch raises CheckpointError naming ``source`` (by default the file
    read_checkpoint read).
    """
    weights = Path(source or meta.get(SOURCE_KEY) or "checkpoint")
    _check_modules(engine, tensors, weights)
    optimizer_states = {name: _optimizer_state(engine, name, tensors, meta, weights)
                        for name in OPTIMIZERS}
    if tuple(tensors["fixed_noise"].shape) != tuple(engine.fixed_noise.shape) \
            or not tensors["fixed_noise"].is_floating_point():
        raise _damaged(weights, f"'fixed_noise' is {_describe(tensors['fixed_noise'])}, expected "
                                f"{_describe(engine.fixed_noise)}")
    for prefix, module in (("G", engine.G), ("D", engine.D)):
        part = {k[len(prefix) + 1:]: v for k, v in tensors.items() if k.startswith(prefix + ".")}
        module.load_state_dict(part)
    try:
        for name, opt in (("opt_g", engine.opt_g), ("opt_d", engine.opt_d)):
            opt.load_state_dict(optimizer_states[name])
        engine.step_count = int(meta["step"])
        engine.apply_knobs(meta["live"])
        engine._apply_structure()
    except (KeyError, ValueError, TypeError, IndexError, RuntimeError) as exc:
        raise _damaged(weights.with_suffix(".json"), f"the optimiser state does not fit ({exc})") from None
    engine.fixed_noise = tensors["fixed_noise"].to(engine.device, engine.fixed_noise.dtype)
    torch.random.set_rng_state(tensors["rng.cpu"])
    if "rng.cuda" in tensors and engine.device.type == "cuda":
        torch.cuda.set_rng_state(tensors["rng.cuda"], engine.device)


def _check_modules(engine, tensors: dict[str, torch.Tensor], weights: Path) -> None:
    problems: list[str] = []
    for prefix, module in (("G", engine.G), ("D", engine.D)):
        expected = module.state_dict()
        saved = {k[len(prefix) + 1:]: v for k, v in tensors.items() if k.startswith(prefix + ".")}
        missing = [k for k in expected if k not in saved]
        extra = [k for k in saved if k not in expected]
        if missing:
            problems.append(f"missing {prefix}.{missing[0]}" + (f" and {len(missing) - 1} more" if len(missing) > 1 else ""))
        if extra:
            problems.append(f"unexpected {prefix}.{extra[0]}" + (f" and {len(extra) - 1} more" if len(extra) > 1 else ""))
        for key, want in expected.items():
            have = saved.get(key)
            if have is not None and (have.shape != want.shape or have.dtype != want.dtype):
                problems.append(f"{prefix}.{key} is {_describe(have)}, the model needs {_describe(want)}")
        if problems:
            break
    if problems:
        raise _damaged(weights, "; ".join(problems[:3]) + " (saved from another model?)")


def _optimizer_state(engine, name: str, tensors: dict[str, torch.Tensor], meta: dict[str, Any],
                     weights: Path) -> dict[str, Any]:
    opt = getattr(engine, name)
    params = [p for group in opt.param_groups for p in group["params"]]
    saved = meta["optimizers"][name]
    state: dict[int, dict[str, Any]] = {}
    for key, value in tensors.items():
        if not key.startswith(name + "."):
            continue
        parts = key.split(".", 2)
        if len(parts) != 3 or not parts[1].isdigit() or int(parts[1]) >= len(params):
            raise _damaged(weights, f"'{key}' names no parameter of the model")
        index, field = int(parts[1]), parts[2]
        param = params[index]
        if value.ndim and (value.shape != param.shape or value.dtype != param.dtype):
            raise _damaged(weights, f"'{key}' is {_describe(value)}, its parameter is {_describe(param)}")
        if not value.is_floating_point():
            raise _damaged(weights, f"'{key}' is {_describe(value)}, not floating point")
        state.setdefault(index, {})[field] = value.to(engine.device)
    for key, value in saved["scalars"].items():
        index, field = key.split(".", 1)
        if int(index) >= len(params):
            raise _damaged(weights.with_suffix(".json"), f"'{name}.scalars.{key}' names no parameter of the model")
        state.setdefault(int(index), {})[field] = value
    if len(saved["param_groups"]) != len(opt.param_groups):
        raise _damaged(weights.with_suffix(".json"), f"'{name}' has {len(saved['param_groups'])} parameter "
                                                     f"group(s), the model {len(opt.param_groups)}")
    groups = []
    for group in saved["param_groups"]:
        group = dict(group)
        if "betas" in group:
            group["betas"] = tuple(group["betas"])
        groups.append(group)
    return {"state": state, "param_groups": groups}


def _describe(tensor: torch.Tensor) -> str:
    return f"{str(tensor.dtype).replace('torch.', '')} {list(tensor.shape)}"


def _damaged(path: Path, what: str) -> CheckpointError:
    return CheckpointError(MESSAGES["damaged"].format(path=path, what=what))


def load_engine(path: Path, device: str | None = None):
    """A new engine restored from the checkpoint at ``path``."""
    from .. import knobs
    from .engine import Engine

    tensors, meta = read_checkpoint(path, device)
    try:
        engine = Engine(meta["config"])
    except knobs.KnobError as exc:
        raise _damaged(Path(path).with_suffix(".json"), f"its setup is not usable ({exc})") from None
    restore_engine(engine, tensors, meta, path)
    return engine


def load_engine_from_run(run_dir: Path, device: str | None = None,
                         on_skip: Callable[[Text], None] | None = None):
    """The engine as of a run directory's newest checkpoint that loads (older ones stand in for a damaged one)."""
    directory = Path(run_dir) / "checkpoints"
    if not checkpoints_newest_first(directory):
        raise CheckpointError(MESSAGES["none_in_run"].format(run_dir=run_dir, path=directory))
    engine, _ = first_loadable(directory, lambda path: load_engine(path, device), on_skip)
    return engine
