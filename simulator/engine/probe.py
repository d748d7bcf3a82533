"""What a drawing shows of a network besides its weights: its output over the input plane
(decision surface), every neuron's output over the plane (thumbnails), and for one-input
regression the fitted curve with each last-hidden unit's weighted contribution.

Grids are row-major with row 0 at the SMALLEST x₂ (mathematical orientation); whoever
draws them as an image with row 0 on top flips them, so nothing is ever upside-down.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .network import Network


def grid(domain: Sequence[tuple[float, float]], res: int) -> np.ndarray:
    """(res*res, 2) points; index = iy*res + ix, iy = 0 at the smallest x₂."""
    (x0, x1), (y0, y1) = domain[0], domain[1]
    xs = np.linspace(x0, x1, res)
    ys = np.linspace(y0, y1, res)
    gx, gy = np.meshgrid(xs, ys)
    return np.c_[gx.ravel(), gy.ravel()]


@dataclass(frozen=True)
class Surface:
    """The network's output over the plane: ``values`` (res, res) for one output, or for
    softmax ``classes`` (res, res) argmax and ``confidence`` (res, res)."""

    domain: tuple
    values: np.ndarray
    classes: np.ndarray | None = None
    confidence: np.ndarray | None = None
    value_range: tuple[float, float] = (0.0, 1.0)


def node_grids(net: Network, domain, res: int) -> np.ndarray:
    """(V, res, res): every neuron's output y over the plane, in the document's order."""
    _, y = net.node_values(grid(domain, res))
    return np.ascontiguousarray(y.T.reshape(len(net.doc_node_ids), res, res))


def output_range(net: Network) -> tuple[float, float]:
    lo, hi = net.output_activation.range
    if np.isfinite(lo) and np.isfinite(hi):
        return (float(lo), float(hi))
    return (-1.0, 1.0)


def surface(net: Network, domain, res: int = 100, node: str | None = None) -> Surface:
    """The output surface (or one neuron's, when ``node`` is given)."""
    X = grid(domain, res)
    if node is not None:
        _, y = net.node_values(X)
        v = y[:, net.doc_node_ids.index(node)].reshape(res, res)
        k = net.layer_of[node]
        if k == 0:
            return Surface(tuple(domain), v, value_range=(float(v.min()), float(v.max()) or 1.0))
        L = net.layers[k]
        act = next(g.act for g in L.groups if g.lo <= net.local[node] < g.hi)
        lo, hi = act.range
        rng = (lo, hi) if np.isfinite(lo) and np.isfinite(hi) else (float(v.min()), float(v.max()))
        return Surface(tuple(domain), v, value_range=rng)
    return surface_of_outputs(net, domain, res, net.forward(X))


def surface_of_outputs(net: Network, domain, res: int, out: np.ndarray) -> Surface:
    """The output surface from the network's outputs (res*res, n_outputs) at ``grid``'s points."""
    if out.shape[1] > 1:
        cls = out.argmax(axis=1).reshape(res, res)
        conf = out.max(axis=1).reshape(res, res)
        return Surface(tuple(domain), conf, classes=cls, confidence=conf, value_range=(0.0, 1.0))
    return Surface(tuple(domain), out[:, 0].reshape(res, res), value_range=output_range(net))


@dataclass(frozen=True)
class Curve:
    """A one-input network's fit: ŷ(x), and each last-hidden unit's part w_j·y_j(x)."""

    x: np.ndarray
    y: np.ndarray
    parts: np.ndarray          # (units, n)
    part_ids: tuple[str, ...]
    bias: float


def curve(net: Network, domain, n: int = 240) -> Curve:
    with np.errstate(over="ignore", invalid="ignore"):     # a diverged network: inf/NaN
        return _curve(net, domain, n)


def _curve(net: Network, domain, n: int) -> Curve:
    x = np.linspace(domain[0][0], domain[0][1], n)
    _, ys = net.node_values(x[:, None])
    out_pos = net.doc_node_ids.index(net.output_ids[0])
    y_hat = ys[:, out_pos]
    out_id = net.output_ids[0]
    w = net.weights()
    sources = [s for s, t in net.edges if t == out_id]
    parts = np.array([w[(s, out_id)] * ys[:, net.doc_node_ids.index(s)] for s in sources]).reshape(len(sources), n)
    return Curve(x, y_hat, parts, tuple(sources), net.biases()[out_id])


def thumbnail_resolution(n_nodes: int) -> int:
    """Thumbnails shrink with the network so a snapshot stays cheap."""
    if n_nodes > 200:
        return 0
    return 40 if n_nodes <= 40 else 24


def surface_resolution(n_nodes: int) -> int:
    """>= 100x100 for the small networks of the course, less for very large ones."""
    return int(max(40, min(100, np.sqrt(4_000_000 / max(n_nodes, 1)))))


def _ro(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a)
    a.setflags(write=False)
    return a


def snapshot_extras(net: Network, data, probe_node: str | None = None) -> dict:
    """Everything a snapshot carries besides the numbers of training: the output surface
    and every neuron's thumbnail (two inputs), or the fitted curve (one input), and the
    surface or curve of one chosen neuron.

    A network that diverged has huge or infinite weights: its values over the plane are
    inf/NaN, as expected (the trainer reports the divergence), so overflow stays quiet."""
    with np.errstate(over="ignore", invalid="ignore"):
        return _snapshot_extras(net, data, probe_node)


def _snapshot_extras(net: Network, data, probe_node: str | None) -> dict:
    extras: dict = {"domain": data.domain}
    V = len(net.doc_node_ids)
    if getattr(data, "is_sequence", False):
        return extras          # a sequence has no input plane: its values are in the snapshot
    if data.n_raw == 2:
        res = thumbnail_resolution(V)
        if res:
            extras["thumbnails"] = _ro(node_grids(net, data.domain, res))
        extras["surface"] = surface(net, data.domain, surface_resolution(V))
        if probe_node and probe_node in net.doc_node_ids:
            extras["node_surface"] = (probe_node, surface(net, data.domain, surface_resolution(V),
                                                          node=probe_node))
    elif data.n_raw == 1:
        c = curve(net, data.domain)
        extras["curve"] = c
        if probe_node and probe_node in net.doc_node_ids:
            _, ys = net.node_values(c.x[:, None])
            extras["node_curve"] = (probe_node, _ro(c.x), _ro(ys[:, net.doc_node_ids.index(probe_node)]))
    return extras
