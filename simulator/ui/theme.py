"""Light and dark themes for the whole application (Qt palette + pyqtgraph defaults)."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ..render import encoding


def apply(app: QApplication, name: str) -> None:
    t = encoding.theme(name)
    app.setStyle("Fusion")
    pal = QPalette()
    if name == "dark":
        base, alt, text, window = QColor("#22262e"), QColor("#2a2f38"), QColor("#e6e9ef"), QColor("#1b1e24")
        pal.setColor(QPalette.ColorRole.Window, window)
        pal.setColor(QPalette.ColorRole.WindowText, text)
        pal.setColor(QPalette.ColorRole.Base, base)
        pal.setColor(QPalette.ColorRole.AlternateBase, alt)
        pal.setColor(QPalette.ColorRole.Text, text)
        pal.setColor(QPalette.ColorRole.Button, QColor("#2c313b"))
        pal.setColor(QPalette.ColorRole.ButtonText, text)
        pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#2c313b"))
        pal.setColor(QPalette.ColorRole.ToolTipText, text)
        pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#98a2b3"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#1c7ed6"))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
        pal.setColor(QPalette.ColorRole.Link, QColor("#4dabf7"))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7280"))
    else:
        pal = app.style().standardPalette()
        pal.setColor(QPalette.ColorRole.Window, t.background)
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#1c7ed6"))
    app.setPalette(pal)
    # segmentedLineMode stays "auto": forcing it on would draw dashed curves (f', test loss) solid
    pg.setConfigOptions(background=t.plot_background, foreground=t.plot_foreground,
                        antialias=True, imageAxisOrder="row-major")
