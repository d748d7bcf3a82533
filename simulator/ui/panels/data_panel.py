"""Data panel: the data set and its parameters, input features as toggles (adding or
removing input neurons), CSV import. Every change is undoable and reaches the trainer."""
from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from ...document import edits
from ...engine import datasets, features, sequences
from ...engine.datasets import read_csv
from ...render import engine_text
from .. import commands


class DataPanel(QWidget):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.dataset = QComboBox()
        for name in datasets.NAMES + sequences.TASKS:
            if name == sequences.TASKS[0]:
                self.dataset.insertSeparator(self.dataset.count())     # sequences for recurrent nets
            self.dataset.addItem(name, name)
            self.dataset.setItemData(self.dataset.count() - 1, engine_text.dataset_description(name),
                                     Qt.ItemDataRole.ToolTipRole)
        self.dataset.activated.connect(lambda _: self._commit("dataset", self.dataset.currentData()))
        self.samples = QSpinBox()
        self.samples.setRange(4, 20000)
        self.samples.setSingleStep(50)
        self.samples.setKeyboardTracking(False)
        self.samples.valueChanged.connect(lambda v: self._commit("samples", int(v)))
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, 2.0)
        self.noise.setSingleStep(0.05)
        self.noise.setDecimals(3)
        self.noise.setKeyboardTracking(False)
        self.noise.valueChanged.connect(lambda v: self._commit("noise", float(v)))
        self.test_fraction = QDoubleSpinBox()
        self.test_fraction.setRange(0.0, 0.9)
        self.test_fraction.setSingleStep(0.1)
        self.test_fraction.setKeyboardTracking(False)
        self.test_fraction.valueChanged.connect(lambda v: self._commit("test_fraction", float(v)))
        self.classes = QSpinBox()
        self.classes.setRange(2, 8)
        self.classes.setKeyboardTracking(False)
        self.classes.valueChanged.connect(lambda v: self._commit("classes", int(v)))
        self.sequences = QSpinBox()
        self.sequences.setRange(1, sequences.MAX_SEQUENCES)
        self.sequences.setSingleStep(50)
        self.sequences.setKeyboardTracking(False)
        self.sequences.valueChanged.connect(lambda v: self._commit("sequences", int(v)))
        self.length = QSpinBox()
        self.length.setRange(2, sequences.MAX_LENGTH)
        self.length.setKeyboardTracking(False)
        self.length.valueChanged.connect(lambda v: self._commit("length", int(v)))
        self.lag = QSpinBox()
        self.lag.setRange(1, sequences.MAX_LENGTH - 1)
        self.lag.setKeyboardTracking(False)
        self.lag.setToolTip(self.tr("The target is the input bit of this many steps before"))
        self.lag.valueChanged.connect(lambda v: self._commit("lag", int(v)))
        self.seed = QSpinBox()
        self.seed.setRange(0, 999999)
        self.seed.setKeyboardTracking(False)
        self.seed.valueChanged.connect(lambda v: self._commit("seed", int(v)))
        self.regenerate = QPushButton(self.tr("Regenerate"))
        self.regenerate.setToolTip(self.tr("Draw new points (a new seed)"))
        self.regenerate.clicked.connect(self._regenerate)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.to_builtin = QPushButton(self.tr("Use a built-in data set"))
        self.to_builtin.clicked.connect(lambda: self._commit("dataset", "xor"))
        self.csv = QPushButton(self.tr("Import CSV…"))
        self.csv.clicked.connect(self.import_csv)

        form = QFormLayout()
        form.addRow(self.tr("Data set"), self.dataset)
        form.addRow(self.tr("Samples"), self.samples)
        form.addRow(self.tr("Sequences"), self.sequences)
        form.addRow(self.tr("Steps per sequence"), self.length)
        form.addRow(self.tr("Lag"), self.lag)
        form.addRow(self.tr("Noise"), self.noise)
        form.addRow(self.tr("Test fraction"), self.test_fraction)
        form.addRow(self.tr("Classes"), self.classes)
        form.addRow(self.tr("Seed"), self.seed)
        self.form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.regenerate)
        buttons.addWidget(self.csv)
        self.features_box = QGroupBox(self.tr("Input features (neurons)"))
        grid = QGridLayout(self.features_box)
        self.feature_checks: dict[str, QCheckBox] = {}
        for k, f in enumerate(features.BUILTIN):
            cb = QCheckBox(features.LABELS[f])
            cb.toggled.connect(lambda on, f=f: self.toggle_feature(f, on))
            grid.addWidget(cb, k // 2, k % 2)
            self.feature_checks[f] = cb
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.source)
        layout.addWidget(self.to_builtin)
        layout.addWidget(self.features_box)
        layout.addStretch(1)
        model.replaced.connect(self.refresh)
        model.dataChanged.connect(self.refresh)
        model.nodesAdded.connect(lambda _: self.refresh())
        model.nodesRemoved.connect(lambda _: self.refresh())
        model.nodeChanged.connect(lambda *_: self.refresh())
        self.refresh()

    # display --------------------------------------------------------------------------------
    def refresh(self) -> None:
        data = self.model.doc.get("data", {})
        builtin = "dataset" in data
        widgets = (self.dataset, self.samples, self.noise, self.test_fraction, self.classes, self.seed,
                   self.sequences, self.length, self.lag)
        blockers = [QSignalBlocker(w) for w in widgets + tuple(self.feature_checks.values())]
        for w in (self.dataset, self.samples, self.noise, self.classes, self.regenerate):
            w.setEnabled(builtin)
        self.to_builtin.setVisible(not builtin)
        name = data.get("dataset") if builtin else None
        task = name in sequences.TASKS
        rows = {self.samples: builtin and not task, self.noise: not task or name == "sine-next",
                self.classes: not task, self.sequences: task, self.length: task,
                self.lag: name == "echo"}
        for w, visible in rows.items():
            self.form.setRowVisible(w, visible)
        self.noise.setMaximum(1.0 if name == "sine-next" else 2.0)
        if builtin:
            self.dataset.setCurrentIndex(max(0, self.dataset.findData(name)))
            self.samples.setValue(int(data.get("samples", 200)))
            self.noise.setValue(float(data.get("noise", 0.0) or 0.0))
            self.classes.setValue(int(data.get("classes", 2) or 2))
            self.classes.setEnabled(name in datasets.MULTICLASS)
            self.sequences.setValue(int(data.get("sequences", sequences.DEFAULTS["sequences"])))
            self.length.setValue(int(data.get("length", sequences.DEFAULTS["length"])))
            self.lag.setMaximum(self.length.value() - 1)
            self.lag.setValue(int(data.get("lag", 1)))
            self.source.setText(engine_text.dataset_description(name))
        elif "csv" in data:
            self.source.setText(self.tr("CSV file %1: inputs %2, target %3").replace("%1", str(data["csv"]))
                                .replace("%2", ", ".join(data.get("inputs", []))).replace("%3", str(data.get("target"))))
        elif isinstance(data.get("sequences"), list):
            self.source.setText(self.tr("Your own sequences: %1").replace("%1", str(len(data["sequences"]))))
        elif "train" in data:
            self.source.setText(self.tr("Your own points: %1 for training, %2 for testing")
                                .replace("%1", str(len(data["train"]))).replace("%2", str(len(data.get("test") or []))))
        else:
            self.source.setText(self.tr("Your own points: %1").replace("%1", str(len(data.get("points", [])))))
        self.test_fraction.setEnabled("train" not in data)
        self.test_fraction.setValue(float(data.get("test_fraction", 0.5) or 0.0))
        self.seed.setValue(int(data.get("seed", 0) or 0))
        present = {n.get("feature") for n in self.model.doc["network"]["nodes"] if n.get("kind") == "input"}
        one_d = (data.get("dataset") in datasets.ONE_D + sequences.TASKS or "csv" in data
                 or isinstance(data.get("sequences"), list))
        for f, cb in self.feature_checks.items():
            cb.setChecked(f in present)
            cb.setEnabled(not one_d and not ("csv" in data))
        del blockers

    # edits ------------------------------------------------------------------------------------
    def _commit(self, key: str, value) -> None:
        data = copy.deepcopy(self.model.doc.get("data", {}))
        if key == "dataset" and ("dataset" not in data
                                 or (data["dataset"] in sequences.TASKS) != (value in sequences.TASKS)):
            # another kind of data (points or sequences): its own settings (the data set is
            # set below, so that the change is not mistaken for no change)
            if value in sequences.TASKS:
                data = {**sequences.DEFAULTS, "seed": data.get("seed", 0)}
            else:
                data = {"samples": 200, "noise": 0.1, "test_fraction": 0.5, "seed": data.get("seed", 0)}
        if data.get(key) == value:
            return
        data[key] = value
        if key == "dataset":
            for k, v in sequences.PARAMETERS.get(value, {}).items():
                data.setdefault(k, v)
        if key == "length" and data.get("lag", 1) >= value:
            data["lag"] = value - 1            # the lag must stay shorter than the sequences
        if key == "dataset" and value in datasets.ONE_D + sequences.TASKS and self._uses_x2():
            QMessageBox.information(self, self.tr("One input"), self.tr(
                "“%1” has one input, x. Remove the input neurons that read x₂ first.").replace("%1", value))
            self.refresh()
            return
        self.model.undo_stack.push(commands.SetData(self.model, data, self.tr("Change the %1").replace(
            "%1", commands.data_key_label(key))))

    def _uses_x2(self) -> bool:
        return any("x2" in features.raw_inputs_needed(n.get("feature", "x1"))
                   for n in self.model.doc["network"]["nodes"] if n.get("kind") == "input")

    def _regenerate(self) -> None:
        self._commit("seed", int(self.model.doc["data"].get("seed", 0) or 0) + 1)

    def toggle_feature(self, feature: str, on: bool) -> None:
        """Add an input neuron for ``feature`` (connected like the other inputs), or remove it."""
        m = self.model
        nodes = m.doc["network"]["nodes"]
        inputs = [n for n in nodes if n.get("kind") == "input"]
        stack = m.undo_stack
        if on:
            if any(n.get("feature") == feature for n in inputs):
                return
            xs = [n.get("pos", [0, 0])[0] for n in inputs] or [0.0]
            ys = [n.get("pos", [0, 0])[1] for n in inputs] or [-edits.ROW_GAP]
            node = edits.make_node(m.doc, "input", (min(xs), max(ys) + edits.ROW_GAP), feature=feature)
            targets = sorted({t for s, t in m.edge_pairs() if s in {n["id"] for n in inputs}})
            stack.beginMacro(self.tr("Add the feature %1").replace("%1", features.LABELS[feature]))
            stack.push(commands.AddNode(m, node))
            if targets:
                stack.push(commands.AddEdges(m, [(node["id"], t) for t in targets]))
            stack.endMacro()
        else:
            ids = [n["id"] for n in inputs if n.get("feature") == feature]
            if ids:
                stack.push(commands.RemoveItems(m, ids))

    def import_csv(self) -> None:
        start = str(self.model.path.parent) if self.model.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a CSV file"), start,
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.import_csv_file(path)

    def import_csv_file(self, path: str, inputs: list[str] | None = None, target: str | None = None) -> bool:
        """Read the header, let the user pick columns, check the whole file; on any error say
        what is wrong and keep the current data and network."""
        try:
            with open(path, encoding="utf-8-sig") as fh:
                header = [h.strip() for h in fh.readline().strip().split(",")]
            if not header or header == [""]:
                raise ValueError(self.tr("%1: the file is empty").replace("%1", Path(path).name))
            if inputs is None or target is None:
                picked = ColumnDialog.ask(self, header)
                if picked is None:
                    return False
                inputs, target = picked
            read_csv(path, inputs, target)          # every row checked before anything changes
        except (OSError, UnicodeDecodeError) as exc:
            self._error(str(getattr(exc, "strerror", None) or exc))
            return False
        except ValueError as exc:
            self._error(str(exc))
            return False
        m = self.model
        base = m.path.parent if m.path else None
        rel = str(Path(path).resolve().relative_to(base.resolve())) if base and Path(path).resolve().is_relative_to(base.resolve()) else str(Path(path).resolve())
        data = {"csv": rel, "inputs": list(inputs), "target": target, "test_fraction": 0.3, "seed": 0}
        stack = m.undo_stack
        stack.beginMacro(self.tr("Import %1").replace("%1", Path(path).name))
        old_inputs = [n for n in m.doc["network"]["nodes"] if n.get("kind") == "input"]
        targets = sorted({t for s, t in m.edge_pairs() if s in {n["id"] for n in old_inputs}})
        if old_inputs:
            stack.push(commands.RemoveItems(m, [n["id"] for n in old_inputs]))
        stack.push(commands.SetData(m, data))
        for k, col in enumerate(inputs):
            node = edits.make_node(m.doc, "input", (-200.0, (k - (len(inputs) - 1) / 2) * edits.ROW_GAP), feature=col)
            stack.push(commands.AddNode(m, node))
            if targets:
                stack.push(commands.AddEdges(m, [(node["id"], t) for t in targets]))
        stack.endMacro()
        return True

    def _error(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot import the CSV file"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(self.tr("The current data and network are unchanged."))
        box.exec()


class ColumnDialog(QDialog):
    """Pick the input columns and the target column of a CSV file."""

    def __init__(self, parent, header: list[str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose the columns"))
        self.inputs = QListWidget()
        for h in header[:-1]:
            item = QListWidgetItem(h)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.inputs.addItem(item)
        if header:
            last = QListWidgetItem(header[-1])
            last.setFlags(last.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            last.setCheckState(Qt.CheckState.Unchecked)
            self.inputs.addItem(last)
        self.target = QComboBox()
        self.target.addItems(header)
        self.target.setCurrentIndex(len(header) - 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Input columns (one input neuron each):")))
        layout.addWidget(self.inputs)
        form = QFormLayout()
        form.addRow(self.tr("Target column:"), self.target)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, header):
        d = cls(parent, header)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        target = d.target.currentText()
        inputs = [d.inputs.item(i).text() for i in range(d.inputs.count())
                  if d.inputs.item(i).checkState() == Qt.CheckState.Checked and d.inputs.item(i).text() != target]
        if not inputs:
            return None
        return inputs, target
