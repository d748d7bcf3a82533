"""A Jupyter notebook (nbformat 4.5) written with the standard library's json: a markdown
cell explaining each part, then its code."""
from __future__ import annotations

import json
from collections.abc import Sequence

NBFORMAT, NBFORMAT_MINOR = 4, 5


def _source(text: str) -> list[str]:
    lines = text.strip("\n").split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def notebook(cells: Sequence[tuple[str, str]]) -> str:
    """``cells``: ("markdown" | "code", text) in order. Returns the .ipynb text."""
    out = []
    for i, (kind, text) in enumerate(cells, start=1):
        cell = {"cell_type": kind, "id": f"cell-{i}", "metadata": {}, "source": _source(text)}
        if kind == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        out.append(cell)
    doc = {
        "cells": out,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": NBFORMAT,
        "nbformat_minor": NBFORMAT_MINOR,
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def code_cells(text: str) -> list[str]:
    """The code cells of a notebook's text, in order (what a test runs top to bottom)."""
    doc = json.loads(text)
    return ["".join(c["source"]) for c in doc["cells"] if c["cell_type"] == "code"]


def percent_script(text: str) -> str:
    """A notebook as a plain script with ``# %%`` cell markers (the form VS Code, Spyder
    and jupytext read as a notebook): what a preview shows and Copy copies."""
    parts = []
    for c in json.loads(text)["cells"]:
        source = "".join(c["source"])
        if c["cell_type"] == "markdown":
            body = "\n".join(("# " + line) if line else "#" for line in source.split("\n"))
            parts.append("# %% [markdown]\n" + body)
        else:
            parts.append("# %%\n" + source)
    return "\n\n".join(parts) + "\n"
