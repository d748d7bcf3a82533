"""Every way to take one training step, as a person does it: the Step tool button, Ctrl+Return
and Train ▸ Step, for each step size; and Play on a network that cannot train."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from simulator.document import new_document

from .driving import click_button, menu_action, open_lesson, press, trigger_menu

SIZES = {"sample": "One Sample", "batch": "One Mini-batch", "epoch": "One Epoch"}


def step_by(w, how: str) -> None:
    if how == "button":
        click_button(w, w.train.act_step)
    elif how == "shortcut":
        press(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        trigger_menu(w, "Train", "Step")


@pytest.mark.parametrize("how", ["button", "shortcut", "menu"])
def test_every_step_size_steps_from_every_control(window, qtbot, how):
    w = window
    first = open_lesson(w, qtbot, "xor")
    assert first.epoch == 0 and first.step == 0
    weights = np.asarray(first.weights).copy()
    steps = 0
    for kind in ("sample", "batch"):
        trigger_menu(w, "Train", "Step Size", SIZES[kind])
        assert w.train.step_kind == kind
        before = len(w.animator.history)
        step_by(w, how)
        # the step animation starts on the canvas with the step's own rows
        qtbot.waitUntil(lambda: len(w.animator.history) == before + 1, timeout=3000)
        steps += 1
        trace = w.animator.trace
        assert len(trace.rows) == (1 if kind == "sample" else w.model.doc["training"]["batch_size"])
        assert w.animator.active and "/" in w.train.phase_label.text()
        assert not np.array_equal(trace.weights_before, trace.weights_after)
        assert w.animator.snapshot.step == steps
    assert not np.array_equal(np.asarray(w.animator.snapshot.weights), weights)
    # an epoch at once: the counter in the toolbar moves to 1 and the canvas leaves the animation
    trigger_menu(w, "Train", "Step Size", "One Epoch")
    assert "0000" in w.train.epoch_label.text()
    step_by(w, how)
    qtbot.waitUntil(lambda: "0001" in w.train.epoch_label.text(), timeout=3000)
    assert not w.animator.active
    snap = w.controller.latest
    assert snap.epoch == 1
    assert w.scene.edges.weights == pytest.approx(np.asarray(snap.weights))


def test_step_without_animation_moves_the_drawn_weights(window, qtbot):
    w = window
    first = open_lesson(w, qtbot, "xor")
    trigger_menu(w, "Train", "Animate Steps")            # off
    assert not menu_action(w, "Train", "Animate Steps").isChecked()
    trigger_menu(w, "Train", "Step Size", "One Mini-batch")
    press(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.controller.latest.step == 1, timeout=3000)
    assert not w.animator.active
    assert len(w.controller.latest.batch_rows) == w.model.doc["training"]["batch_size"]
    assert not np.allclose(np.asarray(w.controller.latest.weights), np.asarray(first.weights))
    qtbot.waitUntil(lambda: w.scene.edges.weights == pytest.approx(np.asarray(w.controller.latest.weights)),
                    timeout=2000)


def test_play_on_an_empty_network_says_why(window, qtbot):
    w = window
    trigger_menu(w, "File", "New")
    assert w.model.doc["network"]["nodes"] == []
    qtbot.wait(100)
    for how in ("button", "shortcut"):
        w.statusBar().clearMessage()
        if how == "button":
            click_button(w, w.train.act_play)
        else:
            press(w, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: w.statusBar().currentMessage() != "", timeout=2000)
        message = w.statusBar().currentMessage().lower()
        assert "draw" in message and "neuron" in message
        qtbot.wait(50)
        assert not w.controller.running
        assert "pause" not in w.train.act_play.text().lower()


def test_step_on_an_incomplete_network_says_why(window, qtbot):
    w = window
    doc = new_document()
    doc["network"]["nodes"] = [{"id": "x1", "kind": "input", "feature": "x1", "pos": [0, 0]},
                               {"id": "h1", "kind": "hidden", "activation": "tanh", "pos": [200, 0]}]
    doc["network"]["edges"] = [{"source": "x1", "target": "h1"}]
    w.model.replace(doc)
    qtbot.wait(100)
    w.statusBar().clearMessage()
    step_by(w, "shortcut")
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() != "", timeout=2000)
    assert "output" in w.statusBar().currentMessage().lower()
    assert not w.controller.running and not w.animator.active


def test_stepping_inside_an_epoch_reads_the_same_on_the_counter_and_the_charts(window, qtbot):
    """Six mini-batches of 10 of XOR's 100 training samples: the charts draw them at
    0.1 … 0.6 epochs, so the counter says 60/100 samples (not a bare "epoch 0000"), the
    loss line too, and the epoch axis says what its fractions mean; whole epochs later,
    whole-epoch ticks and the plain name again."""
    w = window
    open_lesson(w, qtbot, "xor")
    trigger_menu(w, "Train", "Animate Steps")            # off: one click, one step
    trigger_menu(w, "Train", "Step Size", "One Mini-batch")
    toolbar_height = w.train.toolbar.height()
    for k in range(1, 7):
        click_button(w, w.train.act_step)
        qtbot.waitUntil(lambda: w.controller.latest.step == k, timeout=3000)
    qtbot.wait(150)
    w.flush_panels()
    assert w.train.epoch_label.text() == "epoch 0000\n60/100 samples"     # two lines: no wider
    assert w.train.toolbar.height() == toolbar_height                      # nor taller
    assert w.loss_panel.summary.text().startswith("epoch 0 · 60/100 samples · loss ")
    for plot in (w.loss_panel.plot, w.gradient_panel.plot):
        axis = plot.getAxis("bottom")
        assert axis.labelText == "epochs (0.5 = half of the training set seen)"
        ticks = [v for _, values in axis.tickValues(*plot.viewRange()[0], axis.width()) for v in values]
        assert 0.5 in ticks and all(t <= 0.65 for t in ticks)
    x, _ = w.loss_panel.plot.batch.getData()
    assert x[-1] == pytest.approx(0.6)                  # the last dot: 60 of 100 samples
    trigger_menu(w, "Train", "Step Size", "One Epoch")
    for k in range(1, 4):
        click_button(w, w.train.act_step)
        qtbot.waitUntil(lambda: w.controller.latest.epoch == k, timeout=3000)
    qtbot.wait(150)
    w.flush_panels()
    assert w.train.epoch_label.text() == "epoch 0003"    # at an epoch's end: nothing more
    assert w.loss_panel.summary.text().startswith("epoch 3 · loss ")
    for plot in (w.loss_panel.plot, w.gradient_panel.plot):
        axis = plot.getAxis("bottom")
        assert axis.labelText == "epoch"
        ticks = [v for _, values in axis.tickValues(*plot.viewRange()[0], axis.width()) for v in values]
        assert ticks and all(float(t).is_integer() for t in ticks), ticks
