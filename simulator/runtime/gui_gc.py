"""Python's cyclic garbage collector runs on the GUI thread only while a worker thread lives.

CPython collects in whichever thread's allocation crosses the threshold. The training (and
comparison) threads allocate all the time, so they are often the one collecting, and then
they finalize the GUI's garbage: pyqtgraph items dropped from a chart die in reference cycles, and their C++
destructors run on the worker's thread. Shiboken releases the interpreter lock while a
wrapper's C++ object is destroyed, so the GUI thread meanwhile runs on and calls into the
half-destroyed item: a removed ``InfLineLabel`` is still connected to its scene's
``sigPrepareForPaint``, and the next paint dereferences its cleared wrapper (SIGSEGV in
``PySide::SignalManager::qt_metacall``), or the two threads deadlock between the interpreter
lock and Qt's signal-slot lock. pyqtgraph's own ``GarbageCollector`` is the same remedy: the
automatic collector is off, and a GUI-thread timer collects with CPython's own thresholds.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QThread, QTimer
from shiboken6 import Shiboken

INTERVAL_MS = 50          # garbage cycles wait at most this long; a young collection is ~0.1 ms

_threads: list[QThread] = []      # the worker threads that keep the collector on our side
_timer: QTimer | None = None
_was_enabled = True
_long_lived = 0                   # objects in the oldest generation after the last full pass


def collect_on_gui_thread(thread: QThread) -> None:
    """Until ``thread`` has finished, only the calling (GUI) thread collects garbage.
    Call it before the thread starts running Python code."""
    global _timer, _was_enabled, _long_lived
    if not _threads:
        _was_enabled = gc.isenabled()
        gc.disable()
        _long_lived = len(gc.get_objects(generation=2))
        if _timer is None or not Shiboken.isValid(_timer):
            # kept for the next thread (it may stop itself, not die, in its own signal) and
            # owned by the application, so it never outlives the event loop it needs
            _timer = QTimer(QCoreApplication.instance())
            _timer.timeout.connect(release_finished)
        _timer.start(INTERVAL_MS)
    _threads.append(thread)


def _alive(thread: QThread) -> bool:
    return Shiboken.isValid(thread) and not thread.isFinished()


def release_finished() -> None:
    """Collect what is due; once no worker thread runs, give collecting back to Python."""
    _threads[:] = [t for t in _threads if _alive(t)]
    if _was_enabled:                  # whoever turned collecting off meant it
        collect_due()
    if not _threads and _timer is not None and Shiboken.isValid(_timer) and _timer.isActive():
        _timer.stop()
        if _was_enabled:
            gc.enable()


def collect_due() -> int:
    """Collect the generations CPython would collect now (``gc.get_threshold`` and its rule
    that a full pass waits until a quarter more objects have survived to the oldest
    generation); returns the number of unreachable objects found."""
    global _long_lived
    t0, t1, t2 = gc.get_threshold()
    c0, c1, c2 = gc.get_count()
    if c0 <= t0:
        return 0
    if c1 > t1 and c2 > t2:          # (counting the oldest generation costs ~1 ms)
        pending = len(gc.get_objects(generation=2)) - _long_lived
        if pending > _long_lived // 4:
            found = gc.collect(2)
            _long_lived = len(gc.get_objects(generation=2))
            return found
    return gc.collect(1 if c1 > t1 else 0)
