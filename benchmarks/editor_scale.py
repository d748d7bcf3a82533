"""Editor at scale: a large layered network opened in the REAL main window (offscreen), next
to a bare QGraphicsView holding the same lines as ONE QGraphicsPathItem, timed in the same
run (the machines are noisy).

    QT_QPA_PLATFORM=offscreen python benchmarks/editor_scale.py [--neurons 1000] [--edges 50000]
                                                            [--seconds 5] [--repeats 3] [--json]

The network: 2 inputs, hidden tanh layers of about 100 neurons, 1 sigmoid output; every input
feeds the first hidden layer, the last hidden layer feeds the output, and the rest of the
``--edges`` connections (exactly) are chosen at random without duplicates between consecutive
hidden layers, with about 10 % skip connections (layer k -> layer k+2). Every edge has a
random weight, so the drawing uses every edge width. The document is validated before use.

Measured (window 1600x1000, shown, default light theme):
  build_seconds      ``window.model.replace(doc)`` until the scene holds every item and one
                     full repaint of the canvas has completed (processEvents, then a
                     synchronous ``viewport().repaint()``). Best of ``--repeats``.
  first_snapshot_seconds  the same start until the training worker's first snapshot of the
                     new network has been applied to the scene and repainted (what the user
                     waits for before the drawing shows weights). Best of ``--repeats``.
  redraw_fps         full canvas repaints per second while every edge gets new random gradient
                     colours in [-1, 1] each frame (``scene.edges.set_values``), for S seconds.
  pan_zoom_fps       full repaints per second while the view is scaled by 1.1 and back,
                     alternately (no colour change: the edge buckets stay cached).
  baseline_redraw_fps  bare QGraphicsView + QGraphicsScene (same size, same antialiasing, same
                     view transform) with ONE QGraphicsPathItem holding all M lines, built
                     once: the cost of just stroking M antialiased lines with Qt.
  baseline_pan_zoom_fps  the same bare view scaled in and out.
  edges_drawn_at_fit the edges the app's edge layer actually stroked in the redraw loop (its
                     ``drawn_count`` where it has one: it may draw a level-of-detail subset;
                     the baseline always strokes all M).
Targets (the issue): build_seconds <= 3, redraw_fps >= 30.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NNSIM_SETTINGS_SCOPE", "benchmarks")   # keep QSettings away from the user's

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.document import check, new_document  # noqa: E402
from simulator.document.build import COLUMN_GAP, ROW_GAP  # noqa: E402

WIDTH, HEIGHT = 1600, 1000
LAYER_SIZE = 100            # hidden neurons per layer (about)
SKIP_SHARE = 0.10           # share of the free edges that skip one layer
TARGET_BUILD_S, TARGET_FPS = 3.0, 30.0


# the document ----------------------------------------------------------------------------------
def layered_document(neurons: int, edges: int, seed: int = 0) -> dict:
    """A valid layered network with exactly ``neurons`` neurons and ``edges`` connections."""
    if neurons < 4:
        raise SystemExit("--neurons must be at least 4 (2 inputs, 1 hidden, 1 output)")
    rng = np.random.default_rng(seed)
    hidden = neurons - 3
    n_layers = max(1, round(hidden / LAYER_SIZE))
    sizes = [hidden // n_layers + (1 if k < hidden % n_layers else 0) for k in range(n_layers)]
    doc = new_document(f"Scale test: {neurons} neurons, {edges} connections")
    nodes, out_edges = doc["network"]["nodes"], doc["network"]["edges"]
    layers: list[list[str]] = []

    def column(ids_kinds, depth):
        n = len(ids_kinds)
        for k, (nid, node) in enumerate(ids_kinds):
            node.update(id=nid, pos=[depth * COLUMN_GAP, (k - (n - 1) / 2.0) * ROW_GAP])
            nodes.append(node)
        layers.append([nid for nid, _ in ids_kinds])

    column([(f, {"kind": "input", "feature": f}) for f in ("x1", "x2")], 0)
    for d, n in enumerate(sizes, start=1):
        column([(f"h{d}_{k + 1}", {"kind": "hidden", "activation": "tanh"}) for k in range(n)], d)
    column([("y", {"kind": "output", "activation": "sigmoid"})], n_layers + 1)

    # mandatory: inputs -> first hidden layer, last hidden layer -> output
    pairs = [(s, t) for s in layers[0] for t in layers[1]] + [(s, "y") for s in layers[-2]]
    free = edges - len(pairs)
    if free < 0:
        raise SystemExit(f"--edges must be at least {len(pairs)} for {neurons} neurons")
    hid = layers[1:-1]
    consecutive = [(hid[i], hid[i + 1]) for i in range(len(hid) - 1)]
    skips = [(hid[i], hid[i + 2]) for i in range(len(hid) - 2)]
    cap_c = sum(len(a) * len(b) for a, b in consecutive)
    cap_s = sum(len(a) * len(b) for a, b in skips)
    n_skip = min(int(round(free * SKIP_SHARE)), cap_s)
    n_cons = free - n_skip
    if n_cons > cap_c:                       # more than the consecutive layers hold: skip more
        n_skip, n_cons = n_skip + n_cons - cap_c, cap_c
    if n_skip > cap_s:
        raise SystemExit(f"at most {len(pairs) + cap_c + cap_s} edges fit this layout")
    for blocks, count in ((consecutive, n_cons), (skips, n_skip)):
        if count == 0:
            continue
        caps = np.array([len(a) * len(b) for a, b in blocks])
        share = np.floor(caps / caps.sum() * count).astype(int)
        for i in np.argsort(-caps)[: count - share.sum()]:      # exact total
            share[i] += 1
        for (a, b), k in zip(blocks, share):
            for flat in rng.choice(len(a) * len(b), size=int(k), replace=False):
                pairs.append((a[flat // len(b)], b[flat % len(b)]))
    weights = rng.normal(0.0, 1.5, len(pairs))
    out_edges.extend({"source": s, "target": t, "weight": round(float(w), 4)}
                     for (s, t), w in zip(pairs, weights))
    assert len(out_edges) == edges and len(nodes) == neurons
    check(doc)              # no cycles, no duplicates, nothing into an input or out of an output
    return doc


# timing helpers ----------------------------------------------------------------------------------
def loop_fps(seconds: float, frame) -> float:
    """Call ``frame()`` repeatedly for ``seconds``; frames per second."""
    n = 0
    t0 = time.perf_counter()
    end = t0 + seconds
    while True:
        frame()
        n += 1
        now = time.perf_counter()
        if now >= end:
            return n / (now - t0)


def zoom_frame(view, repaint):
    state = {"in": True}

    def frame():
        f = 1.1 if state["in"] else 1 / 1.1
        state["in"] = not state["in"]
        view.scale(f, f)
        repaint()
    return frame


# the app --------------------------------------------------------------------------------------
def open_window(app):
    from simulator.ui import theme
    from simulator.ui.main_window import MainWindow
    theme.apply(app, "light")
    window = MainWindow(restore=False)
    window.resize(WIDTH, HEIGHT)
    window.show()
    for _ in range(5):
        app.processEvents()
    return window


def time_build(app, window, doc) -> tuple[float, float]:
    """(seconds to items + one full repaint, seconds to the first snapshot drawn)."""
    gc.collect()
    t0 = time.perf_counter()
    window.model.replace(doc)
    app.processEvents()                  # zoom_to_fit and anything else queued by the load
    assert len(window.scene.nodes) == len(doc["network"]["nodes"])
    assert len(window.scene.edges.pairs) == len(doc["network"]["edges"])
    window.view.viewport().repaint()
    build = time.perf_counter() - t0
    deadline = t0 + 120
    while window.controller.latest is None and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    if window.controller.latest is None:
        return build, float("nan")
    window.view.viewport().repaint()
    return build, time.perf_counter() - t0


def app_loops(app, window, seconds: float, seed: int = 1) -> tuple[float, float, int]:
    rng = np.random.default_rng(seed)
    edges = window.scene.edges
    weights = edges.weights.copy()
    repaint = window.view.viewport().repaint
    app.processEvents()

    def redraw():
        edges.set_values(weights, rng.uniform(-1.0, 1.0, len(weights)))
        repaint()
    redraw_fps = loop_fps(seconds, redraw)
    drawn = getattr(edges, "drawn_count", len(weights))    # the edge layer may draw a subset
    pan_fps = loop_fps(seconds, zoom_frame(window.view, repaint))
    return redraw_fps, pan_fps, drawn


def baseline_loops(app, window, seconds: float) -> tuple[float, float]:
    """The same lines as ONE QGraphicsPathItem in a bare view of the same size and zoom."""
    import pyqtgraph as pg
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPen
    from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsView
    a, b = window.scene.edges.segments()
    xs = np.empty(2 * len(a))
    ys = np.empty(2 * len(a))
    xs[0::2], ys[0::2] = a[:, 0], a[:, 1]
    xs[1::2], ys[1::2] = b[:, 0], b[:, 1]
    scene = QGraphicsScene()
    scene.setBackgroundBrush(QColor("white"))
    item = QGraphicsPathItem(pg.arrayToQPath(xs, ys, connect="pairs"))
    pen = QPen(QColor("#1c7ed6"), 2.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    item.setPen(pen)
    scene.addItem(item)
    view = QGraphicsView(scene)
    view.setRenderHints(window.view.renderHints())
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.resize(window.view.viewport().size())
    # the app's zoom BEFORE the first paint: at scale 1 this one path takes minutes to stroke
    view.setTransform(window.view.transform())
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    view.centerOn(centre)
    view.show()
    view.centerOn(centre)
    app.processEvents()
    repaint = view.viewport().repaint
    redraw_fps = loop_fps(seconds, repaint)
    pan_fps = loop_fps(seconds, zoom_frame(view, repaint))
    view.close()
    view.deleteLater()
    app.processEvents()
    return redraw_fps, pan_fps


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--neurons", type=int, default=1000)
    ap.add_argument("--edges", type=int, default=50000)
    ap.add_argument("--seconds", type=float, default=5.0, help="length of each frame-rate loop")
    ap.add_argument("--repeats", type=int, default=3, help="best of N (builds and loops)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from simulator.ui.application import install_message_filter, make_app
    app = make_app()
    install_message_filter()
    doc = layered_document(args.neurons, args.edges)
    window = open_window(app)
    builds, firsts, redraws, pans, base_redraws, base_pans = [], [], [], [], [], []
    for _ in range(args.repeats):          # interleaved, so both see the same machine
        window.model.replace(new_document())
        app.processEvents()
        build, first = time_build(app, window, doc)
        builds.append(build)
        firsts.append(first)
        r, p, drawn = app_loops(app, window, args.seconds)
        redraws.append(r)
        pans.append(p)
        br, bp = baseline_loops(app, window, args.seconds)
        base_redraws.append(br)
        base_pans.append(bp)
    window.model.undo_stack.setClean()
    window.shutdown()
    window.close()
    app.processEvents()

    res = {"neurons": args.neurons, "edges": args.edges, "edges_drawn_at_fit": drawn,
           "build_seconds": round(min(builds), 3),
           "first_snapshot_seconds": round(min(firsts), 3),
           "redraw_fps": round(max(redraws), 1),
           "pan_zoom_fps": round(max(pans), 1),
           "baseline_redraw_fps": round(max(base_redraws), 1),
           "baseline_pan_zoom_fps": round(max(base_pans), 1),
           "targets": {"build_seconds_max": TARGET_BUILD_S, "redraw_fps_min": TARGET_FPS},
           "meets_targets": min(builds) <= TARGET_BUILD_S and max(redraws) >= TARGET_FPS}
    if args.json:
        print(json.dumps(res))
    else:
        print(f"{args.neurons} neurons, {args.edges} connections ({drawn} drawn at zoom-to-fit), "
              f"window {WIDTH}x{HEIGHT}, best of {args.repeats}")
        print(f"  build (replace -> first full repaint) {res['build_seconds']:7.3f} s   "
              f"(target <= {TARGET_BUILD_S:g} s)")
        print(f"  first training snapshot drawn         {res['first_snapshot_seconds']:7.3f} s")
        print(f"  redraw, new edge colours every frame  {res['redraw_fps']:7.1f} fps   "
              f"(target >= {TARGET_FPS:g}; bare QGraphicsPathItem {res['baseline_redraw_fps']:.1f})")
        print(f"  pan / zoom                            {res['pan_zoom_fps']:7.1f} fps   "
              f"(bare QGraphicsPathItem {res['baseline_pan_zoom_fps']:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
