"""The promise, part one: the exported model's outputs equal the simulator's
(Network.forward, float64, 1e-9 relative) for every lesson and for random drawings with
skip links, missing edges, PReLU, batch norm and softmax — NumPy always, PyTorch where
torch is installed."""
import numpy as np
import pytest

from simulator import codegen
from simulator.document import lessons, normalise
from simulator.engine import sequences
from simulator.engine.trainer import Trainer
from tests.engine.dags import random_dag

from .conftest import outputs, program, relative_error

FEED_FORWARD = [i for i in lessons.ids()
                if not sequences.is_sequence_spec(lessons.load_lesson(i)["data"])]
EPOCHS = {"exploding-gradient": 0}       # that lesson diverges in its first epoch, by design


def trained(doc, base, epochs):
    trainer = Trainer.from_document(doc, base_dir=base)
    trainer.run(epochs=epochs)
    data = trainer.data
    return trainer.net, np.vstack([data.x_train, data.x_test])


def test_every_feed_forward_lesson_is_exported():
    assert len(FEED_FORWARD) >= 15 and "xor" in FEED_FORWARD and "activations" in FEED_FORWARD


@pytest.mark.parametrize("lesson", FEED_FORWARD)
def test_lesson_outputs_equal_the_simulators(lesson, framework):
    doc = lessons.load_lesson(lesson)
    epochs = EPOCHS.get(lesson, 2)
    net, X = trained(doc, lessons.LESSONS_DIR, epochs)
    module = program(doc, framework, lessons.LESSONS_DIR, epochs=epochs)
    assert relative_error(outputs(module, framework, X), net.forward(X)) <= 1e-9


def random_documents():
    rng = np.random.default_rng(14)
    cases = []
    for k, acts in enumerate([("tanh", "prelu", "relu"), ("gelu", "silu", "elu", "prelu"),
                              ("softplus", "leaky_relu", "sigmoid", "linear"), ("step", "tanh", "prelu")]):
        for output, n_out, loss, data in [
                ("sigmoid", 1, "bce", {"dataset": "circles", "samples": 90, "noise": 0.1}),
                ("softmax", 3, "cross_entropy", {"dataset": "gauss", "classes": 3, "samples": 90,
                                                 "noise": 0.2}),
                ("tanh", 1, "mse", {"dataset": "moons", "samples": 90, "noise": 0.1})]:
            doc = random_dag(rng, acts, output, n_out, loss, n_hidden=6, batch_norm=k % 2 == 0)
            doc["data"] = data
            doc["training"].update(optimizer=("sgd", "momentum", "adam")[k % 3], learning_rate=0.05,
                                   batch_size=7)
            cases.append(pytest.param(normalise(doc), id=f"{'-'.join(acts)}-{output}"))
    return cases


@pytest.mark.parametrize("doc", random_documents())
def test_random_drawing_outputs_equal_the_simulators(doc, framework):
    net, X = trained(doc, None, 3)
    module = program(doc, framework, epochs=3)
    assert relative_error(outputs(module, framework, X), net.forward(X)) <= 1e-9


def test_random_drawings_cover_skip_links_masks_prelu_batch_norm_and_softmax():
    """The random cases hold what they are meant to test."""
    specs = [codegen.build(p.values[0], epochs=0).model for p in random_documents()]
    blocks = [b for s in specs for L in s.layers for b in L.blocks]
    assert any(not b.primary for b in blocks)                       # skip links
    assert any(b.mask is not None for b in blocks)                  # missing edges
    assert any(g.slope is not None for s in specs for L in s.layers for g in L.groups)
    assert any(s.has_bn for s in specs)
    assert any(s.fused == "softmax" for s in specs)
    assert any(len(L.groups) > 1 for s in specs for L in s.layers)  # mixed activations in a layer
