"""Every malformed document gets a clear error naming the place."""
import copy

import pytest

from simulator.document import DocumentError, check, lessons, load, loads, mlp, problems


def good():
    doc = mlp([2, 2, 1])
    doc["network"]["edges"][0]["weight"] = 0.5
    return doc


def test_a_good_document_has_no_problems():
    assert problems(good()) == []


CASES = [
    ("wrong format", lambda d: d.update(format="keras"), 'format: expected "nnsim"'),
    ("missing format", lambda d: d.pop("format"), 'missing "format"'),
    ("newer version", lambda d: d.update(version=2), "newer nnsim (format version 2)"),
    ("version not a number", lambda d: d.update(version="1"), "version: expected a whole number"),
    ("missing node id", lambda d: d["network"]["nodes"][2].pop("id"), "network.nodes[2].id: missing"),
    ("edge to nowhere", lambda d: d["network"]["edges"][3].update(target="h9"),
     'network.edges[3].target: no node "h9"'),
    ("duplicate id", lambda d: d["network"]["nodes"][3].update(id="h1"), 'network.nodes[3].id: duplicate id "h1"'),
    ("cycle", lambda d: d["network"]["edges"].extend([{"source": "h1", "target": "h2"},
                                                      {"source": "h2", "target": "h1"}]),
     "cycle: h1 → h2 → h1"),
    ("self loop", lambda d: d["network"]["edges"].append({"source": "h1", "target": "h1"}), "connects to itself"),
    ("into an input", lambda d: d["network"]["edges"].append({"source": "h1", "target": "x1"}), "is an input neuron"),
    ("unknown activation", lambda d: d["network"]["nodes"][2].update(activation="swish"),
     'network.nodes[2].activation: unknown activation "swish"'),
    ("softmax hidden", lambda d: d["network"]["nodes"][2].update(activation="softmax"), "softmax is for output"),
    ("unknown loss", lambda d: d["training"].update(loss="hinge"), 'training.loss: unknown loss "hinge"'),
    ("unknown optimizer", lambda d: d["training"].update(optimizer="rmsprop"),
     'training.optimizer: unknown optimizer "rmsprop"'),
    ("non-numeric weight", lambda d: d["network"]["edges"][0].update(weight="big"),
     'network.edges[0].weight: expected a number, got "big"'),
    ("NaN weight", lambda d: d["network"]["edges"][0].update(weight=float("nan")),
     "network.edges[0].weight: not a finite number"),
    ("negative batch size", lambda d: d["training"].update(batch_size=-5),
     "training.batch_size: must be at least 1"),
    ("fractional batch size", lambda d: d["training"].update(batch_size=2.5), "whole number"),
    ("bool learning rate", lambda d: d["training"].update(learning_rate=True), "expected a number, got true"),
    ("zero learning rate", lambda d: d["training"].update(learning_rate=0), "greater than 0"),
    ("bad init", lambda d: d["training"].update(init="constant:abc"), '"abc" is not a number'),
    ("unknown setting", lambda d: d["training"].update(learning_rat=0.1), "training.learning_rat: unknown setting"),
    ("unknown dataset", lambda d: d["data"].update(dataset="mnist"), 'unknown dataset "mnist"'),
    ("nodes not a list", lambda d: d["network"].update(nodes={}), "network.nodes: expected a list"),
    ("bad pos", lambda d: d["network"]["nodes"][0].update(pos=[1]), "network.nodes[0].pos"),
    ("csv without target", lambda d: d.update(data={"csv": "a.csv", "inputs": ["a"]}), "data.target"),
    ("ragged points", lambda d: d.update(data={"points": [[0, 0, 1], [1, 1]]}), "data.points[1]: 2 values"),
    ("text in points", lambda d: d.update(data={"points": [[0, "a", 1]]}), "data.points[0][1]: expected a number"),
    ("second input on 1-D data", lambda d: d["data"].update(dataset="sine"), '"x2" needs a second input'),
]


@pytest.mark.parametrize("name,mutate,message", CASES, ids=[c[0] for c in CASES])
def test_malformed_documents(name, mutate, message):
    doc = copy.deepcopy(good())
    mutate(doc)
    errs = problems(doc)
    assert errs, "expected a problem"
    assert any(message in e for e in errs), errs
    with pytest.raises(DocumentError):
        check(doc)


@pytest.mark.parametrize("text,message", [
    ("", "empty"),
    ("   ", "empty"),
    ("{not json", "not valid JSON"),
    ("[1, 2]", "one JSON object"),
    ('"text"', "one JSON object"),
    ("[" * 100000 + "]" * 100000, "nested too deeply"),
    (b"\xff\xfe\x00", "not a UTF-8"),
])
def test_unreadable_text(text, message):
    with pytest.raises(DocumentError, match=message):
        loads(text)


def test_nan_literal_is_named():
    text = '{"format":"nnsim","version":1,"network":{"nodes":[{"id":"a","kind":"input"},' \
           '{"id":"b","kind":"output","bias":NaN}],"edges":[]}}'
    with pytest.raises(DocumentError, match=r"network.nodes\[1\].bias: not a finite number"):
        loads(text)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        load(tmp_path / "nope.nnsim.json")
    with pytest.raises(DocumentError, match="is a folder"):
        load(tmp_path)


@pytest.mark.parametrize("lesson_id", lessons.ids())
def test_every_lesson_is_valid(lesson_id):
    doc = lessons.load_lesson(lesson_id)
    assert problems(doc) == []
    assert doc["title"] and doc["description"] and doc["i18n"]["pt_BR"]["title"]
