"""The comparison engine: K variants stacked, each ending exactly where its own single run
ends (same arithmetic, same shuffling), one NumPy call per step for all K, a diverging
variant frozen alone, separate groups for other drawings."""
import copy

import numpy as np
import pytest

from simulator.document import compare as dc
from simulator.document import lessons, mlp
from simulator.engine.compare import Comparison, SeparateRuns
from simulator.engine.stacked import StackedTrainer
from simulator.engine.trainer import Trainer

BASE = lessons.LESSONS_DIR


def single(variant, epochs):
    """The variant's own single run, as ``nnsim train`` does it."""
    t = Trainer.from_document(variant.doc, base_dir=BASE)
    t.run(epochs=epochs)
    return t


def assert_each_equals_its_single_run(variants, epochs, rel=1e-9):
    comparison = Comparison(variants, base_dir=BASE)
    comparison.train_to(epochs)
    results = comparison.results()
    for v, r in zip(variants, results):
        t = single(v, epochs)
        m = t.metrics()
        assert r["train_loss"] == pytest.approx(m["train_loss"], rel=rel, abs=1e-300, nan_ok=True), v.label
        assert r["test_loss"] == pytest.approx(m["test_loss"], rel=rel, abs=1e-300, nan_ok=True), v.label
        key = "test_accuracy" if "test_accuracy" in m else "test_r2"
        assert r[key] == pytest.approx(m[key], rel=1e-9, abs=1e-12, nan_ok=True), v.label
        assert r["layer_gradient_norms"] == pytest.approx(m["layer_gradient_norms"], rel=1e-7, abs=1e-300)
        assert r["diverged"] == m["diverged"]
        assert r["seed"] == t.seed and r["learning_rate"] == t.learning_rate
    return comparison, results


def test_seeds_each_equal_their_single_run():
    doc = lessons.load_lesson("xor")
    variants = dc.seed_variants(doc, [0, 1, 2, 5, 7, 11])
    comparison, results = assert_each_equals_its_single_run(variants, 25)
    assert len(comparison.groups) == 1 and isinstance(comparison.groups[0][1], StackedTrainer)
    # the seeds really differ: different weights, different shuffling
    assert len({round(r["train_loss"], 12) for r in results}) == len(variants)


def test_learning_rates_each_equal_their_single_run():
    doc = lessons.load_lesson("circles")
    variants = dc.learning_rate_variants(doc, [0.003, 0.03, 0.3, 3.0])
    comparison, _ = assert_each_equals_its_single_run(variants, 15)
    assert len(comparison.groups) == 1


def test_activations_each_equal_their_single_run():
    doc = lessons.load_lesson("circles")
    names = ["step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "silu", "softplus", "linear"]
    comparison, results = assert_each_equals_its_single_run(dc.activation_variants(doc, names), 12)
    # they share one layout: one stack, each activation applied to its own slice
    assert len(comparison.groups) == 1
    assert [r["activation"] for r in results] == names


def test_prelu_changes_the_layout_so_it_trains_in_a_group_of_its_own():
    doc = lessons.load_lesson("xor")
    comparison, _ = assert_each_equals_its_single_run(dc.activation_variants(doc, ["tanh", "prelu", "relu"]), 10)
    sizes = sorted(len(idx) for idx, _ in comparison.groups)
    assert sizes == [1, 2]


@pytest.mark.parametrize("lesson_id,changes", [
    ("square", {}),                                         # Adam, MSE, linear output
    ("gauss", {"optimizer": "momentum"}),                    # softmax + cross-entropy
    ("circles", {"clip": 0.05, "l2": 0.01, "l1": 0.001}),  # clipping by each one's norm, penalties
    ("two-neurons", {"batch_size": 4}),                      # a last partial batch (9 rows)
    ("xor", {"shuffle": False, "optimizer": "adam"}),
    ("spiral", {}),
])
def test_the_single_runs_arithmetic_for_every_setting(lesson_id, changes):
    doc = lessons.load_lesson(lesson_id)
    doc["training"].update(changes)
    assert_each_equals_its_single_run(dc.seed_variants(doc, [0, 3, 4]), 8)


def test_unfused_losses_and_learned_slopes():
    # BCE on a tanh output (no fused delta), PReLU hidden neurons with learned slopes
    doc = mlp([2, 3, 1], hidden="prelu", output="tanh")
    doc["training"].update(loss="bce", learning_rate=0.1, seed=0)
    doc["data"] = {"dataset": "moons", "samples": 120, "noise": 0.1, "test_fraction": 0.25, "seed": 0}
    assert_each_equals_its_single_run(dc.seed_variants(doc, [0, 1, 2]), 10)


def test_batch_norm_variants_fall_back_to_their_own_runs():
    doc = lessons.load_lesson("vanishing-gradient")
    for n in doc["network"]["nodes"]:
        if n["kind"] == "hidden":
            n["batch_norm"] = True
    comparison, _ = assert_each_equals_its_single_run(dc.seed_variants(doc, [0, 1]), 3)
    assert isinstance(comparison.groups[0][1], SeparateRuns)


def test_one_numpy_call_per_operation_for_all_variants():
    """The step is the same list of calls whether it trains 1 or 16 variants."""
    doc = lessons.load_lesson("xor")
    lengths = []
    for k in (1, 16):
        comparison = Comparison(dc.seed_variants(doc, range(k)), base_dir=BASE)
        st = comparison.groups[0][1]
        lengths.append(len(st._tape(st._plan(10))))
    single_run = Trainer.from_document(doc, base_dir=BASE)
    assert lengths[0] == lengths[1] == len(single_run._tape(single_run.net.plan(10)))


def test_a_diverging_variant_stops_alone_and_the_others_go_on():
    doc = lessons.load_lesson("exploding-gradient")        # diverges in epoch 1 at α = 0.001
    doc["training"]["init"] = "he"
    rates = [1e-4, 0.3, 1e-3, 30.0]
    variants = dc.learning_rate_variants(doc, rates)
    comparison = Comparison(variants, base_dir=BASE)
    comparison.train_to(6)
    results = comparison.results()
    snap = comparison.snapshot(surfaces=False)
    went_on = [i for i, r in enumerate(results) if not r["diverged"]]
    stopped = [i for i, r in enumerate(results) if r["diverged"]]
    assert went_on and stopped, results
    for i in stopped:
        own = single(variants[i], 6)
        assert own.diverged is not None
        div = comparison.divergence(i)
        assert (div.epoch, div.step, div.layer, div.quantity) == \
            (own.diverged.epoch, own.diverged.step, own.diverged.layer, own.diverged.quantity)
        assert snap.variants[i].status == "diverged" and snap.variants[i].epoch == div.epoch - 1
        assert np.allclose(comparison.network(i).params, own.net.params, rtol=1e-9, atol=0)
    for i in went_on:
        own = single(variants[i], 6)
        assert own.diverged is None and snap.variants[i].epoch == 6
        assert results[i]["train_loss"] == pytest.approx(own.metrics()["train_loss"], rel=1e-9)
        assert len(snap.variants[i].history.epoch) == 6


def test_step_stops_the_first_layer_learning():
    """The step function's derivative is 0: no gradient reaches the first layer, its
    weights never move; the sigmoid's do."""
    doc = lessons.load_lesson("xor")
    variants = dc.activation_variants(doc, ["step", "sigmoid"])
    comparison = Comparison(variants, base_dir=BASE)
    start = [comparison.network(i).params.copy() for i in range(2)]
    comparison.train_to(20)
    step, sigmoid = comparison.results()
    assert step["layer_gradient_norms"][0] == 0.0 and step["layer_gradient_norms"][1] > 0
    assert sigmoid["layer_gradient_norms"][0] > 0
    net = comparison.network(0)
    first = np.array([net.weights()[e] for e in net.edges if e[1].startswith("h")])
    before = start[0][net.edge_index[[net.edges.index(e) for e in net.edges if e[1].startswith("h")]]]
    assert np.array_equal(first, before)
    assert not np.array_equal(comparison.network(1).params, start[1])


def test_other_drawings_train_as_groups_of_their_own():
    xor = lessons.load_lesson("xor")
    perceptron = copy.deepcopy(xor)
    perceptron["network"]["nodes"] = [n for n in xor["network"]["nodes"] if n["kind"] != "hidden"]
    perceptron["network"]["edges"] = [{"source": "x1", "target": "y"}, {"source": "x2", "target": "y"}]
    variants = dc.document_variants(xor, "MLP", [("perceptron", perceptron, BASE)])
    comparison, results = assert_each_equals_its_single_run(variants, 40)
    assert len(comparison.groups) == 2
    assert results[0]["test_accuracy"] > results[1]["test_accuracy"] + 0.2


def test_snapshot_is_read_only_and_marks_the_stuck_seeds():
    doc = lessons.load_lesson("xor")
    comparison = Comparison(dc.seed_variants(doc, [0, 1]), base_dir=BASE)
    comparison.train_to(200)
    snap = comparison.snapshot(target_epochs=200)
    stuck, solved = snap.variants
    assert snap.finished and snap.epoch == 200
    assert (stuck.status, solved.status) == ("stuck", "ok")
    assert stuck.surface.values.shape == (48, 48)
    with pytest.raises(ValueError):
        stuck.history.train_loss[0] = 0.0
    with pytest.raises(ValueError):
        stuck.layer_gradient_norms[0] = 0.0


def test_time_slices_reach_the_same_result_as_one_call():
    doc = lessons.load_lesson("xor")
    variants = dc.seed_variants(doc, [0, 3])
    a = Comparison(variants, base_dir=BASE)
    while not a.train_to(12, seconds=0.002):
        pass
    b = Comparison(variants, base_dir=BASE)
    b.train_to(12)
    assert [r["train_loss"] for r in a.results()] == [r["train_loss"] for r in b.results()]
