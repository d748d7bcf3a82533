"""The five recurrent lessons train headless and show what their texts say."""
import numpy as np
import pytest

from simulator.document import lessons, mitigations
from simulator.engine.trainer import Trainer

RECURRENT = ("acyclic-vs-recurrent", "echo", "elman-xor", "sine-next", "vanishing-through-time")


def trained(doc, epochs=None):
    t = Trainer.from_document(doc, base_dir=lessons.LESSONS_DIR)
    t.run(epochs=doc["lesson"]["epochs"] if epochs is None else epochs)
    return t, t.metrics()


def with_lag(lesson_id, lag):
    doc = lessons.load_lesson(lesson_id)
    doc["data"]["lag"] = lag
    return doc


@pytest.mark.parametrize("lesson_id", RECURRENT)
def test_each_is_a_recurrent_network_on_sequences_with_both_languages(lesson_id):
    doc = lessons.load_lesson(lesson_id)
    assert any(e.get("delay") for e in doc["network"]["edges"])
    assert doc["i18n"]["pt_BR"]["title"] and doc["i18n"]["pt_BR"]["description"]
    t = Trainer.from_document(doc, base_dir=lessons.LESSONS_DIR)
    assert t.is_sequence and t.net.is_recurrent


def test_acyclic_network_stays_at_chance_the_recurrent_one_learns():
    doc = lessons.load_lesson("acyclic-vs-recurrent")
    _, rec = trained(doc)
    assert rec["test_accuracy"] >= 0.95 and rec["sequence_accuracy"] >= 0.95
    acyclic = mitigations.apply(doc, ["no_delay"])
    assert not any(e.get("delay") for e in acyclic["network"]["edges"])
    assert acyclic["network"]["nodes"] == doc["network"]["nodes"]       # the same neurons
    _, ff = trained(acyclic)
    assert 0.4 <= ff["test_accuracy"] <= 0.6                            # chance
    assert ff["sequence_accuracy"] == 0.0


@pytest.mark.parametrize("lag", [1, 2, 3])
def test_echo_learns_lags_one_to_three(lag):
    _, m = trained(with_lag("echo", lag))
    assert m["test_accuracy"] >= 0.95, m
    assert m["step_accuracy"][:lag] == [None] * lag        # the first lag steps have no target


def test_elman_xor_predicts_only_every_third_bit():
    doc = lessons.load_lesson("elman-xor")
    assert sum(n["kind"] == "hidden" for n in doc["network"]["nodes"]) == 2   # Elman's two units
    _, m = trained(doc)
    acc = np.array([np.nan if v is None else v for v in m["step_accuracy"]])
    predictable = np.arange(len(acc)) % 3 == 1          # the target is the XOR of the last two bits
    assert acc[predictable].min() >= 0.95
    assert 0.4 <= np.nanmean(acc[~predictable]) <= 0.6
    assert 0.62 <= m["test_accuracy"] <= 0.72           # about 1/3·100 % + 2/3·50 %


def test_sine_next_needs_the_previous_value():
    doc = lessons.load_lesson("sine-next")
    _, m = trained(doc)
    assert m["test_r2"] >= 0.97
    _, ff = trained(mitigations.apply(doc, ["no_delay"]))
    assert 0.8 <= ff["test_r2"] <= 0.88                 # about cos²(0.4): no sense of direction


def test_vanishing_through_time_shrinks_the_gradient_and_fails():
    doc = lessons.load_lesson("vanishing-through-time")
    assert doc["data"]["lag"] == 8
    _, m = trained(doc)
    g = np.array(m["time_gradient_norms"])
    assert np.all(np.diff(g[:9]) < 0)                   # smaller at every step back
    assert 2.5 <= g[0] / g[1] <= 5                      # "about 3.5 times weaker one step back"
    assert 3000 <= g[0] / g[8] <= 30000                 # "about 8,000 times weaker eight steps back"
    assert 0.4 <= m["test_accuracy"] <= 0.6             # chance
    _, short = trained(with_lag("vanishing-through-time", 2))
    assert short["test_accuracy"] >= 0.95               # the same network, a short lag
