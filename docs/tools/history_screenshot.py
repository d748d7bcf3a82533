"""Documentation helper: a screenshot of a lesson looking back at an earlier epoch.

    python docs/tools/history_screenshot.py OUT.png LESSON EPOCHS BACK_TO [--size WxH]

Opens nnsim's own main window offscreen on LESSON, trains EPOCHS epochs, then moves the
history slider back to epoch BACK_TO (with the keyboard: Home, then the right arrow, as a
user may) and saves a PNG of the window. Used to make history-*.png of the user guide; it
is not part of the application.
"""
import argparse

from doc_window import open_window, shoot_and_close
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("lesson")
    p.add_argument("epochs", type=int)
    p.add_argument("back_to", type=int)
    p.add_argument("--size", default="1440x900")
    a = p.parse_args()
    app, w = open_window(a.lesson, a.size)
    state = {"ticks": 0}

    def train():
        w.controller.train_epochs(a.epochs)
        wait(lambda s: s.epoch >= a.epochs and s.present_epoch is None, look_back)

    def wait(done, then):
        snap = w.controller.latest
        state["ticks"] += 1
        if (snap is None or not done(snap)) and state["ticks"] < 1200:
            QTimer.singleShot(100, lambda: wait(done, then))
            return
        QTimer.singleShot(300, then)

    def look_back():
        slider = w.history.slider
        slider.setFocus()
        QTest.keyClick(slider, Qt.Key.Key_Home)
        for _ in range(int(list(w.history.epochs).index(a.back_to))):
            QTest.keyClick(slider, Qt.Key.Key_Right)
        wait(lambda s: s.present_epoch is not None and s.epoch == a.back_to, shoot)

    def shoot():
        w.flush_panels()
        QTimer.singleShot(300, lambda: shoot_and_close(app, w, a.out))

    QTimer.singleShot(300, train)
    app.exec()
    return 0 if getattr(app, "shot_ok", False) else 2


if __name__ == "__main__":
    raise SystemExit(main())
