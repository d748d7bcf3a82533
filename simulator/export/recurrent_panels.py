"""The figure panels of a recurrent network on sequences: the network unrolled over time,
one sequence over time (signals and hidden states), and the gradient through time — the
window's own drawings (simulator/render/unrolled.py, sequence_plots.py) laid out on a page."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsScene

from ..render import encoding
from ..render.legend import legend_size, paint_legend
from ..render.network import pretty_feature
from ..render.sequence_plots import SignalsPlot, StatesPlot, TimeGradientPlot
from ..render.time_frames import draw_unrolled_phase, sequence_length, unrolled_focus, unrolled_window
from ..render.unrolled import UnrolledScene, caption as unrolled_caption, window_of
from .captions import epoch_text, join, metric_text
from .figure import Panel, TextSizes, draw_heading, heading_height
from .options import tr
from .plot_panels import PlotPanel, legend_entries, style_plot

GAP = 10.0
MAX_SCALE = 2.0


def chosen_step(state, length: int) -> int:
    """The step t a figure shows: the window's time scrubber, else the last step."""
    t = getattr(state, "time_step", None)
    return length - 1 if t is None else min(max(int(t), 0), max(length - 1, 0))


class UnrolledPanel(Panel):
    """The network copied over the last K steps up to t, the shared weights' encoding."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, legend: bool = True,
                 color_by: str = "gradient"):
        super().__init__(rect, theme, sizes)
        self.scene = UnrolledScene(theme.name)
        self.scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)
        self.scene.color_by = color_by
        self.show_legend = legend
        self.heading = tr("Unrolled over time")
        self.caption = ""
        self.steps = 5
        self.doc = None

    def _build(self, doc, length: int, t: int, window: tuple[int, int] | None = None) -> None:
        first, count = window or window_of(t, length, self.steps)
        self.scene.build(doc, first, count, current=t)

    def update(self, state) -> None:
        snap = state.snapshot
        self.doc = state.doc
        self.steps = int(getattr(state, "unrolled_steps", 5) or 5)
        seq = getattr(snap, "sequence", None)
        length = seq.length if seq is not None else self.steps
        t = chosen_step(state, length)
        self._build(state.doc, length, t)
        if snap is not None:
            self.scene.apply_snapshot(snap)
            mark_health_unrolled(self.scene, snap)
        parts = [epoch_text(snap) if snap is not None else tr("not trained")]
        if seq is not None:
            parts.append(unrolled_caption(seq.split, seq.index, self.scene.first, self.scene.count))
        parts.append(tr("one weight per edge, shared by every copy"))
        self.caption = join(*parts)

    def show_phase(self, trace, snap, phases, index: int, progress: float) -> None:
        """One moment of the step animation through time, on the unrolled network."""
        length = sequence_length(trace)
        focus = unrolled_focus(phases[index], length)
        self._build(self.doc, length, focus, unrolled_window(phases[index], length, self.steps))
        draw_unrolled_phase(self.scene, trace, snap, phases, index, progress)
        self.caption = join(phases[index].describe(trace.n_layers),
                            tr("training sequence %1").replace("%1", str(int(trace.rows[0]))))

    def source_rect(self) -> QRectF:
        return self.scene.itemsBoundingRect().adjusted(-6, -6, 6, 6)

    def layout(self) -> tuple[QRectF, QRectF | None]:
        area = QRectF(self.rect)
        top = heading_height(self.sizes) + 6
        area.setTop(area.top() + top)
        lw, lh = (legend_size().width() * self.sizes.legend_scale, legend_size().height() * self.sizes.legend_scale)
        legend = None
        if self.show_legend and self.scene.edges.pairs:
            area.setBottom(area.bottom() - lh - GAP)
            legend = QRectF(self.rect.left(), self.rect.bottom() - lh, lw, lh)
        src = self.source_rect()
        scale = min(area.width() / max(src.width(), 1), area.height() / max(src.height(), 1), MAX_SCALE)
        w, h = src.width() * scale, src.height() * scale
        target = QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)
        return target, legend

    def paint(self, painter: QPainter) -> None:
        target, legend = self.layout()
        r = self.rect
        draw_heading(painter, QRectF(r.left(), r.top(), r.width(), heading_height(self.sizes)),
                     self.heading, self.caption, self.sizes, self.theme)
        self.scene.render(painter, target, self.source_rect(), Qt.AspectRatioMode.IgnoreAspectRatio)
        if legend is not None:
            painter.save()
            painter.translate(legend.topLeft())
            painter.scale(self.sizes.legend_scale, self.sizes.legend_scale)
            paint_legend(painter, QPointF(0, 0), self.theme, self.scene.color_by, self.scene.color_scale)
            painter.restore()


def mark_health_unrolled(scene: UnrolledScene, snap) -> None:
    """Dead or diverged marks, as on the drawing, on every copy of a neuron."""
    bad_layer = snap.diverged.layer if snap.diverged is not None else None
    dead = getattr(snap, "dead_nodes", None)
    index = {n: j for j, n in enumerate(snap.node_ids)}
    for item in scene.nodes.values():
        j = index.get(item.base_id)
        if j is None:
            continue
        item.flagged = bad_layer is not None and int(snap.node_layer[j]) == bad_layer
        item.dead = bool(dead[j]) if dead is not None and j < len(dead) else False


class SequencePanel(Panel):
    """One sequence: input, target and output over the steps above the hidden neurons'
    values (neurons × time), the step t marked on both."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes):
        super().__init__(rect, theme, sizes)
        self.heading = tr("Sequence")
        self.caption = ""
        top = heading_height(sizes) + 4
        body = QRectF(rect.left(), rect.top() + top, rect.width(), rect.height() - top)
        split = body.height() * 0.56
        self.signals = PlotPanel(QRectF(body.left(), body.top(), body.width(), split), theme, sizes,
                                 SignalsPlot(theme), key_row=True, caption=False)
        self.states = PlotPanel(QRectF(body.left(), body.top() + split + GAP, body.width(),
                                       body.height() - split - GAP), theme, sizes, StatesPlot(theme),
                                caption=False)

    def update(self, state) -> None:
        snap, doc = state.snapshot, state.doc
        seq = getattr(snap, "sequence", None)
        nodes = {n["id"]: n for n in doc["network"]["nodes"]}
        if seq is None:
            self.signals.set_note(tr("no sequence"))
            self.caption = ""
            return
        inputs = [n["id"] for n in doc["network"]["nodes"] if n.get("kind") == "input"]
        names = [pretty_feature(nodes[i].get("feature", i)) for i in inputs][: seq.x.shape[1]]
        names += [f"x{k + 1}" for k in range(len(names), seq.x.shape[1])]
        signals: SignalsPlot = self.signals.plot
        signals.set_sequence(seq, names, list(seq.output_ids))
        hidden = [i for i in snap.node_ids if nodes.get(i, {}).get("kind") == "hidden"]
        states: StatesPlot = self.states.plot
        states.set_sequence(seq, list(snap.node_ids), hidden, [nodes[i].get("activation") or "tanh" for i in hidden])
        t = chosen_step(state, seq.length)
        signals.set_time(t)
        states.set_time(t)
        for panel in (self.signals, self.states):
            style_plot(panel.plot, self.theme, self.sizes)
        self.signals.key_entries = legend_entries(signals)
        which = (tr("training sequence %1") if seq.split == "train" else tr("test sequence %1")).replace(
            "%1", str(seq.index))
        right = ""
        if seq.correct is not None and np.isfinite(seq.correct).any():
            right = tr("%1 of %2 steps with a target right").replace("%1", str(int(np.nansum(seq.correct)))) \
                .replace("%2", str(int(np.isfinite(seq.correct).sum())))
        self.caption = join(which, tr("step t = %1 marked").replace("%1", str(t)), right)

    def paint(self, painter: QPainter) -> None:
        r = self.rect
        draw_heading(painter, QRectF(r.left(), r.top(), r.width(), heading_height(self.sizes)),
                     self.heading, self.caption, self.sizes, self.theme)
        for panel in (self.signals, self.states):
            painter.save()
            panel.paint(painter)
            painter.restore()

    def plot_scenes(self) -> list[QGraphicsScene]:
        return self.signals.plot_scenes() + self.states.plot_scenes()

    def close(self) -> None:
        self.signals.close()
        self.states.close()


class TimeGradientPanel(PlotPanel):
    """Mean |∂J/∂h| at each step back in time (log scale)."""

    def __init__(self, rect: QRectF, theme: encoding.Theme, sizes: TextSizes, caption: bool = True):
        super().__init__(rect, theme, sizes, TimeGradientPlot(theme), tr("Gradient through time"), caption,
                         key_row=True)

    def update(self, state) -> None:
        plot: TimeGradientPlot = self.plot
        snap = state.snapshot
        if snap is None:
            self.set_note(tr("not trained"))
            return
        norms = getattr(snap, "time_gradient_norms", None)
        plot.set_norms(norms)
        style_plot(plot, self.theme, self.sizes)
        self.log_axis = True
        self.key_entries = legend_entries(plot)
        self.set_note("" if norms is not None and len(norms) else tr("no sequence"))
        self.caption = join(epoch_text(snap), *plot.notes)
