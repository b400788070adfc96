"""The development set of real logs (tests/data/real_logs, sources in its README):
every log is read, and judged as expected.tsv says."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from gantuner.diagnosis import diagnose, format_report
from gantuner.logs import read_log

HERE = Path(__file__).resolve().parent.parent / "data" / "real_logs"
EXPECTED = {row["file"]: row["expect"]
            for row in csv.DictReader((HERE / "expected.tsv").open(encoding="utf-8"), delimiter="\t")}


def severe(hints):
    return [h for h in hints if h.severity in ("warning", "critical")]


def test_the_set_has_nine_logs_each_with_a_source_and_a_verdict():
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    logs = sorted(p.name for p in HERE.glob("*.log"))
    assert len(logs) == 9 and sorted(EXPECTED) == logs
    for name in logs:
        assert f"| {name} |" in readme


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_log_is_read(name):
    table = read_log(HERE / name)
    assert len(table) >= 7 and table.skipped_lines == 0
    assert "d_loss" in table.columns and "g_loss" in table.columns


def judge(name, **kwargs):
    table = read_log(HERE / name)
    return table, diagnose(table, **kwargs)


@pytest.mark.parametrize("name", ["dcgan_celeba20_greedysurvey.log", "cwgangp_cifar10_nyroro.log"])
def test_working_runs_are_quiet(name):
    _, hints = judge(name)
    assert severe(hints) == [], [(h.id, h.severity) for h in hints]


def test_a_wgan_g_loss_is_not_judged_for_noise():
    table, hints = judge("cwgangp_cifar10_nyroro.log")
    assert "unstable" not in [h.id for h in hints]
    # The log is a run's tail: the report says so instead of giving warm-up evidence.
    assert "The log starts at step 100,000, not at the start of training" in format_report(table, hints)
    # Without knowing the loss, the same numbers read as bce would be "unstable":
    assert "unstable" in [h.id for h in diagnose(table, loss="bce")]


@pytest.mark.parametrize("name", ["gia_ch4_dcgan_mnist.log", "chainer_dcgan64_celeba_natchan.log"])
def test_d_ahead_but_working_is_never_critical_and_claims_nothing_about_images(name):
    _, hints = judge(name)
    assert not [h for h in hints if h.severity == "critical"]
    assert "d_too_strong" in [h.id for h in hints]
    for h in hints:
        assert "images stay poor" not in h.explanation_text.en
        assert "probably garbage" not in h.explanation_text.en


def test_chainer_g_loss_climbing_under_a_low_d_loss_is_named():
    _, hints = judge("chainer_dcgan64_celeba_natchan.log")
    strong = next(h for h in hints if h.id == "d_too_strong")
    assert strong.severity == "warning"
    assert strong.evidence["g_loss_mean"] > 10 and strong.evidence["d_loss_mean"] < 0.2


def test_d_saturated_from_the_first_rows_is_named_even_from_eight_rows():
    _, hints = judge("zhangxiann_dcgan_issue1.log")
    top = severe(hints)[0]
    assert top.id in ("d_too_strong", "convergence_failure")
    assert "too_little_data" not in [h.id for h in hints]
    assert top.evidence["d_g_z_max"] <= 0.01


def test_nan_from_the_first_row_names_a_bug_and_no_onset():
    _, hints = judge("kerasgan_ccgan_nan_issue6.log")
    top = hints[0]
    assert top.id == "divergence" and top.severity == "critical"
    en = top.explanation_text.en
    assert "bug in the code or the data" in en and "integer division" in en
    assert not re.search(r"step \d", en) and "restart" not in en.lower()
    assert "コードかデータの不具合" in top.explanation_text.ja
    assert top.actions == []


def test_cyclegan_nan_diverged_and_says_which_losses():
    table, hints = judge("cyclegan_pytorch_nan_issue1220.log")
    assert hints[0].id == "divergence" and hints[0].severity == "critical"
    combined = [e for e in table.events if e.get("type") == "combined"]
    assert {e["column"]: e["sources"] for e in combined} == {"d_loss": ["d_a", "d_b"],
                                                             "g_loss": ["g_a", "g_b"]}
    assert "D_A + D_B" in format_report(table, hints)


def test_carpedm20_g_loss_zero_with_d_loss_huge_is_a_saturated_d():
    _, hints = judge("carpedm20_dcgan_tf_issue276.log")
    top = severe(hints)[0]
    assert top.id in ("d_too_weak", "convergence_failure", "divergence")
    assert "calls every fake real" in top.title_text.en


def test_relativistic_hinge_is_quiet_when_told_and_hedged_when_not():
    _, told = judge("bmsggan_relhinge_issue2.log", loss="relhinge")
    assert severe(told) == []
    _, guessed = judge("bmsggan_relhinge_issue2.log")
    assert not [h for h in guessed if h.severity == "critical"]
    for h in severe(guessed):
        assert h.severity == "warning" and "hinge" in h.explanation_text.en
        assert "hinge" in h.explanation_text.ja


def test_expected_tsv_covers_every_verdict_kind():
    kinds = {e.split(":")[0].split(" ")[0] for e in EXPECTED.values()}
    assert kinds == {"quiet", "no-critical", "any"}
