"""The remedies the lecture names for vanishing and exploding gradients and dying ReLUs,
as transformations of a document: proper initialisation, batch normalisation, gradient
clipping, ReLU instead of the logistic function, leaky ReLU instead of ReLU; and the
contrasts some lessons draw (the same network without its delayed edges: no memory).

``apply(base, ids)`` returns the lesson's document with the chosen remedies; the editor
turns the difference into undoable commands, so a remedy can be switched on and off."""
from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

RELU_FAMILY = ("relu", "leaky_relu", "prelu", "elu", "gelu", "silu")


@dataclass(frozen=True)
class Mitigation:
    id: str
    label: str          # English; the UI translates
    explanation: str
    kind: str = "remedy"     # "remedy" | "contrast" (a variant to compare, not a cure)


MITIGATIONS = {
    "relu_he": Mitigation("relu_he", "ReLU with He initialisation",
                          "hidden neurons use ReLU (derivative 1 for g > 0) and He initialisation"),
    "he": Mitigation("he", "He initialisation",
                     "weights drawn with variance 2/fan-in, keeping activations the same size layer after layer"),
    "xavier": Mitigation("xavier", "Xavier initialisation",
                         "weights drawn with variance 2/(fan-in + fan-out)"),
    "batch_norm": Mitigation("batch_norm", "Batch normalisation",
                             "every hidden neuron's g is standardised over the batch, then scaled and shifted"),
    "clip": Mitigation("clip", "Gradient clipping",
                       "the gradient's norm is limited to 1 before each update"),
    "leaky": Mitigation("leaky", "Leaky ReLU instead of ReLU",
                        "a small slope (0.01) below zero keeps the gradient alive"),
    "no_delay": Mitigation("no_delay", "Without the delayed edges (acyclic)",
                           "the delayed edges are removed: each step sees only its own input, "
                           "as in a feed-forward network", kind="contrast"),
}


def _hidden(doc: Mapping) -> list[dict]:
    return [n for n in doc["network"]["nodes"] if n.get("kind") == "hidden"]


def apply(base: Mapping, ids: Iterable[str]) -> dict:
    """``base`` with the remedies ``ids`` applied (``base`` itself is not changed)."""
    doc = copy.deepcopy(dict(base))
    ids = set(ids)
    tr = doc["training"]
    if "relu_he" in ids:
        for n in _hidden(doc):
            n["activation"] = "relu"
        tr["init"] = "he"
        tr["learning_rate"] = min(float(tr.get("learning_rate", 0.1)), 0.05)
    if "leaky" in ids:
        for n in _hidden(doc):
            if n.get("activation") == "relu":
                n["activation"] = "leaky_relu"
    if "he" in ids:
        tr["init"] = "he"
    if "xavier" in ids:
        tr["init"] = "xavier"
    if "batch_norm" in ids:
        for n in _hidden(doc):
            n["batch_norm"] = True
    if "clip" in ids:
        tr["clip"] = 1.0
    if "no_delay" in ids:
        net = doc["network"]
        net["edges"] = [e for e in net["edges"] if not e.get("delay")]
    return doc


def differences(current: Mapping, target: Mapping) -> tuple[list[tuple[str, str, object]], list[tuple[str, object]]]:
    """What to change to go from ``current`` to ``target``: (node id, key, value) for
    neurons present in both, and (training key, value)."""
    node_changes = []
    targets = {n["id"]: n for n in target["network"]["nodes"]}
    for n in current["network"]["nodes"]:
        t = targets.get(n["id"])
        if t is None:
            continue
        for key in ("activation", "batch_norm"):
            if n.get(key) != t.get(key):
                node_changes.append((n["id"], key, t.get(key)))
    training_changes = [(k, v) for k, v in target["training"].items() if current["training"].get(k) != v]
    return node_changes, training_changes


def edge_differences(current: Mapping, target: Mapping) -> tuple[list[tuple[str, str]], list[tuple[int, dict]]]:
    """What to change in the connections to go from ``current`` to ``target``: the pairs to
    remove, and the connections to add with their place in ``target`` (inserted in that
    order, they come back where they were)."""
    have = {(e["source"], e["target"]) for e in current["network"]["edges"]}
    want = [(e["source"], e["target"]) for e in target["network"]["edges"]]
    remove = [p for p in ((e["source"], e["target"]) for e in current["network"]["edges"]) if p not in set(want)]
    add = [(i, copy.deepcopy(e)) for i, (p, e) in enumerate(zip(want, target["network"]["edges"]))
           if p not in have]
    return remove, add
