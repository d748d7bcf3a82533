"""The Sequence panel: one sequence through the recurrent network — its input, target and
output over the steps, the hidden neurons' values as a neurons × time heat map, the step t
of the time scrubber marked on both — and which sequence (training or test, index).
A click on a plot picks that step."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QSplitter, QVBoxLayout, QWidget

from ...render import encoding
from ...render.network import pretty_feature
from ...render.sequence_plots import SignalsPlot, StatesPlot
from .charts import ElidedLabel, KeyRow

PLOT_MIN_HEIGHT = 90


def _widget(plot, theme: str) -> pg.PlotWidget:
    widget = pg.PlotWidget(plotItem=plot, background=encoding.theme(theme).plot_background)
    widget.setMinimumHeight(PLOT_MIN_HEIGHT)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    return widget


class SequencePanel(QWidget):
    sequenceChosen = Signal(str, int)      # "train" | "test", index
    timeClicked = Signal(int)

    def __init__(self, model, theme: str = "light", parent=None):
        super().__init__(parent)
        self.model = model
        t = encoding.theme(theme)
        self.split = QComboBox()
        self.split.addItem(self.tr("training"), "train")
        self.split.addItem(self.tr("test"), "test")
        self.index = QSpinBox()
        self.index.setRange(0, 0)
        self.index.setKeyboardTracking(False)
        self.count = QLabel()
        self.split.activated.connect(lambda _: self._chosen())
        self.index.valueChanged.connect(lambda _: self._chosen())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sequence")))
        top.addWidget(self.split)
        top.addWidget(self.index)
        top.addWidget(self.count)
        top.addStretch(1)
        self.summary = ElidedLabel()
        self.signals = SignalsPlot(t)
        self.states = StatesPlot(t)
        self.signals_widget = _widget(self.signals, theme)
        self.states_widget = _widget(self.states, theme)
        self.signals.legend.setVisible(False)     # the key row above the plots names the curves
        self.key = KeyRow()
        for plot in (self.signals, self.states):
            plot.scene().sigMouseClicked.connect(lambda ev, p=plot: self._clicked(p, ev))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.signals_widget)
        splitter.addWidget(self.states_widget)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.key)
        layout.addWidget(splitter, 1)
        self.snapshot = None
        self.time = 0
        self.states.setXLink(self.signals)

    # choices --------------------------------------------------------------------------------
    def _chosen(self) -> None:
        self.sequenceChosen.emit(self.split.currentData(), int(self.index.value()))

    def chosen(self) -> tuple[str, int]:
        return self.split.currentData(), int(self.index.value())

    def _clicked(self, plot, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.snapshot is None:
            return
        point = plot.vb.mapSceneToView(event.scenePos())
        seq = self.snapshot.sequence
        if seq is not None and seq.length:
            self.timeClicked.emit(int(min(max(round(point.x()), 0), seq.length - 1)))

    # content ----------------------------------------------------------------------------------
    def set_snapshot(self, snap) -> None:
        self.snapshot = snap
        seq = getattr(snap, "sequence", None)
        doc = self.model.doc
        nodes = {n["id"]: n for n in doc["network"]["nodes"]}
        if seq is None:
            self.signals.set_sequence(None, [], [])
            self.states.set_sequence(None, [], [], [])
            self.summary.setText(self.tr("No sequence: this network trains on points, not on sequences."))
            self.count.setText("")
            return
        self.index.blockSignals(True)
        self.index.setRange(0, max(seq.count - 1, 0))
        self.index.setValue(seq.index)
        self.index.blockSignals(False)
        self.split.setCurrentIndex(self.split.findData(seq.split))
        self.count.setText(self.tr("of %1").replace("%1", str(seq.count)))
        inputs = [n["id"] for n in doc["network"]["nodes"] if n.get("kind") == "input"]
        in_names = [pretty_feature(nodes[i].get("feature", i)) for i in inputs][: seq.x.shape[1]]
        if len(in_names) < seq.x.shape[1]:
            in_names += [f"x{k + 1}" for k in range(len(in_names), seq.x.shape[1])]
        self.signals.set_sequence(seq, in_names, list(seq.output_ids))
        self.key.set_entries(self.signals.key_entries())
        hidden = [i for i in snap.node_ids if nodes.get(i, {}).get("kind") == "hidden"]
        acts = [nodes[i].get("activation") or "tanh" for i in hidden]
        self.states.set_sequence(seq, list(snap.node_ids), hidden, acts)
        self.summary.setText(self._summary(seq))
        self.set_time(self.time)

    def _summary(self, seq) -> str:
        scored = 0 if seq.correct is None else int(np.isfinite(seq.correct).sum())
        if seq.correct is not None and scored:
            right = int(np.nansum(seq.correct))
            return (self.tr("%1 of %2 steps with a target right · loss %3")
                    .replace("%1", str(right)).replace("%2", str(scored)).replace("%3", f"{seq.loss:.4g}"))
        return self.tr("loss %1 over the steps with a target").replace("%1", f"{seq.loss:.4g}")

    def set_time(self, t: int | None) -> None:
        seq = getattr(self.snapshot, "sequence", None)
        if t is None:
            t = (seq.length - 1) if seq is not None else 0
        self.time = int(t)
        self.signals.set_time(self.time)
        self.states.set_time(self.time)

    def set_theme(self, name: str) -> None:
        t = encoding.theme(name)
        for widget, plot in ((self.signals_widget, self.signals), (self.states_widget, self.states)):
            widget.setBackground(t.plot_background)
            plot.apply_theme(t)
