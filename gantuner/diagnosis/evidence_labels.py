"""Readable names for the evidence of a hint, in English and Japanese.

A hint's evidence is a dict with stable, machine-readable keys (they go into
JSON reports and scripts rely on them).  A person reading a hint card wants
"D loss, mean" or 「Dの損失・平均」, not ``d_loss_mean``.  Keys are either
named whole or built from a subject (a curve, a quality metric) and a
qualifier suffix (``_mean``, ``_before``...); an unknown key falls back to
its words, so a new rule never shows an empty label.  No Qt here.
"""

from __future__ import annotations

from ..text import Text

# Keys named as a whole.
WHOLE: dict[str, Text] = {
    "knob": Text("knob", "ノブ"),
    "old": Text("old value", "変更前の値"),
    "new": Text("new value", "変更後の値"),
    "change_step": Text("changed at step", "変更したステップ"),
    "source": Text("changed by", "変更元"),
    "metric": Text("curve watched", "見た指標"),
    "before_mean": Text("mean before", "変更前の平均"),
    "after_mean": Text("mean after", "変更後の平均"),
    "verdict": Text("verdict", "判定"),
    "before_steps": Text("steps before", "変更前のステップ"),
    "after_steps": Text("steps after", "変更後のステップ"),
    "column": Text("column", "列"),
    "columns": Text("columns", "列"),
    "d_acc_source": Text("D accuracy taken from", "Dの正解率の出どころ"),
    "early_level": Text("early level", "序盤の水準"),
    "first_step": Text("first step", "最初のステップ"),
    "handicaps": Text("handicaps on D", "Dへのハンディキャップ"),
    "infinite_rows": Text("rows with infinity", "無限大を含む行"),
    "max_raw": Text("largest raw value", "生の値の最大"),
    "noise": Text("noise", "ノイズ"),
    "nonfinite_from_step": Text("not finite from step", "非有限値が出始めたステップ"),
    "nonfinite_rows": Text("rows not finite", "非有限値の行"),
    "peak": Text("peak", "ピーク"),
    "peak_step": Text("peak at step", "ピークのステップ"),
    "relative_noise": Text("relative noise", "相対ノイズ"),
    "rows": Text("rows", "行数"),
    "rows_after_warmup": Text("rows after warm-up", "ウォームアップ後の行数"),
    "share_over_100": Text("share above 100", "100 を超える割合"),
    "spike_share": Text("share of spikes", "スパイクの割合"),
    "spikes": Text("spikes", "スパイク数"),
    "steps": Text("steps", "ステップ数"),
    "warmup_end_step": Text("warm-up ends at step", "ウォームアップ終了ステップ"),
    "warmup_d_acc_max": Text("highest D accuracy in warm-up", "ウォームアップ中のDの正解率の最大"),
    "pinned_share": Text("share of steps pinned", "張り付いたステップの割合"),
    "share": Text("share of steps", "該当ステップの割合"),
    "rise_step": Text("rose from step", "上がり始めたステップ"),
    "late_d_acc_mean": Text("D accuracy since then, mean", "その後のDの正解率・平均"),
    "won_from_step": Text("D ahead outright from step", "Dが完全に優位になったステップ"),
    "nonfinite_from_first_row": Text("not finite from the first row", "最初の行から非有限値"),
    "evaluations": Text("quality evaluations", "品質評価の回数"),
}

# What a key is about: curves and other series.  Quality metrics come from
# gantuner.quality.descriptions.
SUBJECTS: dict[str, Text] = {
    "d_loss": Text("D loss", "Dの損失"),
    "g_loss": Text("G loss", "Gの損失"),
    "d_acc": Text("D accuracy", "Dの正解率"),
    "d_acc_real": Text("D accuracy on real", "本物に対するDの正解率"),
    "d_acc_fake": Text("D accuracy on fake", "偽物に対するDの正解率"),
    "d_x": Text("D(x)", "D(x)"),
    "d_g_z": Text("D(G(z))", "D(G(z))"),
    "grad_norm": Text("D's gradient norm", "Dの勾配ノルム"),
    "grad_norm_d": Text("D's gradient norm", "Dの勾配ノルム"),
    "grad_norm_g": Text("G's gradient norm", "Gの勾配ノルム"),
}

# Suffixes after the subject, longest first when matching.
QUALIFIERS: dict[str, Text] = {
    "mean": Text("mean", "平均"),
    "median": Text("median", "中央値"),
    "max": Text("highest", "最大"),
    "min": Text("lowest", "最小"),
    "low": Text("lowest (smoothed)", "最小（平滑化）"),
    "high": Text("highest (smoothed)", "最大（平滑化）"),
    "start": Text("at the start", "開始時"),
    "end": Text("at the end", "終了時"),
    "trend": Text("trend", "傾向"),
    "near_zero": Text("near zero", "ほぼ 0"),
    "before": Text("before", "変更前"),
    "after": Text("after", "変更後"),
    "recent_median": Text("recent median", "直近の中央値"),
    "total": Text("possible", "全体の数"),
    "best": Text("best", "最良"),
    "now": Text("now", "現在"),
    "best_step": Text("best at step", "最良のステップ"),
    "period_steps": Text("period in steps", "周期（ステップ）"),
    "autocorrelation": Text("autocorrelation", "自己相関"),
    "amplitude": Text("amplitude", "振幅"),
}
_BY_LENGTH = sorted(QUALIFIERS, key=len, reverse=True)


def _pick(text: Text, language: str) -> str:
    return text.get(language)


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
