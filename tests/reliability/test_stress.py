"""Concurrency: random editor gestures while training runs at full speed. No exception, no
Qt warning (pytest-qt fails on both), every snapshot matches the document revision it was
computed from, and no thread is left behind (the autouse fixture)."""
import os
import time

import numpy as np

from simulator.document import edits, lessons
from simulator.engine import activations
from simulator.ui import commands

SECONDS = float(os.environ.get("NNSIM_STRESS_SECONDS", "20"))
MIN_GESTURES = 60


def test_random_gestures_while_training(window, qtbot):
    w = window
    m = w.model
    rng = np.random.default_rng(1126)
    states: dict[int, tuple] = {}

    def record():
        states[m.revision] = (tuple(n["id"] for n in m.doc["network"]["nodes"]), frozenset(m.edge_pairs()))

    checked = {"snapshots": 0}
    mismatches = []

    def on_snapshot(snap):
        state = states.get(snap.revision)
        if state is None:
            mismatches.append(("unknown revision", snap.revision))
            return
        nodes, edges = state
        if tuple(snap.node_ids) != nodes or frozenset(snap.edges) != edges:
            mismatches.append(("differs", snap.revision))
        checked["snapshots"] += 1

    w.snapshotShown.connect(on_snapshot)
    w.controller.snapshot.connect(on_snapshot)
    w.open_lesson("xor", ask=False)
    record()
    w.controller.set_speed(None)
    w.controller.play()
    gestures = {}

    def gesture():
        kind = rng.choice(["add", "connect", "connect", "delete_node", "delete_edge", "undo", "redo",
                           "activation", "learning_rate", "lesson", "play"], p=[.16, .16, .1, .08, .08, .1, .08,
                                                                                 .1, .06, .02, .06])
        ids = [n["id"] for n in m.doc["network"]["nodes"]]
        if kind == "add":
            node = edits.make_node(m.doc, str(rng.choice(["hidden", "hidden", "input", "output"])),
                                   (float(rng.uniform(-300, 300)), float(rng.uniform(-200, 200))))
            m.undo_stack.push(commands.AddNode(m, node))
        elif kind == "connect" and len(ids) >= 2:
            s, t = rng.choice(ids, 2, replace=False)
            cmd = commands.AddEdges(m, [(str(s), str(t))])
            if cmd.added:
                m.undo_stack.push(cmd)
        elif kind == "delete_node" and len(ids) > 3:
            m.undo_stack.push(commands.RemoveItems(m, [str(rng.choice(ids))]))
        elif kind == "delete_edge" and m.edge_pairs():
            pairs = m.edge_pairs()
            m.undo_stack.push(commands.RemoveItems(m, (), [pairs[int(rng.integers(len(pairs)))]]))
        elif kind == "undo" and m.undo_stack.canUndo():
            m.undo_stack.undo()
        elif kind == "redo" and m.undo_stack.canRedo():
            m.undo_stack.redo()
        elif kind == "activation":
            hidden = [n["id"] for n in m.doc["network"]["nodes"] if n.get("kind") == "hidden"]
            if hidden:
                m.undo_stack.push(commands.SetNodeProperty(m, str(rng.choice(hidden)), "activation",
                                                           str(rng.choice(activations.HIDDEN))))
        elif kind == "learning_rate":
            m.undo_stack.push(commands.SetTraining(m, "learning_rate", float(10 ** rng.uniform(-3, 0))))
        elif kind == "lesson":
            w.open_lesson(str(rng.choice(["xor", "circles", "moons", "dying-relu"])), ask=False)
        elif kind == "play":
            w.controller.play()
        record()
        gestures[str(kind)] = gestures.get(str(kind), 0) + 1

    t0 = time.perf_counter()
    # SECONDS of gestures, and at least MIN_GESTURES however slow the machine is
    while (time.perf_counter() - t0 < SECONDS or sum(gestures.values()) < MIN_GESTURES) \
            and time.perf_counter() - t0 < 3 * SECONDS:
        gesture()
        qtbot.wait(int(rng.integers(1, 25)))
    w.controller.pause()
    qtbot.wait(100)
    total = sum(gestures.values())
    print(f"stress: {total} gestures in {SECONDS:.0f} s {gestures}; {checked['snapshots']} snapshots checked")
    assert not mismatches, mismatches[:5]
    assert total >= MIN_GESTURES and checked["snapshots"] > 20
