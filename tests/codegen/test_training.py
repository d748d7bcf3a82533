"""The promise, part two: training the untrained export for 20 epochs gives nnsim's train
loss epoch by epoch (1e-6): the same shuffling, the same mini-batches (the last one
partial), the same optimiser arithmetic, penalties, clipping and batch-norm statistics."""
import json

import numpy as np
import pytest

from simulator.document import lessons
from simulator.engine.trainer import Trainer

from .conftest import assert_same_json, document, hid, inp, out, program, script_and_train_json

EPOCHS = 20


def bn_momentum_l1_l2_clip():
    """Batch norm (a partial last batch of one point: the running averages), momentum,
    L1 and L2, clipping, a skip link and PReLU."""
    return document(
        [inp("x1"), inp("x2"), hid("h1", batch_norm=True), hid("h2", "prelu", batch_norm=True),
         hid("h3", "relu"), out("y")],
        [("x1", "h1"), ("x2", "h1"), ("x1", "h2"), ("x2", "h2"), ("x2", "h3"), ("h1", "y"),
         ("h2", "y"), ("h3", "y"), ("x1", "y")],
        {"loss": "bce", "optimizer": "momentum", "learning_rate": 0.1, "batch_size": 7,
         "l1": 0.001, "l2": 0.01, "clip": 0.5, "seed": 3},
        {"dataset": "circles", "samples": 43, "noise": 0.1, "test_fraction": 0.0})


def unshuffled_adam_two_outputs():
    """Shuffle off, Adam with clipping, a sigmoid and a tanh output under cross-entropy
    (the unfused loss), x1·x2 as a feature."""
    return document(
        [inp("x1"), inp("x2"), inp("p", "x1*x2"), hid("h1", "gelu"), hid("h2", "elu"),
         out("y0"), out("y1", "tanh")],
        [("x1", "h1"), ("x2", "h1"), ("p", "h2"), ("h1", "y0"), ("h2", "y0"), ("h1", "y1"),
         ("h2", "y1"), ("p", "y1")],
        {"loss": "bce", "optimizer": "adam", "learning_rate": 0.05, "batch_size": 8,
         "clip": 1.0, "shuffle": False},
        {"dataset": "xor", "samples": 70, "noise": 0.2})


CASES = {
    "xor (SGD)": (lambda: lessons.load_lesson("xor"), lessons.LESSONS_DIR),
    "reciprocal (Adam, regression)": (lambda: lessons.load_lesson("reciprocal"), lessons.LESSONS_DIR),
    "gauss (softmax, cross-entropy)": (lambda: lessons.load_lesson("gauss"), lessons.LESSONS_DIR),
    "batch norm, momentum, L1/L2, clipping": (bn_momentum_l1_l2_clip, None),
    "no shuffling, Adam, two outputs": (unshuffled_adam_two_outputs, None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_untrained_export_trains_as_nnsim_does(case, framework):
    make, base = CASES[case]
    doc = make()
    trainer = Trainer.from_document(doc, base_dir=base)
    trainer.run(epochs=EPOCHS)
    expected = trainer.history()
    module = program(doc, framework, base, untrained=True)
    history = module.train(module.build_model(), EPOCHS, print_every=0)
    assert [r["epoch"] for r in history] == list(range(1, EPOCHS + 1))
    got = np.array([r["train_loss"] for r in history])
    np.testing.assert_allclose(got, expected.train_loss, rtol=1e-6, atol=0)
    test = np.array([r["test_loss"] for r in history])
    np.testing.assert_allclose(test, expected.test_loss, rtol=1e-6, atol=0, equal_nan=True)
    metric = "accuracy" if trainer.data.is_classification else "r2"
    np.testing.assert_allclose([r[f"train_{metric}"] for r in history], expected.train_metric,
                               rtol=1e-6, atol=1e-12)


def test_the_cases_exercise_the_partial_batch_and_the_unfused_loss():
    doc = bn_momentum_l1_l2_clip()
    trainer = Trainer.from_document(doc)
    assert trainer.n_train % 7 == 1                  # the last batch holds one point
    assert not Trainer.from_document(unshuffled_adam_two_outputs()).net.loss.fused


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_training_on_stops_when_it_diverges(capsys):
    """A far too large learning rate: the program says so and stops, as nnsim does."""
    doc = lessons.load_lesson("exploding-gradient")
    module = program(doc, "numpy", lessons.LESSONS_DIR, untrained=True)
    history = module.train(module.build_model(), 5)
    assert len(history) < 5 and "training diverged" in capsys.readouterr().out


def diverging(lesson: str, tmp_path) -> str:
    """A lesson with plain gradient descent at a learning rate of 50, saved as a file."""
    doc = lessons.load_lesson(lesson)
    doc["training"].update(optimizer="sgd", learning_rate=50.0)
    path = tmp_path / f"{lesson}-diverging.nnsim.json"
    path.write_text(json.dumps(doc))
    return str(path)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_after_a_divergence_the_script_prints_the_json_of_train(framework, tmp_path, capsys):
    """The sine lesson at a learning rate of 50 overflows in its 4th epoch: nnsim counts
    the 3 epochs before it, says it diverged and has no finite loss left; the script's last
    line says the same, and the line where it stops names that 4th epoch."""
    last, expected = script_and_train_json(diverging("sine", tmp_path), None, framework, 10,
                                           tmp_path, capsys)
    assert expected["epochs"] == 3 and expected["diverged"] is True
    assert last["epochs"] == 3 and last["diverged"] is True
    assert last["train_loss"] is last["test_loss"] is last["train_r2"] is None
    assert_same_json(last, expected)
    printed = last.printed.splitlines()
    assert printed[-2] == "training diverged at epoch 4: try a smaller LEARNING_RATE, or set CLIP"
    assert printed[-3].startswith("epoch    3 ") and "nan" not in last.printed


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_a_divergence_keeps_the_last_finite_weights_as_nnsim_does(tmp_path, capsys):
    """The exploding-gradient lesson overflows in its first epoch: nnsim keeps the weights of
    the last step that stayed finite, whose loss is huge yet finite, and counts no epoch; so
    does the script (NumPy: its arithmetic is nnsim's, overflow included)."""
    last, expected = script_and_train_json("exploding-gradient", lessons.LESSONS_DIR, "numpy", 30,
                                           tmp_path, capsys)
    assert expected["epochs"] == 0 and expected["diverged"] and expected["train_loss"] > 1e200
    assert_same_json(last, expected)


def test_the_epoch_lines_show_a_dash_without_test_points(framework, capsys):
    """No test points: the per-epoch line says — for the test loss and accuracy, not nan."""
    doc = lessons.load_lesson("xor")
    doc["data"]["test_fraction"] = 0.0
    module = program(doc, framework, lessons.LESSONS_DIR, untrained=True)
    module.train(module.build_model(), 2)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "nan" not in "".join(lines)
    assert lines[0].startswith("epoch    1   train loss 0.") and lines[0].endswith(
        "test loss —   test accuracy —")
