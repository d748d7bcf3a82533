"""Figures to files: SVG (QSvgGenerator) and PDF (QPdfWriter) as true vector output — text
stays text, edges are paths — and PNG at a chosen DPI recorded in the file."""
from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from . import svg_strokes
from .cosmetic import export_mode, thicker_cosmetic_pens
from .figure import Figure, layout_dpi
from .options import ExportError, FigureOptions, tr
from .view_clip import clipped_to_views

INCH_PER_METRE = 39.37007874015748


def _hints(painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)


def _paint(figure: Figure, painter: QPainter, scale: float, clip_views: bool = False) -> None:
    """Paint ``figure`` on a painter already mapping layout units to the device, where one
    layout unit is ``scale`` device pixels (1 for the vector writers)."""
    with ExitStack() as stack:
        scenes = figure.plot_scenes()
        stack.enter_context(export_mode(scenes, painter, scale))
        stack.enter_context(thicker_cosmetic_pens(scenes, scale))
        if clip_views:
            stack.enter_context(clipped_to_views(scenes))
        figure.paint(painter)


def _write_bytes(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ExportError(tr("cannot write %1: %2").replace("%1", str(path))
                          .replace("%2", exc.strerror or str(exc))) from None


# SVG -----------------------------------------------------------------------------------------
def svg_bytes(figure: Figure, description: str = "") -> bytes:
    """The figure as an SVG document whose width and height are its physical size."""
    w, h = figure.size.width(), figure.size.height()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator(QSvgGenerator.SvgVersion.SvgTiny12)   # no clips: see view_clip
    gen.setOutputDevice(buffer)
    gen.setResolution(round(layout_dpi()))
    gen.setSize(QSize(round(w), round(h)))
    gen.setViewBox(QRectF(0, 0, w, h))
    gen.setTitle(figure.title or "nnsim")
    gen.setDescription(description or tr("Made with nnsim"))
    painter = QPainter()
    if not painter.begin(gen):
        raise ExportError(tr("cannot start the SVG writer"))
    _hints(painter)
    _paint(figure, painter, 1.0, clip_views=True)
    painter.end()
    # pyqtgraph's cosmetic strokes, drawn in page units (see svg_strokes)
    data = svg_strokes.bake(bytes(buffer.data()))
    # QSvgGenerator takes a size in whole units: state the exact physical size
    mm = 25.4 / layout_dpi()
    return re.sub(rb'(<svg[^>]*?)width="[^"]*" height="[^"]*"',
                  lambda m: m.group(1) + f'width="{w * mm:.3f}mm" height="{h * mm:.3f}mm"'.encode(),
                  data, count=1)


def write_svg(figure: Figure, path: str | Path, description: str = "") -> None:
    _write_bytes(Path(path), svg_bytes(figure, description))


# PDF -----------------------------------------------------------------------------------------
def write_pdf(figure: Figure, path: str | Path, size_in: tuple[float, float]) -> None:
    """A one-page PDF of exactly ``size_in`` inches, vector throughout."""
    p = Path(path)
    writer = QPdfWriter(str(p))
    writer.setCreator("nnsim")
    writer.setTitle(figure.title or "nnsim")
    # The device resolution is the layout's: text is converted from points with the same
    # DPI pyqtgraph measured it with, and one layout unit is one device unit.
    writer.setResolution(round(layout_dpi()))
    page = QPageSize(QSizeF(*size_in), QPageSize.Unit.Inch, "nnsim",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(tr("cannot write %1").replace("%1", str(p)))
    _hints(painter)
    sx = writer.width() / figure.size.width()
    sy = writer.height() / figure.size.height()
    painter.scale(sx, sy)
    _paint(figure, painter, 1.0)
    painter.end()
    if not p.exists() or p.stat().st_size == 0:
        raise ExportError(tr("cannot write %1").replace("%1", str(p)))


# PNG -----------------------------------------------------------------------------------------
def render_image(figure: Figure, pixel_size: tuple[int, int], dpi: float) -> QImage:
    """The figure as an image of ``pixel_size`` that records ``dpi``; transparent where the
    figure has no background."""
    pw, ph = pixel_size
    img = QImage(pw, ph, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    # paint on a device of the layout's DPI (fonts convert from points as when measured)…
    layout_dpm = round(layout_dpi() * INCH_PER_METRE)
    img.setDotsPerMeterX(layout_dpm)
    img.setDotsPerMeterY(layout_dpm)
    painter = QPainter(img)
    _hints(painter)
    sx, sy = pw / figure.size.width(), ph / figure.size.height()
    painter.scale(sx, sy)
    _paint(figure, painter, (sx + sy) / 2)
    painter.end()
    # …then record the real resolution: the PNG's pHYs chunk says how large to print it
    dpm = round(dpi * INCH_PER_METRE)
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    return img


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def write_png(figure: Figure, path: str | Path, options: FigureOptions) -> QImage:
    img = render_image(figure, options.pixel_size(), options.dpi)
    _write_bytes(Path(path), png_bytes(img))
    return img
