"""The network drawing as a figure panel: the app's NetworkScene (same nodes, edges and
encoding), fitted into the panel with a caption line and the legend beside or below it."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter

from ..render import encoding
from ..render.legend import legend_size, paint_legend
from ..render.network import NODE_R, NetworkScene, NodeItem, fmt
from ..render.step_frames import draw_phase
from .captions import join, metrics_line
from .figure import Panel, TextSizes, draw_heading, heading_height
from .options import tr
from .vector_nodes import FigureNetworkScene

MAX_SCALE = 2.5            # a tiny network is not blown up to fill a slide
GAP = 10.0
CAPTION_ROOM = getattr(NodeItem, "CAPTION_W", 112.0) + 4   # a step's value boxes beside a neuron


def mark_health(scene: NetworkScene, snap) -> None:
    """As the window does: flag the layer where training diverged, dash dead ReLUs."""
    bad_layer = snap.diverged.layer if snap.diverged is not None else None
    dead = getattr(snap, "dead_nodes", None)
    for j, nid in enumerate(snap.node_ids):
        item = scene.nodes.get(nid)
        if item is not None:
            item.flagged = bad_layer is not None and int(snap.node_layer[j]) == bad_layer
            item.dead = bool(dead[j]) if dead is not None and j < len(dead) else False
            item.update()


class NetworkPanel(Panel):
    """The drawing of the network with its current weights, gradients and activations."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, legend: bool = True,
                 color_by: str = "gradient", caption: bool = True, heading: str = ""):
        super().__init__(rect, theme, sizes)
        self.scene = FigureNetworkScene(theme.name)
        self.scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)   # the figure paints the page
        self.scene.color_by = color_by
        self.show_legend = legend
        self.show_caption = caption
        self.heading = heading
        self.caption = ""
        self.step_mode = False              # leave room for the value boxes of a step
        self._doc_id = None

    # content -----------------------------------------------------------------------------
    def update(self, state) -> None:
        if self._doc_id != id(state.doc):
            self.scene.load(state.doc)
            self._doc_id = id(state.doc)
        snap = state.snapshot
        if snap is not None:
            self.scene.apply_snapshot(snap)
            mark_health(self.scene, snap)
        self.caption = metrics_line(snap)

    def show_phase(self, trace, snap, phases, index: int, progress: float) -> None:
        """One moment of the step animation (the app's own frame drawing)."""
        self.step_mode = True
        draw_phase(self.scene, trace, snap, phases, index, progress)
        what = phases[index].describe(trace.n_layers)
        if phases[index].time:           # through time: one sequence of the step
            self.caption = join(what, tr("training sequence %1").replace("%1", str(int(trace.rows[0]))))
            return
        x = ", ".join(fmt(float(v), 2) for v in np.atleast_1d(trace.x[0]))
        self.caption = join(what, tr("sample x = (%1)").replace("%1", x))

    # layout --------------------------------------------------------------------------------
    def source_rect(self) -> QRectF:
        """The drawing's extent from the neurons' positions (stable while captions come and
        go during an animation, unlike the items' bounding rectangle)."""
        pos = self.scene.positions
        if not len(pos):
            return QRectF(-100, -60, 200, 120)
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        side = NODE_R + 30                    # the labels above a neuron are this wide
        if self.step_mode:                    # value boxes: inputs on their left, others right
            side = max(side, NODE_R + 8 + CAPTION_ROOM)
        rect = QRectF(lo[0] - side, lo[1] - NODE_R - 20,
                      hi[0] - lo[0] + 2 * side, hi[1] - lo[1] + 2 * NODE_R + 40)
        edges = self.scene.edges
        if edges.delays.any():               # the delayed edges' arcs and loops, with their badges
            rect = rect.united(edges.curves().bounds.adjusted(-14, -10, 14, 10))
        return rect

    def _caption_height(self) -> float:
        return heading_height(self.sizes) if (self.heading or self.show_caption) else 0.0

    def layout(self) -> tuple[QRectF, QRectF | None, float]:
        """(drawing target, legend box or None, drawing scale): the legend goes below the
        drawing, beside it, or over an empty corner of it, whichever leaves it largest."""
        area = QRectF(self.rect)
        top = self._caption_height()
        if top:
            area.setTop(area.top() + top + 6)
        src = self.source_rect()
        k = self.sizes.legend_scale
        lw, lh = legend_size().width() * k, legend_size().height() * k
        if not (self.show_legend and self.scene.edges.pairs):
            return self._fit(src, area), None, self._scale(src, area)
        r = self.rect
        candidates = [
            (QRectF(area.left(), area.top(), area.width(), area.height() - lh - GAP),
             QRectF(r.left(), r.bottom() - lh, lw, lh)),
            (QRectF(area.left(), area.top(), area.width() - lw - GAP, area.height()),
             QRectF(r.right() - lw, r.bottom() - lh, lw, lh)),
        ]
        for corner in (QPointF(r.right() - lw, r.bottom() - lh), QPointF(r.left(), r.bottom() - lh),
                       QPointF(r.right() - lw, area.top()), QPointF(r.left(), area.top())):
            candidates.append((QRectF(area), QRectF(corner.x(), corner.y(), lw, lh)))
        best = None
        for i, (space, box) in enumerate(candidates):
            scale = self._scale(src, space)
            if scale <= 0:
                continue
            target = self._fit(src, space)
            if i >= 2 and self._covers(box, src, target):
                continue
            if best is None or scale > best[2] * 1.02:     # prefer the earlier, tidier, on ties
                best = (target, box, scale)
        if best is None:
            return self._fit(src, area), None, self._scale(src, area)
        return best

    def _fit(self, src: QRectF, space: QRectF) -> QRectF:
        scale = self._scale(src, space)
        w, h = src.width() * scale, src.height() * scale
        return QRectF(space.center().x() - w / 2, space.center().y() - h / 2, w, h)

    def _covers(self, box: QRectF, src: QRectF, target: QRectF) -> bool:
        """Would ``box`` (panel coordinates) hide a neuron, its labels or a connection?"""
        scale = target.width() / src.width()
        # the box in scene coordinates, with a margin
        pad = 6.0 / scale
        x0 = src.left() + (box.left() - target.left()) / scale - pad
        x1 = src.left() + (box.right() - target.left()) / scale + pad
        y0 = src.top() + (box.top() - target.top()) / scale - pad
        y1 = src.top() + (box.bottom() - target.top()) / scale + pad
        pos = self.scene.positions
        # neurons with their labels above and bias below
        if np.any((pos[:, 0] + NODE_R + 30 > x0) & (pos[:, 0] - NODE_R - 30 < x1)
                  & (pos[:, 1] + NODE_R + 18 > y0) & (pos[:, 1] - NODE_R - 18 < y1)):
            return True
        a, b = self.scene.edges.segments()
        if not len(a):
            return False
        t = np.linspace(0.0, 1.0, 24)[None, :, None]
        pts = a[:, None, :] + (b - a)[:, None, :] * t           # (E, 24, 2) points on each edge
        inside = (pts[..., 0] > x0) & (pts[..., 0] < x1) & (pts[..., 1] > y0) & (pts[..., 1] < y1)
        return bool(inside.any())

    @staticmethod
    def _scale(src: QRectF, area: QRectF) -> float:
        if area.width() <= 0 or area.height() <= 0:
            return 0.0
        return min(area.width() / src.width(), area.height() / src.height(), MAX_SCALE)

    def paint(self, painter: QPainter) -> None:
        target, legend, _ = self.layout()
        top = self._caption_height()
        if top:
            draw_heading(painter, QRectF(self.rect.left(), self.rect.top(), self.rect.width(), top),
                         self.heading, self.caption if self.show_caption else "", self.sizes, self.theme)
        self.scene.render(painter, target, self.source_rect(), Qt.AspectRatioMode.IgnoreAspectRatio)
        if legend is not None:
            painter.save()
            painter.translate(legend.topLeft())
            painter.scale(self.sizes.legend_scale, self.sizes.legend_scale)
            paint_legend(painter, QPointF(0, 0), self.theme, self.scene.color_by, self.scene.color_scale)
            painter.restore()
