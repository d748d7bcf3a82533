"""Figures (SVG, PDF, PNG) and animations (GIF, MP4) of every view, for the GUI and headless."""
