"""The interface languages (code -> name): Qt-free, so the command line can be read, and the
document resolved, before Qt is imported."""
from __future__ import annotations

LANGUAGES = {"en": "English", "pt_BR": "Português (Brasil)"}
