"""The guide's example (docs/examples/xor.py) is what the exporter writes today, and the
excerpts "From nnsim to PyTorch" quotes are in it."""
import re
from pathlib import Path

from simulator import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "xor.py"
PAGE = ROOT / "docs" / "from-nnsim-to-pytorch.md"


def test_the_example_is_what_export_writes(tmp_path, capsys):
    out = tmp_path / "xor.py"
    assert cli.main(["export", "xor", "--code", "pytorch", "--out", str(out), "--lang", "en"]) == 0
    assert out.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8"), \
        "regenerate: python main.py export xor --code pytorch --out docs/examples/xor.py --lang en"


def test_the_pages_excerpts_are_in_the_example():
    text = EXAMPLE.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    excerpts = [b for b in blocks if "from xor import" not in b]
    assert len(excerpts) >= 5
    missing = [line.strip() for b in excerpts for line in b.splitlines()
               if line.strip() and line.strip() not in text]
    assert missing == []
