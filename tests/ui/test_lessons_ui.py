"""Lessons open ready to use: their note, their panel, their remedies as toggles."""
from simulator.document import lessons


def test_every_lesson_opens_in_the_window(window, qtbot):
    w = window
    menu_ids = [a.data() for a in w.menu_lessons.actions()]
    assert menu_ids == lessons.ids()
    for lesson_id in lessons.ids():
        assert w.open_lesson(lesson_id, ask=False)
        assert w.model.lesson_id == lesson_id
        assert w.lesson_panel.title.text()
        assert len(w.scene.nodes) == len(w.model.doc["network"]["nodes"])
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.revision == w.model.revision,
                    timeout=5000)


def test_remedy_toggles_change_the_document_and_back(window, qtbot):
    w = window
    w.open_lesson("vanishing-gradient", ask=False)
    assert w.docks["gradients"].isVisible()
    panel = w.lesson_panel
    assert set(panel.checks) == {"relu_he", "batch_norm", "xavier"}
    panel.checks["relu_he"].setChecked(True)
    hidden = [n for n in w.model.doc["network"]["nodes"] if n["kind"] == "hidden"]
    assert all(n["activation"] == "relu" for n in hidden) and w.model.doc["training"]["init"] == "he"
    panel.checks["batch_norm"].setChecked(True)
    assert all(n.get("batch_norm") for n in w.model.doc["network"]["nodes"] if n["kind"] == "hidden")
    panel.checks["relu_he"].setChecked(False)
    panel.checks["batch_norm"].setChecked(False)
    assert w.model.doc["network"] == lessons.load_lesson("vanishing-gradient")["network"]
    assert w.model.doc["training"] == lessons.load_lesson("vanishing-gradient")["training"]
    w.model.undo_stack.undo()                  # each toggle was one undoable step
    assert all(n.get("batch_norm") for n in w.model.doc["network"]["nodes"] if n["kind"] == "hidden")


def test_lesson_hints_select_and_step_size(window, qtbot):
    w = window
    w.open_lesson("chain-rule", ask=False)
    qtbot.waitUntil(lambda: w.view.selected_nodes() == ["h"], timeout=2000)
    assert w.train.step_kind == "sample"
    assert "chain rule" in w.status.text().lower()
