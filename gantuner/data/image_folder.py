"""A folder of image files (any size, grey or colour, found recursively) as uint8 [N, C, S, S].

Each image is centre-cropped to a square and resized with Pillow (a box
reduction for big factors, then LANCZOS), JPEGs are decoded at reduced scale
when they are much bigger than needed, and EXIF rotation is applied.
Unreadable files are skipped and reported rather than failing the whole folder.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ..text import Text
from .array_images import to_uint8
from .errors import DataError, data_error

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".bmp", ".dib", ".gif", ".webp",
                  ".tif", ".tiff", ".ppm", ".pgm", ".pbm", ".pnm", ".tga", ".ico"}
# Content signatures, so that images without a usual suffix are found too.
_IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM",
                 b"II*\x00", b"MM\x00*")
_GREY_MODES = {"1", "L", "LA", "La", "I", "I;16", "I;16L", "I;16B", "I;16N", "F"}
# Skipped while walking: macOS and version-control litter ("._x.jpg" is metadata, not an image).
_SKIP_DIRS = {"__MACOSX", "__pycache__"}
TOO_MANY_PIXELS = Text("too many pixels for an image, over {limit}: a decompression bomb or a damaged file",
                       "画像としては画素が多すぎます ({limit} 超): 解凍爆弾か壊れたファイルです")
NOT_READABLE = Text("not an image Pillow can read", "Pillow で読める画像ではありません")


@dataclass(frozen=True)
class SkippedFile:
    """An image file in a folder that could not be read, and why."""
    path: Path
    reason: Text


@dataclass
class FolderImages:
    """What :func:`read_image_folder` returns."""
    images: np.ndarray  # uint8 [N, C, S, S]
    skipped: list[SkippedFile]
    ignored_files: int  # files that are not images at all
    source_size: tuple[int, int] | None  # (H, W) shared by every image, else None
    source_channels: int  # 3 when any readable image is colour, else 1


@dataclass
class FolderScan:
    images: list[Path]
    other_files: int


def looks_like_image(head: bytes) -> bool:
    return head.startswith(_IMAGE_MAGICS) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def scan_folder(folder: Path) -> FolderScan:
    """The image files under ``folder`` (recursively, sorted) and how many other files there are.

    A file counts as an image by its suffix, or by its first bytes when the
    suffix is unusual; hidden files and folders are ignored.
    """
    images: list[Path] = []
    other = 0
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.suffix.lower() in IMAGE_SUFFIXES or _sniff_image(path):
                images.append(path)
            else:
                other += 1
    return FolderScan(images, other)


def _sniff_image(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            return looks_like_image(file.read(16))
    except OSError:
        return False


def read_image_folder(folder: Path, image_size: int, channels: int | None,
                      progress: Callable[[int, int], None] | None = None) -> FolderImages:
    """uint8 [N, C, image_size, image_size] from every readable image under ``folder``.

    With ``channels``
    None the result is grey (C = 1) when every image is grey, else colour
    (C = 3, grey images repeated).  Transparent images are composited onto
    black.  ``progress(done, total)`` is called about a hundred times.
    Raises DataError for an empty folder or one without a readable image.
    """
    scan = scan_folder(folder)
    if not scan.images:
        if scan.other_files == 0:
            raise data_error("empty_folder", folder)
        raise data_error("no_images", folder, skipped=0, ignored=scan.other_files)
    pictures: list[np.ndarray] = []
    skipped: list[SkippedFile] = []
    sizes: set[tuple[int, int]] = set()
    any_colour = False
    total = len(scan.images)
    every = max(1, total // 100)
    for done, path in enumerate(scan.images, start=1):
        try:
            picture, size, colour = _read_one(path, image_size, channels)
            pictures.append(picture)
            sizes.add(size)
            any_colour = any_colour or colour
        except DataError as error:
            skipped.append(SkippedFile(path, error.text))
        # Pillow's decoders raise many types (OSError, SyntaxError, struct.error, ...)
        # on broken files; any of them means "skip this file", never "stop the load".
        except Exception as error:  # noqa: BLE001
            skipped.append(SkippedFile(path, _skip_reason(error)))
        if progress is not None and (done % every == 0 or done == total):
            progress(done, total)
    if not pictures:
        raise data_error("no_images", folder, skipped=len(skipped), ignored=scan.other_files)
    if channels is None:
        channels = 3 if any_colour else 1
    stacked = np.empty((len(pictures), channels, image_size, image_size), dtype=np.uint8)
    for index, picture in enumerate(pictures):
        if picture.ndim == 2:
            stacked[index] = picture  # broadcast grey into every channel
        else:
            stacked[index] = picture.transpose(2, 0, 1)
    common = sizes.pop() if len(sizes) == 1 else None
    return FolderImages(stacked, skipped, scan.other_files, common, 3 if any_colour else 1)


def _skip_reason(error: Exception) -> Text:
    """Why an image was skipped, in a few words (the file is named beside it)."""
    if isinstance(error, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
        return TOO_MANY_PIXELS.format(limit=f"{Image.MAX_IMAGE_PIXELS:,}")
    if isinstance(error, UnidentifiedImageError):
        return NOT_READABLE
    text = str(error).splitlines()[0] if str(error) else ""
    text = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return Text(text if len(text) <= 100 else text[:97] + "...")


def _read_one(path: Path, image_size: int,
              channels: int | None) -> tuple[np.ndarray, tuple[int, int], bool]:
    """One image as uint8 [S, S] (grey) or [S, S, 3] (colour), its stored (H, W), and whether it is colour."""
    # Pillow warns (and only warns) about images up to twice its pixel limit: here that
    # is a skip with a reason, not a raw warning printed to the terminal.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return _decode(path, image_size, channels)


def _decode(path: Path, image_size: int,
            channels: int | None) -> tuple[np.ndarray, tuple[int, int], bool]:
    with Image.open(path) as opened:
        source_size = (opened.height, opened.width)
        # Decode big JPEGs at 1/2, 1/4 or 1/8 scale; both sides stay >= image_size.
        opened.draft(None, (image_size, image_size))
        image = ImageOps.exif_transpose(opened)
        if image is opened:
            image.load()
        image = _as_plain_mode(image, path)
    colour = image.mode == "RGB"
    if channels == 1 and image.mode == "RGB":
        image = image.convert("L")
    elif channels == 3 and image.mode == "L":
        image = image.convert("RGB")
    side = min(image.width, image.height)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    if image.width != image.height:
        # Crop before resizing (not resize(box=...)), so pixels outside the square never
        # bleed in through the filter: the same result as the array path gives.
        image = image.crop((left, top, left + side, top + side))
    if side != image_size:
        image = image.resize((image_size, image_size), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return np.asarray(image, dtype=np.uint8), source_size, colour


def _as_plain_mode(image: Image.Image, path: Path) -> Image.Image:
    """``image`` as 8-bit "L" (grey sources) or "RGB" (colour), transparency composited onto black."""
    if image.mode == "P":
        has_alpha = "transparency" in image.info or image.palette.mode == "RGBA"
        image = image.convert("RGBA" if has_alpha else "RGB")
        # A palette image is grey when its colours are; GIF digits stay one channel.
        bands = np.asarray(image)
        if np.array_equal(bands[..., 0], bands[..., 1]) and np.array_equal(bands[..., 1], bands[..., 2]):
            image = image.convert("LA" if has_alpha else "L")
    elif image.mode in ("PA",):
        image = image.convert("RGBA")
    elif "transparency" in image.info and image.mode in ("L", "RGB"):
        image = image.convert("LA" if image.mode == "L" else "RGBA")
    if image.mode in ("I", "I;16", "I;16L", "I;16B", "I;16N", "F"):
        values, _ = to_uint8(np.asarray(image), path)  # 16-bit and float scaling rules
        image = Image.fromarray(values)  # 2-D uint8 -> mode "L"
    if image.mode in ("LA", "La", "RGBA", "RGBa"):
        return _onto_black(image)
    if image.mode in _GREY_MODES:
        return image.convert("L")
    return image if image.mode == "RGB" else image.convert("RGB")


def _onto_black(image: Image.Image) -> Image.Image:
    """Composite an image with alpha onto black (colour under transparent pixels would be noise)."""
    grey = image.mode in ("LA", "La")
    base = image.convert("LA" if grey else "RGBA")
    background = Image.new("L" if grey else "RGB", base.size, 0)
    background.paste(base.convert("L" if grey else "RGB"), mask=base.getchannel("A"))
    return background
