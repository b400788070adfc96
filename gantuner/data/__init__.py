"""Training data: the built-in sets and a user's own files, on the training device."""

from __future__ import annotations

from pathlib import Path

import torch

from ..knobs import TWO_D_DATASETS
from .dataset import Dataset, ImageDataset, MixtureDataset, MixtureSpec, PointsDataset, to_model_space, to_uint8
from .mixtures import grid_spec, ring_spec, spiral_points

__all__ = [
    "Dataset", "ImageDataset", "MixtureDataset", "MixtureSpec", "PointsDataset",
    "load_dataset", "dataset_kind", "to_model_space", "to_uint8",
]

_POINT_SUFFIXES = {".csv"}


def dataset_kind(name: str) -> str:
    """"points" or "images", without loading anything (for choosing the model)."""
    if name in TWO_D_DATASETS:
        return "points"
    if name == "digits":
        return "images"
    path = Path(name)
    if path.suffix.lower() in _POINT_SUFFIXES:
        return "points"
    if path.suffix.lower() in (".npy", ".npz") and path.is_file():
        return "points" if _array_is_points(path) else "images"
    return "images"


def _array_is_points(path: Path) -> bool:
    """True for an [N, 2] array: a user's own 2D data rather than images."""
    import numpy as np

    try:
        loaded = np.load(path, allow_pickle=False, mmap_mode="r")
        if isinstance(loaded, np.lib.npyio.NpzFile):
            from .numpy_files import member_shape

            with loaded:  # the header only: a member is never read whole just to learn its shape
                shape = member_shape(loaded, loaded.files[0], path) if loaded.files else None
        else:
            shape = loaded.shape
    except Exception:  # unreadable: let the image loader report it properly
        return False
    return shape is not None and len(shape) == 2 and shape[1] == 2


def load_dataset(name: str, image_size: int, device: torch.device | str) -> Dataset:
    """The dataset called ``name`` (built-in) or stored at the path ``name``.

    Raises :class:`gantuner.data.errors.DataError` with a message naming the
    file and the problem when a path cannot be used.
    """
    device = torch.device(device)
    if name == "ring":
        return MixtureDataset("ring", ring_spec(), device)
    if name == "grid":
        return MixtureDataset("grid", grid_spec(), device)
    if name == "spiral":
        return PointsDataset("spiral", spiral_points(), device, jitter=0.01)
    if name == "digits":
        from .builtin import load_digits

        images, labels = load_digits(image_size)
        return ImageDataset("digits", images, device, labels=labels)
    from . import files
    from .errors import data_error

    path = Path(name).expanduser()
    if not path.exists():
        raise data_error("unknown_dataset", name)
    if dataset_kind(str(path)) == "points":
        return PointsDataset(path.name, files.load_points_source(path), device)
    images, report = files.load_images_with_report(path, image_size)
    dataset = ImageDataset(path.name, images, device)
    if report.skipped:  # unreadable images are told, never dropped silently
        dataset.load_notes = (report.summary_text(),)
    return dataset
