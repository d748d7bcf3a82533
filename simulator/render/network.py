"""The network drawing: one item per neuron and ONE batched item for all connections.

Used by the editor (which adds mouse interaction) and by the exporter (which renders the
same scene to SVG/PDF/PNG). Edges are drawn in buckets of equal colour and width: each
bucket is one QPainterPath built from NumPy arrays, so 50,000 connections cost a few
hundred path draws, and a new snapshot changes colours, not items.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

from ..engine import activations, features
from . import delayed_edges, encoding, labels

NODE_R = 22.0
ARROWS_UP_TO = 400          # edges; above this the drawing is too dense for arrowheads
ACT_GLYPH = {"step": "step", "linear": "lin", "sigmoid": "σ", "tanh": "tanh", "relu": "ReLU",
             "leaky_relu": "LReLU", "prelu": "PReLU", "gelu": "GELU", "silu": "SiLU",
             "softplus": "soft+", "elu": "ELU", "softmax": "soft-\nmax"}


def pretty_feature(feat: str) -> str:
    return features.LABELS.get(feat, feat)


def fmt(v: float, digits: int = 2) -> str:
    """Short signed number for labels: 0.12, −1.3, 2.1e-05."""
    if v is None or not math.isfinite(v):
        return "—"
    if v != 0 and (abs(v) < 10 ** -digits or abs(v) >= 1e4):
        text = f"{v:.1e}"
    else:
        text = f"{v:.{digits}f}"
    return text.replace("-", "−")


def _plate(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """A translucent patch of the canvas behind a text, so edges passing under it do not
    run through the letters."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(rect, 2.0, 2.0)


def _text(painter: QPainter, rect: QRectF, font: QFont, boost: float, flags, text: str) -> None:
    """Draw TEXT in RECT (scene units), its font magnified BOOST times."""
    painter.save()
    painter.translate(rect.topLeft())
    painter.scale(boost, boost)
    painter.setFont(font)
    # unclipped: at small sizes an underscore (h1_1) falls a pixel below the font's descent
    painter.drawText(QRectF(0, 0, rect.width() / boost, rect.height() / boost),
                     flags | Qt.TextFlag.TextDontClip, text)
    painter.restore()


class NodeItem(QGraphicsItem):
    """A neuron: its shape by kind, fill by activation, thumbnail, and its texts (name,
    activation tag, bias, a step's values) where the scene's label layout shows them."""

    def __init__(self, node: Mapping, theme: encoding.Theme):
        super().__init__()
        self.node_id = node["id"]
        self.theme = theme
        self.fill: QColor | None = None
        self.thumbnail: QImage | None = None
        self._caption: str | None = None       # values during a step animation
        self.caption_color: QColor | None = None
        self.bias_value: float | None = None
        self.flagged = False                   # e.g. the layer where training diverged
        self.dead = False                      # a dead ReLU
        self.emphasis = 0.0                    # 0..1 glow while the animation visits it
        self.show_bias = True
        self.boxes: dict[str, QRectF] = {}     # where each text would go (see labels.py)
        self.alternatives: dict[str, list[QRectF]] = {}
        self.shown: frozenset[str] = frozenset()   # the texts that have room
        self.boost = 1.0
        self.fonts = labels.fonts()
        self.update_from(node)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(1.0)

    def update_from(self, node: Mapping) -> None:
        self.prepareGeometryChange()
        self.kind = node.get("kind", "hidden")
        self.activation = node.get("activation") or ("sigmoid" if self.kind == "output" else "tanh")
        self.feature = node.get("feature", "x1")
        self.batch_norm = bool(node.get("batch_norm"))
        if node.get("bias") is not None and self.bias_value is None:
            self.bias_value = float(node["bias"])
        x, y = node.get("pos", (0.0, 0.0))
        if self.pos() != QPointF(x, y):
            self.setPos(x, y)
        self.update()

    @property
    def label(self) -> str:
        return pretty_feature(self.feature) if self.kind == "input" else self.node_id

    @property
    def tag(self) -> str:
        """The activation's short name, as shown after the neuron's name."""
        if self.kind == "input":
            return ""
        glyph = ACT_GLYPH.get(self.activation, self.activation) + (" · BN" if self.batch_norm else "")
        return glyph.replace("\n", "")

    @property
    def caption(self) -> str | None:
        return self._caption

    @caption.setter
    def caption(self, text: str | None) -> None:
        if text != self._caption:
            self._caption = text
            scene = self.scene()
            if scene is not None and hasattr(scene, "labels_changed"):
                scene.labels_changed()

    def set_boxes(self, boxes: dict[str, QRectF], boost: float, fonts: labels.Fonts,
                  alternatives: dict[str, list[QRectF]] | None = None) -> None:
        """Where the texts go (the scene's layout; ``alternatives``: the other places a text
        may take, see use_place); the item's extent covers them all."""
        alternatives = alternatives or {}
        if (boxes != self.boxes or boost != self.boost or fonts is not self.fonts
                or alternatives != self.alternatives):
            self.prepareGeometryChange()
            self.boxes, self.boost, self.fonts = boxes, boost, fonts
            self.alternatives = alternatives
            self.update()

    def use_place(self, kind: str, index: int) -> None:
        """Draw text ``kind`` at its place ``index`` (within the extent already announced)."""
        place = self.alternatives[kind][index]
        if self.boxes.get(kind) != place:
            self.boxes = {**self.boxes, kind: place}
            self.update()

    def set_shown(self, shown: frozenset[str]) -> None:
        if shown != self.shown:
            self.shown = shown
            self.update()

    def shown_boxes(self) -> dict[str, QRectF]:
        """The texts drawn, in the item's coordinates."""
        return {k: r for k, r in self.boxes.items() if k in self.shown and self._has_text(k)}

    def _has_text(self, kind: str) -> bool:
        if kind == "bias":
            return self.show_bias and self.bias_value is not None
        if kind == "caption":
            return bool(self._caption)
        return True

    def boundingRect(self) -> QRectF:
        rect = QRectF(-NODE_R - 10, -NODE_R - 10, 2 * NODE_R + 20, 2 * NODE_R + 20)
        for box in self.boxes.values():
            rect = rect.united(box.adjusted(-2, -2, 2, 2))
        for places in self.alternatives.values():
            for box in places:
                rect = rect.united(box.adjusted(-2, -2, 2, 2))
        return rect

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addEllipse(QPointF(0, 0), NODE_R + 2, NODE_R + 2)
        return p

    def _body(self) -> QPainterPath:
        p = QPainterPath()
        if self.kind == "input":
            p.addRoundedRect(QRectF(-NODE_R, -NODE_R, 2 * NODE_R, 2 * NODE_R), 7, 7)
        else:
            p.addEllipse(QPointF(0, 0), NODE_R, NODE_R)
        return p

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        t = self.theme
        body = self._body()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self.emphasis > 0:
            glow = QColor(t.accent)
            glow.setAlphaF(0.35 * self.emphasis)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(glow)
            painter.drawEllipse(QPointF(0, 0), NODE_R + 9, NODE_R + 9)
        base = t.input_fill if self.kind == "input" else t.node_fill
        painter.setBrush(QBrush(self.fill if self.fill is not None else base))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(body)
        if self.thumbnail is not None and lod > 0.35:
            painter.save()
            if widget is None:
                # exports: the outline as a clip (the exporter turns the image into vector
                # cells cut to it); on screen the image is already masked to the shape
                painter.setClipPath(body)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(QRectF(-NODE_R, -NODE_R, 2 * NODE_R, 2 * NODE_R), self.thumbnail)
            painter.restore()
        outline = QColor(t.warning) if self.flagged else QColor(t.node_outline)
        width = 2.6 if self.kind == "output" or self.flagged else 1.4
        if self.flagged:
            # a ring in the warning colour: the layer named in the divergence message must
            # be findable at a glance, even in a crowded column
            ring = QColor(t.warning)
            ring.setAlphaF(0.45)
            painter.setPen(QPen(ring, 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), NODE_R + 5, NODE_R + 5)
        pen = QPen(outline, width)
        if self.dead:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(body)
        if self.kind == "output":
            painter.setPen(QPen(outline, 1.0))
            painter.drawEllipse(QPointF(0, 0), NODE_R - 4, NODE_R - 4)
        if self.isSelected():
            painter.setPen(QPen(t.selection, 2.4, Qt.PenStyle.SolidLine))
            painter.drawEllipse(QPointF(0, 0), NODE_R + 5, NODE_R + 5)
        self._paint_texts(painter)

    def _paint_texts(self, painter: QPainter) -> None:
        t, b, f = self.theme, self.boost, self.fonts
        boxes = self.shown_boxes()
        plate = QColor(t.canvas)
        plate.setAlphaF(0.8)
        centre = Qt.AlignmentFlag.AlignCenter
        for kind in ("name", "tag", "bias"):
            rect = boxes.get(kind)
            if rect is None:
                continue
            _plate(painter, rect, plate)
            if kind == "name":
                painter.setPen(t.text)
                _text(painter, rect, f.name, b, centre, self.label)
            elif kind == "tag":
                painter.setPen(t.muted)
                _text(painter, rect, f.small, b, centre, self.tag)
            else:
                painter.setPen(t.muted)
                _text(painter, rect, f.small, b, centre, "b = " + fmt(self.bias_value))
        rect = boxes.get("caption")
        if rect is not None:
            bg = QColor(t.canvas)
            bg.setAlphaF(0.93)
            painter.setPen(QPen(self.caption_color or t.accent, 1.2 * b))
            painter.setBrush(bg)
            painter.drawRoundedRect(rect, 4 * b, 4 * b)
            painter.setPen(t.text)
            _text(painter, rect.adjusted(6 * b, 3 * b, -2 * b, -3 * b), f.small, b,
                  Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._caption)

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and self.scene() is not None:
            self.scene().node_moved(self)
        return super().itemChange(change, value)


class EdgeLayer(QGraphicsItem):
    """Every connection, drawn in buckets of (colour, width) from NumPy arrays.

    Level of detail: stroking lines costs per pixel, and 50,000 long edges take about a
    second with QPainter on a CPU. So on screen at most ``MAX_DRAWN`` edges are drawn: the
    heaviest (largest |w|) of those crossing the visible area; zooming in shows every edge
    in view. Above ``AA_LIMIT`` drawn edges antialiasing is off. Exports (no widget) draw
    every edge."""

    MAX_DRAWN = 2000
    AA_LIMIT = 1200

    def __init__(self, theme: encoding.Theme):
        super().__init__()
        self.theme = theme
        self.setZValue(0.0)
        self.pairs: list[tuple[str, str]] = []
        self.src = np.zeros(0, dtype=np.intp)
        self.dst = np.zeros(0, dtype=np.intp)
        self.positions = np.zeros((0, 2))
        self.weights = np.zeros(0)
        self.color_values = np.zeros(0)       # in [-1, 1]
        self.delays = np.zeros(0, dtype=np.intp)   # steps back each edge reads (0: none)
        self._curves: delayed_edges.Curves | None = None   # the delayed edges' arcs
        self.selected: set[int] = set()
        self.pulses: dict[int, float] = {}    # edge -> position 0..1 of a travelling dot
        self.pulse_color: QColor | None = None
        self.pulse_layer: "PulseLayer | None" = None
        self.dim = False                      # draw faintly (e.g. behind an animation)
        self._buckets: list[tuple[QPen, QPainterPath]] = []
        self._dirty = True
        self._rect = QRectF()
        self._built_for: tuple | None = None   # the visible rect the buckets were built for
        self._segments: tuple[np.ndarray, np.ndarray] | None = None
        self.drawn_count = 0                   # edges in the current buckets

    # data -------------------------------------------------------------------------------
    def set_structure(self, pairs: Sequence[tuple[str, str]], index: Mapping[str, int],
                      positions: np.ndarray, delays: Sequence[int] | None = None) -> None:
        self.prepareGeometryChange()
        self.pairs = list(pairs)
        self.src = np.array([index[s] for s, _ in self.pairs], dtype=np.intp)
        self.dst = np.array([index[t] for _, t in self.pairs], dtype=np.intp)
        self.positions = positions
        n = len(self.pairs)
        self.delays = (np.zeros(n, dtype=np.intp) if delays is None
                       else np.asarray(delays, dtype=np.intp).reshape(n))
        if len(self.weights) != n:
            self.weights = np.zeros(n)
            self.color_values = np.zeros(n)
        self.selected = {i for i in self.selected if i < n}
        self.invalidate()

    def set_values(self, weights: np.ndarray, color_values: np.ndarray) -> None:
        self.weights = np.asarray(weights, dtype=float)
        self.color_values = np.asarray(color_values, dtype=float)
        self._dirty = True
        self.update()

    def invalidate(self) -> None:
        """Positions changed: recompute the bounding box and the paths."""
        self.prepareGeometryChange()
        self._segments = None
        self._curves = None
        self._rect = self._compute_rect()
        self._dirty = True
        self.update()

    def _compute_rect(self) -> QRectF:
        if not len(self.positions):
            return QRectF()
        lo = self.positions.min(axis=0) - 30
        hi = self.positions.max(axis=0) + 30
        rect = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        if self.delays.any():
            rect = rect.united(self.curves().bounds.adjusted(-20, -20, 20, 20))   # badges, chevrons
        return rect

    def boundingRect(self) -> QRectF:
        return self._rect

    # geometry -----------------------------------------------------------------------------
    def segments(self) -> tuple[np.ndarray, np.ndarray]:
        """Start and end points of every edge, cut back to the neurons' rims (cached until
        a neuron moves)."""
        if self._segments is None or len(self._segments[0]) != len(self.src):
            self._segments = self._compute_segments()
        return self._segments

    def _compute_segments(self) -> tuple[np.ndarray, np.ndarray]:
        p0 = self.positions[self.src]
        p1 = self.positions[self.dst]
        d = p1 - p0
        length = np.hypot(d[:, 0], d[:, 1])
        u = d / np.maximum(length, 1e-9)[:, None]
        cut = np.minimum(NODE_R + 1.0, length[:, None] * 0.45)
        return p0 + u * cut, p1 - u * cut

    def curves(self) -> delayed_edges.Curves:
        """The arcs of the delayed edges (cached until a neuron moves)."""
        if self._curves is None or len(self.delays) != len(self.src):
            if len(self.delays) != len(self.src):
                self.delays = np.zeros(len(self.src), dtype=np.intp)
            self._curves = delayed_edges.Curves(self.positions, self.src, self.dst, self.delays, NODE_R)
        return self._curves

    def point_along(self, i: int, s: float) -> np.ndarray:
        """The point ``s`` (0..1) along edge ``i``, on its arc when it is delayed."""
        if self.delays[i]:
            p = self.curves().point(i, s)
            if p is not None:
                return p
        a, b = self.segments()
        return a[i] + (b[i] - a[i]) * s

    def edge_at(self, point: QPointF, tolerance: float) -> int | None:
        """The connection nearest ``point`` within ``tolerance`` (scene units), if any."""
        if not len(self.pairs):
            return None
        a, b = self.segments()
        p = np.array([point.x(), point.y()])
        ab = b - a
        denom = np.maximum((ab * ab).sum(1), 1e-12)
        t = np.clip(((p - a) * ab).sum(1) / denom, 0.0, 1.0)
        closest = a + ab * t[:, None]
        dist = np.hypot(*(closest - p).T)
        if self.delays.any():                      # the delayed ones along their arcs
            curves = self.curves()
            dist[curves.idx] = curves.distance(p)
        i = int(np.argmin(dist))
        return i if dist[i] <= tolerance else None

    def styles(self) -> tuple[np.ndarray, list[str]]:
        """The (width, colour name) each edge is drawn with: the encoding as painted."""
        colors = encoding.edge_colors(self.theme.name)
        cidx = encoding.diverging().index(self.color_values)
        widx = encoding.width_index(self.weights)
        widths = np.array([encoding.width_of_level(int(k)) for k in widx])
        return widths, [colors[int(c)].name() for c in cidx]

    def visible_edges(self, rect: QRectF | None) -> np.ndarray:
        """Indices of the edges to draw: all (exports, small drawings), or the heaviest
        ``MAX_DRAWN`` of those whose bounding box meets ``rect``."""
        n = len(self.pairs)
        if rect is None or n <= self.MAX_DRAWN:
            return np.arange(n)
        a, b = self.segments()
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        inside = ((hi[:, 0] >= rect.left()) & (lo[:, 0] <= rect.right())
                  & (hi[:, 1] >= rect.top()) & (lo[:, 1] <= rect.bottom()))
        idx = np.flatnonzero(inside)
        if len(idx) > self.MAX_DRAWN:
            heavy = np.argpartition(-np.abs(np.nan_to_num(self.weights[idx])), self.MAX_DRAWN)[: self.MAX_DRAWN]
            idx = np.sort(idx[heavy])
        return idx

    def _rebuild(self, rect: QRectF | None = None) -> None:
        self._buckets = []
        if not len(self.pairs):
            self.drawn_count = 0
            return
        chosen = self.visible_edges(rect)
        self.drawn_count = len(chosen)
        chosen = chosen[self.delays[chosen] == 0]      # the delayed ones are arcs (paint)
        n = len(chosen)
        if not n:
            return
        a, b = self.segments()
        a, b = a[chosen], b[chosen]
        colors = encoding.edge_colors(self.theme.name)
        cidx = encoding.diverging().index(self.color_values[chosen])
        widx = encoding.width_index(self.weights[chosen])
        if n > self.AA_LIMIT:
            # a large drawing: coarser steps of colour and width, so fewer paths to stroke
            cidx = (cidx // 4) * 4 + 2
            widx = (widx // 2) * 2 + 1
        elif n > 100:
            cidx = (cidx // 2) * 2 + 1       # 32 colour steps: fewer buckets, the same picture
        key = cidx * encoding.N_WIDTHS + widx
        order = np.argsort(key, kind="stable")
        key_sorted = key[order]
        starts = np.flatnonzero(np.r_[True, key_sorted[1:] != key_sorted[:-1]])
        ends = np.r_[starts[1:], n]
        # Every segment of every edge, in bucket order, built in one pass: the line, and for
        # small drawings a chevron at the target end (the direction of the signal). Each
        # bucket is then a slice.
        pa, pb = a[order], b[order]
        if n <= ARROWS_UP_TO:
            widths = encoding.MIN_WIDTH + (encoding.MAX_WIDTH - encoding.MIN_WIDTH) * (
                (widx[order] + 0.5) / encoding.N_WIDTHS)
            d = pb - pa
            u = d / np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]
            nrm = np.stack([-u[:, 1], u[:, 0]], axis=1)
            size = (5.0 + widths)[:, None]
            left = pb - u * size + nrm * size * 0.6
            right = pb - u * size - nrm * size * 0.6
            pts = np.stack([pa, pb, left, pb, pb, right], axis=1)      # (n, 6, 2)
        else:
            pts = np.stack([pa, pb], axis=1)                           # (n, 2, 2)
        per_edge = pts.shape[1]
        flat = pts.reshape(-1, 2)
        xs, ys = np.ascontiguousarray(flat[:, 0]), np.ascontiguousarray(flat[:, 1])
        for s, e in zip(starts, ends):
            k = int(key_sorted[s])
            color = QColor(colors[k // encoding.N_WIDTHS])
            if self.dim:
                color.setAlphaF(0.35)
            pen = QPen(color, encoding.width_of_level(k % encoding.N_WIDTHS))
            # flat caps: with round caps Qt leaves its fast line rasteriser for wide lines
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            lo, hi = s * per_edge, e * per_edge
            self._buckets.append((pen, pg.arrayToQPath(xs[lo:hi], ys[lo:hi], connect="pairs")))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = None
        if widget is not None and len(self.pairs) > self.MAX_DRAWN:
            view = widget.parentWidget()
            if view is not None and hasattr(view, "mapToScene"):
                rect = view.mapToScene(widget.rect()).boundingRect()
        key = None if rect is None else (round(rect.left()), round(rect.top()), round(rect.width()),
                                         round(rect.height()))
        if self._dirty or key != self._built_for:
            self._rebuild(rect)
            self._dirty = False
            self._built_for = key
        if self.drawn_count > self.AA_LIMIT:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in self._buckets:
            painter.setPen(pen)
            painter.drawPath(path)
        if self.selected:
            a, b = self.segments()
            pen = QPen(self.theme.selection, 2.0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for i in self.selected:
                if i < len(self.delays) and not self.delays[i]:
                    painter.drawLine(QPointF(*a[i]), QPointF(*b[i]))
        if self.delays.any():
            delayed_edges.paint(painter, self.curves(), self.weights, self.color_values, self.theme,
                                self.selected, self.dim, exact=widget is None)

    def set_pulses(self, pulses: dict, color: QColor | None = None) -> None:
        """The travelling dots of the step animation (edge index -> 0..1 along it)."""
        self.pulses = pulses
        self.pulse_color = color
        if self.pulse_layer is not None:
            self.pulse_layer.update()


class PulseLayer(QGraphicsItem):
    """The signals travelling along the edges during the step animation, drawn above the
    neurons and their captions so they are never hidden."""

    def __init__(self, edges: EdgeLayer):
        super().__init__()
        self.edges = edges
        edges.pulse_layer = self
        self.setZValue(3.0)

    def boundingRect(self) -> QRectF:
        return self.edges.boundingRect()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        e = self.edges
        if not e.pulses:
            return
        n = len(e.pairs)
        painter.setPen(QPen(e.theme.canvas, 1.2))
        painter.setBrush(e.pulse_color or e.theme.accent)
        for i, s in e.pulses.items():
            if i is None or i >= n:
                continue
            p = e.point_along(i, s)
            painter.drawEllipse(QPointF(*p), 5.0, 5.0)


class NetworkScene(QGraphicsScene):
    """The drawing of a document and of the latest training snapshot."""

    labelsLaidOut = Signal()        # which texts are shown may have changed

    def __init__(self, theme: str = "light", parent=None):
        super().__init__(parent)
        self.theme = encoding.theme(theme)
        self.nodes: dict[str, NodeItem] = {}
        self.order: list[str] = []
        self.index: dict[str, int] = {}
        self.positions = np.zeros((0, 2))
        self.view_scale = 1.0                # output units (pixels, page units) per scene unit
        self.text_scale = 1.0                # the texts' size relative to the window's
        self.visible_rect: QRectF | None = None   # what a view shows (large drawings only)
        self._labels_pending = False
        self.edges = EdgeLayer(self.theme)
        self.addItem(self.edges)
        self.pulses = PulseLayer(self.edges)
        self.addItem(self.pulses)
        self.color_by = "gradient"           # or "weight"
        self.color_scale = 1.0               # value mapped to the end of the colour map
        self._scaled_gradients = False       # color_scale holds a gradient scale to keep
        self._held: float | None = None      # see _gradient_scale
        self._hold_key: tuple | None = None
        self._hold_epoch = 0
        self.thumbnails = True
        self.time_step: int | None = None    # sequences: the step t the fills show (None: the last)
        self._edge_map: tuple | None = None  # (snapshot edges, index array) cache
        self._node_map: tuple | None = None
        self._snapshot = None
        self.setBackgroundBrush(self.theme.canvas)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)

    # theme ------------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = encoding.theme(name)
        self.setBackgroundBrush(self.theme.canvas)
        self.edges.theme = self.theme
        for item in self.nodes.values():
            item.theme = self.theme
            item.update()
        self.edges.invalidate()

    # structure from the document ---------------------------------------------------------
    #: above this many neurons each neuron's picture is cached by Qt (a drawing that large
    #: is mostly looked at whole, and repainting a thousand items per frame costs ~50 ms)
    CACHE_NODES_ABOVE = 200

    def load(self, doc: Mapping) -> None:
        for item in self.nodes.values():
            self.removeItem(item)
        self.nodes.clear()
        self.order = []
        for n in doc["network"]["nodes"]:
            self._make_node(n)
        self._reindex()
        self._cache_mode()
        self.sync_edges(doc)
        self._snapshot = None
        self.relayout_labels()

    def _make_node(self, n: Mapping) -> NodeItem:
        item = NodeItem(n, self.theme)
        self.nodes[n["id"]] = item
        self.order.append(n["id"])
        self.addItem(item)
        return item

    def _reindex(self) -> None:
        self.index = {nid: i for i, nid in enumerate(self.order)}
        self.positions = np.array([[self.nodes[i].x(), self.nodes[i].y()] for i in self.order],
                                  dtype=float).reshape(-1, 2)
        self._node_map = None

    # labels ---------------------------------------------------------------------------------
    #: above this many neurons in view, no texts are laid out (they could not be read, and
    #: the layout compares every pair of texts)
    LABEL_NODES_MAX = 400

    def set_view_scale(self, scale: float, visible: QRectF | None = None) -> None:
        """The scale the drawing is shown at (and, for large drawings, the part in view):
        the texts keep their size on the output and show where they have room."""
        moved = visible is not None and visible != self.visible_rect
        if visible is not None:
            self.visible_rect = QRectF(visible)
        # what is in view matters to a large drawing's texts and to a step's value boxes
        follows_view = len(self.order) > self.LABEL_NODES_MAX or self._has_captions()
        if scale == self.view_scale and not (moved and follows_view):
            return
        self.view_scale = float(scale)
        self.relayout_labels()

    def labels_changed(self) -> None:
        """A text changed size (a caption, a name): lay the texts out again once control
        returns to the event loop (many changes in a row cost one layout)."""
        if not self._labels_pending:
            self._labels_pending = True
            from PySide6.QtCore import QTimer
            QTimer.singleShot(0, self, self._deferred_relayout)   # dropped if the scene goes

    def _deferred_relayout(self) -> None:
        if self._labels_pending:
            self.relayout_labels()

    def relayout_labels(self) -> None:
        """Place every neuron's texts for the current scale and show those that have room
        (see simulator/render/labels.py)."""
        self._labels_pending = False
        scale = self.view_scale
        f = labels.fonts(self.text_scale)
        boost = labels.boost_for(scale)
        candidates = self._label_candidates() if labels.readable(scale) else set()
        loop_owner, loop_rects = self._loop_obstacles()
        rows, owners, kinds, groups, places = [], [], [], [], []
        for i, nid in enumerate(self.order):
            item = self.nodes[nid]
            options = (labels.node_boxes(item.kind, item.label, item.tag, item.caption, NODE_R, f, boost,
                                         self._own_loop(i, loop_owner, loop_rects))
                       if nid in candidates else {})
            item.set_boxes({k: v[0] for k, v in options.items()}, boost, f,
                           {k: v for k, v in options.items() if len(v) > 1})
            x, y = item.x(), item.y()
            for kind, rects in options.items():
                for j, r in enumerate(rects):
                    rows.append((r.left() + x, r.top() + y, r.right() + x, r.bottom() + y))
                    owners.append(i)
                    kinds.append(labels.KINDS.index(kind))
                    groups.append(len(self.order) * kinds[-1] + i)
                    places.append(j)
        per_node: dict[int, set[str]] = {}
        if rows:
            boxes = np.array(rows, dtype=float)
            kind_of, group = np.array(kinds), np.array(groups)
            # text by text in order of kind, then neuron; a text's places in their order
            priority = group * 8 + np.array(places)
            p = self.positions
            bodies = np.column_stack([p[:, 0] - NODE_R - 2, p[:, 1] - NODE_R - 2,
                                      p[:, 0] + NODE_R + 2, p[:, 1] + NODE_R + 2])
            bodies = np.vstack([bodies, loop_rects])      # no text over a self-loop either
            r = self.visible_rect if self._has_captions() else None
            bounds = None if r is None else (r.left(), r.top(), r.right(), r.bottom())
            shown = labels.choose(boxes, group, priority, bodies, pad=boost, bounds=bounds)
            # an activation tag belongs after its neuron's name: not without it
            name_shown = {owners[k] for k in np.flatnonzero(shown) if labels.KINDS[kind_of[k]] == "name"}
            for k in np.flatnonzero(shown):
                if labels.KINDS[kind_of[k]] == "tag" and owners[k] not in name_shown:
                    shown[k] = False
            for k in np.flatnonzero(shown):
                i, kind = owners[k], labels.KINDS[kind_of[k]]
                per_node.setdefault(i, set()).add(kind)
                if places[k]:                        # not its first place: tell the item
                    self.nodes[self.order[i]].use_place(kind, places[k])
        for i, nid in enumerate(self.order):
            self.nodes[nid].set_shown(frozenset(per_node.get(i, ())))
        self.labelsLaidOut.emit()

    def _loop_obstacles(self) -> tuple[np.ndarray, np.ndarray]:
        """The self-loops as rectangles the texts keep off (see Curves.loop_obstacles),
        with the neuron each belongs to (an index into ``order``)."""
        if not len(self.edges.delays) or not self.edges.delays.any():
            return np.zeros(0, dtype=np.intp), np.zeros((0, 4))
        return self.edges.curves().loop_obstacles(encoding.MAX_WIDTH / 2 + 1.0)

    def _own_loop(self, i: int, owner: np.ndarray, rects: np.ndarray) -> list[QRectF]:
        """Neuron ``i``'s self-loop as rectangles relative to its centre (none: [])"""
        if not len(owner):
            return []
        x, y = self.positions[i]
        return [QRectF(x0 - x, y0 - y, x1 - x0, y1 - y0) for x0, y0, x1, y1 in rects[owner == i]]

    def _has_captions(self) -> bool:
        return any(item.caption for item in self.nodes.values())

    def hidden_captions(self) -> int:
        """How many of a step's value boxes have no room at this scale."""
        return sum(1 for item in self.nodes.values() if item.caption and "caption" not in item.shown)

    def _label_candidates(self) -> set[str]:
        """The neurons whose texts are laid out: all of them, or in a large drawing those in
        view (none when even those are too many)."""
        if len(self.order) <= self.LABEL_NODES_MAX:
            return set(self.order)
        r = self.visible_rect
        if r is None:
            return set()
        p = self.positions
        inside = ((p[:, 0] > r.left() - NODE_R) & (p[:, 0] < r.right() + NODE_R)
                  & (p[:, 1] > r.top() - NODE_R) & (p[:, 1] < r.bottom() + NODE_R))
        if inside.sum() > self.LABEL_NODES_MAX:
            return set()
        return {self.order[i] for i in np.flatnonzero(inside)}

    def visible_labels(self) -> list[tuple[str, str, QRectF]]:
        """(neuron, kind, scene rectangle) of every text drawn now."""
        out = []
        for nid in self.order:
            item = self.nodes[nid]
            for kind, r in item.shown_boxes().items():
                out.append((nid, kind, r.translated(item.pos())))
        return out

    def _extent_lines(self) -> np.ndarray:
        """How far each text may reach beyond its neuron's body, as lines c + t·boost
        (scene units): rows of (side, c, t), side 0..3 = left, top, right, bottom."""
        loop_owner, loop_rects = self._loop_obstacles()
        key = (tuple(self.order), self.text_scale,
               tuple((it.label, it.tag, it.kind) for it in (self.nodes[n] for n in self.order)),
               loop_owner.tobytes())
        if getattr(self, "_extent_key", None) != key:
            f = labels.fonts(self.text_scale)
            rows = []
            for i, nid in enumerate(self.order):
                item = self.nodes[nid]
                avoid = self._own_loop(i, loop_owner, loop_rects)
                one = labels.node_boxes(item.kind, item.label, item.tag, None, NODE_R, f, 1.0, avoid)
                two = labels.node_boxes(item.kind, item.label, item.tag, None, NODE_R, f, 2.0, avoid)
                for kind in one:
                    a, b = one[kind][0], two[kind][0]
                    for side, (ea, eb) in enumerate(((-a.left(), -b.left()), (-a.top(), -b.top()),
                                                     (a.right(), b.right()), (a.bottom(), b.bottom()))):
                        rows.append((side, 2 * ea - eb - NODE_R, eb - ea))
            self._extent_key, self._extents = key, np.array(rows, dtype=float).reshape(-1, 3)
        return self._extents

    def label_extents(self, scale: float) -> tuple[float, float, float, float]:
        """(left, top, right, bottom): how far the texts reach beyond the neurons' bodies at
        ``scale``, in scene units (0 where they reach no further)."""
        lines = self._extent_lines()
        if not len(lines) or not labels.readable(scale):
            return (0.0, 0.0, 0.0, 0.0)
        reach = lines[:, 1] + lines[:, 2] * labels.boost_for(scale)
        return tuple(float(max(0.0, reach[lines[:, 0] == side].max(initial=0.0))) for side in range(4))

    def body_rect(self) -> QRectF:
        """The neurons' bodies, without their texts (an empty drawing: a default area)."""
        p = self.positions
        if not len(p):
            return QRectF(-200, -150, 400, 300)
        lo, hi = p.min(axis=0) - NODE_R, p.max(axis=0) + NODE_R
        body = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        if self.edges.delays.any():          # the delayed edges' arcs and loops, with their badges
            body = body.united(self.edges.curves().bounds.adjusted(-14, -10, 14, 10))
        return body

    def fit(self, width: float, height: float, max_scale: float,
            extra: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)) -> tuple[float, QRectF]:
        """The scale that shows the whole drawing with its texts in ``width`` × ``height``
        output units (at most ``max_scale``), and the scene rectangle then shown; ``extra``:
        room for more (output units: left, top, right, bottom). The texts keep their output
        size when the drawing is scaled down (labels.py), so the room they need depends on
        the scale: found by iterating from the largest scale the bodies allow, down."""
        body = self.body_rect()
        bw, bh = max(body.width(), 1.0), max(body.height(), 1.0)
        xl, xt, xr, xb = extra
        s = min(max_scale, width / bw, height / bh)
        for _ in range(30):
            el, et, er, eb = self.label_extents(s)
            fw = (width - xl - xr) / (bw + el + er)
            fh = (height - xt - xb) / (bh + et + eb)
            new = min(max_scale, fw, fh)
            if new <= 0:
                new = min(width / bw, height / bh) / 2
            if abs(new - s) < 1e-6 * s:
                break
            s = new
        s *= 0.999                           # the texts grow as the scale shrinks: stay inside
        el, et, er, eb = self.label_extents(s)
        return s, body.adjusted(-el - xl / s, -et - xt / s, er + xr / s, eb + xb / s)

    def sync_nodes_added(self, doc: Mapping, ids: Sequence[str]) -> None:
        for n in doc["network"]["nodes"]:
            if n["id"] in ids and n["id"] not in self.nodes:
                self._make_node(n)
        self.order = [n["id"] for n in doc["network"]["nodes"]]
        self._reindex()
        self._cache_mode()
        self.relayout_labels()

    def _cache_mode(self) -> None:
        mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache if len(self.nodes) > self.CACHE_NODES_ABOVE
                else QGraphicsItem.CacheMode.NoCache)
        for item in self.nodes.values():
            if item.cacheMode() != mode:
                item.setCacheMode(mode)

    def sync_nodes_removed(self, ids: Sequence[str]) -> None:
        for nid in ids:
            item = self.nodes.pop(nid, None)
            if item is not None:
                self.removeItem(item)
        self.order = [i for i in self.order if i in self.nodes]
        self._reindex()
        self.relayout_labels()

    def sync_node(self, doc: Mapping, node_id: str) -> None:
        for n in doc["network"]["nodes"]:
            if n["id"] == node_id and node_id in self.nodes:
                self.nodes[node_id].update_from(n)
                self.labels_changed()

    def sync_edges(self, doc: Mapping) -> None:
        pairs = [(e["source"], e["target"]) for e in doc["network"]["edges"]]
        given = np.array([e.get("weight") if e.get("weight") is not None else np.nan
                          for e in doc["network"]["edges"]], dtype=float)
        old = dict(zip(self.edges.pairs, self.edges.weights))
        weights = np.array([old.get(p, 0.0) for p in pairs], dtype=float)
        weights = np.where(np.isnan(given), weights, given)
        delays = [int(e.get("delay") or 0) for e in doc["network"]["edges"]]
        loops = {p for p, d in zip(pairs, delays) if d and p[0] == p[1]}
        had = {p for p, d in zip(self.edges.pairs, self.edges.delays) if d and p[0] == p[1]}
        self.edges.set_structure(pairs, self.index, self.positions, delays)
        if loops != had:
            self.labels_changed()           # a self-loop came or went: the texts give way
        self.edges.set_values(weights, np.zeros(len(pairs)))
        self._edge_map = None

    def node_moved(self, item: NodeItem) -> None:
        i = self.index.get(item.node_id)
        if i is not None and i < len(self.positions):
            self.positions[i] = (item.x(), item.y())
            self.edges.invalidate()
            self.labels_changed()

    # training state ------------------------------------------------------------------------
    def _maps(self, snap) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Indices from the snapshot's order into ours (None when they already agree)."""
        if self._edge_map is None or self._edge_map[0] is not snap.edges:
            if list(snap.edges) == self.edges.pairs:
                emap = None
            else:
                where = {p: i for i, p in enumerate(snap.edges)}
                emap = np.array([where.get(p, -1) for p in self.edges.pairs], dtype=np.intp)
            self._edge_map = (snap.edges, emap)
        if self._node_map is None or self._node_map[0] is not snap.node_ids:
            if list(snap.node_ids) == self.order:
                nmap = None
            else:
                where = {n: i for i, n in enumerate(snap.node_ids)}
                nmap = np.array([where.get(n, -1) for n in self.order], dtype=np.intp)
            self._node_map = (snap.node_ids, nmap)
        return self._edge_map[1], self._node_map[1]

    @staticmethod
    def _take(values: np.ndarray, mapping: np.ndarray | None, fill=0.0) -> np.ndarray:
        if mapping is None:
            return values
        out = np.full(len(mapping), fill, dtype=float)
        ok = mapping >= 0
        out[ok] = values[mapping[ok]]
        return out

    def apply_snapshot(self, snap, weights: np.ndarray | None = None,
                       grads: np.ndarray | None = None) -> None:
        """Thickness from the weights, colour from the gradients (or weights), node fills
        from the mean activation of the last batch, thumbnails, biases."""
        self._snapshot = snap
        emap, nmap = self._maps(snap)
        w = self._take(snap.weights if weights is None else weights, emap)
        if self.color_by == "weight":
            values = w
            self.color_scale = max(encoding.W_MAX / 2, 1e-12)
        else:
            g = self._take(snap.grads if grads is None else grads, emap)
            values = g
            self.color_scale = self._gradient_scale(snap, g)
        self._scaled_gradients = self.color_by != "weight"
        self.edges.set_values(w, values / self.color_scale)
        self._apply_nodes(snap, nmap)

    HOLD_DECAY = 0.97       # per snapshot: a peak of the gradient fades over ~2 s at 60 Hz

    def _gradient_scale(self, snap, g: np.ndarray) -> float:
        """The gradient that takes the end colour. One mini-batch's gradients jump tenfold
        from one frame to the next; scaled to each, every edge would flash between full and
        faint colour and the legend would change every frame. So the scale holds the recent
        peak (rising at once, fading slowly) and moves in nice steps (see steady_scale).
        A new network, a reset or a first step starts afresh."""
        key = (getattr(snap, "revision", None), len(g))
        fresh = (not self._scaled_gradients or key != self._hold_key
                 or snap.epoch < self._hold_epoch)
        self._hold_key, self._hold_epoch = key, snap.epoch
        finite = np.abs(g[np.isfinite(g)])
        if not finite.size or not finite.max() > 0:
            self._held = None                   # no gradient yet: nothing to hold
            return 1.0
        raw = encoding.symmetric_scale(g)
        # the mean gradient of a network at rest (converged, or stuck) is a small wobble
        # around zero next to what each mini-batch pulls: scaled to the wobble, edges would
        # swing between blue and gold. Never finer than the mini-batches' own typical size
        # (the last epoch's mean |∂J/∂w| per layer): a weight not pushed one way is grey.
        norms = np.asarray(getattr(snap, "layer_gradient_norms", ()), dtype=float)
        norms = norms[np.isfinite(norms)]
        if norms.size:
            raw = max(raw, float(norms.max()))
        if fresh or self._held is None:
            self._held = raw
            return encoding.steady_scale(None, raw)
        self._held = max(raw, self._held * self.HOLD_DECAY)
        return encoding.steady_scale(self.color_scale, self._held)

    def _apply_nodes(self, snap, nmap) -> None:
        biases = self._take(snap.biases, nmap, np.nan)
        act = self._take(self.node_values(snap), nmap, np.nan)
        thumbs = snap.extras.get("thumbnails") if self.thumbnails else None
        images = self._thumbnail_images(thumbs, nmap) if thumbs is not None else None
        cmap = encoding.diverging()
        for i, nid in enumerate(self.order):
            item = self.nodes[nid]
            b = biases[i]
            item.bias_value = None if not math.isfinite(b) else float(b)
            a = act[i]
            if math.isfinite(a):
                item.fill = cmap.color(self._normalise_activation(item, a))
            else:
                item.fill = None
            item.thumbnail = images[i] if images is not None else None
            item.update()

    def node_values(self, snap) -> np.ndarray:
        """What each neuron's fill shows (snapshot order): on sequences, its y at step
        ``time_step`` of the snapshot's chosen sequence (the last step when None); else its
        mean activation over the last batch."""
        seq = getattr(snap, "sequence", None)
        if seq is not None and seq.length:
            t = seq.length - 1 if self.time_step is None else min(max(self.time_step, 0), seq.length - 1)
            return seq.act[t]
        return snap.act.mean(axis=0) if snap.act.size else np.zeros(len(snap.node_ids))

    def _thumbnail_images(self, thumbs: np.ndarray, nmap) -> list[QImage | None]:
        """Every neuron's thumbnail in one vectorised pass: values scaled by the range of
        the neuron's activation, coloured, flipped (image row 0 is the largest x₂), and
        masked to the neuron's shape so painting needs no clip path."""
        items = [self.nodes[nid] for nid in self.order]
        idx = np.arange(len(items)) if nmap is None else np.asarray(nmap)
        ok = (idx >= 0) & (idx < len(thumbs))
        ranges = np.array([self._thumb_range(it) for it in items], dtype=float).reshape(-1, 2)
        lo, span = ranges[:, 0], np.maximum(ranges[:, 1] - ranges[:, 0], 1e-12)
        values = thumbs[np.where(ok, idx, 0)]
        u = 2 * (values - lo[:, None, None]) / span[:, None, None] - 1
        rgba = encoding.diverging().rgba(u[:, ::-1, :])
        res = thumbs.shape[-1]
        circle, square = _masks(res)
        for k, it in enumerate(items):
            rgba[k, ..., 3] = square if it.kind == "input" else circle
        out: list[QImage | None] = []
        for k in range(len(items)):
            if not ok[k]:
                out.append(None)
                continue
            img = np.ascontiguousarray(rgba[k])
            out.append(QImage(img.data, res, res, 4 * res, QImage.Format.Format_RGBA8888).copy())
        return out

    @staticmethod
    def _normalise_activation(item: NodeItem, a: float) -> float:
        if item.kind == "input":
            return float(np.tanh(a / 3.0))
        lo, hi = activations.get(item.activation).range
        if math.isfinite(lo) and math.isfinite(hi):
            return float(2 * (a - lo) / (hi - lo) - 1)
        return float(np.tanh(a))

    def _thumb_range(self, item: NodeItem) -> tuple[float, float]:
        if item.kind == "input":
            return (-1.0, 1.0)
        lo, hi = activations.get(item.activation).range
        return (lo, hi) if math.isfinite(lo) and math.isfinite(hi) else (-1.0, 1.0)

    def clear_training_state(self) -> None:
        self._snapshot = None
        for item in self.nodes.values():
            item.fill = None
            item.thumbnail = None
            item.caption = None
            item.flagged = False
            item.dead = False
            item.update()
        n = len(self.edges.pairs)
        self.edges.set_values(self.edges.weights if len(self.edges.weights) == n else np.zeros(n), np.zeros(n))


_MASKS: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _masks(res: int) -> tuple[np.ndarray, np.ndarray]:
    """Alpha masks (res×res, uint8) of a neuron's circle and of an input's rounded square."""
    if res not in _MASKS:
        c = (np.arange(res) + 0.5) / res * 2 - 1
        x, y = np.meshgrid(c, c)
        circle = np.clip((1.0 - np.hypot(x, y)) * res / 2 + 0.5, 0, 1)
        r = 7.0 / NODE_R                                     # the corner radius, relative
        dx, dy = np.maximum(np.abs(x) - (1 - r), 0), np.maximum(np.abs(y) - (1 - r), 0)
        square = np.clip((r - np.hypot(dx, dy)) * res / 2 + 0.5, 0, 1)
        _MASKS[res] = ((circle * 255).astype(np.uint8), (square * 255).astype(np.uint8))
    return _MASKS[res]


def thumbnail_image(values: np.ndarray, value_range: tuple[float, float]) -> QImage:
    """A node's output over the input plane as an image, top row = largest x₂ (the same
    orientation as the decision surface: ``values`` has row 0 at the smallest x₂)."""
    lo, hi = value_range
    span = hi - lo if hi > lo else 1.0
    if math.isfinite(span) and np.isfinite(values).any():
        u = 2 * (np.asarray(values, dtype=float) - lo) / span - 1
    else:
        u = np.tanh(np.asarray(values, dtype=float))
    rgba = encoding.diverging().rgba(u[::-1])         # flip: image row 0 is the top
    h, w = rgba.shape[:2]
    img = QImage(np.ascontiguousarray(rgba).data, w, h, 4 * w, QImage.Format.Format_RGBA8888)
    return img.copy()
