"""What a figure is asked to be: view, format, physical size, resolution, background, theme.

Sizes are physical (inches) for every format: an SVG or PDF page has that size, a PNG has
inches × DPI pixels and records the DPI, so a figure drops onto a slide at the size meant.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from ..translate import tr

VIEWS = ("network", "surface", "activations", "loss", "gradients", "slide", "compare", "unrolled", "sequence",
         "time-gradients")
#: the views of a recurrent network on sequences (see check_view)
SEQUENCE_VIEWS = ("unrolled", "sequence", "time-gradients")
STATIC_FORMATS = ("svg", "pdf", "png")
ANIMATION_FORMATS = ("gif", "mp4")
FORMATS = STATIC_FORMATS + ANIMATION_FORMATS
THEMES = ("light", "dark")
ANIMATIONS = ("training", "step")

# Default sizes in inches: a figure a third to half a 16:9 slide wide; the slide is
# PowerPoint's and Google Slides' widescreen page (13.333 × 7.5 in).
DEFAULT_SIZE = {
    "network": (6.0, 4.0),
    "surface": (4.6, 4.2),
    "activations": (6.0, 4.0),
    "loss": (6.0, 3.6),
    "gradients": (6.0, 3.6),
    "slide": (13.333, 7.5),
    "compare": (11.0, 6.2),          # the small multiples beside the loss chart
    "unrolled": (10.0, 4.5),
    "sequence": (6.0, 4.6),
    "time-gradients": (6.0, 3.6),
}
DEFAULT_DPI = 300          # print and slides
# GIF/MP4 are watched on a screen: frames about 960 pixels wide (1280 for a slide);
# 300 dpi frames would make huge files
ANIMATION_DPI = {"slide": 96.0}
ANIMATION_DEFAULT_DPI = 160.0
MAX_PIXELS = 12_000        # per side: a typo like --dpi 30000 must not exhaust the memory
MIN_INCHES = 1.0
MAX_INCHES = 60.0


class ExportError(Exception):
    """A figure cannot be made as asked (bad option, unwritable file): one clear line."""


def format_of(path: str | Path) -> str:
    """The format from the file's extension, or ExportError naming the ones we write."""
    ext = Path(path).suffix.lower().lstrip(".")
    if ext not in FORMATS:
        what = (tr("unknown file extension %1").replace("%1", f'"{Path(path).suffix}"') if Path(path).suffix
                else tr("%1 has no file extension").replace("%1", Path(path).name))
        raise ExportError(what + ": " + tr("use .svg, .pdf, .png, .gif or .mp4"))
    return ext


def check_writable(path: str | Path) -> Path:
    """The output path, or ExportError if no file can be written there (checked before
    any training, so a typo fails at once)."""
    p = Path(path)
    if p.is_dir():
        raise ExportError(tr("%1 is a folder, not a file").replace("%1", str(p)))
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(tr("cannot write %1: the folder %2 does not exist")
                          .replace("%1", str(p)).replace("%2", str(parent)))
    if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise ExportError(tr("cannot write %1: permission denied").replace("%1", str(p)))
    return p


@dataclass(frozen=True)
class FigureOptions:
    """How to draw a figure; ``None`` sizes take the view's default."""

    view: str = "network"
    width_in: float | None = None
    height_in: float | None = None
    dpi: float = DEFAULT_DPI
    transparent: bool = False
    theme: str = "light"
    legend: bool = True
    color_by: str = "gradient"        # edge colour: "gradient" | "weight"

    def size_in(self) -> tuple[float, float]:
        """(width, height) in inches; one given side keeps the view's default aspect."""
        dw, dh = DEFAULT_SIZE[self.view]
        w, h = self.width_in, self.height_in
        if w is None and h is None:
            return dw, dh
        if w is None:
            return h * dw / dh, h
        if h is None:
            return w, w * dh / dw
        return w, h

    def pixel_size(self) -> tuple[int, int]:
        w, h = self.size_in()
        return max(1, round(w * self.dpi)), max(1, round(h * self.dpi))

    def with_(self, **changes) -> "FigureOptions":
        return replace(self, **changes)

    def check(self) -> None:
        """ExportError for options no figure can satisfy."""
        if self.view not in VIEWS:
            raise ExportError(tr("unknown view %1 (views: %2)").replace("%1", f'"{self.view}"')
                              .replace("%2", ", ".join(VIEWS)))
        if self.theme not in THEMES:
            raise ExportError(tr("unknown theme %1 (light or dark)").replace("%1", f'"{self.theme}"'))
        if self.color_by not in ("gradient", "weight"):
            raise ExportError(tr("colour by gradient or weight, not %1").replace("%1", f'"{self.color_by}"'))
        for message, v in ((tr("the width must be between %1 and %2 inches"), self.width_in),
                           (tr("the height must be between %1 and %2 inches"), self.height_in)):
            if v is not None and not (MIN_INCHES <= v <= MAX_INCHES):
                raise ExportError(message.replace("%1", f"{MIN_INCHES:g}").replace("%2", f"{MAX_INCHES:g}"))
        if not (10 <= self.dpi <= 2400):
            raise ExportError(tr("the resolution must be between 10 and 2400 dpi"))
        if max(self.pixel_size()) > MAX_PIXELS:
            raise ExportError(tr("%1 × %2 pixels is too large (at most %3 a side): lower the resolution or the size")
                              .replace("%1", str(self.pixel_size()[0])).replace("%2", str(self.pixel_size()[1]))
                              .replace("%3", str(MAX_PIXELS)))
