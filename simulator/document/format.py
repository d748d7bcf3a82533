"""The ``*.nnsim.json`` format: its name, version, defaults and vocabularies."""
from __future__ import annotations

FORMAT = "nnsim"
VERSION = 1
SUFFIX = ".nnsim.json"

DEFAULT_TRAINING = {"loss": "bce", "optimizer": "sgd", "learning_rate": 0.1, "batch_size": 10,
                    "init": "xavier", "seed": 0, "l1": 0.0, "l2": 0.0, "clip": None,
                    "shuffle": True}
DEFAULT_DATA = {"dataset": "xor", "samples": 400, "noise": 0.1, "test_fraction": 0.5, "seed": 0}
NODE_KINDS = ("input", "hidden", "output")
DEFAULT_ACTIVATION = {"hidden": "tanh", "output": "sigmoid"}
