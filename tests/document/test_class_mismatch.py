"""The data's classes must match the outputs: softmax with K outputs needs K classes, a
single output separates two. Otherwise the targets merge classes silently (class 3 of a
four-class gauss on three softmax outputs became class 2, and the accuracy said 100 %)."""
import copy
import re

import pytest

from simulator.document import lessons, mlp, problems, training_problems
from simulator.document.validate import class_mismatch


def gauss(classes=3, outputs=3, output="softmax", loss="cross_entropy", hidden=()):
    doc = mlp([2, *hidden, outputs], output=output)
    doc["training"]["loss"] = loss
    doc["data"] = {"dataset": "gauss", "samples": 120, "noise": 0.1, "test_fraction": 0.5, "seed": 0,
                   "classes": classes}
    return doc


def test_four_gauss_classes_on_three_softmax_outputs_cannot_train():
    doc = lessons.load_lesson("gauss")
    doc["data"]["classes"] = 4
    assert problems(doc) == []                  # a valid file...
    assert training_problems(doc) == ["data: 4 classes but the network has 3 softmax outputs"]
    assert class_mismatch(doc) == "data: 4 classes but the network has 3 softmax outputs"


@pytest.mark.parametrize("classes,outputs,output,loss,message", [
    (2, 3, "softmax", "cross_entropy", "data: 2 classes but the network has 3 softmax outputs"),
    (5, 3, "softmax", "cross_entropy", "data: 5 classes but the network has 3 softmax outputs"),
    (3, 1, "sigmoid", "bce", "data: 3 classes but the network has a single output, which separates two classes"),
    (4, 1, "tanh", "mse", "data: 4 classes but the network has a single output, which separates two classes"),
    (3, 2, "sigmoid", "mse", "data: 3 classes but the network has 2 outputs"),
])
def test_mismatches_are_named(classes, outputs, output, loss, message):
    doc = gauss(classes, outputs, output, loss)
    assert problems(doc) == [] and message in training_problems(doc)


@pytest.mark.parametrize("classes,outputs,output,loss", [
    (3, 3, "softmax", "cross_entropy"), (2, 2, "softmax", "cross_entropy"), (2, 1, "sigmoid", "bce"),
    (4, 4, "softmax", "cross_entropy"), (3, 3, "sigmoid", "mse"),
])
def test_matching_classes_are_fine(classes, outputs, output, loss):
    assert training_problems(gauss(classes, outputs, output, loss)) == []


def test_spiral_classes_and_two_class_data_sets():
    doc = mlp([2, 4, 1])
    doc["data"] = {"dataset": "spiral", "samples": 90, "classes": 3}
    assert training_problems(doc) == [
        "data: 3 classes but the network has a single output, which separates two classes"]
    doc["data"]["classes"] = 2
    assert training_problems(doc) == []
    doc["data"] = {"dataset": "moons", "classes": 3}      # classes is not moons' setting: 2 classes
    assert training_problems(doc) == []
    doc["data"] = {"dataset": "sine"}                       # regression: no classes to count
    doc["network"]["nodes"] = [n for n in doc["network"]["nodes"] if n["id"] != "x2"]
    doc["network"]["edges"] = [e for e in doc["network"]["edges"] if e["source"] != "x2"]
    assert training_problems(doc) == []


def test_inline_labels_are_counted():
    doc = mlp([2, 1])
    doc["training"]["loss"] = "bce"
    doc["data"] = {"points": [[0, 0, 0], [1, 0, 1], [0, 1, 2], [1, 1, 1]], "test_fraction": 0.0}
    assert training_problems(doc) == [
        "data: 3 classes but the network has a single output, which separates two classes"]
    doc["data"]["points"] = [[0, 0, -1], [1, 0, 1], [0, 1, 1], [1, 1, -1]]   # -1/+1: two classes
    assert training_problems(doc) == []
    doc["data"] = {"train": [[0, 0, 0], [1, 0, 1]], "test": [[0, 1, 3]]}      # the test rows count too
    assert training_problems(doc)[-1].startswith("data: 4 classes")
    soft = mlp([2, 3], output="softmax")
    soft["training"]["loss"] = "cross_entropy"
    soft["data"] = {"points": [[0, 0, 0], [1, 0, 1], [0, 1, 2], [1, 1, 1]]}
    assert training_problems(soft) == []


def test_regression_data_on_several_outputs_is_not_a_class_problem():
    doc = mlp([2, 3, 2], output="linear")
    doc["training"]["loss"] = "mse"
    doc["data"] = {"dataset": "plane"}
    assert training_problems(doc) == []


def test_other_problems_come_first_and_are_not_doubled():
    doc = gauss(4, 3)
    doc["network"]["nodes"][-1]["activation"] = "sigmoid"    # softmax mixed with another output
    out = training_problems(doc)
    assert out == ["softmax outputs cannot be mixed with other outputs"]


def test_no_built_in_lesson_trips_it():
    for lesson_id in lessons.ids():
        doc = lessons.load_lesson(lesson_id)
        assert training_problems(doc) == [], lesson_id
        assert class_mismatch(doc) is None


def test_the_interface_translates_every_form_of_the_message():
    from simulator.render import engine_text
    messages = [training_problems(gauss(4, 3))[-1], training_problems(gauss(3, 2, "sigmoid", "mse"))[-1],
                training_problems(gauss(3, 1, "sigmoid", "bce"))[-1]]
    patterns = [p for p, _ in engine_text._PROBLEMS]
    for m in messages:
        assert any(re.fullmatch(p + r".*", m) for p in patterns if p.startswith("data:")), m
        assert engine_text.problem(m) == m        # English: the same text, numbers filled in


def test_the_check_does_not_change_the_document():
    doc = gauss(4, 3)
    before = copy.deepcopy(doc)
    training_problems(doc)
    assert doc == before
