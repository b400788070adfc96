"""read_log / read_text: any supported log into a MetricTable."""

from __future__ import annotations

from pathlib import Path

from gantuner.metrics import MetricTable
from gantuner.text import Text

from .console import ConsoleParser, to_table
from .csv_reader import read_csv_text
from .detect import detect_bytes, detect_format, normalise_encoding
from .errors import LogError, missing, unreadable
from .formats import FAMILY_OF, FORMATS, format_list
from .gantuner_run import METRICS_FILE, parse_jsonl, read_run, rows_to_table
from .json_reader import read_json_text
from .limits import require_regular_file
from .pairs import read_pairs_text
from .segments import mark_restarts
from .tensorboard_reader import read_tensorboard


def check_format(format: str | None) -> None:
    if format is not None and format not in FORMATS:
        raise LogError(Text(f"unknown log format {format!r}; use one of: {format_list()}",
                            f"ログ形式 {format!r} はありません。次のどれかを使ってください: {format_list()}"))


def read_log(path: str | Path, format: str | None = None) -> MetricTable:
    """Read a log file or folder; ``format`` forces one of FORMATS, else it is detected."""
    check_format(format)
    path = Path(path)
    if not path.exists():
        raise missing(path)
    require_regular_file(path)  # before anything opens it: a FIFO blocks, /dev/zero never ends
    fmt = format or detect_format(path)
    if fmt == "tensorboard":
        return read_tensorboard(path)
    if fmt == "gantuner":
        return read_run(path)
    if path.is_dir():
        raise LogError(Text(f"{path}: is a folder; a {fmt} log is a file, open the file itself",
                            f"{path}: フォルダです。{fmt} のログはファイルなので、そのファイルを開いてください"))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise unreadable(path, error) from None
    return read_bytes(data, fmt, str(path))


def read_text(text: str, format: str | None = None, source: str = "") -> MetricTable:
    """Read log text held in memory (pasted, received, or a piece of a followed file)."""
    check_format(format)
    return read_bytes(text.encode("utf-8", "surrogatepass"), format, source)


def read_bytes(data: bytes, format: str | None, source: str = "") -> MetricTable:
    data = normalise_encoding(data)
    fmt = format or detect_bytes(data, source)
    if fmt == "tensorboard":
        raise LogError(Text(f"{source or 'the text'}: TensorBoard event files are binary; read them with read_log(path)",
                            f"{source or 'テキスト'}: TensorBoard のイベントファイルはバイナリです。"
                            "read_log(path) で読んでください"))
    if fmt == "csv":
        return read_csv_text(data.decode("utf-8", "replace"), source)
    if fmt in ("json", "pairs"):
        text = data.decode("utf-8", "replace")
        table = read_json_text(text, source) if fmt == "json" else read_pairs_text(text, source)
        if len(table) == 0:
            raise _no_rows(fmt, source, table)
        return mark_restarts(table)
    if fmt == "gantuner":
        lines = parse_jsonl(data, METRICS_FILE)
        table = rows_to_table(lines.objects, source)
        table.skipped_lines, table.skipped_examples = lines.skipped, lines.examples
        return mark_restarts(table)
    parser = ConsoleParser(FAMILY_OF[fmt], fmt)
    table = mark_restarts(to_table(parser.parse(data), source))
    if len(table) == 0:
        raise _no_rows(fmt, source, table)
    return table


def _no_rows(fmt: str, source: str, table: MetricTable) -> LogError:
    where = source or "the text"
    hint = ""
    if table.skipped_examples:
        first = table.skipped_examples[0]
        hint = f" (line {first.line_number}: {first.reason})"
    return LogError(Text(f"{where}: no {fmt} metric lines found{hint}; check the format, or leave it unset "
                         f"to detect it (formats: {format_list()})",
                         f"{where}: {fmt} の指標の行が見つかりません{hint}。形式を確認するか、"
                         f"指定せずに自動判定させてください(形式: {format_list()})"))
