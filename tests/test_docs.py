"""The user guide: a page per lesson, and every link and picture it shows exists."""
import re
from pathlib import Path

from simulator.document import lessons

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def test_every_lesson_has_a_page_linked_from_the_guide():
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for lesson_id in lessons.ids():
        assert (ROOT / "docs" / "lessons" / f"{lesson_id}.md").is_file(), lesson_id
        assert f"lessons/{lesson_id}.md" in index, lesson_id


def test_links_and_images_resolve():
    broken = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)", page.read_text(encoding="utf-8")):
            if not target.startswith(("http://", "https://", "mailto:")) and not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)} → {target}")
    assert not broken, broken


def test_readme_shows_a_screenshot_and_links_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/images/tour.png)" in readme and "](docs/index.md)" in readme
