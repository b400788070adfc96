"""Training's CPU threads: chosen for the machine, applied in the training thread itself."""

from __future__ import annotations

import threading

import torch

from gantuner.training import Driver, RunOptions
from gantuner.training.threads import MAX_THREADS, ThreadPolicy, choose, prepare_openmp


def test_beside_the_window_one_core_is_left_for_it():
    assert choose(beside_window=True, cores=2, environ={}).intra_op == 1
    assert choose(beside_window=False, cores=2, environ={}).intra_op == 2
    assert choose(beside_window=True, cores=1, environ={}).intra_op == 1
    assert choose(beside_window=False, cores=64, environ={}).intra_op == MAX_THREADS


def test_request_beats_environment_beats_the_automatic_choice():
    assert choose(beside_window=True, requested=3, cores=8, environ={"OMP_NUM_THREADS": "2"}) == \
        ThreadPolicy(3, "requested", 8, beside_window=True)
    assert choose(beside_window=True, cores=8, environ={"OMP_NUM_THREADS": "2"}) == \
        ThreadPolicy(2, "environment", 8, beside_window=True)
    assert choose(beside_window=True, cores=8, environ={"OMP_NUM_THREADS": "x"}).reason == "auto"


def test_openmp_waits_passively_unless_the_user_chose():
    environ: dict[str, str] = {}
    prepare_openmp(environ)
    assert environ["OMP_WAIT_POLICY"] == "PASSIVE"
    environ = {"OMP_WAIT_POLICY": "ACTIVE"}
    prepare_openmp(environ)
    assert environ["OMP_WAIT_POLICY"] == "ACTIVE"


def test_the_policy_text_says_how_many_and_why():
    # One wording for the CLI's progress line and the window's status bar.
    assert ThreadPolicy(1, "auto", 2).describe() == "CPU (1 thread) — chosen for 2 cores"
    assert ThreadPolicy(3, "requested", 8).describe() == "CPU (3 threads) — as set by --threads"
    assert ThreadPolicy(3, "auto", 4, beside_window=True).describe() == \
        "CPU (3 threads) — chosen for 4 cores, one left for the window"
    assert ThreadPolicy(2, "requested", 8, beside_window=True).describe("ja") == "CPU (2 スレッド) — 環境設定による"


def test_the_driver_applies_the_policy_in_the_thread_that_trains(tmp_path):
    """OpenMP's thread count belongs to each thread: set in the caller's thread it would not reach training."""
    main_threads = torch.get_num_threads()
    wanted = 2 if main_threads != 2 else 3
    seen: list[int] = []

    class Listener:
        def on_rows(self, rows): seen.append(torch.get_num_threads())
        def on_sample(self, step, sample): pass
        def on_event(self, event): pass
        def on_status(self, status): pass

    driver = Driver.new({"dataset": "ring", "device": "cpu", "g_width": 8, "d_width": 8, "batch_size": 16},
                        options=RunOptions(sample_every=0, checkpoint_every=0, quality_every=0, max_steps=3))
    driver.thread_policy = ThreadPolicy(wanted, "requested", 8)
    worker = threading.Thread(target=driver.run, args=(Listener(),))
    worker.start()
    worker.join(60)
    assert seen and set(seen) == {wanted}
    assert torch.get_num_threads() == main_threads  # the calling thread is left as it was
