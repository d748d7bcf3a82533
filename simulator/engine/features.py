"""Input features computed from the raw inputs (x1, x2) or from named CSV columns."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Built-in features of two raw inputs, in the order a data panel shows them.
BUILTIN = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")
#: Pretty labels for drawings and figures.
LABELS = {"x1": "x₁", "x2": "x₂", "x": "x", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂",
          "sin(x1)": "sin(x₁)", "sin(x2)": "sin(x₂)"}
DEFAULT_RAW = ("x1", "x2")


def _raw(name: str, X: np.ndarray, raw_names: Sequence[str]) -> np.ndarray:
    if name == "x":
        name = "x1"
    if name in raw_names:
        return X[:, list(raw_names).index(name)]
    if name in ("x1", "x2") and list(raw_names[:2]) == list(DEFAULT_RAW[: len(raw_names[:2])]):
        idx = int(name[1]) - 1
        if idx < X.shape[1]:
            return X[:, idx]
    raise KeyError(name)


def raw_inputs_needed(feature: str) -> tuple[str, ...]:
    """The raw input names a feature reads."""
    if feature in ("x", "x1", "x1^2", "sin(x1)"):
        return ("x1",)
    if feature in ("x2", "x2^2", "sin(x2)"):
        return ("x2",)
    if feature == "x1*x2":
        return ("x1", "x2")
    return (feature,)


def is_known(feature: str, raw_names: Sequence[str] = DEFAULT_RAW) -> bool:
    return feature in BUILTIN or feature == "x" or feature in raw_names


def compute(X: np.ndarray, features: Sequence[str], raw_names: Sequence[str] = DEFAULT_RAW,
            out: np.ndarray | None = None) -> np.ndarray:
    """The (N, len(features)) matrix of the input neurons' values for raw inputs ``X``."""
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    if out is None:
        out = np.empty((X.shape[0], len(features)))
    for j, feat in enumerate(features):
        try:
            if feat in ("x1", "x2", "x") or feat in raw_names:
                out[:, j] = _raw(feat, X, raw_names)
            elif feat == "x1^2":
                out[:, j] = _raw("x1", X, raw_names) ** 2
            elif feat == "x2^2":
                out[:, j] = _raw("x2", X, raw_names) ** 2
            elif feat == "x1*x2":
                out[:, j] = _raw("x1", X, raw_names) * _raw("x2", X, raw_names)
            elif feat == "sin(x1)":
                out[:, j] = np.sin(_raw("x1", X, raw_names))
            elif feat == "sin(x2)":
                out[:, j] = np.sin(_raw("x2", X, raw_names))
            else:
                raise KeyError(feat)
        except (KeyError, IndexError):
            raise ValueError(
                f'input feature "{feat}" needs a raw input the data does not have '
                f'(the data has {X.shape[1]} column(s): {", ".join(raw_names[: X.shape[1]])})'
            ) from None
    return out
