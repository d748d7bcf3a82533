"""Documentation helper: a screenshot of File ▸ Export ▸ As Code… on a trained lesson.

    python docs/tools/code_dialog_screenshot.py OUT.png LESSON EPOCHS [--framework pytorch]

Opens nnsim's own main window offscreen on LESSON, trains EPOCHS epochs, opens the
code-export dialog, scrolls its preview to the network's class and saves a PNG of the
dialog. Used for the "From nnsim to PyTorch" page; it is not part of the application.
"""
import argparse

from doc_window import open_window
from PySide6.QtCore import QTimer


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("lesson")
    p.add_argument("epochs", type=int)
    p.add_argument("--framework", default="pytorch")
    a = p.parse_args()
    app, w = open_window(a.lesson)
    state = {"ticks": 0, "ok": False}

    def wait():
        snap = w.controller.latest
        state["ticks"] += 1
        if (snap is None or snap.epoch < a.epochs) and state["ticks"] < 1200:
            QTimer.singleShot(100, wait)
            return
        QTimer.singleShot(300, shoot)

    def shoot():
        from simulator.ui.code_export_dialog import CodeExportDialog
        d = CodeExportDialog(w)
        d.framework.setCurrentIndex(d.framework.findData(a.framework))
        d.path.setText(f"{a.lesson}.py")
        d.resize(980, 720)
        d.show()
        for _ in range(10):
            app.processEvents()
        lines = d.preview.toPlainText().splitlines()
        top = next(i for i, line in enumerate(lines) if line.startswith("class Network"))
        d.preview.verticalScrollBar().setValue(max(0, top - 14))
        for _ in range(5):
            app.processEvents()
        state["ok"] = d.grab().save(a.out)
        d.close()
        w.model.mark_saved()
        w.close()
        app.quit()

    QTimer.singleShot(300, lambda: (w.controller.train_epochs(a.epochs), wait()))
    app.exec()
    return 0 if state["ok"] else 2


if __name__ == "__main__":
    raise SystemExit(main())
