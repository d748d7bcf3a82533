"""pyqtgraph draws curves, axes and markers with *cosmetic* pens and pixel-sized markers:
their width is in device pixels whatever the painter's scale. That is right for a plot in
data coordinates on screen, but a PNG at 300 dpi would get lines 2/300 inch thin and dots a
third of their size. While a raster figure is painted, these context managers scale those
widths and sizes by the raster's scale (and let legends, which ignore transformations,
scale too), so the PNG looks like the vector files."""
from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene


def _scaled(pen: QPen | None, factor: float) -> QPen | None:
    if pen is None or not isinstance(pen, QPen) or not pen.isCosmetic():
        return None
    out = QPen(pen)
    out.setWidthF(max(pen.widthF(), 1.0) * factor)    # width 0 means one device pixel
    return out


def _items(scenes: Iterable[QGraphicsScene]):
    for scene in scenes:
        yield from scene.items()


@contextmanager
def export_mode(scenes: Iterable[QGraphicsScene], painter: QPainter, resolution_scale: float):
    """pyqtgraph's export mode: markers drawn as paths (vector in SVG/PDF), scaled for
    raster output, no hover decorations."""
    items = [i for i in _items(scenes) if isinstance(i, pg.GraphicsItem)]
    opts = {"antialias": True, "painter": painter, "resolutionScale": resolution_scale}
    for item in items:
        item.setExportMode(True, opts)
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


@contextmanager
def thicker_cosmetic_pens(scenes: Iterable[QGraphicsScene], factor: float):
    """Scale every cosmetic pen of the pyqtgraph items in ``scenes`` by ``factor``."""
    undo = []
    if abs(factor - 1.0) > 1e-6:
        for item in list(_items(scenes)):
            undo.extend(_thicken(item, factor))
    try:
        yield
    finally:
        for restore in reversed(undo):
            restore()


def _thicken(item, factor: float) -> list:
    undo = []
    if isinstance(item, pg.PlotCurveItem):
        pen = _scaled(item.opts.get("pen"), factor)
        if pen is not None:
            old = item.opts["pen"]
            item.setPen(pen)
            undo.append(lambda i=item, p=old: i.setPen(p))
    elif isinstance(item, pg.PlotDataItem):
        # its legend sample draws with the item's own pen; its curve child is handled above
        pen = _scaled(pg.mkPen(item.opts["pen"]) if item.opts.get("pen") is not None else None, factor)
        if pen is not None:
            old = item.opts["pen"]
            item.opts["pen"] = pen
            undo.append(lambda i=item, p=old: i.opts.__setitem__("pen", p))
    elif isinstance(item, pg.ScatterPlotItem):
        pens = item.data["pen"]
        old_pens = pens.copy()
        new = np.array([_scaled(p, factor) or p for p in pens], dtype=object) if len(pens) else pens
        item.data["pen"] = new
        old_default = item.opts["pen"]
        scaled_default = _scaled(pg.mkPen(old_default), factor)
        if scaled_default is not None:
            item.opts["pen"] = scaled_default

        def restore(i=item, p=old_pens, d=old_default):
            i.data["pen"] = p
            i.opts["pen"] = d
        undo.append(restore)
    elif isinstance(item, pg.AxisItem):
        # setPen also recolours the axis label: keep the label's style as it was
        old_pen, old_tick, style = item.pen(), item._tickPen, dict(item.labelStyle)
        pen = _scaled(old_pen, factor)
        if pen is not None:
            item.setPen(pen)
        tick = _scaled(pg.mkPen(old_tick), factor) if old_tick is not None else None
        if tick is not None:
            item.setTickPen(tick)
        item.labelStyle = dict(style)
        item._updateLabel()

        def restore(i=item, p=old_pen, t=old_tick, st=style):
            i.setPen(p)
            if t is not None:
                i.setTickPen(t)
            else:
                i._tickPen = None
            i.labelStyle = dict(st)
            i._updateLabel()
            i.picture = None
        undo.append(restore)
    elif isinstance(item, pg.InfiniteLine):
        pen = _scaled(item.pen, factor)
        if pen is not None:
            old = item.pen
            item.setPen(pen)
            undo.append(lambda i=item, p=old: i.setPen(p))
    elif isinstance(item, pg.LegendItem):
        pen = _scaled(pg.mkPen(item.opts["pen"]) if item.opts.get("pen") is not None else None, factor)
        if pen is not None:
            old = item.opts["pen"]
            item.setPen(pen)
            undo.append(lambda i=item, p=old: i.setPen(p))
        # a legend keeps its screen size whatever the zoom: at 300 dpi it would shrink
        flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
        if item.flags() & flag:
            item.setFlag(flag, False)
            undo.append(lambda i=item: i.setFlag(flag, True))
    return undo
