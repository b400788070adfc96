"""Console logs (Keras-GAN, PyTorch-GAN, pytorch/examples dcgan, Brownlee) into a MetricTable.

How a file is read, and why it is fast (a per-line regex loop is too slow
for a million lines):

1. The layout of the metric lines is learned from the first line that fits
   (templates.py): its literals, the names of its values, and its
   *skeleton*: the line without digits, dots, signs, the letters of
   nan/inf/infinity and exponents, and blanks.  Every line of the layout has
   that skeleton, whatever its values.
2. The text is cut into chunks of about 2 MB at line ends.  In each chunk a
   single ``translate`` gives every line's skeleton; the lines whose skeleton
   matches are joined, every byte a value cannot contain becomes a space, and
   numbers.py parses the values at the layout's token positions with numpy.
   Nothing in Python runs per line.
3. The chunk is trusted only if the number of lines that *look* like metric
   lines (they contain the layout's marker, e.g. ``[D loss:``) equals the
   number of lines taken, every line split into the layout's number of
   tokens, and every value parsed.  Otherwise that chunk is read again line
   by line with the same rule (Template.values), which finds the skipped
   lines and their line numbers, and lines of a second layout of the same
   family (a run appended with another script).  So noise costs nothing and
   damage costs one chunk.

Lines without the marker (model summaries, warnings, tqdm bars, blank lines)
are other output and are ignored silently.  Carriage returns (the progress
lines of PyTorch-GAN's cyclegan and pix2pix) end a record just like newlines;
line numbers in ``skipped_examples`` count newlines only, as an editor does.

Mapping: Keras-GAN's "epoch" is its iteration counter and becomes ``step``;
PyTorch-GAN and pytorch/examples print epoch and batch, and
``step = epoch * batches_per_epoch + batch`` (the epoch is kept as a column).
Percentages (``acc.: 71.88%``, ``acc: 37%``, Brownlee's ``a1=76``) become
shares 0..1.

pytorch/examples' ``Loss_D`` is ``errD_real + errD_fake``, the *sum* of the
two BCE terms, so it sits near 1.386 (2 ln 2) where Keras-GAN's mean sits
near 0.693.  It is kept as printed in ``d_loss``; the diagnosis must not
compare it with the engine's mean without halving it.  Its ``D(G(z))`` is
printed before and after the D step: ``d_g_z`` is the first (what D said
while being trained), ``d_g_z_after`` the second.

Brownlee prints D's losses on the real and the fake half separately (d1, d2)
and its accuracies on each (a1, a2, whole percent).  They fill
``d_loss_real``, ``d_loss_fake``, ``d_acc_real``, ``d_acc_fake``; ``d_loss``
and ``d_acc`` are added as their means, which is what Keras reports for a
batch made of the two halves and what the engine records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress

import numpy as np

from gantuner.metrics import MetricTable, SkippedLine

from .names import order_columns
from .numbers import parse_rows
from .templates import LEARNERS, SKELETON_DELETE, TOKEN_TABLE, Template, skeleton_of, tokens_of

CHUNK_BYTES = 1 << 21
MAX_EXAMPLES = 5
MAX_TEMPLATES = 8          # layouts of one family in one file (appended runs)
LEARN_LINE_LIMIT = 4096    # metric lines are short; do not tokenise megabyte lines
LEARN_TRIES = 200
_STRUCTURAL = ("step", "epoch", "n_epochs", "batch", "n_batches")
_HINTS = {  # where a family's metric lines may be, to find one to learn from
    "keras-gan": rb"(?m)^[^\n]*\[[DG] [^\n]*$",
    "pytorch-gan": rb"(?m)^[^\n]*\[Epoch [^\n]*$",
    "pytorch-examples-dcgan": rb"(?m)^[^\n]*Loss_[DG][^\n]*$",
    "brownlee": rb"(?m)^[ \t]*>[^\n]*$",
}


def work_text(data: bytes) -> bytes:
    """Carriage returns end records too; replacing them keeps every byte offset."""
    return data.replace(b"\r", b"\n") if b"\r" in data else data


@dataclass
class _Block:
    n: int
    values: dict[str, np.ndarray]


@dataclass
class ConsoleResult:
    format: str
    fields: dict[str, np.ndarray]
    n: int
    skipped_lines: int = 0
    skipped_examples: list[SkippedLine] = field(default_factory=list)


class ConsoleParser:
    """Reads the logs of one console family; keeps what it learned between calls.

    Keeping the templates matters for following a growing log: every piece is
    read with the same layouts, so the columns stay the same.
    """

    def __init__(self, family: str, format_id: str | None = None) -> None:
        self.family = family
        self.learner = LEARNERS[family]
        self.format_id = format_id
        self.templates: list[Template] = []

    # -- learning ---------------------------------------------------------
    def learn(self, work: bytes) -> bool:
        """Find the primary layout in ``work``; False when no line fits yet."""
        if self.templates:
            return True
        for i, m in enumerate(re.finditer(_HINTS[self.family], work)):
            if i >= LEARN_TRIES:
                break
            line = m.group()
            if len(line) > LEARN_LINE_LIMIT:
                continue
            template = self.learner(line.decode("utf-8", "replace"))
            if template is not None:
                self._add(template)
                return True
        return False

    def _add(self, template: Template) -> None:
        self.templates.append(template)
        if len(self.templates) == 1 and self.format_id is None:
            self.format_id = template.format

    @property
    def marker(self) -> bytes:
        return self.templates[0].marker

    # -- reading ----------------------------------------------------------
    def parse(self, data: bytes, first_line: int = 1) -> ConsoleResult:
        """Rows of ``data`` (whole lines); ``first_line`` is the line number of its first line."""
        work = work_text(data)
        result = ConsoleResult(self.format_id or self.family, {}, 0)
        if not self.learn(work):
            # Nothing to learn from: every line that looks like a metric line is skipped.
            self._skip_all(data, work, first_line, result)
            return result
        result.format = self.format_id or self.templates[0].format
        blocks: list[_Block] = []
        pos, size = 0, len(work)
        counted_to, line = 0, first_line  # line number at counted_to, counted only when needed
        while pos < size:
            end = work.find(b"\n", min(pos + CHUNK_BYTES, size))
            end = size if end < 0 else end + 1
            chunk = work[pos:end]
            block = self._fast(chunk)
            if block is None:
                line += data.count(b"\n", counted_to, pos)
                counted_to = pos
                block = self._slow(chunk, data, pos, line, result)
            if block.n:
                blocks.append(block)
            pos = end
        result.fields, result.n = _concat(blocks)
        return result

    def _fast(self, chunk: bytes) -> _Block | None:
        template = self.templates[0]
        # A line is taken when its skeleton (the line without digits, signs, dots,
        # nan/inf letters and blanks) equals the sample line's: one C pass per chunk.
        lines = chunk.split(b"\n")
        skeletons = chunk.translate(None, SKELETON_DELETE).split(b"\n")
        good = list(compress(lines, map(template.skeleton.__eq__, skeletons)))
        markers = chunk.count(template.marker)
        if not good:
            return _Block(0, {}) if markers == 0 else None
        joined = b"\n".join(good)
        # Every line that looks like a metric line (has the marker) fits, and every fitting line has it.
        if markers != len(good) or joined.count(template.marker) != len(good):
            return None
        parsed = parse_rows(joined.translate(TOKEN_TABLE), len(good), template.row_tokens,
                            template.value_tokens)
        if parsed is None or not parsed[1].all():
            return None  # a value is not a number, or a line splits differently
        table = parsed[0]
        out: dict[str, np.ndarray] = {}
        for j, f in enumerate(template.fields):
            column = table[:, j]
            if f.integer and not _whole(column).all():
                return None
            out[f.name] = column / 100.0 if f.percent else column.copy()
        return _Block(len(good), out)

    def _slow(self, chunk: bytes, data: bytes, chunk_start: int, first_line: int,
              result: ConsoleResult) -> _Block:
        marker = self.marker
        rows: list[dict[str, float]] = []
        offset = 0
        counted_to, line_no = chunk_start, first_line
        for line in chunk.split(b"\n"):
            start = offset
            offset += len(line) + 1
            if marker not in line:
                continue
            row, reason = self._parse_line(line)
            if row is not None:
                rows.append(row)
                continue
            result.skipped_lines += 1
            if len(result.skipped_examples) < MAX_EXAMPLES:
                line_no += data.count(b"\n", counted_to, chunk_start + start)
                counted_to = chunk_start + start
                result.skipped_examples.append(SkippedLine(line_no, _show(line), reason))
        return _rows_block(rows)

    def _parse_line(self, line: bytes) -> tuple[dict[str, float] | None, str]:
        skeleton, tokens = skeleton_of(line), tokens_of(line)
        template, texts = None, None
        for candidate in self.templates:
            texts = candidate.values(skeleton, tokens)
            if texts is not None:
                template = candidate
                break
        if template is None and len(self.templates) < MAX_TEMPLATES and len(line) <= LEARN_LINE_LIMIT:
            learned = self.learner(line.decode("utf-8", "replace"))
            if learned is not None and not learned.cut_short_of(self.templates[0]):
                self._add(learned)
                template, texts = learned, learned.values(skeleton, tokens)
        if template is None or texts is None:
            return None, self._why(tokens)
        row: dict[str, float] = {}
        for f, text in zip(template.fields, texts):
            try:
                value = float(text)
            except ValueError:
                return None, f"{f.name} value {text.decode('utf-8', 'replace')!r} is not a number"
            if f.integer and not _whole(np.array([value]))[0]:
                return None, f"{f.name} {text.decode('utf-8', 'replace')!r} is not a whole number"
            row[f.name] = value / 100.0 if f.percent else value
        return row, ""

    def _why(self, tokens: list[bytes]) -> str:
        """Why a line with the marker does not fit: a value that is no number, else its layout."""
        primary = self.templates[0]
        if len(tokens) == primary.row_tokens:
            for f, i in zip(primary.fields, primary.value_tokens):
                try:
                    float(tokens[i])
                except ValueError:
                    return f"{f.name} value {tokens[i].decode('utf-8', 'replace')!r} is not a number"
        return f"does not fit the {self.format_id} line layout (cut short or garbled?)"

    def _skip_all(self, data: bytes, work: bytes, first_line: int, result: ConsoleResult) -> None:
        """No layout learned: the lines that carry the family's hint are all skipped."""
        counted_to, line_no = 0, first_line
        for m in re.finditer(_HINTS[self.family], work):
            result.skipped_lines += 1
            if len(result.skipped_examples) < MAX_EXAMPLES:
                line_no += data.count(b"\n", counted_to, m.start())
                counted_to = m.start()
                result.skipped_examples.append(SkippedLine(
                    line_no, _show(m.group()), f"does not fit any {self.family} line layout"))


def _whole(column: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.isfinite(column) & (np.floor(column) == column) & (np.abs(column) < 2.0**53)


def _show(line: bytes) -> str:
    text = line.decode("utf-8", "replace").replace("\x00", "\\0")
    return text if len(text) <= 200 else text[:200] + "..."


def _rows_block(rows: list[dict[str, float]]) -> _Block:
    names: list[str] = []
    for row in rows:
        for name in row:
            if name not in names:
                names.append(name)
    values = {name: np.array([row.get(name, np.nan) for row in rows], dtype=np.float64) for name in names}
    return _Block(len(rows), values)


def _concat(blocks: list[_Block]) -> tuple[dict[str, np.ndarray], int]:
    names: list[str] = []
    for block in blocks:
        names.extend(n for n in block.values if n not in names)
    total = sum(b.n for b in blocks)
    out: dict[str, np.ndarray] = {}
    for name in names:
        parts = [b.values.get(name, np.full(b.n, np.nan)) for b in blocks]
        out[name] = np.concatenate(parts) if parts else np.empty(0)
    return out, total


def to_table(result: ConsoleResult, source: str = "") -> MetricTable:
    """Fields of a console parse -> a MetricTable (step, engine columns, extras)."""
    fields = dict(result.fields)
    n = result.n
    step = fields.get("step", np.full(n, np.nan))
    if {"epoch", "batch", "n_batches"} <= fields.keys():
        first_epoch = 1.0 if result.format == "brownlee" else 0.0  # Brownlee counts from 1
        derived = (fields["epoch"] - first_epoch) * fields["n_batches"] + fields["batch"]
        step = np.where(np.isnan(step), derived, step)
    step = np.where(np.isnan(step), np.arange(n, dtype=np.float64), step)
    step = np.clip(step, -2.0**62, 2.0**62)  # epoch * batches of absurd sizes must not wrap around
    columns = {k: v for k, v in fields.items() if k not in _STRUCTURAL}
    if "epoch" in fields:
        columns["epoch"] = fields["epoch"]
    _add_means(columns)
    return MetricTable(step=step.astype(np.int64), columns=order_columns(columns), format=result.format,
                       source=source, skipped_lines=result.skipped_lines,
                       skipped_examples=list(result.skipped_examples))


def _add_means(columns: dict[str, np.ndarray]) -> None:
    """Brownlee's real/fake halves -> the engine's d_loss and d_acc (means of the halves)."""
    for total, real, fake in (("d_loss", "d_loss_real", "d_loss_fake"), ("d_acc", "d_acc_real", "d_acc_fake")):
        if total not in columns and real in columns and fake in columns:
            columns[total] = (columns[real] + columns[fake]) / 2.0
