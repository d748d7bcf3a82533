"""Test configuration: headless Qt by default, and no test may leave a thread running."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NNSIM_SETTINGS_SCOPE", "tests")   # keep QSettings away from the user's
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
