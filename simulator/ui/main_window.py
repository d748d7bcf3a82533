"""The main window: the editor in the centre, dockable panels around it, menus, toolbar,
files, lessons, settings."""
from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QEvent, QSettings, Qt, QTimer,
                            QUrl, Signal)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow,
                               QMessageBox, QScrollArea, QWidget)

from ..document import DocumentError, lessons, load, new_document, save, trained
from ..render import engine_text
from ..render.epoch_text import within_epoch
from ..render.network import NetworkScene
from . import i18n, icons
from . import theme as themes
from .editor import actions
from .editor.view import EditorView
from .export_menu import install_export_menu
from ..runtime.controller import TrainingController
from .animation import StepAnimator
from .model import DocumentModel
from . import autosave
from .autosave import Autosaver
from .dock_sizes import DockSizeKeeper
from .elided_label import ElidedLabel
from .history_scrub import HistoryScrubber
from .lazy_dock import LazyPanel
from .panels.activation_lab import ActivationLab
from .panels.charts import GradientPanel, LossPanel
from .panels.lesson_panel import LessonPanel
from .panels.surface import SurfacePanel
from .recurrent_ui import RecurrentUI
from .throttle import FrameShare, Throttle
from .train_controls import TrainControls

MAX_RECENT = 8
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "index.md"


def file_filter() -> str:
    """The Open and Save dialogs' file types, in the interface's language."""
    return (QCoreApplication.translate("MainWindow", "nnsim networks") + " (*.nnsim.json *.json);;"
            + QCoreApplication.translate("MainWindow", "All files") + " (*)")


def settings() -> QSettings:
    return QSettings()


def standard_keys(standard: QKeySequence.StandardKey, *extra: str) -> list[QKeySequence]:
    """Every key the platform binds to a standard action, then ``extra``, each once: a key
    an action registers twice makes Qt call the shortcut ambiguous and ignore it."""
    out: list[QKeySequence] = []
    for seq in [*QKeySequence.keyBindings(standard), *(QKeySequence(e) for e in extra)]:
        if not seq.isEmpty() and seq not in out:
            out.append(seq)
    return out


class MainWindow(QMainWindow):
    themeChanged = Signal(str)
    snapshotShown = Signal(object)

    def __init__(self, theme: str | None = None, restore: bool = True,
                 controller: TrainingController | None = None, adopt: DocumentModel | None = None):
        """``controller`` and ``adopt``: a window rebuilt in another language takes over the
        training thread and the open document of the one it replaces."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowIcon(icons.app_icon())
        self.model = DocumentModel(self)
        if adopt is not None:
            self.model.adopt(adopt)
        s = settings()
        self.theme_name = theme or s.value("theme", "light")
        self.scene = NetworkScene(self.theme_name, self)
        self.view = EditorView(self.model, self.scene, self)
        self.setCentralWidget(self.view)
        self.docks: dict[str, QDockWidget] = {}
        self.lazy: dict[str, LazyPanel] = {}   # docks whose panel is built when first shown
        self.autosaver = Autosaver(self.model, parent=self, document=lambda: self.document_to_save())
        self._make_docks()
        self.dock_sizes = DockSizeKeeper(self)
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        if controller is None:
            self.controller = TrainingController(self.model, self)
        else:
            self.controller = controller
            controller.setParent(self)
            controller.attach(self.model)
        self.animator = StepAnimator(self.scene, self)
        self.train = TrainControls(self, self.controller, self.animator)
        self.history = HistoryScrubber(self, self.controller, self.train.toolbar, self.train.epoch_label)
        self.act_compare = self._action(self.tr("&Compare Runs"), self.show_compare, QKeySequence("Ctrl+Shift+M"),
                                        tip=self.tr("Train variants side by side: seeds, learning rates, activations"))
        self.menu_train.addSeparator()
        self.menu_train.addAction(self.act_compare)
        self.controller.snapshot.connect(self.on_snapshot)
        self.controller.trace.connect(self.on_trace)
        self.controller.status.connect(self.on_status)
        self.controller.cleared.connect(self.on_cleared)
        # a step's trace belongs to the network it was taken on: a new document, an edit of
        # the network (or its undo) and Reset drop it
        self.model.networkChanged.connect(self.drop_step_trace)
        self.controller.runningChanged.connect(self._running_changed)
        self.animator.activeChanged.connect(self._animation_active)
        self.view.spaceTapped.connect(self.train.act_play.trigger)
        self.view.painted.connect(self.controller.gui_idle)
        self.status = ElidedLabel()
        self.alert = QLabel()
        self.alert.setObjectName("alert")
        self.alert.setStyleSheet("QLabel#alert { color: white; background: #c92a2a; padding: 2px 8px; "
                                 "border-radius: 3px; }")
        self.alert.hide()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.alert)
        self._connect_model()
        self.view.statusMessage.connect(self.show_message)
        self.view.selectionChanged.connect(self.lab.set_selection)
        self.view.selectionChanged.connect(self.surface.set_selection)
        self.surface.probeChanged.connect(self.controller.set_probe_node)
        self.lesson_panel.restartRequested.connect(lambda lid: self.open_lesson(lid))
        self.surface.sampleClicked.connect(lambda row: self.train.step(rows=[row]))
        self.controller.data.connect(self.surface.set_data)
        self.surface.titleChanged.connect(self.docks["surface"].setWindowTitle)
        # the canvas follows every frame; the panels at rates their content needs (charts
        # of whole epochs do not change visibly 60 times a second)
        self.panel_rates = {}
        for panel, ms in ((self.surface, 33), (self.lab, 66), (self.loss_panel, 125),
                          (self.gradient_panel, 125)):
            self.panel_rates[panel] = Throttle(panel.set_snapshot, ms, self)
        # the Inspector is built when first shown (a tab behind the Activation lab)
        self.panel_rates["inspector"] = Throttle(self._inspect, 100, self)
        # at most one of these per frame (see FrameShare)
        self.panel_share = FrameShare([self.panel_rates[p] for p in (
            self.surface, self.lab, self.loss_panel, self.gradient_panel)], self)
        self.snapshotShown.connect(self.panel_share.push)
        # the Inspector's numbers follow the step animation's drawing (weights before the
        # update until the update phase), not only the latest snapshot
        inspect = self.panel_rates["inspector"].push
        self.snapshotShown.connect(lambda snap: inspect(self._inspected(snap)))
        self.animator.phaseChanged.connect(lambda *_: inspect(self.animator.shown_snapshot()))
        for panel in (self.lab, self.surface, self.loss_panel, self.gradient_panel):
            self.themeChanged.connect(panel.set_theme)
        # recurrent networks: time scrubber, Sequence and Gradient-through-time docks, unrolled view
        self.recurrent = RecurrentUI(self)
        self.view.nodeActivated.connect(self._node_activated)
        self.resize(1440, 900)
        self.persist = restore          # screenshots use the defaults and leave settings alone
        if restore:
            self._restore_settings()
        self._load_into_scene()
        self._update_title()
        if controller is None:
            # the first training snapshot after the first frame, and not at all when a
            # document replaces this one first (a file or lesson from the command line)
            replaced = []
            self.model.replaced.connect(lambda: replaced.append(True))
            QTimer.singleShot(0, self, lambda: replaced or self.controller.load_fresh())
        else:
            QTimer.singleShot(0, self.controller.replay)
            if self.model.lesson_id:
                self._apply_lesson_hints()
        install_export_menu(self)

    # construction ------------------------------------------------------------------------------
    def add_dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea,
                 scroll: bool = True) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        if scroll:
            # a scroll area keeps the dock's size independent of its changing content, so
            # selecting a neuron never resizes (and shifts) the canvas
            area_widget = QScrollArea()
            area_widget.setWidgetResizable(True)
            area_widget.setFrameShape(QScrollArea.Shape.NoFrame)
            area_widget.setWidget(widget)
            dock.setWidget(area_widget)
        else:
            dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _make_docks(self) -> None:
        L, R, B = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                   Qt.DockWidgetArea.BottomDockWidgetArea)
        t = self.theme_name
        self.surface = SurfacePanel(self.model, t)
        self.lab = ActivationLab(self.model, t)
        self.loss_panel = LossPanel(t)
        self.gradient_panel = GradientPanel(t)
        self.lesson_panel = LessonPanel(self.model, self._language())
        self.add_dock("lesson", self.tr("Lesson"), self.lesson_panel, L)
        self.add_lazy_dock("data", self.tr("Data"), self._make_data_panel, L)
        self.add_lazy_dock("training", self.tr("Training"), self._make_training_panel, L)
        self.add_dock("surface", self.tr("Decision surface"), self.surface, R, scroll=False)
        self.add_dock("activations", self.tr("Activation lab"), self.lab, R, scroll=False)
        self.add_lazy_dock("inspector", self.tr("Inspector"), self._make_inspector, R,
                           on_built=self._inspector_built)
        self.add_dock("loss", self.tr("Loss and metrics"), self.loss_panel, B, scroll=False)
        self.add_dock("gradients", self.tr("Gradient flow"), self.gradient_panel, B, scroll=False)
        self.splitDockWidget(self.docks["loss"], self.docks["gradients"], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(self.docks["lesson"], self.docks["data"])
        self.tabifyDockWidget(self.docks["data"], self.docks["training"])
        self.docks["lesson"].raise_()
        self.tabifyDockWidget(self.docks["activations"], self.docks["inspector"])
        self.docks["activations"].raise_()
        # the Compare panel: under the charts, the window's whole width; hidden until asked
        # for, and built the first time it shows
        self.compare_panel: ComparePanel | None = None
        compare = self.add_dock("compare", self.tr("Compare"), QWidget(), B, scroll=False)
        self.splitDockWidget(self.docks["loss"], compare, Qt.Orientation.Vertical)
        self.addDockWidget(B, compare, Qt.Orientation.Vertical)   # a row of its own, full width
        compare.hide()
        compare.visibilityChanged.connect(lambda on: on and self._build_compare())
        self._charts_tabbed: QByteArray | None = None      # the layout before the charts were tabbed
        compare.toggleViewAction().toggled.connect(self._compare_closed)
        self.resizeDocks([self.docks["data"], self.docks["surface"]], [300, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["loss"]], [230], Qt.Orientation.Vertical)

    def add_lazy_dock(self, key: str, title: str, factory, area: Qt.DockWidgetArea, scroll: bool = True,
                      on_built=None) -> QDockWidget:
        """A dock whose panel ``factory()`` builds the first time the dock is shown (or the
        panel is asked for: ``self.lazy[key].panel()``); ``on_built(panel)`` then wires it
        and brings it up to date. Until then send it nothing (``panel_if_built()``)."""
        holder = LazyPanel(factory, on_built)
        dock = self.add_dock(key, title, holder, area, scroll)
        holder.attach(dock)
        self.lazy[key] = holder
        return dock

    # the panels built on first use (their modules imported then too)
    @property
    def data_panel(self):
        return self.lazy["data"].panel()

    @property
    def training_panel(self):
        return self.lazy["training"].panel()

    @property
    def inspector(self):
        return self.lazy["inspector"].panel()

    def _make_data_panel(self):
        from .panels.data_panel import DataPanel
        return DataPanel(self.model)

    def _make_training_panel(self):
        from .panels.training_panel import TrainingPanel
        return TrainingPanel(self.model)

    def _make_inspector(self):
        from .panels.inspector import Inspector
        return Inspector(self.model)

    def _inspector_built(self, inspector) -> None:
        self.view.selectionChanged.connect(inspector.set_selection)
        inspector.set_selection(self.view.selected_nodes(), self.view.selected_edges())
        recurrent = getattr(self, "recurrent", None)
        if recurrent is not None and recurrent.time is not None:
            inspector.set_time(recurrent.time)       # the step the time scrubber shows
        latest = getattr(self, "controller", None) and self.controller.latest
        if latest is not None:
            inspector.set_snapshot(self._inspected(latest))

    def _inspect(self, snap) -> None:
        inspector = self.lazy["inspector"].panel_if_built()
        if inspector is not None:
            inspector.set_snapshot(snap)

    def _action(self, text: str, slot=None, shortcut=None, checkable=False, tip=None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            if checkable:
                a.toggled.connect(slot)
            else:
                # triggered(bool) would hand ``checked`` to the slot's first parameter (a
                # slot with defaults, such as ``step(rows=None)``, then gets False): drop it
                a.triggered.connect(lambda _checked=False, slot=slot: slot())
        a.setCheckable(checkable)
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip)
        return a

    def _make_actions(self) -> None:
        A = self._action
        stack = self.model.undo_stack
        self.act_new = A(self.tr("&New"), self.new_document, QKeySequence.StandardKey.New,
                         tip=self.tr("Start an empty network"))
        self.act_open = A(self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.act_save = A(self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        self.act_save_as = A(self.tr("Save &As…"), self.save_as, QKeySequence("Ctrl+Shift+S"))
        self.act_quit = A(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(standard_keys(QKeySequence.StandardKey.Undo))
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        # the platform's Redo keys (Ctrl+Shift+Z under X11, Ctrl+Y under Windows) and both
        # of the usual ones everywhere, as the guide promises
        self.act_redo.setShortcuts(standard_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        self.act_delete = A(self.tr("&Delete"), self.view.delete_selection, QKeySequence.StandardKey.Delete)
        self.act_delete.setShortcuts([QKeySequence.StandardKey.Delete, QKeySequence(Qt.Key.Key_Backspace)])
        self.act_select_all = A(self.tr("Select &All"), self.view.select_all, QKeySequence.StandardKey.SelectAll)
        self.act_duplicate = A(self.tr("D&uplicate"), lambda: actions.duplicate(self.view), QKeySequence("Ctrl+D"))
        self.act_add_layer = A(self.tr("Add &Layer…"), lambda: actions.add_layer_dialog(self.view), QKeySequence("Ctrl+L"))
        self.act_connect = A(self.tr("&Fully Connect Selection"), lambda: actions.fully_connect(self.view),
                             QKeySequence("Ctrl+K"),
                             tip=self.tr("Connect every selected neuron to every selected neuron in the next column"))
        self.act_layout = A(self.tr("Auto-la&yout"), lambda: actions.auto_layout(self.view), QKeySequence("Ctrl+Shift+L"))
        self.act_fit = A(self.tr("&Zoom to Fit"), self.view.zoom_to_fit, QKeySequence("Ctrl+0"))
        self.act_draw = A(self.tr("&Draw"), checkable=True, shortcut=QKeySequence("D"),
                          tip=self.tr("Draw: click to add a neuron, drag between neurons to connect"))
        self.act_select = A(self.tr("&Select / Move"), checkable=True, shortcut=QKeySequence("S"),
                            tip=self.tr("Select and move neurons"))
        group = QActionGroup(self)
        group.addAction(self.act_draw)
        group.addAction(self.act_select)
        self.act_draw.setChecked(True)
        self.act_draw.toggled.connect(lambda on: on and self.view.set_mode(EditorView.DRAW))
        self.kind_tools = {}
        kg = QActionGroup(self)
        for kind, text, key, tip in (
                ("input", self.tr("Input"), "I", self.tr("A click adds an input neuron (a feature of the data)")),
                ("hidden", self.tr("Hidden"), "H", self.tr("A click adds a hidden neuron")),
                ("output", self.tr("Output"), "O", self.tr("A click adds an output neuron"))):
            a = A(text, checkable=True, shortcut=QKeySequence(key), tip=tip)
            # triggered, not toggled: pressing the kind already chosen (H after S) must still
            # return to drawing, and an exclusive group does not toggle a checked action
            a.triggered.connect(lambda _=False, k=kind: self._set_add_kind(k))
            kg.addAction(a)
            self.kind_tools[kind] = a
        self.kind_tools["hidden"].setChecked(True)
        self.act_select.toggled.connect(lambda on: on and self.view.set_mode(EditorView.SELECT))
        self.act_legend = A(self.tr("Show &Legend"), self._toggle_legend, checkable=True)
        self.act_legend.setChecked(True)
        self.act_color_grad = A(self.tr("Colour by &Gradient"), checkable=True)
        self.act_color_weight = A(self.tr("Colour by &Weight"), checkable=True)
        cg = QActionGroup(self)
        cg.addAction(self.act_color_grad)
        cg.addAction(self.act_color_weight)
        self.act_color_grad.setChecked(True)
        self.act_color_grad.toggled.connect(lambda on: on and self.set_color_by("gradient"))
        self.act_color_weight.toggled.connect(lambda on: on and self.set_color_by("weight"))
        self.act_light = A(self.tr("&Light"), checkable=True)
        self.act_dark = A(self.tr("&Dark"), checkable=True)
        tg = QActionGroup(self)
        tg.addAction(self.act_light)
        tg.addAction(self.act_dark)
        (self.act_dark if self.theme_name == "dark" else self.act_light).setChecked(True)
        self.act_light.toggled.connect(lambda on: on and self.set_theme("light"))
        self.act_dark.toggled.connect(lambda on: on and self.set_theme("dark"))
        self.act_shortcuts = A(self.tr("&Keyboard Shortcuts"), self.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self.act_about = A(self.tr("&About nnsim"), self.show_about)
        self.act_guide = A(self.tr("&User Guide"), self.show_guide,
                           tip=self.tr("Open the user guide: the window, every lesson, the file format"))

    def _make_menus(self) -> None:
        mb = self.menuBar()
        self.menu_file = mb.addMenu(self.tr("&File"))
        self.menu_file.addAction(self.act_new)
        self.menu_file.addAction(self.act_open)
        self.menu_lessons_file = self.menu_file.addMenu(self.tr("Open &Lesson"))
        self.menu_recent = self.menu_file.addMenu(self.tr("Open &Recent"))
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_save)
        self.menu_file.addAction(self.act_save_as)
        self.menu_file.addSeparator()
        self.menu_export = self.menu_file.addMenu(self.tr("&Export"))
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)

        self.menu_edit = mb.addMenu(self.tr("&Edit"))
        for a in (self.act_undo, self.act_redo, None, self.act_delete, self.act_select_all,
                  self.act_duplicate, None, self.act_add_layer, self.act_connect, self.act_layout,
                  None, self.act_draw, self.act_select):
            self.menu_edit.addSeparator() if a is None else self.menu_edit.addAction(a)
        adds = self.menu_edit.addMenu(self.tr("A Click &Adds"))
        for a in self.kind_tools.values():
            adds.addAction(a)

        self.menu_view = mb.addMenu(self.tr("&View"))
        self.menu_panels = self.menu_view.addMenu(self.tr("&Panels"))
        for dock in self.docks.values():
            self.menu_panels.addAction(dock.toggleViewAction())
        self.menu_view.addAction(self.act_fit)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_color_grad)
        self.menu_view.addAction(self.act_color_weight)
        self.menu_view.addAction(self.act_legend)
        self.menu_view.addSeparator()
        menu_theme = self.menu_view.addMenu(self.tr("&Theme"))
        menu_theme.addAction(self.act_light)
        menu_theme.addAction(self.act_dark)
        self.menu_language = self.menu_view.addMenu(self.tr("La&nguage"))
        lg = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            a = self.menu_language.addAction(name, lambda c=code: self.set_language(c))
            a.setCheckable(True)
            a.setChecked(code == self._language())
            a.setData(code)
            lg.addAction(a)

        self.menu_train = mb.addMenu(self.tr("&Train"))
        self.menu_lessons = mb.addMenu(self.tr("&Lessons"))
        infos = lessons.all_info()          # read once (every lesson file) for both menus
        self._fill_lessons(self.menu_lessons, infos)
        self._fill_lessons(self.menu_lessons_file, infos)
        self.menu_help = mb.addMenu(self.tr("&Help"))
        self.menu_help.addAction(self.act_guide)
        self.menu_help.addAction(self.act_shortcuts)
        self.menu_help.addAction(self.act_about)

    def _fill_lessons(self, menu, infos=None) -> None:
        menu.clear()
        for info in infos if infos is not None else lessons.all_info():
            title = lessons.localized({"title": info.title, "i18n": info.i18n},
                                      self._language())[0]
            a = menu.addAction(title, lambda i=info.id: self.open_lesson(i))
            a.setData(info.id)
            a.setStatusTip(lessons.localized({"description": info.description, "i18n": info.i18n},
                                             self._language())[1])

    def _language(self) -> str:
        return getattr(QApplication.instance(), "nnsim_language", "en")

    def _apply_icons(self) -> None:
        for action, name in ((self.act_new, "new"), (self.act_open, "open"), (self.act_save, "save"),
                             (self.act_undo, "undo"), (self.act_redo, "redo"), (self.act_draw, "draw"),
                             (self.act_select, "select"), (self.act_fit, "fit"),
                             (self.act_delete, "delete")):
            action.setIcon(icons.icon(name))

    def _make_toolbar(self) -> None:
        self._apply_icons()
        tb = self.addToolBar(self.tr("Main"))
        tb.setObjectName("toolbar-main")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar = tb
        for a in (self.act_new, self.act_open, self.act_save, None, self.act_undo, self.act_redo,
                  None, self.act_draw, *self.kind_tools.values(), self.act_select, self.act_fit):
            tb.addSeparator() if a is None else tb.addAction(a)
        for a in self.kind_tools.values():
            tb.widgetForAction(a).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    def _connect_model(self) -> None:
        m = self.model
        m.modifiedChanged.connect(self.setWindowModified)
        m.pathChanged.connect(self._update_title)
        m.titleChanged.connect(self._update_title)
        m.replaced.connect(self._load_into_scene)
        m.nodesAdded.connect(lambda ids: (self.scene.sync_nodes_added(m.doc, ids), self.view.refresh_item_flags(),
                                          self.scene.sync_edges(m.doc), self.view.legend.place()))
        m.nodesRemoved.connect(lambda ids: self.scene.sync_nodes_removed(ids))
        m.edgesChanged.connect(lambda: (self.scene.sync_edges(m.doc), self.view.legend.place()))
        m.nodeChanged.connect(lambda nid, key: self.scene.sync_node(m.doc, nid))
        m.nodesMoved.connect(lambda ids: [self.scene.sync_node(m.doc, i) for i in ids])
        m.edgeWeightChanged.connect(lambda s, t: self.scene.sync_edges(m.doc))

    def _load_into_scene(self) -> None:
        self.scene.load(self.model.doc)
        self.view.refresh_item_flags()
        self.view.legend.place()
        if self.lazy["inspector"].built:
            self.inspector.set_selection([], [])
        self.view.zoom_to_fit()              # now: the first paint is at the right scale
        QTimer.singleShot(0, self.view.zoom_to_fit)   # and again once the layout has settled
        self._update_title()

    # title, status -----------------------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.model.display_title()}[*] — nnsim")
        self.setWindowModified(self.model.is_modified())

    def show_message(self, text: str, timeout: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout)

    def set_status_text(self, text: str) -> None:
        self.status.setText(text)

    # files ---------------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved edits; False means the user cancelled."""
        if not self.model.is_modified():
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                          self.tr("“%1” has changes that are not saved.").replace("%1", self.model.display_title()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Save them before continuing?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_document(self) -> None:
        if self.maybe_save():
            self.model.replace(new_document(self.tr("Untitled network")))

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.model.path.parent) if self.model.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open network"), start, file_filter())
        if path:
            self.open_file(path, ask=False)

    def open_file(self, path: str | Path, ask: bool = True) -> bool:
        """Open a document; a bad file shows why and leaves the open document as it was."""
        if ask and not self.maybe_save():
            return False
        try:
            doc = load(path)
        except DocumentError as exc:
            self.error_dialog(self.tr("Cannot open %1").replace("%1", Path(path).name), exc)
            return False
        self.model.replace(doc, path=Path(path))
        self._add_recent(Path(path))
        self.show_message(self.tr("Opened %1").replace("%1", str(path)))
        return True

    def open_lesson(self, lesson_id: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            doc = lessons.load_lesson(lesson_id)
        except (DocumentError, KeyError) as exc:
            self.error_dialog(self.tr("Cannot open the lesson"), exc)
            return False
        self.model.replace(doc, lesson_id=lesson_id)
        self._apply_lesson_hints()
        return True

    def _apply_lesson_hints(self) -> None:
        """A lesson opens ready to press Play or Step: its panel in front, its neuron
        selected, its step size chosen, the lesson's note in the status bar."""
        lesson = self.model.doc.get("lesson") or {}
        title, description = lessons.localized(self.model.doc, self._language())
        first = description.split(". ")[0].rstrip(".") if description else ""
        self.set_status_text(f"{title} — {first}" if first else title)
        self.docks["lesson"].raise_()
        panel = lesson.get("panel")
        if panel == "compare":
            self.show_compare()
        elif panel in self.docks:
            self.docks[panel].show()
            self.docks[panel].raise_()
        if lesson.get("lab") == "all":
            from ..engine import activations as acts
            self.lab.check_only(acts.HIDDEN)
        step = lesson.get("step")
        if step in self.train.kind_actions:
            self.train.kind_actions[step].setChecked(True)
        node = lesson.get("select")
        if node in self.scene.nodes:
            QTimer.singleShot(0, lambda: node in self.scene.nodes and self.scene.nodes[node].setSelected(True))

    def open_document(self, doc: dict, source: str | None = None) -> None:
        """Show a document already loaded (from the command line)."""
        if source and source in lessons.ids() and not Path(source).exists():
            self.model.replace(doc, lesson_id=source)
            self._apply_lesson_hints()
        else:
            self.model.replace(doc, path=Path(source) if source else None)
            if source:
                self._add_recent(Path(source))

    def save(self) -> bool:
        if self.model.path is None:
            return self.save_as()
        return self._save_to(self.model.path)

    def save_as(self) -> bool:
        start = self.model.path or Path.home() / (self._suggest_name() + ".nnsim.json")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save network"), str(start), file_filter())
        if not path:
            return False
        if not path.endswith(".json"):
            path += ".nnsim.json"
        return self._save_to(Path(path))

    def _suggest_name(self) -> str:
        base = self.model.lesson_id or self.model.doc.get("title", "network")
        return "".join(c if c.isalnum() or c in "-_" else "-" for c in base).strip("-").lower() or "network"

    def document_to_save(self) -> dict:
        """The document with the network as trained (the latest snapshot's weights, biases,
        slopes and epoch; see document/trained.py), or as drawn when nothing was trained.
        An earlier epoch shown by the history slider is not saved: the run as it is now is."""
        state = trained.from_snapshot(self.controller.present)
        return self.model.doc if state is None else trained.attach(self.model.doc, state)

    def _save_to(self, path: Path) -> bool:
        try:
            save(self.document_to_save(), path)
        except (OSError, DocumentError) as exc:
            self.error_dialog(self.tr("Cannot save %1").replace("%1", path.name), exc)
            return False
        self.model.set_path(path)
        self.model.mark_saved()
        self.setWindowModified(False)
        self._add_recent(path)
        self.show_message(self.tr("Saved %1").replace("%1", str(path)))
        return True

    def offer_recovery(self) -> bool:
        """After a crash: offer the autosaved document of the session that died.
        NNSIM_RECOVER=yes|no answers without asking (scripts, tests)."""
        found = autosave.recoverable()
        if not found:
            return False
        meta = found[0]
        answer = os.environ.get("NNSIM_RECOVER", "").lower()
        if answer not in ("yes", "no"):
            when = time.strftime("%H:%M", time.localtime(meta.get("saved_at", 0)))
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Recover unsaved work"),
                              self.tr("nnsim did not close properly. Recover “%1”, autosaved at %2?")
                              .replace("%1", str(meta.get("title", ""))).replace("%2", when),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Recover"))
            box.button(QMessageBox.StandardButton.No).setText(self.tr("Discard"))
            answer = "yes" if box.exec() == QMessageBox.StandardButton.Yes else "no"
        recovered = False
        if answer == "yes":
            try:
                doc = autosave.load_recovered(meta)
            except DocumentError as exc:
                self.error_dialog(self.tr("Cannot recover the autosaved work"), exc)
            else:
                path = Path(meta["path"]) if meta.get("path") else None
                self.model.replace(doc, path=path, lesson_id=meta.get("lesson") if not path else None)
                self.model.unsaved_outside_undo = True
                self._update_title()
                self.show_message(self.tr("Recovered the autosaved work: save it to keep it."), 0)
                recovered = True
        for m in found:
            autosave.forget(m)
        return recovered

    def error_dialog(self, title: str, exc: Exception) -> None:
        text = str(exc) if not isinstance(exc, OSError) or not exc.strerror else f"{exc.strerror}: {exc.filename}"
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self)
        if isinstance(exc, DocumentError) and len(exc.errors) > 1:
            box.setDetailedText("\n".join(exc.errors))
        box.setObjectName("error-dialog")
        box.exec()

    # recent files -----------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = settings().value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if v]

    def _add_recent(self, path: Path) -> None:
        p = str(Path(path).resolve())
        items = [p] + [r for r in self.recent_files() if r != p]
        settings().setValue("recent", items[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        items = self.recent_files()
        for p in items:
            self.menu_recent.addAction(Path(p).name, lambda p=p: self.open_file(p)).setStatusTip(p)
        if not items:
            self.menu_recent.addAction(self.tr("(none yet)")).setEnabled(False)
        else:
            self.menu_recent.addSeparator()
            self.menu_recent.addAction(self.tr("Clear the list"), lambda: settings().setValue("recent", []))

    # view ---------------------------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme_name = name
        themes.apply(QApplication.instance(), name)
        self.scene.set_theme(name)
        self.view.legend.refresh(force=True)
        self._apply_icons()                     # icons are drawn in the palette's ink
        self.train.apply_icons()
        settings().setValue("theme", name)
        self.themeChanged.emit(name)

    def set_language(self, code: str) -> "MainWindow":
        """Switch the interface language: the window is rebuilt in the new language and
        takes over the document (with its unsaved state) and the training as they are."""
        if code == self._language():
            return self
        settings().setValue("language", code)
        return switch_language(self, code)

    def set_color_by(self, what: str) -> None:
        self.scene.color_by = what
        if self.scene._snapshot is not None:
            self.scene.apply_snapshot(self.scene._snapshot)
        self.view.legend.refresh(force=True)

    def _set_add_kind(self, kind: str) -> None:
        self.view.add_kind = kind
        self.act_draw.setChecked(True)

    def _toggle_legend(self, on: bool) -> None:
        self.view.show_legend = on
        self.view.legend.place()

    def _node_activated(self, node_id: str) -> None:
        """Double-click on a neuron: select it (panels show its own surface / curve)."""
        self.scene.clearSelection()
        if node_id in self.scene.nodes:
            self.scene.nodes[node_id].setSelected(True)

    # help -----------------------------------------------------------------------------------------------
    SHORTCUTS = (
        (QT_TRANSLATE_NOOP("MainWindow", "Click on the canvas"), QT_TRANSLATE_NOOP("MainWindow", "add a neuron of the chosen kind (draw mode; I, H, O choose)")),
        (QT_TRANSLATE_NOOP("MainWindow", "Drag from a neuron to another"), QT_TRANSLATE_NOOP("MainWindow", "connect them")),
        ("D / S", QT_TRANSLATE_NOOP("MainWindow", "draw mode / select-and-move mode")),
        (QT_TRANSLATE_NOOP("MainWindow", "Drag on empty canvas"), QT_TRANSLATE_NOOP("MainWindow", "select with a rubber band")),
        ("Del, Backspace", QT_TRANSLATE_NOOP("MainWindow", "delete the selection")),
        ("Ctrl+D", QT_TRANSLATE_NOOP("MainWindow", "duplicate the selection")),
        ("Ctrl+L", QT_TRANSLATE_NOOP("MainWindow", "add a hidden layer")),
        ("Ctrl+K", QT_TRANSLATE_NOOP("MainWindow", "fully connect the selected columns")),
        ("Ctrl+Shift+L", QT_TRANSLATE_NOOP("MainWindow", "auto-layout in columns")),
        (QT_TRANSLATE_NOOP("MainWindow", "Wheel"), QT_TRANSLATE_NOOP("MainWindow", "zoom under the mouse")),
        (QT_TRANSLATE_NOOP("MainWindow", "Middle-drag, Space+drag"), QT_TRANSLATE_NOOP("MainWindow", "pan")),
        ("Ctrl+0", QT_TRANSLATE_NOOP("MainWindow", "zoom to fit")),
    )
    # rows whose keys are read from the actions (they differ between platforms)
    ACTION_ROWS = (
        (("train.act_play",), QT_TRANSLATE_NOOP("MainWindow", "play / pause training")),
        (("act_undo", "act_redo"), QT_TRANSLATE_NOOP("MainWindow", "undo, redo")),
        (("act_new", "act_open", "act_save"), QT_TRANSLATE_NOOP("MainWindow", "new, open, save")),
    )

    @staticmethod
    def _keys_text(action: QAction) -> str:
        """The keys a person types for ``action``: its first one and any other with Ctrl
        (not the media keys some platforms add, such as F14 or Undo)."""
        seqs = action.shortcuts()
        keys = [q for k, q in enumerate(seqs) if k == 0 or "Ctrl" in q.toString()]
        return ", ".join(q.toString(QKeySequence.SequenceFormat.NativeText) for q in keys)

    def show_shortcuts(self) -> None:
        t = lambda s: QCoreApplication.translate("MainWindow", s)  # noqa: E731
        table = [(t(k), t(v)) for k, v in self.SHORTCUTS]
        action = lambda name: self.train.act_play if name == "train.act_play" else getattr(self, name)  # noqa: E731
        table += [(", ".join(self._keys_text(action(name)) for name in names), t(v))
                  for names, v in self.ACTION_ROWS]
        table += [(self._keys_text(a), a.text().replace("&", ""))      # the rest of the Train menu
                  for a in self.menu_train.actions()
                  if not a.shortcut().isEmpty() and a is not self.train.act_play]
        rows = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in table)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def show_guide(self) -> bool:
        """Open the user guide (docs/index.md beside the program) in the desktop's viewer."""
        if not GUIDE.exists():
            QMessageBox.information(self, self.tr("User guide"), self.tr(
                "The user guide is the docs folder of nnsim's source (docs/index.md)."))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(GUIDE)))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About nnsim"), self.tr(
            "<b>nnsim</b> — a visual simulator of artificial neural networks for teaching.<br><br>"
            "Draw a network, train it step by step, and watch the forward and backward passes: "
            "edge thickness is the weight, edge colour the gradient."))

    # settings ---------------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = settings()
        geometry = s.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("windowState")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_settings(self) -> None:
        s = settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("windowState", self.saveState())

    def event(self, event: QEvent) -> bool:
        # Qt paints every dirty widget of the window in one batch on UpdateRequest: the
        # training thread steps aside for it (see TrainingController.painting)
        controller = getattr(self, "controller", None)
        if event.type() == QEvent.Type.UpdateRequest:
            compare = getattr(self, "compare_panel", None)
            if compare is not None and compare.controller is not None:
                # the comparison's worker waits for this paint, then makes the next snapshot
                try:
                    return self._paint_batch(event, controller)
                finally:
                    compare.controller.drawn()
            return self._paint_batch(event, controller)
        return super().event(event)

    def _paint_batch(self, event: QEvent, controller) -> bool:
        if controller is not None and controller.running:
            controller.painting(True)
            try:
                return super().event(event)
            finally:
                controller.painting(False)
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "retired", False):
            event.accept()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self.autosaver.stop()
        self.autosaver.discard()           # saved or discarded on purpose: nothing to recover
        if self.persist:
            self.save_settings()
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop the training threads (closing the window, the end of a screenshot)."""
        self.animator.pause()
        self.controller.shutdown()
        if self.compare_panel is not None:
            self.compare_panel.shutdown()

    # comparing runs -------------------------------------------------------------------------------
    def _build_compare(self) -> ComparePanel:
        """The Compare panel, made the first time its dock shows (start-up does not pay for it)."""
        if self.compare_panel is None:
            from .panels.compare_panel import ComparePanel      # imported on first use
            panel = ComparePanel(self.model, self.theme_name, self._language())
            panel.openRequested.connect(self.open_variant)
            self.themeChanged.connect(panel.set_theme)
            self.compare_panel = panel
            self.docks["compare"].setWidget(panel)
        return self.compare_panel

    def show_compare(self) -> ComparePanel:
        """Show the Compare panel, tall enough for its small multiples."""
        dock = self.docks["compare"]
        if not self.isVisible():
            # docks tabbed before the window first shows do not switch tabs when raised
            # (Qt keeps a stale tab bar): do it once the window is on screen
            self._compare_pending = True
            return self._build_compare()
        # the single run's charts and the comparison share the bottom as tabs (the panel
        # has its own loss chart; the Gradient flow of a variant opened from it is a click
        # away), so the small multiples get the whole width; side by side again on closing.
        # Tabbed before it shows: a row of its own first would make the window grow.
        loss, gradients = self.docks["loss"], self.docks["gradients"]
        if (self._charts_tabbed is None and dock.isHidden()
                and self.dockWidgetArea(loss) == self.dockWidgetArea(dock) == self.dockWidgetArea(gradients)):
            self._charts_tabbed = self.saveState()
            self.tabifyDockWidget(loss, gradients)
            self.tabifyDockWidget(gradients, dock)
        dock.show()
        panel = self._build_compare()
        dock.raise_()
        # tall enough for two rows of small multiples, once laid out (a dock just shown
        # has no place in the layout yet)
        QTimer.singleShot(0, self._size_compare)
        return panel

    def _size_compare(self) -> None:
        # 42 % of the window, less if the panels on the right would not fit above it any
        # more (asking for more would make the window itself grow)
        right = sum(self.docks[k].minimumSizeHint().height() for k in ("surface", "activations"))
        chrome = self.menuBar().height() + self.toolbar.height() + self.statusBar().height() + 60
        height = min(int(self.height() * 0.42), self.height() - right - chrome)
        self.resizeDocks([self.docks["compare"]], [max(160, height)], Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:      # noqa: N802 (Qt's name)
        super().showEvent(event)
        if getattr(self, "_compare_pending", False):
            self._compare_pending = False
            QTimer.singleShot(0, self.show_compare)

    def _compare_closed(self, open_: bool) -> None:
        if not open_ and self._charts_tabbed is not None:
            # the layout from before (Qt cannot split docks out of a tab group again)
            state, self._charts_tabbed = self._charts_tabbed, None
            QTimer.singleShot(0, lambda: self.docks["compare"].isHidden() and self.restoreState(state))

    def open_variant(self, view) -> None:
        """Make a variant of the comparison the current network: its settings as undoable
        edits of the open document (or its drawing, when it is another one), then trained
        afresh to the epoch it reached, so the window shows exactly that run."""
        from ..document import mitigations
        from . import commands
        current = self.model.doc
        target = dict(view.variant.doc)
        for key in ("compare", "lesson", "title", "description", "i18n"):   # stay in the lesson
            if key in current:
                target[key] = current[key]
        same_drawing = ([n["id"] for n in current["network"]["nodes"]] == [n["id"] for n in target["network"]["nodes"]]
                        and self.model.edge_pairs() == [(e["source"], e["target"]) for e in target["network"]["edges"]])
        label = self.compare_panel.labels(self.compare_panel.snapshot)[view.index] if self.compare_panel else view.label
        panel = self.compare_panel
        if same_drawing:
            node_changes, training_changes = mitigations.differences(current, target)
            stack = self.model.undo_stack
            stack.beginMacro(self.tr("Open the variant %1").replace("%1", label))
            for nid, key, value in node_changes:
                stack.push(commands.SetNodeProperty(self.model, nid, key, value))
            for key, value in training_changes:
                stack.push(commands.SetTraining(self.model, key, value))
            if current.get("data") != target.get("data"):
                stack.push(commands.SetData(self.model, target.get("data") or {}))
            stack.endMacro()
        else:
            if not self.maybe_save():
                return
            if panel is not None:
                panel.opening = True
            try:
                self.model.replace(target, lesson_id=self.model.lesson_id)
            finally:
                if panel is not None:
                    panel.opening = False
            self.model.unsaved_outside_undo = self.model.lesson_id is None
        epochs = view.epoch + (1 if view.diverged is not None else 0)    # diverged: show it diverge
        self.controller.retrain(epochs)
        self.show_message(self.tr("Opened the variant %1: trained %2 epochs, as in the comparison")
                          .replace("%1", label).replace("%2", str(epochs)))

    # training -------------------------------------------------------------------------------------------
    def flush_panels(self) -> None:
        """Bring every panel up to the latest snapshot now (before a screenshot)."""
        for throttle in self.panel_rates.values():
            throttle.fire_now()

    def on_snapshot(self, snap) -> None:
        """The latest snapshot, at most once per frame: redraw what depends on training."""
        self.model.note_progress(snap.revision, snap.epoch, snap.step)
        if not self.animator.active:
            self.scene.apply_snapshot(snap)
            self._mark_health(snap)
        self._show_divergence(snap)
        self._lesson_done_follows(snap)
        self.history.show_snapshot(snap)
        self.train.set_epoch(snap.epoch, snap.epochs_per_second, within_epoch(snap))
        self.view.legend.refresh()
        self.view.refresh_hover()
        self.snapshotShown.emit(snap)

    def on_trace(self, payload) -> None:
        trace, snap = payload
        if snap.node_ids != tuple(self.model.node_ids()) or set(snap.edges) != set(self.model.edge_pairs()):
            return                      # taken on the network as it was before an edit
        self.model.note_progress(snap.revision, snap.epoch, snap.step)
        self.history.show_snapshot(snap)
        self.train.set_epoch(snap.epoch, within=within_epoch(snap))
        self.animator.add(trace, snap, autoplay=True)
        self.snapshotShown.emit(snap)

    def drop_step_trace(self) -> None:
        """Forget the step animation's recorded steps: they show a network that is gone."""
        self.animator.clear()

    def on_cleared(self) -> None:
        """No network to train (an empty canvas, an output deleted…): nothing of the last
        run stays on screen."""
        self.drop_step_trace()
        for throttle in self.panel_rates.values():
            throttle.cancel()
        for panel in (self.surface, self.loss_panel, self.gradient_panel):
            panel.clear()
        self.lab.set_snapshot(None)
        self._inspect(None)
        self.train.set_epoch(0)
        self.history.clear()
        self.view.legend.refresh()

    def _animation_active(self, on: bool) -> None:
        if not on and self.controller.latest is not None:
            self.scene.apply_snapshot(self.controller.latest)
            self.panel_rates["inspector"].push(self.controller.latest)

    def _inspected(self, snap):
        """What the Inspector shows for SNAP: the animation's values while it plays that step."""
        a = self.animator
        return a.shown_snapshot() if a.active and a.history and snap is a.snapshot else snap

    def _mark_health(self, snap) -> None:
        """Flag the layer where training diverged; dash dead ReLUs."""
        bad_layer = snap.diverged.layer if snap.diverged is not None else -1
        flagged = snap.node_layer == bad_layer
        for j, nid in enumerate(snap.node_ids):
            item = self.scene.nodes.get(nid)
            if item is None:
                continue
            f, d = bool(flagged[j]), bool(snap.dead_nodes[j])
            if item.flagged != f or item.dead != d:
                item.flagged, item.dead = f, d
                item.update()

    def on_status(self, kind: str, message: str) -> None:
        """The worker's news. Divergence is shown from the snapshot that carries it (so the
        message can be translated from its parts); errors are shown here."""
        if kind == "error":
            if not self.model.doc["network"]["nodes"]:
                self._clear_alert()        # an empty canvas is a start, not an error
                return
            self._alert(self.tr("Cannot train yet: %1").replace("%1", engine_text.problem(message)),
                        "error", "#b35c00")
        elif kind == "info":
            self._clear_alert()
        elif kind == "notice":
            self.show_message(message)
        elif kind == "lesson_done":
            text = self.tr("The lesson's %1 epochs are done: press Play to go on").replace("%1", message)
            if self.alert.isVisible() and self.alert.property("kind") in ("diverged", "warning"):
                self.show_message(text, 0)          # the warning keeps its place
            else:
                self._alert(text, "lesson_done", "#2b7a3d")
                # a snapshot of an earlier epoch may be on screen already (the slider moved
                # while the last one was on its way)
                latest = self.controller.latest
                if latest is not None:
                    self._lesson_done_follows(latest)

    def _lesson_done_follows(self, snap) -> None:
        """The green "lesson done" badge speaks of the present: hidden while the history
        slider shows an earlier epoch (its blue note says so), back when the slider returns
        to the present, where the run still waits for Play. Play ends it for good."""
        if self.alert.property("kind") == "lesson_done":
            self.alert.setVisible(snap.present_epoch is None)

    def _running_changed(self, on: bool) -> None:
        if on and self.alert.property("kind") == "lesson_done":
            self._clear_alert()
        if on:
            self.statusBar().clearMessage()

    def _alert(self, text: str, kind: str, colour: str = "#c92a2a") -> None:
        self.alert.setStyleSheet(f"QLabel#alert {{ color: white; background: {colour}; padding: 2px 8px; "
                                 "border-radius: 3px; }")
        self.alert.setText(text)
        self.alert.setToolTip(text)             # the whole message, if a narrow window cuts it
        self.alert.setProperty("kind", kind)
        self.alert.show()

    def _clear_alert(self) -> None:
        """No alert: hidden, and nothing left to bring back (see _lesson_done_follows)."""
        self.alert.hide()
        self.alert.setProperty("kind", None)

    def _show_divergence(self, snap) -> None:
        if snap.diverged is not None:
            text = engine_text.divergence(snap.diverged)
            if self.alert.text() != "⚠ " + text:
                self._alert("⚠ " + text, "diverged")
        elif snap.warning is not None:
            text = "⚠ " + engine_text.warning(snap.warning)
            if self.alert.text() != text:
                self._alert(text, "warning", "#b35c00")
        elif self.alert.property("kind") in ("diverged", "warning") and self.alert.isVisible():
            self._clear_alert()


def switch_language(window: MainWindow, code: str) -> MainWindow:
    """Rebuild ``window`` in language ``code``; returns the new window (shown)."""
    app = QApplication.instance()
    i18n.install(app, code)
    geometry, state = window.saveGeometry(), window.saveState()
    controller = window.controller
    controller.detach()
    controller.setParent(None)
    new = MainWindow(theme=window.theme_name, restore=False, controller=controller, adopt=window.model)
    new.persist = window.persist
    new.restoreGeometry(geometry)
    new.restoreState(state)
    if window.compare_panel is not None:    # its comparison stays behind with it
        window.compare_panel.shutdown()
    window.retired = True           # closing it must neither ask nor stop the thread
    window.autosaver.stop()
    window.autosaver.discard()
    new.autosaver.save_if_modified()
    window.close()
    window.deleteLater()
    new.show()
    app.nnsim_window = new
    return new
