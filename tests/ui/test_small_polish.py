"""Small things a teacher notices: a slide PNG 4000 pixels wide at 300 dpi, the Export
dialog remembering its format, Help ▸ User Guide opening the guide."""
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from simulator.ui import export_dialogs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_export_settings(qapp):
    QSettings().remove(export_dialogs.SETTINGS)
    yield
    QSettings().remove(export_dialogs.SETTINGS)


def open_figure_dialog(w):
    """File ▸ Export ▸ Export Figure…: the dialog it opens."""
    w.act_export_figure.trigger()
    dialogs = [d for d in QApplication.topLevelWidgets()
               if d.objectName() == "export-figure-dialog" and d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_a_slide_at_300_dpi_is_4000_pixels_wide(window, qtbot, tmp_path):
    w = window
    w.open_lesson("xor", ask=False)
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=10000)
    dialog = open_figure_dialog(w)
    c = dialog.controls
    c.view.setCurrentIndex(c.view.findData("slide"))
    c.format.setCurrentIndex(c.format.findData("png"))
    assert c.dpi.value() == 300
    dialog.update_preview()
    assert "4000 × 2250 pixels" in dialog.info.text(), dialog.info.text()
    out = dialog.export_to(tmp_path / "slide.png")
    assert Image.open(out).size == (4000, 2250)
    c.unit.setCurrentIndex(c.unit.findData("px"))          # the same size shown in pixels
    assert (c.width_box.value(), c.height_box.value()) == (4000, 2250)
    dialog.close()


def test_the_export_dialog_remembers_its_format(window, qtbot):
    w = window
    dialog = open_figure_dialog(w)
    assert dialog.controls.format.currentData() == "svg"     # the default, the first time
    dialog.controls.format.setCurrentIndex(dialog.controls.format.findData("pdf"))
    dialog.reject()                                          # closed without exporting
    QApplication.processEvents()
    again = open_figure_dialog(w)
    assert again.controls.format.currentData() == "pdf"
    assert again.controls.path.text().endswith(".pdf")
    again.reject()


def test_help_opens_the_user_guide(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    texts = [a.text().replace("&", "") for a in window.menu_help.actions()]
    assert "User Guide" in texts
    window.act_guide.trigger()                 # Help ▸ User Guide
    assert opened == [QUrl.fromLocalFile(str(ROOT / "docs" / "index.md"))]
    assert (ROOT / "docs" / "index.md").exists()
