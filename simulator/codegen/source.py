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
    lines = []
    for i, row in enumerate(cells):
        text = ("[[" if i == 0 else " " * (indent + 1) + "[") + aligned_row(row, cells) + "]"
        text += "]" + close if i == len(cells) - 1 else ","
        if comments and comments[i]:
            text += "  # " + comment_text(comments[i])
        lines.append(text)
    if not cells:
        lines.append("[]" + close)
    return lines


def aligned_row(row: Sequence[str], table: Sequence[Sequence[str]]) -> str:
    """A row's numbers joined by commas, each column lined up on its decimal point."""
    out = []
    for j, cell in enumerate(row):
        column = [r[j] for r in table]
        head_w = max(len(c.partition(".")[0]) for c in column)
        tail_w = max(len(c) - len(c.partition(".")[0]) for c in column)
        head = cell.partition(".")[0]
        text = head.rjust(head_w) + cell[len(head):]
        if j < len(row) - 1:
            text = (text + ",").ljust(head_w + tail_w + 2)
        out.append(text)
    return "".join(out).rstrip()


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
