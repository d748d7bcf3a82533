"""The geometry behind vector output: curves cut to a view, SVG strokes in page units."""
import numpy as np

from simulator.export.svg_strokes import bake
from simulator.export.view_clip import clip_polyline


def test_clip_polyline_cuts_at_the_edges_and_breaks_between_pieces():
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    y = np.array([0.0, 2.0, 0.0, 2.0, 0.0])       # peaks above the view's top at y = 1
    cx, cy = clip_polyline(x, y, (0.0, 4.0, 0.0, 1.0))
    assert np.nanmax(cy) <= 1.0 + 1e-12
    pieces = np.split(np.c_[cx, cy], np.flatnonzero(np.isnan(cx)))
    pieces = [p[~np.isnan(p[:, 0])] for p in pieces]
    assert len(pieces) == 3                                         # up, down-up, down
    np.testing.assert_allclose(pieces[0], [[0, 0], [0.5, 1]])
    np.testing.assert_allclose(pieces[1], [[1.5, 1], [2, 0], [2.5, 1]])


def test_clip_polyline_leaves_a_curve_inside_alone():
    assert clip_polyline(np.arange(3.0), np.zeros(3), (-1, 5, -1, 1)) is None


def test_bake_applies_the_group_transform_to_cosmetic_strokes():
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
           b'<g stroke-width="2" transform="matrix(10,0,0,-100,5,90)">'
           b'<polyline vector-effect="non-scaling-stroke" points="0,0 1,0.5 "/>'
           b'<path vector-effect="non-scaling-stroke" d="M0,0 L2,0.25 C1,1 1,1 0,0 Z"/></g>'
           b'<g transform="matrix(2,0,0,2,0,0)"><text>kept</text><path vector-effect="none" d="M0,0"/></g></svg>')
    out = bake(svg).decode()
    assert 'points="5,90 15,40 "' in out and "M5,90 L25,65 C15,-10 15,-10 5,90 Z" in out
    assert "non-scaling-stroke" not in out and out.count("matrix(") == 1   # the text group keeps its own
