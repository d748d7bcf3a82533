"""The window's recurrent-network parts, wired in one place: the time scrubber, the
Sequence and Gradient-through-time docks (built the first time they are shown, so start-up
does not pay for them), and the unrolled view in the centre (View ▸ Unrolled over Time).

The step t the scrubber picks goes to the drawing (neuron fills), the Inspector, the
activation lab, the Sequence panel and the unrolled view; the sequence picked in the
Sequence panel goes to the training worker, whose snapshots then carry it step by step.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QSpinBox, QStackedWidget, QTabBar, QWidget

from ..engine import sequences
from ..render.unrolled import MAX_STEPS, window_of
from ..translate import tr
from .throttle import Throttle
from .time_scrubber import TimeScrubber


def is_sequence_document(doc) -> bool:
    data = doc.get("data") or {}
    return bool(sequences.is_sequence_spec(data)) if isinstance(data, dict) else False


class LazyDock:
    """A dock whose panel is built the first time it is shown (the window's lazy docks)."""

    def __init__(self, window, key: str, title: str, area, build, after=None):
        self.dock: QDockWidget = window.add_lazy_dock(key, title, build, area, scroll=False,
                                                      on_built=after)
        self.holder = window.lazy[key]

    @property
    def widget(self) -> QWidget | None:
        return self.holder.panel_if_built()

    def showing(self) -> bool:
        return self.holder.built and self.dock.isVisible()


class RecurrentUI(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.time: int | None = None
        self.scrubber = TimeScrubber(window)
        self.scrubber.timeChanged.connect(self.set_time)
        R, B = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        self.sequence = LazyDock(window, "sequence", tr("Sequence"), R, self._make_sequence_panel,
                                 self._panel_made)
        self.time_gradients = LazyDock(window, "time-gradients", tr("Gradient through time"), B,
                                       self._make_time_gradient_panel, self._panel_made)
        for d in (self.sequence.dock, self.time_gradients.dock):
            window.menu_panels.addAction(d.toggleViewAction())
            d.hide()
        self.throttles = []
        for lazy, ms in ((self.sequence, 66), (self.time_gradients, 125)):
            throttle = Throttle(lambda snap, lazy=lazy: self._update_panel(lazy, snap), ms, self)
            self.throttles.append(throttle)
            window.panel_rates[lazy] = throttle
            window.panel_share.throttles.append(throttle)
        self._make_unrolled_controls()
        window.animator.also_draw.append(self._animate_unrolled)
        window.animator.activeChanged.connect(self._animation_active)
        window.snapshotShown.connect(self.on_snapshot)
        window.themeChanged.connect(self.set_theme)
        window.model.replaced.connect(self._document_replaced)
        window.model.dataChanged.connect(self._data_changed)
        for signal in (window.model.nodesAdded, window.model.nodesRemoved, window.model.edgesChanged,
                       window.model.nodeChanged, window.model.nodesMoved):
            signal.connect(lambda *_: self.refresh_unrolled())
        self._was_sequence = None
        self._plain_sizes = None       # (window size, dock sizes) before the recurrent docks showed
        # after the window has restored its layout: the docks as the open document needs them
        QTimer.singleShot(0, self._data_changed)

    # docks ------------------------------------------------------------------------------------
    def _make_sequence_panel(self):
        from .panels.sequence_panel import SequencePanel
        panel = SequencePanel(self.w.model, self.w.theme_name)
        panel.sequenceChosen.connect(self.w.controller.set_sequence)
        panel.timeClicked.connect(self.scrubber.set_time)
        return panel

    def _make_time_gradient_panel(self):
        from .panels.time_gradient_panel import TimeGradientPanel
        return TimeGradientPanel(self.w.theme_name)

    def _panel_made(self, panel) -> None:
        snap = self.w.controller.latest
        if snap is not None:
            panel.set_snapshot(snap)
        if hasattr(panel, "set_time"):
            panel.set_time(self.time)

    def _update_panel(self, lazy: LazyDock, snap) -> None:
        if lazy.showing():
            lazy.widget.set_snapshot(snap)

    @property
    def sequence_panel(self):
        return self.sequence.widget

    @property
    def time_gradient_panel(self):
        return self.time_gradients.widget

    def show_docks(self, on: bool) -> None:
        """Sequence data: the Sequence panel in front of the (empty) decision surface, the
        gradient through time in front of the gradient flow; other data: both hidden, and
        the other panels back to the sizes they had before (see _note_plain_sizes)."""
        w = self.w
        showing = any(lazy.dock.isVisible() for lazy in (self.sequence, self.time_gradients))
        if on and not showing:
            self._note_plain_sizes()
        for lazy, beside in ((self.sequence, "surface"), (self.time_gradients, "gradients")):
            if on and not w.tabifiedDockWidgets(lazy.dock) and not lazy.dock.isFloating() \
                    and not w.docks[beside].isHidden():
                # tabbed only while shown: a hidden tab in a stack of docks takes its share
                # when the window is resized (the Decision surface then shrinks)
                w.tabifyDockWidget(w.docks[beside], lazy.dock)
            elif not on and w.tabifiedDockWidgets(lazy.dock):
                w.addDockWidget(w.dockWidgetArea(lazy.dock), lazy.dock)   # out of the tabs
            lazy.dock.setVisible(on)
            if on:
                lazy.dock.raise_()
                QTimer.singleShot(0, lazy.dock.raise_)   # a tab bar just made picks it then
        if not on and showing and self._plain_sizes is not None:
            QTimer.singleShot(0, self._restore_plain_sizes)   # once the docks have left

    def _note_plain_sizes(self) -> None:
        """The docks' sizes before the recurrent ones join them. Tabbed in and out again,
        the docks beside them do not come back as they were: the panel the Sequence tab
        hid keeps the tab bar's height (and the time scrubber's), a few dozen pixels its
        neighbour lacks. Leaving sequence data gives the sizes noted here back, as opening
        the feed-forward lesson directly would show them (when the window kept its size
        and its panels: otherwise Qt's own share stands)."""
        w = self.w
        if not w.isVisible():
            self._plain_sizes = None          # not laid out yet: nothing true to note
            return
        self._plain_sizes = (w.size(), {d: self._extent(d) for d in w.dock_sizes.shown_docks()})

    def _extent(self, dock: QDockWidget) -> QSize:
        """The room ``dock`` takes in the layout: with its tab bar when it is tabbed (what
        QMainWindow.resizeDocks sizes)."""
        rect = dock.geometry()
        if self.w.tabifiedDockWidgets(dock):
            for bar in self.w.findChildren(QTabBar):
                g = bar.geometry()
                if (bar.parent() is self.w and bar.isVisible() and g.left() == rect.left()
                        and g.width() == rect.width()
                        and (g.top() == rect.bottom() + 1 or g.bottom() + 1 == rect.top())):
                    rect = rect.united(g)
                    break
        return rect.size()

    def _restore_plain_sizes(self) -> None:
        w = self.w
        noted, self._plain_sizes = self._plain_sizes, None
        if noted is None or any(lazy.dock.isVisible() for lazy in (self.sequence, self.time_gradients)):
            return
        size, docks = noted
        if w.size() != size or set(w.dock_sizes.shown_docks()) != set(docks):
            return
        order = list(docks)
        w.resizeDocks(order, [docks[d].width() for d in order], Qt.Orientation.Horizontal)
        w.resizeDocks(order, [docks[d].height() for d in order], Qt.Orientation.Vertical)

    def _document_replaced(self) -> None:
        self.time = None
        self.scrubber.set_length(0)            # until a snapshot of the new document has a sequence
        self.scrubber.t = None
        self._was_sequence = is_sequence_document(self.w.model.doc)
        self.show_docks(self._was_sequence)

    def _data_changed(self) -> None:
        now = is_sequence_document(self.w.model.doc)
        if now != self._was_sequence:
            self._was_sequence = now
            self.show_docks(now)

    # the unrolled view -------------------------------------------------------------------------
    def _make_unrolled_controls(self) -> None:
        w = self.w
        self.unrolled_view = None           # made when first shown
        # the centre holds the editor or the unrolled view (the stack is made now, with the
        # window, so the docks' layout never shifts when the unrolled view first appears)
        self.stack = QStackedWidget()
        editor = w.takeCentralWidget()
        self.stack.setSizePolicy(editor.sizePolicy())      # the docks keep the room they had
        self.stack.addWidget(editor)
        w.setCentralWidget(self.stack)
        # a new central widget drops the docks' requested sizes: ask for them again
        H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        w.resizeDocks([w.docks["data"], w.docks["surface"]], [300, 420], H)
        w.resizeDocks([w.docks["loss"]], [230], V)
        self.act_unrolled = QAction(tr("&Unrolled over Time"), w)
        self.act_unrolled.setCheckable(True)
        self.act_unrolled.setShortcut(QKeySequence("Ctrl+U"))
        tip = tr("Draw the network copied over the last steps of the sequence, left to right in time: "
                 "a recurrent network is a deep network that shares its weights (Ctrl+U)")
        self.act_unrolled.setStatusTip(tip)
        self.act_unrolled.setToolTip(tip)
        self.act_unrolled.setIconText(tr("Unrolled"))
        self.act_unrolled.toggled.connect(self.show_unrolled)
        w.addAction(self.act_unrolled)
        self.steps = QSpinBox()
        self.steps.setObjectName("unrolled-steps")
        self.steps.setRange(1, MAX_STEPS)
        self.steps.setValue(5)
        self.steps.setSuffix(" " + tr("steps"))
        self.steps.setToolTip(tr("How many steps the unrolled view shows (1 to %1)").replace("%1", str(MAX_STEPS)))
        self.steps.valueChanged.connect(lambda _: self.refresh_unrolled())
        actions = w.menu_view.actions()          # after Zoom to Fit
        i = actions.index(w.act_fit) if w.act_fit in actions else len(actions) - 1
        w.menu_view.insertAction(actions[i + 1] if i + 1 < len(actions) else None, self.act_unrolled)
        tb = self.scrubber.toolbar
        tb.addSeparator()
        tb.addAction(self.act_unrolled)
        tb.addWidget(self.steps)

    def show_unrolled(self, on: bool) -> None:
        """The centre shows the unrolled network (on) or the editor (off)."""
        w = self.w
        if on and w.controller.latest is not None and getattr(w.controller.latest, "sequence", None) is None:
            w.show_message(tr("The unrolled view shows a recurrent network on sequences: open a recurrent "
                              "lesson or choose a sequence task in the Data panel."))
            self.act_unrolled.setChecked(False)
            return
        if on and self.unrolled_view is None:
            from .unrolled_view import UnrolledView
            self.unrolled_view = UnrolledView(w.theme_name)
            self.unrolled_view.unrolled.color_by = w.scene.color_by
            self.unrolled_view.painted.connect(w.controller.gui_idle)
            self.stack.addWidget(self.unrolled_view)
        self.stack.setCurrentWidget(self.unrolled_view if on else w.view)
        if on:
            self.refresh_unrolled()
            self.unrolled_view.fit()

    def unrolled_on(self) -> bool:
        return self.act_unrolled.isChecked() and self.unrolled_view is not None

    def refresh_unrolled(self, snap=None) -> None:
        """Rebuild (when the network or the number of steps changed) and redraw the unrolled
        view for the current step t, unless the step animation is drawing on it."""
        if not self.unrolled_on():
            return
        w = self.w
        snap = snap or w.controller.latest
        seq = getattr(snap, "sequence", None)
        length = seq.length if seq is not None else self.steps.value()
        t = length - 1 if self.time is None else self.time
        first, count = window_of(t, length, self.steps.value())
        scene = self.unrolled_view.unrolled
        before = (scene._signature, scene.first)
        scene.color_by = w.scene.color_by
        scene.build(w.model.doc, first, count, current=t)
        if snap is not None and not w.animator.active:
            scene.apply_snapshot(snap)
        if scene._signature != before[0] and not self.unrolled_view.user_zoomed:
            self.unrolled_view.fit()

    def _animate_unrolled(self, trace, snap, phases, index: int, progress: float) -> None:
        """The step through time drawn on the unrolled view too, when it is shown: the copies
        follow the step being animated."""
        if not self.unrolled_on() or not phases[index].time:
            return
        from ..render.time_frames import draw_unrolled_phase, sequence_length, unrolled_focus, unrolled_window
        length = sequence_length(trace)
        focus = unrolled_focus(phases[index], length)
        first, count = unrolled_window(phases[index], length, self.steps.value())
        scene = self.unrolled_view.unrolled
        scene.build(self.w.model.doc, first, count, current=focus)
        draw_unrolled_phase(scene, trace, snap, phases, index, progress)

    def _animation_active(self, on: bool) -> None:
        if on or self.unrolled_view is None:
            return
        scene = self.unrolled_view.unrolled          # back to the live state: no values, no pulses
        scene.edges.set_pulses({})
        for item in scene.nodes.values():
            item.caption = None
            item.emphasis = 0.0
            item.update()
        self.refresh_unrolled()

    # time -------------------------------------------------------------------------------------
    def on_snapshot(self, snap) -> None:
        seq = getattr(snap, "sequence", None)
        self.scrubber.set_length(seq.length if seq is not None else 0)
        if seq is None and self.act_unrolled.isChecked():
            self.act_unrolled.setChecked(False)        # points, not sequences: back to the editor
        self.refresh_unrolled(snap)

    def set_time(self, t: int) -> None:
        """Show step ``t`` of the chosen sequence everywhere."""
        self.time = t
        w = self.w
        w.scene.time_step = t
        latest = w.controller.latest
        if latest is not None and not w.animator.active:
            w.scene.apply_snapshot(latest)
        inspector = w.lazy["inspector"].panel_if_built()
        if inspector is not None:
            inspector.set_time(t)
        w.lab.set_time(t)
        if self.sequence.widget is not None:
            self.sequence.widget.set_time(t)
        self.refresh_unrolled()

    def set_theme(self, name: str) -> None:
        for lazy in (self.sequence, self.time_gradients):
            if lazy.widget is not None:
                lazy.widget.set_theme(name)
        if self.unrolled_view is not None:
            self.unrolled_view.unrolled.set_theme(name)
            self.refresh_unrolled()
