"""Render resources/icons/nnsim.svg to the PNG sizes desktops ask for (window icon,
taskbar, launcher): ``python scripts/make_icons.py``. The PNGs are committed, so the app
and ``nnsim --install-desktop`` need no SVG support at run time."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(ICONS / "nnsim.svg"))
    if not renderer.isValid():
        sys.exit("nnsim.svg is not a valid SVG")
    for n in SIZES:
        img = QImage(n, n, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p)
        p.end()
        img.save(str(ICONS / f"nnsim-{n}.png"), "PNG")
        print(f"wrote resources/icons/nnsim-{n}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
