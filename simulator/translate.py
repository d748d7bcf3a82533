"""``tr()`` for code outside QObjects. pyside6-lupdate files a bare ``tr("...")`` call
under the empty context, so the empty context is what is looked up at run time
(tests/test_i18n.py checks the round trip)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)
