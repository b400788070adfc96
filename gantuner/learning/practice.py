"""Practice reading curves: a scenario, your hypothesis and your fix, the diagnosis, a score.

The article teaches by example: look at a log, form a hypothesis, decide
what to change.  A :class:`PracticeSession` shows scenarios one at a time
(the article's two examples, then runs of gantuner's engine recorded with
settings that fail in known ways, see record_scenarios.py), takes an answer
(one of :data:`HYPOTHESES` and one of :data:`CHANGES`), and checks it
against what :func:`gantuner.diagnosis.diagnose` finds in the same curves:
one point for the hypothesis, one for the change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..diagnosis import Hint, diagnose
from ..logs import read_log
from ..metrics import MetricTable
from ..paths import resource
from ..text import Text

HYPOTHESES: dict[str, Text] = {
    "d_too_strong": Text("D is too strong: it wins every round and G gets no direction",
                         "識別器が強すぎる: 毎回勝ってしまい、生成器が学ぶ方向を失う"),
    "d_too_weak": Text("D is too weak: it cannot tell real from fake, so G learns nothing",
                       "識別器が弱すぎる: 本物と偽物を見分けられず、生成器が何も学べない"),
    "mode_collapse": Text("Mode collapse: G makes only a few kinds of sample",
                          "モード崩壊: 生成器が数種類のサンプルしか作らない"),
    "divergence": Text("Divergence: the losses blow up, training broke down",
                       "発散: 損失が爆発し、学習が壊れた"),
    "healthy": Text("Healthy: D and G are evenly matched",
                    "健全: 識別器と生成器が五分五分で競っている"),
}

CHANGES: dict[str, Text] = {
    "weaken_d": Text("Weaken D: lower its learning rate, add dropout, remove its batch norm",
                     "識別器を弱める: 学習率を下げる、ドロップアウトを足す、バッチ正規化を外す"),
    "strengthen_d": Text("Strengthen D: raise its learning rate, less dropout, more D steps",
                         "識別器を強める: 学習率を上げる、ドロップアウトを減らす、D の更新回数を増やす"),
    "diversify_g": Text("Fight collapse: a larger noise vector, a smaller batch, D less sure of itself",
                        "崩壊と戦う: ノイズの次元を増やす、バッチを小さくする、識別器の自信を抑える"),
    "lower_lr": Text("Lower both learning rates (and restart from a good checkpoint)",
                     "両方の学習率を下げる (良いチェックポイントから再開する)"),
    "keep": Text("Change nothing: let it train",
                 "何も変えない: そのまま学習を続ける"),
}

RECORDED_TITLE = Text("Recorded run {number}", "記録された実行 {number}")
RECORDED_REVEAL = Text("gantuner's engine, {steps} steps with {settings}.",
                       "gantuner のエンジンで {steps} ステップ、設定 {settings}。")

RIGHT_CHANGE = {"d_too_strong": "weaken_d", "d_too_weak": "strengthen_d", "mode_collapse": "diversify_g",
                "divergence": "lower_lr", "healthy": "keep"}
# Diagnosis rules that are one of the practice hypotheses under another name.
SAME_AS = {"convergence_failure": "d_too_strong"}
SEVERE = ("critical", "warning")


@dataclass
class Scenario:
    id: str
    title_text: Text
    table: MetricTable
    knobs: dict[str, Any] | None = None     # the settings it ran with (None: unknown, a foreign log)
    reveal_text: Text = Text("")            # where it came from, said after the answer

    def title(self, language: str = "en") -> str:
        return self.title_text.get(language)

    def reveal(self, language: str = "en") -> str:
        return self.reveal_text.get(language)


@dataclass
class Verdict:
    scenario: Scenario
    hypothesis: str
    change: str
    expected: str                      # the hypothesis the diagnosis supports
    hypothesis_right: bool
    change_right: bool
    hints: list[Hint] = field(default_factory=list)

    @property
    def points(self) -> int:
        return int(self.hypothesis_right) + int(self.change_right)

    @property
    def right_change(self) -> str:
        return RIGHT_CHANGE[self.expected]


def diagnosed_hypothesis(hints: list[Hint]) -> str:
    """The practice hypothesis the diagnosis' most severe finding stands for ("healthy" when none)."""
    for hint in hints:
        name = SAME_AS.get(hint.id, hint.id)
        if hint.severity in SEVERE and name in HYPOTHESES:
            return name
    return "healthy"


def check(scenario: Scenario, hypothesis: str, change: str) -> Verdict:
    if hypothesis not in HYPOTHESES:
        raise ValueError(f"unknown hypothesis {hypothesis!r}: use one of {', '.join(HYPOTHESES)}")
    if change not in CHANGES:
        raise ValueError(f"unknown change {change!r}: use one of {', '.join(CHANGES)}")
    hints = diagnose(scenario.table, knobs=scenario.knobs)
    expected = diagnosed_hypothesis(hints)
    return Verdict(scenario, hypothesis, change, expected, hypothesis == expected,
                   change == RIGHT_CHANGE[expected], hints)


def load_scenarios() -> list[Scenario]:
    """The article's two examples, then the recorded engine runs in resources/practice/."""
    logs = resource("sample_logs")
    scenarios = [
        Scenario("article_example_1", Text("The article's Example 1", "記事の例題1"),
                 read_log(logs / "seed_example1.log"),
                 reveal_text=Text("A Keras-GAN log quoted in the article, which reads it as D too strong.",
                                  "記事に載っている Keras-GAN のログ。記事は識別器が強すぎると読んでいる。")),
        Scenario("article_example_2", Text("The article's Example 2", "記事の例題2"),
                 read_log(logs / "seed_example2.log"),
                 reveal_text=Text("A Keras-GAN log quoted in the article, which reads it as a good training "
                                  "process.",
                                  "記事に載っている Keras-GAN のログ。記事はいい感じの学習プロセスと読んでいる。")),
    ]
    folder = resource("practice")
    catalogue = json.loads((folder / "scenarios.json").read_text(encoding="utf-8"))
    for number, (name, entry) in enumerate(sorted(catalogue.items()), start=1):
        settings = ", ".join(f"{k}={v}" for k, v in sorted(entry["knobs"].items()))
        scenarios.append(Scenario(
            name, RECORDED_TITLE.format(number=number), read_log(folder / entry["file"]),
            knobs=entry["knobs"],
            reveal_text=RECORDED_REVEAL.format(steps=entry["steps"], settings=settings)))
    return scenarios


class PracticeSession:
    """Scenarios in turn, each answered once; the score counts points out of two per scenario."""

    def __init__(self, scenarios: list[Scenario] | None = None):
        self.scenarios = scenarios if scenarios is not None else load_scenarios()
        self.index = 0
        self.score = 0
        self.answered: list[Verdict] = []
        self.verdict: Verdict | None = None   # the answer to the current scenario, once given

    @property
    def current(self) -> Scenario:
        return self.scenarios[self.index]

    @property
    def possible(self) -> int:
        return 2 * len(self.answered)

    def answer(self, hypothesis: str, change: str) -> Verdict:
        if self.verdict is not None:
            return self.verdict  # one answer per scenario: the score counts first tries
        self.verdict = check(self.current, hypothesis, change)
        self.answered.append(self.verdict)
        self.score += self.verdict.points
        return self.verdict

    def next(self) -> Scenario:
        self.index = (self.index + 1) % len(self.scenarios)
        self.verdict = None
        return self.current
