"""The command line: train, check, lessons; bad input is one line on stderr and exit 2."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import cli

ROOT = Path(__file__).resolve().parents[2]


def nnsim(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_lessons_lists_ids_with_a_description():
    r = nnsim("lessons")
    assert r.returncode == 0
    ids = [line.split()[0] for line in r.stdout.splitlines()]
    assert ids[:3] == ["and", "xor", "circles"]
    assert all(" — " in line for line in r.stdout.splitlines())


def test_train_json_reports_the_metrics(tmp_path):
    out = tmp_path / "trained.nnsim.json"
    r = nnsim("train", "xor", "--epochs", "200", "--json", "--save", out)
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    for key in ("epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy",
                "epochs_per_second", "layer_gradient_norms", "dead_relu_fraction", "diverged"):
        assert key in m
    assert m["epochs"] == 200 and m["train_accuracy"] == 1.0 and m["diverged"] is False
    assert len(m["layer_gradient_norms"]) == 2
    saved = json.loads(out.read_text())
    assert all("weight" in e for e in saved["network"]["edges"])
    # training the saved file goes on from the trained weights
    r2 = nnsim("train", out, "--epochs", "0", "--json")
    assert json.loads(r2.stdout)["train_loss"] == pytest.approx(m["train_loss"], rel=1e-9)


def test_train_regression_reports_r2():
    m = json.loads(nnsim("train", "square", "--epochs", "50", "--json").stdout)
    assert "train_r2" in m and "train_accuracy" not in m


def test_train_text_shows_a_dash_for_what_it_cannot_measure(tmp_path, capsys):
    """No test points: the summary says — for the test loss and accuracy, not nan."""
    doc = json.loads((ROOT / "resources" / "lessons" / "xor.nnsim.json").read_text())
    doc["data"]["test_fraction"] = 0.0
    path = tmp_path / "no-test.nnsim.json"
    path.write_text(json.dumps(doc))
    assert cli.main(["train", str(path), "--epochs", "2"]) == 0
    printed = capsys.readouterr().out
    assert "nan" not in printed
    assert re.search(r"train loss 0\.\d+   test loss —\n  train accuracy \d+\.\d%   test accuracy —\n", printed)


def test_check_a_good_file():
    r = nnsim("check", ROOT / "resources/lessons/xor.nnsim.json")
    assert r.returncode == 0 and "valid" in r.stdout


def write(tmp_path, text, name="bad.nnsim.json"):
    p = tmp_path / name
    p.write_text(text) if isinstance(text, str) else p.write_bytes(text)
    return p


GOOD = {"format": "nnsim", "version": 1,
        "network": {"nodes": [{"id": "x1", "kind": "input", "feature": "x1"},
                              {"id": "x2", "kind": "input", "feature": "x2"},
                              {"id": "y", "kind": "output", "activation": "sigmoid"}],
                    "edges": [{"source": "x1", "target": "y"}, {"source": "x2", "target": "y"}]},
        "training": {"loss": "bce"}, "data": {"dataset": "and", "samples": 40}}


def variant(**changes):
    doc = json.loads(json.dumps(GOOD))
    for path, value in changes.items():
        obj = doc
        keys = path.split("__")
        for k in keys[:-1]:
            obj = obj[int(k)] if k.isdigit() else obj[k]
        obj[int(keys[-1]) if keys[-1].isdigit() else keys[-1]] = value
    return json.dumps(doc)


BAD = [
    ("empty file", "", "empty"),
    ("not JSON", "{nope", "not valid JSON"),
    ("wrong format", variant(format="onnx"), "format"),
    ("unknown version", variant(version=7), "newer nnsim"),
    ("missing node", variant(network__edges__0__source="h7"), 'no node "h7"'),
    ("duplicate id", variant(network__nodes__1__id="x1"), "duplicate id"),
    ("cycle", json.dumps({**GOOD, "network": {"nodes": GOOD["network"]["nodes"] + [
        {"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b"},
                                             {"source": "b", "target": "a"}]}}), "cycle"),
    ("unknown activation", variant(network__nodes__2__activation="swish"), "unknown activation"),
    ("unknown loss", variant(training__loss="hinge"), "unknown loss"),
    ("unknown optimizer", variant(training__optimizer="lbfgs"), "unknown optimizer"),
    ("non-numeric", variant(training__learning_rate="fast"), "expected a number"),
    ("NaN", variant(network__edges__0__weight=float("nan")), "not a finite number"),
    ("negative batch", variant(training__batch_size=-1), "batch_size"),
    ("missing CSV file", variant(data={"csv": "missing.csv", "inputs": ["a"], "target": "y"}),
     "CSV file not found"),
]


@pytest.mark.parametrize("name,text,message", BAD, ids=[b[0] for b in BAD])
@pytest.mark.parametrize("command", ["check", "train"])
def test_bad_input_one_line_exit_2(tmp_path, name, text, message, command):
    p = write(tmp_path, text)
    r = nnsim(command, p)
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.stderr
    assert "Traceback" not in r.stderr


def test_missing_csv_column(tmp_path):
    (tmp_path / "d.csv").write_text("a,b,y\n1,2,0\n3,4,1\n")
    p = write(tmp_path, variant(
        network__nodes__0__feature="a", network__nodes__1__feature="c",
        data={"csv": "d.csv", "inputs": ["a", "c"], "target": "y"}))
    for command in ("train", "check"):
        r = nnsim(command, p)
        assert r.returncode == 2 and 'no column "c"' in r.stderr and "Traceback" not in r.stderr


def test_check_reads_the_csv_as_training_would(tmp_path):
    (tmp_path / "d.csv").write_text("a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n")
    good = write(tmp_path, variant(network__nodes__0__feature="a", network__nodes__1__feature="b",
                                   data={"csv": "d.csv", "inputs": ["a", "b"], "target": "y"}), "good.nnsim.json")
    r = nnsim("check", good)
    assert r.returncode == 0 and "valid" in r.stdout, r.stderr
    # input neurons asking for x1, x2 of a one-column CSV: train refuses, so check does too
    one = write(tmp_path, variant(data={"csv": "d.csv", "inputs": ["a"], "target": "y"}), "one.nnsim.json")
    r = nnsim("check", one)
    assert r.returncode == 2 and 'input feature "x1"' in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args,message", [
    (["train"], "the following arguments are required"),
    (["train", "xor", "--epochs", "many"], "invalid int value"),
    (["train", "no-such-lesson"], 'no file or lesson called "no-such-lesson"'),
    (["check", "/no/such/file.nnsim.json"], "no such file"),
    (["train", "xor", "--epochs", "-3"], "--epochs"),
])
def test_bad_arguments(args, message):
    r = nnsim(*args)
    assert r.returncode == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_untrainable_network_says_why(tmp_path):
    p = write(tmp_path, variant(network__edges=[]))
    r = nnsim("train", p)
    assert r.returncode == 2 and 'output "y" has no incoming connection' in r.stderr
