"""The training worker: a QObject living in a QThread that owns the engine's trainer.

Commands arrive as queued slot calls; the worker trains in short slices on a zero-delay
timer (so commands are handled between slices) and emits immutable snapshots at most
``emit_hz`` times a second. It never touches a widget and never shares a mutable array.
"""
from __future__ import annotations

import time
import traceback
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..document import trained, training_problems
from ..translate import tr
from ..engine import datasets, params, probe
from ..engine.trainer import Snapshot, Trainer

SLICE_SECONDS = 0.008       # training between two looks at the command queue
GUI_SLICE_SECONDS = 0.002   # ... while the window draws: short, and we step aside (below)
MAX_YIELD_SECONDS = 0.030
MAX_OWED_SECONDS = 0.030    # training time owed to the worker after stepping aside (cap)
STALE_SECONDS = 0.25
HANDOVER_SECONDS = 0.003    # from a snapshot made to the window having it
LIVE_SETTINGS = ("learning_rate", "batch_size", "optimizer", "clip", "l1", "l2", "shuffle")
MAX_PARKED = 16             # trainers kept for undo (see park)


class TrainingWorker(QObject):
    snapshotReady = Signal(object)      # Snapshot
    traceReady = Signal(object)         # (StepTrace, Snapshot)
    dataReady = Signal(object)          # engine.datasets.Dataset (arrays read-only)
    cleared = Signal()                  # no network to train: nothing of the last run holds
    status = Signal(str, str)   # kind: "info" | "error" | "diverged" | "notice" | "lesson_done", message
    runningChanged = Signal(bool)

    def __init__(self):
        super().__init__()
        self.trainer: Trainer | None = None
        self.doc: dict | None = None
        self.revision = 0
        self.base_dir: Path | None = None
        self.running = False
        self.speed: float | None = None          # epochs per second; None = as fast as possible
        self.emit_hz = 60.0
        self.probe_node: str | None = None
        self.sequence: tuple[str, int] = ("train", 0)   # the sequence snapshots show step by step
        self._timer: QTimer | None = None
        self._budget = 0.0
        self._last_tick = 0.0
        self._last_emit = 0.0
        # Set by the GUI thread (a float: atomic under the GIL): until this moment the window
        # is drawing a frame. Python runs one thread at a time, so training then would make
        # every paint wait for the lock; the worker sleeps instead (releasing it).
        self.gui_busy_until = 0.0
        # Backpressure: a snapshot costs milliseconds; build one only when the window has
        # drawn the last (or after STALE_SECONDS, should it not be drawing at all).
        self.snapshot_wanted = True
        self.data_problem: str | None = None     # why the current data cannot be trained
        self._owed = 0.0                         # see _tick
        self._make_seconds = 0.0                 # what a snapshot takes to make (EMA)
        self.frame_due = 0.0                     # set by the GUI thread: its next frame
        # Runs kept across edits. ``_shelved``: the trainer of the last trainable network,
        # kept while the drawing cannot train (an output deleted and drawn again keeps what
        # the rest learned). ``_parked``: trainers set aside by an edit that removes part of
        # the network, by the edit's token; undoing it brings its parts back trained.
        self._shelved: Trainer | None = None
        self._parked: dict[int, Trainer] = {}
        self._donors: list[Trainer] = []         # parked trainers the next recompile draws on
        self._restored = False                   # the trainer continues a saved run
        self._node_params = False                # the network has PReLU slopes or batch norm
        # an earlier epoch the window shows instead of the present (None: the present);
        # training, a step, a reset or an edit brings the present back
        self.viewing: int | None = None
        self._view_request: int | None = None
        self._view_pending = False
        # a lesson's ``epochs``: Play stops there (its text tells what the window shows by
        # then); pressing Play again goes on. Armed when the lesson opens or is reset.
        self.stop_epoch: int | None = None

    # lifecycle ----------------------------------------------------------------------------
    def _ensure_timer(self) -> QTimer:
        if self._timer is None:            # created in the worker's own thread
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._tick)
        return self._timer

    @Slot()
    def stop(self) -> None:
        self.running = False
        if self._timer is not None:
            self._timer.stop()

    # documents ------------------------------------------------------------------------------
    @Slot(object, int, object, bool)
    def load(self, doc: dict, revision: int, base_dir, keep_weights: bool) -> None:
        """Compile a document. A document saved after training (a ``trained`` block)
        continues that run. With ``keep_weights`` (an edit) the run goes on: the weights of
        what did not change, the epoch count and the history carry over, if it had trained;
        an untrained network is the fresh draw of its new document, whatever the order of
        the edits that made it."""
        doc, saved = trained.detach(doc)
        self.doc, self.revision, self.base_dir = doc, revision, base_dir
        self._back_to_present()
        donors, self._donors = self._donors, []
        if keep_weights:
            base = self.trainer if self.trainer is not None else self._shelved
        else:                              # a new document: training stops, runs are dropped
            base = None
            self._shelved = None
            self._parked.clear()
            self._restored = False
            self._arm_lesson_stop(doc)
            self._set_running(False)
            if self._timer is not None:
                self._timer.stop()
        if base is None and donors:
            base = donors[-1]              # undoing a deletion that left nothing trainable
        # after refused data the trainer still holds the old data: read the spec again
        old_data = base.data if base is not None and self.data_problem is None else None
        self.data_problem = None
        was_running = self.running
        problems = training_problems(doc)
        if problems:
            if base is not None and doc["network"]["nodes"]:
                self._shelved = base       # kept for the drawing being completed
            elif not doc["network"]["nodes"]:
                self._shelved = None       # an empty canvas: a new drawing starts afresh
            self._drop_network(problems[0], doc, base_dir)
            return
        try:
            tr = doc.get("training", {})
            data = old_data if old_data is not None else datasets.from_spec(
                doc.get("data", {}), base_dir, tr.get("loss"))
            trainer = Trainer.from_document(doc, base_dir=base_dir, data=data)
            if base is not None and self._has_trained(base):
                params.carry(trainer.net, [d.net for d in donors if d is not base] + [base.net])
                trainer.reset(reinit=False)        # the optimiser starts from the kept weights
                trainer.adopt_history(base)
            else:
                self._restored = False
            if saved is not None:
                trainer.resume(saved)
                self._restored = True
        except Exception as exc:               # a document the engine cannot use: say why
            self._drop_network(str(exc) or type(exc).__name__, None, base_dir)
            return
        self.trainer = trainer
        self._shelved = None
        self._node_params = params.has_node_params(trainer.net)
        if old_data is None:
            self.dataReady.emit(self.trainer.data)
        self.status.emit("info", "")
        self._emit_snapshot()
        if was_running and keep_weights:
            self.play()

    def _has_trained(self, t: Trainer) -> bool:
        """Whether training moved ``t``'s weights from its document's draw."""
        return t.steps > 0 or t.epoch > 0 or (t is self.trainer and self._restored)

    def _drop_network(self, problem: str, doc: dict | None, base_dir) -> None:
        """No network to train: stop, say why, and tell the window to show no old run (with
        the new document's data, when it can be read)."""
        self.trainer = None
        self._set_running(False)
        if self._timer is not None:
            self._timer.stop()
        self.cleared.emit()
        self.status.emit("error", problem)
        if doc is not None:
            try:
                data = datasets.from_spec(doc.get("data", {}), base_dir, doc.get("training", {}).get("loss"))
            except Exception:                  # unreadable data: said once the network is complete
                return
            self.dataReady.emit(data)

    @Slot(int)
    def park(self, token: int) -> None:
        """An edit is about to remove part of the network: keep the run as it is now under
        ``token``, for the edit's undo (see ``carry``)."""
        t = self.trainer if self.trainer is not None else self._shelved
        self._parked.pop(token, None)
        if t is not None and self._has_trained(t):
            self._parked[token] = t
            while len(self._parked) > MAX_PARKED:
                del self._parked[next(iter(self._parked))]

    @Slot(int)
    def carry(self, token: int) -> None:
        """The next recompile restores the parts an undone edit brings back as they were
        when it was parked (see ``park``)."""
        parked = self._parked.get(token)
        if parked is not None:
            self._donors.append(parked)

    @Slot(object)
    def set_data(self, doc: dict) -> None:
        """New data spec (regenerate, noise, a clicked point, CSV): weights are kept."""
        self.doc = doc
        self._back_to_present()
        if self.trainer is None:
            self.load(doc, self.revision, self.base_dir, False)
            return
        # data the network cannot learn (4 classes for 3 softmax outputs): stop and say so,
        # keeping the trained weights and the old data until the data or network is fixed
        problems = training_problems(doc)
        if problems:
            self._refuse(problems[0])
            return
        try:
            data = datasets.from_spec(doc.get("data", {}), self.base_dir, doc["training"].get("loss"))
            if data.is_sequence == getattr(self.trainer, "is_sequence", False):
                self.trainer.set_data(data)
            else:      # points <-> sequences: the other kind of trainer, the weights kept
                old = self.trainer
                self.trainer = Trainer.from_document(doc, base_dir=self.base_dir, data=data,
                                                     previous=old.net)
                self.trainer.adopt_history(old)
        except Exception as exc:
            self._refuse(str(exc) or type(exc).__name__)
            return
        if self.data_problem is not None:
            self.data_problem = None
            self.status.emit("info", "")
        self.dataReady.emit(self.trainer.data)
        self._emit_snapshot()

    def _refuse(self, problem: str) -> None:
        self.data_problem = problem
        self._set_running(False)
        if self._timer is not None:
            self._timer.stop()
        self.status.emit("error", problem)

    def _blocked(self) -> bool:
        """True (and the reason said again) while the data does not fit the network."""
        if self.data_problem is not None:
            self.status.emit("error", self.data_problem)
            return True
        return False

    @Slot(str, object)
    def set_setting(self, key: str, value) -> None:
        t = self.trainer
        if t is None:
            return
        if key == "learning_rate":
            t.set_learning_rate(value)
        elif key == "batch_size":
            t.set_batch_size(value)
        elif key == "optimizer":
            t.set_optimizer(value)
        elif key == "clip":
            t.set_clip(value)
        elif key in ("l1", "l2"):
            l1 = value if key == "l1" else t.net.l1
            l2 = value if key == "l2" else t.net.l2
            t.set_regularisation(l1, l2)
        elif key == "shuffle":
            t.set_shuffle(value)
        self._emit_snapshot()

    @Slot(str, str, float)
    def set_weight(self, source: str, target: str, value: float) -> None:
        """A weight typed in: the document's value now, and where Reset returns."""
        self._back_to_present()
        if self.trainer is not None and (source, target) in self.trainer.net.edges:
            params.set_start_weight(self.trainer.net, source, target, value)
            self._emit_snapshot()

    @Slot(str, float)
    def set_bias(self, node_id: str, value: float) -> None:
        self._back_to_present()
        if self.trainer is not None and node_id in self.trainer.net.doc_node_ids:
            params.set_start_bias(self.trainer.net, node_id, value)
            self._emit_snapshot()

    @Slot(object)
    def set_probe_node(self, node_id) -> None:
        self.probe_node = node_id
        self._emit_snapshot()

    @Slot(str, int)
    def set_sequence(self, split: str, index: int) -> None:
        """Which sequence (``"train"`` or ``"test"``, index) snapshots carry step by step."""
        self.sequence = ("test" if split == "test" else "train", max(0, int(index)))
        self._emit_snapshot()

    # running --------------------------------------------------------------------------------
    def _set_running(self, on: bool) -> None:
        if on != self.running:
            self.running = on
            self.runningChanged.emit(on)

    @Slot()
    def play(self) -> None:
        if self.trainer is None:
            self.status.emit("error", tr("nothing to train: the network is not complete"))
            return
        if self.trainer.diverged is not None:
            self.status.emit("diverged", self.trainer.diverged.message)
            return
        if self._blocked():
            return
        self._back_to_present()
        if self.stop_epoch is not None and self.trainer.epoch >= self.stop_epoch:
            self.stop_epoch = None         # the lesson's epochs are done: Play goes on
        self._set_running(True)
        self._budget = 0.0
        self._last_tick = time.perf_counter()
        self._ensure_timer().start(0)

    @Slot()
    def pause(self) -> None:
        self._set_running(False)
        if self._timer is not None:
            self._timer.stop()
        self._emit_snapshot()

    @Slot(object)
    def set_speed(self, epochs_per_second) -> None:
        self.speed = None if epochs_per_second in (None, 0) else float(epochs_per_second)
        self._budget = 0.0
        self._last_tick = time.perf_counter()

    @Slot(float)
    def set_emit_rate(self, hz: float) -> None:
        self.emit_hz = max(1.0, float(hz))

    def _gui_drawing(self) -> bool:
        return self.gui_busy_until > time.perf_counter()

    def _tick(self) -> None:
        t = self.trainer
        if not self.running or t is None:
            return
        now = time.perf_counter()
        if self.gui_busy_until > now and self._owed <= 0.0:
            # step aside in short sleeps (each releases the lock) until the frame is drawn
            give_up = now + MAX_YIELD_SECONDS
            while self.gui_busy_until > time.perf_counter() < give_up:
                time.sleep(0.001)
            # ... but for at most half the time: a window that is always drawing (a big
            # network) must not stop training; what we gave is owed back, capped
            self._owed = min(MAX_OWED_SECONDS, self._owed + time.perf_counter() - now)
            now = time.perf_counter()
        left = None if self.stop_epoch is None else self.stop_epoch - t.epoch
        try:
            if self.speed is None:
                slice_ = GUI_SLICE_SECONDS if self.gui_busy_until > 0 else SLICE_SECONDS
                owed = self._owed > 0.0
                if owed:
                    slice_ = max(slice_, min(self._owed, SLICE_SECONDS))
                if self.snapshot_wanted:
                    # the window waits: stop in time to have the next frame ready when due
                    slice_ = min(slice_, max(0.0005, self._next_emit() - now))
                if owed:
                    t.run(seconds=slice_, epochs=left)
                    self._owed = max(0.0, self._owed - (time.perf_counter() - now))
                else:
                    # stop mid-slice when the window starts drawing: holding the interpreter
                    # lock then would make each of its paint calls wait for it
                    t.run(seconds=slice_, until=self._gui_drawing, epochs=left)
            else:
                steps_per_epoch = max(1, -(-t.n_train // max(1, min(t.batch_size, t.n_train))))
                self._budget += (now - self._last_tick) * self.speed * steps_per_epoch
                k = int(self._budget)
                k = min(k, steps_per_epoch * max(1, int(self.speed)))   # no burst after a stall
                if k:
                    self._budget -= k
                    t.run(steps=k, seconds=SLICE_SECONDS * 2, epochs=left)
        except Exception as exc:                 # never let the thread die silently
            self._set_running(False)
            self.status.emit("error", f"training stopped: {exc}")
            traceback.print_exc()
            return
        self._last_tick = now
        if t.diverged is not None:
            self._set_running(False)
            self._emit_snapshot()
            self.status.emit("diverged", t.diverged.message)
            return
        if self.stop_epoch is not None and t.epoch >= self.stop_epoch:
            self._set_running(False)
            self._emit_snapshot()
            self.status.emit("lesson_done", str(self.stop_epoch))
            return
        now = time.perf_counter()
        if now >= self._next_emit() and (self.snapshot_wanted or now - self._last_emit >= STALE_SECONDS):
            self._emit_snapshot()
        self._ensure_timer().start(0 if self.speed is None else 4)

    @Slot(str)
    def step(self, kind: str) -> None:
        """One sample, mini-batch or epoch, outside of Play."""
        t = self.trainer
        if t is None or self._blocked():
            return
        self._set_running(False)
        self._back_to_present()
        t.step(kind)
        self._after_manual()

    @Slot(str, object)
    def trace(self, kind: str, rows) -> None:
        """One step recorded for the step-by-step animation."""
        t = self.trainer
        if t is None or t.n_train == 0 or self._blocked():
            return
        self._set_running(False)
        self._back_to_present()
        if t.diverged is not None:
            self.status.emit("diverged", t.diverged.message)
            return
        # sequences: a row is a whole sequence, and the trace has one row per (sequence,
        # step) for the animation through time
        if rows is None and kind == "random":
            rows = np.array([np.random.default_rng().integers(t.n_train)])
            kind = "sample"
        step = t.trace_step(None if rows is None else np.asarray(rows, dtype=np.intp), kind=kind)
        snap = self._make_snapshot()
        self.traceReady.emit((step, snap))
        self._last_emit = time.perf_counter()
        if t.diverged is not None:
            self.status.emit("diverged", t.diverged.message)

    @Slot(int)
    def run_epochs(self, n: int) -> None:
        """Train ``n`` epochs at once (scripts, screenshots, exports)."""
        t = self.trainer
        if t is None or self._blocked():
            return
        self._set_running(False)
        self._back_to_present()
        t.run(epochs=n)
        self._after_manual()

    def _after_manual(self) -> None:
        """After a step asked for by hand: show it, and say if it diverged."""
        self._emit_snapshot()
        if self.trainer.diverged is not None:
            self.status.emit("diverged", self.trainer.diverged.message)

    @Slot()
    def reset(self) -> None:
        if self.trainer is None:
            return
        self._set_running(False)
        self._back_to_present()
        self._arm_lesson_stop(self.doc)
        self.trainer.reset()
        self._restored = False
        self.status.emit("info", "")
        self._emit_snapshot()

    # earlier epochs ----------------------------------------------------------------------------
    @Slot(int)
    def view_epoch(self, epoch: int) -> None:
        """Show an earlier epoch of the run (training pauses), or the present (``epoch`` < 0
        or not earlier than now). Requests arriving faster than snapshots are made (a
        dragged slider) are merged: the latest wins."""
        if self.trainer is None:
            return
        if self.running:
            self._set_running(False)
            if self._timer is not None:
                self._timer.stop()
        self._view_request = int(epoch)
        if not self._view_pending:
            self._view_pending = True
            QTimer.singleShot(0, self, self._show_requested)

    def _show_requested(self) -> None:
        self._view_pending = False
        epoch, self._view_request = self._view_request, None
        t = self.trainer
        if epoch is None or t is None:
            return
        self.viewing = epoch if 0 <= epoch < t.epoch else None
        self._emit_snapshot()

    def _arm_lesson_stop(self, doc) -> None:
        lesson = (doc or {}).get("lesson") or {}
        epochs = lesson.get("epochs")
        self.stop_epoch = int(epochs) if isinstance(epochs, int) and epochs > 0 else None

    def _back_to_present(self) -> None:
        self.viewing = None
        self._view_request = None

    # snapshots -----------------------------------------------------------------------------------
    def _make_snapshot(self) -> Snapshot:
        t = self.trainer
        if getattr(t, "is_sequence", False):
            t.chosen_sequence = self.sequence
        if self.viewing is not None and not self.running:
            with t.past(self.viewing):
                return self._snapshot_of(t)
        return self._snapshot_of(t)

    def _snapshot_of(self, t: Trainer) -> Snapshot:
        extras = probe.snapshot_extras(t.net, t.data, self.probe_node)
        if self._node_params:              # what saving needs beyond weights and biases
            extras["node_params"] = params.node_params(t.net)
        return t.snapshot(revision=self.revision, extras=extras)

    def _next_emit(self) -> float:
        """When to start the next snapshot: so that it reaches the window when its next
        frame is due (``frame_due``, set by the window), and at most ``emit_hz`` a second."""
        cadence = self._last_emit + 1.0 / self.emit_hz - self._make_seconds
        if self.frame_due > 0.0:
            return max(cadence, self.frame_due - self._make_seconds - HANDOVER_SECONDS)
        return cadence

    def _emit_snapshot(self) -> None:
        if self.trainer is None:
            return
        self.snapshot_wanted = False
        start = time.perf_counter()
        self.snapshotReady.emit(self._make_snapshot())
        self._last_emit = start
        took = min(time.perf_counter() - start, 0.5 / self.emit_hz)
        self._make_seconds += 0.2 * (took - self._make_seconds)

    @Slot()
    def request_snapshot(self) -> None:
        self._emit_snapshot()

