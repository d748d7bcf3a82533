"""Nothing of an old run or an old step stays on screen once the network it belongs to is
gone: the step animation's trace goes with a new document, an undone structural edit and
Reset; the panels and the epoch counter empty with the canvas; undoing a deletion brings the
run back (its history and the weights, the deleted neuron's own included)."""
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from .driving import (answer_dialogs, click_button, forbid_dialogs, open_lesson, play_until, press,
                      settled, trigger_menu)
from .mouse import at, click
from .test_editor import draw_xor


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch):
    forbid_dialogs(monkeypatch)


def by_edge(snap) -> dict:
    return dict(zip(snap.edges, np.asarray(snap.weights).tolist()))


def step_to_the_update(w, qtbot):
    """Ctrl+Return, then Next Phase (Ctrl+Right) until the toolbar says n/n · update."""
    trigger_menu(w, "Train", "Step Size", "One Sample")
    before = len(w.animator.history)
    press(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(w.animator.history) == before + 1, timeout=3000)
    n = len(w.animator.phases)
    for _ in range(n):
        if w.train.phase_label.text().strip().startswith(f"{n}/{n}"):
            break
        press(w, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert w.train.phase_label.text().strip().startswith(f"{n}/{n}")
    assert "update" in w.train.phase_label.text()


def no_trace_drawn(w) -> bool:
    return (not w.animator.active and w.train.phase_label.text() == ""
            and all(item.caption is None for item in w.scene.nodes.values()))


def test_opening_another_lesson_drops_the_step_trace(window, qtbot, monkeypatch):
    w = window
    open_lesson(w, qtbot, "xor")
    step_to_the_update(w, qtbot)
    asked = answer_dialogs(monkeypatch, QMessageBox.StandardButton.Discard)
    open_lesson(w, qtbot, "vanishing-gradient")
    assert len(asked) == 1                     # the step is an unsaved change
    qtbot.wait(50)
    assert no_trace_drawn(w)
    press(w, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)      # Previous Phase
    qtbot.wait(50)
    assert no_trace_drawn(w), "stepping back must not draw XOR's values on this network"
    # a new step animates the open network
    press(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.animator.active, timeout=3000)
    assert w.animator.trace.n_layers == w.animator.snapshot.history.grad_norms.shape[1] + 1
    assert set(w.animator.snapshot.node_ids) == set(w.model.node_ids())


def test_a_new_document_drops_the_step_trace(window, qtbot, monkeypatch):
    w = window
    open_lesson(w, qtbot, "xor")
    step_to_the_update(w, qtbot)
    answer_dialogs(monkeypatch, QMessageBox.StandardButton.Discard)
    trigger_menu(w, "File", "New")
    qtbot.wait(50)
    assert no_trace_drawn(w)
    press(w, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert no_trace_drawn(w)


def test_undoing_a_structural_edit_and_reset_drop_the_step_trace(window, qtbot):
    w = window
    open_lesson(w, qtbot, "xor")
    view = w.view
    click(view.viewport(), at(view, 200, 160))                 # a new hidden neuron
    settled(w, qtbot)
    step_to_the_update(w, qtbot)
    press(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert no_trace_drawn(w)
    press(w, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert no_trace_drawn(w)
    settled(w, qtbot)
    step_to_the_update(w, qtbot)
    click_button(w, w.train.act_reset)
    qtbot.wait(50)
    assert no_trace_drawn(w)
    press(w, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert no_trace_drawn(w)
    qtbot.waitUntil(lambda: w.controller.latest.epoch == 0 and w.controller.latest.step == 0, timeout=3000)


def panels_show_no_run(w) -> bool:
    x, _ = w.loss_panel.plot.train.getData()
    grads = [c.getData()[0] for c in w.gradient_panel.plot.layer_curves]
    return (w.surface.plot.image.image is None
            and (x is None or len(x) == 0)
            and all(g is None or len(g) == 0 for g in grads)
            and "loss" not in w.loss_panel.summary.text()
            and "0000" in w.train.epoch_label.text())


def test_select_all_and_delete_empties_the_panels_and_undo_brings_the_run_back(window, qtbot):
    w = window
    open_lesson(w, qtbot, "xor")
    trained = play_until(w, qtbot, 40)
    qtbot.wait(300)                                    # every panel has drawn the run
    assert not panels_show_no_run(w)
    w.view.setFocus()
    press(w, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)          # Select All
    press(w.view.viewport(), Qt.Key.Key_Delete)
    assert w.model.doc["network"]["nodes"] == []
    qtbot.waitUntil(lambda: panels_show_no_run(w), timeout=3000)
    assert w.controller.latest is None
    press(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = settled(w, qtbot)
    assert back.epoch == trained.epoch
    assert len(back.history.epoch) == len(trained.history.epoch)
    assert by_edge(back) == pytest.approx(by_edge(trained), abs=0)
    qtbot.waitUntil(lambda: f"{trained.epoch:04d}" in w.train.epoch_label.text(), timeout=2000)
    qtbot.waitUntil(lambda: w.loss_panel.plot.train.getData()[0] is not None
                    and len(w.loss_panel.plot.train.getData()[0]) > 0, timeout=2000)
    qtbot.wait(200)
    assert "0 in every layer" not in w.gradient_panel.summary.text()     # the gradients flowed


def test_undoing_back_to_an_empty_canvas_empties_the_panels(empty, qtbot):
    w = empty
    draw_xor(w)
    settled(w, qtbot)
    play_until(w, qtbot, 20)
    qtbot.wait(300)
    assert not panels_show_no_run(w)
    while w.model.undo_stack.canUndo():
        press(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.model.doc["network"]["nodes"] == []
    qtbot.waitUntil(lambda: panels_show_no_run(w), timeout=3000)


def test_undoing_a_neuron_deletion_keeps_the_run_and_every_weight(window, qtbot):
    w = window
    open_lesson(w, qtbot, "xor")
    trained = play_until(w, qtbot, 60)
    view = w.view
    click(view.viewport(), at(view, 200, -45))                 # h1
    assert view.selected_nodes() == ["h1"]
    press(view.viewport(), Qt.Key.Key_Delete)
    after = settled(w, qtbot)
    assert ("x1", "h1") not in after.edges
    # the rest kept its trained weights and the run its history
    assert {k: v for k, v in by_edge(after).items()} == pytest.approx(
        {k: v for k, v in by_edge(trained).items() if "h1" not in k}, abs=0)
    assert after.epoch == trained.epoch
    press(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = settled(w, qtbot)
    assert back.epoch == trained.epoch
    assert len(back.history.epoch) == len(trained.history.epoch)
    # every weight as it was, h1's own included
    assert by_edge(back) == pytest.approx(by_edge(trained), abs=0)
    assert back.train_loss == pytest.approx(trained.train_loss, rel=1e-12)
    qtbot.wait(300)
    assert len(w.loss_panel.plot.train.getData()[0]) > 0


def test_undoing_the_deletion_of_the_output_brings_the_run_back(window, qtbot):
    w = window
    open_lesson(w, qtbot, "xor")
    trained = play_until(w, qtbot, 30)
    view = w.view
    click(view.viewport(), at(view, 400, 0))                   # y: the network cannot train without it
    press(view.viewport(), Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panels_show_no_run(w), timeout=3000)
    press(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = settled(w, qtbot)
    assert back.epoch == trained.epoch
    assert len(back.history.epoch) == len(trained.history.epoch)
    assert by_edge(back) == pytest.approx(by_edge(trained), abs=0)


def test_leaving_the_step_animation_leaves_no_value_box_on_screen(window, qtbot):
    """What the screen holds (the window's backing store), not a fresh render: a box whose
    area the scene was not told about stays drawn after the animation ends."""
    from PySide6.QtGui import QColor
    w = window
    open_lesson(w, qtbot, "xor")
    step_to_the_update(w, qtbot)
    item = w.scene.nodes["y"]
    box = w.view.mapFromScene(item.mapToScene(item.shown_boxes()["caption"].adjusted(-2, -2, 2, 2))).boundingRect()
    origin = w.view.viewport().mapTo(w, box.topLeft())
    frame = QColor(item.caption_color or item.theme.accent)

    def box_pixels() -> int:
        qtbot.wait(100)
        img = w.screen().grabWindow(w.winId()).toImage()
        return sum(1 for x in range(origin.x(), origin.x() + box.width())
                   for y in range(origin.y(), origin.y() + box.height())
                   if abs(QColor(img.pixel(x, y)).hue() - frame.hue()) < 12
                   and QColor(img.pixel(x, y)).saturation() > 120)

    assert box_pixels() > 50                             # the value box is drawn
    press(w, Qt.Key.Key_Escape)                          # Leave the Animation
    assert not w.animator.active
    assert box_pixels() == 0
