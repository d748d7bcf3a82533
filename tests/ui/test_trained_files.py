"""Saving keeps the trained network: File ▸ Save (Ctrl+S) and autosave write the current
weights, biases, PReLU slopes, batch-norm statistics and the epoch; reopening continues from
them; training counts as an unsaved change; Reset goes back to the document's own start."""
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from simulator.document import load, mlp, save

from .driving import forbid_dialogs, open_lesson, patch_file_dialogs, play_until, press, settled, trigger_menu


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch):
    forbid_dialogs(monkeypatch)


def by_edge(snap) -> dict:
    return dict(zip(snap.edges, np.asarray(snap.weights).tolist()))


def by_node(snap) -> dict:
    return {i: b for i, b in zip(snap.node_ids, np.asarray(snap.biases).tolist()) if np.isfinite(b)}


def reopen(w, qtbot, monkeypatch, path):
    """File ▸ New, then Ctrl+O on ``path``: the window shows the file's network afresh."""
    trigger_menu(w, "File", "New")
    assert w.model.doc["network"]["nodes"] == []
    patch_file_dialogs(monkeypatch, open_from=path)
    press(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.model.path == path, timeout=2000)
    return settled(w, qtbot)


def test_save_keeps_the_trained_network_and_reopening_continues(window, qtbot, monkeypatch, tmp_path):
    w = window
    start = open_lesson(w, qtbot, "xor")
    assert not w.isWindowModified()
    trained = play_until(w, qtbot, 150)
    assert w.isWindowModified(), "training is an unsaved change"
    path = tmp_path / "xor-trained.nnsim.json"
    asked = patch_file_dialogs(monkeypatch, save_to=path)
    press(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)          # a lesson: Save asks where
    assert asked == ["save"] and path.exists()
    assert not w.isWindowModified() and w.windowTitle().startswith(path.name)
    # the file holds what the window shows
    text = json.loads(path.read_text())
    weights = {(e["source"], e["target"]): e["weight"] for e in text["network"]["edges"]}
    assert weights == pytest.approx(by_edge(trained), abs=0)
    biases = {n["id"]: n["bias"] for n in text["network"]["nodes"] if n["kind"] != "input"}
    assert biases == pytest.approx(by_node(trained), abs=0)
    assert text["trained"]["epoch"] == trained.epoch > 0
    assert load(path)                                                      # a valid document

    back = reopen(w, qtbot, monkeypatch, path)
    assert back.epoch == trained.epoch and f"{trained.epoch:04d}" in w.train.epoch_label.text()
    assert back.train_loss == pytest.approx(trained.train_loss, rel=1e-12)
    assert back.test_metric == pytest.approx(trained.test_metric)
    assert by_edge(back) == pytest.approx(by_edge(trained), abs=0)
    assert not w.isWindowModified()
    qtbot.wait(200)
    assert f"epoch {trained.epoch}" in w.loss_panel.summary.text()
    assert "0 in every layer" not in w.gradient_panel.summary.text()    # not measured yet, not 0
    # training goes on from there
    trigger_menu(w, "Train", "Step Size", "One Epoch")
    press(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.controller.latest.epoch == trained.epoch + 1, timeout=3000)
    assert w.isWindowModified()
    # Reset: back to the document's own start (the lesson's seeded weights), epoch 0
    press(w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.controller.latest.epoch == 0, timeout=3000)
    assert by_edge(w.controller.latest) == pytest.approx(by_edge(start), abs=0)
    assert w.controller.latest.train_loss == pytest.approx(start.train_loss, rel=1e-12)
    # saved again after Reset: an untrained file, as the lesson was
    press(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "trained" not in json.loads(path.read_text())


def test_quitting_after_training_asks_to_save(window, qtbot, monkeypatch):
    w = window
    open_lesson(w, qtbot, "xor")
    play_until(w, qtbot, 20)
    asked = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Cancel)
    trigger_menu(w, "File", "Quit")
    assert asked and "not saved" in asked[0]
    assert w.isVisible()


def test_autosave_writes_the_trained_weights(window, qtbot):
    w = window
    open_lesson(w, qtbot, "xor")
    trained = play_until(w, qtbot, 60)
    assert w.autosaver.save_if_modified()            # what its timer does every 30 s
    text = json.loads(w.autosaver.doc_path.read_text())
    assert text["trained"]["epoch"] == trained.epoch
    weights = {(e["source"], e["target"]): e["weight"] for e in text["network"]["edges"]}
    assert weights == pytest.approx(by_edge(trained), abs=0)


def test_prelu_slopes_and_batch_norm_statistics_survive_save_and_reopen(window, qtbot, monkeypatch, tmp_path):
    w = window
    doc = mlp([2, 4, 1], hidden="prelu")
    for n in doc["network"]["nodes"]:
        if n["kind"] == "hidden":
            n["batch_norm"] = True
    doc["training"].update(learning_rate=0.3, seed=3)
    doc["data"].update(dataset="circles", samples=200)
    path = tmp_path / "bn.nnsim.json"
    save(doc, path)
    patch_file_dialogs(monkeypatch, open_from=path)
    press(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    settled(w, qtbot)
    trained = play_until(w, qtbot, 40)
    press(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)           # saves over the file
    text = json.loads(path.read_text())
    slopes = [n["alpha"] for n in text["network"]["nodes"] if n["kind"] == "hidden"]
    assert len(slopes) == 4 and any(abs(a - 0.25) > 1e-6 for a in slopes)
    assert len(text["trained"]["batch_norm"]) == 4
    back = reopen(w, qtbot, monkeypatch, path)
    # the loss of a batch-normalised network is computed with the running statistics:
    # equal only if they came back too
    assert back.train_loss == pytest.approx(trained.train_loss, rel=1e-12)
    assert back.test_loss == pytest.approx(trained.test_loss, rel=1e-12)


def test_a_recurrent_network_saves_and_reopens_trained(window, qtbot, monkeypatch, tmp_path):
    w = window
    open_lesson(w, qtbot, "echo")
    trained = play_until(w, qtbot, 15)
    path = tmp_path / "echo.nnsim.json"
    patch_file_dialogs(monkeypatch, save_to=path)
    press(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    text = json.loads(path.read_text())
    assert text["trained"]["epoch"] == trained.epoch
    assert any(e.get("delay") for e in text["network"]["edges"])
    back = reopen(w, qtbot, monkeypatch, path)
    assert back.epoch == trained.epoch
    assert by_edge(back) == pytest.approx(by_edge(trained), abs=0)
    assert back.train_loss == pytest.approx(trained.train_loss, rel=1e-12)


def test_saving_while_an_earlier_epoch_is_shown_saves_the_run_as_it_is_now(window, qtbot, monkeypatch, tmp_path):
    """The history slider is for looking: Ctrl+S on epoch 10 of a run at epoch 150 keeps
    the 150 epochs (the file would otherwise silently lose them)."""
    from PySide6.QtTest import QTest
    w = window
    open_lesson(w, qtbot, "xor")
    present = play_until(w, qtbot, 150)
    slider = w.history.slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Home)
    for _ in range(10):
        QTest.keyClick(slider, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: w.controller.latest.present_epoch is not None
                    and w.controller.latest.epoch == 10, timeout=5000)
    now = w.controller.present              # the run as it is (it may have gone past `present`
    assert now.epoch >= present.epoch       # in the moment Space took to pause it)
    path = tmp_path / "xor-viewing-the-past.nnsim.json"
    patch_file_dialogs(monkeypatch, save_to=path)
    press(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    text = json.loads(path.read_text())
    assert text["trained"]["epoch"] == now.epoch > 10
    weights = {(e["source"], e["target"]): e["weight"] for e in text["network"]["edges"]}
    assert weights == pytest.approx(by_edge(now), abs=0)
    assert w.controller.latest.epoch == 10              # still showing the past
