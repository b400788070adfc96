"""A user's own data files: what format a path holds, and its images or 2D points as arrays.

Entry points:

- :func:`detect_format` -> "image_folder" | "idx" | "cifar10" | "npy" | "npz", from content.
- :func:`load_image_source` -> uint8 [N, C, S, S] images (C = 1 or 3).
- :func:`load_images_with_report` -> the same plus a :class:`LoadReport` (which
  files were used, unreadable images skipped in a folder, how values were scaled).
- :func:`load_points_source` -> float32 [N, 2] points from .csv/.txt/.npy/.npz.

Every problem raises :class:`DataError` whose one-line message names the file
and the fix (``error.message("ja")`` gives it in Japanese).  Nothing here runs
code from a file: pickles go through a restricted unpickler, numpy files are
read with ``allow_pickle=False``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import printable
from ..text import Text
from . import cifar_files, idx_files, image_folder, numpy_files
from .array_images import standardize
from .errors import DataError, data_error
from .image_folder import IMAGE_SUFFIXES, SkippedFile, looks_like_image
from .points_files import load_points
from .raw_bytes import GZIP_MAGIC, read_head, read_head_unzipped

__all__ = ["DataError", "LoadReport", "SkippedFile", "FORMATS", "detect_format",
           "load_image_source", "load_images_with_report", "load_points_source"]

FORMATS = ("image_folder", "idx", "cifar10", "npy", "npz")
SKIPPED_SHOWN = 3  # skipped files named in the summary
_TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}

LOADED = Text("Loaded {count} images from {path} ({colour}, {size} -> {target}).",
              "{path} から画像 {count} 枚を読み込みました（{colour}、{size} → {target}）。")
SKIPPED = Text("Skipped {count} unreadable image(s): {names}", "読めない画像 {count} 個を飛ばしました: {names}")
AND_MORE = Text("and {more} more", "ほか {more} 個")
COLOUR, GREY = Text("colour", "カラー"), Text("grey", "グレー")


@dataclass
class LoadReport:
    """What :func:`load_images_with_report` read and how.

    ``value_rule`` is how pixel values were read ("uint8", "0..1", "-1..1",
    "0..255", "0..65535", "bool"; see ``array_images.to_uint8``).
    ``source_size`` is the stored (H, W), or None for a folder of mixed sizes.
    ``skipped`` lists unreadable images in a folder; ``ignored_files`` counts
    files there that are not images at all.
    """
    path: Path
    format: str
    count: int
    image_size: int
    channels: int
    source_channels: int
    source_size: tuple[int, int] | None
    source_files: list[str] = field(default_factory=list)
    value_rule: str = "uint8"
    alpha_composited: bool = False
    skipped: list[SkippedFile] = field(default_factory=list)
    ignored_files: int = 0

    def summary(self, language: str = "en") -> str:
        """One line for the user: how many images, their size, and what was skipped."""
        return self.summary_text().get(language)

    def summary_text(self) -> Text:
        """:meth:`summary` in both languages."""
        size = (Text(f"{self.source_size[0]}x{self.source_size[1]}") if self.source_size
                else Text("various sizes", "さまざまなサイズ"))
        text = LOADED.format(count=f"{self.count:,}", path=self.path, size=size,
                             target=f"{self.image_size}x{self.image_size}",
                             colour=COLOUR if self.channels == 3 else GREY)
        if self.skipped:
            text = Text.join(text, SKIPPED.format(count=len(self.skipped), names=self._skipped_names()))
        return text.map(printable)

    def _skipped_names(self) -> Text:
        """The first few skipped files with why, e.g. "a.png (not an image), b.jpg (too many pixels)"."""
        shown = [Text("{name} ({reason})").format(name=skipped.path.name, reason=skipped.reason)
                 for skipped in self.skipped[:SKIPPED_SHOWN]]
        more = len(self.skipped) - len(shown)
        if more > 0:
            shown.append(AND_MORE.format(more=more))
        return Text.join(*shown, english_separator=", ", japanese_separator=", ")


def detect_format(path: str | Path) -> str:
    """Which of :data:`FORMATS` ``path`` holds, judged by content (names only help in folders).

    A folder is "idx" when it (or MNIST/raw-style folders up to three levels
    below) holds train-images-idx3-ubyte[.gz] or t10k-images..., "cifar10" when
    it holds data_batch_N / test_batch files, else "image_folder".  A file is
    recognised by its first bytes: IDX header (plain or gzipped), numpy
    magic, zip (npz), binary pickle or tar archive (CIFAR-10).
    Raises DataError for a missing path, an empty folder, a single image,
    text/CSV and anything unrecognised.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise data_error("missing", path)
    if path.is_dir():
        return _detect_folder(path)
    return _detect_file(path)


def _detect_folder(folder: Path) -> str:
    if idx_files.find_images_file(folder) is not None:
        return "idx"
    if cifar_files.find_batches(folder):
        return "cifar10"
    scan = image_folder.scan_folder(folder)
    if not scan.images:
        if scan.other_files == 0:
            raise data_error("empty_folder", folder)
        raise data_error("no_images", folder, skipped=0, ignored=scan.other_files)
    return "image_folder"


def _detect_file(path: Path) -> str:
    head = read_head(path, 1024)
    if not head:
        raise data_error("unknown_file", path, what="the file is empty")
    content = read_head_unzipped(path, 1024) if head.startswith(GZIP_MAGIC) else head
    if idx_files.looks_like_idx(content):
        return "idx"
    if content.startswith(numpy_files.NPY_MAGIC):
        return "npy"
    if content.startswith(numpy_files.ZIP_MAGICS):
        return "npz"
    if cifar_files.looks_like_pickle(content) or cifar_files.looks_like_tar(content):
        return "cifar10"
    if cifar_files.is_batch_name(path.name):
        return "cifar10"  # e.g. a protocol 0 pickle; the loader judges the content
    if looks_like_image(head) or _pillow_can_open(path):
        raise data_error("single_image", path, folder=path.parent)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        raise data_error("not_an_image", path, reason="unrecognised content")
    if head.startswith(GZIP_MAGIC):
        raise data_error("unknown_file", path, what="gzip holding neither an IDX file nor a tar archive")
    if path.suffix.lower() in _TEXT_SUFFIXES or _is_text(head):
        raise data_error("text_for_images", path)
    raise data_error("unknown_file", path, what="unrecognised content")


def _pillow_can_open(path: Path) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path):
            return True
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return False


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


def load_image_source(path: str | Path, image_size: int, channels: int | None = None) -> np.ndarray:
    """uint8 [N, C, image_size, image_size] images from ``path`` (C = 1 or 3).

    ``channels`` None keeps the source's own (grey -> 1, colour -> 3); 1 or 3
    converts (grey uses Pillow's ITU-R 601-2 weights).  Images are centre-cropped
    to a square and resized.  Float arrays are scaled to 0..255 by their range:
    0..1 -> x*255, -1..1 -> (x+1)*127.5, 0..255 as is (see
    :func:`load_images_with_report` for everything else).  Unreadable images in
    a folder are skipped silently here; use :func:`load_images_with_report` to
    learn which.
    """
    return load_images_with_report(path, image_size, channels)[0]


def load_images_with_report(path: str | Path, image_size: int, channels: int | None = None, *,
                            progress: Callable[[int, int], None] | None = None
                            ) -> tuple[np.ndarray, LoadReport]:
    """(images, report): :func:`load_image_source` plus what was read, skipped and scaled.

    Per format: an image folder reads every image found recursively (PNG, JPEG,
    BMP, GIF, WebP, TIFF, ...; hidden files and __MACOSX ignored), resizing
    each with Pillow (box reduction, then LANCZOS), skipping unreadable ones;
    "idx" reads one MNIST-style images file (a folder gives its training
    images); "cifar10" reads one batch, or all training batches of a folder
    or downloaded .tar.gz; "npy"/"npz" read the array (in .npz the one named
    images, x, x_train or data, else the first with 3 or 4 dimensions) of shape
    [N,H,W], [N,H,W,C], [N,C,H,W] (C = 1, 3, 4) or [N, s*s] flattened grey.
    Arrays are resized in chunks with torch (bilinear, antialiased).
    Value rules for arrays: uint8 as is; integers 0..255 as is; 16-bit
    integers (up to 65535) / 257; bool -> 0 / 255; floats whose values lie in
    0..1 -> x*255, in -1..1 with some below 0 -> (x+1)*127.5, in 0..255 as is;
    other ranges, NaN or infinity raise DataError.  Alpha is composited onto black.
    ``progress(done, total)`` reports folder loading (ignored for single files).
    """
    if channels not in (None, 1, 3):
        raise ValueError(f"channels={channels!r}: use None (keep the source's), 1 or 3")
    if not isinstance(image_size, (int, np.integer)) or image_size < 1:
        raise ValueError(f"image_size={image_size!r}: use a positive number of pixels, e.g. 32")
    image_size = int(image_size)
    path = Path(path).expanduser()
    kind = detect_format(path)
    if kind == "image_folder":
        loaded = image_folder.read_image_folder(path, image_size, channels, progress)
        report = LoadReport(path, kind, len(loaded.images), image_size, int(loaded.images.shape[1]),
                            loaded.source_channels, loaded.source_size, source_files=[str(path)],
                            skipped=loaded.skipped, ignored_files=loaded.ignored_files)
        return loaded.images, report
    raw, source_files, key = _read_array_source(path, kind)
    # Name the very file for IDX (a folder may hold several); the chosen path otherwise.
    images, facts = standardize(raw, Path(source_files[0]) if kind == "idx" else path,
                                image_size, channels)
    if not images.flags.writeable:  # np.frombuffer views (IDX) are read-only
        images = images.copy()
    report = LoadReport(path, kind, len(images), image_size, int(images.shape[1]),
                        facts["source_channels"], facts["source_size"],
                        source_files=[f"{f}:{key}" if key else f for f in source_files],
                        value_rule=facts["value_rule"], alpha_composited=facts["alpha_composited"])
    return images, report


def _read_array_source(path: Path, kind: str) -> tuple[np.ndarray, list[str], str]:
    """The raw image array of a non-folder source, the files it came from and the .npz key."""
    if kind == "idx":
        file = idx_files.find_images_file(path) if path.is_dir() else path
        assert file is not None  # detect_format found it
        return idx_files.read_idx_images(file), [str(file)], ""
    if kind == "cifar10":
        images, batches = cifar_files.read_cifar(path)
        return images, batches, ""
    if kind == "npy":
        return numpy_files.load_npy(path), [str(path)], ""
    array, key = numpy_files.load_npz_member(
        path, numpy_files.IMAGE_KEYS, _fits_images, "npz_no_images")
    return array, [str(path)], key


def _fits_images(shape: tuple[int, ...]) -> bool:
    return len(shape) in (3, 4)


def load_points_source(path: str | Path) -> np.ndarray:
    """float32 [N, 2] 2D points from .csv/.txt (one "x, y" per line) or .npy/.npz ([N, 2]).

    In .npz the array named points, xy, x, data or x_train is used, else the
    first [N, 2] one.  See :mod:`gantuner.data.points_files` for the text rules
    (separators, header with x and y columns, comments).  Raises DataError
    naming the file, and the line for text.
    """
    return load_points(Path(path).expanduser())
