"""``gantuner quality RUN_DIR``: the quality metrics of a run's latest checkpoint.

The CLI registers this module's :func:`add_arguments` and :func:`run`.  It
sits beside the CLI, not in :mod:`gantuner.quality`, because it joins two
layers: the metrics (quality) and a trained run (training).  The
engine is reached through ``gantuner.training.checkpoint.load_engine_from_run``
(imported only when the command runs), whose engine offers
``dataset.sample(n)`` and ``generate(n)`` (model-space tensors),
``dataset.kind`` ("points" or "images") and ``config["dataset"]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any, TextIO

from gantuner.errors import GantunerError
from gantuner.quality.descriptions import QUALITY_METRICS, format_value, reading, reading_word, summary
from gantuner.quality.protocol import DEFAULT_K, PROTOCOL_SAMPLES
from gantuner.text import Text

# torch and the metrics load when the command runs, not for --help.

DEFAULT_SAMPLES = PROTOCOL_SAMPLES
MIN_SAMPLES = DEFAULT_K + 1  # precision/recall need k + 1 samples
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

MESSAGES: dict[str, Text] = {
    "samples": Text("--samples {n}: use {minimum} or more",
                    "--samples {n}: {minimum} 以上を指定してください"),
    "no_dir": Text("{run_dir}: no such run directory; give the folder that holds config.json",
                   "{run_dir}: 実行フォルダがありません。config.json のあるフォルダを指定してください"),
    "no_engine": Text("the training engine is not available (gantuner.training.checkpoint: {error}); "
                      "reinstall gantuner",
                      "学習エンジンが見つかりません (gantuner.training.checkpoint: {error})。"
                      "gantuner を再インストールしてください"),
    "load": Text("{run_dir}: cannot load the latest checkpoint ({error})",
                 "{run_dir}: 最新のチェックポイントを読み込めません ({error})"),
    "skipped": Text("note: {detail}",
                    "注意: {detail}"),
    "metric": Text("{run_dir}: cannot compute the quality metrics ({error})",
                   "{run_dir}: 品質指標を計算できません ({error})"),
    "header": Text("quality of {run_dir} (dataset {dataset}, step {step}, {n} samples)",
                   "{run_dir} の品質 (データセット {dataset}, ステップ {step}, サンプル {n} 個)"),
    "none": Text("no quality metric applies to this dataset",
                 "このデータセットに当てはまる品質指標はありません"),
}


def message(key: str, language: str = "en", **values: Any) -> str:
    return MESSAGES[key].format(**values).get(language)


HELP: dict[str, Text] = {
    "run_dir": Text("run directory (holds config.json and checkpoints/)",
                    "実行フォルダ (config.json と checkpoints/ のあるフォルダ)"),
    "json": Text("print one JSON object instead of a table", "表の代わりに JSON オブジェクトを1つ出力します"),
    "samples": Text(f"real and generated samples to compare (default {DEFAULT_SAMPLES}, "
                    "the 2D mode-coverage protocol)",
                    f"比べる本物と生成のサンプル数 (既定 {DEFAULT_SAMPLES}、2D のモード網羅の手順)"),
    "lang": Text("language of the table and messages (default: the environment's locale, else en)",
                 "表とメッセージの言語 (既定: 環境のロケール、なければ en)"),
    "device": Text("where to generate the samples (default: the run's own device, else auto); "
                   "a run trained on CUDA opens on the CPU too",
                   "サンプルを生成する場所 (既定: 実行自身のデバイス、なければ auto)。"
                   "CUDA で学習した実行も CPU で開けます"),
}


def add_arguments(parser: argparse.ArgumentParser, language: str = "en") -> None:
    """The command's options, their help in ``language``."""
    say = {key: text.get(language) for key, text in HELP.items()}
    parser.add_argument("run_dir", metavar="RUN_DIR", type=Path, help=say["run_dir"])
    parser.add_argument("--json", action="store_true", help=say["json"])
    parser.add_argument("--samples", type=int, default=DEFAULT_SAMPLES, metavar="N", help=say["samples"])
    parser.add_argument("--lang", choices=("en", "ja"), default=None, help=say["lang"])
    parser.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"), default=None, help=say["device"])


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print the metrics of the run's latest checkpoint; returns the exit status."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    language = getattr(args, "lang", None) or "en"  # the CLI may add a global --lang
    run_dir = Path(args.run_dir)
    if args.samples < MIN_SAMPLES:
        print(message("samples", language, n=args.samples, minimum=MIN_SAMPLES), file=err)
        return EXIT_USAGE
    if not run_dir.is_dir():
        print(message("no_dir", language, run_dir=run_dir), file=err)
        return EXIT_USAGE
    try:
        from gantuner.training.checkpoint import load_engine_from_run
    except ImportError as error:
        print(message("no_engine", language, error=error), file=err)
        return EXIT_FAILED
    # Broad catches on purpose: this is the command's outer edge, and the
    # engine's loaders raise their own classes (checkpoint, data, device
    # errors); whatever goes wrong, the user gets one line, not a traceback.
    try:
        # A damaged newest checkpoint gives way to the previous good one, said on stderr.
        skipped = lambda detail: print(message("skipped", language, detail=detail), file=err)  # noqa: E731
        engine = load_engine_from_run(run_dir, device=getattr(args, "device", None), on_skip=skipped)
    except Exception as error:  # noqa: BLE001
        print(message("load", language, run_dir=run_dir, error=_describe(error)), file=err)
        return EXIT_FAILED
    try:
        report = measure(engine, args.samples)
    except Exception as error:  # noqa: BLE001
        print(message("metric", language, run_dir=run_dir, error=_describe(error)), file=err)
        return EXIT_FAILED
    report = {"run_dir": str(run_dir), **report}
    if args.json:
        print(json.dumps(report), file=out)  # NaN as NaN, like metrics.jsonl
    else:
        print(format_table(report, language), file=out)
    return EXIT_OK


def measure(engine: Any, samples: int) -> dict[str, Any]:
    """Dataset facts and the quality_* numbers for ``samples`` real and generated samples."""
    import torch

    from gantuner.quality.evaluate import evaluate_quality

    config = engine.config
    dataset = config["dataset"]
    kind = engine.dataset.kind
    with torch.no_grad():
        # real_samples() leaves the training RNG alone; the plain dataset is the contract's fallback
        draw_real = getattr(engine, "real_samples", None) or engine.dataset.sample
        real = draw_real(samples)
        fake = engine.generate(samples)
    image_size = config.get("image_size") if kind == "images" else None
    metrics = evaluate_quality(kind, str(dataset), real, fake, image_size=image_size)
    step = getattr(engine, "step_count", getattr(engine, "step", None))
    return {"dataset": str(dataset), "kind": kind, "step": step, "samples": samples, **metrics}


def _describe(error: BaseException) -> Text | str:
    """One line: gantuner's own errors already say what is wrong (in both languages);
    others get their type name."""
    if isinstance(error, GantunerError) and str(error).strip():
        return error.text.map(lambda text: text.strip().splitlines()[0] if text.strip() else text)
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if type(error).__module__.startswith("gantuner") and text:
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def format_table(report: dict[str, Any], language: str = "en") -> str:
    """The header, a one-sentence reading of the headline numbers, then one line per
    metric on its own scale ("4 of 8", "96 %", "0.41 nats") with its reading."""
    step = report.get("step")
    dataset = report.get("dataset")
    lines = [message("header", language, run_dir=report["run_dir"], dataset=dataset,
                     step="?" if step is None else step, n=report["samples"])]
    keys = [key for key in report if key.startswith("quality_")]
    if not keys:
        lines.append("  " + message("none", language))
    sentence = summary({key: report[key] for key in keys}, dataset, language)
    if sentence:
        lines.append("  " + sentence)
    values = {key: format_value(key, report[key], dataset, language) for key in keys}
    width = max((_display_width(_label(key, language)) for key in keys), default=0)
    value_width = max((_display_width(text) for text in values.values()), default=0)
    for key in keys:
        label = _label(key, language)
        padding = " " * (width - _display_width(label))
        word = reading_word(reading(key, report[key], dataset), language)
        value_padding = " " * (value_width - _display_width(values[key])) if word else ""
        lines.append(f"  {label}{padding}  {values[key]}{value_padding}  {word}".rstrip())
    return "\n".join(lines)


def _display_width(text: str) -> int:
    """Terminal columns: Japanese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _label(key: str, language: str) -> str:
    info = QUALITY_METRICS.get(key)
    return info.label(language) if info is not None else key
