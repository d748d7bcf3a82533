"""The unrolled view in the window's centre: the network copied over the last K steps of
the chosen sequence (simulator/render/unrolled.py). Hovering a connection highlights every
copy of it — one shared weight — and its tooltip says so; the wheel zooms, the view keeps
the whole unrolled network in sight until the user zooms."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView, QToolTip

from ..render.network import fmt
from ..render.unrolled import UnrolledNodeItem, UnrolledScene

ZOOM_MIN, ZOOM_MAX = 0.05, 4.0


class UnrolledView(QGraphicsView):
    painted = Signal()

    def __init__(self, theme: str = "light", parent=None):
        self.unrolled = UnrolledScene(theme)
        super().__init__(self.unrolled, parent)
        self.unrolled.setParent(self)
        self.setObjectName("unrolled-view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setMouseTracking(True)
        self.user_zoomed = False
        self.hovered: int | None = None          # the document edge highlighted

    # fitting ----------------------------------------------------------------------------------
    def fit(self) -> None:
        rect = self.unrolled.itemsBoundingRect()
        if rect.isEmpty():
            return
        rect.adjust(-20, -20, 20, 20)
        vp = self.viewport().rect()
        if vp.width() < 20 or vp.height() < 20:
            return
        scale = min(vp.width() / rect.width(), vp.height() / rect.height(), 1.6)
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self.user_zoomed = False

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if not self.user_zoomed:
            self.fit()

    def wheelEvent(self, event):
        delta = event.angleDelta().y()
        if not delta:
            return
        current = self.transform().m11()
        factor = min(max(1.0015 ** delta, ZOOM_MIN / current), ZOOM_MAX / current)
        self.scale(factor, factor)
        self.user_zoomed = True
        event.accept()

    def paintEvent(self, event):
        super().paintEvent(event)
        self.painted.emit()

    # hover: the shared weight ----------------------------------------------------------------------
    def edge_at(self, pos: QPointF) -> int | None:
        tol = 6.0 / max(self.transform().m11(), 1e-6)
        return self.unrolled.edges.edge_at(self.mapToScene(pos.toPoint()), tol)

    def highlight(self, edge: int | None) -> None:
        """Highlight every copy of the document edge behind unrolled edge ``edge``."""
        scene = self.unrolled
        base = None if edge is None else int(scene.edge_base[edge])
        if base == self.hovered:
            return
        self.hovered = base
        scene.edges.selected = set() if edge is None else {int(i) for i in scene.shared(edge)}
        scene.edges.update()

    def mouseMoveEvent(self, event):
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        pos = event.position()
        item = next((i for i in self.items(pos.toPoint()) if isinstance(i, UnrolledNodeItem)), None)
        edge = None if item is not None else self.edge_at(pos)
        self.highlight(edge)
        text = self.node_text(item) if item is not None else self.edge_text(edge) if edge is not None else ""
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self.viewport())
        else:
            QToolTip.hideText()

    def leaveEvent(self, event):
        self.highlight(None)
        super().leaveEvent(event)

    def edge_text(self, edge: int) -> str:
        scene = self.unrolled
        base = int(scene.edge_base[edge])
        s, t = scene.base_pairs[base]
        copies = len(scene.shared(edge))
        lines = [f"<b>{s} → {t}</b>",
                 self.tr("one shared weight w = %1, drawn in all %2 copies").replace(
                     "%1", fmt(float(scene.edges.weights[edge]), 4)).replace("%2", str(copies))]
        snap = scene._snapshot
        if snap is not None and (s, t) in snap.edges:
            g = float(snap.grads[snap.edges.index((s, t))])
            lines.append(self.tr("∂J/∂w = %1: the sum of what every step contributes").replace("%1", fmt(g, 4)))
        return "<br>".join(lines)

    def node_text(self, item: UnrolledNodeItem) -> str:
        scene = self.unrolled
        step = scene.first + item.step
        lines = [f"<b>{item.base_id}</b> — t = {step}"]
        snap = scene._snapshot
        seq = getattr(snap, "sequence", None)
        if seq is not None and item.base_id in snap.node_ids and step < seq.length:
            j = snap.node_ids.index(item.base_id)
            lines.append(f"g = {fmt(float(seq.pre[step, j]), 3)}")
            lines.append(f"y = f(g) = {fmt(float(seq.act[step, j]), 3)}")
            if item.kind != "input":
                lines.append(f"δ = ∂J/∂g = {fmt(float(seq.delta[step, j]), 3)}")
        return "<br>".join(lines)

    def shown_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

