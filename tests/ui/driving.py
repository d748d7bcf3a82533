"""Driving the real window as a person does: menu items found through the menu bar,
tool buttons clicked, shortcuts pressed on the window."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar, QToolButton


def menu_action(window, *path: str) -> QAction:
    """The action at ``path`` in the menu bar, by visible text ("Train", "Step Size",
    "One Epoch"), as a person reads the menus (ampersands and "…" ignored)."""
    def clean(text: str) -> str:
        return text.replace("&", "").replace("…", "").strip()

    actions = window.menuBar().actions()
    found = None
    for name in path:
        found = next((a for a in actions if clean(a.text()) == name), None)
        assert found is not None, f"no menu item {name!r} in {[clean(a.text()) for a in actions]}"
        if found.menu() is not None:
            actions = found.menu().actions()
    return found


def trigger_menu(window, *path: str) -> None:
    action = menu_action(window, *path)
    assert action.isEnabled(), f"{' ▸ '.join(path)} is disabled"
    action.trigger()


def tool_button(window, action: QAction) -> QToolButton:
    """The tool button that shows ``action`` on one of the window's toolbars."""
    for tb in window.findChildren(QToolBar):
        button = tb.widgetForAction(action)
        if isinstance(button, QToolButton):
            return button
        for b in tb.findChildren(QToolButton):
            if b.defaultAction() is action:
                return b
    raise AssertionError(f"no tool button for {action.text()!r}")


def click_button(window, action: QAction) -> None:
    button = tool_button(window, action)
    assert button.isVisible() and button.isEnabled()
    # the left part of a button with a menu arrow: the action itself, not its menu
    pos = button.rect().center()
    pos.setX(min(pos.x(), button.rect().width() // 3))
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window, key, modifiers)


def open_lesson(window, qtbot, lesson_title_or_id: str):
    """Lessons ▸ <lesson>, then wait for its first snapshot."""
    action = next(a for a in window.menu_lessons.actions() if a.data() == lesson_title_or_id)
    action.trigger()
    qtbot.waitUntil(lambda: window.controller.latest is not None
                    and window.controller.latest.revision == window.model.revision, timeout=5000)
    return window.controller.latest


def settled(window, qtbot, timeout=5000):
    """Wait until the worker has compiled the open document and the window shows it."""
    qtbot.waitUntil(lambda: window.controller.latest is not None
                    and window.controller.latest.revision == window.model.revision, timeout=timeout)
    return window.controller.latest


def play_until(window, qtbot, epochs: int):
    """Space to play, Space to pause once the epoch counter passed ``epochs``. A lesson's
    own stop (xor: 200 epochs, ~50 ms of training) may come first, and on a busy machine
    the window may learn of the start and the stop in one pass: so no wait for ``running``,
    and the second Space only while the window still thinks it runs (checked and pressed
    in one go on the GUI thread, so the answer cannot change in between)."""
    from PySide6.QtCore import Qt as _Qt
    before = window.controller.latest
    assert before is None or before.epoch < epochs, "already there: nothing to play"
    press(window, _Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.controller.latest is not None
                    and window.controller.latest.epoch >= epochs, timeout=30000)
    if window.controller.running:
        press(window, _Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=3000)
    qtbot.wait(150)                  # the snapshot sent on pausing has arrived
    return window.controller.latest


def patch_file_dialogs(monkeypatch, save_to=None, open_from=None):
    """Answer the Save and Open dialogs with these paths (as a person picking a file)."""
    from PySide6.QtWidgets import QFileDialog
    asked = []
    if save_to is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, **k: (asked.append("save") or (str(save_to), "")))
    if open_from is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *a, **k: (asked.append("open") or (str(open_from), "")))
    return asked


def forbid_dialogs(monkeypatch):
    """A message box nobody expects fails the test instead of waiting for a click forever."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(box, *args):
        raise AssertionError(f"unexpected dialog: {box.text()}")
    monkeypatch.setattr(QMessageBox, "exec", unexpected)


def answer_dialogs(monkeypatch, button):
    """Every message box is answered with ``button`` (e.g. Discard); returns their texts."""
    from PySide6.QtWidgets import QMessageBox
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box, *a: asked.append(box.text()) or button)
    return asked
