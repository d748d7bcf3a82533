"""Log-scale charts label their ticks in one notation: pyqtgraph alone writes 10⁻⁴ as
“0.0001” next to “10⁻⁵” on the same axis (the Gradient-through-time chart of echo did)."""
import numpy as np
import pyqtgraph as pg

from simulator.render import encoding
from simulator.render.plots import ThemedPlot, power_of_ten


def tick_labels(lo: float, hi: float) -> list[str]:
    """The left axis's labels of a log chart showing values from ``lo`` to ``hi``."""
    plot = ThemedPlot(encoding.theme("light"))
    plot.setLogMode(y=True)
    plot.addItem(pg.PlotDataItem([0, 1], [lo, hi]))
    plot.setYRange(np.log10(lo), np.log10(hi), padding=0)
    axis = plot.getAxis("left")
    labels = []
    for spacing, values in axis.tickValues(np.log10(lo), np.log10(hi), 200):
        labels += axis.tickStrings(values, axis.scale, spacing)
    return [s for s in labels if s]


def test_decades_below_ten_to_the_minus_four_are_all_powers_of_ten(qapp):
    labels = tick_labels(1e-7, 1e-4)
    assert labels and all("10" in s and "⁻" in s for s in labels), labels
    assert "10⁻⁴" in labels and "0.0001" not in labels


def test_decimals_stay_decimals_when_every_tick_is_one(qapp):
    labels = tick_labels(1e-3, 1e-1)
    assert "0.01" in labels and not any("⁻" in s for s in labels), labels


def test_above_one_the_powers_of_ten_start_at_ten_to_the_zero(qapp):
    labels = tick_labels(1.0, 1e3)
    assert "10⁰" in labels and "1" not in labels, labels


def test_power_of_ten():
    assert power_of_ten(1e-5) == "10⁻⁵"
    assert power_of_ten(2e-5) == "2·10⁻⁵"
    assert power_of_ten(9.99e-5) == "10⁻⁴"
    assert power_of_ten(1e17) == "10¹⁷"
