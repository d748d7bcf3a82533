"""Side panels fed by real snapshots: activation lab, decision surface, loss, gradient flow,
data and training settings."""
import json

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QMessageBox

from simulator.document import mlp
from simulator.engine import Network, datasets

from .mouse import click


def trained(w, qtbot, lesson=None, doc=None, epochs=0):
    if doc is not None:
        w.model.replace(doc)
    else:
        w.open_lesson(lesson, ask=False)
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.revision == w.model.revision,
                    timeout=5000)
    if epochs:
        w.controller.train_epochs(epochs)
        qtbot.waitUntil(lambda: w.controller.latest.epoch >= epochs, timeout=30000)
    qtbot.wait(250)       # the slowest panel refresh (charts: 8 times a second)
    return w.controller.latest


def test_activation_lab_sigmoid_derivative_peaks_at_a_quarter(window):
    lab = window.lab
    lab.check_only(("sigmoid", "tanh", "relu"))
    f, d = lab.plot.functions["sigmoid"]
    x, y = d.getData()
    assert y.max() == pytest.approx(0.25, abs=1e-9) and x[np.argmax(y)] == pytest.approx(0.0, abs=0.02)
    x, y = lab.plot.functions["tanh"][1].getData()
    assert y.max() == pytest.approx(1.0, abs=1e-9)
    x, y = lab.plot.functions["relu"][1].getData()
    assert np.all(y[x < 0] == 0)                        # dying ReLU: no gradient below zero
    assert len(lab.plot.facts) == 4                      # the two lecture markers and labels


def test_activation_lab_shows_the_selected_neurons_values(window, qtbot):
    w = window
    snap = trained(w, qtbot, "xor", epochs=20)
    w.scene.nodes["h1"].setSelected(True)
    qtbot.wait(60)
    lab = w.lab
    assert lab.plot.highlight == "tanh"
    g_drawn, y_drawn = lab.plot.points.getData()
    j = snap.node_ids.index("h1")
    g = np.clip(w.controller.latest.train_pre[:, j], *lab.plot.G_RANGE)
    assert np.allclose(np.sort(g_drawn), np.sort(g))
    assert np.allclose(y_drawn, np.tanh(g_drawn))
    assert "tanh" in lab.caption.text().lower() or "hyperbolic" in lab.caption.text().lower()


def test_surface_of_trained_xor_classifies_test_points_like_the_network(window, qtbot):
    w = window
    trained(w, qtbot, "xor", epochs=200)
    plot = w.surface.plot
    surface = w.controller.latest.extras["surface"]
    (x0, x1), (y0, y1) = surface.domain
    values = plot.last_values
    res = values.shape[0]
    data = w.surface.data
    doc = w.model.snapshot_copy()
    # the network as the worker has it: rebuild from the snapshot's weights
    net = Network.from_document(doc)
    for (s, t), v in zip(w.controller.latest.edges, w.controller.latest.weights):
        net.set_weight(s, t, v)
    for nid, b in zip(w.controller.latest.node_ids, w.controller.latest.biases):
        if np.isfinite(b):
            net.set_bias(nid, b)
    agree = 0
    for (a, b) in data.x_test:
        ix = int(round((a - x0) / (x1 - x0) * (res - 1)))
        iy = int(round((b - y0) / (y1 - y0) * (res - 1)))
        drawn = values[np.clip(iy, 0, res - 1), np.clip(ix, 0, res - 1)] > 0.5
        network = net.forward(np.array([[a, b]]))[0, 0] > 0.5
        agree += drawn == network
    assert agree / len(data.x_test) >= 0.97        # equal but for points on the boundary
    # and the picture is the right way up: row 0 is the smallest x₂
    assert plot.image.mapRectToParent(plot.image.boundingRect()).top() == pytest.approx(y0)


def test_gradient_flow_of_a_deep_sigmoid_network(window, qtbot):
    w = window
    doc = mlp([2, 4, 4, 4, 4, 4, 4, 1], hidden="sigmoid", output="sigmoid")
    doc["training"].update(loss="bce", learning_rate=0.1, init="normal:1")
    doc["data"] = {"dataset": "circles", "samples": 200, "noise": 0.0, "test_fraction": 0.5}
    trained(w, qtbot, doc=doc, epochs=3)
    curves = w.gradient_panel.plot.layer_curves
    assert len(curves) == 7
    first = curves[0].getData()[1][-1]
    last = curves[-1].getData()[1][-1]
    assert first * 100 <= last
    assert "vanishing" in w.gradient_panel.plot.note_text
    assert "vanishing" in w.gradient_panel.summary.text()       # shown above the plot


def test_loss_panel_follows_the_history(window, qtbot):
    w = window
    snap = trained(w, qtbot, "xor", epochs=30)
    x, y = w.loss_panel.plot.train.getData()
    assert len(x) == 30 and y[-1] < y[0]
    assert "epoch 30" in w.loss_panel.summary.text()
    w.loss_panel.log.setChecked(True)
    assert w.loss_panel.plot.log_scale


def test_adding_a_point_by_click_changes_the_data(window, qtbot):
    w = window
    trained(w, qtbot, "xor")
    n_before = len(w.surface.data.x_train)
    w.surface.add_points.setChecked(True)
    vb = w.surface.plot.vb
    scene_pt = vb.mapViewToScene(QPointF(0.5, 0.5))
    view_pt = w.surface.widget.mapFromScene(scene_pt)
    click(w.surface.widget.viewport(), view_pt)
    assert len(w.model.doc["data"]["train"]) == n_before + 1
    assert w.model.doc["data"]["train"][-1][:2] == pytest.approx([0.5, 0.5], abs=0.05)
    qtbot.waitUntil(lambda: len(w.surface.data.x_train) == n_before + 1, timeout=3000)
    w.model.undo_stack.undo()
    assert w.model.doc["data"]["dataset"] == "xor"


def test_clicking_a_point_animates_a_step_on_it(window, qtbot):
    w = window
    trained(w, qtbot, "xor")
    x, y = w.surface.data.x_train[3]
    vb = w.surface.plot.vb
    view_pt = w.surface.widget.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
    click(w.surface.widget.viewport(), view_pt)
    qtbot.waitUntil(lambda: w.animator.active, timeout=3000)
    assert int(w.animator.trace.rows[0]) == w.surface.nearest_training_row(vb.mapViewToScene(QPointF(x, y)))


def test_a_bad_csv_shows_its_error_and_keeps_the_old_data(window, qtbot, tmp_path, monkeypatch):
    w = window
    trained(w, qtbot, "xor")
    before = json.dumps(w.model.doc, sort_keys=True)
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,label\n1,2,0\n3,oops,1\n")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    assert not w.data_panel.import_csv_file(str(bad), ["a", "b"], "label")
    assert shown and '"oops" is not a number' in shown[0]
    assert json.dumps(w.model.doc, sort_keys=True) == before
    good = tmp_path / "good.csv"
    good.write_text("a,b,label\n" + "\n".join(f"{i % 7},{i % 5},{i % 2}" for i in range(40)) + "\n")
    assert w.data_panel.import_csv_file(str(good), ["a", "b"], "label")
    assert w.model.doc["data"]["inputs"] == ["a", "b"]
    assert [n["feature"] for n in w.model.doc["network"]["nodes"] if n["kind"] == "input"] == ["a", "b"]
    w.model.undo_stack.undo()
    assert json.dumps(w.model.doc, sort_keys=True) == before


def test_feature_toggles_add_and_remove_input_neurons(window, qtbot):
    w = window
    trained(w, qtbot, "circles")
    w.data_panel.feature_checks["x1^2"].setChecked(True)
    inputs = [n for n in w.model.doc["network"]["nodes"] if n["kind"] == "input"]
    assert [n["feature"] for n in inputs] == ["x1", "x2", "x1^2"]
    new = inputs[-1]["id"]
    assert sum(1 for e in w.model.doc["network"]["edges"] if e["source"] == new) == 4
    qtbot.waitUntil(lambda: new in w.controller.latest.node_ids, timeout=3000)
    w.data_panel.feature_checks["x1^2"].setChecked(False)
    assert not any(n["id"] == new for n in w.model.doc["network"]["nodes"])


def test_training_settings_are_undoable_and_live(window, qtbot):
    w = window
    trained(w, qtbot, "xor")
    w.training_panel.lr.setValue(0.02)
    assert w.model.doc["training"]["learning_rate"] == 0.02
    w.training_panel.optimizer.setCurrentIndex(w.training_panel.optimizer.findData("adam"))
    w.training_panel.optimizer.activated.emit(w.training_panel.optimizer.currentIndex())
    w.training_panel.clip_on.setChecked(True)
    assert w.model.doc["training"]["clip"] == 1.0
    w.train.act_animate.setChecked(False)
    w.train.step()
    qtbot.waitUntil(lambda: w.controller.latest.learning_rate == 0.02 and w.controller.latest.step >= 1,
                    timeout=3000)
    w.model.undo_stack.undo()
    w.model.undo_stack.undo()
    w.model.undo_stack.undo()
    assert w.model.doc["training"]["learning_rate"] == 0.5
    assert w.model.doc["training"]["optimizer"] == "sgd" and w.model.doc["training"]["clip"] is None
    assert w.training_panel.lr.value() == 0.5


def test_panels_follow_the_theme(window, qtbot):
    w = window
    w.set_theme("dark")
    assert w.surface.plot.theme.name == "dark" and w.scene.theme.name == "dark"
    w.set_theme("light")
    assert w.lab.plot.theme.name == "light"


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")   # a popup, offscreen
def test_right_click_on_a_chart_opens_its_menu_and_view_all_works(window, qtbot):
    """pyqtgraph's chart menu (View All, axis options, Plot Options) is built on the first
    right-click, not with the window, and then works as before."""
    from PySide6.QtWidgets import QApplication
    w = window
    trained(w, qtbot, "xor", epochs=5)
    plot = w.loss_panel.plot
    view = w.loss_panel.widget
    assert plot.vb.menu is None                     # nothing built at start-up
    plot.vb.setXRange(100, 200, padding=0)          # somewhere with no curve
    centre = plot.vb.mapToScene(plot.vb.boundingRect().center())
    click(view.viewport(), view.mapFromScene(centre), button=Qt.MouseButton.RightButton)
    menu = plot.vb.menu
    qtbot.waitUntil(lambda: menu is not None and menu.isVisible(), timeout=2000)
    assert QApplication.activePopupWidget() is menu
    titles = [a.text() for a in menu.actions()]
    assert "View All" in titles and "Plot Options" in titles   # the PlotItem's own submenu too
    next(a for a in menu.actions() if a.text() == "View All").trigger()
    menu.close()
    x0, x1 = plot.vb.viewRange()[0]
    assert x0 < 1 and x1 < 100                      # back on the 5 epochs drawn


def _pixels_near(image, colour, tol=40) -> int:
    a = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    rgb = a[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., [2, 1, 0]].astype(int)
    return int((np.abs(rgb - np.array([colour.red(), colour.green(), colour.blue()])).sum(axis=2) < tol).sum())


def _rgb32(widget):
    from PySide6.QtGui import QImage
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_the_charts_grid_never_hides_a_curve_and_keeps_its_colour(window, qtbot):
    """The window's charts draw their grid opaque (fast) behind the curves: the accuracy
    curves (in the loss chart's second view) stay whole, and a grid line has the colour the
    translucent grid had over the background. Exported figures keep the translucent grid."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication
    from simulator.render.plots import CATEGORICAL, LossPlot, ThemedAxis
    w = window
    w.open_lesson("xor", ask=False)
    w.controller.train_epochs(60)
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.epoch >= 60, timeout=20000)
    w.flush_panels()
    QApplication.processEvents()
    plot, widget = w.loss_panel.plot, w.loss_panel.widget
    green = QColor(CATEGORICAL[2])
    with_grid = _pixels_near(_rgb32(widget), green)
    plot.showGrid(x=False, y=False)
    QApplication.processEvents()
    without = _pixels_near(_rgb32(widget), green)
    plot.showGrid(x=True, y=True, alpha=0.25)
    assert without > 100 and with_grid >= 0.95 * without          # the grid hides no curve
    axis = plot.getAxis("bottom")
    assert isinstance(axis, ThemedAxis) and axis.opaque_over is not None
    assert axis.zValue() < 0 < plot.metric_view.zValue()
    exported = LossPlot(plot.theme)                                 # as the export makes it
    assert exported.getAxis("bottom").opaque_over is None


def test_the_charts_forget_a_cleared_runs_ranges(window, qtbot, monkeypatch):
    """A run that blew up to 10²⁰⁰ and then a clear (Select All + Delete, File ▸ New): the
    empty charts and the next run's first curves are framed for the next run, not the
    last one (the gradient chart kept the old decades; the loss chart its log scale)."""
    from PySide6.QtWidgets import QMessageBox
    from .driving import answer_dialogs, menu_action, open_lesson, press, trigger_menu
    w = window
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Discard)   # File ▸ New: discard the edits
    grad, loss = w.gradient_panel.plot, w.loss_panel.plot

    def blow_up():
        open_lesson(w, qtbot, "exploding-gradient")
        trigger_menu(w, "Train", "Step Size", "One Mini-batch")
        menu_action(w, "Train", "Animate Steps").setChecked(False)
        for _ in range(6):                         # a step a time, until it diverges
            trigger_menu(w, "Train", "Step")
            qtbot.wait(60)
        qtbot.waitUntil(lambda: w.controller.latest.diverged is not None, timeout=5000)
        qtbot.wait(200)
        w.flush_panels()
        assert grad.viewRange()[1][1] > 20 and w.loss_panel.log.isChecked()   # decades of blow-up

    def framed_afresh():
        w.flush_panels()
        assert grad.viewRange()[1] == pytest.approx([-4.0, 0.0])       # 10⁻⁴ to 1, as at start
        assert not w.loss_panel.log.isChecked() and not loss.log_scale
        assert loss.viewRange()[1] == pytest.approx([0.0, 1.0])

    blow_up()
    w.view.setFocus()
    press(w, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(w, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not w.model.doc["network"]["nodes"], timeout=3000)
    qtbot.wait(200)
    framed_afresh()
    blow_up()
    trigger_menu(w, "File", "New")
    qtbot.wait(200)
    framed_afresh()
    snap = open_lesson(w, qtbot, "xor")            # the next run, before its first step
    assert snap.epoch == 0 and not len(snap.history.epoch)
    framed_afresh()
    trigger_menu(w, "Train", "Step")               # its first mini-batch: the range is its own
    qtbot.waitUntil(lambda: w.controller.latest.step == 1, timeout=3000)
    qtbot.wait(200)
    w.flush_panels()
    values = np.log10(w.controller.latest.step_history.grad_norms)
    lo, hi = grad.viewRange()[1]
    assert lo <= values.min() and values.max() <= hi and hi - lo <= 3
