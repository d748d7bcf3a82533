"""``python main.py [FILE|LESSON] [--screenshot PATH]``: start the desktop app."""
from __future__ import annotations

import argparse
import sys

from .languages import LANGUAGES
from .platform_check import choose_platform


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, not argparse's usage block
        self.exit(2, f"{self.prog}: error: {message} (see nnsim --help)\n")


def parse(argv: list[str]) -> argparse.Namespace:
    p = _Parser(prog="nnsim", description="Visual neural-network simulator. "
                                "Headless commands: train, check, lessons, export (see nnsim CMD --help).")
    p.add_argument("target", nargs="?", metavar="FILE|LESSON", help="a document or a lesson id")
    p.add_argument("--screenshot", metavar="PATH", help="save a PNG of the window once drawn, then exit")
    p.add_argument("--lang", metavar="CODE", choices=sorted(LANGUAGES),
                   help="interface language: en or pt_BR (default: the one last chosen in "
                        "View > Language, else the system's)")
    p.add_argument("--size", metavar="WxH", default=None, help="window size, e.g. 1600x1000")
    p.add_argument("--epochs", type=int, default=0, metavar="N",
                   help="train N epochs before the screenshot (with --screenshot)")
    p.add_argument("--theme", choices=("light", "dark"), default=None, help="colour theme")
    p.add_argument("--select", metavar="NEURON", default=None,
                   help="select a neuron before the screenshot (its surface and activation show)")
    p.add_argument("--install-desktop", action="store_true",
                   help="add nnsim to the desktop's menus with its icon, and open *.nnsim.json "
                        "files with it (in $XDG_DATA_HOME, else ~/.local/share)")
    p.add_argument("--uninstall-desktop", action="store_true", help="undo --install-desktop")
    return p.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    if args.install_desktop or args.uninstall_desktop:
        from .. import desktop              # no window: files in the user's data folder
        return desktop.install() if args.install_desktop else desktop.uninstall()
    problem = choose_platform(headless_ok=bool(args.screenshot))
    if problem:
        print(f"nnsim: {problem}", file=sys.stderr)
        return 2
    # Resolve the document before any window exists: a bad FILE|LESSON is a one-line error.
    doc = base = None
    label = None
    if args.target:
        from .. import cli
        from ..document import DocumentError
        try:
            doc, base, label = cli.resolve(args.target)
        except (cli.UsageError, DocumentError) as exc:
            print(f"nnsim: error: {exc}", file=sys.stderr)
            return 2
    from .application import run
    if args.epochs < 0:
        print("nnsim: error: --epochs must be 0 or more", file=sys.stderr)
        return 2
    return run(doc=doc, source=args.target, label=label, screenshot=args.screenshot,
               language=args.lang, size=args.size, epochs=args.epochs, theme=args.theme,
               select=args.select)
