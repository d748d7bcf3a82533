"""Entry point: the desktop app, or a headless subcommand (train, check, lessons)."""
from __future__ import annotations

import sys

from . import startup

SUBCOMMANDS = ("train", "check", "lessons", "export", "compare")


def main(argv: list[str] | None = None) -> int:
    startup.prepare()
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        if argv and argv[0] in SUBCOMMANDS:
            from . import cli
            startup.imports_done()
            return cli.main(argv)
        from .ui import launch        # Qt is imported only for the window
        return launch.main(argv)      # (the window's start-up calls imports_done)
    finally:
        startup.imports_done()        # an early exit: no window was built
