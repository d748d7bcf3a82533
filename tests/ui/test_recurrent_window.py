"""The window on recurrent documents: Play trains them and snapshots flow, the panels say
what they cannot show, the lesson toggle removes and restores the delayed edges, a bad
recurrent file is refused with a dialog and the open document kept."""
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from simulator.document import dumps, edits, elman, lessons


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def play_button(w):
    return w.train.toolbar.widgetForAction(w.train.act_play)


def test_play_trains_a_recurrent_lesson_and_the_panels_follow(window, qtbot):
    w = window
    assert w.open_lesson("acyclic-vs-recurrent", ask=False)
    assert len(w.scene.edges.pairs) == len(w.model.doc["network"]["edges"])   # delayed edges drawn
    click(qtbot, play_button(w))
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.epoch >= 15
                    and w.controller.latest.test_metric >= 0.95, timeout=20000)
    if w.controller.running:           # (the lesson's own stop, 40 epochs, may come first)
        click(qtbot, play_button(w))
    qtbot.waitUntil(lambda: not w.controller.running, timeout=5000)
    snap = w.controller.latest
    assert snap.sequence is not None and snap.sequence.act.shape == (20, 4)
    assert snap.time_gradient_norms.shape == (20,) and list(snap.delays).count(1) == 4
    w.flush_panels()
    surface = w.surface
    assert surface.no_plane.isVisible() and not surface.widget.isVisible()
    assert "per step" in surface.caption.text()
    assert w.train.epoch_label.text().startswith("epoch 0")


def test_the_compare_toggle_removes_the_delayed_edges_and_undo_restores_them(window, qtbot):
    w = window
    w.open_lesson("acyclic-vs-recurrent", ask=False)
    base = json.loads(json.dumps(w.model.doc["network"]))
    panel = w.lesson_panel
    assert panel.remedies.title() == "Compare" and set(panel.checks) == {"no_delay"}
    click(qtbot, panel.checks["no_delay"])
    assert not any(e.get("delay") for e in w.model.doc["network"]["edges"])
    assert len(w.scene.edges.pairs) == 4                          # x1→h1, x1→h2, h1→y, h2→y
    qtbot.waitUntil(lambda: w.controller.latest is not None
                    and not w.controller.latest.delays.any(), timeout=5000)
    click(qtbot, panel.checks["no_delay"])
    assert w.model.doc["network"] == base                              # back exactly, in order
    w.model.undo_stack.undo()
    assert not any(e.get("delay") for e in w.model.doc["network"]["edges"])
    w.model.undo_stack.undo()
    assert w.model.doc["network"] == base


def test_step_on_sequences_animates_forward_through_time_and_back(window, qtbot):
    w = window
    w.open_lesson("acyclic-vs-recurrent", ask=False)
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=5000)
    steps = w.controller.latest.step
    qtbot.keyClick(w.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)   # Step
    qtbot.waitUntil(lambda: w.animator.active, timeout=5000)
    w.animator.pause()
    phases = w.animator.phases
    T = 20
    assert len(phases) == 2 * T + 2                      # forward t = 0..19, loss, back 19..0, update
    assert [p.step for p in phases[:T]] == list(range(T)) and phases[T].kind == "loss"
    assert [p.step for p in phases[T + 1:-1]] == list(range(T - 1, -1, -1)) and phases[-1].kind == "update"
    w.animator.go_to(0)
    assert "forward pass: step t = 0" in w.train.phase_label.text()
    w.animator.go_to(T + 1)                             # backward through time, step 19
    assert "backward through time: step t = 19" in w.train.phase_label.text()
    assert "δ(19)" in (w.scene.nodes["h1"].caption or "")
    assert w.animator.snapshot.step == steps + 1         # the step was trained once
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert not w.animator.active


def test_the_inspector_writes_delayed_inputs_with_their_step(window, qtbot):
    w = window
    w.open_lesson("echo", ask=False)
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=5000)
    w.scene.nodes["h1"].setSelected(True)
    qtbot.waitUntil(lambda: "(t−1)" in w.inspector.maths.text(), timeout=5000)
    text = w.inspector.maths.text()
    assert "x<sub>h1</sub>(t−1)" in text and "x<sub>x1</sub>·" not in text.split("(t−1)")[0][-30:]
    assert "At step t = 19 of training sequence 0" in text


def test_the_data_panel_offers_the_sequence_tasks(window, qtbot):
    w = window
    w.open_lesson("sine", ask=False)           # one input: the tasks fit it
    panel = w.data_panel
    combo = panel.dataset
    combo.setCurrentIndex(combo.findData("echo"))
    combo.activated.emit(combo.currentIndex())
    data = w.model.doc["data"]
    assert data["dataset"] == "echo" and data["sequences"] == 200 and data["lag"] == 1
    assert "samples" not in data
    assert panel.form.isRowVisible(panel.lag) and not panel.form.isRowVisible(panel.samples)
    panel.length.setValue(5)
    panel.lag.setValue(9)                      # capped: the lag stays shorter than the sequences
    assert w.model.doc["data"]["length"] == 5 and w.model.doc["data"]["lag"] == 4
    qtbot.waitUntil(lambda: w.controller.latest is not None
                    and w.controller.latest.sequence is not None, timeout=5000)
    w.model.undo_stack.undo()
    w.model.undo_stack.undo()
    w.model.undo_stack.undo()
    assert w.model.doc["data"]["dataset"] == "sine"


def test_the_chosen_sequence_reaches_the_snapshots(window, qtbot):
    w = window
    w.open_lesson("elman-xor", ask=False)
    w.controller.set_sequence("test", 7)
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.sequence is not None
                    and w.controller.latest.sequence.split == "test", timeout=5000)
    seq = w.controller.latest.sequence
    assert seq.index == 7 and seq.length == 30 and seq.pre.shape == (30, 4)


def test_a_bad_recurrent_file_shows_a_dialog_and_keeps_the_open_document(window, tmp_path, monkeypatch):
    w = window
    w.open_lesson("echo", ask=False)
    before = json.dumps(w.model.doc, sort_keys=True)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    doc = elman(2)
    doc["data"] = {"dataset": "echo", "lag": 0}
    k = next(i for i, e in enumerate(doc["network"]["edges"]) if e.get("delay"))
    doc["network"]["edges"][k]["delay"] = 1.5
    path = tmp_path / "bad.nnsim.json"
    path.write_text(json.dumps(doc))
    assert not w.open_file(path, ask=False)
    assert len(shown) == 1 and f"network.edges[{k}].delay" in shown[0]
    assert json.dumps(w.model.doc, sort_keys=True) == before and w.model.lesson_id == "echo"
    cyclic = elman(2)
    cyclic["data"] = {"dataset": "echo"}
    for e in cyclic["network"]["edges"]:
        e.pop("delay", None)
    path.write_text(dumps({**cyclic, "network": {**cyclic["network"], "edges": [
        e for e in cyclic["network"]["edges"] if e["source"] != e["target"]]}}))
    assert not w.open_file(path, ask=False)
    assert "has no delayed edge" in shown[-1]
    assert json.dumps(w.model.doc, sort_keys=True) == before


def test_a_recurrent_drawing_on_point_data_says_why_it_cannot_train(window, qtbot):
    w = window
    w.open_lesson("sine", ask=False)
    from simulator.ui import commands
    m = w.model
    m.undo_stack.push(commands.InsertEdges(m, [(len(edits.edges(m.doc)),
                                                {"source": "h1", "target": "h1", "delay": 1})]))
    qtbot.waitUntil(lambda: w.alert.isVisible(), timeout=5000)
    assert "needs sequence data" in w.alert.text()
    m.undo_stack.undo()
    qtbot.waitUntil(lambda: not w.alert.isVisible(), timeout=5000)
    assert lessons.load_lesson("sine")["network"] == m.doc["network"]


def test_the_export_dialogs_on_a_recurrent_lesson(window, qtbot, tmp_path):
    from simulator import export
    from simulator.ui import export_dialogs
    w = window
    w.open_lesson("echo", ask=False)
    w.controller.train_epochs(3)
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.epoch >= 3, timeout=10000)
    dialog = export_dialogs.ExportFigureDialog(w)
    qtbot.addWidget(dialog)
    c = dialog.controls
    c.view.setCurrentIndex(c.view.findData("surface"))
    dialog.update_preview()
    assert "sequence data do not have" in dialog.preview.text()
    for view in ("network", "slide", "unrolled", "sequence", "time-gradients"):
        c.view.setCurrentIndex(c.view.findData(view))
        dialog.update_preview()
        assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull(), view
    assert dialog.export_to(tmp_path / "slide.png").stat().st_size > 1000
    anim = export_dialogs.ExportAnimationDialog(w)
    qtbot.addWidget(anim)
    anim.kind.setCurrentIndex(anim.kind.findData("step"))
    assert anim.controls.view.isEnabled() and anim.frames.value() == 80
    anim.frames.setValue(6)
    assert anim.export_to(tmp_path / "step.gif")
    from PIL import Image
    assert Image.open(tmp_path / "step.gif").n_frames == 6


def test_after_a_recurrent_lesson_the_panels_are_as_a_feed_forward_one_opens_them(window, qtbot):
    """Lessons ▸ echo tabs the Sequence and Gradient-through-time panels in (and shows the
    time scrubber); Lessons ▸ XOR afterwards lays the panels out exactly as XOR opened
    directly does (the decision surface used to keep the tab bar's height, its neighbour
    some 30 pixels short)."""
    from .driving import open_lesson

    def layout():
        shown = {k: d.geometry() for k, d in window.docks.items()
                 if d.isVisible() and window.rect().intersects(d.geometry())}
        shown["centre"] = window.centralWidget().geometry()
        return shown

    w = window
    open_lesson(w, qtbot, "xor")
    qtbot.wait(100)
    direct = layout()
    open_lesson(w, qtbot, "echo")
    qtbot.waitUntil(lambda: w.docks["sequence"].isVisible() and w.recurrent.scrubber.toolbar.isVisible(),
                    timeout=3000)
    qtbot.wait(100)
    assert layout()["activations"] != direct["activations"]     # the recurrent lesson's own layout
    open_lesson(w, qtbot, "xor")
    qtbot.wait(100)
    after = layout()
    assert set(after) == set(direct)
    for key, rect in direct.items():
        got = after[key]
        assert max(abs(got.x() - rect.x()), abs(got.y() - rect.y()), abs(got.width() - rect.width()),
                   abs(got.height() - rect.height())) <= 1, (key, got, rect)


def test_sequences_without_a_training_target_say_so_not_diverged(window, qtbot, tmp_path):
    # once "the loss overflowed in the output layer at epoch 1": a 0/0 read as a blow-up
    w = window
    doc = elman(2)
    doc["data"] = {"sequences": [{"x": [1, 0, 1], "y": [None, None, None]},
                                 {"x": [0, 1, 1], "y": [None, None, 1]}], "test_fraction": 0.5}
    path = tmp_path / "no-target.nnsim.json"
    path.write_text(dumps(doc))
    assert w.open_file(path, ask=False)
    qtbot.waitUntil(lambda: w.alert.isVisible(), timeout=5000)
    text = w.alert.text()
    assert text.startswith("Cannot train yet: no training sequence has a target"), text
    assert "overflow" not in text and "diverged" not in text
