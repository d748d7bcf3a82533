"""The Compare panel driven through its widgets: choose what varies, press Train, watch the
small multiples arrive from the comparison thread, click one to make it the current
network; bad lists get a dialog; the window stays responsive; File ▸ Export draws it."""
import time
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from simulator.document import compare as dc
from simulator.document import lessons
from simulator.engine.trainer import Trainer
from simulator.ui import export_dialogs

SVG = "{http://www.w3.org/2000/svg}"


def show_panel(w, qtbot, lesson_id):
    w.open_lesson(lesson_id, ask=False)
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=10000)
    panel = w.compare_panel
    assert panel is not None and w.docks["compare"].isVisible()
    return panel


def train(panel, qtbot, kind, values, epochs, timeout=20000):
    panel.vary.setCurrentIndex(panel.vary.findData(kind))
    panel.values.clear()
    QTest.keyClicks(panel.values, values)
    panel.epochs.setValue(epochs)
    QTest.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.snapshot is not None and panel.snapshot.finished
                    and not panel.running, timeout=timeout)
    return panel.snapshot


def click(widget, pos=None):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pos if pos is not None else widget.rect().center())


def test_the_panel_is_built_only_when_first_shown(window, qtbot):
    assert window.compare_panel is None and not window.docks["compare"].isVisible()
    window.act_compare.trigger()                       # Train ▸ Compare Runs
    qtbot.waitUntil(lambda: window.docks["compare"].isVisible(), timeout=3000)
    assert window.compare_panel is not None and window.docks["compare"].widget() is window.compare_panel
    # the charts and the panel share the bottom as tabs: the small multiples get its width
    assert window.tabifiedDockWidgets(window.docks["compare"]) == [window.docks["loss"], window.docks["gradients"]]
    assert window.docks["compare"].width() > 0.9 * window.width()
    assert window.docks["loss"].visibleRegion().isEmpty() and window.height() == 900   # the window did not grow
    window.docks["compare"].toggleViewAction().trigger()     # closing it: side by side again
    shown = lambda key: not window.docks[key].visibleRegion().isEmpty()       # noqa: E731
    qtbot.waitUntil(lambda: shown("loss") and shown("gradients"), timeout=3000)
    assert window.docks["loss"].y() == window.docks["gradients"].y() and not window.docks["compare"].isVisible()


def test_choose_seeds_train_and_click_one_to_make_it_the_current_network(window, qtbot):
    w = window
    panel = show_panel(w, qtbot, "seeds")
    assert panel.vary.currentData() == "seeds" and panel.values.text() == "0-15"
    snap = train(panel, qtbot, "seeds", "0, 2-4", 40)
    assert [v.seed for v in snap.variants] == [0, 2, 3, 4] and snap.epoch == 40
    tiles = panel.grid.tiles
    assert len(tiles) == 4 and all(t.isVisible() and t.width() >= 72 for t in tiles)
    assert [t.label for t in tiles] == ["seed 0", "seed 2", "seed 3", "seed 4"]
    assert "4 variants" in panel.summary.text() and "epoch 40 of 40" in panel.summary.text()
    # the chart holds one curve per seed, 40 epochs long
    assert [len(c.getData()[0]) for c in panel.plot.variant_curves[:4]] == [40] * 4
    revision = w.model.revision
    click(tiles[2], tiles[2].plot_rect().center().toPoint())          # seed 3
    assert w.model.doc["training"]["seed"] == 3 and w.model.revision > revision
    assert w.model.undo_stack.undoText().startswith("Open the variant seed 3")
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.epoch == 40
                    and w.controller.latest.revision == w.model.revision, timeout=20000)
    # the main network is that variant: the weights of its own single run after 40 epochs
    own = Trainer.from_document(dc.seed_variants(lessons.load_lesson("seeds"), [3])[0].doc,
                                base_dir=lessons.LESSONS_DIR)
    own.run(epochs=40)
    assert np.allclose(w.controller.latest.weights, own.net.params[own.net.edge_index], rtol=1e-9, atol=1e-12)
    assert panel.selected == 2 and tiles[2].selected
    assert panel.snapshot is snap                      # the comparison is still shown
    w.model.undo_stack.undo()                          # and opening it is one undoable step
    assert w.model.doc["training"]["seed"] == 1


def test_pause_and_go_on(window, qtbot):
    panel = show_panel(window, qtbot, "seeds")
    panel.values.setText("0-15")
    panel.epochs.setValue(100000)
    click(panel.train_button)
    qtbot.waitUntil(lambda: panel.running and panel.snapshot is not None and panel.snapshot.epoch > 5,
                    timeout=10000)
    assert panel.train_button.text() == "Pause"
    click(panel.train_button)
    qtbot.waitUntil(lambda: not panel.running, timeout=5000)
    qtbot.wait(100)
    epoch = panel.snapshot.epoch
    qtbot.wait(300)
    assert panel.snapshot.epoch == epoch and panel.train_button.text() == "Train"
    click(panel.train_button)                          # the same request: it goes on
    qtbot.waitUntil(lambda: panel.snapshot.epoch > epoch + 5, timeout=10000)
    assert panel.snapshot.variants[0].history.epoch[0] == 1     # not started again
    click(panel.train_button)
    qtbot.waitUntil(lambda: not panel.running, timeout=5000)


def test_the_window_stays_responsive_while_64_variants_train(window, qtbot):
    panel = show_panel(window, qtbot, "seeds")
    panel.values.setText("0-63")
    panel.epochs.setValue(100000)
    gaps = []
    last = [time.perf_counter()]

    def beat():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
    timer = QTimer()
    timer.timeout.connect(beat)
    click(panel.train_button)
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    last[0] = time.perf_counter()
    timer.start(10)
    qtbot.wait(2500)
    timer.stop()
    epoch = panel.snapshot.epoch
    click(panel.train_button)
    qtbot.waitUntil(lambda: not panel.running, timeout=5000)
    assert len(panel.grid.tiles) == 64 and epoch > 10          # it trained and drew meanwhile
    assert max(gaps) < 0.5, f"the event loop stalled {max(gaps) * 1000:.0f} ms"
    assert np.percentile(gaps, 90) < 0.1
    assert np.median(gaps) < 0.05


def test_a_bad_list_gets_a_dialog_and_leaves_the_document_alone(window, qtbot):
    w = window
    panel = show_panel(w, qtbot, "seeds")
    doc, revision = w.model.snapshot_copy(), w.model.revision
    for kind, text, words in (("seeds", "5-2", '"5-2" is an empty range'),
                              ("learning_rates", "a, b", '"a" is not a number'),
                              ("activations", "sigmoid, foo", 'unknown activation "foo"'),
                              ("seeds", "0-99", "100 variants: at most 64")):
        panel.vary.setCurrentIndex(panel.vary.findData(kind))
        panel.values.setText(text)
        click(panel.train_button)
        box = None

        def dialog():
            nonlocal box
            box = next((b for b in QApplication.topLevelWidgets()
                        if isinstance(b, QMessageBox) and b.objectName() == "compare-error" and b.isVisible()), None)
            return box is not None
        qtbot.waitUntil(dialog, timeout=3000)
        assert words in box.text()
        box.button(QMessageBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
    assert w.model.revision == revision and w.model.snapshot_copy() == doc
    assert panel.snapshot is None and not panel.running


def test_log_scale_and_the_drawings_of_a_lesson(window, qtbot):
    w = window
    panel = show_panel(w, qtbot, "perceptron-vs-mlp")
    assert panel.vary.currentData() == "variants" and not panel.values.isEnabled()
    assert panel.values.text() == "one neuron (perceptron), MLP 2-2-1"
    click(panel.train_button)
    qtbot.waitUntil(lambda: panel.snapshot is not None and panel.snapshot.finished, timeout=20000)
    perceptron, mlp = panel.snapshot.variants
    assert (perceptron.status, mlp.status) == ("stuck", "ok")
    click(panel.log)
    assert panel.plot.log_scale and panel.plot.ctrl.logYCheck.isChecked()
    # another drawing: the document is replaced (the lesson and its comparison stay)
    click(panel.grid.tiles[0])
    assert [n["id"] for n in w.model.doc["network"]["nodes"]] == ["x1", "x2", "y"]
    assert w.model.lesson_id == "perceptron-vs-mlp" and panel.snapshot is not None
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.epoch == 200
                    and len(w.controller.latest.node_ids) == 3, timeout=20000)
    assert len(w.scene.nodes) == 3


@pytest.fixture
def fresh_export_settings(qapp):
    QSettings().remove(export_dialogs.SETTINGS)
    yield
    QSettings().remove(export_dialogs.SETTINGS)


def test_file_export_draws_the_panels_comparison(window, qtbot, tmp_path, fresh_export_settings):
    w = window
    panel = show_panel(w, qtbot, "learning-rate")
    snap = train(panel, qtbot, "learning_rates", "0.001, 0.1, 2", 20)
    assert [v.status for v in snap.variants][2] == "diverged"
    dialog = export_dialogs.ExportFigureDialog(w)
    qtbot.addWidget(dialog)
    dialog.controls.view.setCurrentIndex(dialog.controls.view.findData("compare"))
    out = dialog.export_to(tmp_path / "rates.svg")
    texts = ["".join(t.itertext()).strip() for t in ET.parse(out).getroot().iter(SVG + "text")]
    assert texts[0] == "Learning rate: too small, right, too large"
    assert {"α = 0.001", "α = 0.1", "α = 2", "diverged in epoch 8"} <= set(texts)
    assert panel.snapshot is snap                        # exporting retrains nothing
