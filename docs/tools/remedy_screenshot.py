"""Documentation helper: a screenshot of a lesson with some of its remedies switched on.

    python docs/tools/remedy_screenshot.py OUT.png LESSON EPOCHS REMEDY [REMEDY ...] [--size WxH]

Opens nnsim's own main window offscreen on LESSON, ticks the REMEDY boxes of the Lesson
panel (ids from the lesson's "mitigations": relu_he, he, xavier, batch_norm, clip, leaky),
presses Reset, trains EPOCHS epochs and saves a PNG of the window. Used to make the
remedy-*.png images of the user guide; it is not part of the application.
"""
import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

from simulator import cli  # noqa: E402
from simulator.ui.application import make_app, save_screenshot  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("lesson")
    p.add_argument("epochs", type=int)
    p.add_argument("remedies", nargs="+")
    p.add_argument("--size", default="1440x900")
    a = p.parse_args()
    app = make_app()
    from simulator.ui import i18n, theme
    from simulator.ui.main_window import MainWindow
    theme.apply(app, "light")
    i18n.install(app, "en")
    w = MainWindow(theme="light", restore=False)
    app.nnsim_window = w
    width, height = (int(v) for v in a.size.split("x"))
    w.resize(width, height)
    doc, _base, _label = cli.resolve(a.lesson)
    w.open_document(doc, a.lesson)
    w.show()
    state = {"ticks": 0, "ok": False}

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
        w.view.zoom_to_fit()
        for _ in range(5):
            app.processEvents()
        state["ok"] = save_screenshot(w, a.out)
        w.shutdown()
        sys.stdout.flush()
        # the remedies changed the document: quitting normally would ask whether to save
        os._exit(0 if state["ok"] else 2)

    QTimer.singleShot(300, tick_remedies)
    app.exec()
    return 0 if state["ok"] else 2


if __name__ == "__main__":
    raise SystemExit(main())
