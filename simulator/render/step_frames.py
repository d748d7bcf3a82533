"""One phase of the step-by-step animation drawn on a NetworkScene (shared by the window's
animator and the exporter's animations).

A recorded step (the engine's StepTrace) becomes a list of phases: the forward pass layer
by layer (values travel along the edges, each neuron shows g and y = f(g)), the loss, the
backward pass layer by layer (the error travels back, each neuron shows its δ, the edges
take their gradient colour) and the update (thicknesses change).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..translate import tr
from . import encoding
from .network import NetworkScene, fmt


@dataclass(frozen=True)
class Phase:
    kind: str          # "forward" | "loss" | "backward" | "update"
    layer: int | None  # layer index (forward/backward)
    step: int | None = None   # a recurrent network's step t (forward/backward through time)
    time: bool = False        # a phase of a step through time (render/time_frames.py)

    def describe(self, n_layers: int) -> str:
        if self.time:
            from .time_frames import describe
            return describe(self)
        last = n_layers - 1
        if self.kind in ("forward", "backward"):
            where = tr("output layer") if self.layer == last else tr("layer %1").replace("%1", str(self.layer))
            what = tr("forward pass: %1") if self.kind == "forward" else tr("backward pass: %1")
            return what.replace("%1", where)
        return {"loss": tr("loss of the prediction"), "update": tr("update: w ← w − α·∂J/∂w")}[self.kind]


def phases_for(n_layers: int) -> list[Phase]:
    layers = list(range(1, n_layers))
    return ([Phase("forward", k) for k in layers] + [Phase("loss", None)]
            + [Phase("backward", k) for k in reversed(layers)] + [Phase("update", None)])


def phases_of(trace) -> list[Phase]:
    """The phases of a recorded step: layer by layer, or for a recurrent network on
    sequences (the trace has ``steps``), step by step through time."""
    if getattr(trace, "steps", None) is not None:
        from .time_frames import sequence_length, time_phases
        return time_phases(sequence_length(trace))
    return phases_for(trace.n_layers)


def draw_phase(scene: NetworkScene, tr, snap, phases: list[Phase], index: int, progress: float) -> None:
    """Draw phase ``index`` of the recorded step ``tr`` at ``progress`` (0..1) on ``scene``."""
    if phases[index].time:
        from .time_frames import draw_time_phase
        draw_time_phase(scene, tr, snap, phases, index, progress)
        return
    emap, nmap = scene._maps(snap)
    phase = phases[index]
    layer = np.asarray(tr.node_layer)
    last = tr.n_layers - 1
    edges = list(snap.edges)
    e_target_layer = np.array([layer[snap.node_ids.index(t)] for _, t in edges], dtype=int)
    idx = {n: i for i, n in enumerate(snap.node_ids)}
    row = 0                                       # the (first) sample of the step
    # how far each part of the step has gone, given the current phase
    fwd_done = {p.layer for p in phases[:index] if p.kind == "forward"}
    bwd_done = {p.layer for p in phases[:index] if p.kind == "backward"}
    if phase.kind == "forward" and progress >= 1.0:
        fwd_done |= {phase.layer}
    if phase.kind == "backward" and progress >= 1.0:
        bwd_done |= {phase.layer}
    updated = phase.kind == "update"
    # edges: thickness from the weights (before, or morphing during the update), colour
    # from the gradient once the error has passed through them
    w_before, w_after = np.asarray(tr.weights_before), np.asarray(tr.weights_after)
    w = w_before + (w_after - w_before) * (progress if updated else 0.0)
    g = np.asarray(tr.grads)
    scale = encoding.symmetric_scale(g)
    colour = np.where(np.isin(e_target_layer, list(bwd_done)) | updated, g / scale, 0.0)
    scene.color_scale = scale
    scene.edges.set_values(scene._take(w, emap), scene._take(colour, emap))
    pulses = {}
    if phase.kind == "forward" and progress < 1.0:
        for e, k in enumerate(e_target_layer):
            if k == phase.layer:
                pulses[e] = progress
    elif phase.kind == "backward" and progress < 1.0:
        for e, k in enumerate(e_target_layer):
            if k == phase.layer:
                pulses[e] = 1.0 - progress       # the error travels back
    inv = {} if emap is None else {int(j): i for i, j in enumerate(emap) if j >= 0}
    scene.edges.set_pulses({(e if emap is None else inv.get(e)): s for e, s in pulses.items()
                            if (emap is None or e in inv)},
                           scene.theme.selection if phase.kind == "backward" else scene.theme.accent)
    cmap = encoding.diverging()
    for i, nid in enumerate(scene.order):
        item = scene.nodes[nid]
        j = idx.get(nid)
        item.caption = None
        item.emphasis = 0.0
        if j is None:
            item.update()
            continue
        k = int(layer[j])
        y = float(tr.act[row, j])
        g_ = float(tr.pre[row, j])
        shown = k == 0 or k in fwd_done
        if shown:
            item.fill = cmap.color(scene._normalise_activation(item, y))
        else:
            item.fill = None
        item.thumbnail = None
        lines = []
        if k == 0 and phase.kind == "forward" and phase.layer == 1:
            lines = [f"x = {fmt(y, 3)}"]
        if k > 0 and k in fwd_done and phase.kind == "forward" and phase.layer == k:
            lines = [f"g = {fmt(g_, 3)}", f"y = f(g) = {fmt(y, 3)}"]
        if k == last and phase.kind == "loss":
            col = tr.output_ids.index(nid) if nid in tr.output_ids else 0
            t = float(tr.target[row, col]) if col < tr.target.shape[1] else float("nan")
            lines = [f"ŷ = {fmt(y, 3)}", f"target y = {fmt(t, 3)}", f"J = {fmt(tr.loss, 4)}"]
        if k > 0 and phase.kind == "backward" and phase.layer == k and progress >= 1.0:
            lines = [f"∂J/∂y = {fmt(float(tr.dout[row, j]), 3)}",
                     f"f′(g) = {fmt(float(tr.dact[row, j]), 3)}",
                     f"δ = ∂J/∂g = {fmt(float(tr.delta[row, j]), 3)}"]
        if k > 0 and updated:
            b0, b1 = float(tr.biases_before[j]), float(tr.biases_after[j])
            item.bias_value = b0 + (b1 - b0) * progress
            if progress >= 1.0 and math.isfinite(b1):
                lines = [f"b: {fmt(b0, 3)} → {fmt(b1, 3)}"]
        elif k > 0:
            item.bias_value = float(tr.biases_before[j])
        active = (phase.kind in ("forward", "backward") and k == phase.layer) or \
                 (phase.kind == "loss" and k == last)
        item.emphasis = 1.0 if active else 0.0
        item.caption = "\n".join(lines) if lines else None
        item.caption_color = scene.theme.selection if phase.kind == "backward" else scene.theme.accent
        item.update()
    scene.relayout_labels()          # the value boxes take their room now, for this frame
    scene.edges.update()
