"""Train menu and toolbar: Play/Pause, Step (sample | mini-batch | epoch), the phase stepper
of the step animation, speed, Reset, and the epoch counter."""
from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMenu, QSizePolicy, QSlider, QToolBar,
                               QToolButton, QWidget)

from ..document import training_problems
from ..render import engine_text
from ..translate import tr
from . import icons
from .i18n import with_key

# epochs per second on the speed slider; the last notch is "as fast as possible"
SPEEDS = (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, None)


class TrainControls(QObject):
    stepKindChanged = Signal(str)

    def __init__(self, window, controller, animator):
        super().__init__(window)
        self.w = window
        self.controller = controller
        self.animator = animator
        self.step_kind = "sample"
        self.animate = True
        A = window._action
        self.act_play = A(tr("&Play"), self.toggle_play, QKeySequence(Qt.Key.Key_Space),
                          tip=with_key(tr("Train continuously (%1)"), Qt.Key.Key_Space))
        self.act_step = A(tr("&Step"), self.step, QKeySequence("Ctrl+Return"),
                          tip=tr("One training step, animated: forward, loss, backward, update"))
        self.act_next_phase = A(tr("&Next Phase"), self.next_phase, QKeySequence("Ctrl+Right"))
        self.act_prev_phase = A(tr("P&revious Phase"), self.previous_phase, QKeySequence("Ctrl+Left"))
        self.act_reset = A(tr("&Reset"), self.reset, QKeySequence("Ctrl+R"),
                           tip=tr("Back to the initial weights (same seed), epoch 0"))
        self.act_animate = A(tr("&Animate Steps"), self._set_animate, checkable=True)
        self.act_animate.setChecked(True)
        self.kind_actions = {}
        group = QActionGroup(self)
        for kind, text in (("sample", tr("One &Sample")), ("batch", tr("One &Mini-batch")),
                           ("epoch", tr("One &Epoch"))):
            a = A(text, checkable=True)
            a.toggled.connect(lambda on, k=kind: on and self.set_step_kind(k))
            group.addAction(a)
            self.kind_actions[kind] = a
        self.kind_actions["sample"].setChecked(True)
        self.act_random = A(tr("Step on a Random Sample"), lambda: self.step(rows="random"))
        self.act_stop_anim = A(tr("Leave the Animation"), self.leave_animation, QKeySequence(Qt.Key.Key_Escape))
        self.act_stop_anim.setEnabled(False)

        menu = window.menu_train
        menu.addAction(self.act_play)
        menu.addAction(self.act_step)
        kinds = menu.addMenu(tr("Step &Size"))
        for a in self.kind_actions.values():
            kinds.addAction(a)
        menu.addAction(self.act_random)
        menu.addAction(self.act_animate)
        menu.addSeparator()
        menu.addAction(self.act_prev_phase)
        menu.addAction(self.act_next_phase)
        menu.addAction(self.act_stop_anim)
        menu.addSeparator()
        menu.addAction(self.act_reset)

        self.apply_icons()
        tb = QToolBar(tr("Training"), window)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        tb.setObjectName("toolbar-training")
        window.addToolBar(tb)
        self.toolbar = tb
        tb.addAction(self.act_play)
        tb.widgetForAction(self.act_play).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        step_button = QToolButton()
        step_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        step_button.setDefaultAction(self.act_step)
        step_menu = QMenu(step_button)
        for a in self.kind_actions.values():
            step_menu.addAction(a)
        step_menu.addSeparator()
        step_menu.addAction(self.act_random)
        step_menu.addAction(self.act_animate)
        step_button.setMenu(step_menu)
        step_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        tb.addWidget(step_button)
        tb.addAction(self.act_prev_phase)
        tb.addAction(self.act_next_phase)
        tb.addAction(self.act_reset)
        tb.addSeparator()
        speed_box = QWidget()
        speed_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        lay = QHBoxLayout(speed_box)
        lay.setContentsMargins(6, 0, 6, 0)
        self.speed_label_title = QLabel(tr("speed"))
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(len(SPEEDS) - 1)
        self.speed.setFixedWidth(120)
        self.speed.setToolTip(tr("Epochs per second while playing (right end: as fast as possible); "
                                 "also the pace of the step animation"))
        self.speed.valueChanged.connect(self._speed_changed)
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(64)
        lay.addWidget(self.speed_label_title)
        lay.addWidget(self.speed)
        lay.addWidget(self.speed_label)
        tb.addWidget(speed_box)
        tb.addSeparator()
        self.epoch_label = QLabel()
        self.epoch_label.setObjectName("epoch-counter")
        self.epoch_label.setMinimumWidth(110)
        self.epoch_label.setToolTip(tr("Epochs done. Paused inside an epoch (stepping), also how many "
                                       "of the training samples this epoch has used: the charts draw "
                                       "each step at that fraction of an epoch."))
        tb.addWidget(self.epoch_label)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("phase-label")
        tb.addWidget(self.phase_label)

        controller.runningChanged.connect(self._running)
        animator.phaseChanged.connect(self._phase)
        animator.activeChanged.connect(self._animation_active)
        self._speed_changed(self.speed.value())
        self.set_epoch(0)
        self._running(False)

    def apply_icons(self) -> None:
        """Set (again, after a theme change) the icons drawn in the palette's ink."""
        for action, name in ((self.act_play, "play"), (self.act_step, "step"),
                             (self.act_next_phase, "next"), (self.act_prev_phase, "previous"),
                             (self.act_reset, "reset")):
            action.setIcon(icons.icon(name))
        self._running(self.controller.running)

    # state shown --------------------------------------------------------------------------
    def _running(self, on: bool) -> None:
        self.act_play.setIcon(icons.icon("pause" if on else "play"))
        self.act_play.setText(tr("&Pause") if on else tr("&Play"))
        tip = tr("Pause training (%1)") if on else tr("Train continuously (%1)")
        self.act_play.setToolTip(with_key(tip, Qt.Key.Key_Space))    # the key's name in the language

    def set_epoch(self, epoch: int, rate: float = 0.0, within: str = "") -> None:
        """The counter: epochs done and, paused inside an epoch, how much of it is done
        (``within``, see render/epoch_text.py: the charts draw steps at that fraction), on
        a second line: the crowded toolbar does not get wider."""
        text = tr("epoch %1").replace("%1", f"{epoch:04d}")
        if rate > 0 and self.controller.running:
            text += f"  ({rate:.0f}/s)"
        elif within and not self.controller.running:
            text += f"\n{within}"
        self.epoch_label.setText(text)

    def _phase(self, index: int, count: int, text: str) -> None:
        self.phase_label.setText(f"  {index + 1}/{count} · {text}")

    def _animation_active(self, on: bool) -> None:
        self.act_stop_anim.setEnabled(on)
        if not on:
            self.phase_label.setText("")

    # commands -------------------------------------------------------------------------------
    def cannot_train(self) -> bool:
        """True, and the reason in the status bar, when the open drawing cannot be trained
        (Play and Step then do nothing, and say why instead of nothing at all)."""
        doc = self.w.model.doc
        if not doc["network"]["nodes"]:
            text = tr("Nothing to train yet: draw a network first (click the canvas to add neurons)")
        else:
            problems = training_problems(doc)
            if not problems:
                return False
            text = tr("Cannot train yet: %1").replace("%1", engine_text.problem(problems[0]))
        self.w.show_message(text)
        return True

    def toggle_play(self) -> None:
        if not self.controller.running and self.cannot_train():
            return
        if self.animator.active:
            self.leave_animation()
        self.controller.toggle()

    def set_step_kind(self, kind: str) -> None:
        self.step_kind = kind
        self.stepKindChanged.emit(kind)

    def _set_animate(self, on: bool) -> None:
        self.animate = on

    def step(self, rows=None) -> None:
        """One step of the chosen size: animated for a sample or mini-batch."""
        if self.controller.running:
            self.controller.pause()
        elif self.cannot_train():
            return
        if rows == "random":
            self.controller.trace_step("random", None)
            return
        if rows is not None:
            self.controller.trace_step("sample", rows)
            return
        if self.step_kind == "epoch" or not self.animate:
            if self.animator.active:
                self.leave_animation()
            self.controller.step(self.step_kind)
        else:
            self.controller.trace_step(self.step_kind, None)

    def next_phase(self) -> None:
        if not self.animator.active:
            self.step()
            return
        self.animator.pause()
        if not self.animator.next_phase():
            self.step()          # past the update: the next step begins

    def previous_phase(self) -> None:
        if self.animator.active:
            self.animator.pause()
            self.animator.previous_phase()

    def leave_animation(self) -> None:
        self.animator.stop()
        self.controller.request_snapshot()

    def reset(self) -> None:
        self.animator.clear()           # the recorded steps led to weights that are gone
        self.controller.reset()

    def _speed_changed(self, notch: int) -> None:
        value = SPEEDS[notch]
        self.controller.set_speed(value)
        self.speed_label.setText(tr("max") if value is None else
                                 (f"{value:g}/s"))
        # the step animation follows the same slider: faster = fewer frames per phase
        frames = 6 if value is None else int(max(4, min(60, 40 / math.sqrt(max(value, 0.5)))))
        self.animator.set_speed(frames)
