"""What a fresh nnsim process does before and after loading its modules: one BLAS thread, and
no garbage collection while the objects that live as long as the process are created."""
from __future__ import annotations

import gc
import os
import sys

BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")

_paused = False                 # prepare() turned the collector off; imports_done() turns it on


def prepare() -> None:
    """Call first thing in a new process (the ``nnsim`` and ``main.py`` entry point).

    BLAS: nnsim's matrices are small, and OpenBLAS's helper threads spin on the cores the
    window and the training thread need; one thread trains as fast (benchmarks/engine_speed,
    surface_speed, compare_speed) and the window starts ~35 ms sooner. Read when NumPy loads;
    a user's own setting wins.

    Garbage collection: loading PySide6, pyqtgraph, NumPy and nnsim creates ~100,000 objects
    that all live until the process ends, and the collector walked them again and again
    (~27 ms of start-up, one full pass of 11 ms); it found 449 unreachable ones.

    Does nothing in a process that has loaded NumPy or Qt already (tests calling ``main``):
    there it would be too late for BLAS, and freezing would keep a test's garbage forever."""
    global _paused
    if "numpy" in sys.modules or "PySide6" in sys.modules:
        return
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    if gc.isenabled():
        gc.disable()
        _paused = True


def imports_done() -> None:
    """The long-lived objects exist: move them out of the collector's sight for good
    (``gc.freeze``, so later full passes are short too) and collect as usual from now on."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
