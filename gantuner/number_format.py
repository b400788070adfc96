"""Numbers as the user reads them: one rule for each kind of number, used everywhere.

* :func:`setting`: a knob's value or bound, compact and exact enough to type
  back (``2e-4``, ``0.5``, ``64``);
* :func:`measured`: what training measured (losses, norms, quality numbers,
  evidence): ``digits`` significant digits, plain between 0.001 and 10,000
  (with a thousands separator from 100), scientific outside; ``n/a`` for NaN
  (a column a log does not have);
* :func:`percent`: a share as a percentage in each language's typography
  (``99.7 %``, ``99.7%``);
* :func:`count`: steps and other counts (``5,350``);
* :func:`fixed`: a number on a known scale, with the same decimals whatever its
  value so that neighbours line up: D's outputs, a correlation, a smoothing
  weight (``0.912``, ``0.900``);
* :func:`rate`: training speed in steps per second (``12.3``, ``184``);
* :func:`duration`: elapsed time on a clock (``1:02:05``);
* :func:`seconds`: a timing (``1.25 s``);
* :func:`byte_size`: file sizes (``1.5 GiB``).
"""

from __future__ import annotations

import math

_GIB = 1024 ** 3
_MIB = 1024 ** 2


def setting(value: float, digits: int = 3) -> str:
    """``0.0002`` -> ``2e-4``; ``0.5`` -> ``0.5``; ``1.0`` -> ``1``.  Values below 0.01 or
    from 100,000 up in scientific notation with ``digits`` significant digits (trailing
    zeros dropped); others with up to 6 significant digits."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    value = float(value)
    if value != 0 and math.isfinite(value) and (abs(value) < 1e-2 or abs(value) >= 1e5):
        mantissa, exponent = f"{value:.{max(digits, 1) - 1}e}".split("e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}e{int(exponent)}"
    return f"{value:.6g}"


def measured(x: float | None, digits: int = 3) -> str:
    """Losses, norms and quality numbers: ``digits`` significant digits."""
    if x is None or math.isnan(x):
        return "n/a"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "0"
    if abs(x) >= 1e4 or abs(x) < 1e-3:
        return f"{x:.{digits - 1}e}"
    return f"{x:.{digits}g}" if abs(x) < 100 else f"{x:,.0f}"


def percent(share: float | None, language: str = "en", whole: bool = False) -> str:
    """0.9969 -> '99.7 %' (en) / '99.7%' (ja); whole numbers stay short, and
    ``whole`` rounds to them (a before/after comparison needs no decimals)."""
    if share is None or not math.isfinite(share):
        return "?"
    value = 100.0 * share
    text = f"{value:.0f}" if whole or abs(value - round(value)) < 0.05 else f"{value:.1f}"
    return text + ("%" if language == "ja" else " %")


def count(n: float) -> str:
    """5350 -> '5,350'."""
    return f"{int(round(n)):,}"


def fixed(x: float | None, decimals: int = 3) -> str:
    """0.91234 -> '0.912'; 0.9 -> '0.900': ``decimals`` decimals always; ``n/a`` for NaN."""
    if x is None or math.isnan(x):
        return "n/a"
    return f"{x:.{decimals}f}"


def rate(per_second: float) -> str:
    """Steps per second: 12.345 -> '12.3' (one decimal below 100); 184.4 -> '184'; 1234.5 -> '1,234'
    (whole from 100, where a tenth is noise)."""
    if not math.isfinite(per_second):
        return "n/a"
    return f"{per_second:.1f}" if abs(per_second) < 100 else f"{per_second:,.0f}"


def duration(elapsed_s: float) -> str:
    """3725.4 -> '1:02:05' (hours:minutes:seconds, whole seconds)."""
    s = int(elapsed_s)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def seconds(value: float, decimals: int = 1) -> str:
    """1.2345 -> '1.2 s' (``decimals`` decimals)."""
    return f"{value:.{decimals}f} s"


def byte_size(n: int) -> str:
    """1610612736 -> '1.5 GiB'; 3145728 -> '3.0 MiB'; 512 -> '512 bytes'."""
    if n >= _GIB:
        return f"{n / _GIB:,.1f} GiB"
    return f"{n / _MIB:,.1f} MiB" if n >= _MIB else f"{n:,} bytes"
