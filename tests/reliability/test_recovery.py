"""No lost work: autosave while editing, kill -9, restart, recover."""
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

EDITOR = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, %(root)r)
    from PySide6.QtWidgets import QApplication
    from simulator.ui.application import make_app
    app = make_app()
    from simulator.ui.main_window import MainWindow
    from simulator.ui import commands
    from simulator.document import edits, new_document
    w = MainWindow(restore=False)
    w.show()
    w.model.replace(new_document("half-drawn XOR"))
    m = w.model
    for kind, pos in (("input", (0, 0)), ("input", (0, 90)), ("hidden", (200, 45))):
        m.undo_stack.push(commands.AddNode(m, edits.make_node(m.doc, kind, pos)))
    m.undo_stack.push(commands.AddEdges(m, [("x1", "h1"), ("x2", "h1")]))
    t0 = time.time()
    while w.autosaver.writes == 0 and time.time() - t0 < 20:
        app.processEvents()
        time.sleep(0.01)
    print("AUTOSAVED", w.autosaver.writes, flush=True)
    while True:                       # mid-edit: the test kills us here
        app.processEvents()
        time.sleep(0.01)
""")

RESTART = textwrap.dedent("""
    import sys, json
    sys.path.insert(0, %(root)r)
    from simulator.ui.application import make_app
    app = make_app()
    from simulator.ui.main_window import MainWindow
    w = MainWindow(restore=False)
    recovered = w.offer_recovery()
    print(json.dumps({"recovered": recovered, "title": w.model.doc.get("title"),
                      "nodes": [n["id"] for n in w.model.doc["network"]["nodes"]],
                      "edges": [[e["source"], e["target"]] for e in w.model.doc["network"]["edges"]],
                      "modified": w.isWindowModified()}))
    w.model.mark_saved()
    w.shutdown()
""")


def env(tmp_path):
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NNSIM_DATA_DIR": str(tmp_path),
            "NNSIM_SETTINGS_SCOPE": "tests-recovery", "NNSIM_RECOVER": "yes"}


def test_kill_9_mid_edit_then_restart_recovers(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", EDITOR % {"root": str(ROOT)}], env=env(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("AUTOSAVED"), (line, proc.stderr.read() if proc.poll() is not None else "")
        assert int(line.split()[1]) >= 1
    finally:
        os.kill(proc.pid, signal.SIGKILL)          # the laptop dies
        proc.wait(10)
    assert list((tmp_path / "autosave").glob("session-*.nnsim.json"))
    r = subprocess.run([sys.executable, "-c", RESTART % {"root": str(ROOT)}], env=env(tmp_path),
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["recovered"] and out["title"] == "half-drawn XOR"
    assert out["nodes"] == ["x1", "x2", "h1"] and out["edges"] == [["x1", "h1"], ["x2", "h1"]]
    assert out["modified"]                          # recovered work is unsaved until saved
    assert not list((tmp_path / "autosave").glob("session-*"))   # offered once, then gone


def test_a_clean_exit_leaves_nothing_to_recover(window, tmp_path, monkeypatch):
    from simulator.ui import autosave
    from simulator.ui import commands
    from simulator.document import edits
    w = window
    monkeypatch.setattr(w.autosaver, "folder", tmp_path)
    w.autosaver.doc_path = tmp_path / "s.nnsim.json"
    w.autosaver.meta_path = tmp_path / "s.meta.json"
    m = w.model
    m.undo_stack.push(commands.AddNode(m, edits.make_node(m.doc, "hidden", (0, 0))))
    assert w.autosaver.save_if_modified() and w.autosaver.doc_path.exists()
    w._save_to(tmp_path / "mine.nnsim.json")      # saving makes the autosave redundant
    assert not w.autosaver.doc_path.exists()
    assert autosave.recoverable(tmp_path) == []


def test_live_sessions_are_not_offered(tmp_path):
    from simulator.ui import autosave
    meta = {"pid": os.getpid(), "saved_at": time.time(), "title": "mine"}
    (tmp_path / "session-1.meta.json").write_text(json.dumps(meta))
    (tmp_path / "session-1.nnsim.json").write_text("{}")
    assert autosave.recoverable(tmp_path) == []
