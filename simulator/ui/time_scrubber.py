"""The time scrubber: which step t of the chosen sequence the window shows (the drawing's
neuron fills, the Inspector's numbers, the activation lab's g, the sequence panel's marker,
the unrolled view). A toolbar with a slider and step buttons, shown for sequence data."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSlider, QToolBar

from ..translate import tr


class TimeScrubber(QObject):
    timeChanged = Signal(int)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.length = 0
        self.t: int | None = None          # None until a sequence is shown (then its last step)
        self.act_previous = QAction(tr("Previous Time Step"), window)
        self.act_previous.setShortcut(QKeySequence("Alt+Left"))
        self.act_previous.setToolTip(tr("Show the previous step t of the sequence (Alt+Left)"))
        self.act_previous.triggered.connect(lambda: self.step(-1))
        self.act_next = QAction(tr("Next Time Step"), window)
        self.act_next.setShortcut(QKeySequence("Alt+Right"))
        self.act_next.setToolTip(tr("Show the next step t of the sequence (Alt+Right)"))
        self.act_next.triggered.connect(lambda: self.step(1))
        for a in (self.act_previous, self.act_next):
            window.addAction(a)            # the shortcuts work whatever has the focus
        # the buttons say what they do ("◂ t−1", "t+1 ▸"): the phase buttons already use the
        # seek icons, and a step in time is not a phase of training
        self.act_previous.setIconText("◂ t−1")
        self.act_next.setIconText("t+1 ▸")
        tb = QToolBar(tr("Time"), window)
        tb.setObjectName("toolbar-time")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar = tb
        self.title = QLabel(" " + tr("time") + " ")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("time-slider")
        self.slider.setMinimumWidth(240)
        self.slider.setRange(0, 0)
        self.slider.setPageStep(1)
        self.slider.setToolTip(tr("The step t of the chosen sequence that the drawing, the Inspector "
                                  "and the activation lab show"))
        self.slider.valueChanged.connect(self._slid)
        self.label = QLabel()
        self.label.setObjectName("time-label")
        self.label.setMinimumWidth(80)
        tb.addWidget(self.title)
        tb.addAction(self.act_previous)
        tb.addWidget(self.slider)
        tb.addAction(self.act_next)
        tb.addWidget(self.label)
        # along the bottom of the window, like a player's timeline
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, tb)
        tb.setVisible(False)
        self._show_label()

    # state ----------------------------------------------------------------------------------
    def set_length(self, length: int) -> None:
        """The chosen sequence has ``length`` steps (0: no sequence; the toolbar hides)."""
        length = max(0, int(length))
        if length == self.length:
            return
        self.length = length
        self.toolbar.setVisible(length > 0)
        for a in (self.act_previous, self.act_next):
            a.setEnabled(length > 0)
        if not length:
            return
        t = length - 1 if self.t is None else min(self.t, length - 1)
        self.slider.blockSignals(True)
        self.slider.setRange(0, length - 1)
        self.slider.setValue(t)
        self.slider.blockSignals(False)
        self._set(t)

    def set_time(self, t: int) -> None:
        """Show step ``t`` (clamped to the sequence)."""
        if not self.length:
            return
        t = min(max(int(t), 0), self.length - 1)
        if self.slider.value() != t:
            self.slider.setValue(t)            # emits through _slid
        else:
            self._set(t)

    def step(self, delta: int) -> None:
        if self.length:
            self.set_time((self.t or 0) + delta)

    def _slid(self, value: int) -> None:
        self._set(value)

    def _set(self, t: int) -> None:
        changed = t != self.t
        self.t = t
        self._show_label()
        if changed:
            self.timeChanged.emit(t)

    def _show_label(self) -> None:
        if self.length:
            self.label.setText(tr("t = %1 of %2").replace("%1", str(self.t)).replace("%2", str(self.length - 1)))
        else:
            self.label.setText("")
