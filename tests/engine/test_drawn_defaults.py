"""A network drawn as a student draws it, with a new document's settings, learns its data.

The editor's order: neurons clicked in (x1, x2, h1…, y), then each input dragged to each
hidden neuron, then each hidden neuron to the output; no weight given, so every weight is
drawn by the document's initialiser and seed. benchmarks/drawn_defaults.py measures the
same over 20 seeds and many settings."""
import copy

import pytest

from simulator.document import edits, new_document
from simulator.document.format import DEFAULT_TRAINING
from simulator.engine.trainer import Trainer

EPOCHS = 100          # the slowest of 160 drawn runs in the benchmark took 80


def drawn(hidden: int, dataset: str, seed: int) -> dict:
    doc = new_document()
    for kind, n in (("input", 2), ("hidden", hidden), ("output", 1)):
        for k in range(n):
            edits.insert_node(doc, edits.make_node(doc, kind, (200.0 * len(doc["network"]["nodes"]), 0.0)))
    ids = {kind: [n["id"] for n in doc["network"]["nodes"] if n["kind"] == kind]
           for kind in ("input", "hidden", "output")}
    doc["network"]["edges"] = ([{"source": s, "target": t} for s in ids["input"] for t in ids["hidden"]]
                               + [{"source": h, "target": ids["output"][0]} for h in ids["hidden"]])
    doc["data"]["dataset"] = dataset
    doc["training"]["seed"] = seed
    return doc


def learn(doc: dict, target: float, epochs: int = EPOCHS) -> tuple[int | None, dict]:
    """The first multiple of 10 epochs at which train and test accuracy reach ``target``."""
    t = Trainer.from_document(doc)
    while t.epoch < epochs:
        t.run(epochs=10)
        m = t.metrics()
        if m["train_accuracy"] >= target and m["test_accuracy"] >= target:
            return t.epoch, m
    return None, t.metrics()


def test_a_new_document_starts_with_small_weights_and_a_larger_step():
    tr = new_document()["training"]
    assert tr["init"] == "uniform:0.1" and tr["learning_rate"] == 0.3
    assert tr["optimizer"] == "sgd" and tr["loss"] == "bce" and tr["seed"] == 0
    # files keep their own defaults for the keys they omit
    assert DEFAULT_TRAINING["init"] == "xavier" and DEFAULT_TRAINING["learning_rate"] == 0.1


# (hidden neurons, data set, accuracy): two lines cannot enclose the circles' disc, and bend
# the moons only so far
CASES = [(2, "xor", 0.95), (3, "xor", 0.95), (4, "xor", 0.95), (3, "circles", 0.95),
         (4, "circles", 0.95), (2, "moons", 0.85), (3, "moons", 0.95), (4, "moons", 0.95)]


@pytest.mark.parametrize("hidden,dataset,target", CASES)
def test_a_drawn_network_learns_within_100_epochs_for_every_seed(hidden, dataset, target):
    for seed in range(12 if (hidden, dataset) == (2, "xor") else 5):
        epoch, m = learn(drawn(hidden, dataset, seed), target)
        assert epoch is not None, (hidden, dataset, seed, m)


def test_the_old_defaults_left_a_drawn_xor_stuck_at_three_corners():
    """Why the defaults changed: Xavier's larger weights trap a 2-2-1 XOR for many seeds
    (one corner of four wrong, the loss flat) where the new defaults learn every seed; the
    issue's seed 0 among them."""
    stuck = []
    for seed in range(12):
        doc = drawn(2, "xor", seed)
        doc["training"].update(init="xavier", learning_rate=0.1)
        epoch, m = learn(copy.deepcopy(doc), 0.95, epochs=300)
        if epoch is None:
            stuck.append(seed)
            assert 0.65 <= m["train_accuracy"] <= 0.85 and m["train_loss"] > 0.3, m
    assert len(stuck) >= 2, stuck
