"""A comparison drawn: small multiples (each variant's decision surface or 1-D fit with its
label and accuracy, stuck and diverged ones framed in colour) and every variant's loss on
one chart. The Compare panel and exported figures draw with these, so both look alike."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from ..translate import tr
from . import encoding
from .encoding import nice_ceiling
from .plots import CATEGORICAL, ThemedPlot, _pen, class_color, surface_rgba

STUCK_COLOR = QColor("#E69F00")        # Okabe-Ito orange: behind or stuck
LABEL_GAP = 3.0


def variant_colors(n: int) -> list[QColor]:
    """One colour per variant: the colour-blind-safe categorical palette for up to eight,
    else evenly spaced along the colour-blind-safe linear map (in order: seeds, rates)."""
    if n <= len(CATEGORICAL):
        return [QColor(c) for c in CATEGORICAL[:n]]
    cmap = pg.colormap.get("CET-CBL2")
    return [cmap.map(float(t), mode="qcolor") for t in np.linspace(0.0, 0.82, n)]


def status_color(view, theme: encoding.Theme) -> QColor | None:
    """The frame of a variant that needs a look: orange behind or stuck, red diverged."""
    if view.status == "diverged":
        return theme.warning
    if view.status in ("stuck", "behind"):
        return STUCK_COLOR
    return None


# texts ------------------------------------------------------------------------------------------
def variant_label(variant, language: str = "en") -> str:
    """A variant's name in the interface's language."""
    kind, value = variant.kind, variant.value
    if kind == "seed":
        return tr("seed %1").replace("%1", str(value))
    if kind == "learning_rate":            # numbers as every panel writes them
        return f"α = {value:g}"
    if kind == "activation":
        return str(value)
    return variant.labels.get(language, variant.label)


def metric_text(view, short: bool = False) -> str:
    """“70.0%” (test accuracy) or “R² 0.996” (test R²); “—” when there is none; ``short``:
    “70%”, “0.996”."""
    v = view.test_metric if math.isfinite(view.test_metric) else view.train_metric
    if not math.isfinite(v):
        return "—"
    if view.metric_name == "accuracy":
        return f"{v:.0%}" if short else f"{v:.1%}"
    return f"{v:.3f}" if short else f"R² {v:.3f}"


def status_text(view) -> str:
    if view.status == "diverged" and view.diverged is not None:
        return tr("diverged in epoch %1").replace("%1", str(view.diverged.epoch))
    if view.status == "stuck":
        return tr("stuck")
    if view.status == "behind":
        return tr("behind")
    return tr("epoch %1").replace("%1", str(view.epoch))


def tooltip(view, label: str) -> str:
    """Everything about one variant, for its tooltip."""
    lines = [label, status_text(view)]
    if math.isfinite(view.train_loss):
        lines.append(tr("train / test loss %1 / %2").replace("%1", f"{view.train_loss:.4g}")
                     .replace("%2", f"{view.test_loss:.4g}" if math.isfinite(view.test_loss) else "—"))
    if view.metric_name == "accuracy":
        lines.append(tr("test accuracy %1").replace("%1", metric_text(view)))
    else:
        lines.append(tr("test R² %1").replace("%1", f"{view.test_metric:.4f}"))
    lines.append(tr("seed %1").replace("%1", str(view.seed)) + ",  α = " + f"{view.learning_rate:g}")
    return "\n".join(lines)


# one small multiple ---------------------------------------------------------------------------------
def _font(points: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def tile_layout(rect: QRectF, points: float) -> tuple[QRectF, QRectF, QRectF]:
    """(label line, plot, status line) inside a small multiple's rectangle."""
    line = QFontMetricsF(_font(points, True)).height() + 1
    top = QRectF(rect.left(), rect.top(), rect.width(), line)
    side = max(4.0, min(rect.width() - 2, rect.height() - 2 * line - 2 * LABEL_GAP))
    plot = QRectF(rect.center().x() - side / 2, top.bottom() + LABEL_GAP, side, side)
    bottom = QRectF(rect.left(), plot.bottom() + LABEL_GAP, rect.width(), line)
    return top, plot, bottom


def paint_tile(painter: QPainter, rect: QRectF, view, label: str, color: QColor,
               theme: encoding.Theme, points: float = 9.0, selected: bool = False,
               cache: dict | None = None) -> None:
    """One variant: a colour key (its curve's colour in the loss chart) and its label over
    its surface (or fit); under it its test accuracy (or R²) and its epoch, or why it
    stands out (stuck, behind, diverged), in the colour of its frame."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    top, plot, bottom = tile_layout(rect, points)
    frame = status_color(view, theme)
    bold = _font(points, True)
    fm_bold = QFontMetricsF(bold)
    key = QRectF(top.left(), top.center().y() - 2, 12, 4)
    painter.fillRect(key, color)
    painter.setFont(bold)
    painter.setPen(theme.text)
    text_rect = QRectF(key.right() + 4, top.top(), top.right() - key.right() - 4, top.height())
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     fm_bold.elidedText(label, Qt.TextElideMode.ElideRight, max(0.0, text_rect.width())))
    _paint_plot(painter, plot, view, theme, cache)
    # the frame: the status colour, thick; else a hairline
    pen = QPen(frame if frame is not None else theme.grid, 3.0 if frame is not None else 1.0)
    pen.setCosmetic(False)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot.adjusted(-0.5, -0.5, 0.5, 0.5))
    if selected:
        painter.setPen(QPen(theme.selection, 2.0, Qt.PenStyle.DashLine))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
    # the status first (it is why a tile stands out); the accuracy shortened to make room
    small = _font(points * 0.92, frame is not None)
    status = status_text(view)
    status_w = QFontMetricsF(small).horizontalAdvance(status) + 2
    metric = metric_text(view)
    if fm_bold.horizontalAdvance(metric) + 6 + status_w > bottom.width():
        metric = metric_text(view, short=True)
    metric_w = fm_bold.horizontalAdvance(metric) + 2
    if metric_w + 6 + status_w <= bottom.width() or frame is None:
        painter.setFont(bold)
        painter.setPen(theme.text)
        painter.drawText(QRectF(bottom.left(), bottom.top(), metric_w, bottom.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), metric)
    else:
        metric_w = -6
    if frame is None and metric_w + 6 + status_w > bottom.width():
        painter.restore()           # just the epoch, which the panel's summary says too
        return
    painter.setFont(small)
    painter.setPen(frame if frame is not None else theme.muted)
    status_rect = QRectF(bottom.left() + metric_w + 6, bottom.top(), bottom.width() - metric_w - 6, bottom.height())
    painter.drawText(status_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                     QFontMetricsF(small).elidedText(status, Qt.TextElideMode.ElideRight,
                                                     max(0.0, status_rect.width())))
    painter.restore()


def _paint_plot(painter: QPainter, plot: QRectF, view, theme: encoding.Theme, cache: dict | None) -> None:
    painter.fillRect(plot, theme.canvas)
    if view.surface is not None:
        _paint_surface(painter, plot, view, theme, cache)
    elif view.curve is not None:
        _paint_fit(painter, plot, view, theme)


def surface_image(view, theme: encoding.Theme) -> QImage:
    """A variant's decision surface as an image, row 0 on top."""
    s = view.surface
    values = np.nan_to_num(np.asarray(s.values, dtype=float), nan=0.0, posinf=0.0, neginf=0.0)
    surface = type(s)(s.domain, values, s.classes, s.confidence, s.value_range)
    rgba = np.ascontiguousarray(np.flipud(surface_rgba(surface, theme)))
    h, w = rgba.shape[:2]
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def _paint_surface(painter: QPainter, plot: QRectF, view, theme: encoding.Theme, cache: dict | None) -> None:
    """The surface, then the training points. On screen (``cache`` given) both are kept
    as images between paints; a figure draws every point as a vector circle."""
    key = (id(view.surface), theme.name)
    if cache is not None and cache.get("surface", (None,))[0] == key:
        image = cache["surface"][1]
    else:
        image = surface_image(view, theme)
        if cache is not None:
            cache["surface"] = (key, image)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(plot, image)
    painter.restore()
    if cache is None:
        _paint_points(painter, plot, view, theme)
        return
    key = (id(view.data), round(plot.width()), round(plot.height()), theme.name)
    if cache.get("points", (None,))[0] != key:
        layer = QImage(max(1, round(plot.width())), max(1, round(plot.height())),
                       QImage.Format.Format_ARGB32_Premultiplied)
        layer.fill(Qt.GlobalColor.transparent)
        p = QPainter(layer)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _paint_points(p, QRectF(0, 0, layer.width(), layer.height()), view, theme)
        p.end()
        cache["points"] = (key, layer)
    painter.drawImage(plot.topLeft(), cache["points"][1])


def _paint_points(painter: QPainter, plot: QRectF, view, theme: encoding.Theme) -> None:
    (x0, x1), (y0, y1) = view.surface.domain
    d = view.data
    sx, sy = plot.width() / ((x1 - x0) or 1.0), plot.height() / ((y1 - y0) or 1.0)
    r = max(1.2, min(2.6, plot.width() / 70))
    painter.save()
    painter.setClipRect(plot)
    outline = QPen(theme.node_outline, 0.5)
    X, Y = d.x_train, d.y_train
    for label in np.unique(Y) if len(Y) else []:
        color = class_color(label, d.classes)
        sel = Y == label if d.classes != 2 else (Y > 0) == (label > 0)
        painter.setPen(outline)
        painter.setBrush(QBrush(color))
        for x, y in X[sel]:
            painter.drawEllipse(QPointF(plot.left() + (x - x0) * sx, plot.bottom() - (y - y0) * sy), r, r)
    painter.restore()


def _paint_fit(painter: QPainter, plot: QRectF, view, theme: encoding.Theme) -> None:
    c, d = view.curve, view.data
    (x0, x1), = d.domain
    ys = [d.y_train] + ([d.y_test] if len(d.y_test) else [])
    lo = min(float(np.min(v)) for v in ys if len(v))
    hi = max(float(np.max(v)) for v in ys if len(v))
    pad = 0.15 * ((hi - lo) or 1.0)
    lo, hi = lo - pad, hi + pad
    sx, sy = plot.width() / ((x1 - x0) or 1.0), plot.height() / ((hi - lo) or 1.0)

    def at(x, y):
        return QPointF(plot.left() + (x - x0) * sx, plot.bottom() - (y - lo) * sy)

    painter.save()
    painter.setClipRect(plot)
    r = max(1.0, min(2.2, plot.width() / 90))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(theme.muted))
    for x, y in zip(d.x_train[:, 0], d.y_train):
        painter.drawEllipse(at(x, y), r, r)
    y = np.asarray(c.y, dtype=float)
    ok = np.isfinite(y)
    if ok.any():
        y = np.clip(y, lo - 10 * (hi - lo), hi + 10 * (hi - lo))    # far off the tile: drawn to its edge
        path = QPainterPath()
        first = True
        for xv, yv, good in zip(c.x, y, ok):
            if not good:
                first = True
                continue
            (path.moveTo if first else path.lineTo)(at(xv, yv))
            first = False
        pen = QPen(theme.accent, max(1.4, plot.width() / 60))
        pen.setCosmetic(False)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    painter.restore()


def grid_shape(n: int, width: float, height: float, extra_height: float) -> tuple[int, int]:
    """(columns, rows) giving ``n`` small multiples the largest square plots in a
    ``width`` × ``height`` area, each also needing ``extra_height`` for its two text lines."""
    best, best_side = (1, max(n, 1)), -1.0
    for cols in range(1, max(n, 1) + 1):
        rows = math.ceil(n / cols)
        side = min(width / cols, height / rows - extra_height)
        if side > best_side + 1e-9:
            best, best_side = (cols, rows), side
    return best


# the loss chart ------------------------------------------------------------------------------------
class CompareLossPlot(ThemedPlot):
    """Every variant's training loss per epoch on one chart, in the variants' colours; a
    diverged variant's curve ends in a cross. Log scale optional."""

    MAX_POINTS = 1000

    def __init__(self, theme: encoding.Theme):
        super().__init__(theme)
        self.setLabel("bottom", tr("epoch"))
        self.setLabel("left", tr("training loss"))
        self.variant_curves: list = []
        # a PlotDataItem (not a bare scatter) so that it follows the log scale like the curves
        self.ends = pg.PlotDataItem([], [], pen=None, symbol="x", symbolSize=11,
                                    symbolPen=pg.mkPen(theme.warning, width=2), symbolBrush=None)
        self.ends.setZValue(20)
        self.addItem(self.ends)
        self.log_scale = False
        self.highlight: int | None = None
        self.setXRange(0, 10, padding=0)

    def set_log(self, on: bool) -> None:
        self.log_scale = on
        self.setLogMode(y=on)

    def set_comparison(self, snap, colors: list[QColor], target_epochs: int | None = None) -> None:
        views = snap.variants
        while len(self.variant_curves) < len(views):
            self.variant_curves.append(self._line())
        for c in self.variant_curves[len(views):]:
            c.setData([], [])
        series = []
        for v in views:
            e, loss = v.history.epoch, np.asarray(v.history.train_loss, dtype=float)
            step = max(1, len(e) // self.MAX_POINTS)
            x, y = e[::step], loss[::step]
            if len(e) and (len(e) - 1) % step:
                x, y = np.append(x, e[-1]), np.append(y, loss[-1])
            series.append((x, y))
        # the range follows the variants still training: where they start, and most of
        # where they go (a spike of a zig-zagging one or a diverging one leaves the chart
        # upwards instead of flattening every other curve against the axis)
        going = [y[np.isfinite(y)] for (x, y), v in zip(series, views) if v.diverged is None]
        going = [y for y in going if y.size]
        if going:
            every = np.concatenate(going)
            top = max(max(float(y[0]) for y in going), float(np.percentile(every, 98)))
            low = float(every[every > 0].min()) if (every > 0).any() else 1e-12
        else:
            top, low = 1.0, 1e-3
        end_x, end_y = [], []
        for k, ((x, y), v, curve) in enumerate(zip(series, views, self.variant_curves)):
            ok = np.isfinite(y)
            y = np.where(ok, y, np.nan)
            if v.diverged is not None:
                y = np.minimum(y, top)          # off the chart: drawn along its top edge
            if self.log_scale:
                y = np.maximum(y, 1e-12)
            width = 3.2 if self.highlight == k else (2.0 if v.status == "stuck" else 1.6)
            style = Qt.PenStyle.DashLine if v.status == "stuck" else Qt.PenStyle.SolidLine
            curve.setPen(_pen(colors[k], width, style))
            # the variants that learn on top: a zig-zag or a plateau must not hide them
            curve.setZValue(10 if self.highlight == k else {"ok": 3, "training": 3, "behind": 2}.get(v.status, 1))
            curve.setData(x[ok], y[ok])
            if v.diverged is not None and ok.any():
                end_x.append(float(x[ok][-1]))
                end_y.append(float(y[ok][-1]))
        self.ends.setData(end_x, end_y)
        self.ends.setSymbolPen(pg.mkPen(self.theme.warning, width=2))
        last = max([float(v.history.epoch[-1]) for v in views if len(v.history.epoch)] + [target_epochs or 0, 0])
        self._set_epoch_range(last)
        if self.log_scale:
            lo, hi = math.log10(max(low, 1e-12)), math.log10(max(top, 1e-12))
            if hi - lo < 1:
                lo, hi = lo - 0.5, hi + 0.5
            self.setYRange(lo - 0.1, hi + 0.15, padding=0)
        else:
            self.setYRange(0.0, nice_ceiling(top * 1.02, minimum=1e-12), padding=0)
