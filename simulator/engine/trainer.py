"""Training loop: steps by sample, mini-batch or epoch; history; immutable snapshots.

The fast path (``run``) does one forward, one backward and one optimiser update per step
on preallocated buffers; everything a drawing needs (losses over the whole data set, the
per-layer gradient size, dead units) is computed once per epoch or on request.
"""
from __future__ import annotations

import contextlib
import functools
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import activations as _acts
from . import datasets as _datasets
from . import optimizers as _optim
from .network import Network


@dataclass(frozen=True)
class Divergence:
    """Where and why training produced NaN/Inf."""

    epoch: int
    step: int
    layer: int            # 1 = first hidden layer; the output layer is the last
    quantity: str         # "gradients" | "activations" | "loss" | "weights"
    message: str


@dataclass(frozen=True)
class TrainingWarning:
    """Training that has not overflowed but is going wrong (saturation from a far too
    large learning rate): ``kind`` is "huge_weights" or "loss_grew", ``value`` the figure."""

    kind: str
    value: float
    message: str


@dataclass(frozen=True)
class History:
    """Per-epoch records (arrays of equal length, one entry per completed epoch)."""

    epoch: np.ndarray
    train_loss: np.ndarray
    test_loss: np.ndarray
    train_metric: np.ndarray
    test_metric: np.ndarray
    grad_norms: np.ndarray          # (epochs, n_layers - 1), first hidden layer first
    dead_fraction: np.ndarray
    lr_changes: tuple[tuple[int, float], ...] = ()


@dataclass(frozen=True)
class StepHistory:
    """Per-mini-batch records of a young run (its first ``Trainer.STEP_RECORDS`` steps), for
    charts of runs too short for per-epoch points: a run that diverges inside its first epoch
    still shows its gradient grow, then blow up. Arrays of equal length, one entry per step."""

    step: np.ndarray          # (S,) the step's number, counted from 1
    epoch: np.ndarray         # (S,) where the step ends, in epochs (2.5: half-way through the third)
    loss: np.ndarray          # (S,) the mini-batch's loss, before its update
    grad_norms: np.ndarray    # (S, n_layers - 1) mean |∂J/∂w| per layer of that step


@dataclass(frozen=True)
class Snapshot:
    """Everything the UI draws, copied and read-only: safe to hand to another thread."""

    revision: int
    epoch: int
    step: int
    node_ids: tuple[str, ...]            # document order
    edges: tuple[tuple[str, str], ...]   # document order
    node_layer: np.ndarray               # (V,) layer index (0 = inputs)
    weights: np.ndarray                  # (E,)
    grads: np.ndarray                    # (E,) mean ∂J/∂w since the last snapshot (see Trainer.snapshot)
    biases: np.ndarray                   # (V,) NaN for inputs
    bias_grads: np.ndarray               # (V,)
    batch_rows: np.ndarray               # (B,) training rows of the last step
    pre: np.ndarray                      # (B, V) g of every node for those rows
    act: np.ndarray                      # (B, V) y = f(g)
    delta: np.ndarray                    # (B, V) ∂J/∂g
    history: History
    layer_gradient_norms: np.ndarray     # (n_layers - 1,) mean |∂J/∂w| over the last epoch
    dead_relu_fraction: float
    dead_per_layer: np.ndarray           # (n_layers - 1,) share of dead ReLUs
    dead_nodes: np.ndarray               # (V,) True for a dead ReLU (g ≤ 0 for every training row)
    saturated_per_layer: np.ndarray      # (n_layers - 1,) share of saturated sigmoid/tanh
    train_pre: np.ndarray | None         # (N_train, V) g over the training set (small nets)
    learning_rate: float
    clip_fraction: float                 # share of the last epoch's steps that were clipped
    diverged: Divergence | None
    task: str
    metric_name: str                     # "accuracy" | "r2"
    train_loss: float
    test_loss: float
    train_metric: float
    test_metric: float
    epochs_per_second: float = 0.0
    extras: Mapping = field(default_factory=dict)   # views computed by the runtime (surface…)
    warning: TrainingWarning | None = None
    # recurrent networks and sequence data (see engine.sequence_trainer) ----------------
    delays: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))
    #                                    (E,) steps back each edge reads (0: the same step)
    batch_steps: np.ndarray | None = None   # (B,) the time step of each row of pre/act/delta
    sequence: object | None = None          # SequenceValues: the chosen sequence, step by step
    time_gradient_norms: np.ndarray | None = None   # (T,) mean |∂J/∂h| per step back, newest first
    step_metric: np.ndarray | None = None   # (T,) test accuracy at each step t
    sequence_metric: float = float("nan")   # share of test sequences with every step right
    # per layer after the inputs: the share of (sigmoid/tanh unit, training row) pairs with
    # f′(g) below 5 % of its maximum, over every training row and over the rows the network
    # classifies wrongly (NaN where none is wrong, or for regression)
    saturated_share: np.ndarray | None = None
    saturated_share_wrong: np.ndarray | None = None
    step_history: StepHistory | None = None
    # the epochs that can be shown again (Trainer.past); present_epoch is the run's epoch when
    # this snapshot shows an earlier one (epoch), None when it shows the present
    checkpoint_epochs: np.ndarray | None = None
    present_epoch: int | None = None
    grad_steps: int = 0                  # mini-batch steps ``grads`` is the mean of (0: the
                                         # whole training set's gradient, or none yet)
    # how far the epoch under way has gone: training rows (sequences) of it already used,
    # of n_train (0 at an epoch's boundary, and for an earlier epoch shown)
    epoch_position: int = 0
    n_train: int = 0
    # the whole state of the network, to rebuild it exactly (code export) ---------------
    params: np.ndarray | None = None        # (P,) the flat parameter buffer: weights, biases,
    #                                         PReLU slopes, batch-norm scales
    bn_running: tuple = ()                  # (layer, running mean, running var) per batch-norm layer


@dataclass(frozen=True)
class StepTrace:
    """One training step recorded for the step-by-step animation (all in document order)."""

    rows: np.ndarray
    x: np.ndarray             # (B, n_raw) raw inputs
    target: np.ndarray        # (B, n_outputs)
    pre: np.ndarray           # (B, V) g
    act: np.ndarray           # (B, V) y = f(g)
    dact: np.ndarray          # (B, V) f'(g)
    dout: np.ndarray          # (B, V) ∂J/∂y
    delta: np.ndarray         # (B, V) ∂J/∂g
    loss: float
    weights_before: np.ndarray
    weights_after: np.ndarray
    grads: np.ndarray
    biases_before: np.ndarray
    biases_after: np.ndarray
    bias_grads: np.ndarray
    node_layer: np.ndarray
    n_layers: int
    learning_rate: float
    output_ids: tuple[str, ...] = ()   # the order of ``target``'s columns
    steps: np.ndarray | None = None    # sequences: the time step of each row (rows: the sequences)


def _quiet(method):
    """Run a public entry point with NumPy's floating-point warnings off: overflow is
    expected when training diverges, and it is detected and reported (``Divergence``)."""
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with np.errstate(all="ignore"):
            return method(*args, **kwargs)
    return wrapper


def _ro(a: np.ndarray) -> np.ndarray:
    a = np.array(a, copy=True)
    a.setflags(write=False)
    return a


class _Series:
    """A growable float array: appends are amortised O(1) and ``view()`` shares memory with
    no copy. Entries never change once written and growing allocates a new buffer, so a
    view handed to another thread stays valid and immutable.

    Bounded: at ``max_rows`` it keeps every second row and from then on records one append
    in two (then one in four…), so a class that trains for hours keeps a flat memory and a
    history that still spans every epoch."""

    MAX_ROWS = 20_000

    def __init__(self, width: int = 0, max_rows: int = MAX_ROWS):
        self.width = width
        self.max_rows = max_rows
        first = min(64, max_rows)
        self._buf = np.zeros((first, width) if width else first)
        self.n = 0
        self.stride = 1
        self._skip = 0

    def append(self, value) -> None:
        if self._skip:
            self._skip -= 1
            return
        self._skip = self.stride - 1
        if self.n == len(self._buf):
            if self.n >= self.max_rows:
                self._buf = self._buf[1::2].copy()       # a new buffer: old views stay intact
                self.n = len(self._buf)
                self.stride *= 2
                self._skip = self.stride - 1
            grown = np.zeros((min(2 * self.n, self.max_rows),) + self._buf.shape[1:])
            grown[: self.n] = self._buf[: self.n]
            self._buf = grown
        self._buf[self.n] = value
        self.n += 1

    def view(self) -> np.ndarray:
        v = self._buf[: self.n]
        v.setflags(write=False)   # the view only: appends still write the buffer
        return v

    def last(self, default: float = float("nan")):
        return self._buf[self.n - 1] if self.n else default


class Trainer:
    """Owns a network, its data and an optimiser; not thread-safe (one thread drives it)."""

    STEP_RECORDS = 1000                 # per-mini-batch records kept for a young run
    CHECKPOINT_BYTES = 32 * 1024 * 1024  # parameters kept for showing earlier epochs
    GRADIENT_BLOCKS = 64                # snapshots' gradient sums kept for the mean (see snapshot)
    GRADIENT_EPOCHS = 1.0               # ... reaching back over this many epochs' steps

    def __init__(self, net: Network, data: _datasets.Dataset, learning_rate: float = 0.03,
                 batch_size: int = 10, optimizer: str = "sgd", clip: float | None = None,
                 shuffle: bool = True, seed: int = 0):
        self.net = net
        self._lr = np.array(float(learning_rate))     # 0-d: the compiled step reads it live
        self.optimizer_name = _optim.check(optimizer)
        self.clip = None if clip in (None, 0) else float(clip)
        self.shuffle = bool(shuffle)
        self.seed = int(seed)
        self.batch_size = max(1, int(batch_size))
        self.optimizer = _optim.make(optimizer, net.size)
        self._tmp = np.empty(net.size)
        self._acc = np.zeros(net.size)
        self._gsum = np.zeros(net.size)         # signed ∂J/∂w summed since the last snapshot
        self._tapes: dict[int, list] = {}
        self._has_relu = any(g.act.name in _acts.RELU_LIKE for L in net.layers[1:] for g in L.groups)
        self._w_lo = np.array([L.w_lo for L in net.layers[1:]], dtype=np.intp)
        self._w_hi = np.array([L.w_hi for L in net.layers[1:]], dtype=np.intp)
        self._n_edges = np.array([max(L.n_edges, 1) for L in net.layers[1:]], dtype=float)
        self.set_data(data)
        self.reset(reinit=False)

    @classmethod
    def from_document(cls, doc: Mapping, base_dir: str | Path | None = None,
                      data: _datasets.Dataset | None = None,
                      previous: Network | None = None) -> "Trainer":
        """A trainer for a (validated) document: its network, data and training settings
        (a ``SequenceTrainer`` when the data are sequences)."""
        tr = dict(doc.get("training", {}) or {})
        if data is None:
            data = _datasets.from_spec(doc.get("data", {}), base_dir, tr.get("loss"))
        net = Network.from_document(doc, previous=previous)
        if cls is Trainer and (data.is_sequence or net.is_recurrent):
            from .sequence_trainer import SequenceTrainer
            cls = SequenceTrainer
        return cls(net, data, learning_rate=tr.get("learning_rate", 0.03),
                   batch_size=tr.get("batch_size", 10), optimizer=tr.get("optimizer", "sgd"),
                   clip=tr.get("clip"), shuffle=tr.get("shuffle", True), seed=tr.get("seed", 0))

    # data ------------------------------------------------------------------------------
    def set_data(self, data: _datasets.Dataset) -> None:
        """New data (regenerated, a point added): features and targets computed once,
        stored node-major with a constant-1 row (the folded biases read it).

        Raises ValueError, and keeps the data it had, when the data's classes do not fit
        the outputs (four classes on three softmax outputs would merge two of them): the
        document layer says so first, but a CSV file's classes show only once it is read,
        and a data change reaches a running trainer directly."""
        if data.is_classification:
            mismatch = _datasets.class_mismatch(data.classes, self.net.n_outputs, self.net.is_softmax)
            if mismatch:
                raise ValueError(mismatch)
        self.data = data
        net = self.net
        cls = data.is_classification
        n_tr, n_te = len(data.x_train), len(data.x_test)
        X_all = np.vstack([data.x_train, data.x_test]) if n_te else data.x_train
        y_all = np.concatenate([data.y_train, data.y_test]) if n_te else data.y_train
        F = net.features_of(X_all) if len(X_all) else np.empty((0, net.n_inputs))
        T = net.encode_targets(y_all, cls) if len(y_all) else np.empty((0, net.n_outputs))
        self.n_train, self.n_test = n_tr, n_te
        self.FT_train = np.vstack([F[:n_tr].T, np.ones((1, n_tr))])   # (n_inputs + 1, N)
        self.TT_train = np.ascontiguousarray(T[:n_tr].T)               # (n_outputs, N)
        self.TT_all = np.ascontiguousarray(T.T)
        # One evaluation pass covers train and test rows together.
        self._eval_plan = net.plan(max(len(F), 1), "eval")
        if len(F):
            np.copyto(self._eval_plan.A[0], F.T)
        if cls and net.n_outputs == 1:
            self._threshold = (1.0 + net.target_low()) / 2.0
            self._label = self.TT_all[0] > self._threshold
        elif cls:
            self._label = self.TT_all.argmax(axis=0)
        else:
            with np.errstate(over="ignore", invalid="ignore"):     # targets near 1e308 overflow: quietly
                self._ss_tot = [float(((t - t.mean(axis=1, keepdims=True)) ** 2).sum()) if t.size else 0.0
                                for t in (self.TT_all[:, :n_tr], self.TT_all[:, n_tr:])]
        self._perm = np.arange(self.n_train)
        self.position = 0

    # settings changed live ----------------------------------------------------------------
    @property
    def learning_rate(self) -> float:
        return float(self._lr)

    def set_learning_rate(self, lr: float) -> None:
        lr = float(lr)
        if lr != self.learning_rate:
            self._lr[...] = lr
            self._lr_changes.append((self.epoch, lr))

    def set_batch_size(self, n: int) -> None:
        self.batch_size = max(1, int(n))

    def set_optimizer(self, name: str) -> None:
        if name != self.optimizer_name:
            self.optimizer_name = _optim.check(name)
            self.optimizer = _optim.make(name, self.net.size)
            self._save_epoch_start()
            self._tapes.clear()

    def set_clip(self, clip: float | None) -> None:
        self.clip = None if clip in (None, 0) else float(clip)
        self._tapes.clear()

    def set_shuffle(self, shuffle: bool) -> None:
        self.shuffle = bool(shuffle)

    def set_regularisation(self, l1: float, l2: float) -> None:
        self.net.l1, self.net.l2 = float(l1), float(l2)
        self._tapes.clear()

    def adopt_history(self, old: "Trainer") -> None:
        """Continue the epoch count and the records of the trainer this one replaces (after
        an edit of the network), so charts do not restart."""
        self.epoch, self.steps = old.epoch, old.steps
        self._lr_changes = list(old._lr_changes)
        self._hist = old._hist
        if old._hist_norms.width == self._hist_norms.width:
            self._hist_norms = old._hist_norms
            self._last_norms = old._last_norms.copy()     # the last epoch's, until the next
        else:        # the number of layers changed: per-layer records start again
            self._hist_norms = _Series(self._hist_norms.width)
            for _ in range(old._hist_norms.n):
                self._hist_norms.append(np.full(self._hist_norms.width, np.nan))
        self._rate = old._rate
        if old._step_rec.width == self._step_rec.width:
            self._step_rec = old._step_rec
        # the network changed: its earlier parameters do not fit it, so the epochs that can
        # be shown again start here
        self._ckpt = self._new_checkpoints()
        self._checkpoint()

    def resume(self, state: Mapping) -> None:
        """Continue a run saved in a file (its ``trained`` block, as ``trained.detach`` gives
        it): the parameters, batch-norm statistics, epoch and step counts."""
        from . import params
        params.write(self.net, state)
        self.continue_from(state.get("epoch", 0), state.get("steps", 0))

    def continue_from(self, epoch: int, steps: int = 0) -> None:
        """Count on from a run saved earlier, whose parameters the network now holds: the
        epoch and step counters resume, the history and the optimiser's state start empty."""
        self.reset(reinit=False)
        self.epoch, self.steps = int(epoch), int(steps)
        self._save_epoch_start()
        self._rate = (time.perf_counter(), self.epoch)

    # state -------------------------------------------------------------------------------
    def reset(self, reinit: bool = True) -> None:
        """Back to the seeded initial weights, epoch 0, empty history."""
        if reinit:
            self.net.reset()
        self.optimizer.reset()
        self.rng = np.random.default_rng([self.seed, 1])
        self.epoch = 0
        self.steps = 0
        self.position = 0
        self._new_permutation()
        self.diverged: Divergence | None = None
        nl = self.net.n_layers - 1
        # one row per epoch: epoch, train/test loss, train/test metric, dead-ReLU share
        self._hist = _Series(6)
        self._hist_norms = _Series(nl)
        self._lr_changes: list[tuple[int, float]] = []
        self._acc.fill(0.0)
        self._acc_steps = 0
        self._clipped = 0
        self._last_norms = np.zeros(nl)
        self._last_clip_fraction = 0.0
        self._last_rows = np.arange(min(self.batch_size, self.n_train))
        self._last_plan = None
        self.grads_valid = False
        self._save_epoch_start()
        self._rate = (time.perf_counter(), 0)
        self.epochs_per_second = 0.0
        self._step_rec = _Series(3 + nl, max_rows=2 * self.STEP_RECORDS)
        self._gsum.fill(0.0)
        self._gcount = 0
        self._gblocks: list[tuple[np.ndarray, int]] = []
        self._viewing: int | None = None
        self._ckpt = self._new_checkpoints()
        self._checkpoint()

    def _new_permutation(self) -> None:
        self._perm = self.rng.permutation(self.n_train) if self.shuffle else np.arange(self.n_train)

    def _save_epoch_start(self) -> None:
        """What a replay needs to find where training diverged (cheap: one small copy)."""
        self._start_params = self.net.params.copy()
        self._start_opt = self.optimizer.state()
        self._start_perm = self._perm
        self._start_position = self.position
        self._start_steps = self.steps

    # stepping ------------------------------------------------------------------------------
    def _plan(self, n: int, tag: str = "train"):
        """The work buffers and compiled calls of a step on ``n`` rows."""
        return self.net.plan(n, tag)

    def _batch_buffers(self, plan) -> tuple:
        """(gather inputs, gather targets, input buffer, target buffer): a step fills its
        plan with ``gather(rows, 1, buffer)`` for both."""
        return self.FT_train.take, self.TT_train.take, plan.A_ext[0], plan.T

    def _train_columns(self):
        """The columns of the evaluation pass that hold the training set."""
        return slice(None, self.n_train)

    def _tape(self, plan) -> list:
        """The whole training step for this batch size as one list of NumPy calls:
        forward, backward, penalties, clipping, |∂J/∂w| accumulation, update."""
        tape = self._tapes.get(id(plan))
        if tape is None:
            net = self.net
            g = net.grads
            tape = list(plan.forward_train) + list(plan.backward)
            if net.l1 or net.l2:
                tape.append((net.regularise, (g,)))
            if self.clip is not None:
                tape.append((self._clip_grads, (g,)))
            tape.append((np.add, (self._gsum, g, self._gsum)))      # the gradient drawn
            tape += [(np.abs, (g, self._tmp)), (np.add, (self._acc, self._tmp, self._acc))]
            tape += self.optimizer.ops(net.params, g, self._lr)
            plan.bn_update = True
            self._tapes[id(plan)] = tape
        return tape

    def _clip_grads(self, g: np.ndarray) -> None:
        norm = math.sqrt(float(np.dot(g, g)))
        if norm > self.clip:
            g *= self.clip / norm
            self._clipped += 1

    def _train_rows(self, rows: np.ndarray, at: float | None = None) -> None:
        """One optimiser step on the given training rows (the hot path). ``at``: where the
        step ends, in epochs (default: the current position in the epoch)."""
        plan = self._plan(len(rows))
        take_x, take_t, x_buf, t_buf = self._batch_buffers(plan)
        take_x(rows, 1, x_buf)
        take_t(rows, 1, t_buf)
        plan.bn_train = True
        for f, args in self._tapes.get(id(plan)) or self._tape(plan):
            f(*args)
        self._acc_steps += 1
        self._gcount += 1
        self.steps += 1
        if self._step_rec.n < self.STEP_RECORDS:
            self._record_step(plan, self.steps, self.epoch + (self.position / self.n_train if at is None else at))
        self._last_plan = plan
        self._last_rows = rows
        self.grads_valid = True

    def _next_rows(self, n: int) -> np.ndarray:
        if self.n_train == 0:
            raise ValueError("there is no training data")
        end = min(self.position + n, self.n_train)
        rows = self._perm[self.position:end]
        self.position = end
        return rows

    def _after_rows(self) -> bool:
        """Close the epoch when its rows are used up; True if an epoch ended."""
        if self.position >= self.n_train:
            self._end_epoch()
            return True
        return False

    @_quiet
    def run(self, steps: int | None = None, epochs: int | None = None,
            seconds: float | None = None, until: Callable[[], bool] | None = None) -> int:
        """Train for some mini-batch steps, whole epochs, or a time budget (whichever ends
        first), or until ``until()`` says so (asked every few steps, as the clock is: a
        caller's way to hand the processor over promptly). Stops at divergence. Returns the
        number of steps done."""
        if self.diverged is not None or self.n_train == 0:
            return 0
        done = 0
        target_epoch = self.epoch + epochs if epochs is not None else None
        deadline = time.perf_counter() + seconds if seconds is not None else None
        max_steps = steps if steps is not None else -1
        bs = min(self.batch_size, self.n_train)
        n_train = self.n_train
        clock = time.perf_counter
        plan = self._plan(bs)
        tape = self._tape(plan)
        take_x, take_t, x_buf, t_buf = self._batch_buffers(plan)
        while self.diverged is None:
            if target_epoch is not None and self.epoch >= target_epoch:
                break
            # The rest of this epoch: full batches inline (the hot loop: two gathers and
            # the compiled step), then a last partial batch if the data does not divide.
            perm, pos = self._perm, self.position
            plan.bn_train = True
            start_done = done
            # a young run records every step (StepHistory): a few more calls per step
            records = self.STEP_RECORDS - self._step_rec.n
            while pos + bs <= n_train and done != max_steps:
                rows = perm[pos:pos + bs]
                take_x(rows, 1, x_buf)
                take_t(rows, 1, t_buf)
                for f, args in tape:
                    f(*args)
                pos += bs
                done += 1
                if records > 0:
                    records -= 1
                    self._record_step(plan, self.steps + done - start_done, self.epoch + pos / n_train)
                if not done & 7 and ((deadline is not None and clock() >= deadline)
                                     or (until is not None and until())):
                    break
            if done != start_done:
                self._acc_steps += done - start_done
                self._gcount += done - start_done
                self.steps += done - start_done
                self._last_plan, self._last_rows, self.grads_valid = plan, rows, True
            if n_train - bs < pos < n_train and done != max_steps and (
                    deadline is None or clock() < deadline):
                self._train_rows(perm[pos:], at=1.0)
                pos = n_train
                done += 1
            self.position = pos
            if pos >= n_train:
                self._end_epoch()
            if done == max_steps or (deadline is not None and clock() >= deadline) or (
                    until is not None and until()):
                break
        if self.diverged is None and not np.isfinite(self.net.params).all():
            self._locate_divergence()
        return done

    @_quiet
    def step(self, kind: str = "batch") -> None:
        """One step as a student asks for it: ``"sample"``, ``"batch"`` or ``"epoch"``."""
        if self.diverged is not None or self.n_train == 0:
            return
        self._forget_gradients()          # the next snapshot shows this step's own gradient
        if kind == "epoch":
            start = self.epoch
            while self.epoch == start and self.diverged is None:
                self.run(steps=1)
            return
        n = 1 if kind == "sample" else min(self.batch_size, self.n_train)
        rows = self._next_rows(n)
        self._train_rows(rows)
        if not np.isfinite(self.net.params).all() or not np.isfinite(self.net.grads).all():
            self._locate_divergence()
            return
        self._after_rows()

    def train_epochs(self, n: int) -> None:
        self.run(epochs=n)

    # epochs ----------------------------------------------------------------------------------
    def _end_epoch(self) -> None:
        net = self.net
        tr_loss, te_loss, tr_metric, te_metric = self._evaluate()
        if not (math.isfinite(tr_loss) and np.isfinite(net.params).all()):
            self._locate_divergence()
            return
        self.epoch += 1
        steps = max(self._acc_steps, 1)
        # mean |∂J/∂w| per layer: prefix sums over the real weights' slots
        cs = np.cumsum(np.multiply(self._acc, net.weight_mask, out=self._tmp))
        cs = np.concatenate(([0.0], cs))
        norms = (cs[self._w_hi] - cs[self._w_lo]) / (self._n_edges * steps)
        self._last_norms = norms
        self._last_clip_fraction = self._clipped / steps
        self._acc.fill(0.0)
        self._acc_steps = 0
        self._clipped = 0
        dead = self._unit_health(self._eval_plan, saturation=False)[0] if self._has_relu else 0.0
        self._hist.append((self.epoch, tr_loss, te_loss, tr_metric, te_metric, dead))
        self._hist_norms.append(norms)
        self.position = 0
        self._new_permutation()
        self._save_epoch_start()
        self._checkpoint()
        if self._gcount >= self._steps_per_epoch():
            # no snapshot for a whole epoch (a headless run): the shown mean stays the last
            # epoch's, not the whole run's
            self._close_gradient_block()

    def _locate_divergence(self) -> None:
        """Replay the epoch from its saved start, checking every step, to say where the
        numbers left the finite range; leave the last finite weights in place."""
        net = self.net
        np.copyto(net.params, self._start_params)
        self.optimizer.set_state(self._start_opt)
        perm, pos = self._start_perm, self._start_position
        self.steps = self._start_steps
        self._drop_step_records_after(self.steps)
        bs = min(self.batch_size, self.n_train)
        epoch = self.epoch + 1          # the epoch in progress, counted from 1
        quantity, layer = "loss", net.n_layers - 1
        with np.errstate(all="ignore"):
            while pos < len(perm):
                rows = perm[pos:pos + bs]
                before = net.params.copy()
                opt_state = self.optimizer.state()
                self._train_rows(rows, at=(pos + len(rows)) / max(self.n_train, 1))
                pos += len(rows)
                plan = self._last_plan
                bad_act = [k for k in range(1, net.n_layers) if not np.isfinite(plan.A[k]).all()]
                bad_grad = [L.index for L in net.layers[1:]
                            if not np.isfinite(net.grads[L.w_lo:L.w_hi]).all()]
                if bad_act or bad_grad or not np.isfinite(net.params).all():
                    if bad_act:
                        quantity, layer = "activations", bad_act[0]
                    elif bad_grad:
                        quantity, layer = "gradients", min(bad_grad)
                    else:
                        quantity = "weights"
                        bad_w = [L.index for L in net.layers[1:]
                                 if not np.isfinite(net.params[L.w_lo:L.w_hi]).all()]
                        layer = bad_w[0] if bad_w else net.n_layers - 1
                    np.copyto(net.params, before)
                    self.optimizer.set_state(opt_state)
                    break
        self.position = min(pos, self.n_train)
        what = {"activations": "activations overflowed", "gradients": "gradients exploded",
                "weights": "weights overflowed", "loss": "the loss overflowed"}[quantity]
        where = "the output layer" if layer == net.n_layers - 1 else f"layer {layer}"
        message = (f"{what} in {where} at epoch {epoch}: lower the learning rate, "
                   "clip gradients or change the initialisation")
        self.diverged = Divergence(epoch, self.steps, layer, quantity, message)
        self.grads_valid = False

    def replay_divergence(self, params: np.ndarray, optimizer_state: tuple, permutation: np.ndarray,
                          epoch: int, steps: int) -> Divergence | None:
        """Where an epoch left the finite range, found by replaying it from its start:
        ``params`` and ``optimizer_state`` as epoch ``epoch + 1`` began, its rows in
        ``permutation``'s order, ``steps`` steps done before it. Leaves the last finite
        weights in the network. (The comparison engine trains variants stacked and asks a
        variant's own trainer, so a variant diverges exactly where its single run does.)"""
        np.copyto(self.net.params, params)
        self.optimizer.set_state(optimizer_state)
        self._perm = np.asarray(permutation)
        self.position, self.epoch, self.steps = 0, int(epoch), int(steps)
        self._save_epoch_start()
        self._locate_divergence()
        return self.diverged

    # per-step records ------------------------------------------------------------------------
    def _record_step(self, plan, step: int, at: float) -> None:
        """Record one step of a young run: its mini-batch loss and per-layer mean |∂J/∂w|."""
        net = self.net
        bins = self.__dict__.get("_weight_bins")
        if bins is None:            # each parameter's layer (1 → 0 …); biases and others last
            nl = net.n_layers - 1
            bins = np.full(net.size, nl, dtype=np.intp)
            for L in net.layers[1:]:
                span = slice(L.w_lo, L.w_hi)
                bins[span] = np.where(net.weight_mask[span] > 0, L.index - 1, nl)
            self._weight_bins = bins
            self._step_row = np.zeros(3 + nl)
        row = self._step_row
        row[0], row[1] = step, at
        row[2] = self._step_loss(plan)
        np.abs(net.grads, out=self._tmp)
        row[3:] = np.bincount(bins, weights=self._tmp, minlength=len(row) - 2)[:-1] / self._n_edges
        self._step_rec.append(row)

    def _step_loss(self, plan) -> float:
        """The data loss of the step just run on ``plan`` (before its update)."""
        k = self.net.layers[-1].index
        return self.net.loss.value(plan.Z[k], plan.A[k], plan.T)

    def _drop_step_records_after(self, step: int) -> None:
        """Forget the records of steps after ``step`` (a replay records them again). A new
        series: views already handed out stay as they were."""
        rec = self._step_rec.view()
        keep = int(np.searchsorted(rec[:, 0], step, side="right")) if len(rec) else 0
        if keep == len(rec):
            return
        fresh = _Series(self._step_rec.width, max_rows=self._step_rec.max_rows)
        for row in rec[:keep]:
            fresh.append(row)
        self._step_rec = fresh

    def step_history(self, until_epoch: float | None = None) -> StepHistory:
        """The per-step records (shared, read-only), up to ``until_epoch`` if given."""
        rec = self._step_rec.view()
        if until_epoch is not None and len(rec):
            rec = rec[: int(np.searchsorted(rec[:, 1], until_epoch + 1e-9, side="right"))]
        return StepHistory(step=rec[:, 0], epoch=rec[:, 1], loss=rec[:, 2], grad_norms=rec[:, 3:])

    # the gradient a snapshot shows ---------------------------------------------------------------
    def _forget_gradients(self) -> None:
        """Start the shown mean afresh (a step asked for by hand shows its own gradient)."""
        self._gsum.fill(0.0)
        self._gcount = 0
        self._gblocks = []

    def _close_gradient_block(self) -> None:
        """File the steps summed since the last block; keep the newest blocks that cover an
        epoch's worth of steps (``GRADIENT_EPOCHS``), and no more."""
        if self._gcount:
            self._gblocks.append((self._gsum.copy(), self._gcount))
            self._gsum.fill(0.0)
            self._gcount = 0
        blocks = self._gblocks
        need = max(1, int(self._steps_per_epoch() * self.GRADIENT_EPOCHS))
        while len(blocks) > 1 and sum(c for _, c in blocks[1:]) >= need:
            blocks.pop(0)
        if len(blocks) > self.GRADIENT_BLOCKS:          # many tiny blocks: merge the oldest two
            (a, na), (b, nb) = blocks[0], blocks[1]
            blocks[:2] = [(a + b, na + nb)]

    def _steps_per_epoch(self) -> int:
        return max(1, -(-self.n_train // max(1, min(self.batch_size, self.n_train or 1))))

    def mean_gradient(self) -> np.ndarray | None:
        """The signed ∂J/∂w (every parameter) averaged over the steps since the previous
        call (at most about the last epoch's, in a long run without calls), reaching back
        over earlier calls' steps until it covers an epoch's worth: one
        mini-batch's gradient jumps from step to step, its mean over an epoch is the
        gradient of the whole training set that the weights are following. None before any
        step. Each snapshot calls it once."""
        self._close_gradient_block()
        blocks = self._gblocks
        if not blocks:
            self.mean_gradient_steps = 0
            return None
        total = sum(c for _, c in blocks)
        self.mean_gradient_steps = total
        return sum(g for g, _ in blocks) / total

    # checkpoints: earlier epochs shown again ----------------------------------------------------
    def _bn_state(self) -> list[np.ndarray]:
        return [a for L in self.net.layers if L.running_mean is not None
                for a in (L.running_mean, L.running_var)]

    def _new_checkpoints(self) -> _Series:
        """Parameters (and batch-norm statistics) of every epoch while they fit in
        ``CHECKPOINT_BYTES``; beyond that thinned like the history (every second one kept)."""
        width = 1 + self.net.size + sum(a.size for a in self._bn_state())
        rows = int(min(_Series.MAX_ROWS, max(16, self.CHECKPOINT_BYTES // (8 * width))))
        return _Series(width, max_rows=rows)

    def _checkpoint(self) -> None:
        row = np.concatenate([[self.epoch], self.net.params, *self._bn_state()])
        if self._ckpt.n == 0 and self._ckpt.stride == 1:
            self._ckpt_first = _ro(row)          # kept however the series thins (the start)
        self._ckpt.append(row)

    def _checkpoint_rows(self) -> np.ndarray:
        rows = self._ckpt.view()
        if len(rows) and rows[0, 0] == self._ckpt_first[0]:
            return rows
        return np.vstack([self._ckpt_first[None, :], rows])

    def checkpoint_epochs(self) -> np.ndarray:
        """The epochs whose parameters are kept, oldest first (read-only)."""
        rows = self._ckpt.view()
        if len(rows) and rows[0, 0] == self._ckpt_first[0]:
            return rows[:, 0]
        out = np.concatenate(([self._ckpt_first[0]], rows[:, 0]))
        out.setflags(write=False)
        return out

    @contextlib.contextmanager
    def past(self, epoch: int):
        """Show an earlier epoch: inside the ``with``, the network holds the parameters of
        the kept epoch nearest at or before ``epoch`` (yielded) and ``snapshot()`` describes
        it (history up to it, gradient over the whole training set there); on leaving,
        the present is back exactly as it was."""
        rows = self._checkpoint_rows()
        i = max(0, int(np.searchsorted(rows[:, 0], epoch, side="right")) - 1)
        net = self.net
        saved = (net.params.copy(), net.grads.copy(), [a.copy() for a in self._bn_state()])
        np.copyto(net.params, rows[i, 1:1 + net.size])
        off = 1 + net.size
        for a in self._bn_state():
            np.copyto(a, rows[i, off:off + a.size].reshape(a.shape))
            off += a.size
        self._viewing = int(rows[i, 0])
        try:
            yield self._viewing
        finally:
            self._viewing = None
            np.copyto(net.params, saved[0])
            np.copyto(net.grads, saved[1])
            for a, b in zip(self._bn_state(), saved[2]):
                np.copyto(a, b)

    def _full_gradient(self) -> np.ndarray:
        """∂J/∂w over the whole training set at the current parameters (in net.grads)."""
        net = self.net
        plan = self._plan(max(self.n_train, 1), "past")
        if self.n_train:
            take_x, take_t, x_buf, t_buf = self._batch_buffers(plan)
            rows = np.arange(self.n_train)
            take_x(rows, 1, x_buf)
            take_t(rows, 1, t_buf)
            plan.bn_train, plan.bn_update = True, False      # the running statistics stay
            for f, args in list(plan.forward_train) + list(plan.backward):
                f(*args)
            net.regularise()
        return net.grads.copy()

    # measurements ---------------------------------------------------------------------------
    def _evaluate_pass(self):
        """Forward over every train and test row (running batch-norm statistics)."""
        plan = self._eval_plan
        if self.n_train + self.n_test:
            self.net.run_forward(plan, False)
        return plan

    def _evaluate(self) -> tuple[float, float, float, float]:
        """(train loss, test loss, train metric, test metric) in one pass over all rows."""
        plan = self._evaluate_pass()
        net = self.net
        k = net.layers[-1].index
        ntr, nte = self.n_train, self.n_test
        z, out, t = plan.Z[k], plan.A[k], self.TT_all
        nan = float("nan")
        if ntr + nte == 0:
            return nan, nan, nan, nan
        ps = net.loss.per_sample(z, out, t)
        tr_loss = float(ps[:ntr].sum()) / ntr if ntr else nan
        te_loss = float(ps[ntr:].sum()) / nte if nte else nan
        if self.data.is_classification:
            pred = out[0] > self._threshold if out.shape[0] == 1 else out.argmax(axis=0)
            correct = pred == self._label
            tr_m = np.count_nonzero(correct[:ntr]) / ntr if ntr else nan
            te_m = np.count_nonzero(correct[ntr:]) / nte if nte else nan
        else:
            sq = ps if net.loss.name == "mse" else np.einsum("ij,ij->j", out - t, out - t)
            tr_m = 1.0 - float(sq[:ntr].sum()) / self._ss_tot[0] if ntr and self._ss_tot[0] > 0 else nan
            te_m = 1.0 - float(sq[ntr:].sum()) / self._ss_tot[1] if nte and self._ss_tot[1] > 0 else nan
        return tr_loss, te_loss, float(tr_m), float(te_m)

    def evaluate(self, health: bool = True) -> dict:
        """Losses and metrics over the whole training and test sets, and unit health."""
        with np.errstate(all="ignore"):
            tr_loss, te_loss, tr_metric, te_metric = self._evaluate()
            out = {"train_loss": tr_loss, "test_loss": te_loss, "train_metric": tr_metric,
                   "test_metric": te_metric}
            if health:
                dead, dead_layers, sat_layers = self._unit_health(self._eval_plan)
                out.update(dead_relu_fraction=dead, dead_per_layer=dead_layers,
                           saturated_per_layer=sat_layers)
        return out

    def _unit_health(self, plan, saturation: bool = True) -> tuple[float, np.ndarray, np.ndarray]:
        """Dead ReLUs (g ≤ 0 for every training row) and saturated sigmoid/tanh units
        (mean f'(g) below 5% of its maximum; not counted in an output layer whose loss is
        fused with its activation), per layer after the inputs. Also leaves the
        dead units, in document order, in ``self._dead_nodes``."""
        net = self.net
        nl = net.n_layers - 1
        dead_layers = np.zeros(nl)
        sat_layers = np.zeros(nl)
        dead_pos = np.zeros(len(net.doc_node_ids), dtype=bool)     # compiled order
        self._dead_nodes = dead_pos
        if self.n_train == 0:
            return 0.0, dead_layers, sat_layers
        n_relu = n_dead = 0
        cols = self._train_columns()
        for L in net.layers[1:]:
            z = plan.Z[L.index][:, cols]
            relu_total = relu_dead = sat_total = sat = 0
            # a sigmoid output under cross-entropy (fused: ∂J/∂g = ŷ − y) passes the error back
            # whatever f′ is: saturated there only means confident, not stuck
            harmless = L.index == net.n_layers - 1 and net.loss.fused
            for g in L.groups:
                zz = z[g.lo:g.hi]
                if g.act.name in _acts.RELU_LIKE:
                    relu_total += g.hi - g.lo
                    dead = (zz <= 0).all(axis=1)
                    relu_dead += int(np.count_nonzero(dead))
                    dead_pos[L.start + g.lo:L.start + g.hi] = dead
                elif saturation and not harmless and g.act.name in _acts.SATURATING:
                    sat_total += g.hi - g.lo
                    with np.errstate(all="ignore"):
                        d = g.act.df(zz) / g.act.dmax
                    sat += int(np.count_nonzero(d.mean(axis=1) < 0.05))
            if relu_total:
                dead_layers[L.index - 1] = relu_dead / relu_total
            if sat_total:
                sat_layers[L.index - 1] = sat / sat_total
            n_relu += relu_total
            n_dead += relu_dead
        self._dead_nodes = dead_pos[net.doc_to_pos]
        return (n_dead / n_relu if n_relu else 0.0), dead_layers, sat_layers

    def saturation_shares(self) -> tuple[np.ndarray, np.ndarray]:
        """(share over all training rows, share over the wrongly classified ones), per layer
        after the inputs, of sigmoid/tanh (unit, row) pairs with f′(g) < 5 % of its maximum.
        Reads the last evaluation pass: call after ``evaluate()``."""
        net = self.net
        nl = net.n_layers - 1
        share, wrong_share = np.zeros(nl), np.full(nl, np.nan)
        if self.n_train == 0:
            return share, wrong_share
        plan = self._eval_plan
        cols = self._train_columns()
        wrong = None
        if self.data.is_classification and not getattr(self, "is_sequence", False):
            out = plan.A[net.layers[-1].index][:, cols]
            pred = out[0] > self._threshold if out.shape[0] == 1 else out.argmax(axis=0)
            wrong = pred != self._label[cols]
        n = 0
        for L in net.layers[1:]:
            total = sat = sat_wrong = 0
            z = plan.Z[L.index][:, cols]
            n = z.shape[1]
            for g in L.groups:
                if g.act.name not in _acts.SATURATING:
                    continue
                with np.errstate(all="ignore"):
                    flat = g.act.df(z[g.lo:g.hi]) / g.act.dmax < 0.05
                total += g.hi - g.lo
                sat += int(np.count_nonzero(flat))
                if wrong is not None:
                    sat_wrong += int(np.count_nonzero(flat[:, wrong]))
            if total and n:
                share[L.index - 1] = sat / (total * n)
                if wrong is not None and wrong.any():
                    wrong_share[L.index - 1] = sat_wrong / (total * int(np.count_nonzero(wrong)))
        return share, wrong_share

    HUGE_WEIGHT = 1e3

    def warning(self) -> TrainingWarning | None:
        """A far too large learning rate often saturates the network instead of overflowing
        it: weights in the thousands, a loss that grows. Say so."""
        net = self.net
        if len(net.edge_index):
            w = float(np.max(np.abs(net.params[net.edge_index])))
            if w > self.HUGE_WEIGHT:
                return TrainingWarning("huge_weights", w, f"weights have grown huge (|w| up to {w:.1e}): "
                                       "the learning rate is probably too large")
        loss = self._hist.view()[:, 1]
        if len(loss) >= 2 and np.isfinite(loss[0]) and loss[0] > 0 and loss[-1] > 10 and loss[-1] > 100 * loss[0]:
            ratio = float(loss[-1] / loss[0])
            return TrainingWarning("loss_grew", ratio, f"the loss grew {ratio:.0f}× since the first epoch: "
                                   "the learning rate is probably too large")
        return None

    @property
    def layer_gradient_norms(self) -> np.ndarray:
        """Mean |∂J/∂w| per layer over the last completed epoch, first hidden layer first."""
        return self._last_norms.copy()

    def history(self, until_epoch: int | None = None) -> History:
        """The per-epoch records, shared without copying (see ``_Series``); up to
        ``until_epoch`` if given."""
        h = self._hist.view()
        norms = self._hist_norms.view()
        lr_changes = tuple(self._lr_changes)
        if until_epoch is not None:
            n = int(np.searchsorted(h[:, 0], until_epoch, side="right"))
            h, norms = h[:n], norms[:n]
            lr_changes = tuple(c for c in lr_changes if c[0] <= until_epoch)
        return History(epoch=h[:, 0], train_loss=h[:, 1], test_loss=h[:, 2], train_metric=h[:, 3],
                       test_metric=h[:, 4], grad_norms=norms,
                       dead_fraction=h[:, 5], lr_changes=lr_changes)

    @_quiet
    def metrics(self) -> dict:
        """The command line's summary of the current state."""
        ev = self.evaluate()
        out = {"epochs": self.epoch, "train_loss": ev["train_loss"], "test_loss": ev["test_loss"]}
        if self.data.is_classification:
            out["train_accuracy"] = ev["train_metric"]
            out["test_accuracy"] = ev["test_metric"]
        else:
            out["train_r2"] = ev["train_metric"]
            out["test_r2"] = ev["test_metric"]
        out["layer_gradient_norms"] = self._last_norms.tolist()
        out["dead_relu_fraction"] = ev["dead_relu_fraction"]
        out["diverged"] = self.diverged is not None
        if self.diverged is not None:
            out["divergence"] = self.diverged.message
        warning = self.warning()
        if warning is not None:
            out["warning"] = warning.message
        return out

    @_quiet
    def snapshot(self, revision: int = 0, extras: Mapping | None = None,
                 max_train_values: int = 200_000) -> Snapshot:
        """A read-only copy of everything the UI draws. Its ``grads`` are the mean ∂J/∂w of
        :meth:`mean_gradient` (over the steps since the previous snapshot, reaching back to
        an epoch's worth), so edge colours follow the training set's gradient rather than
        each mini-batch's; after a step asked for by hand, that step's own. Inside
        :meth:`past`, the snapshot of that earlier epoch (gradient over the whole training
        set there)."""
        net = self.net
        viewing = self._viewing
        ev = self.evaluate()
        V = len(net.doc_node_ids)
        is_input = net.bias_index < 0
        plan = self._last_plan
        mean, grad_steps = None, 0
        if viewing is not None:
            mean = self._full_gradient()
        elif self.grads_valid:
            mean = self.mean_gradient()
            grad_steps = self.mean_gradient_steps
        else:
            self._forget_gradients()
        if viewing is not None or plan is None or not self.grads_valid:
            rows = np.arange(min(self.batch_size, self.n_train))
            plan = self._plan(max(len(rows), 1), "snap")
            if len(rows):
                take_x, take_t, x_buf, t_buf = self._batch_buffers(plan)
                take_x(rows, 1, x_buf)
                take_t(rows, 1, t_buf)
            with np.errstate(all="ignore"):
                net.run_forward(plan, False)
            delta = np.zeros((plan.n, V))
        else:
            rows = self._last_rows
            delta = net.gather_nodes(plan.D, plan)
        if mean is None:
            grads, bias_grads = np.zeros(len(net.edges)), np.zeros(V)
        else:
            grads = mean[net.edge_index]
            bias_grads = np.where(is_input, np.nan, mean[net.bias_index])
        pre = net.gather_nodes(plan.Z, plan)
        act = net.gather_nodes(plan.A, plan)
        delta[:, is_input] = 0.0
        biases = np.where(is_input, np.nan, net.params[net.bias_index])
        train_pre = None
        if self.n_train * V <= max_train_values and self.n_train:
            # evaluate() just ran the whole-data pass: its first n_train columns
            train_pre = net.gather_nodes(self._eval_plan.Z, self._eval_plan)[self._train_columns()]
        sat_share, sat_wrong = self.saturation_shares()
        now = time.perf_counter()
        t0, e0 = self._rate
        if now - t0 >= 0.5 and viewing is None:
            self.epochs_per_second = (self.epoch - e0) / (now - t0)
            self._rate = (now, self.epoch)
        history, norms = self.history(), self._last_norms
        if viewing is not None:
            history = self.history(until_epoch=viewing)
            norms = history.grad_norms[-1] if len(history.epoch) else np.zeros_like(self._last_norms)
        return Snapshot(
            revision=revision, epoch=self.epoch if viewing is None else viewing, step=self.steps,
            node_ids=tuple(net.doc_node_ids), edges=tuple(net.edges),
            node_layer=_ro(net.node_layer),
            weights=_ro(net.params[net.edge_index]), grads=_ro(grads),
            biases=_ro(biases), bias_grads=_ro(bias_grads), batch_rows=_ro(rows),
            pre=_ro(pre), act=_ro(act), delta=_ro(delta), history=history,
            layer_gradient_norms=_ro(norms),
            dead_relu_fraction=float(ev["dead_relu_fraction"]),
            dead_per_layer=_ro(ev["dead_per_layer"]),
            dead_nodes=_ro(self._dead_nodes),
            saturated_per_layer=_ro(ev["saturated_per_layer"]),
            train_pre=None if train_pre is None else _ro(train_pre),
            learning_rate=self.learning_rate,
            clip_fraction=self._last_clip_fraction if viewing is None else 0.0,
            diverged=self.diverged if viewing is None else None, task=self.data.task,
            metric_name="accuracy" if self.data.is_classification else "r2",
            train_loss=ev["train_loss"], test_loss=ev["test_loss"],
            train_metric=ev["train_metric"], test_metric=ev["test_metric"],
            epochs_per_second=self.epochs_per_second if viewing is None else 0.0,
            extras=dict(extras or {}),
            warning=self.warning() if viewing is None else None, delays=_ro(net.delays),
            saturated_share=_ro(sat_share), saturated_share_wrong=_ro(sat_wrong),
            step_history=self.step_history(None if viewing is None else viewing),
            checkpoint_epochs=self.checkpoint_epochs(),
            present_epoch=None if viewing is None else self.epoch, grad_steps=grad_steps,
            epoch_position=self.position if viewing is None else 0, n_train=self.n_train,
            params=_ro(net.params),
            bn_running=tuple((L.index, _ro(L.running_mean), _ro(L.running_var))
                             for L in net.layers if L.running_mean is not None))

    # step-by-step ---------------------------------------------------------------------------
    @_quiet
    def trace_step(self, rows: np.ndarray | None = None, kind: str = "sample") -> StepTrace:
        """Do one step on ``rows`` (default: the next sample or mini-batch) and record every
        intermediate value the animation shows: forward, loss, backward, update."""
        if self.diverged is not None:
            raise RuntimeError(self.diverged.message)
        self._forget_gradients()
        advance = rows is None
        if rows is None:
            rows = self._next_rows(1 if kind == "sample" else min(self.batch_size, self.n_train))
        rows = np.asarray(rows, dtype=np.intp)
        net = self.net
        w_before = net.params[net.edge_index]
        b_before = np.where(net.bias_index >= 0, net.params[net.bias_index], np.nan)
        self._train_rows(rows)
        plan = self._last_plan
        k = net.layers[-1].index
        loss = net.loss.value(plan.Z[k], plan.A[k], plan.T)
        pre = net.gather_nodes(plan.Z, plan)
        act = net.gather_nodes(plan.A, plan)
        # f'(g) per node and ∂J/∂y (= ∂J/∂g / f'(g), recomputed from its definition)
        dact_layers = [np.ones_like(plan.A[0])]
        dout_layers = [np.zeros_like(plan.A[0])]
        for L in net.layers[1:]:
            z, a = plan.Z[L.index], plan.A[L.index]
            fp = np.empty_like(z)
            for g in L.groups:
                fp[g.lo:g.hi] = g.act.derivative(z[g.lo:g.hi], a[g.lo:g.hi],
                                                 np.empty_like(z[g.lo:g.hi]), g.alpha_col)
            dact_layers.append(fp)
            if L.index == k:
                dout_layers.append(net.loss.dJ_da(a, plan.T))
            else:
                dout_layers.append(plan.dA[L.index].copy() if L.consumers else np.zeros_like(z))
        dact = net.gather_nodes(dact_layers, plan)
        dout = net.gather_nodes(dout_layers, plan)
        delta = net.gather_nodes(plan.D, plan)
        delta[:, net.bias_index < 0] = 0.0
        trace = StepTrace(
            rows=_ro(rows), x=_ro(self.data.x_train[rows]), target=_ro(plan.T.T),
            pre=_ro(pre), act=_ro(act), dact=_ro(dact), dout=_ro(dout), delta=_ro(delta),
            loss=float(loss), weights_before=_ro(w_before),
            weights_after=_ro(net.params[net.edge_index]), grads=_ro(net.grads[net.edge_index]),
            biases_before=_ro(b_before),
            biases_after=_ro(np.where(net.bias_index >= 0, net.params[net.bias_index], np.nan)),
            bias_grads=_ro(np.where(net.bias_index >= 0, net.grads[net.bias_index], np.nan)),
            node_layer=_ro(net.node_layer),
            n_layers=net.n_layers, learning_rate=self.learning_rate,
            output_ids=tuple(net.output_order()))
        if not np.isfinite(net.params).all():
            self._locate_divergence()
        elif advance:
            self._after_rows()
        return trace
