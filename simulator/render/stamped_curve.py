"""Curves whose wide antialiased pens are cheap on screen.

Qt's raster engine strokes a 1-pixel antialiased polyline on a fast path, but a wider one
through its general stroker: on a 600-point curve that is ~7 ms against ~0.2 ms
(``benchmarks/ui_responsiveness.py`` spent a third of the GUI thread on the loss and
gradient charts). On screen a curve of width w is therefore drawn as a few 1-pixel strokes
offset within a w - 1 pixel square, which covers the same pixels; figures (painted without
a widget, or through pyqtgraph's exporters) keep the real pen, so SVG and PDF hold one path
of the true width.
"""
from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QPen, QTransform


def stamp_offsets(width: float) -> list[tuple[float, float]]:
    """Device-pixel offsets of 1-px strokes that together draw a stroke WIDTH pixels wide:
    a grid over [-(w-1)/2, (w-1)/2]² with steps of at most one pixel, so no gap opens."""
    spread = width - 1.0
    if spread <= 0.05:
        return [(0.0, 0.0)]
    k = math.ceil(spread) + 1
    steps = [-spread / 2 + spread * i / (k - 1) for i in range(k)]
    return [(dx, dy) for dx in steps for dy in steps]


class StampedCurve(pg.PlotCurveItem):
    """A PlotCurveItem drawn on screen by stamping a 1-px pen (see the module's note)."""

    def paint(self, p, opt, widget) -> None:
        pen = self.opts["pen"]
        if (widget is None or self._exportOpts is not False or not self.opts["antialias"]
                or pen is None or not pen.isCosmetic() or pen.widthF() <= 1.05
                or self.opts["fillLevel"] is not None or self.opts["shadowPen"] is not None):
            super().paint(p, opt, widget)
            return
        thin = QPen(pen)
        thin.setWidthF(1.0)
        base = p.worldTransform()
        self.opts["pen"] = thin
        try:
            for dx, dy in stamp_offsets(pen.widthF()):
                # post-multiplied: the shift is in device pixels, whatever the view's scale
                p.setWorldTransform(base * QTransform.fromTranslate(dx, dy))
                super().paint(p, opt, widget)
        finally:
            self.opts["pen"] = pen
            p.setWorldTransform(base)


class StampedDataItem(pg.PlotDataItem):
    """A PlotDataItem (log mode, legend name, …) whose line is a StampedCurve."""

    def __init__(self, *args, **kwargs):
        super().__init__()
        # PlotDataItem builds a plain PlotCurveItem in __init__; use ours instead, before any
        # data. The plain one stays as a hidden, empty child: re-parenting it away would hand
        # its ownership from Qt back to Python mid-life, leaving its deletion to a later
        # garbage collection (a segfault in CI, during a paint, is suspected to be that).
        self.curve.hide()
        self.curve = StampedCurve()
        self.curve.setParentItem(self)
        self.curve.sigClicked.connect(self.sigClicked)
        self.setData(*args, **kwargs)
