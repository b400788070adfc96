"""A run's sample history as an animated GIF (Pillow does the encoding)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..errors import GantunerError
from ..text import Text

MAX_FRAMES = 400   # a GIF of more frames is skipped through evenly: the file stays small
SCALE_TO = 256     # small grids (8x8 digits) are enlarged, pixels kept sharp


class GifError(GantunerError, ValueError):
    """The GIF could not be made; the message names the problem and the fix."""


NO_SAMPLES = Text("this run has no sample grids yet: train until the first one is saved, then export",
                  "この実行にはまだサンプル画像がありません: 最初の 1 枚が保存されるまで学習してから書き出してください")
NOT_AN_IMAGE = Text("{path}: not a readable sample image ({error}); remove it and export again",
                    "{path}: 読めるサンプル画像ではありません ({error})。取り除いてからもう一度書き出してください")
CANNOT_WRITE = Text("could not write {path}: {error}; choose another folder",
                    "{path} に書き込めませんでした: {error}。別のフォルダを選んでください")


def export_gif(samples: Iterable[tuple[int, Path]], out: Path, frame_ms: int = 120) -> int:
    """Write the sample PNGs (``(step, path)`` in step order) to ``out``; return the frame count."""
    samples = sorted(samples, key=lambda item: item[0])
    if not samples:
        raise GifError(NO_SAMPLES)
    if len(samples) > MAX_FRAMES:
        stride = len(samples) / MAX_FRAMES
        samples = [samples[int(i * stride)] for i in range(MAX_FRAMES - 1)] + [samples[-1]]
    frames = []
    for _step, path in samples:
        try:
            with Image.open(path) as image:
                frame = image.convert("RGB")
        except (OSError, UnidentifiedImageError) as exc:
            raise GifError(NOT_AN_IMAGE.format(path=path, error=exc)) from None
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
        raise GifError(CANNOT_WRITE.format(path=out, error=exc.strerror or exc)) from None
    return len(frames)
