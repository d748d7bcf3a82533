"""A network's learned parameters by name, apart from its compiled layout: read to save a
trained network or to hand it to another thread, written back when a saved network is
reopened or when an edit recompiles the network (what did not change keeps its values).

A state is a plain dict::

    {"weights": {(source, target): w}, "biases": {node: b}, "alpha": {node: PReLU slope},
     "batch_norm": {node: (scale γ, running mean, running variance)}}

Any part may be missing; names the network does not have are ignored.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from .network import Network


def _node_slots(net: Network):
    """(node id, layer, local index) of every node after the inputs, in document order."""
    for d, i in enumerate(net.doc_node_ids):
        k = net.layer_of[i]
        if k > 0:
            yield d, i, net.layers[k], net.local[i]


def _alpha_slot(layer, j: int):
    for g in layer.groups:
        if g.lo <= j < g.hi and g.alpha is not None:
            return g.alpha, j - g.lo
    return None


def _bn_slot(layer, j: int) -> int | None:
    if layer.bn is None:
        return None
    where = np.flatnonzero(layer.bn == j)
    return int(where[0]) if len(where) else None


def has_node_params(net: Network) -> bool:
    """Whether ``net`` has PReLU slopes or batch-normalised nodes (see ``node_params``)."""
    return any(L.bn is not None or any(g.alpha is not None for g in L.groups) for L in net.layers[1:])


def node_params(net: Network) -> dict:
    """The per-node parameters a snapshot's arrays do not carry: PReLU slopes and batch-norm
    scales and running statistics (empty dicts for a network with neither)."""
    alpha: dict[str, float] = {}
    bn: dict[str, tuple[float, float, float]] = {}
    for _, i, layer, j in _node_slots(net):
        slot = _alpha_slot(layer, j)
        if slot is not None:
            alpha[i] = float(slot[0][slot[1]])
        b = _bn_slot(layer, j)
        if b is not None:
            bn[i] = (float(layer.gamma[b]), float(layer.running_mean[b]), float(layer.running_var[b]))
    return {"alpha": alpha, "batch_norm": bn}


def read(net: Network) -> dict:
    """Every learned parameter of ``net`` by name (see the module's note)."""
    weights = dict(zip(net.edges, net.params[net.edge_index].tolist()))
    biases = {i: float(net.params[net.bias_index[d]]) for d, i, _, _ in _node_slots(net)}
    return {"weights": weights, "biases": biases, **node_params(net)}


def write(net: Network, state: Mapping) -> None:
    """Set the parameters ``state`` names (see the module's note); the rest stay as they are."""
    weights = state.get("weights") or {}
    if weights:
        for e, key in enumerate(net.edges):
            w = weights.get(key)
            if w is not None:
                net.params[net.edge_index[e]] = w
    biases = state.get("biases") or {}
    alpha = state.get("alpha") or {}
    bn = state.get("batch_norm") or {}
    if not (biases or alpha or bn):
        return
    for d, i, layer, j in _node_slots(net):
        if i in biases:
            net.params[net.bias_index[d]] = biases[i]
        if i in alpha:
            slot = _alpha_slot(layer, j)
            if slot is not None:
                slot[0][slot[1]] = alpha[i]
        if i in bn:
            b = _bn_slot(layer, j)
            if b is not None:
                layer.gamma[b], layer.running_mean[b], layer.running_var[b] = bn[i]


def carry(net: Network, donors: Iterable[Network]) -> None:
    """Take the parameters of every name ``net`` shares with the donors (later donors win):
    after an edit, what did not change keeps what training made of it."""
    for donor in donors:
        write(net, read(donor))


def set_start_weight(net: Network, source: str, target: str, value: float) -> None:
    """A weight typed in: the value now and the one Reset returns to (the document's)."""
    k = net.edge_index[net.edges.index((source, target))]
    net.params[k] = net.initial_params[k] = value


def set_start_bias(net: Network, node_id: str, value: float) -> None:
    """A bias typed in: the value now and the one Reset returns to (the document's)."""
    k = net.bias_index[net.doc_node_ids.index(node_id)]
    net.params[k] = net.initial_params[k] = value
