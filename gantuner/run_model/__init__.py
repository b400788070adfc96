"""The run as the window shows it, without Qt: one column store of rows, the
events, the knobs in force and the ones asked for but not yet in force.

Views observe a :class:`RunModel` (as napari's Qt views observe its
``ViewerModel``); nothing here imports Qt or torch, so it is tested headless.
``loader`` (reading a run directory for display) is imported on its own:
it reads run files through the training package.
"""

from ..columns import ColumnStore
from .model import RunModel, RunObserver

__all__ = ["ColumnStore", "RunModel", "RunObserver"]
