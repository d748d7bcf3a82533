"""Decision surface: the network's output over the input plane with the train and test
points (or, for one-input regression, the fitted curve with each unit's part); a selected
neuron shows its own surface. Clicks pick a sample to step on, or add data points."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QToolButton,
                               QVBoxLayout, QWidget)

from ...render import encoding
from ...render.plots import SurfacePlot
from ...translate import tr
from .. import commands

PICK_PIXELS = 9
PLOT_MIN_HEIGHT = 150


class SurfacePanel(QWidget):
    sampleClicked = Signal(int)          # a training row: animate a step on it
    probeChanged = Signal(object)        # neuron id whose own surface to show, or None
    titleChanged = Signal(str)           # “Decision surface”, or “Fit” for one input (the dock's title)

    def __init__(self, model, theme: str = "light", parent=None):
        super().__init__(parent)
        self.model = model
        self.plot = SurfacePlot(encoding.theme(theme))
        self.widget = pg.PlotWidget(plotItem=self.plot, background=encoding.theme(theme).plot_background)
        self.widget.setMinimumSize(240, PLOT_MIN_HEIGHT)
        self.plot.vb.setMouseEnabled(False, False)
        self.plot.vb.setMenuEnabled(False)
        self.plot.hideButtons()
        self.show_test = QCheckBox(self.tr("test data"))
        self.show_test.setChecked(True)
        self.show_test.toggled.connect(self.plot.set_show_test)
        self.discrete = QCheckBox(self.tr("discretise"))
        self.discrete.toggled.connect(self._discrete)
        self.add_points = QToolButton()
        self.add_points.setText(self.tr("Add points"))
        self.add_points.setCheckable(True)
        self.add_points.setToolTip(self.tr("Click to add a point of the chosen class, Shift+click for "
                                           "the other class. Off: click a data point to take one training step on it."))
        self.point_class = QComboBox()
        self.point_class.addItem(self.tr("class 1"), 1.0)
        self.point_class.addItem(self.tr("class 0"), 0.0)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        # sequences have no input plane: said instead of a plot
        self.no_plane = QLabel(self.tr(
            "Sequences have no input plane, so there is no decision surface or fit to draw. "
            "The accuracy counts every step of the test sequences that has a target."))
        self.no_plane.setObjectName("no-plane")
        self.no_plane.setWordWrap(True)
        self.no_plane.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_plane.hide()
        top = QHBoxLayout()
        top.addWidget(self.show_test)
        top.addWidget(self.discrete)
        top.addStretch(1)
        top.addWidget(self.add_points)
        top.addWidget(self.point_class)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.widget, 1)
        layout.addWidget(self.no_plane, 1)
        layout.addWidget(self.caption)
        self.widget.scene().sigMouseClicked.connect(self._clicked)
        self.probe: str | None = None
        self.snapshot = None
        self.data = None

    # inputs ---------------------------------------------------------------------------------
    def title(self) -> str:
        """What the panel shows: a decision surface over two inputs, a fitted curve over one."""
        if getattr(self.data, "is_sequence", False):
            return tr("Decision surface")
        return tr("Fit") if self.plot.mode == "1d" else tr("Decision surface")

    def set_data(self, data) -> None:
        self.data = data
        sequences = getattr(data, "is_sequence", False)
        self.widget.setVisible(not sequences)
        self.no_plane.setVisible(sequences)
        self.show_test.setVisible(not sequences)
        if sequences:
            for w in (self.discrete, self.add_points, self.point_class):
                w.setVisible(False)
            self.titleChanged.emit(self.title())
            if self.snapshot is not None:
                self.set_snapshot(self.snapshot)
            return
        self.plot.set_data(data)
        self.titleChanged.emit(self.title())
        two_d = data.n_raw == 2
        for w in (self.discrete, self.add_points, self.point_class):
            w.setVisible(two_d)
        if data.classes > 2:
            self.point_class.clear()
            for k in range(data.classes):
                self.point_class.addItem(self.tr("class %1").replace("%1", str(k)), float(k))
        elif self.point_class.count() != 2:
            self.point_class.clear()
            self.point_class.addItem(self.tr("class 1"), 1.0)
            self.point_class.addItem(self.tr("class 0"), 0.0)
        if self.snapshot is not None:
            self.set_snapshot(self.snapshot)

    def set_selection(self, nodes, pairs) -> None:
        probe = nodes[0] if len(nodes) == 1 else None
        if probe != self.probe:
            self.probe = probe
            self.probeChanged.emit(probe)

    def set_snapshot(self, snap) -> None:
        self.snapshot = snap
        if self.data is None:
            return
        if getattr(self.data, "is_sequence", False):
            self._sequence_caption(snap)
            return
        ex = snap.extras
        if self.plot.mode == "2d":
            ns = ex.get("node_surface")
            if ns is not None and ns[0] == self.probe:
                self.plot.set_surface(ns[1], self.tr("neuron %1").replace("%1", ns[0]))
            else:
                self.plot.set_surface(ex.get("surface"), "")
        else:
            nc = ex.get("node_curve")
            if nc is not None and nc[0] != self.probe:
                nc = None
            self.plot.set_curve(ex.get("curve"), nc,
                                self.tr("neuron %1").replace("%1", nc[0]) if nc else "")
        metric = snap.metric_name
        if snap.task == "classification":
            self.caption.setText(self.tr("test accuracy %1").replace("%1", f"{snap.test_metric:.1%}")
                                 if np.isfinite(snap.test_metric) else "")
        else:
            self.caption.setText(self.tr("test R² %1").replace("%1", f"{snap.test_metric:.4f}")
                                 if np.isfinite(snap.test_metric) else "")

    def _sequence_caption(self, snap) -> None:
        parts = []
        if not np.isfinite(snap.test_metric):
            pass
        elif snap.task == "classification":
            parts.append(self.tr("test accuracy %1 (per step)").replace("%1", f"{snap.test_metric:.1%}"))
            if np.isfinite(snap.sequence_metric):
                parts.append(self.tr("sequences entirely right %1").replace("%1", f"{snap.sequence_metric:.1%}"))
        else:
            parts.append(self.tr("test R² %1").replace("%1", f"{snap.test_metric:.4f}"))
        self.caption.setText(" · ".join(parts))

    def _discrete(self, on: bool) -> None:
        self.plot.set_discrete(on)
        if self.snapshot is not None:
            self.set_snapshot(self.snapshot)

    # clicks -------------------------------------------------------------------------------------
    def _clicked(self, event) -> None:
        if (self.data is None or getattr(self.data, "is_sequence", False)
                or event.button() != Qt.MouseButton.LeftButton):
            return
        vb = self.plot.vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        x, y = float(p.x()), float(p.y())
        if self.add_points.isChecked() and self.data.n_raw == 2:
            label = float(self.point_class.currentData())
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and self.data.classes == 2:
                label = 1.0 - label
            self.add_point(x, y, label)
            event.accept()
            return
        row = self.nearest_training_row(event.scenePos())
        if row is not None:
            self.sampleClicked.emit(row)
            event.accept()

    def nearest_training_row(self, scene_pos) -> int | None:
        d = self.data
        if d is None or not len(d.x_train):
            return None
        vb = self.plot.vb
        if d.n_raw == 2:
            pts = d.x_train
        else:
            pts = np.c_[d.x_train[:, 0], d.y_train]
        # compare in pixels: map the data points to the scene
        (x0, x1), (y0, y1) = vb.viewRange()
        rect = vb.sceneBoundingRect()
        sx = rect.left() + (pts[:, 0] - x0) / (x1 - x0) * rect.width()
        sy = rect.bottom() - (pts[:, 1] - y0) / (y1 - y0) * rect.height()
        dist = np.hypot(sx - scene_pos.x(), sy - scene_pos.y())
        i = int(np.argmin(dist))
        return i if dist[i] <= PICK_PIXELS else None

    def add_point(self, x: float, y: float, label: float) -> None:
        """Add a training point: the data become explicit train/test lists (so existing
        points keep their side of the split) plus the new one. Undoable."""
        d = self.data
        train = [[float(a), float(b), float(c)] for (a, b), c in zip(d.x_train, d.y_train)]
        test = [[float(a), float(b), float(c)] for (a, b), c in zip(d.x_test, d.y_test)]
        train.append([x, y, float(label)])
        new = {"train": train, "test": test, "task": d.task}
        self.model.undo_stack.push(commands.SetData(self.model, new, self.tr("Add a data point")))

    def set_theme(self, name: str) -> None:
        t = encoding.theme(name)
        self.widget.setBackground(t.plot_background)
        self.plot.apply_theme(t)
        if self.data is not None and not getattr(self.data, "is_sequence", False):
            self.plot.set_data(self.data)
