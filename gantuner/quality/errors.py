"""The one exception the quality metrics raise for input they cannot use."""

from __future__ import annotations

from gantuner.errors import GantunerError


class QualityError(GantunerError, ValueError):
    """Samples or resources the metrics cannot use; the message names the problem and the fix."""
