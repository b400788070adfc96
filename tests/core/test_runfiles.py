import json
import math
import shutil
import time

from gantuner.training import Driver
from gantuner.training.checkpoint import latest_checkpoint, load_engine
from gantuner.training.runfiles import read_run

from .helpers import RING_FAST, quiet_options, run_in_thread, wait_until


def test_run_directory_layout(tmp_path):
    driver = Driver.new(RING_FAST, out=tmp_path / "r",
                        options=quiet_options(max_steps=25, sample_every=10, checkpoint_every=20))
    driver.run()
    run = read_run(tmp_path / "r")
    assert run.config["knobs"]["dataset"] == "ring" and run.config["run"]["sample_every"] == 10
    assert [r["step"] for r in run.rows] == list(range(1, 26))
    assert [s for s, _ in run.samples] == [10, 20, 25]
    assert latest_checkpoint(tmp_path / "r" / "checkpoints").name == "step_000025.safetensors"
    assert (tmp_path / "r" / "checkpoints" / "step_000020.safetensors").exists()
    assert [e["type"] for e in run.events if e["type"] not in ("info", "checkpoint")] == ["start", "stop"]


def test_non_finite_values_survive_the_json_round_trip(tmp_path):
    driver = Driver.new({**RING_FAST, "d_steps": 0}, out=tmp_path / "r", options=quiet_options(max_steps=2))
    driver.run()
    row = read_run(tmp_path / "r").rows[0]
    assert math.isnan(row["d_loss"]) and math.isfinite(row["g_loss"])


def test_rows_reach_the_file_while_training(tmp_path):
    driver = Driver.new(RING_FAST, out=tmp_path / "r", options=quiet_options(max_steps=10**6))
    thread = run_in_thread(driver)
    try:
        wait_until(lambda: driver.engine.step_count >= 5)
        deadline = time.monotonic() + 1.5
        written = 0
        while time.monotonic() < deadline and written == 0:
            path = tmp_path / "r" / "metrics.jsonl"
            written = len(path.read_text().splitlines()) if path.exists() else 0
            time.sleep(0.05)
        assert written >= 1, "rows are flushed within a second, not only at the end"
    finally:
        driver.stop()
        thread.join(10)


def test_a_failing_write_does_not_stop_training_and_loses_nothing(tmp_path):
    events = []

    class Listener:
        def on_rows(self, rows): pass
        def on_sample(self, step, sample): pass
        def on_event(self, event): events.append(event)
        def on_status(self, status): pass

    run_dir = tmp_path / "r"
    driver = Driver.new(RING_FAST, out=run_dir, options=quiet_options(max_steps=10**6))
    (run_dir / "metrics.jsonl").mkdir()  # appending to it now fails
    thread = run_in_thread(driver, Listener())
    wait_until(lambda: any(e["type"] == "error" for e in events))
    mark = driver.engine.step_count
    wait_until(lambda: driver.engine.step_count >= mark + 5)
    assert thread.is_alive()
    shutil.rmtree(run_dir / "metrics.jsonl")  # the disk recovers
    driver.stop()
    thread.join(10)
    steps = [r["step"] for r in read_run(run_dir).rows]
    assert steps == list(range(1, driver.engine.step_count + 1))
    assert "metrics.jsonl" in next(e for e in events if e["type"] == "error")["message"]


def test_checkpoint_loads_without_running_code(tmp_path):
    driver = Driver.new(RING_FAST, out=tmp_path / "r", options=quiet_options(max_steps=3))
    driver.run()
    engine = load_engine(latest_checkpoint(tmp_path / "r" / "checkpoints"))
    assert engine.step_count == 3
    meta = json.loads((tmp_path / "r" / "checkpoints" / "step_000003.json").read_text())
    assert meta["step"] == 3 and meta["config"]["dataset"] == "ring"


def test_unreadable_lines_are_counted_and_the_first_located(tmp_path):
    driver = Driver.new(RING_FAST, out=tmp_path / "r", options=quiet_options(max_steps=3))
    driver.run()
    with open(tmp_path / "r" / "metrics.jsonl", "a") as handle:
        handle.write("".join(f'{{"step": {4 + i}, "d_lo\n' for i in range(7)))
    run = read_run(tmp_path / "r")
    assert [r["step"] for r in run.rows] == [1, 2, 3]
    assert run.skipped_lines == 7
    assert run.bad_lines == [("metrics.jsonl", n) for n in range(4, 9)]
