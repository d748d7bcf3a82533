"""Sequence data: the built-in tasks mean what their names say, seeded; inline sequences;
bad parameters are refused with their place."""
import numpy as np
import pytest

from simulator.engine import datasets, sequences


def test_echo_targets_are_the_input_lag_steps_before():
    X, Y = sequences.make("echo", sequences=30, length=12, seed=3, lag=3)
    assert X.shape == Y.shape == (30, 12, 1)
    assert np.isnan(Y[:, :3]).all()
    np.testing.assert_array_equal(Y[:, 3:, 0], X[:, :-3, 0])
    assert set(np.unique(X)) == {0.0, 1.0}


def test_temporal_xor_is_a_stream_of_triples_predicting_the_next_bit():
    X, Y = sequences.make("temporal-xor", sequences=20, length=13, seed=1)
    x, y = X[:, :, 0].astype(int), Y[:, :, 0].astype(int)
    np.testing.assert_array_equal(y[:, :-1], x[:, 1:])        # the target is the next bit
    a, b, c = x[:, 0::3][:, :4], x[:, 1::3][:, :4], x[:, 2::3][:, :4]
    np.testing.assert_array_equal(c, a ^ b)                    # every third bit is the XOR
    np.testing.assert_array_equal(y[:, 1::3][:, :4], a ^ b)    # predictable at steps 1, 4, 7…


def test_sine_next_predicts_the_next_sample_of_a_random_phase_sine():
    X, Y = sequences.make("sine-next", sequences=10, length=8, seed=0, step=0.5)
    np.testing.assert_allclose(Y[:, :-1], X[:, 1:])
    np.testing.assert_allclose(X[:, 1:, 0] ** 2 + ((X[:, 1:, 0] * np.cos(0.5) - X[:, :-1, 0]) / np.sin(0.5)) ** 2,
                               1.0, atol=1e-12)                # points of one sine of step 0.5
    assert np.std(X[:, 0, 0]) > 0.3                            # random phases


def test_parity_is_the_running_xor():
    X, Y = sequences.make("parity", sequences=5, length=9, seed=2)
    np.testing.assert_array_equal(Y[:, :, 0], np.bitwise_xor.accumulate(X[:, :, 0].astype(int), axis=1))


def test_the_same_document_gives_the_same_data_and_split_by_sequence():
    spec = {"dataset": "echo", "sequences": 40, "length": 6, "lag": 2, "test_fraction": 0.25, "seed": 9}
    a, b = datasets.from_spec(spec), datasets.from_spec(dict(spec))
    np.testing.assert_array_equal(a.x_train, b.x_train)
    np.testing.assert_array_equal(a.y_test, b.y_test)
    assert a.is_sequence and len(a.x_train) == 30 and len(a.x_test) == 10
    c = datasets.from_spec({**spec, "seed": 10})
    assert not np.array_equal(a.x_train, c.x_train)
    assert a.task == "classification" and datasets.from_spec({"dataset": "sine-next"}).task == "regression"


def test_inline_sequences_of_different_lengths_with_missing_targets():
    spec = {"sequences": [{"x": [0, 1, 1], "y": [None, 0, 1]},
                          {"x": [[1], [0]], "y": [[1], None]},
                          {"x": [1, 1, 0, 1], "y": [1, 0, 0, 1]}], "test_fraction": 0.0}
    d = datasets.from_spec(spec, loss="bce")
    assert d.x_train.shape == (3, 4, 1) and sorted(d.lengths_train.tolist()) == [2, 3, 4]
    short = int(np.flatnonzero(d.lengths_train == 2)[0])
    assert np.isnan(d.y_train[short, 1:]).all() and (d.x_train[short, 2:] == 0).all()   # padded


@pytest.mark.parametrize("spec,message", [
    ({"dataset": "echo", "lag": 0}, "data.lag: must be between 1"),
    ({"dataset": "echo", "length": 1}, "data.length: must be between 2"),
    ({"dataset": "echo", "sequences": -5}, "data.sequences: must be between 1"),
    ({"dataset": "echo", "lag": 5, "length": 5}, "data.lag: must be shorter than the sequences"),
    ({"dataset": "parity", "length": 2.5}, "data.length: expected a whole number"),
    ({"dataset": "sine-next", "step": 0}, "data.step"),
    ({"sequences": [{"x": [0, 1], "y": [1]}]}, "data.sequences[0].y: 1 steps, but x has 2"),
    ({"sequences": [{"x": [0, "a"], "y": [1, 0]}]}, 'data.sequences[0].x[1]: expected a number'),
    ({"sequences": [{"x": [0, 1], "y": [None, None]}]}, "no step has a target"),
])
def test_bad_parameters_are_named(spec, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        datasets.from_spec(spec)
