"""Loss / metrics and gradient-flow panels: the history of training, per epoch.

Text goes around the plots, never on them: a one-line summary above, then the key (the
plot's legend as line samples in the curves' own pens), then the plot, which gives up
height first when the panel is small so its axis labels always show."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...render import encoding
from ...render.epoch_text import with_progress
from ...engine.trainer import History
from ...render.plots import GradientPlot, LossPlot

PLOT_MIN_HEIGHT = 110
SCREEN_POINTS = 600          # points per curve on screen: about one per pixel of a docked panel


class ElidedLabel(QLabel):
    """One line of text, shortened with “…” when the panel is narrow; the whole text is
    in the tooltip. ``text()`` returns the whole text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:      # noqa: N802 (Qt's name)
        if text != self._full:
            self._full = text
            self._elide()

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def resizeEvent(self, event) -> None:      # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:      # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()

    def _elide(self) -> None:
        one_line = " · ".join(part for part in self._full.split("\n") if part)
        shown = self.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, max(0, self.width() - 2))
        super().setText(shown)
        self.setToolTip(self._full if shown != one_line or "\n" in self._full else "")


class KeyRow(QWidget):
    """A plot's legend as a row of line samples (the curves' pens: dashed stays dashed)
    and names, over as many lines as the width needs."""

    SAMPLE, GAP, SPACE = 26.0, 5.0, 16.0

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[tuple[QPen, str]] = []
        self._signature = None
        self._n_lines = 1
        # Preferred, not Fixed: a fixed item gets its size hint's one line, not the
        # height its width needs
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_entries(self, entries: list[tuple[QPen, str]]) -> None:
        signature = [(p.color().name(QColor.NameFormat.HexArgb), int(p.style().value), round(p.widthF(), 2), t)
                     for p, t in entries]
        if signature == self._signature:
            return
        self._signature = signature
        self.entries = [(QPen(p), t) for p, t in entries]
        self.updateGeometry()
        self.update()

    def names(self) -> list[str]:
        return [t for _, t in self.entries]

    def _line_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 2

    def _widths(self) -> list[float]:
        metrics = QFontMetricsF(self.font())
        return [self.SAMPLE + self.GAP + metrics.horizontalAdvance(t) for _, t in self.entries]

    def lines(self, width: float) -> list[list[int]]:
        """Entry indices per line, wrapping between entries."""
        out: list[list[int]] = []
        x = 0.0
        for k, w in enumerate(self._widths()):
            if out and x + w <= width:
                out[-1].append(k)
                x += w + self.SPACE
            else:
                out.append([k])
                x = w + self.SPACE
        return out

    def hasHeightForWidth(self) -> bool:     # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:      # noqa: N802
        return int(np.ceil(max(1, len(self.lines(width))) * self._line_height()))

    def sizeHint(self) -> QSize:     # noqa: N802
        widths = self._widths()
        total = sum(widths) + self.SPACE * max(0, len(widths) - 1)
        return QSize(int(np.ceil(total)), self.heightForWidth(self.width()) if self.width() > 0
                     else int(np.ceil(self._line_height())))

    def resizeEvent(self, event) -> None:     # noqa: N802
        super().resizeEvent(event)
        n = max(1, len(self.lines(self.width())))
        if n != self._n_lines:           # wrapped onto more or fewer lines: ask for that height
            self._n_lines = n
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:     # noqa: N802
        return QSize(0, int(np.ceil(self._line_height())))

    def entry_rects(self) -> list[QRectF]:
        """Where each entry is drawn (widget coordinates)."""
        widths = self._widths()
        h = self._line_height()
        rects = [QRectF()] * len(widths)
        for row, line in enumerate(self.lines(self.width())):
            x = 0.0
            for k in line:
                rects[k] = QRectF(x, row * h, widths[k], h)
                x += widths[k] + self.SPACE
        return rects

    def paintEvent(self, event) -> None:     # noqa: N802
        if not self.entries:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_pen = QPen(self.palette().windowText().color())
        for (pen, text), rect in zip(self.entries, self.entry_rects()):
            y = rect.center().y()
            p = QPen(pen)
            p.setCosmetic(True)
            p.setWidthF(max(1.2, pen.widthF()))
            painter.setPen(p)
            painter.drawLine(QPointF(rect.left() + 1, y), QPointF(rect.left() + self.SAMPLE - 1, y))
            painter.setPen(text_pen)
            painter.drawText(QRectF(rect.left() + self.SAMPLE + self.GAP, rect.top(), rect.width(), rect.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()


def _plot_widget(plot, theme: str) -> pg.PlotWidget:
    widget = pg.PlotWidget(plotItem=plot, background=encoding.theme(theme).plot_background)
    widget.setMinimumHeight(PLOT_MIN_HEIGHT)
    plot.grid_behind()                      # nothing under the grid: opaque lines, drawn fast
    plot.legend.setVisible(False)           # the key row above the plot names the curves
    return widget


class ChartPanel(QWidget):
    """A chart over the epochs: a summary line (``top`` takes widgets on its right), the
    key row naming the curves, and the plot; redrawn from the latest snapshot."""

    def __init__(self, plot, theme: str, parent=None):
        super().__init__(parent)
        self.plot = plot
        # thousands of epochs on a few hundred pixels: a wide antialiased curve costs per
        # point, ~9 ms for 3,000 (figures for print keep the class's 2,000)
        self.plot.MAX_POINTS = SCREEN_POINTS
        self.widget = _plot_widget(self.plot, theme)
        self.summary = ElidedLabel()
        self.key = KeyRow()
        self.top = QHBoxLayout()
        self.top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(self.top)
        layout.addWidget(self.key)
        layout.addWidget(self.widget, 1)
        self.snapshot = None

    def set_snapshot(self, snap) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """No run to show (no network that can train): empty curves, no summary."""
        self.snapshot = None
        self._clear_plot()
        self.key.set_entries(self.plot.key_entries())
        self.summary.setText("")

    def _clear_plot(self) -> None:
        raise NotImplementedError

    def set_theme(self, name: str) -> None:
        t = encoding.theme(name)
        self.widget.setBackground(t.plot_background)
        self.plot.apply_theme(t)
        if self.snapshot is not None:
            self.set_snapshot(self.snapshot)


class LossPanel(ChartPanel):
    def __init__(self, theme: str = "light", parent=None):
        super().__init__(LossPlot(encoding.theme(theme)), theme, parent)
        self.plot.attach()
        self.log = QCheckBox(self.tr("log scale"))
        self.log.toggled.connect(self._log)
        # a loss spanning many decades (a diverging run) is unreadable on a linear axis: the
        # box ticks itself then, until the user decides
        self.log_chosen = False
        self.top.addWidget(self.log)
        self.key.set_entries(self.plot.key_entries())

    def _log(self, on: bool) -> None:
        self.log_chosen = True          # the automatic choice is made with signals blocked
        self.plot.set_log(on)
        if self.snapshot is not None:
            self.set_snapshot(self.snapshot)

    def _clear_plot(self) -> None:
        self._auto_log([])               # the log scale a diverged run chose goes with it
        self.plot.set_history(empty_history(), self.plot.metric_name)

    WIDE_DECADES = 6

    def _auto_log(self, parts) -> None:
        """Tick (or untick) the log box when the losses ``parts`` span more (or fewer)
        than WIDE_DECADES decades, unless the user chose."""
        if self.log_chosen:
            return
        v = np.concatenate([np.asarray(p, dtype=float) for p in parts]) if parts else np.zeros(0)
        v = v[np.isfinite(v) & (v > 0)]
        wide = bool(v.size) and math.log10(v.max() / v.min()) > self.WIDE_DECADES
        if wide != self.log.isChecked():
            with QSignalBlocker(self.log):
                self.log.setChecked(wide)
            self.plot.set_log(wide)

    def set_snapshot(self, snap) -> None:
        self.snapshot = snap
        losses = [snap.history.train_loss, snap.history.test_loss]
        if snap.step_history is not None:
            losses.append(snap.step_history.loss)
        self._auto_log(losses)
        self.plot.set_history(snap.history, snap.metric_name, snap)
        self.key.set_entries(self.plot.key_entries())
        if snap.metric_name == "accuracy":
            metric = self.tr("accuracy %1 / %2").replace("%1", _pct(snap.train_metric)).replace("%2", _pct(snap.test_metric))
        else:
            metric = self.tr("R² %1 / %2").replace("%1", _num(snap.train_metric)).replace("%2", _num(snap.test_metric))
        # inside an epoch (stepping), how far: the mini-batch curve's last point is there
        epoch = with_progress(str(snap.epoch), snap)
        self.summary.setText(self.tr("epoch %1 · loss %2 / %3 (train / test) · %4")
                             .replace("%1", epoch).replace("%2", _num(snap.train_loss))
                             .replace("%3", _num(snap.test_loss)).replace("%4", metric))


class GradientPanel(ChartPanel):
    def __init__(self, theme: str = "light", parent=None):
        super().__init__(GradientPlot(encoding.theme(theme)), theme, parent)

    def _clear_plot(self) -> None:
        self.plot.set_history(empty_history())

    def set_snapshot(self, snap) -> None:
        self.snapshot = snap
        self.plot.set_history(snap.history, snap.dead_per_layer, snap.saturated_per_layer,
                              snap.clip_fraction, saturated_share=snap.saturated_share,
                              saturated_share_wrong=snap.saturated_share_wrong,
                              step_history=snap.step_history)
        self.key.set_entries(self.plot.key_entries())
        norms = snap.layer_gradient_norms
        # measured once an epoch is recorded (a reopened file at epoch 3000 has none yet)
        measured = len(snap.history.epoch) > 0
        if measured and len(norms) and np.all(norms == 0):
            text = self.tr("mean |∂J/∂w| is 0 in every layer: no gradient flows (dead ReLUs?)")
        elif measured and len(norms):
            values = " · ".join((self.tr("output") if k == len(norms) - 1 else str(k + 1)) + f": {v:.1e}"
                                for k, v in enumerate(norms))
            text = self.tr("mean |∂J/∂w| in the last epoch, layer by layer — %1").replace("%1", values)
        elif (last := _last_step(snap)) is not None:
            step, norms = last
            values = " · ".join((self.tr("output") if k == len(norms) - 1 else str(k + 1)) + f": {v:.1e}"
                                for k, v in enumerate(norms))
            text = self.tr("mean |∂J/∂w| of mini-batch %1, layer by layer — %2").replace(
                "%1", str(step)).replace("%2", values)
        else:
            text = self.tr("mean |∂J/∂w| per layer appears after the first epoch")
        # what the curves mean first (vanishing, dead units…), then the numbers
        self.summary.setText("\n".join(self.plot.notes + [text]))


def empty_history() -> History:
    """A history of no epoch (what the charts show with no network to train)."""
    none = np.zeros(0)
    return History(epoch=none, train_loss=none, test_loss=none, train_metric=none, test_metric=none,
                   grad_norms=np.zeros((0, 0)), dead_fraction=none)


def _last_step(snap):
    """(step, per-layer norms) of the last mini-batch whose gradient was finite, or None."""
    steps = snap.step_history
    if steps is None or not len(steps.step):
        return None
    finite = np.flatnonzero(np.isfinite(steps.grad_norms).all(axis=1))
    if not len(finite):
        return None
    i = finite[-1]
    return int(steps.step[i]), steps.grad_norms[i]


def _pct(v: float) -> str:
    return f"{v:.1%}" if np.isfinite(v) else "—"


def _num(v: float) -> str:
    return f"{v:.4g}" if np.isfinite(v) else "—"
