"""Comparisons as a user writes them, and the variants' documents.

A comparison varies one thing of the open document: its seed (``"0-15"``, ``"0,3,7"``), its
learning rate (``"0.01,0.1,1"``), its hidden neurons' activation (``"step,sigmoid"``), or
its drawing (other documents, or the ``variants`` a lesson declares). The command line,
the window and a lesson's ``compare`` block all go through here; bad input raises
ValueError with one line that says what is wrong.

A lesson declares its comparison in a top-level ``compare`` block::

    "compare": {"seeds": "0-15", "epochs": 300}
    "compare": {"learning_rates": [0.003, 0.03, 0.3, 3]}
    "compare": {"activations": ["step", "sigmoid"]}
    "compare": {"variants": [{"label": "one neuron", "network": {...}}, {"label": "2-2-1"}]}

A ``variants`` entry is a patch of the document: ``network`` replaces the drawing,
``training`` and ``data`` change the keys they give; ``i18n`` translates its ``label``.
"""
from __future__ import annotations

import copy
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..engine import activations, sequences
from ..engine.compare import MAX_VARIANTS, Variant

#: What a comparison may vary, as the ``compare`` block and the window name them.
KINDS = ("seeds", "learning_rates", "activations", "variants")
#: Default lists the window offers when a document declares none.
DEFAULTS = {"seeds": "0-15", "learning_rates": "0.01, 0.1, 1, 10", "activations": "step, sigmoid, tanh, relu"}

_RANGE = re.compile(r"^\s*(-?\d+)\s*-\s*(-?\d+)\s*$")


def _items(text: str) -> list[str]:
    if not isinstance(text, str):
        raise ValueError(f"expected a list, got {text!r}")
    items = [s.strip() for s in text.split(",")]
    if not any(items):
        raise ValueError("the list is empty")
    if "" in items:
        raise ValueError(f'"{text.strip()}" has an empty item')
    return items


def _count(n: int) -> None:
    if n > MAX_VARIANTS:
        raise ValueError(f"{n} variants: at most {MAX_VARIANTS} can be compared")


def _no_repeats(values: Sequence, shown: Callable = str) -> None:
    seen = set()
    for v in values:
        if v in seen:
            raise ValueError(f"{shown(v)} appears twice")
        seen.add(v)


def parse_seeds(text: str) -> list[int]:
    """``"0-15"``, ``"0,3,7"``, ``"0-3,8"`` -> seeds (whole numbers >= 0)."""
    seeds: list[int] = []
    for item in _items(text):
        m = _RANGE.match(item)
        if m:
            lo, hi = int(m.group(1)), int(m.group(2))
            if hi < lo:
                raise ValueError(f'"{item}" is an empty range (did you mean {hi}-{lo}?)')
            if lo < 0:
                raise ValueError(f'"{item}": seeds are whole numbers from 0')
            _count(len(seeds) + hi - lo + 1)
            seeds.extend(range(lo, hi + 1))
            continue
        try:
            seed = int(item)
        except ValueError:
            raise ValueError(f'"{item}" is not a seed (a whole number from 0, or a range like 0-15)') from None
        if seed < 0:
            raise ValueError(f'"{item}": seeds are whole numbers from 0')
        seeds.append(seed)
    _count(len(seeds))
    _no_repeats(seeds, lambda s: f"seed {s}")
    return seeds


def parse_learning_rates(text: str) -> list[float]:
    """``"0.01,0.1,1,10"`` -> learning rates (numbers > 0)."""
    rates: list[float] = []
    for item in _items(text):
        try:
            rate = float(item)
        except ValueError:
            raise ValueError(f'"{item}" is not a number') from None
        if not math.isfinite(rate) or rate <= 0:
            raise ValueError(f'"{item}": a learning rate must be a number greater than 0')
        rates.append(rate)
    _count(len(rates))
    _no_repeats(rates, lambda r: f"the learning rate {r:g}")
    return rates


def parse_activations(text: str) -> list[str]:
    """``"step,sigmoid"`` -> activation names a hidden neuron may use."""
    names = [item.lower() for item in _items(text)]
    for name in names:
        if name not in activations.HIDDEN:
            raise ValueError(f'unknown activation "{name}" (known: {", ".join(activations.HIDDEN)})')
    _count(len(names))
    _no_repeats(names)
    return names


def refusal(doc: Mapping) -> str | None:
    """Why a document cannot be compared, or None: comparisons train feed-forward networks
    on points (a recurrent network, or sequence data, trains one run at a time)."""
    edges = (doc.get("network") or {}).get("edges") or []
    if any(isinstance(e, Mapping) and e.get("delay") for e in edges):
        return "comparisons train feed-forward networks; this one is recurrent (it has delayed connections)"
    if sequences.is_sequence_spec(doc.get("data") or {}):
        return "comparisons train on points; this document's data are sequences"
    return None


PARSERS = {"seeds": parse_seeds, "learning_rates": parse_learning_rates, "activations": parse_activations}


def parse(kind: str, text: str) -> list:
    """The values of a list of ``kind`` ("seeds", "learning_rates", "activations")."""
    return PARSERS[kind](text)


def format_values(kind: str, values: Sequence) -> str:
    """Values written back as the user would type them: runs of seeds as ranges."""
    if kind == "seeds":
        parts, run = [], []
        for s in values:
            if run and s == run[-1] + 1:
                run.append(s)
                continue
            if run:
                parts.append(f"{run[0]}-{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)))
            run = [s]
        if run:
            parts.append(f"{run[0]}-{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)))
        return ", ".join(parts)
    if kind == "learning_rates":
        return ", ".join(f"{v:g}" for v in values)
    return ", ".join(str(v) for v in values)


# the variants' documents ------------------------------------------------------------------------
def _base(doc: Mapping) -> dict:
    out = copy.deepcopy(dict(doc))
    out.pop("compare", None)          # a variant is one run, not another comparison
    return out


def seed_variants(doc: Mapping, seeds: Sequence[int]) -> list[Variant]:
    out = []
    for s in seeds:
        d = _base(doc)
        d.setdefault("training", {})["seed"] = int(s)
        out.append(Variant(f"seed {s}", d, "seed", int(s)))
    return out


def learning_rate_variants(doc: Mapping, rates: Sequence[float]) -> list[Variant]:
    out = []
    for r in rates:
        d = _base(doc)
        d.setdefault("training", {})["learning_rate"] = float(r)
        out.append(Variant(f"α = {r:g}", d, "learning_rate", float(r)))
    return out


def activation_variants(doc: Mapping, names: Sequence[str]) -> list[Variant]:
    """Every hidden neuron of the document with each activation in turn."""
    out = []
    for name in names:
        d = _base(doc)
        for n in d.get("network", {}).get("nodes", []):
            if n.get("kind", "hidden") == "hidden":
                n["activation"] = name
        out.append(Variant(name, d, "activation", name))
    return out


def patched(doc: Mapping, patch: Mapping) -> dict:
    """``doc`` with a ``variants`` entry applied: a new drawing, changed settings."""
    d = _base(doc)
    if "network" in patch:
        d["network"] = copy.deepcopy(patch["network"])
    for key in ("training", "data"):
        if key in patch:
            d[key] = {**(d.get(key) or {}), **copy.deepcopy(patch[key])}
    return d


def lesson_variants(doc: Mapping, entries: Sequence[Mapping]) -> list[Variant]:
    out = []
    for k, e in enumerate(entries):
        d = patched(doc, e)
        label = e.get("label") or d.get("title") or f"variant {k + 1}"
        labels = {lang: t["label"] for lang, t in (e.get("i18n") or {}).items() if t.get("label")}
        out.append(Variant(label, d, "document", k, labels))
    return out


def document_variants(doc: Mapping, label: str, others: Sequence[tuple[str, Mapping, object]],
                      base_dir=None) -> list[Variant]:
    """The document itself, then each of ``others`` ((label, document, folder of its
    relative paths) triples)."""
    _count(1 + len(others))
    out = [Variant(label, _base(doc), "document", 0, base_dir=base_dir)]
    for k, (name, other, folder) in enumerate(others):
        out.append(Variant(name, _base(other), "document", k + 1, base_dir=folder))
    return out


def variants(doc: Mapping, kind: str, values: Sequence) -> list[Variant]:
    """The variants of ``doc`` for a list of ``kind`` (values as :func:`parse` returns)."""
    if kind == "seeds":
        return seed_variants(doc, values)
    if kind == "learning_rates":
        return learning_rate_variants(doc, values)
    if kind == "activations":
        return activation_variants(doc, values)
    if kind == "variants":
        return lesson_variants(doc, values)
    raise ValueError(f'cannot vary "{kind}" (known: {", ".join(KINDS)})')


# the compare block ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Declared:
    """A document's own comparison: what it varies, the values, the epochs to train."""

    kind: str
    values: tuple
    epochs: int | None = None

    def text(self) -> str:
        """The values as the window's list field shows them (not for ``variants``)."""
        return format_values(self.kind, self.values) if self.kind != "variants" else ""


def declared(doc: Mapping) -> Declared | None:
    """The comparison the document declares in its ``compare`` block, or None (a document
    is validated before it is used: a bad block does not get this far)."""
    block = doc.get("compare") if isinstance(doc, Mapping) else None
    if not isinstance(block, Mapping):
        return None
    kinds = [k for k in KINDS if k in block]
    if len(kinds) != 1:
        return None
    kind = kinds[0]
    raw = block[kind]
    try:
        values = tuple(raw) if kind == "variants" else tuple(_values(kind, raw))
    except (ValueError, TypeError):
        return None
    epochs = block.get("epochs")
    return Declared(kind, values, int(epochs) if isinstance(epochs, int) and not isinstance(epochs, bool) else None)


def _values(kind: str, raw) -> list:
    if isinstance(raw, str):
        return parse(kind, raw)
    if not isinstance(raw, list):
        raise ValueError(f"expected a list or a text like the command line's, got {type(raw).__name__}")
    return parse(kind, ",".join(str(v) for v in raw)) if raw else parse(kind, "")


def block_problems(doc: Mapping, check: Callable[[Mapping], list[str]]) -> list[str]:
    """What is wrong with the document's ``compare`` block, each with its place;
    ``check`` validates a variant's whole document (validate.problems)."""
    block = doc.get("compare")
    if not isinstance(block, Mapping):
        return [f"compare: expected an object, got {type(block).__name__}"]
    errors = []
    kinds = [k for k in KINDS if k in block]
    unknown = [k for k in block if k not in KINDS + ("epochs",)]
    for k in unknown:
        errors.append(f"compare.{k}: unknown key (known: {', '.join(KINDS)}, epochs)")
    if len(kinds) != 1:
        errors.append(f"compare: give exactly one of {', '.join(KINDS)}")
    epochs = block.get("epochs")
    if "epochs" in block and (isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1):
        errors.append(f"compare.epochs: expected a whole number from 1, got {epochs!r}")
    for kind in kinds:
        raw = block[kind]
        if kind != "variants":
            try:
                _values(kind, raw)
            except ValueError as exc:
                errors.append(f"compare.{kind}: {exc}")
            continue
        if not isinstance(raw, list) or not raw:
            errors.append("compare.variants: expected a list of variants")
            continue
        if len(raw) > MAX_VARIANTS:
            errors.append(f"compare.variants: {len(raw)} variants, at most {MAX_VARIANTS}")
        for k, entry in enumerate(raw):
            where = f"compare.variants[{k}]"
            if not isinstance(entry, Mapping):
                errors.append(f"{where}: expected an object")
                continue
            bad = [key for key in entry if key not in ("label", "i18n", "network", "training", "data")]
            for key in bad:
                errors.append(f"{where}.{key}: unknown key (known: label, i18n, network, training, data)")
            if "label" in entry and not isinstance(entry["label"], str):
                errors.append(f"{where}.label: expected a string")
            for key in ("network", "training", "data"):
                if key in entry and not isinstance(entry[key], Mapping):
                    errors.append(f"{where}.{key}: expected an object")
            if any(key in entry and not isinstance(entry[key], Mapping) for key in ("network", "training", "data")):
                continue
            errors += [f"{where}.{e}" for e in check(patched(doc, entry))]
    return errors
