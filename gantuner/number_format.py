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


def byte_size(n: int) -> str:
    """1610612736 -> '1.5 GiB'; 3145728 -> '3.0 MiB'; 512 -> '512 bytes'."""
    if n >= _GIB:
        return f"{n / _GIB:,.1f} GiB"
    return f"{n / _MIB:,.1f} MiB" if n >= _MIB else f"{n:,} bytes"
