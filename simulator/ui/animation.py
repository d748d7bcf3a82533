"""The step-by-step animation of one training step on the network drawing.

A recorded step (the engine's StepTrace) becomes a list of phases: the forward pass layer
by layer (values travel along the edges, each neuron shows g and y = f(g)), the loss, the
backward pass layer by layer (the error travels back, each neuron shows its δ, the edges
take their gradient colour) and the update (thicknesses change). Phases play on a timer or
one at a time (Next/Previous phase); the last steps are kept to be scrubbed back.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from ..render.network import NetworkScene
from ..render.step_frames import Phase, draw_phase, phases_for, phases_of  # noqa: F401  (re-exported)

HISTORY = 30
FRAMES_PER_PHASE = 24


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
        self.also_draw: list = []          # (trace, snapshot, phases, index, progress) -> None

    # input ---------------------------------------------------------------------------------
    def add(self, trace, snapshot, autoplay: bool = True) -> None:
        self.history.append((trace, snapshot))
        del self.history[:-HISTORY]
        self.current = len(self.history) - 1
        self.phases = phases_of(trace)
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
        self.phases = phases_of(trace)
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
        self.scene.edges.set_pulses({})
        for item in self.scene.nodes.values():
            item.caption = None
            item.emphasis = 0.0
            item.update()
        self._set_active(False)

    def clear(self) -> None:
        """Leave the animation and forget every recorded step (their network is gone):
        nothing is left to step back into."""
        if not self.active and not self.history:
            return                          # nothing recorded (every edit lands here)
        self.stop()
        self.history.clear()
        self.current = -1
        self.phases = []
        self.phase = -1
        self.visited = []

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

    def shown_snapshot(self):
        """The recorded step's snapshot with the weights and biases the drawing shows: those
        before the step until the update phase, so the Inspector agrees with the canvas."""
        snap = self.snapshot
        if self.phases and 0 <= self.phase < len(self.phases) and self.phases[self.phase].kind == "update":
            return snap
        tr = self.trace
        return replace(snap, weights=tr.weights_before, biases=tr.biases_before)

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
        draw_phase(self.scene, tr, snap, self.phases, self.phase, progress)
        for also in self.also_draw:          # e.g. the unrolled view, when it is shown
            also(tr, snap, self.phases, self.phase, progress)
