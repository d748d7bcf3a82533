"""``nnsim --install-desktop`` / ``--uninstall-desktop``: a freedesktop launcher, the icon
and the ``application/x-nnsim+json`` file type (``*.nnsim.json``) in the user's data
folder ($XDG_DATA_HOME, else ~/.local/share), so nnsim shows in the desktop's menus and a
double-click on a saved network opens it. No root rights, nothing outside that folder;
the desktop's caches are refreshed with update-mime-database, update-desktop-database and
gtk-update-icon-cache where they are installed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

APP_ID = "nnsim"
MIME_TYPE = "application/x-nnsim+json"
GLOB = "*.nnsim.json"
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
MAIN = Path(__file__).resolve().parents[1] / "main.py"

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>nnsim neural network</comment>
    <comment xml:lang="pt_BR">rede neural do nnsim</comment>
    <sub-class-of type="application/json"/>
    <generic-icon name="{APP_ID}"/>
    <glob pattern="{GLOB}" weight="60"/>
  </mime-type>
</mime-info>
"""


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    # the spec: a relative path is invalid and must be ignored
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def _quote(arg: str) -> str:
    """An Exec argument quoted as the Desktop Entry spec asks."""
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$") + '"'


def exec_line(argv0: str | None = None) -> str:
    """How the launcher starts nnsim: the ``nnsim`` command this was run as (or found on
    the PATH), else this Python running this checkout's main.py."""
    argv0 = argv0 if argv0 is not None else (sys.argv[0] if sys.argv else "")
    if Path(argv0).name == "nnsim" and Path(argv0).exists():
        command = [str(Path(argv0).resolve())]
    elif Path(argv0).name != "main.py" and shutil.which("nnsim"):
        command = [shutil.which("nnsim")]
    else:
        command = [sys.executable, str(MAIN)]
    return " ".join(_quote(c) for c in command) + " %f"


def desktop_entry(argv0: str | None = None) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=nnsim",
        "GenericName=Neural network simulator",
        "GenericName[pt_BR]=Simulador de redes neurais",
        "Comment=Draw a neural network, train it and watch it learn",
        "Comment[pt_BR]=Desenhe uma rede neural, treine-a e veja-a aprender",
        f"Exec={exec_line(argv0)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;ArtificialIntelligence;",
        f"MimeType={MIME_TYPE};",
        "Keywords=neural;network;perceptron;backpropagation;gradient;rede;neural;",
        f"StartupWMClass={APP_ID}",
        "",
    ])


def files(home: Path) -> dict[Path, Path | str]:
    """Every file written: path -> its content (text) or the file to copy."""
    mime_icon = MIME_TYPE.replace("/", "-")
    out: dict[Path, Path | str] = {
        home / "applications" / f"{APP_ID}.desktop": desktop_entry(),
        home / "mime" / "packages" / f"{APP_ID}.xml": MIME_XML,
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": ICONS / "nnsim.svg",
        home / "icons" / "hicolor" / "scalable" / "mimetypes" / f"{mime_icon}.svg": ICONS / "nnsim.svg",
    }
    for n in PNG_SIZES:
        for kind, name in (("apps", APP_ID), ("mimetypes", mime_icon)):
            out[home / "icons" / "hicolor" / f"{n}x{n}" / kind / f"{name}.png"] = ICONS / f"nnsim-{n}.png"
    return out


def _refresh(home: Path) -> list[str]:
    """Tell the desktop about the change, with the tools it has; returns those run."""
    ran = []
    for tool, args in (("update-mime-database", [str(home / "mime")]),
                       ("update-desktop-database", ["-q", str(home / "applications")]),
                       ("gtk-update-icon-cache", ["-q", "-t", "-f", str(home / "icons" / "hicolor")])):
        found = shutil.which(tool)
        if found and (home / args[-1]).exists():
            subprocess.run([found, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            ran.append(tool)
    return ran


def install() -> int:
    home = data_home()
    try:
        for path, content in files(home).items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                shutil.copyfile(content, path)
            else:
                path.write_text(content, encoding="utf-8")
    except OSError as exc:
        print(f"nnsim: error: cannot install the launcher in {home}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    ran = _refresh(home)
    print(f"installed the nnsim launcher, icon and the {MIME_TYPE} file type ({GLOB}) in {home}")
    if "update-mime-database" not in ran:
        print("  (update-mime-database not found: the file type is known after the next log-in)")
    return 0


def uninstall() -> int:
    home = data_home()
    removed = 0
    try:
        for path in files(home):
            if path.exists():
                path.unlink()
                removed += 1
    except OSError as exc:
        print(f"nnsim: error: cannot remove {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    _refresh(home)
    print(f"removed the nnsim launcher, icon and file type from {home} ({removed} files)")
    return 0
