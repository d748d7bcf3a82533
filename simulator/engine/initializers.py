"""Weight initialisers: uniform (TensorFlow Playground's [-0.5, 0.5]), normal, Xavier, He, constant.

Initialisers are named by strings as in the document: ``"xavier"``, ``"constant:1.5"``;
``"normal:0.5"`` and ``"uniform:2"`` set the standard deviation / half-width.
"""
from __future__ import annotations

import math

import numpy as np

NAMES = ("uniform", "normal", "xavier", "he", "constant")


def parse(spec: str) -> tuple[str, float | None]:
    """``"constant:1.5"`` -> ``("constant", 1.5)``; ``ValueError`` on anything unknown."""
    if not isinstance(spec, str):
        raise ValueError(f"initialiser must be a string, not {type(spec).__name__}")
    name, _, arg = spec.partition(":")
    name = name.strip()
    if name not in NAMES:
        raise ValueError(f'unknown initialiser "{spec}" (known: uniform, normal, xavier, he, constant:<value>)')
    if not arg:
        if name == "constant":
            raise ValueError('initialiser "constant" needs a value, e.g. "constant:0.5"')
        return name, None
    try:
        value = float(arg)
    except ValueError:
        raise ValueError(f'initialiser "{spec}": "{arg}" is not a number') from None
    if not math.isfinite(value):
        raise ValueError(f'initialiser "{spec}": the value must be finite')
    if name in ("xavier", "he"):
        raise ValueError(f'initialiser "{name}" takes no value')
    return name, value


def draw_weights(spec: str, fan_in: np.ndarray, fan_out: np.ndarray,
                 rng: np.random.Generator) -> np.ndarray:
    """One weight per edge; ``fan_in``/``fan_out`` are per edge (of its target / source layer)."""
    name, arg = parse(spec)
    n = len(fan_in)
    fan_in = np.maximum(np.asarray(fan_in, dtype=float), 1.0)
    fan_out = np.maximum(np.asarray(fan_out, dtype=float), 1.0)
    if name == "uniform":
        half = 0.5 if arg is None else arg
        return rng.uniform(-half, half, n)
    if name == "normal":
        return rng.normal(0.0, 1.0 if arg is None else arg, n)
    if name == "xavier":          # Glorot uniform
        return rng.uniform(-1.0, 1.0, n) * np.sqrt(6.0 / (fan_in + fan_out))
    if name == "he":              # He normal
        return rng.normal(0.0, 1.0, n) * np.sqrt(2.0 / fan_in)
    return np.full(n, float(arg))


def draw_biases(spec: str, n: int, rng: np.random.Generator) -> np.ndarray:
    """Biases: 0.1 for ``uniform`` (as TensorFlow Playground), else 0 (``rng`` kept for symmetry)."""
    name, _ = parse(spec)
    return np.full(n, 0.1 if name == "uniform" else 0.0)
