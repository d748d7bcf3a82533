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
    (["--view", "loss", "--out", "{tmp}/x.gif", "--animate", "step"], "use --view network or unrolled"),
])
def test_what_sequences_cannot_show(tmp_path, qapp, capsys, args, says):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert cli.main(["export", "echo", *args, "--epochs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("view, words", [
    ("unrolled", ["Unrolled over time", "t = 19", "shared by every copy"]),
    ("sequence", ["Sequence", "input x", "h1", "step t"]),
    ("time-gradients", ["Gradient through time", "steps back in time", "× weaker (vanishing)"]),
])
def test_the_recurrent_views_as_vector_figures(tmp_path, qapp, view, words):
    out = tmp_path / f"{view}.svg"
    assert cli.main(["export", "vanishing-through-time", "--view", view, "--out", str(out), "--epochs", "2"]) == 0
    svg = out.read_text(encoding="utf-8")
    for word in words:
        assert word in svg, word
    pdf = tmp_path / f"{view}.pdf"
    assert cli.main(["export", "echo", "--view", view, "--out", str(pdf), "--epochs", "1"]) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_the_unrolled_figure_draws_k_copies_of_each_edge_alike(qapp):
    from simulator.document import lessons
    from simulator.export import FigureOptions, build_figure, trained_state
    _, state = trained_state(lessons.load_lesson("echo"), lessons.LESSONS_DIR, 3)
    with build_figure(FigureOptions(view="unrolled"), state.with_(time_step=6, unrolled_steps=4)) as fig:
        scene = fig.panels[0].scene
        assert (scene.first, scene.count, scene.current) == (3, 4, 6)
        assert len(scene.nodes) == 4 * 6                      # x1, h1..h4, y per copy
        # 8 undelayed edges per copy, 16 delayed ones between neighbouring copies
        assert len(scene.edges.pairs) == 4 * 8 + 3 * 16
        widths, colours = scene.edges.styles()
        for base in range(len(scene.base_pairs)):
            same = scene.edge_base == base
            assert len(set(widths[same])) == 1 and len({c for c, s in zip(colours, same) if s}) == 1


def test_the_step_animation_goes_through_time(tmp_path, qapp):
    from PIL import Image
    for view in ("network", "unrolled"):
        out = tmp_path / f"{view}.gif"
        assert cli.main(["export", "acyclic-vs-recurrent", "--view", view, "--out", str(out), "--animate",
                         "step", "--epochs", "2", "--dpi", "40"]) == 0
        gif = Image.open(out)
        assert gif.n_frames == 2 * (2 * 20 + 2)            # two frames a phase: forward 20, loss, back 20, update


def test_the_recurrent_views_need_sequences(tmp_path, qapp, capsys):
    assert cli.main(["export", "xor", "--view", "unrolled", "--out", str(tmp_path / "u.png"), "--epochs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "recurrent network on sequences" in err
    assert not list(tmp_path.iterdir())


def test_the_recurrent_views_animate_the_training(tmp_path, qapp):
    from PIL import Image
    for view in ("unrolled", "sequence", "time-gradients"):
        out = tmp_path / f"{view}.gif"
        assert cli.main(["export", "echo", "--view", view, "--out", str(out), "--epochs", "2",
                         "--frames", "2", "--dpi", "30"]) == 0
        assert Image.open(out).n_frames == 2
