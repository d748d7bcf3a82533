"""Activation functions of the lecture, each with its value, derivative and formula.

Every class is vectorised over arrays of any shape and numerically stable for |g| up to
1e300 (no overflow warnings). ``f`` and ``df`` are the readable API; ``forward`` and
``derivative`` are what the network uses: they write into preallocated buffers and may use
the already computed output ``a = f(z)`` to save work (tanh' = 1 - a**2).
"""
from __future__ import annotations

import math

import numpy as np

_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_GELU_C = 0.044715


def _sigmoid(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    # 1/(1+e^-z) == (1 + tanh(z/2)) / 2: no exp, so no overflow at any |z|.
    out = np.multiply(z, 0.5, out=out)
    np.tanh(out, out=out)
    out *= 0.5
    out += 0.5
    return out


class Activation:
    """Base class: value f(g), derivative f'(g) and the formula as the lecture writes it."""

    name: str = ""
    label: str = ""            # short human name
    formula: str = ""          # unicode, for panels and tooltips
    derivative_formula: str = ""
    latex: str = ""
    range: tuple[float, float] = (-math.inf, math.inf)
    dmax: float | None = None  # the derivative's maximum, a fact the lecture uses
    learnable_slope: bool = False
    # Whether f' can be computed from the output a alone (saves keeping z around).
    elementwise: bool = True

    def f(self, z: np.ndarray) -> np.ndarray:
        """f(g), elementwise (softmax: over the last axis)."""
        z = np.asarray(z, dtype=float)
        z1 = np.atleast_1d(z)
        return self.forward(z1, np.empty_like(z1)).reshape(z.shape)

    def df(self, z: np.ndarray) -> np.ndarray:
        """f'(g), elementwise (softmax: the diagonal of its Jacobian)."""
        z = np.asarray(z, dtype=float)
        z1 = np.atleast_1d(z)
        return self.derivative(z1, self.f(z1), np.empty_like(z1)).reshape(z.shape)

    # engine API -----------------------------------------------------------------------
    def forward(self, z: np.ndarray, out: np.ndarray, alpha: np.ndarray | None = None) -> np.ndarray:
        raise NotImplementedError

    def derivative(self, z: np.ndarray, a: np.ndarray, out: np.ndarray,
                   alpha: np.ndarray | None = None) -> np.ndarray:
        raise NotImplementedError

    # The network precompiles a step into a list of (function, arguments) calls on fixed
    # buffers; activations whose rule is one or two ufuncs list them directly.
    def forward_ops(self, z, out, alpha=None) -> list[tuple]:
        return [(self.forward, (z, out, alpha))]

    def derivative_ops(self, z, a, out, alpha=None) -> list[tuple]:
        return [(self.derivative, (z, a, out, alpha))]

    def __repr__(self) -> str:
        return f"<activation {self.name}>"


class Step(Activation):
    """Heaviside step: :math:`f(g) = 1` if :math:`g \\ge 0` else 0; :math:`f'(g) = 0`."""

    name, label = "step", "Step"
    formula = "f(g) = 1 if g ≥ 0, else 0"
    derivative_formula = "f′(g) = 0 (undefined at g = 0)"
    latex = r"f(g)=\begin{cases}1 & g\ge 0\\ 0 & g<0\end{cases}"
    range = (0.0, 1.0)
    dmax = 0.0

    def forward(self, z, out, alpha=None):
        np.greater_equal(z, 0.0, out=out, casting="unsafe")
        return out

    def derivative(self, z, a, out, alpha=None):
        out.fill(0.0)
        return out


class Linear(Activation):
    """Identity: :math:`f(g) = g`, :math:`f'(g) = 1`."""

    name, label = "linear", "Linear"
    formula = "f(g) = g"
    derivative_formula = "f′(g) = 1"
    latex = r"f(g)=g"
    dmax = 1.0

    def forward(self, z, out, alpha=None):
        if out is not z:
            np.copyto(out, z)
        return out

    def derivative(self, z, a, out, alpha=None):
        out.fill(1.0)
        return out


class Sigmoid(Activation):
    """Logistic: :math:`f(g) = 1/(1+e^{-g})`, :math:`f'(g) = f(g)(1-f(g)) \\le 0.25`."""

    name, label = "sigmoid", "Logistic (sigmoid)"
    formula = "f(g) = 1 / (1 + e⁻ᵍ)"
    derivative_formula = "f′(g) = f(g)·(1 − f(g)) ≤ 0.25"
    latex = r"f(g)=\frac{1}{1+e^{-g}}"
    range = (0.0, 1.0)
    dmax = 0.25

    def forward(self, z, out, alpha=None):
        return _sigmoid(z, out)

    def derivative(self, z, a, out, alpha=None):
        np.subtract(1.0, a, out=out)
        out *= a
        return out

    def forward_ops(self, z, out, alpha=None):
        return [(np.multiply, (z, 0.5, out)), (np.tanh, (out, out)),
                (np.multiply, (out, 0.5, out)), (np.add, (out, 0.5, out))]

    def derivative_ops(self, z, a, out, alpha=None):
        return [(np.subtract, (1.0, a, out)), (np.multiply, (out, a, out))]


class Tanh(Activation):
    """Hyperbolic tangent: :math:`f'(g) = 1 - \\tanh^2 g \\le 1`."""

    name, label = "tanh", "Hyperbolic tangent"
    formula = "f(g) = (eᵍ − e⁻ᵍ) / (eᵍ + e⁻ᵍ)"
    derivative_formula = "f′(g) = 1 − tanh²(g) ≤ 1"
    latex = r"f(g)=\tanh(g)"
    range = (-1.0, 1.0)
    dmax = 1.0

    def forward(self, z, out, alpha=None):
        return np.tanh(z, out=out)

    def derivative(self, z, a, out, alpha=None):
        np.multiply(a, a, out=out)
        np.subtract(1.0, out, out=out)
        return out

    def forward_ops(self, z, out, alpha=None):
        return [(np.tanh, (z, out))]

    def derivative_ops(self, z, a, out, alpha=None):
        return [(np.multiply, (a, a, out)), (np.subtract, (1.0, out, out))]


class ReLU(Activation):
    """Rectified linear unit: :math:`f(g) = \\max(0, g)`, :math:`f'(g) = [g > 0]`."""

    name, label = "relu", "ReLU"
    formula = "f(g) = max(0, g)"
    derivative_formula = "f′(g) = 1 if g > 0, 0 if g < 0"
    latex = r"f(g)=\max(0,g)"
    range = (0.0, math.inf)
    dmax = 1.0

    def forward(self, z, out, alpha=None):
        return np.maximum(z, 0.0, out=out)

    def derivative(self, z, a, out, alpha=None):
        np.greater(z, 0.0, out=out, casting="unsafe")
        return out

    def forward_ops(self, z, out, alpha=None):
        return [(self.forward, (z, out))]


class LeakyReLU(Activation):
    """Leaky ReLU with slope 0.01 below zero."""

    name, label = "leaky_relu", "Leaky ReLU"
    slope = 0.01
    formula = "f(g) = g if g > 0, else 0.01·g"
    derivative_formula = "f′(g) = 1 if g > 0, else 0.01"
    latex = r"f(g)=\max(0.01g,\,g)"
    dmax = 1.0

    def forward(self, z, out, alpha=None):
        np.multiply(z, self.slope, out=out)
        return np.maximum(z, out, out=out)

    def derivative(self, z, a, out, alpha=None):
        np.greater(z, 0.0, out=out, casting="unsafe")
        out *= 1.0 - self.slope
        out += self.slope
        return out


class PReLU(Activation):
    """Parametric ReLU: like leaky ReLU, but the slope α below zero is learned per neuron."""

    name, label = "prelu", "Parametric ReLU"
    formula = "f(g) = g if g > 0, else α·g  (α learned)"
    derivative_formula = "f′(g) = 1 if g > 0, else α;  ∂f/∂α = min(0, g)"
    latex = r"f(g)=\max(0,g)+\alpha\min(0,g)"
    dmax = 1.0
    learnable_slope = True
    default_alpha = 0.25

    def _alpha(self, alpha):
        return self.default_alpha if alpha is None else alpha

    def forward(self, z, out, alpha=None):
        np.minimum(z, 0.0, out=out)
        out *= self._alpha(alpha)
        out += np.maximum(z, 0.0)
        return out

    def derivative(self, z, a, out, alpha=None):
        al = self._alpha(alpha)
        pos = z > 0.0
        np.copyto(out, np.where(pos, 1.0, al))
        return out


class GELU(Activation):
    """Gaussian error linear unit, tanh form: :math:`\\tfrac12 g(1+\\tanh(\\sqrt{2/\\pi}(g+0.044715g^3)))`."""

    name, label = "gelu", "GELU"
    formula = "f(g) = g·Φ(g) ≈ ½·g·(1 + tanh(√(2/π)·(g + 0.044715·g³)))"
    derivative_formula = "f′(g) = ½(1 + t) + ½·g·(1 − t²)·√(2/π)·(1 + 3·0.044715·g²)"
    latex = r"f(g)=g\,\Phi(g)"
    dmax = None

    def _t(self, z):
        zc = np.clip(z, -1e100, 1e100)  # g³ must not overflow; tanh saturates long before
        return np.tanh(_SQRT_2_OVER_PI * (zc + _GELU_C * zc * zc * zc))

    def forward(self, z, out, alpha=None):
        t = self._t(z)
        np.add(t, 1.0, out=out)
        out *= z
        out *= 0.5
        return out

    def derivative(self, z, a, out, alpha=None):
        zc = np.clip(z, -1e100, 1e100)
        t = self._t(z)
        inner = _SQRT_2_OVER_PI * (1.0 + 3.0 * _GELU_C * zc * zc)
        # (g·sech²) first: it is exactly 0 in the far tails, so the product never overflows.
        term = (0.5 * zc * (1.0 - t * t)) * inner
        np.add(0.5 * (1.0 + t), term, out=out)
        return out


class SiLU(Activation):
    """Sigmoid linear unit (swish): :math:`f(g) = g\\,\\sigma(g)`."""

    name, label = "silu", "SiLU (swish)"
    formula = "f(g) = g·σ(g)"
    derivative_formula = "f′(g) = σ(g)·(1 + g·(1 − σ(g)))"
    latex = r"f(g)=g\,\sigma(g)"
    dmax = None

    def forward(self, z, out, alpha=None):
        _sigmoid(z, out)
        out *= z
        return out

    def derivative(self, z, a, out, alpha=None):
        s = _sigmoid(z)
        np.subtract(1.0, s, out=out)
        out *= z
        out += 1.0
        out *= s
        return out


class Softplus(Activation):
    """Softplus: :math:`f(g) = \\ln(1+e^g)`, :math:`f'(g) = \\sigma(g)`."""

    name, label = "softplus", "Softplus"
    formula = "f(g) = ln(1 + eᵍ)"
    derivative_formula = "f′(g) = σ(g) = 1 / (1 + e⁻ᵍ)"
    latex = r"f(g)=\ln(1+e^{g})"
    range = (0.0, math.inf)
    dmax = 1.0

    def forward(self, z, out, alpha=None):
        # max(g, 0) + ln(1 + e^-|g|): exp never sees a positive argument.
        tmp = np.negative(np.abs(z))
        np.exp(tmp, out=tmp)
        np.log1p(tmp, out=tmp)
        np.maximum(z, 0.0, out=out)
        out += tmp
        return out

    def derivative(self, z, a, out, alpha=None):
        return _sigmoid(z, out)


class ELU(Activation):
    """Exponential linear unit with α = 1: :math:`f(g) = g` if g > 0 else :math:`e^g - 1`."""

    name, label = "elu", "ELU"
    alpha = 1.0
    formula = "f(g) = g if g > 0, else α·(eᵍ − 1), α = 1"
    derivative_formula = "f′(g) = 1 if g > 0, else α·eᵍ"
    latex = r"f(g)=\begin{cases}g & g>0\\ \alpha(e^{g}-1) & g\le 0\end{cases}"
    range = (-1.0, math.inf)
    dmax = 1.0

    def forward(self, z, out, alpha=None):
        np.minimum(z, 0.0, out=out)
        np.expm1(out, out=out)
        out *= self.alpha
        out += np.maximum(z, 0.0)
        return out

    def derivative(self, z, a, out, alpha=None):
        np.minimum(z, 0.0, out=out)
        np.exp(out, out=out)
        out *= self.alpha
        np.copyto(out, 1.0, where=z > 0.0)
        return out


class Softmax(Activation):
    """Softmax over a group of output neurons: :math:`y_k = e^{g_k} / \\sum_j e^{g_j}`.

    Not elementwise: ``forward`` normalises over the last axis. Its Jacobian is applied by
    the network (fused with cross-entropy it reduces to ``y - t``). ``df`` returns the
    diagonal ``y(1-y)`` for plotting.
    """

    name, label = "softmax", "Softmax"
    formula = "yₖ = eᵍᵏ / Σⱼ eᵍʲ"
    derivative_formula = "∂yₖ/∂gⱼ = yₖ·(δₖⱼ − yⱼ)"
    latex = r"y_k=\frac{e^{g_k}}{\sum_j e^{g_j}}"
    range = (0.0, 1.0)
    dmax = 0.25
    elementwise = False

    def forward(self, z, out, alpha=None):
        if z.ndim == 0:
            out[...] = 1.0
            return out
        np.subtract(z, z.max(axis=-1, keepdims=True), out=out)
        np.exp(out, out=out)
        out /= out.sum(axis=-1, keepdims=True)
        return out

    def derivative(self, z, a, out, alpha=None):
        np.subtract(1.0, a, out=out)
        out *= a
        return out


_ALL: dict[str, Activation] = {
    cls.name: cls()
    for cls in (Step, Linear, Sigmoid, Tanh, ReLU, LeakyReLU, PReLU, GELU, SiLU, Softplus, ELU,
                Softmax)
}

#: Activations a hidden neuron may use (every one of the lecture), in the lecture's order.
HIDDEN = ("step", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "gelu", "silu",
          "softplus", "elu")
#: Activations an output neuron may use.
OUTPUT = HIDDEN + ("softmax",)
#: Activations whose units can "die" (zero gradient for every sample).
RELU_LIKE = ("relu",)
#: Activations that saturate at both ends (vanishing gradients).
SATURATING = ("sigmoid", "tanh")


def names() -> tuple[str, ...]:
    """Every activation name, in the lecture's order, softmax last."""
    return OUTPUT


def get(name: str) -> Activation:
    """The activation called ``name``; ``KeyError`` naming the known ones otherwise."""
    try:
        return _ALL[name]
    except KeyError:
        raise KeyError(f'unknown activation "{name}" (known: {", ".join(OUTPUT)})') from None
