"""The side panels as a projected slide shows them: text never on the curves, no legend
hiding data, axis labels on screen at the default size and at 1280 × 800, only the series
that exist, a loss axis from 0, a round epoch axis the data fill, the 1-D fit named “Fit”
with the selected neuron's curve in view."""
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyle

from simulator.engine.trainer import History
from simulator.render import encoding
from simulator.render.plots import LossPlot, nice_ceiling

from .test_panels import trained

SIZES = [(1440, 900), (1280, 800)]


def settle(qtbot, ms=80):
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(ms)


def resize(w, qtbot, size):
    w.resize(*size)
    settle(qtbot)


def in_panel(widget, panel) -> QRect:
    """``widget``'s rectangle in ``panel``'s coordinates."""
    return QRect(widget.mapTo(panel, widget.rect().topLeft()), widget.size())


def axis_label_rect(panel, name="bottom") -> QRect:
    """Where the plot's axis label's text is drawn (its item less the text document's
    margin), in the plot widget's coordinates."""
    label = panel.plot.getAxis(name).label
    m = label.document().documentMargin()
    text = label.mapRectToScene(label.boundingRect().adjusted(m, m, -m, -m))
    return panel.widget.mapFromScene(text).boundingRect()


def assert_stacked_without_overlap(panel, widgets):
    """Each widget below the previous one, all inside the panel, none with less height
    than it needs."""
    rects = [in_panel(wd, panel) for wd in widgets if wd.isVisible()]
    for upper, lower in zip(rects, rects[1:]):
        assert upper.bottom() < lower.top(), (upper, lower)
    assert rects[-1].bottom() < panel.height()
    for wd in widgets:
        if wd.isVisible() and wd.hasHeightForWidth():
            assert wd.height() >= wd.heightForWidth(wd.width()), wd


def assert_axis_label_on_screen(panel, name="bottom"):
    r = axis_label_rect(panel, name)
    assert not r.isEmpty() and panel.widget.rect().contains(r), (name, r, panel.widget.rect())


def make_history(n, loss=None, test=True, metric=True, test_metric=True, layers=2):
    e = np.arange(1, n + 1, dtype=float)
    loss = np.linspace(0.7, 0.05, n) if loss is None else loss
    nan = np.full(n, np.nan)
    return History(epoch=e, train_loss=loss, test_loss=loss * 1.1 if test else nan,
                   train_metric=np.linspace(0.5, 1.0, n) if metric else nan,
                   test_metric=np.linspace(0.4, 0.9, n) if test_metric else nan,
                   grad_norms=np.full((n, layers), 1e-3), dead_fraction=np.zeros((n, layers)))


# epoch axis ---------------------------------------------------------------------------------
def test_the_epoch_axis_is_round_and_the_data_fill_most_of_it():
    assert nice_ceiling(300) == 300 and nice_ceiling(301) == 400
    assert nice_ceiling(0) == 10 and nice_ceiling(110) == 120 and nice_ceiling(1250) == 1500
    assert nice_ceiling(2400) == 2500 and nice_ceiling(7000) == 8000
    epochs = np.arange(1, 20001)
    tops = np.array([nice_ceiling(e) for e in epochs])
    assert np.all(tops >= epochs)
    assert np.min(epochs[epochs >= 10] / tops[epochs >= 10]) >= 0.75      # never a third empty
    # and it is laid out again a few times a decade, not every epoch
    assert len(np.unique(tops[(epochs > 1000) & (epochs <= 10000)])) <= 10


def test_300_epochs_fill_the_width_of_the_loss_plot(qapp):
    plot = LossPlot(encoding.theme("light"))
    plot.set_history(make_history(300), "accuracy")
    x0, x1 = plot.vb.viewRange()[0]
    assert 300 <= x1 <= 300 * 1.05


# loss plot ------------------------------------------------------------------------------------
def test_no_test_data_draws_no_test_curves_and_no_undefined_r2(window, qtbot):
    w = window
    snap = trained(w, qtbot, "chain-rule", epochs=10)
    assert not np.isfinite(snap.test_loss) and not np.isfinite(snap.train_metric)
    plot = w.loss_panel.plot
    x, y = plot.train.getData()
    assert len(x) == 10
    for item in (plot.metric_train, plot.metric_test):
        assert item.xData is None or len(item.xData) == 0          # no flat R² = 0 line
    x, _ = plot.test.getData()
    assert x is None or len(x) == 0
    # a young run also draws each mini-batch's loss
    assert [name for _, name in plot.key_entries()] == ["train loss", "mini-batch loss"]
    assert w.loss_panel.key.names() == ["train loss", "mini-batch loss"]
    assert not plot.getAxis("right").isVisible()                  # nothing on it


def test_r2_without_test_data_draws_only_the_train_curve(qapp):
    plot = LossPlot(encoding.theme("light"))
    plot.set_history(make_history(20, test=False, test_metric=False), "r2")
    assert [name for _, name in plot.key_entries()] == ["train loss", "train R²"]
    assert len(plot.metric_train.xData) == 20 and (plot.metric_test.xData is None or len(plot.metric_test.xData) == 0)
    assert plot.getAxis("right").isVisible() and plot.getAxis("right").labelText == "R²"


def test_the_test_accuracy_curve_is_in_the_key(window, qtbot):
    w = window
    trained(w, qtbot, "xor", epochs=10)
    plot = w.loss_panel.plot
    names = [name for _, name in plot.key_entries()]
    assert names == ["train loss", "test loss", "mini-batch loss", "train accuracy", "test accuracy"]
    assert len(plot.metric_test.xData) == 10
    # the key draws the curves' own pens: dashed test loss, dotted test accuracy
    pens = dict((name, pen) for pen, name in w.loss_panel.key.entries)
    assert pens["test loss"].style() == plot.test.opts["pen"].style() != pens["train loss"].style()
    assert pens["test accuracy"].style() == plot.metric_test.opts["pen"].style()


def test_the_loss_axis_starts_at_zero_before_and_after_training(window, qtbot):
    w = window
    trained(w, qtbot, "xor", epochs=0)
    plot = w.loss_panel.plot
    lo, hi = plot.vb.viewRange()[1]
    assert lo == 0 and hi > 0
    trained(w, qtbot, "xor", epochs=5)
    lo, hi = plot.vb.viewRange()[1]
    _, y = plot.train.getData()
    assert lo == 0 and y.max() <= hi <= 1.5 * y.max()


def test_the_loss_axis_labels_its_zero(qapp, qtbot):
    """The axis starts at 0 and says so (pyqtgraph drops a label on the edge of a grid)."""
    plot = LossPlot(encoding.theme("light"))
    widget = pg.PlotWidget(plotItem=plot)
    widget.resize(500, 220)
    widget.show()
    plot.attach()
    plot.set_history(make_history(50), "accuracy")
    settle(qtbot)
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    for name in ("left", "right"):
        painter = QPainter(image)
        specs = plot.getAxis(name).generateDrawSpecs(painter)
        painter.end()
        assert "0" in [text for _, _, text in specs[2]], name
    widget.close()


# gradient flow ----------------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES)
def test_gradient_note_and_key_sit_above_the_plot(window, qtbot, size):
    w = window
    resize(w, qtbot, size)
    trained(w, qtbot, "vanishing-gradient", epochs=5)
    panel = w.gradient_panel
    plot = panel.plot
    assert "vanishing" in plot.note_text and "vanishing" in panel.summary.text()
    # nothing written inside the data area
    texts = [item for item in plot.vb.addedItems if isinstance(item, pg.TextItem)]
    assert not any("vanishing" in t.toPlainText() for t in texts)
    # the legend is the key row above the plot: every layer named, none over a curve
    assert not plot.legend.isVisible()
    assert len(panel.key.names()) == len(plot.layer_curves) == 7
    key = in_panel(panel.key, panel)
    assert not key.intersects(in_panel(panel.widget, panel))
    for rect in panel.key.entry_rects():
        assert QRectF(panel.key.rect()).contains(rect)
    assert_stacked_without_overlap(panel, [panel.summary, panel.key, panel.widget])
    assert_axis_label_on_screen(panel)
    # the summary is one line: shortened with “…”, the whole of it in the tooltip
    assert panel.summary.fontMetrics().horizontalAdvance(panel.summary.shown_text()) <= panel.summary.width()
    if panel.summary.shown_text() != panel.summary.text().replace("\n", " · "):
        assert "vanishing" in panel.summary.toolTip()


@pytest.mark.qt_log_ignore("This plugin does not support raise")     # floating dock, offscreen
def test_a_narrow_panel_wraps_its_key_instead_of_hiding_names(window, qtbot):
    w = window
    trained(w, qtbot, "vanishing-gradient", epochs=2)
    dock = w.docks["gradients"]
    dock.setFloating(True)
    dock.resize(360, 280)
    settle(qtbot, 300)
    panel = w.gradient_panel
    key = panel.key
    assert len(key.lines(key.width())) >= 2
    assert key.height() >= key.heightForWidth(key.width())
    for rect in key.entry_rects():          # the last one (“output layer”) too
        assert QRectF(key.rect()).contains(rect)
    assert_stacked_without_overlap(panel, [panel.summary, panel.key, panel.widget])
    assert_axis_label_on_screen(panel)
    dock.setFloating(False)


@pytest.mark.parametrize("size", SIZES)
def test_loss_panel_key_and_axis_label_fit(window, qtbot, size):
    w = window
    resize(w, qtbot, size)
    trained(w, qtbot, "xor", epochs=5)
    panel = w.loss_panel
    assert not panel.plot.legend.isVisible()
    assert_stacked_without_overlap(panel, [panel.summary, panel.key, panel.widget])
    assert_axis_label_on_screen(panel)
    assert_axis_label_on_screen(panel, "left")


# activation lab ---------------------------------------------------------------------------------
def check_lab(lab):
    assert_stacked_without_overlap(lab, [lab.widget, lab.caption])
    assert not in_panel(lab.caption, lab).intersects(in_panel(lab.widget, lab))
    assert_axis_label_on_screen(lab)
    # every name in the list whole, even in bold (the selected neuron's function)
    bold = QFont(lab.list.font())
    bold.setBold(True)
    indicator = lab.list.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    room = lab.list.viewport().width() - indicator - 8
    for i in range(lab.list.count()):
        assert QFontMetrics(bold).horizontalAdvance(lab.list.item(i).text()) <= room, lab.list.item(i).text()
    # f′ stays dashed, f solid
    for f, d in lab.plot.functions.values():
        assert d.opts["pen"].style() != f.opts["pen"].style()


@pytest.mark.parametrize("size", SIZES)
def test_activation_lab_caption_under_the_plot(window, qtbot, size):
    w = window
    resize(w, qtbot, size)
    trained(w, qtbot, "activations", epochs=0)
    check_lab(w.lab)
    w.scene.nodes["sigmoid"].setSelected(True)        # the longest caption: formula + saturation
    qtbot.waitUntil(lambda: "saturated" in w.lab.caption.text(), timeout=3000)
    settle(qtbot)
    check_lab(w.lab)


def test_activation_lab_in_portuguese(qapp, qtbot):
    import gc
    from simulator.ui import i18n, theme
    from simulator.ui.main_window import MainWindow
    assert i18n.install(qapp, "pt_BR") == "pt_BR"
    theme.apply(qapp, "light")
    w = MainWindow(restore=False)
    try:
        w.show()
        qtbot.waitExposed(w)
        for size in SIZES:
            resize(w, qtbot, size)
            trained(w, qtbot, "xor", epochs=0)
            check_lab(w.lab)
            assert_axis_label_on_screen(w.lab, "left")
    finally:
        w.model.mark_saved()
        w.close()
        w.deleteLater()
        QApplication.processEvents()
        del w
        gc.collect()
        i18n.install(qapp, "en")


# fit panel ------------------------------------------------------------------------------------------
def test_the_one_input_panel_is_titled_fit(window, qtbot):
    w = window
    trained(w, qtbot, "sine")
    assert w.docks["surface"].windowTitle() == "Fit"
    trained(w, qtbot, "xor")
    assert w.docks["surface"].windowTitle() == "Decision surface"


def test_the_selected_neurons_curve_is_in_view(window, qtbot):
    w = window
    trained(w, qtbot, "chain-rule", epochs=5)
    plot = w.surface.plot
    w.scene.nodes["h"].setSelected(True)
    qtbot.waitUntil(lambda: plot.node_curve.yData is not None and len(plot.node_curve.yData) > 0, timeout=3000)
    settle(qtbot)
    y = plot.node_curve.yData
    lo, hi = plot.node_view.viewRange()[1]
    assert lo <= y.min() and y.max() <= hi
    assert (hi - lo) <= 3 * (y.max() - y.min()) + 1.0          # it fills its axis
    axis = plot.getAxis("right")
    assert axis.isVisible() and "h" in axis.labelText
    # the neuron's view covers the fit's exactly (same x, same rectangle)
    a, b = plot.node_view.sceneBoundingRect(), plot.vb.sceneBoundingRect()
    assert [a.x(), a.y(), a.width(), a.height()] == pytest.approx([b.x(), b.y(), b.width(), b.height()], abs=1.0)
    assert plot.node_view.viewRange()[0] == pytest.approx(plot.vb.viewRange()[0])
    w.scene.clearSelection()
    qtbot.waitUntil(lambda: plot.node_curve.yData is None or len(plot.node_curve.yData) == 0, timeout=3000)
    assert not axis.isVisible()
