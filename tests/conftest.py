"""Test configuration: headless Qt by default, and no test may leave a thread running."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NNSIM_SETTINGS_SCOPE", "tests")   # keep QSettings away from the user's
os.environ.setdefault("NNSIM_DATA_DIR", __import__("tempfile").mkdtemp(prefix="nnsim-tests-"))
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from simulator.startup import BLAS_THREAD_VARIABLES  # noqa: E402  (imports no NumPy)

for _name in BLAS_THREAD_VARIABLES:      # as the app runs (simulator/startup.py)
    os.environ.setdefault(_name, "1")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def no_thread_left_behind():
    """Like napari's fixtures: a test that leaves a training thread running fails."""
    yield
    try:
        from simulator.runtime.controller import LIVE_THREADS
    except ImportError:
        return
    running = [t for t in list(LIVE_THREADS) if t.isRunning()]
    for t in running:             # stop them so the next test starts clean
        t.quit()
        t.wait(2000)
    assert not running, f"{len(running)} training thread(s) left running"


@pytest.fixture
def window(qtbot):
    """The real main window, offscreen, closed and deleted afterwards."""
    import gc
    from PySide6.QtWidgets import QApplication
    from simulator.ui import theme
    from simulator.ui.main_window import MainWindow
    theme.apply(QApplication.instance(), "light")
    w = MainWindow(restore=False)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.model.mark_saved()               # no "save changes?" prompt when the test ends
    w.close()
    w.deleteLater()
    QApplication.processEvents()
    del w
    gc.collect()                       # wrappers go while Qt is alive, not at exit
