"""Every editor gesture as an undoable command on the model's QUndoStack.

Commands edit the document dict through ``simulator.document.edits`` and notify the model;
they never touch widgets. Labels are translated (they show in Edit ▸ Undo/Redo).
"""
from __future__ import annotations

import copy
import itertools
from collections.abc import Iterable, Mapping

from PySide6.QtGui import QUndoCommand

from ..translate import tr
from ..document import edits
from .model import DocumentModel


def training_key_label(key: str) -> str:
    """A training setting's name for menus and undo labels."""
    return {"loss": tr("loss"), "optimizer": tr("optimiser"), "learning_rate": tr("learning rate"),
            "batch_size": tr("batch size"), "init": tr("initialisation"), "seed": tr("seed"),
            "l1": tr("L1 penalty"), "l2": tr("L2 penalty"), "clip": tr("gradient clipping"),
            "shuffle": tr("shuffling"), "bptt": tr("truncation of backpropagation through time")}.get(key, key)


def data_key_label(key: str) -> str:
    return {"dataset": tr("data set"), "samples": tr("number of samples"), "noise": tr("noise"),
            "test_fraction": tr("test fraction"), "seed": tr("data seed"), "classes": tr("number of classes"),
            "sequences": tr("number of sequences"), "length": tr("steps per sequence"),
            "lag": tr("lag")}.get(key, key)


class _Command(QUndoCommand):
    _tokens = itertools.count(1)

    def __init__(self, model: DocumentModel, text: str):
        super().__init__(text)
        self.model = model
        self.token = next(self._tokens)

    @property
    def doc(self) -> dict:
        return self.model.doc

    # a command that removes parts of the network keeps the run as it was (the worker
    # parks it under the command's token); bringing them back restores their trained values
    def _park(self) -> None:
        self.model.park_training(self.token)

    def _unpark(self) -> None:
        self.model.carry_training(self.token)


class AddNode(_Command):
    def __init__(self, model: DocumentModel, node: dict, index: int | None = None):
        super().__init__(model, tr("Add neuron %1").replace("%1", node["id"]))
        self.node_dict = node
        self.index = index

    def redo(self):
        edits.insert_node(self.doc, copy.deepcopy(self.node_dict), self.index)
        self._unpark()
        self.model.notify_nodes_added([self.node_dict["id"]])

    def undo(self):
        self._park()
        edits.remove_nodes(self.doc, [self.node_dict["id"]])
        self.model.notify_nodes_removed([self.node_dict["id"]])


class RemoveItems(_Command):
    """Delete neurons (with every connection touching them) and connections."""

    def __init__(self, model: DocumentModel, node_ids: Iterable[str] = (),
                 pairs: Iterable[tuple[str, str]] = ()):
        self.node_ids = list(node_ids)
        self.pairs = [tuple(p) for p in pairs]
        n, e = len(self.node_ids), len(self.pairs)
        if n and not e:
            text = tr("Delete %1 neuron(s)").replace("%1", str(n))
        elif e and not n:
            text = tr("Delete %1 connection(s)").replace("%1", str(e))
        else:
            text = tr("Delete %1 item(s)").replace("%1", str(n + e))
        super().__init__(model, text)
        self.removed_nodes: list = []
        self.removed_edges: list = []

    def redo(self):
        # edges first (their own indices), then the nodes with the edges touching them;
        # both lists keep their original indices so undo restores the exact order
        ids = set(self.node_ids)
        explicit = [p for p in self.pairs if p[0] not in ids and p[1] not in ids]
        all_pairs = set(explicit) | {(e["source"], e["target"]) for e in edits.edges(self.doc)
                                     if e["source"] in ids or e["target"] in ids}
        self._park()
        self.removed_edges = edits.remove_edges(self.doc, all_pairs)
        self.removed_nodes, _ = edits.remove_nodes(self.doc, ids)
        if self.node_ids:
            self.model.notify_nodes_removed(self.node_ids)
        else:
            self.model.notify_edges_changed()

    def undo(self):
        edits.restore(self.doc, self.removed_nodes, [])
        edits.restore(self.doc, [], self.removed_edges)
        self._unpark()
        if self.node_ids:
            self.model.notify_nodes_added([n["id"] for _, n in self.removed_nodes])
        self.model.notify_edges_changed()


class AddEdges(_Command):
    """Connect pairs; pairs refused by the rules are left out (``refused`` says why)."""

    def __init__(self, model: DocumentModel, pairs: Iterable[tuple[str, str]]):
        self.pairs = [tuple(p) for p in pairs]
        probe = copy.deepcopy(model.doc)
        added, self.refused = edits.add_edges(probe, self.pairs)
        self.added = [(e["source"], e["target"]) for e in added]
        if len(self.added) == 1:
            text = tr("Connect %1 → %2").replace("%1", self.added[0][0]).replace("%2", self.added[0][1])
        else:
            text = tr("Connect %1 pair(s)").replace("%1", str(len(self.added)))
        super().__init__(model, text)

    def redo(self):
        edits.add_edges(self.doc, self.added)
        self._unpark()
        self.model.notify_edges_changed()

    def undo(self):
        self._park()
        edits.remove_edges(self.doc, self.added)
        self.model.notify_edges_changed()


class InsertEdges(_Command):
    """Put connections back exactly as given (delay and weight included) at their places,
    e.g. a lesson's delayed edges restored."""

    def __init__(self, model: DocumentModel, placed: Iterable[tuple[int, Mapping]], text: str | None = None):
        self.placed = sorted((int(i), copy.deepcopy(dict(e))) for i, e in placed)
        super().__init__(model, text or tr("Connect %1 pair(s)").replace("%1", str(len(self.placed))))

    def redo(self):
        edits.restore(self.doc, [], copy.deepcopy(self.placed))
        self.model.notify_edges_changed()

    def undo(self):
        edits.remove_edges(self.doc, [(e["source"], e["target"]) for _, e in self.placed])
        self.model.notify_edges_changed()


class MoveNodes(_Command):
    def __init__(self, model: DocumentModel, new: Mapping[str, tuple[float, float]],
                 old: Mapping[str, tuple[float, float]] | None = None, text: str | None = None):
        super().__init__(model, text or tr("Move %1 neuron(s)").replace("%1", str(len(new))))
        self.new = {k: tuple(v) for k, v in new.items()}
        self.old = ({k: tuple(v) for k, v in old.items()} if old is not None else
                    {k: tuple(model.node(k).get("pos", (0.0, 0.0))) for k in new})

    def redo(self):
        edits.move_nodes(self.doc, self.new)
        self.model.notify_nodes_moved(list(self.new))

    def undo(self):
        edits.move_nodes(self.doc, self.old)
        self.model.notify_nodes_moved(list(self.old))


class SetNodeProperty(_Command):
    """activation, bias, batch_norm, feature, alpha; consecutive edits of one field merge."""

    ID = 1001

    def __init__(self, model: DocumentModel, node_id: str, key: str, value):
        what = {"activation": tr("Set the activation of %1"), "bias": tr("Set the bias of %1"),
                "batch_norm": tr("Switch batch normalisation of %1"), "alpha": tr("Set the slope of %1"),
                "feature": tr("Set the feature of %1")}.get(key, tr("Change %1"))
        super().__init__(model, what.replace("%1", node_id))
        self.node_id, self.key, self.value = node_id, key, value
        self.old = copy.deepcopy(model.node(node_id).get(key))

    def id(self):
        return self.ID

    def mergeWith(self, other):
        if isinstance(other, SetNodeProperty) and (other.node_id, other.key) == (self.node_id, self.key) \
                and self.key in ("bias", "alpha"):
            self.value = other.value
            return True
        return False

    def redo(self):
        edits.set_node_property(self.doc, self.node_id, self.key, self.value)
        self.model.notify_node_changed(self.node_id, self.key)

    def undo(self):
        edits.set_node_property(self.doc, self.node_id, self.key, self.old)
        self.model.notify_node_changed(self.node_id, self.key)


class SetKind(_Command):
    def __init__(self, model: DocumentModel, node_id: str, kind: str):
        text = {"input": tr("Make %1 an input neuron"), "hidden": tr("Make %1 a hidden neuron"),
                "output": tr("Make %1 an output neuron")}[kind]
        super().__init__(model, text.replace("%1", node_id))
        self.node_id, self.kind = node_id, kind
        probe = copy.deepcopy(model.doc)
        edits.set_kind(probe, node_id, kind)        # raises ValueError when not allowed
        self.old = copy.deepcopy(model.node(node_id))

    def redo(self):
        edits.set_kind(self.doc, self.node_id, self.kind)
        self.model.notify_node_changed(self.node_id, "kind")

    def undo(self):
        edits.replace_node(self.doc, copy.deepcopy(self.old))
        self.model.notify_node_changed(self.node_id, "kind")


class SetEdgeWeight(_Command):
    ID = 1002

    def __init__(self, model: DocumentModel, source: str, target: str, weight: float | None):
        super().__init__(model, tr("Set weight %1 → %2").replace("%1", source).replace("%2", target))
        self.source, self.target, self.weight = source, target, weight
        self.old = edits.edges(model.doc)[edits.edge_index(model.doc, source, target)].get("weight")

    def id(self):
        return self.ID

    def mergeWith(self, other):
        if isinstance(other, SetEdgeWeight) and (other.source, other.target) == (self.source, self.target):
            self.weight = other.weight
            return True
        return False

    def redo(self):
        edits.set_edge_weight(self.doc, self.source, self.target, self.weight)
        self.model.notify_edge_weight(self.source, self.target)

    def undo(self):
        edits.set_edge_weight(self.doc, self.source, self.target, self.old)
        self.model.notify_edge_weight(self.source, self.target)


class SetTraining(_Command):
    ID = 1003

    def __init__(self, model: DocumentModel, key: str, value):
        super().__init__(model, tr("Set the %1").replace("%1", training_key_label(key)))
        self.key, self.value = key, value
        self.old = copy.deepcopy(model.doc["training"].get(key))

    def id(self):
        return self.ID

    def mergeWith(self, other):
        if isinstance(other, SetTraining) and other.key == self.key and self.key in (
                "learning_rate", "l1", "l2", "clip", "batch_size", "seed"):
            self.value = other.value
            return True
        return False

    def redo(self):
        self.model.doc["training"][self.key] = copy.deepcopy(self.value)
        self.model.notify_training(self.key)

    def undo(self):
        self.model.doc["training"][self.key] = copy.deepcopy(self.old)
        self.model.notify_training(self.key)


class SetData(_Command):
    """Replace the data section (data set, noise, samples, points, CSV...)."""

    def __init__(self, model: DocumentModel, data: dict, text: str | None = None):
        super().__init__(model, text or tr("Change the data"))
        self.new = copy.deepcopy(data)
        self.old = copy.deepcopy(model.doc["data"])

    def redo(self):
        self.model.doc["data"] = copy.deepcopy(self.new)
        self.model.notify_data()

    def undo(self):
        self.model.doc["data"] = copy.deepcopy(self.old)
        self.model.notify_data()


class SetTitle(_Command):
    def __init__(self, model: DocumentModel, title: str):
        super().__init__(model, tr("Rename the network"))
        self.new, self.old = title, model.doc.get("title", "")

    def redo(self):
        self.model.doc["title"] = self.new
        self.model.notify_title()

    def undo(self):
        self.model.doc["title"] = self.old
        self.model.notify_title()


class AddDelayedEdge(_Command):
    """One delayed (recurrent) connection: it carries its source's value of ``delay`` steps
    before, so it may close a cycle or be a self-loop. ValueError when not allowed."""

    def __init__(self, model: DocumentModel, source: str, target: str, delay: int = 1):
        why = edits.delayed_refusal(model.doc, source, target)
        if why:
            raise ValueError(why)
        text = (tr("Add a self-loop on %1 (previous step)").replace("%1", source) if source == target
                else tr("Connect %1 → %2, delayed (previous step)").replace("%1", source).replace("%2", target))
        super().__init__(model, text)
        self.source, self.target, self.delay = source, target, int(delay)

    def redo(self):
        edits.add_edge(self.doc, self.source, self.target, self.delay)
        self.model.notify_edges_changed()

    def undo(self):
        edits.remove_edges(self.doc, [(self.source, self.target)])
        self.model.notify_edges_changed()


class SetEdgeDelay(_Command):
    """Make a connection delayed (it reads the previous step) or an ordinary one again.
    ValueError (with the reason) when an ordinary one would close a cycle."""

    def __init__(self, model: DocumentModel, source: str, target: str, delay: int | None):
        e = edits.edges(model.doc)[edits.edge_index(model.doc, source, target)]
        self.old = e.get("delay")
        if not delay and self.old:
            why = edits.delay_removal_refusal(model.doc, source, target)
            if why:
                raise ValueError(why)
        text = (tr("Make %1 → %2 delayed (previous step)") if delay
                else tr("Make %1 → %2 an ordinary connection (same step)"))
        super().__init__(model, text.replace("%1", source).replace("%2", target))
        self.source, self.target, self.delay = source, target, (int(delay) if delay else None)

    def redo(self):
        edits.set_edge_delay(self.doc, self.source, self.target, self.delay)
        self.model.notify_edges_changed()

    def undo(self):
        edits.set_edge_delay(self.doc, self.source, self.target, self.old)
        self.model.notify_edges_changed()
