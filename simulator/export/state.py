"""What a figure draws: a document, one training snapshot, the data, and the few choices
the panels hold (which activations, log scale…). Made from the window's current state
(nothing retrains) or headless by training a document with the engine."""
from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from ..document import trained, training_problems
from ..engine import activations, probe
from ..engine.trainer import Snapshot, Trainer
from .options import ExportError, tr

DEFAULT_ACTIVATIONS = ("sigmoid", "tanh", "relu")


@dataclass(frozen=True)
class ActivationChoice:
    """The activation lab's state: the functions drawn and the neuron highlighted."""

    names: tuple[str, ...] = DEFAULT_ACTIVATIONS
    highlight: str | None = None
    g_values: np.ndarray | None = None     # the highlighted neuron's pre-activations
    alpha: float | None = None             # PReLU slope
    show_derivative: bool = True


@dataclass(frozen=True)
class ExportState:
    """Everything a figure needs, read-only."""

    doc: Mapping
    snapshot: Snapshot | None
    data: object | None                   # engine Dataset
    title: str = ""
    activations: ActivationChoice = field(default_factory=ActivationChoice)
    loss_log_scale: bool = False
    discrete_surface: bool = False
    show_test: bool = True
    epoch_axis: int | None = None         # fixed extent of the history plots (animations)
    comparison: object | None = None      # engine ComparisonSnapshot (the compare view)
    compare_log_scale: bool = False       # the Compare panel's loss chart
    time_step: int | None = None          # sequences: the step t shown (None: the last)
    unrolled_steps: int = 5               # copies in the unrolled view

    def with_(self, **changes) -> "ExportState":
        return replace(self, **changes)


def activation_choice(doc: Mapping, names: Sequence[str] = DEFAULT_ACTIVATIONS) -> ActivationChoice:
    """The lab's default functions plus every activation the document's neurons use."""
    used = [n.get("activation") or ("sigmoid" if n.get("kind") == "output" else "tanh")
            for n in doc["network"]["nodes"] if n.get("kind") != "input"]
    known = set(activations.names())
    out = list(names)
    for name in used:
        if name in known and name not in out:
            out.append(name)
    return ActivationChoice(names=tuple(out))


def document_with_weights(doc: Mapping, snap: Snapshot | None) -> dict:
    """A copy of ``doc`` holding the snapshot's weights and biases (for a network rebuilt
    at the state the window shows, e.g. to record one step without touching the window)."""
    out = copy.deepcopy(dict(doc))
    if snap is None:
        return out
    w = {pair: float(v) for pair, v in zip(snap.edges, snap.weights)}
    b = {nid: float(v) for nid, v in zip(snap.node_ids, snap.biases)}
    for e in out["network"]["edges"]:
        v = w.get((e["source"], e["target"]))
        if v is not None and math.isfinite(v):
            e["weight"] = v
    for n in out["network"]["nodes"]:
        v = b.get(n["id"])
        if n.get("kind") != "input" and v is not None and math.isfinite(v):
            n["bias"] = v
    return out


def make_trainer(doc: Mapping, base_dir: str | Path | None, label: str = "") -> Trainer:
    """A seeded trainer for ``doc`` (a file saved after training goes on from where it
    stopped, as in the window), or ExportError saying why the document cannot train."""
    problems = training_problems(doc)
    prefix = f"{label}: " if label else ""
    if problems:
        raise ExportError(prefix + tr("cannot train: %1").replace("%1", problems[0]))
    try:
        return trained.trainer_for(doc, base_dir)
    except (ValueError, KeyError, OSError) as exc:
        raise ExportError(prefix + str(exc)) from None


def state_of(trainer: Trainer, doc: Mapping, title: str | None = None,
             choice: ActivationChoice | None = None) -> ExportState:
    """The trainer's current state as an ExportState (what the window would show)."""
    # a diverged network overflows when evaluated over the plane: expected, and the
    # snapshot says it diverged
    with np.errstate(over="ignore", invalid="ignore"):
        extras = probe.snapshot_extras(trainer.net, trainer.data)
    snap = trainer.snapshot(extras=extras)
    return ExportState(doc=doc, snapshot=snap, data=trainer.data,
                       title=doc.get("title", "") if title is None else title,
                       activations=choice or activation_choice(doc))


def default_epochs(doc: Mapping) -> int:
    """The lesson's epochs, else 100 (as ``nnsim train``)."""
    return int((doc.get("lesson") or {}).get("epochs", 100))


def default_figure_epochs(doc: Mapping) -> int:
    """Epochs a still figure trains first when none are asked for: none for a file saved
    after training (it shows the network as saved), else ``default_epochs``."""
    return 0 if trained.KEY in doc else default_epochs(doc)


def trained_state(doc: Mapping, base_dir: str | Path | None, epochs: int,
                  label: str = "") -> tuple[Trainer, ExportState]:
    """Train ``doc`` headless for ``epochs`` epochs (seeded: the same every time)."""
    trainer = make_trainer(doc, base_dir, label)
    trainer.run(epochs=epochs)
    return trainer, state_of(trainer, doc)


#: What ``export --view compare`` trains when a document declares no comparison.
DEFAULT_SEEDS = tuple(range(8))


def trained_comparison(doc: Mapping, base_dir: str | Path | None, epochs: int | None = None,
                       label: str = ""):
    """The document's own comparison (its ``compare`` block; else eight seeds), trained
    headless for ``epochs`` (default: the block's, else the lesson's): a ComparisonSnapshot."""
    from ..document import compare as doc_compare
    from ..engine.compare import Comparison
    problems = training_problems(doc)
    prefix = f"{label}: " if label else ""
    if problems:
        raise ExportError(prefix + tr("cannot train: %1").replace("%1", problems[0]))
    if doc_compare.refusal(doc):
        raise ExportError(prefix + tr("the comparison trains feed-forward networks on points, not recurrent "
                                      "networks or sequences"))
    declared = doc_compare.declared(doc)
    if declared is not None:
        variants = doc_compare.variants(doc, declared.kind, declared.values)
    else:
        variants = doc_compare.seed_variants(doc, DEFAULT_SEEDS)
    if epochs is None:
        epochs = declared.epochs if declared is not None and declared.epochs else default_epochs(doc)
    try:
        comparison = Comparison(variants, base_dir=base_dir)
    except (ValueError, KeyError, OSError) as exc:
        raise ExportError(prefix + str(exc)) from None
    comparison.train_to(epochs)
    return comparison.snapshot(target_epochs=epochs)
