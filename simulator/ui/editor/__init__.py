"""The click-to-draw network editor."""
