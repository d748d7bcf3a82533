"""Refresh the translation catalogue from the source and compile it.

    python scripts/update_translations.py            # lupdate + lrelease
    python scripts/update_translations.py --check    # exit 1 if a string is untranslated

lupdate collects every string marked with tr()/translate()/QT_TRANSLATE_NOOP in
simulator/**.py into resources/i18n/nnsim_pt_BR.ts (keeping existing translations);
lrelease compiles it to the .qm the app loads."""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "nnsim_pt_BR.ts"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: it comes with PySide6-Essentials (pyside6-{name})")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "simulator").rglob("*.py"))


def unfinished(ts: Path = TS) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            t = msg.find("translation")
            if t is None or t.get("type") in ("unfinished",) or not (t.text or "").strip():
                if t is not None and t.get("type") in ("obsolete", "vanished"):
                    continue
                out.append((name, msg.findtext("source")))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    subprocess.run([tool("lupdate"), *sources(), "-no-obsolete", "-ts", str(TS)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    missing = unfinished()
    subprocess.run([tool("lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated")
    for ctx, src in missing[:20]:
        print(f"  [{ctx}] {src}")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    raise SystemExit(main())
