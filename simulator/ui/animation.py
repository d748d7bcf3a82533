"""The step-by-step animation of one training step on the network drawing.

A recorded step (the engine's StepTrace) becomes a list of phases: the forward pass layer
by layer (values travel along the edges, each neuron shows g and y = f(g)), the loss, the
backward pass layer by layer (the error travels back, each neuron shows its δ, the edges
take their gradient colour) and the update (thicknesses change). Phases play on a timer or
one at a time (Next/Previous phase); the last steps are kept to be scrubbed back.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..render import encoding
from ..render.network import NetworkScene, fmt

HISTORY = 30
FRAMES_PER_PHASE = 24


@dataclass(frozen=True)
class Phase:
    kind: str          # "forward" | "loss" | "backward" | "update"
    layer: int | None  # layer index (forward/backward)

    def describe(self, n_layers: int) -> str:
        last = n_layers - 1
        if self.kind in ("forward", "backward"):
            where = "output layer" if self.layer == last else f"layer {self.layer}"
            return f"{self.kind} pass: {where}"
        return {"loss": "loss of the prediction", "update": "update: w ← w − α·∂J/∂w"}[self.kind]


def phases_for(n_layers: int) -> list[Phase]:
    layers = list(range(1, n_layers))
    return ([Phase("forward", k) for k in layers] + [Phase("loss", None)]
            + [Phase("backward", k) for k in reversed(layers)] + [Phase("update", None)])


class StepAnimator(QObject):
    phaseChanged = Signal(int, int, str)    # index, count, description
    finished = Signal()
    activeChanged = Signal(bool)

    def __init__(self, scene: NetworkScene, parent=None):
        super().__init__(parent)
        self.scene = scene
        self.history: list[tuple] = []     # (trace, snapshot after)
        self.current = -1                  # index into history
        self.phases: list[Phase] = []
        self.phase = -1
        self.frame = 0
        self.visited: list[Phase] = []    # every phase shown, in order (tests, narration)
        self.playing = False
        self.active = False
        self.frames_per_phase = FRAMES_PER_PHASE
        self._timer = QTimer(self)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self._advance_frame)

    # input ---------------------------------------------------------------------------------
    def add(self, trace, snapshot, autoplay: bool = True) -> None:
        self.history.append((trace, snapshot))
        del self.history[:-HISTORY]
        self.current = len(self.history) - 1
        self.phases = phases_for(trace.n_layers)
        self.visited = []
        self._set_active(True)
        self.go_to(0)
        if autoplay:
            self.play()

    def set_speed(self, frames_per_phase: int) -> None:
        self.frames_per_phase = max(1, int(frames_per_phase))

    # navigation ---------------------------------------------------------------------------
    def play(self) -> None:
        if not self.phases:
            return
        self.playing = True
        self._timer.start()

    def pause(self) -> None:
        self.playing = False
        self._timer.stop()

    def next_phase(self) -> bool:
        if self.phase + 1 < len(self.phases):
            self.go_to(self.phase + 1)
            return True
        return False

    def previous_phase(self) -> bool:
        if self.phase > 0:
            self.go_to(self.phase - 1)
            return True
        if self.current > 0:                 # into the previous recorded step
            self.show_step(self.current - 1, last_phase=True)
            return True
        return False

    def show_step(self, index: int, last_phase: bool = False) -> None:
        """Scrub to a recorded step of the history."""
        if not 0 <= index < len(self.history):
            return
        self.current = index
        trace, _ = self.history[index]
        self.phases = phases_for(trace.n_layers)
        self._set_active(True)
        self.go_to(len(self.phases) - 1 if last_phase else 0)

    def go_to(self, phase: int) -> None:
        self.phase = phase
        self.frame = self.frames_per_phase     # show the phase's end state
        self.visited.append(self.phases[phase])
        self._render(progress=1.0)
        self.phaseChanged.emit(phase, len(self.phases), self.phases[phase].describe(self.trace.n_layers))

    def stop(self) -> None:
        """Leave the animation: the drawing goes back to live snapshots."""
        self.pause()
        self.scene.edges.pulses = {}
        for item in self.scene.nodes.values():
            item.caption = None
            item.emphasis = 0.0
            item.update()
        self._set_active(False)

    def _set_active(self, on: bool) -> None:
        if on != self.active:
            self.active = on
            self.activeChanged.emit(on)

    @property
    def trace(self):
        return self.history[self.current][0]

    @property
    def snapshot(self):
        return self.history[self.current][1]

    def _advance_frame(self) -> None:
        if self.frame < self.frames_per_phase:
            self.frame += 1
            self._render(self.frame / self.frames_per_phase)
            return
        if self.phase + 1 < len(self.phases):
            self.phase += 1
            self.frame = 0
            self.visited.append(self.phases[self.phase])
            self.phaseChanged.emit(self.phase, len(self.phases),
                                   self.phases[self.phase].describe(self.trace.n_layers))
            self._render(0.0)
            return
        self.pause()
        self.finished.emit()

    # drawing ------------------------------------------------------------------------------------
    def _render(self, progress: float) -> None:
        tr, snap = self.history[self.current]
        scene = self.scene
        emap, nmap = scene._maps(snap)
        phase = self.phases[self.phase]
        layer = np.asarray(tr.node_layer)
        last = tr.n_layers - 1
        edges = list(snap.edges)
        e_target_layer = np.array([layer[snap.node_ids.index(t)] for _, t in edges], dtype=int)
        idx = {n: i for i, n in enumerate(snap.node_ids)}
        row = 0                                       # the (first) sample of the step
        # how far each part of the step has gone, given the current phase
        fwd_done = {p.layer for p in self.phases[: self.phase] if p.kind == "forward"}
        bwd_done = {p.layer for p in self.phases[: self.phase] if p.kind == "backward"}
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
        scene.edges.pulses = {(e if emap is None else inv.get(e)): s for e, s in pulses.items()
                              if (emap is None or e in inv)}
        scene.edges.pulse_color = scene.theme.selection if phase.kind == "backward" else scene.theme.accent
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
            item.prepareGeometryChange()
            item.update()
        scene.edges.update()
