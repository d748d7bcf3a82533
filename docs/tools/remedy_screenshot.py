"""Documentation helper: a screenshot of a lesson with some of its remedies switched on.

    python docs/tools/remedy_screenshot.py OUT.png LESSON EPOCHS REMEDY [REMEDY ...] [--size WxH]

Opens nnsim's own main window offscreen on LESSON, ticks the REMEDY boxes of the Lesson
panel (ids from the lesson's "mitigations": relu_he, he, xavier, batch_norm, clip, leaky),
presses Reset, trains EPOCHS epochs and saves a PNG of the window. Used to make the
remedy-*.png images of the user guide; it is not part of the application.
"""
import argparse

from doc_window import open_window, shoot_and_close
from PySide6.QtCore import QTimer


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("lesson")
    p.add_argument("epochs", type=int)
    p.add_argument("remedies", nargs="+")
    p.add_argument("--size", default="1440x900")
    a = p.parse_args()
    app, w = open_window(a.lesson, a.size)
    state = {"ticks": 0}

    def tick_remedies():
        for r in a.remedies:
            w.lesson_panel.checks[r].setChecked(True)
        QTimer.singleShot(500, reset_and_train)

    def reset_and_train():
        w.train.reset()
        QTimer.singleShot(500, lambda: (w.controller.train_epochs(a.epochs), wait()))

    def wait():
        snap = w.controller.latest
        state["ticks"] += 1
        if (snap is None or snap.epoch < a.epochs) and state["ticks"] < 1200:
            QTimer.singleShot(100, wait)
            return
        QTimer.singleShot(500, shoot)

    def shoot():
        shoot_and_close(app, w, a.out)

    QTimer.singleShot(300, tick_remedies)
    app.exec()
    return 0 if getattr(app, "shot_ok", False) else 2


if __name__ == "__main__":
    raise SystemExit(main())
