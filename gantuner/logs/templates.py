"""Learn a console format's exact line layout from one of its lines.

A console metric line is fixed text with numbers in between:

    50 [D loss: 0.000624, acc.: 100.00%] [G loss: 0.007994]
    ^^ ---------^^^^^^^^------^^^^^^--------------^^^^^^^^-

The learner splits a line into its literals and numbers, names every number
from the text before it ("D loss" -> ``d_loss``, "acc." in the D bracket ->
``d_acc``), and returns a :class:`Template`.  Learning from the line itself
(rather than hard-coding one pattern per program) picks up the extras
programs add: acgan's ``op_acc``, BEGAN's ``-- M: .., k: ..``, cyclegan's
``[G loss: .., adv: .., cycle: ..] ETA: ..``.

When does a line fit a template?  When its *skeleton* (the line without
digits, dots, signs, the letters of nan/inf/infinity and exponents, and
blanks) equals the sample line's, and it splits into the same number of
tokens (runs of letters, digits, '_', '.', '+', '-').  The values are then
the tokens at the sample's value positions, and float() (or numbers.py)
decides whether each is a number.  This one rule is checked per line by
:meth:`Template.values` and for a whole chunk at once by console.py, so the
fast path and the careful path can never disagree about a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import clean_name

# A number as Python and printf write it, standing alone (not the 1 in "d1" or "L1").
_NUMBER = re.compile(
    r"(?<![\w.])[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|(?i:nan|inf(?:inity)?))(?![\w.])"
)
# The text between two numbers: what closes the previous value, a separator,
# and the label of the next value with its ':' or '=' (or '[' in Brownlee's pix2pix).
_LITERAL = re.compile(
    r"(?P<close>%?\]?)(?P<sep>[^A-Za-z]*?)"
    r"(?:(?P<label>[A-Za-z][\w.()]*(?:[ \t]+[A-Za-z][\w.()]*)*)[ \t]*(?P<assign>[:=\[])?[ \t]*)?"
)
# Labels that start free text after the metrics (cyclegan's "ETA: 1:23:45", Keras-GAN's "time: ...").
_TAIL_LABELS = {"eta", "time", "elapsed", "lr"}
# A token: what a value (or a word of a label) is made of.  Values are never split.
_TOKEN = re.compile(rb"[-+.\w]+")
# Removed to make the skeleton: whatever a value can be made of, and blanks.
SKELETON_DELETE = b"0123456789.+-eEnNaAiIfFtTyY \t"
# Maps every byte that cannot be in a token to a space (newlines kept): then split() gives the tokens.
TOKEN_TABLE = bytes(c if c == 10 or _TOKEN.fullmatch(bytes([c])) else 32 for c in range(256))


def skeleton_of(line: bytes) -> bytes:
    return line.translate(None, SKELETON_DELETE)


def tokens_of(line: bytes) -> list[bytes]:
    return line.translate(TOKEN_TABLE).split()


@dataclass(frozen=True)
class Field:
    name: str           # column name, or step / epoch / batch / n_epochs / n_batches
    percent: bool = False  # printed in percent: divided by 100 to give a share
    integer: bool = False


@dataclass(frozen=True)
class Template:
    format: str                 # format id, e.g. "keras-gan-acgan"
    literals: tuple[str, ...]   # len(fields) + 1: before each number, and the closing text
    fields: tuple[Field, ...]
    marker: bytes               # text every line of this layout has near its start
    skeleton: bytes             # the sample line's skeleton (see the module docstring)
    row_tokens: int             # how many tokens the sample line has
    value_tokens: tuple[int, ...]  # which of them are the values, one per field

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def values(self, skeleton: bytes, tokens: list[bytes]) -> list[bytes] | None:
        """The value texts of a line that fits (given its skeleton and tokens), else None."""
        if skeleton != self.skeleton or len(tokens) != self.row_tokens:
            return None
        return [tokens[i] for i in self.value_tokens]

    def cut_short_of(self, other: Template) -> bool:
        """True when this layout is ``other`` with its last values missing (a line cut short)."""
        n = len(self.fields)
        return (n < len(other.fields) and self.fields == other.fields[:n]
                and self.literals[:n] == other.literals[:n])


@dataclass
class _Lit:
    close: str
    sep: str
    label: str
    assign: str


def _split(line: str) -> tuple[list[str], list[str]] | None:
    literals: list[str] = []
    numbers: list[str] = []
    pos = 0
    for m in _NUMBER.finditer(line):
        literals.append(line[pos:m.start()])
        numbers.append(m.group())
        pos = m.end()
    literals.append(line[pos:])
    return (literals, numbers) if numbers else None


def _lit(text: str) -> _Lit | None:
    m = _LITERAL.fullmatch(text)
    if m is None:
        return None
    return _Lit(m["close"], m["sep"], m["label"] or "", m["assign"] or "")


def _marker(literal: str, info: _Lit) -> str:
    """The literal as it stands in every line of the layout, without what closed the value before."""
    return literal[len(info.close):].strip()


def _is_int(text: str) -> bool:
    return text.lstrip("+-").isdigit()


class _Builder:
    """Collects fields; names that repeat get _2, _3 (a layout never loses a value)."""

    def __init__(self) -> None:
        self.fields: list[Field] = []

    def add(self, name: str, percent: bool = False, integer: bool = False) -> None:
        base, k = name, 2
        while name in self.names():
            name, k = f"{base}_{k}", k + 1
        self.fields.append(Field(name, percent, integer))

    def names(self) -> list[str]:
        return [f.name for f in self.fields]


def _percent(literals: list[str], i: int) -> bool:
    """Whether number i is printed in percent: the text after it starts with '%'."""
    return literals[i + 1].startswith("%")


def _finish(family_format: str, literals: list[str], numbers: list[str], builder: _Builder,
            used: int, marker: str, open_bracket: bool = False) -> Template | None:
    """Template from the first ``used`` numbers; the rest of the line is tail text.

    ``open_bracket``: the last value sits in a '[...' that must close, or the
    line was cut short.
    """
    if used == 0 or not marker:
        return None
    if used == len(numbers):
        last, tail = literals[used], ""
    else:
        info = _LITERAL.match(literals[used])
        close = info["close"] if info else ""
        last, tail = close, literals[used][len(close):]
    if tail.strip() and not tail[:1].isspace():
        return None  # text glued to the last value: not a layout we understand
    if open_bracket and "]" not in last:
        return None  # cut short inside a bracket
    shape = _shape(literals, numbers, used)
    if shape is None:
        return None
    skeleton, row_tokens, value_tokens = shape
    return Template(family_format, tuple(literals[:used]) + (last,), tuple(builder.fields),
                    marker=marker.encode(), skeleton=skeleton, row_tokens=row_tokens,
                    value_tokens=value_tokens)


def _shape(literals: list[str], numbers: list[str], used: int) -> tuple[bytes, int, tuple[int, ...]] | None:
    """Skeleton, token count and value token positions of the sample line.

    None when a value is not a token of its own (glued to a word): such a
    line cannot be split reliably.
    """
    parts: list[bytes] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for i, literal in enumerate(literals):
        parts.append(literal.encode())
        offset += len(parts[-1])
        if i < len(numbers):
            number = numbers[i].encode()
            if i < used:
                spans.append((offset, offset + len(number)))
            parts.append(number)
            offset += len(number)
    line = b"".join(parts)
    tokens = {(m.start(), m.end()): k for k, m in enumerate(_TOKEN.finditer(line))}
    positions = tuple(tokens.get(span, -1) for span in spans)
    if -1 in positions:
        return None
    return skeleton_of(line), len(tokens), positions


def _bracket_items(literals: list[str], numbers: list[str], start: int,
                   builder: _Builder) -> tuple[int, str, bool]:
    """Keras-GAN / PyTorch-GAN '[D loss: x, acc.: y%] [G loss: z, adv: w] -- M: m' items.

    Returns how many numbers were used, the marker (first bracket label) and
    whether the last bracket is still open.
    """
    group = ""
    marker = ""
    open_bracket = False
    i = start
    while i < len(numbers):
        info = _lit(literals[i])
        if info is None or not info.label or info.assign != ":" or info.label.lower() in _TAIL_LABELS:
            break
        label = info.label
        percent = _percent(literals, i)
        if "]" in info.close:
            open_bracket = False
        if "[" in info.sep:
            open_bracket = True
            group = label
            low = label.lower()
            # "A loss": the adversarial (stacked G -> D) model's loss is G's (Krohn, Atienza).
            name = {"d loss": "d_loss", "g loss": "g_loss", "a loss": "g_loss"}.get(low, clean_name(label))
            marker = marker or _marker(literals[i], info)
        elif "--" in info.sep:
            group = "--"
            name = clean_name(label)
        elif "," in info.sep and group:
            side = group[:2].lower()
            if group == "--":
                name = clean_name(label)
            elif side == "d " and label.lower().rstrip(".") in ("acc", "accuracy"):
                name = "d_acc"
            elif side == "d ":
                name = clean_name(label)
            elif side == "g ":
                name = "g_" + clean_name(label)
            else:
                name = clean_name(group) + "_" + clean_name(label)
        else:
            break
        builder.add(name, percent)
        i += 1
    return i, marker, open_bracket


def _has_losses(builder: _Builder) -> bool:
    names = builder.names()
    return "d_loss" in names or "g_loss" in names


def learn_keras(line: str) -> Template | None:
    """'%d [D loss: %f, acc.: %.2f%%] [G loss: %f]' and its acgan/wgan variants."""
    split = _split(line.strip())
    if split is None:
        return None
    literals, numbers = split
    if literals[0] or not _is_int(numbers[0]) or len(numbers) < 2:
        return None
    builder = _Builder()
    builder.add("step", integer=True)
    used, marker, open_bracket = _bracket_items(literals, numbers, 1, builder)
    if not _has_losses(builder):
        return None
    names = builder.names()
    fmt = ("keras-gan-acgan" if "op_acc" in names
           else "keras-gan" if "d_acc" in names else "keras-gan-wgan")
    return _finish(fmt, literals, numbers, builder, used, marker, open_bracket)


def _epoch_batch_head(line: str) -> tuple[list[str], list[str], _Builder] | None:
    """A line that starts with epoch/epochs and batch/batches (PyTorch-GAN, pytorch/examples)."""
    split = _split(line.strip())
    if split is None:
        return None
    literals, numbers = split
    if (len(numbers) < 5 or not all(_is_int(n) for n in numbers[:4])
            or literals[1] != "/" or literals[3] != "/"):
        return None
    builder = _Builder()
    for name in ("epoch", "n_epochs", "batch", "n_batches"):
        builder.add(name, integer=True)
    return literals, numbers, builder


def learn_pytorch_gan(line: str) -> Template | None:
    """'[Epoch %d/%d] [Batch %d/%d] [D loss: %f] [G loss: %f]' and friends."""
    head = _epoch_batch_head(line)
    if head is None:
        return None
    literals, numbers, builder = head
    epoch, batch = _lit(literals[0]), _lit(literals[2])
    if (epoch is None or epoch.label != "Epoch" or epoch.assign
            or batch is None or batch.label != "Batch" or batch.assign):
        return None
    used, _, open_bracket = _bracket_items(literals, numbers, 4, builder)
    if not _has_losses(builder):
        return None
    fmt = "pytorch-gan-acgan" if "d_acc" in builder.names() else "pytorch-gan"
    return _finish(fmt, literals, numbers, builder, used, literals[0].strip(), open_bracket)


_EXAMPLES_LABELS = {"Loss_D": "d_loss", "Loss_G": "g_loss", "D(x)": "d_x", "D(G(z))": "d_g_z"}


def learn_pytorch_examples(line: str) -> Template | None:
    """'[%d/%d][%d/%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f D(G(z)): %.4f / %.4f'."""
    head = _epoch_batch_head(line)
    if head is None:
        return None
    literals, numbers, builder = head
    if literals[0] != "[" or literals[2] != "][":
        return None
    previous = ""
    marker = ""
    i = 4
    while i < len(numbers):
        info = _lit(literals[i])
        if info is None or info.label.lower() in _TAIL_LABELS:
            break
        if info.label and info.assign == ":":
            name = _EXAMPLES_LABELS.get(info.label, clean_name(info.label))
            marker = marker or _marker(literals[i], info)
        elif not info.label and info.sep.strip() == "/" and previous:
            name = previous + "_after"  # D(G(z)) before / after the D step
        else:
            break
        builder.add(name, _percent(literals, i))
        previous = name
        i += 1
    if not _has_losses(builder):
        return None
    return _finish("pytorch-examples-dcgan", literals, numbers, builder, i, marker)


_BROWNLEE_LABELS = {  # label -> (column, printed in percent)
    "d1": ("d_loss_real", False), "d2": ("d_loss_fake", False),
    "c1": ("d_loss_real", False), "c2": ("d_loss_fake", False),  # WGAN chapter: critic losses
    "d": ("d_loss", False), "g": ("g_loss", False),
    "a1": ("d_acc_real", True), "a2": ("d_acc_fake", True),  # whole percent without a '%' sign
}


def learn_brownlee(line: str) -> Template | None:
    """'>%d, d1=%.3f, d2=%.3f g=%.3f, a1=%d, a2=%d' (also '>%d, %d/%d, d1=...', 'd1[%.3f]')."""
    split = _split(line.strip())
    if split is None:
        return None
    literals, numbers = split
    if literals[0] != ">" or not _is_int(numbers[0]):
        return None
    builder = _Builder()
    i = 1
    if len(numbers) > 3 and literals[1].strip() == "," and literals[2] == "/" and _is_int(numbers[1]):
        for name in ("epoch", "batch", "n_batches"):
            builder.add(name, integer=True)
        i = 3
    else:
        builder.add("step", integer=True)
    marker = ""
    previous = ""
    open_bracket = False
    while i < len(numbers):
        info = _lit(literals[i])
        if info is None:
            break
        if "]" in info.close:
            open_bracket = False
        if info.label and info.assign in ("=", "["):
            open_bracket = info.assign == "["
            key = info.label.lower()
            name, percent = _BROWNLEE_LABELS.get(key, (clean_name(info.label), False))
            marker = marker or _marker(literals[i], info)
        elif not info.label and info.sep.strip() == "," and previous:
            name, percent = previous, False  # second value in 'g[%.3f,%.3f]': becomes g_loss_2
        else:
            break
        builder.add(name, percent or _percent(literals, i))
        previous = name
        i += 1
    names = builder.names()
    if not ({"g_loss", "d_loss", "d_loss_real"} & set(names)):
        return None
    return _finish("brownlee", literals, numbers, builder, i, marker, open_bracket)


LEARNERS = {
    "keras-gan": learn_keras,
    "pytorch-gan": learn_pytorch_gan,
    "pytorch-examples-dcgan": learn_pytorch_examples,
    "brownlee": learn_brownlee,
}
