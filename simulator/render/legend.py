"""The legend of the network drawing: what colour and thickness mean, with the scale."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPen

from ..translate import tr
from . import encoding
from .network import fmt

WIDTH, HEIGHT = 236, 92


def legend_size() -> QSize:
    return QSize(WIDTH, HEIGHT)


def paint_legend(painter: QPainter, origin: QPointF, theme: encoding.Theme, color_by: str,
                 scale: float) -> None:
    """Draw the legend with its top-left corner at ``origin`` (device coordinates)."""
    x0, y0 = origin.x(), origin.y()
    box = QRectF(x0, y0, WIDTH, HEIGHT)
    bg = QColor(theme.canvas)
    bg.setAlphaF(0.92)
    painter.setPen(QPen(theme.grid, 1.0))
    painter.setBrush(bg)
    painter.drawRoundedRect(box, 6, 6)
    font = QFont()
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(theme.text)
    what = tr("colour: gradient ∂J/∂w") if color_by == "gradient" else tr("colour: weight w")
    painter.drawText(QRectF(x0 + 8, y0 + 5, WIDTH - 16, 14), Qt.AlignmentFlag.AlignLeft, what)
    # colour bar: the edges' map, negative … zero … positive
    colors = encoding.edge_colors(theme.name)
    bar = QRectF(x0 + 8, y0 + 22, WIDTH - 16, 9)
    grad = QLinearGradient(bar.left(), 0, bar.right(), 0)
    for k in np.linspace(0, len(colors) - 1, 9).astype(int):
        grad.setColorAt(k / (len(colors) - 1), colors[k])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(grad)
    painter.drawRect(bar)
    painter.setPen(theme.muted)
    label_w = 70.0
    for frac, value in ((0.0, -scale), (0.5, 0.0), (1.0, scale)):
        if frac == 0:
            rect, align = QRectF(bar.left(), bar.bottom() + 1, label_w, 12), Qt.AlignmentFlag.AlignLeft
        elif frac == 1:
            rect, align = QRectF(bar.right() - label_w, bar.bottom() + 1, label_w, 12), Qt.AlignmentFlag.AlignRight
        else:
            rect, align = QRectF(bar.center().x() - label_w / 2, bar.bottom() + 1, label_w, 12), Qt.AlignmentFlag.AlignHCenter
        painter.drawText(rect, align, fmt(value, 2))
    # thickness: |w| samples
    painter.setPen(theme.text)
    painter.drawText(QRectF(x0 + 8, y0 + 47, WIDTH - 16, 14), Qt.AlignmentFlag.AlignLeft, tr("thickness: |w|"))
    xs = np.linspace(x0 + 14, x0 + WIDTH - 40, 4)
    for x, w in zip(xs, (0.25, 1.0, 2.0, encoding.W_MAX)):
        pen = QPen(theme.node_outline, encoding.width_for(w))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, y0 + 70), QPointF(x + 26, y0 + 70))
        painter.setPen(theme.muted)
        label = fmt(w, 2) + ("+" if w == encoding.W_MAX else "")
        painter.drawText(QRectF(x - 4, y0 + 75, 36, 12), Qt.AlignmentFlag.AlignHCenter, label)
