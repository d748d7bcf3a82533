"""``python main.py export``: the format from the extension; bad arguments are one line on
stderr and exit status 2, never a traceback."""
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import cli

ROOT = Path(__file__).resolve().parents[2]


def test_export_writes_the_file(tmp_path, qapp, capsys):
    out = tmp_path / "fig.svg"
    assert cli.main(["export", "xor", "--view", "activations", "--out", str(out), "--epochs", "2"]) == 0
    assert out.read_bytes().startswith(b"<?xml") and "wrote" in capsys.readouterr().out


@pytest.mark.parametrize("args, says", [
    (["--view", "weights", "--out", "{tmp}/x.png"], "invalid choice"),
    (["--view", "network", "--out", "{tmp}/x.bmp"], ".bmp"),
    (["--view", "network", "--out", "{tmp}/missing/x.png"], "does not exist"),
    (["--view", "network", "--out", "{tmp}"], "folder"),
    (["--view", "network", "--out", "{tmp}/x.png", "--frames", "5"], "--frames"),
    (["--view", "loss", "--out", "{tmp}/x.gif", "--animate", "step"], "--view network"),
    (["--view", "network", "--out", "{tmp}/x.png", "--epochs", "-3"], "--epochs"),
    (["--view", "network", "--out", "{tmp}/x.png", "--dpi", "0"], "resolution"),
    (["--view", "network", "--out", "{tmp}/x.png", "--width", "0.01"], "width"),
    (["--view", "network"], "--out"),
])
def test_bad_arguments(tmp_path, qapp, capsys, args, says):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert cli.main(["export", "xor", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("nnsim: error:") and says in err
    assert "Traceback" not in err


def test_a_bad_document(tmp_path, qapp, capsys):
    bad = tmp_path / "bad.nnsim.json"
    bad.write_text('{"format": "nnsim", "version": 1, "network": {"nodes": [{"kind": "input"}]}}')
    assert cli.main(["export", str(bad), "--view", "network", "--out", str(tmp_path / "x.svg")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "x.svg").exists()


def test_the_real_command_exits_2_with_one_line(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "xor", "--view", "network",
                        "--out", str(tmp_path / "x.docx")], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr and ".docx" in r.stderr
