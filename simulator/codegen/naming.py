"""Names and comments shared by both generators: what a layer, a block, a neuron list is
called in the code and in its comments."""
from __future__ import annotations

from .source import comment_text
from .spec import BlockSpec, LayerSpec, ModelSpec

MAX_NAMES = 8

DERIVATIVE_NOTES = {
    "step": "a step's slope is 0: no error flows back through it",
    "linear": "f′(g) = 1",
    "sigmoid": "σ′(g) = σ(g)·(1 − σ(g))",
    "tanh": "tanh′(g) = 1 − tanh²(g)",
    "relu": "ReLU′(g) = 1 where g > 0, else 0",
    "leaky_relu": "f′(g) = 1 where g > 0, else 0.01",
    "prelu": "f′(g) = 1 where g > 0, else α",
    "gelu": "see gelu_derivative",
    "silu": "SiLU′(g) = σ(g)·(1 + g·(1 − σ(g)))",
    "softplus": "softplus′(g) = σ(g)",
    "elu": "ELU′(g) = 1 where g > 0, else e^g",
    "softmax": "softmax couples its outputs: its Jacobian applied to ∂J/∂y",
}


def short_names(names) -> str:
    names = [comment_text(n) for n in names]
    if len(names) <= MAX_NAMES:
        return ", ".join(names)
    return ", ".join(names[:3]) + ", …, " + names[-1] + f" ({len(names)} neurons)"


def layer_names(model: ModelSpec, k: int) -> str:
    """The neurons of layer k (0: the inputs)."""
    nodes = model.inputs if k == 0 else model.layers[k - 1].nodes
    return short_names(nodes)


def layer_title(model: ModelSpec, layer: LayerSpec) -> str:
    """``Layer 1: h1, h2 (tanh), h3 (relu)``; the outputs say so."""
    parts = [f"{short_names(layer.nodes[g.lo:g.hi])} ({g.activation})" for g in layer.groups]
    what = "Outputs" if layer is model.output else f"Layer {layer.index}"
    return f"{what}: " + ", ".join(parts)


def sources_note(model: ModelSpec, layer: LayerSpec) -> str:
    """``← x1, x2`` and the skip links."""
    if not layer.blocks:
        return "no connection comes in: g is the bias alone"
    parts = [layer_names(model, b.src) for b in layer.blocks]
    return "← " + "; ".join(parts)


def bn_note(layer: LayerSpec) -> str:
    cols = [layer.nodes[j] for j in layer.bn]
    return f"batch-normalised: {short_names(cols)}"


def block_note(model: ModelSpec, layer: LayerSpec, block: BlockSpec) -> str:
    src = layer_names(model, block.src)
    note = f"{src} → {short_names(layer.nodes)}"
    if not block.primary:
        note += f" (a skip link from {'the inputs' if block.src == 0 else f'layer {block.src}'})"
    return note


def mask_note(block: BlockSpec) -> list[str]:
    """Two comment lines about a block's mask."""
    drawn = int(block.mask.sum())
    verb = "was" if drawn == 1 else "were"
    return [f"Only {drawn} of these {block.mask.size} connections {verb} drawn: the mask "
            "(1 = drawn, 0 = absent)", "keeps the others at zero, and their gradient too."]


def row_comments(model: ModelSpec, layer: LayerSpec, block: BlockSpec) -> list[str]:
    """A comment per weight row: the neuron it feeds, and on the first row its sources."""
    src = layer_names(model, block.src)
    out = []
    for i, node in enumerate(layer.nodes):
        out.append(f"{node} ← {src}" if i == 0 else node)
    return out


def describe_network(model: ModelSpec) -> str:
    """``x1, x2 → h1, h2 (tanh) → y (sigmoid)`` plus skip links, when short enough."""
    chain = [layer_names(model, 0)] + [
        ", ".join(f"{short_names(L.nodes[g.lo:g.hi])} ({g.activation})" for g in L.groups)
        for L in model.layers]
    text = " → ".join(chain)
    skips = sum(1 for L in model.layers for b in L.blocks if not b.primary
                or b.src != L.index - 1)
    if skips:
        text += f", with {skips} skip link{'s' if skips > 1 else ''}"
    return text
