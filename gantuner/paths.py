"""Where gantuner finds its shipped resources and keeps the user's runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def resources_dir() -> Path:
    """The folder of shipped resources (sample logs, weights, translations, data).

    An installed wheel carries it as the package ``gantuner.resources``; a
    source checkout or an editable install has it at the repository's top level.
    """
    spec = importlib.util.find_spec("gantuner.resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_runs_dir() -> Path:
    """Runs go under the user's data folder unless --out or the preferences say otherwise."""
    from platformdirs import user_data_path

    return user_data_path("gantuner", appauthor=False) / "runs"
