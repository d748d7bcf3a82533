"""Soak: the real window trains a lesson at full speed, every panel live, for a long time;
memory must stay flat. Prints RSS at the start (after a warm-up minute) and the end.

    python benchmarks/soak.py [--minutes 10] [--lesson circles] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NNSIM_SETTINGS_SCOPE", "bench")


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--lesson", default="circles")
    ap.add_argument("--warmup", type=float, default=60.0, help="seconds before the first reading")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from PySide6.QtWidgets import QApplication
    from simulator.ui.application import make_app
    app = make_app()
    from simulator.ui.main_window import MainWindow
    w = MainWindow(restore=False)
    w.resize(1440, 900)
    w.show()
    from simulator.document import lessons
    doc = lessons.load_lesson(args.lesson)
    doc["lesson"].pop("epochs", None)          # a lesson's Play stops there: play on instead
    w.model.replace(doc, lesson_id=args.lesson)
    w.controller.set_speed(None)
    w.controller.play()
    samples = []
    t0 = time.perf_counter()
    end = t0 + args.minutes * 60
    next_sample = t0 + min(args.warmup, args.minutes * 30)
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
        now = time.perf_counter()
        if now >= next_sample:
            snap = w.controller.latest
            samples.append((round(now - t0, 1), round(rss_mb(), 1), snap.epoch if snap else 0))
            next_sample = now + 30
            # the loss history grows with the epochs: re-arm training after a reset-free
            # lifetime is exactly what a classroom does (one lesson, on and on)
            if not w.controller.running:
                w.controller.play()
    w.controller.pause()
    snap = w.controller.latest
    result = {"lesson": args.lesson, "minutes": args.minutes, "epochs": snap.epoch if snap else 0,
              "rss_start_mb": samples[0][1] if samples else None, "rss_end_mb": round(rss_mb(), 1),
              "samples": samples}
    w.model.mark_saved()
    w.shutdown()
    w.close()
    print(json.dumps(result) if args.json else
          f"{args.lesson}: {result['epochs']} epochs in {args.minutes:g} min; RSS {result['rss_start_mb']} MB "
          f"after warm-up -> {result['rss_end_mb']} MB at the end; samples (s, MB, epoch): {samples}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
