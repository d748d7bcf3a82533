"""Autosave and crash recovery: no edit is lost when the laptop dies mid-lesson.

While a window is open its document is written (atomically) to the user's data folder
every 30 s when it has unsaved changes, and shortly after every structural edit. A clean
exit removes the autosave; a crash leaves it, and the next start offers to recover it
(the session's process id tells a live session from a dead one).
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from ..document import DocumentError, load, save

INTERVAL_MS = 30_000
EDIT_DELAY_MS = 400


def data_folder() -> Path:
    """Where autosaves live (``NNSIM_DATA_DIR`` overrides it, e.g. for tests)."""
    override = os.environ.get("NNSIM_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder = folder / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:      # someone else's live process
        return True
    except OSError:
        return False
    return True


class Autosaver(QObject):
    """``document``: what to write (by default the model's document; the window passes
    one holding the trained weights, as File ▸ Save writes)."""

    def __init__(self, model, folder: Path | None = None, interval_ms: int = INTERVAL_MS, parent=None,
                 document: Callable[[], dict] | None = None):
        super().__init__(parent)
        self.model = model
        self.document = document or (lambda: self.model.doc)
        self.folder = folder or data_folder()
        stem = f"session-{os.getpid()}-{id(self):x}"
        self.doc_path = self.folder / f"{stem}.nnsim.json"
        self.meta_path = self.folder / f"{stem}.meta.json"
        self.writes = 0
        self.last_error: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_if_modified)
        self._timer.start()
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(EDIT_DELAY_MS)
        self._soon.timeout.connect(self.save_if_modified)
        for sig in (model.nodesAdded, model.nodesRemoved, model.edgesChanged, model.nodeChanged,
                    model.dataChanged, model.trainingChanged, model.nodesMoved):
            sig.connect(self._edited)
        model.undo_stack.cleanChanged.connect(self._clean_changed)

    def _edited(self, *args) -> None:
        self._soon.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean and not self.model.is_modified():
            self.discard()                 # the file on disk holds it now

    def save_if_modified(self) -> bool:
        if not self.model.is_modified():
            return False
        return self.save_now()

    def save_now(self) -> bool:
        m = self.model
        try:
            save(self.document(), self.doc_path, backup=False)
            meta = {"pid": os.getpid(), "saved_at": time.time(), "title": m.display_title(),
                    "path": str(m.path) if m.path else None, "lesson": m.lesson_id}
            tmp = self.meta_path.with_suffix(".tmp")
            tmp.write_text(json.dumps(meta), encoding="utf-8")
            os.replace(tmp, self.meta_path)
        except (OSError, DocumentError) as exc:     # never let autosave disturb the user
            self.last_error = str(exc)
            return False
        self.writes += 1
        return True

    def discard(self) -> None:
        for p in (self.doc_path, self.meta_path):
            try:
                p.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()


def recoverable(folder: Path | None = None) -> list[dict]:
    """Autosaves left by sessions that are no longer running, newest first."""
    folder = folder or data_folder()
    found = []
    for meta_path in folder.glob("session-*.meta.json"):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            pid = int(meta.get("pid", -1))
        except (OSError, ValueError, TypeError):
            continue
        doc_path = meta_path.with_name(meta_path.name.replace(".meta.json", ".nnsim.json"))
        if _alive(pid) or not doc_path.exists():
            continue
        meta["doc_path"] = str(doc_path)
        meta["meta_path"] = str(meta_path)
        found.append(meta)
    return sorted(found, key=lambda m: m.get("saved_at", 0), reverse=True)


def load_recovered(meta: dict) -> dict:
    return load(meta["doc_path"])


def forget(meta: dict) -> None:
    for key in ("doc_path", "meta_path"):
        try:
            Path(meta[key]).unlink()
        except OSError:
            pass
