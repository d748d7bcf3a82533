"""Built-in data sets, CSV files and inline points."""
import math

import numpy as np
import pytest

from simulator.engine import datasets


@pytest.mark.parametrize("name", datasets.NAMES)
def test_every_dataset_is_reproducible_and_well_shaped(name):
    X, Y = datasets.make(name, samples=120, noise=0.1, seed=3)
    X2, Y2 = datasets.make(name, samples=120, noise=0.1, seed=3)
    np.testing.assert_array_equal(X, X2)
    width = 1 if name in datasets.ONE_D else 2
    assert X.shape == (120, width) and Y.shape == (120,)
    assert np.isfinite(X).all() and np.isfinite(Y).all()
    if name in datasets.CLASSIFICATION:
        assert set(np.unique(Y)) == {0.0, 1.0}


def test_logic_tables():
    X, Y = datasets.make("xor", samples=4, noise=0.0)
    table = {tuple(x): y for x, y in zip(X.tolist(), Y)}
    assert table == {(0.0, 0.0): 0, (0.0, 1.0): 1, (1.0, 0.0): 1, (1.0, 1.0): 0}
    X, Y = datasets.make("and", samples=4, noise=0.0)
    assert Y.tolist() == [0, 0, 0, 1]


def test_regression_functions_of_the_lecture():
    X, Y = datasets.make("square", 200)
    assert X.min() >= -1 and X.max() <= 1 and np.allclose(Y, X[:, 0] ** 2)
    X, Y = datasets.make("reciprocal", 200)
    assert X.min() >= 1 and X.max() <= 100 and np.allclose(Y, 1 / X[:, 0])
    X, Y = datasets.make("sine", 200)
    assert X.min() >= 1 and X.max() <= 2 * math.pi and np.allclose(Y, np.sin(X[:, 0]))


@pytest.mark.parametrize("name", ["gauss", "spiral"])
def test_k_classes(name):
    _, Y = datasets.make(name, samples=90, classes=3)
    assert set(np.unique(Y)) == {0.0, 1.0, 2.0}


def test_split_keeps_every_row_once():
    d = datasets.from_spec({"dataset": "circles", "samples": 100, "test_fraction": 0.3, "seed": 1})
    assert len(d.x_train) == 70 and len(d.x_test) == 30
    assert d.task == "classification" and d.domain == ((-6.0, 6.0), (-6.0, 6.0))


def test_inline_points_and_explicit_split():
    d = datasets.from_spec({"points": [[0, 0, 0], [1, 1, 1], [0, 1, 1], [1, 0, 0]], "test_fraction": 0.5})
    assert len(d.x_train) == 2 and d.task == "classification" and d.n_raw == 2
    d = datasets.from_spec({"train": [[0.0, 0.0], [0.5, 0.25], [1.0, 1.0]], "test": [[0.7, 0.49]]})
    assert d.n_raw == 1 and d.task == "regression" and len(d.x_test) == 1


def write(tmp_path, text, name="d.csv"):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_csv_columns(tmp_path):
    write(tmp_path, "a,b,label\n1,2,0\n3,4,1\n5,6,1\n7,8,0\n")
    d = datasets.from_spec({"csv": "d.csv", "inputs": ["b", "a"], "target": "label"}, tmp_path)
    X = np.vstack([d.x_train, d.x_test])
    assert sorted(X[:, 0]) == [2, 4, 6, 8] and d.raw_inputs == ("b", "a")


@pytest.mark.parametrize("text,message", [
    ("", "empty"),
    ("a,b,label\n", "no data rows"),
    ("a,b,label\n1,2\n", "line 2: 2 fields"),
    ("a,b,label\n1,x,0\n2,3,1\n", 'column "b": "x" is not a number'),
    ("a,b,label\n1,nan,0\n2,3,1\n", "NaN"),
    ("a,b,label\n1,2,1\n3,4,1\n", "only one class"),
    ("a,c,label\n1,2,1\n3,4,0\n", 'no column "b"'),
])
def test_bad_csv_files_say_what_is_wrong(tmp_path, text, message):
    write(tmp_path, text)
    with pytest.raises(ValueError, match=message):
        datasets.from_spec({"csv": "d.csv", "inputs": ["a", "b"], "target": "label",
                            "task": "classification"}, tmp_path)


def test_missing_csv_file(tmp_path):
    with pytest.raises(ValueError, match="CSV file not found"):
        datasets.from_spec({"csv": "nope.csv", "inputs": ["a"], "target": "y"}, tmp_path)
