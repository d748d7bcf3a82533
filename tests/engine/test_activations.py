"""Every activation of the lecture: derivative against finite differences, the lecture's
facts about the derivatives, stability at large |g|, and a formula to show."""
import warnings

import numpy as np
import pytest

from simulator.engine import activations

ELEMENTWISE = activations.HIDDEN


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_matches_central_differences(name):
    act = activations.get(name)
    # stay clear of the kinks at 0 (step, ReLU family), where f' is undefined
    g = np.concatenate([np.linspace(-6, -0.01, 300), np.linspace(0.01, 6, 300)])
    h = 1e-6
    numeric = (act.f(g + h) - act.f(g - h)) / (2 * h)
    np.testing.assert_allclose(act.df(g), numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", activations.names())
def test_stable_at_large_inputs(name):
    act = activations.get(name)
    g = np.array([-1e300, -1000.0, -50.0, 0.0, 50.0, 1000.0, 1e300])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            y, dy = act.f(g), act.df(g)
    assert np.all(np.isfinite(dy))
    if name not in ("linear", "relu", "leaky_relu", "prelu", "gelu", "silu", "softplus", "elu"):
        assert np.all(np.isfinite(y))


def test_lecture_facts_about_sigmoid_and_tanh():
    g = np.linspace(-10, 10, 20001)
    s = activations.get("sigmoid")
    assert s.df(g).max() == pytest.approx(0.25, abs=1e-9)
    assert g[np.argmax(s.df(g))] == pytest.approx(0.0, abs=1e-3)
    np.testing.assert_allclose(s.df(g), s.f(g) * (1 - s.f(g)))
    t = activations.get("tanh")
    assert t.df(g).max() == pytest.approx(1.0, abs=1e-9)
    np.testing.assert_allclose(t.df(g), 1 - np.tanh(g) ** 2)
    assert np.all(t.df(g[g != 0]) < 1.0)


def test_relu_family_below_zero():
    g = np.array([-3.0, -0.5])
    assert np.all(activations.get("relu").df(g) == 0)          # the dying-ReLU problem
    assert np.allclose(activations.get("leaky_relu").df(g), 0.01)
    assert np.allclose(activations.get("prelu").df(g), 0.25)
    assert np.all(activations.get("step").df(np.array([-1.0, 1.0])) == 0)


def test_values_of_the_lecture():
    assert activations.get("sigmoid").f(np.array(0.0)) == pytest.approx(0.5)
    assert activations.get("softplus").f(np.array(0.0)) == pytest.approx(np.log(2))
    assert activations.get("elu").f(np.array(-1e3)) == pytest.approx(-1.0)
    assert activations.get("gelu").f(np.array(1.0)) == pytest.approx(0.8412, abs=1e-3)
    assert activations.get("silu").f(np.array(1.0)) == pytest.approx(1 / (1 + np.exp(-1)))
    sm = activations.get("softmax").f(np.array([1.0, 2.0, 3.0]))
    assert sm.sum() == pytest.approx(1.0) and np.argmax(sm) == 2


@pytest.mark.parametrize("name", activations.names())
def test_every_activation_has_formulas(name):
    act = activations.get(name)
    assert act.formula.startswith(("f(g)", "yₖ")) and act.derivative_formula
    assert act.label


def test_unknown_activation_names_the_known_ones():
    with pytest.raises(KeyError, match="known: step, linear, sigmoid"):
        activations.get("swish2")
