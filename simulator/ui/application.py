"""The QApplication: organisation names for QSettings, the main window, screenshots."""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel

ORG, APP = "nnsim", "nnsim"


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORG)
        QCoreApplication.setApplicationName(APP)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    return app


def save_screenshot(window, path: str) -> bool:
    """Grab the whole window once it has been laid out and painted."""
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    return window.grab().save(path, "PNG")


def run(doc=None, source=None, label=None, screenshot=None, language=None, size=None) -> int:
    app = make_app()
    window = QMainWindow()
    window.setWindowTitle(f"{label or 'Untitled'} — nnsim")
    text = doc.get("title", "") if doc else "nnsim"
    window.setCentralWidget(QLabel(text))
    window.resize(1280, 800)
    window.show()
    if screenshot:
        ok = [False]

        def shoot():
            ok[0] = save_screenshot(window, screenshot)
            app.quit()
        QTimer.singleShot(0, shoot)
        app.exec()
        if not ok[0]:
            print(f"nnsim: could not write {screenshot}", file=sys.stderr)
            return 2
        return 0
    return app.exec()
