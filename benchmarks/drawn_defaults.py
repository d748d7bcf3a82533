"""Which training settings let a freshly drawn small network learn its data set?

Draws networks the way a student does in the editor (two inputs, one hidden column of 2, 3
or 4 tanh neurons, a logistic output; connections dragged input by input, then to the
output; no weights given), trains each over seeds 0..19 with a choice of settings, and
prints how many seeds reach the target accuracy (train and test) within the epoch budget,
with the median and the slowest epoch at which they got there.

    python benchmarks/drawn_defaults.py [--seeds 20] [--epochs 500] [--quick] [--json]

The figures behind ``NEW_DOCUMENT_TRAINING`` (simulator/document/format.py): with the old
defaults (Xavier, α = 0.1) a 2-2-1 XOR gets stuck at ~75 % accuracy for about half the
seeds, and no learning rate, optimiser or Xavier/He/normal initialisation changes that;
small initial weights (uniform ±0.1) do.
"""
from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.document import edits  # noqa: E402
from simulator.document.format import DEFAULT_TRAINING, NEW_DOCUMENT_TRAINING  # noqa: E402
from simulator.document.build import new_document  # noqa: E402
from simulator.engine.trainer import Trainer  # noqa: E402

OLD = {"learning_rate": DEFAULT_TRAINING["learning_rate"], "init": DEFAULT_TRAINING["init"]}
NEW = {"learning_rate": NEW_DOCUMENT_TRAINING["learning_rate"], "init": NEW_DOCUMENT_TRAINING["init"]}

# label -> changes to the training settings (on top of sgd, batch 10, BCE, tanh -> sigmoid)
CHOICES = {
    "old defaults: Xavier, α 0.1": OLD,
    "Xavier, α 0.03": {**OLD, "learning_rate": 0.03},
    "Xavier, α 0.3": {**OLD, "learning_rate": 0.3},
    "Xavier, α 1": {**OLD, "learning_rate": 1.0},
    "He, α 0.1": {**OLD, "init": "he"},
    "normal (sd 1), α 0.1": {**OLD, "init": "normal"},
    "uniform ±0.5, α 0.1": {**OLD, "init": "uniform"},
    "Xavier, α 0.1, batch 1": {**OLD, "batch_size": 1},
    "Xavier, momentum α 0.1": {**OLD, "optimizer": "momentum"},
    "Xavier, Adam α 0.01": {**OLD, "optimizer": "adam", "learning_rate": 0.01},
    "Xavier, Adam α 0.03": {**OLD, "optimizer": "adam", "learning_rate": 0.03},
    "Xavier, α 0.1, L2 0.01": {**OLD, "l2": 0.01},
    "uniform ±0.1, α 0.1": {**OLD, "init": "uniform:0.1"},
    "normal (sd 0.1), α 0.3": {**OLD, "init": "normal:0.1", "learning_rate": 0.3},
    "new defaults: uniform ±0.1, α 0.3": NEW,
}
QUICK = ("old defaults: Xavier, α 0.1", "Xavier, α 0.3", "Xavier, Adam α 0.03",
         "new defaults: uniform ±0.1, α 0.3")
# (hidden neurons, data set, accuracy to reach): two lines cannot enclose the circles' disc,
# and two lines bend the moons only so far
NETWORKS = ((2, "xor", 0.95), (3, "xor", 0.95), (4, "xor", 0.95), (3, "circles", 0.95),
            (4, "circles", 0.95), (2, "moons", 0.85), (3, "moons", 0.95), (4, "moons", 0.95))


def drawn(hidden: int, dataset: str, training: dict) -> dict:
    """A document as the editor makes it: neurons clicked in, connections dragged from each
    input to each hidden neuron, then from each hidden neuron to the output."""
    doc = new_document()
    for kind, n in (("input", 2), ("hidden", hidden), ("output", 1)):
        for k in range(n):
            edits.insert_node(doc, edits.make_node(doc, kind, (0.0, 100.0 * k)))
    ids = {kind: [n["id"] for n in doc["network"]["nodes"] if n["kind"] == kind]
           for kind in ("input", "hidden", "output")}
    for s in ids["input"]:
        for t in ids["hidden"]:
            doc["network"]["edges"].append({"source": s, "target": t})
    for s in ids["hidden"]:
        doc["network"]["edges"].append({"source": s, "target": ids["output"][0]})
    doc["data"]["dataset"] = dataset
    doc["training"].update(training)
    return doc


def epochs_to_learn(doc: dict, seed: int, epochs: int, target: float, every: int = 10) -> int | None:
    """The first epoch (checked every ``every``) at which train and test accuracy reach
    ``target``; None if not within ``epochs``."""
    doc = copy.deepcopy(doc)
    doc["training"]["seed"] = seed
    t = Trainer.from_document(doc)
    while t.epoch < epochs:
        t.run(epochs=every)
        m = t.metrics()
        if m["diverged"]:
            return None
        if m["train_accuracy"] >= target and m["test_accuracy"] >= target:
            return t.epoch
    return None


def measure(choice: str, seeds: int, epochs: int) -> list[dict]:
    rows = []
    for hidden, dataset, target in NETWORKS:
        doc = drawn(hidden, dataset, CHOICES[choice])
        reached = [epochs_to_learn(doc, s, epochs, target) for s in range(seeds)]
        ok = [e for e in reached if e is not None]
        rows.append({"settings": choice, "network": f"2-{hidden}-1", "data": dataset,
                     "target": target, "learned": len(ok), "seeds": seeds,
                     "median_epochs": statistics.median(ok) if ok else None,
                     "max_epochs": max(ok) if ok else None,
                     "stuck_seeds": [s for s, e in enumerate(reached) if e is None]})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--epochs", type=int, default=500)
    ap.add_argument("--quick", action="store_true", help="four choices only")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    choices = QUICK if args.quick else tuple(CHOICES)
    out = []
    if not args.json:
        print(f"hand-drawn networks, seeds 0..{args.seeds - 1}, up to {args.epochs} epochs; "
              "learned = train and test accuracy reach the target")
    for choice in choices:
        t0 = time.perf_counter()
        rows = measure(choice, args.seeds, args.epochs)
        out += rows
        if not args.json:
            total = sum(r["learned"] for r in rows)
            print(f"\n{choice}  ({total}/{args.seeds * len(rows)} learned, "
                  f"{time.perf_counter() - t0:.0f} s)")
            for r in rows:
                med = "—" if r["median_epochs"] is None else f"{r['median_epochs']:g}"
                worst = "—" if r["max_epochs"] is None else f"{r['max_epochs']}"
                print(f"  {r['network']} {r['data']:8s} ≥{r['target']:.0%}: "
                      f"{r['learned']:2d}/{r['seeds']}  median {med:>4s} epochs, slowest {worst:>4s}")
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
