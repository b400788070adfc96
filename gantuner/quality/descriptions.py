"""What each quality_* number means, in English and Japanese (data for the CLI and the GUI)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QualityMetric:
    key: str
    label_en: str
    label_ja: str
    help_en: str
    help_ja: str
    better: str  # "higher", "lower" or "one" (closest to 1.0)

    def label(self, language: str = "en") -> str:
        return self.label_ja if language == "ja" else self.label_en

    def help(self, language: str = "en") -> str:
        return self.help_ja if language == "ja" else self.help_en


QUALITY_METRICS: dict[str, QualityMetric] = {m.key: m for m in (
    QualityMetric(
        "quality_modes", "Modes covered", "カバーしたモード数",
        "Mixture modes with at least one high-quality sample nearest to them (ring: of 8, grid: of 25).",
        "高品質なサンプルが少なくとも 1 つ最寄りとなった混合分布のモード数 (ring: 8 個中, grid: 25 個中)。",
        "higher"),
    QualityMetric(
        "quality_high_quality", "High-quality share", "高品質サンプルの割合",
        "Share of samples within 3 standard deviations of their nearest mode (the true data: 0.989).",
        "最寄りのモードから標準偏差の 3 倍以内にあるサンプルの割合 (本物のデータで 0.989)。",
        "higher"),
    QualityMetric(
        "quality_reverse_kl", "Reverse KL over modes", "モード分布の逆 KL",
        "KL(generated || real) between the high-quality samples' mode histogram and the uniform one "
        "(nats; 0 = evenly spread, ln K = one mode).",
        "高品質サンプルのモード別ヒストグラムと一様分布との KL(生成 || 本物) (nat; 0 = 均等, ln K = 1 モードのみ)。",
        "lower"),
    QualityMetric(
        "quality_classes", "Digit classes covered", "カバーした数字クラス数",
        "Digit classes (of 10) that at least 2 % of the samples are confidently (p >= 0.8) classified as.",
        "サンプルの 2 % 以上が確信度 0.8 以上で分類された数字クラスの数 (10 個中)。",
        "higher"),
    QualityMetric(
        "quality_class_tv", "Class histogram distance", "クラス分布の距離",
        "Total variation between the predicted class histograms of generated and real digits (0 = same, 1 = disjoint).",
        "生成画像と本物の数字の予測クラス分布の全変動距離 (0 = 同じ, 1 = 重ならない)。",
        "lower"),
    QualityMetric(
        "quality_fid", "Fréchet distance (digits)", "フレシェ距離 (数字)",
        "Fréchet distance between real and generated features of the small digits classifier "
        "(not comparable with Inception FID; compare runs with equal sample counts).",
        "小さな数字分類器の特徴量での本物と生成画像のフレシェ距離 "
        "(Inception の FID とは比較できない; 同じサンプル数どうしで比べる)。",
        "lower"),
    QualityMetric(
        "quality_diversity", "Diversity", "多様性",
        "Mean pairwise distance of generated samples over that of real samples "
        "(1 = as varied as the data, near 0 = mode collapse).",
        "生成サンプル間の平均距離を本物のサンプル間の平均距離で割った値 (1 = データと同程度, 0 に近い = モード崩壊)。",
        "one"),
    QualityMetric(
        "quality_precision", "Precision (kNN)", "適合率 (kNN)",
        "Share of generated samples that fall within the real data's k-nearest-neighbour balls (realism).",
        "本物データの k 近傍球の中に入る生成サンプルの割合 (本物らしさ)。",
        "higher"),
    QualityMetric(
        "quality_recall", "Recall (kNN)", "再現率 (kNN)",
        "Share of real samples that fall within the generated samples' k-nearest-neighbour balls (coverage).",
        "生成サンプルの k 近傍球の中に入る本物サンプルの割合 (網羅性)。",
        "higher"),
)}
