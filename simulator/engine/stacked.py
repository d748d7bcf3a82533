"""K variants of one network trained together: the parameters of K copies stacked along a
new first axis, each step one NumPy call for all K.

The variants share the compiled structure of one :class:`~.network.Network` (layers, dense
blocks, masks, parameter layout); each has its own initial parameters, learning rate, seed
(its own shuffling) and, layer by layer, its own activations. Buffers are (K, nodes,
samples): ``np.matmul`` multiplies K weight blocks by K batches in one call, and an
activation is applied to the slice of the variants that use it.

The arithmetic is the single run's (:class:`~.trainer.Trainer`): the same batches in the
same order, the same last partial batch, the same optimiser formulas, fused loss deltas,
clipping by each variant's own global norm, L1/L2 on the weights. So each variant ends where
its own single run ends, up to the order of floating-point sums. A variant whose numbers
leave the finite range is replayed by its own trainer to say where
(:meth:`Trainer.replay_divergence`), frozen at its last finite weights and dropped from the
stack; the others go on.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import numpy as np

from . import losses as _losses
from . import optimizers as _optim
from .network import Network
from .trainer import Divergence, History, Trainer, _Series

#: Fields of a variant's per-epoch record: epoch, train/test loss, train/test metric.
_FIELDS = 5


def stack_key(net: Network) -> tuple | None:
    """What networks must share to be trained stacked (structure, parameter layout, loss,
    output activations, penalties); None when a part of it is not run stacked (batch norm)."""
    if any(L.bn is not None for L in net.layers):
        return None
    base = net.params.ctypes.data
    layers = []
    for L in net.layers[1:]:
        blocks = tuple((b.src, b.offset, b.W_full.shape, b.primary, b.writes_first,
                        None if b.mask is None else b.mask.tobytes()) for b in L.blocks)
        slopes = tuple(((g.alpha.ctypes.data - base) // g.alpha.itemsize, g.lo, g.hi)
                       for g in L.groups if g.alpha is not None)
        layers.append((L.start, L.size, blocks, L.b_offset, L.w_lo, L.w_hi, slopes))
    outputs = tuple((g.act.name, g.lo, g.hi) for g in net.layers[-1].groups)
    return (tuple(net.node_ids), net.size, net.edge_index.tobytes(), net.bias_index.tobytes(),
            tuple(net.features), tuple(net.raw_inputs), net.loss_name, net.l1, net.l2,
            tuple(layers), outputs)


def group_key(trainer: Trainer) -> tuple | None:
    """What single-run trainers must share to be stacked: the network's :func:`stack_key`,
    the batch size, optimiser, clipping, shuffling and the very same data."""
    key = stack_key(trainer.net)
    if key is None:
        return None
    return (key, trainer.batch_size, trainer.optimizer_name, trainer.clip, trainer.shuffle,
            id(trainer.data))


def _offset(view: np.ndarray, params: np.ndarray) -> int:
    """Where a view into ``params`` starts (the network keeps views, not offsets)."""
    return (view.ctypes.data - params.ctypes.data) // params.itemsize


def _rows(A: np.ndarray, off: int, shape: tuple[int, ...]) -> np.ndarray:
    """(K, *shape): the same span of every row of A (K, size), as a view."""
    n = int(np.prod(shape))
    return A[:, off:off + n].reshape((A.shape[0],) + tuple(shape))


def _softmax_nodes(z: np.ndarray, out: np.ndarray) -> None:
    """Softmax over the nodes (axis -2) of (K, nodes, samples) values."""
    np.subtract(z, z.max(axis=-2, keepdims=True), out=out)
    np.exp(out, out=out)
    out /= out.sum(axis=-2, keepdims=True)


def _slope_grad(dy: np.ndarray, z: np.ndarray, out: np.ndarray) -> None:
    # ∂J/∂α = Σₙ ∂J/∂y · min(0, g), per variant and neuron
    np.sum(dy * np.minimum(z, 0.0), axis=-1, out=out)


class _Plan:
    """Buffers (K, nodes, samples) for one batch size and the calls of a step on them.

    Training plans gather each variant's own rows: one ``np.take`` fills ``xbuf``
    (inputs, K, samples), whose transposed view is the input layer. The evaluation plan
    reads one input (1, inputs, samples) that broadcasts over the K variants."""

    def __init__(self, st: "StackedTrainer", n: int, shared_input: bool):
        K, net = st.K, st.net
        sizes = [net.n_inputs] + [L.size for L in net.layers[1:]]
        self.n = n
        if shared_input:
            self.xbuf = None
            a0 = np.ones((1, sizes[0] + 1, n))
        else:
            self.xbuf = np.ones((sizes[0] + 1, K, n))
            a0 = self.xbuf.transpose(1, 0, 2)
        # the output layer feeds no block: its values need no constant-1 row and stay
        # contiguous (elementwise calls on them are then faster)
        self.A_ext = [a0] + [np.ones((K, s + 1, n)) for s in sizes[1:-1]] + [None]
        self.A = [a[:, :-1] for a in self.A_ext[:-1]] + [np.zeros((K, sizes[-1], n))]
        self.Z = [np.zeros((K, s, n)) for s in sizes]
        self.dA = [np.zeros((K, s, n)) for s in sizes]
        self.D = [np.zeros((K, s, n)) for s in sizes]
        self.tmp = [np.zeros((K, s, n)) for s in sizes]
        self.tmp2 = [np.zeros((K, s, n)) for s in sizes]
        self.tbuf = np.zeros((sizes[-1], K, n))
        self.T = self.tbuf.transpose(1, 0, 2)
        self.forward = st._forward_ops(self)
        self.backward = [] if shared_input else st._backward_ops(self)


class StackedTrainer:
    """Trains the networks of several single-run trainers together (see the module's
    docstring). The trainers are the variants' own (same settings, same data) and are never
    run here: they hold each variant's network, settings and data, and replay a variant's
    diverging epoch to say where it went wrong.

    Variants are numbered 0..n-1 as given; ``lanes`` lists those still training, in the
    order of the stacked arrays' first axis."""

    def __init__(self, trainers: Sequence[Trainer]):
        if not trainers:
            raise ValueError("no variants to train")
        first = trainers[0]
        key = group_key(first)
        if key is None or any(group_key(t) != key for t in trainers[1:]):
            raise ValueError("these variants cannot be trained stacked")
        self.trainers = list(trainers)
        self.n_variants = len(trainers)
        self.net = net = first.net
        self.data = first.data
        self.batch_size, self.clip, self.shuffle = first.batch_size, first.clip, first.shuffle
        self.optimizer_name = first.optimizer_name
        self.l1, self.l2 = net.l1, net.l2
        # the data as the single run prepares it (node-major, a constant-1 row for the biases)
        self.n_train, self.n_test = first.n_train, first.n_test
        self.FT_train, self.TT_train, self.TT_all = first.FT_train, first.TT_train, first.TT_all
        self.classification = first.data.is_classification
        self._threshold = getattr(first, "_threshold", 0.5)
        self._label = getattr(first, "_label", None)
        self._ss_tot = getattr(first, "_ss_tot", (0.0, 0.0))
        d = first.data
        X_all = np.vstack([d.x_train, d.x_test]) if self.n_test else d.x_train
        self._F_all = net.features_of(X_all).T if len(X_all) else np.zeros((net.n_inputs, 0))
        self._w_lo = np.array([L.w_lo for L in net.layers[1:]], dtype=np.intp)
        self._w_hi = np.array([L.w_hi for L in net.layers[1:]], dtype=np.intp)
        self._n_edges = np.array([max(L.n_edges, 1) for L in net.layers[1:]], dtype=float)
        nl = net.n_layers - 1
        n = self.n_variants
        self.diverged: list[Divergence | None] = [None] * n
        self.stopped_at = np.full(n, -1)                 # epochs done when a variant froze
        self._last_norms = np.zeros((n, nl))
        self._last_clip = np.zeros(n)
        self._hist = _Series(n * _FIELDS)
        self._hist_norms = _Series(n * nl)
        self._row = np.full((n, _FIELDS), np.nan)       # the next records (stopped: NaN)
        self._norms_row = np.full((n, nl), np.nan)
        self.epoch = 0
        self.steps = 0
        self.position = 0
        self._acc_steps = 0
        self._rngs = [np.random.default_rng([t.seed, 1]) for t in trainers]
        self._lanes(np.arange(n), np.stack([t.net.params for t in trainers]),
                    np.zeros((n, net.size)), np.zeros(n, dtype=np.intp), None)
        self._new_permutations()
        self._save_epoch_start()

    # the stack ---------------------------------------------------------------------------
    def _lanes(self, lanes: np.ndarray, P: np.ndarray, acc: np.ndarray, clipped: np.ndarray,
               opt_state: tuple | None) -> None:
        """(Re)build the stacked arrays for the variants ``lanes`` (after a variant froze,
        without it): parameters, gradients, rates, optimiser state, compiled steps."""
        self.lanes = np.asarray(lanes, dtype=np.intp)
        self.K = K = len(self.lanes)
        S = self.net.size
        self.P = np.ascontiguousarray(P)
        self.G = np.zeros((K, S))
        self.lr = np.array([[self.trainers[g].learning_rate] for g in self.lanes]).reshape(K, 1)
        self._acc = np.ascontiguousarray(acc)
        self._tmp = np.empty((K, S))
        self._clipped = np.asarray(clipped, dtype=np.intp)
        self.optimizer = _optim.make(self.optimizer_name, (K, S))
        if opt_state is not None:
            self.optimizer.set_state(opt_state)
        # per layer: runs of consecutive variants with the same activation groups
        self._runs: list[list[tuple[int, int, list]]] = [[]]
        for k in range(1, self.net.n_layers):
            runs: list[tuple[int, int, list]] = []
            for j, g in enumerate(self.lanes):
                groups = self.trainers[g].net.layers[k].groups
                sig = [(grp.act.name, grp.lo, grp.hi) for grp in groups]
                if runs and runs[-1][2] == sig:
                    runs[-1] = (runs[-1][0], j + 1, sig)
                else:
                    runs.append((j, j + 1, sig))
            self._runs.append([(k0, k1, self.trainers[self.lanes[k0]].net.layers[k].groups)
                               for k0, k1, _ in runs])
        self._plans: dict[tuple[int, bool], _Plan] = {}
        self._tapes: dict[int, list] = {}

    def _keep(self, keep: np.ndarray) -> None:
        """Go on with the variants where ``keep`` is True (local positions)."""
        state = tuple(s[keep] if isinstance(s, np.ndarray) else s for s in self.optimizer.state())
        self._start_P = self._start_P[keep]
        self._start_opt = tuple(s[keep] if isinstance(s, np.ndarray) else s for s in self._start_opt)
        self.perms = self.perms[keep]
        self._start_perms = self._start_perms[keep]
        self._lanes(self.lanes[keep], self.P[keep], self._acc[keep], self._clipped[keep], state)

    def _plan(self, n: int, shared_input: bool = False, tag: str = "") -> _Plan:
        key = (n, shared_input, tag)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = _Plan(self, n, shared_input)
            if shared_input and n and not tag:
                plan.A[0][0] = self._F_all
        return plan

    def outputs(self, X: np.ndarray) -> np.ndarray:
        """(K, N, n_outputs): every training variant's outputs for raw inputs X (N, n_raw),
        in one pass for all of them (their decision surfaces)."""
        X = np.asarray(X, dtype=float)
        plan = self._plan(len(X), shared_input=True, tag="points")
        plan.A[0][0] = self.net.features_of(X).T
        with np.errstate(all="ignore"):
            for f, args in plan.forward:
                f(*args)
        return plan.A[-1].transpose(0, 2, 1).copy()

    def _W(self, blk) -> np.ndarray:
        return _rows(self.P, blk.offset, blk.W_full.shape)

    def _gW(self, blk) -> np.ndarray:
        return _rows(self.G, blk.offset, blk.W_full.shape)

    def _alpha(self, grp, k0: int, k1: int, grads: bool = False) -> np.ndarray | None:
        """The PReLU slopes of variants k0:k1, (K', n) in the parameters or gradients."""
        if grp.alpha is None:
            return None
        off = _offset(grp.alpha, self.net.params)
        return (self.G if grads else self.P)[k0:k1, off:off + grp.hi - grp.lo]

    # the compiled step (mirrors Network._compile, with a leading variant axis) ----------
    def _forward_ops(self, plan: _Plan) -> list[tuple]:
        ops: list[tuple] = []
        for L in self.net.layers[1:]:
            k = L.index
            z = plan.Z[k]
            for j, blk in enumerate(L.blocks):
                # g = Wᵀ [y; 1] for the K variants at once (the bias is the last row)
                Wt = self._W(blk).transpose(0, 2, 1)
                if j == 0:
                    ops.append((np.matmul, (Wt, plan.A_ext[blk.src], z)))
                else:
                    ops.append((np.matmul, (Wt, plan.A_ext[blk.src], plan.tmp[k])))
                    ops.append((np.add, (z, plan.tmp[k], z)))
            if not L.blocks:
                b = self.P[:, L.b_offset:L.b_offset + L.size]
                ops.append((np.copyto, (z, b[:, :, None])))
            a = plan.A[k]
            for k0, k1, groups in self._runs[k]:
                for g in groups:
                    zz, aa = z[k0:k1, g.lo:g.hi], a[k0:k1, g.lo:g.hi]
                    alpha = self._alpha(g, k0, k1)
                    if g.act.name == "softmax":
                        ops.append((_softmax_nodes, (zz, aa)))
                    else:
                        ops += g.act.forward_ops(zz, aa, None if alpha is None else alpha[:, :, None])
        return ops

    def _backward_ops(self, plan: _Plan) -> list[tuple]:
        ops = self._delta_ops(plan)
        last = self.net.layers[-1].index
        for L in reversed(self.net.layers[1:]):
            k = L.index
            z, a, d, da, fp = plan.Z[k], plan.A[k], plan.D[k], plan.dA[k], plan.tmp[k]
            if k != last:
                # δ = ∂J/∂y ⊙ f'(g), each variant's slice with its own activation
                for k0, k1, groups in self._runs[k]:
                    for g in groups:
                        alpha = self._alpha(g, k0, k1)
                        ops += g.act.derivative_ops(z[k0:k1, g.lo:g.hi], a[k0:k1, g.lo:g.hi],
                                                    fp[k0:k1, g.lo:g.hi],
                                                    None if alpha is None else alpha[:, :, None])
                ops.append((np.multiply, (da, fp, d)))
            dy = da if k != last else plan.tmp2[k]
            for k0, k1, groups in self._runs[k]:
                for g in groups:
                    if g.alpha is not None:
                        ops.append((_slope_grad, (dy[k0:k1, g.lo:g.hi], z[k0:k1, g.lo:g.hi],
                                                  self._alpha(g, k0, k1, grads=True))))
            for blk in L.blocks:
                # ∂J/∂W = [y; 1] δᵀ, then ∂J/∂y of the source layer = W δ
                gW = self._gW(blk)
                ops.append((np.matmul, (plan.A_ext[blk.src], d.transpose(0, 2, 1), gW)))
                if blk.mask is not None:
                    ops.append((np.multiply, (gW, blk.mask, gW)))
                if blk.src > 0:
                    W = self._W(blk)[:, :-1]
                    if blk.writes_first:
                        ops.append((np.matmul, (W, d, plan.dA[blk.src])))
                    else:
                        ops.append((np.matmul, (W, d, plan.tmp2[blk.src])))
                        ops.append((np.add, (plan.dA[blk.src], plan.tmp2[blk.src], plan.dA[blk.src])))
            if not L.blocks:
                gb = self.G[:, L.b_offset:L.b_offset + L.size]
                ops.append((np.add.reduce, (d, 2, None, gb)))
        return ops

    def _delta_ops(self, plan: _Plan) -> list[tuple]:
        """∂J/∂g of the output layer, as Network._delta_ops (fused where it is there)."""
        L = self.net.layers[-1]
        k = L.index
        z, a, t, d, dy, fp = plan.Z[k], plan.A[k], plan.T, plan.D[k], plan.tmp2[k], plan.tmp[k]
        n = max(plan.n, 1)
        loss = self.net.loss
        if loss.fused:                                   # sigmoid+BCE, softmax+CE: (ŷ − y)/N
            return [(np.subtract, (a, t, d)), (np.multiply, (d, 1.0 / n, d))]
        g = L.single
        if loss.name == "mse" and g is not None and g.act.elementwise and g.galpha is None:
            ops = [(np.subtract, (a, t, dy)), (np.multiply, (dy, 2.0 / n, dy))]
            if g.act.name == "linear":
                return ops + [(np.copyto, (d, dy))]
            return ops + g.act.derivative_ops(z, a, fp) + [(np.multiply, (dy, fp, d))]
        # the general case works on one variant's (nodes, samples) arrays: one call each
        ops = []
        for j in range(self.K):
            alphas = []
            for grp in L.groups:
                alpha = self._alpha(grp, j, j + 1)
                alphas.append(None if alpha is None else alpha[0][:, None])
            ops.append((loss.delta, (z[j], a[j], t[j], d[j], dy[j], alphas)))
        return ops

    def _tape(self, plan: _Plan) -> list:
        """The whole step as one list of calls: forward, backward, penalties, clipping,
        |∂J/∂w| accumulation, update (as Trainer._tape)."""
        tape = self._tapes.get(plan.n)
        if tape is None:
            tape = list(plan.forward) + list(plan.backward)
            if self.l1 or self.l2:
                tape.append((self._regularise, ()))
            if self.clip is not None:
                tape.append((self._clip_grads, ()))
            tape += [(np.abs, (self.G, self._tmp)), (np.add, (self._acc, self._tmp, self._acc))]
            tape += self.optimizer.ops(self.P, self.G, self.lr)
            self._tapes[plan.n] = tape
        return tape

    def _regularise(self) -> None:
        # as Network.regularise, per variant
        G, P, mask = self.G, self.P, self.net.weight_mask
        if self.l2:
            G += self.l2 * P * mask
        if self.l1:
            G += self.l1 * np.sign(P) * mask

    def _clip_grads(self) -> None:
        # as Trainer._clip_grads: each variant's gradient by its own global norm
        norms = np.sqrt(np.einsum("ks,ks->k", self.G, self.G))
        over = norms > self.clip
        if over.any():
            self.G *= np.where(over, self.clip / np.where(over, norms, 1.0), 1.0)[:, None]
            self._clipped += over

    # training ------------------------------------------------------------------------------
    def _new_permutations(self) -> None:
        n = self.n_train
        if self.shuffle:
            # each variant's rng.permutation(n), which is arange(n) shuffled in place
            self.perms = np.tile(np.arange(n, dtype=np.intp), (self.K, 1))
            for j, g in enumerate(self.lanes):
                self._rngs[g].shuffle(self.perms[j])
        else:
            self.perms = np.broadcast_to(np.arange(n), (self.K, n))

    def _save_epoch_start(self) -> None:
        """What a replay needs to find where a variant diverged (as Trainer's)."""
        self._start_P = self.P.copy()
        self._start_opt = self.optimizer.state()
        self._start_perms = self.perms
        self._start_steps = self.steps

    def _train_rows(self, rows: np.ndarray) -> None:
        """One step on each variant's own rows (K, B)."""
        plan = self._plan(rows.shape[1])
        np.take(self.FT_train, rows, 1, plan.xbuf)
        np.take(self.TT_train, rows, 1, plan.tbuf)
        for f, args in self._tapes.get(plan.n) or self._tape(plan):
            f(*args)
        self._acc_steps += 1
        self.steps += 1

    def run(self, epochs: int | None = None, steps: int | None = None, seconds: float | None = None,
            until: Callable[[], bool] | None = None) -> int:
        """Train for some steps, whole epochs or a time budget (whichever ends first), or
        until ``until()`` says so; as :meth:`Trainer.run`. Returns the steps done."""
        with np.errstate(all="ignore"):
            return self._run(epochs, steps, seconds, until)

    def _run(self, epochs, steps, seconds, until) -> int:
        if self.K == 0 or self.n_train == 0:
            return 0
        done = 0
        target_epoch = self.epoch + epochs if epochs is not None else None
        deadline = time.perf_counter() + seconds if seconds is not None else None
        max_steps = steps if steps is not None else -1
        bs = min(self.batch_size, self.n_train)
        n_train = self.n_train
        clock = time.perf_counter
        while self.K:
            if target_epoch is not None and self.epoch >= target_epoch:
                break
            plan = self._plan(bs)
            tape = self._tape(plan)
            take_x, take_t = self.FT_train.take, self.TT_train.take
            x_buf, t_buf = plan.xbuf, plan.tbuf
            perms, pos = self.perms, self.position
            start_done = done
            while pos + bs <= n_train and done != max_steps:
                rows = perms[:, pos:pos + bs]
                take_x(rows, 1, x_buf, "clip")       # rows are valid: no checking copy
                take_t(rows, 1, t_buf, "clip")
                for f, args in tape:
                    f(*args)
                pos += bs
                done += 1
                if not done & 7 and ((deadline is not None and clock() >= deadline)
                                     or (until is not None and until())):
                    break
            self._acc_steps += done - start_done
            self.steps += done - start_done
            if n_train - bs < pos < n_train and done != max_steps and (
                    deadline is None or clock() < deadline):
                self._train_rows(np.ascontiguousarray(perms[:, pos:]))
                pos = n_train
                done += 1
            self.position = pos
            if pos >= n_train:
                self._end_epoch()
            if done == max_steps or (deadline is not None and clock() >= deadline) or (
                    until is not None and until()):
                break
        if self.K:
            bad = ~np.isfinite(self.P).all(axis=1)
            if bad.any():
                self._freeze(np.flatnonzero(bad))
        return done

    def _end_epoch(self) -> None:
        ev = self._evaluate()
        bad = ~(np.isfinite(ev[:, 0]) & np.isfinite(self.P).all(axis=1))
        if bad.any():
            self._freeze(np.flatnonzero(bad))
            ev = ev[~bad]
            if not self.K:
                return
        self.epoch += 1
        K = self.K
        steps = max(self._acc_steps, 1)
        # mean |∂J/∂w| per layer and variant: prefix sums over the real weights' slots
        cs = np.cumsum(np.multiply(self._acc, self.net.weight_mask, out=self._tmp), axis=1)
        cs = np.concatenate((np.zeros((K, 1)), cs), axis=1)
        norms = (cs[:, self._w_hi] - cs[:, self._w_lo]) / (self._n_edges * steps)
        self._last_norms[self.lanes] = norms
        self._last_clip[self.lanes] = self._clipped / steps
        self._acc.fill(0.0)
        self._acc_steps = 0
        self._clipped[:] = 0
        row, nrow = self._row, self._norms_row        # NaN where a variant has stopped
        row[self.lanes, 0] = self.epoch
        row[self.lanes, 1:] = ev
        self._hist.append(row.ravel())
        nrow[self.lanes] = norms
        self._hist_norms.append(nrow.ravel())
        self.position = 0
        self._new_permutations()
        self._save_epoch_start()

    def _freeze(self, local: np.ndarray) -> None:
        """Variants (local positions) whose numbers left the finite range: each one's own
        trainer replays the epoch from its start to say where, and keeps the last finite
        weights; the variant leaves the stack."""
        for j in local:
            g = int(self.lanes[j])
            state = tuple(s[j].copy() if isinstance(s, np.ndarray) else s for s in self._start_opt)
            t = self.trainers[g]
            with np.errstate(all="ignore"):
                self.diverged[g] = t.replay_divergence(self._start_P[j], state, self._start_perms[j],
                                                       self.epoch, self._start_steps)
            self.stopped_at[g] = self.epoch
            self._row[g] = np.nan
            self._norms_row[g] = np.nan
        keep = np.ones(self.K, dtype=bool)
        keep[local] = False
        self._keep(keep)

    # measurements ----------------------------------------------------------------------------
    def _per_sample(self, z: np.ndarray, a: np.ndarray, t: np.ndarray) -> np.ndarray:
        """Each variant's per-sample loss (K, N), as OutputLoss.per_sample."""
        loss = self.net.loss
        if loss.name == "mse":
            diff = a - t
            return np.einsum("kij,kij->kj", diff, diff)
        if loss.fused:
            if loss.groups[0][0].name == "softmax":
                zmax = z.max(axis=1)
                logsum = np.log(np.exp(z - zmax[:, None]).sum(axis=1)) + zmax
                return -(t * (z - logsum[:, None])).sum(axis=1)
            return _losses._log_sigmoid_parts(z, t).sum(axis=1)
        return np.stack([loss.per_sample(z[j], a[j], t) for j in range(len(z))])

    def _evaluate(self) -> np.ndarray:
        """(K, 4): train loss, test loss, train metric, test metric of the training
        variants, in one pass over every train and test row (as Trainer._evaluate)."""
        ntr, nte = self.n_train, self.n_test
        out = np.full((self.K, 4), np.nan)
        if ntr + nte == 0 or not self.K:
            return out
        plan = self._plan(ntr + nte, shared_input=True)
        with np.errstate(all="ignore"):
            for f, args in plan.forward:
                f(*args)
            k = self.net.layers[-1].index
            z, y, t = plan.Z[k], plan.A[k], self.TT_all
            ps = self._per_sample(z, y, t)
            if ntr:
                out[:, 0] = ps[:, :ntr].sum(axis=1) / ntr
            if nte:
                out[:, 1] = ps[:, ntr:].sum(axis=1) / nte
            if self.classification:
                pred = y[:, 0] > self._threshold if y.shape[1] == 1 else y.argmax(axis=1)
                correct = pred == self._label
                if ntr:
                    out[:, 2] = correct[:, :ntr].sum(axis=1) / ntr
                if nte:
                    out[:, 3] = correct[:, ntr:].sum(axis=1) / nte
            else:
                sq = ps if self.net.loss.name == "mse" else np.einsum("kij,kij->kj", y - t, y - t)
                if ntr and self._ss_tot[0] > 0:
                    out[:, 2] = 1.0 - sq[:, :ntr].sum(axis=1) / self._ss_tot[0]
                if nte and self._ss_tot[1] > 0:
                    out[:, 3] = 1.0 - sq[:, ntr:].sum(axis=1) / self._ss_tot[1]
        return out

    def evaluate_all(self) -> np.ndarray:
        """(n_variants, 4) train/test loss and metric of every variant's current weights."""
        out = np.full((self.n_variants, 4), np.nan)
        if self.K:
            out[self.lanes] = self._evaluate()
        for g in range(self.n_variants):
            if self.diverged[g] is not None:
                ev = self.trainers[g].evaluate(health=False)
                out[g] = (ev["train_loss"], ev["test_loss"], ev["train_metric"], ev["test_metric"])
        return out

    # per variant -------------------------------------------------------------------------------
    def epochs_of(self, g: int) -> int:
        """Epochs variant ``g`` completed (a frozen variant: before the one it diverged in)."""
        return int(self.stopped_at[g]) if self.diverged[g] is not None else self.epoch

    def params_of(self, g: int) -> np.ndarray:
        """Variant ``g``'s current parameters (a copy)."""
        if self.diverged[g] is not None:
            return self.trainers[g].net.params.copy()
        return self.P[int(np.flatnonzero(self.lanes == g)[0])].copy()

    def network_of(self, g: int) -> Network:
        """Variant ``g``'s own network holding its current parameters (for drawing it)."""
        net = self.trainers[g].net
        if self.diverged[g] is None:
            np.copyto(net.params, self.P[int(np.flatnonzero(self.lanes == g)[0])])
        return net

    def layer_gradient_norms(self, g: int) -> np.ndarray:
        """Mean |∂J/∂w| per layer over variant ``g``'s last completed epoch."""
        return self._last_norms[g].copy()

    def clip_fraction(self, g: int) -> float:
        return float(self._last_clip[g])

    def history(self, g: int) -> History:
        """Variant ``g``'s per-epoch records (copies)."""
        n, nl = self.n_variants, self._last_norms.shape[1]
        h = self._hist.view().reshape(-1, n, _FIELDS)[:, g]
        ok = np.isfinite(h[:, 0])
        h = h[ok]
        norms = self._hist_norms.view().reshape(-1, n, nl)[:, g][ok]
        for a in (h, norms):           # copies made above: hand them over read-only
            a.setflags(write=False)
        return History(epoch=h[:, 0], train_loss=h[:, 1], test_loss=h[:, 2], train_metric=h[:, 3],
                       test_metric=h[:, 4], grad_norms=norms, dead_fraction=np.zeros(len(h)))

    @property
    def finished(self) -> bool:
        """Nothing left to train: every variant diverged, or there are no training rows."""
        return self.K == 0 or self.n_train == 0


def stackable(trainers: Sequence[Trainer]) -> bool:
    """Whether these trainers can be trained together by :class:`StackedTrainer`."""
    key = group_key(trainers[0]) if trainers else None
    return key is not None and all(group_key(t) == key for t in trainers[1:])

