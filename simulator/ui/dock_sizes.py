"""Docks that come back to their size after the window was made small.

QMainWindow gives every pixel a growing window gains to the central widget: after the
window is shrunk and enlarged again, the panels stay squeezed ("Bi", "Gr", "Data | T…").
DockSizeKeeper notes the docks' sizes when the window starts to shrink and gives them back
when it grows again (as far as the window then allows); side panels also keep a minimum
width so their controls stay readable while the window is small.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

SIDE_MIN_WIDTH = 170        # a side panel's controls stay legible

_SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)


class DockSizeKeeper(QObject):
    """Notes the docks' sizes whenever the window is at least as large as when they were
    last noted (a dock resized by the user, a larger window), never while it is smaller;
    when the window grows again, the docks get the noted sizes back."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.noted: dict[QDockWidget, int] = {}
        self.noted_for: QSize | None = None      # the window size the sizes were noted at
        self.last = QSize(window.size())
        self._pending = False
        for dock in window.findChildren(QDockWidget):
            set_minimum(window, dock)
            dock.installEventFilter(self)
        window.installEventFilter(self)

    def shown_docks(self) -> list[QDockWidget]:
        # a tab behind another is moved out of the window, with a stale size
        return [d for d in self.window.findChildren(QDockWidget)
                if d.isVisible() and not d.isFloating() and self.window.rect().intersects(d.geometry())]

    def sizes(self) -> dict[QDockWidget, int]:
        """Width of each docked side panel, height of each bottom or top one (shown ones)."""
        return {d: d.width() if self.window.dockWidgetArea(d) in _SIDES else d.height()
                for d in self.shown_docks()}

    def eventFilter(self, obj, event) -> bool:     # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and not self._pending:
            self._pending = True                   # once the layout has settled
            QTimer.singleShot(0, self._settle)
        return False

    def _settle(self) -> None:
        self._pending = False
        size = self.window.size()
        grew = size.width() > self.last.width() or size.height() > self.last.height()
        self.last = QSize(size)
        if grew and self.noted:
            self.restore()
            self._pending = True                   # note the sizes once they are applied
            QTimer.singleShot(0, self._settle)
            return
        if self.noted_for is None or (size.width() >= self.noted_for.width()
                                      and size.height() >= self.noted_for.height()):
            self.noted, self.noted_for = self.sizes(), QSize(size)

    def restore(self) -> None:
        """Give the docks their noted sizes back (Qt keeps them within what fits)."""
        shown = self.shown_docks()
        docks = [d for d in self.noted if d in shown]
        side = [d for d in docks if self.window.dockWidgetArea(d) in _SIDES]
        rows = [d for d in docks if d not in side]
        if side:
            self.window.resizeDocks(side, [self.noted[d] for d in side], Qt.Orientation.Horizontal)
        if rows:
            self.window.resizeDocks(rows, [self.noted[d] for d in rows], Qt.Orientation.Vertical)


def set_minimum(window: QMainWindow, dock: QDockWidget) -> None:
    if window.dockWidgetArea(dock) in _SIDES:
        dock.setMinimumWidth(SIDE_MIN_WIDTH)
