"""Comparing runs: several variants of a document trained side by side.

A variant is a whole document: the open one with another seed, learning rate or hidden
activation, or another drawing. Each gets its own single-run :class:`~.trainer.Trainer`
(its network, settings and data, exactly as ``nnsim train`` would make them). Variants that
share a network's structure, data and training settings are trained together by the
stacked engine (:mod:`.stacked`), one NumPy call for all of them; variants that change the
drawing (a perceptron against an MLP) form groups of their own. A :class:`Comparison`
hands out immutable :class:`ComparisonSnapshot` objects for the window and figures.
"""
from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from . import datasets, probe
from .network import Network
from .stacked import StackedTrainer, group_key
from .trainer import Divergence, History, Trainer

#: At most this many variants in one comparison (a 8 × 8 wall of small multiples).
MAX_VARIANTS = 64
#: A variant whose training metric (accuracy or R²) trails the best one by this much or
#: more, after STUCK_MIN_EPOCHS epochs, is behind; stuck if its training loss has also
#: stopped falling (see ``plateaued``).
STUCK_GAP = 0.1
STUCK_MIN_EPOCHS = 10
PLATEAU = 0.02
#: Resolution of each small multiple's decision surface, and points of a 1-D fit.
SURFACE_RES = 48
CURVE_POINTS = 120

KINDS = ("seed", "learning_rate", "activation", "document")


@dataclass(frozen=True)
class Variant:
    """One run of a comparison: its complete document and what makes it different."""

    label: str                       # English (the command line); the window translates
    doc: Mapping
    kind: str = "document"           # "seed" | "learning_rate" | "activation" | "document"
    value: object = None             # the seed, rate or hidden activation it sets
    labels: Mapping[str, str] = field(default_factory=dict)   # translated labels by language
    base_dir: object = None          # where its relative paths start (another file's folder)


@dataclass(frozen=True)
class VariantView:
    """What a small multiple shows of one variant, copied and read-only."""

    index: int
    variant: Variant
    seed: int
    learning_rate: float
    epoch: int
    diverged: Divergence | None
    task: str                        # "classification" | "regression"
    metric_name: str                 # "accuracy" | "r2"
    train_loss: float
    test_loss: float
    train_metric: float
    test_metric: float
    layer_gradient_norms: np.ndarray
    history: History
    data: datasets.Dataset
    surface: probe.Surface | None    # two inputs
    curve: probe.Curve | None        # one input
    status: str                      # "training" | "ok" | "behind" | "stuck" | "diverged"

    @property
    def label(self) -> str:
        return self.variant.label


@dataclass(frozen=True)
class ComparisonSnapshot:
    """Every variant's state at one moment, for the window and exported figures."""

    variants: tuple[VariantView, ...]
    epoch: int                        # epochs done by the variants still training
    target_epochs: int | None         # where training stops
    seconds: float                    # training time so far
    revision: int = 0

    @property
    def finished(self) -> bool:
        return self.target_epochs is not None and all(
            v.diverged is not None or v.epoch >= self.target_epochs for v in self.variants)


class SeparateRuns:
    """Variants the stacked engine does not run (batch norm): each one's own trainer, one
    after the other; the same interface as :class:`StackedTrainer`."""

    def __init__(self, trainers: Sequence[Trainer]):
        self.trainers = list(trainers)
        self.n_variants = len(self.trainers)
        self.data = self.trainers[0].data

    @property
    def diverged(self) -> list[Divergence | None]:
        return [t.diverged for t in self.trainers]

    @property
    def epoch(self) -> int:
        going = [t.epoch for t in self.trainers if t.diverged is None]
        return min(going) if going else max(t.epoch for t in self.trainers)

    @property
    def finished(self) -> bool:
        return all(t.diverged is not None or t.n_train == 0 for t in self.trainers)

    def run(self, epochs: int | None = None, seconds: float | None = None,
            until: Callable[[], bool] | None = None) -> int:
        target = self.epoch + epochs if epochs is not None else None
        going = [t for t in self.trainers if t.diverged is None]
        share = None if seconds is None else seconds / max(len(going), 1)
        done = 0
        for t in going:
            if target is not None and t.epoch >= target:
                continue
            done += t.run(epochs=None if target is None else target - t.epoch, seconds=share, until=until)
        return done

    def evaluate_all(self) -> np.ndarray:
        out = np.empty((self.n_variants, 4))
        for g, t in enumerate(self.trainers):
            ev = t.evaluate(health=False)
            out[g] = (ev["train_loss"], ev["test_loss"], ev["train_metric"], ev["test_metric"])
        return out

    def epochs_of(self, g: int) -> int:
        return self.trainers[g].epoch

    def network_of(self, g: int) -> Network:
        return self.trainers[g].net

    def params_of(self, g: int) -> np.ndarray:
        return self.trainers[g].net.params.copy()

    def layer_gradient_norms(self, g: int) -> np.ndarray:
        return self.trainers[g].layer_gradient_norms

    def history(self, g: int) -> History:
        return self.trainers[g].history()


def _data_key(doc: Mapping) -> str:
    tr = doc.get("training") or {}
    return json.dumps([doc.get("data") or {}, tr.get("loss")], sort_keys=True, default=str)


class Comparison:
    """Variants trained side by side: groups of stacked variants, and what each reached.

    Raises ValueError (the message says why) for a variant that cannot train: data that do
    not fit its network, an unreadable CSV, too many variants."""

    def __init__(self, variants: Sequence[Variant], base_dir=None):
        if not variants:
            raise ValueError("nothing to compare: no variants")
        if len(variants) > MAX_VARIANTS:
            raise ValueError(f"{len(variants)} variants: at most {MAX_VARIANTS} can be compared")
        self.variants = tuple(variants)
        data: dict[str, datasets.Dataset] = {}
        self.trainers: list[Trainer] = []
        for v in self.variants:
            folder = v.base_dir if v.base_dir is not None else base_dir
            key = _data_key(v.doc) + str(folder)
            if key not in data:      # one Dataset object per distinct data: variants share it
                tr = v.doc.get("training") or {}
                data[key] = datasets.from_spec(v.doc.get("data") or {}, folder, tr.get("loss"))
            trainer = Trainer.from_document(v.doc, base_dir=folder, data=data[key])
            if type(trainer) is not Trainer:          # a recurrent network, sequence data
                raise ValueError(f"{v.label}: comparisons train feed-forward networks on points, "
                                 "not recurrent networks or sequences")
            self.trainers.append(trainer)
        by_key: dict = {}
        for i, t in enumerate(self.trainers):
            by_key.setdefault(group_key(t) or "separate", []).append(i)
        self.groups: list[tuple[list[int], StackedTrainer | SeparateRuns]] = []
        for key, idx in by_key.items():
            ts = [self.trainers[i] for i in idx]
            self.groups.append((idx, SeparateRuns(ts) if key == "separate" else StackedTrainer(ts)))
        self._where = {i: (gi, j) for gi, (idx, _) in enumerate(self.groups) for j, i in enumerate(idx)}
        self.seconds = 0.0

    # training ----------------------------------------------------------------------------
    def finished(self, epoch: int) -> bool:
        """Every variant has reached ``epoch`` or diverged."""
        return all(g.finished or g.epoch >= epoch for _, g in self.groups)

    @property
    def epoch(self) -> int:
        going = [g.epoch for _, g in self.groups if not g.finished]
        return min(going) if going else max(g.epoch for _, g in self.groups)

    def train_to(self, epoch: int, seconds: float | None = None,
                 until: Callable[[], bool] | None = None) -> bool:
        """Train every group up to ``epoch`` epochs, or for ``seconds`` (shared between the
        groups still training), or until ``until()`` says so. True once finished."""
        start = time.perf_counter()
        pending = [g for _, g in self.groups if not g.finished and g.epoch < epoch]
        share = None if seconds is None else seconds / max(len(pending), 1)
        for g in pending:
            g.run(epochs=epoch - g.epoch, seconds=share, until=until)
        self.seconds += time.perf_counter() - start
        return self.finished(epoch)

    # results --------------------------------------------------------------------------------
    def engine_of(self, i: int) -> tuple[StackedTrainer | SeparateRuns, int]:
        """The group training variant ``i`` and its place in it."""
        gi, j = self._where[i]
        return self.groups[gi][1], j

    def network(self, i: int) -> Network:
        """Variant ``i``'s network holding its current weights."""
        g, j = self.engine_of(i)
        return g.network_of(j)

    def divergence(self, i: int) -> Divergence | None:
        g, j = self.engine_of(i)
        return g.diverged[j]

    def _evaluations(self) -> list[np.ndarray]:
        with np.errstate(all="ignore"):
            evs = [g.evaluate_all() for _, g in self.groups]
        return [evs[self._where[i][0]][self._where[i][1]] for i in range(len(self.variants))]

    def results(self) -> list[dict]:
        """Each variant's final figures, as ``nnsim compare --json`` prints them."""
        out = []
        for i, (v, ev) in enumerate(zip(self.variants, self._evaluations())):
            t = self.trainers[i]
            g, j = self.engine_of(i)
            metric = "test_accuracy" if t.data.is_classification else "test_r2"
            out.append({"label": v.label, "seed": t.seed, "learning_rate": t.learning_rate,
                        "activation": v.value if v.kind == "activation" else None,
                        "train_loss": float(ev[0]), "test_loss": float(ev[1]), metric: float(ev[3]),
                        "layer_gradient_norms": g.layer_gradient_norms(j).tolist(),
                        "diverged": g.diverged[j] is not None})
        return out

    def _pictures(self) -> dict[int, tuple]:
        """Each variant's (surface, curve): the stacked ones' in one pass per group."""
        out: dict[int, tuple] = {}
        for idx, g in self.groups:
            data = g.data
            if data.n_raw not in (1, 2):
                continue
            two = data.n_raw == 2
            X = probe.grid(data.domain, SURFACE_RES) if two else \
                np.linspace(data.domain[0][0], data.domain[0][1], CURVE_POINTS)[:, None]
            going = {int(lane): k for k, lane in enumerate(g.lanes)} if isinstance(g, StackedTrainer) else {}
            ys = g.outputs(X) if going else None
            for j, i in enumerate(idx):
                net = g.network_of(j)
                if j in going:
                    y = ys[going[j]]
                    out[i] = ((probe.surface_of_outputs(net, data.domain, SURFACE_RES, y), None) if two else
                              (None, probe.Curve(X[:, 0], y[:, 0], np.zeros((0, len(X))), (), math.nan)))
                else:
                    out[i] = ((probe.surface(net, data.domain, SURFACE_RES), None) if two else
                              (None, probe.curve(net, data.domain, CURVE_POINTS)))
        return out

    def snapshot(self, target_epochs: int | None = None, revision: int = 0,
                 surfaces: bool = True) -> ComparisonSnapshot:
        """Every variant's state now (its surface or fit too, unless ``surfaces`` is off)."""
        views = []
        with np.errstate(all="ignore"):
            pictures = self._pictures() if surfaces else {}
            for i, (v, ev) in enumerate(zip(self.variants, self._evaluations())):
                t = self.trainers[i]
                g, j = self.engine_of(i)
                data = t.data
                surface, curve = pictures.get(i, (None, None))
                norms = g.layer_gradient_norms(j)
                norms.setflags(write=False)
                views.append(VariantView(
                    index=i, variant=v, seed=t.seed, learning_rate=t.learning_rate,
                    epoch=g.epochs_of(j), diverged=g.diverged[j], task=data.task,
                    metric_name="accuracy" if data.is_classification else "r2",
                    train_loss=float(ev[0]), test_loss=float(ev[1]), train_metric=float(ev[2]),
                    test_metric=float(ev[3]), layer_gradient_norms=norms, history=g.history(j),
                    data=data, surface=surface, curve=curve, status="training"))
        views = _with_status(views)
        return ComparisonSnapshot(tuple(views), self.epoch, target_epochs, self.seconds, revision)


def plateaued(loss: np.ndarray) -> bool:
    """The training loss no longer falls: its mean over the last fifth of the epochs (at
    least 5) is within PLATEAU (relative) of the fifth before. Flat or jumping about, the
    variant is going nowhere; a slow one still creeping down is not stuck."""
    n = max(5, len(loss) // 5)
    if len(loss) < 2 * n:
        return False
    recent, before = np.asarray(loss[-n:], float).mean(), np.asarray(loss[-2 * n:-n], float).mean()
    if not (math.isfinite(recent) and math.isfinite(before)):
        return False
    return before - recent < PLATEAU * abs(before)


def _with_status(views: list[VariantView]) -> list[VariantView]:
    """Mark the diverged variants, those far behind the best one, and among these the
    stuck ones (their loss no longer moves: a local minimum, a step function…)."""
    def score(v: VariantView) -> float:
        return v.train_metric if math.isfinite(v.train_metric) else v.test_metric

    scores = [score(v) for v in views if v.diverged is None and math.isfinite(score(v))]
    best = max(scores) if scores else math.nan
    out = []
    for v in views:
        if v.diverged is not None:
            status = "diverged"
        elif v.epoch >= STUCK_MIN_EPOCHS and math.isfinite(best) and (
                not math.isfinite(score(v)) or best - score(v) >= STUCK_GAP):
            status = "stuck" if plateaued(v.history.train_loss) else "behind"
        elif v.epoch >= STUCK_MIN_EPOCHS:
            status = "ok"
        else:
            status = "training"
        out.append(replace(v, status=status))
    return out
