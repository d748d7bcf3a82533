"""Code export of recurrent networks on sequence data: the exported model's outputs equal
``Network.forward`` (N, T, outputs) to 1e-9 relative, and the untrained export, trained,
gives nnsim's losses epoch by epoch (backpropagation through time, whole or truncated)."""
import json

import numpy as np
import pytest

from simulator import codegen
from simulator.document import check, lessons, normalise
from simulator.engine.trainer import Trainer

from .conftest import (assert_same_json, hid, inp, load_program, out, outputs, program,
                       relative_error, script_and_train_json)

RECURRENT_LESSONS = ["acyclic-vs-recurrent", "echo", "elman-xor", "sine-next", "vanishing-through-time"]


def sequence_document(nodes, edges, training, data) -> dict:
    """Edges as (source, target) or (source, target, delay)."""
    doc = {"format": "nnsim", "version": 1,
           "network": {"nodes": nodes, "edges": [
               {"source": e[0], "target": e[1], **({"delay": e[2]} if len(e) > 2 else {})} for e in edges]},
           "training": training, "data": data}
    check(doc)
    return normalise(doc)


def feedback_and_truncation():
    """Delays 1 and 2, a self-loop, a skip link, PReLU; truncated BPTT,
    momentum, L1/L2 and clipping; a partial last batch."""
    return sequence_document(
        [inp("x1"), hid("h1"), hid("h2", "prelu"), out("y")],
        [("x1", "h1"), ("x1", "h2"), ("h1", "y"), ("h2", "y"), ("x1", "y"), ("h1", "h1", 1),
         ("h2", "h1", 2), ("h1", "h2", 1)],
        {"loss": "bce", "optimizer": "momentum", "learning_rate": 0.2, "batch_size": 5, "bptt": 3,
         "l1": 0.001, "l2": 0.01, "clip": 0.5, "seed": 2},
        {"dataset": "echo", "sequences": 23, "length": 9, "lag": 2, "seed": 1, "test_fraction": 0.3})


def inline_softmax():
    """Inline sequences of different lengths (padded: no target after their end), two
    inputs, three softmax outputs, a partly drawn recurrent block (a mask), Adam."""
    rng = np.random.default_rng(5)
    seqs = []
    for n in range(14):
        length = 3 + n % 4
        x = rng.normal(size=(length, 2)).round(3).tolist()
        y = [None if t == 0 else int(rng.integers(0, 3)) for t in range(length)]
        seqs.append({"x": x, "y": y})
    return sequence_document(
        [inp("x1"), inp("x2"), hid("h1", "relu"), hid("h2"), hid("h3", "sigmoid"),
         out("c0", "softmax"), out("c1", "softmax"), out("c2", "softmax")],
        [("x1", "h1"), ("x2", "h2"), ("x1", "h3"), ("h1", "h2", 1), ("h2", "h2", 1),
         ("h3", "h1", 1), ("h1", "c0"), ("h2", "c1"), ("h3", "c2"), ("h2", "c0"), ("h1", "c2")],
        {"loss": "cross_entropy", "optimizer": "adam", "learning_rate": 0.05, "batch_size": 5, "seed": 4},
        {"sequences": seqs, "test_fraction": 0.25, "seed": 3})


def sine_regression():
    """A regression (tanh output, mean squared error), two hidden layers with a delayed
    link from the second back to the first, no shuffling, plain SGD."""
    return sequence_document(
        [inp("x1"), hid("h1"), hid("h2", "gelu"), hid("h3", "elu"), out("y", "tanh")],
        [("x1", "h1"), ("x1", "h2"), ("h1", "h3"), ("h2", "h3"), ("h3", "y"), ("h3", "h1", 1),
         ("h3", "h2", 2), ("h1", "h1", 1)],
        {"loss": "mse", "optimizer": "sgd", "learning_rate": 0.1, "batch_size": 6, "shuffle": False},
        {"dataset": "sine-next", "sequences": 20, "length": 7, "step": 0.5, "seed": 2})


RANDOM = {"feedback, delays 1 and 2, truncated BPTT": feedback_and_truncation,
          "inline sequences, softmax, mask": inline_softmax,
          "regression, two layers, no shuffling": sine_regression}


def trained(doc, base, epochs):
    trainer = Trainer.from_document(doc, base_dir=base)
    trainer.run(epochs=epochs)
    data = trainer.data
    return trainer, np.concatenate([data.x_train, data.x_test])


@pytest.mark.parametrize("lesson", RECURRENT_LESSONS)
def test_recurrent_lesson_outputs_equal_the_simulators(lesson, framework):
    doc = lessons.load_lesson(lesson)
    trainer, X = trained(doc, lessons.LESSONS_DIR, 2)
    module = program(doc, framework, lessons.LESSONS_DIR, epochs=2)
    expected = trainer.net.forward(X)
    assert expected.shape == X.shape[:2] + (trainer.net.n_outputs,)
    assert relative_error(outputs(module, framework, X), expected) <= 1e-9


@pytest.mark.parametrize("case", list(RANDOM))
def test_recurrent_drawing_outputs_equal_the_simulators(case, framework):
    doc = RANDOM[case]()
    trainer, X = trained(doc, None, 3)
    module = program(doc, framework, epochs=3)
    assert relative_error(outputs(module, framework, X), trainer.net.forward(X)) <= 1e-9


@pytest.mark.parametrize("case", list(RANDOM))
def test_untrained_recurrent_export_trains_as_nnsim_does(case, framework):
    doc = RANDOM[case]()
    trainer = Trainer.from_document(doc)
    trainer.run(epochs=20)
    expected = trainer.history()
    module = program(doc, framework, untrained=True)
    history = module.train(module.build_model(), 20, print_every=0)
    np.testing.assert_allclose([r["train_loss"] for r in history], expected.train_loss, rtol=1e-6, atol=0)
    np.testing.assert_allclose([r["test_loss"] for r in history], expected.test_loss, rtol=1e-6, atol=0)
    metric = "accuracy" if trainer.data.is_classification else "r2"
    np.testing.assert_allclose([r[f"train_{metric}"] for r in history], expected.train_metric,
                               rtol=1e-6, atol=1e-12)


def test_the_random_drawings_hold_what_they_test():
    specs = {name: codegen.build(make(), epochs=0) for name, make in RANDOM.items()}
    delayed = [d for s in specs.values() for L in s.model.layers for d in L.delayed]
    assert {d.delay for d in delayed} == {1, 2}
    assert any(d.mask is not None for d in delayed)
    assert any(not b.primary for s in specs.values() for L in s.model.layers for b in L.blocks)
    first = specs["feedback, delays 1 and 2, truncated BPTT"]
    assert first.training.bptt == 3
    lengths = Trainer.from_document(inline_softmax()).lengths
    assert len(set(lengths.tolist())) > 1                       # padded sequences
    assert Trainer.from_document(feedback_and_truncation()).n_train % 5 != 0   # a partial last batch


def batches_without_a_target(optimizer: str, l2: float = 0.01, none_in: str = "batches") -> dict:
    """Inline sequences, some with no target at any step, placed in the training order so
    that the second mini-batch of 5 and the last, shorter one (2 sequences) have none
    (``none_in="test"``: the test sequences instead); no shuffling, so every epoch meets
    them. Adam and momentum move the weights even on a zero gradient: skipping such a batch
    would be wrong."""
    n, seed, test_fraction = 16, 3, 0.25
    order = np.random.default_rng(seed + 7919).permutation(n)     # the split nnsim makes
    n_test = int(round(n * test_fraction))
    empty = set((order[n_test + 5:] if none_in == "batches" else order[:n_test]).tolist())
    rng = np.random.default_rng(1)
    seqs = []
    for i in range(n):
        bits = rng.integers(0, 2, size=3 + i % 3).tolist()         # 3 to 5 steps: padded
        seqs.append({"x": bits, "y": [None if i in empty or t == 0 else bits[t - 1] for t in range(len(bits))]})
    return sequence_document(
        [inp("x1"), hid("h1"), hid("h2"), out("y")],
        [("x1", "h1"), ("h1", "h2"), ("h2", "y"), ("h1", "h1", 1), ("h2", "h1", 1)],
        {"loss": "bce", "optimizer": optimizer, "learning_rate": 0.3, "batch_size": 5, "l2": l2,
         "shuffle": False, "seed": 1},
        {"sequences": seqs, "test_fraction": test_fraction, "seed": seed})


def test_the_document_has_batches_without_a_target():
    trainer = Trainer.from_document(batches_without_a_target("adam"))
    has = np.isfinite(trainer.data.y_train).all(axis=2).any(axis=1)     # per training sequence
    assert trainer.n_train == 12 and trainer.batch_size == 5 and not trainer.shuffle
    assert has[:5].any() and not has[5:10].any() and not has[10:].any()
    assert np.isfinite(trainer.data.y_test).any()


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_batches_without_a_target_train_as_nnsim_does(optimizer, framework):
    """Such a batch sends back no error, yet the penalties and the optimiser's step apply,
    as in nnsim: the untrained export gives nnsim's losses epoch by epoch."""
    doc = batches_without_a_target(optimizer)
    trainer = Trainer.from_document(doc)
    trainer.run(epochs=8)
    expected = trainer.history()
    module = program(doc, framework, untrained=True)
    history = module.train(module.build_model(), 8, print_every=0)
    assert len(history) == 8 and trainer.diverged is None
    np.testing.assert_allclose([r["train_loss"] for r in history], expected.train_loss, rtol=1e-6, atol=0)
    np.testing.assert_allclose([r["test_loss"] for r in history], expected.test_loss, rtol=1e-6, atol=0)


def test_each_pytorch_batch_loss_is_nnsims_zero_without_a_target(torch, monkeypatch):
    """The loss the PyTorch loop backpropagates is nnsim's mini-batch loss: 0 for a batch
    with no target (not the NaN of a mean over no steps)."""
    doc = batches_without_a_target("adam", l2=0.0)         # no penalty: the loss is the data's
    trainer = Trainer.from_document(doc)
    trainer.run(epochs=2)
    expected = trainer.step_history().loss
    module = program(doc, "pytorch", untrained=True)
    losses = []
    backward = torch.Tensor.backward

    def recording(self, *args, **kwargs):
        losses.append(float(self.detach()))
        return backward(self, *args, **kwargs)

    monkeypatch.setattr(torch.Tensor, "backward", recording)
    module.train(module.build_model(), 2, print_every=0)
    assert len(losses) == len(expected) == 6               # 3 batches an epoch
    assert expected[1] == expected[2] == 0.0 and expected[0] > 0
    np.testing.assert_allclose(losses, expected, rtol=1e-9, atol=0)


@pytest.mark.parametrize("lesson", ["echo", "sine-next"])
def test_recurrent_script_prints_the_json_of_train(lesson, framework, tmp_path, capsys):
    """Run as a script, the last line is `train --json`'s: epochs, losses and accuracies
    (R² for a regression), and for a classification the share of sequences entirely right
    and the accuracy per step."""
    last, expected = script_and_train_json(lesson, lessons.LESSONS_DIR, framework, 2, tmp_path, capsys)
    assert last["epochs"] == 2
    if lesson == "echo":
        assert 0 < last["sequence_accuracy"] < 1
        assert last["step_accuracy"][:2] == [None, None] and len(last["step_accuracy"]) == 20   # lag 2
    else:
        assert "train_r2" in last and "sequence_accuracy" not in expected
    assert_same_json(last, expected)


def test_a_test_set_without_targets_gives_the_nulls_of_train_json(framework, tmp_path, capsys):
    """No test sequence has a target: the test loss, accuracy, sequence accuracy and every
    step's accuracy are null, in the script's last line as in `train --json`."""
    doc = batches_without_a_target("sgd", none_in="test")
    trainer = Trainer.from_document(doc)
    assert not np.isfinite(trainer.data.y_test).any() and np.isfinite(trainer.data.y_train).any()
    path = tmp_path / "no-test-target.nnsim.json"
    path.write_text(json.dumps(doc))
    last, expected = script_and_train_json(path, None, framework, 3, tmp_path, capsys)
    assert last["test_loss"] is last["test_accuracy"] is last["sequence_accuracy"] is None
    assert set(last["step_accuracy"]) == {None} and last["train_loss"] > 0
    assert_same_json(last, expected)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_after_a_divergence_the_recurrent_script_prints_the_json_of_train(framework, tmp_path, capsys):
    """sine-next at a learning rate of 50 overflows in its 6th epoch: the script counts the
    5 before it, says it diverged and has no finite loss, as `train --json` does."""
    doc = lessons.load_lesson("sine-next")
    doc["training"].update(optimizer="sgd", learning_rate=50.0)
    path = tmp_path / "sine-next-diverging.nnsim.json"
    path.write_text(json.dumps(doc))
    last, expected = script_and_train_json(path, None, framework, 10, tmp_path, capsys)
    assert expected["epochs"] == 5 and expected["diverged"] is True and expected["train_loss"] is None
    assert last["epochs"] == 5 and last["diverged"] is True
    assert_same_json(last, expected)
    assert "training diverged at epoch 6:" in last.printed and "nan" not in last.printed


def test_the_recurrent_epoch_lines_show_a_dash_without_a_test_target(framework, capsys):
    """No test sequence has a target: the per-epoch line says — for the test loss and
    accuracy, not nan."""
    module = program(batches_without_a_target("sgd", none_in="test"), framework, untrained=True)
    module.train(module.build_model(), 1)
    line = capsys.readouterr().out.strip()
    assert line.startswith("epoch    1   train loss 0.") and line.endswith("test loss —   test accuracy —")
