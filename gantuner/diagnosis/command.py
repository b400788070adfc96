"""``gantuner diagnose PATH``: read a training log, print what to change.

    gantuner diagnose train.log                 # format detected from the content
    gantuner diagnose train.log --format keras-gan --lang ja
    gantuner diagnose runs/2026-11-27_1200 --json

Exit status 0 with the report on stdout, or 2 with one line on stderr when
the log cannot be read (no traceback).  For a gantuner run folder, the knob
values in force (config.json, then the last row) make the actions concrete,
and the latest knob change gets a follow-up ("did it work?").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gantuner.text import Text

if TYPE_CHECKING:  # numpy loads when the command runs, not for --help
    from gantuner.metrics import MetricTable

WINDOW = Text("--window {window}: give a number of steps of 1 or more, e.g. --window 2000",
              "--window {window}: 1 以上のステップ数を指定してください (例: --window 2000)")

UNREADABLE = Text("{path}: cannot be read ({error}); check the path and the file",
                  "{path}: 読めません ({error})。パスとファイルを確かめてください")
NO_METRICS = Text("{path}: no metric lines found; check that it is a training log (or give --format)",
                  "{path}: 指標の行が見つかりません。学習ログか確かめてください (または --format を指定)")

# Kept here (not imported from the package) so that `gantuner --help` stays light.
LOSS_CHOICES = ("bce", "bce_sum", "lsgan", "hinge", "relhinge", "wgan")


HELP: dict[str, Text] = {
    "path": Text("a training log, a CSV or TensorBoard file, or a gantuner run folder",
                 "学習ログ、CSV か TensorBoard のファイル、または gantuner の実行フォルダ"),
    "format": Text("the log's format (default: detected from the content)", "ログの形式 (既定: 中身から判定します)"),
    "json": Text("print the report as JSON", "レポートを JSON で出力します"),
    "lang": Text("language of the text report and messages (JSON carries both; "
                 "default: the environment's locale, else en)",
                 "テキストのレポートとメッセージの言語 (JSON には両方が入ります。既定: 環境のロケール、なければ en)"),
    "window": Text("judge only the last STEPS steps (default: the whole run)",
                   "最後の STEPS ステップだけで判断します (既定: 実行全体)"),
    "loss": Text("the loss the log's numbers are: bce (mean of the real and fake terms), bce_sum (their sum), "
                 "lsgan, hinge, relhinge (relativistic hinge) or wgan (also WGAN-GP); default: known from the "
                 "format or guessed from the values",
                 "ログの数値の損失: bce (本物と偽物の項の平均)、bce_sum (その和)、lsgan、hinge、"
                 "relhinge (相対論的ヒンジ)、wgan (WGAN-GP も)。既定: 形式から分かるか、値から推測します"),
}


def add_arguments(parser: argparse.ArgumentParser, language: str = "en") -> None:
    """The command's options, their help in ``language``."""
    say = {key: text.get(language) for key, text in HELP.items()}
    parser.add_argument("path", metavar="PATH", help=say["path"])
    parser.add_argument("--format", metavar="F", default=None, help=say["format"])
    parser.add_argument("--json", action="store_true", help=say["json"])
    parser.add_argument("--lang", choices=("en", "ja"), default=None, help=say["lang"])
    parser.add_argument("--window", type=int, metavar="STEPS", default=None, help=say["window"])
    parser.add_argument("--loss", choices=LOSS_CHOICES, default=None, help=say["loss"])


def run(args: argparse.Namespace) -> int:
    # Imported here so that `gantuner --help` does not load every reader.
    from gantuner.logs import LogError, read_log

    from . import diagnose, format_report, report_json

    lang = getattr(args, "lang", None) or "en"  # the CLI fills it from the environment when not given
    as_json = bool(getattr(args, "json", False))
    window = getattr(args, "window", None)
    if window is not None and window < 1:
        return _fail(WINDOW.format(window=window), lang, as_json=as_json)
    try:
        table = read_log(args.path, format=getattr(args, "format", None))
    except LogError as error:
        return _fail(error.text, lang, as_json=as_json)
    except (OSError, UnicodeError, ValueError) as error:
        return _fail(UNREADABLE.format(path=args.path, error=error), lang, as_json=as_json)
    if len(table) == 0:
        return _fail(NO_METRICS.format(path=args.path), lang, as_json=as_json)

    values = run_knob_values(Path(args.path), table)
    hints = follow_ups(table) + diagnose(table, knobs=values, window=window,
                                         loss=getattr(args, "loss", None))
    if as_json:
        text = json.dumps(report_json(table, hints), ensure_ascii=False, indent=2) + "\n"
    else:
        text = format_report(table, hints, lang)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # `gantuner diagnose log | head`: the reader left, which is no error.
        # Point stdout at nothing so Python's exit-time flush stays quiet.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def run_knob_values(path: Path, table: MetricTable) -> dict[str, Any] | None:
    """The knob values in force at the end of a gantuner run: config.json's,
    updated by the last row's live values.  None for foreign logs."""
    if table.format != "gantuner":
        return None
    folder = path if path.is_dir() else path.parent
    values: dict[str, Any] = {}
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        if isinstance(config, dict) and isinstance(config.get("knobs"), dict):
            values.update(config["knobs"])
    except (OSError, ValueError):
        pass  # no or damaged config: the rows' live values still help
    for name, per_row in table.knobs.items():
        if len(per_row) and per_row[-1] is not None:
            values[name] = per_row[-1]
    return values or None


def follow_ups(table: MetricTable) -> list:
    """Follow-up hints for the knob changes made at the latest change's step."""
    from . import follow_up

    changes = [e for e in table.events if e.get("type") == "knob" and "step" in e]
    if not changes:
        return []
    last_step = changes[-1]["step"]
    out = []
    for event in changes:
        if event["step"] == last_step:
            hint = follow_up(table, event)
            if hint is not None:
                out.append(hint)
    return out


def _fail(text: Text | str, language: str = "en", as_json: bool = False) -> int:
    """One line on stderr (exit status 2) in ``language``; with --json also an error object on
    stdout.  Text from the file or its name is escaped: no control character reaches the terminal."""
    from gantuner.logs.safe_text import printable

    text = Text.of(text).map(printable)
    message = text.get(language)
    if as_json:
        error = {"error": text.fields("message")}
        sys.stdout.write(json.dumps(error, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    print(f"gantuner diagnose: error: {message}", file=sys.stderr)
    return 2
