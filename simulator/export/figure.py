"""A figure: panels laid out on a page measured in layout units, painted by one QPainter.

One layout unit is 1/``layout_dpi()`` inch — the resolution Qt measures text with when no
device is given (the screen's logical DPI, 96 offscreen). pyqtgraph lays out its axes with
those metrics, so every writer paints on a device of that logical DPI and scales only the
painter: text then fits exactly where it was measured, at any output resolution.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPainter
from PySide6.QtWidgets import QGraphicsScene

from ..render import encoding


def layout_dpi() -> float:
    """Layout units per inch (see the module's docstring)."""
    app = QGuiApplication.instance()
    screen = app.primaryScreen() if app is not None else None
    dpi = screen.logicalDotsPerInchY() if screen is not None else 96.0
    return float(dpi) if dpi and dpi > 0 else 96.0


@dataclass(frozen=True)
class TextSizes:
    """Point sizes: a figure on its own, or the panels of a projected slide."""

    tick: float = 9.0
    label: float = 10.0
    title: float = 10.5
    legend: float = 9.0
    caption: float = 9.0
    legend_scale: float = 1.0         # the network legend's size
    heading: float = 24.0             # slide title
    subheading: float = 13.0


FIGURE_TEXT = TextSizes()
SLIDE_TEXT = TextSizes(tick=12.0, label=13.0, title=15.0, legend=12.0, caption=12.0,
                       legend_scale=1.0, heading=28.0, subheading=14.0)


def font(points: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def draw_text(painter: QPainter, rect: QRectF, text: str, points: float, color: QColor,
              align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, bold: bool = False) -> None:
    """One line in ``rect``, shortened with “…” rather than cut when it does not fit."""
    painter.save()
    painter.setFont(font(points, bold))
    painter.setPen(color)
    text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
    painter.drawText(rect, int(align), text)
    painter.restore()


BOTTOM_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom   # shared baseline


def draw_heading(painter: QPainter, rect: QRectF, heading: str, caption: str, sizes: TextSizes,
                 theme: encoding.Theme) -> None:
    """“**Heading** · caption”: the name of the view in bold, then its state, muted."""
    x = rect.left()
    if heading:
        width = QFontMetricsF(font(sizes.title, bold=True)).horizontalAdvance(heading)
        draw_text(painter, QRectF(x, rect.top(), rect.width(), rect.height()), heading, sizes.title,
                  theme.text, BOTTOM_LEFT, bold=True)
        x += width
        if caption:
            caption = "  ·  " + caption
    if caption:
        draw_text(painter, QRectF(x, rect.top(), rect.right() - x, rect.height()), caption,
                  sizes.caption, theme.muted, BOTTOM_LEFT)


def heading_height(sizes: TextSizes) -> float:
    return text_height(max(sizes.title, sizes.caption))


def text_height(points: float) -> float:
    """Line height in layout units of text at ``points``."""
    return points / 72.0 * layout_dpi() * 1.35


class Panel:
    """A part of a figure with its own rectangle (layout units)."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes):
        self.rect = QRectF(rect)
        self.theme = theme
        self.sizes = sizes

    def update(self, state) -> None:
        """Show ``state`` (an ExportState)."""

    def paint(self, painter: QPainter) -> None:
        raise NotImplementedError

    def plot_scenes(self) -> list[QGraphicsScene]:
        """Scenes holding pyqtgraph items (their cosmetic pens need care in raster output)."""
        return []

    def close(self) -> None:
        """Release the panel's scene (see PlotPanel.close)."""


class TextPanel(Panel):
    """A line of text, e.g. a slide's title."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, text: str,
                 points: float, bold: bool = False, muted: bool = False):
        super().__init__(rect, theme, sizes)
        self.text, self.points, self.bold, self.muted = text, points, bold, muted

    def paint(self, painter: QPainter) -> None:
        color = self.theme.muted if self.muted else self.theme.text
        draw_text(painter, self.rect, self.text, self.points, color, bold=self.bold)


class Figure:
    """Panels on a page of ``size`` layout units, with an opaque or transparent background."""

    def __init__(self, size: QSizeF, theme: encoding.Theme, transparent: bool = False,
                 title: str = ""):
        self.size = QSizeF(size)
        self.theme = theme
        self.transparent = transparent
        self.title = title                 # file metadata
        self.panels: list[Panel] = []
        self.progress: float | None = None  # animations: a thin bar of the time elapsed

    @property
    def rect(self) -> QRectF:
        return QRectF(QPointF(0, 0), self.size)

    def add(self, panel: Panel) -> Panel:
        self.panels.append(panel)
        return panel

    def update(self, state) -> None:
        for p in self.panels:
            p.update(state)

    def plot_scenes(self) -> list[QGraphicsScene]:
        return [s for p in self.panels for s in p.plot_scenes()]

    def close(self) -> None:
        for p in self.panels:
            p.close()
        self.panels = []

    def __enter__(self) -> "Figure":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def paint(self, painter: QPainter) -> None:
        """Paint in layout units (the caller maps them to the device)."""
        if not self.transparent:
            painter.fillRect(self.rect, self.theme.canvas)
        for p in self.panels:
            painter.save()
            p.paint(painter)
            painter.restore()
        if self.progress is not None:
            # Frames of an animation are never identical (GIF writers merge identical
            # frames, which would change the frame count) and the viewer sees the loop.
            bar = QRectF(0, self.size.height() - 3, self.size.width() * max(0.0, min(1.0, self.progress)), 3)
            color = QColor(self.theme.accent)
            color.setAlphaF(0.8)
            painter.fillRect(bar, color)
