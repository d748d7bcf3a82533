"""Keyboard shortcuts: each key does one thing, each advertised key works, and the shortcuts
dialog lists each key once. Also checked under X11 (xcb in Xvfb), whose key bindings differ
from the offscreen platform's: there Qt's own standard Redo is Ctrl+Shift+Z."""
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from .driving import menu_action
from .mouse import at, click

ROOT = Path(__file__).resolve().parents[2]
NATIVE = QKeySequence.SequenceFormat.PortableText


def window_actions(w) -> list[QAction]:
    """Every action a person can reach: the menus (and their submenus), the toolbars and
    the window's own actions, each once."""
    seen: dict[int, QAction] = {}

    def walk(actions):
        for a in actions:
            if id(a) in seen or a.isSeparator():
                continue
            seen[id(a)] = a
            if a.menu() is not None:
                walk(a.menu().actions())

    walk(w.menuBar().actions())
    for tb in (w.toolbar, w.train.toolbar):
        walk(tb.actions())
    walk(w.actions())
    walk(w.findChildren(QAction))
    return list(seen.values())


def shortcut_table(w) -> dict[str, list[QAction]]:
    table: dict[str, list[QAction]] = {}
    for a in window_actions(w):
        if not a.isEnabled() or a.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue
        for seq in a.shortcuts():
            if not seq.isEmpty():
                table.setdefault(seq.toString(NATIVE), []).append(a)
    return table


def test_no_two_enabled_actions_share_a_shortcut(window):
    w = window
    for a in window_actions(w):
        keys = [s.toString(NATIVE) for s in a.shortcuts() if not s.isEmpty()]
        assert len(keys) == len(set(keys)), f"{a.text()!r} registers a key twice: {keys}"
    clashes = {k: [a.text() for a in v] for k, v in shortcut_table(w).items() if len(v) > 1}
    assert not clashes, clashes
    # the keys the guide promises are there (Undo and Redo too, though disabled now)
    keys = {s.toString(NATIVE) for a in window_actions(w) for s in a.shortcuts()}
    for key in ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+Return", "Space", "Ctrl+S", "F1"):
        assert key in keys, key


def fired_actions(w):
    fired = []
    for a in window_actions(w):
        a.triggered.connect(lambda _checked=False, a=a: fired.append(a.text().replace("&", "")))
    return fired


def test_undo_and_redo_keys_fire_exactly_one_action(window, qtbot):
    w = window
    w.model.replace(w.model.doc)
    view = w.view
    fired = fired_actions(w)
    click(view.viewport(), at(view, 0, 0))              # draw a neuron
    assert len(w.model.doc["network"]["nodes"]) == 1
    undo_keys = [s.toString(NATIVE) for s in w.act_undo.shortcuts()]
    redo_keys = [s.toString(NATIVE) for s in w.act_redo.shortcuts()]
    assert "Ctrl+Z" in undo_keys and {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(redo_keys)
    for key in ("Ctrl+Shift+Z", "Ctrl+Y"):
        fired.clear()
        QTest.keySequence(w, QKeySequence("Ctrl+Z"))
        assert fired == ["Undo"] and w.model.doc["network"]["nodes"] == []
        fired.clear()
        QTest.keySequence(w, QKeySequence(key))
        assert fired == ["Redo"], key
        assert len(w.model.doc["network"]["nodes"]) == 1, key


def test_the_shortcuts_dialog_lists_each_key_once(window, monkeypatch):
    w = window
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    QTest.keyClick(w, Qt.Key.Key_F1)
    assert shown, "F1 shows the shortcuts"
    keys = []
    for cell in re.findall(r"<tr><td><b>(.*?)</b></td>", shown[0]):
        keys += [k.strip() for k in re.split(r",|/", cell) if k.strip()]
    counts = Counter(keys)
    assert counts["Space"] == 1, counts
    assert not [k for k, n in counts.items() if n > 1], counts
    # what it lists for Undo and Redo is what the actions answer to
    for a in (w.act_undo, w.act_redo):
        for s in a.shortcuts():
            if s.toString(NATIVE).startswith("Ctrl"):
                assert s.toString(QKeySequence.SequenceFormat.NativeText) in keys
    assert menu_action(w, "Help", "Keyboard Shortcuts").shortcut().toString(NATIVE) == "F1"


# X11 ---------------------------------------------------------------------------------------
X11_SCRIPT = textwrap.dedent(r"""
    import json, sys
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    warnings = []
    qInstallMessageHandler(lambda kind, ctx, msg: warnings.append(msg)
                           if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in msg else None)
    app = QApplication(sys.argv)
    app.setOrganizationName("nnsim-tests"); app.setApplicationName("nnsim-tests")
    from simulator.ui.main_window import MainWindow
    w = MainWindow(restore=False)
    w.show(); w.activateWindow()
    for _ in range(50):
        app.processEvents()
    sys.path.insert(0, sys.argv[1])
    from tests.ui.test_shortcuts import fired_actions, shortcut_table, window_actions
    P = QKeySequence.SequenceFormat.PortableText
    dup_within = {a.text(): [s.toString(P) for s in a.shortcuts()] for a in window_actions(w)
                  if len({s.toString(P) for s in a.shortcuts()}) != len(a.shortcuts())}
    clashes = {k: [a.text() for a in v] for k, v in shortcut_table(w).items() if len(v) > 1}
    from simulator.document import edits
    from simulator.ui import commands
    m = w.model
    m.undo_stack.push(commands.AddNode(m, edits.make_node(m.doc, "hidden", (0, 0))))
    fired = fired_actions(w)
    presses = {}
    for key in ["Ctrl+Z"] + [s.toString(P) for s in w.act_redo.shortcuts() if s.toString(P).startswith("Ctrl")]:
        fired.clear()
        if key != "Ctrl+Z":
            QTest.keySequence(w, QKeySequence("Ctrl+Z"))
            fired.clear()
        QTest.keySequence(w, QKeySequence(key))
        for _ in range(5):
            app.processEvents()
        presses[key] = list(fired)
    print(json.dumps({"dup_within": dup_within, "clashes": clashes, "presses": presses,
                      "redo": [s.toString(P) for s in w.act_redo.shortcuts()], "warnings": warnings}))
    w.model.mark_saved(); w.close()
""")


@pytest.mark.skipif(not shutil.which("Xvfb"), reason="needs Xvfb for a real X11 window")
def test_under_x11_each_undo_redo_key_fires_one_action_without_ambiguity(tmp_path):
    display = f":{200 + os.getpid() % 400}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 5
        while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists() and time.time() < deadline:
            time.sleep(0.05)
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT),
                   NNSIM_DATA_DIR=str(tmp_path))
        env.pop("QT_QPA_PLATFORMTHEME", None)
        out = subprocess.run([sys.executable, "-c", X11_SCRIPT, str(ROOT)], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
    finally:
        server.terminate()
        server.wait(5)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert not result["dup_within"], result
    assert not result["clashes"], result
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(result["redo"]), result
    assert result["presses"]["Ctrl+Z"] == ["Undo"], result
    for key in ("Ctrl+Shift+Z", "Ctrl+Y"):
        assert result["presses"].get(key) == ["Redo"], result
    assert not [m for m in result["warnings"] if "mbiguous" in m], result["warnings"]
    assert "Ambiguous" not in out.stderr
