"""A file saved after training: the trained values where every reader looks (edges, nodes),
the run's epoch and the document's own start values in its ``trained`` block."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from simulator.document import DocumentError, check, lessons, load, mlp, problems, save
from simulator.document import trained
from simulator.engine import Network, datasets, params
from simulator.engine.trainer import Trainer

ROOT = Path(__file__).resolve().parents[2]


def trained_file(doc, epochs=20):
    t = Trainer.from_document(doc)
    t.run(epochs=epochs)
    state = params.read(t.net)
    state.update(epoch=t.epoch, steps=t.steps)
    return t, trained.attach(doc, state)


def test_attach_then_detach_gives_back_the_document_and_the_run():
    doc = lessons.load_lesson("chain-rule")            # a lesson that gives its start weights
    t, saved = trained_file(doc, 5)
    check(saved)
    start, state = trained.detach(saved)
    assert start == doc
    assert state["epoch"] == 5 and state["steps"] == t.steps
    assert state["weights"] == params.read(t.net)["weights"]
    # the start values the lesson gave are kept apart from the trained ones
    given = {(e["source"], e["target"]): e["weight"] for e in doc["network"]["edges"] if "weight" in e}
    assert given and {(e["source"], e["target"]): e["weight"] for e in saved["trained"]["initial"]["edges"]} == given


def test_any_reader_gets_the_trained_network():
    doc = lessons.load_lesson("xor")
    t, saved = trained_file(doc, 30)
    X = datasets.make("xor", samples=50, noise=0.1, seed=3)[0]
    net = Network.from_document(json.loads(json.dumps(saved)))   # the Python API, as a notebook
    assert np.allclose(net.forward(X), t.net.forward(X), rtol=0, atol=1e-15)


def test_prelu_and_batch_norm_come_back_exactly():
    doc = mlp([2, 3, 1], hidden="prelu")
    for n in doc["network"]["nodes"]:
        if n["kind"] == "hidden":
            n["batch_norm"] = True
    doc["data"] = {"dataset": "circles", "samples": 100, "noise": 0.1, "test_fraction": 0.5, "seed": 0}
    t, saved = trained_file(doc, 15)
    start, state = trained.detach(json.loads(json.dumps(saved)))
    back = Trainer.from_document(start)
    params.write(back.net, state)
    assert back.evaluate()["train_loss"] == t.evaluate()["train_loss"]
    assert params.node_params(back.net) == params.node_params(t.net)


@pytest.mark.parametrize("block,place", [
    ({"epoch": -1}, "trained.epoch"),
    ({"epoch": 3, "speed": 1}, "trained.speed"),
    ({"epoch": 3, "initial": {"edges": [{"source": "x1", "target": "y", "weight": 1}]}}, "trained.initial.edges[0]"),
    ({"epoch": 3, "initial": {"nodes": [{"id": "h9", "bias": 1}]}}, "trained.initial.nodes[0].id"),
    ({"epoch": 3, "batch_norm": [{"id": "h1", "scale": 1, "mean": 0, "var": -1}]}, "trained.batch_norm[0].var"),
])
def test_a_bad_trained_block_is_refused_with_its_place(block, place):
    doc = lessons.load_lesson("xor")
    doc["trained"] = block
    found = problems(doc)
    assert found and any(p.startswith(place) for p in found), found
    with pytest.raises(DocumentError):
        check(doc)


def test_train_save_continues_the_run(tmp_path):
    first, second = tmp_path / "a.nnsim.json", tmp_path / "b.nnsim.json"
    for src, out, epochs in (("xor", first, 30), (str(first), second, 20)):
        r = subprocess.run([sys.executable, "main.py", "train", src, "--epochs", str(epochs), "--json",
                            "--save", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["epochs"] == 50
    saved = load(second)
    assert saved["trained"]["epoch"] == 50
    # the document as drawn is the lesson's: its start is unchanged by the two runs
    assert trained.detach(saved)[0]["network"] == lessons.load_lesson("xor")["network"]
    save(saved, tmp_path / "c.nnsim.json")                      # saves again as it is
