"""The open document as a Qt object: the dict, its file, its undo stack and change signals.

Every change goes through an undoable command (``commands.py``) which edits the dict with
``simulator.document.edits`` and then calls one of the ``notify_*`` methods here; views
(the editor scene, panels, the training runtime) redraw from these signals only.
"""
from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..document import edits, lessons, new_document, normalise, trained


class DocumentModel(QObject):
    replaced = Signal()                  # a whole new document (New, Open, lesson)
    nodesAdded = Signal(list)            # ids
    nodesRemoved = Signal(list)          # ids
    edgesChanged = Signal()              # connections added or removed
    nodeChanged = Signal(str, str)       # id, property ("activation", "bias", "kind", ...)
    nodesMoved = Signal(list)            # ids
    edgeWeightChanged = Signal(str, str)
    trainingChanged = Signal(str)        # key of doc["training"]
    dataChanged = Signal()
    titleChanged = Signal()
    networkChanged = Signal()            # anything the engine must recompile for
    pathChanged = Signal()
    modifiedChanged = Signal(bool)       # saved or not, edits and training together
    parkTraining = Signal(int)           # an edit removes parts of the network (token)
    carryTraining = Signal(int)          # its undo brings them back (token)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.doc: dict = new_document()
        self.path: Path | None = None
        self.lesson_id: str | None = None
        self.revision = 0                # bumps on every change the engine must know of
        self.undo_stack = QUndoStack(self)
        self.unsaved_outside_undo = False  # e.g. carried over from a window rebuilt for a language
        self._trained: dict | None = None   # a saved run the next compile continues
        # training changes what Save writes: (epoch, step) shown and at the last save
        self.progress: tuple[int, int] | None = None
        self.saved_progress: tuple[int, int] | None = None
        self._progress_floor = 0            # snapshots older than this revision are stale
        self.undo_stack.cleanChanged.connect(lambda _clean: self.modifiedChanged.emit(self.is_modified()))

    # whole documents -------------------------------------------------------------------
    def replace(self, doc: dict, path: Path | None = None, lesson_id: str | None = None) -> None:
        """Load a new document (already validated); clears the undo history. A document
        saved after training (its ``trained`` block) is kept as drawn, and its run is handed
        to the next compile (``take_trained``)."""
        self.doc, self._trained = trained.detach(normalise(doc))
        self.progress = self.saved_progress = None
        self._progress_floor = self.revision + 1
        self.path = Path(path) if path else None
        self.lesson_id = lesson_id
        self.revision += 1
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.unsaved_outside_undo = False
        self.replaced.emit()
        self.pathChanged.emit()
        self.networkChanged.emit()

    def adopt(self, other: "DocumentModel") -> None:
        """Take over another model's document without a "replaced" signal (the training
        that follows it goes on); its undo history stays behind, its unsaved state not."""
        self.doc, self.path, self.lesson_id, self.revision = other.doc, other.path, other.lesson_id, other.revision
        self.unsaved_outside_undo = other.is_modified()
        self.progress = self.saved_progress = other.progress
        self._progress_floor = other._progress_floor

    def take_trained(self) -> dict | None:
        """The run the opened file saved, once (a later compile starts afresh)."""
        state, self._trained = self._trained, None
        return state

    def is_modified(self) -> bool:
        return (self.unsaved_outside_undo or not self.undo_stack.isClean()
                or self.progress != self.saved_progress)

    def mark_saved(self) -> None:
        self.unsaved_outside_undo = False
        self.saved_progress = self.progress
        self.undo_stack.setClean()
        self.modifiedChanged.emit(self.is_modified())

    def note_progress(self, revision: int, epoch: int, step: int) -> None:
        """Training reached (epoch, step): an unsaved change unless the file holds just that.
        The first state shown after a document is opened is the one it holds."""
        if revision < self._progress_floor:
            return                          # a snapshot of the document this one replaced
        progress = (int(epoch), int(step))
        if progress == self.progress:
            return
        was = self.is_modified()
        if self.progress is None and self.saved_progress is None:
            self.saved_progress = progress
        self.progress = progress
        if self.is_modified() != was:
            self.modifiedChanged.emit(self.is_modified())

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path else None
        self.lesson_id = None if path else self.lesson_id
        self.pathChanged.emit()

    def snapshot_copy(self) -> dict:
        """A copy for another thread: its own lists and node/edge dicts (what edits
        change in place), sharing the scalar values and the data rows, which no one
        mutates (edits replace them). Much faster than a deep copy of a large network."""
        d = self.doc
        out = {k: (copy.deepcopy(v) if isinstance(v, (dict, list)) and k not in ("network", "data")
                   else v) for k, v in d.items()}
        net = d["network"]
        out["network"] = {"nodes": [dict(n) for n in net["nodes"]], "edges": [dict(e) for e in net["edges"]]}
        out["data"] = dict(d.get("data", {}))
        return out

    # queries ------------------------------------------------------------------------------
    def node(self, node_id: str) -> dict:
        return edits.node(self.doc, node_id)

    def has_node(self, node_id: str) -> bool:
        return any(n["id"] == node_id for n in self.doc["network"]["nodes"])

    def node_ids(self) -> list[str]:
        return [n["id"] for n in self.doc["network"]["nodes"]]

    def edge_pairs(self) -> list[tuple[str, str]]:
        return edits.edge_pairs(self.doc)

    def display_title(self) -> str:
        if self.path is not None:
            return self.path.name
        if self.lesson_id:
            # the lesson's title in the interface's language
            from PySide6.QtWidgets import QApplication
            language = getattr(QApplication.instance(), "nnsim_language", "en")
            return lessons.localized(self.doc, language)[0] or self.lesson_id
        return self.doc.get("title") or self.tr("Untitled network")

    # notifications (called by commands after they edit the dict) -------------------------
    def _bump(self) -> None:
        self.revision += 1
        self.networkChanged.emit()

    def notify_nodes_added(self, ids: list[str]) -> None:
        self.nodesAdded.emit(ids)
        self._bump()

    def notify_nodes_removed(self, ids: list[str]) -> None:
        self.nodesRemoved.emit(ids)
        self.edgesChanged.emit()
        self._bump()

    def notify_edges_changed(self) -> None:
        self.edgesChanged.emit()
        self._bump()

    def notify_node_changed(self, node_id: str, key: str) -> None:
        self.nodeChanged.emit(node_id, key)
        if key != "pos":
            self._bump()

    def notify_nodes_moved(self, ids: list[str]) -> None:
        self.nodesMoved.emit(ids)

    def notify_edge_weight(self, source: str, target: str) -> None:
        self.edgeWeightChanged.emit(source, target)
        self._bump()

    def notify_training(self, key: str) -> None:
        self.trainingChanged.emit(key)
        self.revision += 1

    def notify_data(self) -> None:
        self.dataChanged.emit()
        self._bump()

    def notify_title(self) -> None:
        self.titleChanged.emit()

    def park_training(self, token: int) -> None:
        """Called by a command before it removes parts of the network (see the worker)."""
        self.parkTraining.emit(token)

    def carry_training(self, token: int) -> None:
        """Called by a command after it brought back parts it had removed."""
        self.carryTraining.emit(token)
