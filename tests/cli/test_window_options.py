"""Window options on the command line: bad values are refused before a window exists."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bad_size_is_refused_with_status_2_and_no_abort(tmp_path):
    out = tmp_path / "shot.png"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(out), "--size", "big", "xor"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 2
    assert "--size must look like 1600x1000, not 'big'" in r.stderr
    assert "QThread" not in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()
