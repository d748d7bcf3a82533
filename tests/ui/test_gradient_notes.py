"""The gradient panel's words are true of the network shown: “vanishing” only for a deep
network whose gradient shrinks layer by layer; a small stuck network is called what it is
(hidden units saturated on the samples it still gets wrong)."""
import numpy as np

from simulator.document import edits, new_document
from simulator.render.diagnosis import layer_notes, trend_with_depth

from .test_panels import trained


def stuck_xor() -> dict:
    """A hand-drawn 2-2-1 XOR (the editor's order) with the old defaults and the seed that
    leaves it at three corners of four."""
    doc = new_document()
    for kind, n in (("input", 2), ("hidden", 2), ("output", 1)):
        for k in range(n):
            edits.insert_node(doc, edits.make_node(doc, kind, (200.0 * len(doc["network"]["nodes"]), 0.0)))
    doc["network"]["edges"] = [{"source": s, "target": t} for s in ("x1", "x2") for t in ("h1", "h2")] + \
        [{"source": h, "target": "y"} for h in ("h1", "h2")]
    doc["training"].update(init="xavier", learning_rate=0.1, seed=0)
    return doc


def test_shallow_ratio_is_not_called_vanishing():
    # two weight layers: a fact, no diagnosis
    assert layer_notes([0.002, 0.052]) == ["first layer 26× smaller than the last"]
    assert layer_notes([0.5, 0.01]) == ["first layer 50× larger than the last"]
    # ... unless the hidden units are saturated: on the wrong samples first
    notes = layer_notes([0.00076, 0.094], saturated_share=[0.54, 0.5], saturated_share_wrong=[1.0, 0.0])
    assert notes and notes[0].startswith("hidden units saturated (f′ ≈ 0) on 100% of the samples still wrong")
    assert "124×" in notes[0] and "vanishing" not in notes[0]
    notes = layer_notes([0.001, 0.1], saturated_share=[0.7, 0.1], saturated_share_wrong=[np.nan, np.nan])
    assert notes[0].startswith("hidden units saturated (f′ ≈ 0) on 70% of the samples")
    assert layer_notes([0.01, 0.02]) == []            # a factor of 2 says nothing


def test_deep_networks_vanish_or_explode_only_when_the_trend_runs_through_the_layers():
    vanishing = [3.7e-5, 2.9e-5, 1.5e-4, 4.3e-4, 3.2e-3, 4.3e-3, 2.4e-2]    # the lesson, 100 epochs
    assert trend_with_depth(vanishing) == 1
    assert layer_notes(vanishing) == ["vanishing gradient: first layer 649× smaller than the last, "
                                      "shrinking layer by layer on its way back"]
    assert layer_notes(vanishing[::-1])[0].startswith("exploding gradient: first layer 649× larger")
    # small first layer, but up and down in between: no trend, no name
    bumpy = [1e-3, 8e-2, 2e-3, 5e-2, 2e-3, 2e-2]
    assert trend_with_depth(bumpy) == 0
    assert layer_notes(bumpy) == ["first layer 20× smaller than the last"]
    assert layer_notes([0.0, 0.1, 0.2]) == []          # dead layers are said elsewhere


def test_the_window_says_a_stuck_small_network_is_saturated_not_vanishing(window, qtbot):
    w = window
    snap = trained(w, qtbot, doc=stuck_xor(), epochs=1000)
    assert snap.train_metric < 0.85                     # stuck at three corners
    w.flush_panels()
    text = w.gradient_panel.summary.text()
    assert "vanishing" not in text
    assert "hidden units saturated (f′ ≈ 0) on 100% of the samples still wrong" in text, text


def test_the_window_still_names_the_vanishing_lessons_gradient(window, qtbot):
    w = window
    trained(w, qtbot, "vanishing-gradient", epochs=100)
    w.flush_panels()
    text = w.gradient_panel.summary.text()
    assert text.startswith("vanishing gradient: first layer") and "shrinking layer by layer" in text


def test_a_trained_xor_is_not_called_saturated(window, qtbot):
    # its sigmoid output is confident, and under cross-entropy that does not slow learning
    snap = trained(window, qtbot, lesson="xor", epochs=200)
    assert snap.train_metric == 1.0
    window.flush_panels()
    text = window.gradient_panel.summary.text()
    assert "saturated" not in text, text


def test_notes_name_the_layers_as_the_key_does(window, qtbot):
    snap = trained(window, qtbot, lesson="reciprocal", epochs=500)
    window.flush_panels()
    text = window.gradient_panel.summary.text()
    share = snap.saturated_per_layer[0]
    assert share > 0 and f"saturated units: layer 1 {share:.0%}" in text, text
