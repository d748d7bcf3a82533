"""The initial weights depend only on the document (its seed and structure), not on the order
of the edits that made it: a network drawn by hand starts where the same file reopened
starts, and where Reset takes it. Trained weights, though, survive edits."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from simulator.document import load
from simulator.engine import Network

from .driving import (click_button, forbid_dialogs, open_lesson, patch_file_dialogs, play_until,
                      press, settled, trigger_menu)
from .mouse import at, click, drag
from .test_editor import XOR_POS, use_tool


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch):
    forbid_dialogs(monkeypatch)


def by_edge(snap) -> dict:
    return dict(zip(snap.edges, np.asarray(snap.weights).tolist()))


def draw_xor(w, qtbot):
    """XOR drawn as a person draws it: one gesture at a time, the window catching up (and
    the worker compiling each trainable stage) in between."""
    view, vp = w.view, w.view.viewport()
    for kind in ("input", "hidden", "output"):
        use_tool(w, kind)
        for x, y in XOR_POS[kind]:
            click(vp, at(view, x, y))
            qtbot.wait(20)
    for a, b in [(a, b) for a in XOR_POS["input"] for b in XOR_POS["hidden"][:1]] + \
                [(XOR_POS["hidden"][0], XOR_POS["output"][0])] + \
                [(a, XOR_POS["hidden"][1]) for a in XOR_POS["input"]] + \
                [(XOR_POS["hidden"][1], XOR_POS["output"][0])]:
        drag(vp, at(view, *a), at(view, *b))
        qtbot.wait(40)
    assert len(w.model.doc["network"]["edges"]) == 6


def test_a_drawn_network_starts_where_the_same_file_reopened_starts(empty, qtbot, monkeypatch, tmp_path):
    w = empty
    draw_xor(w, qtbot)
    drawn = settled(w, qtbot)
    qtbot.wait(200)
    drawn_summary = w.loss_panel.summary.text()
    path = tmp_path / "hand-drawn.nnsim.json"
    patch_file_dialogs(monkeypatch, save_to=path, open_from=path)
    press(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.exists()
    trigger_menu(w, "File", "New")
    press(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.model.path == path, timeout=2000)
    reopened = settled(w, qtbot)
    qtbot.wait(200)
    assert reopened.epoch == 0
    assert by_edge(reopened) == pytest.approx(by_edge(drawn), abs=0)
    assert reopened.train_loss == pytest.approx(drawn.train_loss, rel=1e-12)
    assert w.loss_panel.summary.text() == drawn_summary        # what the reader sees, digit for digit
    # and both are the engine's fresh draw of the document
    fresh = Network.from_document(load(path))
    assert by_edge(reopened) == pytest.approx(fresh.weights(), abs=0)


def test_an_edit_of_an_untrained_network_gives_the_fresh_draw_of_the_new_document(empty, qtbot):
    w = empty
    draw_xor(w, qtbot)
    settled(w, qtbot)
    view, vp = w.view, w.view.viewport()
    use_tool(w, "hidden")
    click(vp, at(view, 0, 180))                                  # a third hidden neuron
    drag(vp, at(view, *XOR_POS["input"][0]), at(view, 0, 180))
    drag(vp, at(view, 0, 180), at(view, *XOR_POS["output"][0]))
    snap = settled(w, qtbot)
    assert len(snap.edges) == 8
    fresh = Network.from_document(w.model.doc)
    assert by_edge(snap) == pytest.approx(fresh.weights(), abs=0)
    # undoing the three edits: the fresh draw of the 2-2-1 document again
    for _ in range(3):
        press(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    snap = settled(w, qtbot)
    assert len(snap.edges) == 6
    assert by_edge(snap) == pytest.approx(Network.from_document(w.model.doc).weights(), abs=0)


def test_reset_returns_to_the_fresh_draw_even_after_a_weight_typed_in(window, qtbot):
    w = window
    open_lesson(w, qtbot, "xor")
    view = w.view
    click(view.viewport(), at(view, 100, -45))             # the connection x1 → h1
    assert view.selected_edges() == [("x1", "h1")]
    w.inspector.weight.setFocus()
    w.inspector.weight.setValue(1.5)                       # typed in the Inspector
    assert w.model.doc["network"]["edges"][0]["weight"] == 1.5
    qtbot.waitUntil(lambda: by_edge(w.controller.latest)[("x1", "h1")] == 1.5, timeout=3000)
    play_until(w, qtbot, 5)
    press(w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.controller.latest.epoch == 0 and w.controller.latest.step == 0, timeout=3000)
    expected = Network.from_document(w.model.doc).weights()
    assert expected[("x1", "h1")] == 1.5
    assert by_edge(w.controller.latest) == pytest.approx(expected, abs=0)


def test_trained_weights_survive_an_edit(window, qtbot):
    w = window
    open_lesson(w, qtbot, "xor")
    trained = play_until(w, qtbot, 50)
    view, vp = w.view, w.view.viewport()
    use_tool(w, "hidden")
    click(vp, at(view, 200, 200))                               # a new, unconnected neuron
    snap = settled(w, qtbot)
    assert snap.epoch == trained.epoch
    assert by_edge(snap) == pytest.approx(by_edge(trained), abs=0)
    assert len(snap.history.epoch) == len(trained.history.epoch)
    click_button(w, w.train.act_reset)
    qtbot.waitUntil(lambda: w.controller.latest.epoch == 0, timeout=3000)
    assert by_edge(w.controller.latest) == pytest.approx(Network.from_document(w.model.doc).weights(), abs=0)
