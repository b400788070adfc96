"""Turn any reasonable image array into uint8 [N, C, S, S]: layout, value range, channels, size.

Shared by the IDX, CIFAR and .npy/.npz readers.  Resizing runs in torch on
chunks of images (one C call per chunk) because Pillow one image at a time
takes minutes for 60,000 MNIST digits.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from .. import number_format
from .errors import data_error

# Images per interpolate call are chosen so that one uint8 chunk stays near this size.
_CHUNK_BYTES = 16 * 2**20
# Flattened rows [N, s*s] are read as grey s x s images only from this side up,
# so that small feature tables are not mistaken for images.
_MIN_FLAT_SIDE = 8


def value_rule(images: np.ndarray) -> str:
    """How :func:`to_uint8` reads the values of ``images`` ("" when it cannot)."""
    if images.dtype == np.uint8:
        return "uint8"
    if images.dtype == np.bool_:
        return "bool"
    if not (np.issubdtype(images.dtype, np.integer) or np.issubdtype(images.dtype, np.floating)):
        return ""
    low, high = float(images.min()), float(images.max())
    if np.issubdtype(images.dtype, np.integer):
        if low >= 0 and high <= 255:
            return "0..255"
        if low >= 0 and high <= 65535:
            return "0..65535"
        return ""
    # Floats: a small tolerance lets 1.0000001 after arithmetic still count as 1.
    tolerance = 1e-3
    if low >= -tolerance and high <= 1 + tolerance:
        return "0..1"
    if low >= -1 - tolerance and high <= 1 + tolerance:
        return "-1..1"
    if low >= -tolerance and high <= 255 + tolerance:
        return "0..255"
    return ""


def to_uint8(images: np.ndarray, path: Path) -> tuple[np.ndarray, str]:
    """``images`` as uint8 0..255, and the rule used.

    The rule, from the array's type and its smallest and largest values:
    uint8 as is; bool -> 0 / 255; integers in 0..255 as is; integers in
    0..65535 (16-bit) divided by 257; floats in 0..1 times 255; floats in
    -1..1 (with some value below 0) mapped by (x + 1) * 127.5; floats in 0..255
    as is.  Floats are rounded and clipped.  Anything else (NaN, other ranges,
    text, objects) raises DataError naming ``path``.
    """
    if images.dtype == np.uint8:
        return images, "uint8"
    if images.dtype.kind not in "biuf":
        raise data_error("bad_dtype", path, dtype=str(images.dtype))
    if images.dtype.kind == "f" and not np.isfinite(images).all():
        raise data_error("not_finite", path)
    rule = value_rule(images)
    if not rule:
        raise data_error("value_range", path, low=number_format.measured(float(images.min()), digits=4),
                         high=number_format.measured(float(images.max()), digits=4))
    if rule == "bool":
        return images.astype(np.uint8) * np.uint8(255), rule
    if rule == "0..65535":
        return ((images.astype(np.uint32) + 128) // 257).astype(np.uint8), rule
    if images.dtype.kind in "iu":
        return images.astype(np.uint8), rule
    scaled = images.astype(np.float32)
    if rule == "0..1":
        scaled *= 255.0
    elif rule == "-1..1":
        scaled += 1.0
        scaled *= 127.5
    np.rint(scaled, out=scaled)
    np.clip(scaled, 0, 255, out=scaled)
    return scaled.astype(np.uint8), rule


def to_nchw(images: np.ndarray, path: Path) -> tuple[np.ndarray, str]:
    """``images`` rearranged to [N, C, H, W] (a view where possible), and the layout it had.

    Accepted: [N, H, W]; [N, H, W, C] and [N, C, H, W] with C in 1, 3, 4 (the
    last axis wins when both could be channels); [N, s*s] rows of flattened grey
    images with s >= 8.  An [N, 2] array is 2D points and gets its own message.
    """
    shape = tuple(int(n) for n in images.shape)
    if images.ndim == 2 and shape[1] == 2:
        raise data_error("points_not_images", path, shape=list(shape))
    if images.ndim in (2, 3, 4) and shape[0] == 0:
        raise data_error("no_items", path, shape=list(shape))
    if images.ndim == 2:
        side = math.isqrt(shape[1])
        if side * side == shape[1] and side >= _MIN_FLAT_SIDE:
            return images.reshape(shape[0], 1, side, side), "N,H*W"
        raise data_error("bad_shape", path, shape=list(shape),
                         reason=f"rows of {shape[1]} values are not square grey images")
    if images.ndim == 3:
        result, layout = images[:, None, :, :], "N,H,W"
    elif images.ndim == 4:
        if shape[3] in (1, 3, 4):
            result, layout = images.transpose(0, 3, 1, 2), "N,H,W,C"
        elif shape[1] in (1, 3, 4):
            result, layout = images, "N,C,H,W"
        else:
            raise data_error("bad_shape", path, shape=list(shape),
                             reason="neither the second nor the last axis has 1, 3 or 4 channels")
    else:
        raise data_error("bad_shape", path, shape=list(shape),
                         reason=f"{images.ndim} dimensions; images need 3 or 4")
    height, width = result.shape[2], result.shape[3]
    if min(height, width) < 2:
        raise data_error("bad_shape", path, shape=list(shape),
                         reason=f"images of {height}x{width} pixels are too small; for one image "
                                "add a leading axis, x[None]")
    return result, layout


def drop_alpha(images: np.ndarray) -> np.ndarray:
    """uint8 [N, 4, H, W] RGBA -> [N, 3, H, W] RGB composited onto black.

    Compositing (rgb * alpha) rather than just dropping alpha keeps whatever
    colour happens to sit under fully transparent pixels out of the data.
    """
    rgb = images[:, :3].astype(np.uint16)
    alpha = images[:, 3:4].astype(np.uint16)
    return ((rgb * alpha + 127) // 255).astype(np.uint8)


def grey_from_rgb(images: np.ndarray) -> np.ndarray:
    """uint8 [N, 3, H, W] -> [N, 1, H, W] with Pillow's "L" weights (ITU-R 601-2), same rounding."""
    r, g, b = (images[:, i:i + 1].astype(np.uint32) for i in range(3))
    return ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16).astype(np.uint8)


def set_channels(images: np.ndarray, channels: int | None) -> np.ndarray:
    """uint8 [N, C, H, W] with C in 1, 3 -> the asked channel count (None keeps C)."""
    have = images.shape[1]
    if channels is None or channels == have:
        return images
    if channels == 3:
        return np.repeat(images, 3, axis=1)
    return grey_from_rgb(images)


def center_square(images: np.ndarray) -> np.ndarray:
    """The central square of [N, C, H, W] images, side min(H, W) (a view)."""
    height, width = images.shape[2], images.shape[3]
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    return images[:, :, top:top + side, left:left + side]


def resize_square(images: np.ndarray, size: int) -> np.ndarray:
    """uint8 [N, C, H, W] -> uint8 [N, C, size, size]: centre-cropped to a square, then resized.

    Cropping the central min(H, W) square and resizing it is the same as
    resizing the short side to ``size`` and cropping the middle.  Resizing is
    bilinear with antialiasing (a proper low-pass filter when shrinking) on
    uint8 directly: torch's integer kernel is 3-10x faster than float32 here,
    differs from it by at most 1 level, and keeps flat colours exact.  Chunks
    bound the memory.
    """
    square = center_square(images)
    side = square.shape[2]
    if side == size:
        return np.ascontiguousarray(square)
    count, channels = square.shape[0], square.shape[1]
    out = np.empty((count, channels, size, size), dtype=np.uint8)
    per_chunk = max(1, _CHUNK_BYTES // (channels * max(side, size) ** 2))
    with torch.no_grad():
        for start in range(0, count, per_chunk):
            chunk = np.ascontiguousarray(square[start:start + per_chunk])
            if not chunk.flags.writeable:  # torch warns on read-only buffers (IDX frombuffer)
                chunk = chunk.copy()
            out[start:start + per_chunk] = F.interpolate(
                torch.from_numpy(chunk), size=(size, size), mode="bilinear",
                antialias=True, align_corners=False).numpy()
    return out


def standardize(images: np.ndarray, path: Path, image_size: int,
                channels: int | None) -> tuple[np.ndarray, dict]:
    """Any accepted image array -> uint8 [N, C, image_size, image_size], plus facts for the report.

    The facts: "layout" (the input layout), "value_rule" (see :func:`to_uint8`),
    "source_size" (H, W), "source_channels" (1 or 3, after alpha) and
    "alpha_composited" (bool).
    """
    nchw, layout = to_nchw(images, path)
    as_uint8, rule = to_uint8(nchw, path)
    alpha = as_uint8.shape[1] == 4
    if alpha:
        as_uint8 = drop_alpha(as_uint8)
    facts = {"layout": layout, "value_rule": rule, "source_size": tuple(nchw.shape[2:]),
             "source_channels": int(as_uint8.shape[1]), "alpha_composited": alpha}
    # Resize before widening grey to RGB (a third of the work); narrow RGB to grey first.
    if channels == 1:
        as_uint8 = set_channels(as_uint8, 1)
    resized = resize_square(as_uint8, image_size)
    return set_channels(resized, channels), facts
