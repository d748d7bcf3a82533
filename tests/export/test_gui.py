"""File ▸ Export in the window: figures of the current state (nothing retrains), an
animation with a progress bar that can be cancelled, the clipboard."""
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from simulator.render.network import fmt
from simulator.ui import export_dialogs

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def fresh_export_settings(qapp):
    """The dialogs remember their last choices: start every test from the defaults."""
    QSettings().remove(export_dialogs.SETTINGS)
    yield
    QSettings().remove(export_dialogs.SETTINGS)


def trained_window(window, qtbot, epochs=12):
    window.open_lesson("xor", ask=False)
    qtbot.waitUntil(lambda: window.controller.latest is not None, timeout=10000)
    window.controller.train_epochs(epochs)
    qtbot.waitUntil(lambda: window.controller.latest.epoch >= epochs, timeout=10000)
    return window.controller.latest


def test_the_menu_and_the_clipboard(window, qtbot):
    texts = [a.text().replace("&", "") for a in window.menu_export.actions()]
    assert texts == ["Export Figure…", "Export Animation…", "Copy Figure to Clipboard", "",
                     "As Code…"]
    assert window.act_copy_figure.shortcut().toString() == "Ctrl+Shift+C"
    trained_window(window, qtbot, 2)
    window.act_copy_figure.trigger()
    mime = QApplication.clipboard().mimeData()
    try:
        assert mime.hasImage() and not mime.imageData().isNull()
        assert bytes(mime.data("image/svg+xml")).startswith(b"<?xml")
    finally:
        del mime
        export_dialogs.release_clipboard()     # what quitting the app does


def test_figure_dialog_exports_the_current_state(window, qtbot, tmp_path):
    snap = trained_window(window, qtbot)
    dialog = export_dialogs.ExportFigureDialog(window)
    qtbot.addWidget(dialog)
    c = dialog.controls
    assert c.view.currentData() == "network" and c.theme.currentData() == "light"
    dialog.update_preview()
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    out = dialog.export_to(tmp_path / "net.svg")
    words = " ".join("".join(t.itertext()) for t in ET.parse(out).getroot().iter(SVG + "text"))
    assert f"epoch {snap.epoch}" in words
    h1 = snap.biases[snap.node_ids.index("h1")]
    assert "b = " + fmt(float(h1)) in words
    assert window.controller.latest is snap            # exporting did not train or step
    # a size in pixels at a chosen DPI, transparent
    c.view.setCurrentIndex(c.view.findData("loss"))
    c.dpi.setValue(100)
    c.unit.setCurrentIndex(c.unit.findData("px"))
    c.width_box.setValue(320)
    c.height_box.setValue(200)
    c.transparent.setChecked(True)
    im = Image.open(dialog.export_to(tmp_path / "loss.png"))
    assert im.size == (320, 200) and im.getpixel((0, 0))[3] == 0


def test_animation_dialog_writes_a_gif_and_can_be_cancelled(window, qtbot, tmp_path):
    trained_window(window, qtbot, 2)
    epoch = window.controller.latest.epoch
    dialog = export_dialogs.ExportAnimationDialog(window)
    qtbot.addWidget(dialog)
    c = dialog.controls
    c.view.setCurrentIndex(c.view.findData("surface"))
    c.width_box.setValue(2)
    c.height_box.setValue(2)
    c.dpi.setValue(40)
    dialog.epochs.setValue(4)
    dialog.frames.setValue(3)
    assert dialog.export_to(tmp_path / "train.gif")
    assert Image.open(tmp_path / "train.gif").n_frames == 3
    assert dialog.progress.value() == dialog.progress.maximum() == 3
    dialog.kind.setCurrentIndex(dialog.kind.findData("step"))
    dialog.frames.setValue(4)
    original = dialog._progress
    dialog._progress = lambda done, total: original(done, total) and done < 2   # Cancel after 2
    assert not dialog.export_to(tmp_path / "step.gif")
    assert not (tmp_path / "step.gif").exists()
    assert window.controller.latest.epoch == epoch     # the window's network was not touched
