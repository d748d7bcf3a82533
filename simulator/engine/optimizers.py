"""Optimisers updating one flat parameter buffer in place (a handful of NumPy calls per step)."""
from __future__ import annotations

import numpy as np

NAMES = ("sgd", "momentum", "adam")
LABELS = {"sgd": "Gradient descent (SGD)", "momentum": "SGD with momentum", "adam": "Adam"}


def check(name: str) -> str:
    if name not in NAMES:
        raise KeyError(f'unknown optimizer "{name}" (known: {", ".join(NAMES)})')
    return name


class Optimizer:
    """Base: ``update(params, grads, lr)`` changes ``params`` in place; state is resettable.

    ``ops(params, grads, lr)`` lists the same update as (function, arguments) calls for a
    compiled training step; ``lr`` is then a 0-d array, so changing it needs no recompile.
    ``size`` may be a shape: (K, n) updates K stacked variants at once, ``lr`` then (K, 1)."""

    name = ""

    def __init__(self, size: int | tuple[int, ...]):
        self.size = size
        self._tmp = np.empty(size)

    def ops(self, params: np.ndarray, grads: np.ndarray, lr: np.ndarray) -> list[tuple]:
        return [(self._update_cell, (params, grads, lr))]

    def _update_cell(self, params, grads, lr):
        # a (K, 1) array of stacked variants' rates stays an array (same arithmetic per row)
        self.update(params, grads, float(lr) if np.ndim(lr) == 0 else lr)

    def reset(self) -> None:
        pass

    def state(self) -> tuple:
        return ()

    def set_state(self, state: tuple) -> None:
        pass

    def update(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """w ← w − α ∂J/∂w"""

    name = "sgd"

    def update(self, params, grads, lr):
        np.multiply(grads, lr, out=self._tmp)
        np.subtract(params, self._tmp, out=params)

    def ops(self, params, grads, lr):
        return [(np.multiply, (grads, lr, self._tmp)), (np.subtract, (params, self._tmp, params))]


class Momentum(Optimizer):
    """v ← βv + ∂J/∂w;  w ← w − αv  (β = 0.9)"""

    name = "momentum"
    beta = 0.9

    def __init__(self, size):
        super().__init__(size)
        self.v = np.zeros(size)

    def reset(self):
        self.v.fill(0.0)

    def state(self):
        return (self.v.copy(),)

    def set_state(self, state):
        np.copyto(self.v, state[0])

    def update(self, params, grads, lr):
        self.v *= self.beta
        self.v += grads
        np.multiply(self.v, lr, out=self._tmp)
        np.subtract(params, self._tmp, out=params)

    def ops(self, params, grads, lr):
        v, tmp = self.v, self._tmp
        return [(np.multiply, (v, self.beta, v)), (np.add, (v, grads, v)),
                (np.multiply, (v, lr, tmp)), (np.subtract, (params, tmp, params))]


class Adam(Optimizer):
    """Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) with bias correction."""

    name = "adam"
    beta1, beta2, eps = 0.9, 0.999, 1e-8

    def __init__(self, size):
        super().__init__(size)
        self.m = np.zeros(size)
        self.v = np.zeros(size)
        self.t = 0
        self._tmp2 = np.empty(size)

    def reset(self):
        self.m.fill(0.0)
        self.v.fill(0.0)
        self.t = 0

    def state(self):
        return (self.m.copy(), self.v.copy(), self.t)

    def set_state(self, state):
        np.copyto(self.m, state[0])
        np.copyto(self.v, state[1])
        self.t = state[2]

    def update(self, params, grads, lr):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        self.m *= b1
        np.multiply(grads, 1.0 - b1, out=self._tmp)
        self.m += self._tmp
        self.v *= b2
        np.multiply(grads, grads, out=self._tmp)
        self._tmp *= 1.0 - b2
        self.v += self._tmp
        step = lr * np.sqrt(1.0 - b2 ** self.t) / (1.0 - b1 ** self.t)
        np.sqrt(self.v, out=self._tmp2)
        self._tmp2 += self.eps
        np.divide(self.m, self._tmp2, out=self._tmp)
        self._tmp *= step
        np.subtract(params, self._tmp, out=params)


def make(name: str, size: int | tuple[int, ...]) -> Optimizer:
    return {"sgd": SGD, "momentum": Momentum, "adam": Adam}[check(name)](size)
