"""Fuzzing the document format: random, seeded mutations of valid documents at every level.
Each must be accepted or refused with a message naming what is wrong; an accepted one must
train a step or be refused with a message, as the command line does — never a traceback.
A refused file leaves the window's open document as it was."""
import copy
import json
import math
import os

import numpy as np
import pytest

from simulator.document import DocumentError, lessons, loads, mlp, problems, training_problems
from simulator.engine.trainer import Trainer

CASES = int(os.environ.get("NNSIM_FUZZ_CASES", "400"))
JUNK = [None, True, False, 0, -1, 1.5, -1e308, 1e308, float("nan"), float("inf"), "", "x", "h9",
        "constant:abc", [], {}, [1, 2], {"a": 1}, [[]], "softmax", "relu", -0.0, 10**30, "x1*x2",
        ["x1"], [None, None], "∂J/∂w", 2**63]


def seeds():
    docs = [lessons.load_lesson(i) for i in lessons.ids()]
    docs.append(mlp([2, 3, 1]))
    return docs


def paths(obj, prefix=()):
    """Every (container, key) place in a JSON tree."""
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.append((obj, k, prefix + (k,)))
            out += paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out.append((obj, i, prefix + (i,)))
            out += paths(v, prefix + (i,))
    return out


def mutate(doc, rng):
    doc = copy.deepcopy(doc)
    for _ in range(int(rng.integers(1, 4))):
        places = paths(doc)
        if not places:
            break
        container, key, _ = places[int(rng.integers(len(places)))]
        op = int(rng.integers(8))
        if op == 0 and isinstance(container, dict):
            del container[key]
        elif op == 1 and isinstance(container, list) and container:
            container.append(copy.deepcopy(container[int(rng.integers(len(container)))]))
        elif op == 2 and isinstance(container, dict):
            container["unexpected_" + str(rng.integers(99))] = JUNK[int(rng.integers(len(JUNK)))]
        elif op == 3:                                   # deep nesting
            v = 0
            for _ in range(int(rng.integers(5, 200))):
                v = [v]
            container[key] = v
        elif op == 4 and isinstance(container, list):
            container.reverse()
        else:
            container[key] = copy.deepcopy(JUNK[int(rng.integers(len(JUNK)))])
    return doc


def to_text(doc, rng):
    text = json.dumps(doc, allow_nan=True)
    r = rng.random()
    if r < 0.05:
        return text[: int(len(text) * rng.random())]      # truncated file
    if r < 0.08:
        return text.replace("0.", "NaN", 1)
    return text


def try_training(doc):
    """What `nnsim train` does; returns "ok" or the message it would print."""
    problems_ = training_problems(doc)
    if problems_:
        return problems_[0]
    try:
        t = Trainer.from_document(doc, base_dir=lessons.LESSONS_DIR)
        t.run(steps=2)
        t.metrics()
        t.snapshot()
    except (ValueError, KeyError) as exc:       # the CLI turns these into one line, exit 2
        assert str(exc), "a refusal must say why"
        return str(exc)
    return "ok"


def test_fuzzed_documents_are_accepted_or_refused_with_a_message():
    rng = np.random.default_rng(20261126)
    base = seeds()
    counts = {"tried": 0, "refused": 0, "accepted": 0, "trained": 0, "refused_to_train": 0}
    for _ in range(CASES):
        doc = mutate(base[int(rng.integers(len(base)))], rng)
        counts["tried"] += 1
        try:
            loaded = loads(to_text(doc, rng))
        except DocumentError as exc:
            assert exc.errors and all(isinstance(e, str) and e for e in exc.errors)
            counts["refused"] += 1
            continue
        counts["accepted"] += 1
        assert problems(loaded) == []
        if try_training(loaded) == "ok":
            counts["trained"] += 1
        else:
            counts["refused_to_train"] += 1
    print("fuzz:", counts)
    assert counts["refused"] > CASES / 4 and counts["accepted"] > CASES / 20


@pytest.mark.parametrize("make", [
    lambda: "[" * 50_000 + "]" * 50_000,                                   # deep nesting
    lambda: json.dumps({**mlp([2, 1]), "data": {"points": [[0.1, 0.2, 1]] * 250_000}}),  # 10+ MB
    lambda: json.dumps({**mlp([2, 1]), "data": {"dataset": "xor", "samples": 10**9}}),
    lambda: json.dumps({**mlp([2, 1]), "network": {"nodes": [{"id": str(i)} for i in range(30_000)],
                                                   "edges": []}}),
    lambda: json.dumps({**mlp([2, 1]), "training": {"learning_rate": "fast"}}),
    lambda: json.dumps({**mlp([2, 1]), "network": []}),
    lambda: json.dumps({**mlp([2, 1]), "data": {"points": [[1, 2, math.nan]]}}, allow_nan=True),
])
def test_pathological_files_are_refused_quickly(make):
    import time
    text = make()
    t0 = time.perf_counter()
    with pytest.raises(DocumentError) as info:
        loads(text)
    assert time.perf_counter() - t0 < 10 and str(info.value)


def test_refused_files_leave_the_open_document_untouched(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    w = window
    w.open_lesson("xor", ask=False)
    before = json.dumps(w.model.doc, sort_keys=True)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    rng = np.random.default_rng(7)
    refused = 0
    for k in range(60):
        doc = mutate(lessons.load_lesson("circles"), rng)
        path = tmp_path / f"f{k}.nnsim.json"
        path.write_text(to_text(doc, rng))
        if not w.open_file(path, ask=False):
            refused += 1
            assert json.dumps(w.model.doc, sort_keys=True) == before
        else:                       # accepted: go back to the reference document
            w.open_lesson("xor", ask=False)
    assert refused > 10 and len(shown) == refused
