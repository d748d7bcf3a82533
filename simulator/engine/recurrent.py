"""The network unrolled over time: forward over the steps of a batch of sequences and
backpropagation through time (BPTT), whole or truncated, compiled like a feed-forward step.

A :class:`~simulator.engine.network.Network` groups its nodes into layers by the undelayed
edges only; each delayed edge belongs to a :class:`~simulator.engine.network.DelayedBlock`
(source layer, target layer, delay) whose weights live in the same flat parameter buffer as
every other weight, so optimisers, clipping, L1/L2 and the gradients keyed by
``(source, target)`` work unchanged. At step t a delayed block adds ``Wᵀ · y_src(t − delay)``
to its target's g (the state is zero before the first step).

Values are stored node-major as ``(nodes, T, N)``: ``X3[k][:, t, :]`` is layer k at step t
for the N sequences of the batch, and the same memory seen as ``(nodes, T·N)`` (``X[k]``,
column ``t·N + n``) lets everything that does not depend on the previous step run once for
all steps. Only the layers on a cycle through a delayed edge (a strongly connected
component of the layer graph) are computed step by step, forward and backward; every other
layer, each weight gradient and every contribution from outside such a cycle is one matrix
product over all ``T·N`` columns. That is why a step through time costs a handful of NumPy
calls per time step, fewer than a hand-written BPTT loop.

Truncated BPTT (``training.bptt = k``) cuts the sequence into windows of k steps: the state
flows forward across the windows, the gradient never flows back across a window boundary
(as when a framework detaches the hidden state every k steps); the parameters are still
updated once per mini-batch. With ``bptt`` >= the length it is the full BPTT.

The loss averages over the (sequence, step) pairs that have a target: a step without one
has a zero weight in the loss, so it sends back no error.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from . import graph as _graph

if TYPE_CHECKING:           # no import at run time: network imports this module lazily
    from .network import Gradients, Network

PLAN_CACHE = 16


class SequencePlan:
    """Work buffers for ``n`` sequences of ``length`` steps and the compiled calls of a
    step through time. Quacks like :class:`~simulator.engine.network.Plan` where the trainer
    and the output loss look (``A``, ``A_ext``, ``Z``, ``D``, ``dA``, ``tmp``, ``tmp2`` as
    ``(nodes, T·N)`` arrays, ``T`` the targets, ``n`` the number of columns)."""

    def __init__(self, net: "Network", n: int, length: int):
        self.N = n
        self.length = length
        cols = n * length
        self.n = cols
        sizes = [len(net.input_ids)] + [L.size for L in net.layers[1:]]
        self.A_ext3 = [np.ones((s + 1, length, n)) for s in sizes]
        self.A_ext = [a.reshape(s + 1, cols) for a, s in zip(self.A_ext3, sizes)]
        self.A3 = [a[:-1] for a in self.A_ext3]
        self.A = [a[:-1] for a in self.A_ext]

        def buffers() -> tuple[list[np.ndarray], list[np.ndarray]]:
            three = [np.zeros((s, length, n)) for s in sizes]
            return three, [b.reshape(s, cols) for b, s in zip(three, sizes)]

        self.Z3, self.Z = buffers()
        self.dA3, self.dA = buffers()
        self.D3, self.D = buffers()
        self.tmp3, self.tmp = buffers()
        self.tmp2 = [np.zeros((s, cols)) for s in sizes]
        self.step_tmp = [np.zeros((s, n)) for s in sizes]
        n_out = sizes[-1]
        # the targets, then one row: 1 where the step has a target
        self.TM3 = np.zeros((n_out + 1, length, n))
        self.T = self.TM3[:n_out].reshape(n_out, cols)
        self.has_target = self.TM3[n_out:].reshape(1, cols)
        self.weight = np.zeros((1, cols))       # has_target · cols / (steps with a target)
        # where the trainer gathers a batch: rows (feature, step), one column per sequence
        self.x_rows = self.A_ext3[0].reshape((sizes[0] + 1) * length, n)
        self.tm_rows = self.TM3.reshape((n_out + 1) * length, n)
        self.bn_train = self.bn_update = False
        self.shifted: dict[tuple, np.ndarray] = {}
        self.forward_train, self.backward = _Compiler(net, self).build()
        self.forward_eval = self.forward_train

    def shifted_buffer(self, key: tuple, rows: int, delay: int) -> np.ndarray:
        """A contiguous scratch array for the steps ``delay`` .. T−1 of ``rows`` nodes."""
        buf = self.shifted.get(key)
        if buf is None:
            buf = self.shifted[key] = np.zeros((rows, (self.length - delay) * self.N))
        return buf


def plan(net: "Network", n: int, length: int, tag: str = "train") -> SequencePlan:
    """The compiled step through time for ``n`` sequences of ``length`` steps (cached)."""
    key = (n, length, tag)
    p = net._seq_plans.get(key)
    if p is None:
        if len(net._seq_plans) > PLAN_CACHE:
            net._seq_plans.clear()
        p = net._seq_plans[key] = SequencePlan(net, n, length)
    return p


def stages(net: "Network") -> list[tuple[list[int], bool]]:
    """The layers in the order a step through time computes them: (layers, recurrent).
    A recurrent stage is a cycle of layers through delayed edges, computed step by step;
    any other stage is one layer computed for every step at once."""
    n = net.n_layers
    edges = {(b.src, b.dst) for L in net.layers for b in L.blocks}
    edges |= {(b.src, b.dst) for L in net.layers for b in L.delayed}
    out = []
    for comp in _graph.strongly_connected(list(range(n)), sorted(edges)):
        recurrent = len(comp) > 1 or (comp[0], comp[0]) in edges
        out.append((comp, recurrent))
    return out


def _window_keep(length: int, n: int, delay: int, bptt: int | None) -> np.ndarray | None:
    """For a contribution from step t back to step t − delay, over the columns of steps
    0 .. T−1−delay: 1 where both steps are in the same truncation window, else 0 (None when
    no window boundary is crossed)."""
    if not bptt or bptt >= length:
        return None
    t = np.arange(length - delay)
    keep = (t // bptt == (t + delay) // bptt).astype(float)
    if keep.all():
        return None
    return np.repeat(keep, n)[None, :]


class _Compiler:
    """Builds the forward and backward call lists of a :class:`SequencePlan`."""

    def __init__(self, net: "Network", plan: SequencePlan):
        self.net, self.p = net, plan
        self.bptt = net.bptt

    def build(self) -> tuple[list, list]:
        net, p = self.net, self.p
        for L in net.layers[1:]:
            if L.bn is not None:
                node = net.node_ids[L.start + int(L.bn[0])]
                raise ValueError(f'node "{node}": batch normalisation is not available for '
                                 "sequences (its statistics would mix the steps of time)")
        order = stages(net)
        fwd: list[tuple] = []
        for layers, recurrent in order:
            if recurrent:
                fwd += self._forward_loop(layers)
            else:
                L = net.layers[layers[0]]
                if L.index == 0:
                    continue
                fwd += self._inputs_all_steps(L, outside=None)
                fwd += net._act_ops(L, p)
        bwd: list[tuple] = [(_weigh_targets, (p,))]
        out = net.layers[-1]
        bwd += net._delta_ops(p)
        bwd.append((np.multiply, (p.D[out.index], p.weight, p.D[out.index])))
        if any(g.galpha is not None for g in out.groups):
            # ∂J/∂y of the outputs (for the slopes' gradient) weighted like ∂J/∂g
            bwd.append((np.multiply, (p.tmp2[out.index], p.weight, p.tmp2[out.index])))
        self.written = self._partial_targets(order)
        bwd += [(np.ndarray.fill, (p.dA[k], 0.0)) for k in sorted(self.written)]
        for layers, recurrent in reversed(order):
            if recurrent:
                bwd += self._backward_loop(layers)
            elif layers[0] > 0:
                bwd += self._backward_all_steps(net.layers[layers[0]], out)
        return fwd, bwd

    # forward ------------------------------------------------------------------------------
    def _inputs_all_steps(self, L, outside: set[int] | None) -> list[tuple]:
        """g of layer L for every step from its inputs (only those from layers outside
        ``outside``, when given): undelayed blocks as one product, delayed blocks shifted."""
        p = self.p
        k = L.index
        z = p.Z[k]
        ops: list[tuple] = []
        blocks = [b for b in L.blocks if outside is None or b.src not in outside]
        for j, blk in enumerate(blocks):
            if j == 0:
                ops.append((np.dot, (blk.W_full.T, p.A_ext[blk.src], z)))
            else:
                ops.append((np.dot, (blk.W_full.T, p.A_ext[blk.src], p.tmp[k])))
                ops.append((np.add, (z, p.tmp[k], z)))
        if not L.blocks:
            ops.append((np.copyto, (z, L.b[:, None])))
        elif not blocks:
            ops.append((np.ndarray.fill, (z, 0.0)))   # every input comes step by step
        for db in L.delayed:
            if outside is not None and db.src in outside:
                continue
            d, N = db.delay, p.N
            if d >= p.length:
                continue
            buf = p.shifted_buffer(("f", db.src, db.dst, d), L.size, d)
            zs = z[:, d * N:]
            ops.append((np.dot, (db.W.T, p.A[db.src][:, :(p.length - d) * N], buf)))
            ops.append((np.add, (zs, buf, zs)))
        return ops

    def _forward_loop(self, layers: Sequence[int]) -> list[tuple]:
        net, p = self.net, self.p
        inside = set(layers)
        ops: list[tuple] = []
        for k in layers:
            ops += self._inputs_all_steps(net.layers[k], outside=inside)
        for t in range(p.length):
            for k in layers:
                L = net.layers[k]
                zt, tmp = p.Z3[k][:, t, :], p.step_tmp[k]
                for blk in L.blocks:
                    if blk.src in inside:
                        ops.append((np.dot, (blk.W_full.T, p.A_ext3[blk.src][:, t, :], tmp)))
                        ops.append((np.add, (zt, tmp, zt)))
                for db in L.delayed:
                    if db.src in inside and t >= db.delay:
                        ops.append((np.dot, (db.W.T, p.A3[db.src][:, t - db.delay, :], tmp)))
                        ops.append((np.add, (zt, tmp, zt)))
                at = p.A3[k][:, t, :]
                for g in L.groups:
                    ops += g.act.forward_ops(zt[g.lo:g.hi], at[g.lo:g.hi], g.alpha_col)
        return ops

    # backward -----------------------------------------------------------------------------
    def _partial_targets(self, order) -> set[int]:
        """Layers whose ∂J/∂y is summed from pieces (some steps only): zeroed first."""
        out: set[int] = set()
        for layers, recurrent in order:
            for k in layers:
                L = self.net.layers[k]
                out |= {db.src for db in L.delayed if db.src > 0}
                if recurrent:
                    out |= {b.src for b in L.blocks if b.src in layers and b.src > 0}
        return out

    def _add_to_dA(self, src: int, product: tuple) -> list[tuple]:
        """∂J/∂y of layer ``src`` (all steps) += W·δ: written by the first contribution."""
        p = self.p
        W, d = product
        if src in self.written:
            return [(np.dot, (W, d, p.tmp2[src])), (np.add, (p.dA[src], p.tmp2[src], p.dA[src]))]
        self.written.add(src)
        return [(np.dot, (W, d, p.dA[src]))]

    def _derivatives(self, L) -> list[tuple]:
        p, k = self.p, L.index
        z, a, fp = p.Z[k], p.A[k], p.tmp[k]
        ops: list[tuple] = []
        for g in L.groups:
            ops += g.act.derivative_ops(z[g.lo:g.hi], a[g.lo:g.hi], fp[g.lo:g.hi], g.alpha_col)
        return ops

    def _parameter_grads(self, L, outside: set[int] | None) -> list[tuple]:
        """The gradients of L's weights, biases and slopes from its δ over every step, and
        the error sent to its source layers (those outside ``outside`` only, when given)."""
        from .network import _prelu_slope_grad
        p, k = self.p, L.index
        d, N = p.D[k], p.N
        ops: list[tuple] = []
        last = k == self.net.layers[-1].index
        for g in L.groups:
            if g.galpha is not None:
                dy = p.tmp2[k] if last else p.dA[k]
                ops.append((_prelu_slope_grad, (dy[g.lo:g.hi], p.Z[k][g.lo:g.hi], g.galpha)))
        for blk in L.blocks:
            ops.append((np.dot, (p.A_ext[blk.src], d.T, blk.gW_full)))
            if blk.mask is not None:
                ops.append((np.multiply, (blk.gW_full, blk.mask, blk.gW_full)))
            if blk.src > 0 and (outside is None or blk.src not in outside):
                ops += self._add_to_dA(blk.src, (blk.W, d))
        if not L.blocks:
            ops.append((np.add.reduce, (d, 1, None, L.gb)))
        for db in L.delayed:
            delay = db.delay
            if delay >= p.length:
                ops.append((np.ndarray.fill, (db.gW, 0.0)))
                continue
            cols = (p.length - delay) * N
            d_late = d[:, delay * N:]
            ops.append((np.dot, (p.A[db.src][:, :cols], d_late.T, db.gW)))
            if db.mask is not None:
                ops.append((np.multiply, (db.gW, db.mask, db.gW)))
            if db.src > 0 and (outside is None or db.src not in outside):
                buf = p.shifted_buffer(("b", db.src, db.dst, delay), db.W.shape[0], delay)
                ops.append((np.dot, (db.W, d_late, buf)))
                keep = _window_keep(p.length, N, delay, self.bptt)
                if keep is not None:
                    ops.append((np.multiply, (buf, keep, buf)))
                early = p.dA[db.src][:, :cols]
                ops.append((np.add, (early, buf, early)))
        return ops

    def _backward_all_steps(self, L, out) -> list[tuple]:
        p, k = self.p, L.index
        ops: list[tuple] = []
        if L is not out:
            ops += self._derivatives(L)
            ops.append((np.multiply, (p.dA[k], p.tmp[k], p.D[k])))
        return ops + self._parameter_grads(L, outside=None)

    def _backward_loop(self, layers: Sequence[int]) -> list[tuple]:
        net, p = self.net, self.p
        inside = set(layers)
        bptt = self.bptt if self.bptt and self.bptt < p.length else None
        ops: list[tuple] = []
        for k in layers:
            ops += self._derivatives(net.layers[k])
        for t in range(p.length - 1, -1, -1):
            for k in reversed(layers):
                L = net.layers[k]
                dt = p.D3[k][:, t, :]
                ops.append((np.multiply, (p.dA3[k][:, t, :], p.tmp3[k][:, t, :], dt)))
                for blk in L.blocks:
                    if blk.src in inside and blk.src > 0:
                        da, tmp = p.dA3[blk.src][:, t, :], p.step_tmp[blk.src]
                        ops.append((np.dot, (blk.W, dt, tmp)))
                        ops.append((np.add, (da, tmp, da)))
                for db in L.delayed:
                    s = t - db.delay
                    if db.src in inside and s >= 0 and (bptt is None or s // bptt == t // bptt):
                        da, tmp = p.dA3[db.src][:, s, :], p.step_tmp[db.src]
                        ops.append((np.dot, (db.W, dt, tmp)))
                        ops.append((np.add, (da, tmp, da)))
        for k in layers:
            ops += self._parameter_grads(net.layers[k], outside=inside)
        return ops


def _weigh_targets(p: SequencePlan) -> None:
    """Each column's share of the loss: 1/(steps with a target), times the number of
    columns (the output loss already divides by it)."""
    count = float(p.has_target.sum())
    np.multiply(p.has_target, p.n / count if count else 0.0, out=p.weight)


# running ------------------------------------------------------------------------------------
def run_forward(net: "Network", p: SequencePlan) -> np.ndarray:
    """Forward through every step (quiet about overflow, as the feed-forward pass);
    returns the outputs as (n_outputs, T·N)."""
    with np.errstate(over="ignore", invalid="ignore"):
        for f, args in p.forward_train:
            f(*args)
    return p.A[-1]


def loss_value(net: "Network", p: SequencePlan, columns=None) -> float:
    """The data loss: the mean over the steps with a target (of ``columns``, when given)."""
    k = net.layers[-1].index
    with np.errstate(over="ignore", invalid="ignore"):
        per = net.loss.per_sample(p.Z[k], p.A[k], p.T) * p.has_target[0]
    if columns is not None:
        per, has = per[columns], p.has_target[0][columns]
    else:
        has = p.has_target[0]
    count = float(has.sum())
    return float(per.sum() / count) if count else 0.0


def compute_gradients(net: "Network", p: SequencePlan) -> float:
    """Forward, loss and backward through time on a filled plan; returns the data loss."""
    run_forward(net, p)
    loss = loss_value(net, p)
    with np.errstate(over="ignore", invalid="ignore"):
        for f, args in p.backward:
            f(*args)
    return loss


# the public API (one sequence per row) ---------------------------------------------------------
def check_sequences(net: "Network", X) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    if X.ndim != 3:
        raise ValueError(f"a recurrent network takes sequences: X of shape (N, T, inputs), "
                         f"got an array of shape {X.shape}")
    if X.shape[1] < 1:
        raise ValueError("sequences need at least one step")
    return X


def load(net: "Network", X, tag: str = "api") -> SequencePlan:
    """A plan holding the input features of sequences X (N, T, n_raw)."""
    X = check_sequences(net, X)
    N, T, raw = X.shape
    p = plan(net, N, T, tag)
    steps = np.ascontiguousarray(X.transpose(1, 0, 2)).reshape(T * N, raw)   # column t·N + n
    np.copyto(p.A[0], net.features_of(steps).T)
    return p


def to_rows(values: np.ndarray, N: int, T: int) -> np.ndarray:
    """(nodes, T·N) node-major values -> (N, T, nodes)."""
    return np.ascontiguousarray(values.reshape(-1, T, N).transpose(2, 1, 0))


def gather_nodes(net: "Network", per_layer: Sequence[np.ndarray], p: SequencePlan) -> np.ndarray:
    """Node-major per-layer (nodes, T·N) arrays -> (nodes in document order, T·N)."""
    return np.concatenate(list(per_layer), axis=0)[net.doc_to_pos]


def forward(net: "Network", X) -> np.ndarray:
    """Outputs (N, T, n_outputs) for sequences X (N, T, n_raw)."""
    p = load(net, X)
    return to_rows(run_forward(net, p), p.N, p.length)


def node_values(net: "Network", X) -> tuple[np.ndarray, np.ndarray]:
    """(g, y) of every node at every step, each (N, T, V) in the document's node order (an
    input's g is its value)."""
    p = load(net, X)
    run_forward(net, p)
    g = gather_nodes(net, [p.A[0]] + p.Z[1:], p)
    y = gather_nodes(net, p.A, p)
    return to_rows(g, p.N, p.length), to_rows(y, p.N, p.length)


def encode_targets(net: "Network", Y, classification: bool) -> np.ndarray:
    """Targets Y (N, T) or (N, T, m), NaN where a step has none -> (n_outputs + 1, T, N):
    the targets the loss compares with (as ``Network.encode_targets``), then one row, 1
    where the step has a target."""
    Y = np.asarray(Y, dtype=float)
    if Y.ndim == 2:
        Y = Y[:, :, None]
    if Y.ndim != 3:
        raise ValueError(f"targets must have the shape (N, T) or (N, T, outputs), got {Y.shape}")
    N, T = Y.shape[:2]
    finite = np.isfinite(Y)
    has = finite.all(axis=2)
    if (finite.any(axis=2) & ~has).any():
        raise ValueError("a step gives the targets of some outputs only: give all or none (NaN)")
    flat = np.where(finite, Y, 0.0).reshape(N * T, -1)
    encoded = net.encode_targets(flat if flat.shape[1] > 1 else flat[:, 0], classification)
    out = np.empty((net.n_outputs + 1, T, N))
    out[:-1] = encoded.reshape(N, T, -1).transpose(2, 1, 0)
    out[-1] = has.T
    return out


def set_targets(net: "Network", p: SequencePlan, Y, classification: bool) -> None:
    """Targets Y (N, T[, m]) of the plan's sequences into the plan."""
    TM = encode_targets(net, Y, classification)
    if TM.shape[1:] != (p.length, p.N):
        raise ValueError(f"targets must have the shape (N, T) or (N, T, outputs) of the "
                         f"sequences, {(p.N, p.length)}; got {np.shape(Y)}")
    np.copyto(p.TM3, TM)


def loss_and_gradients(net: "Network", X, Y, classification: bool) -> tuple[float, "Gradients"]:
    """Objective (mean loss over the steps with a target + L1/L2) and its gradient by BPTT."""
    p = load(net, X)
    set_targets(net, p, Y, classification)
    loss = compute_gradients(net, p) + net.penalty()
    net.regularise()
    return loss, net.gradients()
