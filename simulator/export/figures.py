"""Which panels make each view, and where they go on the page."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF

from ..render import encoding
from .figure import FIGURE_TEXT, SLIDE_TEXT, Figure, TextPanel, layout_dpi, text_height
from .captions import metrics_line
from . import recurrent_panels
from .compare_panels import compare_layout
from .network_panel import NetworkPanel
from .options import FigureOptions, tr
from .plot_panels import ActivationPanel, GradientPanel, LossPanel, SurfacePanel

MARGIN = 0.12          # inches around a single view
SLIDE_MARGIN = 0.45    # inches around a slide's content


def build_figure(options: FigureOptions, state, title: str | None = None) -> Figure:
    """The figure of ``options.view`` showing ``state`` (an ExportState)."""
    options.check()
    dpi = layout_dpi()
    w_in, h_in = options.size_in()
    theme = encoding.theme(options.theme)
    heading = state.title if title is None else title
    fig = Figure(QSizeF(w_in * dpi, h_in * dpi), theme, options.transparent,
                 title=heading or tr("nnsim figure"))
    if options.view == "slide":
        _slide(fig, options, heading, state)
    elif options.view == "compare":
        compare_layout(fig, heading, FIGURE_TEXT, dpi, MARGIN * 2)
    else:
        m = MARGIN * dpi
        inner = fig.rect.adjusted(m, m, -m, -m)
        fig.add(single_panel(options, inner, theme))
    fig.update(state)
    return fig


def single_panel(options: FigureOptions, rect: QRectF, theme: encoding.Theme):
    sizes = FIGURE_TEXT
    view = options.view
    if view == "network":
        return NetworkPanel(rect, theme, sizes, legend=options.legend, color_by=options.color_by,
                            heading=tr("Network"))
    if view == "unrolled":
        return recurrent_panels.UnrolledPanel(rect, theme, sizes, legend=options.legend, color_by=options.color_by)
    if view == "sequence":
        return recurrent_panels.SequencePanel(rect, theme, sizes)
    if view == "time-gradients":
        return recurrent_panels.TimeGradientPanel(rect, theme, sizes)
    cls = {"surface": SurfacePanel, "activations": ActivationPanel, "loss": LossPanel,
           "gradients": GradientPanel}[view]
    return cls(rect, theme, sizes)


class _SlideSubtitle(TextPanel):
    """The slide's second line: epoch and metrics of the state shown."""

    def update(self, state) -> None:
        self.text = metrics_line(state.snapshot)


def _slide(fig: Figure, options: FigureOptions, heading: str, state) -> None:
    """A 16:9 page: title, the metrics, then the network, the decision surface (or fit) and
    the loss — laid out for the network's shape: a wide network on top of the loss beside
    a square surface, a tall one down the left beside the surface and the loss."""
    dpi = layout_dpi()
    theme, sizes = fig.theme, SLIDE_TEXT
    m = SLIDE_MARGIN * dpi
    content = fig.rect.adjusted(m, m * 0.8, -m, -m * 0.8)
    title_h = text_height(sizes.heading)
    sub_h = text_height(sizes.subheading)
    fig.add(TextPanel(QRectF(content.left(), content.top(), content.width(), title_h), theme, sizes,
                      heading or tr("Neural network"), sizes.heading, bold=True))
    fig.add(_SlideSubtitle(QRectF(content.left(), content.top() + title_h, content.width(), sub_h),
                           theme, sizes, "", sizes.subheading, muted=True))
    top = content.top() + title_h + sub_h + 0.18 * dpi
    body = QRectF(content.left(), top, content.width(), content.bottom() - top)
    gap = 0.3 * dpi
    net = NetworkPanel(QRectF(), theme, sizes, legend=options.legend, color_by=options.color_by,
                       caption=False, heading=tr("Network"))
    net.update(state)
    # A: the surface a square as tall as the body on the right; network over loss on the left
    right_w = min(body.height() * 0.92, body.width() * 0.45)
    left = QRectF(body.left(), body.top(), body.width() - right_w - gap, body.height())
    net_a = QRectF(left.left(), left.top(), left.width(), left.height() * 0.64)
    loss_a = QRectF(left.left(), net_a.bottom() + gap * 0.5, left.width(), left.bottom() - net_a.bottom() - gap * 0.5)
    surface_a = QRectF(left.right() + gap, body.top(), right_w, body.height())
    # B: the network down the left; surface over loss on the right
    net_b = QRectF(body.left(), body.top(), body.width() * 0.42, body.height())
    right = QRectF(net_b.right() + gap, body.top(), body.right() - net_b.right() - gap, body.height())
    surface_h = right.height() * 0.6
    two_d = state.data is not None and getattr(state.data, "n_raw", 2) == 2
    surface_w = min(right.width(), surface_h * 1.15) if two_d else right.width()   # keep the plane square
    surface_b = QRectF(right.left() + (right.width() - surface_w) / 2, right.top(), surface_w, surface_h)
    loss_b = QRectF(right.left(), surface_b.bottom() + gap * 0.5, right.width(),
                    right.bottom() - surface_b.bottom() - gap * 0.5)
    net.rect = net_a
    scale_a = net.layout()[2]
    net.rect = net_b
    scale_b = net.layout()[2]
    if scale_a >= scale_b * 0.9:          # A is tidier: keep it unless B draws the network larger
        net.rect, loss, surface = net_a, loss_a, surface_a
    else:
        loss, surface = loss_b, surface_b
    fig.add(net)
    fig.add(LossPanel(loss, theme, sizes, caption=False))
    if getattr(state.data, "is_sequence", False):     # no input plane: the gradient flow instead
        fig.add(GradientPanel(surface, theme, sizes, caption=False))
    else:
        fig.add(SurfacePanel(surface, theme, sizes, caption=False))
