"""The QApplication: organisation names for QSettings, the main window, screenshots."""
from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

ORG, APP = "nnsim", "nnsim"


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORG)
        QCoreApplication.setApplicationName(APP)
        settings_scope()
        app = QApplication(argv if argv is not None else sys.argv[:1])
        install_message_filter()
        from .icons import app_icon
        app.setWindowIcon(app_icon())             # windows and the taskbar
        QApplication.setDesktopFileName(APP)      # matches nnsim.desktop (--install-desktop)
    return app


def save_screenshot(window, path: str) -> bool:
    """Grab the whole window once it has been laid out and painted."""
    app = QApplication.instance()
    window.flush_panels()          # panels share frames: bring in the updates they hold
    for _ in range(5):
        app.processEvents()
    return window.grab().save(path, "PNG")


def install_message_filter() -> None:
    """Hide one harmless offscreen-platform notice; everything else goes to stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message):
        if "propagateSizeHints" in message:
            return
        sys.stderr.write(message + "\n")
    qInstallMessageHandler(handler)


def settings_scope() -> None:
    """Tests (NNSIM_SETTINGS_SCOPE) keep their QSettings apart from the user's."""
    scope = os.environ.get("NNSIM_SETTINGS_SCOPE")
    if scope:
        QCoreApplication.setApplicationName(f"{APP}-{scope}")


def run(doc=None, source=None, label=None, screenshot=None, language=None, size=None,
        epochs: int = 0, theme: str | None = None, select: str | None = None) -> int:
    wanted = None
    if size:
        try:
            wanted = tuple(int(v) for v in size.lower().split("x"))
            if len(wanted) != 2 or min(wanted) <= 0:
                raise ValueError
        except ValueError:
            # before any window or training thread exists: nothing to tear down
            print(f"nnsim: error: --size must look like 1600x1000, not {size!r}", file=sys.stderr)
            return 2
    app = make_app()
    from .main_window import MainWindow
    from PySide6.QtCore import QSettings
    theme_name = theme
    from . import i18n, theme
    theme_name = theme_name or QSettings().value("theme", "light")
    theme.apply(app, theme_name)
    i18n.install(app, language or QSettings().value("language", "") or i18n.system_language())
    from .. import startup
    startup.imports_done()       # before the training thread starts: gui_gc reads gc.isenabled()
    window = MainWindow(theme=theme_name, restore=not screenshot)
    app.nnsim_window = window
    if wanted:
        window.resize(*wanted)
    if doc is not None:
        window.open_document(doc, source)
    window.show()
    if not screenshot or os.environ.get("NNSIM_RECOVER"):
        QTimer.singleShot(0, window.offer_recovery)
    if screenshot:
        ok = [False]
        deadline = time.monotonic() + 60.0

        # a file saved after training goes on from its epoch: --epochs N trains N more
        target = epochs + int(((doc or {}).get("trained") or {}).get("epoch", 0))

        def ready() -> bool:
            snap = window.controller.latest
            return snap is not None and (snap.epoch >= target or snap.diverged is not None)

        taken = [False]

        def shoot():
            # wait for the first snapshot (and the requested training), at most 60 s: each
            # snapshot shown asks again (below), so the shot is taken as soon as it can be;
            # this poll only keeps the deadline
            if taken[0]:
                return
            if not ready() and time.monotonic() < deadline:
                QTimer.singleShot(10, shoot)
                return
            taken[0] = True
            if select and select in window.scene.nodes:
                window.scene.nodes[select].setSelected(True)
                window.controller.request_snapshot()
                QTimer.singleShot(400, finish)
                return
            finish()

        def finish():
            window.view.zoom_to_fit()
            ok[0] = save_screenshot(window, screenshot)
            window.model.mark_saved()      # the screenshot's training is no work to save
            window.shutdown()
            app.quit()

        def on_snapshot(_snap) -> None:
            if not taken[0] and ready():
                QTimer.singleShot(0, shoot)     # after the window has taken the snapshot in
        window.controller.snapshot.connect(on_snapshot)

        def start():
            if epochs:
                window.controller.train_epochs(epochs)
            shoot()
        QTimer.singleShot(0, start)
        app.exec()
        if not ok[0]:
            print(f"nnsim: could not write {screenshot}", file=sys.stderr)
            return 2
        return 0
    code = app.exec()
    return code
