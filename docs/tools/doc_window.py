"""What the user guide's screenshot helpers share: nnsim's own main window, offscreen, on a
lesson, and the final shot. Not part of the application."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from simulator import cli  # noqa: E402
from simulator.ui.application import make_app, save_screenshot  # noqa: E402


def open_window(lesson: str, size: str = "1440x900", theme_name: str = "light", lang: str = "en"):
    """(app, window) showing LESSON at SIZE ("WxH")."""
    app = make_app()
    from simulator.ui import i18n, theme
    from simulator.ui.main_window import MainWindow
    theme.apply(app, theme_name)
    i18n.install(app, lang)
    w = MainWindow(theme=theme_name, restore=False)
    app.nnsim_window = w
    width, height = (int(v) for v in size.split("x"))
    w.resize(width, height)
    doc, _base, _label = cli.resolve(lesson)
    w.open_document(doc, lesson)
    w.show()
    return app, w


def shoot_and_close(app, w, out: str, before_close=None) -> None:
    """Fit the drawing, save the window to OUT, then close it as a user would after saving
    (no "save changes?" question, no autosave left to recover) and end the event loop.
    ``app.shot_ok`` says whether the PNG was written."""
    w.view.zoom_to_fit()
    for _ in range(5):
        app.processEvents()
    app.shot_ok = save_screenshot(w, out)
    if before_close is not None:
        before_close()
    sys.stdout.flush()
    w.model.mark_saved()
    w.close()
    app.quit()
