"""File ▸ Export: the actions, with the export dialogs imported on first use (they pull in
the whole export package, a tenth of the window's start-up time)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ..translate import tr


def install_export_menu(window) -> None:
    """Fill File ▸ Export with Export Figure…, Export Animation…, Copy Figure and As Code…."""
    menu = window.menu_export

    def open_dialog(name: str):
        from . import export_dialogs
        dialog = getattr(export_dialogs, name)(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_code_dialog():
        from .code_export_dialog import open_code_dialog as open_dialog
        return open_dialog(window)

    def copy_figure():
        from . import export_dialogs
        export_dialogs.copy_figure(window)

    window.act_export_figure = QAction(tr("Export &Figure…"), window)
    window.act_export_figure.setStatusTip(tr("Save a view as SVG, PDF or PNG for slides"))
    window.act_export_figure.triggered.connect(lambda: open_dialog("ExportFigureDialog"))
    window.act_export_animation = QAction(tr("Export &Animation…"), window)
    window.act_export_animation.setStatusTip(tr("Save the training or one step as GIF or MP4"))
    window.act_export_animation.triggered.connect(lambda: open_dialog("ExportAnimationDialog"))
    window.act_copy_figure = QAction(tr("&Copy Figure to Clipboard"), window)
    window.act_copy_figure.setShortcut(QKeySequence("Ctrl+Shift+C"))
    window.act_copy_figure.setStatusTip(tr("Copy the view last exported (the network at first) as an image"))
    window.act_copy_figure.triggered.connect(copy_figure)
    window.act_export_code = QAction(tr("As &Code…"), window)
    window.act_export_code.setStatusTip(tr("Save the network as a PyTorch or NumPy program, "
                                           "or a Jupyter notebook, that trains as nnsim does"))
    window.act_export_code.triggered.connect(lambda: open_code_dialog())
    for action in (window.act_export_figure, window.act_export_animation, window.act_copy_figure):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(window.act_export_code)
    window.addAction(window.act_copy_figure)     # the shortcut works with the menu closed
