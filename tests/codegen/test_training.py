"""The promise, part two: training the untrained export for 20 epochs gives nnsim's train
loss epoch by epoch (1e-6): the same shuffling, the same mini-batches (the last one
partial), the same optimiser arithmetic, penalties, clipping and batch-norm statistics."""
import numpy as np
import pytest

from simulator.document import lessons
from simulator.engine.trainer import Trainer

from .conftest import document, hid, inp, out, program

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
