"""Panels follow the frames: a throttled update joins a push (a frame), and the last value
always lands."""
from simulator.ui.throttle import Throttle


def test_pushes_coalesce_and_the_last_value_lands(qtbot):
    seen = []
    t = Throttle(seen.append, 10_000)           # an interval far longer than the test
    t.push(1)
    assert seen == [1]                          # quiet before: at once
    t.push(2)
    t.push(3)
    assert seen == [1]                          # within the interval: held, newest kept
    t.interval = 0.0                            # the interval is over ...
    t.push(4)
    assert seen == [1, 4]                       # ... the next push carries the update itself
    t.interval = 0.05
    t.push(5)
    qtbot.waitUntil(lambda: seen == [1, 4, 5], timeout=2000)   # no push follows: it lands


def test_a_frame_carries_one_panel_update_and_the_others_still_land(qtbot):
    from simulator.ui.throttle import FrameShare
    seen = []
    throttles = [Throttle(lambda v, k=k: seen.append((k, v)), 0) for k in "abc"]
    share = FrameShare(throttles)
    share.push(1)
    assert len(seen) == 1                       # one update in this frame
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=2000)   # no more frames: all land
    assert sorted(k for k, _ in seen) == ["a", "b", "c"] and {v for _, v in seen} == {1}


def test_after_training_every_panel_shows_the_last_epoch(window, qtbot):
    w = window
    w.open_lesson("xor", ask=False)
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=10000)
    w.controller.train_epochs(30)
    qtbot.waitUntil(lambda: w.controller.latest.epoch >= 30, timeout=30000)
    panels = (w.surface, w.lab, w.loss_panel, w.gradient_panel)
    # without more frames, the held updates land on their own ...
    qtbot.waitUntil(lambda: all(p.snapshot is w.controller.latest for p in panels), timeout=2000)
    # ... and a screenshot brings them in at once
    w.controller.train_epochs(5)
    qtbot.waitUntil(lambda: w.controller.latest.epoch >= 35, timeout=30000)
    w.flush_panels()
    assert all(p.snapshot is w.controller.latest for p in panels)
    assert w.loss_panel.summary.text().startswith("epoch 35 ")
