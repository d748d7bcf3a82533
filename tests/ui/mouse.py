"""Mouse events sent to a widget (the view's viewport), as pyqtgraph's tests do: QTest
cannot hold a button down during a move, so moves are built by hand."""
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.MouseButton.NoButton


def _send(widget, kind, pos, button, buttons, modifiers=Qt.KeyboardModifier.NoModifier):
    pos = QPointF(pos)
    ev = QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos.toPoint())), button, buttons, modifiers)
    QApplication.sendEvent(widget, ev)


def press(widget, pos, button=LEFT, modifiers=Qt.KeyboardModifier.NoModifier):
    _send(widget, QEvent.Type.MouseButtonPress, pos, button, button, modifiers)


def move(widget, pos, buttons=NONE):
    _send(widget, QEvent.Type.MouseMove, pos, NONE, buttons)


def release(widget, pos, button=LEFT, modifiers=Qt.KeyboardModifier.NoModifier):
    _send(widget, QEvent.Type.MouseButtonRelease, pos, button, NONE, modifiers)


def click(widget, pos, button=LEFT, modifiers=Qt.KeyboardModifier.NoModifier):
    press(widget, pos, button, modifiers)
    release(widget, pos, button, modifiers)


def drag(widget, start, end, steps=6, button=LEFT):
    start, end = QPointF(start), QPointF(end)
    press(widget, start, button)
    for k in range(1, steps + 1):
        move(widget, start + (end - start) * (k / steps), button)
    release(widget, end, button)


def at(view, x, y) -> QPoint:
    """The viewport position of a scene point."""
    return view.mapFromScene(QPointF(x, y))
