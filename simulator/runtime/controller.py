"""The GUI thread's handle on the training worker: starts and stops its QThread, turns
document changes into worker commands, and hands the window only the latest snapshot on a
timer (<= 60 Hz)."""
from __future__ import annotations

import copy
import math
import time
import weakref

from PySide6.QtCore import QObject, QThread, QTimer, Qt, Signal

from . import gui_gc
from .worker import LIVE_SETTINGS, TrainingWorker

#: Every training thread that exists; tests assert it is empty after each test.
LIVE_THREADS: "weakref.WeakSet[QThread]" = weakref.WeakSet()

FRAME_MS = 16


class TrainingController(QObject):
    snapshot = Signal(object)        # the latest Snapshot, at most once per frame
    trace = Signal(object)           # (StepTrace, Snapshot) for the step animation
    data = Signal(object)            # Dataset
    cleared = Signal()               # no network to train: the window shows no old run
    status = Signal(str, str)
    runningChanged = Signal(bool)

    # commands to the worker (queued across the thread boundary)
    _load = Signal(object, int, object, bool)
    _set_data = Signal(object)
    _set_setting = Signal(str, object)
    _set_weight = Signal(str, str, float)
    _set_bias = Signal(str, float)
    _play = Signal()
    _pause = Signal()
    _step = Signal(str)
    _trace = Signal(str, object)
    _reset = Signal()
    _speed = Signal(object)
    _probe = Signal(object)
    _sequence = Signal(str, int)
    _emit_rate = Signal(float)
    _request = Signal()
    _run_epochs = Signal(int)
    _park = Signal(int)
    _carry = Signal(int)
    _view_epoch = Signal(int)

    def __init__(self, model=None, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.thread = QThread()
        self.thread.setObjectName("nnsim-training")
        self.worker = TrainingWorker()
        self.worker.moveToThread(self.thread)
        LIVE_THREADS.add(self.thread)
        w = self.worker
        for sig, slot in ((self._load, w.load), (self._set_data, w.set_data),
                          (self._set_setting, w.set_setting), (self._set_weight, w.set_weight),
                          (self._set_bias, w.set_bias), (self._play, w.play), (self._pause, w.pause),
                          (self._step, w.step), (self._trace, w.trace), (self._reset, w.reset),
                          (self._speed, w.set_speed), (self._probe, w.set_probe_node),
                          (self._sequence, w.set_sequence),
                          (self._emit_rate, w.set_emit_rate), (self._request, w.request_snapshot),
                          (self._run_epochs, w.run_epochs), (self._park, w.park), (self._carry, w.carry),
                          (self._view_epoch, w.view_epoch)):
            sig.connect(slot, Qt.ConnectionType.QueuedConnection)
        w.snapshotReady.connect(self._on_snapshot, Qt.ConnectionType.QueuedConnection)
        w.traceReady.connect(self._on_trace, Qt.ConnectionType.QueuedConnection)
        w.cleared.connect(self._on_cleared, Qt.ConnectionType.QueuedConnection)
        w.dataReady.connect(self._on_data, Qt.ConnectionType.QueuedConnection)
        w.status.connect(self.status, Qt.ConnectionType.QueuedConnection)
        w.runningChanged.connect(self._on_running, Qt.ConnectionType.QueuedConnection)
        self.thread.finished.connect(self.worker.deleteLater)
        # the training thread must never be the one to collect the GUI's garbage (gui_gc)
        gui_gc.collect_on_gui_thread(self.thread)
        self.thread.start()
        self.running = False
        self.latest = None
        # the latest snapshot of the run as it is now (``latest`` may show an earlier epoch,
        # from the history slider): what saving writes
        self.present = None
        self.latest_data = None
        self._floor = 0                      # results of documents older than this are stale
        self._last_flush = 0.0
        self._due = 0.0                      # when the next frame may be drawn
        self._pending = None
        self._paint_start = self._paint_end = 0.0
        self._paint_seconds = 0.0            # how long the window takes to show a frame (EMA)
        # fires when a snapshot that came early is due; single-shot and precise, because a
        # periodic 16 ms tick let a snapshot arriving just before it wait a whole period
        self._frame = QTimer(self)
        self._frame.setSingleShot(True)
        self._frame.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame.timeout.connect(self._flush_if_due)
        self._recompile = QTimer(self)
        self._recompile.setSingleShot(True)
        self._recompile.setInterval(0)
        self._recompile.timeout.connect(self._send_recompile)
        self._closed = False
        if model is not None:
            self.attach(model)

    # the document -------------------------------------------------------------------------------
    def attach(self, model) -> None:
        """Follow a DocumentModel: every edit reaches the worker."""
        if self.model is not None and self.model is not model:
            self.detach()
        self.model = model
        model.replaced.connect(self.load_fresh)
        model.nodesAdded.connect(self._structure)
        model.nodesRemoved.connect(self._structure)
        model.edgesChanged.connect(self._structure)
        model.nodeChanged.connect(self._node_changed)
        model.edgeWeightChanged.connect(self._weight_changed)
        model.trainingChanged.connect(self._training_changed)
        model.dataChanged.connect(self._data_changed)
        model.parkTraining.connect(self.park)
        model.carryTraining.connect(self.carry)

    def detach(self) -> None:
        """Stop following the current model (a rebuilt window takes over)."""
        m = self.model
        if m is None:
            return
        for sig, slot in ((m.replaced, self.load_fresh), (m.nodesAdded, self._structure),
                          (m.nodesRemoved, self._structure), (m.edgesChanged, self._structure),
                          (m.nodeChanged, self._node_changed), (m.edgeWeightChanged, self._weight_changed),
                          (m.trainingChanged, self._training_changed), (m.dataChanged, self._data_changed),
                          (m.parkTraining, self.park), (m.carryTraining, self.carry)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.model = None

    def _base_dir(self):
        m = self.model
        if m is None:
            return None
        if m.path is not None:
            return m.path.parent
        if m.lesson_id:
            from ..document import lessons
            return lessons.LESSONS_DIR
        return None

    def load_fresh(self) -> None:
        """Train the model's document from its start (or from the run a file saved)."""
        if self.model is None:
            return
        self.latest = self.present = self._pending = None
        self._floor = self.model.revision
        doc = self.model.snapshot_copy()
        saved = self.model.take_trained()
        if saved is not None:
            from ..document import trained
            doc = trained.attach(doc, saved)
        self._load.emit(doc, self.model.revision, self._base_dir(), False)

    def park(self, token: int) -> None:
        """An edit removes part of the network: the worker keeps the run for its undo."""
        self._park.emit(int(token))

    def carry(self, token: int) -> None:
        """An undo brings parts back: the next recompile restores them as parked."""
        self._carry.emit(int(token))

    def _structure(self, *args) -> None:
        self._recompile.start()

    def _send_recompile(self) -> None:
        if self.model is not None:
            self._load.emit(self.model.snapshot_copy(), self.model.revision, self._base_dir(), True)

    def _node_changed(self, node_id: str, key: str) -> None:
        if key == "pos":
            return
        if key == "bias":
            value = self.model.node(node_id).get("bias")
            if value is not None:
                self._set_bias.emit(node_id, float(value))
                return
        self._recompile.start()

    def _weight_changed(self, source: str, target: str) -> None:
        from ..document import edits
        e = edits.edges(self.model.doc)[edits.edge_index(self.model.doc, source, target)]
        if e.get("weight") is not None:
            self._set_weight.emit(source, target, float(e["weight"]))

    def _training_changed(self, key: str) -> None:
        value = copy.deepcopy(self.model.doc["training"].get(key))
        if key in LIVE_SETTINGS:
            self._set_setting.emit(key, value)
        elif key in ("init", "seed"):
            self.load_fresh()          # new initial weights: training starts over
        else:
            self._recompile.start()

    def _data_changed(self) -> None:
        self._set_data.emit(self.model.snapshot_copy())

    # commands -----------------------------------------------------------------------------------------
    def play(self) -> None:
        self._play.emit()

    def pause(self) -> None:
        self._pause.emit()

    def toggle(self) -> None:
        self.pause() if self.running else self.play()

    def step(self, kind: str = "batch") -> None:
        self._step.emit(kind)

    def trace_step(self, kind: str = "sample", rows=None) -> None:
        self._trace.emit(kind, rows)

    def reset(self) -> None:
        self._reset.emit()

    def train_epochs(self, n: int) -> None:
        self._run_epochs.emit(int(n))

    def retrain(self, epochs: int) -> None:
        """The document afresh from its seeded start, then ``epochs`` epochs at once: the
        window shows exactly what a headless run of it gives (a variant opened from a
        comparison). A recompile still pending from the edits is dropped: this replaces it."""
        self._recompile.stop()
        self.load_fresh()
        if epochs:
            self.train_epochs(epochs)

    def set_speed(self, epochs_per_second) -> None:
        self._speed.emit(epochs_per_second)

    def set_probe_node(self, node_id) -> None:
        self._probe.emit(node_id)

    def set_sequence(self, split: str, index: int) -> None:
        """Which sequence ("train"/"test", index) the snapshots show step by step."""
        self._sequence.emit(split, int(index))

    def set_emit_rate(self, hz: float) -> None:
        self._emit_rate.emit(hz)

    def request_snapshot(self) -> None:
        self._request.emit()

    def view_epoch(self, epoch: int | None) -> None:
        """Show an earlier epoch of the run (training pauses); None: the present again."""
        self._view_epoch.emit(-1 if epoch is None else int(epoch))

    # results --------------------------------------------------------------------------------------------
    def _on_snapshot(self, snap) -> None:
        if snap.revision < self._floor:
            return                      # made before the document was replaced
        self._pending = snap            # keep only the latest; _flush draws it
        self._flush_if_due()

    def _on_trace(self, payload) -> None:
        if payload[1].revision >= self._floor:
            self.trace.emit(payload)

    def _on_cleared(self) -> None:
        self._pending = self.latest = self.present = None
        self._frame.stop()
        self.cleared.emit()

    def _flush_if_due(self) -> None:
        wait = self._due - time.perf_counter()
        if wait <= 0.0:
            self._flush()               # a frame is due: draw it now
        elif self._pending is not None and not self._frame.isActive():
            self._frame.start(max(1, math.ceil(wait * 1000)))

    GUI_FRAME_SECONDS = 0.030     # the longest the worker steps aside for one frame

    def _flush(self) -> None:
        snap, self._pending = self._pending, None
        if snap is not None:
            now = self._last_flush = time.perf_counter()
            # frames keep a cadence: one drawn late (the window was busy with a panel) is
            # followed by the next at its usual time, not a whole interval later
            interval = self._frame_interval()
            self._due = now + interval if now - self._due > interval / 2 else self._due + interval
            self.worker.frame_due = self._due
            self.latest = snap
            if snap.present_epoch is None:
                self.present = snap
            self.gui_busy()
            self.snapshot.emit(snap)

    def gui_busy(self) -> None:
        """The window is about to draw: the worker steps aside until ``gui_idle``."""
        self.worker.gui_busy_until = time.perf_counter() + self.GUI_FRAME_SECONDS

    def painting(self, on: bool) -> None:
        """The window is painting (on) or has painted (off) a batch of widgets: while it
        paints, the worker steps aside so the paint calls never wait for the lock."""
        now = time.perf_counter()
        if on:
            self._paint_start = now
            self.worker.gui_busy_until = now + self.GUI_FRAME_SECONDS
        else:
            self.worker.gui_busy_until = 0.0
            # a frame's cost: from handing the snapshot to the window (which updates the
            # drawing and panels) to the end of the paint batch that shows it
            # (batches that only repaint a panel on its own timer are not frames)
            took = now - self._last_flush if self._last_flush > self._paint_end else 0.0
            if 0.0 < took < 0.5:
                self._paint_seconds += 0.2 * (took - self._paint_seconds)
            self._paint_end = now

    # showing frames may take at most this share of the time: a big network whose frame costs
    # 40 ms is drawn ~12 times a second, so training (which steps aside meanwhile) keeps the rest
    PAINT_SHARE = 0.5

    def _frame_interval(self) -> float:
        return max(FRAME_MS / 1000.0, self._paint_seconds / self.PAINT_SHARE)

    def gui_idle(self) -> None:
        """The frame is on screen: the worker may train at full speed and prepare the next."""
        self.worker.gui_busy_until = 0.0
        self.worker.snapshot_wanted = True

    def _on_data(self, data) -> None:
        self.latest_data = data
        self.data.emit(data)

    def replay(self) -> None:
        """Send the latest data and snapshot again (to a window rebuilt around us)."""
        if self.latest_data is not None:
            self.data.emit(self.latest_data)
        if self.latest is not None:
            self.snapshot.emit(self.latest)
        self.runningChanged.emit(self.running)

    def _on_running(self, on: bool) -> None:
        self.running = on
        self.runningChanged.emit(on)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop training and the thread; True when it ended in time."""
        if self._closed:
            return True
        self._closed = True
        self._frame.stop()
        self._recompile.stop()
        if self.thread.isRunning():
            from PySide6.QtCore import QMetaObject
            QMetaObject.invokeMethod(self.worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
            self.thread.quit()
            ok = self.thread.wait(timeout_ms)
        else:
            ok = True
        LIVE_THREADS.discard(self.thread)
        gui_gc.release_finished()
        return ok
