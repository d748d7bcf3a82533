"""Engine speed: epochs per second of nnsim's general engine next to a naive hand-written,
fixed-shape NumPy loop doing the same job, timed in the same run (the machines are noisy).

    python benchmarks/engine_speed.py [--epochs 300] [--repeats 5] [--json]

Job: 250 XOR training points (the ``xor`` data set, 500 samples, half for testing), batch 10,
SGD (learning rate 0.03), tanh everywhere, MSE; networks 2-8-8-1 and 2-8x6-1. The engine's
epoch also does what the app needs every epoch (train and test loss and accuracy over the
whole sets, the per-layer gradient size); the naive loop only trains.
TensorFlow Playground's own engine runs the 2-8-8-1 job at about 1,400 epochs/s here.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.engine import datasets  # noqa: E402
from simulator.engine.trainer import Trainer  # noqa: E402
from simulator.document.build import mlp  # noqa: E402


def naive_epochs(sizes: list[int], X: np.ndarray, Y: np.ndarray, epochs: int,
                 lr: float = 0.03, batch: int = 10, seed: int = 0) -> float:
    """The loop a student writes: one weight matrix per layer, allocations everywhere."""
    rng = np.random.default_rng(seed)
    Ws = [rng.uniform(-1, 1, (a, b)) * np.sqrt(6 / (a + b)) for a, b in zip(sizes[:-1], sizes[1:])]
    bs = [np.zeros(b) for b in sizes[1:]]
    n = len(X)
    t0 = time.perf_counter()
    for _ in range(epochs):
        perm = rng.permutation(n)
        for i in range(0, n, batch):
            idx = perm[i:i + batch]
            x, y = X[idx], Y[idx]
            acts = [x]
            for W, b in zip(Ws, bs):
                acts.append(np.tanh(acts[-1] @ W + b))
            out = acts[-1]
            delta = 2 * (out - y) / len(x) * (1 - out ** 2)
            for layer in range(len(Ws) - 1, -1, -1):
                gW = acts[layer].T @ delta
                gb = delta.sum(0)
                if layer:
                    delta = (delta @ Ws[layer].T) * (1 - acts[layer] ** 2)
                Ws[layer] -= lr * gW
                bs[layer] -= lr * gb
    return epochs / (time.perf_counter() - t0)


def engine_epochs(sizes: list[int], epochs: int) -> tuple[float, float]:
    doc = mlp(sizes, hidden="tanh", output="tanh")
    doc["training"].update(loss="mse", optimizer="sgd", learning_rate=0.03, batch_size=10,
                           init="xavier", seed=0)
    doc["data"] = {"dataset": "xor", "samples": 500, "noise": 0.1, "test_fraction": 0.5, "seed": 0}
    trainer = Trainer.from_document(doc)
    trainer.run(epochs=3)    # warm the buffers
    t0 = time.perf_counter()
    trainer.run(epochs=epochs)
    rate = epochs / (time.perf_counter() - t0)
    return rate, trainer.metrics()["train_loss"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=5, help="best of N runs of each")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    X, Y = datasets.make("xor", 500, 0.1, 0)
    d = datasets.from_spec({"dataset": "xor", "samples": 500, "noise": 0.1, "test_fraction": 0.5})
    X, Y = d.x_train, np.where(d.y_train > 0, 1.0, -1.0)[:, None]
    results = {}
    for name, sizes in (("2-8-8-1", [2, 8, 8, 1]), ("2-8x6-1", [2] + [8] * 6 + [1])):
        eng, naive = [], []
        for _ in range(args.repeats):        # interleaved, so both see the same machine
            eng.append(engine_epochs(sizes, args.epochs)[0])
            naive.append(naive_epochs(sizes, X, Y, args.epochs))
        results[name] = {"engine_epochs_per_second": round(max(eng), 1),
                         "naive_epochs_per_second": round(max(naive), 1),
                         "ratio": round(max(eng) / max(naive), 2)}
    if args.json:
        print(json.dumps(results))
    else:
        for name, r in results.items():
            print(f"{name}: engine {r['engine_epochs_per_second']:8.1f} epochs/s   "
                  f"naive loop {r['naive_epochs_per_second']:8.1f} epochs/s   "
                  f"ratio {r['ratio']:.2f}x   (TensorFlow Playground ~1400 on 2-8-8-1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
