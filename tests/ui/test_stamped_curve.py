"""Wide curves drawn on screen by stamping a 1-px pen look like the real pen, and figures
keep the real pen."""
import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from simulator.render.stamped_curve import StampedCurve, stamp_offsets


def test_offsets_cover_the_width_without_gaps():
    assert stamp_offsets(1.0) == [(0.0, 0.0)]
    for width in (1.4, 2.0, 3.0):
        xs = sorted({dx for dx, _ in stamp_offsets(width)})
        assert np.isclose(xs[-1] - xs[0], width - 1.0)       # 1-px strokes reach the edges
        assert np.all(np.diff(xs) <= 1.0 + 1e-9)              # and leave no gap between them


def ink(widget) -> np.ndarray:
    img = widget.grab().toImage().convertToFormat(widget.grab().toImage().Format.Format_RGB32)
    a = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    return (255 - a[..., :3].min(axis=2)).astype(float)        # darkness of each pixel


def test_a_stamped_curve_inks_like_the_real_pen(qtbot):
    x = np.linspace(0, 10, 600)
    y = np.sin(3 * x) * np.exp(-x / 5)
    drawn = []
    for cls in (pg.PlotCurveItem, StampedCurve):
        w = pg.PlotWidget(background="w")
        qtbot.addWidget(w)
        w.hideAxis("left")
        w.hideAxis("bottom")
        w.resize(500, 200)
        pen = pg.mkPen((0, 0, 0), width=2.0)
        pen.setCosmetic(True)
        w.addItem(cls(x, y, pen=pen, antialias=True))
        w.setRange(xRange=(0, 10), yRange=(-1, 1), padding=0)
        w.show()
        qtbot.waitExposed(w)
        drawn.append(ink(w))
    real, stamped = drawn
    assert stamped.sum() > 0.8 * real.sum() and stamped.sum() < 1.25 * real.sum()
    # the same pixels: the stamped stroke lies where the real one does
    assert ((real > 60) & (stamped > 60)).sum() > 0.85 * (real > 60).sum()


def test_figures_keep_one_stroke_of_the_true_width(qtbot):
    """Painted without a widget (every figure), the curve strokes once with its real pen."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QWidget

    class CountingPainter(QPainter):
        widths: list = []

        def drawPath(self, path):           # noqa: N802 (Qt's name)
            self.widths.append(self.pen().widthF())
            super().drawPath(path)

        def drawLines(self, *lines):        # noqa: N802 (Qt's name)
            self.widths.append(self.pen().widthF())
            super().drawLines(*lines)

    pen = pg.mkPen((0, 0, 0), width=2.0)
    pen.setCosmetic(True)
    curve = StampedCurve(np.arange(50.0), np.sin(np.arange(50.0)), pen=pen, antialias=True)
    image = QImage(100, 100, QImage.Format.Format_ARGB32)
    painter = CountingPainter(image)
    curve.paint(painter, None, None)
    assert painter.widths == [2.0]
    painter.widths.clear()
    screen = QWidget()
    qtbot.addWidget(screen)
    curve.paint(painter, None, screen)
    assert painter.widths == [1.0] * 4      # on screen: four 1-px strokes
    painter.end()
    assert curve.opts["pen"].widthF() == 2.0
