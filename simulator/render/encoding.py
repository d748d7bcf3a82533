"""The visual encoding shared by the app and exported figures: colour maps, edge widths,
themes. Colour maps are ColorCET's colour-blind-safe ones shipped with pyqtgraph:
``CET-CBD1`` (diverging, for signed values) and ``CET-CBL2`` (linear, for magnitudes)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

N_COLORS = 64
W_MAX = 4.0              # |w| at and beyond which an edge has its full width
MIN_WIDTH, MAX_WIDTH = 0.6, 7.0
N_WIDTHS = 10


def _lut(name: str, n: int = N_COLORS) -> np.ndarray:
    cmap = pg.colormap.get(name)
    return np.asarray(cmap.getLookupTable(0.0, 1.0, n, alpha=False, mode="byte"), dtype=np.uint8)


class ColorMap:
    """A lookup table with cached QColors: value in [-1, 1] (diverging) or [0, 1] (linear)."""

    def __init__(self, name: str, diverging: bool):
        self.name = name
        self.diverging = diverging
        self.lut = _lut(name)
        self.colors = [QColor(int(r), int(g), int(b)) for r, g, b in self.lut]

    def index(self, values: np.ndarray) -> np.ndarray:
        v = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
        u = (np.clip(v, -1.0, 1.0) + 1.0) * 0.5 if self.diverging else np.clip(v, 0.0, 1.0)
        return np.minimum((u * N_COLORS).astype(np.intp), N_COLORS - 1)

    def color(self, value: float) -> QColor:
        return self.colors[int(self.index(np.array([value]))[0])]

    def rgba(self, values: np.ndarray, alpha: int = 255) -> np.ndarray:
        """(…, 4) uint8 RGBA for an image of values."""
        idx = self.index(values)
        out = np.empty(idx.shape + (4,), dtype=np.uint8)
        out[..., :3] = self.lut[idx]
        out[..., 3] = alpha
        return out


_MAPS: dict[str, ColorMap] = {}


def diverging() -> ColorMap:
    """Signed values: blue (negative) … grey (zero) … yellow (positive)."""
    if "d" not in _MAPS:
        _MAPS["d"] = ColorMap("CET-CBD1", diverging=True)
    return _MAPS["d"]


def magnitude() -> ColorMap:
    if "m" not in _MAPS:
        _MAPS["m"] = ColorMap("CET-CBL2", diverging=False)
    return _MAPS["m"]


_EDGE_COLORS: dict[str, list[QColor]] = {}


def edge_colors(theme_name: str) -> list[QColor]:
    """The diverging map for lines on the canvas. On a light canvas its near-white middle
    would hide zero-gradient edges, so the middle is darkened (lightness only: the hue
    order that keeps it colour-blind safe is unchanged)."""
    if theme_name not in _EDGE_COLORS:
        lut = diverging().lut.astype(float)
        if theme_name == "light":
            u = np.linspace(-1.0, 1.0, N_COLORS)
            factor = 0.55 + 0.45 * np.abs(u) ** 0.6
            lut = lut * factor[:, None]
        _EDGE_COLORS[theme_name] = [QColor(int(r), int(g), int(b)) for r, g, b in lut]
    return _EDGE_COLORS[theme_name]


def width_index(weights: np.ndarray) -> np.ndarray:
    """Edge thickness grows with |w|, clamped at W_MAX: one of N_WIDTHS levels."""
    u = np.clip(np.abs(np.nan_to_num(weights)) / W_MAX, 0.0, 1.0)
    return np.minimum((np.sqrt(u) * N_WIDTHS).astype(np.intp), N_WIDTHS - 1)


def width_of_level(level: int) -> float:
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (level + 0.5) / N_WIDTHS


def width_for(weight: float) -> float:
    return width_of_level(int(width_index(np.array([weight]))[0]))


# 1, 1.2, 1.5, 2 … 8, 10 × 10^k: fine enough that the data fill at least 3/4 of an axis, coarse
# enough that an axis following a growing history is laid out again only ten times a decade
NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceiling(x: float, minimum: float = 10.0) -> float:
    """The next of 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120… at or above ``x``: an
    axis that grows in steps is laid out again a handful of times instead of every frame,
    and the data still fill most of it (300 epochs: an axis to 300, not 500)."""
    x = max(float(x), minimum)
    base = 10.0 ** math.floor(math.log10(x))
    for m in NICE_STEPS:
        top = float(f"{m * base:.12g}")            # 120, not 120.00000000000001
        if top >= x * (1 - 1e-12):
            return top
    return float(f"{10.0 * base:.12g}")


def steady_scale(previous: float | None, x: float) -> float:
    """The colour scale for values of largest magnitude ``x``: a nice number at or above it
    (the legend reads 1.2e-03, not 1.173e-03), kept while ``x`` stays between 60 % of it
    and it, so the legend and the colours do not flicker from one frame to the next."""
    if previous is not None and 0.6 * previous <= x <= previous:
        return previous
    return nice_ceiling(x, minimum=1e-12)


def symmetric_scale(values: np.ndarray, floor: float = 1e-12) -> float:
    """The scale that maps values to [-1, 1]: the largest magnitude (robust to one outlier)."""
    v = np.abs(values[np.isfinite(values)]) if values.size else np.zeros(0)
    if v.size == 0 or float(v.max()) == 0.0:
        return 1.0          # nothing to scale yet (no gradient before the first step)
    top = float(v.max())
    if v.size > 20:
        top = max(float(np.percentile(v, 98)), top * 0.25)
    return max(top, floor)


@dataclass(frozen=True)
class Theme:
    name: str
    background: QColor
    canvas: QColor
    grid: QColor
    text: QColor
    muted: QColor
    node_outline: QColor
    node_fill: QColor
    input_fill: QColor
    accent: QColor
    selection: QColor
    warning: QColor
    plot_background: str
    plot_foreground: str


LIGHT = Theme("light", QColor("#f4f5f7"), QColor("#ffffff"), QColor("#e6e8ec"), QColor("#1d2433"),
              QColor("#667085"), QColor("#2b3445"), QColor("#f2f4f7"), QColor("#e4e9f2"),
              QColor("#d9480f"), QColor("#1c7ed6"), QColor("#c92a2a"), "w", "#1d2433")
DARK = Theme("dark", QColor("#1b1e24"), QColor("#22262e"), QColor("#2e333d"), QColor("#e6e9ef"),
             QColor("#98a2b3"), QColor("#c8cfdb"), QColor("#2c313b"), QColor("#343b48"),
             QColor("#ff922b"), QColor("#4dabf7"), QColor("#ff6b6b"), "#22262e", "#e6e9ef")
THEMES = {"light": LIGHT, "dark": DARK}


def theme(name: str) -> Theme:
    return THEMES.get(name, LIGHT)
