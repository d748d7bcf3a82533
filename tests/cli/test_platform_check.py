"""The start-up check for the libraries Qt needs: the same answer as asking ctypes for each
library, with one ``ldconfig -p`` instead of one per library."""
import ctypes.util
import subprocess

from simulator.ui import platform_check


def test_missing_packages_agrees_with_find_library_for_every_library():
    cached = platform_check._ldconfig_cache()
    libs = {**platform_check.CORE_LIBRARIES, **platform_check.XCB_LIBRARIES}
    for lib in libs:
        assert platform_check._in_cache(lib, cached) == (ctypes.util.find_library(lib) is not None), lib
    expected = [pkg for lib, pkg in libs.items() if ctypes.util.find_library(lib) is None]
    assert platform_check.missing_packages("xcb") == expected


def test_a_library_nowhere_is_reported_missing_and_ldconfig_runs_once(monkeypatch):
    runs = []
    real_popen = subprocess.Popen

    def counting_popen(args, *a, **k):
        runs.append(args)
        return real_popen(args, *a, **k)
    monkeypatch.setattr(subprocess, "Popen", counting_popen)
    monkeypatch.setattr(ctypes.util, "find_library", lambda lib: None if lib == "nnsim-nowhere" else "x")
    monkeypatch.setitem(platform_check.XCB_LIBRARIES, "nnsim-nowhere", "libnnsim-nowhere0")
    assert "libnnsim-nowhere0" in platform_check.missing_packages("xcb")
    assert [r for r in runs if "ldconfig" in str(r[0])] == [["/sbin/ldconfig", "-p"]]
