"""Network gradients against central finite differences on random DAGs with skip
connections, for every activation and every loss, to 1e-6 relative."""
import zlib

import numpy as np
import pytest

from simulator.engine import Network, activations

from .dags import random_dag

KINKED = {"relu", "leaky_relu", "prelu", "step"}


def numeric_gradient(net: Network, X, Y, classification, eps=1e-6):
    """Central differences over every real parameter (absent edges' slots are skipped)."""
    real = np.ones(net.size, bool)
    for L in net.layers:
        for blk in L.blocks:
            if blk.mask is not None:
                real[blk.offset: blk.offset + blk.W_full.size] = blk.mask.ravel() > 0
    p0 = net.params.copy()
    num = np.zeros(net.size)
    for i in np.flatnonzero(real):
        net.params[:] = p0
        net.params[i] += eps
        plus, _ = net.loss_and_gradients(X, Y, classification)
        net.params[:] = p0
        net.params[i] -= eps
        minus, _ = net.loss_and_gradients(X, Y, classification)
        num[i] = (plus - minus) / (2 * eps)
    net.params[:] = p0
    return num, real


def away_from_kinks(net: Network, X, margin=1e-3) -> bool:
    """True when no kinked unit sits within ``margin`` of its kink (f' undefined there)."""
    g, _ = net.node_values(X, train=True)
    for d, nid in enumerate(net.doc_node_ids):
        L = net.layers[net.layer_of[nid]]
        if net.layer_of[nid] == 0:
            continue
        act = next(grp.act for grp in L.groups if grp.lo <= net.local[nid] < grp.hi)
        if act.name in KINKED and np.min(np.abs(g[:, d])) < margin:
            return False
    return True


def check(doc, classification, n_classes=2, seed=0, tries=40):
    rng = np.random.default_rng(seed)
    for _ in range(tries):
        net = Network.from_document(doc)
        X = rng.normal(size=(8, 2))
        Y = rng.integers(0, n_classes, 8).astype(float) if classification else rng.normal(size=8)
        if away_from_kinks(net, X):
            break
    else:
        pytest.skip("no sample away from the kinks")
    loss, grads = net.loss_and_gradients(X, Y, classification)
    analytic = net.grads.copy()
    num, real = numeric_gradient(net, X, Y, classification)
    scale = max(np.abs(num[real]).max(), 1e-8)
    err = np.abs(num - analytic)[real].max() / scale
    assert err <= 1e-6, f"relative error {err:.2e}"
    # the keyed API agrees with the flat buffer
    assert set(grads.weights) == set(net.edges)
    for (s, t), v in grads.weights.items():
        assert v == pytest.approx(analytic[net.edge_index[net.edges.index((s, t))]])
    assert np.isfinite(loss)


@pytest.mark.parametrize("act", activations.HIDDEN)
@pytest.mark.parametrize("output,loss", [("sigmoid", "bce"), ("tanh", "mse"), ("linear", "mse"),
                                         ("tanh", "bce"), ("softplus", "mse")])
def test_random_dags_every_activation_and_loss(act, output, loss):
    rng = np.random.default_rng(zlib.crc32(f"{act}/{output}/{loss}".encode()))
    for trial in range(2):
        doc = random_dag(rng, [act, "tanh"] if trial else [act], output, loss=loss)
        check(doc, classification=loss != "mse", seed=trial)


@pytest.mark.parametrize("loss", ["cross_entropy", "mse", "bce"])
def test_softmax_outputs(loss):
    rng = np.random.default_rng(7)
    doc = random_dag(rng, ["gelu", "elu", "silu"], "softmax", n_out=3, loss=loss)
    check(doc, classification=True, n_classes=3)


@pytest.mark.parametrize("act", ["tanh", "relu", "sigmoid"])
def test_batch_norm(act):
    rng = np.random.default_rng(11)
    doc = random_dag(rng, [act, "linear"], "sigmoid", loss="bce", batch_norm=True)
    check(doc, classification=True)


def test_prelu_output_and_slope_gradient():
    rng = np.random.default_rng(3)
    doc = random_dag(rng, ["prelu"], "prelu", loss="mse")
    check(doc, classification=False)
    net = Network.from_document(doc)
    _, grads = net.loss_and_gradients(rng.normal(size=(6, 2)), rng.normal(size=6), False)
    assert set(grads.slopes) >= {n["id"] for n in doc["network"]["nodes"]
                                 if n.get("activation") == "prelu"}


def test_chain_rule_example_of_the_lecture():
    """h, g, f with weights w, 1, 1 and x = 1: ∂y/∂w = f'(g(h(w)))·g'(h(w))·h'(w)·x."""
    w = 0.7
    doc = {"network": {
        "nodes": [{"id": "x", "kind": "input", "feature": "x"},
                  {"id": "h", "kind": "hidden", "activation": "sigmoid", "bias": 0.0},
                  {"id": "g", "kind": "hidden", "activation": "sigmoid", "bias": 0.0},
                  {"id": "f", "kind": "output", "activation": "sigmoid", "bias": 0.0}],
        "edges": [{"source": "x", "target": "h", "weight": w},
                  {"source": "h", "target": "g", "weight": 1.0},
                  {"source": "g", "target": "f", "weight": 1.0}]},
        "training": {"loss": "mse"}}
    net = Network.from_document(doc)
    s = activations.get("sigmoid")
    h = s.f(np.array(w))
    g = s.f(h)
    y = s.f(g)
    dy_dw = s.df(g) * s.df(h) * s.df(np.array(w)) * 1.0
    # J = (y - t)², so ∂J/∂w = 2(y - t)·∂y/∂w
    _, grads = net.loss_and_gradients(np.array([[1.0]]), np.array([0.0]), classification=False)
    assert grads.weights[("x", "h")] == pytest.approx(float(2 * y * dy_dw), rel=1e-12)
