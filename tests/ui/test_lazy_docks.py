"""Panels behind another tab are built when first shown, and then show what they would
have shown had they been there from the start (the selection, the latest snapshot)."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar

from .mouse import at, click


def click_tab(w, title: str) -> None:
    """Click the dock tab called ``title`` (as a user switches panels)."""
    for bar in w.findChildren(QTabBar):
        for i in range(bar.count()):
            if bar.tabText(i) == title:
                QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
                QApplication.processEvents()
                return
    raise AssertionError(f"no tab {title!r}")


def test_hidden_panels_are_built_when_their_tab_is_chosen(window, qtbot):
    w = window
    w.open_lesson("xor", ask=False)
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=10000)
    assert not any(p.built for p in w.lazy.values()), "hidden panels built at start-up"
    h1 = w.scene.nodes["h1"]
    click(w.view.viewport(), at(w.view, h1.x(), h1.y()))      # select h1 on the canvas
    assert w.view.selected_nodes() == ["h1"]
    assert not w.lazy["inspector"].built
    click_tab(w, "Inspector")
    assert w.lazy["inspector"].built
    inspector = w.lazy["inspector"].panel_if_built()
    assert inspector.isVisible() and inspector.nodes == ["h1"]
    snap = w.controller.latest
    bias = float(snap.biases[snap.node_ids.index("h1")])
    assert inspector.bias.value() == round(bias, inspector.bias.decimals())
    # from now on it follows the canvas like any panel
    y = w.scene.nodes["y"]
    click(w.view.viewport(), at(w.view, y.x(), y.y()))
    assert inspector.nodes == ["y"]
    click_tab(w, "Training")
    assert w.lazy["training"].built and not w.lazy["data"].built
    assert w.training_panel.lr.value() == w.model.doc["training"]["learning_rate"]
