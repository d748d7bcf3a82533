"""``nnsim export FILE|LESSON --code pytorch|numpy --out PATH.py|PATH.ipynb [--epochs N]
[--untrained] [--lang en|pt_BR]``: the network as a program (``simulator.codegen``).

A notebook's explanations are written in the interface's language: ``--lang`` when given,
else the language last chosen in the window (View ▸ Language), else the system's — the
same rule as the window's own ``--lang``. Code and comments are English either way.
"""
from __future__ import annotations

import argparse

LANGUAGES = ("en", "pt_BR")


def add_options(parser: argparse.ArgumentParser) -> None:
    """The ``export`` subcommand's options for code (beside ``--view`` for figures)."""
    parser.add_argument("--code", choices=("pytorch", "numpy"), metavar="pytorch|numpy",
                        help="write the network as a program instead of a figure: PyTorch or "
                             "NumPy, a script (.py) or a Jupyter notebook (.ipynb) by --out's extension")
    parser.add_argument("--untrained", action="store_true",
                        help="with --code: the untrained weights (training the program then "
                             "reproduces nnsim's losses epoch by epoch); --epochs sets its default run")
    parser.add_argument("--lang", choices=LANGUAGES, metavar="en|pt_BR",
                        help="with --code: the language of a notebook's explanations (default: the "
                             "one chosen in View > Language, else the system's)")


def interface_language(code: str | None) -> str:
    """``code``, else the window's saved choice, else the system's language."""
    if code:
        return code
    from PySide6.QtCore import QCoreApplication, QSettings

    from .ui.application import APP, ORG, settings_scope
    from .ui.i18n import normalise, system_language
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORG)
        QCoreApplication.setApplicationName(APP)
        settings_scope()
    saved = QSettings().value("language", "")
    return normalise(saved) if saved in LANGUAGES else system_language()


def run(args, resolve, usage_error: type[Exception]) -> int:
    """Write the program; bad input raises ``usage_error`` (one line, exit 2)."""
    from . import codegen
    doc, base, label = resolve(args.target)
    try:
        codegen.check_target(args.out)
        if args.epochs is not None and args.epochs < 0:
            raise codegen.CodeExportError("--epochs must be 0 or more")
        out = codegen.export_code(doc, args.out, args.code, base, epochs=args.epochs,
                                  untrained=args.untrained, language=interface_language(args.lang))
    except codegen.CodeExportError as exc:
        raise usage_error(f"{label}: {exc}") from None
    print(f"{label}: wrote {out}")
    return 0
