"""The four comparison lessons show what their texts say (headless, as `nnsim compare`)."""
import pytest

from simulator.document import compare as dc
from simulator.document import lessons
from simulator.engine.compare import Comparison


def compared(lesson_id):
    doc = lessons.load_lesson(lesson_id)
    declared = dc.declared(doc)
    comparison = Comparison(dc.variants(doc, declared.kind, declared.values), base_dir=lessons.LESSONS_DIR)
    epochs = declared.epochs or doc["lesson"]["epochs"]
    comparison.train_to(epochs)
    return doc, comparison.snapshot(target_epochs=epochs, surfaces=False)


def test_one_perceptron_cannot_learn_xor_an_mlp_can():
    doc, snap = compared("perceptron-vs-mlp")
    perceptron, mlp_ = snap.variants
    assert doc["lesson"]["panel"] == "compare" and len(doc["network"]["nodes"]) == 5   # the MLP in the centre
    assert perceptron.label == "one neuron (perceptron)" and perceptron.variant.labels["pt_BR"]
    assert perceptron.status == "stuck" and perceptron.test_metric == pytest.approx(0.69, abs=0.005)
    assert perceptron.train_loss == pytest.approx(0.69, abs=0.01)
    assert mlp_.status == "ok" and mlp_.test_metric == 1.0


def test_the_step_function_stops_the_first_layer_the_sigmoid_learns():
    _, snap = compared("step-vs-sigmoid")
    step, sigmoid = snap.variants
    assert step.layer_gradient_norms[0] == 0.0 and (step.history.grad_norms[:, 0] == 0).all()
    assert step.status == "stuck" and step.test_metric == pytest.approx(0.56, abs=0.005)
    assert sigmoid.status == "ok" and sigmoid.test_metric == 1.0 and sigmoid.layer_gradient_norms[0] > 0


def test_nine_of_sixteen_seeds_get_stuck_in_a_local_minimum():
    _, snap = compared("seeds")
    assert [v.seed for v in snap.variants] == list(range(16)) and snap.epoch == 200
    stuck = [v.seed for v in snap.variants if v.status == "stuck"]
    assert stuck == [0, 2, 5, 7, 9, 11, 12, 13, 14]
    for v in snap.variants:
        if v.seed in stuck:
            assert (v.train_metric, v.test_metric) == (0.8, 0.7) and 0.31 < v.train_loss < 0.34
        else:
            assert v.status == "ok" and v.test_metric == 1.0


def test_learning_rates_too_small_right_too_large_diverging():
    _, snap = compared("learning-rate")
    small, right, large, huge = snap.variants
    assert [v.learning_rate for v in snap.variants] == [0.001, 0.1, 0.7, 2.0]
    assert [v.status for v in snap.variants] == ["behind", "ok", "behind", "diverged"]
    assert small.test_metric == pytest.approx(0.05, abs=0.005)
    assert small.history.train_loss[-1] < small.history.train_loss[-50]      # still creeping down
    assert right.test_metric == pytest.approx(0.996, abs=0.0005)
    assert large.test_metric == pytest.approx(0.75, abs=0.005)
    assert (large.history.train_loss[1:] > large.history.train_loss[:-1]).sum() > 100   # zig-zags
    assert huge.diverged.epoch == 8 and len(huge.history.epoch) == 7
