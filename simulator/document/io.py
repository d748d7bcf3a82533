"""Reading and writing ``*.nnsim.json`` files: validated on the way in, atomic on the way out."""
from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..engine import sequences
from .format import DEFAULT_DATA, DEFAULT_TRAINING, FORMAT, VERSION
from .validate import DocumentError, check


def _read_umask() -> int:
    mask = os.umask(0o022)        # the only way to read it is to set it: set it back at once
    os.umask(mask)
    return mask


_UMASK = _read_umask()           # read once, at import, before any thread exists

MAX_FILE_BYTES = 50 * 1024 * 1024


def normalise(doc: Mapping) -> dict:
    """A deep copy of a valid document with every default filled in."""
    # a JSON round trip copies plain JSON data several times faster than copy.deepcopy
    out = json.loads(json.dumps(dict(doc), allow_nan=True))
    out["format"], out["version"] = FORMAT, VERSION
    out.setdefault("title", "Untitled network")
    net = out.setdefault("network", {})
    net.setdefault("nodes", [])
    net.setdefault("edges", [])
    training = out.setdefault("training", {})
    for k, v in DEFAULT_TRAINING.items():
        training.setdefault(k, v)
    data = out.setdefault("data", {})
    if sequences.is_sequence_spec(data):
        defaults = {"test_fraction": sequences.DEFAULTS["test_fraction"], "seed": 0}
        if "dataset" in data:
            defaults.update(sequences.DEFAULTS, **sequences.PARAMETERS[data["dataset"]])
        for k, v in defaults.items():
            data.setdefault(k, v)
    elif not any(k in data for k in ("csv", "points", "train")):
        for k, v in DEFAULT_DATA.items():
            data.setdefault(k, v)
    else:
        data.setdefault("test_fraction", DEFAULT_DATA["test_fraction"])
        data.setdefault("seed", 0)
    return out


def loads(text: str | bytes, source: str = "document") -> dict:
    """Parse and validate a document; :class:`DocumentError` says what is wrong and where."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{source}: not a UTF-8 text file (byte {exc.start})") from None
    if not text.strip():
        raise DocumentError(f"{source}: the file is empty")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{source}: not valid JSON: {exc.msg} at line {exc.lineno}, "
                            f"column {exc.colno}") from None
    except RecursionError:
        raise DocumentError(f"{source}: the JSON is nested too deeply") from None
    check(doc)
    return normalise(doc)


def load(path: str | os.PathLike) -> dict:
    """Read a document file; every failure is a :class:`DocumentError` naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(f"{path.name}: {size // (1024 * 1024)} MB is too large for a "
                                f"network document (limit {MAX_FILE_BYTES // (1024 * 1024)} MB)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise DocumentError(f"{path} is a folder, not a document") from None
    except PermissionError:
        raise DocumentError(f"{path}: permission denied") from None
    except OSError as exc:
        raise DocumentError(f"{path}: {exc.strerror or exc}") from None
    try:
        return loads(raw, path.name)
    except DocumentError as exc:
        errors = [e if e.startswith(path.name) else f"{path.name}: {e}" for e in exc.errors]
        raise DocumentError(errors) from None


def dumps(doc: Mapping) -> str:
    """JSON text, one neuron or connection per line so the file reads and diffs well."""
    doc = dict(doc)
    net = doc.get("network", {})
    body = {k: v for k, v in doc.items() if k != "network"}
    lines = ["{"]
    keys = list(doc.keys())
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        if key == "network":
            lines.append('  "network": {')
            for m, part in enumerate(("nodes", "edges")):
                items = net.get(part, [])
                sep = "," if m == 0 else ""
                if not items:
                    lines.append(f'    "{part}": []{sep}')
                    continue
                lines.append(f'    "{part}": [')
                for j, item in enumerate(items):
                    tail = "," if j < len(items) - 1 else ""
                    lines.append("      " + json.dumps(item, ensure_ascii=False) + tail)
                lines.append(f"    ]{sep}")
            lines.append("  }" + comma)
        else:
            value = json.dumps(body[key], ensure_ascii=False, indent=2).replace("\n", "\n  ")
            lines.append(f'  {json.dumps(key)}: {value}{comma}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def save(doc: Mapping, path: str | os.PathLike, backup: bool = True) -> Path:
    """Write atomically (temp file in the same folder, fsync, rename), keeping the previous
    version as ``<name>.bak``. The document is validated first: nothing invalid is written."""
    check(doc)
    path = Path(path)
    text = dumps(doc)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600): give it the mode a plain new file would
        # have (the one it replaces keeps its own), or a saved lesson is unreadable to others
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_UMASK)
        if backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path
