"""The layering rules of DESIGN.md, enforced by import-linter (contracts in pyproject.toml)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    r = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command;"
                        "lint_imports_command()"], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "broken" not in r.stdout.lower() or " 0 broken" in r.stdout


def test_threads_are_made_only_in_the_runtime():
    offenders = []
    for path in (ROOT / "simulator").rglob("*.py"):
        if "runtime" in path.relative_to(ROOT / "simulator").parts:
            continue
        text = path.read_text(encoding="utf-8")
        if any(word in text for word in ("QThread", "threading.Thread", "ThreadPoolExecutor")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
