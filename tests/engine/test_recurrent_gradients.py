"""Backpropagation through time against central finite differences on random recurrent
graphs (delays 1 and 2, self-loops, skip links, every smooth activation, every loss,
missing targets), an Elman network against a hand-unrolled NumPy reference, and truncated
BPTT against the full one."""
import zlib

import numpy as np
import pytest

from simulator.engine import Network

from .dags import random_recurrent

SMOOTH = ("sigmoid", "tanh", "linear", "gelu", "silu", "softplus", "elu")


def real_parameters(net: Network) -> np.ndarray:
    """True for every slot of the flat buffer that is a parameter (absent edges are not)."""
    real = np.ones(net.size, bool)
    for L in net.layers:
        for blk in L.blocks:
            if blk.mask is not None:
                real[blk.offset: blk.offset + blk.W_full.size] = blk.mask.ravel() > 0
        for db in L.delayed:
            if db.mask is not None:
                real[db.offset: db.offset + db.W.size] = db.mask.ravel() > 0
    return real


def numeric_gradient(net: Network, X, Y, classification, eps=1e-6) -> np.ndarray:
    p0 = net.params.copy()
    num = np.zeros(net.size)
    for i in np.flatnonzero(real_parameters(net)):
        for sign in (1.0, -1.0):
            net.params[:] = p0
            net.params[i] += sign * eps
            value, _ = net.loss_and_gradients(X, Y, classification)
            num[i] += sign * value / (2 * eps)
    net.params[:] = p0
    return num


def sequences(rng, n_out, classification, n=4, T=6, n_classes=2):
    X = rng.normal(size=(n, T, 2))
    if classification and n_out > 1:
        Y = rng.integers(0, n_classes, (n, T)).astype(float)
    elif classification:
        Y = rng.integers(0, 2, (n, T)).astype(float)
    else:
        Y = rng.normal(size=(n, T, n_out))
    Y[0, :2] = np.nan            # missing targets: the first steps of one sequence,
    Y[2, 3] = np.nan             # one step in the middle of another
    return X, Y


def check(doc, classification, n_out=1):
    rng = np.random.default_rng(0)
    net = Network.from_document(doc)
    assert net.is_recurrent
    X, Y = sequences(rng, n_out, classification)
    loss, grads = net.loss_and_gradients(X, Y, classification)
    analytic = net.grads.copy()
    num = numeric_gradient(net, X, Y, classification)
    real = real_parameters(net)
    scale = max(np.abs(num[real]).max(), 1e-8)
    err = np.abs(num - analytic)[real].max() / scale
    assert err <= 1e-6, f"relative error {err:.2e}"
    # every edge, delayed ones included, keyed by (source, target)
    assert set(grads.weights) == set(net.edges)
    for (s, t), v in grads.weights.items():
        assert v == pytest.approx(analytic[net.edge_index[net.edges.index((s, t))]])
    assert np.isfinite(loss)
    return net


@pytest.mark.parametrize("act", SMOOTH)
@pytest.mark.parametrize("output,loss", [("sigmoid", "bce"), ("tanh", "mse"), ("linear", "mse"),
                                         ("sigmoid", "cross_entropy")])
def test_random_recurrent_graphs_every_smooth_activation_and_loss(act, output, loss):
    rng = np.random.default_rng(zlib.crc32(f"{act}/{output}/{loss}".encode()))
    doc = random_recurrent(rng, [act, "tanh"], output, loss=loss)
    net = check(doc, classification=loss != "mse")
    assert {0, 1, 2} <= set(net.delays.tolist())
    assert any(s == t for s, t in net.edges)              # a self-loop


def test_softmax_outputs_through_time():
    rng = np.random.default_rng(5)
    doc = random_recurrent(rng, ["gelu", "silu", "tanh"], "softmax", n_out=3, loss="cross_entropy")
    check(doc, classification=True, n_out=3)


def test_prelu_slopes_through_time():
    rng = np.random.default_rng(9)
    doc = random_recurrent(rng, ["prelu", "tanh"], "linear", loss="mse")
    for n in doc["network"]["nodes"]:
        if n.get("activation") == "prelu":
            n["bias"] = 3.0          # far from the kink for these inputs
    net = check(doc, classification=False)
    _, grads = net.loss_and_gradients(*sequences(np.random.default_rng(0), 1, False), False)
    assert set(grads.slopes) == {n["id"] for n in doc["network"]["nodes"] if n.get("activation") == "prelu"}


def elman(H=3, seed=0) -> tuple[dict, dict]:
    """A 1-H-1 Elman network with given weights (tanh hidden, sigmoid output)."""
    rng = np.random.default_rng(seed)
    Wx, Wh, bh = rng.normal(0, 0.8, H), rng.normal(0, 0.6, (H, H)), rng.normal(0, 0.2, H)
    Wy, by = rng.normal(0, 0.8, H), 0.1
    nodes = [{"id": "x", "kind": "input", "feature": "x1"}]
    nodes += [{"id": f"h{i}", "kind": "hidden", "activation": "tanh", "bias": float(bh[i])} for i in range(H)]
    nodes += [{"id": "y", "kind": "output", "activation": "sigmoid", "bias": by}]
    edges = [{"source": "x", "target": f"h{i}", "weight": float(Wx[i])} for i in range(H)]
    edges += [{"source": f"h{i}", "target": f"h{j}", "weight": float(Wh[i, j]), "delay": 1}
              for i in range(H) for j in range(H)]
    edges += [{"source": f"h{i}", "target": "y", "weight": float(Wy[i])} for i in range(H)]
    doc = {"format": "nnsim", "version": 1, "network": {"nodes": nodes, "edges": edges},
           "training": {"loss": "bce"}}
    return doc, dict(Wx=Wx, Wh=Wh, bh=bh, Wy=Wy, by=by)


def elman_reference(w, X, Y):
    """The textbook Elman network and its BPTT, unrolled by hand: outputs, loss, gradients."""
    N, T, _ = X.shape
    H = len(w["bh"])
    h = np.zeros((N, T + 1, H))
    out = np.zeros((N, T))
    for t in range(T):
        h[:, t + 1] = np.tanh(X[:, t, :1] * w["Wx"] + h[:, t] @ w["Wh"] + w["bh"])
        out[:, t] = 1 / (1 + np.exp(-(h[:, t + 1] @ w["Wy"] + w["by"])))
    has = np.isfinite(Y)
    M = has.sum()
    y = np.where(has, Y, 0.0)
    loss = -(has * (y * np.log(out) + (1 - y) * np.log(1 - out))).sum() / M
    g = {k: np.zeros_like(np.asarray(v, float)) for k, v in w.items()}
    dh_next = np.zeros((N, H))
    for t in range(T - 1, -1, -1):
        dz_out = has[:, t] * (out[:, t] - y[:, t]) / M
        g["Wy"] += h[:, t + 1].T @ dz_out
        g["by"] += dz_out.sum()
        dh = np.outer(dz_out, w["Wy"]) + dh_next
        dz = dh * (1 - h[:, t + 1] ** 2)
        g["Wx"] += X[:, t, 0] @ dz
        g["Wh"] += h[:, t].T @ dz
        g["bh"] += dz.sum(0)
        dh_next = dz @ w["Wh"].T
    return out, loss, g


def test_elman_network_equals_a_hand_unrolled_reference():
    doc, w = elman()
    net = Network.from_document(doc)
    rng = np.random.default_rng(1)
    X = rng.normal(size=(5, 7, 1))
    Y = rng.integers(0, 2, (5, 7)).astype(float)
    Y[:, 0] = np.nan
    out, loss_ref, g = elman_reference(w, X, Y)
    np.testing.assert_allclose(net.forward(X)[:, :, 0], out, rtol=1e-12, atol=1e-15)
    loss, grads = net.loss_and_gradients(X, Y, True)
    assert loss == pytest.approx(loss_ref, rel=1e-12)
    H = len(w["bh"])
    for i in range(H):
        assert grads.weights[("x", f"h{i}")] == pytest.approx(g["Wx"][i], rel=1e-10, abs=1e-14)
        assert grads.weights[(f"h{i}", "y")] == pytest.approx(g["Wy"][i], rel=1e-10, abs=1e-14)
        assert grads.biases[f"h{i}"] == pytest.approx(g["bh"][i], rel=1e-10, abs=1e-14)
        for j in range(H):
            assert grads.weights[(f"h{i}", f"h{j}")] == pytest.approx(g["Wh"][i, j], rel=1e-10, abs=1e-14)
    assert grads.biases["y"] == pytest.approx(g["by"], rel=1e-10)


def test_elman_network_equals_torch_rnn():
    """Outputs and BPTT gradients against torch.nn.RNN and autograd (skipped without torch)."""
    torch = pytest.importorskip("torch")
    doc, w = elman(H=4, seed=3)
    net = Network.from_document(doc)
    rng = np.random.default_rng(2)
    X = rng.normal(size=(3, 9, 1))
    Y = rng.integers(0, 2, (3, 9)).astype(float)
    Y[1, :3] = np.nan
    rnn = torch.nn.RNN(1, 4, nonlinearity="tanh", batch_first=True, bias=True).double()
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(torch.tensor(w["Wx"][:, None]))
        rnn.weight_hh_l0.copy_(torch.tensor(w["Wh"].T))       # torch: h W_hhᵀ
        rnn.bias_ih_l0.copy_(torch.tensor(w["bh"]))
        rnn.bias_hh_l0.zero_()
    Wy = torch.tensor(w["Wy"], requires_grad=True)
    h, _ = rnn(torch.tensor(X))
    out = torch.sigmoid(h @ Wy + w["by"])
    np.testing.assert_allclose(net.forward(X)[:, :, 0], out.detach().numpy(), rtol=1e-12)
    has = torch.tensor(np.isfinite(Y))
    target = torch.tensor(np.nan_to_num(Y))
    loss = torch.nn.functional.binary_cross_entropy(out[has], target[has])   # mean over the steps
    loss.backward()
    value, grads = net.loss_and_gradients(X, Y, True)
    assert value == pytest.approx(loss.item(), rel=1e-12)
    for i in range(4):
        assert grads.weights[("x", f"h{i}")] == pytest.approx(rnn.weight_ih_l0.grad[i, 0].item(), rel=1e-9)
        assert grads.weights[(f"h{i}", "y")] == pytest.approx(Wy.grad[i].item(), rel=1e-9)
        assert grads.biases[f"h{i}"] == pytest.approx(rnn.bias_ih_l0.grad[i].item(), rel=1e-9)
        for j in range(4):
            assert grads.weights[(f"h{i}", f"h{j}")] == pytest.approx(
                rnn.weight_hh_l0.grad[j, i].item(), rel=1e-9, abs=1e-15)


def test_truncated_bptt_equals_full_when_the_window_covers_the_sequence():
    rng = np.random.default_rng(4)
    doc = random_recurrent(rng, ["tanh", "sigmoid"], "sigmoid", loss="bce")
    X, Y = sequences(np.random.default_rng(0), 1, True, T=6)
    full = Network.from_document(doc)
    full.loss_and_gradients(X, Y, True)
    for bptt in (6, 7, 100):
        doc["training"]["bptt"] = bptt
        cut = Network.from_document(doc)
        cut.loss_and_gradients(X, Y, True)
        np.testing.assert_array_equal(cut.grads, full.grads)
    doc["training"]["bptt"] = 2
    short = Network.from_document(doc)
    short.loss_and_gradients(X, Y, True)
    assert not np.allclose(short.grads, full.grads)


def test_truncated_bptt_cuts_the_gradient_at_window_boundaries():
    """With windows of 2 steps, the loss at step 3 reaches h(2) but not h(1): the
    recurrent weight's gradient is then the sum over the pairs inside each window."""
    doc, w = elman(H=1, seed=5)
    doc["training"]["bptt"] = 2
    net = Network.from_document(doc)
    X = np.random.default_rng(0).normal(size=(1, 4, 1))
    Y = np.full((1, 4), np.nan)
    Y[0, 3] = 1.0                                   # only the last step has a target
    net.loss_and_gradients(X, Y, True)
    # by hand: the error at t = 3 flows to t = 2 (same window) and stops
    h = [0.0]
    for t in range(4):
        h.append(np.tanh(X[0, t, 0] * w["Wx"][0] + h[-1] * w["Wh"][0, 0] + w["bh"][0]))
    out = 1 / (1 + np.exp(-(h[4] * w["Wy"][0] + w["by"])))
    dz3 = (out - 1.0) * w["Wy"][0] * (1 - h[4] ** 2)
    dz2 = dz3 * w["Wh"][0, 0] * (1 - h[3] ** 2)
    expected = dz3 * h[3] + dz2 * h[2]
    assert net.gradients().weights[("h0", "h0")] == pytest.approx(expected, rel=1e-12)


def test_a_recorded_step_on_sequences_matches_the_api():
    """trace_step on sequences: one row per (sequence, step), values equal to the API's."""
    from simulator.engine.trainer import Trainer
    doc, _ = elman(H=2, seed=4)
    doc["data"] = {"dataset": "echo", "sequences": 6, "length": 5, "lag": 2, "test_fraction": 0.0}
    doc["training"].update(batch_size=3, learning_rate=0.1)
    t = Trainer.from_document(doc)
    before = Network.from_document(doc)
    trace = t.trace_step(kind="batch")
    seqs = np.unique(trace.rows)
    assert len(trace.rows) == 15 and list(trace.steps[:5]) == [0, 1, 2, 3, 4]
    X, Y = t.data.x_train[seqs], t.data.y_train[seqs]
    g, y = before.node_values(X)
    first = trace.rows == trace.rows[0]
    n = list(seqs).index(trace.rows[0])
    np.testing.assert_allclose(trace.pre[first], g[n], rtol=1e-12)
    np.testing.assert_allclose(trace.act[first], y[n], rtol=1e-12)
    loss, grads = before.loss_and_gradients(X, Y, True)
    assert trace.loss == pytest.approx(loss, rel=1e-12)
    np.testing.assert_allclose(trace.grads, [grads.weights[e] for e in before.edges], rtol=1e-10)
    assert np.isnan(trace.target[first][:2]).all()           # lag 2: no target at steps 0, 1
    out = before.doc_node_ids.index("y")
    assert (trace.dout[first][:2, out] == 0).all()          # ... so no error from them
