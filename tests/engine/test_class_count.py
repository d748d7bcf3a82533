"""How many classes a document's data holds, and the trainer's refusal when they do not fit
the outputs (a CSV file's classes are known only once it is read)."""
import pytest

from simulator.document import mlp
from simulator.engine import datasets
from simulator.engine.trainer import Trainer


@pytest.mark.parametrize("spec,loss,expected", [
    ({"dataset": "gauss", "classes": 4}, None, 4),
    ({"dataset": "spiral"}, None, 2),
    ({"dataset": "xor", "classes": 5}, None, 2),          # only gauss and spiral take classes
    ({}, None, 2),                                        # the default data set is xor
    ({"dataset": "square"}, None, None),                  # regression
    ({"dataset": "moons", "task": "regression"}, None, None),
    ({"points": [[0, 0, 0], [1, 1, 2]]}, "bce", 3),
    ({"points": [[0, 0, -1], [1, 1, 1]]}, None, 2),
    ({"points": [[0, 0.3], [1, 2.5]]}, "mse", None),      # one-input regression rows
    ({"train": [[0, 0, 1]], "test": [[1, 1, 3]]}, "cross_entropy", 4),
    ({"csv": "d.csv", "inputs": ["a"], "target": "y"}, None, None),
])
def test_class_count(spec, loss, expected):
    assert datasets.class_count(spec, loss) == expected


def test_class_count_from_spec_agrees_with_the_data_it_builds():
    for spec in ({"dataset": "gauss", "classes": 3, "samples": 60}, {"dataset": "circles"},
                 {"points": [[0, 0, 0], [1, 0, 1], [0, 1, 2], [1, 1, 3]], "test_fraction": 0.0}):
        assert datasets.class_count(spec, "cross_entropy") == datasets.from_spec(spec, loss="cross_entropy").classes


@pytest.mark.parametrize("classes,outputs,softmax,message", [
    (3, 3, True, None), (2, 1, False, None), (2, 1, True, None), (3, 3, False, None),
    (4, 3, True, "data: 4 classes but the network has 3 softmax outputs"),
    (3, 1, False, "data: 3 classes but the network has a single output, which separates two classes"),
    (2, 3, False, "data: 2 classes but the network has 3 outputs"),
])
def test_class_mismatch_messages(classes, outputs, softmax, message):
    assert datasets.class_mismatch(classes, outputs, softmax) == message


def test_a_csv_with_more_classes_than_outputs_is_refused_when_read(tmp_path):
    (tmp_path / "d.csv").write_text("a,b,label\n0,0,0\n1,0,1\n0,1,2\n1,1,0\n2,2,1\n3,1,2\n")
    doc = mlp([2, 2], output="softmax")
    doc["network"]["nodes"][0]["feature"], doc["network"]["nodes"][1]["feature"] = "a", "b"
    doc["training"]["loss"] = "cross_entropy"
    doc["data"] = {"csv": "d.csv", "inputs": ["a", "b"], "target": "label"}
    with pytest.raises(ValueError, match="data: 3 classes but the network has 2 softmax outputs"):
        Trainer.from_document(doc, base_dir=tmp_path)
    doc = mlp([2, 3], output="softmax")
    doc["network"]["nodes"][0]["feature"], doc["network"]["nodes"][1]["feature"] = "a", "b"
    doc["training"]["loss"] = "cross_entropy"
    doc["data"] = {"csv": "d.csv", "inputs": ["a", "b"], "target": "label"}
    Trainer.from_document(doc, base_dir=tmp_path).run(epochs=2)


def test_the_merged_classes_no_longer_report_a_perfect_accuracy():
    """The bug: four gauss classes on three softmax outputs trained and claimed 100 %."""
    doc = mlp([2, 3], output="softmax")
    doc["training"]["loss"] = "cross_entropy"
    doc["data"] = {"dataset": "gauss", "samples": 200, "noise": 0.1, "classes": 4}
    with pytest.raises(ValueError, match="4 classes but the network has 3 softmax outputs"):
        Trainer.from_document(doc)


def test_new_data_with_more_classes_is_refused_and_the_old_data_kept():
    """The window hands a running trainer new data when the student changes Classes."""
    doc = mlp([2, 3], output="softmax")
    doc["training"]["loss"] = "cross_entropy"
    doc["data"] = {"dataset": "gauss", "samples": 90, "noise": 0.1, "classes": 3}
    t = Trainer.from_document(doc)
    t.run(epochs=2)
    old = t.data
    with pytest.raises(ValueError, match="data: 4 classes but the network has 3 softmax outputs"):
        t.set_data(datasets.from_spec(dict(doc["data"], classes=4)))
    assert t.data is old
    t.run(epochs=1)
    assert t.metrics()["epochs"] == 3
