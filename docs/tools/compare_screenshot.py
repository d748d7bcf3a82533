"""Documentation helper: a screenshot of a comparison lesson with its Compare panel trained.

    python docs/tools/compare_screenshot.py OUT.png LESSON [--open K] [--tab gradients] [--log] [--size WxH]

Opens nnsim's own main window offscreen on LESSON (its Compare panel shows), presses the
panel's Train button and waits until every variant has trained. ``--open K`` then clicks
the K-th small multiple (the variant becomes the current network, trained as far) and
``--tab`` raises another bottom panel (``gradients``, ``loss``); ``--log`` ticks the
loss chart's log scale. Saves a PNG of the window. Not part of the application.
"""
import argparse

from doc_window import open_window, shoot_and_close
from PySide6.QtCore import QTimer


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("lesson")
    p.add_argument("--open", type=int, default=None, metavar="K")
    p.add_argument("--tab", default=None)
    p.add_argument("--log", action="store_true")
    p.add_argument("--size", default="1440x900")
    a = p.parse_args()
    app, w = open_window(a.lesson, a.size)
    state = {"ticks": 0}

    def train():
        panel = w.compare_panel
        if a.log:
            panel.log.setChecked(True)
        panel.train_button.click()
        QTimer.singleShot(200, trained)

    def trained():
        snap = w.compare_panel.snapshot
        state["ticks"] += 1
        if (snap is None or not snap.finished) and state["ticks"] < 1200:
            QTimer.singleShot(100, trained)
            return
        if a.open is None:
            QTimer.singleShot(400, shoot)
            return
        w.compare_panel.grid.tiles[a.open].clicked.emit(a.open)
        QTimer.singleShot(300, caught_up)

    def caught_up():
        view = w.compare_panel.snapshot.variants[a.open]
        want = view.epoch + (1 if view.diverged is not None else 0)
        latest = w.controller.latest
        state["ticks"] += 1
        if (latest is None or latest.revision != w.model.revision or latest.epoch < want) and state["ticks"] < 2400:
            if not (latest is not None and latest.diverged is not None):
                QTimer.singleShot(100, caught_up)
                return
        if a.tab:
            w.docks[a.tab].raise_()
        QTimer.singleShot(500, shoot)

    def shoot():
        shoot_and_close(app, w, a.out)

    QTimer.singleShot(500, train)
    app.exec()
    return 0 if getattr(app, "shot_ok", False) else 2


if __name__ == "__main__":
    raise SystemExit(main())
