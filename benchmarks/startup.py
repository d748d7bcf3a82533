"""Start-up time: ``python main.py --screenshot PNG xor`` next to a bare PySide6 + pyqtgraph
window doing the same job, timed in the same run (the machines are noisy).

    python benchmarks/startup.py [--repeats 5] [--lesson xor] [--json]

Both run as fresh subprocesses with QT_QPA_PLATFORM=offscreen, timed from launch to exit:
  app_seconds       ``python main.py --screenshot /tmp/….png xor``: import the app, build the
                    main window with every panel, open the lesson, wait for the first training
                    snapshot, save a PNG of the window, exit.
  bare_seconds      a script that creates a QApplication, a QMainWindow (same size, 1440x900)
                    holding a pyqtgraph PlotWidget, shows it, processes events, saves a PNG of
                    it and exits: the floor any PySide6 + pyqtgraph app pays.
  import_seconds    ``python -c "import simulator.ui.main_window"``: the app's imports alone
                    (for the diagnosis; the bare script's imports are inside bare_seconds).
  ratio             app_seconds / bare_seconds.
Each figure is the best of ``--repeats`` runs, the runs interleaved, after one unmeasured run
of each. Every run must exit 0 and leave a non-empty PNG. Python's bytecode cache is on (in a
temporary PYTHONPYCACHEPREFIX, so nothing is written into the tree), as for an installed app,
even where PYTHONDONTWRITEBYTECODE=1 is set; ``--no-bytecode-cache`` keeps the environment as
it is (then every run compiles the app's own sources again). Target: ratio <= 1.6.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 1.6

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg
app = QApplication(sys.argv[:1])
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([0, 1, 2, 3], [0, 1, 0, 1])
window.setCentralWidget(plot)
window.resize(1440, 900)
window.show()
for _ in range(5):
    app.processEvents()
ok = window.grab().save(sys.argv[1], "PNG")
sys.exit(0 if ok else 2)
"""


def timed(cmd: list[str], png: Path | None, env: dict) -> float:
    if png is not None and png.exists():
        png.unlink()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=300)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0 or (png is not None and (not png.exists() or png.stat().st_size == 0)):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.strip()}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5, help="best of N runs of each")
    ap.add_argument("--lesson", default="xor")
    ap.add_argument("--no-bytecode-cache", action="store_true",
                    help="leave PYTHONDONTWRITEBYTECODE / PYTHONPYCACHEPREFIX as they are")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               NNSIM_SETTINGS_SCOPE=os.environ.get("NNSIM_SETTINGS_SCOPE", "benchmarks"))
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="nnsim-startup-") as tmp:
        if not args.no_bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        app_png, bare_png = Path(tmp) / "app.png", Path(tmp) / "bare.png"
        bare_script = Path(tmp) / "bare_window.py"
        bare_script.write_text(BARE)
        runs = {"app": [], "bare": [], "import": []}
        # one unmeasured run of each fills the OS file cache (.pyc files, Qt plugins, fonts)
        timed([py, "main.py", "--screenshot", str(app_png), args.lesson], app_png, env)
        timed([py, str(bare_script), str(bare_png)], bare_png, env)
        for _ in range(args.repeats):          # interleaved, so both see the same machine
            runs["app"].append(timed([py, "main.py", "--screenshot", str(app_png), args.lesson],
                                     app_png, env))
            runs["bare"].append(timed([py, str(bare_script), str(bare_png)], bare_png, env))
            runs["import"].append(timed([py, "-c", "import simulator.ui.main_window"], None, env))
    app, bare, imp = min(runs["app"]), min(runs["bare"]), min(runs["import"])
    res = {"lesson": args.lesson, "repeats": args.repeats,
           "bytecode_cache": not args.no_bytecode_cache,
           "app_seconds": round(app, 3), "bare_seconds": round(bare, 3),
           "import_seconds": round(imp, 3), "ratio": round(app / bare, 2),
           "target_ratio_max": TARGET_RATIO, "meets_target": app / bare <= TARGET_RATIO}
    if args.json:
        print(json.dumps(res))
    else:
        print(f"start-up to screenshot, best of {args.repeats}")
        print(f"  nnsim (main.py --screenshot … {args.lesson})  {app:6.3f} s")
        print(f"  bare PySide6 + pyqtgraph window       {bare:6.3f} s")
        print(f"  ratio                                 {app / bare:6.2f}   (target <= {TARGET_RATIO})")
        print(f"  (import simulator.ui.main_window alone: {imp:.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
