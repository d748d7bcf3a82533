"""Shared pieces of the code-export tests: programs generated and imported in-process,
torch (skipped when it is not installed) kept to one thread (the machine is shared)."""
import types

import numpy as np
import pytest

from simulator import codegen
from simulator.document import check, normalise


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
