"""A trained network in a document file.

A file saved after training holds the trained weights, biases and PReLU slopes where any
reader looks for them (the edges' ``weight``, the nodes' ``bias`` and ``alpha``: the command
line, the Python API and a notebook all get the trained network), and a top-level
``"trained"`` block with what they alone do not say::

    "trained": {
      "epoch": 150, "steps": 3000,
      "initial": {"edges": [{"source": "x1", "target": "h1", "weight": 0.5}],
                  "nodes": [{"id": "h1", "bias": 0.1}]},
      "batch_norm": [{"id": "h1", "scale": 1.1, "mean": 0.02, "var": 0.97}]
    }

``epoch`` and ``steps`` are where training stopped; ``initial`` lists the starting values the
document itself gave before training (every weight, bias or slope not listed there was drawn
by ``training.init`` with ``training.seed``), so Reset goes back to the document's own start;
``batch_norm`` holds the scale and running statistics of batch-normalised neurons.

``attach`` writes this form from a document and a trained state; ``detach`` splits it back
into the document as drawn (its start) and the state. A state is the plain dict of
:mod:`simulator.engine.params` plus ``"epoch"`` and ``"steps"``.
"""
from __future__ import annotations

import copy
import math
from collections.abc import Mapping

KEY = "trained"
BLOCK_KEYS = ("epoch", "steps", "initial", "batch_norm")


def attach(doc: Mapping, state: Mapping) -> dict:
    """A copy of ``doc`` (as drawn) holding the trained ``state``, ready to save."""
    out = copy.deepcopy(dict(doc))
    out.pop(KEY, None)
    weights = state.get("weights") or {}
    biases = state.get("biases") or {}
    alpha = state.get("alpha") or {}
    initial_edges, initial_nodes = [], []
    for e in out["network"]["edges"]:
        key = (e["source"], e["target"])
        if e.get("weight") is not None:
            initial_edges.append({"source": key[0], "target": key[1], "weight": e["weight"]})
        w = weights.get(key)
        if w is not None and math.isfinite(w):
            e["weight"] = float(w)
    for n in out["network"]["nodes"]:
        if n.get("kind") == "input":
            continue
        given = {k: n[k] for k in ("bias", "alpha") if n.get(k) is not None}
        if given:
            initial_nodes.append({"id": n["id"], **given})
        b = biases.get(n["id"])
        if b is not None and math.isfinite(b):
            n["bias"] = float(b)
        a = alpha.get(n["id"])
        if a is not None and math.isfinite(a):
            n["alpha"] = float(a)
    block: dict = {"epoch": int(state.get("epoch", 0)), "steps": int(state.get("steps", 0)),
                   "initial": {"edges": initial_edges, "nodes": initial_nodes}}
    bn = state.get("batch_norm") or {}
    norm = [{"id": n["id"], "scale": float(bn[n["id"]][0]), "mean": float(bn[n["id"]][1]),
             "var": float(bn[n["id"]][2])}
            for n in out["network"]["nodes"] if n.get("batch_norm") and n["id"] in bn
            and all(math.isfinite(v) for v in bn[n["id"]])]
    if norm:
        block["batch_norm"] = norm
    out[KEY] = block
    return out


def trainer_for(doc: Mapping, base_dir=None, data=None, resume: bool = True):
    """A trainer (``engine.trainer.Trainer``) for a (valid) document: one saved after
    training goes on from where it stopped (with ``resume``), else it starts from its
    document's own start. Raises what ``Trainer.from_document`` raises."""
    from ..engine.trainer import Trainer
    drawn, state = detach(doc)
    trainer = Trainer.from_document(drawn, base_dir=base_dir, data=data)
    if state is not None and resume:
        trainer.resume(state)
    return trainer


def detach(doc: Mapping) -> tuple[dict, dict | None]:
    """``(document as drawn, trained state)`` of a (valid) document; the state is None when
    the document holds no ``"trained"`` block. The document is a copy only when split."""
    block = doc.get(KEY) if isinstance(doc, Mapping) else None
    if not isinstance(block, Mapping):
        return dict(doc) if not isinstance(doc, dict) else doc, None
    start = copy.deepcopy({k: v for k, v in doc.items() if k != KEY})
    initial = block.get("initial") or {}
    first_w = {(e["source"], e["target"]): e["weight"] for e in initial.get("edges") or ()}
    first_n = {n["id"]: n for n in initial.get("nodes") or ()}
    weights, biases, alpha = {}, {}, {}
    for e in start["network"]["edges"]:
        key = (e["source"], e["target"])
        if e.get("weight") is not None:
            weights[key] = float(e["weight"])
        if key in first_w:
            e["weight"] = first_w[key]
        else:
            e.pop("weight", None)
    for n in start["network"]["nodes"]:
        if n.get("kind") == "input":
            continue
        if n.get("bias") is not None:
            biases[n["id"]] = float(n["bias"])
        if n.get("alpha") is not None:
            alpha[n["id"]] = float(n["alpha"])
        given = first_n.get(n["id"], {})
        for k in ("bias", "alpha"):
            if given.get(k) is not None:
                n[k] = given[k]
            else:
                n.pop(k, None)
    bn = {b["id"]: (float(b["scale"]), float(b["mean"]), float(b["var"]))
          for b in block.get("batch_norm") or ()}
    state = {"epoch": int(block.get("epoch", 0)), "steps": int(block.get("steps", 0)),
             "weights": weights, "biases": biases, "alpha": alpha, "batch_norm": bn}
    return start, state


def from_snapshot(snap, node_params: Mapping | None = None) -> dict | None:
    """The trained state a training snapshot shows (weights, biases, epoch; PReLU slopes and
    batch-norm statistics from ``node_params``), or None when nothing was trained yet
    (epoch and step 0: the document alone says it all)."""
    if snap is None or (snap.epoch == 0 and snap.step == 0):
        return None
    weights = {pair: float(w) for pair, w in zip(snap.edges, snap.weights)}
    biases = {i: float(b) for i, b in zip(snap.node_ids, snap.biases) if math.isfinite(b)}
    extra = node_params if node_params is not None else (snap.extras or {}).get("node_params") or {}
    return {"epoch": int(snap.epoch), "steps": int(snap.step), "weights": weights, "biases": biases,
            "alpha": dict(extra.get("alpha") or {}), "batch_norm": dict(extra.get("batch_norm") or {})}
