"""What an exported program holds, read off the engine's compiled network: its layers and
weight blocks, activations, batch norm, loss, training settings and data.

The generators (``torch_code``, ``numpy_code``) write code from this description only, so
both frameworks see the same layers in the same order as the engine (nodes grouped in
layers by depth, a weight block per pair of connected layers, neurons of one activation
side by side): the column order of every array is the engine's, which is what makes the
outputs equal to the simulator's.

Recurrent networks (delayed edges) and sequence data: ``Network.layers[k].delayed`` lists
each layer's delayed blocks (source layer, delay, weights, mask); ``model_spec`` copies them
into ``LayerSpec.delayed`` (``DelayedSpec``) and marks the model ``sequences``. The
generators then write the same per-layer code inside ``for t in range(T)``: X has the shape
(N, T, inputs), each delayed block adds ``W · a_src(t − delay)`` (nothing before the first
step), and the outputs are stacked over t. The layers are computed in the engine's order at
each step, which is enough: a delayed source was computed at an earlier step. PyTorch's
autograd gives backpropagation through time (truncated to ``training.bptt``: a delayed
value that crosses a window boundary is detached, as the engine's ``_window_keep``); the
NumPy backward runs its per-layer code for t = T−1 … 0, sending each delayed block's error
back to the step it came from. The loss averages over the steps that have a target (NaN:
none), and the data section writes the sequences inline with the targets as the loss sees
them (``recurrent.encode_targets``).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..engine.network import BN_EPS, BN_MOMENTUM, Network
from ..engine.optimizers import Adam, Momentum
from . import texts

SEQUENCE_TASKS = ("echo", "temporal-xor", "sine-next", "parity")   # engine.sequences.TASKS



class CodeExportError(Exception):
    """The document cannot be exported as code: one clear line."""


@dataclass(frozen=True)
class BlockSpec:
    """The weights from layer ``src`` into a layer, a row per target neuron and a column
    per source neuron (PyTorch's ``nn.Linear`` layout). ``mask`` is 1 where an edge was
    drawn, None when every pair is connected."""

    src: int
    weight: np.ndarray
    mask: np.ndarray | None
    primary: bool          # the block that carries the layer's bias (its nearest source)


@dataclass(frozen=True)
class DelayedSpec:
    """The delayed edges from layer ``src``: at step t they carry its values of step
    t − ``delay``; a row per target neuron, a column per source neuron; no bias."""

    src: int
    delay: int
    weight: np.ndarray
    mask: np.ndarray | None


@dataclass(frozen=True)
class GroupSpec:
    """Neurons ``lo:hi`` of a layer sharing one activation; ``slope``: PReLU's α."""

    activation: str
    lo: int
    hi: int
    slope: np.ndarray | None = None


@dataclass(frozen=True)
class LayerSpec:
    index: int
    nodes: tuple[str, ...]             # neuron ids, in column order
    groups: tuple[GroupSpec, ...]
    blocks: tuple[BlockSpec, ...]      # primary first; empty when nothing comes in
    bias: np.ndarray
    bn: tuple[int, ...] = ()           # batch-normalised columns
    gamma: np.ndarray | None = None
    running_mean: np.ndarray | None = None
    running_var: np.ndarray | None = None
    delayed: tuple[DelayedSpec, ...] = ()   # recurrent inputs, from earlier steps

    @property
    def size(self) -> int:
        return len(self.nodes)

    def names(self, lo: int = 0, hi: int | None = None) -> str:
        return ", ".join(self.nodes[lo:hi])


@dataclass(frozen=True)
class ModelSpec:
    inputs: tuple[str, ...]            # input neuron ids
    features: tuple[str, ...]          # the feature each input neuron reads
    raw_inputs: tuple[str, ...]        # the raw columns of X
    layers: tuple[LayerSpec, ...]      # 1 .. L: hidden layers, then the outputs
    loss: str                          # mse | bce | cross_entropy
    fused: str | None                  # "sigmoid" | "softmax": the loss works from g
    sequences: bool = False            # X is (N, T, inputs): the network runs step by step

    @property
    def recurrent(self) -> bool:
        """Whether some edge is delayed (the network has memory)."""
        return any(L.delayed for L in self.layers)

    def delayed_sources(self) -> set[int]:
        """The layers whose values a later step reads."""
        return {d.src for L in self.layers for d in L.delayed}

    @property
    def output(self) -> LayerSpec:
        return self.layers[-1]

    @property
    def has_bn(self) -> bool:
        return any(L.bn for L in self.layers)

    def activations(self) -> set[str]:
        return {g.activation for L in self.layers for g in L.groups}

    @property
    def identity_features(self) -> bool:
        """Whether the input neurons are the raw columns themselves, in order."""
        plain = [_column(f, self.raw_inputs) if f in ("x", "x1", "x2") or f in self.raw_inputs
                 else None for f in self.features]
        return plain == list(range(len(self.raw_inputs)))


@dataclass(frozen=True)
class TrainingSpec:
    optimizer: str
    learning_rate: float
    batch_size: int
    l1: float
    l2: float
    clip: float | None
    shuffle: bool
    seed: int
    epochs: int                        # the script's default
    bptt: int | None = None            # truncated backpropagation through time: window length


@dataclass(frozen=True)
class DataSpec:
    x_train: np.ndarray
    y_train: np.ndarray                # labels or values, as the document gives them
    x_test: np.ndarray
    y_test: np.ndarray
    classification: bool
    softmax: bool
    n_outputs: int
    target_low: float                  # the target of the negative class
    descriptions: Mapping[str, str]    # where the points come from, per language
    sequences: bool = False            # x: (N, T, raw); y: the targets (N, T, outputs), NaN: none

    @property
    def description(self) -> str:
        return self.descriptions["en"]


@dataclass(frozen=True)
class ExportSpec:
    title: str
    model: ModelSpec
    training: TrainingSpec
    data: DataSpec
    weights: tuple[str, int]           # how the weights came about: (kind, epochs), see texts

    def weights_note(self, lang: str = "en") -> str:
        return texts.weights_note(self.weights[0], self.weights[1], lang)


def _column(feature: str, raw: tuple[str, ...]) -> int:
    """The raw column a plain feature reads (as ``features._raw`` finds it)."""
    name = "x1" if feature == "x" else feature
    if name in raw:
        return raw.index(name)
    if name in ("x1", "x2"):
        return int(name[1]) - 1
    return -1


def raw_column(name: str, raw: tuple[str, ...]) -> int:
    """The column of raw input ``name`` (x1, x2 or a CSV column) in X."""
    return _column(name, raw)


def _matrix(block, net: Network) -> tuple[np.ndarray, np.ndarray | None]:
    w = np.array(block.W, dtype=float).T.copy()              # (n_dst, n_src)
    mask = None if block.mask is None else np.array(block.mask[:-1], dtype=float).T.copy()
    if mask is not None and mask.all():
        mask = None
    return w, mask


def model_spec(net: Network, raw_inputs: tuple[str, ...], sequences: bool = False) -> ModelSpec:
    """The compiled network as layers of weight blocks (copies of its current values);
    ``raw_inputs`` names the data's columns; ``sequences``: it runs over time steps."""
    layer_nodes = [net.node_ids[L.start:L.start + L.size] for L in net.layers]
    layers = []
    for L in net.layers[1:]:
        blocks = []
        for blk in L.blocks:
            w, mask = _matrix(blk, net)
            blocks.append(BlockSpec(blk.src, w, mask, blk.primary))
        delayed = []
        for db in L.delayed:
            mask = None if db.mask is None or db.mask.all() else np.array(db.mask, dtype=float).T.copy()
            delayed.append(DelayedSpec(db.src, int(db.delay), np.array(db.W, dtype=float).T.copy(), mask))
        groups = tuple(GroupSpec(g.act.name, g.lo, g.hi,
                                 None if g.alpha is None else np.array(g.alpha, dtype=float))
                       for g in L.groups)
        bn = tuple(int(j) for j in L.bn) if L.bn is not None else ()
        layers.append(LayerSpec(
            index=L.index, nodes=tuple(layer_nodes[L.index]), groups=groups, blocks=tuple(blocks),
            bias=np.array(L.b, dtype=float), bn=bn,
            gamma=None if L.gamma is None else np.array(L.gamma, dtype=float),
            running_mean=None if L.running_mean is None else np.array(L.running_mean, dtype=float),
            running_var=None if L.running_var is None else np.array(L.running_var, dtype=float),
            delayed=tuple(delayed)))
    out_acts = {g.activation for g in layers[-1].groups}
    fused = None
    if net.loss.fused:
        fused = "softmax" if out_acts == {"softmax"} else "sigmoid"
    return ModelSpec(inputs=tuple(layer_nodes[0]), features=tuple(net.features),
                     raw_inputs=tuple(raw_inputs), layers=tuple(layers), loss=net.loss_name,
                     fused=fused, sequences=bool(sequences or net.is_recurrent))


def training_spec(doc: Mapping, epochs: int) -> TrainingSpec:
    tr = dict(doc.get("training") or {})
    clip = tr.get("clip")
    return TrainingSpec(optimizer=tr.get("optimizer", "sgd"),
                        learning_rate=float(tr.get("learning_rate", 0.03)),
                        batch_size=max(1, int(tr.get("batch_size", 10))),
                        l1=float(tr.get("l1", 0.0) or 0.0), l2=float(tr.get("l2", 0.0) or 0.0),
                        clip=None if clip in (None, 0) else float(clip),
                        shuffle=bool(tr.get("shuffle", True)), seed=int(tr.get("seed", 0) or 0),
                        epochs=int(epochs), bptt=int(tr["bptt"]) if tr.get("bptt") else None)


def describe_data(doc: Mapping, lang: str = "en") -> str:
    """One line saying where the points come from."""
    words = texts.DATA[texts.language(lang)]
    data = doc.get("data") or {}
    if isinstance(data.get("sequences"), list):
        return words["inline_sequences"].format(n=len(data["sequences"]))
    if data.get("dataset") in SEQUENCE_TASKS:
        from ..engine import sequences
        parts = [words["task"].format(name=data["dataset"], n=data.get("sequences", sequences.DEFAULTS["sequences"]),
                                      length=data.get("length", sequences.DEFAULTS["length"]))]
        for key, default in sequences.PARAMETERS[data["dataset"]].items():
            value = data.get(key, default)
            if key == "noise" and not value:
                continue
            text = f"{value:g}".replace(".", ",") if lang == "pt_BR" else f"{value:g}"
            parts.append(words["noise"].format(noise=text) if key == "noise" else f"{words[key]} {text}")
        parts.append(words["seed"].format(seed=data.get("seed", 0)))
        return ", ".join(parts)
    if "csv" in data:
        return words["csv"].format(csv=data["csv"], inputs=", ".join(data.get("inputs") or []),
                                   target=data.get("target"))
    if "points" in data:
        return words["points"].format(n=len(data["points"]))
    if "train" in data:
        return words["train"]
    name = data.get("dataset", "xor")
    parts = [words["dataset"].format(name=name, samples=data.get("samples", 200))]
    if data.get("noise"):
        noise = f"{data['noise']:g}"
        parts.append(words["noise"].format(noise=noise.replace(".", ",") if lang == "pt_BR" else noise))
    if data.get("classes") and name in ("gauss", "spiral"):
        parts.append(words["classes"].format(classes=data["classes"]))
    parts.append(words["seed"].format(seed=data.get("seed", 0)))
    return ", ".join(parts)


def data_spec(net: Network, data, doc: Mapping) -> DataSpec:
    if getattr(data, "is_sequence", False):
        return _sequence_data_spec(net, data, doc)
    return DataSpec(x_train=np.array(data.x_train, dtype=float), y_train=np.array(data.y_train, dtype=float),
                    x_test=np.array(data.x_test, dtype=float), y_test=np.array(data.y_test, dtype=float),
                    classification=bool(data.is_classification), softmax=net.is_softmax,
                    n_outputs=net.n_outputs,
                    target_low=0.0 if net.is_softmax else net.target_low(),
                    descriptions={lang: describe_data(doc, lang) for lang in texts.LANGUAGES})


def _sequence_data_spec(net: Network, data, doc: Mapping) -> DataSpec:
    """Sequences: the inputs (N, T, raw) and the targets as the loss sees them (N, T,
    outputs), NaN where a step has none."""
    from ..engine import recurrent

    def targets(Y: np.ndarray) -> np.ndarray:
        if not len(Y):
            return np.zeros((0, Y.shape[1], net.n_outputs))
        TM = recurrent.encode_targets(net, Y, data.is_classification)   # (outputs + 1, T, N)
        t = TM[:-1].transpose(2, 1, 0).copy()
        t[TM[-1].T == 0] = np.nan
        return t

    return DataSpec(x_train=np.array(data.x_train, dtype=float), y_train=targets(data.y_train),
                    x_test=np.array(data.x_test, dtype=float), y_test=targets(data.y_test),
                    classification=bool(data.is_classification), softmax=net.is_softmax,
                    n_outputs=net.n_outputs,
                    target_low=0.0 if net.is_softmax else net.target_low(),
                    descriptions={lang: describe_data(doc, lang) for lang in texts.LANGUAGES},
                    sequences=True)


def check_finite(net: Network) -> None:
    if not np.isfinite(net.params).all():
        raise CodeExportError("the weights are not finite numbers (training diverged): "
                              "export the untrained network or fewer epochs")


# Constants the generated code writes out; kept here so a change in the engine shows.
ENGINE_CONSTANTS = {"BN_EPS": BN_EPS, "BN_MOMENTUM": BN_MOMENTUM, "MOMENTUM": Momentum.beta,
                    "BETA1": Adam.beta1, "BETA2": Adam.beta2, "EPSILON": Adam.eps,
                    "LEAKY_SLOPE": 0.01, "GELU_C": 0.044715, "SQRT_2_OVER_PI": math.sqrt(2 / math.pi),
                    "PROB_EPS": 1e-12}
