"""Activation lab: every activation of the lecture with its derivative; the selected
neuron's activation highlighted with its current pre-activations on the curve."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QSizePolicy, QStyle, QVBoxLayout, QWidget)

from ...engine import activations
from ...render import encoding, engine_text
from ...render.plots import ActivationPlot

DEFAULT = ("sigmoid", "tanh", "relu")
PLOT_MIN_HEIGHT = 140


class ActivationLab(QWidget):
    def __init__(self, model, theme: str = "light", parent=None):
        super().__init__(parent)
        self.model = model
        self.plot = ActivationPlot(encoding.theme(theme))
        self.widget = pg.PlotWidget(plotItem=self.plot, background=encoding.theme(theme).plot_background)
        self.plot.grid_behind()
        self.widget.setMinimumHeight(PLOT_MIN_HEIGHT)
        self.list = QListWidget()
        small = self.list.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.list.setFont(small)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for name in activations.names():
            item = QListWidgetItem(engine_text.activation_label(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in DEFAULT else Qt.CheckState.Unchecked)
            item.setToolTip(engine_text.formula(name))
            self.list.addItem(item)
        self.list.setFixedWidth(self.list_width())
        self.list.setMinimumHeight(60)
        self.list.itemChanged.connect(lambda _: self._apply())
        self.derivative = QCheckBox(self.tr("derivative f′"))
        self.derivative.setChecked(True)
        self.derivative.toggled.connect(self.plot.set_derivative_visible)
        all_button = QPushButton(self.tr("All"))
        all_button.clicked.connect(lambda: self.check_only(activations.HIDDEN))
        none_button = QPushButton(self.tr("None"))
        none_button.clicked.connect(lambda: self.check_only(()))
        side = QVBoxLayout()
        side.setSpacing(3)
        side.addWidget(self.list, 1)
        side.addWidget(self.derivative)
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        side.addLayout(row)
        body = QHBoxLayout()
        body.addLayout(side)
        body.addWidget(self.widget, 1)
        # the formulas under the list and the plot, across the whole panel: in the plot's
        # column alone they took four lines and pushed over its axis
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(body, 1)
        layout.addWidget(self.caption)
        self.selected: str | None = None
        self.snapshot = None
        self.time_step: int | None = None   # sequences: the step t whose g is shown (None: the last)
        self._apply()

    def list_width(self) -> int:
        """Room for the longest name in bold (the selected neuron's function is bold), the
        check box, the frame and the scroll bar: no name is cut."""
        bold = QFont(self.list.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        text = max(metrics.horizontalAdvance(self.list.item(i).text()) for i in range(self.list.count()))
        style = self.list.style()
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        scroll = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return text + indicator + scroll + 2 * self.list.frameWidth() + 20

    def checked(self) -> list[str]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def check_only(self, names) -> None:
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in names
                               else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._apply()

    def _apply(self) -> None:
        names = self.checked()
        act = self._selected_activation()
        if act and act not in names:
            names.append(act)
        self.plot.set_functions(names, self.derivative.isChecked())
        # the list is the legend: each checked function in its curve's colour
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            name = item.data(Qt.ItemDataRole.UserRole)
            font = item.font()
            font.setBold(name == act)
            item.setFont(font)
            if name in names:
                item.setForeground(QBrush(QColor(self.plot.color_of(name))))
            else:
                item.setForeground(QBrush(self.palette().text().color()))
        self.list.blockSignals(False)
        self._highlight()

    def _selected_activation(self) -> str | None:
        if self.selected and self.model.has_node(self.selected):
            n = self.model.node(self.selected)
            if n.get("kind") != "input":
                return n.get("activation") or ("sigmoid" if n.get("kind") == "output" else "tanh")
        return None

    def set_selection(self, nodes, pairs) -> None:
        self.selected = nodes[0] if len(nodes) == 1 else None
        self._apply()

    def set_snapshot(self, snap) -> None:
        self.snapshot = snap
        self._highlight()

    def set_time(self, t: int | None) -> None:
        """Sequences: the selected neuron's g at step ``t`` of the chosen sequence."""
        self.time_step = t
        self._highlight()

    def _highlight(self) -> None:
        name = self._selected_activation()
        snap = self.snapshot
        g = alpha = now = None
        if name and snap is not None and self.selected in snap.node_ids:
            j = snap.node_ids.index(self.selected)
            seq = getattr(snap, "sequence", None)
            if seq is not None and seq.length:      # the chosen sequence's g, step t marked
                t = seq.length - 1 if self.time_step is None else min(max(self.time_step, 0), seq.length - 1)
                g = seq.pre[:, j]
                now = (t, float(seq.pre[t, j]))
            else:
                g = snap.train_pre[:, j] if snap.train_pre is not None else snap.pre[:, j]
        if name == "prelu" and self.selected:
            alpha = self.model.node(self.selected).get("alpha")
        self.plot.set_highlight(name, g, alpha)
        self.caption.setText(self.plot.caption or self.tr("Select a neuron to see its activation "
                                                          "and its current values of g on the curve."))
        self._mark_now(name, now, alpha)

    def _mark_now(self, name: str | None, now: tuple[int, float] | None, alpha) -> None:
        """Sequences: the g of step t on the curve, large, with its step."""
        if now is None or name is None:
            if getattr(self, "_now", None) is not None:
                self._now.setData([], [])
                self._now_label.setText("")
            return
        if getattr(self, "_now", None) is None:
            self._now = pg.ScatterPlotItem(size=13, pen=pg.mkPen(self.plot.theme.accent, width=2.5),
                                           brush=pg.mkBrush(None))
            self._now.setZValue(30)
            self._now_label = pg.TextItem("", color=self.plot.theme.accent, anchor=(0, 1))
            self._now_label.setZValue(30)
            self.plot.addItem(self._now)
            self.plot.addItem(self._now_label)
        t, g = now
        act = activations.get(name)
        gc = float(np.clip(g, *self.plot.G_RANGE))
        a = None if alpha is None else np.array([alpha])
        y = float(act.f(np.array([gc]))[0]) if a is None else float(
            act.forward(np.array([gc]), np.empty(1), a)[0])
        self._now.setData([gc], [y])
        self._now_label.setText(self.tr("t = %1: g = %2").replace("%1", str(t)).replace("%2", f"{g:.3g}"))
        self._now_label.setPos(gc, y)
        self.caption.setText(self.plot.caption + "  ·  " + self.tr("the ring: step t = %1 of the sequence")
                             .replace("%1", str(t)))

    def set_theme(self, name: str) -> None:
        t = encoding.theme(name)
        self.widget.setBackground(t.plot_background)
        self.plot.apply_theme(t)
        if getattr(self, "_now", None) is not None:       # the ring of step t, in the new accent
            self._now.setPen(pg.mkPen(t.accent, width=2.5))
            self._now_label.setColor(t.accent)
        self._apply()
