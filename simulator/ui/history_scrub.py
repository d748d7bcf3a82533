"""The history slider: drag it back to see an earlier epoch of the run as it was (the
network's weights and values, the decision surface, the charts up to then). The training
thread keeps the parameters of past epochs (Trainer checkpoints) and renders the snapshot
of the one asked for; the window only shows it. Play, Step or Reset return to the present
and train on from there: the past is for looking, the run itself goes on from where it is."""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

from ..translate import tr


class HistoryScrubber(QObject):
    """A slider over the kept epochs (its right end is the present) and, while an earlier
    epoch is shown, a status-bar note saying which and how to come back."""

    def __init__(self, window, controller, toolbar, epoch_label=None):
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.epochs = np.zeros(0)          # the slider's positions: kept epochs, then the present
        self.present = 0
        self.viewing: int | None = None
        self._followed = 0.0
        box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 6, 0)
        # right after the epoch counter, as its timeline: the toolbar has little room
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("history-slider")
        self.slider.setAccessibleName(tr("history"))
        self.slider.setFixedWidth(110)
        self.slider.setRange(0, 0)
        self.slider.setToolTip(tr("Drag back to see an earlier epoch of this run: the network, the "
                                  "decision surface and the charts as they were. Play returns to "
                                  "the present."))
        self.slider.valueChanged.connect(self._moved)
        lay.addWidget(self.slider)
        after = next((a for a in toolbar.actions() if toolbar.widgetForAction(a) is epoch_label), None)
        following = toolbar.actions()[toolbar.actions().index(after) + 1:] if after else []
        if following:
            toolbar.insertWidget(following[0], box)
        else:
            toolbar.addWidget(box)
        self.note = QLabel()
        self.note.setObjectName("history-note")
        self.note.setStyleSheet("QLabel#history-note { color: white; background: #1f5fa8; "
                                "padding: 2px 8px; border-radius: 3px; }")
        self.note.hide()
        window.statusBar().addPermanentWidget(self.note)

    # the slider follows the snapshots ----------------------------------------------------------
    FOLLOW_SECONDS = 0.25       # while playing, the slider (and its repaint) follows 4× a second

    def show_snapshot(self, snap) -> None:
        present = snap.epoch if snap.present_epoch is None else snap.present_epoch
        viewing = None if snap.present_epoch is None else int(snap.epoch)
        now = time.monotonic()
        if viewing is None and self.viewing is None and self.controller.running \
                and now - self._followed < self.FOLLOW_SECONDS:
            return
        self._followed = now
        kept = snap.checkpoint_epochs
        kept = np.asarray(kept if kept is not None else [], dtype=float)
        kept = kept[kept < present]                    # the present is the right end
        self.epochs = np.append(kept, present).astype(int)
        self.present = int(present)
        self.viewing = viewing
        if not self.slider.isSliderDown():               # never fight the hand dragging it
            with QSignalBlocker(self.slider):
                self.slider.setRange(0, len(self.epochs) - 1)
                if self.viewing is None:
                    self.slider.setValue(len(self.epochs) - 1)
                else:
                    self.slider.setValue(int(np.searchsorted(self.epochs, self.viewing)))
        if self.viewing is None:
            self.note.hide()
        else:
            self.note.setText(tr("viewing epoch %1 of %2 — Play returns to the present")
                              .replace("%1", str(self.viewing)).replace("%2", str(self.present)))
            self.note.show()

    def clear(self) -> None:
        """No run any more (nothing trainable): an empty slider, no note."""
        self.epochs = np.zeros(0)
        self.present = 0
        self.viewing = None
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, 0)
        self.note.hide()

    def _moved(self, index: int) -> None:
        if not len(self.epochs):
            return
        index = min(max(index, 0), len(self.epochs) - 1)
        animator = getattr(self.window, "animator", None)
        if animator is not None and animator.active:
            animator.stop()
        if index == len(self.epochs) - 1:
            self.controller.view_epoch(None)
        else:
            self.controller.view_epoch(int(self.epochs[index]))

    def show_epoch(self, epoch: int | None) -> None:
        """Move to ``epoch`` (None: the present), as dragging the slider there does."""
        if epoch is None:
            self.slider.setValue(self.slider.maximum())
        else:
            self.slider.setValue(int(np.searchsorted(self.epochs, epoch, side="right")) - 1)
