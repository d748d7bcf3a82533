"""The engine's user-visible English (it has no Qt), marked for translation here:
activation names and formulas, losses, optimisers, data sets, and the messages about
divergence and networks that cannot train (``problem`` matches the document layer's
messages by pattern). ``tests/test_i18n.py`` checks that every engine string is listed,
so the two cannot drift apart."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from ..engine import activations, datasets, losses, optimizers, sequences

CATALOGUE = (
    QT_TRANSLATE_NOOP("Engine", "Step"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = 1 if g ≥ 0, else 0"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = 0 (undefined at g = 0)"),
    QT_TRANSLATE_NOOP("Engine", "Linear"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = g"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = 1"),
    QT_TRANSLATE_NOOP("Engine", "Logistic (sigmoid)"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = 1 / (1 + e⁻ᵍ)"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = f(g)·(1 − f(g)) ≤ 0.25"),
    QT_TRANSLATE_NOOP("Engine", "Hyperbolic tangent"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = (eᵍ − e⁻ᵍ) / (eᵍ + e⁻ᵍ)"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = 1 − tanh²(g) ≤ 1"),
    QT_TRANSLATE_NOOP("Engine", "ReLU"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = max(0, g)"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = 1 if g > 0, 0 if g < 0"),
    QT_TRANSLATE_NOOP("Engine", "Leaky ReLU"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = g if g > 0, else 0.01·g"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = 1 if g > 0, else 0.01"),
    QT_TRANSLATE_NOOP("Engine", "Parametric ReLU"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = g if g > 0, else α·g  (α learned)"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = 1 if g > 0, else α;  ∂f/∂α = min(0, g)"),
    QT_TRANSLATE_NOOP("Engine", "GELU"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = g·Φ(g) ≈ ½·g·(1 + tanh(√(2/π)·(g + 0.044715·g³)))"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = ½(1 + t) + ½·g·(1 − t²)·√(2/π)·(1 + 3·0.044715·g²)"),
    QT_TRANSLATE_NOOP("Engine", "SiLU (swish)"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = g·σ(g)"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = σ(g)·(1 + g·(1 − σ(g)))"),
    QT_TRANSLATE_NOOP("Engine", "Softplus"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = ln(1 + eᵍ)"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = σ(g) = 1 / (1 + e⁻ᵍ)"),
    QT_TRANSLATE_NOOP("Engine", "ELU"),
    QT_TRANSLATE_NOOP("Engine", "f(g) = g if g > 0, else α·(eᵍ − 1), α = 1"),
    QT_TRANSLATE_NOOP("Engine", "f′(g) = 1 if g > 0, else α·eᵍ"),
    QT_TRANSLATE_NOOP("Engine", "Softmax"),
    QT_TRANSLATE_NOOP("Engine", "yₖ = eᵍᵏ / Σⱼ eᵍʲ"),
    QT_TRANSLATE_NOOP("Engine", "∂yₖ/∂gⱼ = yₖ·(δₖⱼ − yⱼ)"),
    QT_TRANSLATE_NOOP("Engine", "Mean squared error"),
    QT_TRANSLATE_NOOP("Engine", "Binary cross-entropy"),
    QT_TRANSLATE_NOOP("Engine", "Cross-entropy (softmax)"),
    QT_TRANSLATE_NOOP("Engine", "Gradient descent (SGD)"),
    QT_TRANSLATE_NOOP("Engine", "SGD with momentum"),
    QT_TRANSLATE_NOOP("Engine", "Adam"),
    QT_TRANSLATE_NOOP("Engine", "logical AND: four clouds at the corners of the unit square"),
    QT_TRANSLATE_NOOP("Engine", "logical OR: four clouds at the corners of the unit square"),
    QT_TRANSLATE_NOOP("Engine", "logical XOR: four clouds, opposite corners share a class"),
    QT_TRANSLATE_NOOP("Engine", "a disc inside a ring (concentric circles)"),
    QT_TRANSLATE_NOOP("Engine", "Gaussian blobs, one per class"),
    QT_TRANSLATE_NOOP("Engine", "interleaved spiral arms, one per class"),
    QT_TRANSLATE_NOOP("Engine", "two interleaving half-moons"),
    QT_TRANSLATE_NOOP("Engine", "y = x² on [−1, 1]"),
    QT_TRANSLATE_NOOP("Engine", "y = 1/x on [1, 100]"),
    QT_TRANSLATE_NOOP("Engine", "y = sin x on [1, 2π]"),
    QT_TRANSLATE_NOOP("Engine", "y = (x₁ + x₂)/10, a tilted plane"),
    QT_TRANSLATE_NOOP("Engine", "a sum of Gaussian bumps over the plane"),
    QT_TRANSLATE_NOOP("Engine", "random bits; the target is the bit of lag steps before"),
    QT_TRANSLATE_NOOP("Engine", "a bit stream in triples (a, b, a XOR b); predict the next bit (Elman, 1990)"),
    QT_TRANSLATE_NOOP("Engine", "a sine with a random phase; predict its next value"),
    QT_TRANSLATE_NOOP("Engine", "random bits; the target is the parity of every bit so far"),
)


def t(text: str) -> str:
    return QCoreApplication.translate("Engine", text)


def activation_label(name: str) -> str:
    return t(activations.get(name).label)


def formula(name: str) -> str:
    return t(activations.get(name).formula)


def derivative_formula(name: str) -> str:
    return t(activations.get(name).derivative_formula)


def loss_label(name: str) -> str:
    return t(losses.LABELS[name])


def optimizer_label(name: str) -> str:
    return t(optimizers.LABELS[name])


def dataset_description(name: str) -> str:
    return t(datasets.DESCRIPTIONS.get(name) or sequences.DESCRIPTIONS.get(name, ""))


def divergence(div) -> str:
    """The engine's Divergence, in the interface's language."""
    what = {"activations": QCoreApplication.translate("Engine", "activations overflowed"),
            "gradients": QCoreApplication.translate("Engine", "gradients exploded"),
            "weights": QCoreApplication.translate("Engine", "weights overflowed"),
            "loss": QCoreApplication.translate("Engine", "the loss overflowed")}[div.quantity]
    return (QCoreApplication.translate("Engine", "%1 in layer %2 at epoch %3: lower the learning rate, "
                                       "clip gradients or change the initialisation")
            .replace("%1", what).replace("%2", str(div.layer)).replace("%3", str(div.epoch)))


def warning(w) -> str:
    """The engine's TrainingWarning, in the interface's language."""
    if w.kind == "huge_weights":
        text = QCoreApplication.translate("Engine", "weights have grown huge (|w| up to %1): the learning rate "
                                          "is probably too large").replace("%1", f"{w.value:.1e}")
    else:
        text = QCoreApplication.translate("Engine", "the loss grew %1× since the first epoch: the learning rate "
                                          "is probably too large").replace("%1", f"{w.value:.0f}")
    return text


_PROBLEMS = (
    (r"no training sequence has a target: every y of the (\d+) training sequences? is null",
     lambda m: QCoreApplication.translate("Engine", "no training sequence has a target: every y of the %1 "
                                          "training sequences is null").replace("%1", m.group(1))),
    (r"the network has no input neuron", lambda m: QCoreApplication.translate("Engine", "the network has no input neuron")),
    (r"the network has no output neuron", lambda m: QCoreApplication.translate("Engine", "the network has no output neuron")),
    (r'output "(.+)" has no incoming connection',
     lambda m: QCoreApplication.translate("Engine", "output %1 has no incoming connection").replace("%1", m.group(1))),
    (r'no path from any input to output "(.+)"',
     lambda m: QCoreApplication.translate("Engine", "no path from any input to output %1").replace("%1", m.group(1))),
    (r"softmax outputs cannot be mixed with other outputs",
     lambda m: QCoreApplication.translate("Engine", "softmax outputs cannot be mixed with other outputs")),
    (r"softmax needs one output neuron per class",
     lambda m: QCoreApplication.translate("Engine", "softmax needs one output neuron per class (at least two)")),
    (r"cross-entropy with several outputs needs softmax outputs",
     lambda m: QCoreApplication.translate("Engine", "cross-entropy with several outputs needs softmax outputs")),
    (r"data: (\d+) classes but the network has (\d+) softmax outputs",
     lambda m: QCoreApplication.translate("Engine", "data: %1 classes but the network has %2 softmax outputs")
     .replace("%1", m.group(1)).replace("%2", m.group(2))),
    (r"data: (\d+) classes but the network has (\d+) outputs",
     lambda m: QCoreApplication.translate("Engine", "data: %1 classes but the network has %2 outputs")
     .replace("%1", m.group(1)).replace("%2", m.group(2))),
    (r"data: (\d+) classes but the network has a single output, which separates two classes",
     lambda m: QCoreApplication.translate("Engine", "data: %1 classes but the network has a single output, "
                                          "which separates two classes").replace("%1", m.group(1))),
    (r"a recurrent network needs sequence data",
     lambda m: QCoreApplication.translate("Engine", "a recurrent network needs sequence data: a sequence task "
                                          "(echo, temporal-xor, sine-next, parity) or inline sequences")),
    (r'batch normalisation is not available for sequences \(neuron "(.+)"\)',
     lambda m: QCoreApplication.translate("Engine", "batch normalisation is not available for sequences "
                                          "(neuron %1)").replace("%1", m.group(1))),
)


_REFUSALS = (
    (r"both ends must be neurons", lambda m: QCoreApplication.translate("Engine", "both ends must be neurons")),
    (r"a neuron cannot connect to itself",
     lambda m: QCoreApplication.translate("Engine", "a neuron cannot connect to itself")),
    (r"(.+) is an input neuron: nothing can feed it",
     lambda m: QCoreApplication.translate("Engine", "%1 is an input neuron: nothing can feed it").replace("%1", m.group(1))),
    (r"(.+) is an output neuron: it cannot feed another",
     lambda m: QCoreApplication.translate("Engine", "%1 is an output neuron: it cannot feed another").replace("%1", m.group(1))),
    (r"(.+) → (.+) already exists",
     lambda m: QCoreApplication.translate("Engine", "%1 → %2 already exists").replace("%1", m.group(1)).replace("%2", m.group(2))),
    (r"it would close a cycle (.+) \(a feed-forward network has no loops\)",
     lambda m: QCoreApplication.translate("Engine", "it would close a cycle %1 (a feed-forward network has no loops)")
     .replace("%1", m.group(1))),
)


def refusal(text: str) -> str:
    """Why a connection was refused (document.edits), in the interface's language."""
    for pattern, make in _REFUSALS:
        m = re.fullmatch(pattern, text)
        if m:
            return make(m)
    return text


def problem(text: str) -> str:
    """A "cannot train" message of the document layer, translated when it is a known one."""
    for pattern, make in _PROBLEMS:
        m = re.fullmatch(pattern + r".*", text)
        if m:
            return make(m)
    return text


# the comparison's lists (document.compare.parse_*), as the Compare panel reports them
_LIST_ERRORS = (
    (r'"(.+)" is an empty range \(did you mean (.+)\?\)',
     lambda m: QCoreApplication.translate("Engine", '"%1" is an empty range (did you mean %2?)').replace("%1", m.group(1))
     .replace("%2", m.group(2))),
    (r"the list is empty", lambda m: QCoreApplication.translate("Engine", "the list is empty")),
    (r'"(.+)" has an empty item', lambda m: QCoreApplication.translate("Engine", '"%1" has an empty item').replace("%1", m.group(1))),
    (r'"(.+)" is not a seed \(a whole number from 0, or a range like 0-15\)',
     lambda m: QCoreApplication.translate("Engine", '"%1" is not a seed (a whole number from 0, or a range like 0-15)')
     .replace("%1", m.group(1))),
    (r'"(.+)": seeds are whole numbers from 0',
     lambda m: QCoreApplication.translate("Engine", '"%1": seeds are whole numbers from 0').replace("%1", m.group(1))),
    (r'"(.+)" is not a number', lambda m: QCoreApplication.translate("Engine", '"%1" is not a number').replace("%1", m.group(1))),
    (r'"(.+)": a learning rate must be a number greater than 0',
     lambda m: QCoreApplication.translate("Engine", '"%1": a learning rate must be a number greater than 0').replace("%1", m.group(1))),
    (r'unknown activation "(.+)" \(known: (.+)\)',
     lambda m: QCoreApplication.translate("Engine", 'unknown activation "%1" (known: %2)').replace("%1", m.group(1))
     .replace("%2", m.group(2))),
    (r"(\d+) variants: at most (\d+) can be compared",
     lambda m: QCoreApplication.translate("Engine", "%1 variants: at most %2 can be compared").replace("%1", m.group(1))
     .replace("%2", m.group(2))),
    (r"seed (\d+) appears twice", lambda m: QCoreApplication.translate("Engine", "seed %1 appears twice").replace("%1", m.group(1))),
    (r"the learning rate (.+) appears twice",
     lambda m: QCoreApplication.translate("Engine", "the learning rate %1 appears twice").replace("%1", m.group(1))),
    (r"(.+) appears twice", lambda m: QCoreApplication.translate("Engine", "%1 appears twice").replace("%1", m.group(1))),
)


def list_error(text: str) -> str:
    """What is wrong with a comparison's list of seeds, rates or activations, translated."""
    for pattern, make in _LIST_ERRORS:
        m = re.fullmatch(pattern, text)
        if m:
            return make(m)
    return problem(text)
