"""Exporting recurrent lessons: the views that make sense for sequences are drawn, the
ones that do not are refused in one line (exit 2)."""
import pytest

from simulator import cli


@pytest.mark.parametrize("view", ["network", "loss", "gradients", "activations"])
def test_views_of_a_recurrent_lesson(tmp_path, qapp, capsys, view):
    out = tmp_path / f"{view}.svg"
    assert cli.main(["export", "echo", "--view", view, "--out", str(out), "--epochs", "3"]) == 0
    assert out.read_bytes().startswith(b"<?xml")


def test_the_slide_shows_the_gradient_flow_instead_of_a_surface(tmp_path, qapp):
    out = tmp_path / "slide.svg"
    assert cli.main(["export", "echo", "--view", "slide", "--out", str(out), "--epochs", "3"]) == 0
    svg = out.read_text(encoding="utf-8")
    assert "Gradient flow" in svg and "Decision surface" not in svg


def test_a_training_animation_of_a_recurrent_lesson(tmp_path, qapp):
    out = tmp_path / "loss.gif"
    assert cli.main(["export", "elman-xor", "--view", "loss", "--out", str(out), "--epochs", "4",
                     "--frames", "2", "--dpi", "40"]) == 0
    assert out.read_bytes()[:6] == b"GIF89a"


@pytest.mark.parametrize("args, says", [
    (["--view", "surface", "--out", "{tmp}/x.png"], "sequence data do not have"),
    (["--view", "network", "--out", "{tmp}/x.gif", "--animate", "step"], "not available yet"),
])
def test_what_sequences_cannot_show(tmp_path, qapp, capsys, args, says):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert cli.main(["export", "echo", *args, "--epochs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())
