"""Delayed edges in documents: what is allowed, and every bad delay or cycle named."""
import copy

import pytest

from simulator.document import DocumentError, elman, loads, dumps, problems, training_problems


def recurrent():
    doc = elman(2)
    doc["data"] = {"dataset": "echo", "lag": 1}
    return doc


def test_a_recurrent_document_is_valid_and_keeps_its_delays_through_a_file():
    doc = recurrent()
    assert problems(doc) == [] and training_problems(doc) == []
    back = loads(dumps(doc))
    assert [e.get("delay") for e in back["network"]["edges"]] == [e.get("delay") for e in doc["network"]["edges"]]
    assert back["data"]["sequences"] == 200 and back["data"]["length"] == 20   # sequence defaults


@pytest.mark.parametrize("value,message", [
    (0, "must be at least 1 step, got 0"),
    (-2, "must be at least 1 step, got -2"),
    (1.5, "expected a whole number of steps (1 or more), got 1.5"),
    ("x", 'expected a whole number of steps (1 or more), got "x"'),
    (True, "expected a whole number of steps (1 or more), got true"),
    (10 ** 9, "must be at most 1000 steps"),
])
def test_a_bad_delay_is_named_with_its_place(value, message):
    doc = recurrent()
    k = next(i for i, e in enumerate(doc["network"]["edges"]) if e.get("delay"))
    doc["network"]["edges"][k]["delay"] = value
    errs = problems(doc)
    assert errs == [f"network.edges[{k}].delay: " + errs[0].split(": ", 1)[1]] and message in errs[0]


def test_a_cycle_without_a_delayed_edge_is_named():
    doc = recurrent()
    doc["network"]["edges"] = [e for e in doc["network"]["edges"] if not e.get("delay")]
    doc["network"]["edges"] += [{"source": "h1", "target": "h2"}, {"source": "h2", "target": "h1"}]
    errs = problems(doc)
    assert len(errs) == 1 and "h1 → h2 → h1 has no delayed edge" in errs[0]
    # one delayed edge on the cycle makes it a recurrent network
    doc["network"]["edges"][-1]["delay"] = 1
    assert problems(doc) == []


def test_self_loops_only_when_delayed():
    doc = recurrent()
    loop = next(e for e in doc["network"]["edges"] if e["source"] == e["target"])
    del loop["delay"]
    assert any("connects to itself without a delay" in e for e in problems(doc))


def test_at_most_one_edge_per_pair_delayed_or_not():
    doc = recurrent()
    doc["network"]["edges"].append({"source": "x1", "target": "h1", "delay": 1})
    assert any("duplicate of network.edges[0]" in e for e in problems(doc))


def test_outputs_feed_nothing_not_even_through_time():
    doc = recurrent()
    doc["network"]["edges"].append({"source": "y", "target": "h1", "delay": 1})
    assert any("is an output neuron" in e for e in problems(doc))


def test_what_keeps_a_valid_recurrent_drawing_from_training():
    doc = recurrent()
    doc["data"] = {"dataset": "xor"}
    assert training_problems(doc) == ["a recurrent network needs sequence data: a sequence task "
                                      "(echo, temporal-xor, sine-next, parity) or inline sequences"]
    doc = recurrent()
    doc["network"]["nodes"][1]["batch_norm"] = True
    assert training_problems(doc) == ['batch normalisation is not available for sequences (neuron "h1")']


@pytest.mark.parametrize("key,value,message", [
    ("lag", 0, "data.lag"), ("length", 1, "data.length"), ("sequences", -1, "data.sequences"),
])
def test_a_bad_task_parameter_is_refused(key, value, message):
    doc = recurrent()
    doc["data"][key] = value
    with pytest.raises(DocumentError, match=message):
        loads(dumps(doc))


def test_bptt_window():
    doc = recurrent()
    doc["training"]["bptt"] = 5
    assert problems(doc) == []
    for bad in (0, 2.5, "all"):
        doc = copy.deepcopy(doc)
        doc["training"]["bptt"] = bad
        assert any(e.startswith("training.bptt") for e in problems(doc))


def test_the_editor_helpers_read_only_undelayed_edges_as_cycles():
    from simulator.document import edits
    doc = elman(2)
    doc["network"]["edges"] = [e for e in doc["network"]["edges"]
                               if not (e.get("delay") and (e["source"], e["target"]) == ("h1", "h2"))]
    # h2 → h1 is delayed: an ordinary h1 → h2 closes no cycle within a step
    assert edits.connection_refusal(doc, "h1", "h2") is None
    doc["network"]["edges"].append({"source": "h1", "target": "h2"})
    assert problems({**doc, "data": {"dataset": "echo"}}) == []
    # ... but h2 → h1 within a step now would
    doc["network"]["edges"] = [e for e in doc["network"]["edges"] if (e["source"], e["target"]) != ("h2", "h1")]
    assert "cycle" in edits.connection_refusal(doc, "h2", "h1")
    layout = edits.auto_layout(doc)                     # columns by the undelayed edges
    assert layout["h2"][0] > layout["h1"][0] > layout["x1"][0]


def test_a_drag_is_offered_a_delayed_edge_where_a_plain_one_would_close_a_cycle():
    from simulator.document import edits
    doc = elman(2)
    doc["network"]["edges"] = [e for e in doc["network"]["edges"] if not e.get("delay")]
    assert edits.connection_offer(doc, "h1", "h2") == ("plain", None, None)
    edits.add_edge(doc, "h1", "h2")
    assert edits.connection_offer(doc, "h2", "h1") == ("delayed", ["h2", "h1", "h2"], None)
    assert edits.connection_offer(doc, "h1", "h1") == ("delayed", ["h1", "h1"], None)
    assert edits.connection_offer(doc, "y", "h1")[2] == "y is an output neuron: it cannot feed another"
    edits.add_edge(doc, "h2", "h1", delay=1)
    assert problems({**doc, "data": {"dataset": "echo"}}) == []
    # the delay cannot go while it is what breaks the cycle; it can once h1 → h2 is delayed
    with pytest.raises(ValueError, match="cycle h2 → h1 → h2"):
        edits.set_edge_delay(doc, "h2", "h1", None)
    assert edits.set_edge_delay(doc, "h1", "h2", 1) is None
    assert edits.set_edge_delay(doc, "h2", "h1", None) == 1
    assert {(e["source"], e["target"]): e.get("delay") for e in doc["network"]["edges"]}[("h1", "h2")] == 1


def test_auto_layout_gives_recurrent_columns_room_for_loops_and_arcs():
    from simulator.document import edits
    doc = elman(3)
    pos = edits.auto_layout(doc)
    ys = sorted(pos[f"h{k}"][1] for k in (1, 2, 3))
    assert ys[1] - ys[0] == edits.RECURRENT_ROW_GAP > edits.ROW_GAP
    assert pos["h1"][0] - pos["x1"][0] == edits.RECURRENT_COLUMN_GAP
    plain = elman(3)
    plain["network"]["edges"] = [e for e in plain["network"]["edges"] if not e.get("delay")]
    pos = edits.auto_layout(plain)
    assert pos["h2"][1] - pos["h1"][1] == edits.ROW_GAP and pos["h1"][0] == edits.COLUMN_GAP
