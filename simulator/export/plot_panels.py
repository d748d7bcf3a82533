"""The side panels' plots as figure panels: the same pyqtgraph PlotItems the window shows
(simulator/render/plots.py), each in its own scene, fed from a snapshot exactly as the
panels in simulator/ui/panels/ feed them, with text sized for print."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from ..engine import probe
from ..render import encoding
from ..render.plots import ActivationPlot, GradientPlot, LossPlot, SurfacePlot, ThemedPlot
from .captions import epoch_text, join, loss_text, metric_text
from .figure import Panel, TextSizes, draw_heading, font, heading_height, text_height
from .options import tr

SURFACE_RES = 400          # the decision surface is resampled to this for print (see smooth)


def smooth(surface: probe.Surface, n: int = SURFACE_RES) -> probe.Surface:
    """The surface resampled bilinearly to n × n: the engine's 100 × 100 grid drawn on a
    4-inch, 300-dpi figure would show 12-pixel steps along the decision boundary."""
    r = surface.values.shape[0]
    if r < 2 or n <= r:
        return surface
    t = np.linspace(0.0, r - 1.0, n)
    i0 = np.floor(t).astype(np.intp)
    i1 = np.minimum(i0 + 1, r - 1)
    f = t - i0

    def bilinear(v: np.ndarray) -> np.ndarray:
        rows = v[i0] * (1 - f)[:, None] + v[i1] * f[:, None]
        return rows[:, i0] * (1 - f) + rows[:, i1] * f

    def nearest(v: np.ndarray) -> np.ndarray:
        k = np.rint(t).astype(np.intp)
        return v[k][:, k]

    return probe.Surface(surface.domain, bilinear(np.asarray(surface.values, dtype=float)),
                         classes=None if surface.classes is None else nearest(surface.classes),
                         confidence=None if surface.confidence is None else bilinear(surface.confidence),
                         value_range=surface.value_range)


def style_plot(plot: ThemedPlot, theme: encoding.Theme, sizes: TextSizes) -> None:
    """Print sizes for ticks, axis labels and legend (the window uses the app's font)."""
    tick = font(sizes.tick)
    for name in ("left", "bottom", "right", "top"):
        ax = plot.getAxis(name)
        # the window caches axes as pixmaps; a figure needs them as vector text and lines
        ax.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        ax.setStyle(tickFont=tick, tickTextOffset=4)
        ax.labelStyle["font-size"] = f"{sizes.label:g}pt"
        ax.labelStyle["color"] = theme.text.name()
        ax._updateLabel()          # pyqtgraph re-renders the label from labelStyle here
    legend = plot.legend
    if legend is not None:
        # LegendItem.setLabelTextSize only stores the size: re-render each label with it
        legend.opts["labelTextSize"] = f"{sizes.legend:g}pt"
        legend.opts["labelTextColor"] = pg.mkColor(theme.text)
        for _, label in legend.items:
            label.setText(label.text, size=f"{sizes.legend:g}pt", color=theme.text.name())
        legend.updateSize()


class PlotPanel(Panel):
    """A themed PlotItem alone in a scene, laid out at the panel's size, under a heading."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, plot: ThemedPlot,
                 heading: str = "", caption: bool = True, key_row: bool = False):
        super().__init__(rect, theme, sizes)
        self.heading = heading
        self.show_caption = caption
        self.caption = ""
        # key_row: the plot's legend as one row where it hides no curve — beside the heading
        # when the heading has no caption (a slide's panels), else under the plot
        self.key_rect = None
        if key_row and heading and not caption:
            indent = QFontMetricsF(font(sizes.title, bold=True)).horizontalAdvance(heading) + 24
            self.key_rect = QRectF(rect.left() + indent, rect.top(), rect.width() - indent,
                                   heading_height(sizes))
        elif key_row:
            key_h = text_height(sizes.legend) + 4
            self.key_rect = QRectF(rect.left(), rect.bottom() - key_h, rect.width(), key_h)
        self.plot = plot
        # An axis draws no ticks unless its scene has a view (it sizes them in view pixels),
        # so the plot lives in a pyqtgraph view that is never shown, one view pixel = one
        # layout unit. Its scene's render() also lets the view boxes update their ranges.
        self.view = pg.GraphicsView(background=None)
        self.scene = self.view.scene()
        self.scene.addItem(plot)
        self.footer = 0.0               # room under the plot for a note (set_footer)
        self._place()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        style_plot(plot, theme, sizes)
        if key_row and plot.legend is not None:
            plot.legend.setVisible(False)
        self.note = pg.TextItem("", color=theme.muted, anchor=(0.5, 0.5))
        self.note.setFont(font(sizes.caption))
        # read when the content changes: while painting a PNG the pens are thickened
        self.key_entries: list[tuple[QPen, str]] = []
        self.log_axis = False           # label the left axis' decades only (decade_ticks)

    def _place(self) -> None:
        """The plot's rectangle: under the heading, above the key row and the footer."""
        r = self.rect
        top = r.top() + (heading_height(self.sizes) + 4 if (self.heading or self.show_caption) else 0.0)
        bottom = r.bottom() - self.footer
        if self.key_rect is not None and self.key_rect.top() > r.top():
            bottom -= self.key_rect.height()
        self.plot_rect = QRectF(r.left(), top, r.width(), bottom - top)
        w, h = self.plot_rect.width(), self.plot_rect.height()
        self.view.setRange(QRectF(0, 0, w, h), padding=0, disableAutoPixel=False)
        self.view.resize(max(1, round(w)), max(1, round(h)))
        self.plot.setGeometry(QRectF(0, 0, w, h))

    def set_footer(self, height: float) -> None:
        if height != self.footer:
            self.footer = height
            self._place()

    def set_note(self, text: str) -> None:
        """A message in the middle of an empty plot (e.g. nothing trained yet)."""
        if self.note.scene() is None:
            self.plot.addItem(self.note, ignoreBounds=True)
        self.note.setText(text)
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        self.note.setPos((x0 + x1) / 2, (y0 + y1) / 2)
        self.note.setVisible(bool(text))

    def plot_scenes(self) -> list[QGraphicsScene]:
        return [self.scene] if self.scene is not None else []

    def close(self) -> None:
        """Empty the scene while the items' Python wrappers still live: a pyqtgraph scene
        destroyed with a rendered PlotItem still in it crashes (segfault) otherwise."""
        scene = getattr(self, "scene", None)
        if scene is not None and shiboken6.isValid(scene):
            scene.clear()
        self.scene = self.view = None

    def __del__(self) -> None:
        try:
            self.close()
        except (RuntimeError, AttributeError):   # interpreter shutdown: Qt already gone
            pass

    def paint(self, painter: QPainter) -> None:
        if self.heading or self.show_caption:
            r = self.rect
            draw_heading(painter, QRectF(r.left(), r.top(), r.width(), heading_height(self.sizes)),
                         self.heading, self.caption if self.show_caption else "", self.sizes, self.theme)
        self.plot.layout.activate()     # lay out axes and view box now, not on the next event loop
        self.plot.vb.prepareForPaint()  # …and settle auto ranges, which the decades depend on
        decade_ticks(self.plot, self.log_axis)
        pr = self.plot_rect
        self.scene.render(painter, pr, QRectF(0, 0, pr.width(), pr.height()))
        if self.key_rect is not None:
            paint_key_row(painter, self.key_rect, self.key_entries, self.sizes, self.theme)


def fix_epoch_axis(plot: ThemedPlot, last_epoch: int | None) -> None:
    if last_epoch is not None:
        plot.setXRange(0, max(10.0, float(last_epoch)), padding=0.02)


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def decade_label(d: int) -> str:
    """10^d as 0.01, 1, 100 … or 10⁻⁵ beyond three decades."""
    if -3 <= d <= 3:
        return f"{10.0 ** d:.{max(0, -d)}f}"
    return "10" + str(d).translate(SUPERSCRIPT)


def decade_ticks(plot: ThemedPlot, on: bool = True) -> None:
    """Label only the decades of a log-scale left axis. At print sizes pyqtgraph labels
    every minor tick (2, 3 … 9) of a short log axis and the labels run into each other."""
    ax = plot.getAxis("left")
    if getattr(plot, "fixed_left_ticks", False):     # e.g. neuron names: the plot's own
        return
    if not on:
        ax.setTicks(None)
        return
    lo, hi = plot.vb.viewRange()[1]          # log10 of the values
    decades = np.arange(math.ceil(lo), math.floor(hi) + 1)
    if not len(decades):
        ax.setTicks(None)                    # under a decade: pyqtgraph's own ticks
        return
    minor = (np.arange(math.floor(lo), math.ceil(hi))[:, None] + np.log10(np.arange(2, 10))[None, :]).ravel()
    minor = minor[(minor > lo) & (minor < hi)]
    ax.setTicks([[(float(d), decade_label(int(d))) for d in decades],
                 [(float(m), "") for m in minor]])


def legend_entries(plot: ThemedPlot) -> list[tuple[QPen, str]]:
    """(pen, label) of each entry of a plot's pyqtgraph legend."""
    if plot.legend is None:
        return []
    out = []
    for sample, label in plot.legend.items:
        pen = sample.item.opts.get("pen")
        out.append((pg.mkPen(pen) if pen is not None else pg.mkPen(None), label.text))
    return out


def paint_key_row(painter: QPainter, rect: QRectF, entries, sizes: TextSizes,
                  theme: encoding.Theme) -> None:
    """Line samples and labels in one centred row (shortened if the row is too narrow)."""
    if not entries:
        return
    f = font(sizes.legend)
    metrics = QFontMetricsF(f)
    sample, gap, space = 26.0, 6.0, 18.0
    widths = [sample + gap + metrics.horizontalAdvance(text) for _, text in entries]
    total = sum(widths) + space * (len(entries) - 1)
    x = rect.left() + max(0.0, (rect.width() - total) / 2)
    y = rect.center().y()
    painter.save()
    painter.setFont(f)
    for (pen, text), w in zip(entries, widths):
        if x >= rect.right():
            break
        p = QPen(pen)
        p.setCosmetic(False)
        p.setWidthF(max(pen.widthF(), 1.0))
        painter.setPen(p)
        painter.drawLine(QPointF(x, y), QPointF(x + sample, y))
        painter.setPen(theme.text)
        label = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.right() - (x + sample + gap))
        painter.drawText(QRectF(x + sample + gap, rect.top(), w, rect.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
        x += w + space
    painter.restore()


class SurfacePanel(PlotPanel):
    """The decision surface with the data (two inputs) or the fitted curve (one input)."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, caption: bool = True):
        super().__init__(rect, theme, sizes, SurfacePlot(theme), tr("Decision surface"), caption)
        self._data = None

    def update(self, state) -> None:
        plot: SurfacePlot = self.plot
        data, snap = state.data, state.snapshot
        if data is None:
            self.set_note(tr("no data"))
            return
        if getattr(data, "is_sequence", False):
            self.set_note(tr("sequences have no input plane"))
            return
        if data is not self._data:
            plot.set_data(data)
            self._data = data
            if plot.mode == "1d":
                self.heading = tr("Fit")
        plot.set_show_test(state.show_test)
        plot.set_discrete(state.discrete_surface)
        if snap is None:
            return
        ex = snap.extras
        if plot.mode == "2d" and ex.get("surface") is not None:
            plot.set_surface(smooth(ex["surface"]), "")
        elif plot.mode == "1d" and ex.get("curve") is not None:
            plot.set_curve(ex["curve"], None, "")
        self.caption = join(epoch_text(snap), metric_text(snap))


class LossPanel(PlotPanel):
    """Train and test loss per epoch with accuracy or R² on the right axis."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, caption: bool = True):
        super().__init__(rect, theme, sizes, LossPlot(theme), tr("Loss"), caption, key_row=True)
        self.plot.attach()               # its metric view box joins the scene

    def update(self, state) -> None:
        plot: LossPlot = self.plot
        snap = state.snapshot
        if plot.log_scale != state.loss_log_scale:
            plot.set_log(state.loss_log_scale)
        if snap is None:
            self.set_note(tr("not trained"))
            return
        plot.set_history(snap.history, snap.metric_name, snap)
        fix_epoch_axis(plot, state.epoch_axis)
        # the panel names the right axis only when it changes; a figure always does
        plot.getAxis("right").setLabel("R²" if snap.metric_name == "r2" else tr("accuracy"))
        style_plot(plot, self.theme, self.sizes)
        self.log_axis = plot.log_scale
        self.key_entries = legend_entries(plot)
        self.set_note("" if len(snap.history.epoch) else tr("no epoch trained yet"))
        self.caption = join(epoch_text(snap), loss_text(snap))


class GradientPanel(PlotPanel):
    """Mean |∂J/∂w| per layer over the epochs (log scale)."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, caption: bool = True):
        super().__init__(rect, theme, sizes, GradientPlot(theme), tr("Gradient flow"), caption,
                         key_row=True)

    def update(self, state) -> None:
        plot: GradientPlot = self.plot
        snap = state.snapshot
        if snap is None:
            self.set_note(tr("not trained"))
            return
        plot.set_history(snap.history, snap.dead_per_layer, snap.saturated_per_layer, snap.clip_fraction,
                         saturated_share=snap.saturated_share,
                         saturated_share_wrong=snap.saturated_share_wrong,
                         step_history=snap.step_history)
        fix_epoch_axis(plot, state.epoch_axis)
        style_plot(plot, self.theme, self.sizes)    # legend entries are remade with the layers
        self.log_axis = True
        self.key_entries = legend_entries(plot)
        self.set_note("" if len(snap.history.epoch) else tr("no epoch trained yet"))
        # what the curves show in words (vanishing…) goes in the caption, not over the
        # curves; the axis already names the quantity then
        self.caption = join(epoch_text(snap), *plot.notes) if plot.notes else \
            join(tr("mean |∂J/∂w| per layer"), epoch_text(snap))


class ActivationPanel(PlotPanel):
    """f(g) solid and f′(g) dashed, the highlighted neuron's values of g on its curve."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, caption: bool = True):
        super().__init__(rect, theme, sizes, ActivationPlot(theme), tr("Activation functions"), caption)
        self._shown = None
        self.formula = ""

    def update(self, state) -> None:
        plot: ActivationPlot = self.plot
        choice = state.activations
        key = (tuple(choice.names), choice.show_derivative)
        if key != self._shown:
            plot.set_functions(list(choice.names), choice.show_derivative)
            self._shown = key
        plot.set_highlight(choice.highlight, choice.g_values, choice.alpha)
        self.caption = tr("f solid, f′ dashed") if choice.show_derivative else ""
        # the highlighted function's formulas, as the lab shows them under its plot
        self.formula = plot.caption
        self.set_footer(2 * text_height(self.sizes.caption) + 4 if self.formula else 0.0)

    def paint(self, painter: QPainter) -> None:
        super().paint(painter)
        self._paint_key(painter)
        if self.formula:
            r = QRectF(self.rect.left(), self.rect.bottom() - self.footer + 4, self.rect.width(), self.footer - 4)
            painter.save()
            painter.setFont(font(self.sizes.caption))
            painter.setPen(self.theme.muted)
            painter.drawText(r, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                             self.formula)
            painter.restore()

    def _paint_key(self, painter: QPainter) -> None:
        """The functions' colours, top left in the plot (the window's lab uses its list as
        the legend; the curves go up on the right, so the left stays free)."""
        entries = self.plot.legend_entries
        if not entries:
            return
        box = self.plot.vb.sceneBoundingRect().translated(self.plot_rect.topLeft())
        line = text_height(self.sizes.legend)
        f = font(self.sizes.legend)
        width = max(QFontMetricsF(f).horizontalAdvance(label) for label, _ in entries) + 40
        key = QRectF(box.left() + 8, box.top() + 8, width, line * len(entries) + 8)
        painter.save()
        bg = QColor(self.theme.canvas)
        bg.setAlpha(220)
        painter.setPen(QPen(self.theme.grid, 1.0))
        painter.setBrush(bg)
        painter.drawRoundedRect(key, 4, 4)
        painter.setFont(f)
        for k, (label, color) in enumerate(entries):
            y = key.top() + 4 + line * (k + 0.5)
            pen = QPen(QColor(color), 2.4)
            painter.setPen(pen)
            painter.drawLine(QPointF(key.left() + 8, y), QPointF(key.left() + 28, y))
            painter.setPen(self.theme.text)
            painter.drawText(QRectF(key.left() + 34, y - line / 2, width - 36, line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
        painter.restore()
