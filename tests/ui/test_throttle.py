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
