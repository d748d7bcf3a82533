"""Time in the window: the scrubber changes what the drawing, the Inspector and the
activation lab show; the Sequence panel picks a sequence and marks t; the unrolled view
copies the network over K steps with its shared weights; the gradient through time is
charted live. Everything driven through the window's own controls."""
import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from simulator.render import encoding
from simulator.render.network import fmt

from .mouse import move


def open_trained(w, qtbot, lesson="acyclic-vs-recurrent", epochs=12):
    w.open_lesson(lesson, ask=False)
    w.controller.train_epochs(epochs)
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.epoch >= epochs
                    and w.controller.latest.sequence is not None, timeout=20000)
    w.flush_panels()
    return w.controller.latest


def drawn_colour(w, node: str) -> QColor:
    """The colour on screen at the neuron's centre (a little off the label in its middle)."""
    view = w.view
    image = view.viewport().grab().toImage()
    item = w.scene.nodes[node]
    p = view.mapFromScene(QPointF(item.x() - 14, item.y() + 10))
    return image.pixelColor(p)


def expected_colour(w, node: str, value: float) -> QColor:
    return encoding.diverging().color(w.scene._normalise_activation(w.scene.nodes[node], value))


def close(a: QColor, b: QColor, tol: int = 10) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


def test_the_scrubber_changes_the_drawn_neurons_the_inspector_and_the_lab(window, qtbot):
    w = window
    snap = open_trained(w, qtbot)
    seq = snap.sequence
    j = snap.node_ids.index("h1")
    scrubber = w.recurrent.scrubber
    assert scrubber.toolbar.isVisible() and scrubber.slider.maximum() == seq.length - 1
    assert scrubber.t == seq.length - 1                   # the last step, until moved
    # two steps where h1's value differs clearly
    a, b = int(np.argmin(seq.act[:, j])), int(np.argmax(seq.act[:, j]))
    assert seq.act[b, j] - seq.act[a, j] > 0.5
    w.scene.nodes["h1"].setSelected(True)
    shown = []
    for t in (a, b):
        scrubber.slider.setFocus()
        QTest.keyClick(scrubber.slider, Qt.Key.Key_Home)
        for _ in range(t):
            QTest.keyClick(scrubber.slider, Qt.Key.Key_Right)
        assert scrubber.t == t and scrubber.label.text() == f"t = {t} of {seq.length - 1}"
        w.view.viewport().repaint()
        colour = drawn_colour(w, "h1")
        assert close(colour, expected_colour(w, "h1", float(w.controller.latest.sequence.act[t, j])))
        shown.append(colour.getRgb())
        w.flush_panels()
        assert f"At step t = {t} of training sequence 0" in w.inspector.maths.text()
        live = w.controller.latest.sequence
        assert f"<b>{fmt(float(live.pre[t, j]), 4)}</b>" in w.inspector.maths.text()      # g at step t
        assert w.lab._now_label.toPlainText().startswith(f"t = {t}:")
        assert f"at step t = {t}:" in w.view.hover_text(("node", "h1"))             # the tooltip too
    assert shown[0] != shown[1]
    delayed = w.scene.edges.pairs.index(("h2", "h1"))
    assert "reads the previous step" in w.view.hover_text(("edge", delayed))
    # the toolbar's step buttons (and Alt+Left) move t by one
    QTest.mouseClick(scrubber.toolbar.widgetForAction(scrubber.act_previous), Qt.MouseButton.LeftButton)
    assert scrubber.t == b - 1


def test_the_sequence_panel_picks_a_sequence_and_a_click_picks_a_step(window, qtbot):
    w = window
    open_trained(w, qtbot, "elman-xor", epochs=2)
    panel = w.recurrent.sequence_panel
    assert panel is not None and w.recurrent.sequence.dock.isVisible()   # built when shown
    panel.split.setCurrentIndex(panel.split.findData("test"))
    panel.split.activated.emit(panel.split.currentIndex())
    panel.index.setValue(7)
    qtbot.waitUntil(lambda: w.controller.latest.sequence.split == "test"
                    and w.controller.latest.sequence.index == 7, timeout=5000)
    w.flush_panels()
    seq = w.controller.latest.sequence
    assert panel.count.text() == f"of {seq.count}"
    x, y = panel.signals.outputs[0].getData()
    assert len(x) == 2 * seq.length and x[0] == -0.5 and x[-1] == seq.length - 0.5   # a step curve
    assert np.allclose(y[::2], seq.output[:, 0])
    assert panel.states.values.shape == (2, seq.length)     # h1, h2 × time
    # a click on the heat map at step 5 moves the scrubber there, and both plots mark it
    vb = panel.states.vb
    scene_pt = vb.mapViewToScene(QPointF(5.0, 0.5))
    widget = panel.states_widget
    pos = widget.mapFromScene(scene_pt)
    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: w.recurrent.scrubber.t == 5, timeout=3000)
    assert panel.signals.marker.value() == 5 and panel.states.marker.value() == 5


@pytest.mark.qt_log_ignore("does not support raise")      # the hover's tooltip, offscreen
def test_the_unrolled_view_copies_the_network_with_shared_weights(window, qtbot):
    w = window
    snap = open_trained(w, qtbot)
    act = w.recurrent.act_unrolled
    assert act in w.menu_view.actions()
    QTest.mouseClick(w.recurrent.scrubber.toolbar.widgetForAction(act), Qt.MouseButton.LeftButton)
    assert act.isChecked() and w.recurrent.stack.currentWidget() is w.recurrent.unrolled_view
    view = w.recurrent.unrolled_view
    scene = view.unrolled
    assert scene.count == 5 and len(scene.nodes) == 5 * 4
    assert scene.first == snap.sequence.length - 5           # the last five steps
    # 4 undelayed edges per copy, 4 delayed ones between each pair of neighbouring copies
    assert len(scene.edges.pairs) == 5 * 4 + 4 * 4
    w.recurrent.steps.setValue(3)
    assert scene.count == 3 and len(scene.nodes) == 12
    # every copy of an edge is drawn alike: the same width and colour
    widths, colours = scene.edges.styles()
    for base in range(len(scene.base_pairs)):
        same = np.flatnonzero(scene.edge_base == base)
        assert len(set(np.round(widths[same], 6))) == 1 and len({colours[i] for i in same}) == 1
    # hovering one copy of h2 -> h1 (delayed) highlights every copy of it
    base = scene.base_pairs.index(("h2", "h1"))
    k = int(np.flatnonzero(scene.edge_base == base)[0])
    a, b = scene.edges.segments()
    view.resize(900, 500)
    view.fit()
    move(view.viewport(), view.mapFromScene(QPointF(*(a[k] + (b[k] - a[k]) * 0.25))))  # off the crossing
    assert scene.edges.selected == set(np.flatnonzero(scene.edge_base == base).tolist())
    assert view.hovered == base
    assert "shared weight" in view.edge_text(k) and "all 2 copies" in view.edge_text(k)
    # the scrubber moves the window of copies; the copy of t is marked
    w.recurrent.scrubber.set_time(1)
    assert scene.first == 0 and scene.current == 1
    QTest.keyClick(w, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert not act.isChecked() and w.recurrent.stack.currentWidget() is w.view


def test_the_gradient_through_time_is_charted_live(window, qtbot):
    w = window
    snap = open_trained(w, qtbot, "vanishing-through-time", epochs=1)
    panel = w.recurrent.time_gradient_panel
    assert panel is not None and w.recurrent.time_gradients.dock.isVisible()
    x, y = panel.plot.curve.getData()
    norms = snap.time_gradient_norms
    assert len(x) == len(norms) == 20
    assert np.allclose(10 ** np.asarray(y), norms, rtol=1e-6)      # log axis: pyqtgraph holds log10
    assert norms[8] < norms[0] / 100                                # vanishing through time, said so
    assert "× weaker (vanishing)" in panel.summary.text()
    w.controller.train_epochs(3)
    qtbot.waitUntil(lambda: w.controller.latest.epoch >= 4, timeout=20000)
    w.flush_panels()
    assert not np.allclose(panel.plot.norms, norms)                  # it follows the training


def test_recurrent_docks_are_made_only_when_shown(window, qtbot):
    w = window
    assert w.recurrent.sequence_panel is None and w.recurrent.time_gradient_panel is None
    assert not w.recurrent.sequence.dock.isVisible()
    w.open_lesson("xor", ask=False)
    assert not w.recurrent.sequence.dock.isVisible() and not w.recurrent.scrubber.toolbar.isVisible()
    w.open_lesson("echo", ask=False)
    assert w.recurrent.sequence.dock.isVisible() and w.recurrent.sequence_panel is not None


def in_front(w, key: str) -> bool:
    """The dock's tab is the one shown (a tab behind another is moved out of the window)."""
    d = w.docks[key]
    return d.isVisible() and w.rect().intersects(d.geometry())


def test_sequence_docks_come_to_the_front_and_leave_with_sequences(window, qtbot):
    w = window
    w.open_lesson("echo", ask=False)
    qtbot.waitUntil(lambda: in_front(w, "sequence") and in_front(w, "time-gradients"), timeout=3000)
    assert not in_front(w, "surface") and not in_front(w, "gradients")     # tabs behind them
    assert w.docks["surface"] in w.tabifiedDockWidgets(w.docks["sequence"])
    w.open_lesson("xor", ask=False)
    qtbot.waitUntil(lambda: in_front(w, "surface") and in_front(w, "gradients"), timeout=3000)
    assert not w.docks["sequence"].isVisible() and not w.tabifiedDockWidgets(w.docks["sequence"])


def test_a_recurrent_lesson_opened_at_start_shows_its_sequence_docks(qtbot):
    """``python main.py echo``: the lesson is opened before the window is first shown."""
    from simulator.ui.main_window import MainWindow
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.open_lesson("echo", ask=False)
    w.show()
    qtbot.waitExposed(w)
    try:
        qtbot.waitUntil(lambda: in_front(w, "sequence") and in_front(w, "time-gradients"), timeout=3000)
        assert w.docks["surface"] in w.tabifiedDockWidgets(w.docks["sequence"])
    finally:
        w.model.mark_saved()
        w.close()
