"""A feed-forward network compiled from any DAG of the document into dense layer blocks.

Nodes are grouped into layers by their longest-path depth from the inputs (outputs always
form the last layer). Every pair (source layer k, target layer l) joined by at least one edge
becomes one dense weight block of shape (n_k + 1, n_l); a float mask zeroes the gradients of
pairs without an edge, so skip connections and sparse drawings cost no Python loop over
neurons. The extra row of a layer's primary block holds its biases, read against a constant-1
row of the source's values: one matrix product gives g = Σ w x + b.

All parameters (weights, biases, PReLU slopes, batch-norm scales) live in one flat buffer, so
an optimiser step is a few vectorised calls. Inside, values are stored node-major, shape
(nodes, samples), so every buffer is contiguous; the public API takes and returns arrays
with one row per sample. A step is compiled once per batch size (:class:`Plan`) into a list
of NumPy calls on preallocated buffers: running it allocates nothing.
"""
from __future__ import annotations

import copy
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from . import activations as _acts
from . import features as _features
from . import graph as _graph
from . import initializers as _init
from .losses import OutputLoss

BN_EPS = 1e-5
BN_MOMENTUM = 0.9
MAX_DELAY = 1000


@dataclass
class Block:
    """The weights from every node of layer ``src`` to every node of layer ``dst``.

    ``W_full`` has one extra row read against the constant-1 row of the source's values: in
    a layer's primary block that row holds the layer's biases; in other blocks it is masked
    to zero."""

    src: int
    dst: int
    offset: int                 # into the flat parameter buffer
    W_full: np.ndarray          # view (n_src + 1, n_dst)
    gW_full: np.ndarray         # view into the gradient buffer
    mask: np.ndarray | None     # 1.0 where a parameter exists; None when all do
    primary: bool = False
    writes_first: bool = False  # first (in backward order) to write dA[src]; the rest add

    @property
    def W(self) -> np.ndarray:
        return self.W_full[:-1]


@dataclass
class DelayedBlock:
    """The weights of the delayed edges from layer ``src`` to layer ``dst``: at step t they
    carry the source's values of step t − ``delay`` (zero before the first step). No bias
    row: a layer's bias lives with its undelayed inputs."""

    src: int
    dst: int
    delay: int
    offset: int
    W: np.ndarray               # view (n_src, n_dst) into the parameters
    gW: np.ndarray              # view into the gradient buffer
    mask: np.ndarray | None     # 1.0 where an edge exists; None when all do


@dataclass
class Group:
    """Consecutive nodes of a layer sharing one activation."""

    act: _acts.Activation
    lo: int
    hi: int
    alpha: np.ndarray | None = None   # PReLU slopes (view into the parameters)
    galpha: np.ndarray | None = None

    @property
    def alpha_col(self) -> np.ndarray | None:
        """The slopes shaped to broadcast over node-major values."""
        return None if self.alpha is None else self.alpha[:, None]


@dataclass
class Layer:
    index: int
    start: int                  # position of its first node in the compiled order
    size: int
    groups: list[Group] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)    # primary first
    delayed: list[DelayedBlock] = field(default_factory=list)
    b: np.ndarray | None = None
    gb: np.ndarray | None = None
    b_offset: int = 0
    w_lo: int = 0               # span of its blocks in the flat buffer (per-layer norms)
    w_hi: int = 0
    n_edges: int = 0
    bn: np.ndarray | None = None          # local indices of batch-normalised nodes
    gamma: np.ndarray | None = None
    ggamma: np.ndarray | None = None
    running_mean: np.ndarray | None = None
    running_var: np.ndarray | None = None
    consumers: list[Block] = field(default_factory=list)

    @property
    def single(self) -> Group | None:
        return self.groups[0] if len(self.groups) == 1 else None


class Plan:
    """Work buffers for one batch size and the precompiled NumPy calls of a step.

    All node-major: ``A_ext[k]`` (n_k + 1, N) holds layer k's outputs and a constant-1 row
    (for the folded biases); ``A[k]`` is its view without that row; ``Z`` pre-activations,
    ``dA`` = ∂J/∂y, ``D`` = ∂J/∂g; ``T`` the targets (n_outputs, N)."""

    def __init__(self, net: "Network", n: int):
        self.n = n
        sizes = [len(net.input_ids)] + [layer.size for layer in net.layers[1:]]
        self.A_ext = [np.ones((s + 1, n)) for s in sizes]
        self.A = [a[:-1] for a in self.A_ext]
        self.Z = [np.zeros((s, n)) for s in sizes]
        self.dA = [np.zeros((s, n)) for s in sizes]
        self.D = [np.zeros((s, n)) for s in sizes]
        self.tmp = [np.zeros((s, n)) for s in sizes]
        self.tmp2 = [np.zeros((s, n)) for s in sizes]
        self.T = np.zeros((sizes[-1], n))
        # batch-norm caches (per layer)
        self.xhat: list[np.ndarray | None] = [None] * len(sizes)
        self.inv_std: list[np.ndarray | None] = [None] * len(sizes)
        self.bn_sum: list[np.ndarray | None] = [None] * len(sizes)
        self.bn_train = False    # batch statistics (training) or running statistics
        self.bn_update = False   # whether a training pass updates the running statistics
        self.forward_train, self.forward_eval, self.backward = net._compile(self)


@dataclass
class Gradients:
    """∂J/∂parameter keyed the way the document names things."""

    weights: dict[tuple[str, str], float]
    biases: dict[str, float]
    slopes: dict[str, float] = field(default_factory=dict)   # PReLU α
    scales: dict[str, float] = field(default_factory=dict)   # batch-norm γ


def _as_float(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{where}: expected a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{where}: must be a finite number, got {value}")
    return value


def _delay(value, where: str) -> int:
    """An edge's ``delay``: absent (0, the same step) or a whole number of steps >= 1."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            isinstance(value, float) and not value.is_integer()):
        raise ValueError(f"{where}: expected a whole number of steps (1 or more), got {value!r}")
    if not 1 <= value <= MAX_DELAY:
        raise ValueError(f"{where}: must be between 1 and {MAX_DELAY} steps, got {value!r}")
    return int(value)


def _prelu_slope_grad(dy: np.ndarray, z: np.ndarray, out: np.ndarray) -> None:
    np.sum(dy * np.minimum(z, 0.0), axis=1, out=out)


def _softmax_rows(z: np.ndarray, out: np.ndarray) -> None:
    """Softmax over the nodes (axis 0) of node-major values."""
    np.subtract(z, z.max(axis=0), out=out)
    np.exp(out, out=out)
    out /= out.sum(axis=0)


class Network:
    """A compiled network. Build it with :meth:`from_document`."""

    # construction ----------------------------------------------------------------------
    @classmethod
    def from_document(cls, doc: Mapping, previous: "Network | None" = None) -> "Network":
        """Compile ``doc`` (the document dict); weights of ``previous`` are kept where the
        same edge (and biases where the same node) exists in both."""
        return cls(doc, previous)

    def __init__(self, doc: Mapping, previous: "Network | None" = None):
        net = doc.get("network", {}) if isinstance(doc, Mapping) else {}
        training = dict(doc.get("training", {}) or {})
        data = doc.get("data", {}) or {}
        nodes = list(net.get("nodes", []))
        edges = list(net.get("edges", []))
        self.loss_name: str = training.get("loss", "mse")
        self.init: str = training.get("init", "xavier")
        self.seed: int = int(training.get("seed", 0) or 0)
        self.l1 = float(training.get("l1", 0.0) or 0.0)
        self.l2 = float(training.get("l2", 0.0) or 0.0)
        self.raw_inputs: tuple[str, ...] = tuple(data.get("inputs") or _features.DEFAULT_RAW)

        ids = [n["id"] for n in nodes]
        dup = [i for i, c in Counter(ids).items() if c > 1]
        if dup:
            raise ValueError(f'duplicate node id "{dup[0]}"')
        by_id = {n["id"]: n for n in nodes}
        self.doc_node_ids: list[str] = ids
        self.edges: list[tuple[str, str]] = []
        delays: list[int] = []
        for i, e in enumerate(edges):
            s, t = e["source"], e["target"]
            if s not in by_id:
                raise ValueError(f'network.edges[{i}].source: no node "{s}"')
            if t not in by_id:
                raise ValueError(f'network.edges[{i}].target: no node "{t}"')
            self.edges.append((s, t))
            delays.append(_delay(e.get("delay"), f"network.edges[{i}].delay"))
        #: per edge, how many steps back its source's value comes from (0: the same step)
        self.delays = np.array(delays, dtype=np.intp)
        self.is_recurrent = bool(self.delays.any())
        self.bptt: int | None = training.get("bptt") or None
        dup_e = [e for e, c in Counter(self.edges).items() if c > 1]
        if dup_e:
            raise ValueError(f"duplicate edge {dup_e[0][0]} → {dup_e[0][1]}")

        kind = {i: by_id[i].get("kind", "hidden") for i in ids}
        self.input_ids = [i for i in ids if kind[i] == "input"]
        self.output_ids = [i for i in ids if kind[i] == "output"]
        if not self.input_ids:
            raise ValueError("the network has no input neuron")
        if not self.output_ids:
            raise ValueError("the network has no output neuron")
        for s, t in self.edges:
            if kind[t] == "input":
                raise ValueError(f"edge {s} → {t} goes into an input neuron")
            if kind[s] == "output":
                raise ValueError(f"edge {s} → {t} leaves an output neuron")
        self.features = [by_id[i].get("feature", "x1") for i in self.input_ids]

        def act_name(i: str) -> str:
            return by_id[i].get("activation") or ("sigmoid" if kind[i] == "output" else "tanh")

        # Layers: longest-path depth over the undelayed edges (a delayed edge reads the
        # previous step, so it adds no dependency within a step), empty depths dropped;
        # outputs together last.
        undelayed = [p for p, d in zip(self.edges, delays) if not d]
        depth = _graph.depths(ids, undelayed, self.input_ids)
        hidden_max = max((depth[i] for i in ids if kind[i] == "hidden"), default=0)
        out_depth = max([hidden_max + 1] + [depth[i] for i in self.output_ids])
        for i in self.output_ids:
            depth[i] = out_depth
        present = sorted(set(depth.values()))
        remap = {d: k for k, d in enumerate(present)}
        layer_nodes: list[list[str]] = [[] for _ in present]
        for i in ids:
            layer_nodes[remap[depth[i]]].append(i)
        act_rank = {a: j for j, a in enumerate(_acts.names())}
        order_key = {i: k for k, i in enumerate(ids)}
        for k in range(1, len(layer_nodes)):   # one group per activation within a layer
            layer_nodes[k].sort(key=lambda i: (act_rank[_acts.get(act_name(i)).name], order_key[i]))
        for i in ids:
            if kind[i] != "input" and act_name(i) == "softmax" and kind[i] != "output":
                raise ValueError(f'node "{i}": softmax is only for output neurons')
        self.layer_of = {i: remap[depth[i]] for i in ids}
        self.n_layers = len(layer_nodes)
        self.node_ids = [i for layer in layer_nodes for i in layer]   # compiled order
        self.local = {i: j for layer in layer_nodes for j, i in enumerate(layer)}
        pos = {i: p for p, i in enumerate(self.node_ids)}
        self.doc_to_pos = np.array([pos[i] for i in ids], dtype=np.intp)

        # Parameter layout, per layer: [primary block (bias row last), other blocks,
        # (biases, when no edge comes in), PReLU slopes, batch-norm scales].
        block_pairs: dict[tuple[int, int], list[int]] = {}
        delayed_pairs: dict[tuple[int, int, int], list[int]] = {}
        for e_idx, (s, t) in enumerate(self.edges):
            if delays[e_idx]:
                delayed_pairs.setdefault((self.layer_of[s], self.layer_of[t], delays[e_idx]),
                                         []).append(e_idx)
            else:
                block_pairs.setdefault((self.layer_of[s], self.layer_of[t]), []).append(e_idx)
        size = 0
        self.layers: list[Layer] = [Layer(0, 0, len(layer_nodes[0]))]
        start = len(layer_nodes[0])
        pending: list[tuple] = []
        for k in range(1, self.n_layers):
            n_k = len(layer_nodes[k])
            layer = Layer(k, start, n_k)
            start += n_k
            layer.w_lo = size
            srcs = sorted((p[0] for p in block_pairs if p[1] == k), reverse=True)
            for j, src in enumerate(srcs):   # nearest source layer first: it carries the bias
                n_src = len(layer_nodes[src])
                pending.append(("W", k, src, size, n_src, n_k, j == 0))
                if j == 0:
                    layer.b_offset = size + n_src * n_k
                size += (n_src + 1) * n_k
            for src, dst, delay in sorted(p for p in delayed_pairs if p[1] == k):
                n_src = len(layer_nodes[src])
                pending.append(("D", k, src, delay, size, n_src, n_k))
                size += n_src * n_k
            layer.w_hi = size
            if not srcs:
                pending.append(("b", k, size, n_k))
                layer.b_offset = size
                size += n_k
            names_in_layer = [_acts.get(act_name(i)).name for i in layer_nodes[k]]
            lo = 0
            while lo < n_k:
                hi = lo
                while hi < n_k and names_in_layer[hi] == names_in_layer[lo]:
                    hi += 1
                layer.groups.append(Group(_acts.get(names_in_layer[lo]), lo, hi))
                if layer.groups[-1].act.learnable_slope:
                    pending.append(("alpha", k, len(layer.groups) - 1, size, hi - lo))
                    size += hi - lo
                lo = hi
            bn = [j for j, i in enumerate(layer_nodes[k]) if by_id[i].get("batch_norm")]
            if bn:
                layer.bn = np.array(bn, dtype=np.intp)
                pending.append(("gamma", k, size, len(bn)))
                size += len(bn)
                layer.running_mean = np.zeros(len(bn))
                layer.running_var = np.ones(len(bn))
            self.layers.append(layer)
        self.size = size
        self.params = np.zeros(size)
        self.grads = np.zeros(size)
        self.weight_mask = np.zeros(size)     # 1 where a real weight lives (for L1/L2)
        for item in pending:
            what, layer = item[0], self.layers[item[1]]
            if what == "W":
                _, _, src, off, n_src, n_dst, primary = item
                n = (n_src + 1) * n_dst
                blk = Block(src, layer.index, off,
                            self.params[off: off + n].reshape(n_src + 1, n_dst),
                            self.grads[off: off + n].reshape(n_src + 1, n_dst), None, primary)
                layer.blocks.append(blk)
                if primary:
                    layer.b, layer.gb = blk.W_full[-1], blk.gW_full[-1]
            elif what == "D":
                _, _, src, delay, off, n_src, n_dst = item
                n = n_src * n_dst
                layer.delayed.append(DelayedBlock(
                    src, layer.index, delay, off, self.params[off: off + n].reshape(n_src, n_dst),
                    self.grads[off: off + n].reshape(n_src, n_dst), None))
            elif what == "b":
                _, _, off, n = item
                layer.b, layer.gb = self.params[off: off + n], self.grads[off: off + n]
            elif what == "alpha":
                _, _, g, off, n = item
                layer.groups[g].alpha = self.params[off: off + n]
                layer.groups[g].galpha = self.grads[off: off + n]
            else:
                _, _, off, n = item
                layer.gamma, layer.ggamma = self.params[off: off + n], self.grads[off: off + n]

        # Edge -> flat index; masks where a block is not full (and the zero bias row of
        # secondary blocks).
        self.edge_index = np.zeros(len(self.edges), dtype=np.intp)
        blocks_by_pair = {(b.src, b.dst): b for L in self.layers for b in L.blocks}
        for (src, dst), e_list in block_pairs.items():
            blk = blocks_by_pair[(src, dst)]
            n_dst = blk.W_full.shape[1]
            src_local = np.array([self.local[self.edges[e][0]] for e in e_list], dtype=np.intp)
            dst_local = np.array([self.local[self.edges[e][1]] for e in e_list], dtype=np.intp)
            self.edge_index[e_list] = blk.offset + src_local * n_dst + dst_local
            if len(e_list) != blk.W.size or not blk.primary:
                mask = np.zeros(blk.W_full.shape)
                mask.flat[self.edge_index[e_list] - blk.offset] = 1.0
                if blk.primary:
                    mask[-1] = 1.0
                blk.mask = mask
        delayed_by_key = {(b.src, b.dst, b.delay): b for L in self.layers for b in L.delayed}
        for key, e_list in delayed_pairs.items():
            blk = delayed_by_key[key]
            n_dst = blk.W.shape[1]
            src_local = np.array([self.local[self.edges[e][0]] for e in e_list], dtype=np.intp)
            dst_local = np.array([self.local[self.edges[e][1]] for e in e_list], dtype=np.intp)
            self.edge_index[e_list] = blk.offset + src_local * n_dst + dst_local
            if len(e_list) != blk.W.size:
                mask = np.zeros(blk.W.shape)
                mask.flat[self.edge_index[e_list] - blk.offset] = 1.0
                blk.mask = mask
        self.weight_mask[self.edge_index] = 1.0
        for L in self.layers[1:]:
            L.n_edges = int(self.weight_mask[L.w_lo:L.w_hi].sum())
        # Backward order: each layer's dA is written by its deepest consumer first.
        for L in reversed(self.layers[1:]):
            for blk in L.blocks:
                src_layer = self.layers[blk.src]
                blk.writes_first = not src_layer.consumers
                src_layer.consumers.append(blk)
        self.bias_index = np.full(len(ids), -1, dtype=np.intp)   # document order; -1: input
        for d, i in enumerate(ids):
            k = self.layer_of[i]
            if k > 0:
                self.bias_index[d] = self.layers[k].b_offset + self.local[i]
        self.node_layer = np.array([self.layer_of[i] for i in ids], dtype=np.intp)

        out_layer = self.layers[-1]
        self.loss = OutputLoss(self.loss_name, [(g.act, g.lo, g.hi) for g in out_layer.groups])
        self._initialise(nodes, edges, previous)
        self._plans: dict[tuple[int, str], Plan] = {}
        self._seq_plans: dict = {}          # the recurrent engine's (simulator.engine.recurrent)

    def _initialise(self, nodes: Sequence[Mapping], edges: Sequence[Mapping],
                    previous: "Network | None") -> None:
        """Draw weights/biases with the initialiser and seed; take given and kept values."""
        rng = np.random.default_rng(self.seed)
        indeg = Counter(t for _, t in self.edges)
        layer_size = [L.size for L in self.layers]
        fan_in = np.array([indeg[t] for _, t in self.edges], dtype=float)
        # fan-out as Keras counts it: the units of the layer the weight feeds
        fan_out = np.array([layer_size[self.layer_of[t]] for _, t in self.edges], dtype=float)
        self.params[self.edge_index] = _init.draw_weights(self.init, fan_in, fan_out, rng)
        has_bias = self.bias_index >= 0
        self.params[self.bias_index[has_bias]] = _init.draw_biases(self.init, int(has_bias.sum()), rng)
        for L in self.layers[1:]:
            for g in L.groups:
                if g.alpha is not None:
                    g.alpha.fill(_acts.PReLU.default_alpha)
            if L.gamma is not None:
                L.gamma.fill(1.0)
        for e_idx, e in enumerate(edges):
            if e.get("weight") is not None:
                self.params[self.edge_index[e_idx]] = _as_float(
                    e["weight"], f"network.edges[{e_idx}].weight")
        for d, n in enumerate(nodes):
            if self.layer_of[n["id"]] == 0:
                continue
            if n.get("bias") is not None:
                self.params[self.bias_index[d]] = _as_float(n["bias"], f"network.nodes[{d}].bias")
            slot = self._prelu_slot(n["id"])
            if n.get("alpha") is not None and slot is not None:
                slot[0][slot[1]] = _as_float(n["alpha"], f"network.nodes[{d}].alpha")
        # Reset returns here: the seeded draw with the document's own values.
        self.initial_params = self.params.copy()
        if previous is not None:
            # A recompile after an edit keeps what training reached on what did not change.
            self._keep_from(previous)

    def _keep_from(self, prev: "Network") -> None:
        prev_w = dict(zip(prev.edges, prev.params[prev.edge_index]))
        for e_idx, key in enumerate(self.edges):
            if key in prev_w:
                self.params[self.edge_index[e_idx]] = prev_w[key]
        prev_b = {i: prev.params[prev.bias_index[d]] for d, i in enumerate(prev.doc_node_ids)
                  if prev.bias_index[d] >= 0}
        for d, i in enumerate(self.doc_node_ids):
            if self.bias_index[d] >= 0 and i in prev_b:
                self.params[self.bias_index[d]] = prev_b[i]

    def _prelu_slot(self, node_id: str) -> tuple[np.ndarray, int] | None:
        L = self.layers[self.layer_of[node_id]]
        j = self.local[node_id]
        for g in L.groups:
            if g.lo <= j < g.hi and g.alpha is not None:
                return g.alpha, j - g.lo
        return None

    # properties ------------------------------------------------------------------------
    @property
    def n_inputs(self) -> int:
        return len(self.input_ids)

    @property
    def n_outputs(self) -> int:
        return len(self.output_ids)

    @property
    def output_activation(self) -> _acts.Activation:
        return self.layers[-1].groups[0].act

    @property
    def is_softmax(self) -> bool:
        return any(g.act.name == "softmax" for g in self.layers[-1].groups)

    def output_order(self) -> list[str]:
        """Output ids in the order of the columns of :meth:`forward`'s result."""
        return self.node_ids[self.layers[-1].start:]

    def weights(self) -> dict[tuple[str, str], float]:
        return dict(zip(self.edges, self.params[self.edge_index].tolist()))

    def biases(self) -> dict[str, float]:
        return {i: float(self.params[self.bias_index[d]])
                for d, i in enumerate(self.doc_node_ids) if self.bias_index[d] >= 0}

    def set_weight(self, source: str, target: str, value: float) -> None:
        self.params[self.edge_index[self.edges.index((source, target))]] = value

    def set_bias(self, node_id: str, value: float) -> None:
        self.params[self.bias_index[self.doc_node_ids.index(node_id)]] = value

    def reset(self) -> None:
        """Back to the seeded initial parameters."""
        np.copyto(self.params, self.initial_params)
        for L in self.layers:
            if L.running_mean is not None:
                L.running_mean.fill(0.0)
                L.running_var.fill(1.0)

    def to_document(self, doc: Mapping) -> dict:
        """A copy of ``doc`` holding this network's current weights, biases and slopes."""
        out = copy.deepcopy(dict(doc))
        w = self.params[self.edge_index]
        for e_idx, e in enumerate(out["network"]["edges"]):
            e["weight"] = float(w[e_idx])
        for d, n in enumerate(out["network"]["nodes"]):
            if self.bias_index[d] >= 0:
                n["bias"] = float(self.params[self.bias_index[d]])
                slot = self._prelu_slot(n["id"])
                if slot is not None:
                    n["alpha"] = float(slot[0][slot[1]])
        return out

    # compiled step -----------------------------------------------------------------------
    def plan(self, n: int, tag: str = "train") -> Plan:
        """Work buffers for ``n`` samples; ``tag`` keeps evaluation apart from training."""
        key = (n, tag)
        p = self._plans.get(key)
        if p is None:
            if len(self._plans) > 12:   # keep the cache small (batch sizes, grids)
                self._plans.clear()
            p = self._plans[key] = Plan(self, n)
        return p

    # A step is a flat list of (function, arguments) calls on the plan's buffers, built
    # once: running it is a tight loop with no attribute lookups and no allocations.
    def _compile(self, plan: Plan) -> tuple[list, list, list]:
        fwd_train: list[tuple] = []
        fwd_eval: list[tuple] = []
        for L in self.layers[1:]:
            k = L.index
            z = plan.Z[k]
            ops: list[tuple] = []
            for j, blk in enumerate(L.blocks):
                # g = Wᵀ [y; 1]  (the bias is the last row of the primary block)
                if j == 0:
                    ops.append((np.dot, (blk.W_full.T, plan.A_ext[blk.src], z)))
                else:
                    ops.append((np.dot, (blk.W_full.T, plan.A_ext[blk.src], plan.tmp[k])))
                    ops.append((np.add, (z, plan.tmp[k], z)))
            if not L.blocks:
                ops.append((np.copyto, (z, L.b[:, None])))
            act_ops = self._act_ops(L, plan)
            if L.bn is not None:
                fwd_train += ops + [(self._bn_forward, (L, plan, True))] + act_ops
                fwd_eval += ops + [(self._bn_forward, (L, plan, False))] + act_ops
            else:
                fwd_train += ops + act_ops
                fwd_eval += ops + act_ops
        return fwd_train, fwd_eval, self._backward_ops(plan)

    def _act_ops(self, L: Layer, plan: Plan) -> list[tuple]:
        """y = f(g) for each activation group of the layer."""
        z, a = plan.Z[L.index], plan.A[L.index]
        ops: list[tuple] = []
        for g in L.groups:
            zz, aa = z[g.lo:g.hi], a[g.lo:g.hi]
            if g.act.name == "softmax":
                ops.append((_softmax_rows, (zz, aa)))
            else:
                ops += g.act.forward_ops(zz, aa, g.alpha_col)
        return ops

    def _backward_ops(self, plan: Plan) -> list[tuple]:
        ops = self._delta_ops(plan)
        last = self.layers[-1].index
        for L in reversed(self.layers[1:]):
            k = L.index
            z, a, d, da, fp = plan.Z[k], plan.A[k], plan.D[k], plan.dA[k], plan.tmp[k]
            if k != last:
                # δ = ∂J/∂y ⊙ f'(g)
                for g in L.groups:
                    ops += g.act.derivative_ops(z[g.lo:g.hi], a[g.lo:g.hi], fp[g.lo:g.hi],
                                                g.alpha_col)
                ops.append((np.multiply, (da, fp, d)))
            for g in L.groups:
                if g.galpha is not None:
                    # ∂J/∂α = Σₙ ∂J/∂y · min(0, g); the output layer's ∂J/∂y is in tmp2
                    dy = da if k != last else plan.tmp2[k]
                    ops.append((_prelu_slope_grad, (dy[g.lo:g.hi], z[g.lo:g.hi], g.galpha)))
            if L.bn is not None:
                ops.append((self._bn_backward, (L, plan)))
            for blk in L.blocks:
                # ∂J/∂W = [y; 1] δᵀ, then ∂J/∂y of the source layer = W δ
                ops.append((np.dot, (plan.A_ext[blk.src], d.T, blk.gW_full)))
                if blk.mask is not None:
                    ops.append((np.multiply, (blk.gW_full, blk.mask, blk.gW_full)))
                if blk.src > 0:
                    if blk.writes_first:
                        ops.append((np.dot, (blk.W, d, plan.dA[blk.src])))
                    else:
                        ops.append((np.dot, (blk.W, d, plan.tmp2[blk.src])))
                        ops.append((np.add, (plan.dA[blk.src], plan.tmp2[blk.src], plan.dA[blk.src])))
            if not L.blocks:
                ops.append((np.add.reduce, (d, 1, None, L.gb)))
            if L.bn is not None:
                ops.append((self._bn_bias_grad, (L, plan)))
        return ops

    def _delta_ops(self, plan: Plan) -> list[tuple]:
        """∂J/∂g of the output layer, fused with the loss where that is exact and stable."""
        L = self.layers[-1]
        k = L.index
        z, a, t, d, dy, fp = plan.Z[k], plan.A[k], plan.T, plan.D[k], plan.tmp2[k], plan.tmp[k]
        n = max(plan.n, 1)
        loss = self.loss
        if loss.fused:                                   # sigmoid+BCE, softmax+CE: (ŷ − y)/N
            return [(np.subtract, (a, t, d)), (np.multiply, (d, 1.0 / n, d))]
        g = L.single
        if loss.name == "mse" and g is not None and g.act.elementwise and g.galpha is None:
            ops = [(np.subtract, (a, t, dy)), (np.multiply, (dy, 2.0 / n, dy))]
            if g.act.name == "linear":
                return ops + [(np.copyto, (d, dy))]
            return ops + g.act.derivative_ops(z, a, fp) + [(np.multiply, (dy, fp, d))]
        alphas = [grp.alpha_col for grp in L.groups]
        return [(loss.delta, (z, a, t, d, dy, alphas))]

    def run_forward(self, plan: Plan, train: bool = False) -> np.ndarray:
        """Forward pass on ``plan.A[0]``; returns the output layer's values (node-major view).

        Huge weights (a network that diverged) overflow to inf/NaN here: that is expected,
        the trainer detects and reports it, so NumPy's overflow warnings are kept quiet."""
        plan.bn_train = train
        with np.errstate(over="ignore", invalid="ignore"):
            for f, args in (plan.forward_train if train else plan.forward_eval):
                f(*args)
        return plan.A[-1]

    def run_backward(self, plan: Plan) -> None:
        """∂J/∂g of the outputs, then back through every layer into ``self.grads`` (quiet
        about overflow, as ``run_forward``)."""
        with np.errstate(over="ignore", invalid="ignore"):
            for f, args in plan.backward:
                f(*args)

    def _bn_forward(self, L: Layer, plan: Plan, train: bool) -> None:
        z = plan.Z[L.index]
        u = z[L.bn]
        if train and plan.n > 1:
            mu = u.mean(axis=1)
            var = u.var(axis=1)
            if plan.bn_update:
                L.running_mean *= BN_MOMENTUM
                L.running_mean += (1 - BN_MOMENTUM) * mu
                L.running_var *= BN_MOMENTUM
                L.running_var += (1 - BN_MOMENTUM) * var
        else:
            mu, var = L.running_mean, L.running_var
        inv_std = 1.0 / np.sqrt(var + BN_EPS)
        xhat = (u - mu[:, None]) * inv_std[:, None]
        plan.xhat[L.index] = xhat
        plan.inv_std[L.index] = inv_std
        # the folded bias is cancelled by the normalisation; it acts after it
        z[L.bn] = xhat * L.gamma[:, None] + L.b[L.bn][:, None]

    def _bn_backward(self, L: Layer, plan: Plan) -> None:
        d = plan.D[L.index]
        xhat = plan.xhat[L.index]
        inv_std = plan.inv_std[L.index][:, None]
        dz = d[L.bn]
        plan.bn_sum[L.index] = dz.sum(axis=1)
        np.sum(dz * xhat, axis=1, out=L.ggamma)
        dxhat = dz * L.gamma[:, None]
        n = plan.n
        if n > 1 and plan.bn_train:
            du = (inv_std / n) * (n * dxhat - dxhat.sum(axis=1, keepdims=True)
                                  - xhat * (dxhat * xhat).sum(axis=1, keepdims=True))
        else:
            du = dxhat * inv_std
        d[L.bn] = du

    def _bn_bias_grad(self, L: Layer, plan: Plan) -> None:
        # the bias acts after the normalisation: its gradient is Σ ∂J/∂g there
        L.gb[L.bn] += plan.bn_sum[L.index]

    # regularisation ------------------------------------------------------------------------
    def regularise(self, grads: np.ndarray | None = None) -> None:
        """Add the L1/L2 penalties' gradients (weights only) to ``grads``."""
        g = self.grads if grads is None else grads
        with np.errstate(over="ignore", invalid="ignore"):      # inf when training diverged
            if self.l2:
                g += self.l2 * self.params * self.weight_mask
            if self.l1:
                g += self.l1 * np.sign(self.params) * self.weight_mask

    def penalty(self) -> float:
        """½·λ₂·Σw² + λ₁·Σ|w| over the weights."""
        with np.errstate(over="ignore", invalid="ignore"):      # inf when training diverged
            w = self.params * self.weight_mask
            return float(0.5 * self.l2 * np.dot(w, w) + self.l1 * np.abs(w).sum())

    # targets -----------------------------------------------------------------------------
    def target_low(self) -> float:
        """The target of the negative class for a single output: -1 for tanh (and for any
        output that goes below zero under MSE, as TensorFlow Playground does), else 0."""
        act = self.output_activation
        if act.range == (-1.0, 1.0) or (self.loss_name == "mse" and act.range[0] < 0):
            return -1.0
        return 0.0

    def encode_targets(self, y: np.ndarray, classification: bool) -> np.ndarray:
        """Labels or values -> the (N, n_outputs) target matrix the loss compares with.

        Softmax outputs take class indices (one-hot); binary labels may be 0/1 or -1/+1 and
        are mapped to the output's range; regression values are used as they are."""
        y = np.asarray(y, dtype=float)
        n_out = self.n_outputs
        if y.ndim == 2 and y.shape[1] == n_out and n_out > 1:
            return y
        y = y.reshape(len(y), -1)[:, 0] if y.ndim > 1 else y
        if not (classification or self.is_softmax):
            return np.repeat(y[:, None], n_out, axis=1)
        low = 0.0 if self.is_softmax else self.target_low()
        if n_out == 1:
            return np.where(y > 0, 1.0, low)[:, None]
        labels = np.rint(y).astype(int)
        if labels.size and labels.min() < 0:        # -1/+1 labels on two outputs
            labels = (y > 0).astype(int)
        labels = np.clip(labels, 0, n_out - 1)
        T = np.full((len(y), n_out), low)
        T[np.arange(len(y)), labels] = 1.0
        return T

    @property
    def classification_default(self) -> bool:
        return self.loss_name != "mse"

    # public API (one row per sample) -------------------------------------------------------
    def features_of(self, X: np.ndarray) -> np.ndarray:
        """The input neurons' values (N, n_inputs) for raw inputs X."""
        return _features.compute(X, self.features, self.raw_inputs)

    def _load(self, X: np.ndarray, tag: str) -> Plan:
        X = np.asarray(X, dtype=float)
        if X.ndim == 1:
            X = X[:, None]
        plan = self.plan(X.shape[0], tag)
        np.copyto(plan.A[0], self.features_of(X).T)
        return plan

    def _sequences(self, X) -> bool:
        """Whether X holds sequences (N, T, n_raw): always, for a recurrent network."""
        if np.ndim(X) == 3:
            return True
        if self.is_recurrent:
            raise ValueError("a recurrent network takes sequences: X of shape (N, T, inputs), "
                             f"got an array of shape {np.shape(X)}")
        return False

    def forward(self, X: np.ndarray) -> np.ndarray:
        """Outputs (N, n_outputs) for raw inputs X (N, n_raw); batch norm uses running stats.
        Sequences X (N, T, n_raw) give (N, T, n_outputs) (see ``recurrent``)."""
        if self._sequences(X):
            from . import recurrent
            return recurrent.forward(self, X)
        plan = self._load(X, "api")
        return self.run_forward(plan, train=False).T.copy()

    def node_values(self, X: np.ndarray, train: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(g, y): pre-activations and outputs of every node, (N, V) in the document's node
        order (an input's g is its value). Sequences give (N, T, V) each."""
        if self._sequences(X):
            from . import recurrent
            return recurrent.node_values(self, X)
        plan = self._load(X, "api")
        self.run_forward(plan, train=train)
        return self.gather_nodes(plan.Z, plan), self.gather_nodes(plan.A, plan)

    def gather_nodes(self, per_layer: Sequence[np.ndarray], plan: Plan) -> np.ndarray:
        """Node-major per-layer arrays -> one (N, V) array in the document's node order.
        For ``plan.Z`` the input layer's row block is the input values."""
        if per_layer is plan.Z:
            per_layer = [plan.A[0]] + list(per_layer[1:])
        return np.concatenate(list(per_layer), axis=0)[self.doc_to_pos].T

    def loss_and_gradients(self, X: np.ndarray, Y: np.ndarray,
                           classification: bool | None = None) -> tuple[float, Gradients]:
        """Objective (data loss + L1/L2 penalty) and its gradient, batch norm in training mode.
        Sequences X (N, T, n_raw) take targets Y (N, T[, n_outputs]) with NaN where a step has
        none; the loss is then the mean over the steps with a target (BPTT, ``recurrent``)."""
        if classification is None:
            classification = self.classification_default
        if self._sequences(X):
            from . import recurrent
            return recurrent.loss_and_gradients(self, X, Y, classification)
        plan = self._load(X, "api")
        np.copyto(plan.T, self.encode_targets(Y, classification).T)
        loss = self.compute_gradients(plan) + self.penalty()
        self.regularise()
        return loss, self.gradients()

    def gradients(self) -> Gradients:
        """The gradient buffer keyed the way the document names things."""
        g = self.grads
        grads = Gradients(
            weights=dict(zip(self.edges, g[self.edge_index].tolist())),
            biases={i: float(g[self.bias_index[d]]) for d, i in enumerate(self.doc_node_ids)
                    if self.bias_index[d] >= 0})
        for i in self.doc_node_ids:
            k = self.layer_of[i]
            if k == 0:
                continue
            L = self.layers[k]
            for grp in L.groups:
                if grp.galpha is not None and grp.lo <= self.local[i] < grp.hi:
                    grads.slopes[i] = float(grp.galpha[self.local[i] - grp.lo])
            if L.bn is not None and self.local[i] in L.bn:
                grads.scales[i] = float(L.ggamma[list(L.bn).index(self.local[i])])
        return grads

    def compute_gradients(self, plan: Plan, update_bn: bool = False) -> float:
        """Forward (training mode), loss and backward on a filled plan; returns the data loss."""
        plan.bn_update = update_bn
        self.run_forward(plan, train=True)
        k = self.layers[-1].index
        with np.errstate(over="ignore", invalid="ignore"):      # inf when training diverged
            loss = self.loss.value(plan.Z[k], plan.A[k], plan.T)
        self.run_backward(plan)
        return loss
