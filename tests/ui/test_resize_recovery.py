"""A window made very small and large again looks as it did: the panels get their widths
back (no "Bi", "Gr", "Data | T…"), and the gradient chart's axis labels never pile up."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from simulator.ui.dock_sizes import SIDE_MIN_WIDTH


def settle(qtbot):
    for _ in range(4):
        QApplication.processEvents()
        qtbot.wait(30)


def dock_sizes(w) -> dict[str, tuple[int, int]]:
    return {k: (d.width(), d.height()) for k, d in w.docks.items()
            if d.isVisible() and w.rect().intersects(d.geometry())}


def decade_spacing(w) -> tuple[float, float]:
    """(decades between labels, pixels between labels) on the gradient chart's left axis."""
    axis = w.gradient_panel.plot.getAxis("left")
    lo, hi = axis.range
    size = axis.geometry().height()
    spacing = axis.tickSpacing(lo, hi, size)[0][0]
    return spacing, spacing * size / (hi - lo)


def test_panels_and_axis_labels_recover_after_a_tiny_window(window, qtbot):
    w = window
    w.resize(1400, 900)
    w.open_lesson("vanishing-gradient", ask=False)
    settle(qtbot)
    before, ticks = dock_sizes(w), decade_spacing(w)
    w.resize(500, 400)
    settle(qtbot)
    line = QFontMetricsF(w.gradient_panel.plot.getAxis("left").style.get("tickFont") or w.font()).height()
    small_ticks = decade_spacing(w)
    assert small_ticks[1] >= line * 1.2, "axis labels pile up in a small window"
    for key in ("lesson", "surface"):
        assert w.docks[key].width() >= SIDE_MIN_WIDTH - 1, key      # still legible
    w.resize(1400, 900)
    settle(qtbot)
    after = dock_sizes(w)
    assert after.keys() == before.keys()
    for key, (bw, bh) in before.items():
        aw, ah = after[key]
        assert aw == pytest.approx(bw, abs=2) and ah == pytest.approx(bh, abs=2), (key, before[key], after[key])
    assert decade_spacing(w) == pytest.approx(ticks, abs=1)


def test_a_dock_the_user_resized_keeps_its_new_width(window, qtbot):
    w = window
    w.resize(1400, 900)
    settle(qtbot)
    w.resizeDocks([w.docks["lesson"]], [380], Qt.Orientation.Horizontal)   # as a drag would
    settle(qtbot)
    chosen = w.docks["lesson"].width()
    assert chosen == pytest.approx(380, abs=2)
    w.resize(700, 750)
    settle(qtbot)
    w.resize(1400, 900)
    settle(qtbot)
    assert w.docks["lesson"].width() == pytest.approx(chosen, abs=2)
