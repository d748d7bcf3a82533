"""Comparisons in the background: a worker in its own QThread trains a comparison in short
slices (commands are handled between them) and hands the window immutable snapshots, at
most ``EMIT_HZ`` a second and only once the window has drawn the last one."""
from __future__ import annotations

import time
import traceback

from PySide6.QtCore import QMetaObject, QObject, QThread, QTimer, Qt, Signal, Slot

from ..engine.compare import Comparison
from .controller import LIVE_THREADS

SLICE_SECONDS = 0.010        # training between two looks at the command queue
EMIT_HZ = 8.0                # small multiples need no more
STALE_SECONDS = 0.5          # a snapshot even if the window has not said it drew the last
GUI_FRAME_SECONDS = 0.060    # the longest the worker steps aside while the window draws one
PAINT_SHARE = 0.4            # drawing may take at most this share of the time: 64 small
                             # multiples cost more to draw than 4, so they come less often


class CompareWorker(QObject):
    snapshotReady = Signal(object)      # engine ComparisonSnapshot
    status = Signal(str, str)           # "error" | "finished" | "info", message
    runningChanged = Signal(bool)

    def __init__(self):
        super().__init__()
        self.comparison: Comparison | None = None
        self.target = 0
        self.revision = 0
        self.running = False
        self.snapshot_wanted = True      # set by the GUI thread when it has drawn the last
        # set by the GUI thread (a float: atomic under the GIL): it is drawing a snapshot
        # until then, and Python runs one thread at a time: the worker sleeps meanwhile
        self.gui_busy_until = 0.0
        self.frame_seconds = 0.0         # what the window takes to draw one (set by it)
        self._last_emit = 0.0
        self._timer: QTimer | None = None

    def _ensure_timer(self) -> QTimer:
        if self._timer is None:          # made in the worker's own thread
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._tick)
        return self._timer

    def _set_running(self, on: bool) -> None:
        if on != self.running:
            self.running = on
            self.runningChanged.emit(on)

    @Slot(object, object, int, int)
    def start(self, variants, base_dir, epochs: int, revision: int) -> None:
        """A new comparison of ``variants`` (engine Variants) up to ``epochs`` epochs."""
        self._set_running(False)
        self.revision = revision
        try:
            self.comparison = Comparison(variants, base_dir=base_dir)
        except Exception as exc:          # data that do not fit, a CSV missing: say why
            self.comparison = None
            self.status.emit("error", str(exc) or type(exc).__name__)
            return
        self.target = int(epochs)
        self.status.emit("info", "")
        self._emit()
        self.resume()

    @Slot()
    def resume(self) -> None:
        if self.comparison is None or self.comparison.finished(self.target):
            return
        self._set_running(True)
        self._ensure_timer().start(0)

    @Slot()
    def pause(self) -> None:
        self._set_running(False)
        if self._timer is not None:
            self._timer.stop()
        if self.comparison is not None:
            self._emit()

    @Slot()
    def stop(self) -> None:
        self._set_running(False)
        if self._timer is not None:
            self._timer.stop()

    @Slot()
    def clear(self) -> None:
        self.stop()
        self.comparison = None

    def _tick(self) -> None:
        c = self.comparison
        if not self.running or c is None:
            return
        while self.gui_busy_until > time.perf_counter():
            time.sleep(0.002)
        try:
            done = c.train_to(self.target, seconds=SLICE_SECONDS)
        except Exception as exc:          # never let the thread die silently
            self._set_running(False)
            self.status.emit("error", f"training stopped: {exc}")
            traceback.print_exc()
            return
        now = time.perf_counter()
        if done:
            self._set_running(False)
            self._emit()
            self.status.emit("finished", "")
            return
        interval = max(1.0 / EMIT_HZ, self.frame_seconds / PAINT_SHARE)
        if now - self._last_emit >= interval and (self.snapshot_wanted or now - self._last_emit >= STALE_SECONDS):
            self._emit()
        self._ensure_timer().start(0)

    def _emit(self) -> None:
        self.snapshot_wanted = False
        self._last_emit = time.perf_counter()
        self.snapshotReady.emit(self.comparison.snapshot(self.target, self.revision))


class CompareController(QObject):
    """The window's handle on the comparison thread (made on first use)."""

    snapshot = Signal(object)
    status = Signal(str, str)
    runningChanged = Signal(bool)

    _start = Signal(object, object, int, int)
    _resume = Signal()
    _pause = Signal()
    _clear = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("nnsim-compare")
        self.worker = CompareWorker()
        self.worker.moveToThread(self.thread)
        LIVE_THREADS.add(self.thread)
        w = self.worker
        for sig, slot in ((self._start, w.start), (self._resume, w.resume), (self._pause, w.pause),
                          (self._clear, w.clear)):
            sig.connect(slot, Qt.ConnectionType.QueuedConnection)
        w.snapshotReady.connect(self._on_snapshot, Qt.ConnectionType.QueuedConnection)
        w.status.connect(self.status, Qt.ConnectionType.QueuedConnection)
        w.runningChanged.connect(self._on_running, Qt.ConnectionType.QueuedConnection)
        self.thread.finished.connect(self.worker.deleteLater)
        self.thread.start()
        self.running = False
        self.latest = None
        self.revision = 0
        self._frame_start = 0.0
        self._closed = False

    def start(self, variants, base_dir, epochs: int) -> None:
        self.revision += 1
        self.latest = None
        self._start.emit(list(variants), base_dir, int(epochs), self.revision)

    def resume(self) -> None:
        self._resume.emit()

    def pause(self) -> None:
        self._pause.emit()

    def clear(self) -> None:
        self.revision += 1
        self.latest = None
        self._clear.emit()

    def gui_busy(self) -> None:
        """The window is about to draw a snapshot: the worker steps aside meanwhile."""
        self._frame_start = time.perf_counter()
        self.worker.gui_busy_until = self._frame_start + GUI_FRAME_SECONDS

    def drawn(self) -> None:
        """The window has drawn (a batch of paints): the worker may make the next snapshot."""
        if self._frame_start:
            took = time.perf_counter() - self._frame_start
            self._frame_start = 0.0
            w = self.worker
            w.frame_seconds = took if not w.frame_seconds else w.frame_seconds + 0.3 * (took - w.frame_seconds)
        self.worker.gui_busy_until = 0.0
        self.worker.snapshot_wanted = True

    def _on_snapshot(self, snap) -> None:
        if snap.revision != self.revision:      # from a comparison since replaced
            return
        self.latest = snap
        self.snapshot.emit(snap)

    def _on_running(self, on: bool) -> None:
        self.running = on
        self.runningChanged.emit(on)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop training and the thread; True when it ended in time."""
        if self._closed:
            return True
        self._closed = True
        ok = True
        if self.thread.isRunning():
            QMetaObject.invokeMethod(self.worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
            self.thread.quit()
            ok = self.thread.wait(timeout_ms)
        LIVE_THREADS.discard(self.thread)
        return ok
