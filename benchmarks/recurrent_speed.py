"""Recurrent engine speed: epochs per second of nnsim's backpropagation through time next
to a hand-written NumPy BPTT loop doing the same job, timed in the same run (the machines
are noisy).

    python benchmarks/recurrent_speed.py [--epochs 100] [--repeats 5] [--json]

Job: an Elman network 1-8-1 (tanh hidden units, each fed by every hidden unit of the
previous step; a sigmoid output, binary cross-entropy) on the ``echo`` task (lag 1):
200 training sequences of 20 steps (and 50 test sequences), mini-batches of 10
sequences, SGD with learning rate 0.1, full BPTT. The engine's epoch also does what the
app needs every epoch (train and test loss and accuracy over every step with a target,
the per-layer gradient size); the hand-written loop only trains.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.document.build import elman  # noqa: E402
from simulator.engine import sequences  # noqa: E402
from simulator.engine.trainer import Trainer  # noqa: E402

DATA = {"dataset": "echo", "sequences": 250, "length": 20, "lag": 1, "test_fraction": 0.2, "seed": 0}


def naive_epochs(X: np.ndarray, Y: np.ndarray, epochs: int, hidden: int = 8, lr: float = 0.1,
                 batch: int = 10, seed: int = 0) -> tuple[float, float]:
    """The BPTT loop a student writes from the textbook: a list of states forward, the
    gradients summed step by step backward."""
    rng = np.random.default_rng(seed)
    H = hidden
    Wx = rng.uniform(-1, 1, (1, H)) * np.sqrt(6 / (1 + H))
    Wh = rng.uniform(-1, 1, (H, H)) * np.sqrt(6 / (2 * H))
    Wy = rng.uniform(-1, 1, (H, 1)) * np.sqrt(6 / (H + 1))
    bh, by = np.zeros(H), np.zeros(1)
    has_all = np.isfinite(Y)
    Y0 = np.where(has_all, Y, 0.0)
    N, T, _ = X.shape
    t0 = time.perf_counter()
    for _ in range(epochs):
        perm = rng.permutation(N)
        for i in range(0, N, batch):
            idx = perm[i:i + batch]
            x, y, has = X[idx], Y0[idx], has_all[idx]
            m = has.sum()
            hs = [np.zeros((len(idx), H))]
            outs = []
            for t in range(T):
                hs.append(np.tanh(x[:, t] @ Wx + hs[-1] @ Wh + bh))
                outs.append(1 / (1 + np.exp(-(hs[-1] @ Wy + by))))
            gWx, gWh, gbh = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(bh)
            gWy, gby = np.zeros_like(Wy), np.zeros_like(by)
            dh_next = np.zeros((len(idx), H))
            for t in range(T - 1, -1, -1):
                dz_out = (outs[t] - y[:, t]) * has[:, t] / m
                gWy += hs[t + 1].T @ dz_out
                gby += dz_out.sum(0)
                dz = (dz_out @ Wy.T + dh_next) * (1 - hs[t + 1] ** 2)
                gWx += x[:, t].T @ dz
                gWh += hs[t].T @ dz
                gbh += dz.sum(0)
                dh_next = dz @ Wh.T
            for p, g in ((Wx, gWx), (Wh, gWh), (bh, gbh), (Wy, gWy), (by, gby)):
                p -= lr * g
    rate = epochs / (time.perf_counter() - t0)
    # the last epoch's training accuracy, to show both really learn
    h = np.zeros((N, H))
    right = total = 0
    for t in range(T):
        h = np.tanh(X[:, t] @ Wx + h @ Wh + bh)
        out = 1 / (1 + np.exp(-(h @ Wy + by)))
        right += ((out > 0.5) == (Y0[:, t] > 0.5))[has_all[:, t]].sum()
        total += has_all[:, t].sum()
    return rate, right / total


def engine_epochs(epochs: int) -> tuple[float, float]:
    doc = elman(8, title="benchmark")
    doc["training"].update(loss="bce", optimizer="sgd", learning_rate=0.1, batch_size=10,
                           init="xavier", seed=0)
    doc["data"] = dict(DATA)
    trainer = Trainer.from_document(doc)
    trainer.run(epochs=2)    # compile and warm the buffers
    t0 = time.perf_counter()
    trainer.run(epochs=epochs)
    rate = epochs / (time.perf_counter() - t0)
    return rate, trainer.metrics()["train_accuracy"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=5, help="best of N runs of each")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    data = sequences.from_spec(DATA)
    X, Y = data.x_train, data.y_train
    eng, naive = [], []
    for _ in range(args.repeats):        # interleaved, so both see the same machine
        eng.append(engine_epochs(args.epochs))
        naive.append(naive_epochs(X, Y, args.epochs))
    e, n = max(r for r, _ in eng), max(r for r, _ in naive)
    result = {"engine_epochs_per_second": round(e, 1), "naive_epochs_per_second": round(n, 1),
              "ratio": round(e / n, 2), "engine_train_accuracy": round(float(eng[-1][1]), 3),
              "naive_train_accuracy": round(float(naive[-1][1]), 3)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"Elman 1-8-1, echo, 200 sequences x 20 steps, batch 10: "
              f"engine {e:7.1f} epochs/s   hand-written BPTT {n:7.1f} epochs/s   ratio {e / n:.2f}x")
        print(f"  training accuracy after {args.epochs} epochs: engine {result['engine_train_accuracy']:.1%}, "
              f"hand-written {result['naive_train_accuracy']:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
