"""Loss / metrics and gradient-flow panels: the history of training, per epoch."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...render import encoding
from ...render.plots import GradientPlot, LossPlot


class LossPanel(QWidget):
    def __init__(self, theme: str = "light", parent=None):
        super().__init__(parent)
        self.plot = LossPlot(encoding.theme(theme))
        self.widget = pg.PlotWidget(plotItem=self.plot, background=encoding.theme(theme).plot_background)
        self.widget.setMinimumHeight(160)
        self.plot.attach()
        self.log = QCheckBox(self.tr("log scale"))
        self.log.toggled.connect(self._log)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.log)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.widget, 1)
        self.snapshot = None

    def _log(self, on: bool) -> None:
        self.plot.set_log(on)
        if self.snapshot is not None:
            self.set_snapshot(self.snapshot)

    def set_snapshot(self, snap) -> None:
        self.snapshot = snap
        self.plot.set_history(snap.history, snap.metric_name)
        if snap.metric_name == "accuracy":
            metric = self.tr("accuracy %1 / %2").replace("%1", _pct(snap.train_metric)).replace("%2", _pct(snap.test_metric))
        else:
            metric = self.tr("R² %1 / %2").replace("%1", _num(snap.train_metric)).replace("%2", _num(snap.test_metric))
        self.summary.setText(self.tr("epoch %1 · loss %2 / %3 (train / test) · %4")
                             .replace("%1", str(snap.epoch)).replace("%2", _num(snap.train_loss))
                             .replace("%3", _num(snap.test_loss)).replace("%4", metric))

    def set_theme(self, name: str) -> None:
        t = encoding.theme(name)
        self.widget.setBackground(t.plot_background)
        self.plot.apply_theme(t)


class GradientPanel(QWidget):
    def __init__(self, theme: str = "light", parent=None):
        super().__init__(parent)
        self.plot = GradientPlot(encoding.theme(theme))
        self.widget = pg.PlotWidget(plotItem=self.plot, background=encoding.theme(theme).plot_background)
        self.widget.setMinimumHeight(160)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.widget, 1)

    def set_snapshot(self, snap) -> None:
        self.plot.set_history(snap.history, snap.dead_per_layer, snap.saturated_per_layer,
                              snap.clip_fraction)
        norms = snap.layer_gradient_norms
        if snap.epoch and len(norms) and np.all(norms == 0):
            self.summary.setText(self.tr("mean |∂J/∂w| is 0 in every layer: no gradient flows (dead ReLUs?)"))
        elif snap.epoch and len(norms):
            text = " · ".join((self.tr("output") if k == len(norms) - 1 else str(k + 1)) + f": {v:.1e}"
                              for k, v in enumerate(norms))
            self.summary.setText(self.tr("mean |∂J/∂w| in the last epoch, layer by layer — %1").replace("%1", text))
        else:
            self.summary.setText(self.tr("mean |∂J/∂w| per layer appears after the first epoch"))

    def set_theme(self, name: str) -> None:
        t = encoding.theme(name)
        self.widget.setBackground(t.plot_background)
        self.plot.apply_theme(t)


def _pct(v: float) -> str:
    return f"{v:.1%}" if np.isfinite(v) else "—"


def _num(v: float) -> str:
    return f"{v:.4g}" if np.isfinite(v) else "—"
