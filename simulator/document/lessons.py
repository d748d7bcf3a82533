"""The built-in lessons: documents in ``resources/lessons/<id>.nnsim.json``."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .io import load

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
LESSONS_DIR = RESOURCES / "lessons"

#: Lesson ids in the order the lecture meets them (stable: files and tests use them).
ORDER = ("and", "xor", "circles", "square", "reciprocal", "sine", "chain-rule", "two-neurons",
         "vanishing-gradient", "exploding-gradient", "dying-relu", "activations", "spiral",
         "gauss", "moons",
         # recurrent networks: the lecture's other family
         "acyclic-vs-recurrent", "echo", "elman-xor", "sine-next", "vanishing-through-time",
         # comparisons: differences one run cannot show
         "perceptron-vs-mlp", "step-vs-sigmoid", "seeds", "learning-rate")


@dataclass(frozen=True)
class LessonInfo:
    id: str
    title: str
    description: str
    path: Path
    i18n: dict


def ids() -> list[str]:
    """Every lesson id present, the lecture's order first."""
    present = {p.name[: -len(".nnsim.json")] for p in LESSONS_DIR.glob("*.nnsim.json")}
    return [i for i in ORDER if i in present] + sorted(present - set(ORDER))


def path(lesson_id: str) -> Path:
    p = LESSONS_DIR / f"{lesson_id}.nnsim.json"
    if lesson_id not in ids():
        raise KeyError(f'no lesson "{lesson_id}" (lessons: {", ".join(ids())})')
    return p


def load_lesson(lesson_id: str) -> dict:
    return load(path(lesson_id))


def info(lesson_id: str) -> LessonInfo:
    doc = load_lesson(lesson_id)
    return LessonInfo(lesson_id, doc.get("title", lesson_id), doc.get("description", ""),
                      path(lesson_id), doc.get("i18n", {}))


def all_info() -> list[LessonInfo]:
    return [info(i) for i in ids()]


def localized(doc: dict, language: str) -> tuple[str, str]:
    """The (title, description) of a document in ``language`` (e.g. "pt_BR"), English otherwise."""
    tr = (doc.get("i18n") or {}).get(language) or {}
    return tr.get("title", doc.get("title", "")), tr.get("description", doc.get("description", ""))
