"""Validation of the document format: every problem named by its place in the file.

``problems(doc)`` lists every error as ``"network.edges[3].target: no node \\"h9\\""``;
``check(doc)`` raises :class:`DocumentError` with them. ``training_problems(doc)`` lists what
keeps a valid drawing from training (no output, an output nothing reaches, data whose number
of classes does not match the outputs…).
"""
from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

from ..engine import activations, datasets, features, graph, initializers, losses, optimizers, sequences
from ..engine.network import MAX_DELAY
from .format import FORMAT, NODE_KINDS, VERSION

MAX_NODES = 20_000
MAX_EDGES = 500_000
MAX_ROWS = 200_000
MAX_SAMPLES = 100_000

TRAINING_KEYS = ("loss", "optimizer", "learning_rate", "batch_size", "init", "seed", "l1", "l2",
                 "clip", "shuffle", "bptt")
DATA_KEYS = ("dataset", "samples", "noise", "test_fraction", "seed", "classes", "csv", "inputs",
             "target", "points", "train", "test", "task", "sequences", "length", "lag", "step")


class DocumentError(ValueError):
    """A document that cannot be used; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str] | str):
        self.errors = [errors] if isinstance(errors, str) else list(errors)
        first = self.errors[0] if self.errors else "invalid document"
        more = len(self.errors) - 1
        super().__init__(first + (f" (and {more} more problem{'s' * (more > 1)})" if more else ""))


def _is_number(v) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


def _describe(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, str):
        return f'"{v}"' if len(v) < 40 else f'"{v[:37]}..."'
    if isinstance(v, Mapping):
        return "an object"
    if isinstance(v, list):
        return "a list"
    return repr(v)


class _Checker:
    def __init__(self):
        self.errors: list[str] = []

    def err(self, where: str, msg: str) -> None:
        if len(self.errors) < 50:
            self.errors.append(f"{where}: {msg}" if where else msg)

    def number(self, obj: Mapping, key: str, where: str, *, required=False, lo=None, hi=None,
               lo_open=False, integer=False, nullable=False) -> None:
        if key not in obj:
            if required:
                self.err(where, f'missing "{key}"')
            return
        v = obj[key]
        place = f"{where}.{key}" if where else key
        if v is None and nullable:
            return
        if not _is_number(v):
            self.err(place, f"expected a number, got {_describe(v)}")
            return
        if not math.isfinite(v):
            self.err(place, f"not a finite number ({v})")
            return
        if integer and float(v) != int(v):
            self.err(place, f"expected a whole number, got {v}")
            return
        if lo is not None and (v < lo or (lo_open and v == lo)):
            self.err(place, f"must be {'greater than' if lo_open else 'at least'} {lo}, got {v}")
        if hi is not None and v > hi:
            self.err(place, f"must be at most {hi}, got {v}")

    def choice(self, obj: Mapping, key: str, where: str, allowed, what: str) -> None:
        if key not in obj:
            return
        v = obj[key]
        place = f"{where}.{key}"
        if not isinstance(v, str):
            self.err(place, f"expected a string, got {_describe(v)}")
        elif v not in allowed:
            self.err(place, f'unknown {what} "{v}" (known: {", ".join(allowed)})')


def problems(doc) -> list[str]:
    """Every error in ``doc`` with its place; empty when the document is valid."""
    c = _Checker()
    if not isinstance(doc, Mapping):
        return [f"the file must hold one JSON object, not {_describe(doc)}"]
    fmt = doc.get("format")
    if fmt != FORMAT:
        c.err("format", f'expected "{FORMAT}", got {_describe(fmt)}' if "format" in doc
              else f'missing "format": "{FORMAT}" (is this an nnsim file?)')
        return c.errors
    version = doc.get("version")
    if not _is_number(version) or isinstance(version, float) and not version.is_integer():
        c.err("version", f"expected a whole number, got {_describe(version)}")
        return c.errors
    if version > VERSION:
        c.err("version", f"this file was written by a newer nnsim (format version {version}); "
                         f"this one reads version {VERSION}")
        return c.errors
    if version < 1:
        c.err("version", f"unknown format version {version}")
        return c.errors
    for key in ("title", "description"):
        if key in doc and not isinstance(doc[key], str):
            c.err(key, f"expected a string, got {_describe(doc[key])}")
    net = doc.get("network")
    if not isinstance(net, Mapping):
        c.err("network", "missing" if net is None else f"expected an object, got {_describe(net)}")
        return c.errors
    data = doc.get("data", {})
    if not isinstance(data, Mapping):
        c.err("data", f"expected an object, got {_describe(data)}")
        data = {}
    raw_inputs = tuple(data.get("inputs") or ()) if "csv" in data else ()
    ids = _check_nodes(c, net, raw_inputs, data)
    _check_edges(c, net, ids)
    training = doc.get("training", {})
    if not isinstance(training, Mapping):
        c.err("training", f"expected an object, got {_describe(training)}")
    else:
        _check_training(c, training)
    _check_data(c, data)
    if "trained" in doc:
        _check_trained(c, doc["trained"], net)
    if "compare" in doc:             # a lesson's comparison: its lists and variants' drawings
        from . import compare as _compare      # (and the engine's comparison) only for these
        for e in _compare.block_problems(doc, problems):
            c.err("", e)
    return c.errors


def _check_trained(c: _Checker, block, net: Mapping) -> None:
    """The ``trained`` block of a file saved after training (see ``document/trained.py``)."""
    w = "trained"
    if not isinstance(block, Mapping):
        c.err(w, f"expected an object, got {_describe(block)}")
        return
    for key in block:
        if key not in ("epoch", "steps", "initial", "batch_norm"):
            c.err(f"{w}.{key}", "unknown setting (known: epoch, steps, initial, batch_norm)")
    c.number(block, "epoch", w, required=True, lo=0, integer=True)
    c.number(block, "steps", w, lo=0, integer=True)
    nodes = {n.get("id") for n in net.get("nodes", []) if isinstance(n, Mapping)}
    pairs = {(e.get("source"), e.get("target")) for e in net.get("edges", []) if isinstance(e, Mapping)}
    initial = block.get("initial", {})
    if not isinstance(initial, Mapping):
        c.err(f"{w}.initial", f"expected an object, got {_describe(initial)}")
        initial = {}
    for part, fields in (("edges", ("source", "target", "weight")), ("nodes", ("id", "bias", "alpha"))):
        items = initial.get(part, [])
        where = f"{w}.initial.{part}"
        if not isinstance(items, list):
            c.err(where, f"expected a list, got {_describe(items)}")
            continue
        for k, item in enumerate(items):
            place = f"{where}[{k}]"
            if not isinstance(item, Mapping):
                c.err(place, f"expected an object, got {_describe(item)}")
                continue
            for key in item:
                if key not in fields:
                    c.err(f"{place}.{key}", f'unknown field (known: {", ".join(fields)})')
            if part == "edges":
                if (item.get("source"), item.get("target")) not in pairs:
                    c.err(place, f"no connection {item.get('source')} → {item.get('target')} in the network")
                c.number(item, "weight", place, required=True)
            else:
                if item.get("id") not in nodes:
                    c.err(f"{place}.id", f"no node {_describe(item.get('id'))}")
                c.number(item, "bias", place)
                c.number(item, "alpha", place)
    norm = block.get("batch_norm", [])
    if not isinstance(norm, list):
        c.err(f"{w}.batch_norm", f"expected a list, got {_describe(norm)}")
        return
    for k, item in enumerate(norm):
        place = f"{w}.batch_norm[{k}]"
        if not isinstance(item, Mapping):
            c.err(place, f"expected an object, got {_describe(item)}")
            continue
        if item.get("id") not in nodes:
            c.err(f"{place}.id", f"no node {_describe(item.get('id'))}")
        c.number(item, "scale", place, required=True)
        c.number(item, "mean", place, required=True)
        c.number(item, "var", place, required=True, lo=0)


def _check_nodes(c: _Checker, net: Mapping, raw_inputs: tuple, data: Mapping) -> dict[str, str]:
    nodes = net.get("nodes", [])
    if not isinstance(nodes, list):
        c.err("network.nodes", f"expected a list, got {_describe(nodes)}")
        return {}
    if len(nodes) > MAX_NODES:
        c.err("network.nodes", f"{len(nodes)} neurons is more than nnsim handles ({MAX_NODES})")
        return {}
    one_d = (data.get("dataset") in datasets.ONE_D + sequences.TASKS or _inline_width(data) == 2
             or _sequence_width(data) == 1)
    kinds: dict[str, str] = {}
    for i, node in enumerate(nodes):
        where = f"network.nodes[{i}]"
        if not isinstance(node, Mapping):
            c.err(where, f"expected an object, got {_describe(node)}")
            continue
        nid = node.get("id")
        if not isinstance(nid, str) or not nid.strip():
            c.err(f"{where}.id", "missing" if nid is None else f"expected a non-empty string, got {_describe(nid)}")
            continue
        if nid in kinds:
            c.err(f"{where}.id", f'duplicate id "{nid}"')
            continue
        kind = node.get("kind", "hidden")
        if kind not in NODE_KINDS:
            c.err(f"{where}.kind", f'unknown kind {_describe(kind)} (known: {", ".join(NODE_KINDS)})')
            kind = "hidden"
        kinds[nid] = kind
        if kind == "input":
            feat = node.get("feature", "x1")
            if not isinstance(feat, str):
                c.err(f"{where}.feature", f"expected a string, got {_describe(feat)}")
            elif raw_inputs:
                if feat not in raw_inputs and not features.is_known(feat):
                    c.err(f"{where}.feature", f'no CSV input column "{feat}" (data.inputs: {", ".join(raw_inputs)})')
            elif not features.is_known(feat):
                c.err(f"{where}.feature", f'unknown feature "{feat}" (known: x, {", ".join(features.BUILTIN)})')
            elif one_d and "x2" in features.raw_inputs_needed(feat):
                c.err(f"{where}.feature", f'"{feat}" needs a second input, but the data has one (x)')
        else:
            allowed = activations.OUTPUT if kind == "output" else activations.HIDDEN
            act = node.get("activation")
            if act is not None:
                if not isinstance(act, str):
                    c.err(f"{where}.activation", f"expected a string, got {_describe(act)}")
                elif act not in allowed:
                    hint = " (softmax is for output neurons)" if act == "softmax" else \
                        f' (known: {", ".join(allowed)})'
                    c.err(f"{where}.activation", f'unknown activation "{act}"{hint}')
            c.number(node, "bias", where, nullable=True)
            c.number(node, "alpha", where, nullable=True)
            if "batch_norm" in node and not isinstance(node["batch_norm"], bool):
                c.err(f"{where}.batch_norm", f"expected true or false, got {_describe(node['batch_norm'])}")
        if "pos" in node:
            pos = node["pos"]
            if (not isinstance(pos, list) or len(pos) != 2 or not all(_is_number(v) for v in pos)
                    or not all(math.isfinite(v) for v in pos)):
                c.err(f"{where}.pos", f"expected [x, y] numbers, got {_describe(pos)}")
    return kinds


def _check_edges(c: _Checker, net: Mapping, kinds: dict[str, str]) -> None:
    edges = net.get("edges", [])
    if not isinstance(edges, list):
        c.err("network.edges", f"expected a list, got {_describe(edges)}")
        return
    if len(edges) > MAX_EDGES:
        c.err("network.edges", f"{len(edges)} connections is more than nnsim handles ({MAX_EDGES})")
        return
    seen: dict[tuple[str, str], int] = {}
    good: list[tuple[str, str]] = []
    for i, e in enumerate(edges):
        where = f"network.edges[{i}]"
        if not isinstance(e, Mapping):
            c.err(where, f"expected an object, got {_describe(e)}")
            continue
        ok = True
        for end in ("source", "target"):
            v = e.get(end)
            if v is None:
                c.err(f"{where}.{end}", "missing")
                ok = False
            elif not isinstance(v, str):
                c.err(f"{where}.{end}", f"expected a node id (string), got {_describe(v)}")
                ok = False
            elif v not in kinds:
                c.err(f"{where}.{end}", f'no node "{v}"')
                ok = False
        c.number(e, "weight", where, nullable=True)
        delayed = _check_delay(c, e, where)
        if not ok:
            continue
        s, t = e["source"], e["target"]
        if s == t and not delayed:
            c.err(where, f'"{s}" connects to itself without a delay (a self-loop carries the '
                         'previous step: "delay": 1)')
        elif kinds[t] == "input":
            c.err(f"{where}.target", f'"{t}" is an input neuron: nothing can feed it')
        elif kinds[s] == "output":
            c.err(f"{where}.source", f'"{s}" is an output neuron: it cannot feed another')
        elif (s, t) in seen:
            c.err(where, f"duplicate of network.edges[{seen[(s, t)]}] ({s} → {t})")
        else:
            seen[(s, t)] = i
            if not delayed:
                good.append((s, t))
    # a delayed edge reads the previous step: only the undelayed edges must be acyclic
    cycle = graph.find_cycle(list(kinds), good)
    if cycle:
        c.err("network.edges", "the network has a cycle: " + " → ".join(cycle)
              + ' has no delayed edge (a feed-forward network must be acyclic; in a recurrent '
              'one an edge of every cycle is delayed, "delay": 1)')


def _check_delay(c: _Checker, e: Mapping, where: str) -> bool:
    """Whether the edge is meant to be delayed (a bad ``delay`` is reported with its place,
    once: the edge then counts as delayed, so it raises no second error)."""
    if e.get("delay") is None:
        return False
    v = e["delay"]
    place = f"{where}.delay"
    if not _is_number(v) or isinstance(v, float) and not (math.isfinite(v) and v.is_integer()):
        c.err(place, f"expected a whole number of steps (1 or more), got {_describe(v)}")
    elif v < 1:
        c.err(place, f"must be at least 1 step, got {v} (leave it out for an edge within the same step)")
    elif v > MAX_DELAY:
        c.err(place, f"must be at most {MAX_DELAY} steps, got {v}")
    return True


def _check_training(c: _Checker, tr: Mapping) -> None:
    w = "training"
    for key in tr:
        if key not in TRAINING_KEYS:
            c.err(f"{w}.{key}", f'unknown setting (known: {", ".join(TRAINING_KEYS)})')
    c.choice(tr, "loss", w, losses.NAMES, "loss")
    c.choice(tr, "optimizer", w, optimizers.NAMES, "optimizer")
    c.number(tr, "learning_rate", w, lo=0, lo_open=True)
    c.number(tr, "batch_size", w, lo=1, integer=True)
    c.number(tr, "seed", w, lo=0, integer=True)
    c.number(tr, "l1", w, lo=0)
    c.number(tr, "l2", w, lo=0)
    c.number(tr, "clip", w, lo=0, lo_open=True, nullable=True)
    c.number(tr, "bptt", w, lo=1, hi=sequences.MAX_LENGTH, integer=True, nullable=True)
    if "shuffle" in tr and not isinstance(tr["shuffle"], bool):
        c.err(f"{w}.shuffle", f"expected true or false, got {_describe(tr['shuffle'])}")
    if "init" in tr:
        try:
            initializers.parse(tr["init"])
        except ValueError as exc:
            c.err(f"{w}.init", str(exc))


def _inline_width(data: Mapping) -> int | None:
    rows = data.get("points") if "points" in data else data.get("train")
    if isinstance(rows, list) and rows and isinstance(rows[0], list):
        return len(rows[0])
    return None


def _check_rows(c: _Checker, rows, where: str, width: int | None) -> int | None:
    if not isinstance(rows, list):
        c.err(where, f"expected a list of rows, got {_describe(rows)}")
        return width
    if len(rows) > MAX_ROWS:
        c.err(where, f"{len(rows)} rows is more than nnsim handles ({MAX_ROWS})")
        return width
    for r, row in enumerate(rows):
        if not isinstance(row, list) or not row:
            c.err(f"{where}[{r}]", f"expected a row [x, y] or [x1, x2, label], got {_describe(row)}")
            return width
        if width is None:
            width = len(row)
            if width not in (2, 3):
                c.err(f"{where}[{r}]", f"rows need 2 values [x, y] or 3 [x1, x2, label], got {width}")
                return width
        if len(row) != width:
            c.err(f"{where}[{r}]", f"{len(row)} values where the rows before have {width}")
            return width
        for j, v in enumerate(row):
            if not _is_number(v):
                c.err(f"{where}[{r}][{j}]", f"expected a number, got {_describe(v)}")
                return width
            if not math.isfinite(v):
                c.err(f"{where}[{r}][{j}]", f"not a finite number ({v})")
                return width
    return width


def _sequence_width(data: Mapping) -> int | None:
    items = data.get("sequences")
    if isinstance(items, list) and items and isinstance(items[0], Mapping):
        x = items[0].get("x")
        if isinstance(x, list) and x:
            return len(x[0]) if isinstance(x[0], list) else 1
    return None


def _check_data(c: _Checker, data: Mapping) -> None:
    w = "data"
    for key in data:
        if key not in DATA_KEYS:
            c.err(f"{w}.{key}", f'unknown setting (known: {", ".join(DATA_KEYS)})')
    inline = isinstance(data.get("sequences"), list)
    sources = [k for k in ("dataset", "csv", "points", "train") if k in data]
    if inline:
        sources.append("sequences")
    if len(sources) > 1:
        c.err(w, f'give one source of data, not {" and ".join(sources)}')
    if "task" in data and data["task"] not in ("classification", "regression"):
        c.err(f"{w}.task", f'expected "classification" or "regression", got {_describe(data["task"])}')
    c.number(data, "test_fraction", w, lo=0, hi=0.95)
    c.number(data, "seed", w, lo=0, integer=True)
    if "csv" in data:
        if not isinstance(data["csv"], str) or not data["csv"]:
            c.err(f"{w}.csv", f"expected a file path, got {_describe(data['csv'])}")
        inputs = data.get("inputs")
        if not isinstance(inputs, list) or not inputs or not all(isinstance(v, str) for v in inputs):
            c.err(f"{w}.inputs", "expected a list of CSV column names")
        if not isinstance(data.get("target"), str):
            c.err(f"{w}.target", "expected the CSV column name of the target")
        return
    if "points" in data:
        _check_rows(c, data["points"], f"{w}.points", None)
        return
    if "train" in data:
        width = _check_rows(c, data["train"], f"{w}.train", None)
        if "test" in data:
            _check_rows(c, data["test"], f"{w}.test", width)
        return
    if inline:
        try:
            sequences.inline(data["sequences"])
        except ValueError as exc:
            c.err("", str(exc))
        return
    name = data.get("dataset")
    if name in sequences.TASKS:
        params = {k: data[k] for k in sequences.PARAMETERS[name] if data.get(k) is not None}
        why = sequences.parameter_problem(name, data.get("sequences", sequences.DEFAULTS["sequences"]),
                                          data.get("length", sequences.DEFAULTS["length"]), params)
        if why:
            c.err("", why)
        return
    c.choice(data, "dataset", w, datasets.NAMES + sequences.TASKS, "dataset")
    c.number(data, "samples", w, lo=1, hi=MAX_SAMPLES, integer=True)
    c.number(data, "noise", w, lo=0, hi=10)
    c.number(data, "classes", w, lo=2, hi=10, integer=True)


def check(doc) -> None:
    """Raise :class:`DocumentError` listing every problem of ``doc``."""
    errs = problems(doc)
    if errs:
        raise DocumentError(errs)


def training_problems(doc: Mapping) -> list[str]:
    """Why a valid drawing cannot be trained yet (empty when it can)."""
    net = doc.get("network", {})
    nodes = net.get("nodes", [])
    edges = [(e["source"], e["target"]) for e in net.get("edges", [])]
    kind = {n["id"]: n.get("kind", "hidden") for n in nodes}
    inputs = [i for i, k in kind.items() if k == "input"]
    outputs = [i for i, k in kind.items() if k == "output"]
    out: list[str] = []
    if not inputs:
        out.append("the network has no input neuron")
    if not outputs:
        out.append("the network has no output neuron")
    if out:
        return out
    into = {t for _, t in edges}
    for o in outputs:
        if o not in into:
            out.append(f'output "{o}" has no incoming connection')
    # is every output reachable from some input?
    succ: dict[str, list[str]] = {}
    for s, t in edges:
        succ.setdefault(s, []).append(t)
    seen = set(inputs)
    stack = list(inputs)
    while stack:
        for m in succ.get(stack.pop(), ()):
            if m not in seen:
                seen.add(m)
                stack.append(m)
    for o in outputs:
        if o in into and o not in seen:
            out.append(f'no path from any input to output "{o}"')
    softmax = [n for n in nodes if n.get("kind") == "output" and n.get("activation") == "softmax"]
    if softmax and len(softmax) != len(outputs):
        out.append("softmax outputs cannot be mixed with other outputs")
    if len(softmax) == 1:
        out.append("softmax needs one output neuron per class (at least two)")
    loss = doc.get("training", {}).get("loss")
    if loss == "cross_entropy" and not softmax and len(outputs) > 1:
        out.append("cross-entropy with several outputs needs softmax outputs")
    data = doc.get("data", {})
    sequence_data = sequences.is_sequence_spec(data)
    if any(e.get("delay") for e in net.get("edges", [])) and not sequence_data:
        out.append("a recurrent network needs sequence data: a sequence task (echo, temporal-xor, "
                   "sine-next, parity) or inline sequences")
    if sequence_data:
        bn = [n["id"] for n in nodes if n.get("batch_norm")]
        if bn:
            out.append(f'batch normalisation is not available for sequences (neuron "{bn[0]}")')
    mismatch = class_mismatch(doc)
    if mismatch:
        out.append(mismatch)
    return out


def class_mismatch(doc: Mapping) -> str | None:
    """``"data: 4 classes but the network has 3 softmax outputs"`` when the data's classes
    do not fit the outputs (softmax: one output per class; a single output: two classes),
    else None. Trained anyway, the targets would merge classes and the accuracy would
    mislead. Unlike the other training problems this is not an unfinished drawing but a
    contradiction in the file, so ``nnsim check`` reports it as an error. A CSV file's
    classes are known only once it is read: the trainer checks those."""
    net = doc.get("network", {})
    outputs = [n for n in net.get("nodes", []) if n.get("kind") == "output"]
    softmax = [n for n in outputs if n.get("activation") == "softmax"]
    if not outputs or (softmax and len(softmax) != len(outputs)):
        return None                   # reported above as its own problem
    data = doc.get("data", {})
    loss = doc.get("training", {}).get("loss")
    classes = datasets.class_count(data if isinstance(data, Mapping) else {}, loss)
    if classes is None:
        return None
    return datasets.class_mismatch(classes, len(outputs), bool(softmax))
