"""One training step of a recurrent network, animated through time (shared by the
window's animator and the exported animations), on the drawing or on the unrolled view.

The phases: the forward pass step by step, t = 0 … T−1 (the input of step t arrives, the
signal runs along every edge — a delayed one brings the value of step t − d — and every
neuron takes its y(t)); the loss over the steps with a target; the backward pass back
through time, t = T−1 … 0 (the error runs back along every edge, each neuron shows its
δ(t), and each shared weight's gradient grows by what step t contributes:
∂J/∂w = Σₜ y_src(t − d)·δ_dst(t)); then the update. The sequence shown is the first of the
step's mini-batch; the gradients are the whole mini-batch's.
"""
from __future__ import annotations

import math

import numpy as np

from ..translate import tr
from . import encoding
from .network import NetworkScene, fmt


def first_sequence(trace) -> np.ndarray:
    """Rows of the trace (one per (sequence, step)) of the step's first sequence, in order."""
    rows = np.asarray(trace.rows)
    return np.flatnonzero(rows == rows[0]) if len(rows) else np.zeros(0, dtype=np.intp)


def sequence_length(trace) -> int:
    return len(first_sequence(trace))


def _dense(trace, values: np.ndarray) -> np.ndarray:
    """(rows, V) of a trace -> (B sequences, T steps, V), zeros where a sequence is shorter."""
    rows, steps = np.asarray(trace.rows), np.asarray(trace.steps)
    order: dict[int, int] = {}
    for r in rows:
        order.setdefault(int(r), len(order))
    b = np.array([order[int(r)] for r in rows], dtype=np.intp)
    T = int(steps.max()) + 1 if len(steps) else 0
    out = np.zeros((len(order), T, values.shape[1]))
    out[b, steps] = values
    return out


def step_contributions(trace, snap) -> np.ndarray:
    """(T, E): what each step t adds to each weight's gradient over the mini-batch,
    y_src(t − d)·δ_dst(t) summed over its sequences (E in the snapshot's edge order). Summed
    over t it is the gradient ∂J/∂w before any L1/L2 penalty or clipping."""
    A = _dense(trace, np.asarray(trace.act))
    D = _dense(trace, np.asarray(trace.delta))
    T = A.shape[1]
    index = {n: i for i, n in enumerate(snap.node_ids)}
    src = np.array([index[s] for s, _ in snap.edges], dtype=np.intp)
    dst = np.array([index[t] for _, t in snap.edges], dtype=np.intp)
    delays = np.asarray(getattr(snap, "delays", np.zeros(len(src), dtype=np.intp)), dtype=np.intp)
    if len(delays) != len(src):
        delays = np.zeros(len(src), dtype=np.intp)
    out = np.zeros((T, len(src)))
    for d in np.unique(delays):
        e = np.flatnonzero(delays == d)
        if d >= T:
            continue
        a = A[:, : T - d][:, :, src[e]]               # y_src(t − d) for t = d … T−1
        out[d:, e] = np.einsum("btk,btk->tk", a, D[:, d:][:, :, dst[e]])
    return out


def time_phases(length: int) -> list:
    from .step_frames import Phase
    steps = list(range(length))
    return ([Phase("forward", None, t, True) for t in steps] + [Phase("loss", None, None, True)]
            + [Phase("backward", None, t, True) for t in reversed(steps)] + [Phase("update", None, None, True)])


def describe(phase) -> str:
    if phase.kind == "forward":
        return tr("forward pass: step t = %1").replace("%1", str(phase.step))
    if phase.kind == "backward":
        return tr("backward through time: step t = %1").replace("%1", str(phase.step))
    if phase.kind == "loss":
        return tr("loss over the steps with a target")
    return tr("update: w ← w − α·∂J/∂w (∂J/∂w summed over the steps)")


class _Step:
    """The values of the animated sequence and the gradient shares, computed once per trace."""

    _cache: dict = {}

    def __init__(self, trace, snap):
        rows = first_sequence(trace)
        self.rows = rows
        self.T = len(rows)
        self.act = np.asarray(trace.act)[rows]
        self.pre = np.asarray(trace.pre)[rows]
        self.delta = np.asarray(trace.delta)[rows]
        self.dout = np.asarray(trace.dout)[rows]
        self.target = np.asarray(trace.target)[rows]
        self.x = np.asarray(trace.x)[rows]
        self.shares = step_contributions(trace, snap)         # (T', E)
        self.done_from = np.cumsum(self.shares[::-1], axis=0)[::-1]   # Σ over steps ≥ t
        self.scale = encoding.symmetric_scale(np.asarray(trace.grads))
        self.share_scale = encoding.symmetric_scale(self.shares)
        self.delays = np.asarray(getattr(snap, "delays", np.zeros(len(snap.edges))), dtype=np.intp)
        if len(self.delays) != len(snap.edges):
            self.delays = np.zeros(len(snap.edges), dtype=np.intp)
        self.index = {n: i for i, n in enumerate(snap.node_ids)}

    @classmethod
    def of(cls, trace, snap) -> "_Step":
        key = (id(trace), id(snap))
        step = cls._cache.get(key)
        if step is None:
            cls._cache.clear()
            step = cls._cache[key] = cls(trace, snap)
        return step

    def gradient_so_far(self, phase_kind: str, t: int | None, done: bool) -> np.ndarray:
        """∂J/∂w summed over the steps the backward pass has gone through (E,)."""
        if phase_kind != "backward" or t is None:
            return np.zeros(self.shares.shape[1])
        k = t if done else t + 1
        return self.done_from[k] if k < len(self.done_from) else np.zeros(self.shares.shape[1])


def _relayout(scene) -> None:
    relayout = getattr(scene, "relayout_labels", None)
    if relayout is not None:
        relayout()


def _set_caption(item, lines: list[str], colour) -> None:
    text = "\n".join(lines) if lines else None
    if text != item.caption:
        if not hasattr(item.scene(), "relayout_labels"):
            item.prepareGeometryChange()
        item.caption = text
    item.caption_color = colour


def _output_lines(step: _Step, trace, nid: str, t: int, j: int) -> list[str]:
    col = trace.output_ids.index(nid) if nid in trace.output_ids else 0
    y = float(step.act[t, j])
    target = float(step.target[t, col]) if col < step.target.shape[1] else float("nan")
    lines = [f"t = {t}: ŷ = {fmt(y, 3)}"]
    lines.append(tr("target %1").replace("%1", fmt(target, 3)) if math.isfinite(target) else tr("no target"))
    return lines


def draw_time_phase(scene: NetworkScene, trace, snap, phases, index: int, progress: float) -> None:
    """Phase ``index`` of a recorded step through time at ``progress`` (0..1) on the drawing."""
    step = _Step.of(trace, snap)
    phase = phases[index]
    emap, _ = scene._maps(snap)
    t = phase.step
    done = progress >= 1.0
    w_before, w_after = np.asarray(trace.weights_before), np.asarray(trace.weights_after)
    updated = phase.kind == "update"
    w = w_before + (w_after - w_before) * (progress if updated else 0.0)
    grads = np.asarray(trace.grads) if updated else step.gradient_so_far(phase.kind, t, done)
    scene.color_scale = step.scale
    scene.edges.set_values(scene._take(w, emap), scene._take(grads / step.scale, emap))
    pulses = {}
    if phase.kind in ("forward", "backward") and not done:
        # along every edge of step t (a delayed one from step t − d, none before its first value)
        s = progress if phase.kind == "forward" else 1.0 - progress
        pulses = {e: s for e in range(len(snap.edges)) if t >= step.delays[e]}
    inv = {} if emap is None else {int(j): i for i, j in enumerate(emap) if j >= 0}
    backward = phase.kind == "backward"
    scene.edges.set_pulses({(e if emap is None else inv.get(e)): s for e, s in pulses.items()
                            if emap is None or e in inv},
                           scene.theme.selection if backward else scene.theme.accent)
    cmap = encoding.diverging()
    last = step.T - 1
    # which step the neurons show: the forward pass's latest, the backward pass's step
    if phase.kind == "forward":
        shown = t if done else t - 1
    elif phase.kind == "backward":
        shown = t
    else:
        shown = last
    colour = scene.theme.selection if backward else scene.theme.accent
    for nid in scene.order:
        item = scene.nodes[nid]
        j = step.index.get(nid)
        item.emphasis = 0.0
        item.thumbnail = None
        if j is None or not step.T:
            _set_caption(item, [], colour)
            item.update()
            continue
        kind = item.kind
        at = t if (kind == "input" and phase.kind == "forward") else shown
        if 0 <= at <= last:
            item.fill = cmap.color(scene._normalise_activation(item, float(step.act[at, j])))
        else:
            item.fill = None
        lines: list[str] = []
        if phase.kind == "forward" and kind == "input":
            lines = [f"x({t}) = {fmt(float(step.act[t, j]), 3)}"]
        elif phase.kind == "forward" and done and kind == "output":
            lines = _output_lines(step, trace, nid, t, j)
        elif phase.kind == "forward" and done:
            lines = [f"g({t}) = {fmt(float(step.pre[t, j]), 3)}", f"y({t}) = {fmt(float(step.act[t, j]), 3)}"]
        elif phase.kind == "loss" and kind == "output":
            lines = [tr("J = %1 (mean over the steps with a target)").replace("%1", fmt(float(trace.loss), 4))]
        elif backward and done and kind != "input":
            lines = [f"∂J/∂y({t}) = {fmt(float(step.dout[t, j]), 3)}",
                     f"δ({t}) = {fmt(float(step.delta[t, j]), 3)}"]
        elif updated and kind != "input":
            b0, b1 = float(trace.biases_before[j]), float(trace.biases_after[j])
            item.bias_value = b0 + (b1 - b0) * progress
            if done and math.isfinite(b1):
                lines = [f"b: {fmt(b0, 3)} → {fmt(b1, 3)}"]
        if not updated and kind != "input":
            item.bias_value = float(trace.biases_before[j])
        if kind != "input" and phase.kind in ("forward", "backward"):
            item.emphasis = 1.0
        if phase.kind == "loss" and kind == "output":
            item.emphasis = 1.0
        _set_caption(item, lines, colour)
        item.update()
    _relayout(scene)
    scene.edges.update()


def unrolled_focus(phase, length: int) -> int:
    """The step the unrolled view marks for ``phase``."""
    if phase.step is not None:
        return int(phase.step)
    return max(length - 1, 0)


def unrolled_window(phase, length: int, steps: int) -> tuple[int, int]:
    """(first step, copies) the unrolled view shows for ``phase``: going forward, the steps
    up to t (t on the right); going back, t − 1 and the steps after t the error came from."""
    from .unrolled import window_of
    t = unrolled_focus(phase, length)
    first, count = window_of(t, length, steps)
    if phase.kind == "backward":
        first = min(max(t - 1, 0), max(length - count, 0))
    return first, count


def draw_unrolled_phase(scene, trace, snap, phases, index: int, progress: float) -> None:
    """The same phase on an UnrolledScene already built around the phase's step (see
    ``unrolled_focus``): copies fill as the forward pass reaches their step; going back,
    each copy's edges take what its step adds to the gradient; at the update every copy
    shows the summed gradient of the weight they share."""
    step = _Step.of(trace, snap)
    phase = phases[index]
    t = phase.step
    done = progress >= 1.0
    w_doc, _ = scene.base_values(snap, trace.weights_before, trace.grads)
    w_after, g_total = scene.base_values(snap, trace.weights_after, trace.grads)
    updated = phase.kind == "update"
    w = w_doc + (w_after - w_doc) * (progress if updated else 0.0)
    # the shares of each copy's step, in the document's edge order
    where = {p: i for i, p in enumerate(snap.edges)}
    base_idx = np.array([where.get(p, -1) for p in scene.base_pairs], dtype=np.intp)
    copy_step = np.array([scene.first + scene.nodes[scene.edges.pairs[i][1]].step
                          for i in range(len(scene.edges.pairs))], dtype=np.intp)
    colour = np.zeros(len(scene.edge_base))
    if updated:
        colour = g_total[scene.edge_base] / step.scale
    elif phase.kind == "backward":
        reached = copy_step > t if not done else copy_step >= t
        ok = reached & (copy_step < len(step.shares)) & (base_idx[scene.edge_base] >= 0)
        # each copy's own share, on the scale of the largest share of any step (a step's share
        # is a fraction of the sum: on the sum's scale every copy would look grey)
        colour[ok] = step.shares[copy_step[ok], base_idx[scene.edge_base[ok]]] / step.share_scale
    scene.color_scale = step.share_scale if phase.kind == "backward" else step.scale
    scene.edges.set_values(w[scene.edge_base], colour)
    backward = phase.kind == "backward"
    pulses = {}
    if phase.kind in ("forward", "backward") and not done:
        s = progress if phase.kind == "forward" else 1.0 - progress
        pulses = {int(i): s for i in np.flatnonzero(copy_step == t)}
    scene.edges.set_pulses(pulses, scene.theme.selection if backward else scene.theme.accent)
    cmap = encoding.diverging()
    last = step.T - 1
    reached = (t if done else t - 1) if phase.kind == "forward" else last
    caption_colour = scene.theme.selection if backward else scene.theme.accent
    for nid in scene.order:
        item = scene.nodes[nid]
        at = scene.first + item.step
        j = step.index.get(item.base_id)
        item.emphasis = 0.0
        item.thumbnail = None
        lines: list[str] = []
        show = j is not None and at <= last and (at <= reached or (item.kind == "input" and at == t
                                                                    and phase.kind == "forward"))
        item.fill = cmap.color(scene._normalise_activation(item, float(step.act[at, j]))) if show else None
        if j is not None and at == t and phase.kind in ("forward", "backward"):
            if item.kind != "input":
                item.emphasis = 1.0
            if phase.kind == "forward" and done and item.kind == "output":
                lines = _output_lines(step, trace, item.base_id, t, j)
            elif backward and done and item.kind != "input":
                lines = [f"δ({t}) = {fmt(float(step.delta[t, j]), 3)}"]
        if phase.kind == "loss" and item.kind == "output" and at == last and j is not None:
            lines = [tr("J = %1 (mean over the steps with a target)").replace("%1", fmt(float(trace.loss), 4))]
            item.emphasis = 1.0
        _set_caption(item, lines, caption_colour)
        item.update()
    _relayout(scene)
    scene.edges.update()
