"""The plots of a recurrent network over time, shared by the window's panels and the
exported figures (like ``plots.py``):

``SignalsPlot``   one sequence's input, target and output per step t (step curves; the
                  targets as rings, a step without one has none), the step t shown marked
``StatesPlot``    the hidden neurons' values over the steps: a neurons × time heat map on
                  the drawing's diverging colours, the step t marked
``TimeGradientPlot``  the size of the gradient at each step back in time, log scale: mean
                  |∂J/∂h| over the hidden neurons (the vanishing gradient through time)
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt

from ..engine import activations
from ..translate import tr
from . import encoding
from .plots import CATEGORICAL, ThemedPlot, _pen, _translucent


def _marker(theme: encoding.Theme) -> pg.InfiniteLine:
    line = pg.InfiniteLine(0, angle=90, pen=_pen(theme.accent, 2.0))
    line.setZValue(20)
    return line


def step_curve(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A step curve as a plain polyline: the value of step t spans t − ½ … t + ½. (Not
    pyqtgraph's stepMode, whose x has one more point than y: the figures' clipping and
    every other consumer of a curve expect x and y alike.)"""
    v = np.asarray(values, dtype=float)
    t = np.arange(len(v), dtype=float)
    x = np.column_stack([t - 0.5, t + 0.5]).ravel()
    return x, np.repeat(v, 2)


class SignalsPlot(ThemedPlot):
    """Input, target and output of one sequence over the steps."""

    def __init__(self, theme: encoding.Theme):
        super().__init__(theme)
        self.setLabel("bottom", tr("step t"))
        self.setLabel("left", tr("value"))
        self.addLegend(offset=(-8, 8), labelTextColor=theme.text, brush=pg.mkBrush(_translucent(theme.canvas)))
        self.inputs: list[pg.PlotDataItem] = []
        self.outputs: list[pg.PlotDataItem] = []
        self.targets: list[pg.ScatterPlotItem] = []
        self.marker = _marker(theme)
        self.addItem(self.marker, ignoreBounds=True)
        self._shape = None
        self.length = 0

    def _make(self, n_in: int, n_out: int, names_in: list[str], names_out: list[str]) -> None:
        for item in self.inputs + self.outputs + self.targets:
            self.removeItem(item)
        self.legend.clear()
        self.inputs, self.outputs, self.targets = [], [], []
        for k in range(n_in):
            item = pg.PlotDataItem(pen=_pen(self.theme.muted, 1.6, Qt.PenStyle.DashLine))
            self.addItem(item)
            self.legend.addItem(item, tr("input %1").replace("%1", names_in[k]))
            self.inputs.append(item)
        for k in range(n_out):
            color = CATEGORICAL[k % len(CATEGORICAL)]
            target = pg.ScatterPlotItem(symbol="o", size=8, pen=pg.mkPen(color, width=1.6),
                                        brush=pg.mkBrush(None), pxMode=True)
            target.setZValue(10)
            self.addItem(target)
            self.legend.addItem(target, tr("target %1 (rings)").replace("%1", names_out[k]))
            self.targets.append(target)
            out = pg.PlotDataItem(pen=_pen(color, 2.2))
            self.addItem(out)
            self.legend.addItem(out, tr("output %1").replace("%1", names_out[k]))
            self.outputs.append(out)

    def set_sequence(self, seq, input_names: list[str], output_names: list[str]) -> None:
        """``seq``: a SequenceValues (engine.sequence_trainer); None clears the plot."""
        if seq is None:
            for item in self.inputs + self.outputs:
                item.setData([], [])
            for item in self.targets:
                item.setData([], [])
            return
        x, target, output = np.asarray(seq.x), np.asarray(seq.target), np.asarray(seq.output)
        shape = (x.shape[1], output.shape[1], tuple(input_names), tuple(output_names))
        if shape != self._shape:
            self._shape = shape
            self._make(x.shape[1], output.shape[1], list(input_names), list(output_names))
        T = seq.length
        steps = np.arange(T, dtype=float)
        for k, item in enumerate(self.inputs):
            item.setData(*step_curve(x[:T, k]))
        for k, item in enumerate(self.outputs):
            item.setData(*step_curve(output[:T, k]))
        for k, item in enumerate(self.targets):
            ok = np.isfinite(target[:T, k])
            item.setData(steps[ok], target[:T, k][ok])
        if T != self.length:
            self.length = T
            self.setXRange(-0.5, T - 0.5, padding=0.01)
        values = np.concatenate([x[:T].ravel(), output[:T].ravel(), target[:T][np.isfinite(target[:T])]])
        if values.size:
            lo, hi = float(values.min()), float(values.max())
            pad = max(0.08 * (hi - lo), 0.05)
            self.setYRange(lo - pad, hi + pad, padding=0)

    def set_time(self, t: int) -> None:
        self.marker.setValue(float(t))
        self.marker.setVisible(self.length > 0)


class StatesPlot(ThemedPlot):
    """The hidden neurons' y over the steps, one row per neuron (the first on top)."""

    CELL = 8

    def __init__(self, theme: encoding.Theme):
        super().__init__(theme)
        self.showGrid(x=False, y=False)
        self.setLabel("bottom", tr("step t"))
        self.setLabel("left", tr("neuron"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image)
        self.invertY(True)
        self.marker = _marker(theme)
        self.addItem(self.marker, ignoreBounds=True)
        self.names: list[str] = []
        self.length = 0
        self.values: np.ndarray | None = None      # (neurons, T) as drawn, in [-1, 1]
        self.fixed_left_ticks = True               # the neurons' names (figures keep them)

    @staticmethod
    def normalised(values: np.ndarray, activation_names: list[str]) -> np.ndarray:
        """Each neuron's values mapped to [-1, 1] by its activation's range (as the drawing
        fills the neurons); unbounded ones by tanh."""
        out = np.tanh(np.asarray(values, dtype=float))
        for k, name in enumerate(activation_names):
            lo, hi = activations.get(name).range if name in activations.names() else (-math.inf, math.inf)
            if math.isfinite(lo) and math.isfinite(hi) and hi > lo:
                out[k] = 2 * (values[k] - lo) / (hi - lo) - 1
        return np.clip(out, -1.0, 1.0)

    def set_sequence(self, seq, node_ids: list[str], hidden: list[str], activation_names: list[str]) -> None:
        """``hidden``: the ids shown, top to bottom; ``node_ids``: ``seq.act``'s columns."""
        if seq is None or not hidden:
            self.image.clear()
            self.values = None
            self.length = 0
            return
        cols = [node_ids.index(h) for h in hidden]
        T = seq.length
        values = np.asarray(seq.act)[:T, cols].T              # (neurons, T)
        self.values = self.normalised(values, activation_names)
        # each cell CELL × CELL pixels: drawn scaled and smoothed (figures), cells stay cells
        rgba = encoding.diverging().rgba(self.values)
        rgba = np.repeat(np.repeat(rgba, self.CELL, axis=0), self.CELL, axis=1)
        self.image.setImage(rgba, autoLevels=False)
        self.image.setRect(QRectF(-0.5, -0.5, T, len(hidden)))
        # a name every row while the rows are tall enough for one, else every k-th
        rows_px = self.vb.height() / max(len(hidden), 1)
        step = max(1, math.ceil(14.0 / rows_px)) if rows_px > 0 else 1
        if (list(hidden), step) != (self.names, getattr(self, "_tick_step", None)):
            self.names, self._tick_step = list(hidden), step
            self.getAxis("left").setTicks([[(float(k), h) for k, h in enumerate(hidden)][::step]])
        if T != self.length or self.vb.viewRange()[1] != [-0.5, len(hidden) - 0.5]:
            self.length = T
            self.setXRange(-0.5, T - 0.5, padding=0.01)
            self.setYRange(-0.5, len(hidden) - 0.5, padding=0)

    def set_time(self, t: int) -> None:
        self.marker.setValue(float(t))
        self.marker.setVisible(self.length > 0)


class TimeGradientPlot(ThemedPlot):
    """Mean |∂J/∂h| over the hidden neurons at each step back in time, newest (0) first."""

    def __init__(self, theme: encoding.Theme):
        super().__init__(theme)
        self.setLabel("bottom", tr("steps back in time"))
        self.setLabel("left", tr("mean |∂J/∂h|"))
        self.setLogMode(y=True)
        self.getAxis("left").setTickSpacing(1.0, 1.0)       # decades only
        self.addLegend(offset=(-8, 8), labelTextColor=theme.text, brush=pg.mkBrush(_translucent(theme.canvas)))
        self.curve = pg.PlotDataItem(pen=_pen(CATEGORICAL[0], 2.2), symbol="o", symbolSize=6,
                                     symbolBrush=pg.mkBrush(CATEGORICAL[0]), symbolPen=None,
                                     name=tr("mean |∂J/∂h| over the hidden neurons"))
        self.addItem(self.curve)
        self.setXRange(0, 10, padding=0.02)
        self.setYRange(-4, 0, padding=0)
        self.notes: list[str] = []
        self.norms = np.zeros(0)

    def set_norms(self, norms: np.ndarray | None, bptt: int | None = None) -> None:
        v = np.zeros(0) if norms is None else np.asarray(norms, dtype=float)
        self.norms = v
        k = np.arange(len(v), dtype=float)
        positive = v[np.isfinite(v) & (v > 0)]
        # a gradient of exactly 0 (beyond a truncation window) has no logarithm: a floor
        floor = float(positive.min()) / 100 if positive.size else 1e-12
        ok = np.isfinite(v)
        self.curve.setData(k[ok], np.maximum(v[ok], floor))
        self.setXRange(0, max(len(v) - 1, 1), padding=0.02)
        if positive.size:
            bottom = floor if np.any(v[ok] == 0) else float(positive.min())
            lo, hi = math.log10(bottom) - 0.3, math.log10(positive.max()) + 0.3
            if hi - lo < 2.0:
                mid = (hi + lo) / 2
                lo, hi = mid - 1.0, mid + 1.0
            self.setYRange(lo, hi, padding=0)
            # a label every k decades, at most six: eleven decades on a short axis pile up
            self.getAxis("left").setTickSpacing(float(max(1, math.ceil((hi - lo) / 6))), 1.0)
        self.notes = self.describe(v)

    @staticmethod
    def describe(v: np.ndarray) -> list[str]:
        """What the curve says, in words: how much weaker the error is k steps back."""
        if len(v) < 2 or not np.isfinite(v[0]) or v[0] <= 0:
            return []
        notes = []
        zero = np.flatnonzero(v[1:] == 0)
        if zero.size:
            notes.append(tr("no gradient beyond %1 step(s) back (truncated backpropagation through time)")
                         .replace("%1", str(int(zero[0]))))
        back = min(len(v) - 1, 8)
        if v[back] > 0:
            ratio = v[0] / v[back]
            if ratio >= 10:
                notes.append(tr("%1 steps back: %2× weaker (vanishing)")
                             .replace("%1", str(back)).replace("%2", f"{ratio:.0f}"))
            elif ratio <= 0.1:
                notes.append(tr("%1 steps back: %2× stronger (exploding)")
                             .replace("%1", str(back)).replace("%2", f"{1 / ratio:.0f}"))
        return notes
