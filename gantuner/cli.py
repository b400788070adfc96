"""The headless command line: ``gantuner train``, ``diagnose`` and ``quality``.

Every error a user can cause ends in one clear line on stderr and a non-zero
exit status, never a traceback.  Each command speaks English or Japanese:
``--lang``, else the environment's locale (``LANG=ja_JP.UTF-8``); the lines
themselves are in :mod:`gantuner.cli_messages`.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__, knobs, number_format
from .app_options import APP_ONLY_OPTIONS, add_app_arguments
from .argparse_words import argparse_speaking
from .cli_help import helps
from .cli_messages import KNOB_GROUPS, KNOB_KINDS, MESSAGES, say
from .errors import GantunerError, printable
from .text import LANGUAGES, Text, environment_language


class UsageError(GantunerError):
    """A problem with the command line or a config file; the message says what to fix."""


def usage(message: str, /, **values: Any) -> UsageError:
    """The UsageError saying ``MESSAGES[message]`` with ``values`` (which may hold a ``key``)."""
    return UsageError(MESSAGES[message].format(**values))


def language_of(args: argparse.Namespace | None, otherwise: str | None = None) -> str:
    """The language a command speaks: its ``--lang``, else ``otherwise``, else the environment's locale."""
    chosen = getattr(args, "lang", None)
    if chosen in LANGUAGES:
        return chosen
    return otherwise if otherwise in LANGUAGES else environment_language()


def language_in_argv(argv: Sequence[str]) -> str:
    """The language a command line asks for before it is parsed (so that ``--help`` speaks it):
    the last ``--lang en|ja`` or ``--lang=ja``, else the environment's locale."""
    chosen = None
    for index, word in enumerate(argv):
        if word == "--":
            break  # what follows is a value, not an option
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        else:
            continue
        if value in LANGUAGES:
            chosen = value
    return chosen or environment_language()


def build_parser(language: str = "en") -> argparse.ArgumentParser:
    """The whole command line: the app's options and the headless commands, their help in ``language``.

    Building it imports nothing heavy (no torch, Qt or numpy), so ``--help``
    and usage errors answer at once; each command imports what it needs when
    it runs.  argparse's own words ("usage:", "options:") come from
    :func:`argparse_speaking`, which the caller wraps around building and parsing.
    """
    say = helps(language)
    parser = argparse.ArgumentParser(
        prog="gantuner",
        usage="gantuner [APP OPTIONS]\n       gantuner COMMAND [OPTIONS]",
        description=say["description"],
        epilog=say["epilog"],
    )
    parser.add_argument("--version", action="version", version=f"gantuner {__version__}", help=say["version"])
    add_app_arguments(parser.add_argument_group(say["app_group"]), language)
    # prog: each command's usage and errors say "gantuner train", not the two-line usage above.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title=say["commands"], prog="gantuner")

    train = commands.add_parser("train", help=say["train"], description=say["train_description"])
    train.add_argument("--config", type=Path, metavar="FILE.toml", help=say["config"])
    train.add_argument("--dataset", metavar="NAME|PATH", help=say["dataset"])
    train.add_argument("--steps", type=int, metavar="N", help=say["steps"])
    train.add_argument("--set", dest="assignments", action="append", default=[], metavar="KNOB=VALUE",
                       help=say["set"])
    train.add_argument("--device", choices=knobs.DEVICES, help=say["device"])
    train.add_argument("--seed", type=int, help=say["seed"])
    train.add_argument("--out", type=Path, metavar="DIR", help=say["out"])
    train.add_argument("--resume", type=Path, metavar="RUN_DIR", help=say["resume"])
    train.add_argument("--sample-every", type=int, metavar="N", help=say["sample_every"])
    train.add_argument("--checkpoint-every", type=int, metavar="N", help=say["checkpoint_every"])
    train.add_argument("--checkpoint-seconds", type=float, metavar="S", help=say["checkpoint_seconds"])
    train.add_argument("--on-divergence", choices=("stop", "continue"), help=say["on_divergence"])
    train.add_argument("--quality-every", type=int, metavar="N", help=say["quality_every"])
    train.add_argument("--threads", type=int, metavar="N", help=say["threads"])
    train.add_argument("--quiet", action="store_true", help=say["quiet"])
    train.add_argument("--lang", choices=LANGUAGES, default=None, help=say["lang"])

    listing = commands.add_parser("knobs", help=say["knobs"], description=say["knobs"])
    listing.add_argument("--lang", choices=LANGUAGES, default=None, help=say["lang"])

    for name, module in (("diagnose", "gantuner.diagnosis.command"), ("quality", "gantuner.quality_command")):
        sub = commands.add_parser(name, help=say[name], description=say[name])
        sub.set_defaults(module=module)
        _add_module_arguments(sub, module, language)
    return parser


def _add_module_arguments(parser: argparse.ArgumentParser, module: str, language: str) -> None:
    import importlib

    try:
        importlib.import_module(module).add_arguments(parser, language)
    except ImportError:
        parser.set_defaults(unavailable=module)


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace | int:
    """The parsed command line, or an exit status when there is nothing more to do
    (``--help``, ``--version``, a usage error already printed in one line)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    asked = language_in_argv(argv)
    try:
        with argparse_speaking(asked):
            args, extra = build_parser(asked).parse_known_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    language = language_of(args, asked)
    app_flags = set(APP_ONLY_OPTIONS.values())
    misplaced = [word for word in extra if word.split("=")[0] in app_flags]
    if misplaced and args.command:
        return _fail(MESSAGES["app_option"].format(flag=misplaced[0].split("=")[0], command=args.command),
                     language)
    if extra:
        return _fail(MESSAGES["unrecognized"].format(
            words=" ".join(extra), command=args.command + " " if args.command else ""), language)
    if args.command is None:
        return args  # the desktop app's: gantuner.__main__ opens it
    given = [flag for dest, flag in APP_ONLY_OPTIONS.items() if getattr(args, dest, None)]
    if given:
        return _fail(MESSAGES["app_option_given"].format(flag=given[0], command=args.command), language)
    args.lang = language  # every command speaks it (diagnose and quality read args.lang too)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """The headless commands (without one, the usage)."""
    args = parse(argv)
    if isinstance(args, int):
        return args
    if args.command is None:
        language = language_of(args, getattr(args, "app_lang", None))
        with argparse_speaking(language):
            build_parser(language).print_usage(sys.stderr)
        return 2
    return run(args)


def run(args: argparse.Namespace) -> int:
    language = language_of(args)
    try:
        if args.command == "train":
            return train_command(args)
        if args.command == "knobs":
            return knobs_command(args)
        if args.command in ("diagnose", "quality"):
            import importlib

            if getattr(args, "unavailable", None):
                raise usage("unavailable", command=args.command)
            return int(importlib.import_module(args.module).run(args) or 0)
        raise usage("unknown_command", command=args.command)
    except (UsageError, knobs.KnobError) as exc:
        return _fail(exc.text, language)
    except KeyboardInterrupt:
        return 130


def _fail(message: Text | str, language: str) -> int:
    # The message may quote a file's name or content: never let its escape sequences reach the terminal.
    print(say("error", language, message=Text.of(message).map(printable)), file=sys.stderr)
    return 2


# ---- train ---------------------------------------------------------------

def load_config_file(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(knob values, run options) from a TOML file: knobs at the top level or
    under [knobs], options under [run]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise usage("config_missing", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise usage("config_toml", path=path, error=exc) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise usage("config_unreadable", path=path, error=exc) from None
    run = data.pop("run", {})
    values = data.pop("knobs", {})
    if not isinstance(values, dict) or not isinstance(run, dict):
        raise usage("config_tables", path=path)
    values.update(data)
    for name, value in values.items():
        _refuse_huge_integer(path, name, value)
    try:
        values = knobs.validate_many(values)
    except knobs.KnobError as exc:
        raise usage("config_knob", path=path, error=exc.text) from None
    unknown = set(run) - set(RUN_OPTIONS)
    if unknown:
        raise usage("config_unknown_run", path=path, unknown=", ".join(sorted(unknown)),
                    allowed=", ".join(sorted(RUN_OPTIONS)))
    for key, value in run.items():
        _check_run_option(path, key, value)
    return values, run


# [run] options: key -> (type, smallest value).  bool is refused where int is
# asked (TOML's true is not 1) and floats are never cut to integers.
RUN_OPTIONS: dict[str, tuple[type, int]] = {
    "steps": (int, 1), "sample_every": (int, 0), "checkpoint_every": (int, 0),
    "quality_every": (int, 0), "out": (str, 0),
    "checkpoint_seconds": (float, 0), "on_divergence": (str, 0),
}
_LARGEST_INTEGER = 2**63 - 1


def _check_run_option(path: Path, key: str, value: Any) -> None:
    kind, smallest = RUN_OPTIONS[key]
    if key == "on_divergence":
        if value not in ("stop", "continue"):
            raise usage("run_on_divergence", path=path, value=_shown(value))
        return
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not smallest <= value < 1e9:
            raise usage("run_seconds", path=path, key=key, value=_shown(value), smallest=smallest)
        return
    if kind is str:
        if not isinstance(value, str) or not value.strip():
            raise usage("run_folder", path=path, key=key, value=_shown(value))
        return
    _refuse_huge_integer(path, key, value)
    if not isinstance(value, int) or isinstance(value, bool) or value < smallest:
        raise usage("run_whole", path=path, key=key, value=_shown(value), smallest=smallest,
                    example=max(smallest, 1) * 100)


def _refuse_huge_integer(path: Path, name: str, value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _LARGEST_INTEGER:
        raise usage("huge_number", path=path, name=name, value=_shown(value))


def _shown(value: Any) -> str:
    """A value as the user wrote it, cut short (a 400-digit number is not repeated whole)."""
    text = repr(value) if not isinstance(value, bool) else str(value).lower()
    if isinstance(value, int) and not isinstance(value, bool) and len(text) > 20:
        return f"{text[:12]}... ({len(text.lstrip('-'))} digits)"
    return printable(text if len(text) <= 60 else text[:57] + "...")


def train_command(args: argparse.Namespace) -> int:
    from .training import threads

    language = language_of(args)
    if args.threads is not None and args.threads < 1:
        raise usage("threads", threads=args.threads)
    threads.prepare_openmp()  # before torch is imported
    from .paths import default_runs_dir
    from .training import Driver, RunOptions

    values: dict[str, Any] = {}
    run: dict[str, Any] = {}
    if args.config:
        values, run = load_config_file(args.config)
    for text in args.assignments:
        name, value = knobs.parse_assignment(text)
        values[name] = value
    if args.dataset:
        values["dataset"] = args.dataset
    if args.device:
        values["device"] = args.device
    if args.seed is not None:
        values["seed"] = knobs.validate("seed", args.seed)
    steps = args.steps if args.steps is not None else run.get("steps", 2000)
    if steps < 1:
        raise usage("steps", steps=steps)
    # Options given now; the rest are the defaults, or on --resume the run's own.
    given: dict[str, Any] = {}
    for key, cli_value in (("sample_every", args.sample_every), ("checkpoint_every", args.checkpoint_every),
                           ("quality_every", args.quality_every)):
        value = cli_value if cli_value is not None else run.get(key)
        if value is not None:
            given[key] = _whole(key, value)
    seconds = args.checkpoint_seconds if args.checkpoint_seconds is not None else run.get("checkpoint_seconds")
    if seconds is not None:
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 <= seconds < 1e9:
            raise usage("checkpoint_seconds", value=repr(seconds))
        given["checkpoint_seconds"] = float(seconds)
    on_divergence = args.on_divergence or run.get("on_divergence", "stop")
    if on_divergence not in ("stop", "continue"):
        raise usage("on_divergence", value=repr(on_divergence))
    given["on_divergence"] = on_divergence  # never the window's "pause": nobody is there to fix it
    out = args.out or (Path(run["out"]) if "out" in run else None)
    try:
        if args.resume:
            device = values.pop("device", None)  # where to go on is not part of the model
            setup = [n for n in values if not knobs.KNOBS[n].live]
            if setup:
                raise usage("resume_setup", knobs=", ".join(setup))
            driver = _resume(args.resume, given, device, language)
            if values:
                driver.submit(values, source="cli")
        else:
            driver = Driver.new(values, out=out, runs_dir=None if out else default_runs_dir(),
                                options=RunOptions(**given))
    except GantunerError as exc:  # data, device, checkpoint, a run already there or not a run
        raise UsageError(exc.text) from None
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise usage("run_dir", error=exc) from None
    for note in driver.engine.dataset.load_notes:  # images skipped in a folder, and why
        print(say("note", language, message=note), file=sys.stderr)
    driver.options.max_steps = driver.engine.step_count + steps
    driver.thread_policy = threads.choose(beside_window=False, requested=args.threads)
    return _run_with_progress(driver, steps, quiet=args.quiet, language=language)


def _resume(run_dir: Path, overrides: dict[str, Any], device: str | None, language: str):
    """Driver.resume from the newest checkpoint that loads (a damaged one is passed over and
    said on stderr), its tensors moved to ``device`` (None: the run's own, else auto)."""
    from .training import Driver
    from .training.checkpoint import first_loadable, loading_onto

    def skipped(line: Text | str) -> None:
        print(say("note", language, message=Text.of(line).map(printable)), file=sys.stderr)

    with loading_onto(device):
        driver, _ = first_loadable(Path(run_dir) / "checkpoints",
                                   lambda path: Driver.resume(run_dir, checkpoint=path, overrides=overrides), skipped)
    return driver


def _whole(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise usage("whole", key=key, value=_shown(value))
    return value


def progress_line(row: dict[str, Any]) -> str:
    """The progress bar's numbers from the latest row: ``D 0.693 G 2.1 acc 97 %``."""
    nan = float("nan")
    return (f"D {number_format.measured(row.get('d_loss', nan))} G {number_format.measured(row.get('g_loss', nan))} "
            f"acc {number_format.percent(row.get('d_acc', nan), whole=True)}")


class _Progress:
    """tqdm bar fed from the training thread's listener calls."""

    def __init__(self, driver, total: int, quiet: bool, language: str = "en"):
        from tqdm import tqdm

        self.language = language
        self.start = driver.engine.step_count
        self.bar = tqdm(total=total, unit="it", disable=quiet, dynamic_ncols=True, file=sys.stderr)
        self.latest: dict[str, Any] = {}

    def on_rows(self, rows):
        self.latest = rows[-1]

    def on_sample(self, step, sample):
        pass

    def on_event(self, event):
        if event.get("type") in ("error", "divergence"):
            text = Text.from_fields(event, "message") or Text("")
            self.bar.write(say("warning", self.language, message=text.map(printable)), file=sys.stderr)

    def on_status(self, status):
        done = status["step"] - self.start
        self.bar.update(done - self.bar.n)
        row = self.latest
        if row:
            self.bar.set_postfix_str(progress_line(row), refresh=False)


def _run_with_progress(driver, steps: int, quiet: bool, language: str = "en") -> int:
    progress = _Progress(driver, steps, quiet, language)
    if driver.run_dir:
        device = driver.engine.device
        where = (driver.thread_policy.describe(language) if device.type == "cpu" and driver.thread_policy
                 else str(device))
        print(say("training", language, dataset=driver.engine.config["dataset"], where=where,
                  run_dir=driver.run_dir), file=sys.stderr)
    failure: list[BaseException] = []

    def work() -> None:
        try:
            driver.run(progress)
        except BaseException as exc:  # reported in the main thread
            failure.append(exc)

    # Training runs in a worker so Ctrl-C and SIGTERM (delivered to the main
    # thread) stop it at a step boundary: a stop event, a final checkpoint,
    # and the run files whole.
    thread = threading.Thread(target=work, name="gantuner-train", daemon=True)
    received: list[int] = []

    def on_signal(signum, frame):
        received.append(signum)
        driver.stop(signal.Signals(signum).name)

    previous = {signum: signal.signal(signum, on_signal) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        thread.start()
        while thread.is_alive():
            thread.join(0.2)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    progress.bar.close()
    return _outcome(driver, failure[0] if failure else None, received[0] if received else None, language)


# Exit statuses besides 0 (finished) and 2 (usage): the shell's 128 + signal
# for a stop by Ctrl-C or SIGTERM, and these.
EXIT_FAILED = 1      # training raised an error (the run so far and a checkpoint are kept)
EXIT_DIVERGED = 3    # a loss or gradient became NaN/inf and --on-divergence stop
EXIT_ROWS_LOST = 4   # the run's files could not all be written


def _outcome(driver, failure: BaseException | None, signum: int | None, language: str = "en") -> int:
    step = driver.engine.step_count
    kept = MESSAGES["kept"].format(run_dir=driver.run_dir) if driver.run_dir else Text("")

    def error(message: str, /, **values: Any) -> None:
        print(say("error", language, message=MESSAGES[message].format(**values).map(printable)), file=sys.stderr)

    if failure is not None:
        described = Text(f"{type(failure).__name__}: {failure}")
        if driver.run_dir:
            error("failed_kept", step=step, error=described, run_dir=driver.run_dir)
        else:
            error("failed", step=step, error=described)
        return EXIT_FAILED
    if driver.rows_lost:
        problem = driver.writer.last_error if driver.writer and driver.writer.last_error else Text("")
        error("rows_lost", step=step, problem=problem)
        return EXIT_ROWS_LOST
    if driver.diverged:
        error("diverged", step=step, kept=kept)
        return EXIT_DIVERGED
    if signum is not None:
        name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
        print(say("stopped", language, step=step, signal=name, kept=kept), file=sys.stderr)
        return 128 + signum
    print(say("finished", language, step=step, kept=kept), file=sys.stderr)
    return 0


# ---- knobs -----------------------------------------------------------------

def knobs_command(args: argparse.Namespace) -> int:
    language = language_of(args)
    for group, items in knobs.by_group().items():
        print(f"[{KNOB_GROUPS[group].get(language) if group in KNOB_GROUPS else group}]")
        for k in items:
            print(say("knob_line", language, name=k.name, kind=KNOB_KINDS[k.live],
                      default=knobs.format_value(k.name, k.default), range=k.range_text()))
            print(f"  {'':16} {k.help(language)}")
    return 0
