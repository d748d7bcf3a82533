"""Where a neuron's texts go, and which of them are shown.

Every neuron has up to four texts: its name above it, its activation tag after the name,
its bias below it and, during a step, a box of values beside it. When the drawing is scaled
down (a deep network fitted to the window, a slide) the texts keep their readable size on
the screen or page: they grow in scene units by ``boost = 1 / scale``. They then need more
room than the drawing has, so a text is shown only when it has room at the current scale:
laid out in order of priority (step values, names, tags, biases), a text that would cover
a neuron, a self-loop or a text already placed is hidden (a neuron's own self-loop moves
its name and tag to the right instead). Shown texts therefore never overlap each other,
a neuron or a self-loop, at any zoom, and the same layout draws the window and the figures.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

KINDS = ("caption", "name", "tag", "bias")     # in order of priority
NAME_PT, SMALL_PT = 8.5, 7.0
GAP = 3.0               # between a neuron and its texts, scene units at boost 1
MAX_BOOST = 6.0         # zoomed out further, the texts would be too small to read: none shown
BIAS_SAMPLE = "b = −0.0e−00"


@dataclass(frozen=True)
class Fonts:
    """The texts' fonts at ``scale`` times their nominal size, with their metrics."""
    name: QFont
    small: QFont
    name_h: float
    small_h: float

    def width(self, text: str, small: bool = False) -> float:
        return QFontMetricsF(self.small if small else self.name).horizontalAdvance(text)


_FONTS: dict[float, Fonts] = {}


def fonts(scale: float = 1.0) -> Fonts:
    if scale not in _FONTS:
        name, small = QFont(), QFont()
        name.setPointSizeF(NAME_PT * scale)
        small.setPointSizeF(SMALL_PT * scale)
        _FONTS[scale] = Fonts(name, small, QFontMetricsF(name).height(), QFontMetricsF(small).height())
    return _FONTS[scale]


def boost_for(scale: float) -> float:
    """How much the texts grow in scene units at ``scale`` (output units per scene unit)."""
    return max(1.0, 1.0 / max(scale, 1e-9))


def readable(scale: float) -> bool:
    return boost_for(scale) <= MAX_BOOST


def node_boxes(kind: str, name: str, tag: str, caption: str | None, radius: float,
               f: Fonts, boost: float, avoid: Sequence[QRectF] = ()) -> dict[str, list[QRectF]]:
    """Where a neuron's texts may go, relative to its centre, at ``boost``: for each text
    its places in order of preference (a step's value box: beside the neuron, else on its
    other side, below or above it). ``avoid``: what the neuron has drawn beside it (its
    self-loop, up and to the left): the name, and the tag after it, move right of it."""
    b = boost
    out: dict[str, list[QRectF]] = {}
    name_w = f.width(name) + 4
    top = -radius - GAP
    name_box = _right_of(QRectF(-name_w * b / 2, top - f.name_h * b, name_w * b, f.name_h * b), avoid)
    out["name"] = [name_box]
    if kind != "input":
        if tag:
            tag_w = f.width(tag, small=True) + 4
            out["tag"] = [QRectF(name_box.right() + 2.0 * b, name_box.bottom() - f.small_h * b,
                                 tag_w * b, f.small_h * b)]
        bias_w = f.width(BIAS_SAMPLE, small=True) + 4
        out["bias"] = [QRectF(-bias_w * b / 2, radius + 2.0, bias_w * b, f.small_h * b)]
    if caption:
        lines = caption.split("\n")
        w = (max(f.width(line, small=True) for line in lines) + 12) * b
        h = (f.small_h * len(lines) + 6) * b
        right = QRectF(radius + 8, -h / 2, w, h)
        left = QRectF(-radius - 8 - w, -h / 2, w, h)
        below = QRectF(-w / 2, radius + 4, w, h)
        above = QRectF(-w / 2, -radius - 4 - h, w, h)
        # inputs' edges leave to the right: their values go on their left
        out["caption"] = [left, right, below, above] if kind == "input" else [right, left, below, above]
    return out


def _right_of(box: QRectF, avoid: Sequence[QRectF]) -> QRectF:
    """``box`` moved right until it meets none of ``avoid`` (unmoved if it meets none)."""
    for _ in range(len(avoid)):
        hits = [r.right() for r in avoid if r.intersects(box)]
        if not hits:
            break
        box = box.translated(max(hits) + 1.0 - box.left(), 0.0)
    return box


def choose(boxes: np.ndarray, group: np.ndarray, priority: np.ndarray, bodies: np.ndarray,
           pad: float, bounds: tuple[float, float, float, float] | None = None) -> np.ndarray:
    """Which boxes to show. ``boxes`` (n, 4: x0, y0, x1, y1) are the places of texts, the
    places of one text sharing a ``group`` id, in order of preference. Texts are taken in
    order of ``priority`` (lower first; one value per group) and each goes to its first
    place that meets no body and no box already shown (nor comes closer than ``pad``) and,
    when ``bounds`` are given, lies within them; a text with no such place is not shown."""
    n = len(boxes)
    shown = np.zeros(n, dtype=bool)
    if not n:
        return shown
    x0, y0, x1, y1 = (boxes[:, k] for k in range(4))
    free = np.ones(n, dtype=bool)
    if len(bodies):
        bx0, by0, bx1, by1 = (bodies[:, k][None, :] for k in range(4))
        free = ~((x0[:, None] < bx1) & (x1[:, None] > bx0)
                 & (y0[:, None] < by1) & (y1[:, None] > by0)).any(axis=1)
    if bounds is not None:
        free &= (x0 >= bounds[0]) & (y0 >= bounds[1]) & (x1 <= bounds[2]) & (y1 <= bounds[3])
    # every pair of boxes that would overlap (or come closer than pad)
    meets = ((x0[:, None] < x1[None, :] + pad) & (x1[:, None] + pad > x0[None, :])
             & (y0[:, None] < y1[None, :] + pad) & (y1[:, None] + pad > y0[None, :]))
    for i in np.argsort(priority, kind="stable"):
        if free[i] and not (meets[i] & shown).any() and not shown[group == group[i]].any():
            shown[i] = True
    return shown
