"""The Qt-free NumPy engine: activations, losses, initialisers, optimisers, networks, training."""
from . import activations, features, graph, initializers, losses, optimizers
from .network import Gradients, Network

__all__ = ["Network", "Gradients", "activations", "features", "graph", "initializers",
           "losses", "optimizers"]
