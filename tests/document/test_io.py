"""Files: round trip, atomic save with a backup, nothing invalid written."""
import json
import os

import pytest

from simulator.document import DocumentError, dumps, lessons, load, loads, mlp, save


def test_round_trip_load_save_load(tmp_path):
    for lesson_id in lessons.ids():
        doc = lessons.load_lesson(lesson_id)
        path = save(doc, tmp_path / f"{lesson_id}.nnsim.json")
        assert load(path) == doc


def test_dumps_is_json_with_one_item_per_line():
    doc = mlp([2, 2, 1])
    text = dumps(doc)
    assert json.loads(text) == doc
    assert sum(1 for line in text.splitlines() if line.strip().startswith('{"id"')) == 5


def test_defaults_are_filled_in():
    doc = loads('{"format": "nnsim", "version": 1, "network": {"nodes": [], "edges": []}}')
    assert doc["training"]["shuffle"] is True and doc["training"]["loss"] == "bce"
    assert doc["data"]["dataset"] == "xor"


def test_save_is_atomic_and_keeps_a_backup(tmp_path):
    path = tmp_path / "net.nnsim.json"
    first = mlp([2, 1], title="first")
    save(first, path)
    second = mlp([2, 3, 1], title="second")
    save(second, path)
    assert load(path)["title"] == "second"
    assert json.loads((tmp_path / "net.nnsim.json.bak").read_text())["title"] == "first"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_invalid_document_is_never_written(tmp_path):
    path = tmp_path / "net.nnsim.json"
    save(mlp([2, 1]), path)
    before = path.read_bytes()
    bad = mlp([2, 1])
    bad["network"]["edges"].append({"source": "x1", "target": "nowhere"})
    with pytest.raises(DocumentError):
        save(bad, path)
    assert path.read_bytes() == before


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "net.nnsim.json"
    save(mlp([2, 1], title="kept"), path)

    def boom(*a, **k):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save(mlp([2, 1], title="lost"), path)
    assert load(path)["title"] == "kept"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_saved_file_has_the_mode_of_a_new_file_or_keeps_its_own(tmp_path):
    """Not the private 0600 of a temporary file: a lesson saved for a class must be readable."""
    mask = os.umask(0o022)
    os.umask(mask)
    path = tmp_path / "net.nnsim.json"
    save(mlp([2, 2, 1]), path)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
    os.chmod(path, 0o640)
    save(mlp([2, 3, 1]), path)
    assert path.stat().st_mode & 0o777 == 0o640
