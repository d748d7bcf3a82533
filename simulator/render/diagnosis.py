"""What the gradient-flow curves mean, in words, and only what is true of the network shown.

A first layer whose gradient is far smaller than the last's is a *vanishing* gradient only
when the network is deep and the gradient shrinks layer after layer on its way back. In a
shallow network (one hidden layer) the same ratio has another cause, usually hidden units
saturated (tanh or logistic on their flat parts, f′ ≈ 0) on the samples still wrong, which
is how a small network gets stuck; it is said as such.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..translate import tr

# weight layers (hidden layers + 1) from which a shrinking gradient is called vanishing
DEEP_LAYERS = 3
RATIO = 10.0             # first vs last layer: below this, nothing to say
SATURATED = 0.5          # share of (unit, sample) pairs on the flat part worth naming


def trend_with_depth(norms: Sequence[float]) -> int:
    """+1 when the gradient grows from the first layer to the last in at least two thirds of
    the steps between neighbouring layers, -1 when it shrinks so, else 0."""
    v = np.asarray(norms, dtype=float)
    steps = len(v) - 1
    if steps < 1:
        return 0
    need = math.ceil(2 * steps / 3)
    rises = int(np.count_nonzero(v[1:] > v[:-1]))
    falls = int(np.count_nonzero(v[1:] < v[:-1]))
    return 1 if rises >= need else -1 if falls >= need else 0


def _pct(v: float) -> str:
    return f"{v:.0%}"


def layer_notes(norms: Sequence[float], saturated_share: Sequence[float] | None = None,
                saturated_share_wrong: Sequence[float] | None = None) -> list[str]:
    """What the per-layer gradient sizes of the last epoch (first hidden layer first, the
    output layer last) say about the network."""
    v = np.asarray(norms, dtype=float)
    if len(v) < 2 or not np.all(np.isfinite(v)) or not np.all(v > 0):
        return []
    ratio = float(v[-1] / v[0])
    deep = len(v) >= DEEP_LAYERS
    trend = trend_with_depth(v)
    if ratio >= RATIO:
        n = f"{ratio:.0f}"
        if deep and trend > 0:
            return [tr("vanishing gradient: first layer %1× smaller than the last, shrinking layer "
                       "by layer on its way back").replace("%1", n)]
        hidden = slice(0, len(v) - 1)
        wrong = None if saturated_share_wrong is None else np.asarray(saturated_share_wrong, float)[hidden]
        share = None if saturated_share is None else np.asarray(saturated_share, float)[hidden]
        if wrong is not None and np.any(np.isfinite(wrong)) and np.nanmax(wrong) >= SATURATED:
            return [tr("hidden units saturated (f′ ≈ 0) on %1 of the samples still wrong: layer 1's "
                       "gradient is %2× smaller than the last, too little to fix them")
                    .replace("%1", _pct(float(np.nanmax(wrong)))).replace("%2", n)]
        if share is not None and share.size and float(share.max()) >= SATURATED:
            return [tr("hidden units saturated (f′ ≈ 0) on %1 of the samples: layer 1's gradient is "
                       "%2× smaller than the last").replace("%1", _pct(float(share.max()))).replace("%2", n)]
        return [tr("first layer %1× smaller than the last").replace("%1", n)]
    if ratio <= 1.0 / RATIO:
        n = f"{1 / ratio:.0f}"
        if deep and trend < 0:
            return [tr("exploding gradient: first layer %1× larger than the last, growing layer "
                       "by layer on its way back").replace("%1", n)]
        return [tr("first layer %1× larger than the last").replace("%1", n)]
    return []


def gradient_source(snap) -> str:
    """What the ∂J/∂w shown for a connection is the gradient of (a tooltip's second line)."""
    if snap is None:
        return ""
    if getattr(snap, "present_epoch", None) is not None:
        return tr("over the whole training set at epoch %1").replace("%1", str(snap.epoch))
    steps = getattr(snap, "grad_steps", 0)
    if steps == 1:
        return tr("of the last step")
    if steps > 1:
        return tr("mean over the last %1 steps").replace("%1", str(steps))
    return ""
