"""Overflow is expected when training diverges (the trainer detects and reports it): no
NumPy RuntimeWarning may leak to stderr from training, snapshots, the drawing's probes or
the scripting API. Checked with floating-point errors raised, so a leak fails here."""
import warnings

import numpy as np
import pytest

from simulator.document import lessons, mitigations
from simulator.engine import probe
from simulator.engine.trainer import Trainer


def exercise(doc, epochs):
    """What `nnsim train`, the window and the exporter do with a document."""
    t = Trainer.from_document(doc, base_dir=lessons.LESSONS_DIR)
    t.trace_step(kind="batch")
    t.run(epochs=epochs)
    t.metrics()
    t.snapshot(extras=probe.snapshot_extras(t.net, t.data, t.net.doc_node_ids[-1]))
    t.net.forward(t.data.x_train)
    t.net.loss_and_gradients(t.data.x_train[:10], t.data.y_train[:10])
    t.net.penalty()
    return t


@pytest.fixture
def loud():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            yield


def test_the_exploding_gradient_lesson_overflows_quietly(loud):
    t = exercise(lessons.load_lesson("exploding-gradient"), 30)
    assert t.diverged is not None and "gradients exploded in layer 1" in t.diverged.message
    # the diverged network evaluated again: the GUI's thumbnails and surface, the API
    probe.snapshot_extras(t.net, t.data)
    probe.surface(t.net, t.data.domain, 20)
    t.net.node_values(t.data.x_train)


def test_huge_weights_with_an_l2_penalty_overflow_quietly(loud):
    doc = lessons.load_lesson("exploding-gradient")
    doc["training"]["l2"] = 0.01
    t = exercise(doc, 5)
    t.net.params[:] = 1e200
    t.net.penalty()
    t.net.loss_and_gradients(t.data.x_train[:10], t.data.y_train[:10])


@pytest.mark.parametrize("lesson_id", lessons.ids())
def test_no_lesson_warns(lesson_id, loud):
    doc = lessons.load_lesson(lesson_id)
    exercise(doc, min(int(doc["lesson"].get("epochs", 100)), 100))
    for remedy in doc["lesson"].get("mitigations", []):
        exercise(mitigations.apply(doc, [remedy]), 20)


def test_one_input_curves_of_a_huge_network_are_quiet(loud):
    t = exercise(lessons.load_lesson("square"), 5)
    t.net.params[:] = 1e300                 # weights as a diverged run leaves them
    probe.curve(t.net, t.data.domain)
    probe.snapshot_extras(t.net, t.data, t.net.doc_node_ids[1])
