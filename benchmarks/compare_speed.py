"""Comparison speed: 16 seeds of the xor lesson trained together (the stacked engine behind
``nnsim compare`` and the Compare panel) next to one run of the same length, timed in the
same process (the machines are noisy).

    python benchmarks/compare_speed.py [--epochs 2000] [--seeds 16] [--repeats 3] [--sequential] [--json]

Target: the 16 variants together in at most 3x the time of one run (16 runs one after the
other take 16x; ``--sequential`` measures that too). Every variant's final training loss is
checked against its own single run (they must agree to 1e-9, relative).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.document import compare as doc_compare, lessons  # noqa: E402
from simulator.engine.compare import Comparison  # noqa: E402
from simulator.engine.trainer import Trainer  # noqa: E402


def one_run(doc: dict, epochs: int, seed: int = 1) -> tuple[float, float]:
    """Seconds for one single run of ``epochs`` epochs, and its final training loss."""
    d = dict(doc, training=dict(doc["training"], seed=seed))
    trainer = Trainer.from_document(d, base_dir=lessons.LESSONS_DIR)
    t0 = time.perf_counter()
    trainer.run(epochs=epochs)
    return time.perf_counter() - t0, trainer.metrics()["train_loss"]


def together(doc: dict, seeds: list[int], epochs: int) -> tuple[float, float, list[float]]:
    """(seconds to build the comparison, seconds to train it, each variant's train loss)."""
    t0 = time.perf_counter()
    comparison = Comparison(doc_compare.seed_variants(doc, seeds), base_dir=lessons.LESSONS_DIR)
    t1 = time.perf_counter()
    comparison.train_to(epochs)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, [r["train_loss"] for r in comparison.results()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=2000)
    ap.add_argument("--seeds", type=int, default=16)
    ap.add_argument("--repeats", type=int, default=3, help="best of N runs of each")
    ap.add_argument("--sequential", action="store_true", help="also time the seeds one after the other")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    doc = lessons.load_lesson("xor")
    seeds = list(range(args.seeds))
    one_run(doc, 5)                                  # warm up NumPy and the imports
    single = stacked = build = float("inf")
    losses: list[float] = []
    for _ in range(args.repeats):                    # interleaved: both see the same load
        single = min(single, one_run(doc, args.epochs)[0])
        b, s, losses = together(doc, seeds, args.epochs)
        build, stacked = min(build, b), min(stacked, s)
    sequential = None
    singles = []
    if args.sequential:
        t0 = time.perf_counter()
        singles = [one_run(doc, args.epochs, s)[1] for s in seeds]
        sequential = time.perf_counter() - t0
    check = [one_run(doc, args.epochs, s)[1] for s in seeds] if not singles else singles
    worst = max(abs(a - b) / max(abs(b), 1e-300) for a, b in zip(losses, check))
    ratio = stacked / single
    out = {"epochs": args.epochs, "variants": len(seeds), "one_run_s": round(single, 4),
           "together_s": round(stacked, 4), "build_s": round(build, 4), "ratio": round(ratio, 3),
           "target_ratio": 3.0, "sequential_s": None if sequential is None else round(sequential, 4),
           "max_relative_difference": worst}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"xor lesson, {args.epochs} epochs, best of {args.repeats} (same process, interleaved)")
        print(f"  one run:                 {single:8.3f} s")
        print(f"  {len(seeds)} seeds together:      {stacked:8.3f} s   = {ratio:.2f}x one run "
              f"(target <= 3x; plus {build:.3f} s to build)")
        if sequential is not None:
            print(f"  {len(seeds)} seeds one by one:    {sequential:8.3f} s   = {sequential / single:.2f}x one run")
        else:
            print(f"  {len(seeds)} seeds one by one:    ~{single * len(seeds):7.3f} s   (16 x one run; --sequential measures it)")
        print(f"  largest difference from each seed's own single run: {worst:.1e} (relative, train loss)")
    return 0 if worst <= 1e-9 else 1


if __name__ == "__main__":
    raise SystemExit(main())
