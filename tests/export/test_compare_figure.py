"""The comparison figure: ``nnsim compare --out`` and ``export --view compare`` write the
small multiples and the loss chart, opened and checked (SVG parsed, PNG size and pixels)."""
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
from PySide6.QtGui import QColor, QImage

from simulator.render.compare_view import variant_colors

from .conftest import png_dpi

ROOT = Path(__file__).resolve().parents[2]


def nnsim(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=180)


def test_compare_out_svg_holds_every_variant_as_text_and_picture(qapp, tmp_path):
    out = tmp_path / "seeds.svg"
    r = nnsim("compare", "seeds", "--epochs", "30", "--out", out)
    assert r.returncode == 0, r.stderr
    assert f"wrote {out}" in r.stdout
    root = ET.parse(out).getroot()
    assert root.get("width") == "279.400mm" and root.get("height") == "157.480mm"   # 11 x 6.2 in
    texts = ["".join(e.itertext()).strip() for e in root.iter() if e.tag.endswith("text")]
    assert texts[0] == "Sixteen seeds of XOR: local minima"
    assert texts[1].startswith("16 variants") and "epoch 30" in texts[1]
    assert [t for t in texts if t.startswith("seed ")] == [f"seed {s}" for s in range(16)]
    assert texts.count("100.0%") == 7 and texts.count("70.0%") == 9
    assert "Training loss" in texts and "epoch" in texts
    images = [e for e in root.iter() if e.tag.endswith("image")]
    assert len(images) == 16                       # one decision surface per seed
    # the data points and every seed's loss curve are vector shapes, in the seed's colour
    assert sum(1 for e in root.iter() if e.tag.endswith("circle")) == 16 * 100
    strokes = {g.get("stroke", "").lower() for g in root.iter()
               if any(c.tag.endswith(("polyline", "path")) for c in g)}   # a group's pen draws its lines
    assert {c.name() for c in variant_colors(16)} <= strokes


def pixels(img: QImage) -> np.ndarray:
    """(h, w, 3) RGB of an image (a copy: the QImage may go)."""
    img = img.convertToFormat(QImage.Format.Format_RGB32)
    a = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    return a[:, :img.width(), 2::-1].copy()          # BGRA in memory


def near(rgb: np.ndarray, color: str, tol: int = 12) -> np.ndarray:
    c = QColor(color)
    return (np.abs(rgb.astype(int) - [c.red(), c.green(), c.blue()]) <= tol).all(axis=2)


def test_export_view_compare_png_frames_the_diverged_and_lagging_rates(qapp, tmp_path):
    out = tmp_path / "rates.png"
    r = nnsim("export", "learning-rate", "--view", "compare", "--out", out, "--dpi", "60", "--epochs", "20")
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert np.allclose(png_dpi(data), (60, 60), atol=0.1)
    img = QImage(str(out))
    assert (img.width(), img.height()) == (660, 372)                 # 11 x 6.2 in at 60 dpi
    rgb = pixels(img)
    red = near(rgb, "#c92a2a")                  # the diverged rate's frame (α = 2, epoch 8)
    orange = near(rgb, "#E69F00")               # behind: α = 0.001 and α = 0.7
    assert red.sum() > 200 and orange.sum() > 400
    # the red frame is in the right half of the tiles (the 4th variant: 2 x 2 grid)
    ys, xs = np.nonzero(red)
    assert xs.mean() > 0.25 * img.width() and ys.mean() > 0.5 * img.height()


def test_the_comparison_is_a_still_figure(tmp_path):
    r = nnsim("export", "seeds", "--view", "compare", "--out", tmp_path / "x.gif")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "still figure" in r.stderr
    r = nnsim("compare", "seeds", "--epochs", "1", "--out", tmp_path / "x.mp4")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "use .svg, .pdf or .png" in r.stderr
