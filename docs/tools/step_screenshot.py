"""Documentation helper: a screenshot of the step-by-step animation stopped at one phase.

    python docs/tools/step_screenshot.py OUT.png LESSON PHASE [--size WxH] [--epochs N]

Opens nnsim's own main window offscreen on LESSON, optionally trains N epochs, presses Step
once (the lesson's step size), stops the animation at phase number PHASE (0 = the first
forward phase; the phases are printed) and saves a PNG of the window. Used to make the
step-*.png images of the user guide; it is not part of the application.
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
    p.add_argument("phase", type=int)
    p.add_argument("--size", default="1440x900")
    p.add_argument("--epochs", type=int, default=0)
    p.add_argument("--theme", default="light")
    p.add_argument("--lang", default="en")
    a = p.parse_args()
    app = make_app()
    from simulator.ui import i18n, theme
    from simulator.ui.main_window import MainWindow
    theme.apply(app, a.theme)
    i18n.install(app, a.lang)
    w = MainWindow(theme=a.theme, restore=False)
    app.nnsim_window = w
    width, height = (int(v) for v in a.size.split("x"))
    w.resize(width, height)
    doc, _base, _label = cli.resolve(a.lesson)
    w.open_document(doc, a.lesson)
    w.show()
    result = {"ok": False}

    def wait_ready():
        snap = w.controller.latest
        if snap is None or snap.epoch < a.epochs:
            QTimer.singleShot(100, wait_ready)
            return
        w.train.step()
        QTimer.singleShot(300, wait_trace)

    def wait_trace():
        if not w.animator.active:
            QTimer.singleShot(100, wait_trace)
            return
        w.animator.pause()
        w.animator.go_to(a.phase)
        QTimer.singleShot(400, shoot)

    def shoot():
        w.view.zoom_to_fit()
        for _ in range(5):
            app.processEvents()
        result["ok"] = save_screenshot(w, a.out)
        n = w.animator.trace.n_layers
        print("phases:", "; ".join(f"{i}: {ph.describe(n)}" for i, ph in enumerate(w.animator.phases)))
        w.animator.stop()
        w.shutdown()
        sys.stdout.flush()
        os._exit(0 if result["ok"] else 2)     # no "save changes?" question at exit

    def start():
        if a.epochs:
            w.controller.train_epochs(a.epochs)
        wait_ready()

    QTimer.singleShot(200, start)
    app.exec()
    return 0 if result["ok"] else 2


if __name__ == "__main__":
    raise SystemExit(main())
