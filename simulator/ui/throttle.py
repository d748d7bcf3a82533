"""Apply the latest value at most every N milliseconds (the last one always lands)."""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    """``push(v)`` as often as you like; ``fn(v)`` runs at most once per ``interval_ms``,
    at once when it has been quiet, otherwise with the newest v: at the first push after
    the interval (pushes come with frames, so the work joins a frame instead of landing
    between two and delaying the next), or ``LATE_MS`` after the interval when no push
    comes (the last value always lands)."""

    LATE_MS = 40

    def __init__(self, fn: Callable, interval_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.fn = fn
        self.interval = interval_ms / 1000.0
        self._value = None
        self._pending = False
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def push(self, value) -> None:
        self._value = value
        self._pending = True
        wait = self._last + self.interval - time.perf_counter()
        if wait <= 0:
            self._timer.stop()
            self._fire()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1 + self.LATE_MS)

    def _fire(self) -> None:
        if not self._pending:
            return
        self._pending = False
        self._last = time.perf_counter()
        self.fn(self._value)
