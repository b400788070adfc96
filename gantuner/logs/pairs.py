"""Logs of ``name: value`` / ``name=value`` pairs, whatever program printed them.

Most training scripts print one line per logged step made of labelled
numbers, and only the labels and the decoration differ:

    (epoch: 1, iters: 100, time: 0.317, data: 2.125) D_A: 0.25 G_A: 0.31 cycle_A: 1.2 ...
    Epoch: [ 2/200] [   0/   4] time: 101.3380, d_loss: 66.68623352, g_loss: 0.00000000
    Epoch: [1][       0 /     3165]	 Time: 0.447  DataTime: 0.001  	 Err_G: 0.6849  Err_D: 1.4037
    Elapsed [1:22:48.539515] batch: 6000  d_loss: 0.000000  g_loss: 16.721962
    [INFO] 2021-01-06 14:28:01 > Step:   100 Progress: 0.1% Elapsed: 0:00:41 Gen_loss: 1.13 Dis_loss: 1.07
    discriminator loss at step 100: 0.6931        (Chollet: one value per line,
    adversarial loss at step 100: 0.7012           two lines per step)
    Epoch 3:  45%|████▌     | 420/938 [00:05<00:06, 80.1it/s, d_loss=0.51, g_loss=1.2]

So this reader cleans each line (escape sequences, HTML markup, tqdm bars,
dates and clock times go), then takes every ``label: number`` (``=``, a
tab or a bracket may stand for the colon), ``label a/b`` and unlabelled
``[a/b]`` fractions (epoch and batch counters), and a leading integer (the
step of Keras-style lines).  Labels go through :mod:`.names`, so ``Err_D``,
``Dis_loss``, ``loss_dis``, ``A loss`` and ``D loss`` all find their column.
A line is a metric line when it has a D or G loss (or a D_A / G_A family of
them); other output is ignored.  Consecutive lines that carry the same step
and different values are one row (the two-line layout).

The step of a row: an explicit step/iteration counter, else epoch and batch
(``epoch * batches + batch``, or counted on when the batch counter starts
again each epoch), else the leading integer, else the row number.  A
standalone ``Epoch: 3`` line sets the epoch of the rows that follow it.

Several D or G losses (CycleGAN's D_A and D_B, G_A and G_B) are summed into
``d_loss`` / ``g_loss`` and the table's events say so, so the diagnosis can
name what it judged.  The reader is plain Python per line (a regex scan):
fine for the sizes these programs print; the fixed console formats keep
their vectorised reader (console.py).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from gantuner.metrics import MetricTable, SkippedLine

from .names import ACCURACY_COLUMNS, canonical_name, clean_name, order_columns
from .safe_text import printable

MAX_EXAMPLES = 5
MAX_LINE = 1024  # metric lines are short; a megabyte line is not one
_NUM = r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|(?i:nan|inf(?:inity)?))"
# What decorates a line without carrying a metric.
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z][^<>]{0,200}>")
_TQDM = re.compile(
    r"(?:\d{1,3}%)?\|[^|\n]{0,200}\|\s*[\d.]+[kMGT]?/(?:[\d.]+[kMGT]?|\?)\s*"
    r"(?:\[\s*(?:[\d:]+|\?)\s*<\s*(?:[\d:]+|\?)\s*(?:,\s*(?:[\d.]+|\?)\s*(?:[A-Za-z]+/s|s/[A-Za-z]+))?\s*\]?)?")
_DATE = re.compile(r"\d{4}[-/]\d{2}[-/]\d{2}(?:[ T_]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_CLOCK = re.compile(r"(?<![\w.])\d+:\d{2}(?::\d{2})?(?:\.\d+)?(?![\w.:])")
# Words of at most 48 characters, taken whole (possessive: no backtracking
# into a word, so a long run of letters costs one pass, not its square).
_LABEL = r"[A-Za-z][\w.()/\-]{0,48}+(?:[ ][A-Za-z][\w.()/\-]{0,48}+){0,2}"
_ITEM = re.compile(
    # "Epoch 3/200", "Epoch: [ 2/200]", "[0 / 3165]", "Batch 512/938"
    rf"(?P<flabel>{_LABEL})?\s*[:=]?\s*\[?\s*(?P<a>\d+)\s*/\s*(?P<b>\d+)\s*\]?(?![\d.])"
    # "d_loss: 0.5", "g_loss=1.2", "D loss: 0.5%", "Epoch: [1]", "discriminator loss at step 100: 0.69"
    rf"|(?P<label>{_LABEL})(?:\s+at\s+(?:step|iteration|iter|epoch|batch)\s+(?P<at>\d+))?"
    rf"\s*(?:[:=]\s*\[?|\[|\t+)\s*(?P<value>{_NUM})(?![\w.])(?P<pct>\s*%)?"
)
_LEADING_INT = re.compile(r"\s*[>#]?\s*(\d+)(?=[\s,:\[])")
_LOSSES = ("d_loss", "g_loss", "d_loss_real", "d_loss_fake")
_DG_FAMILY = re.compile(r"^(?:loss_)?([dg])_([a-z0-9]{1,3})$")  # CycleGAN's D_A, G_B, loss_D_A
_STEP_KEYS = ("step",)
_EPOCH_KEYS = ("epoch",)
_BATCH_KEYS = ("batch", "batches")
# Words that never label a metric: a header or progress text around the values.
_IGNORED = {"time", "data", "datatime", "data_time", "elapsed", "elapsed_time", "eta", "lr",
            "progress", "speed"}


def clean_line(line: str) -> str:
    """The line without escape sequences, markup, tqdm bars, dates and clock times."""
    line = _ANSI.sub("", line)
    if "<" in line:
        line = _MARKUP.sub(" ", line)
    if "|" in line:
        line = _TQDM.sub(" ", line)
    if "-" in line or "/" in line:
        line = _DATE.sub(" ", line)
    if ":" in line:
        line = _CLOCK.sub(" ", line)
    return line


def parse_line(line: str) -> dict[str, float] | None:
    """The labelled values of one line (canonical names), or None when it has no D or G loss."""
    text = clean_line(line)
    row: dict[str, float] = {}
    for m in _ITEM.finditer(text):
        if m.group("a") is not None:
            label = m.group("flabel")
            if label is None:
                name = "batch" if "epoch" in row else "epoch"
            else:
                name = _name(label)
                if name not in ("epoch", "batch", "step"):
                    name = "epoch" if "epoch" in name else "batch" if "batch" in name else name
            row.setdefault(name, float(m.group("a")))
            row.setdefault("n_" + name, float(m.group("b")))
            continue
        name = _name(m.group("label"))
        if name in _IGNORED:
            continue
        if m.group("at") is not None:
            row.setdefault("step", float(m.group("at")))
        try:
            value = float(m.group("value"))
        except ValueError:
            continue
        if m.group("pct") and name in ACCURACY_COLUMNS:
            value /= 100.0
        row.setdefault(name, value)
    if not _is_metric_row(row):
        return None
    if not any(k in row for k in ("step", "epoch", "batch")):
        lead = _LEADING_INT.match(text)
        if lead is not None:
            row["step"] = float(lead.group(1))
    return row


def _name(label: str) -> str:
    """Canonical column for a label; of a multi-word label the words that name a column."""
    words = label.split()
    for i in range(len(words)):
        name = canonical_name(" ".join(words[i:]))
        if name in _KNOWN or name in ("step", "epoch") or _family_member(name):
            return name
    return canonical_name(label) if len(words) <= 2 else clean_name(words[-1])


def _family_member(name: str) -> re.Match | None:
    return None if name in _KNOWN else _DG_FAMILY.match(name)


def _is_metric_row(row: dict[str, float]) -> bool:
    return any(k in row for k in _LOSSES) or sum(1 for k in row if _family_member(k)) >= 2


def looks_like_pairs(lines: list[str]) -> bool:
    """Whether the sample lines hold metric lines of labelled values."""
    hits = sum(1 for line in lines[:200] if len(line) <= MAX_LINE and parse_line(line) is not None)
    return hits >= min(2, max(1, len(lines)))


def read_pairs_text(text: str, source: str = "", format: str = "pairs") -> MetricTable:
    rows: list[dict[str, float]] = []
    skipped, examples = 0, []
    epoch_context: float | None = None
    for number, line in enumerate(text.replace("\r", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        if len(line) > MAX_LINE:
            skipped += 1
            if len(examples) < MAX_EXAMPLES:
                examples.append(SkippedLine(number, printable(line[:200]) + "...", "line too long"))
            continue
        row = parse_line(line)
        if row is None:
            epoch = _standalone_epoch(line)
            if epoch is not None:
                epoch_context = epoch
            continue
        if epoch_context is not None and "epoch" not in row:
            row["epoch"] = epoch_context
        if rows and _continues(rows[-1], row):
            rows[-1].update(row)  # the two-line layout: same step, other values
        else:
            rows.append(row)
    table = rows_to_table(rows, source, format, skipped, examples)
    table.events.extend(loss_convention_events(text[:1 << 16], table))
    return table


# What the programs that print these layouts compute (the diagnosis reads the
# event; see gantuner/diagnosis/conventions.py).  Labels are matched whole.
_PROGRAM_LOSSES = (
    # Torch dcgan: errD = errD_real + errD_fake
    (re.compile(r"\bErr_D\b"), "bce_sum", "Err_D"),
    # carpedm20/DCGAN-tensorflow: d_loss = d_loss_real + d_loss_fake
    (re.compile(r"Epoch: \[\s*\d+(?:/\s*\d+)?\]\s*\[\s*\d+\s*/\s*\d+\] time: [\d.]+, d_loss:"), "bce_sum",
     "DCGAN-tensorflow"),
)


def loss_convention_events(head: str, table: MetricTable) -> list[dict[str, Any]]:
    """A ``loss_convention`` event when the layout names the program and its loss."""
    for pattern, loss, why in _PROGRAM_LOSSES:
        if pattern.search(head):
            return [{"type": "loss_convention", "loss": loss, "why": why}]
    if any(e.get("type") == "combined" for e in table.events):
        # pytorch-CycleGAN-and-pix2pix's default gan_mode is lsgan.
        return [{"type": "loss_convention", "loss": "lsgan", "why": "CycleGAN", "confirmed": False}]
    return []


_EPOCH_LINE = re.compile(r"^\W*epoch\W*(\d+)(?:\s*/\s*\d+)?\W*$", re.IGNORECASE)


def _standalone_epoch(line: str) -> float | None:
    m = _EPOCH_LINE.match(clean_line(line).strip())
    return float(m.group(1)) if m else None


def _continues(previous: dict[str, float], row: dict[str, float]) -> bool:
    step = row.get("step")
    if step is None or previous.get("step") != step:
        return False
    values = [k for k in row if k not in ("step", "epoch")]
    return not any(k in previous for k in values)


def rows_to_table(rows: list[dict[str, Any]], source: str, format: str, skipped: int = 0,
                  examples: list[SkippedLine] | None = None) -> MetricTable:
    """Rows of canonical names -> a MetricTable with a derived step and summed D/G families."""
    names: list[str] = []
    for row in rows:
        names.extend(k for k in row if k not in names)
    n = len(rows)
    columns = {k: np.array([_number(r.get(k)) for r in rows], dtype=np.float64) for k in names}
    step = derive_step(columns, n)
    for key in ("step", "n_step", "n_epoch", "batch", "n_batch"):
        columns.pop(key, None)
    events = combine_families(columns)
    _add_means(columns)
    table = MetricTable(step=step, columns=order_columns(columns), format=format, source=source,
                        skipped_lines=skipped, skipped_examples=list(examples or []), events=events)
    return table


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return float("nan")
    return float(value)


def derive_step(columns: dict[str, np.ndarray], n: int) -> np.ndarray:
    """The step of each row (see the module docstring)."""
    epoch = columns.get("epoch")
    counter = columns.get("step")
    if counter is None or not np.isfinite(counter).all():
        batch = columns.get("batch")
        n_batch = columns.get("n_batch")
        if epoch is not None and batch is not None and np.isfinite(epoch).all() and np.isfinite(batch).all():
            if n_batch is not None and np.isfinite(n_batch).all():
                return (epoch * n_batch + batch).astype(np.int64)
            counter = batch
        elif batch is not None and np.isfinite(batch).all():
            counter = batch
        elif counter is None or not np.isfinite(counter).any():
            return np.arange(n, dtype=np.int64)
        else:
            counter = np.where(np.isfinite(counter), counter, np.nan)
            counter = _fill_forward(counter)
    if epoch is not None and np.isfinite(epoch).all() and n > 1:
        counter = _count_on(epoch, counter)
    return np.nan_to_num(counter, nan=0.0).astype(np.int64)


def _fill_forward(x: np.ndarray) -> np.ndarray:
    idx = np.where(np.isfinite(x), np.arange(x.shape[0]), 0)
    np.maximum.accumulate(idx, out=idx)
    out = x[idx]
    return np.where(np.isfinite(out), out, 0.0)


def _count_on(epoch: np.ndarray, counter: np.ndarray) -> np.ndarray:
    """A counter that starts again each epoch (CycleGAN's ``iters``) made to count on."""
    new_epoch = np.flatnonzero(epoch[1:] > epoch[:-1]) + 1
    if new_epoch.size == 0:
        return counter
    restarts = new_epoch[counter[new_epoch] < counter[new_epoch - 1]]
    if restarts.size == 0:
        return counter
    offset = np.zeros(counter.shape[0])
    # Each epoch adds the highest count its predecessor reached.
    for r in restarts:
        offset[r:] += counter[r - 1]
    return counter + offset


def combine_families(columns: dict[str, np.ndarray]) -> list[dict[str, Any]]:
    """Sum CycleGAN-style D_A + D_B (G_A + G_B) into d_loss (g_loss); the events say so."""
    events: list[dict[str, Any]] = []
    for side in ("d", "g"):
        total = f"{side}_loss"
        members = [k for k in columns if (m := _family_member(k)) and m.group(1) == side]
        if total in columns or len(members) < 2:
            continue
        columns[total] = np.sum([columns[k] for k in members], axis=0)
        events.append({"type": "combined", "column": total, "sources": members, "how": "sum"})
    return events


def _add_means(columns: dict[str, np.ndarray]) -> None:
    if "d_loss" not in columns and "d_loss_real" in columns and "d_loss_fake" in columns:
        columns["d_loss"] = (columns["d_loss_real"] + columns["d_loss_fake"]) / 2.0


_KNOWN = {"d_loss", "g_loss", "d_loss_real", "d_loss_fake", "d_acc", "d_acc_real", "d_acc_fake",
          "d_x", "d_g_z", "d_g_z_after", "grad_norm_d", "grad_norm_g", "time", "batch", "batches"}
