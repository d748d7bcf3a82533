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

    def _highlight(self) -> None:
        name = self._selected_activation()
        snap = self.snapshot
        g = alpha = None
        if name and snap is not None and self.selected in snap.node_ids:
            j = snap.node_ids.index(self.selected)
            g = snap.train_pre[:, j] if snap.train_pre is not None else snap.pre[:, j]
        if name == "prelu" and self.selected:
            alpha = self.model.node(self.selected).get("alpha")
        self.plot.set_highlight(name, g, alpha)
        self.caption.setText(self.plot.caption or self.tr("Select a neuron to see its activation "
                                                          "and its current values of g on the curve."))

    def set_theme(self, name: str) -> None:
        t = encoding.theme(name)
        self.widget.setBackground(t.plot_background)
        self.plot.apply_theme(t)
        self._apply()
