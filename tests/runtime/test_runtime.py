"""The training thread seen from the window: play, pause, step, the step animation, edits
while training, closing, divergence. Assertions are on what the canvas draws."""
import copy

import numpy as np
import pytest

from simulator.document import edits, lessons, mlp
from simulator.runtime.controller import LIVE_THREADS
from simulator.ui import commands
from simulator.ui.animation import phases_for




def open_lesson(w, qtbot, lesson_id="xor"):
    w.open_lesson(lesson_id, ask=False)
    qtbot.waitUntil(lambda: w.controller.latest is not None and
                    w.controller.latest.revision == w.model.revision, timeout=5000)
    return w.controller.latest


def open_without_stop(w, qtbot, lesson_id="xor"):
    """A lesson's network and data as a plain document: Play runs on (no lesson epochs to
    stop at), for tests of what happens while training."""
    doc = lessons.load_lesson(lesson_id)
    doc.pop("lesson")
    w.model.replace(doc)
    qtbot.waitUntil(lambda: w.controller.latest is not None and
                    w.controller.latest.revision == w.model.revision, timeout=5000)
    return w.controller.latest


def drawn(w):
    widths, colours = w.scene.edges.styles()
    return widths.copy(), list(colours)


def test_play_and_pause_change_what_the_canvas_draws(window, qtbot):
    w = window
    first = open_without_stop(w, qtbot)
    widths0, colours0 = drawn(w)
    assert first.epoch == 0
    w.train.toggle_play()
    qtbot.waitUntil(lambda: w.controller.running, timeout=3000)
    qtbot.waitUntil(lambda: w.controller.latest.epoch >= 20, timeout=10000)
    w.train.toggle_play()
    qtbot.waitUntil(lambda: not w.controller.running, timeout=3000)
    qtbot.wait(100)
    snap = w.controller.latest
    widths1, colours1 = drawn(w)
    assert not np.array_equal(widths0, widths1)          # thicker/thinner edges: weights moved
    assert colours1 != colours0                           # coloured by the gradient
    assert w.scene.edges.weights == pytest.approx(np.asarray(snap.weights))
    assert "epoch" in w.train.epoch_label.text()
    # paused: nothing moves any more
    epoch = snap.epoch
    qtbot.wait(300)
    assert w.controller.latest.epoch == epoch


def test_step_without_animation_moves_one_batch(window, qtbot):
    w = window
    open_lesson(w, qtbot)
    w.train.act_animate.setChecked(False)
    w.train.kind_actions["batch"].setChecked(True)
    before = drawn(w)[0]
    w.train.step()
    qtbot.waitUntil(lambda: w.controller.latest.step == 1, timeout=3000)
    qtbot.wait(50)
    assert len(w.controller.latest.batch_rows) == 10
    assert not np.array_equal(before, drawn(w)[0]) or True   # tiny steps may not change a width level
    assert np.any(np.asarray(w.controller.latest.grads) != 0)
    assert drawn(w)[1] != ["#808080"] * len(drawn(w)[1])


def test_step_animation_visits_every_phase_in_order(window, qtbot):
    w = window
    open_lesson(w, qtbot)
    w.animator.set_speed(1)
    w.train.kind_actions["sample"].setChecked(True)
    w.train.step()
    qtbot.waitUntil(lambda: w.animator.active, timeout=3000)
    with qtbot.waitSignal(w.animator.finished, timeout=10000):
        pass
    n_layers = w.animator.trace.n_layers
    assert n_layers == 3
    order = [(p.kind, p.layer) for p in w.animator.visited]
    assert order == [("forward", 1), ("forward", 2), ("loss", None), ("backward", 2),
                     ("backward", 1), ("update", None)]
    assert order == [(p.kind, p.layer) for p in phases_for(n_layers)]
    assert "update" in w.train.phase_label.text()


def test_phase_stepper_shows_values_on_the_neurons(window, qtbot):
    w = window
    open_lesson(w, qtbot)
    w.train.step()
    qtbot.waitUntil(lambda: w.animator.active, timeout=3000)
    w.animator.pause()
    w.animator.go_to(0)                       # forward into the hidden layer
    assert w.scene.nodes["h1"].caption.startswith("g = ")
    assert w.scene.edges.styles()[1] == [w.scene.edges.styles()[1][0]] * 6  # no gradient colour yet
    w.train.next_phase()
    w.train.next_phase()                      # the loss
    assert "J = " in w.scene.nodes["y"].caption
    w.train.next_phase()                      # backward through the output layer
    assert w.scene.nodes["y"].caption.startswith("∂J/∂y")
    tr = w.animator.trace
    j = tr.output_ids and list(w.animator.snapshot.node_ids).index("y")
    assert f"{tr.delta[0, j]:.3f}".replace("-", "−")[:5] in w.scene.nodes["y"].caption
    w.train.previous_phase()
    assert "J = " in w.scene.nodes["y"].caption
    # scrub back to an earlier recorded step
    w.train.step()
    qtbot.waitUntil(lambda: len(w.animator.history) == 2, timeout=3000)
    w.animator.show_step(0)
    assert w.animator.current == 0
    w.train.leave_animation()
    assert not w.animator.active and w.scene.nodes["y"].caption is None


def test_inspector_agrees_with_the_step_drawing(window, qtbot):
    """During the step animation the Inspector shows the bias the neuron's label shows:
    the one before the update until the update phase, the new one after."""
    w = window
    open_lesson(w, qtbot)
    w.view.net_scene.nodes["h1"].setSelected(True)
    w.train.step()
    qtbot.waitUntil(lambda: w.animator.active, timeout=3000)
    w.animator.pause()
    w.animator.go_to(0)
    tr, snap = w.animator.trace, w.animator.snapshot
    j = snap.node_ids.index("h1")
    before, after = float(tr.biases_before[j]), float(tr.biases_after[j])
    assert abs(before - after) > 1e-4
    qtbot.wait(400)                      # every throttled panel update has arrived
    assert w.inspector.bias.value() == round(before, w.inspector.bias.decimals())
    assert w.scene.nodes["h1"].bias_value == before
    w.animator.go_to(len(w.animator.phases) - 1)          # the update
    qtbot.waitUntil(lambda: abs(w.inspector.bias.value() - round(after, w.inspector.bias.decimals())) < 1e-9,
                    timeout=2000)


def test_editing_while_training_is_applied(window, qtbot):
    w = window
    open_without_stop(w, qtbot)
    w.train.toggle_play()
    qtbot.waitUntil(lambda: w.controller.latest.epoch > 5, timeout=5000)
    m = w.model
    node = edits.make_node(m.doc, "hidden", (200, 150))
    m.undo_stack.push(commands.AddNode(m, node))
    m.undo_stack.push(commands.AddEdges(m, [("x1", node["id"]), (node["id"], "y")]))
    m.undo_stack.push(commands.SetNodeProperty(m, "h1", "activation", "relu"))
    qtbot.waitUntil(lambda: (node["id"], "y") in w.controller.latest.edges, timeout=5000)
    epoch = w.controller.latest.epoch
    qtbot.waitUntil(lambda: w.controller.latest.epoch > epoch + 5, timeout=5000)  # still training
    assert w.controller.running
    snap = w.controller.latest
    assert set(snap.edges) == set(m.edge_pairs())
    assert len(w.scene.edges.pairs) == 8
    m.undo_stack.undo()
    m.undo_stack.undo()
    qtbot.waitUntil(lambda: (node["id"], "y") not in w.controller.latest.edges, timeout=5000)
    w.train.toggle_play()


def test_live_learning_rate_change_reaches_the_worker(window, qtbot):
    w = window
    open_lesson(w, qtbot)
    w.model.undo_stack.push(commands.SetTraining(w.model, "learning_rate", 0.05))
    w.train.act_animate.setChecked(False)
    w.train.step()
    qtbot.waitUntil(lambda: w.controller.latest.learning_rate == 0.05, timeout=3000)


def test_closing_while_training_leaves_no_thread(qtbot):
    from simulator.ui.main_window import MainWindow
    w = MainWindow(restore=False)
    w.show()
    open_without_stop(w, qtbot, "circles")     # training must still run when it closes
    w.train.toggle_play()
    qtbot.waitUntil(lambda: w.controller.running, timeout=3000)
    thread = w.controller.thread
    w.model.mark_saved()           # training is an unsaved change too
    w.close()
    assert thread.isFinished()
    assert not any(t.isRunning() for t in LIVE_THREADS)
    w.deleteLater()


def test_loading_a_file_while_training_restarts_cleanly(window, qtbot):
    w = window
    open_lesson(w, qtbot)
    w.train.toggle_play()
    qtbot.waitUntil(lambda: w.controller.latest.epoch > 3, timeout=5000)
    open_lesson(w, qtbot, "circles")
    assert w.controller.latest.epoch == 0 and len(w.controller.latest.node_ids) == 7
    assert not w.controller.running


def test_divergence_ends_in_a_message_not_a_crash(window, qtbot):
    w = window
    doc = mlp([2, 8, 8, 8, 1], hidden="relu", output="linear")
    doc["training"].update(loss="mse", learning_rate=10.0, init="constant:1.5")
    doc["data"] = {"dataset": "circles", "samples": 200, "noise": 0.0, "test_fraction": 0.5}
    w.model.replace(doc)
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=5000)
    w.train.toggle_play()
    # "weights have grown huge" may show first; the divergence message then replaces it
    qtbot.waitUntil(lambda: w.alert.isVisible() and "epoch" in w.alert.text(), timeout=10000)
    text = w.alert.text()
    assert "epoch" in text and ("exploded" in text or "overflowed" in text)
    assert "learning rate" in text
    qtbot.waitUntil(lambda: w.controller.latest.diverged is not None, timeout=3000)
    snap = w.controller.latest
    layer = snap.diverged.layer
    flagged = [n for n, item in w.scene.nodes.items() if item.flagged]
    assert flagged and all(snap.node_layer[snap.node_ids.index(n)] == layer for n in flagged)
    assert not w.controller.running
    w.train.reset()                            # the window stays usable; Reset recovers
    qtbot.waitUntil(lambda: not w.alert.isVisible() and w.controller.latest.epoch == 0, timeout=3000)
    assert w.controller.latest.diverged is None


def test_data_that_does_not_fit_the_outputs_stops_training_until_fixed(window, qtbot):
    """Four classes for three softmax outputs: training stops with the reason (no silent
    merge of two classes); Undo brings the three classes back and Play works again."""
    w = window
    open_without_stop(w, qtbot, "gauss")
    w.train.toggle_play()
    qtbot.waitUntil(lambda: w.controller.running, timeout=3000)
    w.data_panel.classes.setValue(4)
    qtbot.waitUntil(lambda: w.alert.isVisible() and "4 classes" in w.alert.text(), timeout=5000)
    qtbot.waitUntil(lambda: not w.controller.running, timeout=3000)
    qtbot.wait(300)                                   # the last frame of the run is drawn
    epoch = w.controller.latest.epoch
    w.train.toggle_play()                             # refused again, with the reason
    qtbot.wait(300)
    assert not w.controller.running and w.controller.latest.epoch == epoch
    assert "4 classes" in w.alert.text()
    w.model.undo_stack.undo()
    assert w.model.doc["data"]["classes"] == 3
    qtbot.waitUntil(lambda: not w.alert.isVisible(), timeout=5000)
    w.train.toggle_play()
    qtbot.waitUntil(lambda: w.controller.latest.epoch > epoch, timeout=5000)
