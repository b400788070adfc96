"""Every knob gantuner has: the single source of truth for names, types,
ranges, defaults, units, groups and help text (English and Japanese).

Three kinds of knob (each entry's ``kind``):

* ``SCALAR``: live, a number the step reads (learning rates, betas, label
  smoothing, instance noise); the CUDA-graph fast path keeps it in a device
  tensor, so a change is a memory write, not a new capture;
* ``STRUCTURAL``: live, but it changes which kernels a step runs (batch size,
  D/G steps, dropout, batch norm, loss); the fast path builds and captures
  the step again;
* ``SETUP``: describes the model and data; changing one means a new model.

Live knobs (scalar and structural) change between any two training steps.

Everything else (the GUI's widgets, the CLI's ``--set``, config files, the
diagnosis' actions, the run files) reads this table, so a knob is added here
and nowhere else.  Knob values are plain JSON-able Python values, so snapshots
and changes can travel through queues, files and processes unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import number_format
from .errors import GantunerError
from .text import Text

LOSSES = ("bce", "lsgan", "hinge")
MODELS = ("mlp", "dcgan")
BUILTIN_DATASETS = ("digits", "ring", "grid", "spiral")
TWO_D_DATASETS = ("ring", "grid", "spiral")
IMAGE_SIZES = (8, 16, 28, 32, 64)
DEVICES = ("auto", "cpu", "cuda", "mps")
PRECISIONS = ("fp32", "bf16")

# Groups, in the order the knob panel shows them.
GROUPS = ("optimiser", "batch", "discriminator", "generator", "loss", "data")


SCALAR, STRUCTURAL, SETUP = "scalar", "structural", "setup"
KINDS = (SCALAR, STRUCTURAL, SETUP)


class KnobError(GantunerError, ValueError):
    """A knob name or value that cannot be used; the message says what to do."""


KNOB_ERRORS: dict[str, Text] = {
    "not_allowed": Text("{name} = {value} is not allowed: use {allowed}",
                        "{name} = {value} は使えません: {allowed} から選んでください"),
    "not_finite": Text("{name} = {value} is not a finite number: use {allowed}",
                       "{name} = {value} は有限の数ではありません: {allowed} の範囲で指定してください"),
    "out_of_range": Text("{name} = {value} is out of range: use {allowed}",
                         "{name} = {value} は範囲外です: {allowed} の範囲で指定してください"),
    "wrong_type": Text("{name} = {value} is not {kind}: use {allowed}",
                       "{name} = {value} は{kind}ではありません: {allowed} で指定してください"),
    "unknown": Text("unknown knob {name}{hint}; known knobs: {known}",
                    "不明なノブ {name} です{hint}。ノブは次のとおり: {known}"),
    "did_you_mean": Text(" (did you mean {close}?)", " ({close} のことですか?)"),
    "assignment": Text("--set {text}: write it as KNOB=VALUE, for example lr_d=1e-4",
                       "--set {text}: KNOB=VALUE の形で書いてください (例: lr_d=1e-4)"),
}
TYPE_WORDS = {bool: Text("true/false", "true/false"), int: Text("a whole number", "整数"),
              float: Text("a number", "数"), str: Text("text", "文字列")}


@dataclass(frozen=True)
class Knob:
    name: str
    type: type  # float, int, bool or str
    default: Any
    kind: str  # SCALAR, STRUCTURAL or SETUP (see the module's docstring)
    group: str
    help_text: Text
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] | None = None
    unit: str = ""
    log_scale: bool = False  # sliders and "x2" actions work on a log scale
    label_text: Text = Text("")  # empty: the knob's name

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"knob {self.name}: kind {self.kind!r} is not one of {', '.join(KINDS)}")

    @property
    def live(self) -> bool:
        """Changes between two steps of a running model (scalar or structural)."""
        return self.kind != SETUP

    def help(self, language: str = "en") -> str:
        return self.help_text.get(language)

    def label(self, language: str = "en") -> str:
        return self.label_text.get(language) or self.name

    def raise_effect(self, language: str = "en") -> str:
        """What raising this knob (turning it on) does; see gantuner/knob_effects.py."""
        from .knob_effects import effect

        return effect(self.name, "raise", language)

    def lower_effect(self, language: str = "en") -> str:
        """What lowering this knob (turning it off) does."""
        from .knob_effects import effect

        return effect(self.name, "lower", language)

    def range_text(self) -> str:
        if self.choices is not None:
            return "one of " + ", ".join(str(c) for c in self.choices)
        if self.type is bool:
            return "true or false"
        low = "" if self.minimum is None else number_format.setting(self.minimum)
        high = "" if self.maximum is None else number_format.setting(self.maximum)
        return f"{low} .. {high}"

    def validate(self, value: Any) -> Any:
        """Return ``value`` coerced to this knob's type, or raise KnobError."""
        coerced = _coerce(self, value)
        if self.choices is not None and coerced not in self.choices:
            raise KnobError(KNOB_ERRORS["not_allowed"].format(name=self.name, value=repr(value),
                                                              allowed=self.range_text()))
        if self.type in (int, float):
            if isinstance(coerced, float) and not math.isfinite(coerced):
                raise KnobError(KNOB_ERRORS["not_finite"].format(name=self.name, value=repr(value),
                                                                 allowed=self.range_text()))
            if (self.minimum is not None and coerced < self.minimum) or (
                self.maximum is not None and coerced > self.maximum
            ):
                allowed = self.range_text() + (f" {self.unit}" if self.unit else "")
                raise KnobError(KNOB_ERRORS["out_of_range"].format(name=self.name, value=repr(value),
                                                                   allowed=allowed))
        return coerced


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _coerce(knob: Knob, value: Any) -> Any:
    try:
        if knob.type is bool:
            if isinstance(value, bool):
                return value
            if isinstance(value, (int, float)) and value in (0, 1):
                return bool(value)
            text = str(value).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ValueError
        if knob.type is int:
            if isinstance(value, bool):
                raise ValueError
            if isinstance(value, float):
                if not value.is_integer():
                    raise ValueError
                return int(value)
            return int(str(value).strip()) if isinstance(value, str) else int(value)
        if knob.type is float:
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        if knob.type is str:
            if not isinstance(value, str):
                raise ValueError
            return value.strip()
    except (TypeError, ValueError):
        pass
    raise KnobError(KNOB_ERRORS["wrong_type"].format(name=knob.name, value=repr(value), kind=TYPE_WORDS[knob.type],
                                                     allowed=knob.range_text()))


def _knobs(*items: Knob) -> dict[str, Knob]:
    return {k.name: k for k in items}


KNOBS: dict[str, Knob] = _knobs(
    # ---- live: optimiser -------------------------------------------------
    Knob("lr_g", float, 2e-4, SCALAR, "optimiser",
         Text("Generator learning rate (Adam). Larger learns faster but can overshoot and diverge.",
              "生成器の学習率 (Adam)。大きいと速く学ぶが、行き過ぎて発散することがある。"),
         minimum=1e-6, maximum=1.0, log_scale=True,
         label_text=Text("G learning rate", "G の学習率")),
    Knob("lr_d", float, 2e-4, SCALAR, "optimiser",
         Text("Discriminator learning rate (Adam). Lower it when D wins every round.",
              "識別器の学習率 (Adam)。識別器が強すぎるときは下げる。"),
         minimum=1e-6, maximum=1.0, log_scale=True,
         label_text=Text("D learning rate", "D の学習率")),
    Knob("beta1", float, 0.5, SCALAR, "optimiser",
         Text("Adam's beta1 (momentum). 0.5 is the usual GAN choice; 0.9 can oscillate.",
              "Adam の beta1 (モーメンタム)。GAN では 0.5 が定番。0.9 は振動しやすい。"),
         minimum=0.0, maximum=0.999, label_text=Text("Adam beta1", "Adam beta1")),
    Knob("beta2", float, 0.999, SCALAR, "optimiser",
         Text("Adam's beta2 (averaging of squared gradients).",
              "Adam の beta2 (勾配の二乗の平均化)。"),
         minimum=0.0, maximum=0.9999, label_text=Text("Adam beta2", "Adam beta2")),
    # ---- live: batch -----------------------------------------------------
    Knob("batch_size", int, 64, STRUCTURAL, "batch",
         Text("Samples per step. Larger: steadier gradients, more memory, less diversity. "
              "Smaller: noisier, escapes poor solutions.",
              "1 ステップのサンプル数。大きいと勾配が安定しメモリを使い多様性が減る。"
              "小さいとノイズが増え局所解から抜けやすい。"),
         minimum=2, maximum=4096, unit="samples", log_scale=True,
         label_text=Text("Batch size", "バッチサイズ")),
    Knob("d_steps", int, 1, STRUCTURAL, "batch",
         Text("Discriminator updates per training step.",
              "1 ステップあたりの識別器の更新回数。"),
         minimum=0, maximum=10, label_text=Text("D steps per step", "D の更新回数")),
    Knob("g_steps", int, 1, STRUCTURAL, "batch",
         Text("Generator updates per training step.",
              "1 ステップあたりの生成器の更新回数。"),
         minimum=0, maximum=10, label_text=Text("G steps per step", "G の更新回数")),
    # ---- live: discriminator ---------------------------------------------
    Knob("d_dropout", float, 0.0, STRUCTURAL, "discriminator",
         Text("Dropout rate in D's hidden layers. Slows D down; too much makes samples monotonous.",
              "識別器の隠れ層のドロップアウト率。識別器を遅らせる。大きすぎると画像が単調になる。"),
         minimum=0.0, maximum=0.9, label_text=Text("D dropout", "D のドロップアウト")),
    Knob("d_batchnorm", bool, False, STRUCTURAL, "discriminator",
         Text("Batch normalisation in D. Speeds D up; with separate real and fake batches it "
              "often lets D win outright.",
              "識別器のバッチ正規化。識別器の収束を速める。本物と偽物を別バッチで流すと識別器が圧勝しやすい。"),
         label_text=Text("D batch norm", "D のバッチ正規化")),
    # ---- live: loss and tricks -------------------------------------------
    Knob("loss", str, "bce", STRUCTURAL, "loss",
         Text("Adversarial loss: bce (non-saturating), lsgan (least squares) or hinge.",
              "敵対的損失: bce (非飽和), lsgan (最小二乗), hinge。"),
         choices=LOSSES, label_text=Text("Loss", "損失関数")),
    Knob("label_smoothing", float, 0.0, SCALAR, "loss",
         Text("One-sided label smoothing: D's target for real samples is 1 - value.",
              "片側ラベルスムージング: 本物に対する識別器の目標を 1 - 値 にする。"),
         minimum=0.0, maximum=0.5, label_text=Text("Label smoothing", "ラベルスムージング")),
    Knob("instance_noise", float, 0.0, SCALAR, "loss",
         Text("Standard deviation of Gaussian noise added to every input of D (data units).",
              "識別器へのすべての入力に加えるガウスノイズの標準偏差 (データの単位)。"),
         minimum=0.0, maximum=2.0, label_text=Text("Instance noise", "インスタンスノイズ")),
    # ---- setup: data -----------------------------------------------------
    Knob("dataset", str, "digits", SETUP, "data",
         Text("Training data: digits, ring, grid, spiral, or a path to images, MNIST/CIFAR files or an array.",
              "学習データ: digits, ring, grid, spiral、または画像フォルダ・MNIST/CIFAR・配列ファイルのパス。"),
         label_text=Text("Dataset", "データセット")),
    Knob("image_size", int, 16, SETUP, "data",
         Text("Side of the square images the models see (pixels).",
              "モデルが扱う正方形画像の一辺 (ピクセル)。"),
         choices=IMAGE_SIZES, unit="px", label_text=Text("Image size", "画像サイズ")),
    Knob("seed", int, 0, SETUP, "data",
         Text("Random seed: the same seed and device give the same numbers.",
              "乱数シード: 同じシードと同じデバイスなら同じ結果になる。"),
         minimum=0, maximum=2**31 - 1, label_text=Text("Seed", "シード")),
    Knob("device", str, "auto", SETUP, "data",
         Text("Where to train: auto (CUDA, else Apple MPS, else CPU), cpu, cuda or mps.",
              "学習に使う装置: auto (CUDA → Apple MPS → CPU の順), cpu, cuda, mps。"),
         choices=DEVICES, label_text=Text("Device", "デバイス")),
    Knob("precision", str, "fp32", SETUP, "data",
         Text("Arithmetic precision: fp32, or bf16 autocast on CUDA for larger models.",
              "計算精度: fp32、または CUDA での bf16 自動混合精度 (大きなモデル向け)。"),
         choices=PRECISIONS, label_text=Text("Precision", "精度")),
    # ---- setup: generator ------------------------------------------------
    Knob("model", str, "dcgan", SETUP, "generator",
         Text("Architecture: mlp (2D data) or dcgan (images).",
              "構造: mlp (2 次元データ) または dcgan (画像)。"),
         choices=MODELS, label_text=Text("Model", "モデル")),
    Knob("latent_dim", int, 32, SETUP, "generator",
         Text("Size of the noise vector z that G turns into a sample.",
              "生成器が受け取るノイズベクトル z の次元。"),
         minimum=1, maximum=512, label_text=Text("Latent size", "潜在次元")),
    Knob("g_width", int, 32, SETUP, "generator",
         Text("G's width: units per hidden layer (mlp) or base filter count (dcgan).",
              "生成器の幅: 隠れ層のユニット数 (mlp) または基本フィルタ数 (dcgan)。"),
         minimum=4, maximum=1024, log_scale=True, label_text=Text("G width", "G の幅")),
    Knob("g_depth", int, 0, SETUP, "generator",
         Text("G's depth: hidden layers (mlp) or extra 3x3 convolutions per resolution (dcgan).",
              "生成器の深さ: 隠れ層の数 (mlp) または解像度ごとに追加する 3x3 畳み込みの数 (dcgan)。"),
         minimum=0, maximum=8, label_text=Text("G depth", "G の深さ")),
    Knob("g_batchnorm", bool, True, SETUP, "generator",
         Text("Batch normalisation in G (steadies G's training).",
              "生成器のバッチ正規化 (生成器の学習を安定させる)。"),
         label_text=Text("G batch norm", "G のバッチ正規化")),
    # ---- setup: discriminator --------------------------------------------
    Knob("d_width", int, 32, SETUP, "discriminator",
         Text("D's width: units per hidden layer (mlp) or base filter count (dcgan).",
              "識別器の幅: 隠れ層のユニット数 (mlp) または基本フィルタ数 (dcgan)。"),
         minimum=4, maximum=1024, log_scale=True, label_text=Text("D width", "D の幅")),
    Knob("d_depth", int, 0, SETUP, "discriminator",
         Text("D's depth: hidden layers (mlp) or extra 3x3 convolutions per resolution (dcgan).",
              "識別器の深さ: 隠れ層の数 (mlp) または解像度ごとに追加する 3x3 畳み込みの数 (dcgan)。"),
         minimum=0, maximum=8, label_text=Text("D depth", "D の深さ")),
)

LIVE_KNOBS: tuple[str, ...] = tuple(n for n, k in KNOBS.items() if k.live)
SETUP_KNOBS: tuple[str, ...] = tuple(n for n, k in KNOBS.items() if not k.live)
SCALAR_KNOBS: tuple[str, ...] = tuple(n for n, k in KNOBS.items() if k.kind == SCALAR)
STRUCTURAL_KNOBS: tuple[str, ...] = tuple(n for n, k in KNOBS.items() if k.kind == STRUCTURAL)

# Defaults that depend on the dataset, chosen by measurement (see the issue
# notes and benchmarks/): what a default run needs to be a healthy game.
DATASET_PRESETS: dict[str, dict[str, Any]] = {
    "digits": {},
    "ring": {"model": "mlp", "latent_dim": 2, "g_width": 128, "g_depth": 3,
             "d_width": 128, "d_depth": 3, "batch_size": 512, "lr_g": 1e-3,
             "lr_d": 1e-3, "g_batchnorm": False},
    "grid": {"model": "mlp", "latent_dim": 2, "g_width": 128, "g_depth": 3,
             "d_width": 128, "d_depth": 3, "batch_size": 512, "lr_g": 1e-3,
             "lr_d": 1e-3, "g_batchnorm": False},
    "spiral": {"model": "mlp", "latent_dim": 2, "g_width": 128, "g_depth": 3,
               "d_width": 128, "d_depth": 3, "batch_size": 512, "lr_g": 1e-3,
               "lr_d": 1e-3, "g_batchnorm": False},
}


def knob(name: str) -> Knob:
    try:
        return KNOBS[name]
    except KeyError:
        close = [n for n in KNOBS if n.startswith(name[:3])] if name else []
        hint = KNOB_ERRORS["did_you_mean"].format(close=", ".join(close)) if close else Text("")
        raise KnobError(KNOB_ERRORS["unknown"].format(name=repr(name), hint=hint, known=", ".join(KNOBS))) from None


def validate(name: str, value: Any) -> Any:
    return knob(name).validate(value)


def validate_many(values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: validate(name, value) for name, value in values.items()}


def defaults(dataset: str | None = None) -> dict[str, Any]:
    """All knob values for a fresh run on ``dataset`` (the built-in default if None)."""
    values = {name: k.default for name, k in KNOBS.items()}
    name = dataset if dataset is not None else values["dataset"]
    values["dataset"] = name
    values.update(DATASET_PRESETS.get(name, {}))
    return values


def resolve(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Defaults for the chosen dataset, with ``overrides`` validated on top."""
    overrides = dict(overrides or {})
    checked = validate_many(overrides)
    values = defaults(checked.get("dataset"))
    values.update(checked)
    return values


def parse_assignment(text: str) -> tuple[str, Any]:
    """Parse ``KNOB=VALUE`` as given to ``--set``; the value is validated."""
    if "=" not in text:
        raise KnobError(KNOB_ERRORS["assignment"].format(text=repr(text)))
    name, _, raw = text.partition("=")
    name = name.strip()
    return name, validate(name, raw.strip())


def live_part(values: Mapping[str, Any]) -> dict[str, Any]:
    return {n: values[n] for n in LIVE_KNOBS if n in values}


def setup_part(values: Mapping[str, Any]) -> dict[str, Any]:
    return {n: values[n] for n in SETUP_KNOBS if n in values}


def by_group(names: Iterable[str] | None = None) -> dict[str, list[Knob]]:
    wanted = set(names) if names is not None else set(KNOBS)
    groups: dict[str, list[Knob]] = {g: [] for g in GROUPS}
    for k in KNOBS.values():
        if k.name in wanted:
            groups[k.group].append(k)
    return groups


def format_value(name: str, value: Any) -> str:
    """Short human form used in markers and events, e.g. ``2e-04`` or ``off``."""
    k = KNOBS.get(name)
    if isinstance(value, bool) or (k is not None and k.type is bool):
        return "on" if value else "off"
    if isinstance(value, float):
        return number_format.setting(value)
    return str(value)


@dataclass
class KnobChange:
    """One knob's change as recorded in events.jsonl and shown as a marker."""

    step: int
    knob: str
    old: Any
    new: Any
    source: str = "user"
    time: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def label(self) -> str:
        return f"{self.knob} {format_value(self.knob, self.old)} -> {format_value(self.knob, self.new)}"
