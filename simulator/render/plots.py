"""The plots of the side panels as pyqtgraph PlotItems: created once, updated in place from
snapshots, and rendered by the exporter exactly as the panels show them.

``ActivationPlot`` f(g) and f'(g) of the lecture's functions with the selected neuron's g;
``SurfacePlot`` the decision surface with data points, or the 1-D fit with its parts;
``LossPlot`` train/test loss and accuracy or R² per epoch; ``GradientPlot`` mean |∂J/∂w|
per layer over time (log scale) with dead and saturated units.
"""
from __future__ import annotations

import math
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem
from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu

from ..translate import tr
from ..engine import activations
from . import diagnosis, encoding, engine_text
from .encoding import nice_ceiling
from .stamped_curve import StampedCurve, StampedDataItem

# Okabe-Ito: a categorical palette safe for the common colour-vision deficiencies
CATEGORICAL = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def caption_name(template: str) -> str:
    """A series' name from a translated caption with a value, “test accuracy %1” →
    “test accuracy”: the legend reuses the catalogue's wording (and its translation)."""
    return " ".join(template.replace("%1", " ").split())


# a run younger than this many epochs is also drawn mini-batch by mini-batch (its records
# reach that far: Trainer.STEP_RECORDS); a run that diverges in epoch 1 shows its blow-up
STEP_VIEW_EPOCHS = 20


def young_steps(history, steps):
    """The per-step records to draw beside ``history``, or None (an older run)."""
    if steps is None or not len(steps.epoch) or len(history.epoch) >= STEP_VIEW_EPOCHS:
        return None
    return steps


def decade_spacing(lo: float, hi: float, labels: int = 6) -> float:
    """Tick spacing in decades for a log axis from 10^lo to 10^hi: one decade, or more
    when the range is so wide that a label per decade would pile up."""
    span = max(hi - lo, 1.0)
    return float(max(1, math.ceil(span / labels)))


def class_labels(y: np.ndarray) -> np.ndarray:
    """The distinct labels of ``y``, sorted: ``np.unique`` without its ``np.ma`` check,
    which imports numpy.ma (~15 ms at start-up) for nothing."""
    y = np.sort(np.ravel(y))
    return y[np.concatenate(([True], y[1:] != y[:-1]))] if len(y) else y


def _translucent(color: QColor, alpha: int = 150) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def _pen(color, width=2.0, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = pg.mkPen(color, width=width)
    pen.setStyle(style)
    pen.setCosmetic(True)
    return pen


class ThemedAxis(pg.AxisItem):
    """An axis whose grid lines can be drawn opaque, their colour mixed with the plot's
    background beforehand (``opaque_over``): Qt's raster engine draws translucent lines
    about five times slower (a chart's faint grid took ~10 ms a paint, the largest part of
    the window's first frame). Only where nothing lies under the grid: the window's charts
    put the grid behind their curves then (``ThemedPlot.grid_behind``)."""

    opaque_over: QColor | None = None

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):     # noqa: N802 (pyqtgraph's name)
        under = self.opaque_over
        if under is not None:
            tickSpecs = [(_opaque(pen, under), p1, p2) for pen, p1, p2 in tickSpecs]
        super().drawPicture(p, axisSpec, tickSpecs, textSpecs)

    def logTickStrings(self, values, scale, spacing):              # noqa: N802 (pyqtgraph's name)
        """One notation per axis: pyqtgraph writes 10⁻⁴ as “0.0001” but 10⁻⁵ as “10⁻⁵” (and
        10 as “10¹” beside “1”); when a tick needs a power of ten, every tick gets one."""
        strings = super().logTickStrings(values, scale, spacing)
        if not any(_POWER.search(s) for s in strings):
            return strings
        return [power_of_ten(10.0 ** float(v) * scale) for v in values]


_POWER = re.compile("10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]")
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(x: float) -> str:
    """“10⁻⁵”, “2·10⁻⁵”: ``x`` to one significant digit as a multiple of a power of ten."""
    if not np.isfinite(x) or x <= 0:
        return ""
    mantissa, exponent = f"{x:.0e}".split("e")
    power = "10" + str(int(exponent)).translate(_SUPERSCRIPT)
    return power if mantissa == "1" else f"{mantissa}·{power}"


def _opaque(pen: QPen, under: QColor) -> QPen:
    """``pen`` with its colour as it looks drawn over ``under``, fully opaque."""
    c = pen.color()
    a = c.alphaF()
    if a >= 1.0:
        return pen
    out = QPen(pen)
    out.setColor(QColor.fromRgbF(c.redF() * a + under.redF() * (1 - a),
                                 c.greenF() * a + under.greenF() * (1 - a),
                                 c.blueF() * a + under.blueF() * (1 - a)))
    return out


class VerticalAxis(ThemedAxis):
    """A left or right axis that labels a tick on the bottom edge of the plot (the 0 of a
    loss axis that starts at 0). With the grid on, pyqtgraph measures the room for labels
    by the view box alone and silently drops a label that reaches half a line below it."""

    def boundingRect(self):     # noqa: N802 (Qt's name)
        rect = super().boundingRect()
        return rect.adjusted(0, 0, 0, 12) if self.orientation in ("left", "right") else rect


class EpochAxis(ThemedAxis):
    """A bottom axis over epochs: whole epochs once it spans two or more (a young run's
    mini-batch dots lie between them), fractions of an epoch only over a shorter span,
    where the plot's axis label says how to read them (ThemedPlot.name_epoch_axis)."""

    def tickSpacing(self, minVal, maxVal, size):     # noqa: N802 (pyqtgraph's name)
        levels = super().tickSpacing(minVal, maxVal, size)
        if abs(maxVal - minVal) < FRACTIONS_BELOW:
            return levels
        return [(spacing, offset) for spacing, offset in levels if spacing >= 1] or [(1.0, 0.0)]


FRACTIONS_BELOW = 2.0       # epochs: an epoch axis spanning fewer is ticked in fractions


def epoch_axis_label(span: float) -> str:
    """The epoch axis' name: “epoch”, or over fractions of an epoch what they mean (the
    toolbar's counter says the same: “120/200 samples” is at 0.6)."""
    if span >= FRACTIONS_BELOW:
        return tr("epoch")
    return tr("epochs (0.5 = half of the training set seen)")


class DecadeAxis(VerticalAxis):
    """A log axis labelled at whole decades, every decade when there is room, else every
    second, fifth… decade: on a short axis (a small window) the labels never pile up, and
    they come back as they were when the axis grows again."""

    MIN_GAP = 1.6          # text heights between two labels

    def tickSpacing(self, minVal, maxVal, size):     # noqa: N802 (pyqtgraph's name)
        span = abs(maxVal - minVal)
        if span == 0 or size <= 0:
            return []
        line = QFontMetricsF(self.style.get("tickFont") or QFont()).height()
        need = span * line * self.MIN_GAP / size      # decades per label, at least
        for k in (1, 2, 5, 10, 20, 50, 100):
            if k >= need:
                return [(float(k), 0.0)]
        return [(float(math.ceil(need)), 0.0)]


class LazyMenuViewBox(pg.ViewBox):
    """A ViewBox whose right-click menu is built the first time it is asked for, not with
    the view: each ViewBoxMenu builds two axis panels of widgets (~2 ms a view at start-up,
    for a menu most runs never open). Enabling and disabling it works as pyqtgraph's."""

    def __init__(self, *args, enableMenu: bool = True, **kwargs):   # noqa: N803 (pyqtgraph's name)
        super().__init__(*args, enableMenu=False, **kwargs)
        self.state["enableMenu"] = enableMenu     # wanted; built by _built_menu on first use

    def _built_menu(self):
        if self.menu is None and self.menuEnabled():
            self.menu = ViewBoxMenu(self)
            self.updateViewLists()                # the menu's "link axis" lists
        return self.menu

    def getMenu(self, ev):                        # noqa: N802 (pyqtgraph's name)
        self._built_menu()
        return super().getMenu(ev)

    def getContextMenus(self, event):             # noqa: N802 (pyqtgraph's name)
        self._built_menu()
        return super().getContextMenus(event)


class ThemedPlot(pg.PlotItem):
    """A PlotItem that follows a Theme (axes, grid, text)."""

    def __init__(self, theme: encoding.Theme, **kw):
        axes = dict(kw.pop("axisItems", None) or {})
        asked = set(axes)
        for name in ("left", "right"):
            axes.setdefault(name, VerticalAxis(name))
        for name in ("bottom", "top"):
            axes.setdefault(name, ThemedAxis(name))
        kw.setdefault("viewBox", LazyMenuViewBox(enableMenu=kw.get("enableMenu", True)))
        super().__init__(axisItems=axes, **kw)
        for name in ("right", "top"):
            if name not in asked:
                self.hideAxis(name)         # pyqtgraph shows every axis it is given
        self.theme = theme
        self.opaque_grid = False
        self.showGrid(x=True, y=True, alpha=0.25)
        self.apply_theme(theme)

    def grid_behind(self) -> None:
        """Draw the axes and grid behind the curves, the grid's lines opaque in the colour
        they had over the plot's background (the same look, drawn ~5× faster; curves now
        cross the grid unbroken). Not for plots with an image under the grid (the decision
        surface), nor for exports (a transparent figure keeps its translucent grid)."""
        self.opaque_grid = True
        for entry in self.axes.values():
            entry["item"].setZValue(-1)
        self.apply_theme(self.theme)

    def apply_theme(self, theme: encoding.Theme) -> None:
        self.theme = theme
        for name in ("left", "bottom", "right", "top"):
            ax = self.getAxis(name)
            # axes change rarely but sit next to curves that change every frame: keep their
            # picture (drawing their text costs ~2 ms each time)
            ax.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            ax.enableAutoSIPrefix(False)          # "loss (x0.001)" reads badly on a slide
            ax.setPen(pg.mkPen(theme.muted))
            ax.setTextPen(pg.mkPen(theme.text))
            if isinstance(ax, ThemedAxis):        # read when setPen's new picture is drawn
                ax.opaque_over = pg.mkColor(theme.plot_background) if self.opaque_grid else None
        self.titleLabel.setAttr("color", theme.text.name())
        if self.titleLabel.text:
            self.setTitle(self.titleLabel.text)

    def _line(self, **kwargs) -> StampedDataItem:
        """A curve for series data (like ``plot()``, with the cheap wide pen on screen)."""
        item = StampedDataItem([], [], **kwargs)
        self.addItem(item)
        return item

    def follow_epoch_range(self) -> None:
        """Name the bottom (epoch) axis for what its ticks read whenever its range
        changes: whole epochs, or fractions of one (see epoch_axis_label)."""
        self.vb.sigXRangeChanged.connect(self.name_epoch_axis)
        self.name_epoch_axis()

    def name_epoch_axis(self, *_) -> None:
        lo, hi = self.vb.viewRange()[0]
        text = epoch_axis_label(hi - lo)
        axis = self.getAxis("bottom")
        if axis.labelText != text:
            axis.setLabel(text)

    def _set_epoch_range(self, last_epoch: float, minimum: float = 10.0) -> None:
        top = nice_ceiling(last_epoch, minimum=minimum)
        if getattr(self, "_epoch_top", None) != top:
            self._epoch_top = top
            self.setXRange(0, top, padding=0.02)

    def key_entries(self) -> list[tuple[QPen, str]]:
        """(pen, name) of each series in the legend: the panels draw them as a key row
        outside the data area (the legend inside the plot would hide curves)."""
        if self.legend is None:
            return []
        out = []
        for sample, label in self.legend.items:
            pen = sample.item.opts.get("pen")
            out.append((QPen(pg.mkPen(pen)) if pen is not None else QPen(Qt.PenStyle.NoPen), label.text))
        return out

    def label(self, text: str, pos: QPointF, anchor=(0, 0), color: QColor | None = None, size=9.0):
        item = pg.TextItem(text, color=color or self.theme.text, anchor=anchor)
        f = QFont()
        f.setPointSizeF(size)
        item.setFont(f)
        item.setPos(pos)
        self.addItem(item)
        return item


# activation lab ------------------------------------------------------------------------------
class ActivationPlot(ThemedPlot):
    """f(g) (solid) and f'(g) (dashed) of chosen activations; the highlighted one thicker,
    with the selected neuron's pre-activations drawn on its curve and as a rug."""

    G_RANGE = (-5.0, 5.0)

    def __init__(self, theme: encoding.Theme):
        super().__init__(theme)
        self.setLabel("bottom", "g")
        self.setLabel("left", "f(g), f′(g)")
        self.legend_entries: list[tuple[str, str]] = []    # (label, colour): drawn by the panel
        self.g = np.linspace(*self.G_RANGE, 801)
        self.functions: dict[str, tuple] = {}
        self.show_derivative = True
        self.highlight: str | None = None
        self._styled_for: tuple = ()          # empty until the highlight styles are set
        self._has_points = True
        self.points = pg.ScatterPlotItem(size=5, pen=None)
        self.points.setZValue(20)
        self.rug = pg.PlotCurveItem(connect="pairs")
        self.rug.setZValue(19)
        self.addItem(self.points)
        self.addItem(self.rug)
        self.facts: list = []
        self.caption = ""              # the highlighted function's formulas (the panel shows it)
        self.setXRange(*self.G_RANGE, padding=0.02)
        self.setYRange(-1.25, 1.3, padding=0.02)
        self.names: list[str] = []

    def color_of(self, name: str) -> str:
        return CATEGORICAL[self.names.index(name) % len(CATEGORICAL)] if name in self.names else "#888888"

    def set_functions(self, names: list[str], show_derivative: bool = True) -> None:
        self.show_derivative = show_derivative
        for f, d in self.functions.values():
            self.removeItem(f)
            self.removeItem(d)
        self.functions = {}
        self.legend_entries = []
        self.names = list(names)
        for k, name in enumerate(names):
            act = activations.get(name)
            color = CATEGORICAL[k % len(CATEGORICAL)]
            y = act.f(self.g) if name != "softmax" else activations.get("sigmoid").f(self.g)
            dy = act.df(self.g) if name != "softmax" else activations.get("sigmoid").df(self.g)
            label = engine_text.activation_label(name)
            f = StampedCurve(self.g, np.clip(y, -10, 10), pen=_pen(color, 2.0), name=label)
            d = StampedCurve(self.g, np.clip(dy, -10, 10), pen=_pen(color, 1.6, Qt.PenStyle.DashLine),
                                 name=f"{label}′")
            d.setVisible(show_derivative)
            self.addItem(f)
            self.addItem(d)
            self.functions[name] = (f, d)
            self.legend_entries.append((label, color))
        self._facts()
        self._styled_for = ()                 # new curves: style them again
        self.set_highlight(self.highlight)

    def _facts(self) -> None:
        """Markers for the lecture's facts: σ' is at most 0.25 (at g = 0), tanh' at most 1."""
        for item in self.facts:
            self.removeItem(item)
        self.facts = []
        if not self.show_derivative:
            return
        for name, value, text in (("sigmoid", 0.25, tr("max σ′ = 0.25")),
                                  ("tanh", 1.0, tr("max tanh′ = 1"))):
            if name in self.functions:
                dot = pg.ScatterPlotItem([0.0], [value], size=9, symbol="o",
                                         brush=pg.mkBrush(self.theme.accent), pen=pg.mkPen(self.theme.text))
                self.addItem(dot)
                lab = self.label(text, QPointF(0.15, value), anchor=(0, 1), color=self.theme.accent, size=8)
                self.facts += [dot, lab]

    def set_highlight(self, name: str | None, g_values: np.ndarray | None = None,
                      alpha: float | None = None) -> None:
        """Emphasise ``name``; ``g_values`` are the selected neuron's pre-activations."""
        # called on every snapshot: restyling or clearing unchanged items would repaint
        # the whole plot for nothing while training runs
        if name != self.highlight or not self._styled_for:
            self._styled_for = tuple(self.functions) or (None,)
            for n, (f, d) in self.functions.items():
                w = 3.6 if n == name else 2.0
                pen = f.opts["pen"]
                pen.setWidthF(w)
                f.setPen(pen)
                f.setOpacity(1.0 if name in (None, n) else 0.35)
                d.setOpacity(1.0 if name in (None, n) else 0.35)
        self.highlight = name
        if name is None or g_values is None or len(g_values) == 0 or name not in self.functions:
            if self._has_points:
                self.points.setData([], [])
                self.rug.setData([], [])
                self._has_points = False
            self.caption = self._formula_text(name)
            return
        self._has_points = True
        act = activations.get(name)
        g = np.clip(np.asarray(g_values, dtype=float), *self.G_RANGE)
        a = None if alpha is None else np.array([alpha])
        y = act.f(g) if a is None else act.forward(np.atleast_1d(g), np.empty_like(np.atleast_1d(g)), a)
        k = self.names.index(name)
        color = QColor(CATEGORICAL[k % len(CATEGORICAL)])
        color.setAlpha(150)
        self.points.setData(g, y, brush=pg.mkBrush(color), size=5)
        lo = -1.15
        xs = np.repeat(g, 2)
        ys = np.tile([lo, lo + 0.12], len(g))
        self.rug.setData(xs, ys, pen=_pen(color, 1.0))
        dead = float(np.mean(act.df(np.asarray(g_values, dtype=float)) == 0)) if len(g_values) else 0.0
        sat = float(np.mean(act.df(np.asarray(g_values, dtype=float)) < 0.05 * (act.dmax or 1.0)))
        extra = ""
        if name == "relu":
            extra = "  ·  " + tr("f′ = 0 for %1 of the samples").replace("%1", f"{dead:.0%}")
        elif name in ("sigmoid", "tanh"):
            extra = "  ·  " + tr("saturated (f′ < 5% of max) for %1").replace("%1", f"{sat:.0%}")
        elif name == "prelu" and alpha is not None:
            extra = "  ·  α = " + f"{alpha:.3f}"
        self.caption = self._formula_text(name) + extra

    def _formula_text(self, name: str | None) -> str:
        if name is None:
            return ""
        text = (f"{engine_text.activation_label(name)}: {engine_text.formula(name)};  "
                f"{engine_text.derivative_formula(name)}")
        if name == "leaky_relu":
            text += "   (" + tr("slope 0.01 below zero") + ")"
        return text

    def set_derivative_visible(self, on: bool) -> None:
        self.show_derivative = on
        for _, d in self.functions.values():
            d.setVisible(on)
        self._facts()


# decision surface ----------------------------------------------------------------------------
def surface_rgba(surface, theme: encoding.Theme, discrete: bool = False) -> np.ndarray:
    """The (res, res, 4) colours of a probe.Surface (row 0 = smallest x₂): the diverging
    map over the output's range, or each softmax class's colour by its confidence; lighter
    than the points drawn on it (as TensorFlow Playground does)."""
    canvas = np.array(theme.canvas.getRgb()[:3], dtype=float)
    if surface.classes is not None:
        classes = surface.classes
        palette = np.array([QColor(c).getRgb()[:3] for c in CATEGORICAL], dtype=float)
        base = palette[classes % len(palette)]
        # classes seen on the plane (at least two: one class everywhere must not divide by 0)
        k = max(int(classes.max()) + 1, 2) if classes.size else 2
        strength = 1.0 if discrete else np.clip((surface.confidence - 1.0 / k) / (1 - 1.0 / k), 0, 1)[..., None]
        rgb = canvas + (base - canvas) * (0.25 + 0.6 * strength)
        out = np.empty(classes.shape + (4,), dtype=np.uint8)
        out[..., :3] = np.clip(rgb, 0, 255)
        out[..., 3] = 255
        return out
    lo, hi = surface.value_range
    u = 2 * (surface.values - lo) / ((hi - lo) or 1.0) - 1
    if discrete:
        u = np.where(u > 0, 0.85, -0.85)
    rgba = encoding.diverging().rgba(u)
    rgba[..., :3] = (canvas + (rgba[..., :3] - canvas) * 0.62).astype(np.uint8)
    return rgba


def class_color(label: float, classes: int) -> QColor:
    """A data point's colour: the diverging map's ends for two classes, else categorical."""
    if classes > 2:
        return QColor(CATEGORICAL[int(label) % len(CATEGORICAL)])
    lut = encoding.diverging().lut
    return QColor(*(lut[-1] if label > 0 else lut[0]))


class SurfacePlot(ThemedPlot):
    """Two inputs: the network's (or one neuron's) output over the plane with the data points.
    One input: the fitted curve over the data, each last-hidden unit's weighted part faintly."""

    def __init__(self, theme: encoding.Theme):
        super().__init__(theme)
        self.setAspectLocked(False)
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        self.addItem(self.image)
        self.point_items: list[pg.ScatterPlotItem] = []
        self.test_items: list[pg.ScatterPlotItem] = []
        self.fit = StampedCurve(pen=_pen(theme.accent, 3.0))
        self.fit.setZValue(12)
        self.addItem(self.fit)
        # one input: the selected neuron's own output has its own scale (a ReLU's or a
        # logistic unit's values need not lie anywhere near y): its own view and right axis
        self.node_view = pg.ViewBox(enableMenu=False)
        self.node_view.setMouseEnabled(False, False)
        self.node_view.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.node_view.setXLink(self)
        self.node_curve = StampedCurve(pen=_pen(theme.selection, 2.0, Qt.PenStyle.DashLine))
        self.node_view.addItem(self.node_curve)
        self.getAxis("right").linkToView(self.node_view)
        self.hideAxis("right")
        self.vb.sigResized.connect(self._sync_node_view)
        self.parts: list[pg.PlotCurveItem] = []
        self.title_item = self.label("", QPointF(0, 0), anchor=(0, 0), size=8.5)
        self.title_item.setZValue(30)
        self.show_test = True
        self.discrete = False
        self.mode = None               # "2d" | "1d"
        self.dataset = None
        self.domain = None
        self._lut = encoding.diverging().lut
        self._class_lut = None
        self.last_values = None

    def set_data(self, data) -> None:
        """Train and test points (engine Dataset)."""
        self.dataset = data
        self.domain = data.domain
        self.mode = "2d" if data.n_raw == 2 else "1d"
        self.title_item.setText("")
        if self.mode == "2d":
            (x0, x1), (y0, y1) = data.domain
            self.setXRange(x0, x1, padding=0)
            self.setYRange(y0, y1, padding=0)
            self.setLabel("bottom", "x₁")
            self.setLabel("left", "x₂")
            self.fit.setData([], [])
            self._clear_parts()
            self._show_node_curve(None, "")
            self.image.setVisible(True)
        else:
            (x0, x1), = data.domain
            self.setXRange(x0, x1, padding=0.02)
            self.setLabel("bottom", "x")
            self.setLabel("left", "y")
            self.image.setVisible(False)
        self._draw_points()

    def _class_color(self, label: float) -> QColor:
        return class_color(label, self.dataset.classes)

    def _draw_points(self) -> None:
        """One scatter item per class and split (a single brush each: per-point brushes
        make pyqtgraph slow with a few hundred points)."""
        d = self.dataset
        if d is None:
            return
        for item in self.point_items:
            self.removeItem(item)
        self.point_items = []
        self.test_items = []
        outline = pg.mkPen(self.theme.node_outline, width=1)
        if self.mode == "2d":
            if d.classes == 2:
                labels = np.array([0.0, 1.0])
            else:
                labels = class_labels(np.concatenate([d.y_train, d.y_test]) if len(d.y_test) else d.y_train)
            for label in labels:
                color = self._class_color(label)
                for X, Y, test in ((d.x_train, d.y_train, False), (d.x_test, d.y_test, True)):
                    sel = (Y > 0) == (label > 0) if d.classes == 2 else Y == label
                    if not np.any(sel):
                        continue
                    brush = pg.mkBrush(self.theme.canvas) if test else pg.mkBrush(color)
                    pen = pg.mkPen(color, width=2) if test else outline
                    item = pg.ScatterPlotItem(X[sel, 0], X[sel, 1], size=7, pen=pen, brush=brush, pxMode=True)
                    item.setZValue(11 if test else 10)
                    self.addItem(item)
                    self.point_items.append(item)
                    if test:
                        self.test_items.append(item)
        else:
            train = pg.ScatterPlotItem(d.x_train[:, 0], d.y_train, size=5, pen=None,
                                       brush=pg.mkBrush(self.theme.node_outline))
            test = pg.ScatterPlotItem(d.x_test[:, 0], d.y_test, size=6, pen=pg.mkPen(self.theme.node_outline, width=1.5),
                                      brush=pg.mkBrush(self.theme.canvas))
            for item, z in ((train, 10), (test, 11)):
                item.setZValue(z)
                self.addItem(item)
                self.point_items.append(item)
            self.test_items = [test]
        for item in self.test_items:
            item.setVisible(self.show_test)

    def set_show_test(self, on: bool) -> None:
        self.show_test = on
        for item in self.test_items:
            item.setVisible(on)

    def set_discrete(self, on: bool) -> None:
        self.discrete = on

    def set_surface(self, surface, title: str = "") -> None:
        """A probe.Surface: values over the plane (row 0 = smallest x₂)."""
        if surface is None or self.mode != "2d":
            return
        (x0, x1), (y0, y1) = surface.domain
        self.last_values = surface.values
        rgba = surface_rgba(surface, self.theme, self.discrete)
        self.image.setImage(rgba, autoLevels=False, levels=(0, 255))
        h, w = rgba.shape[:2]
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.title_item.setText(title)
        self.title_item.setPos(x0, y1)

    def clear_model(self) -> None:
        """Draw no network (none can train): the data points stay, the surface or the
        fitted curve goes."""
        self.image.clear()
        self.last_values = None
        self.title_item.setText("")
        self.fit.setData([], [])
        self._clear_parts()
        self._show_node_curve(None, "")

    def _clear_parts(self) -> None:
        for p in self.parts:
            self.removeItem(p)
        self.parts = []

    def set_curve(self, curve, node_curve=None, title: str = "") -> None:
        """A probe.Curve (one-input regression) and optionally one neuron's own curve."""
        if curve is None or self.mode != "1d":
            return
        self.fit.setData(curve.x, curve.y)
        if len(self.parts) != len(curve.parts):
            self._clear_parts()
            for k in range(len(curve.parts)):
                c = QColor(CATEGORICAL[k % len(CATEGORICAL)])
                c.setAlpha(110)
                item = StampedCurve(pen=_pen(c, 1.4))
                item.setZValue(-1)
                self.addItem(item)
                self.parts.append(item)
        for item, ys in zip(self.parts, curve.parts):
            item.setData(curve.x, ys)
        self._show_node_curve(node_curve, title)
        ys = [curve.y, self.dataset.y_train] if self.dataset is not None else [curve.y]
        lo = min(float(np.min(v)) for v in ys if len(v))
        hi = max(float(np.max(v)) for v in ys if len(v))
        pad = 0.15 * (hi - lo or 1.0)
        self.setYRange(lo - pad, hi + pad, padding=0)

    def _show_node_curve(self, node_curve, title: str) -> None:
        """The neuron's curve (dashed) on the right axis, labelled with ``title``."""
        axis = self.getAxis("right")
        if node_curve is None:
            self.node_curve.setData([], [])
            if axis.isVisible():
                self.hideAxis("right")
            return
        _, x, y = node_curve
        y = np.asarray(y, dtype=float)
        ok = np.isfinite(y)
        self.node_curve.setData(np.asarray(x, dtype=float)[ok], y[ok])
        if self.node_view.scene() is None and self.scene() is not None:
            self.scene().addItem(self.node_view)
        if not axis.isVisible():
            self.showAxis("right")
        color = self.theme.selection
        axis.setPen(pg.mkPen(color))
        axis.setTextPen(pg.mkPen(color))
        if axis.labelText != title:
            axis.setLabel(title, color=color.name())
        lo, hi = (float(y[ok].min()), float(y[ok].max())) if ok.any() else (0.0, 1.0)
        pad = 0.1 * (hi - lo) if hi > lo else 0.5
        self.node_view.setYRange(lo - pad, hi + pad, padding=0)
        self._sync_node_view()

    def _sync_node_view(self) -> None:
        self.node_view.setGeometry(self.vb.sceneBoundingRect())
        self.node_view.linkedViewChanged(self.vb, self.node_view.XAxis)


# loss ---------------------------------------------------------------------------------------
class LossPlot(ThemedPlot):
    """Train and test loss per epoch (log scale optional), accuracy or R² on the right.
    Only the series that exist are drawn and named: no test curves without test data, no
    R² where it is undefined (a single training point)."""

    MAX_POINTS = 2000
    EMPTY_LOG_DECADES = (-2.0, 0.0)     # a log axis with no loss to show: 0.01 to 1

    def __init__(self, theme: encoding.Theme):
        super().__init__(theme, axisItems={"bottom": EpochAxis("bottom")})
        self._log_empty = False             # the log axis shows EMPTY_LOG_DECADES
        self.setLabel("left", tr("loss"))
        self.addLegend(offset=(-8, 8), labelTextColor=theme.text, brush=pg.mkBrush(_translucent(theme.canvas)))
        self.train = self._line(pen=_pen(CATEGORICAL[0], 2.0))
        self.test = self._line(pen=_pen(CATEGORICAL[1], 2.0, Qt.PenStyle.DashLine))
        # each mini-batch's loss, while the run is young (STEP_VIEW_EPOCHS)
        self.batch = self._line(pen=_pen(_translucent(QColor(CATEGORICAL[0]), 120), 1.0),
                                symbol="o", symbolSize=3, symbolPen=None,
                                symbolBrush=_translucent(QColor(CATEGORICAL[0]), 160))
        self.batch.setZValue(-1)
        self.metric_view = LazyMenuViewBox()
        self.showAxis("right")
        self.scene_attached = False
        self.getAxis("right").linkToView(self.metric_view)
        self.metric_view.setXLink(self)
        self.metric_train = StampedCurve(pen=_pen(CATEGORICAL[2], 1.6))
        self.metric_test = StampedCurve(pen=_pen(CATEGORICAL[2], 1.4, Qt.PenStyle.DotLine))
        self.metric_view.addItem(self.metric_train)
        self.metric_view.addItem(self.metric_test)
        self.metric_view.setYRange(0, 1.02, padding=0)
        self.setXRange(0, 10, padding=0)
        self.follow_epoch_range()
        self.vb.sigResized.connect(self._sync)
        self.lr_lines: list = []
        self._lr_drawn: tuple | None = None       # (changes, theme) the lines show
        self.log_scale = False
        self.metric_name = "accuracy"
        self.present: dict[str, bool] = {}        # series → drawn (see _present)
        self._legend_key = None
        self._loss_top = None
        self.getAxis("right").setLabel(tr("accuracy"))
        self._update_legend({"train": True, "test": True, "metric_train": True, "metric_test": True})

    def _sync(self) -> None:
        self.metric_view.setGeometry(self.vb.sceneBoundingRect())
        self.metric_view.linkedViewChanged(self.vb, self.metric_view.XAxis)

    def attach(self) -> None:
        """Add the metric's view box to the scene (once the plot is in one)."""
        if not self.scene_attached and self.scene() is not None:
            # drawn above the plot and its axes, whose grid may be opaque (grid_behind), yet
            # the mouse passes through it: clicks, drags, the wheel and the right-click menu
            # stay the loss view's, as when it lay below
            self.metric_view.setZValue(self.zValue() + 1)
            self.metric_view.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.metric_view.setMouseEnabled(False, False)
            self.metric_view.setMenuEnabled(False)
            self.scene().addItem(self.metric_view)
            self.scene_attached = True
            self._sync()

    def set_log(self, on: bool) -> None:
        self.log_scale = on
        self.setLogMode(y=on)
        self.getAxis("right").setLogMode(False, False)     # the accuracy stays linear
        self._loss_top = None
        self._log_empty = False
        if on:
            self.enableAutoRange(axis="y")

    def names(self) -> dict[str, str]:
        """The legend's name of each series for the current metric."""
        r2 = self.metric_name == "r2"
        return {"train": tr("train loss"), "test": tr("test loss"), "batch": tr("mini-batch loss"),
                "metric_train": tr("train R²") if r2 else tr("train accuracy"),
                "metric_test": caption_name(tr("test R² %1") if r2 else tr("test accuracy %1"))}

    def _update_legend(self, present: dict[str, bool]) -> None:
        key = (self.metric_name, tuple(sorted(present.items())))
        if key == self._legend_key:
            return
        self._legend_key = key
        self.present = dict(present)
        self.legend.clear()
        names = self.names()
        items = {"train": self.train, "test": self.test, "batch": self.batch,
                 "metric_train": self.metric_train, "metric_test": self.metric_test}
        for series, item in items.items():
            if present.get(series):
                self.legend.addItem(item, names[series])
        metric = present.get("metric_train") or present.get("metric_test")
        if metric != self.getAxis("right").isVisible():
            self.showAxis("right", bool(metric))

    @staticmethod
    def _present(values: np.ndarray, current: float | None) -> bool:
        """A series exists if it has a value in some epoch; before the first epoch, if the
        latest snapshot has one (unknown: assume it does)."""
        if len(values):
            return bool(np.any(np.isfinite(values)))
        return True if current is None else bool(np.isfinite(current))

    def set_history(self, history, metric_name: str, latest=None) -> None:
        """``latest``: the snapshot the history belongs to (tells, before the first epoch,
        which series will exist)."""
        self.attach()
        e = history.epoch
        n = len(e)
        step = max(1, n // self.MAX_POINTS)
        sl = slice(None, None, step)
        if metric_name != self.metric_name:
            self.metric_name = metric_name
            self.getAxis("right").setLabel("R²" if metric_name == "r2" else tr("accuracy"))
        value = (lambda name: getattr(latest, name, None)) if latest is not None else (lambda name: None)
        present = {"train": True,
                   "test": self._present(history.test_loss, value("test_loss")),
                   "metric_train": self._present(history.train_metric, value("train_metric")),
                   "metric_test": self._present(history.test_metric, value("test_metric"))}
        steps = young_steps(history, value("step_history"))
        present["batch"] = steps is not None
        self._update_legend(present)
        x = e[sl]
        tr_loss, te_loss = history.train_loss[sl], history.test_loss[sl]
        if self.log_scale:
            tr_loss = np.maximum(tr_loss, 1e-12)
            te_loss = np.maximum(te_loss, 1e-12)
        self.train.setData(x, tr_loss)
        if present["test"]:
            ok = np.isfinite(te_loss)
            self.test.setData(x[ok], te_loss[ok])
        else:
            self.test.setData([], [])
        if steps is not None:
            sx, sy = steps.epoch, steps.loss
            ok = np.isfinite(sy)
            sx, sy = sx[ok], sy[ok]
            if self.log_scale:
                sy = np.maximum(sy, 1e-12)
            self.batch.setData(sx, sy)
            last = max(float(e[-1]) if n else 0.0, float(sx[-1]) if len(sx) else 0.0)
            self._set_epoch_range(last, minimum=0.1)
            self._set_loss_range(tr_loss, te_loss, sy)
        else:
            self.batch.setData([], [])
            self._set_epoch_range(float(e[-1]) if n else 0.0)
            self._set_loss_range(tr_loss, te_loss)
        m_tr = np.clip(history.train_metric[sl], -0.1, 1.0)      # NaN stays NaN: a gap
        m_te = np.clip(history.test_metric[sl], -0.1, 1.0)
        for item, m, on in ((self.metric_train, m_tr, present["metric_train"]),
                            (self.metric_test, m_te, present["metric_test"])):
            if on:
                item.setData(x, m, connect="finite")
            else:
                item.setData([], [])
        finite = np.concatenate([m_tr[np.isfinite(m_tr)], m_te[np.isfinite(m_te)]])
        self.metric_view.setYRange(min(0.0, float(finite.min())) if finite.size else 0.0, 1.02, padding=0)
        self._draw_lr_changes(history.lr_changes)

    def _draw_lr_changes(self, changes) -> None:
        """A dashed line where the learning rate changed. Rebuilt only when the changes
        (or the theme) do: each line is a pyqtgraph item with a text label, and remaking them
        on every update made garbage for the collector ten times a second."""
        key = (tuple(changes), self.theme.name)
        if key == self._lr_drawn:
            return
        self._lr_drawn = key
        for line in self.lr_lines:
            self.removeItem(line)
        self.lr_lines = []
        for epoch, lr in changes:
            line = pg.InfiniteLine(epoch, angle=90, pen=_pen(self.theme.muted, 1, Qt.PenStyle.DashLine),
                                   label=f"α={lr:g}", labelOpts={"position": 0.9, "color": self.theme.muted})
            self.addItem(line)
            self.lr_lines.append(line)

    def _set_loss_range(self, *losses: np.ndarray) -> None:
        """A loss is never negative: the axis starts at 0 and ends at a round number above
        the largest loss (so it is laid out again only when that grows past it)."""
        values = np.concatenate([v[np.isfinite(v)] for v in losses]) if losses else np.zeros(0)
        if self.log_scale:
            # log axis: the view box's auto range (decades), but with no loss to show it
            # would keep the range of the run before: a decade or so up to 1 instead
            if not values.size:
                self.setYRange(*self.EMPTY_LOG_DECADES, padding=0)
                self._log_empty = True
            elif self._log_empty:
                self._log_empty = False
                self.enableAutoRange(axis="y")
            return
        hi = float(values.max()) if values.size else 0.0
        top = nice_ceiling(hi * 1.02, minimum=1e-12) if hi > 0 else 1.0
        if top != self._loss_top:
            self._loss_top = top
            self.setYRange(0.0, top, padding=0)


# gradient flow ------------------------------------------------------------------------------
class GradientPlot(ThemedPlot):
    """Mean |∂J/∂w| per layer over the epochs, log scale, first layer to last."""

    MAX_POINTS = 2000
    EMPTY_DECADES = (-4.0, 0.0)     # the axis with no gradient to show: 10⁻⁴ to 1

    def __init__(self, theme: encoding.Theme):
        # decades only (minor labels crowd), fewer of them on a short axis
        super().__init__(theme, axisItems={"left": DecadeAxis("left"), "bottom": EpochAxis("bottom")})
        self.setLabel("left", tr("mean |∂J/∂w|"))
        self.setLogMode(y=True)
        self.addLegend(offset=(-8, 8), labelTextColor=theme.text, brush=pg.mkBrush(_translucent(theme.canvas)))
        self.layer_curves: list[pg.PlotDataItem] = []
        self.step_curves: list[pg.PlotDataItem] = []      # per mini-batch, a young run
        self.setXRange(0, 10, padding=0)
        self.follow_epoch_range()
        self.setYRange(*self.EMPTY_DECADES, padding=0)
        # what the curves show, in words (vanishing, exploding, dead units…): the panel
        # shows it above the plot and a figure in its caption, never over the curves
        self.notes: list[str] = []
        self.note_text = ""

    def _colors(self, n: int) -> list[QColor]:
        """First layer to last along the linear colour-blind-safe map, kept away from the
        end that matches the background."""
        lut = encoding.magnitude().lut
        lo, hi = (95, 245) if self.theme.name == "dark" else (40, 200)
        idx = np.linspace(lo, hi, max(n, 1)).astype(int)
        return [QColor(*lut[min(int(i * len(lut) / 256), len(lut) - 1)]) for i in idx]

    def set_history(self, history, dead_per_layer=None, saturated_per_layer=None,
                    clip_fraction: float = 0.0, output_layer: int | None = None,
                    saturated_share=None, saturated_share_wrong=None, step_history=None) -> None:
        g = history.grad_norms
        n_layers = g.shape[1] if g.ndim == 2 else 0
        steps = young_steps(history, step_history)
        if steps is not None and steps.grad_norms.ndim == 2 and not n_layers:
            n_layers = steps.grad_norms.shape[1]
        if steps is not None and (steps.grad_norms.ndim != 2 or steps.grad_norms.shape[1] != n_layers):
            steps = None
        if len(self.layer_curves) != n_layers or getattr(self, "_theme_used", None) != self.theme.name:
            self._theme_used = self.theme.name
            for c in self.layer_curves + self.step_curves:
                self.removeItem(c)
            self.legend.clear()
            self.layer_curves = []
            self.step_curves = []
            colors = self._colors(n_layers)
            self.legend.setColumnCount(max(1, min(n_layers, 4)))
            for k in range(n_layers):
                c = self._line(pen=_pen(colors[k], 2.0), name=self.layer_name(k, n_layers))
                self.layer_curves.append(c)
            for k in range(n_layers):
                c = self._line(pen=_pen(_translucent(colors[k], 150), 1.0), symbol="o", symbolSize=3,
                               symbolPen=None, symbolBrush=_translucent(colors[k], 190))
                c.setZValue(-1)
                self.step_curves.append(c)
        e = history.epoch
        step = max(1, len(e) // self.MAX_POINTS)
        positive = g[np.isfinite(g) & (g > 0)] if g.size else np.zeros(0)
        sg = steps.grad_norms if steps is not None else None
        if sg is not None:
            with np.errstate(invalid="ignore"):
                positive = np.concatenate([positive, sg[np.isfinite(sg) & (sg > 0)]])
        # a gradient of exactly 0 (dead ReLUs) has no logarithm: draw it on a floor two
        # decades under the smallest real value, and say so in the note
        floor = float(positive.min()) / 100 if positive.size else 1e-12
        for k, c in enumerate(self.layer_curves):
            v = g[::step, k] if g.ndim == 2 and g.shape[1] == n_layers else np.zeros(0)
            ok = np.isfinite(v)
            c.setData(e[::step][ok], np.maximum(v[ok], floor))
        last = float(e[-1]) if len(e) else 0.0
        for k, c in enumerate(self.step_curves):
            if sg is None:
                c.setData([], [])
                continue
            v = sg[:, k]
            ok = np.isfinite(v)
            c.setData(steps.epoch[ok], np.maximum(v[ok], floor))
        if sg is not None:
            self._set_epoch_range(max(last, float(steps.epoch[-1])), minimum=0.1)
        else:
            self._set_epoch_range(last)
        if positive.size:    # log mode: the range is in decades; at least two
            # down to the floor only when a curve is drawn on it (a gradient of 0)
            bottom = floor if np.any(g[np.isfinite(g)] == 0) else float(positive.min())
            lo, hi = np.log10(bottom) - 0.3, np.log10(positive.max()) + 0.3
            if hi - lo < 2.0:
                mid = (hi + lo) / 2
                lo, hi = mid - 1.0, mid + 1.0
            spacing = decade_spacing(lo, hi)
            self.getAxis("left").setTickSpacing(spacing, spacing)
            self.setYRange(lo, hi, padding=0)
        elif len(e) or sg is not None:
            self.setYRange(np.log10(floor) - 1, np.log10(floor) + 1, padding=0)
        else:
            # no run, or one not measured yet (a clear, a new drawing): not the decades of
            # the run before, which would frame the next run's first curves wrongly
            self.setYRange(*self.EMPTY_DECADES, padding=0)
        notes = []
        if n_layers and len(e) and np.all(g[-1] == 0):
            notes.append(tr("no gradient reaches any weight: training is stuck"))
        elif n_layers and len(e) and np.any(g[-1] == 0):
            zero = [str(k + 1) for k in range(n_layers) if g[-1, k] == 0]
            notes.append(tr("no gradient in layer(s) %1").replace("%1", ", ".join(zero)))
        if n_layers and len(e):
            notes += diagnosis.layer_notes(g[-1], saturated_share, saturated_share_wrong)
        if dead_per_layer is not None and np.any(np.asarray(dead_per_layer) > 0):
            notes.append(tr("dead ReLUs: %1").replace("%1", self._per_layer(dead_per_layer)))
        if saturated_per_layer is not None and np.any(np.asarray(saturated_per_layer) > 0):
            notes.append(tr("saturated units: %1").replace("%1", self._per_layer(saturated_per_layer)))
        if clip_fraction > 0:
            notes.append(tr("clipping acted on %1 of the steps").replace("%1", f"{clip_fraction:.0%}"))
        self.notes = notes
        self.note_text = "\n".join(notes)

    @classmethod
    def _per_layer(cls, shares) -> str:
        """“layer 1 40%, output layer 100%”: the layers with a share above 0, named as in the key."""
        shares = np.asarray(shares, dtype=float)
        return ", ".join(f"{cls.layer_full_name(k, len(shares))} {v:.0%}"
                         for k, v in enumerate(shares) if v > 0)

    @staticmethod
    def layer_full_name(k: int, n_layers: int) -> str:
        """“layer 2”, or “output layer” for the last."""
        return tr("output layer") if k == n_layers - 1 else tr("layer %1").replace("%1", str(k + 1))

    @classmethod
    def layer_name(cls, k: int, n_layers: int) -> str:
        """Short names that fit a key row of a deep network: “layer 1”, “2”, … “output layer”."""
        return cls.layer_full_name(k, n_layers) if k in (0, n_layers - 1) else str(k + 1)
