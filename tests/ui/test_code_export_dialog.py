"""File ▸ Export ▸ As Code… in the window: opened through the menu, a highlighted preview,
Copy, Save; the program holds the network the window shows, exactly (PReLU slopes and
batch-norm averages included), recurrent networks on sequences too."""
import types
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from simulator.codegen.notebook import code_cells
from simulator.document import normalise
from simulator.engine.trainer import Trainer
from simulator.ui.code_export_dialog import SETTINGS, CodeExportDialog

# the offscreen platform cannot raise a menu's popup or let it grab the keyboard; it says so
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


@pytest.fixture(autouse=True)
def fresh_export_settings(qapp):
    QSettings().remove(SETTINGS)
    yield
    QSettings().remove(SETTINGS)


def prelu_bn_document() -> dict:
    nodes = [{"id": "x1", "kind": "input", "feature": "x1"},
             {"id": "x2", "kind": "input", "feature": "x2"},
             {"id": "h1", "kind": "hidden", "activation": "prelu", "batch_norm": True},
             {"id": "h2", "kind": "hidden", "activation": "tanh", "batch_norm": True},
             {"id": "y", "kind": "output", "activation": "sigmoid"}]
    edges = [("x1", "h1"), ("x2", "h1"), ("x1", "h2"), ("x2", "h2"), ("h1", "y"), ("h2", "y"),
             ("x1", "y")]
    return normalise({"format": "nnsim", "version": 1, "title": "PReLU and batch norm",
                      "network": {"nodes": nodes,
                                  "edges": [{"source": s, "target": t} for s, t in edges]},
                      "training": {"loss": "bce", "optimizer": "adam", "learning_rate": 0.05},
                      "data": {"dataset": "circles", "samples": 80, "noise": 0.1}})


def click_menu(qtbot, menu, text):
    """Click the entry called ``text`` in an open menu."""
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    return action


def open_through_the_menu(window, qtbot) -> CodeExportDialog:
    """File ▸ Export ▸ As Code…, clicked."""
    bar = window.menuBar()
    file_action = window.menu_file.menuAction()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(file_action).center())
    qtbot.waitUntil(window.menu_file.isVisible, timeout=3000)
    click_menu(qtbot, window.menu_file, window.menu_export.title().replace("&", ""))
    qtbot.waitUntil(window.menu_export.isVisible, timeout=3000)
    click_menu(qtbot, window.menu_export, "As Code…")
    qtbot.waitUntil(lambda: window.findChild(CodeExportDialog) is not None, timeout=3000)
    dialog = window.findChild(CodeExportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def train_in_window(window, qtbot, doc, epochs):
    window.open_document(doc, None)
    qtbot.waitUntil(lambda: window.controller.latest is not None, timeout=10000)
    window.controller.train_epochs(epochs)
    qtbot.waitUntil(lambda: window.controller.latest.epoch >= epochs, timeout=20000)
    return window.controller.latest


def test_exported_program_is_the_network_the_window_shows(window, qtbot, tmp_path):
    doc = prelu_bn_document()
    snap = train_in_window(window, qtbot, doc, 4)
    dialog = open_through_the_menu(window, qtbot)
    assert dialog.weights.currentData() == "window" and f"epoch {snap.epoch}" in dialog.weights.currentText()
    # choose NumPy with the keyboard, as a user would
    dialog.framework.setFocus()
    qtbot.keyClick(dialog.framework, Qt.Key.Key_Down)
    assert dialog.framework.currentData() == "numpy"
    text = dialog.preview.toPlainText()
    assert "class Network:" in text and "def backward(self, v, t):" in text
    # the preview is highlighted: the class line carries formats (keyword, definition)
    block = dialog.preview.document().findBlockByNumber(text.splitlines().index("class Network:"))
    assert len(block.layout().formats()) >= 2
    path = tmp_path / "bn.py"
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert path.exists() and not dialog.isVisible()
    assert window.controller.latest.epoch == snap.epoch            # exporting did not train
    module = types.ModuleType("bn")
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module.__dict__)
    # the same network trained headless for as many epochs: the program's outputs are its
    trainer = Trainer.from_document(doc)
    trainer.run(epochs=snap.epoch)
    X = np.vstack([trainer.data.x_train, trainer.data.x_test])
    ref = trainer.net.forward(X)
    assert np.max(np.abs(module.build_model()(X) - ref) / np.abs(ref)) <= 1e-9


def test_copy_and_notebook_preview(window, qtbot, tmp_path):
    train_in_window(window, qtbot, prelu_bn_document(), 1)
    dialog = open_through_the_menu(window, qtbot)
    assert Path(dialog.path.text()).name == "network_pytorch.py"       # a name Python imports
    dialog.format.setCurrentIndex(dialog.format.findData("ipynb"))
    assert dialog.path.text().endswith("network_pytorch.ipynb")
    shown = dialog.preview.toPlainText()
    assert shown.startswith("# %% [markdown]\n# # PReLU and batch norm") and "\n# %%\n" in shown
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == shown
    dialog.weights.setCurrentIndex(dialog.weights.findData("untrained"))
    assert "untrained" in dialog.preview.toPlainText()
    out = dialog.save_to(tmp_path / "untrained")
    assert out.suffix == ".ipynb" and "class Network(nn.Module):" in "".join(code_cells(out.read_text()))
    dialog.close()


def test_a_recurrent_network_is_exported_as_the_window_shows_it(window, qtbot, tmp_path):
    """The echo lesson trained 2 epochs in the window: the NumPy program saved through the
    dialog gives the window's network's outputs over every sequence and step."""
    from simulator.document import lessons
    doc = lessons.load_lesson("echo")
    window.open_lesson("echo", ask=False)
    qtbot.waitUntil(lambda: window.controller.latest is not None, timeout=10000)
    window.controller.train_epochs(2)
    qtbot.waitUntil(lambda: window.controller.latest.epoch >= 2, timeout=20000)
    dialog = open_through_the_menu(window, qtbot)
    dialog.framework.setCurrentIndex(dialog.framework.findData("numpy"))
    text = dialog.preview.toPlainText()
    assert "for t in range(steps):" in text and "backpropagation through time" in text
    assert dialog.save_button.isEnabled() and dialog.copy_button.isEnabled()
    path = tmp_path / "echo.py"
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert path.exists() and not dialog.isVisible()
    module = types.ModuleType("echo")
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module.__dict__)
    trainer = Trainer.from_document(doc, base_dir=lessons.LESSONS_DIR)
    trainer.run(epochs=window.controller.latest.epoch)
    X = np.concatenate([trainer.data.x_train, trainer.data.x_test])
    ref = trainer.net.forward(X)
    assert np.max(np.abs(module.build_model()(X) - ref) / np.abs(ref)) <= 1e-9
