import gc

import pytest

from simulator.document import new_document


@pytest.fixture
def window(qtbot):
    from simulator.ui.main_window import MainWindow
    from simulator.ui import theme
    from PySide6.QtWidgets import QApplication
    theme.apply(QApplication.instance(), "light")
    w = MainWindow(restore=False)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.model.undo_stack.setClean()      # no "save changes?" prompt when the test ends
    w.close()
    w.deleteLater()
    QApplication.processEvents()
    del w
    gc.collect()                       # wrappers go while Qt is alive, not at exit


@pytest.fixture
def empty(window):
    """A window on an empty document, the view at scale 1 centred on the origin."""
    window.model.replace(new_document())
    view = window.view
    view.resetTransform()
    view.centerOn(0, 0)
    return window
