"""The help texts of ``gantuner --help`` and each ``gantuner COMMAND --help``, in English and Japanese.

The parser is built in the language the command line asks for
(:func:`gantuner.cli.language_in_argv`), so ``--help`` already speaks it.
Option names, metavars and choices are what a user types: they stay as they
are.  ``diagnose`` and ``quality`` keep their options' help beside their own
messages, in their modules.
"""

from __future__ import annotations

from .text import Text

DATASET = Text("digits (default), ring, grid, spiral, or a path to your data",
               "digits (既定)、ring、grid、spiral、またはデータへのパス")
SET_KNOB = Text("set a knob; repeatable (see `gantuner knobs`)",
                "ノブを設定します。繰り返し指定できます (`gantuner knobs` を参照)")

HELP: dict[str, Text] = {
    # gantuner --help
    "description": Text("Tune GANs by hand. Without a command, opens the desktop app.",
                        "GAN を手で調整します。コマンドなしではデスクトップアプリを開きます。"),
    "epilog": Text(
        "Examples: gantuner --start (open the app and train the built-in digits); "
        "gantuner train --dataset ring --steps 3000; gantuner diagnose train.log. "
        "Each command has its own --help.",
        "例: gantuner --start (アプリを開き、組み込みの digits で学習します)、"
        "gantuner train --dataset ring --steps 3000、gantuner diagnose train.log。"
        "コマンドごとに --help があります。"),
    "version": Text("show the version and exit", "バージョンを表示して終了します"),
    "app_group": Text("the desktop app (no COMMAND)", "デスクトップアプリ (COMMAND なし)"),
    "commands": Text("headless commands", "ウィンドウなしのコマンド"),
    # the desktop app's options
    "app_description": Text("Tune GANs by hand: the desktop app.", "GAN を手で調整します: デスクトップアプリ。"),
    "app_start": Text("start training as soon as the window opens", "ウィンドウが開いたらすぐに学習を始めます"),
    "app_dataset": DATASET,
    "app_set": SET_KNOB,
    "app_open": Text("show a finished run's curves and samples", "終わった実行の曲線とサンプルを表示します"),
    "app_lang": Text("interface language (default: the preferences, else the system's)",
                     "画面の言語 (既定: 設定、なければシステムの言語)"),
    "app_threads": Text("CPU threads for training (default: chosen for this machine; "
                        "the preferences can set it too)",
                        "学習に使う CPU スレッド数 (既定: このマシンに合わせて選びます。設定でも変えられます)"),
    "app_smoke_test": Text("check this install: open the window, train 20 steps, diagnose, close; "
                           "exit status 0 when all of it worked",
                           "このインストールを確かめます: ウィンドウを開き、20 ステップ学習し、診断して閉じます。"
                           "すべてうまくいけば終了ステータス 0"),
    # gantuner train
    "train": Text("train headless, writing a run directory", "ウィンドウなしで学習し、実行フォルダに書き出します"),
    "train_description": Text("Train a GAN headless and write a run directory.",
                              "GAN をウィンドウなしで学習し、実行フォルダに書き出します。"),
    "config": Text("knob values and run options from a TOML file", "ノブの値と実行オプションを TOML ファイルから読みます"),
    "dataset": DATASET,
    "steps": Text("steps to train (default 2000)", "学習するステップ数 (既定 2000)"),
    "set": SET_KNOB,
    "device": Text("where to train (default auto)", "学習する場所 (既定 auto)"),
    "seed": Text("random seed", "乱数シード"),
    "out": Text("run directory (default: a new folder under the user's data folder)",
                "実行フォルダ (既定: ユーザーのデータフォルダの下の新しいフォルダ)"),
    "resume": Text("continue a run from its latest checkpoint", "実行を最新のチェックポイントから続けます"),
    "sample_every": Text("steps between sample grids", "サンプル画像の間隔 (ステップ数)"),
    "checkpoint_every": Text("steps between checkpoints", "チェックポイントの間隔 (ステップ数)"),
    "checkpoint_seconds": Text(
        "a rolling checkpoint at least every S seconds (default 30; 0: off): "
        "a kill loses at most this much training",
        "少なくとも S 秒ごとに上書きのチェックポイントを書きます (既定 30、0 で無効): "
        "強制終了で失う学習はこの時間分までです"),
    "on_divergence": Text(
        "when a loss or gradient turns NaN/inf, the last good weights are put back; "
        "then stop (default: exit status 3) or continue training",
        "損失か勾配が NaN/inf になると最後の良い重みに戻します。"
        "そのあと止める (既定: 終了ステータス 3) か、学習を続けます"),
    "quality_every": Text("steps between quality metrics (0: off)", "品質指標の間隔 (ステップ数、0 で無効)"),
    "threads": Text("CPU threads for training (default: chosen for this machine)",
                    "学習に使う CPU スレッド数 (既定: このマシンに合わせて選びます)"),
    "quiet": Text("no progress bar", "進捗バーを出しません"),
    "lang": Text("language of the messages: en or ja (default: the environment's locale, else en)",
                 "メッセージの言語: en か ja (既定: 環境のロケール、なければ en)"),
    # the other commands' one line in gantuner --help
    "knobs": Text("list every knob with its range and help", "すべてのノブを範囲と説明つきで一覧にします"),
    "diagnose": Text("read a training log and say what to change", "学習ログを読み、何を変えるとよいかを伝えます"),
    "quality": Text("sample-quality metrics of a run's latest checkpoint",
                    "実行の最新チェックポイントのサンプル品質指標を出します"),
}


def helps(language: str) -> dict[str, str]:
    """Every help text in ``language``."""
    return {key: text.get(language) for key, text in HELP.items()}
