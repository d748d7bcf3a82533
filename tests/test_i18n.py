"""Portuguese and English: a complete catalogue, the strings found at run time, Portuguese
menus, and a language switch that keeps the work."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

TS = ROOT / "resources" / "i18n" / "nnsim_pt_BR.ts"


def test_the_catalogue_covers_every_string_in_the_code(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([update_translations.tool("lupdate"), *update_translations.sources(), "-no-obsolete",
                    "-ts", str(copy)], cwd=ROOT, check=True, capture_output=True)
    missing = update_translations.unfinished(copy)
    assert missing == [], f"{len(missing)} strings without a pt_BR translation, e.g. {missing[:5]}"
    qm = tmp_path / "fresh.qm"
    subprocess.run([update_translations.tool("lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), \
        "resources/i18n/nnsim_pt_BR.qm is stale: run python scripts/update_translations.py"


def test_every_engine_string_is_in_the_ui_catalogue():
    from simulator.engine import activations, datasets, losses, optimizers
    from simulator.render.engine_text import CATALOGUE
    wanted = set(losses.LABELS.values()) | set(optimizers.LABELS.values()) | set(datasets.DESCRIPTIONS.values())
    for name in activations.names():
        a = activations.get(name)
        wanted |= {a.label, a.formula, a.derivative_formula}
    assert wanted <= set(CATALOGUE)


@pytest.fixture
def portuguese(qapp):
    from simulator.ui import i18n
    assert i18n.install(qapp, "pt_BR") == "pt_BR"
    yield
    i18n.install(qapp, "en")


def test_strings_are_found_at_run_time(portuguese):
    from PySide6.QtCore import QCoreApplication
    from simulator.render import engine_text
    from simulator.translate import tr
    assert tr("max") == "máx."                                     # bare tr(): the empty context
    assert engine_text.activation_label("step") == "Degrau"
    assert QCoreApplication.translate("MainWindow", "&File") != "&File"
    assert "sigmoide" in engine_text.activation_label("sigmoid")


def test_the_window_in_portuguese(portuguese, qtbot):
    from simulator.ui.main_window import MainWindow
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus[:3] == ["&Arquivo", "&Editar", "E&xibir"]
    assert w.train.act_play.text().replace("&", "") == "Reproduzir"
    assert w.docks["surface"].windowTitle() == "Superfície de decisão"
    assert w.docks["gradients"].windowTitle() == "Fluxo do gradiente"
    w.open_lesson("xor", ask=False)
    assert "XOR" in w.lesson_panel.title.text() and "neurônios" in w.lesson_panel.text.text()
    w.model.mark_saved()
    w.shutdown()


def test_switching_language_keeps_the_document_and_the_training(window, qtbot, qapp):
    from simulator.ui import commands
    from simulator.document import edits
    w = window
    w.open_lesson("circles", ask=False)
    w.controller.train_epochs(40)
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.epoch >= 40, timeout=10000)
    m = w.model
    m.undo_stack.push(commands.AddNode(m, edits.make_node(m.doc, "hidden", (300, 200))))
    doc_before = m.snapshot_copy()
    thread = w.controller.thread
    new = w.set_language("pt_BR")
    try:
        assert new is not w and new.menuBar().actions()[0].text() == "&Arquivo"
        assert new.model.doc == doc_before and new.isWindowModified()
        assert new.controller.thread is thread and thread.isRunning()
        qtbot.waitUntil(lambda: new.controller.latest is not None and new.controller.latest.epoch >= 40,
                        timeout=5000)
        assert len(new.scene.nodes) == len(doc_before["network"]["nodes"])
        back = new.set_language("en")
        assert back.menuBar().actions()[0].text() == "&File" and back.model.doc == doc_before
    finally:
        from simulator.ui import i18n
        i18n.install(qapp, "en")
        final = qapp.nnsim_window
        final.model.mark_saved()
        final.shutdown()
        final.close()


def test_sequence_tasks_and_their_problems_are_in_the_ui_catalogue(portuguese):
    from simulator.engine import sequences
    from simulator.render import engine_text
    from simulator.render.engine_text import CATALOGUE
    assert set(sequences.DESCRIPTIONS.values()) <= set(CATALOGUE)
    assert engine_text.dataset_description("temporal-xor").startswith("um fluxo de bits")
    assert engine_text.problem('batch normalisation is not available for sequences (neuron "h1")') == \
        "a normalização de batch não está disponível para sequências (neurônio h1)"
