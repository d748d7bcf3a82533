"""Exported networks lay their texts out as the window does: at the page's type size, only
where they have room, never on each other or on a neuron (a deep network on a slide)."""
import itertools

import pytest
from PySide6.QtCore import QRectF

from simulator.document import lessons
from simulator.export import FigureOptions, build_figure, export_figure, trained_state
from simulator.export.network_panel import NetworkPanel
from simulator.render.network import NODE_R


@pytest.fixture(scope="module")
def deep_state(qapp):
    _, state = trained_state(lessons.load_lesson("vanishing-gradient"), lessons.LESSONS_DIR, 3)
    return state


@pytest.mark.parametrize("view", ["network", "slide"])
def test_a_deep_network_figure_names_every_neuron_without_overlaps(tmp_path, deep_state, view):
    options = FigureOptions(view=view)
    export_figure(deep_state, tmp_path / f"{view}.pdf", options)      # paints: lays the texts out
    with build_figure(options, deep_state) as fig:
        panel = next(p for p in fig.panels if isinstance(p, NetworkPanel))
        target, _, scale, src = panel.layout()
        panel.scene.set_view_scale(scale)
        scene = panel.scene
        shown = scene.visible_labels()
        names = {n for n, k, _ in shown if k == "name"}
        assert names == set(scene.nodes), sorted(set(scene.nodes) - names)
        for (n1, k1, r1), (n2, k2, r2) in itertools.combinations(shown, 2):
            assert not r1.intersects(r2), (n1, k1, n2, k2)
        for nid, kind, rect in shown:
            for other, item in scene.nodes.items():
                body = QRectF(item.x() - NODE_R, item.y() - NODE_R, 2 * NODE_R, 2 * NODE_R)
                assert not rect.intersects(body), (nid, kind, other)
            assert src.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), (nid, kind)   # inside the drawn part
        # the names keep a readable size on the page: at least 8 pt
        item = scene.nodes["h1_1"]
        points = item.fonts.name.pointSizeF() * item.boost * scale
        assert points >= 8.0, points


@pytest.mark.parametrize("view", ["network", "slide"])
def test_a_figure_keeps_texts_off_the_self_loops(tmp_path, view):
    """The echo lesson's figure: every hidden neuron named with its tag, none on its loop."""
    from ..ui import test_label_layout as layout
    _, state = trained_state(lessons.load_lesson("echo"), lessons.LESSONS_DIR, 0)
    options = FigureOptions(view=view)
    with build_figure(options, state) as fig:
        panel = next(p for p in fig.panels if isinstance(p, NetworkPanel))
        _, _, scale, _ = panel.layout()
        panel.scene.set_view_scale(scale)
        assert layout.assert_texts_clear_of_self_loops(panel.scene, view) == 4
        shown = {(n, k) for n, k, _ in panel.scene.visible_labels()}
        for h in ("h1", "h2", "h3", "h4"):
            assert {(h, "name"), (h, "tag")} <= shown, (view, h)
