"""Cosmetic strokes in Qt's SVG output, made plain.

pyqtgraph draws a curve in data coordinates with a cosmetic pen (its width in device
units). QSvgGenerator writes that as a group with the data-to-page ``transform`` and
``vector-effect="non-scaling-stroke"`` on the curve. Viewers that ignore vector-effect
(several slide and drawing programs) then draw the stroke through the transform — a 2-unit
pen scaled by hundreds — and a curve becomes a filled band. Here such groups get their
transform applied to the coordinates themselves, so the strokes are ordinary ones in page
units: the same in every viewer, and scaling with the figure like its text.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
NON_SCALING = "non-scaling-stroke"
_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_PAIR = re.compile(r"(-?[\d.]+(?:[eE][-+]?\d+)?),(-?[\d.]+(?:[eE][-+]?\d+)?)")
_PATH_OK = re.compile(r"^[MLCZ\s\d.,eE+-]*$")          # Qt writes absolute M, L, C, Z only


def _num(v: float) -> str:
    return format(v, ".6g")


def _mapper(matrix: tuple[float, ...]):
    a, b, c, d, e, f = matrix

    def apply(match: re.Match) -> str:
        x, y = float(match.group(1)), float(match.group(2))
        return f"{_num(a * x + c * y + e)},{_num(b * x + d * y + f)}"
    return apply


def _bakeable(el: ET.Element) -> bool:
    tag = el.tag.rsplit("}", 1)[-1]
    if el.get("vector-effect") != NON_SCALING:
        return False
    if tag in ("polyline", "polygon"):
        return True
    return tag == "path" and bool(_PATH_OK.match(el.get("d", "")))


def bake(svg: bytes) -> bytes:
    """The SVG with every group of cosmetic strokes drawn in page coordinates."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)
    for g in root.iter(f"{{{SVG_NS}}}g"):
        m = _MATRIX.match(g.get("transform", ""))
        children = list(g)
        if not m or not children or not all(_bakeable(el) for el in children):
            continue
        values = tuple(float(v) for v in m.group(1).split(","))
        if len(values) != 6:
            continue
        apply = _mapper(values)
        for el in children:
            attr = "d" if el.tag.endswith("path") else "points"
            el.set(attr, _PAIR.sub(apply, el.get(attr, "")))
            del el.attrib["vector-effect"]
        del g.attrib["transform"]
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body + "\n").encode("utf-8")
