"""A run's sample history as an animated GIF (Pillow does the encoding)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MAX_FRAMES = 400   # a GIF of more frames is skipped through evenly: the file stays small
SCALE_TO = 256     # small grids (8x8 digits) are enlarged, pixels kept sharp


class GifError(ValueError):
    """The GIF could not be made; the message names the problem and the fix."""


def export_gif(samples: Iterable[tuple[int, Path]], out: Path, frame_ms: int = 120) -> int:
    """Write the sample PNGs (``(step, path)`` in step order) to ``out``; return the frame count."""
    samples = sorted(samples, key=lambda item: item[0])
    if not samples:
        raise GifError("this run has no sample grids yet: train until the first one is saved, then export")
    if len(samples) > MAX_FRAMES:
        stride = len(samples) / MAX_FRAMES
        samples = [samples[int(i * stride)] for i in range(MAX_FRAMES - 1)] + [samples[-1]]
    frames = []
    for _step, path in samples:
        try:
            with Image.open(path) as image:
                frame = image.convert("RGB")
        except (OSError, UnidentifiedImageError) as exc:
            raise GifError(f"{path}: not a readable sample image ({exc}); remove it and export again") from None
        if max(frame.size) < SCALE_TO:
            factor = max(1, SCALE_TO // max(frame.size))
            frame = frame.resize((frame.width * factor, frame.height * factor), Image.Resampling.NEAREST)
        frames.append(frame)
    size = frames[0].size
    frames = [f if f.size == size else f.resize(size, Image.Resampling.NEAREST) for f in frames]
    out = Path(out)
    try:
        frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=int(frame_ms),
                       loop=0, optimize=False)
    except OSError as exc:
        raise GifError(f"could not write {out}: {exc.strerror or exc}; choose another folder") from None
    return len(frames)
