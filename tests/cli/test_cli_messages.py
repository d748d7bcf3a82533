"""What `train` and `check` print: counts in the singular, the layer order only when there
are layers to order, no NumPy warnings, and data whose classes do not fit the outputs refused."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def nnsim(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def write(tmp_path, doc, name="doc.nnsim.json"):
    p = tmp_path / name
    p.write_text(json.dumps(doc))
    return p


def lesson(lesson_id):
    return json.loads((ROOT / "resources" / "lessons" / f"{lesson_id}.nnsim.json").read_text(encoding="utf-8"))


ONE_EDGE = {"format": "nnsim", "version": 1,
            "network": {"nodes": [{"id": "x1", "kind": "input", "feature": "x1"},
                                  {"id": "y", "kind": "output", "activation": "sigmoid"}],
                        "edges": [{"source": "x1", "target": "y"}]},
            "training": {"loss": "bce"}, "data": {"dataset": "and", "samples": 40}}


def test_check_counts_one_connection_and_one_neuron_in_the_singular(tmp_path):
    r = nnsim("check", write(tmp_path, ONE_EDGE))
    assert r.returncode == 0 and r.stdout.strip() == "doc.nnsim.json: valid nnsim document (2 neurons, 1 connection)"
    alone = {**ONE_EDGE, "network": {"nodes": ONE_EDGE["network"]["nodes"][:1], "edges": []}}
    r = nnsim("check", write(tmp_path, alone))
    assert r.returncode == 0 and "(1 neuron, 0 connections)" in r.stdout
    assert "no output neuron" in r.stderr                 # an unfinished drawing: a warning


def test_layer_order_is_named_only_with_hidden_layers():
    r = nnsim("train", "and", "--epochs", "3")
    assert r.returncode == 0
    line = next(x for x in r.stdout.splitlines() if "per layer" in x)
    assert "first hidden first" not in line and line.strip().startswith("mean |∂J/∂w| per layer:")
    r = nnsim("train", "xor", "--epochs", "3")
    assert "per layer (first hidden first):" in r.stdout


def test_exploding_gradient_reports_divergence_without_numpy_warnings():
    r = nnsim("train", "exploding-gradient", "--epochs", "30")
    assert r.returncode == 0 and "diverged: gradients exploded in layer 1" in r.stdout
    assert r.stderr == ""


def test_no_lesson_prints_a_runtime_warning():
    code = ("import sys, warnings; warnings.simplefilter('error');"
            "from simulator.cli import main;"
            "from simulator.document import lessons;"
            "sys.exit(max(main(['train', i, '--epochs', '30', '--json']) for i in lessons.ids()))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "Warning" not in r.stderr and r.stderr == ""


@pytest.mark.parametrize("command", ["check", "train"])
def test_four_gauss_classes_on_three_softmax_outputs_are_refused(tmp_path, command):
    doc = lesson("gauss")
    doc["data"]["classes"] = 4
    r = nnsim(command, write(tmp_path, doc, "gauss4.nnsim.json"))
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "data: 4 classes but the network has 3 softmax outputs" in lines[0]
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_gauss_classes_on_a_single_output_are_refused(tmp_path):
    doc = lesson("gauss")
    doc["network"]["nodes"] = [n for n in doc["network"]["nodes"] if n["id"] not in ("y2", "y3")]
    doc["network"]["nodes"][-1]["activation"] = "sigmoid"
    doc["network"]["edges"] = [e for e in doc["network"]["edges"] if e["target"] == "y1"]
    doc["training"]["loss"] = "bce"
    r = nnsim("train", write(tmp_path, doc))
    assert r.returncode == 2 and \
        "data: 3 classes but the network has a single output, which separates two classes" in r.stderr


def test_every_lesson_checks_clean():
    for path in sorted((ROOT / "resources" / "lessons").glob("*.nnsim.json")):
        r = nnsim("check", path)
        assert r.returncode == 0 and r.stderr == "", (path.name, r.stderr)
