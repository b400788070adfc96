"""Readers that turn training logs into gantuner.metrics.MetricTable.

    from gantuner.logs import read_log
    table = read_log("train.log")            # format detected from the content
    table = read_log("train.log", format="keras-gan")

Formats (FORMATS): the console output of Keras-GAN, PyTorch-GAN,
pytorch/examples' dcgan and Brownlee's book; CSV; TensorBoard event files;
gantuner's own run folders.  Every reader keeps going past damage: lines
that look like metric lines but do not parse are counted in
``skipped_lines`` (the first five, with line numbers, in
``skipped_examples``), other output is ignored, and restarted step counters
are marked in ``events`` (see segments.py; the diagnosis reads
:func:`latest_segment`).  Anything that cannot be read at all raises
:class:`LogError`, whose message names the file and the fix.
"""

from .detect import detect_format
from .errors import LogError
from .follow import LogFollower
from .formats import FORMATS, FORMATS_JA
from .reader import read_log, read_text
from .segments import latest_segment, segment_starts

__all__ = [
    "FORMATS",
    "FORMATS_JA",
    "LogError",
    "LogFollower",
    "detect_format",
    "latest_segment",
    "read_log",
    "read_text",
    "segment_starts",
]
