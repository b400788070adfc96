"""Which format a log is in, from its content (and, for folders, what they hold)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from gantuner.text import Text

from .console import LEARN_LINE_LIMIT, ConsoleParser, work_text
from .csv_reader import looks_like_csv
from .errors import LogError, missing, unreadable
from .formats import CONSOLE_FAMILIES, format_list
from .gantuner_run import EVENTS_FILE, METRICS_FILE
from .json_reader import looks_like_json_log
from .pairs import looks_like_pairs
from .safe_text import binary_share
from .templates import LEARNERS
from .tensorboard_reader import event_files, is_event_file

SAMPLE_LINES = 200           # non-empty lines looked at
BINARY_SHARE = 0.05          # more control bytes than this in the head: not a text log
HEAD_BYTES = 1 << 20         # read from a file to find them
DEEP_BYTES = 1 << 22         # searched for metric lines when the first lines have none


def normalise_encoding(data: bytes) -> bytes:
    """UTF-8 without BOM.  Windows PowerShell's '>' writes UTF-16 with a BOM: decode it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace").encode("utf-8")
    return data


def sample_lines(data: bytes, limit: int = SAMPLE_LINES) -> list[str]:
    lines: list[str] = []
    for raw in work_text(data[:HEAD_BYTES]).split(b"\n"):
        if raw.strip():
            lines.append(raw[:LEARN_LINE_LIMIT].decode("utf-8", "replace").strip())
            if len(lines) >= limit:
                break
    return lines


def detect_bytes(data: bytes, source: str = "") -> str:
    """The format id of a log's content; LogError when none fits."""
    data = normalise_encoding(data)
    if data[:64].find(b"brain.Event:") >= 0:
        return "tensorboard"
    where = source or "the text"
    if binary_share(data[:8192]) > BINARY_SHARE:
        raise LogError(Text(f"{where}: a binary file, not a text log; open the text a training script "
                            "printed, a CSV, a TensorBoard event file or a gantuner run folder",
                            f"{where}: テキストのログではなくバイナリファイルです。学習スクリプトが出力した"
                            "テキスト、CSV、TensorBoard のイベントファイル、gantuner の実行フォルダのどれかを開いてください"))
    lines = sample_lines(data)
    if lines and lines[0].startswith("{") and _is_metrics_json(lines[0]):
        return "gantuner"
    found = _console_format(lines)
    if found:
        return found
    if looks_like_json_log(data[:4096].decode("utf-8", "replace")):
        return "json"
    if looks_like_pairs(lines):
        return "pairs"
    if looks_like_csv(lines[:2]):
        return "csv"
    for family in CONSOLE_FAMILIES:  # metric lines after a long preamble
        parser = ConsoleParser(family)
        if parser.learn(work_text(data[:DEEP_BYTES])):
            return parser.templates[0].format
    if not lines:
        raise LogError(Text(f"{where}: the log is empty; open it again once training has printed something",
                            f"{where}: ログが空です。学習が何か出力してから開き直してください"))
    raise LogError(Text(f"{where}: no known log format in the first {SAMPLE_LINES} lines; "
                        f"give the format if it is one of: {format_list()}",
                        f"{where}: 最初の {SAMPLE_LINES} 行に既知のログ形式が見つかりません。"
                        f"次のどれかなら形式を指定してください: {format_list()}"))


def _is_metrics_json(line: str) -> bool:
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and "step" in obj


def _console_format(lines: list[str]) -> str | None:
    """The console format most sample lines fit (families never fit the same line)."""
    best: Counter[str] = Counter()
    family_score: Counter[str] = Counter()
    for family, learner in LEARNERS.items():
        for line in lines:
            template = learner(line)
            if template is not None:
                family_score[family] += 1
                best[template.format] += 1
    if not family_score:
        return None
    family = family_score.most_common(1)[0][0]
    variants = [f for f in CONSOLE_FAMILIES[family] if best[f]]
    return max(variants, key=lambda f: best[f])


def detect_format(path: str | Path) -> str:
    """The format of a log file or folder, from what it holds; LogError when none fits."""
    path = Path(path)
    if path.is_dir():
        if (path / METRICS_FILE).is_file():
            return "gantuner"
        if event_files(path):
            return "tensorboard"
        raise LogError(Text(f"{path}: this folder holds neither {METRICS_FILE} nor TensorBoard event files; "
                            "open a log file, a gantuner run folder or a TensorBoard log folder",
                            f"{path}: このフォルダには {METRICS_FILE} も TensorBoard のイベントファイルもありません。"
                            "ログファイル、gantuner の実行フォルダ、TensorBoard のログフォルダのどれかを開いてください"))
    if not path.exists():
        raise missing(path)
    if path.name == EVENTS_FILE:
        raise LogError(Text(f"{path}: this is the events file of a gantuner run; open its folder or {METRICS_FILE}",
                            f"{path}: gantuner の実行のイベントファイルです。フォルダか {METRICS_FILE} を開いてください"))
    if is_event_file(path):
        return "tensorboard"
    return detect_bytes(read_head(path), str(path))


def read_head(path: Path, size: int = DEEP_BYTES) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(size)
    except OSError as error:
        raise unreadable(path, error) from None
