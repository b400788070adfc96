"""Follow a log that is still being written (a training running in another terminal).

Console logs and gantuner runs are read incrementally: each poll reads the
bytes added since the last one and parses the complete lines; a partial
last line waits in a buffer until its newline (or carriage return) arrives.
The layouts learned from the first lines are kept, so the columns keep
their names and order from poll to poll, and line numbers in
skipped_examples count from the file's start.  CSV files (Lightning rewrites them whole) and TensorBoard folders
are re-read when they change and the rows beyond those already returned are
given.

Rows in ``events`` (restarts) are numbered over everything this follower has
returned, i.e. as if all polls were concatenated.
"""

from __future__ import annotations

from pathlib import Path

from gantuner.metrics import MetricTable

from .console import ConsoleParser, to_table
from .detect import detect_format
from .errors import LogError
from .formats import FAMILY_OF
from .gantuner_run import EVENTS_FILE, MAX_EXAMPLES, METRICS_FILE, parse_jsonl, rows_to_table, run_paths
from .reader import check_format, read_log
from .segments import restart_events


class _Tail:
    """The complete new lines of a growing file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.pending = b""
        self.line = 1  # line number of the first pending line

    def read(self, record_ends: bytes = b"\n") -> tuple[bytes, int]:
        """New complete lines and the line number of the first of them."""
        try:
            size = self.path.stat().st_size
        except OSError:
            return b"", self.line
        if size < self.offset:  # truncated or replaced: start over
            self.offset, self.pending, self.line = 0, b"", 1
        if size == self.offset:
            return b"", self.line
        with self.path.open("rb") as f:
            f.seek(self.offset)
            new = f.read(size - self.offset)
        self.offset += len(new)
        buf = self.pending + new
        cut = max(buf.rfind(bytes([c])) for c in record_ends) + 1
        complete, self.pending = buf[:cut], buf[cut:]
        first = self.line
        self.line += complete.count(b"\n")
        return complete, first


class LogFollower:
    """``poll()`` returns a MetricTable of the rows added since the last poll, or None."""

    def __init__(self, path: str | Path, format: str | None = None) -> None:
        check_format(format)
        self.path = Path(path)
        self.format = format
        self.rows_returned = 0
        self._last_step: int | None = None
        self._parser: ConsoleParser | None = None
        self._tails: dict[str, _Tail] = {}
        self._signature: tuple | None = None
        self._skipped_reported = 0
        self.last_error: LogError | None = None  # why the last re-read failed, for the GUI to show

    def poll(self) -> MetricTable | None:
        if self.format is None:
            if not self.path.exists():
                return None  # not created yet
            try:
                self.format = detect_format(self.path)
            except LogError:
                return None  # nothing recognisable yet; try again later
        if self.format == "gantuner":
            return self._poll_run()
        if self.format in FAMILY_OF:
            return self._poll_console()
        return self._poll_reread()

    # -- console: incremental -----------------------------------------------
    def _poll_console(self) -> MetricTable | None:
        tail = self._tails.setdefault("log", _Tail(self.path))
        data, first_line = tail.read(b"\n\r")
        if not data:
            return None
        if self._parser is None:
            self._parser = ConsoleParser(FAMILY_OF[self.format], self.format)
        table = to_table(self._parser.parse(data, first_line), str(self.path))
        if len(table) == 0 and not table.skipped_lines:
            return None  # only other output so far
        return self._finish(table)

    # -- gantuner runs: metrics.jsonl and events.jsonl, incremental -------------
    def _poll_run(self) -> MetricTable | None:
        metrics_path, events_path = run_paths(self.path)
        metrics_tail = self._tails.setdefault("metrics", _Tail(metrics_path))
        events_tail = self._tails.setdefault("events", _Tail(events_path))
        data, first_line = metrics_tail.read()
        lines = parse_jsonl(data, METRICS_FILE, first_line)
        table = rows_to_table(lines.objects, str(self.path))
        table.skipped_lines, table.skipped_examples = lines.skipped, lines.examples
        events_data, events_first = events_tail.read()
        if events_data:
            events = parse_jsonl(events_data, EVENTS_FILE, events_first, need_step=False)
            table.events.extend(events.objects)
            table.skipped_lines += events.skipped
            table.skipped_examples.extend(events.examples[:MAX_EXAMPLES - len(table.skipped_examples)])
        if len(table) == 0 and not table.events and not table.skipped_lines:
            return None
        return self._finish(table)

    # -- CSV and TensorBoard: re-read when changed ----------------------------
    def _poll_reread(self) -> MetricTable | None:
        signature = _signature(self.path)
        if signature is None or signature == self._signature:
            return None
        try:
            full = read_log(self.path, self.format)
        except LogError as error:
            # Caught mid-rewrite (Lightning writes the whole file each time): try again next poll.
            self.last_error = error
            return None
        self._signature, self.last_error = signature, None
        if len(full) <= self.rows_returned and full.skipped_lines <= self._skipped_reported:
            return None
        part = full.slice(self.rows_returned)
        part.events = []
        part.skipped_lines = full.skipped_lines - self._skipped_reported
        if not part.skipped_lines:
            part.skipped_examples = []  # else the whole file's examples: they are re-read too
        self._skipped_reported = full.skipped_lines
        return self._finish(part)

    def _finish(self, table: MetricTable) -> MetricTable:
        table.events.extend(restart_events(table.step, self._last_step, self.rows_returned))
        if len(table):
            self._last_step = int(table.step[-1])
        self.rows_returned += len(table)
        return table


def _signature(path: Path) -> tuple | None:
    """Size and modification time of a file, or of every event file in a folder."""
    try:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*tfevents*") if p.is_file())
        return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files) or None
    except OSError:
        return None

