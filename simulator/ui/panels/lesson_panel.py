"""The lesson panel: what the open lesson shows and what to watch, in the interface's
language, and the remedies the lecture names as toggles (each an undoable change)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ...translate import tr
from ...document import lessons, mitigations
from .. import commands


# for the translation catalogue: the remedies' labels and explanations
_LABELS = {
    "relu_he": (lambda: tr("ReLU with He initialisation"),
                lambda: tr("hidden neurons use ReLU (derivative 1 for g > 0) and He initialisation")),
    "he": (lambda: tr("He initialisation"),
           lambda: tr("weights drawn with variance 2/fan-in, keeping activations the same size layer after layer")),
    "xavier": (lambda: tr("Xavier initialisation"), lambda: tr("weights drawn with variance 2/(fan-in + fan-out)")),
    "batch_norm": (lambda: tr("Batch normalisation"),
                   lambda: tr("every hidden neuron's g is standardised over the batch, then scaled and shifted")),
    "clip": (lambda: tr("Gradient clipping"), lambda: tr("the gradient's norm is limited to 1 before each update")),
    "leaky": (lambda: tr("Leaky ReLU instead of ReLU"), lambda: tr("a small slope (0.01) below zero keeps the gradient alive")),
    "no_delay": (lambda: tr("Without the delayed edges (acyclic)"),
                 lambda: tr("the delayed edges are removed: each step sees only its own input, "
                            "as in a feed-forward network")),
}


class LessonPanel(QWidget):
    restartRequested = Signal(str)

    def __init__(self, model, language: str = "en", parent=None):
        super().__init__(parent)
        self.model = model
        self.language = language
        self.base: dict | None = None        # the lesson as it was opened
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remedies = QGroupBox(self.tr("Try the remedies"))
        self.remedy_layout = QVBoxLayout(self.remedies)
        self.checks: dict[str, QCheckBox] = {}
        self.restart = QPushButton(self.tr("Restart the lesson"))
        self.restart.clicked.connect(lambda: self.model.lesson_id and self.restartRequested.emit(self.model.lesson_id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.remedies)
        layout.addWidget(self.restart)
        layout.addStretch(1)
        model.replaced.connect(self.refresh)
        model.titleChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        m = self.model
        lesson = m.doc.get("lesson") or {}
        self.base = None
        if m.lesson_id:
            try:
                self.base = lessons.load_lesson(m.lesson_id)
            except Exception:       # the built-in file is always valid; be safe anyway
                self.base = None
        title, description = lessons.localized(m.doc, self.language)
        if m.lesson_id:
            self.title.setText(f"<b>{title}</b>")
            self.text.setText(description)
        else:
            untitled = self.tr("Untitled network")
            self.title.setText(f"<b>{title or untitled}</b>")
            self.text.setText(description or self.tr(
                "Open a lesson from the Lessons menu, or draw your own network: click the canvas "
                "to add neurons, drag between them to connect."))
        for cb in self.checks.values():
            self.remedy_layout.removeWidget(cb)
            cb.deleteLater()
        self.checks = {}
        ids = [i for i in lesson.get("mitigations", []) if i in mitigations.MITIGATIONS] if self.base else []
        for mid in ids:
            label, explanation = _LABELS[mid]
            cb = QCheckBox(label())
            cb.setToolTip(explanation())
            cb.toggled.connect(lambda _on: self.apply())
            self.remedy_layout.addWidget(cb)
            self.checks[mid] = cb
        self.remedies.setVisible(bool(ids))
        contrast = ids and all(mitigations.MITIGATIONS[i].kind == "contrast" for i in ids)
        self.remedies.setTitle(self.tr("Compare") if contrast else self.tr("Try the remedies"))
        self.restart.setVisible(bool(m.lesson_id))

    def chosen(self) -> list[str]:
        return [k for k, cb in self.checks.items() if cb.isChecked()]

    def apply(self) -> None:
        """Bring the document to "the lesson with the chosen remedies", as one undoable step."""
        if self.base is None:
            return
        m = self.model
        target = mitigations.apply(self.base, self.chosen())
        node_changes, training_changes = mitigations.differences(m.doc, target)
        removed, added = mitigations.edge_differences(m.doc, target)
        if not node_changes and not training_changes and not removed and not added:
            return
        stack = m.undo_stack
        names = ", ".join(_LABELS[k][0]() for k in self.chosen()) or self.tr("none")
        contrast = all(mitigations.MITIGATIONS[k].kind == "contrast" for k in self.checks)
        label = self.tr("Compare: %1") if contrast else self.tr("Remedies: %1")
        stack.beginMacro(label.replace("%1", names))
        for nid, key, value in node_changes:
            stack.push(commands.SetNodeProperty(m, nid, key, value))
        for key, value in training_changes:
            stack.push(commands.SetTraining(m, key, value))
        if removed:
            stack.push(commands.RemoveItems(m, pairs=removed))
        if added:
            stack.push(commands.InsertEdges(m, added))
        stack.endMacro()

    def set_language(self, language: str) -> None:
        self.language = language
        self.refresh()
