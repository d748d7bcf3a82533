"""Delayed (recurrent) connections drawn as arcs: one from neuron to neuron bulges to the
left of its direction (so a pair h1 → h2, h2 → h1 never overlaps), a self-loop is a small
loop up and to the left of its neuron (its name goes above it); each carries a ``z⁻¹`` badge, the unit-delay sign of signal
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
LOOP_ANGLE = -140.0        # degrees (0 = right, -90 = up): up and to the left, leaving the top
                           # of the neuron to its name and activation tag (the label layout
                           # moves them further right when they would still meet it)
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
        self.owner = src[self.idx]              # the neuron each curve leaves (a loop's own)
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
        self._paths: list[QPainterPath] | None = None
        self._buckets: tuple | None = None
        self._badge_list: list[tuple[QRectF, str]] | None = None

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
        """Curve ``k`` as a path (made once per geometry)."""
        if self._paths is None:
            self._paths = []
            for c in self.ctrl:
                path = QPainterPath(QPointF(*c[0]))
                path.cubicTo(QPointF(*c[1]), QPointF(*c[2]), QPointF(*c[3]))
                self._paths.append(path)
        return self._paths[k]

    def buckets(self, weights: np.ndarray, color_values: np.ndarray, theme: encoding.Theme,
                dim: bool) -> list[tuple[QPen, QPainterPath]]:
        """The curves grouped by (colour, width) with their chevrons: one path per pen, as
        the straight edges are drawn (cached until the values or the geometry change)."""
        cidx = encoding.diverging().index(color_values[self.idx])
        widx = encoding.width_index(weights[self.idx])
        key = (theme.name, dim, cidx.tobytes(), widx.tobytes())
        if self._buckets is not None and self._buckets[0] == key:
            return self._buckets[1]
        colors = encoding.edge_colors(theme.name)
        ends = self.ctrl[:, 3]
        tangent = self.ctrl[:, 3] - self.ctrl[:, 2]
        tangent /= np.maximum(np.hypot(tangent[:, 0], tangent[:, 1]), 1e-9)[:, None]
        groups: dict[tuple[int, int], list[int]] = {}
        for k, pair in enumerate(zip(cidx.tolist(), widx.tolist())):
            groups.setdefault(pair, []).append(k)
        out = []
        for (c, wl), ks in groups.items():
            color = QColor(colors[c])
            if dim:
                color.setAlphaF(0.35)
            width = encoding.width_of_level(wl)
            pen = QPen(color, width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            path = QPainterPath()
            size = 5.0 + width
            for k in ks:
                path.addPath(self.path(k))
                u, e = tangent[k], ends[k]
                nrm = np.array([-u[1], u[0]])
                left, right = e - u * size + nrm * size * 0.6, e - u * size - nrm * size * 0.6
                path.moveTo(*left)
                path.lineTo(*e)
                path.lineTo(*right)
            out.append((pen, path))
        self._buckets = (key, out)
        return out

    def badges(self) -> list[tuple[QRectF, str]]:
        """Where the ``z⁻¹`` badges go: on each curve's middle (above a loop, leaving it in
        sight); on self-loops only when there are many curves (made once per geometry)."""
        if self._badge_list is None:
            self._badge_list = self._place_badges()
        return self._badge_list

    def _badge_curves(self) -> np.ndarray:
        """The curves that carry a badge, in the order of ``badges()``."""
        show = np.ones(len(self.idx), dtype=bool) if len(self.idx) <= BADGES_UP_TO else self.loop
        return np.flatnonzero(show)

    def loop_obstacles(self, pad: float) -> tuple[np.ndarray, np.ndarray]:
        """Where the self-loops are drawn, for the label layout to keep texts off them: small
        rectangles (x0, y0, x1, y1) along each loop, ``pad`` wider all round (half the widest
        pen and the chevron), and its badge; with the neuron each belongs to."""
        loops = np.flatnonzero(self.loop)
        if not len(loops):
            return np.zeros(0, dtype=np.intp), np.zeros((0, 4))
        pts = self.points[loops]
        a, b = pts[:, :-1], pts[:, 1:]
        rects = np.concatenate([np.minimum(a, b) - pad, np.maximum(a, b) + pad], axis=2).reshape(-1, 4)
        owners = np.repeat(self.owner[loops], pts.shape[1] - 1)
        badged = self._badge_curves()
        boxes = [(self.owner[k], r) for k, (r, _) in zip(badged, self.badges()) if self.loop[k]]
        if boxes:
            owners = np.concatenate([owners, [o for o, _ in boxes]])
            rects = np.vstack([rects, [(r.left(), r.top(), r.right(), r.bottom()) for _, r in boxes]])
        return owners.astype(np.intp), rects

    def _place_badges(self) -> list[tuple[QRectF, str]]:
        metrics = QFontMetricsF(_badge_font())
        mids = self.at(np.array([0.5]))[:, 0] if len(self.idx) else np.zeros((0, 2))
        out = []
        for k in self._badge_curves():
            text = badge_text(int(self.delays[k]))
            w, h = metrics.horizontalAdvance(text) + 6, metrics.height() + 1
            x, y = mids[k]
            if self.loop[k]:
                x += np.cos(np.radians(LOOP_ANGLE)) * (h * 0.5 + 1)
                y += np.sin(np.radians(LOOP_ANGLE)) * (h * 0.5 + 1)
            out.append((QRectF(x - w / 2, y - h / 2, w, h), text))
        return out

    def badge_rects(self) -> list[QRectF]:
        return [rect for rect, _ in self.badges()]


_BADGE_FONT: QFont | None = None


def _badge_font() -> QFont:
    global _BADGE_FONT
    if _BADGE_FONT is None:
        _BADGE_FONT = QFont()
        _BADGE_FONT.setPointSizeF(7.0)
    return _BADGE_FONT


def paint(painter: QPainter, curves: Curves, weights: np.ndarray, color_values: np.ndarray,
          theme: encoding.Theme, selected: set[int], dim: bool = False, exact: bool = False) -> None:
    """The delayed edges: each curve in its edge's width and colour with a chevron at the
    target, the selection dashed along it, then the badges on top. ``exact``: figures,
    whose badges are real text (searchable in an SVG); the screen fills cached paths."""
    if not len(curves.idx):
        return
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for pen, path in curves.buckets(weights, color_values, theme, dim):
        painter.setPen(pen)
        painter.drawPath(path)
    chosen = [curves.where[i] for i in selected if i in curves.where]
    if chosen:
        painter.setPen(QPen(theme.selection, 2.0, Qt.PenStyle.DashLine))
        for k in chosen:
            painter.drawPath(curves.path(k))
    fill = QColor(theme.canvas)
    border = QPen(QColor(theme.muted), 0.8)
    painter.setFont(_badge_font())
    if not exact:
        # all the boxes in one call (opaque, square: a translucent rounded path costs ~1 ms
        # a frame to fill), then the texts
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRects(curves.badge_rects())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(theme.text)
        for rect, text in curves.badges():
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        return
    fill.setAlphaF(0.92)
    for rect, text in curves.badges():
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(theme.text)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.setBrush(Qt.BrushStyle.NoBrush)
