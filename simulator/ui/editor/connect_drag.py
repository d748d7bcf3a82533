"""Dragging a connection from a neuron: the line that follows the cursor, what releasing
would make, and the undoable command on release.

Over a neuron the line says what a release makes, by its pattern (not only its colour,
for colour-blind users) and in the status bar:
  dashed           still looking (empty canvas)
  solid            an ordinary connection (hold Shift to make it delayed instead)
  curved, dash-dot a delayed (recurrent) connection, ``z⁻¹``: the drag would close a cycle
                   within a step, or it came back onto its own neuron (a self-loop), or
                   Shift is held
  dotted, warning  refused (the status bar says why)
So a cycle is never just refused: the drag offers the delayed edge, and releasing takes it.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsPathItem

from ...document import edits
from ...render import delayed_edges, engine_text
from ...render.network import NODE_R, NodeItem
from ...translate import tr
from .. import commands

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _loop_path(centre: QPointF) -> QPainterPath:
    """A self-loop above a neuron at ``centre`` (the drawing's own geometry)."""
    p = np.array([[centre.x(), centre.y()]])
    curves = delayed_edges.Curves(p, np.array([0]), np.array([0]), np.array([1]), NODE_R)
    return curves.path(0)


def _arc_path(a: QPointF, b: QPointF) -> QPainterPath:
    """The arc a delayed edge from a neuron at ``a`` to one at ``b`` is drawn with."""
    p = np.array([[a.x(), a.y()], [b.x(), b.y()]])
    curves = delayed_edges.Curves(p, np.array([0]), np.array([1]), np.array([1]), NODE_R)
    return curves.path(0)


class ConnectDrag(QObject):
    """One drag from ``source`` at a time (``begin`` … ``update`` … ``finish``/``cancel``)."""

    LOOKING, PLAIN, DELAYED, REFUSED = "looking", "plain", "delayed", "refused"

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.item: QGraphicsPathItem | None = None
        self.source: NodeItem | None = None
        self.left_source = False          # the cursor has been off the source neuron
        self.state = self.LOOKING
        self.target: NodeItem | None = None
        self.cycle: list[str] | None = None
        self._message = ""
        self._pos: QPointF | None = None
        self.shift_held = False

    @property
    def active(self) -> bool:
        return self.item is not None

    def begin(self, source: NodeItem) -> None:
        self.cancel()
        self.source = source
        self.left_source = False
        self.shift_held = False
        item = QGraphicsPathItem()
        item.setZValue(5)
        self.view.net_scene.addItem(item)
        self.item = item

    def _say(self, text: str) -> None:
        if text != self._message:
            self._message = text
            if text:
                self.view.statusMessage.emit(text)

    def set_shift(self, held: bool) -> None:
        """Shift pressed or released during the drag (a key event's own modifiers are not
        reliable for the modifier key itself)."""
        self.shift_held = held
        self.update(None)

    def _delayed_wanted(self, modifiers=None) -> bool:
        mods = QApplication.keyboardModifiers() if modifiers is None else modifiers
        return self.shift_held or bool(mods & SHIFT)

    def update(self, pos: QPointF | None = None, modifiers=None) -> None:
        """The cursor is at ``pos`` (viewport coordinates; None: where it was, e.g. Shift
        was pressed or released)."""
        if self.item is None or self.source is None:
            return
        if pos is None:
            pos = self._pos
            if pos is None:
                return
        self._pos = QPointF(pos)
        view, source = self.view, self.source
        end = view.mapToScene(pos.toPoint())
        target = view.node_at(pos)
        if target is not source:
            self.left_source = True
        s = source.node_id
        t = view.net_scene.theme
        self.target, self.cycle = target, None
        if target is None or (target is source and not self.left_source):
            self.state = self.LOOKING
            path = QPainterPath(source.pos())
            path.lineTo(end)
            self._style(t.accent, Qt.PenStyle.DashLine, 2.0, path)
            self._say(tr("Release on a neuron to connect %1; back on %1 for a self-loop").replace("%1", s))
            return
        kind, cycle, why = edits.connection_offer(view.model.doc, s, target.node_id)
        if why:
            self.state = self.REFUSED
            path = QPainterPath(source.pos())
            path.lineTo(end)
            self._style(t.warning, Qt.PenStyle.DotLine, 2.0, path)
            self._say(tr("Cannot connect %1 → %2: %3").replace("%1", s).replace("%2", target.node_id)
                      .replace("%3", engine_text.refusal(why)))
            return
        self.cycle = cycle
        if kind == "plain" and not self._delayed_wanted(modifiers):
            self.state = self.PLAIN
            path = QPainterPath(source.pos())
            path.lineTo(end)
            self._style(t.accent, Qt.PenStyle.SolidLine, 3.0, path)
            self._say(tr("Release to connect %1 → %2 (hold Shift to make it a delayed, recurrent edge)")
                      .replace("%1", s).replace("%2", target.node_id))
            return
        self.state = self.DELAYED
        if target is source:
            path = _loop_path(source.pos())
            text = tr("Release to make a self-loop on %1: a delayed (recurrent) edge, %1 reads its own "
                      "value of the previous step").replace("%1", s)
        else:
            path = _arc_path(source.pos(), target.pos())
            if cycle:
                text = tr("%1 → %2 would close the cycle %3 within a step: release to make it a delayed "
                          "(recurrent) edge, which reads %1 of the previous step (Esc cancels)")
                text = text.replace("%3", " → ".join(cycle))
            else:
                text = tr("Release to connect %1 → %2 as a delayed (recurrent) edge: it reads %1 of the "
                          "previous step")
            text = text.replace("%1", s).replace("%2", target.node_id)
        self._style(t.accent, Qt.PenStyle.DashDotLine, 3.0, path)
        self._say(text)

    def _style(self, color, style, width: float, path: QPainterPath) -> None:
        pen = QPen(color, width, style)
        pen.setCosmetic(True)
        self.item.setPen(pen)
        self.item.setPath(path)

    def finish(self, pos: QPointF, modifiers=None) -> bool:
        """Release at ``pos``: make what the line offered (one undoable command); True if
        something was made."""
        if self.item is None or self.source is None:
            return False
        self.update(pos, modifiers)
        source, target, state, cycle = self.source, self.target, self.state, self.cycle
        self.cancel()
        view, model = self.view, self.view.model
        s = source.node_id
        if state == self.LOOKING or target is None:
            view.statusMessage.emit(tr("Connection cancelled: release on a neuron to connect."))
            return False
        if state == self.REFUSED:
            return False                  # the reason is already in the status bar
        t = target.node_id
        if state == self.PLAIN:
            model.undo_stack.push(commands.AddEdges(model, [(s, t)]))
            view.statusMessage.emit(tr("Connected %1 → %2").replace("%1", s).replace("%2", t))
            return True
        model.undo_stack.push(commands.AddDelayedEdge(model, s, t, 1))
        if s == t:
            text = tr("Added a self-loop on %1 (delayed: the previous step). Ctrl+Z undoes it.")
        elif cycle:
            text = tr("Connected %1 → %2 as a delayed edge: it closes the cycle %3 across time steps. "
                      "Ctrl+Z undoes it.").replace("%3", " → ".join(cycle))
        else:
            text = tr("Connected %1 → %2 as a delayed edge (the previous step). Ctrl+Z undoes it.")
        view.statusMessage.emit(text.replace("%1", s).replace("%2", t))
        return True

    def cancel(self) -> None:
        if self.item is not None:
            self.view.net_scene.removeItem(self.item)
        self.item = None
        self.source = None
        self.target = None
        self._message = ""
        self._pos = None

