"""Before Qt starts: can a window open here? If not, say which package is missing.

Qt 6.5+ on X11 needs ``libxcb-cursor0`` and a few other xcb libraries; without them Qt
prints "could not load the Qt platform plugin xcb" and aborts. We look first and explain.
"""
from __future__ import annotations

import ctypes.util
import os
import re
import subprocess
import sys

# library soname -> Debian/Ubuntu package that provides it
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}
CORE_LIBRARIES = {"EGL": "libegl1", "GL": "libgl1", "fontconfig": "libfontconfig1",
                  "xkbcommon": "libxkbcommon0", "glib-2.0": "libglib2.0-0"}


def missing_packages(platform: str) -> list[str]:
    """Debian packages whose libraries Qt needs for ``platform`` and cannot find."""
    if not sys.platform.startswith("linux"):
        return []
    libs = dict(CORE_LIBRARIES)
    if platform == "xcb":
        libs.update(XCB_LIBRARIES)
    cached = _ldconfig_cache()
    return [pkg for lib, pkg in libs.items()
            if not _in_cache(lib, cached) and ctypes.util.find_library(lib) is None]


def _ldconfig_cache() -> bytes:
    """``ldconfig -p`` once: ctypes.util.find_library runs it again for every library
    (13 processes on X11, ~3 ms each, at every start)."""
    try:
        with subprocess.Popen(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              env={"LC_ALL": "C", "LANG": "C"}) as proc:
            return proc.stdout.read()
    except OSError:
        return b""


def _in_cache(lib: str, cached: bytes) -> bool:
    """Whether the linker cache lists ``lib`` for this machine's ABI (the test
    find_library makes first; a library not listed gets its slower full search)."""
    abi = {"x86_64": "libc6,x86-64", "aarch64": "libc6,AArch64"}.get(os.uname().machine, "libc6")
    return re.search(rb"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(lib.encode()), re.escape(abi.encode())),
                     cached) is not None


def choose_platform(headless_ok: bool) -> str | None:
    """The platform Qt will use, switching to offscreen for headless work with no display.
    Returns an error message when no window can open, else None."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if not platform and not has_display:
        if headless_ok:
            os.environ["QT_QPA_PLATFORM"] = platform = "offscreen"
        else:
            return ("no display to open the window on (DISPLAY is not set). Run it in a desktop "
                    "session, or use --screenshot PATH / QT_QPA_PLATFORM=offscreen without one.")
    effective = platform or ("wayland" if os.environ.get("WAYLAND_DISPLAY") and
                             not os.environ.get("DISPLAY") else "xcb")
    missing = missing_packages(effective)
    if missing:
        return ("the window cannot open: missing system libraries. Install them with\n"
                f"    sudo apt install {' '.join(missing)}\n"
                "(Qt 6.5+ needs libxcb-cursor0 and a few xcb libraries on X11.)")
    return None
