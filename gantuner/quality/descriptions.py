"""What each quality_* number means, in English and Japanese (data for the CLI and the GUI).

Each number is read on its own true scale: counts as "k of N" (N from the
dataset: 8 ring modes, 25 grid modes, 10 digit classes), shares as percent,
distances with their unit.  :func:`reading` adds a word for how good a value
is, and :func:`summary` puts the headline numbers of a measurement in one
sentence ("8 of 8 modes, 96 % of samples near a mode: good").  No torch and
no Qt here: the CLI, the diagnosis and the window all read these tables.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .. import number_format
from ..text import Text


@dataclass(frozen=True)
class QualityMetric:
    key: str
    label_text: Text
    help_text: Text
    better: str  # "higher", "lower" or "one" (closest to 1.0)
    scale: str = "number"  # "count" (k of N), "share" (0..1, shown as %), "number" (with its unit)
    unit_text: Text = Text("")
    # (good, fair): a value at least this good reads "good" / "fair", else "poor"; for a
    # count, shares of N; for "one", the largest distance from 1.  None: no absolute reading.
    bands: tuple[float, float] | None = None

    def label(self, language: str = "en") -> str:
        return self.label_text.get(language)

    def help(self, language: str = "en") -> str:
        return self.help_text.get(language)

    def unit(self, language: str = "en") -> str:
        return self.unit_text.get(language)


QUALITY_METRICS: dict[str, QualityMetric] = {m.key: m for m in (
    QualityMetric(
        "quality_modes", Text("Modes covered", "カバーしたモード数"),
        Text("Mixture modes with at least one high-quality sample nearest to them (ring: of 8, grid: of 25).",
             "高品質なサンプルが少なくとも 1 つ最寄りとなった混合分布のモード数 (ring: 8 個中, grid: 25 個中)。"),
        "higher", "count", bands=(1.0, 0.75)),
    QualityMetric(
        "quality_high_quality", Text("High-quality share", "高品質サンプルの割合"),
        Text("Share of samples within 3 standard deviations of their nearest mode (the true data: 0.989).",
             "最寄りのモードから標準偏差の 3 倍以内にあるサンプルの割合 (本物のデータで 0.989)。"),
        "higher", "share", bands=(0.9, 0.6)),
    QualityMetric(
        "quality_reverse_kl", Text("Reverse KL over modes", "モード分布の逆 KL"),
        Text("KL(generated || real) between the high-quality samples' mode histogram and the uniform one "
             "(nats; 0 = evenly spread, ln K = one mode).",
             "高品質サンプルのモード別ヒストグラムと一様分布との KL(生成 || 本物) (nat; 0 = 均等, ln K = 1 モードのみ)。"),
        "lower", "number", Text("nats", "nat"), bands=(0.1, 0.5)),
    QualityMetric(
        "quality_classes", Text("Digit classes covered", "カバーした数字クラス数"),
        Text("Digit classes (of 10) that at least 2 % of the samples are confidently (p >= 0.8) classified as.",
             "サンプルの 2 % 以上が確信度 0.8 以上で分類された数字クラスの数 (10 個中)。"),
        "higher", "count", bands=(1.0, 0.8)),
    QualityMetric(
        "quality_class_tv", Text("Class histogram distance", "クラス分布の距離"),
        Text("Total variation between the predicted class histograms of generated and real digits (0 = same, 1 = disjoint).",
             "生成画像と本物の数字の予測クラス分布の全変動距離 (0 = 同じ, 1 = 重ならない)。"),
        "lower", "number", bands=(0.1, 0.3)),
    QualityMetric(
        "quality_fid", Text("Fréchet distance (digits)", "フレシェ距離 (数字)"),
        Text("Fréchet distance between real and generated features of the small digits classifier "
             "(not comparable with Inception FID; compare runs with equal sample counts).",
             "小さな数字分類器の特徴量での本物と生成画像のフレシェ距離 "
             "(Inception の FID とは比較できない; 同じサンプル数どうしで比べる)。"),
        "lower", "number", Text("classifier feature units", "分類器の特徴量単位")),
    QualityMetric(
        "quality_diversity", Text("Diversity", "多様性"),
        Text("Mean pairwise distance of generated samples over that of real samples "
             "(1 = as varied as the data, near 0 = mode collapse).",
             "生成サンプル間の平均距離を本物のサンプル間の平均距離で割った値 (1 = データと同程度, 0 に近い = モード崩壊)。"),
        "one", "number", Text("× the data's spread", "× 本物の広がり"), bands=(0.25, 0.5)),
    QualityMetric(
        "quality_precision", Text("Precision (kNN)", "適合率 (kNN)"),
        Text("Share of generated samples that fall within the real data's k-nearest-neighbour balls (realism).",
             "本物データの k 近傍球の中に入る生成サンプルの割合 (本物らしさ)。"),
        "higher", "share", bands=(0.6, 0.3)),
    QualityMetric(
        "quality_recall", Text("Recall (kNN)", "再現率 (kNN)"),
        Text("Share of real samples that fall within the generated samples' k-nearest-neighbour balls (coverage).",
             "生成サンプルの k 近傍球の中に入る本物サンプルの割合 (網羅性)。"),
        "higher", "share", bands=(0.6, 0.3)),
)}

# N of a count: the modes of each built-in mixture (gantuner/quality/modes2d.py), the digit classes.
MIXTURE_MODES = {"ring": 8, "grid": 25}
DIGIT_CLASSES = 10

# The numbers a summary leads with, per kind of dataset, in this order.
HEADLINE = {"mixture": ("quality_modes", "quality_high_quality"),
            "digits": ("quality_classes", "quality_class_tv"),
            "other": ("quality_precision", "quality_recall")}

READINGS = {"good": Text("good", "良好"), "fair": Text("fair", "まずまず"), "poor": Text("poor", "不十分")}

_PHRASES = {  # how a headline number reads inside the summary sentence
    "quality_modes": Text("{value} modes", "モード {value}"),
    "quality_high_quality": Text("{value} of samples near a mode", "モード近くのサンプル {value}"),
    "quality_classes": Text("{value} digit classes", "数字クラス {value}"),
    "quality_class_tv": Text("class histogram distance {value}", "クラス分布の距離 {value}"),
    "quality_precision": Text("precision {value}", "適合率 {value}"),
    "quality_recall": Text("recall {value}", "再現率 {value}"),
}


def total(key: str, dataset: str | None) -> int | None:
    """N for a count metric on ``dataset`` (None: not a count, or N unknown)."""
    if key == "quality_modes":
        return MIXTURE_MODES.get(str(dataset))
    if key == "quality_classes":
        return DIGIT_CLASSES
    return None


COUNT_OF = Text("{count} of {n}", "{count} / {n}")


def format_value(key: str, value: float, dataset: str | None = None, language: str = "en") -> str:
    """``4 of 8``, ``96 %``, ``0.41 nats``: a value on its own scale; "NaN" when not measured."""
    if value is None or not math.isfinite(value):
        return "NaN"
    metric = QUALITY_METRICS.get(key)
    if metric is None:
        return number_format.measured(value, digits=4)
    if metric.scale == "count":
        n = total(key, dataset)
        if n is None:
            return str(int(round(value)))
        return COUNT_OF.format(count=int(round(value)), n=n).get(language)
    if metric.scale == "share":
        return number_format.percent(value, language, whole=True)
    unit = metric.unit(language)
    shown = number_format.measured(value)
    return f"{shown} {unit}" if unit else shown


def reading(key: str, value: float, dataset: str | None = None) -> str | None:
    """"good", "fair" or "poor" for ``value``; None where no absolute reading is honest
    (the Fréchet distance depends on the sample count) or N is unknown."""
    metric = QUALITY_METRICS.get(key)
    if metric is None or metric.bands is None or value is None or not math.isfinite(value):
        return None
    good, fair = metric.bands
    if metric.scale == "count":
        n = total(key, dataset)
        if n is None:
            return None
        value = value / n
    if metric.better == "higher":
        return "good" if value >= good else "fair" if value >= fair else "poor"
    if metric.better == "lower":
        return "good" if value <= good else "fair" if value <= fair else "poor"
    off = abs(value - 1.0)
    return "good" if off <= good else "fair" if off <= fair else "poor"


def reading_word(word: str | None, language: str = "en") -> str:
    if word is None:
        return ""
    return READINGS[word].get(language)


def headline_keys(metrics: Mapping[str, float], dataset: str | None) -> tuple[str, ...]:
    if str(dataset) in MIXTURE_MODES or "quality_modes" in metrics:
        kind = "mixture"
    elif dataset == "digits" or "quality_classes" in metrics:
        kind = "digits"
    else:
        kind = "other"
    return tuple(key for key in HEADLINE[kind] if key in metrics)


def summary(metrics: Mapping[str, float], dataset: str | None, language: str = "en") -> str:
    """One sentence: the headline numbers and the worst of their readings,
    e.g. "8 of 8 modes, 96 % of samples near a mode: good"."""
    keys = headline_keys(metrics, dataset)
    if not keys:
        return ""
    parts = []
    words = []
    for key in keys:
        value = metrics[key]
        parts.append(_PHRASES[key].get(language).format(value=format_value(key, value, dataset, language)))
        words.append(reading(key, value, dataset))
    known = [w for w in words if w is not None]
    worst = max(known, key=("good", "fair", "poor").index) if known else None
    sentence = ("、" if language == "ja" else ", ").join(parts)
    return f"{sentence}: {reading_word(worst, language)}" if worst else sentence
