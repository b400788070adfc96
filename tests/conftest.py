"""Settings for every test; must not import Qt (core tests run with Qt absent)."""

import os

# Headless Qt for the GUI tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Subprocesses (the CLI tests) inherit this: one OpenMP thread each, so that
# they never spin against each other on a busy 2-core machine.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import torch  # noqa: E402

# One intra-op thread: the tests' models are tiny, and on 2 cores a second
# OpenMP thread only fights the GUI thread and subprocesses for the CPU.
torch.set_num_threads(1)
