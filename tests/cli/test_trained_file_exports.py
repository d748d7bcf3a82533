"""A file saved after training, given to ``export``: the figure and the program show the
network as saved (not trained again from its weights with the epoch count at 0), and
``--epochs N`` trains N more from there."""
import pytest
from PySide6.QtGui import QImage

from simulator import cli, codegen
from simulator.document import lessons, load


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    path = tmp_path_factory.mktemp("trained") / "xor-200.nnsim.json"
    assert cli.main(["train", "xor", "--epochs", "200", "--save", str(path)]) == 0
    return path


def export(target, out, *args) -> None:
    assert cli.main(["export", str(target), "--out", str(out), *args]) == 0


def test_the_decision_surface_is_the_saved_networks(saved, tmp_path, qapp):
    export(saved, tmp_path / "file.png", "--view", "surface", "--dpi", "60")
    export("xor", tmp_path / "run.png", "--view", "surface", "--dpi", "60", "--epochs", "200")
    export("xor", tmp_path / "more.png", "--view", "surface", "--dpi", "60", "--epochs", "300")
    file_, run, more = (QImage(str(tmp_path / n)) for n in ("file.png", "run.png", "more.png"))
    assert file_ == run            # the very network saved at epoch 200
    assert file_ != more           # (what the export drew before: 100 more epochs on top)


def test_the_caption_counts_on_from_the_saved_epoch(saved, tmp_path, qapp):
    export(saved, tmp_path / "as-saved.svg", "--view", "loss")
    assert "epoch 200" in (tmp_path / "as-saved.svg").read_text()
    export(saved, tmp_path / "more.svg", "--view", "loss", "--epochs", "30")
    text = (tmp_path / "more.svg").read_text()
    assert "epoch 230" in text and "no epoch trained yet" not in text


def program(doc, base, **kw) -> str:
    return codegen.generate(codegen.build(doc, base, **kw), "numpy")


def test_the_program_holds_the_saved_weights(saved):
    doc, base = load(saved), saved.parent
    lesson = load(lessons.path("xor"))
    spec = codegen.build(doc, base)
    assert spec.weights == ("trained", 200)
    assert program(doc, base) == program(lesson, lessons.LESSONS_DIR, epochs=200)
    # untrained: the document's own start, exactly the lesson's
    assert program(doc, base, untrained=True) == program(lesson, lessons.LESSONS_DIR, untrained=True)
    assert codegen.build(doc, base, epochs=10).weights == ("trained", 210)
