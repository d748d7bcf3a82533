"""Documentation helper: screenshots of the recurrent-network views of the window.

    python docs/tools/recurrent_screenshot.py OUT.png LESSON MODE [--epochs N] [--lang pt_BR]
        [--time T] [--select NODE] [--phase P] [--steps K] [--size WxH] [--raise DOCK]

MODE
  time      train N epochs, move the time scrubber to step T, select NODE: the drawing, the
            Inspector, the activation lab and the Sequence panel at that step
  unrolled  the same, with View ▸ Unrolled over Time on (K copies)
  step      Step once and stop the animation through time at phase P (0 = forward, step 0),
            with the unrolled view on when --steps is given
  offer     an empty canvas; draw an Elman network by clicks and drags, and stop while the
            drag h2 → h1, which would close a cycle, offers a delayed edge

Opens nnsim's own main window offscreen and saves a PNG of it. Used to make the
recurrent-*.png images of the user guide; it is not part of the application.
"""
import argparse
import sys
from pathlib import Path

from doc_window import open_window, shoot_and_close
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def mouse(widget, kind, pos, buttons):
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    ev = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons,
                     Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("lesson")
    p.add_argument("mode", choices=("time", "unrolled", "step", "offer"))
    p.add_argument("--epochs", type=int, default=0)
    p.add_argument("--time", type=int)
    p.add_argument("--select")
    p.add_argument("--phase", type=int, default=0)
    p.add_argument("--steps", type=int)
    p.add_argument("--size", default="1440x900")
    p.add_argument("--lang", default="en")
    p.add_argument("--raise", dest="front", help="a dock to bring to the front, e.g. inspector")
    a = p.parse_args()
    app, w = open_window(a.lesson, a.size, "light", a.lang)
    LEFT = Qt.MouseButton.LeftButton

    def ready():
        snap = w.controller.latest
        if a.mode != "offer" and (snap is None or snap.epoch < a.epochs or snap.sequence is None):
            QTimer.singleShot(100, ready)
            return
        if a.mode == "offer":
            offer()
            return
        if a.steps:
            w.recurrent.steps.setValue(a.steps)
        if a.mode == "unrolled" or (a.mode == "step" and a.steps):
            w.recurrent.act_unrolled.setChecked(True)
        if a.time is not None:
            w.recurrent.scrubber.set_time(a.time)
        if a.select:
            w.scene.nodes[a.select].setSelected(True)
        if a.front:
            w.docks[a.front].raise_()
        if a.mode == "step":
            w.train.step()
            QTimer.singleShot(300, stop_at_phase)
        else:
            QTimer.singleShot(500, lambda: shoot_and_close(app, w, a.out))

    def stop_at_phase():
        if not w.animator.active:
            QTimer.singleShot(100, stop_at_phase)
            return
        w.animator.pause()
        w.animator.go_to(a.phase)
        # half way through the phase: the signals (or errors) on their way along the edges
        w.animator.frame = w.animator.frames_per_phase // 2
        w.animator._render(0.5)
        QTimer.singleShot(400, lambda: shoot_and_close(app, w, a.out, lambda: print(w.train.phase_label.text())))

    def offer():
        from simulator.document import new_document
        doc = new_document("Elman network")
        doc["data"] = {"dataset": "echo", "lag": 1}     # sequences: a recurrent network can train
        w.model.replace(doc)
        view, vp = w.view, w.view.viewport()
        view.resetTransform()
        view.scale(1.4, 1.4)
        view.centerOn(0, 0)
        at = {"x1": (-240, 0), "h1": (0, -90), "h2": (0, 90), "y": (240, 0)}

        def pt(name):
            return view.mapFromScene(QPointF(*at[name]))
        for kind, name in (("input", "x1"), ("hidden", "h1"), ("hidden", "h2"), ("output", "y")):
            w.view.add_kind = kind
            mouse(vp, QEvent.Type.MouseButtonPress, pt(name), LEFT)
            mouse(vp, QEvent.Type.MouseButtonRelease, pt(name), Qt.MouseButton.NoButton)
        for s, t in (("x1", "h1"), ("x1", "h2"), ("h1", "y"), ("h2", "y"), ("h1", "h2")):
            drag(pt(s), pt(t), release=True)
        h1 = pt("h1")           # a self-loop on h1
        mouse(vp, QEvent.Type.MouseButtonPress, h1, LEFT)
        mouse(vp, QEvent.Type.MouseMove, h1 + QPoint(50, -50), LEFT)
        mouse(vp, QEvent.Type.MouseMove, h1 + QPoint(3, 2), LEFT)
        mouse(vp, QEvent.Type.MouseButtonRelease, h1 + QPoint(3, 2), Qt.MouseButton.NoButton)
        drag(pt("h2"), pt("h1"), release=False)          # the offer, before the release
        QTimer.singleShot(400, lambda: shoot_and_close(app, w, a.out))

    def drag(start, end, release):
        vp = w.view.viewport()
        mouse(vp, QEvent.Type.MouseButtonPress, start, LEFT)
        for k in range(1, 7):
            mouse(vp, QEvent.Type.MouseMove, start + (end - start) * (k / 6), LEFT)
        if release:
            mouse(vp, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)

    def start():
        if a.epochs and a.mode != "offer":
            w.controller.train_epochs(a.epochs)
        ready()

    QTimer.singleShot(200, start)
    app.exec()
    return 0 if getattr(app, "shot_ok", False) else 2


if __name__ == "__main__":
    raise SystemExit(main())
