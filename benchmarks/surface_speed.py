"""Decision-surface speed: milliseconds to compute the output over a 100x100 grid of the input
plane (what the Decision surface panel redraws each frame while training), next to the same
network evaluated point by point (the way TensorFlow Playground fills its 100x100 grid,
about 20 ms there), timed in the same run (the machines are noisy).

    python benchmarks/surface_speed.py [--repeats 50] [--json]

Networks: the ``xor`` lesson (2-2-1) and a 2-8x6-1 tanh MLP on the same data; both after 20
epochs of training. The per-point baseline calls the engine's own forward pass on one point
at a time, so it measures the cost of not vectorising over the grid, not a slower engine.
Target: <= 2 ms for the small networks.
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.document import lessons, mlp  # noqa: E402
from simulator.engine import probe  # noqa: E402
from simulator.engine.trainer import Trainer  # noqa: E402

RES = 100
TARGET_MS = 2.0


def trained(doc: dict) -> Trainer:
    t = Trainer.from_document(doc, base_dir=lessons.LESSONS_DIR)
    t.run(epochs=20)
    return t


def best_ms(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def measure(label: str, doc: dict, repeats: int) -> dict:
    t = trained(doc)
    net, domain = t.net, t.data.domain
    grid_ms = best_ms(lambda: probe.surface(net, domain, RES), repeats)
    X = probe.grid(domain, RES)

    def per_point():
        for row in X:
            net.forward(row[None, :])
    point_ms = best_ms(per_point, max(1, repeats // 25))
    return {"network": label, "grid_ms": round(grid_ms, 3), "per_point_ms": round(point_ms, 1),
            "speedup": round(point_ms / grid_ms, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=50, help="best of N (the baseline: N/25)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    xor = lessons.load_lesson("xor")
    deep = mlp([2] + [8] * 6 + [1], hidden="tanh", output="sigmoid")
    deep["training"], deep["data"] = copy.deepcopy(xor["training"]), copy.deepcopy(xor["data"])
    rows = [measure("xor 2-2-1", xor, args.repeats), measure("2-8x6-1", deep, args.repeats)]
    if args.json:
        print(json.dumps({"resolution": RES, "target_ms": TARGET_MS, "results": rows}))
        return 0
    print(f"decision surface {RES}x{RES}, best of {args.repeats}")
    for r in rows:
        print(f"  {r['network']:10s} grid {r['grid_ms']:7.3f} ms   point by point {r['per_point_ms']:8.1f} ms"
              f"   {r['speedup']:6.1f}x   (target <= {TARGET_MS:g} ms for the small networks)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
