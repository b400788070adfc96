"""``--help`` and argparse's usage errors speak the command line's language: ``--lang``, else the locale."""

from __future__ import annotations

import argparse
import gettext
import re

import pytest

from gantuner import argparse_words, cli, quality_command
from gantuner.cli_help import HELP
from gantuner.diagnosis import command as diagnose_command

from .helpers import speaking

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_top_level_help_in_japanese_with_lang_ja(monkeypatch, capsys):
    speaking(monkeypatch, "en_US.UTF-8")
    assert cli.parse(["--help", "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("使い方: gantuner")
    for title in ("オプション:", "デスクトップアプリ (COMMAND なし):", "ウィンドウなしのコマンド:"):
        assert title in out
    assert "このヘルプを表示して終了します" in out
    assert HELP["app_start"].ja in out and HELP["train"].ja in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out
    for option in ("--start", "--dataset", "--lang", "--smoke-test", "NAME|PATH", "{en,ja}"):
        assert option in out  # what a user types stays as it is


def test_train_help_follows_a_japanese_locale(monkeypatch, capsys):
    speaking(monkeypatch, "ja_JP.UTF-8")
    assert cli.parse(["train", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("使い方: gantuner train ")
    assert "オプション:" in out and HELP["steps"].ja in out and HELP["on_divergence"].ja[:20] in out
    assert "--on-divergence {stop,continue}" in out and "--checkpoint-seconds S" in out


def test_a_usage_error_in_japanese_names_the_program(monkeypatch, capsys):
    speaking(monkeypatch, "ja_JP.UTF-8")
    assert cli.parse(["train", "--steps"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("使い方: gantuner train ")
    assert err.splitlines()[-1] == "gantuner train: エラー: 引数 --steps: 値を1つ指定してください"
    assert cli.parse(["diagnose"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "gantuner diagnose: エラー: 次の引数が必要です: PATH"
    assert cli.parse(["train", "--device", "tpu"]) == 2
    assert "選べない値です: 'tpu'" in capsys.readouterr().err


def test_lang_en_overrides_a_japanese_locale(monkeypatch, capsys):
    speaking(monkeypatch, "ja_JP.UTF-8")
    assert cli.parse(["train", "--help", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: gantuner train ") and "options:" in out
    assert HELP["steps"].en in out and not JAPANESE.search(out)
    assert cli.parse(["diagnose", "--lang=en"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "gantuner diagnose: error: the following arguments are required: PATH")


def test_lang_ja_overrides_an_english_locale_for_each_command(monkeypatch, capsys):
    speaking(monkeypatch, "en_GB.UTF-8")
    for command, helps in (("diagnose", diagnose_command.HELP), ("quality", quality_command.HELP)):
        assert cli.parse([command, "--lang=ja", "--help"]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"使い方: gantuner {command} ") and "位置引数:" in out
        assert all(text.ja[:15] in out for text in helps.values())


def _actions(parser: argparse.ArgumentParser):
    for action in parser._actions:
        yield parser, action
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield parser, choice
            for sub in action.choices.values():
                yield from _actions(sub)


def test_every_help_text_of_the_japanese_parser_is_japanese():
    with argparse_words.argparse_speaking("ja"):
        parser = cli.build_parser("ja")
    seen = 0
    for owner, action in _actions(parser):
        if action.help is not None:
            assert JAPANESE.search(action.help), f"{owner.prog} {action.option_strings or action.dest}: {action.help}"
            seen += 1
    assert seen > 30  # the app's options, train's, knobs', diagnose's and quality's
    for text in (*HELP.values(), *diagnose_command.HELP.values(), *quality_command.HELP.values()):
        assert text.ja and text.ja != text.en


def test_argparse_is_english_again_after_a_japanese_parse(monkeypatch, capsys):
    speaking(monkeypatch, "en_US.UTF-8")
    assert cli.parse(["knobs", "--help", "--lang", "ja"]) == 0
    assert "使い方:" in capsys.readouterr().out
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    assert cli.parse(["knobs", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: gantuner knobs")


def test_a_message_without_a_japanese_wording_stays_english(monkeypatch):
    with argparse_words.argparse_speaking("ja"):
        assert argparse._("usage: ") == "使い方: "
        assert argparse._("a wording a newer Python adds") == "a wording a newer Python adds"
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == "値を %s 個指定してください"
        assert argparse.ngettext("one thing %s", "%s things", 3) == "%s things"


@pytest.mark.parametrize(("argv", "locale", "language"), [
    (["--lang=ja"], "en_US.UTF-8", "ja"),
    (["train", "--lang", "en", "--help"], "ja_JP.UTF-8", "en"),
    (["--lang", "ja", "--lang", "en"], "C.UTF-8", "en"),  # the last one counts, as argparse does
    (["train", "--lang", "xx"], "ja_JP.UTF-8", "ja"),  # not a language: the locale's
    (["diagnose", "--", "--lang", "ja"], "C.UTF-8", "en"),  # after --, a file named --lang
    (["--lang"], "ja_JP.UTF-8", "ja"),
])
def test_the_language_is_read_from_argv_before_parsing(monkeypatch, argv, locale, language):
    speaking(monkeypatch, locale)
    assert cli.language_in_argv(argv) == language
