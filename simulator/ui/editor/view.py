"""The network editor: a QGraphicsView over the shared NetworkScene, with the gestures.

Draw mode (default): click on empty canvas adds a neuron; drag from a neuron to another
connects them (a line follows the cursor; releasing on empty canvas cancels); click selects;
drag on empty canvas selects with a rubber band. Select mode: drag neurons to move them.
Both: wheel zooms under the mouse, middle-drag or space-drag pans, Del deletes, right-click
opens a context menu. Every change is an undoable command on the model's stack.
"""
from __future__ import annotations

import math

import shiboken6

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPainter
from PySide6.QtWidgets import QGraphicsView, QInputDialog, QMenu, QToolTip, QWidget

from ...document import edits
from ...engine import activations, features
from ...render import diagnosis, encoding, engine_text
from ...render.legend import legend_size, paint_legend
from ...render.network import NODE_R, NodeItem, NetworkScene, fmt
from .. import commands
from ..model import DocumentModel
from . import actions
from .connect_drag import ConnectDrag

DRAG_THRESHOLD = 4          # pixels before a press becomes a drag
ZOOM_MIN, ZOOM_MAX = 0.05, 4.0


class EditorView(QGraphicsView):
    selectionChanged = Signal(list, list)      # node ids, edge pairs
    statusMessage = Signal(str)
    nodeActivated = Signal(str)                # double-click / "show surface of this neuron"
    spaceTapped = Signal()                     # Space pressed and released without panning
    painted = Signal()                         # a frame of the canvas is on screen

    DRAW, SELECT = "draw", "select"

    def __init__(self, model: DocumentModel, scene: NetworkScene, parent=None):
        super().__init__(scene, parent)
        self.model = model
        self.net_scene = scene
        self.mode = self.DRAW
        self.add_kind = "hidden"          # what a click on the canvas adds in draw mode
        self.show_legend = True
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setMouseTracking(True)
        self.setSceneRect(QRectF(-5000, -5000, 10000, 10000))
        # panning and zooming replace the scroll bars (the canvas is unbounded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._press = None          # (kind, payload, view pos, scene pos)
        self.connect_drag = ConnectDrag(self)    # the line of a connection being dragged
        self._move_start: dict[str, tuple[float, float]] = {}
        self._panning: QPointF | None = None
        self._space = False
        self._hover = None
        self.user_zoomed = False          # fit on resize until the user zooms or pans
        scene.selectionChanged.connect(self._emit_selection)
        self.legend = LegendOverlay(self)
        scene.labelsLaidOut.connect(self.legend.refresh)

    # modes ------------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.mode = mode
        movable = mode == self.SELECT
        for item in self.net_scene.nodes.values():
            item.setFlag(NodeItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if mode == self.DRAW else Qt.CursorShape.ArrowCursor)

    def refresh_item_flags(self) -> None:
        self.set_mode(self.mode)

    @property
    def _temp_line(self):
        """The line of the connection being dragged (None when none is)."""
        return self.connect_drag.item

    # queries ----------------------------------------------------------------------------
    def node_at(self, view_pos) -> NodeItem | None:
        for item in self.items(view_pos.toPoint() if isinstance(view_pos, QPointF) else view_pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def edge_at(self, view_pos) -> int | None:
        tol = 5.0 / max(self.transform().m11(), 1e-6)
        return self.net_scene.edges.edge_at(self.mapToScene(view_pos.toPoint() if isinstance(view_pos, QPointF) else view_pos), tol)

    def selected_nodes(self) -> list[str]:
        return [i.node_id for i in self.net_scene.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[tuple[str, str]]:
        pairs = self.net_scene.edges.pairs
        return [pairs[i] for i in sorted(self.net_scene.edges.selected) if i < len(pairs)]

    def _emit_selection(self) -> None:
        if not shiboken6.isValid(self.net_scene):     # the scene is being destroyed
            return
        self.selectionChanged.emit(self.selected_nodes(), self.selected_edges())

    def select_edges(self, indices, add: bool = False) -> None:
        if not add:
            self.net_scene.clearSelection()
            self.net_scene.edges.selected = set()
        self.net_scene.edges.selected |= set(indices)
        self.net_scene.edges.update()
        self._emit_selection()

    def clear_selection(self) -> None:
        self.net_scene.edges.selected = set()
        self.net_scene.edges.update()
        self.net_scene.clearSelection()
        self._emit_selection()

    # mouse --------------------------------------------------------------------------------
    def mousePressEvent(self, event):
        pos = event.position()
        if event.button() == Qt.MouseButton.MiddleButton or (
                event.button() == Qt.MouseButton.LeftButton and self._space):
            self._panning = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        node = self.node_at(pos)
        scene_pos = self.mapToScene(pos.toPoint())
        if node is not None:
            self._press = ("node", node, pos, scene_pos)
            if self.mode == self.SELECT:
                if not node.isSelected() and not (event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                    self.clear_selection()
                super().mousePressEvent(event)     # Qt moves the selected items
                self._move_start = {i.node_id: (i.x(), i.y()) for i in self.net_scene.selectedItems()
                                    if isinstance(i, NodeItem)}
                self._move_start[node.node_id] = (node.x(), node.y())
            event.accept()
            return
        edge = self.edge_at(pos)
        if edge is not None:
            self._press = ("edge", edge, pos, scene_pos)
            event.accept()
            return
        self._press = ("empty", None, pos, scene_pos)
        if not (event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.net_scene.edges.selected = set()
            self.net_scene.edges.update()
        super().mousePressEvent(event)             # rubber band

    def mouseMoveEvent(self, event):
        pos = event.position()
        if self._panning is not None:
            d = pos - self._panning
            self._panning = pos
            self._space_panned = True
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - d.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - d.y()))
            self.user_zoomed = True
            event.accept()
            return
        if self._press is None:
            self._update_hover(pos, event.globalPosition().toPoint())
            super().mouseMoveEvent(event)
            return
        kind, payload, start, _ = self._press
        moved = (pos - start).manhattanLength() > DRAG_THRESHOLD
        if kind == "node" and self.mode == self.DRAW and (moved or self.connect_drag.active):
            self._drag_connection(payload, pos, event.modifiers())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def _drag_connection(self, source: NodeItem, pos: QPointF, modifiers=None) -> None:
        """The line follows the cursor and says what a release would make (connect_drag)."""
        if not self.connect_drag.active:
            self.connect_drag.begin(source)
        self.connect_drag.update(pos, modifiers)

    def mouseReleaseEvent(self, event):
        pos = event.position()
        if self._panning is not None:
            self._panning = None
            self.set_mode(self.mode)
            event.accept()
            return
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        kind, payload, start, scene_start = press
        moved = (pos - start).manhattanLength() > DRAG_THRESHOLD
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if kind == "node":
            if self.mode == self.DRAW:
                if self.connect_drag.active:
                    # a drag that came back onto its neuron is a self-loop, not a click
                    self.connect_drag.finish(pos, event.modifiers())
                elif moved:
                    self._finish_connection(payload, pos, event.modifiers())
                else:
                    self._click_select(payload, ctrl)
            else:
                super().mouseReleaseEvent(event)
                self._finish_move()
                if not moved:
                    self._click_select(payload, ctrl)
            event.accept()
            return
        if kind == "edge":
            if not moved:
                self.select_edges([payload], add=ctrl)
            event.accept()
            return
        super().mouseReleaseEvent(event)            # ends the rubber band
        if not moved and self.mode == self.DRAW:
            if self.selected_nodes() or self.net_scene.edges.selected:
                self.clear_selection()
            else:
                self.add_neuron(self.add_kind, scene_start)

    def _click_select(self, node: NodeItem, ctrl: bool) -> None:
        if ctrl:
            node.setSelected(not node.isSelected())
        else:
            self.net_scene.edges.selected = set()
            self.net_scene.edges.update()
            self.net_scene.clearSelection()
            node.setSelected(True)
        self._emit_selection()

    def _finish_connection(self, source: NodeItem, pos: QPointF, modifiers=None) -> None:
        """A release after a drag the view saw no move of: what the drag would offer there."""
        self.connect_drag.begin(source)
        self.connect_drag.finish(pos, modifiers)

    def _finish_move(self) -> None:
        start, self._move_start = self._move_start, {}
        new = {nid: (self.net_scene.nodes[nid].x(), self.net_scene.nodes[nid].y())
               for nid in start if nid in self.net_scene.nodes}
        changed = {k: v for k, v in new.items() if math.dist(v, start[k]) > 0.5}
        if changed:
            self.model.undo_stack.push(commands.MoveNodes(
                self.model, changed, {k: start[k] for k in changed}))

    def mouseDoubleClickEvent(self, event):
        node = self.node_at(event.position())
        if node is not None:
            self.nodeActivated.emit(node.node_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event):
        delta = event.angleDelta().y()
        if delta == 0:
            return
        factor = 1.0015 ** delta
        current = self.transform().m11()
        factor = min(max(factor, ZOOM_MIN / current), ZOOM_MAX / current)
        self.scale(factor, factor)
        self.user_zoomed = True
        self._scale_changed()
        event.accept()

    def event(self, event):
        # Space is the Play/Pause shortcut, but held down over the canvas it pans: take the
        # key here and decide on release (tap = play/pause, hold + drag = pan).
        from PySide6.QtCore import QEvent
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Space:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self._space_panned = False
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.connect_drag.active:
            self.connect_drag.cancel()
            self._press = None
            self.statusMessage.emit(self.tr("Connection cancelled"))
            return
        if event.key() == Qt.Key.Key_Shift and self.connect_drag.active:
            self.connect_drag.set_shift(True)       # Shift held: the connection will be delayed
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event):
        if event.key() == Qt.Key.Key_Shift and self.connect_drag.active:
            self.connect_drag.set_shift(False)
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.set_mode(self.mode)
            if not getattr(self, "_space_panned", False):
                self.spaceTapped.emit()
            event.accept()
            return
        super().keyReleaseEvent(event)

    # hover -------------------------------------------------------------------------------
    def _update_hover(self, pos: QPointF, global_pos) -> None:
        node = self.node_at(pos)
        target = ("node", node.node_id) if node is not None else None
        if target is None:
            e = self.edge_at(pos)
            target = ("edge", e) if e is not None else None
        self._hover = (target, global_pos)
        if target is None:
            QToolTip.hideText()
            return
        QToolTip.showText(global_pos, self.hover_text(target), self.viewport())

    def refresh_hover(self) -> None:
        """Keep an open tooltip's numbers live while training."""
        if self._hover and self._hover[0] is not None and QToolTip.isVisible():
            QToolTip.showText(self._hover[1], self.hover_text(self._hover[0]), self.viewport())

    def hover_text(self, target) -> str:
        kind, key = target
        scene = self.net_scene
        snap = scene._snapshot
        if kind == "edge":
            if key >= len(scene.edges.pairs):
                return ""
            s, t = scene.edges.pairs[key]
            w = scene.edges.weights[key]
            lines = [f"<b>{s} → {t}</b>", self.tr("weight w = %1").replace("%1", fmt(w, 4))]
            if key < len(scene.edges.delays) and scene.edges.delays[key]:
                lines.append(actions.delay_label(int(scene.edges.delays[key])))
            if snap is not None and (s, t) in snap.edges:
                g = snap.grads[snap.edges.index((s, t))]
                lines.append(self.tr("gradient ∂J/∂w = %1").replace("%1", fmt(g, 4)))
                source = diagnosis.gradient_source(snap)
                if source:
                    lines.append(f"<i>{source}</i>")
            return "<br>".join(lines)
        n = self.model.node(key) if self.model.has_node(key) else None
        if n is None:
            return ""
        kind = {"input": self.tr("input"), "hidden": self.tr("hidden"), "output": self.tr("output")}
        lines = [f"<b>{key}</b> — {kind.get(n.get('kind', 'hidden'), '')}"]
        if n.get("kind") == "input":
            lines.append(self.tr("feature %1").replace("%1", features.LABELS.get(n.get("feature", ""), n.get("feature", ""))))
        else:
            name = n.get("activation") or ("sigmoid" if n.get("kind") == "output" else "tanh")
            lines.append(f"{engine_text.activation_label(name)}: {engine_text.formula(name)}")
        seq = getattr(snap, "sequence", None)
        if snap is not None and key in snap.node_ids and seq is not None and seq.length:
            # sequences: the values of the step t the drawing shows
            j = snap.node_ids.index(key)
            t = seq.length - 1 if scene.time_step is None else min(max(scene.time_step, 0), seq.length - 1)
            lines.append(self.tr("at step t = %1:").replace("%1", str(t)))
            lines.append(f"g = {fmt(float(seq.pre[t, j]), 3)}, y = f(g) = {fmt(float(seq.act[t, j]), 3)}")
            if n.get("kind") != "input":
                lines.append(self.tr("δ = ∂J/∂g = %1").replace("%1", fmt(float(seq.delta[t, j]), 3)))
        elif snap is not None and key in snap.node_ids:
            j = snap.node_ids.index(key)
            if snap.pre.size:
                lines.append(self.tr("g = %1 (mean over the batch)").replace("%1", fmt(float(snap.pre[:, j].mean()), 3)))
                lines.append(self.tr("y = f(g) = %1").replace("%1", fmt(float(snap.act[:, j].mean()), 3)))
            if n.get("kind") != "input":
                lines.append(self.tr("bias b = %1").replace("%1", fmt(float(snap.biases[j]), 3)))
                if snap.delta.size:
                    lines.append(self.tr("δ = ∂J/∂g = %1").replace("%1", fmt(float(snap.delta[:, j].mean()), 3)))
        return "<br>".join(lines)

    # edits ---------------------------------------------------------------------------------
    def add_neuron(self, kind: str, scene_pos: QPointF) -> str:
        node = edits.make_node(self.model.doc, kind, (scene_pos.x(), scene_pos.y()))
        self.model.undo_stack.push(commands.AddNode(self.model, node))
        self.statusMessage.emit(self.tr("Added %1 — drag from it to another neuron to connect.")
                                .replace("%1", node["id"]))
        return node["id"]

    def delete_selection(self) -> None:
        nodes, pairs = self.selected_nodes(), self.selected_edges()
        if not nodes and not pairs:
            return
        self.net_scene.edges.selected = set()
        self.model.undo_stack.push(commands.RemoveItems(self.model, nodes, pairs))

    def select_all(self) -> None:
        for item in self.net_scene.nodes.values():
            item.setSelected(True)

    FIT_MAX_SCALE = 1.6          # a small network is not blown up beyond this

    def zoom_to_fit(self) -> None:
        """Show the whole drawing with its texts as large as the view allows, clear of the
        legend in the bottom-left corner. Until the user zooms or pans again, the view
        keeps fitting when it is resized."""
        self.user_zoomed = False
        vp = self.viewport().rect()
        scene = self.net_scene
        if vp.width() < 20 or vp.height() < 20:
            scale, rect = scene.fit(max(vp.width(), 1), max(vp.height(), 1), self.FIT_MAX_SCALE)
            self._show(scale, rect.center())
            return
        w, h = vp.width() - 16, vp.height() - 16
        scale, rect = scene.fit(w, h, self.FIT_MAX_SCALE)
        centre = rect.center()
        legend = self.legend.isVisible() and self.legend.width() > 0
        if legend and self._covers_legend(scale, rect, centre):
            # fit the drawing beside the legend or above it, whichever leaves it bigger
            lw, lh = self.legend.width() + 20, self.legend.height() + 20
            above = scene.fit(w, max(h - lh, 1), self.FIT_MAX_SCALE)
            beside = scene.fit(max(w - lw, 1), h, self.FIT_MAX_SCALE)
            if above[0] >= beside[0]:
                scale, rect = above
                centre = rect.center()
                centre.setY(centre.y() + lh / 2 / scale)
            else:
                scale, rect = beside
                centre = rect.center()
                centre.setX(centre.x() - lw / 2 / scale)
        self._show(scale, centre)

    def _show(self, scale: float, centre: QPointF) -> None:
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(centre)
        self._scale_changed()
        self.user_zoomed = False

    def _covers_legend(self, scale: float, rect: QRectF, centre: QPointF) -> bool:
        """Would a neuron or its texts lie under the legend with the drawing centred?"""
        vp = self.viewport().rect()
        legend = QRectF(self.legend.geometry().translated(-self.viewport().geometry().topLeft()))
        legend.adjust(-6, -6, 6, 6)
        # the legend's corner in scene units, with the drawing centred at this scale
        x0 = centre.x() + (legend.left() - vp.width() / 2) / scale
        x1 = centre.x() + (legend.right() - vp.width() / 2) / scale
        y0 = centre.y() + (legend.top() - vp.height() / 2) / scale
        y1 = centre.y() + (legend.bottom() - vp.height() / 2) / scale
        ml, mt, mr, mb = self.net_scene.label_extents(scale)
        p = self.net_scene.positions
        if not len(p):
            return False
        r = NODE_R
        hit = ((p[:, 0] - r - ml < x1) & (p[:, 0] + r + mr > x0)
               & (p[:, 1] - r - mt < y1) & (p[:, 1] + r + mb > y0))
        return bool(hit.any())

    def _scale_changed(self) -> None:
        """Tell the scene the scale (and, for a large drawing, what is in view): the texts
        keep a readable size and show where they have room."""
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        self.net_scene.set_view_scale(self.transform().m11(), rect)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._scale_changed()     # a large drawing's texts and a step's values follow the view

    # context menu ----------------------------------------------------------------------------
    def contextMenuEvent(self, event):
        pos = event.pos()
        node = self.node_at(QPointF(pos))
        menu = QMenu(self)
        if node is not None:
            if not node.isSelected():
                self.net_scene.clearSelection()
                node.setSelected(True)
            actions.fill_node_menu(menu, self, node.node_id)
        else:
            edge = self.edge_at(QPointF(pos))
            if edge is not None:
                self.select_edges([edge])
                s, t = self.net_scene.edges.pairs[edge]
                menu.addAction(self.tr("Set weight of %1 → %2…").replace("%1", s).replace("%2", t),
                               lambda: self.ask_weight(s, t))
                actions.add_delay_action(menu, self, s, t)
                menu.addAction(self.tr("Delete connection"), self.delete_selection)
            else:
                scene_pos = self.mapToScene(pos)
                for kind, text in (("input", self.tr("Add input neuron here")),
                                   ("hidden", self.tr("Add hidden neuron here")),
                                   ("output", self.tr("Add output neuron here"))):
                    menu.addAction(text, lambda k=kind: self.add_neuron(k, scene_pos))
                menu.addSeparator()
                actions.fill_canvas_menu(menu, self)
        menu.exec(event.globalPos())

    def ask_weight(self, source: str, target: str) -> None:
        i = self.net_scene.edges.pairs.index((source, target))
        current = float(self.net_scene.edges.weights[i])
        value, ok = QInputDialog.getDouble(self, self.tr("Connection weight"),
                                           f"w({source} → {target})", current, -1e6, 1e6, 4)
        if ok:
            self.model.undo_stack.push(commands.SetEdgeWeight(self.model, source, target, value))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.legend.place()
        if not self.user_zoomed:
            self.zoom_to_fit()

    def paintEvent(self, event):
        super().paintEvent(event)
        self.painted.emit()


class LegendOverlay(QWidget):
    """The legend of the drawing, fixed at the bottom-left of the view (a child widget, so
    scrolling the canvas never smears it)."""

    def __init__(self, view: EditorView):
        # a child of the view, not of its viewport: scrolling moves the viewport's children
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # opaque: repainting a translucent child repaints the canvas under it as well
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.resize(legend_size())
        self.place()

    def refresh(self, force: bool = False) -> None:
        """Repaint only when what the legend says has changed (the colour scale moves a
        little every step; a repaint of this translucent box repaints the canvas under it)."""
        scene = self.view.net_scene
        shown = (scene.color_by, fmt(scene.color_scale, 2), self.note(), scene.theme.name)
        if force or shown != getattr(self, "_shown", None):
            self._shown = shown
            self.place()
            self.update()

    def note(self) -> str:
        hidden = self.view.net_scene.hidden_captions()
        if hidden:
            return self.tr("zoom in to read this step's values (%1 have no room at this scale)") \
                .replace("%1", str(hidden))
        edges = self.view.net_scene.edges
        if edges.drawn_count < len(edges.pairs):
            return self.tr("showing the %1 heaviest of %2 connections in view; zoom in for more") \
                .replace("%1", f"{edges.drawn_count}").replace("%2", f"{len(edges.pairs)}")
        return ""

    def place(self) -> None:
        size = legend_size()
        if self.note():
            size.setHeight(size.height() + 30)
        self.resize(size)
        vp = self.view.viewport().geometry()
        self.move(vp.left() + 10, max(vp.bottom() - self.height() - 10, vp.top()))
        visible = self.view.show_legend and bool(self.view.net_scene.edges.pairs)
        if visible != self.isVisible():
            self.setVisible(visible)
            self.raise_()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene = self.view.net_scene
        p.fillRect(self.rect(), scene.theme.canvas)
        paint_legend(p, QPointF(0, 0), scene.theme, scene.color_by, scene.color_scale)
        note = self.note()
        if note:
            p.setPen(scene.theme.muted)
            font = p.font()
            font.setPointSizeF(7.5)
            p.setFont(font)
            p.drawText(QRectF(8, legend_size().height() - 4, self.width() - 12, 32),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), note)
        p.end()
