"""Edits of a document dict, each with what it takes to undo it. Qt-free: the editor's undo
commands call these, and so can scripts and tests.

Nodes are addressed by id, edges by their (source, target) pair (unique in a valid document).
"""
from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping

from ..engine import activations, graph
from .format import DEFAULT_ACTIVATION

COLUMN_GAP = 200.0
ROW_GAP = 90.0


def nodes(doc: Mapping) -> list[dict]:
    return doc["network"]["nodes"]


def edges(doc: Mapping) -> list[dict]:
    return doc["network"]["edges"]


def node(doc: Mapping, node_id: str) -> dict:
    for n in nodes(doc):
        if n["id"] == node_id:
            return n
    raise KeyError(f'no node "{node_id}"')


def node_index(doc: Mapping, node_id: str) -> int:
    for i, n in enumerate(nodes(doc)):
        if n["id"] == node_id:
            return i
    raise KeyError(f'no node "{node_id}"')


def edge_index(doc: Mapping, source: str, target: str) -> int:
    for i, e in enumerate(edges(doc)):
        if e["source"] == source and e["target"] == target:
            return i
    raise KeyError(f"no connection {source} → {target}")


def edge_pairs(doc: Mapping) -> list[tuple[str, str]]:
    return [(e["source"], e["target"]) for e in edges(doc)]


def undelayed_pairs(doc: Mapping) -> list[tuple[str, str]]:
    """The edges within a step (a delayed edge reads the previous step: it closes no cycle)."""
    return [(e["source"], e["target"]) for e in edges(doc) if not e.get("delay")]


def new_id(doc: Mapping, kind: str) -> str:
    """A fresh id: ``x3`` for inputs, ``h7`` for hidden neurons, ``y2`` for outputs."""
    prefix = {"input": "x", "hidden": "h", "output": "y"}[kind]
    used = {n["id"] for n in nodes(doc)}
    numbers = [int(m.group(1)) for i in used if (m := re.fullmatch(rf"{prefix}(\d+)", i))]
    k = max(numbers, default=0) + 1
    if kind == "output" and "y" not in used and not numbers:
        return "y"
    while f"{prefix}{k}" in used:
        k += 1
    return f"{prefix}{k}"


def make_node(doc: Mapping, kind: str = "hidden", pos: tuple[float, float] = (0.0, 0.0),
              **props) -> dict:
    """A new node dict (not yet added) with sensible defaults for its kind."""
    n = {"id": new_id(doc, kind), "kind": kind}
    if kind == "input":
        used = {m.get("feature") for m in nodes(doc) if m.get("kind") == "input"}
        n["feature"] = props.pop("feature", next((f for f in ("x1", "x2") if f not in used), "x1"))
    else:
        n["activation"] = props.pop("activation", DEFAULT_ACTIVATION[kind])
    n.update(props)
    n["pos"] = [float(pos[0]), float(pos[1])]
    return n


# structural edits ---------------------------------------------------------------------
def insert_node(doc: dict, n: dict, index: int | None = None) -> None:
    lst = nodes(doc)
    lst.insert(len(lst) if index is None else index, n)


def remove_nodes(doc: dict, ids: Iterable[str]) -> tuple[list[tuple[int, dict]], list[tuple[int, dict]]]:
    """Remove nodes and every edge touching them. Returns what was removed with its index
    (ascending), so that reinserting in order restores the document exactly."""
    ids = set(ids)
    removed_edges = [(i, e) for i, e in enumerate(edges(doc))
                     if e["source"] in ids or e["target"] in ids]
    removed_nodes = [(i, n) for i, n in enumerate(nodes(doc)) if n["id"] in ids]
    doc["network"]["edges"] = [e for e in edges(doc) if e["source"] not in ids and e["target"] not in ids]
    doc["network"]["nodes"] = [n for n in nodes(doc) if n["id"] not in ids]
    return removed_nodes, removed_edges


def restore(doc: dict, removed_nodes: list[tuple[int, dict]], removed_edges: list[tuple[int, dict]]) -> None:
    """Undo :func:`remove_nodes` / :func:`remove_edges`."""
    for i, n in removed_nodes:
        nodes(doc).insert(i, n)
    for i, e in removed_edges:
        edges(doc).insert(i, e)


def remove_edges(doc: dict, pairs: Iterable[tuple[str, str]]) -> list[tuple[int, dict]]:
    pairs = set(pairs)
    removed = [(i, e) for i, e in enumerate(edges(doc)) if (e["source"], e["target"]) in pairs]
    doc["network"]["edges"] = [e for e in edges(doc) if (e["source"], e["target"]) not in pairs]
    return removed


def connection_refusal(doc: Mapping, source: str, target: str) -> str | None:
    """Why ``source -> target`` cannot be added (None when it can)."""
    kinds = {n["id"]: n.get("kind", "hidden") for n in nodes(doc)}
    if source not in kinds or target not in kinds:
        return "both ends must be neurons"
    if source == target:
        return "a neuron cannot connect to itself"
    if kinds[target] == "input":
        return f"{target} is an input neuron: nothing can feed it"
    if kinds[source] == "output":
        return f"{source} is an output neuron: it cannot feed another"
    pairs = edge_pairs(doc)
    if (source, target) in pairs:
        return f"{source} → {target} already exists"
    cycle = graph.would_create_cycle(undelayed_pairs(doc), source, target)
    if cycle:
        return ("it would close a cycle " + " → ".join(cycle)
                + " (a feed-forward network has no loops)")
    return None


def delayed_refusal(doc: Mapping, source: str, target: str) -> str | None:
    """Why a *delayed* connection ``source -> target`` cannot be added (None when it can).
    It reads the previous step, so it closes no cycle and may be a self-loop; the other
    rules are those of any connection."""
    kinds = {n["id"]: n.get("kind", "hidden") for n in nodes(doc)}
    if source not in kinds or target not in kinds:
        return "both ends must be neurons"
    if kinds[target] == "input":
        return f"{target} is an input neuron: nothing can feed it"
    if kinds[source] == "output":
        return f"{source} is an output neuron: it cannot feed another"
    if (source, target) in edge_pairs(doc):
        return f"{source} → {target} already exists"
    return None


def connection_offer(doc: Mapping, source: str, target: str) -> tuple[str | None, list[str] | None, str | None]:
    """What a drag from ``source`` to ``target`` can make: ``("plain", None, None)`` an
    ordinary connection; ``("delayed", cycle, None)`` only a delayed one, because a plain
    one would close ``cycle`` within a step (``[source, source]`` for a self-loop); or
    ``(None, None, why)`` nothing."""
    why = delayed_refusal(doc, source, target)
    if why:
        return None, None, why
    cycle = graph.would_create_cycle(undelayed_pairs(doc), source, target)
    if cycle:
        return "delayed", cycle, None
    return "plain", None, None


def add_edge(doc: dict, source: str, target: str, delay: int | None = None) -> dict:
    """Append one connection (delayed when ``delay`` >= 1); the caller checked the rules."""
    e = {"source": source, "target": target}
    if delay:
        e["delay"] = int(delay)
    edges(doc).append(e)
    return e


def delay_removal_refusal(doc: Mapping, source: str, target: str) -> str | None:
    """Why the delayed ``source -> target`` cannot become an ordinary connection: a
    self-loop, or a cycle it would close within a step (None when it can)."""
    if source == target:
        return "a neuron cannot connect to itself"
    others = [p for p in undelayed_pairs(doc) if p != (source, target)]
    cycle = graph.would_create_cycle(others, source, target)
    if cycle:
        return ("it would close a cycle " + " → ".join(cycle)
                + " (a feed-forward network has no loops)")
    return None


def set_edge_delay(doc: dict, source: str, target: str, delay: int | None) -> int | None:
    """Make a connection delayed by ``delay`` steps (None or 0: within the step); returns
    the old delay. ValueError (with the reason) when it cannot lose its delay."""
    e = edges(doc)[edge_index(doc, source, target)]
    old = e.get("delay")
    if not delay and old:
        why = delay_removal_refusal(doc, source, target)
        if why:
            raise ValueError(why)
    if delay:
        e["delay"] = int(delay)
    else:
        e.pop("delay", None)
    return old


def add_edges(doc: dict, pairs: Iterable[tuple[str, str]]) -> tuple[list[dict], list[str]]:
    """Add every allowed connection; returns (added edge dicts, reasons for the refused)."""
    added, refused = [], []
    for s, t in pairs:
        why = connection_refusal(doc, s, t)
        if why:
            refused.append(why)
            continue
        e = {"source": s, "target": t}
        edges(doc).append(e)
        added.append(e)
    return added, refused


# properties ------------------------------------------------------------------------------
def set_node_property(doc: dict, node_id: str, key: str, value) -> object:
    """Set (or with ``None`` remove) a node property; returns the old value (None if unset)."""
    n = node(doc, node_id)
    old = copy.deepcopy(n.get(key))
    if value is None:
        n.pop(key, None)
    else:
        n[key] = value
    return old


def set_kind(doc: dict, node_id: str, kind: str) -> dict:
    """Change a neuron's kind, fixing what the new kind needs; returns the old node dict.
    Edges that the new kind forbids (into an input, out of an output) are refused."""
    n = node(doc, node_id)
    old = copy.deepcopy(n)
    if kind == n.get("kind", "hidden"):
        return old
    if kind == "input" and any(e["target"] == node_id for e in edges(doc)):
        raise ValueError(f"{node_id} has incoming connections: an input cannot")
    if kind == "output" and any(e["source"] == node_id for e in edges(doc)):
        raise ValueError(f"{node_id} feeds other neurons: an output cannot")
    n["kind"] = kind
    if kind == "input":
        for key in ("activation", "bias", "batch_norm", "alpha"):
            n.pop(key, None)
        n.setdefault("feature", "x1")
    else:
        n.pop("feature", None)
        act = n.get("activation")
        if act is None or (kind == "hidden" and act == "softmax"):
            n["activation"] = DEFAULT_ACTIVATION[kind]
    return old


def replace_node(doc: dict, n: dict) -> None:
    nodes(doc)[node_index(doc, n["id"])] = n


def set_edge_weight(doc: dict, source: str, target: str, weight: float | None) -> float | None:
    e = edges(doc)[edge_index(doc, source, target)]
    old = e.get("weight")
    if weight is None:
        e.pop("weight", None)
    else:
        e["weight"] = float(weight)
    return old


def move_nodes(doc: dict, positions: Mapping[str, tuple[float, float]]) -> dict[str, list[float]]:
    """Set positions; returns the old ones."""
    old = {}
    for nid, (x, y) in positions.items():
        n = node(doc, nid)
        old[nid] = list(n.get("pos", [0.0, 0.0]))
        n["pos"] = [float(x), float(y)]
    return old


# layout ------------------------------------------------------------------------------------
def layer_depths(doc: Mapping) -> dict[str, int]:
    """Column of every node: longest path from the inputs; outputs in the last column."""
    ids = [n["id"] for n in nodes(doc)]
    kinds = {n["id"]: n.get("kind", "hidden") for n in nodes(doc)}
    inputs = [i for i in ids if kinds[i] == "input"]
    depth = graph.depths(ids, undelayed_pairs(doc), inputs)
    hidden_max = max((d for i, d in depth.items() if kinds[i] == "hidden"), default=0)
    out = max([hidden_max + 1] + [depth[i] for i in ids if kinds[i] == "output"])
    for i in ids:
        if kinds[i] == "output":
            depth[i] = out
    return depth


#: rows of a column whose neurons have self-loops or delayed edges among them: the loop
#: above a neuron and the arcs between neighbours need the room (see render/delayed_edges)
RECURRENT_ROW_GAP = 130.0
#: and the column after such a column moves right, clear of the arcs bulging into the gap
RECURRENT_COLUMN_GAP = 260.0


def auto_layout(doc: Mapping) -> dict[str, tuple[float, float]]:
    """Positions in columns by depth, each column centred, keeping the vertical order.
    Delayed edges stay readable: a column holding self-loops or delayed edges between its
    own neurons gets taller rows (room for the loops above the neurons) and a wider gap on
    each side (room for the arcs between neighbours)."""
    depth = layer_depths(doc)
    columns: dict[int, list[dict]] = {}
    for n in nodes(doc):
        columns.setdefault(depth[n["id"]], []).append(n)
    present = sorted(columns)
    looped: set[int] = set()
    for e in edges(doc):
        if e.get("delay") and depth.get(e["source"]) == depth.get(e["target"]):
            looped.add(depth[e["source"]])
    pos = {}
    x = 0.0
    for c, d in enumerate(present):
        if c:
            wide = d in looped or present[c - 1] in looped
            x += RECURRENT_COLUMN_GAP if wide else COLUMN_GAP
        gap = RECURRENT_ROW_GAP if d in looped else ROW_GAP
        col = sorted(columns[d], key=lambda n: n.get("pos", [0, 0])[1])
        for k, n in enumerate(col):
            pos[n["id"]] = (x, (k - (len(col) - 1) / 2) * gap)
    return pos


def columns_of(doc: Mapping, ids: Iterable[str], tolerance: float = 40.0) -> list[list[str]]:
    """Group neurons into columns by x position (left to right), for "Fully connect"."""
    items = sorted(((node(doc, i).get("pos", [0, 0])[0], node(doc, i).get("pos", [0, 0])[1], i)
                    for i in ids))
    cols: list[list[tuple]] = []
    for x, y, i in items:
        if cols and abs(x - cols[-1][0][0]) <= tolerance:
            cols[-1].append((x, y, i))
        else:
            cols.append([(x, y, i)])
    return [[i for _, _, i in sorted(col, key=lambda t: t[1])] for col in cols]


def fully_connect_pairs(doc: Mapping, ids: Iterable[str]) -> list[tuple[str, str]]:
    """Every pair from each column of the selection to the next column."""
    cols = columns_of(doc, ids)
    return [(s, t) for a, b in zip(cols, cols[1:]) for s in a for t in b]


def hidden_activations() -> tuple[str, ...]:
    return activations.HIDDEN
