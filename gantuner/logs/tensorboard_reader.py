"""TensorBoard event files into a MetricTable, without TensorFlow.

``tensorboard`` is an optional dependency (``pip install "gantuner[tensorboard]"``);
its EventAccumulator reads the files.  ``size_guidance={'scalars': 0}`` keeps
every point (the default keeps a sample of 10,000).

Tags are matched like CSV headers (``Loss/D``, ``loss_d``, ``D_loss`` ->
``d_loss``); other scalar tags become extra columns.  ``add_scalars("Loss",
{"D": .., "G": ..})`` writes each curve into a subfolder ``Loss_D`` under the
tag ``Loss``: such a curve is named after its subfolder.  Tags are merged by
step (a later point at the same step wins); the accumulator itself already
drops points orphaned by a restarted run, as TensorBoard does.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from gantuner.metrics import MetricTable
from gantuner.text import Text

from .errors import LogError
from .names import ACCURACY_COLUMNS, LOSS_COLUMNS, accuracy_as_share, canonical_name, order_columns

EVENT_FILE_PATTERN = "*tfevents*"
INSTALL_HINT = 'pip install "gantuner[tensorboard]"'


def is_event_file(path: Path) -> bool:
    if "tfevents" in path.name:
        return True
    try:
        with path.open("rb") as f:
            return b"brain.Event:" in f.read(64)  # the first record of every event file
    except OSError:
        return False


def event_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob(EVENT_FILE_PATTERN) if p.is_file())


def _accumulator():
    try:
        from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    except ImportError as error:
        raise LogError(Text(f"reading TensorBoard files needs the tensorboard package ({error}); "
                            f"install it with: {INSTALL_HINT}",
                            f"TensorBoard のファイルを読むには tensorboard パッケージが必要です({error})。"
                            f"次でインストールしてください: {INSTALL_HINT}")) from None
    return EventAccumulator


def _curves(path: Path) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], list[str]]:
    """column -> (steps, values) for every scalar tag under ``path``, and the tags' own names."""
    EventAccumulator = _accumulator()
    files = event_files(path)
    if not files:
        raise LogError(Text(f"{path}: no TensorBoard event file (events.out.tfevents.*) in this folder; "
                            "open the folder the SummaryWriter wrote to",
                            f"{path}: このフォルダに TensorBoard のイベントファイル(events.out.tfevents.*)が"
                            "ありません。SummaryWriter が書いたフォルダを開いてください"))
    root = path if path.is_dir() else path.parent
    # A folder's event files form one run; a single file is read alone.
    sources = [path] if path.is_file() else sorted({f.parent for f in files})
    curves: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    origin: dict[str, str] = {}
    tags_seen: list[str] = []
    for source in sources:
        accumulator = EventAccumulator(str(source), size_guidance={"scalars": 0})
        try:
            accumulator.Reload()
        except Exception as error:  # the reader's own errors vary by version
            raise LogError(Text(f"{source}: TensorBoard could not read this event file ({error}); "
                                "check that it is not damaged",
                                f"{source}: TensorBoard がイベントファイルを読めません({error})。"
                                "ファイルが壊れていないか確認してください")) from None
        sub = "" if source == root or source.is_file() else source.relative_to(root).as_posix()
        for tag in accumulator.Tags().get("scalars", []):
            events = accumulator.Scalars(tag)
            steps = np.array([e.step for e in events], dtype=np.int64)
            values = np.array([e.value for e in events], dtype=np.float64)
            name = _curve_name(sub, tag)
            column = canonical_name(name)
            if column in origin and origin[column] != (sub or "."):
                raise LogError(
                    Text(f"{path}: holds several runs ({origin[column]} and {sub or '.'} both have {name!r}); "
                         "open one run's folder",
                         f"{path}: 複数の実行が入っています({origin[column]} と {sub or '.'} の両方に {name!r})。"
                         "1 つの実行のフォルダを開いてください"))
            origin[column] = sub or "."
            curves[column] = (steps, values)
            tags_seen.append(name)
    return curves, tags_seen


def _curve_name(sub: str, tag: str) -> str:
    """The tag, or for add_scalars(main_tag, {key: ..}) the folder "<main_tag>_<key>" it wrote."""
    folder = sub.rsplit("/", 1)[-1]
    if folder.startswith(tag.replace("/", "_") + "_"):
        return folder
    return tag


def read_tensorboard(path: str | Path) -> MetricTable:
    path = Path(path)
    curves, tags = _curves(path)
    if not curves:
        raise LogError(Text(f"{path}: the event files hold no scalars; log losses with add_scalar()",
                            f"{path}: イベントファイルにスカラーがありません。add_scalar() で損失を記録してください"))
    steps = np.unique(np.concatenate([s for s, _ in curves.values()]))
    columns: dict[str, np.ndarray] = {}
    for name, (s, v) in curves.items():
        if name == "step":
            continue  # a tag that logs the step itself adds nothing
        # numpy does not promise which of repeated assignments wins: keep the last point explicitly
        order = np.argsort(s, kind="stable")
        s_sorted, v_sorted = s[order], v[order]
        last = np.r_[s_sorted[1:] != s_sorted[:-1], True] if s.size else np.zeros(0, bool)
        out = np.full(steps.size, np.nan)
        out[np.searchsorted(steps, s_sorted[last])] = v_sorted[last]
        columns[name] = out
    for name in ACCURACY_COLUMNS:
        if name in columns:
            columns[name] = accuracy_as_share(columns[name])
    if not set(columns) & set(LOSS_COLUMNS):
        found = ", ".join(tags)
        raise LogError(Text(f"{path}: no loss among the TensorBoard tags ({found}); log them as e.g. 'Loss/D' and 'Loss/G'",
                            f"{path}: TensorBoard のタグ({found})に損失がありません。"
                            "'Loss/D' や 'Loss/G' のような名前で記録してください"))
    return MetricTable(step=steps.astype(np.int64), columns=order_columns(columns), format="tensorboard",
                       source=str(path))
