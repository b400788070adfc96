"""Readable names for the evidence of a hint, in English and Japanese.

A hint's evidence is a dict with stable, machine-readable keys (they go into
JSON reports and scripts rely on them).  A person reading a hint card wants
"D loss, mean" or 「Dの損失・平均」, not ``d_loss_mean``.  Keys are either
named whole or built from a subject (a curve, a quality metric) and a
qualifier suffix (``_mean``, ``_before``...); an unknown key falls back to
its words, so a new rule never shows an empty label.  No Qt here.
"""

from __future__ import annotations

# Keys named as a whole.
WHOLE: dict[str, tuple[str, str]] = {
    "knob": ("knob", "ノブ"),
    "old": ("old value", "変更前の値"),
    "new": ("new value", "変更後の値"),
    "change_step": ("changed at step", "変更したステップ"),
    "source": ("changed by", "変更元"),
    "metric": ("curve watched", "見た指標"),
    "before_mean": ("mean before", "変更前の平均"),
    "after_mean": ("mean after", "変更後の平均"),
    "verdict": ("verdict", "判定"),
    "before_steps": ("steps before", "変更前のステップ"),
    "after_steps": ("steps after", "変更後のステップ"),
    "column": ("column", "列"),
    "columns": ("columns", "列"),
    "d_acc_source": ("D accuracy taken from", "Dの正解率の出どころ"),
    "early_level": ("early level", "序盤の水準"),
    "first_step": ("first step", "最初のステップ"),
    "handicaps": ("handicaps on D", "Dへのハンディキャップ"),
    "infinite_rows": ("rows with infinity", "無限大を含む行"),
    "max_raw": ("largest raw value", "生の値の最大"),
    "noise": ("noise", "ノイズ"),
    "nonfinite_from_step": ("not finite from step", "非有限値が出始めたステップ"),
    "nonfinite_rows": ("rows not finite", "非有限値の行"),
    "peak": ("peak", "ピーク"),
    "peak_step": ("peak at step", "ピークのステップ"),
    "relative_noise": ("relative noise", "相対ノイズ"),
    "rows": ("rows", "行数"),
    "rows_after_warmup": ("rows after warm-up", "ウォームアップ後の行数"),
    "share_over_100": ("share above 100", "100 を超える割合"),
    "spike_share": ("share of spikes", "スパイクの割合"),
    "spikes": ("spikes", "スパイク数"),
    "steps": ("steps", "ステップ数"),
    "warmup_end_step": ("warm-up ends at step", "ウォームアップ終了ステップ"),
    "warmup_d_acc_max": ("highest D accuracy in warm-up", "ウォームアップ中のDの正解率の最大"),
    "pinned_share": ("share of steps pinned", "張り付いたステップの割合"),
    "share": ("share of steps", "該当ステップの割合"),
    "rise_step": ("rose from step", "上がり始めたステップ"),
    "late_d_acc_mean": ("D accuracy since then, mean", "その後のDの正解率・平均"),
    "won_from_step": ("D ahead outright from step", "Dが完全に優位になったステップ"),
    "nonfinite_from_first_row": ("not finite from the first row", "最初の行から非有限値"),
    "evaluations": ("quality evaluations", "品質評価の回数"),
}

# What a key is about: curves and other series.  Quality metrics come from
# gantuner.quality.descriptions.
SUBJECTS: dict[str, tuple[str, str]] = {
    "d_loss": ("D loss", "Dの損失"),
    "g_loss": ("G loss", "Gの損失"),
    "d_acc": ("D accuracy", "Dの正解率"),
    "d_acc_real": ("D accuracy on real", "本物に対するDの正解率"),
    "d_acc_fake": ("D accuracy on fake", "偽物に対するDの正解率"),
    "d_x": ("D(x)", "D(x)"),
    "d_g_z": ("D(G(z))", "D(G(z))"),
    "grad_norm": ("D's gradient norm", "Dの勾配ノルム"),
    "grad_norm_d": ("D's gradient norm", "Dの勾配ノルム"),
    "grad_norm_g": ("G's gradient norm", "Gの勾配ノルム"),
}

# Suffixes after the subject, longest first when matching.
QUALIFIERS: dict[str, tuple[str, str]] = {
    "mean": ("mean", "平均"),
    "median": ("median", "中央値"),
    "max": ("highest", "最大"),
    "min": ("lowest", "最小"),
    "low": ("lowest (smoothed)", "最小（平滑化）"),
    "high": ("highest (smoothed)", "最大（平滑化）"),
    "start": ("at the start", "開始時"),
    "end": ("at the end", "終了時"),
    "trend": ("trend", "傾向"),
    "near_zero": ("near zero", "ほぼ 0"),
    "before": ("before", "変更前"),
    "after": ("after", "変更後"),
    "recent_median": ("recent median", "直近の中央値"),
    "total": ("possible", "全体の数"),
    "best": ("best", "最良"),
    "now": ("now", "現在"),
    "best_step": ("best at step", "最良のステップ"),
    "period_steps": ("period in steps", "周期（ステップ）"),
    "autocorrelation": ("autocorrelation", "自己相関"),
    "amplitude": ("amplitude", "振幅"),
}
_BY_LENGTH = sorted(QUALIFIERS, key=len, reverse=True)


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "ja" else pair[0]


def subject_label(subject: str, language: str = "en") -> str | None:
    if subject in SUBJECTS:
        return _pick(SUBJECTS[subject], language)
    from ..knobs import KNOBS
    from ..quality.descriptions import QUALITY_METRICS

    if subject in KNOBS:  # the knob values in force: "D learning rate"
        return KNOBS[subject].label(language)

    metric = QUALITY_METRICS.get(subject)
    return metric.label(language) if metric is not None else None


def known(key: str) -> bool:
    """True when ``key`` has a proper label (not the fallback made of its words)."""
    return _label(key, "en") is not None


def evidence_label(key: str, language: str = "en") -> str:
    """The name of evidence ``key`` for a person: "D loss, mean" / 「Dの損失・平均」."""
    label = _label(key, language)
    return label if label is not None else key.replace("_", " ")


def _label(key: str, language: str) -> str | None:
    if key in WHOLE:
        return _pick(WHOLE[key], language)
    subject = subject_label(key, language)
    if subject is not None:
        return subject
    for suffix in _BY_LENGTH:
        if key.endswith("_" + suffix):
            subject = subject_label(key[: -len(suffix) - 1], language)
            if subject is not None:
                joiner = "・" if language == "ja" else ", "
                return subject + joiner + _pick(QUALIFIERS[suffix], language)
    return None
