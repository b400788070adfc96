"""What the command line says, in English and Japanese.

The commands speak the language of ``--lang``, else the environment's locale
(:func:`gantuner.text.environment_language`), else English.  Kept apart from
:mod:`gantuner.cli` so that both languages of each line stay side by side.
"""

from __future__ import annotations

from .text import Text

MESSAGES: dict[str, Text] = {
    # the line every failure prints, and the notes and warnings beside a run
    "error": Text("gantuner: error: {message}", "gantuner: エラー: {message}"),
    "note": Text("gantuner: note: {message}", "gantuner: 注意: {message}"),
    "warning": Text("gantuner: warning: {message}", "gantuner: 警告: {message}"),
    # the command line itself
    "app_option": Text(
        "{flag} belongs to the desktop app, not to `gantuner {command}`; see gantuner {command} --help",
        "{flag} はデスクトップアプリのオプションで、`gantuner {command}` のものではありません。"
        "gantuner {command} --help を見てください"),
    "unrecognized": Text(
        "unrecognized arguments: {words}; see gantuner {command}--help",
        "認識できない引数です: {words}。gantuner {command}--help を見てください"),
    "app_option_given": Text(
        "{flag} belongs to the desktop app; leave out the command '{command}', or see gantuner {command} --help",
        "{flag} はデスクトップアプリのオプションです。コマンド '{command}' を外すか、"
        "gantuner {command} --help を見てください"),
    "no_pyside": Text(
        "the desktop app needs PySide6: pip install PySide6-Essentials "
        "(headless commands work without it: gantuner train --help)",
        "デスクトップアプリには PySide6 が必要です: pip install PySide6-Essentials "
        "(ウィンドウなしのコマンドはなくても使えます: gantuner train --help)"),
    "unavailable": Text("{command} is not available in this installation",
                        "このインストールでは {command} を使えません"),
    "unknown_command": Text("unknown command '{command}'; see gantuner --help",
                            "不明なコマンド '{command}' です。gantuner --help を見てください"),
    # the config file
    "config_missing": Text("{path}: config file not found", "{path}: 設定ファイルが見つかりません"),
    "config_toml": Text("{path}: not valid TOML: {error}", "{path}: TOML として正しくありません: {error}"),
    "config_unreadable": Text("{path}: cannot read the config file: {error}",
                              "{path}: 設定ファイルを読めません: {error}"),
    "config_tables": Text("{path}: [knobs] and [run] must be tables",
                          "{path}: [knobs] と [run] はテーブルにしてください"),
    "config_knob": Text("{path}: {error}", "{path}: {error}"),
    "config_unknown_run": Text(
        "{path}: unknown [run] option(s) {unknown}; allowed: {allowed}",
        "{path}: 不明な [run] オプションです: {unknown}。使えるのは {allowed} です"),
    "run_on_divergence": Text(
        '{path}: [run] on_divergence = {value}: use "stop" or "continue"',
        '{path}: [run] on_divergence = {value}: "stop" か "continue" を指定してください'),
    "run_seconds": Text(
        "{path}: [run] {key} = {value}: give a number of seconds >= {smallest}, like {key} = 30",
        "{path}: [run] {key} = {value}: {smallest} 以上の秒数を指定してください (例: {key} = 30)"),
    "run_folder": Text(
        '{path}: [run] {key} = {value}: give a folder path in quotes, like {key} = "runs/ring"',
        '{path}: [run] {key} = {value}: フォルダのパスを引用符で囲んで指定してください (例: {key} = "runs/ring")'),
    "run_whole": Text(
        "{path}: [run] {key} = {value}: give a whole number >= {smallest} without quotes, like {key} = {example}",
        "{path}: [run] {key} = {value}: {smallest} 以上の整数を引用符なしで指定してください (例: {key} = {example})"),
    "huge_number": Text(
        "{path}: {name} = {value}: the number is far too large; see `gantuner knobs` for each knob's range",
        "{path}: {name} = {value}: 数が大きすぎます。各ノブの範囲は `gantuner knobs` で見られます"),
    # gantuner train's options
    "threads": Text("--threads {threads}: give 1 or more", "--threads {threads}: 1 以上を指定してください"),
    "steps": Text("--steps {steps}: give a positive number of steps",
                  "--steps {steps}: 1 以上のステップ数を指定してください"),
    "checkpoint_seconds": Text("checkpoint_seconds = {value}: give a number of seconds >= 0",
                               "checkpoint_seconds = {value}: 0 以上の秒数を指定してください"),
    "on_divergence": Text("on_divergence = {value}: use stop or continue",
                          "on_divergence = {value}: stop か continue を指定してください"),
    "whole": Text("{key} = {value}: give a whole number >= 0", "{key} = {value}: 0 以上の整数を指定してください"),
    "resume_setup": Text(
        "--resume continues the same model: {knobs} cannot change; start a new run instead",
        "--resume は同じモデルの続きです: {knobs} は変えられません。新しい実行を始めてください"),
    "run_dir": Text("cannot create the run directory: {error}", "実行フォルダを作れません: {error}"),
    # a training run, start to end
    "training": Text("gantuner: training {dataset} on {where}; run directory {run_dir}",
                     "gantuner: {dataset} を {where} で学習します。実行フォルダ {run_dir}"),
    "failed": Text("training stopped at step {step}: {error}", "ステップ {step} で学習が止まりました: {error}"),
    "failed_kept": Text("training stopped at step {step}: {error}; the run so far is kept in {run_dir}",
                        "ステップ {step} で学習が止まりました: {error}。ここまでの実行は {run_dir} に残っています"),
    "rows_lost": Text(
        "stopped at step {step} but the run's files are incomplete: {problem}; free space or fix the folder "
        "and resume the run",
        "ステップ {step} で止まりましたが、実行のファイルが不完全です: {problem}。空き容量を作るかフォルダを直して、"
        "実行を再開してください"),
    "diverged": Text(
        "training diverged (a loss or gradient became NaN or infinite) and stopped at step {step}{kept}; "
        "the last good weights are in the final checkpoint: lower lr_d/lr_g and resume, or train with "
        "--on-divergence continue",
        "学習が発散し (損失か勾配が NaN または無限大になり)、ステップ {step} で止まりました{kept}。"
        "最後の良い重みは最終チェックポイントにあります: lr_d/lr_g を下げて再開するか、"
        "--on-divergence continue で学習してください"),
    "kept": Text("; run kept in {run_dir}", " (実行は {run_dir} に残っています)"),
    "stopped": Text("gantuner: stopped at step {step} ({signal}){kept}",
                    "gantuner: ステップ {step} で止めました ({signal}){kept}"),
    "finished": Text("gantuner: finished at step {step}{kept}", "gantuner: ステップ {step} で終わりました{kept}"),
    # gantuner knobs
    "knob_line": Text("  {name:16} {kind} default {default:>8}  range {range}",
                      "  {name:16} {kind} 既定値 {default:>8}  範囲 {range}"),
}

KNOB_KINDS = {True: Text("live ", "学習中に変更可"), False: Text("setup", "開始時のみ    ")}
KNOB_GROUPS = {
    "optimiser": Text("optimiser", "最適化"), "batch": Text("batch", "バッチ"),
    "discriminator": Text("discriminator", "識別器"), "generator": Text("generator", "生成器"),
    "loss": Text("loss", "損失"), "data": Text("data", "データ"),
}


def say(message: str, language: str, /, **values: object) -> str:
    """``MESSAGES[message]`` with ``values`` filled in (a Text value in each language's words), in ``language``."""
    return MESSAGES[message].format(**values).get(language)
