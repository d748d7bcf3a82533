"""Plot data cut to the plot's visible range, for SVG output.

A plot's view box clips what lies outside its range (a ReLU above the top of the
activation plot). Qt's SVG writer cannot be trusted with clips: it does not restore an
outer clip after an inner one, so the axes drawn after a view box are clipped to the view
box (in browsers, PowerPoint, Inkscape…; Qt's own renderer ignores the clips and hides
the bug), and it writes intersected clips as pixel staircases. So SVG figures are written
without clips (SVG Tiny) and, while they are painted, the curves and markers of every view
box are cut to its range here, geometrically (and labels wholly outside it hidden).
"""
from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsScene


def clip_polyline(x: np.ndarray, y: np.ndarray, rect: tuple[float, float, float, float]
                  ) -> tuple[np.ndarray, np.ndarray] | None:
    """The parts of the polyline (x, y) inside rect = (x0, x1, y0, y1), NaN between parts
    (Liang–Barsky on every segment at once); None when nothing lies outside."""
    x0, x1, y0, y1 = rect
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(x) < 2:
        return None
    inside = (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    if inside.all():
        return None
    px, py, dx, dy = x[:-1], y[:-1], np.diff(x), np.diff(y)
    n = len(px)
    t0, t1 = np.zeros(n), np.ones(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
            r = q / p
            t0 = np.where(p < 0, np.maximum(t0, r), t0)
            t1 = np.where(p > 0, np.minimum(t1, r), t1)
            t1 = np.where((p == 0) & (q < 0), -1.0, t1)       # parallel to an edge, outside it
    visible = np.isfinite(px) & np.isfinite(py) & np.isfinite(dx) & np.isfinite(dy) & (t0 <= t1)
    k = np.flatnonzero(visible)
    if not len(k):
        return np.array([np.nan]), np.array([np.nan])
    ax, ay = px[k] + t0[k] * dx[k], py[k] + t0[k] * dy[k]
    bx, by = px[k] + t1[k] * dx[k], py[k] + t1[k] * dy[k]
    # a segment continues the previous piece when both are whole at their shared point
    new = np.ones(len(k), dtype=bool)
    new[1:] = ~((k[1:] == k[:-1] + 1) & (t1[k[:-1]] >= 1.0) & (t0[k[1:]] <= 0.0))
    size = np.where(new, 3, 1)                                  # [NaN, A, B] or [B]
    start = np.cumsum(size) - size
    ox = np.full(int(size.sum()), np.nan)
    oy = np.full(int(size.sum()), np.nan)
    s = start[new]
    ox[s + 1], oy[s + 1] = ax[new], ay[new]
    ox[s + 2], oy[s + 2] = bx[new], by[new]
    c = start[~new]
    ox[c], oy[c] = bx[~new], by[~new]
    return ox[1:], oy[1:]                                       # no break before the first piece


def _view_rect(vb: pg.ViewBox) -> tuple[float, float, float, float]:
    (x0, x1), (y0, y1) = vb.viewRange()
    return x0, x1, y0, y1


@contextmanager
def clipped_to_views(scenes: Iterable[QGraphicsScene]):
    """While painting: every curve and marker of every view box cut to its visible range."""
    undo = []
    for scene in scenes:
        for vb in [i for i in scene.items() if isinstance(i, pg.ViewBox)]:
            rect = _view_rect(vb)
            box = vb.sceneBoundingRect()
            for item in vb.addedItems:
                if isinstance(item, pg.TextItem) and item.isVisible() \
                        and not item.sceneBoundingRect().intersects(box):
                    item.setVisible(False)        # a label wholly outside: the clip hides it
                    undo.append(lambda i=item: i.setVisible(True))
                    continue
                curves = [item.curve] if isinstance(item, pg.PlotDataItem) else [item]
                scatters = [item.scatter] if isinstance(item, pg.PlotDataItem) else [item]
                for curve in curves:
                    if isinstance(curve, pg.PlotCurveItem) and curve.isVisible():
                        undo.extend(_clip_curve(curve, rect))
                for scatter in scatters:
                    if isinstance(scatter, pg.ScatterPlotItem) and scatter.isVisible():
                        undo.extend(_clip_scatter(scatter, rect))
    try:
        yield
    finally:
        for restore in reversed(undo):
            restore()


def _clip_curve(curve: pg.PlotCurveItem, rect) -> list:
    if curve.opts.get("connect") not in ("all", "finite") or curve.opts.get("fillLevel") is not None:
        return []                       # pairs (a rug) and filled areas: left as they are
    x, y = curve.getData()
    if x is None or y is None:
        return []
    cut = clip_polyline(x, y, rect)
    if cut is None:
        return []
    connect = curve.opts["connect"]
    curve.setData(cut[0], cut[1], connect="finite")
    return [lambda c=curve, xs=np.array(x), ys=np.array(y), k=connect: c.setData(xs, ys, connect=k)]


def _clip_scatter(scatter: pg.ScatterPlotItem, rect) -> list:
    x0, x1, y0, y1 = rect
    d = scatter.data
    if not len(d):
        return []
    inside = (d["x"] >= x0) & (d["x"] <= x1) & (d["y"] >= y0) & (d["y"] <= y1)
    if inside.all():
        return []
    before = d["visible"].copy()
    scatter.setPointsVisible(before & inside)
    return [lambda s=scatter, v=before: s.setPointsVisible(v)]
