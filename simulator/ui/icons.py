"""Toolbar icons: the style's standard ones, and a few drawn here (no image files); the
application's own icon from resources/icons."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap
STANDARD = {
    "new": SP.SP_FileIcon, "open": SP.SP_DialogOpenButton, "save": SP.SP_DialogSaveButton,
    "undo": SP.SP_ArrowBack, "redo": SP.SP_ArrowForward, "play": SP.SP_MediaPlay,
    "pause": SP.SP_MediaPause, "step": SP.SP_MediaSkipForward, "next": SP.SP_MediaSeekForward,
    "previous": SP.SP_MediaSeekBackward, "reset": SP.SP_BrowserReload, "delete": SP.SP_TrashIcon,
}


APP_ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """nnsim's icon (a small network) at every size desktops ask for, drawn from
    resources/icons/nnsim.svg by scripts/make_icons.py."""
    icon = QIcon()
    for n in APP_ICON_SIZES:
        path = APP_ICONS / f"nnsim-{n}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


def _ink() -> QColor:
    return QApplication.palette().windowText().color()


def _drawn(paint) -> QIcon:
    pm = QPixmap(32, 32)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint(p, _ink())
    p.end()
    return QIcon(pm)


def _draw_mode(p: QPainter, ink: QColor) -> None:
    p.setPen(QPen(ink, 2.2))
    p.drawEllipse(QPointF(9, 16), 6, 6)
    p.drawEllipse(QPointF(24, 9), 5, 5)
    p.drawLine(QPointF(14.5, 13.5), QPointF(19.5, 10.5))
    p.drawLine(QPointF(24, 20), QPointF(24, 30))
    p.drawLine(QPointF(19, 25), QPointF(29, 25))


def _select_mode(p: QPainter, ink: QColor) -> None:
    path = QPainterPath(QPointF(8, 4))
    for x, y in ((8, 26), (13.5, 20.5), (18, 29), (22, 27), (17.5, 18.5), (25, 18.5)):
        path.lineTo(x, y)
    path.closeSubpath()
    p.setPen(QPen(ink, 1.6))
    p.setBrush(QColor(ink.red(), ink.green(), ink.blue(), 60))
    p.drawPath(path)


def _fit(p: QPainter, ink: QColor) -> None:
    p.setPen(QPen(ink, 2.2))
    for (x, y, dx, dy) in ((5, 5, 1, 1), (27, 5, -1, 1), (5, 27, 1, -1), (27, 27, -1, -1)):
        p.drawLine(QPointF(x, y), QPointF(x + 7 * dx, y))
        p.drawLine(QPointF(x, y), QPointF(x, y + 7 * dy))
    p.drawRect(QRectF(11, 11, 10, 10))


DRAWN = {"draw": _draw_mode, "select": _select_mode, "fit": _fit}


# the style draws these in black whatever the palette: on the dark theme they vanish, so they
# are recoloured with the palette's text colour (the others are coloured pictures that read on both)
MONOCHROME = {"undo", "redo", "play", "pause", "step", "next", "previous"}


def _tinted(icon: QIcon, ink: QColor) -> QIcon:
    out = QIcon()
    for size in (16, 22, 24, 32):
        pm = icon.pixmap(size, size)
        if pm.isNull():
            continue
        p = QPainter(pm)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        p.fillRect(pm.rect(), ink)
        p.end()
        out.addPixmap(pm)
    return out


def icon(name: str) -> QIcon:
    """The toolbar icon called NAME, in the current palette's ink."""
    if name in DRAWN:
        return _drawn(DRAWN[name])
    standard = QApplication.style().standardIcon(STANDARD[name])
    return _tinted(standard, _ink()) if name in MONOCHROME else standard
