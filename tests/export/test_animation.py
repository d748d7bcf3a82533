"""Animations: the frame count asked for, the same bytes for the same command, MP4 when
the optional encoder is there."""
import pytest
from PIL import Image

from simulator import cli
from simulator.export import mp4_available

SMALL = ["--width", "2", "--height", "1.5", "--dpi", "40"]


def export(tmp_path, name, *args):
    out = tmp_path / name
    assert cli.main(["export", "xor", "--out", str(out), *SMALL, *args]) == 0
    return out


def test_training_gif_has_the_frames_asked_and_is_reproducible(tmp_path, qapp):
    args = ("--view", "loss", "--epochs", "6", "--frames", "4")
    first = export(tmp_path, "a.gif", *args)
    second = export(tmp_path, "b.gif", *args)
    im = Image.open(first)
    assert im.n_frames == 4 and im.size == (80, 60)
    assert first.read_bytes() == second.read_bytes()


def test_step_gif_plays_one_step_phase_by_phase(tmp_path, qapp):
    out = export(tmp_path, "step.gif", "--view", "network", "--epochs", "3", "--animate", "step", "--frames", "7")
    im = Image.open(out)
    assert im.n_frames == 7
    durations = []
    for k in range(im.n_frames):
        im.seek(k)
        durations.append(im.info["duration"])
    assert max(durations) > min(durations)     # phases' ends are held longer than the motion


def test_transparent_gif(tmp_path, qapp):
    out = export(tmp_path, "t.gif", "--view", "network", "--epochs", "2", "--frames", "2", "--transparent")
    im = Image.open(out)
    assert im.info.get("transparency") is not None
    assert im.convert("RGBA").getpixel((0, 0))[3] == 0


@pytest.mark.skipif(not mp4_available(), reason="the optional imageio-ffmpeg is not installed")
def test_mp4(tmp_path, qapp):
    out = export(tmp_path, "t.mp4", "--view", "surface", "--epochs", "2", "--frames", "2")
    assert out.read_bytes()[4:8] == b"ftyp"


def test_mp4_without_the_encoder_says_how_to_get_it(tmp_path, qapp, monkeypatch, capsys):
    from simulator.export import files
    monkeypatch.setattr(files, "mp4_available", lambda: False)
    code = cli.main(["export", "xor", "--view", "loss", "--out", str(tmp_path / "x.mp4")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "pip install" in err and ".[mp4]" in err
    assert not (tmp_path / "x.mp4").exists()
