"""File ▸ Export: a figure of any view (SVG, PDF, PNG) with a preview, an animation (GIF,
MP4) with a progress bar, and the figure copied to the clipboard (Ctrl+Shift+C).

Everything renders the window's current state — the document, the latest snapshot, the
data, the panels' choices — through simulator.export, the renderer the command line uses;
nothing here retrains the window's network."""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QMimeData, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QProgressBar, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from .. import export
from ..document import lessons
from ..export import state as export_state
from ..translate import tr

SETTINGS = "export"
FIGURE_FORMATS = ("svg", "pdf", "png")
ANIMATION_FORMATS = ("gif", "mp4")
CLIPBOARD_DPI = 192            # twice a screen's: sharp when pasted into slides
PREVIEW = QSize(520, 330)


def view_names() -> dict[str, str]:
    return {"network": tr("Network"), "surface": tr("Decision surface"),
            "activations": tr("Activation functions"), "loss": tr("Loss"),
            "gradients": tr("Gradient flow"), "slide": tr("Slide (16:9): network, surface, loss"),
            "compare": tr("Comparison (the Compare panel's variants)"),
            "unrolled": tr("Unrolled over time (recurrent)"), "sequence": tr("Sequence over time (recurrent)"),
            "time-gradients": tr("Gradient through time (recurrent)")}


def format_names() -> dict[str, str]:
    return {"svg": tr("SVG — vector (web, PowerPoint, Inkscape)"),
            "pdf": tr("PDF — vector (LaTeX Beamer, print)"),
            "png": tr("PNG — image"), "gif": tr("GIF — animated image"),
            "mp4": tr("MP4 — video")}


# the window's state -------------------------------------------------------------------------------
def _language() -> str:
    return getattr(QApplication.instance(), "nnsim_language", "en")


def base_dir(window) -> Path | None:
    """Where the document's relative paths (a CSV) start."""
    model = window.model
    if model.path is not None:
        return Path(model.path).parent
    if model.lesson_id:
        return lessons.LESSONS_DIR
    return None


def _activation_choice(window, snap) -> export.ActivationChoice:
    """The activation lab as the window shows it: its functions, the selected neuron's
    activation highlighted with that neuron's current values of g."""
    lab = getattr(window, "lab", None)
    plot = getattr(lab, "plot", None)
    if plot is None:
        return export.activation_choice(window.model.doc)
    highlight = plot.highlight
    g = None
    selected = getattr(lab, "selected", None)
    if highlight and snap is not None and selected in snap.node_ids:
        j = snap.node_ids.index(selected)
        g = snap.train_pre[:, j] if snap.train_pre is not None else snap.pre[:, j]
    alpha = None
    if highlight == "prelu" and selected and window.model.has_node(selected):
        alpha = window.model.node(selected).get("alpha")
    names = tuple(plot.names) or export_state.DEFAULT_ACTIVATIONS
    return export.ActivationChoice(names=names, highlight=highlight,
                                   g_values=None if g is None else np.asarray(g), alpha=alpha,
                                   show_derivative=plot.show_derivative)


def window_state(window) -> export.ExportState:
    """The window's current state, read-only: a copy of the document, the latest snapshot
    (immutable), the data set and the panels' display choices."""
    doc = copy.deepcopy(window.model.doc)
    snap = window.controller.latest
    surface = getattr(window, "surface", None)
    loss_panel = getattr(window, "loss_panel", None)
    compare = getattr(window, "compare_panel", None)      # None until the panel was shown
    title = lessons.localized(doc, _language())[0] or window.model.display_title()
    recurrent = getattr(window, "recurrent", None)
    return export.ExportState(
        doc=doc, snapshot=snap, data=getattr(surface, "data", None), title=title,
        activations=_activation_choice(window, snap),
        loss_log_scale=bool(loss_panel is not None and loss_panel.log.isChecked()),
        discrete_surface=bool(surface is not None and surface.discrete.isChecked()),
        show_test=bool(surface is None or surface.show_test.isChecked()),
        comparison=None if compare is None else compare.snapshot,
        compare_log_scale=bool(compare is not None and compare.log.isChecked()),
        time_step=None if recurrent is None else recurrent.time,
        unrolled_steps=5 if recurrent is None else recurrent.steps.value())


def _suggest_path(window, view: str, fmt: str) -> str:
    s = QSettings()
    folder = s.value(f"{SETTINGS}/folder", "") or (str(Path(window.model.path).parent) if window.model.path
                                                   else str(Path.home()))
    if window.model.lesson_id:
        base = window.model.lesson_id
    elif window.model.path:
        base = Path(window.model.path).name.split(".")[0]
    else:
        base = "network"
    return str(Path(folder) / f"{base}-{view}.{fmt}")


def _with_suffix(path: str, fmt: str) -> str:
    return path if Path(path).suffix.lower() == f".{fmt}" else f"{path}.{fmt}"


# shared controls ----------------------------------------------------------------------------------
class FigureControls(QWidget):
    """View, format, size (inches or pixels), DPI, theme, transparency, legend, file."""

    def __init__(self, formats: tuple[str, ...], default_dpi: float, parent=None):
        super().__init__(parent)
        s = QSettings()
        self.view = QComboBox()
        for key, name in view_names().items():
            self.view.addItem(name, key)
        self.format = QComboBox()
        names = format_names()
        for key in formats:
            self.format.addItem(names[key], key)
        self.width_box = QDoubleSpinBox()
        self.height_box = QDoubleSpinBox()
        for box in (self.width_box, self.height_box):
            box.setDecimals(2)
            box.setRange(0.01, 100000)
            box.setKeyboardTracking(False)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("inches"), "in")
        self.unit.addItem(self.tr("pixels"), "px")
        self.dpi = QSpinBox()
        self.dpi.setRange(10, 2400)
        self.dpi.setValue(int(s.value(f"{SETTINGS}/dpi-{formats[0]}", default_dpi)))
        self.dpi.setSuffix(" " + self.tr("dpi"))
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Light (print)"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.transparent = QCheckBox(self.tr("Transparent background"))
        self.legend = QCheckBox(self.tr("Legend of the network"))
        self.legend.setChecked(True)
        self.color_by = "gradient"          # the edges' colour, as the window shows them
        self.path = QLineEdit()
        self.browse = QPushButton(self.tr("Browse…"))
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_box)
        size_row.addWidget(self.unit)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("View"), self.view)
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("Size"), size_row)
        self.form.addRow(self.tr("Resolution"), self.dpi)
        self.form.addRow(self.tr("Theme"), self.theme)
        self.form.addRow("", self.transparent)
        self.form.addRow("", self.legend)
        self.form.addRow(self.tr("File"), file_row)
        self._restore(s)
        self._set_default_size()
        self._unit = self.unit.currentData()
        self.view.currentIndexChanged.connect(self._set_default_size)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        # the format is remembered as soon as it is chosen, exported or not
        self.format.currentIndexChanged.connect(lambda: QSettings().setValue(
            f"{SETTINGS}/format-{self.format.itemData(0)}", self.format.currentData()))

    def follow_choices(self, window) -> None:
        """Suggest a file name from the view and format; once the user picks a file, only
        its extension follows the format."""
        self._suggested = _suggest_path(window, self.view.currentData(), self.format.currentData())
        self.path.setText(self._suggested)

        def retarget(*args):
            fmt = self.format.currentData()
            if self.path.text() == self._suggested:
                self._suggested = _suggest_path(window, self.view.currentData(), fmt)
                self.path.setText(self._suggested)
            elif self.path.text():
                p = Path(self.path.text())
                self.path.setText(str(p.with_name(f"{p.name.split('.')[0]}.{fmt}")))
        self.view.currentIndexChanged.connect(retarget)
        self.format.currentIndexChanged.connect(retarget)

    def _restore(self, s: QSettings) -> None:
        for box, key in ((self.view, "view"), (self.theme, "theme"),
                         (self.format, f"format-{self.format.itemData(0)}")):
            i = box.findData(s.value(f"{SETTINGS}/{key}", ""))
            if i >= 0:
                box.setCurrentIndex(i)
        self.transparent.setChecked(s.value(f"{SETTINGS}/transparent", False) in (True, "true"))

    def browse(self, title: str) -> None:
        """Ask where to write, in the chosen format."""
        fmt = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(self, title, self.path.text(), f"{fmt.upper()} (*.{fmt})")
        if path:
            self.path.setText(_with_suffix(path, fmt))

    def chosen_path(self, title: str) -> str | None:
        """The file to write (asked for when the field is empty), with the format's suffix;
        None when the user cancels."""
        if not self.path.text():
            self.browse(title)
            if not self.path.text():
                return None
        return _with_suffix(self.path.text(), self.format.currentData())

    def remember(self) -> None:
        s = QSettings()
        s.setValue(f"{SETTINGS}/view", self.view.currentData())
        s.setValue(f"{SETTINGS}/theme", self.theme.currentData())
        s.setValue(f"{SETTINGS}/transparent", self.transparent.isChecked())
        s.setValue(f"{SETTINGS}/legend", self.legend.isChecked())
        s.setValue(f"{SETTINGS}/dpi-{self.format.itemData(0)}", self.dpi.value())
        s.setValue(f"{SETTINGS}/format-{self.format.itemData(0)}", self.format.currentData())
        if self.path.text():
            s.setValue(f"{SETTINGS}/folder", str(Path(self.path.text()).parent))

    def _set_default_size(self) -> None:
        w, h = export.DEFAULT_SIZE[self.view.currentData()]
        self._show_inches(w, h)

    def _show_inches(self, w: float, h: float) -> None:
        k = self.dpi.value() if self.unit.currentData() == "px" else 1.0
        for box, v in ((self.width_box, w), (self.height_box, h)):
            box.blockSignals(True)
            box.setDecimals(0 if k != 1.0 else 2)
            box.setValue(v * k)
            box.blockSignals(False)
        # the boxes show 13.33 for a slide's 13.333… in: keep the exact size while they
        # show it, or a 300 dpi slide would be 3999 pixels wide instead of 4000
        self._exact = ((w, h), (self.width_box.value(), self.height_box.value()), k)
        self.width_box.valueChanged.emit(self.width_box.value())

    def size_in(self) -> tuple[float, float]:
        return self._inches(self.dpi.value() if self.unit.currentData() == "px" else 1.0)

    def _inches(self, k: float) -> tuple[float, float]:
        """The size in inches, the boxes holding it in units of 1/k inch."""
        exact, shown, shown_k = getattr(self, "_exact", (None, None, None))
        if exact is not None and shown_k == k and shown == (self.width_box.value(), self.height_box.value()):
            return exact
        return self.width_box.value() / k, self.height_box.value() / k

    def _unit_changed(self) -> None:
        # the same physical size in the other unit
        w, h = self._inches(self.dpi.value() if self._unit == "px" else 1.0)
        self._unit = self.unit.currentData()
        self._show_inches(w, h)

    def options(self) -> export.FigureOptions:
        w, h = self.size_in()
        return export.FigureOptions(view=self.view.currentData(), width_in=w, height_in=h,
                                    dpi=float(self.dpi.value()), transparent=self.transparent.isChecked(),
                                    theme=self.theme.currentData(), legend=self.legend.isChecked(),
                                    color_by=self.color_by)


def _checkerboard(size: QSize) -> QPixmap:
    """A grey checkerboard that shows where a preview is transparent."""
    pm = QPixmap(size)
    pm.fill(QColor("#ffffff"))
    p = QPainter(pm)
    for y in range(0, size.height(), 8):
        for x in range((y // 8) % 2 * 8, size.width(), 16):
            p.fillRect(x, y, 8, 8, QColor("#e3e5e8"))
    p.end()
    return pm


# figure ----------------------------------------------------------------------------------------------
class ExportFigureDialog(QDialog):
    """Choose a view, format and size, see a preview, write the file."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Export figure"))
        self.setObjectName("export-figure-dialog")
        self.controls = FigureControls(FIGURE_FORMATS, export.DEFAULT_DPI, self)
        self.controls.color_by = getattr(window.scene, "color_by", "gradient")
        legend_action = getattr(window, "act_legend", None)
        if legend_action is not None:
            self.controls.legend.setChecked(legend_action.isChecked())
        self.preview = QLabel()
        self.preview.setObjectName("export-preview")
        self.preview.setMinimumSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info = QLabel()
        self.info.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = buttons.addButton(self.tr("Copy to Clipboard"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self._export_clicked)
        self.copy_button.clicked.connect(lambda: copy_figure(self.window_, self.options()))
        left = QVBoxLayout()
        left.addWidget(self.controls)
        left.addWidget(self.info)
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(buttons)
        # one snapshot of the window's state: the preview and the file show the same moment
        self.state = window_state(window)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.update_preview)
        c = self.controls
        for signal in (c.view.currentIndexChanged, c.format.currentIndexChanged, c.theme.currentIndexChanged,
                       c.transparent.toggled, c.legend.toggled, c.width_box.valueChanged, c.height_box.valueChanged,
                       c.dpi.valueChanged, c.unit.currentIndexChanged):
            signal.connect(self._changed)
        c.format.currentIndexChanged.connect(self._format_changed)
        c.view.currentIndexChanged.connect(self._format_changed)
        c.unit.currentIndexChanged.connect(self._format_changed)
        c.browse.clicked.connect(self._browse)
        c.follow_choices(window)
        self._format_changed()
        self.update_preview()

    def options(self) -> export.FigureOptions:
        return self.controls.options()

    def _changed(self, *args) -> None:
        self._timer.start()

    def _format_changed(self, *args) -> None:
        c = self.controls
        c.dpi.setEnabled(c.format.currentData() == "png" or c.unit.currentData() == "px")

    def _browse(self) -> None:
        self.controls.browse(self.tr("Export figure"))

    def update_preview(self) -> None:
        """The figure as it will be written, scaled to fit the preview."""
        options = self.options()
        try:
            options.check()
            export.check_view(options.view, self.state.data)
        except export.ExportError as exc:
            self.preview.setText(str(exc))
            return
        w_in, h_in = options.size_in()
        box = self.preview.size() if self.preview.width() > 50 else PREVIEW
        dpi = min(box.width() / w_in, box.height() / h_in)
        px = (max(1, int(w_in * dpi)), max(1, int(h_in * dpi)))
        with export.build_figure(options, self.state) as fig:
            img = export.render_image(fig, px, dpi)
        pm = _checkerboard(QSize(*px))
        p = QPainter(pm)
        p.drawImage(0, 0, img)
        p.end()
        self.preview.setPixmap(pm)
        pw, ph = options.pixel_size()
        fmt = self.controls.format.currentData()
        if fmt == "png":
            self.info.setText(self.tr("%1 × %2 in, %3 × %4 pixels at %5 dpi")
                              .replace("%1", f"{w_in:.2f}").replace("%2", f"{h_in:.2f}")
                              .replace("%3", str(pw)).replace("%4", str(ph)).replace("%5", f"{options.dpi:g}"))
        else:
            self.info.setText(self.tr("%1 × %2 in, vector: text stays text, sharp at any size")
                              .replace("%1", f"{w_in:.2f}").replace("%2", f"{h_in:.2f}"))

    def export_to(self, path: str | Path) -> Path:
        """Write the figure to ``path`` (the format from its extension); ExportError if not."""
        out = export.export_figure(self.state, path, self.options())
        self.controls.remember()
        return out

    def _export_clicked(self) -> None:
        path = self.controls.chosen_path(self.tr("Export figure"))
        if path is None:
            return
        try:
            out = self.export_to(path)
        except export.ExportError as exc:
            QMessageBox.critical(self, self.tr("Cannot export the figure"), str(exc))
            return
        if hasattr(self.window_, "show_message"):
            self.window_.show_message(self.tr("Exported %1").replace("%1", str(out)))
        self.accept()


# animation ----------------------------------------------------------------------------------------
class ExportAnimationDialog(QDialog):
    """Training over N epochs from the document's start (seeded: the same file each time),
    or one step from the current weights, phase by phase, as GIF or MP4."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Export animation"))
        self.setObjectName("export-animation-dialog")
        self.controls = c = FigureControls(ANIMATION_FORMATS, export.options.ANIMATION_DEFAULT_DPI, self)
        c.color_by = getattr(window.scene, "color_by", "gradient")
        c.form.setRowVisible(c.legend, False)    # animations keep the legend
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Training from the start"), "training")
        self.kind.addItem(self.tr("One training step, phase by phase (current weights)"), "step")
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100000)
        self.epochs.setValue(export_state.default_epochs(window.model.doc))
        self.frames = QSpinBox()
        self.frames.setRange(2, 2000)
        self.frames.setValue(30)
        c.form.insertRow(0, self.tr("Animation"), self.kind)
        c.form.insertRow(1, self.tr("Epochs"), self.epochs)
        c.form.insertRow(2, self.tr("Frames"), self.frames)
        if not export.mp4_available():
            i = c.format.findData("mp4")
            c.format.model().item(i).setEnabled(False)
            c.format.setItemData(i, export.animation.MP4_HINT, Qt.ItemDataRole.ToolTipRole)
        self.progress = QProgressBar()
        self.progress.setValue(0)
        self.note = QLabel(self.tr("The same settings give the same file: training is seeded."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self._export_clicked)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(c)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.running = False
        self.cancelled = False
        self.kind.currentIndexChanged.connect(self._kind_changed)
        c.browse.clicked.connect(self._browse)
        c.format.currentIndexChanged.connect(self._format_changed)
        c.follow_choices(window)
        self._format_changed()
        self._kind_changed()

    def _kind_changed(self, *args) -> None:
        step = self.kind.currentData() == "step"
        self.epochs.setEnabled(not step)
        view = self.controls.view
        sequence = getattr(window_state(self.window_).data, "is_sequence", False)
        # a step shows the network; on sequences it may show the unrolled network instead
        view.setEnabled(not step or sequence)
        if step:
            if view.currentData() not in (("network", "unrolled") if sequence else ("network",)):
                view.setCurrentIndex(view.findData("network"))
            self.frames.setValue(80 if sequence else 36)

    def _format_changed(self, *args) -> None:
        self.controls.transparent.setEnabled(self.controls.format.currentData() == "gif")

    def _browse(self) -> None:
        self.controls.browse(self.tr("Export animation"))

    def _cancel(self) -> None:
        if self.running:
            self.cancelled = True
        else:
            self.reject()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        QApplication.processEvents()         # the bar moves and Cancel can be pressed
        return not self.cancelled

    def animation(self, options: export.FigureOptions) -> export.Animation:
        """A fresh, seeded trainer: the window's own network is not touched."""
        w = self.window_
        state = window_state(w)
        kind = self.kind.currentData()
        if kind == "step":
            doc = export.document_with_weights(state.doc, state.snapshot)
            trainer = export_state.make_trainer(doc, base_dir(w))
            return export.make_animation(trainer, doc, options, "step", frames=self.frames.value(),
                                         base=state.with_(doc=doc), title=state.title)
        trainer = export_state.make_trainer(state.doc, base_dir(w))
        return export.make_animation(trainer, state.doc, options, "training", epochs=self.epochs.value(),
                                     frames=self.frames.value(), base=state, title=state.title)

    def export_to(self, path: str | Path) -> bool:
        """Write the animation; False if cancelled (no file left). ExportError if it fails."""
        options = self.controls.options()
        if Path(path).suffix.lower() == ".mp4":
            options = options.with_(transparent=False)
        self.running, self.cancelled = True, False
        self.export_button.setEnabled(False)
        try:
            done = export.export_animation(self.animation(options), path, options, self._progress)
        finally:
            self.running = False
            self.export_button.setEnabled(True)
        if done:
            self.controls.remember()
        return done

    def _export_clicked(self) -> None:
        path = self.controls.chosen_path(self.tr("Export animation"))
        if path is None:
            return
        try:
            done = self.export_to(path)
        except export.ExportError as exc:
            QMessageBox.critical(self, self.tr("Cannot export the animation"), str(exc))
            return
        if not done:
            self.progress.setValue(0)
            return
        if hasattr(self.window_, "show_message"):
            self.window_.show_message(self.tr("Exported %1").replace("%1", str(path)))
        self.accept()


# clipboard ---------------------------------------------------------------------------------------
def clipboard_options(window) -> export.FigureOptions:
    """The view and look last chosen in the export dialog (the network by default)."""
    s = QSettings()
    view = s.value(f"{SETTINGS}/view", "network")
    return export.FigureOptions(view=view if view in export.VIEWS else "network", dpi=CLIPBOARD_DPI,
                                theme=s.value(f"{SETTINGS}/theme", "light") or "light",
                                transparent=s.value(f"{SETTINGS}/transparent", False) in (True, "true"),
                                legend=s.value(f"{SETTINGS}/legend", True) in (True, "true"),
                                color_by=getattr(window.scene, "color_by", "gradient"))


CLIPBOARD_MARK = "application/x-nnsim-figure"


def release_clipboard() -> None:
    """Take our figure off the clipboard before the application ends: PySide6 crashes at
    exit when a QMimeData made in Python is still on it."""
    app = QApplication.instance()
    if app is not None:
        data = app.clipboard().mimeData()
        if data is not None and data.hasFormat(CLIPBOARD_MARK):
            app.clipboard().clear()


def copy_figure(window, options: export.FigureOptions | None = None) -> None:
    """Put the figure on the clipboard as an image and as SVG (apps that take vector
    graphics paste the SVG)."""
    options = options or clipboard_options(window)
    options = options.with_(dpi=CLIPBOARD_DPI)
    state = window_state(window)
    with export.build_figure(options, state) as fig:
        image: QImage = export.render_image(fig, options.pixel_size(), options.dpi)
        svg = export.svg_bytes(fig)
    mime = QMimeData()
    mime.setImageData(image)
    mime.setData("image/svg+xml", QByteArray(svg))
    mime.setData(CLIPBOARD_MARK, QByteArray(b"1"))
    app = QApplication.instance()
    app.clipboard().setMimeData(mime)
    if not getattr(app, "_nnsim_releases_clipboard", False):
        app.aboutToQuit.connect(release_clipboard)
        app._nnsim_releases_clipboard = True
    if hasattr(window, "show_message"):
        window.show_message(tr("Figure copied: %1").replace("%1", view_names()[options.view]))
