"""Each lesson trains to its fit with its own settings (the lecture's architectures)."""
import pytest

from simulator.document import lessons
from simulator.engine.trainer import Trainer

FITS = {  # lesson -> (metric, minimum on the test set)
    "and": ("test_accuracy", 0.98), "xor": ("test_accuracy", 0.98),
    "circles": ("test_accuracy", 0.95), "square": ("test_r2", 0.99),
    "reciprocal": ("test_r2", 0.99), "sine": ("test_r2", 0.99),
}
ARCH = {"and": [2, 1], "xor": [2, 2, 1], "circles": [2, 4, 1]}


@pytest.mark.parametrize("lesson_id", list(FITS))
def test_lesson_reaches_its_fit(lesson_id):
    doc = lessons.load_lesson(lesson_id)
    t = Trainer.from_document(doc, base_dir=lessons.LESSONS_DIR)
    t.run(epochs=doc["lesson"]["epochs"])
    metric, minimum = FITS[lesson_id]
    m = t.metrics()
    assert m[metric] >= minimum, m
    assert not m["diverged"]


@pytest.mark.parametrize("lesson_id,sizes", ARCH.items())
def test_lecture_architectures(lesson_id, sizes):
    doc = lessons.load_lesson(lesson_id)
    kinds = [n["kind"] for n in doc["network"]["nodes"]]
    assert [kinds.count("input"), kinds.count("hidden"), kinds.count("output")] == \
        [sizes[0], sum(sizes[1:-1]), sizes[-1]]
