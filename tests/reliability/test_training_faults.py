"""Training faults end in messages: absurd learning rates, networks that cannot train,
NaN in data; the window stays usable."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from simulator.document import lessons, mlp
from simulator.engine.trainer import Trainer, _Series
from simulator.ui import commands

ROOT = Path(__file__).resolve().parents[2]


def test_learning_rate_1e6_diverges_with_a_message_on_the_command_line(tmp_path):
    doc = lessons.load_lesson("circles")
    doc["training"]["learning_rate"] = 1e6
    p = tmp_path / "fast.nnsim.json"
    p.write_text(json.dumps(doc))
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "train", str(p), "--epochs", "20", "--json"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    m = json.loads(r.stdout)
    # tanh and a sigmoid output saturate rather than overflow: no NaN, but a warning
    assert m["diverged"] is True or "learning rate is probably too large" in m.get("warning", "")
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "train", str(p), "--epochs", "20"],
                       capture_output=True, text=True, timeout=60)
    assert "warning: weights have grown huge" in r.stdout


@pytest.mark.parametrize("break_it,message", [
    (lambda d: d["network"].update(edges=[e for e in d["network"]["edges"] if e["target"] != "y"]),
     "has no incoming connection"),
    (lambda d: d["network"].update(edges=[e for e in d["network"]["edges"] if e["source"] not in ("x1", "x2")]),
     "no path from any input"),
    (lambda d: d["network"].update(nodes=[n for n in d["network"]["nodes"] if n["kind"] != "output"],
                                   edges=[e for e in d["network"]["edges"] if e["target"] != "y"]),
     "no output neuron"),
])
def test_networks_that_cannot_train_say_why_in_the_window(window, qtbot, break_it, message):
    w = window
    doc = lessons.load_lesson("xor")
    break_it(doc)
    assert not w.alert.isVisible()                  # an empty canvas is not an error
    w.model.replace(doc)
    qtbot.waitUntil(lambda: w.alert.isVisible() and message in w.alert.text(), timeout=3000)
    w.train.toggle_play()                           # pressing Play does not crash
    qtbot.wait(100)
    # fixing the drawing clears the message
    w.open_lesson("xor", ask=False)
    qtbot.waitUntil(lambda: not w.alert.isVisible(), timeout=3000)


def test_batch_larger_than_the_data_and_batch_of_one():
    doc = mlp([2, 2, 1])
    doc["data"] = {"dataset": "xor", "samples": 8, "test_fraction": 0.5}
    for batch in (1, 10_000):
        doc["training"]["batch_size"] = batch
        t = Trainer.from_document(doc)
        t.run(epochs=3)
        assert t.epoch == 3 and np.isfinite(t.metrics()["train_loss"])


def test_history_memory_is_bounded_yet_spans_every_epoch():
    s = _Series(max_rows=1000)
    for e in range(1, 100_001):
        s.append(e)
    v = s.view()
    assert len(v) <= 1000 and v[0] <= 300 and v[-1] >= 100_000 - 256
    assert np.all(np.diff(v) > 0)


def test_training_for_long_keeps_the_history_bounded():
    doc = lessons.load_lesson("xor")
    t = Trainer.from_document(doc)
    t.run(epochs=45_000)
    h = t.history()
    assert len(h.epoch) <= _Series.MAX_ROWS and h.epoch[-1] > 44_000
    assert h.grad_norms.shape[0] == len(h.epoch)


def test_a_learning_rate_of_a_million_is_reported_in_the_window(window, qtbot):
    w = window
    w.open_lesson("circles", ask=False)
    w.model.undo_stack.push(commands.SetTraining(w.model, "learning_rate", 1e6))
    w.train.toggle_play()
    qtbot.waitUntil(lambda: w.alert.isVisible() and "learning rate" in w.alert.text(), timeout=10000)
    w.train.toggle_play()
    w.model.undo_stack.undo()                       # a sane rate, and Reset: the warning goes
    w.train.reset()
    qtbot.waitUntil(lambda: not w.alert.isVisible(), timeout=5000)
