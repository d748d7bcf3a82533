"""Python syntax colours for a code preview (QSyntaxHighlighter): keywords, strings
(docstrings over several lines too), comments, numbers, the names a def or class makes."""
from __future__ import annotations

import keyword

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

COLOURS = {   # light, dark (JetBrains' default schemes, readable in print and on screen)
    "keyword": ("#0033b3", "#cf8e6d"), "builtin": ("#871094", "#c77dbb"),
    "string": ("#067d17", "#6aab73"), "comment": ("#8c8c8c", "#7a7e85"),
    "number": ("#1750eb", "#2aacb8"), "definition": ("#00627a", "#56a8f5"),
}
BUILTINS = ("self", "print", "len", "range", "float", "int", "min", "max", "sum", "dict",
            "list", "zip", "super", "isinstance", "round")
STRING, DOCSTRING_DOUBLE, DOCSTRING_SINGLE = 0, 1, 2


def _format(colour: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(colour))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    f.setFontItalic(italic)
    return f


class PythonHighlighter(QSyntaxHighlighter):
    def __init__(self, document, dark: bool = False):
        super().__init__(document)
        pick = 1 if dark else 0
        c = {k: v[pick] for k, v in COLOURS.items()}
        self.formats = {"keyword": _format(c["keyword"], bold=True), "builtin": _format(c["builtin"]),
                        "string": _format(c["string"]), "comment": _format(c["comment"], italic=True),
                        "number": _format(c["number"]), "definition": _format(c["definition"], bold=True)}
        words = "|".join(keyword.kwlist)
        self.rules = [
            (QRegularExpression(rf"\b({words})\b"), "keyword"),
            (QRegularExpression(rf"\b({'|'.join(BUILTINS)})\b"), "builtin"),
            (QRegularExpression(r"\b[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?\b"), "number"),
            (QRegularExpression(r"(?<=\bdef |\bclass )\w+"), "definition"),
        ]

    def highlightBlock(self, text: str) -> None:
        for pattern, name in self.rules:
            it = pattern.globalMatch(text)
            while it.hasNext():
                m = it.next()
                self.setFormat(m.capturedStart(), m.capturedLength(), self.formats[name])
        self._strings_and_comments(text)

    def _strings_and_comments(self, text: str) -> None:
        """Strings and comments last: they override whatever matched inside them."""
        string, comment = self.formats["string"], self.formats["comment"]
        self.setCurrentBlockState(STRING)
        i, n = 0, len(text)
        state = self.previousBlockState()
        if state in (DOCSTRING_DOUBLE, DOCSTRING_SINGLE):
            quote = '"""' if state == DOCSTRING_DOUBLE else "'''"
            end = text.find(quote)
            if end < 0:
                self.setFormat(0, n, string)
                self.setCurrentBlockState(state)
                return
            self.setFormat(0, end + 3, string)
            i = end + 3
        while i < n:
            ch = text[i]
            if ch == "#":
                self.setFormat(i, n - i, comment)
                return
            if text.startswith(('"""', "'''"), i):
                quote = text[i:i + 3]
                end = text.find(quote, i + 3)
                if end < 0:
                    self.setFormat(i, n - i, string)
                    self.setCurrentBlockState(DOCSTRING_DOUBLE if quote == '"""' else DOCSTRING_SINGLE)
                    return
                self.setFormat(i, end + 3 - i, string)
                i = end + 3
                continue
            if ch in "\"'":
                j = i + 1
                while j < n and text[j] != ch:
                    j += 2 if text[j] == "\\" else 1
                self.setFormat(i, min(j + 1, n) - i, string)
                i = j + 1
                continue
            i += 1
