"""``nnsim --install-desktop``: a valid launcher, the icon and the *.nnsim.json file type in
$XDG_DATA_HOME (never elsewhere), all removed by --uninstall-desktop; the window's icon."""
import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args, home: Path, tmp_path: Path):
    env = dict(os.environ, XDG_DATA_HOME=str(home), HOME=str(tmp_path / "home"))
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_install_and_uninstall_in_xdg_data_home(tmp_path):
    home = tmp_path / "share"
    done = run("--install-desktop", home=home, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    desktop = home / "applications" / "nnsim.desktop"
    entry = configparser.ConfigParser(interpolation=None, strict=False)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    e = entry["Desktop Entry"]
    assert e["Type"] == "Application" and e["Icon"] == "nnsim"
    assert "application/x-nnsim+json;" in e["MimeType"]
    command = e["Exec"].split()
    assert command[-1] == "%f" and Path(command[0]).exists()
    assert command[1:-1] == [str(ROOT / "main.py")]          # this checkout, run by this Python
    mime = ET.parse(home / "mime" / "packages" / "nnsim.xml").getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    kind = mime.find(ns + "mime-type")
    assert kind.get("type") == "application/x-nnsim+json"
    assert kind.find(ns + "glob").get("pattern") == "*.nnsim.json"
    for size in (16, 48, 256):
        assert (home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "nnsim.png").stat().st_size > 100
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "nnsim.svg").exists()
    assert not (tmp_path / "home").exists()                   # nothing outside XDG_DATA_HOME
    if shutil.which("update-mime-database"):                 # the desktop now knows the type
        assert "application/x-nnsim+json:*.nnsim.json" in (home / "mime" / "globs2").read_text()
    validate = shutil.which("desktop-file-validate")
    if validate:
        checked = subprocess.run([validate, str(desktop)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr
    gone = run("--uninstall-desktop", home=home, tmp_path=tmp_path)
    assert gone.returncode == 0, gone.stderr
    left = [p for p in home.rglob("*") if p.is_file() and "nnsim" in p.name]
    assert left == []
    if shutil.which("update-mime-database"):
        assert "nnsim" not in (home / "mime" / "globs2").read_text()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_the_launcher_passes_desktop_file_validate(tmp_path):
    home = tmp_path / "share"
    assert run("--install-desktop", home=home, tmp_path=tmp_path).returncode == 0
    checked = subprocess.run(["desktop-file-validate", str(home / "applications" / "nnsim.desktop")],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


def test_an_unwritable_data_folder_is_one_line_and_status_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = run("--install-desktop", home=blocker, tmp_path=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "cannot install" in done.stderr


def test_the_window_has_the_nnsim_icon(window):
    icon = window.windowIcon()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}
    img = icon.pixmap(16, 16).toImage()
    opaque = sum(img.pixelColor(x, y).alpha() > 200 for x in range(16) for y in range(16))
    assert opaque > 150                 # a solid little picture, not an empty square
