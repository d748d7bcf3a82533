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
from .figure import FIGURE_TEXT, Panel, TextSizes, draw_heading, heading_height
from .options import tr
from .vector_nodes import FigureNetworkScene

MAX_SCALE = 2.5            # a tiny network is not blown up to fill a slide
GAP = 10.0
CAPTION_ROOM = 120.0       # a step's value boxes beside a neuron (output units)


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
    def extra(self) -> tuple[float, float, float, float]:
        """Room beyond the neurons' own texts (output units): a step's value boxes beside
        the neurons (inputs on their left, others on their right)."""
        if self.step_mode:
            side = CAPTION_ROOM * self.scene.text_scale + 8
            return (side, 0.0, side, 0.0)
        return (0.0, 0.0, 0.0, 0.0)

    def fit(self, space: QRectF) -> tuple[QRectF, QRectF, float]:
        """(target in the panel, source rectangle of the scene, scale) for ``space``."""
        if space.width() <= 0 or space.height() <= 0:
            return QRectF(), QRectF(), 0.0
        scale, src = self.scene.fit(space.width(), space.height(), MAX_SCALE, self.extra())
        w, h = src.width() * scale, src.height() * scale
        target = QRectF(space.center().x() - w / 2, space.center().y() - h / 2, w, h)
        return target, src, scale

    def source_rect(self) -> QRectF:
        """The part of the scene drawn (the neurons and their texts), as laid out last."""
        return self.layout()[3]

    def _caption_height(self) -> float:
        return heading_height(self.sizes) if (self.heading or self.show_caption) else 0.0

    def layout(self) -> tuple[QRectF, QRectF | None, float, QRectF]:
        """(drawing target, legend box or None, drawing scale, scene source): the legend goes
        below the drawing, beside it, or over an empty corner of it, whichever leaves it
        largest."""
        # a slide's texts a little larger, as its other text (not as much: a deep network
        # would have room for fewer of its neurons' names)
        self.scene.text_scale = 1.0 + 0.5 * (self.sizes.label / FIGURE_TEXT.label - 1.0)
        area = QRectF(self.rect)
        top = self._caption_height()
        if top:
            area.setTop(area.top() + top + 6)
        k = self.sizes.legend_scale
        lw, lh = legend_size().width() * k, legend_size().height() * k
        if not (self.show_legend and self.scene.edges.pairs):
            target, src, scale = self.fit(area)
            return target, None, scale, src
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
            target, src, scale = self.fit(space)
            if scale <= 0:
                continue
            if i >= 2 and self._covers(box, src, target):
                continue
            if best is None or scale > best[2] * 1.02:     # prefer the earlier, tidier, on ties
                best = (target, box, scale, src)
        if best is None:
            target, src, scale = self.fit(area)
            return target, None, scale, src
        return best

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
        ml, mt, mr, mb = self.scene.label_extents(scale)
        xl, xt, xr, xb = (v / scale for v in self.extra())
        ml, mt, mr, mb = ml + xl, mt + xt, mr + xr, mb + xb
        # neurons with their texts
        if np.any((pos[:, 0] + NODE_R + mr > x0) & (pos[:, 0] - NODE_R - ml < x1)
                  & (pos[:, 1] + NODE_R + mb > y0) & (pos[:, 1] - NODE_R - mt < y1)):
            return True
        a, b = self.scene.edges.segments()
        if not len(a):
            return False
        t = np.linspace(0.0, 1.0, 24)[None, :, None]
        pts = a[:, None, :] + (b - a)[:, None, :] * t           # (E, 24, 2) points on each edge
        inside = (pts[..., 0] > x0) & (pts[..., 0] < x1) & (pts[..., 1] > y0) & (pts[..., 1] < y1)
        return bool(inside.any())

    def paint(self, painter: QPainter) -> None:
        target, legend, scale, src = self.layout()
        top = self._caption_height()
        if top:
            draw_heading(painter, QRectF(self.rect.left(), self.rect.top(), self.rect.width(), top),
                         self.heading, self.caption if self.show_caption else "", self.sizes, self.theme)
        if scale > 0:
            self.scene.set_view_scale(scale)    # the texts at the page's sizes, where they fit
            self.scene.render(painter, target, src, Qt.AspectRatioMode.IgnoreAspectRatio)
        if legend is not None:
            painter.save()
            painter.translate(legend.topLeft())
            painter.scale(self.sizes.legend_scale, self.sizes.legend_scale)
            paint_legend(painter, QPointF(0, 0), self.theme, self.scene.color_by, self.scene.color_scale)
            painter.restore()
