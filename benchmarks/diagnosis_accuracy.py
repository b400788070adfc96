"""How often `gantuner diagnose` reads a log and gets its verdict right.

    python benchmarks/diagnosis_accuracy.py            # the development set and the recorded engine runs
    python benchmarks/diagnosis_accuracy.py --train    # also train fresh engine runs (minutes on a CPU)

Prints, for the development set of real logs (tests/data/real_logs, verdicts
in its expected.tsv) and for gantuner's own scenario runs: logs read,
verdicts right, and false alarms on working runs (a warning on a run that
should be quiet, or a critical hint on one that should have none).  The
baseline, measured in the same run, is the same count with only the fixed
console formats (the readers gantuner had before the generic readers):
what the generic readers add.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gantuner.diagnosis import diagnose  # noqa: E402
from gantuner.logs import LogError, read_log  # noqa: E402

REAL = ROOT / "tests" / "data" / "real_logs"
RUNS = ROOT / "tests" / "data" / "engine_runs"
ENGINE_EXPECTED = {"digits_default": "quiet", "digits_d_too_strong": "any: d_too_strong"}
CONSOLE_ONLY = ("keras-gan", "keras-gan-acgan", "keras-gan-wgan", "pytorch-gan", "pytorch-gan-acgan",
                "pytorch-examples-dcgan", "brownlee", "csv", "tensorboard", "gantuner")


@dataclass
class Outcome:
    name: str
    read: bool
    right: bool
    working: bool
    false_alarm: bool
    verdict: str


def severe(hints):
    return [h for h in hints if h.severity in ("warning", "critical")]


def judge(expect: str, path: Path, table) -> tuple[bool, bool, bool, str]:
    """(right, working run, false alarm, what it said) for one expected verdict."""
    if expect.startswith("quiet when told"):
        told = diagnose(table, loss="relhinge")
        guessed = diagnose(table)
        warned = severe(guessed)
        right = (not severe(told) and not [h for h in warned if h.severity == "critical"]
                 and all("hinge" in h.explanation_text.en for h in warned))
        return right, True, not right, _said(guessed)
    hints = diagnose(table)
    said = _said(hints)
    if expect.startswith("quiet"):
        alarm = bool(severe(hints))
        return not alarm, True, alarm, said
    if expect.startswith("no-critical"):
        alarm = any(h.severity == "critical" for h in hints)
        return not alarm, True, alarm, said
    if expect.startswith("any:"):
        wanted = {w.strip() for w in expect[4:].split(";")[0].split("(")[0].split(",")}
        right = any(h.id in wanted for h in severe(hints))
        if "NaN from the first row" in expect:  # and no onset step, a bug named
            top = hints[0].explanation_text.en if hints else ""
            right = right and "bug in the code or the data" in top and not re.search(r"step \d", top)
        return right, False, False, said
    raise ValueError(f"unknown verdict {expect!r}")


def _said(hints) -> str:
    return ", ".join(f"{h.id}/{h.severity}" for h in hints) or "no hints"


def evaluate(cases: list[tuple[str, Path, str]], formats: tuple[str, ...] | None) -> list[Outcome]:
    out = []
    for name, path, expect in cases:
        try:
            table = read_log(path)
            if formats is not None and table.format not in formats:
                raise LogError("not a console format")
        except LogError:
            working = expect.startswith(("quiet", "no-critical"))
            out.append(Outcome(name, False, False, working, False, "not read"))
            continue
        right, working, alarm, said = judge(expect, path, table)
        out.append(Outcome(name, True, right, working, alarm, said))
    return out


def real_cases() -> list[tuple[str, Path, str]]:
    with (REAL / "expected.tsv").open(encoding="utf-8") as f:
        return [(row["file"], REAL / row["file"], row["expect"]) for row in csv.DictReader(f, delimiter="\t")]


def engine_cases(train: bool) -> list[tuple[str, Path, str]]:
    cases = [(name, RUNS / name, expect) for name, expect in ENGINE_EXPECTED.items()]
    if train:
        cases += trained_cases()
    return cases


def trained_cases() -> list[tuple[str, Path, str]]:
    from gantuner.training import Driver, RunOptions

    folder = Path(tempfile.mkdtemp(prefix="gantuner-bench-"))
    scenarios = [
        ("fresh digits defaults, 800 steps", {"dataset": "digits", "image_size": 8}, 800, 0, "quiet"),
        ("fresh ring defaults, 1500 steps", {"dataset": "ring"}, 1500, 500, "quiet"),
        ("fresh article case (lr_d 2e-3, lr_g 1e-5, d_steps 5), 200 steps",
         {"dataset": "digits", "image_size": 8, "lr_d": 2e-3, "lr_g": 1e-5, "d_steps": 5}, 200, 0,
         "any: d_too_strong"),
    ]
    cases = []
    for i, (name, config, steps, quality_every, expect) in enumerate(scenarios):
        out = folder / f"run{i}"
        Driver.new({"device": "cpu", "seed": 0, **config}, out=out,
                   options=RunOptions(max_steps=steps, sample_every=0, checkpoint_every=0,
                                      quality_every=quality_every)).run()
        cases.append((name, out, expect))
    return cases


def table_of(title: str, outcomes: list[Outcome], baseline: list[Outcome]) -> list[str]:
    def counts(rows: list[Outcome]) -> tuple[int, int, int, int]:
        working = [o for o in rows if o.working]
        return (sum(o.read for o in rows), sum(o.right for o in rows),
                sum(o.false_alarm for o in working), len(working))

    read, right, alarms, working = counts(outcomes)
    b_read, b_right, b_alarms, _ = counts(baseline)
    n = len(outcomes)
    lines = [f"{title}: {n} logs",
             f"  logs read        {read:>2} of {n}   (console formats only: {b_read} of {n})",
             f"  verdicts right   {right:>2} of {n}   (console formats only: {b_right} of {n})",
             f"  false alarms on working runs  {alarms} of {working}   (console formats only: {b_alarms})"]
    for o in outcomes:
        mark = "ok " if o.right else "BAD"
        lines.append(f"    {mark} {o.name}: {o.verdict}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", action="store_true", help="also train fresh engine runs (slow on a CPU)")
    args = parser.parse_args()
    started = time.perf_counter()
    for title, cases in (("Development set (real logs)", real_cases()),
                         ("gantuner's own scenario runs", engine_cases(args.train))):
        outcomes = evaluate(cases, None)
        baseline = evaluate(cases, CONSOLE_ONLY)
        print("\n".join(table_of(title, outcomes, baseline)))
        print()
    print(f"({time.perf_counter() - started:.1f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
