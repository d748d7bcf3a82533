"""Test configuration: headless Qt by default, and no test may leave a thread running."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NNSIM_SETTINGS_SCOPE", "tests")   # keep QSettings away from the user's
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

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
