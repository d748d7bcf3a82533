"""What the window looks like: icons readable on both themes, the legend clear of neurons."""
import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from simulator.document import lessons
from simulator.render.network import NODE_R


def ink_lightness(icon) -> float:
    """Mean lightness of the icon's drawn (opaque) pixels, 0..255."""
    img = icon.pixmap(24, 24).toImage()
    values = [QColor(img.pixelColor(x, y)).lightness()
              for x in range(img.width()) for y in range(img.height())
              if img.pixelColor(x, y).alpha() > 128]
    assert values, "the icon draws nothing"
    return sum(values) / len(values)


def test_training_icons_read_on_the_dark_theme(window):
    w = window
    try:
        w.set_theme("dark")
        background = QApplication.palette().window().color().lightness()
        for action in (w.train.act_play, w.train.act_step, w.train.act_next_phase, w.act_undo):
            assert ink_lightness(action.icon()) - background > 100, action.text()
        w.set_theme("light")
        background = QApplication.palette().window().color().lightness()
        for action in (w.train.act_play, w.act_undo):
            assert background - ink_lightness(action.icon()) > 100, action.text()
    finally:
        w.set_theme("light")


@pytest.mark.parametrize("lesson,size", [("dying-relu", (1280, 800)), ("spiral", (1280, 800)),
                                         ("spiral", (1440, 900)), ("exploding-gradient", (1440, 900))])
def test_zoom_to_fit_keeps_every_neuron_clear_of_the_legend(window, qtbot, lesson, size):
    w = window
    w.resize(*size)
    w.open_document(lessons.load_lesson(lesson), None)
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.view.legend.isVisible(), timeout=5000)
    w.view.zoom_to_fit()
    legend = w.view.legend.geometry()           # in the view's coordinates
    offset = w.view.viewport().geometry().topLeft()
    r = NODE_R
    drawn = QRectF(-30, -r - 17, 60, 2 * r + 32)     # the neuron, its name above and bias below
    for nid, item in w.scene.nodes.items():
        body = w.view.mapFromScene(item.mapToScene(drawn)).boundingRect()
        assert not QRect(body.translated(offset)).intersects(legend), nid
        assert w.view.viewport().rect().contains(body), nid


def test_a_long_lesson_line_does_not_cut_the_alert_beside_it(window, qtbot):
    w = window
    w.resize(1280, 800)
    w.open_lesson("exploding-gradient", ask=False)   # its status line is a long sentence
    w._alert("⚠ gradients exploded in layer 1 at epoch 1: lower the learning rate, clip "
             "gradients or change the initialisation", "diverged")
    qtbot.waitUntil(lambda: w.alert.width() >= w.alert.sizeHint().width(), timeout=2000)
    assert w.alert.geometry().right() <= w.statusBar().width()
    assert w.status.text().startswith("The exploding gradient")   # whole text kept, drawn elided
    assert w.status.toolTip() == w.status.text()
