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
        if self.hold(value) <= 0:
            self.fire_now()

    def hold(self, value) -> float:
        """Keep ``value`` for the next update and make sure it lands; returns the seconds
        until an update is allowed (0 or less: now)."""
        self._value = value
        self._pending = True
        wait = self._last + self.interval - time.perf_counter()
        if not self._timer.isActive():     # lands even if no other push comes
            self._timer.start(int(max(wait, 0.0) * 1000) + 1 + self.LATE_MS)
        return wait

    def cancel(self) -> None:
        """Drop the held value (it is stale): nothing lands until the next push."""
        self._timer.stop()
        self._pending = False
        self._value = None

    def fire_now(self) -> None:
        """Apply the held value now (if any)."""
        self._timer.stop()
        self._fire()

    def _fire(self) -> None:
        if not self._pending:
            return
        self._pending = False
        self._last = time.perf_counter()
        self.fn(self._value)


class FrameShare(QObject):
    """Throttles fed by the same frames. Each push (a frame) carries at most one of their
    updates, the most overdue: a frame that updated the surface and both charts at once
    took ~30 ms and made the next frame late; staggered, each costs one panel at most."""

    def __init__(self, throttles: list[Throttle], parent: QObject | None = None):
        super().__init__(parent)
        self.throttles = throttles

    def push(self, value) -> None:
        waits = [t.hold(value) for t in self.throttles]
        k = min(range(len(waits)), key=waits.__getitem__)
        if waits[k] <= 0:
            self.throttles[k].fire_now()
