"""Guard against the PySide6 6.12.0 regression that corrupts reference counts when a QThread
runs Python code while the GUI thread does (it aborts the interpreter within seconds).
Run in a subprocess so a crash fails this test instead of killing the test session."""
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import time
    from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Qt, Signal, Slot
    app = QCoreApplication([])
    class Worker(QObject):
        out = Signal(object)
        def __init__(self):
            super().__init__(); self.n = 0
        @Slot()
        def start(self):
            self.t = QTimer(self); self.t.timeout.connect(self.tick); self.t.start(0)
        @Slot()
        def stop(self):
            self.t.stop()
        @Slot()
        def tick(self):
            self.n += 1
            self.out.emit({"n": self.n, "v": [None, True, 1.5]})
    class Ctl(QObject):
        go = Signal()
        halt = Signal()
    th = QThread(); w = Worker(); w.moveToThread(th); th.start()
    c = Ctl(); c.go.connect(w.start, Qt.ConnectionType.QueuedConnection)
    c.halt.connect(w.stop, Qt.ConnectionType.BlockingQueuedConnection)
    got = []
    w.out.connect(lambda v: got.append(v["n"]), Qt.ConnectionType.QueuedConnection)
    c.go.emit()
    t0 = time.time()
    while time.time() - t0 < 3:
        app.processEvents(); junk = {"a": [None, False, 2.5]}
        del got[:-10]
    c.halt.emit(); th.quit(); th.wait()
    print("ok", w.n)
""")


def test_python_in_two_threads_does_not_crash():
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60,
                       env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0 and r.stdout.startswith("ok"), (
        "PySide6 crashed with Python running in a QThread (the 6.12.0 regression?)\n" + r.stderr[-800:])
