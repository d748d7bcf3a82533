"""The guide's examples (docs/examples/xor.py, echo.py) are what the exporter writes today,
and the excerpts "From nnsim to PyTorch" quotes are in them (those of its section on
recurrent networks in echo.py)."""
import re
from pathlib import Path

from simulator import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "xor.py"
RECURRENT_EXAMPLE = ROOT / "docs" / "examples" / "echo.py"
PAGE = ROOT / "docs" / "from-nnsim-to-pytorch.md"


def test_the_example_is_what_export_writes(tmp_path, capsys):
    out = tmp_path / "xor.py"
    assert cli.main(["export", "xor", "--code", "pytorch", "--out", str(out), "--lang", "en"]) == 0
    assert out.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8"), \
        "regenerate: python main.py export xor --code pytorch --out docs/examples/xor.py --lang en"


def test_the_recurrent_example_is_what_export_writes(tmp_path, capsys):
    out = tmp_path / "echo.py"
    assert cli.main(["export", "echo", "--code", "pytorch", "--out", str(out), "--lang", "en"]) == 0
    assert out.read_text(encoding="utf-8") == RECURRENT_EXAMPLE.read_text(encoding="utf-8"), \
        "regenerate: python main.py export echo --code pytorch --out docs/examples/echo.py --lang en"


def excerpts_missing(page: str, example: Path) -> list[str]:
    text = example.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    return [line.strip() for b in blocks if "from xor import" not in b for line in b.splitlines()
            if line.strip() and line.strip() not in text]


def test_the_recurrent_sections_excerpts_are_in_its_example():
    page = PAGE.read_text(encoding="utf-8")
    start = page.index("## Recurrent networks")
    section = page[start:page.index("\n## ", start + 1)]
    assert "```python" in section and excerpts_missing(section, RECURRENT_EXAMPLE) == []


def test_the_pages_excerpts_are_in_the_example():
    text = EXAMPLE.read_text(encoding="utf-8")
    page = PAGE.read_text(encoding="utf-8")
    start = page.index("## Recurrent networks")
    page = page[:start] + page[page.index("\n## ", start + 1):]
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    excerpts = [b for b in blocks if "from xor import" not in b]
    assert len(excerpts) >= 5
    missing = [line.strip() for b in excerpts for line in b.splitlines()
               if line.strip() and line.strip() not in text]
    assert missing == []
