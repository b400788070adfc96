"""gantuner: tune GANs by hand, with live curves, live knobs and expert hints."""

__version__ = "0.1.0"
