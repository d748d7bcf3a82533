"""What start-up imports, and when: the window's launch must not pay for modules the first
window does not use, and the document is read before Qt loads (PySide6's import hook then
reads the source of every module imported after it, NumPy's included)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_the_command_line_is_read_and_the_lesson_resolved_before_qt_loads():
    mods = imported_after("from simulator.ui import launch\nfrom simulator import cli\n"
                          "launch.parse(['xor', '--lang', 'pt_BR'])\ncli.resolve('xor')")
    assert "numpy" in mods and "simulator.document" in mods
    assert not any(m.startswith("PySide6") for m in mods)
    # a lesson without a "compare" block does not load the comparison's engine
    assert not {"simulator.document.compare", "simulator.engine.compare", "simulator.engine.stacked"} & mods


def test_a_lesson_with_a_comparison_is_still_checked_against_it():
    from simulator import cli
    from simulator.document import validate
    doc = cli.resolve("xor")[0]
    doc["compare"] = {"nonsense": [1, 2]}
    assert any(p.startswith("compare.nonsense: unknown key") for p in validate.problems(doc))
