"""Neurons whose thumbnails are drawn as vector cells, so an exported network is vector
throughout (SVG/PDF hold no embedded bitmap) and looks the same in every format.

The app's NodeItem paints a neuron's thumbnail (its output over the input plane) with
``painter.drawImage`` inside a clip to the neuron's outline. Here NodeItem.paint runs
unchanged on a stand-in painter that forwards every call to the real one except those two:
the image becomes one filled path per colour (the thumbnails use the 64 colours of the
diverging map), cut to the outline geometrically. No clip reaches the painter: Qt's SVG
writer does not restore an outer clip after an inner one (the labels drawn next would be
clipped away) and writes intersected clips as pixel staircases."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

from ..render.network import NetworkScene, NodeItem

OVERLAP = 0.3      # of a cell: neighbouring cells overlap so no hairline seams show


def image_cells(image: QImage) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Horizontal runs of equal colour: (row, first column, length, colour key) and the
    image's (height, width). Colour key = 0xRRGGBB."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    h, w = img.height(), img.width()
    buf = np.frombuffer(img.constBits(), dtype=np.uint32, count=h * img.bytesPerLine() // 4)
    keys = buf.reshape(h, -1)[:, :w] & 0xFFFFFF
    start = np.ones((h, w), dtype=bool)
    start[:, 1:] = keys[:, 1:] != keys[:, :-1]
    rows, cols = np.nonzero(start)
    flat = rows * w + cols
    ends = np.r_[flat[1:], h * w]
    ends = np.minimum(ends, (rows + 1) * w)          # a run never crosses a row end
    return rows, cols, ends - flat, keys[rows, cols], np.array([h, w])


def paint_vector_image(painter: QPainter, target: QRectF, image: QImage,
                       clip: QPainterPath | None = None) -> None:
    """``image`` stretched over ``target`` as filled rectangles, one path per colour, cut
    to ``clip`` (same coordinates) when given."""
    if image.isNull():
        return
    rows, cols, lengths, keys, (h, w) = image_cells(image)
    cw, ch = target.width() / w, target.height() / h
    x0, y0 = target.left(), target.top()
    order = np.argsort(keys, kind="stable")
    keys_sorted = keys[order]
    bounds = np.flatnonzero(np.r_[True, keys_sorted[1:] != keys_sorted[:-1], True])
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for a, b in zip(bounds[:-1], bounds[1:]):
        idx = order[a:b]
        inside, edge = QPainterPath(), QPainterPath()
        inside.setFillRule(Qt.FillRule.WindingFill)     # overlapping cells add, never cancel
        edge.setFillRule(Qt.FillRule.WindingFill)
        for r, c, n in zip(rows[idx].tolist(), cols[idx].tolist(), lengths[idx].tolist()):
            cell = QRectF(x0 + c * cw, y0 + r * ch, (n + OVERLAP) * cw, (1 + OVERLAP) * ch)
            # only the cells across the outline need the (costly) path intersection
            (inside if clip is None or clip.contains(cell) else edge).addRect(cell)
        color = QColor(int(keys_sorted[a]) | 0xFF000000)
        if not inside.isEmpty():
            painter.fillPath(inside, color)
        if not edge.isEmpty():
            painter.fillPath(edge.intersected(clip), color)
    painter.restore()


class _VectorImages:
    """A QPainter for NodeItem.paint: images become vector cells, clips are kept here and
    applied geometrically (see the module's docstring)."""

    def __init__(self, painter: QPainter):
        self._painter = painter
        self._clip: QPainterPath | None = None

    def __getattr__(self, name):
        return getattr(self._painter, name)

    def setClipPath(self, path, *rest) -> None:  # noqa: N802 (Qt's name)
        self._clip = QPainterPath(path)

    def restore(self) -> None:
        self._clip = None
        self._painter.restore()

    def drawImage(self, target, image, *rest) -> None:  # noqa: N802 (Qt's name)
        if isinstance(target, QRectF) and isinstance(image, QImage) and not rest:
            paint_vector_image(self._painter, target, image, self._clip)
        else:
            self._painter.drawImage(target, image, *rest)


class VectorNodeItem(NodeItem):
    """The app's neuron, its thumbnail in vector cells."""

    def paint(self, painter: QPainter, option, widget=None) -> None:
        super().paint(_VectorImages(painter), option, widget)


class FigureNetworkScene(NetworkScene):
    """The app's network scene made of VectorNodeItems."""

    def _make_node(self, n: Mapping) -> NodeItem:
        item = VectorNodeItem(n, self.theme)
        self.nodes[n["id"]] = item
        self.order.append(n["id"])
        self.addItem(item)
        return item
