"""The measuring protocol's fixed numbers, importable without torch (the CLI's help uses them)."""

PROTOCOL_SAMPLES = 2500  # generated samples per 2D evaluation, as in the papers
DEFAULT_K = 3            # neighbours for kNN precision/recall
