"""The scripting API of DESIGN.md and the compiled network's structure."""
import numpy as np
import pytest

from simulator.document import mlp
from simulator.engine import Network, datasets


def xor_doc():
    doc = mlp([2, 2, 1], hidden="tanh", output="sigmoid")
    doc["training"].update(loss="bce", seed=1)
    return doc


def test_scripting_api_of_the_design():
    net = Network.from_document(xor_doc())
    X, Y = datasets.make("xor", samples=40, noise=0.1, seed=0)
    Y_hat = net.forward(X)
    assert Y_hat.shape == (40, 1) and np.all((Y_hat > 0) & (Y_hat < 1))
    loss, grads = net.loss_and_gradients(X, Y)
    assert loss > 0
    assert set(grads.weights) == {("x1", "h1"), ("x1", "h2"), ("x2", "h1"), ("x2", "h2"),
                                  ("h1", "y"), ("h2", "y")}
    assert set(grads.biases) == {"h1", "h2", "y"}


def test_layers_by_longest_path_with_skip_connections():
    doc = mlp([2, 3, 3, 1])
    doc["network"]["edges"].append({"source": "x1", "target": "y"})        # skip 0 -> 3
    doc["network"]["edges"].append({"source": "h1_1", "target": "y"})      # skip 1 -> 3
    net = Network.from_document(doc)
    assert net.n_layers == 4
    assert net.layer_of["x1"] == 0 and net.layer_of["h1_2"] == 1
    assert net.layer_of["h2_3"] == 2 and net.layer_of["y"] == 3
    assert len(net.layers[3].blocks) == 3      # from layers 2, 1 and 0


def test_outputs_form_the_last_layer_even_when_shallow():
    doc = {"network": {"nodes": [
        {"id": "x", "kind": "input"}, {"id": "a", "kind": "hidden"}, {"id": "b", "kind": "hidden"},
        {"id": "y1", "kind": "output"}, {"id": "y2", "kind": "output"}],
        "edges": [{"source": "x", "target": "a"}, {"source": "a", "target": "b"},
                  {"source": "b", "target": "y1"}, {"source": "x", "target": "y2"}]}}
    net = Network.from_document(doc)
    assert net.layer_of["y1"] == net.layer_of["y2"] == 3


def test_given_weights_are_kept_and_missing_ones_drawn_reproducibly():
    doc = xor_doc()
    doc["network"]["edges"][0]["weight"] = 0.5
    doc["network"]["nodes"][2]["bias"] = -0.25
    a, b = Network.from_document(doc), Network.from_document(doc)
    assert a.weights()[("x1", "h1")] == 0.5 and a.biases()["h1"] == -0.25
    np.testing.assert_array_equal(a.params, b.params)
    doc["training"]["seed"] = 2
    c = Network.from_document(doc)
    assert c.weights()[("x1", "h2")] != a.weights()[("x1", "h2")]


@pytest.mark.parametrize("init,check", [
    ("uniform", lambda w: np.all(np.abs(w) <= 0.5)),
    ("constant:1.5", lambda w: np.all(w == 1.5)),
    ("xavier", lambda w: np.all(np.abs(w) <= np.sqrt(6 / (2 + 8)))),
    ("he", lambda w: abs(np.std(w) - np.sqrt(2 / 2)) < 0.3),
])
def test_initialisers(init, check):
    doc = mlp([2, 8, 1])
    doc["training"]["init"] = init
    w = np.array(list(Network.from_document(doc).weights().values()))[:16]
    assert check(w)


def test_recompiling_keeps_the_weights_of_unchanged_edges():
    old = Network.from_document(xor_doc())
    old.set_weight("x1", "h1", 3.0)
    old.set_bias("y", -1.0)
    doc = xor_doc()
    doc["network"]["nodes"].insert(4, {"id": "h3", "kind": "hidden"})
    doc["network"]["edges"] += [{"source": "x1", "target": "h3"}, {"source": "h3", "target": "y"}]
    new = Network.from_document(doc, previous=old)
    assert new.weights()[("x1", "h1")] == 3.0 and new.biases()["y"] == -1.0


def test_to_document_round_trip_gives_the_same_outputs():
    net = Network.from_document(xor_doc())
    X = np.random.default_rng(0).normal(size=(5, 2))
    again = Network.from_document(net.to_document(xor_doc()))
    np.testing.assert_allclose(again.forward(X), net.forward(X))


def test_node_values_in_document_order():
    net = Network.from_document(xor_doc())
    X = np.array([[1.0, 0.0]])
    g, y = net.node_values(X)
    assert g.shape == y.shape == (1, 5)
    assert y[0, 0] == 1.0 and y[0, 1] == 0.0             # inputs: their values
    w, b = net.weights(), net.biases()
    g_h1 = w[("x1", "h1")] * 1.0 + b["h1"]
    assert g[0, 2] == pytest.approx(g_h1) and y[0, 2] == pytest.approx(np.tanh(g_h1))


def test_features_are_computed_inside():
    doc = mlp([3, 1], features=["x1^2", "x1*x2", "sin(x2)"], output="linear")
    net = Network.from_document(doc)
    g, _ = net.node_values(np.array([[2.0, 0.5]]))
    np.testing.assert_allclose(g[0, :3], [4.0, 1.0, np.sin(0.5)])


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d["network"]["edges"].append({"source": "y", "target": "h1"}), "leaves an output"),
    (lambda d: d["network"]["edges"].append({"source": "h1", "target": "x1"}), "into an input"),
    (lambda d: d["network"]["edges"].append({"source": "h1", "target": "h2"})
     or d["network"]["edges"].append({"source": "h2", "target": "h1"}), "cycle: "),
    (lambda d: d["network"]["edges"].append({"source": "x1", "target": "h1"}), "duplicate edge"),
    (lambda d: d["network"]["edges"].append({"source": "x1", "target": "h9"}), 'no node "h9"'),
])
def test_malformed_graphs_are_refused_with_a_reason(mutate, message):
    doc = xor_doc()
    mutate(doc)
    with pytest.raises(ValueError, match=message):
        Network.from_document(doc)
