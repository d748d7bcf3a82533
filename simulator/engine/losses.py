"""Loss functions on the output layer, fused with the output activation where that is stabler.

All losses average over the N samples of the batch and sum over the output neurons:
``mse``  J = (1/N) Σ (ŷ − y)²                       (the lecture's J_e)
``bce``  J = −(1/N) Σ [y ln p + (1 − y) ln(1 − p)]
``cross_entropy``  J = −(1/N) Σ y ln ŷ  (with softmax outputs: fused, ∂J/∂g = (ŷ − y)/N)
"""
from __future__ import annotations

import numpy as np

from . import activations

NAMES = ("mse", "bce", "cross_entropy")
LABELS = {"mse": "Mean squared error", "bce": "Binary cross-entropy",
          "cross_entropy": "Cross-entropy (softmax)"}
FORMULAS = {"mse": "J = (1/N) Σ (ŷ − y)²",
            "bce": "J = −(1/N) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]",
            "cross_entropy": "J = −(1/N) Σₖ yₖ ln ŷₖ"}
_EPS = 1e-12


def check(name: str) -> str:
    if name not in NAMES:
        raise KeyError(f'unknown loss "{name}" (known: {", ".join(NAMES)})')
    return name


def _log_sigmoid_parts(z: np.ndarray, t: np.ndarray) -> np.ndarray:
    # -[t ln σ(z) + (1-t) ln(1-σ(z))] = softplus(z) - t z, computed without overflow.
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z))) - t * z


def _to_prob(a: np.ndarray, act: activations.Activation) -> tuple[np.ndarray, float]:
    """Map an output in the activation's range to a probability; returns (p, dp/da)."""
    lo, hi = act.range
    if lo == -1.0 and hi == 1.0:        # tanh: p = (a + 1) / 2
        return (a + 1.0) * 0.5, 0.5
    return a, 1.0


class OutputLoss:
    """A loss bound to the output layer's activation groups: its value and ∂J/∂g.

    Arrays are node-major, shape (n_outputs, N); groups are row ranges ``lo:hi``."""

    def __init__(self, name: str, groups: list[tuple[activations.Activation, int, int]]):
        self.name = check(name)
        self.groups = groups
        acts = {g[0].name for g in groups}
        self.fused = ((name == "bce" and acts == {"sigmoid"})
                      or (name == "cross_entropy" and (acts == {"softmax"} and len(groups) == 1
                                                       or acts == {"sigmoid"})))

    def value(self, z: np.ndarray, a: np.ndarray, t: np.ndarray) -> float:
        """J averaged over the samples (columns), summed over the outputs (rows)."""
        return float(self.per_sample(z, a, t).sum() / max(z.shape[1], 1))

    def per_sample(self, z: np.ndarray, a: np.ndarray, t: np.ndarray) -> np.ndarray:
        """Each sample's loss (N,), summed over the outputs."""
        if self.name == "mse":
            d = a - t
            return np.einsum("ij,ij->j", d, d)
        if self.fused:
            if self.groups[0][0].name == "softmax":
                zmax = z.max(axis=0)
                logsum = np.log(np.exp(z - zmax).sum(axis=0)) + zmax
                return -(t * (z - logsum)).sum(axis=0)
            return _log_sigmoid_parts(z, t).sum(axis=0)
        total = np.zeros(z.shape[1])
        for lo, hi, p, _, tt, binary in self._probabilities(a, t):
            if binary:
                total -= (tt * np.log(p) + (1.0 - tt) * np.log1p(-p)).sum(axis=0)
            else:
                total -= (tt * np.log(p)).sum(axis=0)
        return total

    def _probabilities(self, a: np.ndarray, t: np.ndarray):
        """Per output group, the unfused case: (lo, hi, p, dp/da, target, binary) with p
        clipped away from 0 and 1 and a binary target mapped to [0, 1] like p."""
        for act, lo, hi in self.groups:
            p, dp = _to_prob(a[lo:hi], act)
            p = np.clip(p, _EPS, 1.0 - _EPS)
            binary = self.name == "bce" or act.name != "softmax"
            tt = _to_prob(t[lo:hi], act)[0] if binary else t[lo:hi]
            yield lo, hi, p, dp, tt, binary

    def dJ_da(self, a: np.ndarray, t: np.ndarray) -> np.ndarray:
        """∂J/∂ŷ, the first factor of the chain rule."""
        n = max(a.shape[1], 1)
        if self.name == "mse":
            return 2.0 * (a - t) / n
        out = np.empty_like(a)
        for lo, hi, p, dp, tt, binary in self._probabilities(a, t):
            out[lo:hi] = (p - tt) / (p * (1.0 - p)) * dp / n if binary else -tt / p / n
        return out

    def delta(self, z: np.ndarray, a: np.ndarray, t: np.ndarray, out: np.ndarray,
              dy: np.ndarray, alphas: list[np.ndarray | None]) -> np.ndarray:
        """∂J/∂g into ``out``; ∂J/∂ŷ is left in ``dy`` (the general, unfused case)."""
        n = max(z.shape[1], 1)
        if self.fused:
            np.subtract(a, t, out=out)
            out *= 1.0 / n
            return out
        dy[...] = self.dJ_da(a, t)
        for (act, lo, hi), alpha in zip(self.groups, alphas):
            if act.name == "softmax":
                g, y = dy[lo:hi], a[lo:hi]
                out[lo:hi] = y * (g - (g * y).sum(axis=0))      # Jacobian-vector product
            else:
                d = act.derivative(z[lo:hi], a[lo:hi], np.empty_like(z[lo:hi]), alpha)
                np.multiply(dy[lo:hi], d, out=out[lo:hi])
        return out
