"""The click-to-draw editor driven by mouse events on the real view's viewport."""
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from simulator.document import load

from .mouse import LEFT, at, click, drag, move, press, release

XOR_POS = {"input": [(-220, -60), (-220, 60)], "hidden": [(0, -60), (0, 60)], "output": [(220, 0)]}


def use_tool(window, kind):
    button = window.toolbar.widgetForAction(window.kind_tools[kind])
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.view.add_kind == kind


def draw_xor(window):
    """Two inputs, two hidden, one output, six connections: clicks and drags only."""
    view, vp = window.view, window.view.viewport()
    for kind in ("input", "hidden", "output"):
        use_tool(window, kind)
        for x, y in XOR_POS[kind]:
            click(vp, at(view, x, y))
    for a in XOR_POS["input"]:
        for b in XOR_POS["hidden"]:
            drag(vp, at(view, *a), at(view, *b))
    for a in XOR_POS["hidden"]:
        drag(vp, at(view, *a), at(view, *XOR_POS["output"][0]))


def structure(doc):
    kinds = {n["id"]: n["kind"] for n in doc["network"]["nodes"]}
    pairs = {(kinds[e["source"]], kinds[e["target"]]) for e in doc["network"]["edges"]}
    return kinds, pairs


def test_draw_xor_by_clicks_and_drags(empty):
    w = empty
    draw_xor(w)
    doc = w.model.doc
    kinds, _ = structure(doc)
    assert sorted(kinds.values()) == ["hidden", "hidden", "input", "input", "output"]
    assert len(doc["network"]["edges"]) == 6
    ids = {k: [i for i, v in kinds.items() if v == k] for k in ("input", "hidden", "output")}
    edges = {(e["source"], e["target"]) for e in doc["network"]["edges"]}
    assert edges == {(s, t) for s in ids["input"] for t in ids["hidden"]} | \
        {(s, ids["output"][0]) for s in ids["hidden"]}
    # positions are where the clicks were (the drawing is the document)
    x1 = next(n for n in doc["network"]["nodes"] if n["kind"] == "input")
    assert x1["pos"] == pytest.approx([-220, -60], abs=1.5)
    assert w.isWindowModified()
    # the drawing shows it: five neuron items, six edges in the batched layer
    assert len(w.scene.nodes) == 5 and len(w.scene.edges.pairs) == 6


def test_undo_everything_then_redo(empty):
    w = empty
    draw_xor(w)
    drawn = json.loads(json.dumps(w.model.doc))
    stack = w.model.undo_stack
    steps = stack.index()
    assert steps == 11                       # five neurons, six connections
    for _ in range(steps):
        QTest.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.model.doc["network"] == {"nodes": [], "edges": []}
    assert len(w.scene.nodes) == 0 and w.scene.edges.pairs == []
    for _ in range(steps):
        QTest.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.model.doc == drawn


def test_refused_connections_say_why(empty):
    w = empty
    view, vp = w.view, w.view.viewport()
    use_tool(w, "hidden")
    for p in ((0, 0), (200, 0)):
        click(vp, at(view, *p))
    drag(vp, at(view, 0, 0), at(view, 200, 0))
    assert len(w.model.doc["network"]["edges"]) == 1
    drag(vp, at(view, 200, 0), at(view, 0, 0))          # would close a loop within a step:
    assert "cycle" in w.statusBar().currentMessage()    # made a delayed edge instead (undoable)
    assert w.model.doc["network"]["edges"][-1] == {"source": "h2", "target": "h1", "delay": 1}
    QTest.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(w.model.doc["network"]["edges"]) == 1
    drag(vp, at(view, 0, 0), at(view, 200, 0))          # already there
    assert "already exists" in w.statusBar().currentMessage()
    drag(vp, at(view, 0, 0), at(view, 0, 300))          # released on empty canvas
    assert "cancelled" in w.statusBar().currentMessage()
    assert len(w.model.doc["network"]["edges"]) == 1


def test_select_delete_and_rubber_band(empty):
    w = empty
    draw_xor(w)
    view, vp = w.view, w.view.viewport()
    click(vp, at(view, 0, -60))                         # select a hidden neuron
    assert view.selected_nodes() and w.inspector.nodes == view.selected_nodes()
    QTest.keyClick(vp, Qt.Key.Key_Delete)
    assert len(w.model.doc["network"]["nodes"]) == 4
    assert len(w.model.doc["network"]["edges"]) == 3    # its 3 connections went with it
    # a rubber band around the inputs selects both
    drag(vp, at(view, -300, -150), at(view, -150, 150))
    assert len(view.selected_nodes()) == 2


def test_move_in_select_mode_is_undoable(empty):
    w = empty
    draw_xor(w)
    view, vp = w.view, w.view.viewport()
    QTest.mouseClick(w.toolbar.widgetForAction(w.act_select), Qt.MouseButton.LeftButton)
    nid = next(n["id"] for n in w.model.doc["network"]["nodes"] if n["kind"] == "output")
    drag(vp, at(view, 220, 0), at(view, 260, 80))
    assert w.model.node(nid)["pos"] == pytest.approx([260, 80], abs=2)
    w.model.undo_stack.undo()
    assert w.model.node(nid)["pos"] == pytest.approx([220, 0], abs=1.5)


def test_click_on_an_edge_selects_it_and_delete_removes_it(empty):
    w = empty
    draw_xor(w)
    view, vp = w.view, w.view.viewport()
    click(vp, at(view, 110, 30))           # on the h(0,60) -> y(220,0) connection
    assert len(view.selected_edges()) == 1
    QTest.keyClick(vp, Qt.Key.Key_Delete)
    assert len(w.model.doc["network"]["edges"]) == 5


def test_save_and_reopen_equal(empty, tmp_path):
    w = empty
    draw_xor(w)
    path = tmp_path / "xor.nnsim.json"
    assert w._save_to(path)
    assert not w.isWindowModified() and w.windowTitle().startswith("xor.nnsim.json")
    saved = json.loads(json.dumps(w.model.doc))
    w.model.replace(json.loads(json.dumps(saved)))
    assert w.open_file(path, ask=False)
    assert w.model.doc == saved == load(path)


def test_a_bad_file_opens_nothing_and_says_why(empty, tmp_path, monkeypatch):
    w = empty
    draw_xor(w)
    before = json.loads(json.dumps(w.model.doc))
    bad = tmp_path / "bad.nnsim.json"
    bad.write_text('{"format": "nnsim", "version": 1, "network": {"nodes": [], '
                   '"edges": [{"source": "a", "target": "b"}]}}')
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    assert not w.open_file(bad, ask=False)
    assert shown and 'network.edges[0].source: no node "a"' in shown[0]
    assert w.model.doc == before


def test_add_layer_fully_connect_and_auto_layout(empty):
    from simulator.ui.editor import actions
    w = empty
    draw_xor(w)
    new = actions.add_layer(w.view, 3, "relu")
    doc = w.model.doc
    assert len(new) == 3 and all(w.model.node(i)["activation"] == "relu" for i in new)
    pairs = {(e["source"], e["target"]) for e in doc["network"]["edges"]}
    kinds = {n["id"]: n["kind"] for n in doc["network"]["nodes"]}
    out = next(i for i, k in kinds.items() if k == "output")
    assert all((i, out) in pairs for i in new)
    assert not any(kinds[s] == "hidden" and s not in new and t == out for s, t in pairs)
    w.model.undo_stack.undo()              # one step undoes the whole layer
    assert len(w.model.doc["network"]["nodes"]) == 5
    # fully connect: select two columns, connect every pair
    for n in w.model.doc["network"]["edges"][:]:
        pass
    w.view.select_all()
    before = len(w.model.doc["network"]["edges"])
    added = actions.fully_connect(w.view)
    assert added == 0 and len(w.model.doc["network"]["edges"]) == before   # all there already
    actions.auto_layout(w.view)
    xs = sorted({round(n["pos"][0]) for n in w.model.doc["network"]["nodes"]})
    assert xs == [0, 200, 400]


def test_inspector_edits_are_undoable(empty):
    w = empty
    draw_xor(w)
    view, vp = w.view, w.view.viewport()
    click(vp, at(view, 0, 60))
    nid = view.selected_nodes()[0]
    combo = w.inspector.activation
    combo.setCurrentIndex(combo.findData("relu"))
    combo.activated.emit(combo.currentIndex())
    assert w.model.node(nid)["activation"] == "relu"
    w.inspector.bias.setValue(0.75)
    assert w.model.node(nid)["bias"] == 0.75
    w.model.undo_stack.undo()
    w.model.undo_stack.undo()
    assert w.model.node(nid)["activation"] == "tanh" and "bias" not in w.model.node(nid)
    assert "g = " in w.inspector.maths.text() and "f′" in w.inspector.maths.text()


def test_kind_change_refused_when_edges_forbid(empty):
    w = empty
    draw_xor(w)
    hid = next(n["id"] for n in w.model.doc["network"]["nodes"] if n["kind"] == "hidden")
    w.view.clear_selection()
    w.scene.nodes[hid].setSelected(True)
    w.inspector.kind.setCurrentIndex(w.inspector.kind.findData("input"))
    w.inspector.kind.activated.emit(w.inspector.kind.currentIndex())
    assert w.model.node(hid)["kind"] == "hidden"
    assert "incoming" in w.inspector.header.text()


def test_zoom_with_the_wheel_and_fit(empty):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication
    w = empty
    draw_xor(w)
    vp = w.view.viewport()
    before = w.view.transform().m11()
    ev = QWheelEvent(QPointF(200, 200), QPointF(vp.mapToGlobal(QPoint(200, 200))), QPoint(0, 0),
                     QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, ev)
    assert w.view.transform().m11() > before
    w.view.zoom_to_fit()
    rect = w.view.mapToScene(vp.rect()).boundingRect()
    for item in w.scene.nodes.values():
        assert rect.contains(item.pos())


def test_title_shows_file_name_and_modified_flag(empty):
    w = empty
    assert "[*]" in w.windowTitle()
    draw_xor(w)
    assert w.isWindowModified()


def test_large_drawings_draw_the_heaviest_edges_and_say_so(empty, qtbot):
    import numpy as np
    from PySide6.QtGui import QImage, QPainter
    from simulator.document import mlp
    from simulator.render.network import EdgeLayer
    w = empty
    doc = mlp([2, 80, 80, 1])                          # 2*80 + 80*80 + 80 = 6,640 edges
    w.model.replace(doc)
    n = len(doc["network"]["edges"])
    weights = np.random.default_rng(0).normal(size=n)
    w.scene.edges.set_values(weights, np.zeros(n))
    w.view.zoom_to_fit()
    w.view.viewport().repaint()
    edges = w.scene.edges
    assert edges.drawn_count == EdgeLayer.MAX_DRAWN < n
    drawn = edges.visible_edges(w.view.mapToScene(w.view.viewport().rect()).boundingRect())
    assert np.abs(weights[drawn]).min() >= np.sort(np.abs(weights))[-EdgeLayer.MAX_DRAWN] - 1e-12
    w.view.legend.place()
    assert "heaviest" in w.view.legend.note() and w.view.legend.isVisible()
    # an export (no widget) draws every edge
    img = QImage(400, 300, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    w.scene.render(p)
    p.end()
    assert edges.drawn_count == n


def test_connection_drag_line_shows_refusal_by_pattern_not_only_colour(empty):
    """While dragging: dashed over empty canvas, solid over a neuron it may connect to,
    dotted over one it may not (a colour-blind user tells them apart)."""
    w = empty
    view, vp = w.view, w.view.viewport()
    use_tool(w, "hidden")
    for p in ((0, 0), (200, 0)):
        click(vp, at(view, *p))
    drag(vp, at(view, 0, 0), at(view, 200, 0))          # 0 → 200 now exists
    press(vp, at(view, 0, 0))
    move(vp, at(view, 100, 120), LEFT)
    line = view._temp_line
    assert line.pen().style() == Qt.PenStyle.DashLine
    move(vp, at(view, 200, 0), LEFT)                    # duplicate: refused
    assert line.pen().style() == Qt.PenStyle.DotLine
    release(vp, at(view, 100, 120))
    press(vp, at(view, 200, 0))
    move(vp, at(view, 150, 100), LEFT)
    click_target = at(view, 0, 0)
    move(vp, click_target, LEFT)                        # 200 → 0 closes a loop: offered delayed
    assert view._temp_line.pen().style() == Qt.PenStyle.DashDotLine
    release(vp, at(view, 150, 100))
    click(vp, at(view, 100, 250))                       # a third neuron
    press(vp, at(view, 0, 0))
    move(vp, at(view, 50, 120), LEFT)
    move(vp, at(view, 100, 250), LEFT)                  # allowed
    assert view._temp_line.pen().style() == Qt.PenStyle.SolidLine
    release(vp, at(view, 100, 250))
    assert len(w.model.doc["network"]["edges"]) == 2


def test_pressing_the_chosen_kind_after_select_returns_to_drawing(window):
    from simulator.ui.editor.view import EditorView
    w = window
    QTest.mouseClick(w.toolbar.widgetForAction(w.act_select), Qt.MouseButton.LeftButton)
    assert w.view.mode == EditorView.SELECT
    use_tool(w, "hidden")                     # the kind already chosen
    assert w.view.mode == EditorView.DRAW and w.act_draw.isChecked()
