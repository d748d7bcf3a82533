"""Figures: SVG and PDF are vector (text stays text), PNG has the size and DPI asked for."""
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from simulator.export import VIEWS, ExportError, FigureOptions, export_figure
from simulator.export.options import SEQUENCE_VIEWS
from simulator.render.network import fmt

from .conftest import png_dpi

SVG = "{http://www.w3.org/2000/svg}"


def svg_tree(path):
    root = ET.parse(path).getroot()
    assert root.tag == SVG + "svg"
    return root


def test_network_svg_is_vector_with_real_text(tmp_path, xor_state):
    out = export_figure(xor_state, tmp_path / "net.svg", FigureOptions(view="network"))
    root = svg_tree(out)
    assert root.get("width") == "152.400mm" and root.get("height") == "101.600mm"   # 6 × 4 in
    assert len(list(root.iter(SVG + "path"))) > 10
    assert not list(root.iter(SVG + "image")), "the network must not embed a bitmap"
    words = " ".join("".join(t.itertext()) for t in root.iter(SVG + "text"))
    for label in ("x₁", "x₂", "h1", "tanh", "σ", "∂J/∂w", "epoch 20"):
        assert label in words
    snap = xor_state.snapshot
    h1 = snap.biases[snap.node_ids.index("h1")]
    assert "b = " + fmt(float(h1)) in words
    assert b"non-scaling-stroke" not in out.read_bytes()   # lines scale with the figure


def test_plot_svg_keeps_text_and_draws_curves_in_page_units(tmp_path, xor_state):
    out = export_figure(xor_state, tmp_path / "loss.svg", FigureOptions(view="loss"))
    root = svg_tree(out)
    words = " ".join("".join(t.itertext()) for t in root.iter(SVG + "text"))
    assert "epoch" in words and "train loss" in words and "accuracy" in words
    # curves are plain strokes in page units (no data-to-page transform that a viewer
    # ignoring vector-effect would apply to the stroke width), and no clip paths (Qt's SVG
    # writer does not restore them correctly)
    longest = 0
    for g in root.iter(SVG + "g"):
        for el in g:
            if el.tag in (SVG + "polyline", SVG + "path"):
                points = el.get("points") or el.get("d")
                longest = max(longest, len(points.replace("M", " ").replace("L", " ").split()))
                assert "transform" not in g.attrib or g.get("transform") == "matrix(1,0,0,1,0,0)"
    assert longest >= 20            # the loss curve: a point per epoch (20 epochs trained)
    assert not list(root.iter(SVG + "image")), "axes and ticks must stay vector, not pixmaps"
    assert b"clip-path" not in out.read_bytes()


def test_activation_svg_curves_stay_inside_the_plot(tmp_path, xor_state):
    """ReLU leaves the plotted range: without clips, the curve itself must be cut."""
    out = export_figure(xor_state, tmp_path / "act.svg", FigureOptions(view="activations"))
    root = svg_tree(out)
    heading = [t for t in root.iter(SVG + "text") if "Activation functions" in "".join(t.itertext())][0]
    top = float(heading.get("y"))
    for el in root.iter(SVG + "polyline"):
        ys = [float(p.split(",")[1]) for p in el.get("points").split()]
        assert min(ys) > top, "a curve runs over the heading"


def test_pdf_is_a_vector_page_of_the_size_asked(tmp_path, xor_state):
    out = export_figure(xor_state, tmp_path / "slide.pdf", FigureOptions(view="slide", width_in=8, height_in=4.5))
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\]", data)
    assert box and [round(float(v)) for v in box.groups()] == [0, 0, 576, 324]   # points
    assert b"/FontFile2" in data          # text is text, its font embedded
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "30", "-png", "-singlefile", str(out), str(tmp_path / "page")],
                       check=True, timeout=60)
        page = Image.open(tmp_path / "page.png").convert("L")
        assert page.size == (240, 135)
        assert page.getextrema()[0] < 100, "the rendered page is blank"


def test_png_has_the_size_and_resolution_asked(tmp_path, xor_state):
    out = export_figure(xor_state, tmp_path / "surface.png",
                        FigureOptions(view="surface", width_in=3, height_in=2.5, dpi=120))
    assert Image.open(out).size == (360, 300)
    assert [round(v) for v in png_dpi(out.read_bytes())] == [120, 120]


def test_default_png_is_300_dpi_on_white(tmp_path, xor_state):
    out = export_figure(xor_state, tmp_path / "net.png", FigureOptions(view="network", width_in=2, height_in=1.5))
    im = Image.open(out).convert("RGBA")
    assert im.size == (600, 450) and [round(v) for v in png_dpi(out.read_bytes())] == [300, 300]
    assert im.getpixel((0, 0)) == (255, 255, 255, 255)


def test_transparent_png_has_a_clear_background(tmp_path, xor_state):
    out = export_figure(xor_state, tmp_path / "t.png",
                        FigureOptions(view="network", width_in=2, height_in=1.5, dpi=60, transparent=True))
    im = Image.open(out)
    assert im.mode == "RGBA"
    assert im.getpixel((0, 0))[3] == 0 and im.getpixel((im.width - 1, im.height - 1))[3] == 0
    assert im.getchannel("A").getextrema()[1] == 255      # the drawing itself is opaque


def test_dark_theme_is_independent_of_the_screen(tmp_path, xor_state):
    out = export_figure(xor_state, tmp_path / "d.png",
                        FigureOptions(view="loss", width_in=2, height_in=1.5, dpi=60, theme="dark"))
    r, g, b, _ = Image.open(out).convert("RGBA").getpixel((0, 0))
    assert max(r, g, b) < 60


@pytest.mark.parametrize("view", [v for v in VIEWS if v not in SEQUENCE_VIEWS])
def test_every_view_draws_something(tmp_path, xor_state, view):
    out = export_figure(xor_state, tmp_path / f"{view}.png", FigureOptions(view=view, dpi=30))
    im = Image.open(out).convert("L")
    assert im.getextrema()[0] < 128, f"{view} is blank"


@pytest.mark.parametrize("view", SEQUENCE_VIEWS)
def test_every_recurrent_view_draws_something(tmp_path, qapp, view):
    from simulator.export import trained_state
    from simulator.document import lessons
    _, state = trained_state(lessons.load_lesson("echo"), lessons.LESSONS_DIR, 2)
    out = export_figure(state, tmp_path / f"{view}.png", FigureOptions(view=view, dpi=30))
    im = Image.open(out).convert("L")
    assert im.getextrema()[0] < 128, f"{view} is blank"


def test_a_still_figure_refuses_an_animation_format(tmp_path, xor_state):
    with pytest.raises(ExportError):
        export_figure(xor_state, tmp_path / "x.gif", FigureOptions())
