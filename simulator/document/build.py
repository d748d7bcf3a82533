"""Building documents in code: a new empty document and layered perceptrons (for lessons,
tests, benchmarks and the editor's "Add layer")."""
from __future__ import annotations

import copy
from collections.abc import Sequence

from .format import DEFAULT_DATA, DEFAULT_TRAINING, FORMAT, VERSION

COLUMN_GAP = 200.0
ROW_GAP = 90.0


def new_document(title: str = "Untitled network") -> dict:
    """An empty document with the default training and data settings."""
    return {"format": FORMAT, "version": VERSION, "title": title,
            "network": {"nodes": [], "edges": []},
            "training": copy.deepcopy(DEFAULT_TRAINING), "data": copy.deepcopy(DEFAULT_DATA)}


def mlp(sizes: Sequence[int], hidden: str = "tanh", output: str = "sigmoid",
        features: Sequence[str] | None = None, title: str = "Multilayer perceptron") -> dict:
    """A densely connected network: ``sizes[0]`` inputs, hidden layers, ``sizes[-1]`` outputs.
    Ids: inputs named by feature (``x1``, ``x2``…), hidden ``h<layer>_<k>``, outputs ``y``/``y<k>``."""
    if len(sizes) < 2:
        raise ValueError("a network needs at least an input and an output layer")
    doc = new_document(title)
    nodes, edges = doc["network"]["nodes"], doc["network"]["edges"]
    feats = list(features) if features is not None else [f"x{i + 1}" for i in range(sizes[0])]
    if len(feats) != sizes[0]:
        raise ValueError("one feature per input neuron")
    layers: list[list[str]] = [feats[:]]
    for k, feat in enumerate(feats):
        nodes.append({"id": feat, "kind": "input", "feature": feat,
                      "pos": [0.0, _row(k, sizes[0])]})
    for depth, n in enumerate(sizes[1:], start=1):
        last = depth == len(sizes) - 1
        ids = []
        for k in range(n):
            if last:
                nid = "y" if n == 1 else f"y{k + 1}"
                node = {"id": nid, "kind": "output", "activation": output}
            else:
                nid = f"h{depth}_{k + 1}" if len(sizes) > 3 else f"h{k + 1}"
                node = {"id": nid, "kind": "hidden", "activation": hidden}
            node["pos"] = [depth * COLUMN_GAP, _row(k, n)]
            nodes.append(node)
            ids.append(nid)
        for s in layers[-1]:
            for t in ids:
                edges.append({"source": s, "target": t})
        layers.append(ids)
    return doc


def _row(k: int, n: int) -> float:
    return (k - (n - 1) / 2.0) * ROW_GAP


def elman(hidden: int = 4, inputs: int = 1, outputs: int = 1, activation: str = "tanh",
          output: str = "sigmoid", title: str = "Elman network") -> dict:
    """A simple recurrent (Elman) network: inputs -> hidden -> outputs, and every hidden
    neuron fed by every hidden neuron of the previous step (delayed edges, self-loops
    included). Ids: ``x1``…, ``h1``…, ``y`` (or ``y1``…)."""
    doc = mlp([inputs, hidden, outputs], hidden=activation, output=output, title=title)
    ids = [f"h{k + 1}" for k in range(hidden)]
    doc["network"]["edges"] += [{"source": s, "target": t, "delay": 1} for s in ids for t in ids]
    return doc
