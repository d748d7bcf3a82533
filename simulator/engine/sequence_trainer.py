"""Training on sequences: mini-batches of whole sequences through the compiled step through
time (``recurrent``), with the metrics and snapshot fields a recurrent network needs.

Everything else (optimisers, clipping, L1/L2, the epoch loop, divergence, history) is the
:class:`~simulator.engine.trainer.Trainer`'s: this subclass only says how a batch of
sequences is gathered and how the results are measured.

Metrics count every (sequence, step) pair that has a target: the accuracy is the share of
those steps predicted right ("per-step accuracy"), the loss their mean. Besides:
``sequence_accuracy`` (the share of sequences with every step right), ``step_accuracy`` (the
accuracy at each position t) and ``time_gradient_norms`` (below).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from collections.abc import Mapping

import numpy as np

from . import datasets as _datasets
from . import recurrent
from .trainer import Snapshot, StepTrace, Trainer, _quiet, _ro

PROBE_SEQUENCES = 32


@dataclass(frozen=True)
class SequenceValues:
    """One sequence through the network, step by step (what a time scrubber shows).

    Arrays have one row per step t = 0 .. length−1; node columns are in the document's
    order. ``delta`` and ``dout`` come from backpropagation through time of this sequence
    alone (J = the mean of its steps' losses), with the current weights."""

    split: str                  # "train" | "test"
    index: int                  # in that split
    count: int                  # sequences in that split
    length: int
    x: np.ndarray               # (T, n_raw) raw inputs
    target: np.ndarray          # (T, n_outputs) as the loss sees them; NaN: no target
    output: np.ndarray          # (T, n_outputs) ŷ
    output_ids: tuple[str, ...]  # the columns of target and output
    pre: np.ndarray             # (T, V) g (an input's g is its value)
    act: np.ndarray             # (T, V) y = f(g)
    dout: np.ndarray            # (T, V) ∂J/∂y (0 for inputs)
    delta: np.ndarray           # (T, V) ∂J/∂g (0 for inputs)
    correct: np.ndarray | None  # (T,) 1 right, 0 wrong, NaN no target (classification)
    loss: float


class SequenceTrainer(Trainer):
    """A :class:`Trainer` whose rows are whole sequences."""

    is_sequence = True

    def __init__(self, *args, **kwargs):
        self.chosen_sequence: tuple[str, int] = ("train", 0)   # what snapshots show step by step
        self._seq_metrics: dict = {}
        super().__init__(*args, **kwargs)

    # data ------------------------------------------------------------------------------
    def set_data(self, data) -> None:
        """Sequences, stored once as (rows, T, sequences): features with a constant-1 row,
        targets with a "has a target" row; a batch is gathered by sequence."""
        if not getattr(data, "is_sequence", False):
            raise ValueError("a recurrent network needs sequence data: a sequence task ("
                             + ", ".join(_seq_tasks()) + ") or inline sequences")
        if data.is_classification:
            mismatch = _datasets.class_mismatch(data.classes, self.net.n_outputs, self.net.is_softmax)
            if mismatch:
                raise ValueError(mismatch)
        net = self.net
        X = np.concatenate([data.x_train, data.x_test]) if len(data.x_test) else data.x_train
        Y = np.concatenate([data.y_train, data.y_test]) if len(data.y_test) else data.y_train
        lengths = np.concatenate([data.lengths_train, data.lengths_test]).astype(np.intp)
        N, T = X.shape[:2]
        n_in, n_out = net.n_inputs, net.n_outputs
        FT = np.ones((n_in + 1, T, N))
        if N:
            steps = np.ascontiguousarray(X.transpose(1, 0, 2)).reshape(T * N, -1)
            FT[:-1] = net.features_of(steps).T.reshape(n_in, T, N)
        TM = recurrent.encode_targets(net, Y, data.is_classification) if N else np.zeros((n_out + 1, T, 0))
        n_tr, n_te = len(data.x_train), len(data.x_test)
        self.data = data
        self.n_train, self.n_test = n_tr, n_te
        self.length = T
        self.lengths = lengths
        self._FT, self._TM = FT, TM
        self._FT_rows = np.ascontiguousarray(FT[:, :, :n_tr]).reshape((n_in + 1) * T, n_tr)
        self._TM_rows = np.ascontiguousarray(TM[:, :, :n_tr]).reshape((n_out + 1) * T, n_tr)
        self._eval_plan = recurrent.plan(net, max(N, 1), T, "eval")
        if N:
            np.copyto(self._eval_plan.A_ext3[0], FT)
            np.copyto(self._eval_plan.TM3, TM)
        # columns (t·N + n) of the evaluation pass: the real steps of the training
        # sequences, and the steps with a target of each set
        seq = np.tile(np.arange(N), T)
        step = np.repeat(np.arange(T), N)
        real = step < lengths[seq] if N else np.zeros(0, bool)
        has = TM[-1].reshape(-1) > 0
        self._train_cols = np.flatnonzero(real & (seq < n_tr))
        self._target_cols = (np.flatnonzero(has & (seq < n_tr)), np.flatnonzero(has & (seq >= n_tr)))
        self._has = has
        targets = TM[:-1].reshape(n_out, T * N)
        if data.is_classification and n_out == 1:
            self._threshold = (1.0 + net.target_low()) / 2.0
            self._label = targets[0] > self._threshold
        elif data.is_classification:
            self._label = targets.argmax(axis=0)
        else:
            self._ss_tot = []
            for cols in self._target_cols:
                t = targets[:, cols]
                self._ss_tot.append(float(((t - t.mean(axis=1, keepdims=True)) ** 2).sum()) if t.size else 0.0)
        self._perm = np.arange(self.n_train)
        self.position = 0

    # the hooks of the training loop ------------------------------------------------------
    def _plan(self, n: int, tag: str = "train"):
        return recurrent.plan(self.net, n, self.length, tag)

    def _batch_buffers(self, plan) -> tuple:
        return self._FT_rows.take, self._TM_rows.take, plan.x_rows, plan.tm_rows

    def _train_columns(self):
        return self._train_cols

    # measurements ---------------------------------------------------------------------------
    def _evaluate(self) -> tuple[float, float, float, float]:
        """(train loss, test loss, train metric, test metric) over the steps with a target,
        in one pass over every sequence; also the per-sequence and per-step accuracy."""
        nan = float("nan")
        self._seq_metrics = {}
        if self.n_train + self.n_test == 0:
            return nan, nan, nan, nan
        plan = self._evaluate_pass()
        net = self.net
        k = net.layers[-1].index
        out, t = plan.A[k], plan.T
        per = net.loss.per_sample(plan.Z[k], out, t)
        tr_cols, te_cols = self._target_cols
        tr_loss = float(per[tr_cols].mean()) if len(tr_cols) else nan
        te_loss = float(per[te_cols].mean()) if len(te_cols) else nan
        if self.data.is_classification:
            pred = out[0] > self._threshold if out.shape[0] == 1 else out.argmax(axis=0)
            correct = pred == self._label
            tr_m = float(correct[tr_cols].mean()) if len(tr_cols) else nan
            te_m = float(correct[te_cols].mean()) if len(te_cols) else nan
            self._seq_metrics = self._per_sequence(correct)
        else:
            sq = per if net.loss.name == "mse" else np.einsum("ij,ij->j", out - t, out - t)
            tr_m = 1.0 - float(sq[tr_cols].sum()) / self._ss_tot[0] if len(tr_cols) and self._ss_tot[0] > 0 else nan
            te_m = 1.0 - float(sq[te_cols].sum()) / self._ss_tot[1] if len(te_cols) and self._ss_tot[1] > 0 else nan
        return tr_loss, te_loss, tr_m, te_m

    def _per_sequence(self, correct: np.ndarray) -> dict:
        """Sequence accuracy (every step with a target right) of each set, and the accuracy
        at each step t (of the test set, or of the training set when there is no test set)."""
        N, T = self.n_train + self.n_test, self.length
        has = self._has.reshape(T, N)
        right = (correct.reshape(T, N) | ~has).all(axis=0)
        scored = has.any(axis=0)
        out = {}
        for key, lo, hi in (("train_sequence_accuracy", 0, self.n_train),
                            ("sequence_accuracy", self.n_train, N)):
            s = scored[lo:hi]
            out[key] = float(right[lo:hi][s].mean()) if s.any() else float("nan")
        lo, hi = (self.n_train, N) if self.n_test else (0, self.n_train)
        h = has[:, lo:hi]
        hits = (correct.reshape(T, N)[:, lo:hi] & h).sum(axis=1)
        counts = h.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out["step_accuracy"] = np.where(counts > 0, hits / np.maximum(counts, 1), np.nan)
        return out

    @_quiet
    def time_gradient_norms(self) -> np.ndarray:
        """How much of the newest error reaches each earlier step: for k = 0, 1, 2 … the mean
        over the hidden units of |∂J/∂h(τ − k)|, J being the loss at the last step τ with a
        target of each sequence, averaged over (up to) the first 32 training sequences.
        Newest first; it shrinks with k when the gradient vanishes through time (and is
        zero beyond the truncation window of ``training.bptt``)."""
        net = self.net
        P = min(self.n_train, PROBE_SEQUENCES)
        hidden = range(1, net.n_layers - 1)
        if P == 0 or not len(hidden):
            return np.zeros(0)
        p = self._plan(P, "probe")
        rows = np.arange(P)
        take_x, take_t, x_buf, t_buf = self._batch_buffers(p)
        take_x(rows, 1, x_buf)
        take_t(rows, 1, t_buf)
        has = p.TM3[-1]                                   # (T, P)
        valid = has.any(axis=0)
        last = self.length - 1 - np.argmax(has[::-1], axis=0)
        has.fill(0.0)
        has[last[valid], np.flatnonzero(valid)] = 1.0
        saved = net.grads.copy()
        recurrent.compute_gradients(net, p)
        np.copyto(net.grads, saved)
        H = np.abs(np.concatenate([p.dA3[k] for k in hidden], axis=0))   # (units, T, P)
        back = np.arange(self.length)
        idx = last[None, :] - back[:, None]                               # (k, P)
        ok = (idx >= 0) & valid[None, :]
        vals = H[:, np.clip(idx, 0, None), np.arange(P)[None, :]].mean(axis=0)   # (k, P)
        counts = ok.sum(axis=1)
        norms = (vals * ok).sum(axis=1) / np.maximum(counts, 1)
        return norms[counts > 0]

    @_quiet
    def sequence_values(self, split: str = "train", index: int = 0) -> SequenceValues | None:
        """One sequence (``split`` "train" or "test", ``index`` clamped to it) through the
        network at every step, forward and backward; None when that split is empty."""
        count = self.n_train if split == "train" else self.n_test
        if count == 0:
            return None
        index = int(min(max(index, 0), count - 1))
        n = index if split == "train" else self.n_train + index
        net = self.net
        p = self._plan(1, "sequence")
        p.A_ext3[0][:, :, 0] = self._FT[:, :, n]
        p.TM3[:, :, 0] = self._TM[:, :, n]
        saved = net.grads.copy()
        loss = recurrent.compute_gradients(net, p)
        np.copyto(net.grads, saved)
        T = int(self.lengths[n])
        V = len(net.doc_node_ids)

        def nodes(per_layer) -> np.ndarray:
            return recurrent.gather_nodes(net, per_layer, p).T[:T]

        is_input = net.bias_index < 0
        dout, delta = nodes(p.dA), nodes(p.D)
        dout[:, is_input] = 0.0
        delta[:, is_input] = 0.0
        has = p.TM3[-1, :T, 0] > 0
        target = np.where(has[:, None], p.TM3[:-1, :T, 0].T, np.nan)
        output = p.A3[-1][:, :T, 0].T.copy()
        correct = None
        if self.data.is_classification:
            if output.shape[1] == 1:
                right = (output[:, 0] > self._threshold) == (target[:, 0] > self._threshold)
            else:
                right = output.argmax(axis=1) == np.nan_to_num(target).argmax(axis=1)
            correct = np.where(has, right.astype(float), np.nan)
        x = (self.data.x_train[index] if split == "train" else self.data.x_test[index])[:T]
        return SequenceValues(
            split=split, index=index, count=count, length=T, x=_ro(x), target=_ro(target),
            output=_ro(output), output_ids=tuple(net.output_order()),
            pre=_ro(nodes([p.A[0]] + p.Z[1:])), act=_ro(nodes(p.A)), dout=_ro(dout),
            delta=_ro(delta), correct=None if correct is None else _ro(correct),
            loss=float(loss)) if V else None

    @_quiet
    def metrics(self) -> dict:
        m = super().metrics()
        extra = self._seq_metrics
        if self.data.is_classification:
            m["sequence_accuracy"] = extra.get("sequence_accuracy", float("nan"))
            m["train_sequence_accuracy"] = extra.get("train_sequence_accuracy", float("nan"))
            m["step_accuracy"] = [_none_if_nan(v) for v in extra.get("step_accuracy", [])]
        m["time_gradient_norms"] = [_none_if_nan(v) for v in self.time_gradient_norms()]
        return m

    @_quiet
    def snapshot(self, revision: int = 0, extras: Mapping | None = None,
                 max_train_values: int = 200_000) -> Snapshot:
        """The Trainer's snapshot with the rows of the last step as (sequence, step) pairs
        and the chosen sequence step by step (``chosen_sequence``)."""
        snap = super().snapshot(revision, extras, max_train_values)
        rows = np.asarray(snap.batch_rows, dtype=np.intp)
        B, T = len(rows), self.length
        if B:
            lengths = self.lengths[rows]
            seq = np.repeat(np.arange(B), lengths)
            step = np.concatenate([np.arange(n) for n in lengths])
            order = step * B + seq                       # sequence by sequence, real steps only
            changes = dict(pre=_ro(snap.pre[order]), act=_ro(snap.act[order]),
                           delta=_ro(snap.delta[order]), batch_rows=_ro(rows[seq]),
                           batch_steps=_ro(step))
        else:
            changes = dict(batch_steps=_ro(np.zeros(0, dtype=np.intp)))
        train_pre = snap.train_pre
        if train_pre is not None and train_pre.size > max_train_values:
            train_pre = None
        split, index = self.chosen_sequence
        extra = self._seq_metrics
        step_metric = extra.get("step_accuracy")
        return replace(
            snap, **changes, train_pre=train_pre,
            sequence=self.sequence_values(split, index),
            time_gradient_norms=_ro(self.time_gradient_norms()),
            step_metric=None if step_metric is None else _ro(step_metric),
            sequence_metric=float(extra.get("sequence_accuracy", float("nan"))))

    @_quiet
    def trace_step(self, rows=None, kind: str = "sample") -> StepTrace:
        """One training step on whole sequences, recorded: every array has one row per
        (sequence, step) pair, sequence by sequence (``rows`` the sequence, ``steps`` the
        step t); ∂J/∂y and the loss count only the steps with a target."""
        trace = super().trace_step(rows, kind)
        net, plan = self.net, self._last_plan
        seqs = np.asarray(trace.rows, dtype=np.intp)
        B = len(seqs)
        lengths = self.lengths[seqs]
        seq = np.repeat(np.arange(B), lengths)
        step = np.concatenate([np.arange(n) for n in lengths]) if B else np.zeros(0, dtype=np.intp)
        order = step * B + seq
        k = net.layers[-1].index
        zeros = np.zeros_like(plan.A[0])
        out_dy = net.loss.dJ_da(plan.A[k], plan.T) * plan.weight
        dout = net.gather_nodes([zeros] + [plan.dA[L.index] for L in net.layers[1:-1]] + [out_dy], plan)
        has = plan.has_target[0] > 0
        target = np.where(has[:, None], plan.T.T, np.nan)
        x = self.data.x_train[seqs][seq, step]
        return replace(trace, rows=_ro(seqs[seq]), steps=_ro(step), x=_ro(x), target=_ro(target[order]),
                       pre=_ro(trace.pre[order]), act=_ro(trace.act[order]), dact=_ro(trace.dact[order]),
                       dout=_ro(dout[order]), delta=_ro(trace.delta[order]),
                       loss=recurrent.loss_value(net, plan))


def _seq_tasks() -> tuple[str, ...]:
    from .sequences import TASKS
    return TASKS


def _none_if_nan(v) -> float | None:
    v = float(v)
    return v if np.isfinite(v) else None
