"""Shared pieces of the code-export tests: programs generated and imported in-process,
torch (skipped when it is not installed) kept to one thread (the machine is shared)."""
import json
import runpy
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from simulator import cli, codegen
from simulator.document import check, lessons, normalise


def load_program(text: str, name: str = "exported") -> types.ModuleType:
    """Import a generated program from its text, as `import` would (no file, no subprocess)."""
    module = types.ModuleType(name)
    exec(compile(text, f"<{name}>", "exec"), module.__dict__)
    return module


def program(doc, framework: str, base_dir=None, **build) -> types.ModuleType:
    spec = codegen.build(doc, base_dir, **build)
    return load_program(codegen.generate(spec, framework))


def outputs(module, framework: str, X: np.ndarray) -> np.ndarray:
    """The program's outputs for raw inputs X, as a NumPy array."""
    model = module.build_model()
    if framework == "numpy":
        return model(X)
    import torch
    model.eval()
    with torch.no_grad():
        return model(torch.tensor(X)).numpy()


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    a, b = np.asarray(a, float), np.asarray(b, float)
    assert a.shape == b.shape
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-12))) if a.size else 0.0


def document(nodes, edges, training=None, data=None) -> dict:
    """A valid document from short node/edge lists."""
    doc = {"format": "nnsim", "version": 1,
           "network": {"nodes": nodes, "edges": [{"source": s, "target": t} for s, t in edges]},
           "training": training or {},
           "data": data or {"dataset": "xor", "samples": 60, "noise": 0.2}}
    check(doc)
    return normalise(doc)


def inp(i, feature=None):
    return {"id": i, "kind": "input", "feature": feature or i}


def hid(i, act="tanh", **extra):
    return {"id": i, "kind": "hidden", "activation": act, **extra}


def out(i, act="sigmoid", **extra):
    return {"id": i, "kind": "output", "activation": act, **extra}


@pytest.fixture(scope="session")
def torch():
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)      # tiny matrices: threads only cost time on a shared machine
    return torch


@pytest.fixture(params=["numpy", "pytorch"])
def framework(request):
    if request.param == "pytorch":
        request.getfixturevalue("torch")
    return request.param


# What `train --json` prints of the run itself, not of the network: the exported programs
# leave it out (see their last lines), for feed-forward networks as for recurrent ones.
NOT_IN_THE_PROGRAM = {"layer_gradient_norms", "dead_relu_fraction", "divergence", "warning",
                      "time_gradient_norms", "epochs_per_second"}


class Printed(dict):
    """A script's last line, read as JSON, with all it printed (``printed``)."""
    printed = ""


def script_and_train_json(target, base, framework, epochs, tmp_path, capsys) -> tuple[dict, dict]:
    """The last line of the untrained export of ``target`` (a lesson or a file) run as a
    script for ``epochs``, and what `nnsim train --json` prints for as many epochs."""
    doc = lessons.load_lesson(target) if base else json.loads(Path(target).read_text())
    path = codegen.export_code(doc, tmp_path / "exported.py", framework, base, epochs=epochs, untrained=True)
    argv = sys.argv
    sys.argv = [str(path), "--epochs", str(epochs)]
    try:
        runpy.run_path(str(path), run_name="__main__")
    finally:
        sys.argv = argv
    printed = capsys.readouterr().out
    last = Printed(json.loads(printed.strip().splitlines()[-1]))
    last.printed = printed
    assert cli.main(["train", str(target), "--epochs", str(epochs), "--json"]) == 0
    return last, json.loads(capsys.readouterr().out)


def assert_same_json(last: dict, expected: dict) -> None:
    assert list(last) == [key for key in expected if key not in NOT_IN_THE_PROGRAM]
    for key, value in last.items():
        want = expected[key]
        if isinstance(want, list):
            assert len(value) == len(want) and all(
                (v is None) == (w is None) and (w is None or v == pytest.approx(w, rel=1e-9))
                for v, w in zip(value, want)), key
        elif want is None:
            assert value is None, key
        else:
            assert value == pytest.approx(want, rel=1e-9), key
