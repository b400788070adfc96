"""What raising and lowering each live knob does: the trade-offs the article teaches.

Kept apart from the knob table (gantuner/knobs.py) so that table stays one
line of facts per knob; ``Knob.raise_effect`` / ``Knob.lower_effect`` read
this.  For an on/off knob "raise" is turning it on; for a choice (the loss)
"raise" is the alternatives to the default and "lower" is the default.
English and Japanese; the Japanese follows the article's own wording.
"""

from __future__ import annotations

from .text import Text

# name -> (what raising it does, what lowering it does)
EFFECTS: dict[str, tuple[Text, Text]] = {
    "lr_g": (
        Text("G learns faster and can catch up with D, but too fast overshoots and stops converging.",
             "生成器が速く学び識別器に追いつきやすくなるが、速すぎると行き過ぎて収束しなくなる。"),
        Text("Steadier G, but slower: it may fall behind D or settle in a poor solution.",
             "生成器が安定するが遅くなる: 識別器に置いていかれたり、局所解に落ち着いたりする。")),
    "lr_d": (
        Text("D converges faster and can win every round (G then gets no direction); too high diverges.",
             "識別器の収束が速くなり、毎回勝ってしまう (生成器が学ぶ方向を失う)。高すぎると発散する。"),
        Text("Weakens D: it takes longer to converge, giving G time to catch up (the article's first remedy).",
             "識別器を弱める: 収束に時間がかかり、生成器が追いつける (記事の定番の手)。")),
    "beta1": (
        Text("More momentum: smoother updates, but the two players can oscillate around each other.",
             "モーメンタムが増え更新が滑らかになるが、二者が互いの周りで振動しやすい。"),
        Text("Less momentum: each step follows the current gradient; 0.5 is the usual GAN choice.",
             "モーメンタムが減り、その時の勾配に素直に従う。GAN では 0.5 が定番。")),
    "beta2": (
        Text("Step sizes adapt more slowly (steadier, slower to react when the game changes).",
             "ステップ幅の調整がゆっくりになる (安定するが、状況の変化への反応が遅い)。"),
        Text("Step sizes react faster to changing gradients, at the cost of noisier steps.",
             "勾配の変化にすばやく反応するが、更新がぶれやすくなる。")),
    "batch_size": (
        Text("Steadier gradients and better use of the GPU, but more memory and less diversity "
             "(training can settle in a poor solution).",
             "勾配が安定し計算効率も上がるが、メモリを使い多様性が減る (局所解に陥りやすい)。"),
        Text("Less memory and more varied gradients (escapes poor solutions), but noisier and slower "
             "to converge.",
             "メモリが減り勾配が多様になる (局所解を防ぎやすい) が、不安定になり収束しにくい。")),
    "d_steps": (
        Text("D gets more updates per step: stronger D, slower training.",
             "識別器の更新が増える: 識別器が強くなり、学習は遅くなる。"),
        Text("D gets fewer updates: weaker D; 0 freezes it.",
             "識別器の更新が減る: 識別器が弱くなる。0 で止まる。")),
    "g_steps": (
        Text("G gets more updates per step: helps a G that lags behind D, slower training.",
             "生成器の更新が増える: 識別器に遅れる生成器を助けるが、学習は遅くなる。"),
        Text("G gets fewer updates: D pulls ahead; 0 freezes G.",
             "生成器の更新が減る: 識別器が先行する。0 で止まる。")),
    "d_dropout": (
        Text("Regularises D and slows it down (weakens a D that wins); too much makes G's samples monotonous.",
             "識別器を正則化して遅くする (強すぎる識別器を弱める)。大きすぎると生成画像が単調になる。"),
        Text("More expressive, faster D: captures finer detail, but may overfit and overpower G.",
             "識別器の表現力が上がり速く学ぶ: 細部を捉えるが、過学習して生成器を圧倒しやすい。")),
    "d_batchnorm": (
        Text("On: D converges faster, often too fast for G (D at 100 % accuracy from early on).",
             "オン: 識別器の収束が速くなり、生成器が追いつけないことが多い (早くから正解率 100 %)。"),
        Text("Off: removing D's batch norm is the article's first move when D's accuracy stays at 100 %.",
             "オフ: 正解率が 100 % に張り付くとき、記事が最初に勧めるのが識別器のバッチ正規化の除去。")),
    "loss": (
        Text("lsgan or hinge: gradients that do not vanish when D is sure, often steadier than bce.",
             "lsgan や hinge: 識別器が確信しても勾配が消えにくく、bce より安定することが多い。"),
        Text("bce: the standard loss, the one most logs and the article's numbers use.",
             "bce: 標準の損失。多くのログや記事の数値はこれによる。")),
    "label_smoothing": (
        Text("D aims lower than certainty on real samples: less overconfident D, gentler gradients for G.",
             "本物に対する識別器の目標を下げる: 過信を抑え、生成器への勾配が穏やかになる。"),
        Text("D aims at full certainty: sharper but easily overconfident.",
             "識別器が完全な確信を目指す: 鋭いが過信しやすい。")),
    "instance_noise": (
        Text("Blurs real and fake for D: weakens D and smooths the game; too much hides the data.",
             "識別器から見て本物と偽物をぼかす: 識別器を弱め学習を滑らかにする。大きすぎるとデータが見えない。"),
        Text("D sees the samples as they are: sharper judgement, easier to overpower G.",
             "識別器がサンプルをそのまま見る: 判定が鋭くなり、生成器を圧倒しやすい。")),
}


def effect(name: str, direction: str, language: str = "en") -> str:
    """What moving knob ``name`` up (``"raise"``) or down (``"lower"``) does; "" if not recorded."""
    entry = EFFECTS.get(name)
    if entry is None:
        return ""
    raised, lowered = entry
    return (raised if direction == "raise" else lowered).get(language)
