"""The window in Portuguese has no English left over: the title, the key names in tips,
Qt's own file dialog (labels and file types), and "recorte do gradiente" for clipping."""
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QPushButton

from simulator.document import lessons

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pt_window(qapp, qtbot):
    from simulator.ui import i18n
    from simulator.ui.main_window import MainWindow
    assert i18n.install(qapp, "pt_BR") == "pt_BR"
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.model.mark_saved()
    w.shutdown()
    i18n.install(qapp, "en")


def test_title_and_key_names_are_portuguese(pt_window):
    w = pt_window
    w.open_lesson("xor", ask=False)
    title = lessons.localized(lessons.load_lesson("xor"), "pt_BR")[0]
    assert title != lessons.load_lesson("xor")["title"]
    assert w.windowTitle().startswith(title) and w.windowTitle().endswith("nnsim")
    tip = w.train.act_play.statusTip()
    assert "Espaço" in tip and "Space" not in tip, tip
    w.new_document()
    assert w.windowTitle().startswith("Rede sem título")


def test_the_save_dialog_speaks_portuguese(pt_window, qtbot):
    w = pt_window
    w.open_lesson("xor", ask=False)
    seen = {}

    def inspect():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, inspect)
            return
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel)]
        seen["types"] = [box.itemText(i) for box in dialog.findChildren(QComboBox)
                         for i in range(box.count())]
        seen["buttons"] = [b.text() for b in dialog.findChildren(QPushButton)]
        dialog.reject()

    QTimer.singleShot(50, inspect)
    w.act_save_as.trigger()                    # File ▸ Save As…
    labels = " ".join(seen["labels"])
    assert "Procurar em" in labels and "Arquivos do tipo" in labels and "Nome do arquivo" in labels, labels
    assert "Look in" not in labels and "Files of" not in labels
    assert any(t.startswith("Redes do nnsim") for t in seen["types"]), seen["types"]
    assert any("Todos os arquivos" in t for t in seen["types"]), seen["types"]
    assert "&Salvar" in seen["buttons"] or "Salvar" in " ".join(seen["buttons"]), seen["buttons"]


def test_clipping_is_recorte_not_poda():
    ts = (ROOT / "resources" / "i18n" / "nnsim_pt_BR.ts").read_text(encoding="utf-8").lower()
    assert "poda" not in ts and "podar" not in ts
    assert "recorte do gradiente" in ts
    for lesson in (ROOT / "resources" / "lessons").glob("*.nnsim.json"):
        text = json.dumps(json.loads(lesson.read_text(encoding="utf-8")), ensure_ascii=False).lower()
        assert "poda" not in text, lesson.name
