"""The network unrolled over time: one copy of the drawing per step, left to right, the
delayed edges running from the copy of step t − d to the copy of step t. It is how
backpropagation through time is taught: a recurrent network is a deep network whose
layers (the steps) share their weights — every copy of an edge has the same weight, so the
same thickness and colour, and hovering one highlights them all.

Each copy stands on its own: the inputs in a row at the bottom, the hidden layers as
columns in the middle (a layer's neurons top to bottom, in the drawing's order), the
outputs in a row on top; so the edges between copies, from hidden column to hidden column,
cross no input or output. The scene is a NetworkScene of the unrolled graph (same neurons,
same batched edges, same encoding), used by the window and by the exported figures.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

from ..document import edits
from ..engine import activations
from ..translate import tr
from . import encoding
from .network import NODE_R, NetworkScene, NodeItem, pretty_feature

ROW = 66.0          # between the neurons of a hidden column
COLUMN = 120.0      # between the hidden columns of a copy
SPREAD = 74.0       # between the neurons of the input and output rows
LEVEL = 100.0       # from the hidden columns to the input and output rows
GAP = 70.0          # between two copies (their outputs and inputs stand aside, see copy_layout)
CLEAR = 34.0        # how far an edge into a column passes from the neurons it goes by
MAX_STEPS = 12


class UnrolledNodeItem(NodeItem):
    """A neuron of one copy: named as in the drawing (the copy's step is above it)."""

    def __init__(self, node: Mapping, theme: encoding.Theme):
        super().__init__(node, theme)
        self.base_id = node["base"]
        self.step = int(node["step"])          # the copy (0 = the first shown)
        self.show_bias = False                 # the biases are the drawing's; here: values

    @property
    def label(self) -> str:
        return pretty_feature(self.feature) if self.kind == "input" else self.base_id


def _blend(base: QColor, over: QColor, alpha: float) -> QColor:
    """``over`` at ``alpha`` on ``base``, as an opaque colour (filling the copies' large
    bands opaque is much cheaper than blending them on every frame)."""
    return QColor(*(round(b + (o - b) * alpha) for b, o in
                    zip(base.getRgb()[:3], over.getRgb()[:3])))


def copy_layout(doc: Mapping) -> tuple[dict[str, tuple[float, float]], float]:
    """Positions of one copy's neurons (relative to the copy's left edge) and its width."""
    nodes = doc["network"]["nodes"]
    kinds = {n["id"]: n.get("kind", "hidden") for n in nodes}
    ypos = {n["id"]: (n.get("pos") or [0, 0])[1] for n in nodes}
    depth = edits.layer_depths(doc) if nodes else {}
    hidden_depths = sorted({depth[i] for i, k in kinds.items() if k == "hidden"})
    columns: dict[int, list[str]] = {d: [] for d in hidden_depths}
    for n in nodes:
        if kinds[n["id"]] == "hidden":
            columns[depth[n["id"]]].append(n["id"])
    pos: dict[str, tuple[float, float]] = {}
    half = 0.0
    for c, d in enumerate(hidden_depths):
        col = sorted(columns[d], key=lambda i: ypos[i])
        half = max(half, (len(col) - 1) / 2 * ROW)
        for k, i in enumerate(col):
            pos[i] = (c * COLUMN, (k - (len(col) - 1) / 2) * ROW)
    last = (len(hidden_depths) - 1) * COLUMN if hidden_depths else 0.0
    # the inputs below and left of the first column, the outputs above and right of the
    # last: far enough aside that the edge to the farthest neuron of a column passes clear
    # of the neurons before it (a straight line from right below would run through them)
    aside = max(60.0, CLEAR * (2 * half + LEVEL) / ROW)
    for kind, y, x in (("input", half + LEVEL, -aside), ("output", -half - LEVEL, last + aside)):
        row = sorted((i for i in kinds if kinds[i] == kind), key=lambda i: ypos[i])
        for k, i in enumerate(row):
            pos[i] = (x + (k - (len(row) - 1) / 2) * SPREAD, y)
    # the copy's left edge at 0
    left = min((x for x, _ in pos.values()), default=0.0)
    right = max((x for x, _ in pos.values()), default=0.0)
    return {i: (x - left, y) for i, (x, y) in pos.items()}, right - left


def window_of(t: int, length: int, steps: int) -> tuple[int, int]:
    """The first step and the number of copies shown: the ``steps`` steps up to ``t`` (the
    first ``steps`` while ``t`` is earlier), within a sequence of ``length`` steps."""
    k = max(1, min(int(steps), MAX_STEPS, max(int(length), 1)))
    first = min(max(int(t) - k + 1, 0), max(int(length) - k, 0))
    return first, k


class UnrolledScene(NetworkScene):
    """K copies of a document's network for steps ``first`` … ``first + K − 1``."""

    def __init__(self, theme: str = "light", parent=None):
        super().__init__(theme, parent)
        self.edge_base = np.zeros(0, dtype=np.intp)     # unrolled edge -> document edge
        self.node_base: list[str] = []                  # unrolled node -> document node
        self.node_step = np.zeros(0, dtype=np.intp)     # unrolled node -> copy (0 … K−1)
        self.base_pairs: list[tuple[str, str]] = []
        self.first = 0
        self.count = 0
        self.current: int | None = None                 # the step t marked
        self._signature = None
        self._bands: list[QGraphicsRectItem] = []
        self._headers: list[QGraphicsSimpleTextItem] = []
        self._earlier: QGraphicsSimpleTextItem | None = None
        self.copy_width = 0.0

    def _make_node(self, n: Mapping) -> NodeItem:
        item = UnrolledNodeItem(n, self.theme)
        self.nodes[n["id"]] = item
        self.order.append(n["id"])
        self.addItem(item)
        return item

    # structure ------------------------------------------------------------------------------
    @staticmethod
    def signature(doc: Mapping, count: int) -> tuple:
        net = doc["network"]
        return (count, tuple((n["id"], n.get("kind"), n.get("feature"), n.get("activation"),
                              round(float((n.get("pos") or [0, 0])[1]), 1)) for n in net["nodes"]),
                tuple((e["source"], e["target"], int(e.get("delay") or 0)) for e in net["edges"]))

    def build(self, doc: Mapping, first: int, count: int, current: int | None = None) -> None:
        """Copies of ``doc``'s network for the steps ``first`` … ``first + count − 1``."""
        sig = self.signature(doc, count)
        if sig != self._signature:
            self._signature = sig
            self._build_structure(doc, count)
        self.first, self.current = int(first), current
        self._label_copies()

    def _build_structure(self, doc: Mapping, count: int) -> None:
        layout, width = copy_layout(doc)
        self.copy_width = width
        stride = width + GAP
        nodes, node_base, node_step = [], [], []
        for k in range(count):
            for n in doc["network"]["nodes"]:
                x, y = layout[n["id"]]
                u = {key: v for key, v in n.items() if key in ("kind", "feature", "activation", "batch_norm")}
                u.update(id=f"{n['id']}@{k}", base=n["id"], step=k, pos=[k * stride + x, y])
                nodes.append(u)
                node_base.append(n["id"])
                node_step.append(k)
        edges, base = [], []
        for j, e in enumerate(doc["network"]["edges"]):
            d = int(e.get("delay") or 0)
            for k in range(d, count):
                edges.append({"source": f"{e['source']}@{k - d}", "target": f"{e['target']}@{k}"})
                base.append(j)
        self.base_pairs = [(e["source"], e["target"]) for e in doc["network"]["edges"]]
        self.edge_base = np.asarray(base, dtype=np.intp)
        self.node_base = node_base
        self.node_step = np.asarray(node_step, dtype=np.intp)
        self.count = count
        self.load({"network": {"nodes": nodes, "edges": edges}})
        for item in self._bands + self._headers:
            self.removeItem(item)
        self._bands, self._headers = [], []
        ys = [p[1] for p in layout.values()] or [0.0]
        top, bottom = min(ys) - NODE_R - 52, max(ys) + NODE_R + 26
        font = QFont()
        # the headers stay readable when the whole unrolled network is fitted in a view
        font.setPointSizeF(max(11.0, count * stride / 70))
        font.setBold(True)
        for k in range(count):
            x0 = k * stride - NODE_R - 8
            band_w = width + 2 * NODE_R + 16
            band = QGraphicsRectItem(QRectF(x0, top, band_w, bottom - top))
            band.setZValue(-5)
            band.setPen(QPen(Qt.PenStyle.NoPen))
            self.addItem(band)
            self._bands.append(band)
            header = QGraphicsSimpleTextItem()
            header.setFont(font)
            header.setZValue(2)
            self.addItem(header)
            self._headers.append(header)
            header.setData(0, (x0 + band_w / 2, top + 6))
        if self._earlier is None:
            self._earlier = QGraphicsSimpleTextItem()
            self._earlier.setZValue(2)
            self.addItem(self._earlier)
        self._earlier.setData(0, (-NODE_R - 40, (top + bottom) / 2))

    def _label_copies(self) -> None:
        t = self.theme
        for k, (band, header) in enumerate(zip(self._bands, self._headers)):
            step = self.first + k
            now = step == self.current
            header.setText(f"t = {step}")
            header.setBrush(QBrush(t.accent if now else t.text))
            cx, y = header.data(0)
            header.setPos(cx - header.boundingRect().width() / 2, y)
            band.setBrush(QBrush(_blend(t.canvas, t.accent if now else t.grid, 0.10 if now else 0.35)))
        if self._earlier is not None:
            self._earlier.setText("⋯" if self.first > 0 else "")
            self._earlier.setBrush(QBrush(t.muted))
            x, y = self._earlier.data(0)
            r = self._earlier.boundingRect()
            self._earlier.setPos(x - r.width(), y - r.height() / 2)

    def set_theme(self, name: str) -> None:
        super().set_theme(name)
        self._label_copies()

    # values -----------------------------------------------------------------------------------
    def shared(self, edge: int) -> np.ndarray:
        """Every unrolled copy of the document edge behind unrolled edge ``edge``."""
        if not 0 <= edge < len(self.edge_base):
            return np.zeros(0, dtype=np.intp)
        return np.flatnonzero(self.edge_base == self.edge_base[edge])

    def base_values(self, snap, weights=None, grads=None) -> tuple[np.ndarray, np.ndarray]:
        """The weights and gradients of the document's edges (in its order) from ``snap``."""
        where = {p: i for i, p in enumerate(snap.edges)}
        idx = np.array([where.get(p, -1) for p in self.base_pairs], dtype=np.intp)
        ok = idx >= 0
        w_src = np.asarray(snap.weights if weights is None else weights, dtype=float)
        g_src = np.asarray(snap.grads if grads is None else grads, dtype=float)
        w, g = np.zeros(len(idx)), np.zeros(len(idx))
        w[ok], g[ok] = w_src[idx[ok]], g_src[idx[ok]]
        return w, g

    def apply_snapshot(self, snap, weights=None, grads=None) -> None:
        """Every copy's edges from the shared weights and gradients, each copy's neurons
        filled with their y at the copy's step of the snapshot's chosen sequence."""
        self._snapshot = snap
        w, g = self.base_values(snap, weights, grads)
        if self.color_by == "weight":
            values, self.color_scale = w, max(encoding.W_MAX / 2, 1e-12)
        else:
            values, self.color_scale = g, encoding.symmetric_scale(g)
        self.edges.set_values(w[self.edge_base], (values / self.color_scale)[self.edge_base])
        self.fill_steps(snap)

    def fill_steps(self, snap, upto: int | None = None) -> None:
        """Neuron fills: y at each copy's step (copies after step ``upto`` left empty);
        every copy's colours looked up at once."""
        seq = getattr(snap, "sequence", None)
        index = {n: i for i, n in enumerate(snap.node_ids)}
        items = [self.nodes[nid] for nid in self.order]
        values = np.full(len(items), np.nan)
        if seq is not None:
            steps = self.first + self.node_step
            cols = np.array([index.get(it.base_id, -1) for it in items], dtype=np.intp)
            ok = (cols >= 0) & (steps < seq.length)
            if upto is not None:
                ok &= steps <= upto
            values[ok] = np.asarray(seq.act)[steps[ok], cols[ok]]
        lo, span = self._ranges(items)
        u = np.where(np.isfinite(span), 2 * (values - lo) / np.where(np.isfinite(span), span, 1) - 1,
                     np.tanh(values / np.where(lo == -3.0, 3.0, 1.0)))
        colours = encoding.diverging().index(u)
        lut = encoding.diverging().colors
        for it, v, c in zip(items, values, colours):
            fill = lut[int(c)] if math.isfinite(v) else None
            if fill is not it.fill or it.thumbnail is not None:
                it.fill = fill
                it.thumbnail = None
                it.update()

    def _ranges(self, items) -> tuple[np.ndarray, np.ndarray]:
        """Each neuron's activation range as the drawing normalises it (see
        NetworkScene._normalise_activation): (low, span); span inf = unbounded (tanh)."""
        if getattr(self, "_range_cache", (None,))[0] is not self._signature:
            lo, span = [], []
            for it in items:
                if it.kind == "input":
                    lo.append(-3.0)                      # inputs: tanh(a / 3)
                    span.append(np.inf)
                    continue
                a, b = activations.get(it.activation).range
                ok = math.isfinite(a) and math.isfinite(b)
                lo.append(a if ok else 0.0)
                span.append(b - a if ok else np.inf)
            self._range_cache = (self._signature, np.array(lo), np.array(span))
        return self._range_cache[1], self._range_cache[2]

    def copy_nodes(self, step: int) -> list[str]:
        """The unrolled ids of the copy of step ``step`` (empty when not shown)."""
        k = step - self.first
        return [nid for nid in self.order if self.nodes[nid].step == k]

    def steps_shown(self) -> Sequence[int]:
        return range(self.first, self.first + self.count)


def caption(split: str, index: int, first: int, count: int) -> str:
    """“steps 15–19 of training sequence 0”."""
    which = (tr("training sequence %1") if split == "train" else tr("test sequence %1")).replace("%1", str(index))
    steps = (tr("step %1").replace("%1", str(first)) if count == 1 else
             tr("steps %1–%2").replace("%1", str(first)).replace("%2", str(first + count - 1)))
    return tr("%1 of %2").replace("%1", steps).replace("%2", which)
