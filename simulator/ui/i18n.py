"""Interface languages: English source strings, Brazilian Portuguese from
``resources/i18n/nnsim_pt_BR.qm`` (plus Qt's own catalogue for standard dialogs)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from .languages import LANGUAGES  # noqa: F401 (the window's View > Language menu)

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"

_installed: list[QTranslator] = []


def system_language() -> str:
    """pt_BR for a Portuguese system locale, else English."""
    return "pt_BR" if QLocale.system().language() == QLocale.Language.Portuguese else "en"


def normalise(code: str | None) -> str:
    if not code:
        return system_language()
    code = code.replace("-", "_")
    if code.lower().startswith("pt"):
        return "pt_BR"
    return "en" if code.lower().startswith("en") else code


def with_key(text: str, key) -> str:
    """``text`` with %1 replaced by the key's name as the platform writes it, in the
    interface's language ("Space", "Espaço")."""
    return text.replace("%1", QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class MnemonicFallback(QTranslator):
    """Qt's own catalogue for a language can be older than the Qt it ships with: Qt 6.11's
    file dialog says "&Look in:" and "Files of &type:" where qtbase_pt_BR.qm translates
    "Look in:" and "Files of type:". Searched last, this looks such a label up in Qt's
    catalogue without its "&" and puts the mnemonic on the translation's first letter."""

    def __init__(self, base: QTranslator, parent=None):
        super().__init__(parent)
        self.base = base

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 (Qt's)
        if not source or "&" not in source:
            return ""
        text = self.base.translate(context, source.replace("&", ""), disambiguation, n)
        return "&" + text if text else ""

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def install(app: QApplication, language: str) -> str:
    """Load the catalogues for ``language`` (replacing the current ones); returns the
    language in use (English when a catalogue is missing)."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    language = normalise(language)
    if language != "en":
        ours = QTranslator(app)
        if ours.load(str(I18N_DIR / f"nnsim_{language}.qm")):
            qt = QTranslator(app)
            found = qt.load(f"qtbase_{language}", qt_translations_dir())
            # searched in reverse order of installation: ours, Qt's, then the fallback
            for t in ((MnemonicFallback(qt, app), qt) if found else ()) + (ours,):
                app.installTranslator(t)
                _installed.append(t)
        else:
            language = "en"
    app.nnsim_language = language
    return language
