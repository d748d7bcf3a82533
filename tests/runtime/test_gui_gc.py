"""Worker threads never finalize the window's garbage (the stress test's segfault).

pyqtgraph items removed from a chart die in reference cycles, so Python's cyclic collector
frees them, in whichever thread happens to allocate when a collection is due: often the
training thread. Their C++ destructors then ran there, and the GUI thread called into the
half-destroyed items (SIGSEGV in PySide's SignalManager::qt_metacall) or deadlocked. Here the
collector's thresholds are lowered so that, without the fix, the training thread collects
within milliseconds (134 of 1092 passes did, before the fix). (The comparison thread is held
to the same rule, but inside a window the training thread always lives, so it is covered.)"""
import contextlib
import gc
import threading
import weakref

from PySide6.QtCore import Qt

from simulator.document import lessons


@contextlib.contextmanager
def collections_seen():
    """The thread of every collection pass while the block runs, with collections due often."""
    threads: list[int] = []

    def on_gc(phase, info):
        if phase == "start":
            threads.append(threading.get_ident())

    threshold = gc.get_threshold()
    gc.set_threshold(20, 5, 5)
    gc.callbacks.append(on_gc)
    try:
        yield threads
    finally:
        gc.callbacks.remove(on_gc)
        gc.set_threshold(*threshold)


def assert_gui_thread_only(threads: list[int]) -> None:
    assert threads, "no garbage was collected at all while the worker ran"
    others = [t for t in threads if t != threading.get_ident()]
    assert not others, f"{len(others)} of {len(threads)} collections ran on a worker thread"


def test_only_the_gui_thread_collects_while_training(window, qtbot):
    """Changing the learning rate from the Training panel makes the loss chart replace its
    labelled InfiniteLines: the items of the crash."""
    w = window
    gui = threading.get_ident()
    died = []                          # the thread where each replaced chart line was freed
    refs, tracked = [], set()

    def track_lines():
        for line in w.loss_panel.plot.lr_lines:
            if id(line) not in tracked:
                tracked.add(id(line))
                refs.append(weakref.ref(line, lambda _: died.append(threading.get_ident())))

    # xor without its lesson block: the lesson's 200 epochs stop Play within ~50 ms, and a
    # busy machine then showed running and stopped in one pass (the wait below never saw it)
    doc = lessons.load_lesson("xor")
    doc.pop("lesson", None)
    with collections_seen() as threads:
        w.model.replace(doc)
        w.train.act_play.trigger()
        qtbot.waitUntil(lambda: w.controller.running, timeout=5000)
        w.docks["training"].raise_()
        lr = w.training_panel.lr
        for k in range(12):
            qtbot.keyClick(lr, Qt.Key.Key_Up if k % 3 else Qt.Key.Key_Down)
            qtbot.wait(40)
            w.panel_rates[w.loss_panel].fire_now()       # the chart redraws its lines now
            track_lines()
        qtbot.wait(600)                                   # training goes on; garbage is due
        w.train.act_play.trigger()
        qtbot.waitUntil(lambda: not w.controller.running, timeout=5000)
        qtbot.wait(100)
    assert len(tracked) >= 6, "the chart drew no learning-rate lines"
    assert_gui_thread_only(threads)
    assert died and set(died) == {gui}, "replaced chart lines were not freed on the GUI thread"
    w.shutdown()
    assert gc.isenabled(), "automatic collection stays off after the training thread ended"

