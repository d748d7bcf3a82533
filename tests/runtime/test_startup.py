"""A fresh nnsim process: one BLAS thread unless the user chose, and the garbage collector
paused only while the modules load (then on, and on the GUI thread's side while training)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import gc, json, os, sys, threading
passes = {"gui": 0, "other": 0}
def count(phase, info):
    if phase == "stop":
        passes["gui" if threading.current_thread() is threading.main_thread() else "other"] += 1
gc.callbacks.append(count)
from simulator.app import main
rc = main(sys.argv[1:])
import numpy  # noqa: F401  (loaded by main already)
print(json.dumps({"rc": rc, "gc_enabled": gc.isenabled(), "frozen": gc.get_freeze_count(),
                  "blas": os.environ.get("OPENBLAS_NUM_THREADS"),
                  "threads": len(os.listdir("/proc/self/task")), "passes": passes}))
"""


def run_fresh(*args: str, **env: str) -> dict:
    environ = dict(os.environ, QT_QPA_PLATFORM="offscreen", NNSIM_SETTINGS_SCOPE="tests")
    environ.pop("OPENBLAS_NUM_THREADS", None)       # as on a user's machine, unless given
    environ.update(env)
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_a_headless_command_collects_garbage_and_uses_one_blas_thread():
    out = run_fresh("train", "xor", "--epochs", "3")
    assert out["rc"] == 0
    assert out["gc_enabled"] is True
    assert out["frozen"] > 10_000            # the modules' objects, out of every later pass
    assert out["blas"] == "1"
    assert out["threads"] == 1               # no OpenBLAS helper threads spinning


def test_the_users_blas_setting_wins():
    out = run_fresh("train", "xor", "--epochs", "3", OPENBLAS_NUM_THREADS="2")
    assert out["blas"] == "2"
    assert out["threads"] == 2


def test_the_window_gives_collecting_back_after_training(tmp_path):
    # the collector must be on when the training thread starts, or gui_gc takes "off" for
    # the user's choice and nothing is collected while the window lives
    png = tmp_path / "xor.png"
    out = run_fresh("--screenshot", str(png), "--epochs", "300", "xor")
    assert out["rc"] == 0 and png.stat().st_size > 0
    assert out["passes"]["gui"] > 0 and out["passes"]["other"] == 0
    assert out["gc_enabled"] is True
    assert out["frozen"] > 10_000


def test_an_early_error_leaves_the_collector_on():
    environ = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", PROBE, "no-such-lesson"], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=120)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["rc"] == 2 and "no-such-lesson" in proc.stderr
    assert out["gc_enabled"] is True


def test_in_process_calls_change_nothing():
    import gc

    from simulator.app import main
    before = (gc.isenabled(), gc.get_freeze_count())
    assert main(["train", "xor", "--epochs", "3"]) == 0
    assert (gc.isenabled(), gc.get_freeze_count()) == before
