"""Training settings: loss, optimiser, learning rate, batch size, initialiser, L1/L2,
clipping, shuffle, seed. Undoable; the runtime applies them live where it can."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout,
                               QLabel, QSpinBox, QVBoxLayout, QWidget)

from ...engine import initializers, losses, optimizers, sequences
from ...render import engine_text
from .. import commands


class LogSpinBox(QDoubleSpinBox):
    """A spin box whose arrows multiply or divide (learning rates span decades)."""

    def stepBy(self, steps: int) -> None:
        v = self.value() or self.minimum() or 1e-4
        for _ in range(abs(steps)):
            v = v * 2.0 if steps > 0 else v / 2.0
        self.setValue(min(max(v, self.minimum()), self.maximum()))


class TrainingPanel(QWidget):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.loss = QComboBox()
        for name in losses.NAMES:
            self.loss.addItem(engine_text.loss_label(name), name)
        self.loss.activated.connect(lambda _: self._set("loss", self.loss.currentData()))
        self.optimizer = QComboBox()
        for name in optimizers.NAMES:
            self.optimizer.addItem(engine_text.optimizer_label(name), name)
        self.optimizer.activated.connect(lambda _: self._set("optimizer", self.optimizer.currentData()))
        self.lr = LogSpinBox()
        self.lr.setDecimals(5)
        self.lr.setRange(1e-5, 100.0)
        self.lr.setKeyboardTracking(False)
        self.lr.valueChanged.connect(lambda v: self._set("learning_rate", float(v)))
        self.batch = QSpinBox()
        self.batch.setRange(1, 10000)
        self.batch.setKeyboardTracking(False)
        self.batch.valueChanged.connect(lambda v: self._set("batch_size", int(v)))
        self.init = QComboBox()
        labels = {"uniform": self.tr("uniform"), "normal": self.tr("normal (Gaussian)"),
                  "xavier": self.tr("Xavier (Glorot)"), "he": self.tr("He"), "constant": self.tr("constant")}
        for name in initializers.NAMES:
            self.init.addItem(labels[name], name)
        self.init.activated.connect(lambda _: self._set_init())
        self.init_value = QDoubleSpinBox()
        self.init_value.setRange(-100, 100)
        self.init_value.setDecimals(3)
        self.init_value.setKeyboardTracking(False)
        self.init_value.valueChanged.connect(lambda _: self._set_init())
        self.l1 = QDoubleSpinBox()
        self.l2 = QDoubleSpinBox()
        for box, key in ((self.l1, "l1"), (self.l2, "l2")):
            box.setDecimals(5)
            box.setRange(0.0, 10.0)
            box.setSingleStep(0.001)
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda v, k=key: self._set(k, float(v)))
        self.clip_on = QCheckBox(self.tr("clip at"))
        self.clip = QDoubleSpinBox()
        self.clip.setRange(1e-4, 1e6)
        self.clip.setDecimals(4)
        self.clip.setValue(1.0)
        self.clip.setKeyboardTracking(False)
        self.clip_on.toggled.connect(lambda _: self._set_clip())
        self.clip.valueChanged.connect(lambda _: self._set_clip())
        self.shuffle = QCheckBox(self.tr("reshuffle every epoch"))
        self.shuffle.toggled.connect(lambda on: self._set("shuffle", bool(on)))
        self.bptt = QSpinBox()
        self.bptt.setRange(0, sequences.MAX_LENGTH)
        self.bptt.setSpecialValueText(self.tr("whole sequence"))
        self.bptt.setSuffix(self.tr(" steps"))
        self.bptt.setKeyboardTracking(False)
        self.bptt.setToolTip(self.tr("Backpropagation through time in windows of this many steps: "
                                     "the error does not flow back across a window's start"))
        self.bptt.valueChanged.connect(lambda v: self._set("bptt", int(v) or None))
        self.seed = QSpinBox()
        self.seed.setRange(0, 999999)
        self.seed.setKeyboardTracking(False)
        self.seed.valueChanged.connect(lambda v: self._set("seed", int(v)))
        self.note = QLabel()
        self.note.setWordWrap(True)
        init_row = QHBoxLayout()
        init_row.addWidget(self.init, 1)
        init_row.addWidget(self.init_value)
        clip_row = QHBoxLayout()
        clip_row.addWidget(self.clip_on)
        clip_row.addWidget(self.clip, 1)
        form = QFormLayout()
        self.form = form
        form.addRow(self.tr("Loss"), self.loss)
        form.addRow(self.tr("Optimiser"), self.optimizer)
        form.addRow(self.tr("Learning rate α"), self.lr)
        form.addRow(self.tr("Batch size"), self.batch)
        form.addRow(self.tr("Initialisation"), init_row)
        form.addRow(self.tr("L1 penalty"), self.l1)
        form.addRow(self.tr("L2 penalty"), self.l2)
        form.addRow(self.tr("Gradient norm"), clip_row)
        form.addRow(self.tr("Shuffle"), self.shuffle)
        form.addRow(self.tr("Backpropagation through time"), self.bptt)
        form.addRow(self.tr("Seed"), self.seed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        model.replaced.connect(self.refresh)
        model.trainingChanged.connect(lambda _: self.refresh())
        model.dataChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        t = self.model.doc["training"]
        blockers = [QSignalBlocker(w) for w in (self.loss, self.optimizer, self.lr, self.batch, self.init,
                                                self.init_value, self.l1, self.l2, self.clip_on, self.clip,
                                                self.shuffle, self.seed, self.bptt)]
        self.loss.setCurrentIndex(self.loss.findData(t.get("loss", "bce")))
        self.optimizer.setCurrentIndex(self.optimizer.findData(t.get("optimizer", "sgd")))
        if not self.lr.hasFocus():
            self.lr.setValue(float(t.get("learning_rate", 0.1)))
        if not self.batch.hasFocus():
            self.batch.setValue(int(t.get("batch_size", 10)))
        name, arg = initializers.parse(t.get("init", "xavier"))
        self.init.setCurrentIndex(self.init.findData(name))
        self.init_value.setVisible(name in ("constant", "normal", "uniform"))
        if arg is not None:
            self.init_value.setValue(arg)
        elif name == "normal":
            self.init_value.setValue(1.0)
        elif name == "uniform":
            self.init_value.setValue(0.5)
        self.l1.setValue(float(t.get("l1", 0.0) or 0.0))
        self.l2.setValue(float(t.get("l2", 0.0) or 0.0))
        clip = t.get("clip")
        self.clip_on.setChecked(clip is not None)
        self.clip.setEnabled(clip is not None)
        if clip is not None:
            self.clip.setValue(float(clip))
        self.shuffle.setChecked(bool(t.get("shuffle", True)))
        self.seed.setValue(int(t.get("seed", 0) or 0))
        self.bptt.setValue(int(t.get("bptt") or 0))
        self.form.setRowVisible(self.bptt, sequences.is_sequence_spec(self.model.doc.get("data", {})))
        self.note.setText(self.tr("Initialisation and seed apply from the start: changing them "
                                  "resets training. The others apply live."))
        del blockers

    def _set(self, key: str, value) -> None:
        if self.model.doc["training"].get(key) == value:
            return
        self.model.undo_stack.push(commands.SetTraining(self.model, key, value))

    def _set_init(self) -> None:
        name = self.init.currentData()
        if name in ("constant", "normal", "uniform"):
            spec = f"{name}:{self.init_value.value():g}"
            if name == "normal" and self.init_value.value() == 1.0:
                spec = "normal"
            if name == "uniform" and self.init_value.value() == 0.5:
                spec = "uniform"
        else:
            spec = name
        self.init_value.setVisible(name in ("constant", "normal", "uniform"))
        self._set("init", spec)

    def _set_clip(self) -> None:
        self.clip.setEnabled(self.clip_on.isChecked())
        self._set("clip", float(self.clip.value()) if self.clip_on.isChecked() else None)
