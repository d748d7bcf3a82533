"""Delayed (recurrent) connections drawn as arcs: one from neuron to neuron bulges to the
left of its direction (so a pair h1 → h2, h2 → h1 never overlaps), a self-loop is a small
loop above its neuron; each carries a ``z⁻¹`` badge, the unit-delay sign of signal
processing (``z⁻²`` for two steps). Thickness and colour mean what they mean on any edge.

Every curve is a cubic Bézier (start, control 1, control 2, end) computed for all the
delayed edges at once from the neurons' positions; the EdgeLayer paints them with its
straight edges and asks here for hit tests and points along them (the animation's pulses).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from . import encoding

LOOP_HEIGHT = 28.0         # a self-loop rises this far above its neuron's rim
LOOP_ANGLE = -112.0        # degrees (0 = right, -90 = up): leaning left, clear of the activation tag
LOOP_SPREAD = 24.0         # half the angle between the loop's two feet on the rim
BULGE = 0.5                # an arc's control point sits this share of its length off the line ...
BULGE_MIN, BULGE_MAX = 30.0, 170.0   # ... within these bounds (so it clears a neuron between)
SAMPLES = 25               # points per curve for hit tests
BADGES_UP_TO = 30          # delayed edges: above this only the self-loops carry a badge


def superscript(n: int) -> str:
    return str(n).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def badge_text(delay: int) -> str:
    """``z⁻¹`` for one step back, ``z⁻²`` for two…"""
    return "z" + superscript(-int(delay))


class Curves:
    """The Bézier control points of the delayed edges ``idx`` (indices into the layer's
    edges), shape (n, 4, 2), and sampled points (n, SAMPLES, 2)."""

    def __init__(self, positions: np.ndarray, src: np.ndarray, dst: np.ndarray, delays: np.ndarray,
                 radius: float):
        self.idx = np.flatnonzero(delays > 0)
        self.delays = delays[self.idx]
        n = len(self.idx)
        self.ctrl = np.zeros((n, 4, 2))
        self.loop = src[self.idx] == dst[self.idx]
        if n:
            p0 = positions[src[self.idx]]
            p1 = positions[dst[self.idx]]
            self._arcs(p0, p1, ~self.loop, radius)
            self._loops(p0, self.loop, radius)
        t = np.linspace(0.0, 1.0, SAMPLES)
        self.points = self.at(t)
        if n:
            lo = self.points.reshape(-1, 2).min(axis=0)
            hi = self.points.reshape(-1, 2).max(axis=0)
            self.bounds = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        else:
            self.bounds = QRectF()
        self.where = {int(e): k for k, e in enumerate(self.idx)}

    def _arcs(self, p0: np.ndarray, p1: np.ndarray, m: np.ndarray, r: float) -> None:
        if not m.any():
            return
        a, b = p0[m], p1[m]
        d = b - a
        length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)
        u = d / length[:, None]
        left = np.stack([u[:, 1], -u[:, 0]], axis=1)     # to the left of the direction, on screen
        c = (a + b) / 2 + left * np.clip(BULGE * length, BULGE_MIN, BULGE_MAX)[:, None]
        # cut back to the rims along the directions towards the control point
        ua = c - a
        ua /= np.maximum(np.hypot(ua[:, 0], ua[:, 1]), 1e-9)[:, None]
        ub = b - c
        ub /= np.maximum(np.hypot(ub[:, 0], ub[:, 1]), 1e-9)[:, None]
        start, end = a + ua * (r + 1), b - ub * (r + 1)
        # the quadratic curve start-c-end as a cubic one
        self.ctrl[m] = np.stack([start, start + (c - start) * 2 / 3, end + (c - end) * 2 / 3, end], axis=1)

    def _loops(self, p: np.ndarray, m: np.ndarray, r: float) -> None:
        if not m.any():
            return
        centre = p[m]

        def direction(deg: float) -> np.ndarray:
            a = np.radians(deg)
            return np.array([np.cos(a), np.sin(a)])
        out, back = LOOP_ANGLE - LOOP_SPREAD, LOOP_ANGLE + LOOP_SPREAD
        start = centre + direction(out) * (r + 1)
        end = centre + direction(back) * (r + 1)
        reach = r + LOOP_HEIGHT * 1.6           # a cubic's apex reaches about 3/4 of its controls
        c1 = centre + direction(out - 18) * reach
        c2 = centre + direction(back + 18) * reach
        self.ctrl[m] = np.stack([start, c1, c2, end], axis=1)

    def at(self, t: np.ndarray) -> np.ndarray:
        """Points of every curve at the parameters ``t`` (k,): shape (n, k, 2)."""
        t = np.asarray(t, dtype=float)[None, :, None]
        c = self.ctrl[:, None, :, :]
        s = 1 - t
        return (s ** 3 * c[:, :, 0] + 3 * s ** 2 * t * c[:, :, 1] + 3 * s * t ** 2 * c[:, :, 2]
                + t ** 3 * c[:, :, 3])

    def point(self, edge: int, s: float) -> np.ndarray | None:
        """The point ``s`` (0..1) along delayed edge ``edge`` (an index into the layer's edges)."""
        k = self.where.get(int(edge))
        if k is None:
            return None
        return self.at(np.array([s]))[k, 0]

    def distance(self, p: np.ndarray) -> np.ndarray:
        """Distance from point ``p`` to every curve (n,)."""
        if not len(self.idx):
            return np.zeros(0)
        a, b = self.points[:, :-1], self.points[:, 1:]
        ab = b - a
        denom = np.maximum((ab * ab).sum(-1), 1e-12)
        t = np.clip(((p - a) * ab).sum(-1) / denom, 0.0, 1.0)
        closest = a + ab * t[..., None]
        return np.hypot(*(closest - p).transpose(2, 0, 1)).min(axis=1)

    def path(self, k: int) -> QPainterPath:
        c = self.ctrl[k]
        path = QPainterPath(QPointF(*c[0]))
        path.cubicTo(QPointF(*c[1]), QPointF(*c[2]), QPointF(*c[3]))
        return path


_BADGE_FONT: QFont | None = None


def _badge_font() -> QFont:
    global _BADGE_FONT
    if _BADGE_FONT is None:
        _BADGE_FONT = QFont()
        _BADGE_FONT.setPointSizeF(7.0)
    return _BADGE_FONT


def paint(painter: QPainter, curves: Curves, weights: np.ndarray, color_values: np.ndarray,
          theme: encoding.Theme, selected: set[int], dim: bool = False) -> None:
    """The delayed edges: the curve in the edge's width and colour, a chevron at the
    target, the selection dashed along it, then the badges on top."""
    n = len(curves.idx)
    if not n:
        return
    colors = encoding.edge_colors(theme.name)
    w = weights[curves.idx]
    cidx = encoding.diverging().index(color_values[curves.idx])
    widx = encoding.width_index(w)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    ends = curves.ctrl[:, 3]
    tangent = curves.ctrl[:, 3] - curves.ctrl[:, 2]
    tangent /= np.maximum(np.hypot(tangent[:, 0], tangent[:, 1]), 1e-9)[:, None]
    for k in range(n):
        color = QColor(colors[int(cidx[k])])
        if dim:
            color.setAlphaF(0.35)
        width = encoding.width_of_level(int(widx[k]))
        pen = QPen(color, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawPath(curves.path(k))
        size = 5.0 + width
        u, e = tangent[k], ends[k]
        nrm = np.array([-u[1], u[0]])
        tip = QPointF(*e)
        painter.drawLine(tip, QPointF(*(e - u * size + nrm * size * 0.6)))
        painter.drawLine(tip, QPointF(*(e - u * size - nrm * size * 0.6)))
    chosen = [curves.where[i] for i in selected if i in curves.where]
    if chosen:
        painter.setPen(QPen(theme.selection, 2.0, Qt.PenStyle.DashLine))
        for k in chosen:
            painter.drawPath(curves.path(k))
    paint_badges(painter, curves, theme)


def paint_badges(painter: QPainter, curves: Curves, theme: encoding.Theme) -> None:
    """``z⁻¹`` on each curve's middle (on self-loops only when there are many curves)."""
    show = np.ones(len(curves.idx), dtype=bool) if len(curves.idx) <= BADGES_UP_TO else curves.loop
    if not show.any():
        return
    font = _badge_font()
    metrics = QFontMetricsF(font)
    mids = curves.at(np.array([0.5]))[:, 0]
    painter.setFont(font)
    fill = QColor(theme.canvas)
    fill.setAlphaF(0.92)
    border = QColor(theme.muted)
    for k in np.flatnonzero(show):
        text = badge_text(int(curves.delays[k]))
        w, h = metrics.horizontalAdvance(text) + 6, metrics.height() + 1
        x, y = mids[k]
        if curves.loop[k]:                # above the loop's top, leaving the loop in sight
            x += np.cos(np.radians(LOOP_ANGLE)) * (h * 0.5 + 1)
            y += np.sin(np.radians(LOOP_ANGLE)) * (h * 0.5 + 1)
        rect = QRectF(x - w / 2, y - h / 2, w, h)
        painter.setPen(QPen(border, 0.8))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(theme.text)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.setBrush(Qt.BrushStyle.NoBrush)
