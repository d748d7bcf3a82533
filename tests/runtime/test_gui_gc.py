"""The training thread never finalizes the window's garbage (the stress test's segfault).

pyqtgraph items removed from a chart die in reference cycles, so Python's cyclic collector
frees them, in whichever thread happens to allocate when a collection is due: often the
training thread. Their C++ destructors then ran there, and the GUI thread called into the
half-destroyed items (SIGSEGV in PySide's SignalManager::qt_metacall) or deadlocked. Here the
collector's thresholds are lowered so that, without the fix, the training thread collects
within milliseconds; the learning rate is changed from the Training panel, which makes the
loss chart replace its labelled InfiniteLines (the items of the crash)."""
import gc
import threading
import weakref

from PySide6.QtCore import Qt


def test_only_the_gui_thread_collects_while_training(window, qtbot):
    w = window
    gui = threading.get_ident()
    collectors = []                    # the thread of every collection pass
    died = []                          # the thread where each replaced chart line was freed
    tracked = set()

    def on_gc(phase, info):
        if phase == "start":
            collectors.append(threading.get_ident())

    def track_lines():
        for line in w.loss_panel.plot.lr_lines:
            if id(line) not in tracked:
                tracked.add(id(line))
                refs.append(weakref.ref(line, lambda _: died.append(threading.get_ident())))

    refs = []
    threshold = gc.get_threshold()
    gc.set_threshold(20, 5, 5)
    gc.callbacks.append(on_gc)
    try:
        w.open_lesson("xor", ask=False)
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
    finally:
        gc.callbacks.remove(on_gc)
        gc.set_threshold(*threshold)
    assert len(tracked) >= 6, "the chart drew no learning-rate lines"
    assert collectors, "no garbage was collected at all while training"
    others = [t for t in collectors if t != gui]
    assert not others, f"{len(others)} of {len(collectors)} collections ran on the training thread"
    assert died and set(died) == {gui}, "replaced chart lines were not freed on the GUI thread"
    w.shutdown()
    assert gc.isenabled(), "automatic collection stays off after the training thread ended"
