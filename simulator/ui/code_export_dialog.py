"""File ▸ Export ▸ As Code…: the network as a PyTorch or NumPy program, or a Jupyter
notebook, with a syntax-highlighted preview, Save and Copy.

The program is made from the window's current state through ``simulator.codegen`` (the
command line's generator): the latest snapshot's network exactly (every parameter and
batch-norm average), or the untrained one, and the window's data. Nothing retrains."""
from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QVBoxLayout)

from .. import codegen
from ..codegen.notebook import percent_script
from ..document import lessons
from .python_highlighter import PythonHighlighter

SETTINGS = "export"          # the export dialogs' QSettings group
FORMAT_SUFFIX = {"py": ".py", "ipynb": ".ipynb"}


def _language() -> str:
    return getattr(QApplication.instance(), "nnsim_language", "en")


class CodeExportDialog(QDialog):
    """Framework, format and weights; a preview of the program; Save and Copy."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Export as code"))
        self.setObjectName("export-code-dialog")
        s = QSettings()
        self.framework = QComboBox()
        self.framework.addItem("PyTorch", "pytorch")
        self.framework.addItem("NumPy", "numpy")
        self.format = QComboBox()
        self.format.addItem(self.tr("Python script (.py)"), "py")
        self.format.addItem(self.tr("Jupyter notebook (.ipynb)"), "ipynb")
        self.weights = QComboBox()
        snap = window.controller.latest
        epoch = snap.epoch if snap is not None else 0
        self.weights.addItem(self.tr("As the window shows them (epoch %1)").replace("%1", str(epoch)),
                             "window")
        self.weights.addItem(self.tr("Untrained: the program's training reproduces nnsim's"),
                             "untrained")
        for box, key in ((self.framework, "code-framework"), (self.format, "code-format")):
            i = box.findData(s.value(f"{SETTINGS}/{key}", ""))
            if i >= 0:
                box.setCurrentIndex(i)
        self.path = QLineEdit()
        self.path.setObjectName("code-path")
        self.browse_button = QPushButton(self.tr("Browse…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Framework"), self.framework)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Weights"), self.weights)
        form.addRow(self.tr("File"), file_row)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("code-preview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setMinimumSize(720, 420)
        dark = self.palette().base().color().lightness() < 128
        self.highlighter = PythonHighlighter(self.preview.document(), dark)
        self.info = QLabel()
        self.info.setObjectName("code-info")
        self.info.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._save_clicked)
        self.copy_button.clicked.connect(self.copy)
        self.browse_button.clicked.connect(self._browse)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.info)
        layout.addWidget(buttons)
        # one copy of the window's state: the preview and the file show the same moment
        self.doc = copy.deepcopy(window.model.doc)
        self.snapshot = snap
        surface = getattr(window, "surface", None)
        self.data = getattr(surface, "data", None)
        self.title = lessons.localized(self.doc, _language())[0] or window.model.display_title()
        self._specs: dict[str, codegen.ExportSpec | str] = {}
        self.text = ""
        self._suggested = self._suggest_path()
        self.path.setText(self._suggested)
        self.path.editingFinished.connect(self.update_preview)
        self.framework.currentIndexChanged.connect(self._retarget)     # the name first, then
        self.format.currentIndexChanged.connect(self._retarget)        # the preview that shows it
        for box in (self.framework, self.format, self.weights):
            box.currentIndexChanged.connect(self.update_preview)
        self.update_preview()

    # the program ---------------------------------------------------------------------------
    def spec(self) -> codegen.ExportSpec:
        """The program's content for the weights chosen (made once per choice)."""
        choice = self.weights.currentData()
        if choice not in self._specs:
            from .export_dialogs import base_dir
            try:
                self._specs[choice] = codegen.from_window(
                    self.doc, self.snapshot, base_dir(self.window_), self.data,
                    untrained=choice == "untrained", title=self.title)
            except codegen.CodeExportError as exc:
                self._specs[choice] = self._translated(str(exc))
        spec = self._specs[choice]
        if isinstance(spec, str):
            raise codegen.CodeExportError(spec)
        return spec

    def _translated(self, message: str) -> str:
        if message.startswith("cannot train: "):
            return self.tr("cannot train: %1").replace("%1", message[len("cannot train: "):])
        return message

    def module(self) -> str:
        return codegen.module_name(self.path.text() or "network.py")

    def update_preview(self, *args) -> None:
        """Generate the program and show it (a notebook as a script with # %% cells)."""
        try:
            spec = self.spec()
        except codegen.CodeExportError as exc:
            self.text = ""
            self.preview.setPlainText("")
            self.info.setText(self.tr("Cannot export as code: %1").replace("%1", str(exc)))
            self.save_button.setEnabled(False)
            self.copy_button.setEnabled(False)
            return
        notebook = self.format.currentData() == "ipynb"
        self.text = codegen.generate(spec, self.framework.currentData(), notebook, self.module(),
                                     _language(), Path(self.path.text() or "network.py").name)
        shown = percent_script(self.text) if notebook else self.text
        self.preview.setPlainText(shown)
        lines = shown.count("\n")
        needs = self.tr("needs PyTorch and NumPy") if self.framework.currentData() == "pytorch" \
            else self.tr("needs NumPy only")
        what = self.tr("%1 lines; %2; no nnsim needed to run it").replace("%1", str(lines)).replace("%2", needs)
        if notebook:
            what += " " + self.tr("The notebook's explanations are in the interface's language.")
        self.info.setText(what)
        self.save_button.setEnabled(True)
        self.copy_button.setEnabled(True)

    # file and clipboard --------------------------------------------------------------------
    def _suggest_path(self) -> str:
        """``xor_pytorch.py`` in the export folder: a name Python can import."""
        from .export_dialogs import _suggest_path
        p = Path(_suggest_path(self.window_, self.framework.currentData(), self.format.currentData()))
        return str(p.with_name(codegen.module_name(p) + p.suffix))

    def _retarget(self, *args) -> None:
        """The suggested name follows the framework and format; a chosen one keeps its name."""
        suffix = FORMAT_SUFFIX[self.format.currentData()]
        if self.path.text() == self._suggested:
            self._suggested = self._suggest_path()
            self.path.setText(self._suggested)
        elif self.path.text():
            p = Path(self.path.text())
            self.path.setText(str(p.with_name(p.name.split(".")[0] + suffix)))

    def _browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog
        fmt = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as code"), self.path.text(),
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.path.setText(self._with_suffix(path))

    def _with_suffix(self, path: str) -> str:
        suffix = FORMAT_SUFFIX[self.format.currentData()]
        return path if path.lower().endswith(suffix) else path + suffix

    def save_to(self, path: str | Path) -> Path:
        """Write the program (its format from the choice); CodeExportError if it cannot."""
        spec = self.spec()
        out = codegen.export_code(self.doc, self._with_suffix(str(path)), self.framework.currentData(),
                                  language=_language(), spec=spec)
        s = QSettings()
        s.setValue(f"{SETTINGS}/code-framework", self.framework.currentData())
        s.setValue(f"{SETTINGS}/code-format", self.format.currentData())
        s.setValue(f"{SETTINGS}/folder", str(out.parent))
        return out

    def _save_clicked(self) -> None:
        if not self.path.text():
            self._browse()
            if not self.path.text():
                return
        try:
            out = self.save_to(self.path.text())
        except codegen.CodeExportError as exc:
            QMessageBox.critical(self, self.tr("Cannot export as code"), self._translated(str(exc)))
            return
        if hasattr(self.window_, "show_message"):
            self.window_.show_message(self.tr("Exported %1").replace("%1", str(out)))
        self.accept()

    def copy(self) -> None:
        """The program as the preview shows it, onto the clipboard as text."""
        QApplication.clipboard().setText(self.preview.toPlainText())
        if hasattr(self.window_, "show_message"):
            self.window_.show_message(self.tr("Code copied to the clipboard"))


def open_code_dialog(window) -> CodeExportDialog:
    dialog = CodeExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
