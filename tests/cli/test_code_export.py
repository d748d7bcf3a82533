"""``nnsim export --code``: the program written, run as a script (one line per epoch, the
last line JSON as ``train --json`` prints it), its imports; bad input: exit 2, one line."""
import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import cli

ROOT = Path(__file__).resolve().parents[2]
STANDARD = {"argparse", "json", "math", "os", "base64"}


def export(*args, capsys=None) -> tuple[int, str, str]:
    code = cli.main(["export", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("framework, libraries", [("numpy", {"numpy"}),
                                                 ("pytorch", {"numpy", "torch"})])
def test_the_program_imports_only_its_framework(framework, libraries, tmp_path, capsys):
    path = tmp_path / "xor.py"
    code, out, err = export("xor", "--code", framework, "--out", path, "--epochs", "5",
                            capsys=capsys)
    assert code == 0 and err == "" and f"wrote {path}" in out
    assert imports_of(path) - STANDARD == libraries
    assert "nnsim" not in imports_of(path) and "simulator" not in imports_of(path)


def test_script_trains_with_one_line_per_epoch_and_json_last(tmp_path):
    """The untrained export run as a script for 3 epochs ends where `nnsim train` does."""
    path = tmp_path / "circles.py"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "circles", "--code",
                        "numpy", "--out", str(path), "--untrained", "--lang", "en"],
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    env = dict(os.environ, NNSIM_EPOCHS="50")        # --epochs wins over the variable
    run = subprocess.run([sys.executable, str(path), "--epochs", "3"], capture_output=True,
                         text=True, timeout=120, cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith(f"epoch    {k}") for k, line in
                                   enumerate(lines[:3], start=1))
    result = json.loads(lines[-1])
    assert list(result) == ["epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy",
                            "diverged"]
    expected = json.loads(cli_json(["train", "circles", "--epochs", "3", "--json"]))
    assert result["epochs"] == 3 and result["diverged"] is expected["diverged"] is False
    for key in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        assert result[key] == pytest.approx(expected[key], rel=1e-6)


def cli_json(argv) -> str:
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True,
                       text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_the_header_names_the_file_and_the_module_python_can_import(tmp_path, capsys):
    path = tmp_path / "my-net.py"
    assert export("and", "--code", "numpy", "--out", path, "--epochs", "0", capsys=capsys)[0] == 0
    header = path.read_text(encoding="utf-8").split('"""')[1]
    assert "python my-net.py" in header and "save it under a name Python accepts: my_net.py" in header
    assert "from my_net import build_model, load_data, train" in header


def test_regression_reports_r2(tmp_path, capsys):
    path = tmp_path / "square.py"
    assert export("square", "--code", "numpy", "--out", path, "--epochs", "0", capsys=capsys)[0] == 0
    text = path.read_text()
    assert '"train_r2"' in text and "def r2(" in text and "def accuracy(" not in text


def test_notebook_by_extension_in_the_chosen_language(tmp_path, capsys):
    path = tmp_path / "xor.ipynb"
    code, _, err = export("xor", "--code", "pytorch", "--out", path, "--epochs", "0",
                          "--lang", "pt_BR", capsys=capsys)
    assert code == 0, err
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"])
    assert first.startswith("# XOR com dois neurônios ocultos") and "PyTorch" in first


def bad(*args, capsys) -> str:
    code, out, err = export(*args, capsys=capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("nnsim: error: ") and "Traceback" not in err
    return err


def test_unknown_framework(tmp_path, capsys):
    err = bad("xor", "--code", "tensorflow", "--out", tmp_path / "x.py", capsys=capsys)
    assert "tensorflow" in err and "pytorch" in err


def test_unwritable_path(tmp_path, capsys):
    err = bad("xor", "--code", "numpy", "--out", tmp_path / "missing" / "x.py", capsys=capsys)
    assert "does not exist" in err
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if not os.access(locked, os.W_OK):           # root writes anywhere
            assert "permission denied" in bad("xor", "--code", "numpy", "--out", locked / "x.py",
                                              capsys=capsys)
    finally:
        locked.chmod(0o700)


def test_folder_as_output(tmp_path, capsys):
    folder = tmp_path / "out.py"
    folder.mkdir()
    assert "is a folder" in bad("xor", "--code", "numpy", "--out", folder, capsys=capsys)


def test_document_that_fails_check(tmp_path, capsys):
    doc = json.loads((ROOT / "resources/lessons/xor.nnsim.json").read_text())
    doc["network"]["edges"].append({"source": "h1", "target": "nowhere"})
    path = tmp_path / "broken.nnsim.json"
    path.write_text(json.dumps(doc))
    err = bad(path, "--code", "numpy", "--out", tmp_path / "x.py", capsys=capsys)
    assert 'no node "nowhere"' in err
    assert not (tmp_path / "x.py").exists()


@pytest.mark.parametrize("name", ["x.png", "x.svg", "x", "x.txt"])
def test_code_with_an_extension_that_is_no_program(name, tmp_path, capsys):
    err = bad("xor", "--code", "numpy", "--out", tmp_path / name, capsys=capsys)
    assert ".py or .ipynb" in err


def test_view_and_code_together_or_neither(tmp_path, capsys):
    assert "one of them" in bad("xor", "--view", "network", "--code", "numpy", "--out",
                                tmp_path / "x.py", capsys=capsys)
    assert "--view" in bad("xor", "--out", tmp_path / "x.py", capsys=capsys)


def test_recurrent_network_on_sequences_is_exported(tmp_path, capsys):
    code, out, _ = export("echo", "--code", "pytorch", "--out", tmp_path / "echo.py", "--epochs", "1",
                          capsys=capsys)
    text = (tmp_path / "echo.py").read_text()
    assert code == 0 and "for t in range(x.shape[1]):" in text and "TRAIN_X = [" in text


def test_batch_norm_in_a_recurrent_network_is_refused_in_one_line(tmp_path, capsys):
    from simulator.document import lessons
    import json
    doc = lessons.load_lesson("echo")
    doc["network"]["nodes"][1]["batch_norm"] = True
    path = tmp_path / "bn.nnsim.json"
    path.write_text(json.dumps(doc))
    err = bad(str(path), "--code", "numpy", "--out", tmp_path / "x.py", capsys=capsys)
    assert "batch normalisation is not available for sequences" in err


def test_diverging_training_is_refused_with_the_way_out(tmp_path, capsys):
    err = bad("exploding-gradient", "--code", "numpy", "--out", tmp_path / "x.py", capsys=capsys)
    assert "diverged" in err and "--untrained" in err
    code, _, _ = export("exploding-gradient", "--code", "numpy", "--out", tmp_path / "x.py",
                        "--untrained", capsys=capsys)
    assert code == 0
