"""The inspector: properties of the selected neuron or connection, and the neuron's maths
as the lecture writes it, g = Σᵢ wᵢⱼ xᵢ + w₀ⱼ and y = f(g), with live numbers."""
from __future__ import annotations

import math

import numpy as np

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from ...document import edits
from ...engine import activations, features
from ...render.network import fmt
from .. import commands
from ...render import diagnosis, engine_text
from ..editor.actions import act_label, set_activation
from ..model import DocumentModel


class Inspector(QWidget):
    def __init__(self, model: DocumentModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.nodes: list[str] = []
        self.pairs: list[tuple[str, str]] = []
        self.snapshot = None
        self.trace_values = None       # (node ids, g, y, δ) of a step being animated
        self.time_step: int | None = None   # sequences: the step t shown (None: the last)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.title = QLineEdit()
        self.title.editingFinished.connect(self._title_edited)
        self.kind = QComboBox()
        for k, label in (("input", self.tr("Input")), ("hidden", self.tr("Hidden")), ("output", self.tr("Output"))):
            self.kind.addItem(label, k)
        self.kind.activated.connect(self._kind_edited)
        self.activation = QComboBox()
        self.activation.activated.connect(self._activation_edited)
        self.feature = QComboBox()
        for f in features.BUILTIN:
            self.feature.addItem(features.LABELS.get(f, f), f)
        self.feature.activated.connect(self._feature_edited)
        self.bias = QDoubleSpinBox()
        self.bias.setRange(-1e4, 1e4)
        self.bias.setDecimals(4)
        self.bias.setSingleStep(0.05)
        self.bias.setKeyboardTracking(False)
        self.bias.valueChanged.connect(self._bias_edited)
        self.batch_norm = QCheckBox(self.tr("batch normalisation"))
        self.batch_norm.toggled.connect(self._bn_edited)
        self.weight = QDoubleSpinBox()
        self.weight.setRange(-1e4, 1e4)
        self.weight.setDecimals(4)
        self.weight.setSingleStep(0.05)
        self.weight.setKeyboardTracking(False)
        self.weight.valueChanged.connect(self._weight_edited)
        # a connection's delay: checked = it reads its source's value of the previous step
        self.delayed = QCheckBox(self.tr("delayed (previous step)"))
        self.delayed.setToolTip(self.tr("A delayed (recurrent) connection carries its source's value "
                                        "of the previous time step: drawn as an arc marked z⁻¹"))
        self.delayed.toggled.connect(self._delay_edited)
        self.maths = QLabel()
        self.maths.setWordWrap(True)
        self.maths.setTextFormat(Qt.TextFormat.RichText)
        self.maths.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows = {}
        for key, label, widget in (("title", self.tr("Title"), self.title),
                                   ("kind", self.tr("Kind"), self.kind),
                                   ("feature", self.tr("Feature"), self.feature),
                                   ("activation", self.tr("Activation"), self.activation),
                                   ("bias", self.tr("Bias w₀ⱼ"), self.bias),
                                   ("batch_norm", "", self.batch_norm),
                                   ("weight", self.tr("Weight wᵢⱼ"), self.weight),
                                   ("delay", self.tr("Delay"), self.delayed)):
            self.form.addRow(label, widget)
            self.rows[key] = widget
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.form)
        layout.addWidget(self.maths)
        layout.addStretch(1)
        model.replaced.connect(lambda: self.set_selection([], []))
        model.nodeChanged.connect(lambda *_: self.refresh())
        model.edgeWeightChanged.connect(lambda *_: self.refresh())
        model.nodesRemoved.connect(self._removed)
        model.edgesChanged.connect(self._edges_changed)
        model.titleChanged.connect(self.refresh)
        self.refresh()

    # selection ---------------------------------------------------------------------------
    def set_selection(self, nodes: list[str], pairs: list[tuple[str, str]]) -> None:
        self.nodes = [n for n in nodes if self.model.has_node(n)]
        self.pairs = [p for p in pairs if p in set(self.model.edge_pairs())]
        self.refresh()

    def _removed(self, ids) -> None:
        self.set_selection([n for n in self.nodes if n not in ids], self.pairs)

    def _edges_changed(self) -> None:
        self.set_selection(self.nodes, self.pairs)

    def set_snapshot(self, snap) -> None:
        self.snapshot = snap
        self._refresh_live()

    def set_time(self, t: int | None) -> None:
        """Sequences: show the numbers of step ``t`` of the chosen sequence."""
        self.time_step = t
        self._refresh_live()

    # display -------------------------------------------------------------------------------
    def _show(self, *keys) -> None:
        for key, widget in self.rows.items():
            visible = key in keys
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)

    def refresh(self) -> None:
        doc = self.model.doc
        blockers = [QSignalBlocker(w) for w in self.rows.values()]
        if len(self.nodes) == 1 and not self.pairs:
            n = self.model.node(self.nodes[0])
            kind = n.get("kind", "hidden")
            self.header.setText("<b>" + self.tr("Neuron %1").replace("%1", n["id"]) + "</b>")
            self.kind.setCurrentIndex(self.kind.findData(kind))
            if kind == "input":
                self._show("kind", "feature")
                i = self.feature.findData(n.get("feature", "x1"))
                if i < 0:
                    self.feature.addItem(n.get("feature"), n.get("feature"))
                    i = self.feature.count() - 1
                self.feature.setCurrentIndex(i)
            else:
                self._show("kind", "activation", "bias", "batch_norm")
                self._fill_activations(kind)
                current = n.get("activation") or ("sigmoid" if kind == "output" else "tanh")
                self.activation.setCurrentIndex(self.activation.findData(current))
                self.batch_norm.setChecked(bool(n.get("batch_norm")))
                if not self.bias.hasFocus():
                    self.bias.setValue(self._live_bias(n))
        elif len(self.pairs) == 1 and not self.nodes:
            s, t = self.pairs[0]
            self.header.setText("<b>" + self.tr("Connection %1 → %2").replace("%1", s).replace("%2", t) + "</b>")
            self._show("weight", "delay")
            if not self.weight.hasFocus():
                self.weight.setValue(self._live_weight(s, t))
            delay = self._delay(s, t)
            self.delayed.setChecked(bool(delay))
            self.delayed.setText(self.tr("delayed (previous step)") if delay in (0, 1)
                                 else self.tr("delayed (%1 steps back)").replace("%1", str(delay)))
        elif self.nodes or self.pairs:
            self.header.setText(self.tr("%1 neurons and %2 connections selected")
                                .replace("%1", str(len(self.nodes))).replace("%2", str(len(self.pairs))))
            hidden = [i for i in self.nodes if self.model.node(i).get("kind") != "input"]
            if hidden:
                self._show("activation")
                self._fill_activations("output" if all(self.model.node(i).get("kind") == "output"
                                                       for i in hidden) else "hidden")
                acts = {self.model.node(i).get("activation") for i in hidden}
                self.activation.setCurrentIndex(self.activation.findData(acts.pop()) if len(acts) == 1 else -1)
            else:
                self._show()
        else:
            n_nodes, n_edges = len(doc["network"]["nodes"]), len(doc["network"]["edges"])
            self.header.setText(
                self.tr("<b>The network</b><br>%1 neurons, %2 connections.<br><br>"
                        "Click the canvas to add a neuron; drag from one neuron to another to "
                        "connect them. Right-click for more.")
                .replace("%1", str(n_nodes)).replace("%2", str(n_edges)))
            self._show("title")
            if not self.title.hasFocus():
                self.title.setText(doc.get("title", ""))
        del blockers
        self._refresh_live()

    def _fill_activations(self, kind: str) -> None:
        names = activations.OUTPUT if kind == "output" else activations.HIDDEN
        if [self.activation.itemData(i) for i in range(self.activation.count())] != list(names):
            self.activation.clear()
            for name in names:
                self.activation.addItem(act_label(name), name)

    def _snap_index(self, node_id: str):
        s = self.snapshot
        if s is None or node_id not in s.node_ids:
            return None
        return s.node_ids.index(node_id)

    def _live_bias(self, n: dict) -> float:
        j = self._snap_index(n["id"])
        if j is not None and math.isfinite(self.snapshot.biases[j]):
            return float(self.snapshot.biases[j])
        return float(n.get("bias") or 0.0)

    def _live_weight(self, s: str, t: str) -> float:
        snap = self.snapshot
        if snap is not None and (s, t) in snap.edges:
            return float(snap.weights[snap.edges.index((s, t))])
        e = edits.edges(self.model.doc)[edits.edge_index(self.model.doc, s, t)]
        return float(e.get("weight") or 0.0)

    def _refresh_live(self) -> None:
        if len(self.nodes) == 1 and not self.pairs:
            self.maths.setText(self._node_maths(self.nodes[0]))
            n = self.model.node(self.nodes[0])
            if n.get("kind") != "input" and not self.bias.hasFocus():
                with QSignalBlocker(self.bias):
                    self.bias.setValue(self._live_bias(n))
        elif len(self.pairs) == 1 and not self.nodes:
            s, t = self.pairs[0]
            if not self.weight.hasFocus():
                with QSignalBlocker(self.weight):
                    self.weight.setValue(self._live_weight(s, t))
            snap = self.snapshot
            text = f"w = {fmt(self._live_weight(s, t), 4)}"
            delay = self._delay(s, t)
            text += "<br>" + (self.tr("%1 reads x<sub>%2</sub>(t−%3): the value of %2 %3 step(s) before")
                              .replace("%1", t).replace("%2", s).replace("%3", str(delay)) if delay
                              else self.tr("%1 reads x<sub>%2</sub> of the same step").replace("%1", t)
                              .replace("%2", s))
            if snap is not None and (s, t) in snap.edges:
                g = snap.grads[snap.edges.index((s, t))]
                text += "<br>∂J/∂w = " + fmt(float(g), 4)
                source = diagnosis.gradient_source(snap)
                if source:
                    text += f" <i>({source})</i>"
                text += "<br>" + self.tr("update: w ← w − α·∂J/∂w, α = %1").replace(
                    "%1", fmt(snap.learning_rate, 4))
            self.maths.setText(text)
        else:
            self.maths.setText("")

    def _node_maths(self, node_id: str) -> str:
        """The lecture's two lines for neuron j, with the numbers of the current sample."""
        doc = self.model.doc
        n = self.model.node(node_id)
        if n.get("kind") == "input":
            f = n.get("feature", "x1")
            return self.tr("Input neuron: its output is the feature %1 of the sample.").replace(
                "%1", features.LABELS.get(f, f))
        act_name = n.get("activation") or ("sigmoid" if n.get("kind") == "output" else "tanh")
        # a delayed edge brings its source's value of d steps before: x(t − d)
        sources = [(e["source"], int(e.get("delay") or 0)) for e in edits.edges(doc) if e["target"] == node_id]

        def x_of(s: str, d: int) -> str:
            return f"x<sub>{s}</sub>(t−{d})" if d else f"x<sub>{s}</sub>"
        terms = " + ".join(f"w<sub>{s},{node_id}</sub>·{x_of(s, d)}" for s, d in sources) or "0"
        lines = [f"g = {terms} + w<sub>0,{node_id}</sub>",
                 f"y = f(g), &nbsp; {engine_text.formula(act_name)}",
                 f"f′: {engine_text.derivative_formula(act_name)}"]
        snap = self.snapshot
        j = self._snap_index(node_id)
        seq = getattr(snap, "sequence", None)
        if snap is not None and j is not None and seq is not None and seq.length:
            lines += self._sequence_lines(snap, seq, node_id, sources, j)
        elif snap is not None and j is not None and snap.pre.size:
            steps = snap.batch_steps
            row = 0
            if steps is not None and len(steps):
                # sequences: the last step of the first sequence, where every delay has a value
                row = int(np.flatnonzero(snap.batch_rows == snap.batch_rows[0]).max())
            vals = []
            for s, delay in sources:
                if s in snap.node_ids and (s, node_id) in snap.edges:
                    r = row - delay
                    x = snap.act[r, snap.node_ids.index(s)] if delay == 0 or (
                        steps is not None and steps[row] >= delay) else 0.0   # the state starts at 0
                    w = snap.weights[snap.edges.index((s, node_id))]
                    vals.append(f"{fmt(float(w), 3)}·{fmt(float(x), 3)}")
            b = snap.biases[j]
            g = snap.pre[row, j]
            y = snap.act[row, j]
            d = snap.delta[row, j] if snap.delta.size else float("nan")
            if steps is not None and len(steps):
                lines.append("<hr>" + self.tr("For step t = %1 of sequence %2 of the last training step:")
                             .replace("%1", str(int(steps[row]))).replace("%2", str(int(snap.batch_rows[row]))))
            else:
                lines.append("<hr>" + self.tr("For sample %1 of the last step:").replace(
                    "%1", str(int(snap.batch_rows[row])) if len(snap.batch_rows) else "—"))
            lines.append(f"g = {' + '.join(vals) or '0'} + {fmt(float(b), 3)} = <b>{fmt(float(g), 4)}</b>")
            lines.append(f"y = f({fmt(float(g), 3)}) = <b>{fmt(float(y), 4)}</b>")
            lines.append(f"δ = ∂J/∂g = {fmt(float(d), 4)}")
        return "<br>".join(lines)

    def _sequence_lines(self, snap, seq, node_id: str, sources, j: int) -> list[str]:
        """The numbers of step t (the time scrubber's) of the chosen sequence: a delayed
        input brings its source's y of d steps before (0 before the first step)."""
        T = seq.length
        t = T - 1 if self.time_step is None else min(max(int(self.time_step), 0), T - 1)
        vals = []
        for s, delay in sources:
            if s in snap.node_ids and (s, node_id) in snap.edges:
                x = float(seq.act[t - delay, snap.node_ids.index(s)]) if t >= delay else 0.0
                w = snap.weights[snap.edges.index((s, node_id))]
                vals.append(f"{fmt(float(w), 3)}·{fmt(x, 3)}")
        split = self.tr("training sequence %1") if seq.split == "train" else self.tr("test sequence %1")
        g, y, d = float(seq.pre[t, j]), float(seq.act[t, j]), float(seq.delta[t, j])
        return ["<hr>" + self.tr("At step t = %1 of %2:").replace("%1", str(t))
                .replace("%2", split.replace("%1", str(seq.index))),
                f"g = {' + '.join(vals) or '0'} + {fmt(float(snap.biases[j]), 3)} = <b>{fmt(g, 4)}</b>",
                f"y = f({fmt(g, 3)}) = <b>{fmt(y, 4)}</b>",
                f"δ = ∂J/∂g = {fmt(d, 4)}"]

    # edits -------------------------------------------------------------------------------------
    def _kind_edited(self, index: int) -> None:
        if len(self.nodes) != 1:
            return
        kind = self.kind.itemData(index)
        try:
            self.model.undo_stack.push(commands.SetKind(self.model, self.nodes[0], kind))
        except ValueError as exc:
            self.header.setText(f"<span style='color:#c92a2a'>{exc}</span>")
            with QSignalBlocker(self.kind):
                self.kind.setCurrentIndex(self.kind.findData(self.model.node(self.nodes[0]).get("kind")))

    def _activation_edited(self, index: int) -> None:
        name = self.activation.itemData(index)
        if name:
            set_activation(self.model, self.nodes, name)

    def _feature_edited(self, index: int) -> None:
        if len(self.nodes) == 1:
            self.model.undo_stack.push(commands.SetNodeProperty(
                self.model, self.nodes[0], "feature", self.feature.itemData(index)))

    def _bias_edited(self, value: float) -> None:
        if len(self.nodes) == 1:
            self.model.undo_stack.push(commands.SetNodeProperty(self.model, self.nodes[0], "bias", float(value)))

    def _bn_edited(self, on: bool) -> None:
        if len(self.nodes) == 1:
            self.model.undo_stack.push(commands.SetNodeProperty(
                self.model, self.nodes[0], "batch_norm", True if on else None))

    def _weight_edited(self, value: float) -> None:
        if len(self.pairs) == 1:
            s, t = self.pairs[0]
            self.model.undo_stack.push(commands.SetEdgeWeight(self.model, s, t, float(value)))

    def _delay(self, s: str, t: str) -> int:
        e = edits.edges(self.model.doc)[edits.edge_index(self.model.doc, s, t)]
        return int(e.get("delay") or 0)

    def _delay_edited(self, on: bool) -> None:
        if len(self.pairs) != 1:
            return
        s, t = self.pairs[0]
        if bool(self._delay(s, t)) == on:
            return
        try:
            self.model.undo_stack.push(commands.SetEdgeDelay(self.model, s, t, 1 if on else None))
        except ValueError as exc:
            self.header.setText(f"<span style='color:#c92a2a'>{engine_text.refusal(str(exc))}</span>")
            with QSignalBlocker(self.delayed):
                self.delayed.setChecked(bool(self._delay(s, t)))

    def _title_edited(self) -> None:
        text = self.title.text().strip()
        if text and text != self.model.doc.get("title"):
            self.model.undo_stack.push(commands.SetTitle(self.model, text))
