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


def run_main(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_wrong_window_options_are_one_line_and_status_2():
    for args, words in ((["--bogus"], "unrecognized arguments: --bogus"),
                        (["--lang", "fr", "xor"], "invalid choice: 'fr'")):
        r = run_main(*args)
        assert r.returncode == 2, args
        assert r.stderr.count("\n") == 1 and words in r.stderr, r.stderr
        assert "usage:" not in r.stderr


def test_a_subcommand_error_names_the_command_once():
    r = run_main("export", "xor", "--view", "graph", "--out", "never.png")
    assert r.returncode == 2
    assert r.stderr.startswith("nnsim: error: export: argument --view: invalid choice: 'graph'")
    assert r.stderr.count("nnsim") == 1
