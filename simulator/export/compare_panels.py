"""The comparison as figure panels: the small multiples and the loss chart the Compare
panel shows (simulator/render/compare_view.py), laid out on a page."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPainter

from ..render import encoding
from ..render.compare_view import CompareLossPlot, grid_shape, paint_tile, variant_colors, variant_label
from .captions import join
from .figure import Panel, TextPanel, TextSizes, draw_text, text_height
from .options import tr
from .plot_panels import PlotPanel, style_plot


def language() -> str:
    return getattr(QCoreApplication.instance(), "nnsim_language", "en")


def summary(snap) -> str:
    """“16 variants  ·  epoch 200  ·  9 stuck  ·  1 diverged”."""
    if snap is None:
        return tr("no comparison trained yet")
    counts = {s: sum(v.status == s for v in snap.variants) for s in ("stuck", "behind", "diverged")}
    return join(tr("%1 variants").replace("%1", str(len(snap.variants))),
                tr("epoch %1").replace("%1", str(snap.epoch)),
                tr("%1 stuck").replace("%1", str(counts["stuck"])) if counts["stuck"] else "",
                tr("%1 behind").replace("%1", str(counts["behind"])) if counts["behind"] else "",
                tr("%1 diverged").replace("%1", str(counts["diverged"])) if counts["diverged"] else "")


class ComparisonTiles(Panel):
    """Every variant's surface or fit, label and accuracy, in a grid."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes):
        super().__init__(rect, theme, sizes)
        self.snap = None

    def update(self, state) -> None:
        self.snap = getattr(state, "comparison", None)

    def tiles(self) -> list[QRectF]:
        """Where each small multiple goes."""
        n = len(self.snap.variants) if self.snap is not None else 0
        if not n:
            return []
        gap = 0.12 * self.rect.height() / max(1, n ** 0.5) + 6
        extra = 2 * text_height(self.sizes.caption) + 6
        cols, rows = grid_shape(n, self.rect.width(), self.rect.height(), extra + gap)
        w, h = self.rect.width() / cols, self.rect.height() / rows
        side = min(w - gap, h - extra - gap)
        h = side + extra + gap                        # rows as tall as they need, centred
        top = self.rect.top() + max(0.0, (self.rect.height() - rows * h) / 2)
        out = []
        for k in range(n):
            r, c = divmod(k, cols)
            x = self.rect.left() + c * w + (w - side) / 2
            out.append(QRectF(x, top + r * h, side, side + extra))
        return out

    def paint(self, painter: QPainter) -> None:
        if self.snap is None or not self.snap.variants:
            draw_text(painter, self.rect, tr("no comparison trained yet"), self.sizes.caption, self.theme.muted,
                      Qt.AlignmentFlag.AlignCenter)
            return
        colors = variant_colors(len(self.snap.variants))
        lang = language()
        for view, rect, color in zip(self.snap.variants, self.tiles(), colors):
            points = max(5.5, min(self.sizes.caption, rect.width() / 14.0 / (self.sizes.caption / 9.0)))
            paint_tile(painter, rect, view, variant_label(view.variant, lang), color, self.theme, points)


class CompareLossPanel(PlotPanel):
    """Every variant's training loss on one chart."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, caption: bool = True):
        super().__init__(rect, theme, sizes, CompareLossPlot(theme), tr("Training loss"), caption)

    def update(self, state) -> None:
        plot: CompareLossPlot = self.plot
        snap = getattr(state, "comparison", None)
        if plot.log_scale != state.compare_log_scale:
            plot.set_log(state.compare_log_scale)
        if snap is None:
            self.set_note(tr("not trained"))
            return
        plot.set_comparison(snap, variant_colors(len(snap.variants)), snap.target_epochs)
        style_plot(plot, self.theme, self.sizes)
        self.log_axis = plot.log_scale
        self.caption = join(tr("log scale") if plot.log_scale else "",
                            tr("dashed: stuck"))


class _Subtitle(TextPanel):
    def update(self, state) -> None:
        self.text = summary(getattr(state, "comparison", None))


def compare_layout(fig, heading: str, sizes: TextSizes, dpi: float, margin: float) -> None:
    """Title and summary, the small multiples on the left, the loss chart on the right (or
    under them on a tall page)."""
    theme = fig.theme
    m = margin * dpi
    content = fig.rect.adjusted(m, m, -m, -m)
    title_pt = sizes.title * 1.45
    title_h = text_height(title_pt)
    sub_h = text_height(sizes.caption)
    fig.add(TextPanel(QRectF(content.left(), content.top(), content.width(), title_h), theme, sizes,
                      heading or tr("Comparison"), title_pt, bold=True))
    fig.add(_Subtitle(QRectF(content.left(), content.top() + title_h, content.width(), sub_h), theme, sizes,
                      "", sizes.caption, muted=True))
    top = content.top() + title_h + sub_h + 0.12 * dpi
    body = QRectF(content.left(), top, content.width(), content.bottom() - top)
    gap = 0.25 * dpi
    if body.width() >= body.height():
        chart_w = body.width() * 0.38
        tiles = QRectF(body.left(), body.top(), body.width() - chart_w - gap, body.height())
        chart = QRectF(tiles.right() + gap, body.top(), chart_w, min(body.height(), chart_w * 0.9))
        chart.moveTop(body.top() + (body.height() - chart.height()) / 2)
    else:
        chart_h = body.height() * 0.34
        tiles = QRectF(body.left(), body.top(), body.width(), body.height() - chart_h - gap)
        chart = QRectF(body.left(), tiles.bottom() + gap, body.width(), chart_h)
    fig.add(ComparisonTiles(tiles, theme, sizes))
    fig.add(CompareLossPanel(chart, theme, sizes))

