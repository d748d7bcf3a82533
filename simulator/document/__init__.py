"""The network document: format, validation, files and lessons. Imports nothing from Qt."""
from .build import elman, mlp, new_document
from .format import FORMAT, SUFFIX, VERSION
from .io import dumps, load, loads, normalise, save
from .validate import DocumentError, check, problems, training_problems

__all__ = ["FORMAT", "SUFFIX", "VERSION", "DocumentError", "check", "dumps", "elman", "load", "loads",
           "mlp", "new_document", "normalise", "problems", "save", "training_problems"]
