"""Data sets of the course and of TensorFlow Playground, CSV files and inline points.

``make(name, samples, noise, seed, classes)`` returns raw inputs ``X`` (N, 2) or (N, 1) and
targets ``Y`` (N,): class labels 0..k-1 for classification, values for regression.
``from_spec(data_dict)`` builds a train/test :class:`Dataset` from a document's ``data``.
"""
from __future__ import annotations

import csv
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import sequences as _sequences

CLASSIFICATION = ("and", "or", "xor", "circles", "gauss", "spiral", "moons")
REGRESSION = ("square", "reciprocal", "sine", "plane", "multi-gauss")
NAMES = CLASSIFICATION + REGRESSION
ONE_D = ("square", "reciprocal", "sine")
MULTICLASS = ("gauss", "spiral")        # take ``classes``
DESCRIPTIONS = {
    "and": "logical AND: four clouds at the corners of the unit square",
    "or": "logical OR: four clouds at the corners of the unit square",
    "xor": "logical XOR: four clouds, opposite corners share a class",
    "circles": "a disc inside a ring (concentric circles)",
    "gauss": "Gaussian blobs, one per class",
    "spiral": "interleaved spiral arms, one per class",
    "moons": "two interleaving half-moons",
    "square": "y = x² on [−1, 1]",
    "reciprocal": "y = 1/x on [1, 100]",
    "sine": "y = sin x on [1, 2π]",
    "plane": "y = (x₁ + x₂)/10, a tilted plane",
    "multi-gauss": "a sum of Gaussian bumps over the plane",
}
_LOGIC = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "xor": (0, 1, 1, 0)}
_CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


def task_of(name: str) -> str:
    return "regression" if name in REGRESSION else "classification"


def domain(name: str) -> tuple[tuple[float, float], ...]:
    """The input range a plot of this data set shows: one (lo, hi) pair per raw input."""
    if name in _LOGIC:
        return ((-0.5, 1.5), (-0.5, 1.5))
    if name == "square":
        return ((-1.0, 1.0),)
    if name == "reciprocal":
        return ((1.0, 100.0),)
    if name == "sine":
        return ((1.0, 2 * math.pi),)
    return ((-6.0, 6.0), (-6.0, 6.0))


def make(name: str, samples: int = 200, noise: float = 0.0, seed: int = 0,
         classes: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Generate ``samples`` points of a built-in data set (see ``NAMES``)."""
    if name not in NAMES:
        raise ValueError(f'unknown dataset "{name}" (known: {", ".join(NAMES)})')
    samples = int(samples)
    if samples < 1:
        raise ValueError("samples must be at least 1")
    rng = np.random.default_rng(seed)
    n = samples
    if name in _LOGIC:
        labels = np.array(_LOGIC[name], dtype=float)
        which = np.arange(n) % 4
        X = _CORNERS[which] + rng.normal(0.0, noise, (n, 2)) if noise else _CORNERS[which].copy()
        return X, labels[which]
    if name == "circles":
        r_max = 5.0
        inner = np.arange(n) % 2 == 0
        r = np.where(inner, rng.uniform(0, 0.5 * r_max, n), rng.uniform(0.7 * r_max, r_max, n))
        t = rng.uniform(0, 2 * math.pi, n)
        X = np.c_[r * np.sin(t), r * np.cos(t)] + rng.uniform(-r_max, r_max, (n, 2)) * noise
        return X, inner.astype(float)
    if name == "gauss":
        k = max(2, int(classes))
        y = np.arange(n) % k
        angle = math.pi / 4 + 2 * math.pi * y / k
        centre = np.c_[np.cos(angle), np.sin(angle)] * (2 * math.sqrt(2))
        std = 0.5 + 3.5 * noise
        X = centre + rng.normal(0.0, std, (n, 2))
        return X, y.astype(float)
    if name == "spiral":
        k = max(2, int(classes))
        y = np.arange(n) % k
        i = np.arange(n) // k
        per_arm = max(1, math.ceil(n / k))
        r = i / per_arm * 5.0
        t = 1.75 * i / per_arm * 2 * math.pi + 2 * math.pi * y / k
        X = np.c_[r * np.sin(t), r * np.cos(t)] + rng.uniform(-1, 1, (n, 2)) * noise * 5
        return X, y.astype(float)
    if name == "moons":
        y = np.arange(n) % 2
        t = rng.uniform(0, math.pi, n)
        x1 = np.where(y == 0, np.cos(t), 1 - np.cos(t))
        x2 = np.where(y == 0, np.sin(t), 0.5 - np.sin(t))
        X = np.c_[(x1 - 0.5) * 3.5, (x2 - 0.25) * 3.5] + rng.normal(0, noise * 2, (n, 2))
        return X, y.astype(float)
    if name == "plane":
        X = rng.uniform(-6, 6, (n, 2))
        y = (X[:, 0] + X[:, 1]) / 12 + rng.normal(0, noise, n)
        return X, y
    if name == "multi-gauss":
        X = rng.uniform(-6, 6, (n, 2))
        centres = np.array([[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
                            [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]], dtype=float)
        d2 = ((X[:, None, :] - centres[None, :, :2]) ** 2).sum(-1)
        y = (centres[:, 2] * np.exp(-d2 / 2.0)).sum(1) + rng.normal(0, noise, n)
        return X, y
    # one-input regression
    if name == "square":
        x = rng.uniform(-1, 1, n)
        y = x * x
    elif name == "reciprocal":
        x = np.exp(rng.uniform(0, math.log(100.0), n))   # log-uniform: dense where 1/x bends
        y = 1.0 / x
    else:  # sine
        x = rng.uniform(1, 2 * math.pi, n)
        y = np.sin(x)
    return x[:, None], y + (rng.normal(0, noise, n) if noise else 0.0)


@dataclass(frozen=True)
class Dataset:
    """Train and test rows of raw inputs with their targets."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    task: str                                   # "classification" | "regression"
    raw_inputs: tuple[str, ...]
    domain: tuple[tuple[float, float], ...]
    name: str = "custom"
    classes: int = 2

    is_sequence = False     # points; sequences are ``sequences.SequenceData``

    @property
    def n_raw(self) -> int:
        return self.x_train.shape[1]

    @property
    def is_classification(self) -> bool:
        return self.task == "classification"

    def with_point(self, x: Sequence[float], label: float) -> "Dataset":
        """A copy with one more training point (clicked on the surface)."""
        return Dataset(np.vstack([self.x_train, np.asarray(x, float)[None, :]]),
                       np.append(self.y_train, float(label)), self.x_test, self.y_test,
                       self.task, self.raw_inputs, self.domain, self.name, self.classes)


def split(X: np.ndarray, Y: np.ndarray, test_fraction: float, seed: int) -> tuple:
    n = len(X)
    rng = np.random.default_rng(seed + 7919)   # a split stream apart from the generator's
    order = rng.permutation(n)
    n_test = int(round(n * float(test_fraction)))
    n_test = min(max(n_test, 0), n - 1) if n > 1 else 0
    test, train = order[:n_test], order[n_test:]
    return X[train], Y[train], X[test], Y[test]


def _guess_task(y: np.ndarray, loss: str | None) -> str:
    if loss in ("bce", "cross_entropy"):
        return "classification"
    values = np.unique(y)
    if len(values) >= 2 and np.all(np.isin(values, (-1.0, 0.0, 1.0))):
        return "classification"
    return "regression"


def _auto_domain(X: np.ndarray) -> tuple[tuple[float, float], ...]:
    out = []
    for j in range(X.shape[1]):
        lo, hi = (float(X[:, j].min()), float(X[:, j].max())) if len(X) else (-1.0, 1.0)
        pad = 0.1 * (hi - lo) or 1.0
        out.append((lo - pad, hi + pad))
    return tuple(out)


def _rows(rows, where: str) -> np.ndarray:
    try:
        arr = np.asarray(rows, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: every row must be a list of numbers of the same length") from None
    if arr.ndim != 2 or arr.shape[1] < 2:
        raise ValueError(f"{where}: rows must be [x, y] or [x1, x2, label] lists")
    if not np.all(np.isfinite(arr)):
        bad = int(np.argwhere(~np.isfinite(arr))[0][0])
        raise ValueError(f"{where}[{bad}]: not a finite number")
    return arr


def read_csv(path: str | Path, inputs: Sequence[str], target: str) -> tuple[np.ndarray, np.ndarray]:
    """Columns ``inputs`` and ``target`` of a CSV file with a header row."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None:
                raise ValueError(f"{path.name}: the file is empty")
            header = [h.strip() for h in header]
            cols = []
            for name in list(inputs) + [target]:
                if name not in header:
                    raise ValueError(f'{path.name}: no column "{name}" (columns: {", ".join(header)})')
                cols.append(header.index(name))
            rows = []
            for line_no, row in enumerate(reader, start=2):
                if not row or all(not c.strip() for c in row):
                    continue
                if len(row) != len(header):
                    raise ValueError(f"{path.name}, line {line_no}: {len(row)} fields, the header has {len(header)}")
                try:
                    values = [float(row[c]) for c in cols]
                except ValueError:
                    bad = next(c for c in cols if not _is_number(row[c]))
                    raise ValueError(f'{path.name}, line {line_no}, column "{header[bad]}": '
                                     f'"{row[bad]}" is not a number') from None
                if not all(math.isfinite(v) for v in values):
                    raise ValueError(f"{path.name}, line {line_no}: NaN or infinite value")
                rows.append(values)
    except FileNotFoundError:
        raise ValueError(f"CSV file not found: {path}") from None
    except IsADirectoryError:
        raise ValueError(f"CSV path is a folder, not a file: {path}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path.name}: not a text (UTF-8) CSV file") from None
    if not rows:
        raise ValueError(f"{path.name}: no data rows")
    arr = np.array(rows)
    return arr[:, :-1], arr[:, -1]


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def from_spec(spec: Mapping, base_dir: str | Path | None = None, loss: str | None = None) -> Dataset:
    """The train/test data a document's ``data`` object describes (for a sequence task or
    inline sequences, a ``sequences.SequenceData``)."""
    spec = dict(spec or {})
    if _sequences.is_sequence_spec(spec):
        return _sequences.from_spec(spec, loss)
    seed = int(spec.get("seed", 0) or 0)
    test_fraction = float(spec.get("test_fraction", 0.5) if spec.get("test_fraction") is not None else 0.5)
    explicit_task = spec.get("task")
    if "train" in spec:
        tr = _rows(spec["train"], "data.train")
        te = _rows(spec.get("test") or np.empty((0, tr.shape[1])), "data.test") if spec.get("test") else np.empty((0, tr.shape[1]))
        if te.shape[1] != tr.shape[1]:
            raise ValueError("data.test: rows must have as many columns as data.train's")
        Xtr, Ytr, Xte, Yte = tr[:, :-1], tr[:, -1], te[:, :-1], te[:, -1]
        raw = ("x1",) if Xtr.shape[1] == 1 else ("x1", "x2")[: Xtr.shape[1]]
        task = explicit_task or _guess_task(Ytr, loss)
        X_all = np.vstack([Xtr, Xte])
        return Dataset(Xtr, Ytr, Xte, Yte, task, tuple(spec.get("inputs") or raw), _auto_domain(X_all),
                       "inline", _n_classes(Ytr, task))
    if "points" in spec:
        arr = _rows(spec["points"], "data.points")
        X, Y = arr[:, :-1], arr[:, -1]
        task = explicit_task or _guess_task(Y, loss)
        raw = ("x1",) if X.shape[1] == 1 else ("x1", "x2")[: X.shape[1]]
        return Dataset(*split(X, Y, test_fraction, seed), task, raw, _auto_domain(X), "inline",
                       _n_classes(Y, task))
    if "csv" in spec:
        path = Path(spec["csv"])
        if base_dir is not None and not path.is_absolute():
            path = Path(base_dir) / path
        inputs = list(spec.get("inputs") or [])
        if not inputs or "target" not in spec:
            raise ValueError('data: a CSV needs "inputs" (column names) and "target"')
        X, Y = read_csv(path, inputs, spec["target"])
        task = explicit_task or _guess_task(Y, loss)
        if task == "classification" and len(np.unique(Y)) < 2:
            raise ValueError(f"{path.name}: only one class in column \"{spec['target']}\"")
        return Dataset(*split(X, Y, test_fraction, seed), task, tuple(inputs), _auto_domain(X),
                       path.stem, _n_classes(Y, task))
    name = spec.get("dataset", "xor")
    classes = int(spec.get("classes", 2) or 2)
    X, Y = make(name, spec.get("samples", 200), float(spec.get("noise", 0.0) or 0.0), seed, classes)
    raw = ("x1",) if name in ONE_D else ("x1", "x2")
    k = classes if name in MULTICLASS else 2
    return Dataset(*split(X, Y, test_fraction, seed), explicit_task or task_of(name), raw,
                   domain(name), name, k)


def class_count(spec: Mapping, loss: str | None = None) -> int | None:
    """How many classes a document's ``data`` holds, as ``from_spec`` would count them, when
    that is known without reading a file: None for regression, for a CSV file and for rows
    that cannot be read (``from_spec`` reports those)."""
    spec = spec or {}
    if _sequences.is_sequence_spec(spec):
        return _sequences.class_count(spec, loss)
    explicit_task = spec.get("task")
    if "csv" in spec:
        return None
    if "train" in spec or "points" in spec:
        try:
            if "train" in spec:
                rows = _rows(spec["train"], "data.train")
                y_task = rows[:, -1]
                if spec.get("test"):
                    test = _rows(spec["test"], "data.test")
                    if test.shape[1] != rows.shape[1]:
                        return None
                    rows = np.vstack([rows, test])
            else:
                rows = _rows(spec["points"], "data.points")
                y_task = rows[:, -1]
        except (ValueError, TypeError):
            return None
        task = explicit_task or _guess_task(y_task, loss)
        return _n_classes(rows[:, -1], task) or None
    name = spec.get("dataset", "xor")
    if name not in NAMES or (explicit_task or task_of(name)) != "classification":
        return None
    if name in MULTICLASS:
        try:
            return max(2, int(spec.get("classes", 2) or 2))
        except (TypeError, ValueError):
            return None
    return 2


def class_mismatch(classes: int, n_outputs: int, softmax: bool) -> str | None:
    """Why classification data with ``classes`` classes does not fit a network with
    ``n_outputs`` outputs (None when it does): softmax needs one output per class, a single
    output separates two classes, several other outputs are one-hot, one per class.
    Otherwise the targets would silently merge classes and the accuracy would mislead."""
    if n_outputs < 1 or classes < 2:
        return None
    if n_outputs == 1:
        if softmax or classes == 2:
            return None           # one softmax output is refused on its own
        return f"data: {classes} classes but the network has a single output, which separates two classes"
    if classes == n_outputs:
        return None
    kind = "softmax outputs" if softmax else "outputs"
    return f"data: {classes} classes but the network has {n_outputs} {kind}"


def _n_classes(y: np.ndarray, task: str) -> int:
    if task != "classification":
        return 0
    values = np.unique(y)
    if values.min() < 0:
        return 2
    return max(2, int(values.max()) + 1)
