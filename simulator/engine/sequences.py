"""Sequence data for recurrent networks: the built-in tasks and inline sequences.

``make(name, sequences, length, seed, **params)`` returns inputs ``X`` (N, T, 1) and targets
``Y`` (N, T, 1) with NaN where a step has no target. ``from_spec(data)`` builds the
train/test :class:`SequenceData` a document's ``data`` describes (split by sequence).

- ``echo``: random bits; the target is the input of ``lag`` steps before (none for the
  first ``lag`` steps). A network without memory cannot do better than chance.
- ``temporal-xor`` (Elman, 1990): a bit stream in triples (a, b, a XOR b); the target at
  each step is the next bit, so only every third target (the XOR) can be predicted.
- ``sine-next``: x(t) = sin(step·t + φ) with a random phase φ; the target is the next
  sample. One value does not say whether the sine rises or falls; two do.
- ``parity``: random bits; the target is the parity (XOR) of every bit so far.
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

TASKS = ("echo", "temporal-xor", "sine-next", "parity")
CLASSIFICATION = ("echo", "temporal-xor", "parity")
DESCRIPTIONS = {
    "echo": "random bits; the target is the bit of lag steps before",
    "temporal-xor": "a bit stream in triples (a, b, a XOR b); predict the next bit (Elman, 1990)",
    "sine-next": "a sine with a random phase; predict its next value",
    "parity": "random bits; the target is the parity of every bit so far",
}
#: Parameters of each task besides sequences, length, test_fraction and seed (defaults).
PARAMETERS = {"echo": {"lag": 1}, "temporal-xor": {}, "sine-next": {"step": 0.4, "noise": 0.0},
              "parity": {}}
DEFAULTS = {"sequences": 200, "length": 20, "test_fraction": 0.5, "seed": 0}
MAX_SEQUENCES = 20_000
MAX_LENGTH = 1_000
MAX_STEPS = 200_000         # sequences x length: every step is a column of the evaluation pass


def is_sequence_spec(spec: Mapping) -> bool:
    """Whether a document's ``data`` describes sequences (a task or inline sequences)."""
    return isinstance(spec, Mapping) and (spec.get("dataset") in TASKS
                                          or isinstance(spec.get("sequences"), list))


def task_of(name: str) -> str:
    return "classification" if name in CLASSIFICATION else "regression"


def parameter_problem(name: str, sequences, length, params: Mapping) -> str | None:
    """What is wrong with a task's parameters (``data.lag: ...``), or None. Shared by the
    document's validation and by ``make`` so that both say the same."""
    def whole(key, value, lo, hi):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                isinstance(value, float) and not value.is_integer()):
            return f"data.{key}: expected a whole number, got {value!r}"
        if not lo <= value <= hi:
            return f"data.{key}: must be between {lo} and {hi}, got {value!r}"
        return None

    if name not in TASKS:
        return f'data.dataset: unknown sequence task "{name}" (known: {", ".join(TASKS)})'
    why = whole("sequences", sequences, 1, MAX_SEQUENCES) or whole("length", length, 2, MAX_LENGTH)
    if why:
        return why
    if sequences * length > MAX_STEPS:
        return (f"data: {sequences} sequences of {length} steps is more than nnsim handles "
                f"({MAX_STEPS:,} steps)")
    if name == "echo":
        lag = params.get("lag", 1)
        why = whole("lag", lag, 1, MAX_LENGTH)
        if why:
            return why
        if lag >= length:
            return f"data.lag: must be shorter than the sequences (length {length}), got {lag}"
    if name == "sine-next":
        for key, lo, hi in (("step", 0.0, math.pi), ("noise", 0.0, 1.0)):
            v = params.get(key, PARAMETERS["sine-next"][key])
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                return f"data.{key}: expected a number, got {v!r}"
            if not lo <= v <= hi or (key == "step" and v == 0):
                return f"data.{key}: must be {'greater than' if key == 'step' else 'at least'} {lo:g} and at most {hi:.4g}, got {v!r}"
    return None


def make(name: str, sequences: int = 200, length: int = 20, seed: int = 0,
         **params) -> tuple[np.ndarray, np.ndarray]:
    """``sequences`` sequences of ``length`` steps of a built-in task: X (N, T, 1) and
    Y (N, T, 1), NaN where a step has no target."""
    why = parameter_problem(name, sequences, length, params)
    if why:
        raise ValueError(why)
    n, T = int(sequences), int(length)
    rng = np.random.default_rng(seed)
    if name == "echo":
        lag = int(params.get("lag", 1))
        x = rng.integers(0, 2, (n, T)).astype(float)
        y = np.full((n, T), np.nan)
        y[:, lag:] = x[:, :-lag]
    elif name == "temporal-xor":
        triples = -(-(T + 1) // 3)
        a = rng.integers(0, 2, (n, triples))
        b = rng.integers(0, 2, (n, triples))
        stream = np.stack([a, b, a ^ b], axis=2).reshape(n, 3 * triples).astype(float)
        x, y = stream[:, :T], stream[:, 1:T + 1]
    elif name == "sine-next":
        step = float(params.get("step", PARAMETERS["sine-next"]["step"]))
        noise = float(params.get("noise", 0.0) or 0.0)
        phase = rng.uniform(0.0, 2 * math.pi, (n, 1))
        wave = np.sin(step * np.arange(T + 1)[None, :] + phase)
        x, y = wave[:, :T].copy(), wave[:, 1:].copy()
        if noise:
            x += rng.normal(0.0, noise, x.shape)
    else:  # parity
        x = rng.integers(0, 2, (n, T))
        y = (np.cumsum(x, axis=1) % 2).astype(float)
        x = x.astype(float)
    return x[:, :, None], y[:, :, None]


@dataclass(frozen=True)
class SequenceData:
    """Train and test sequences: inputs (N, T, n_raw), targets (N, T, m) with NaN where a
    step has no target, and each sequence's real length (shorter ones are padded at the
    end with zero inputs and no targets, which changes nothing before their end)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    task: str
    raw_inputs: tuple[str, ...]
    domain: tuple[tuple[float, float], ...]
    name: str = "sequences"
    classes: int = 2
    lengths_train: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))
    lengths_test: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))

    is_sequence = True

    @property
    def n_raw(self) -> int:
        return self.x_train.shape[2]

    @property
    def length(self) -> int:
        """Steps per sequence (the longest, when they differ)."""
        return self.x_train.shape[1]

    @property
    def is_classification(self) -> bool:
        return self.task == "classification"


def _domain(X: np.ndarray, lengths: np.ndarray) -> tuple[tuple[float, float], ...]:
    real = np.arange(X.shape[1])[None, :] < lengths[:, None]
    out = []
    for j in range(X.shape[2]):
        v = X[:, :, j][real]
        lo, hi = (float(v.min()), float(v.max())) if v.size else (-1.0, 1.0)
        out.append((lo, hi) if hi > lo else (lo - 1.0, hi + 1.0))
    return tuple(out)


def _split(X, Y, lengths, test_fraction: float, seed: int):
    n = len(X)
    rng = np.random.default_rng(seed + 7919)   # the split stream, as for points
    order = rng.permutation(n)
    n_test = int(round(n * float(test_fraction)))
    n_test = min(max(n_test, 0), n - 1) if n > 1 else 0
    te, tr = order[:n_test], order[n_test:]
    return X[tr], Y[tr], X[te], Y[te], lengths[tr], lengths[te]


def _guess_task(values: np.ndarray, loss: str | None) -> str:
    if loss in ("bce", "cross_entropy"):
        return "classification"
    v = np.unique(values)
    if len(v) >= 2 and np.all(np.isin(v, (-1.0, 0.0, 1.0))):
        return "classification"
    return "regression"


def _n_classes(values: np.ndarray, task: str) -> int:
    if task != "classification" or not values.size:
        return 0 if task != "classification" else 2
    v = np.unique(values)
    if v.min() < 0:
        return 2
    return max(2, int(v.max()) + 1)


def _rows(value, where: str, width: int | None, nullable: bool) -> tuple[list, int | None]:
    """One sequence's ``x`` or ``y``: a list of steps, each a number or a list of numbers
    (``null``: no target at this step, for ``y``)."""
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: expected a non-empty list of steps")
    rows = []
    for t, row in enumerate(value):
        if row is None and nullable:
            rows.append(None)
            continue
        if isinstance(row, (int, float)) and not isinstance(row, bool):
            row = [row]
        if (not isinstance(row, list) or not row
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in row)):
            raise ValueError(f"{where}[{t}]: expected a number or a list of numbers"
                             + (" (or null: no target)" if nullable else "") + f", got {_json(row)}")
        if not all(math.isfinite(v) for v in row):
            raise ValueError(f"{where}[{t}]: not a finite number")
        if width is None:
            width = len(row)
        elif len(row) != width:
            raise ValueError(f"{where}[{t}]: {len(row)} values where the steps before have {width}")
        rows.append([float(v) for v in row])
    return rows, width


def _json(value) -> str:
    """A value as the file spells it."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) < 40 else text[:37] + "..."


def inline(items, where: str = "data.sequences") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Inline sequences ``[{"x": [...], "y": [...]}, ...]`` -> X, Y (padded) and lengths."""
    if not isinstance(items, list) or not items:
        raise ValueError(f"{where}: expected a non-empty list of sequences")
    if len(items) > MAX_SEQUENCES:
        raise ValueError(f"{where}: {len(items)} sequences is more than nnsim handles ({MAX_SEQUENCES})")
    xs, ys = [], []
    wx = wy = None
    for i, item in enumerate(items):
        place = f"{where}[{i}]"
        if not isinstance(item, Mapping) or "x" not in item or "y" not in item:
            raise ValueError(f'{place}: expected an object with "x" and "y" (one row a step)')
        x, wx = _rows(item["x"], f"{place}.x", wx, False)
        y, wy = _rows(item["y"], f"{place}.y", wy, True)
        if len(x) > MAX_LENGTH:
            raise ValueError(f"{place}.x: {len(x)} steps is more than nnsim handles ({MAX_LENGTH})")
        if len(y) != len(x):
            raise ValueError(f"{place}.y: {len(y)} steps, but x has {len(x)}")
        xs.append(x)
        ys.append(y)
    if wx not in (1, 2):
        raise ValueError(f"{where}[0].x: steps need 1 or 2 inputs, got {wx}")
    if wy is None:
        raise ValueError(f"{where}: no step has a target")
    lengths = np.array([len(x) for x in xs], dtype=np.intp)
    T = int(lengths.max())
    if len(xs) * T > MAX_STEPS:
        raise ValueError(f"{where}: {len(xs)} sequences of up to {T} steps is more than nnsim "
                         f"handles ({MAX_STEPS:,} steps)")
    X = np.zeros((len(xs), T, wx))
    Y = np.full((len(xs), T, wy), np.nan)
    for i, (x, y) in enumerate(zip(xs, ys)):
        X[i, :len(x)] = x
        for t, row in enumerate(y):
            if row is not None:
                Y[i, t] = row
    return X, Y, lengths


def from_spec(spec: Mapping, loss: str | None = None) -> SequenceData:
    """The train/test sequences a document's ``data`` describes."""
    spec = dict(spec or {})
    seed = int(spec.get("seed", 0) or 0)
    tf = spec.get("test_fraction")
    test_fraction = float(DEFAULTS["test_fraction"] if tf is None else tf)
    if isinstance(spec.get("sequences"), list):
        X, Y, lengths = inline(spec["sequences"])
        finite = Y[np.isfinite(Y)]
        task = spec.get("task") or _guess_task(finite, loss)
        raw = ("x1", "x2")[: X.shape[2]]
        name = "inline"
    else:
        name = spec.get("dataset")
        params = {k: spec[k] for k in PARAMETERS.get(name, {}) if spec.get(k) is not None}
        X, Y = make(name, spec.get("sequences", DEFAULTS["sequences"]),
                    spec.get("length", DEFAULTS["length"]), seed, **params)
        lengths = np.full(len(X), X.shape[1], dtype=np.intp)
        task = spec.get("task") or task_of(name)
        raw = ("x1",)
    classes = _n_classes(Y[np.isfinite(Y)], task)
    xtr, ytr, xte, yte, ltr, lte = _split(X, Y, lengths, test_fraction, seed)
    if not np.isfinite(ytr).any():
        # nothing to learn from: the loss would be 0/0, and read as a divergence
        raise ValueError(f"no training sequence has a target: every y of the {len(ytr)} "
                         f"training sequence{'s' if len(ytr) != 1 else ''} is null")
    return SequenceData(xtr, ytr, xte, yte, task, tuple(spec.get("inputs") or raw),
                        _domain(X, lengths), name, classes, ltr, lte)


def class_count(spec: Mapping, loss: str | None = None) -> int | None:
    """How many classes the sequences hold (None for regression or unreadable data)."""
    if isinstance(spec.get("sequences"), list):
        try:
            _, Y, _ = inline(spec["sequences"])
        except (ValueError, TypeError):
            return None
        finite = Y[np.isfinite(Y)]
        task = spec.get("task") or _guess_task(finite, loss)
        return _n_classes(finite, task) or None
    name = spec.get("dataset")
    if (spec.get("task") or task_of(name)) != "classification":
        return None
    return 2
