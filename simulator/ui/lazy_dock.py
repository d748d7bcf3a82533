"""Docks whose panel is built the first time the dock is shown.

Panels behind another tab at start-up (Data, Training, Inspector) cost start-up time and
memory for nothing until the user looks at them. A LazyPanel stands in the dock: it builds
the real panel (``factory()``) when the dock first becomes visible — its tab chosen, View ▸
Panels, a lesson raising it — or when code asks for it (``panel()``), then calls
``on_built(panel)`` once so the window wires the panel's signals and brings it up to date
(selection, latest snapshot). Until then the window sends it nothing: see
``MainWindow.add_lazy_dock`` for how a dock plugs in.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget


class LazyPanel(QWidget):
    """The content of a dock until its panel is built, then the panel's holder."""

    def __init__(self, factory: Callable[[], QWidget],
                 on_built: Callable[[QWidget], None] | None = None, parent=None):
        super().__init__(parent)
        self._factory = factory
        self._on_built = on_built
        self._panel: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def attach(self, dock: QDockWidget) -> None:
        """Build when ``dock`` is first shown (a tab behind another is not shown)."""
        dock.visibilityChanged.connect(lambda visible: visible and self.panel())

    @property
    def built(self) -> bool:
        return self._panel is not None

    def panel_if_built(self) -> QWidget | None:
        return self._panel

    def panel(self) -> QWidget:
        """The panel, built now if it was not yet."""
        if self._panel is None:
            self._panel = self._factory()
            self.layout().addWidget(self._panel)
            if self._on_built is not None:
                self._on_built(self._panel)
        return self._panel
