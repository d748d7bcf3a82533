"""``nnsim compare``: variants of a document trained side by side, their results in a table
or as JSON; bad lists are one line on stderr and exit 2."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import cli
from simulator.document import compare as dc
from simulator.document import lessons
from simulator.engine.trainer import Trainer

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"label", "seed", "learning_rate", "activation", "train_loss", "test_loss", "test_accuracy",
        "layer_gradient_norms", "diverged"}


def nnsim(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_json_has_the_documented_keys_and_each_seed_its_single_runs_loss():
    r = nnsim("compare", "xor", "--seeds", "0-2,7", "--epochs", "30", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"epochs", "seconds", "variants"} and out["epochs"] == 30 and out["seconds"] > 0
    assert [v["seed"] for v in out["variants"]] == [0, 1, 2, 7]
    doc = lessons.load_lesson("xor")
    for v in out["variants"]:
        assert set(v) == KEYS
        assert v["label"] == f"seed {v['seed']}" and v["activation"] is None and v["diverged"] is False
        t = Trainer.from_document(dc.seed_variants(doc, [v["seed"]])[0].doc, base_dir=lessons.LESSONS_DIR)
        t.run(epochs=30)
        assert v["train_loss"] == pytest.approx(t.metrics()["train_loss"], rel=1e-9)


def run(capsys, *args):
    code = cli.main(["compare", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_activations_learning_rates_and_regression_keys(capsys):
    code, out, _ = run(capsys, "xor", "--activations", "step,sigmoid", "--epochs", "10", "--json")
    variants = json.loads(out)["variants"]
    assert code == 0 and [v["activation"] for v in variants] == ["step", "sigmoid"]
    assert variants[0]["layer_gradient_norms"][0] == 0.0
    code, out, _ = run(capsys, "sine", "--learning-rates", "0.001, 0.02", "--epochs", "5", "--json")
    variants = json.loads(out)["variants"]
    assert code == 0 and [v["learning_rate"] for v in variants] == [0.001, 0.02]
    assert all("test_r2" in v and "test_accuracy" not in v for v in variants)


def test_the_table_marks_stuck_seeds_and_documents_train_beside_each_other(capsys):
    code, out, _ = run(capsys, "xor", "--seeds", "0,1", "--epochs", "200")
    assert code == 0
    lines = out.splitlines()
    assert "2 variants, 200 epochs" in lines[0]
    assert lines[2].split()[:2] == ["seed", "0"] and lines[2].endswith("stuck")
    assert lines[3].split()[:2] == ["seed", "1"] and "100.0%" in lines[3] and "stuck" not in lines[3]
    code, out, _ = run(capsys, "xor", "--documents", "and", "--epochs", "5")
    assert code == 0 and "trained as 2 groups" in out
    assert [line.split()[0] for line in out.splitlines()[2:]] == ["xor", "and"]


def test_a_lesson_compares_what_it_declares(capsys):
    code, out, _ = run(capsys, "seeds", "--epochs", "3", "--json")
    assert code == 0 and [v["seed"] for v in json.loads(out)["variants"]] == list(range(16))


@pytest.mark.parametrize("args,message", [
    (("--seeds", "5-2"), '--seeds: "5-2" is an empty range (did you mean 2-5?)'),
    (("--seeds", ""), "--seeds: the list is empty"),
    (("--seeds", ","), "--seeds: the list is empty"),
    (("--seeds", "1,,2"), '--seeds: "1,,2" has an empty item'),
    (("--seeds", "a"), '--seeds: "a" is not a seed'),
    (("--seeds", "0-64"), "--seeds: 65 variants: at most 64 can be compared"),
    (("--learning-rates", "a,b"), '--learning-rates: "a" is not a number'),
    (("--learning-rates", "0.1,-1"), '--learning-rates: "-1": a learning rate must be a number greater than 0'),
    (("--learning-rates", ""), "--learning-rates: the list is empty"),
    (("--activations", "sigmoid,foo"), '--activations: unknown activation "foo"'),
    (("--activations", "softmax"), '--activations: unknown activation "softmax"'),
    (("--seeds", "1,1"), "--seeds: seed 1 appears twice"),
    (("--seeds", "1", "--learning-rates", "1"), "not allowed with argument"),
    (("--seeds", "1", "--epochs", "-1"), "--epochs must be 0 or more"),
    (("--documents", "no-such-file.json"), "no-such-file.json"),
    ((), "say what to vary"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, "xor", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("nnsim: error: ") and message in err, err


def test_bad_input_from_the_real_program():
    r = nnsim("compare", "xor", "--seeds", "5-2")
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr == 'nnsim: error: --seeds: "5-2" is an empty range (did you mean 2-5?)\n'


@pytest.mark.parametrize("args", [("echo", "--seeds", "0-3"), ("xor", "--documents", "echo")])
def test_recurrent_networks_are_refused(capsys, args):
    code = cli.main(["compare", *args])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "comparisons train feed-forward networks; this one is recurrent" in err
