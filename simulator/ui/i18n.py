"""Interface languages: English source strings, Brazilian Portuguese from
``resources/i18n/nnsim_pt_BR.qm`` (plus Qt's own catalogue for standard dialogs)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = {"en": "English", "pt_BR": "Português (Brasil)"}

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
            app.installTranslator(ours)
            _installed.append(ours)
            qt = QTranslator(app)
            if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt)
                _installed.append(qt)
        else:
            language = "en"
    app.nnsim_language = language
    return language
