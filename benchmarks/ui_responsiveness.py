"""UI responsiveness while training: the REAL main window (offscreen) playing a lesson at full
speed with every panel live, next to the engine alone on the same document, timed in the
same run (the machines are noisy).

    QT_QPA_PLATFORM=offscreen python benchmarks/ui_responsiveness.py [--lesson xor] [--seconds 10]
                                                                 [--network 2-8x6-1]
                                                                 [--repeats 3] [--json] [--unrolled]

``--network 2-8x6-1`` trains an MLP built with ``mlp()`` instead of a lesson: 2 inputs, six
hidden layers of 8 tanh neurons, 1 sigmoid output (``AxB`` = B layers of A neurons), with the
xor lesson's ``training`` and ``data`` sections. ``--lesson echo`` plays a recurrent network on
sequences: the window then shows its time bar, the Sequence and Gradient-through-time panels
(live), and with ``--unrolled`` the unrolled view in the centre instead of the drawing.

Measured (window 1600x1000, shown, default light theme; Play with ``set_speed(None)``, the
Qt event loop runs for ``--seconds``):
  fps                   paint events of the editor's viewport per second (the honest count
                        of canvas redraws; the frame timer is 16 ms, so about 60 is the max)
  snapshots_per_second  snapshots the window drew (``snapshotShown``: ``on_snapshot`` ran)
  epochs_per_second     delta of ``controller.latest.epoch`` over the period, while drawing
  headless_epochs_per_second  ``Trainer.from_document(doc).run(seconds=S)``, no Qt at all
  max_stall_ms, p95_stall_ms  of the GUI event loop: a 5 ms QTimer (PreciseTimer) probe;
                        stall = actual interval between two probes - 5 ms
Each figure is the best of ``--repeats`` runs (max for rates, min for stalls), the GUI and
headless runs interleaved.
Targets: fps >= 60, max stall <= 50 ms, >= 500 epochs/s while drawing on xor (>= 300 on the
recurrent echo lesson, whose epoch is 20 steps of backpropagation through time).
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NNSIM_SETTINGS_SCOPE", "benchmarks")   # keep QSettings away from the user's

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.document import lessons, mlp  # noqa: E402
from simulator.engine.trainer import Trainer  # noqa: E402

WIDTH, HEIGHT = 1600, 1000
PROBE_MS = 5
WARMUP_S = 0.5
TARGET_FPS, TARGET_STALL_MS = 60.0, 50.0
TARGET_EPS = {"xor": 500.0, "echo": 300.0}      # epochs/s while drawing, per lesson


def parse_network(spec: str) -> list[int]:
    """"2-8x6-1" -> [2, 8, 8, 8, 8, 8, 8, 1]."""
    sizes: list[int] = []
    for part in spec.split("-"):
        width, _, times = part.partition("x")
        sizes += [int(width)] * (int(times) if times else 1)
    if len(sizes) < 2 or min(sizes) < 1:
        raise SystemExit(f"--network: expected something like 2-8x6-1, not {spec!r}")
    return sizes


def network_document(spec: str) -> dict:
    doc = mlp(parse_network(spec), hidden="tanh", output="sigmoid", title=f"MLP {spec} on xor")
    xor = lessons.load_lesson("xor")
    doc["training"] = copy.deepcopy(xor["training"])
    doc["data"] = copy.deepcopy(xor["data"])
    return doc


# the GUI run -------------------------------------------------------------------------------------
class PaintCounter:
    """Counts paint events of a widget (the editor's viewport) without touching the app."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            count = 0

            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    Filter.count += 1
                return False
        self.filter = Filter()
        widget.installEventFilter(self.filter)

    @property
    def count(self) -> int:
        return self.filter.count


def run_gui(app, window, open_doc, seconds: float, unrolled: bool = False) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer

    def spin(s: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(s * 1000), loop.quit)
        loop.exec()

    open_doc()
    deadline = time.perf_counter() + 30
    while window.controller.latest is None and time.perf_counter() < deadline:
        spin(0.02)                              # the worker's first snapshot of this document
    if window.controller.latest is None:
        raise SystemExit("the training worker sent no snapshot within 30 s")
    canvas = window.view
    if unrolled:
        window.recurrent.act_unrolled.setChecked(True)
        canvas = window.recurrent.unrolled_view
    window.controller.set_speed(None)
    window.controller.play()
    spin(WARMUP_S)

    paints = PaintCounter(canvas.viewport())
    shown = [0]

    def count_snapshot(_snap) -> None:
        shown[0] += 1
    window.snapshotShown.connect(count_snapshot)
    stamps: list[int] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(lambda: stamps.append(clock.nsecsElapsed()))

    paints0, epoch0 = paints.count, window.controller.latest.epoch
    t0 = time.perf_counter()
    clock.start()
    probe.start()
    spin(seconds)
    probe.stop()
    elapsed = time.perf_counter() - t0
    frames, epochs = paints.count - paints0, window.controller.latest.epoch - epoch0
    window.controller.pause()
    canvas.viewport().removeEventFilter(paints.filter)
    window.snapshotShown.disconnect(count_snapshot)

    stalls = np.maximum(np.diff(np.asarray(stamps, dtype=float)) / 1e6 - PROBE_MS, 0.0)
    return {"fps": frames / elapsed,
            "snapshots_per_second": shown[0] / elapsed,
            "epochs_per_second": epochs / elapsed,
            "max_stall_ms": float(stalls.max()) if len(stalls) else float("nan"),
            "p95_stall_ms": float(np.percentile(stalls, 95)) if len(stalls) else float("nan")}


def run_headless(doc: dict, base_dir, seconds: float) -> float:
    trainer = Trainer.from_document(doc, base_dir=base_dir)
    trainer.run(epochs=3)                      # warm the buffers, as the GUI run warmed up
    e0 = trainer.epoch
    t0 = time.perf_counter()
    trainer.run(seconds=seconds)
    return (trainer.epoch - e0) / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lesson", default="xor")
    ap.add_argument("--network", default=None, help='an MLP on xor instead, e.g. "2-8x6-1"')
    ap.add_argument("--seconds", type=float, default=10.0, help="length of each measured period")
    ap.add_argument("--repeats", type=int, default=3, help="best of N runs of each")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--unrolled", action="store_true", help="a recurrent lesson: the unrolled view in the centre")
    args = ap.parse_args(argv)

    from simulator.ui import theme
    from simulator.ui.application import install_message_filter, make_app
    from simulator.ui.main_window import MainWindow
    app = make_app()
    install_message_filter()
    theme.apply(app, "light")
    if args.network:
        doc, base_dir, label = network_document(args.network), None, f"network {args.network}"
    else:
        doc, base_dir, label = lessons.load_lesson(args.lesson), lessons.LESSONS_DIR, f"lesson {args.lesson}"
        # a lesson's Play stops at its "epochs": the measurement plays on for --seconds
        doc["lesson"].pop("epochs", None)
    window = MainWindow(restore=False)
    window.resize(WIDTH, HEIGHT)
    window.show()

    def open_doc():
        if args.network:
            window.model.replace(copy.deepcopy(doc))
        else:
            window.model.replace(copy.deepcopy(doc), lesson_id=args.lesson)

    gui, headless = [], []
    for _ in range(args.repeats):              # interleaved, so both see the same machine
        gui.append(run_gui(app, window, open_doc, args.seconds, args.unrolled))
        headless.append(run_headless(doc, base_dir, args.seconds))
    window.controller.shutdown()
    (getattr(window.model, "mark_saved", None) or window.model.undo_stack.setClean)()
    window.close()
    app.processEvents()

    best = {"fps": max(r["fps"] for r in gui),
            "snapshots_per_second": max(r["snapshots_per_second"] for r in gui),
            "epochs_per_second": max(r["epochs_per_second"] for r in gui),
            "headless_epochs_per_second": max(headless),
            "max_stall_ms": min(r["max_stall_ms"] for r in gui),
            "p95_stall_ms": min(r["p95_stall_ms"] for r in gui)}
    target_eps = TARGET_EPS.get(args.lesson if not args.network else "", TARGET_EPS["xor"])
    if args.unrolled:
        label += ", unrolled view"
    res = {"subject": label, "seconds": args.seconds, "repeats": args.repeats,
           **{k: round(v, 1) for k, v in best.items()},
           "targets": {"fps_min": TARGET_FPS, "max_stall_ms_max": TARGET_STALL_MS,
                       "epochs_per_second_min": target_eps},
           "meets_targets": (best["fps"] >= TARGET_FPS and best["max_stall_ms"] <= TARGET_STALL_MS
                             and best["epochs_per_second"] >= target_eps)}
    if args.json:
        print(json.dumps(res))
    else:
        print(f"{label}, playing at full speed for {args.seconds:g} s, best of {args.repeats}")
        print(f"  canvas redraws         {res['fps']:8.1f} fps        (target >= {TARGET_FPS:g})")
        print(f"  snapshots drawn        {res['snapshots_per_second']:8.1f} /s")
        print(f"  training while drawn   {res['epochs_per_second']:8.1f} epochs/s (target >= {target_eps:g})")
        print(f"  engine alone           {res['headless_epochs_per_second']:8.1f} epochs/s")
        print(f"  event-loop stalls      max {res['max_stall_ms']:.1f} ms, p95 {res['p95_stall_ms']:.1f} ms "
              f"(target max <= {TARGET_STALL_MS:g})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
