"""Writing Python source text: numbers that read back exactly, arrays laid out with a
comment per row, sections that become a file's parts or a notebook's cells."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

LINE = 96


@dataclass(frozen=True)
class Section:
    """A part of the program: ``key`` names its explanation (``texts``), ``title`` heads it
    in a .py file, ``code`` is the source; ``where``: "both", "script" or "notebook"."""

    key: str
    title: str
    code: str
    where: str = "both"


def num(v: float) -> str:
    """A float that reads back as the same float64 (shortest repr)."""
    v = float(v)
    if not math.isfinite(v):
        raise ValueError(f"not a finite number: {v}")
    return repr(v)


def label(v: float) -> str:
    """A label or target value: whole numbers without a decimal point."""
    v = float(v)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else num(v)


def vector(values: Sequence[float], fmt=num) -> str:
    return "[" + ", ".join(fmt(v) for v in values) + "]"


def comment_text(text: str) -> str:
    """User text (neuron ids, titles) made safe for a one-line comment."""
    return " ".join(str(text).split())


def matrix(m: np.ndarray, indent: int, comments: Sequence[str] | None = None,
           fmt=num, close: str = "") -> list[str]:
    """Lines of a nested list literal, a row per line with its comment, columns aligned;
    ``close`` follows the last bracket (before its comment). The first line has no
    indentation (it follows ``name = `` or ``"key": ``)."""
    m = np.asarray(m, dtype=float)
    cells = [[fmt(v) for v in row] for row in m]
    width = max((len(c) for row in cells for c in row), default=1)
    lines = []
    for i, row in enumerate(cells):
        body = ", ".join(c.rjust(width) for c in row)
        text = ("[[" if i == 0 else " " * (indent + 1) + "[") + body + "]"
        text += "]" + close if i == len(cells) - 1 else ","
        if comments and comments[i]:
            text += "  # " + comment_text(comments[i])
        lines.append(text)
    if not cells:
        lines.append("[]" + close)
    return lines


def rows_block(rows: np.ndarray, indent: int, fmts: Sequence) -> list[str]:
    """A list of rows as ``[[a, b, c], [d, e, f], ...]``, as many rows per line as fit."""
    pad = " " * indent
    items = ["[" + ", ".join(f(v) for f, v in zip(fmts, row)) + "]" for row in rows]
    lines, line = [], ""
    for item in items:
        piece = item + ","
        if line and len(pad) + len(line) + 1 + len(piece) > LINE:
            lines.append(pad + line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    if line:
        lines.append(pad + line)
    return lines


def vector_lines(values: Sequence[float], indent: int, close: str = "",
                 comment: str | None = None, fmt=num) -> list[str]:
    """A list literal on one line, or wrapped over several when long; ``close`` follows the
    bracket, the comment the first line. The first line has no indentation."""
    items = [fmt(v) for v in values]
    note = f"  # {comment_text(comment)}" if comment else ""
    one = "[" + ", ".join(items) + "]" + close
    if indent + len(one) + len(note) <= LINE or len(items) < 2:
        return [one + note]
    lines, line = [], ""
    for item in items:
        if line and indent + 1 + len(line) + len(item) + 3 > LINE:
            lines.append(line + ",")
            line = item
        else:
            line = f"{line}, {item}" if line else item
    lines.append(line)
    out = ["[" + lines[0]] + [" " * (indent + 1) + ln for ln in lines[1:]]
    out[-1] += "]" + close
    out[0] += note
    return out


def indent(code: str, n: int) -> str:
    pad = " " * n
    return "\n".join(pad + line if line.strip() else "" for line in code.splitlines())


def banner(title: str) -> str:
    """A section heading comment in a .py file."""
    head = f"# --- {title} "
    return head + "-" * max(4, LINE - len(head))


def join_script(sections: Sequence[Section], header: str) -> str:
    parts = []
    for s in sections:
        if s.where == "notebook":
            continue
        code = s.code.strip("\n")
        parts.append((banner(s.title) + "\n" + code) if s.title else code)
    return header.rstrip() + "\n\n" + "\n\n\n".join(parts) + "\n"
