"""The desktop window: main window, network editor, panels, themes, translations."""
