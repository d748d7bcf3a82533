"""The command line on recurrent documents: train, check and export work; bad delays,
cycles and sequence parameters are one line on stderr and exit 2."""
import json

import pytest

from simulator.document import dumps, elman

from .test_cli import nnsim


def test_train_json_adds_the_sequence_metrics():
    r = nnsim("train", "acyclic-vs-recurrent", "--json")
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["test_accuracy"] >= 0.95 and m["sequence_accuracy"] >= 0.95
    g = m["time_gradient_norms"]
    assert len(g) == 20 and all(v is None or v >= 0 for v in g)    # one per step back, newest first
    assert m["step_accuracy"][0] is None                            # the first step has no target


def test_train_prints_the_gradient_through_time_and_check_says_recurrent(tmp_path):
    r = nnsim("train", "vanishing-through-time", "--epochs", "3")
    assert r.returncode == 0 and "per step back in time (newest first)" in r.stdout
    p = tmp_path / "elman.nnsim.json"
    doc = elman(3)
    doc["data"] = {"dataset": "parity", "sequences": 20, "length": 5}
    p.write_text(dumps(doc))
    r = nnsim("check", p)
    assert r.returncode == 0 and "9 delayed: recurrent" in r.stdout


def bad(tmp_path, change) -> str:
    doc = elman(2)
    doc["data"] = {"dataset": "echo", "sequences": 20, "length": 6}
    change(doc)
    p = tmp_path / "bad.nnsim.json"
    p.write_text(json.dumps(doc))
    return str(p)


def delayed_index(doc) -> int:
    return next(i for i, e in enumerate(doc["network"]["edges"]) if e.get("delay"))


BAD = [
    ("delay 0", lambda d: d["network"]["edges"][delayed_index(d)].update(delay=0), ".delay: must be at least 1"),
    ("delay -1", lambda d: d["network"]["edges"][delayed_index(d)].update(delay=-1), ".delay: must be at least 1"),
    ("delay 1.5", lambda d: d["network"]["edges"][delayed_index(d)].update(delay=1.5), ".delay: expected a whole number"),
    ("delay x", lambda d: d["network"]["edges"][delayed_index(d)].update(delay="x"), ".delay: expected a whole number"),
    ("delay true", lambda d: d["network"]["edges"][delayed_index(d)].update(delay=True), "got true"),
    ("delay huge", lambda d: d["network"]["edges"][delayed_index(d)].update(delay=10 ** 12), "at most 1000"),
    ("cycle", lambda d: d["network"]["edges"].extend([{"source": "h1", "target": "h3"}]) or
     d["network"]["nodes"].append({"id": "h3", "kind": "hidden"}) or
     d["network"]["edges"].append({"source": "h3", "target": "h1"}), "h1 → h3 → h1 has no delayed edge"),
    ("lag 0", lambda d: d["data"].update(lag=0), "data.lag"),
    ("length 1", lambda d: d["data"].update(length=1), "data.length"),
    ("negative sequences", lambda d: d["data"].update(sequences=-4), "data.sequences"),
    ("bad inline", lambda d: d.update(data={"sequences": [{"x": [1, 0], "y": [0]}]}), "data.sequences[0].y"),
    # nothing to learn from: once read as a divergence ("the loss overflowed"), check passed it
    ("no target", lambda d: d.update(data={"sequences": [{"x": [1, 0, 1], "y": [None, None, None]},
                                                         {"x": [0, 1, 1], "y": [None, None, 1]}],
                                           "test_fraction": 0.5, "seed": 0}),
     "no training sequence has a target"),
]


@pytest.mark.parametrize("name,change,message", BAD, ids=[b[0] for b in BAD])
@pytest.mark.parametrize("command", ["check", "train"])
def test_bad_recurrent_input_one_line_exit_2(tmp_path, name, change, message, command):
    r = nnsim(command, bad(tmp_path, change))
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.stderr
    assert "Traceback" not in r.stderr


def test_a_recurrent_network_on_points_cannot_train(tmp_path):
    p = bad(tmp_path, lambda d: d.update(data={"dataset": "xor"}))
    r = nnsim("train", p)
    assert r.returncode == 2 and "a recurrent network needs sequence data" in r.stderr
