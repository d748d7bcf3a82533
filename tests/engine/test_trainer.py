"""Training: steps, epochs, history, snapshots, divergence, unit health."""
import numpy as np
import pytest

from simulator.document import mlp
from simulator.engine.trainer import Trainer


def doc_for(sizes, hidden="tanh", output="sigmoid", dataset="xor", **training):
    doc = mlp(sizes, hidden=hidden, output=output)
    doc["training"].update(loss="bce", learning_rate=0.5, batch_size=10, seed=1)
    doc["training"].update(training)
    doc["data"] = {"dataset": dataset, "samples": 200, "noise": 0.1, "test_fraction": 0.5, "seed": 0}
    return doc


def test_xor_learns_and_history_records_every_epoch():
    t = Trainer.from_document(doc_for([2, 2, 1]))
    t.run(epochs=200)
    m = t.metrics()
    assert m["epochs"] == 200 and m["train_accuracy"] == 1.0 and m["test_accuracy"] >= 0.95
    h = t.history()
    assert len(h.train_loss) == 200 and h.train_loss[-1] < h.train_loss[0] / 10
    assert h.grad_norms.shape == (200, 2)


def test_run_hands_over_promptly_when_asked():
    """``until`` ends a time-budgeted run within a few steps (the worker's way to let the
    window paint), where the budget alone would run for seconds."""
    t = Trainer.from_document(doc_for([2, 2, 1]))
    asked = []
    done = t.run(seconds=30.0, until=lambda: asked.append(1) or len(asked) >= 3)
    assert 0 < done <= 3 * 8
    assert t.steps == done


def test_reset_returns_to_the_same_seeded_start():
    t = Trainer.from_document(doc_for([2, 2, 1]))
    p0 = t.net.params.copy()
    t.run(epochs=5)
    first = t.history().train_loss.copy()
    t.reset()
    np.testing.assert_array_equal(t.net.params, p0)
    t.run(epochs=5)
    np.testing.assert_array_equal(t.history().train_loss, first)


@pytest.mark.parametrize("kind,rows", [("sample", 1), ("batch", 10)])
def test_steps_by_sample_and_batch(kind, rows):
    t = Trainer.from_document(doc_for([2, 2, 1]))
    before = t.net.params.copy()
    t.step(kind)
    assert t.steps == 1 and t.position == rows and len(t.snapshot().batch_rows) == rows
    assert not np.array_equal(before, t.net.params)


def test_step_by_epoch_and_the_last_partial_batch():
    doc = doc_for([2, 2, 1], batch_size=7)     # 100 rows: 14 batches of 7, then 2 rows
    t = Trainer.from_document(doc)
    t.step("epoch")
    assert t.epoch == 1 and t.steps == 15 and t.position == 0


def test_shuffle_false_keeps_file_order():
    t = Trainer.from_document(doc_for([2, 2, 1], shuffle=False))
    t.step("batch")
    assert list(t.snapshot().batch_rows) == list(range(10))


def test_snapshot_is_immutable_and_in_document_order():
    t = Trainer.from_document(doc_for([2, 2, 1]))
    t.step("batch")
    s = t.snapshot()
    assert s.node_ids == ("x1", "x2", "h1", "h2", "y") and len(s.edges) == 6
    assert s.weights.shape == s.grads.shape == (6,)
    assert s.pre.shape == s.act.shape == s.delta.shape == (10, 5)
    assert np.isnan(s.biases[0]) and np.isfinite(s.biases[2:]).all()
    with pytest.raises(ValueError):
        s.weights[0] = 1.0
    t.run(epochs=3)
    assert s.epoch == 0 and len(s.history.train_loss) == 0   # the old snapshot did not move


def test_divergence_is_located_and_training_stops():
    doc = doc_for([2, 6, 6, 1], hidden="relu", output="linear", loss="mse",
                  learning_rate=1e6, init="constant:1.5")
    t = Trainer.from_document(doc)
    t.run(epochs=20)
    d = t.diverged
    assert d is not None and t.epoch < 20
    assert "at epoch" in d.message and "learning rate" in d.message
    assert np.isfinite(t.net.params).all()            # the last finite weights are kept
    assert t.run(epochs=5) == 0                       # it stays stopped...
    t.reset()
    assert t.diverged is None                         # ...until Reset


def test_lecture_vanishing_gradient_in_a_deep_sigmoid_network():
    doc = doc_for([2, 4, 4, 4, 4, 4, 4, 1], hidden="sigmoid", init="normal:1")
    t = Trainer.from_document(doc)
    t.run(epochs=2)
    norms = t.layer_gradient_norms
    assert norms[0] < norms[-1] / 100


def test_dead_relus_are_counted():
    doc = doc_for([2, 8, 1], hidden="relu")
    t = Trainer.from_document(doc)
    # push every hidden bias far below zero: no sample switches them on
    for L in t.net.layers[1:-1]:
        L.b[:] = -100.0
    t.run(epochs=1)
    assert t.metrics()["dead_relu_fraction"] == 1.0
    snap = t.snapshot()
    assert snap.dead_per_layer[0] == 1.0
    hidden = [j for j, n in enumerate(snap.node_ids) if n.startswith("h")]
    assert snap.dead_nodes[hidden].all() and not snap.dead_nodes[[0, 1, len(snap.node_ids) - 1]].any()


def test_gradient_clipping_bounds_the_step():
    doc = doc_for([2, 8, 1], clip=1e-3)
    t = Trainer.from_document(doc)
    before = t.net.params.copy()
    t.step("batch")
    step = np.linalg.norm(t.net.params - before)
    assert step <= 0.5 * 1e-3 + 1e-12          # learning rate × clip
    t.run(epochs=1)
    assert t.snapshot().clip_fraction > 0.5


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_every_optimiser_reduces_the_loss(optimizer):
    t = Trainer.from_document(doc_for([2, 4, 1], optimizer=optimizer, learning_rate=0.05,
                                      dataset="circles"))
    t.run(epochs=1)
    first = t.history().train_loss[0]
    t.run(epochs=30)
    assert t.history().train_loss[-1] < first


def test_live_setting_changes_are_recorded():
    t = Trainer.from_document(doc_for([2, 2, 1]))
    t.run(epochs=2)
    t.set_learning_rate(0.05)
    t.set_batch_size(5)
    t.set_optimizer("adam")
    t.run(epochs=1)
    assert t.history().lr_changes == ((2, 0.05),) and t.learning_rate == 0.05
    assert t.steps == 2 * 10 + 20


def test_trace_step_records_forward_and_backward():
    t = Trainer.from_document(doc_for([2, 2, 1]))
    tr = t.trace_step(rows=np.array([3]))
    y = 4  # the output's column
    # δ = ∂J/∂y · f'(g) at every non-input node
    np.testing.assert_allclose(tr.delta[:, 2:], tr.dout[:, 2:] * tr.dact[:, 2:], rtol=1e-10)
    # the update is w ← w − α ∂J/∂w
    np.testing.assert_allclose(tr.weights_after, tr.weights_before - tr.learning_rate * tr.grads)
    assert tr.act[0, y] == pytest.approx(1 / (1 + np.exp(-tr.pre[0, y])))
    assert tr.loss > 0 and t.position == 0      # explicit rows do not move the epoch


def test_a_confident_output_is_saturated_only_where_its_slope_slows_learning():
    """Sigmoid + cross-entropy: ∂J/∂g = ŷ − y whatever f′ is, so a trained XOR's output is
    not flagged; under the mean squared error the same output's f′ scales the error: flagged."""
    import copy

    from simulator.document import lessons, load
    doc = load(lessons.path("xor"))
    for loss, flagged in (("bce", False), ("mse", True)):
        d = copy.deepcopy(doc)
        d["training"]["loss"] = loss
        t = Trainer.from_document(d, base_dir=lessons.LESSONS_DIR)
        t.run(epochs=3000)
        snap = t.snapshot()
        assert snap.train_metric == 1.0
        assert (snap.saturated_per_layer[-1] > 0.5) == flagged, loss
