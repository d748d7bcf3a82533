"""The parts both programs share, written for PyTorch (tensors) or NumPy (arrays): the
header, settings, input features, data, targets, accuracy and the script's last lines."""
from __future__ import annotations

import base64
import textwrap

import numpy as np

from ..engine import features as _features
from .naming import describe_network
from .source import LINE, Section, comment_text, label, matrix, num, vector_lines
from .spec import ENGINE_CONSTANTS, ExportSpec, LayerSpec, ModelSpec, raw_column

COMPACT_ROWS = 2000      # more points than this are written as packed float64, not as text
NAMES = {"pytorch": "PyTorch", "numpy": "NumPy"}
LOSS_WORDS = {"mse": "mean squared error", "bce": "binary cross-entropy",
              "cross_entropy": "cross-entropy"}


def docstring_text(text: str) -> str:
    return comment_text(text).replace("\\", "\\\\").replace('"""', "'''")


def header(spec: ExportSpec, framework: str, module: str, script: str | None = None) -> str:
    name = NAMES[framework]
    needs = ("It needs only PyTorch and NumPy." if framework == "pytorch" else
             "It needs only NumPy: the gradients are worked out by hand (backpropagation).")
    title = docstring_text(spec.title) or "A network"
    script = script or module + ".py"
    seq = spec.model.sequences
    data_words = "the sequences it learned from" if seq else "the points it learned from"
    row = "a row per sequence, a value per step" if seq else "a row per point"
    rename = ("" if script.split(".")[0] == module else
              f"\n    (to import it, save it under a name Python accepts: {module}.py)")
    return f'''"""{title}: the network drawn in nnsim, as a {name} program.

Everything is here: the network exactly as drawn, {spec.weights_note()}, {data_words} and nnsim's training settings. It computes in float64, as nnsim does, so its
numbers are nnsim's: the same outputs and, exported untrained (nnsim export --untrained),
the same losses epoch by epoch. {needs}

Train it:        python {script} [--epochs N]
Or import it:{rename}
    from {module} import build_model, load_data, train
    model = build_model()                           # the network with these weights
    X_train, Y_train, X_test, Y_test = load_data()
    y = model(X_test)                               # its outputs, {row}
    history = train(model, 10)                      # train it for 10 epochs

train() starts a new run from the weights it is given: the optimiser's memory empty and
the shuffling from the seed, as nnsim does when it opens a saved network.
"""'''


def imports_section(spec: ExportSpec, framework: str) -> Section:
    lines = ["import argparse", "import json", "import math", "import os", ""]
    if needs_base64(spec):
        lines.insert(0, "import base64")
    lines.append("import numpy as np")
    if framework == "pytorch":
        lines += ["import torch", "import torch.nn.functional as F", "from torch import nn", "",
                  "torch.set_default_dtype(torch.float64)  # nnsim computes in float64 (double precision)"]
    return Section("imports", "", "\n".join(lines))


OPTIMIZER_NOTES = {
    "sgd": "plain gradient descent: w ← w − LEARNING_RATE · ∂J/∂w",
    "momentum": "gradient descent with momentum: v ← MOMENTUM·v + ∂J/∂w; w ← w − LEARNING_RATE·v",
    "adam": "Adam: steps scaled by running averages of the gradient and its square",
}


def settings_section(spec: ExportSpec, framework: str) -> Section:
    t = spec.training
    model = spec.model
    loss = LOSS_WORDS[model.loss]
    out_acts = ", ".join(sorted({g.activation for g in model.output.groups}))
    items = "sequences" if model.sequences else "points"
    rows = [
        (f"LEARNING_RATE = {num(t.learning_rate)}", "the size of each gradient step"),
        (f"BATCH_SIZE = {t.batch_size}", f"{items} per step (an epoch's last batch may be smaller)"),
        (f"SHUFFLE = {t.shuffle}", f"a new random order of the training {items} each epoch"
         if t.shuffle else f"the training {items} in their order, every epoch"),
        (f"SEED = {t.seed}", "seeds that order, as in nnsim"),
        (f"L1 = {num(t.l1)}", "penalties that keep the weights (not the biases) small"),
        (f"L2 = {num(t.l2)}", ""),
        (f"CLIP = {'None' if t.clip is None else num(t.clip)}",
         "the largest gradient norm; None: no clipping"),
    ]
    if model.sequences:
        from .sequence_common import bptt_setting
        rows.append(bptt_setting(spec))
    c = ENGINE_CONSTANTS
    if t.optimizer == "momentum":
        rows.append((f"MOMENTUM = {num(c['MOMENTUM'])}", "how much of the last step carries on"))
    if t.optimizer == "adam":
        rows += [(f"BETA1 = {num(c['BETA1'])}", "Adam's averaging of the gradient"),
                 (f"BETA2 = {num(c['BETA2'])}", "and of its square"),
                 (f"EPSILON = {num(c['EPSILON'])}", "keeps Adam from dividing by zero")]
    if model.has_bn:
        rows += [(f"BN_MOMENTUM = {num(c['BN_MOMENTUM'])}", "batch norm's running averages keep 90 %"),
                 (f"BN_EPS = {num(c['BN_EPS'])}", "and this keeps it from dividing by zero")]
    if model.fused is None and model.loss != "mse":
        rows.append((f"PROB_EPS = {num(c['PROB_EPS'])}", "outputs read as probabilities stay this far from 0 and 1"))
    width = max(len(code) for code, _ in rows) + 2
    lines = ["# How long train() runs unless told; the environment variable NNSIM_EPOCHS overrides it.",
             f'EPOCHS = int(os.environ.get("NNSIM_EPOCHS", {t.epochs}))']
    lines += [(code.ljust(width) + (f"# {note}" if note else "")).rstrip() for code, note in rows]
    lines += [f"# Optimiser: {OPTIMIZER_NOTES[t.optimizer]}.",
              f"# Loss: {loss} on the {out_acts} output{'s' if model.output.size > 1 else ''}"
              " (see loss_function)."]
    return Section("settings", "Settings", "\n".join(lines))


def feature_expr(feature: str, raw: tuple[str, ...], lib: str) -> str:
    """The code of an input feature over the named raw columns."""
    def col(name):
        if name in ("x1", "x2"):
            return name
        return f"x[:, {raw_column(name, raw)}]"
    if feature == "x":
        return col("x1")
    if feature.endswith("^2"):
        return f"{col(feature[:-2])} ** 2"
    if feature == "x1*x2":
        return "x1 * x2"
    if feature.startswith("sin("):
        return f"{lib}.sin({col(feature[4:-1])})"
    return col(feature)


def features_function(model: ModelSpec, framework: str) -> str | None:
    """``input_features(x)``, or None when the input neurons are x's columns as they are."""
    if model.identity_features:
        return None
    lib = "torch" if framework == "pytorch" else "np"
    raw = model.raw_inputs
    needed = sorted({n for f in model.features for n in _features.raw_inputs_needed(f)
                     if n in ("x1", "x2") and f in _features.BUILTIN + ("x",)})
    pretty = ", ".join(f"{i} = {_features.LABELS.get(f, f)}" for i, f in zip(model.inputs, model.features))
    lines = ["def input_features(x):",
             f'    """The input neurons\' values from the raw inputs x (a column per raw input:',
             f'    {", ".join(raw)}): {comment_text(pretty)}."""']
    if needed:
        lines.append(f"    {', '.join(needed)} = " + ", ".join(f"x[:, {raw_column(n, raw)}]" for n in needed))
    exprs = [feature_expr(f, raw, lib) for f in model.features]
    stack = "torch.stack" if framework == "pytorch" else "np.stack"
    axis = "dim" if framework == "pytorch" else "axis"
    lines.append(f"    return {stack}([{', '.join(exprs)}], {axis}=1)")
    return "\n".join(lines)


def weights_intro(spec: ExportSpec) -> list[str]:
    note = spec.weights_note()
    masked = any(b.mask is not None for L in spec.model.layers for b in L.blocks)
    return [f"# {note[0].upper()}{note[1:]}.",
            "# In every matrix a row is a neuron and its columns are the neurons it reads (named"
            " beside",
            "# the first row)" + ("; 0 where no connection was drawn." if masked else ".")]


def dict_entries(entries) -> list[str]:
    """``"name": value,`` lines of a dict literal, indented by four."""
    lines = []
    for key, values, comments in entries:
        prefix = f'    "{key}": '
        values = np.asarray(values, dtype=float)
        if values.ndim == 2:
            body = matrix(values, len(prefix), comments, close=",")
        else:
            body = vector_lines(values, len(prefix), ",", comments)
        lines.append(prefix + body[0])
        lines += body[1:]
    return lines


# data -----------------------------------------------------------------------------------------
def needs_base64(spec: ExportSpec) -> bool:
    d = spec.data
    if d.sequences:
        from .sequence_common import compact
        return compact(spec)
    return len(d.x_train) + len(d.x_test) > COMPACT_ROWS


def _columns(spec: ExportSpec) -> list[str]:
    return list(spec.model.raw_inputs) + ["label" if spec.data.classification else "target"]


def _split(text: str) -> tuple[str, str]:
    """``"-0.25"`` → (``"-0"``, ``".25"``): numbers line up on their decimal point."""
    head, dot, tail = text.partition(".")
    return head, dot + tail


def _points(name: str, x: np.ndarray, y: np.ndarray, compact: bool, widths) -> list[str]:
    rows = np.column_stack([x, y]) if len(x) else np.empty((0, x.shape[1] + 1))
    if compact:
        text = base64.b64encode(rows.astype("<f8").tobytes()).decode("ascii")
        chunks = [text[i:i + 88] for i in range(0, len(text), 88)] or [""]
        return [f"{name} = unpack(", *[f'    "{c}"' for c in chunks], ")"]
    fmts = [num] * x.shape[1] + [label]
    lines = []
    for row in rows:
        cells = []
        for j, (f, v) in enumerate(zip(fmts, row)):
            head, tail = _split(f(v))
            last = j == len(fmts) - 1
            cell = head.rjust(widths[j][0]) + tail + ("" if last else ",")
            cells.append(cell if last else cell.ljust(widths[j][0] + widths[j][1] + 2))
        lines.append("    [" + "".join(cells).rstrip() + "],")
    return [f"{name} = ["] + lines + ["]"]


def _widths(spec: ExportSpec) -> list[tuple[int, int]]:
    """Per column, the widths before and from the decimal point: the points line up as a
    table."""
    d = spec.data
    n_raw = d.x_train.shape[1]
    widths = []
    for j in range(n_raw + 1):
        col = [v for a in ((d.x_train, d.x_test) if j < n_raw else (d.y_train, d.y_test))
               for v in (a[:, j] if j < n_raw else a)]
        parts = [_split((num if j < n_raw else label)(v)) for v in col]
        widths.append((max((len(h) for h, _ in parts), default=1),
                       max((len(t) for _, t in parts), default=0)))
    return widths


def points_section(spec: ExportSpec) -> Section:
    d = spec.data
    compact = needs_base64(spec)
    cols = _columns(spec)
    lines = [f"# The points nnsim trained and tested on: {comment_text(d.description)};",
             f"# {len(d.x_train)} for training, {len(d.x_test)} for testing. "
             f"A row per point: {', '.join(cols)}."]
    if compact:
        lines.append("# (Many points: written packed, as the bytes of float64 numbers in base64.)")
    widths = _widths(spec)
    lines += _points("TRAIN_POINTS", d.x_train, d.y_train, compact, widths)
    lines += _points("TEST_POINTS", d.x_test, d.y_test, compact, widths)
    return Section("points", "The points", "\n".join(lines))


def targets_function(spec: ExportSpec, framework: str) -> str:
    d = spec.data
    n = d.n_outputs
    torch_ = framework == "pytorch"
    low = num(d.target_low)
    lines = ["def targets(labels):"]
    if not (d.classification or d.softmax):
        lines.append('    """What the outputs should be: the target value itself."""')
        if n == 1:
            lines.append("    return labels[:, None]")
        else:
            lines.append(f"    return labels[:, None].repeat(1, {n})" if torch_ else
                         f"    return np.repeat(labels[:, None], {n}, axis=1)")
        return "\n".join(lines)
    if n == 1:
        if d.target_low == 0:
            doc = "1 for class 1, 0 for class 0"
        else:
            doc = f"1 for class 1, {low} for class 0 (a tanh output ranges over (−1, 1))"
        lines.append(f'    """What the output should be: {doc}; a label above 0 is class 1."""')
        lines.append(f"    return torch.where(labels > 0, 1.0, {low})[:, None]" if torch_ else
                     f"    return np.where(labels > 0, 1.0, {low})[:, None]")
        return "\n".join(lines)
    y_all = np.concatenate([d.y_train, d.y_test])
    negative = bool(len(y_all) and y_all.min() < 0)
    lines.append(f'    """What the outputs should be: 1 at the output of the point\'s class, {low} at the'
                 ' others\n    (one-hot)."""')
    if negative:
        lines.append("    classes = (labels > 0)" + (".long()" if torch_ else ".astype(int)")
                     + "  # labels −1/+1: classes 0 and 1")
    else:
        lines.append("    classes = labels.round()" + (".long()" if torch_ else ".astype(int)"))
    classes = np.where(y_all > 0, 1, 0) if negative else np.rint(y_all).astype(int)
    if len(classes) and (classes.max() > n - 1 or classes.min() < 0):
        lines.append(f"    classes = classes.clamp(0, {n - 1})" if torch_ else
                     f"    classes = np.clip(classes, 0, {n - 1})")
    one_hot = f"F.one_hot(classes, {n})" if torch_ else f"np.eye({n})[classes]"
    if d.target_low == 0:
        lines.append(f"    return {one_hot}.to(torch.float64)" if torch_ else f"    return {one_hot}")
    else:
        lines.append(f"    return torch.where({one_hot} == 1, 1.0, {low})" if torch_ else
                     f"    return np.where({one_hot} == 1, 1.0, {low})")
    return "\n".join(lines)


def data_section(spec: ExportSpec, framework: str) -> Section:
    compact = needs_base64(spec)
    width = len(_columns(spec))
    n_raw = width - 1
    lines = []
    if compact:
        lines += ["def unpack(*chunks):",
                  '    """Rows of float64 numbers from their packed (base64) bytes."""',
                  '    raw = base64.b64decode("".join(chunks))',
                  f"    return np.frombuffer(raw, dtype=\"<f8\").reshape(-1, {width}).copy()",
                  "", ""]
    lines += [targets_function(spec, framework), "", ""]
    what = "float64 tensors" if framework == "pytorch" else "float64 arrays"
    lines += ["def load_data():",
              f'    """(X_train, Y_train, X_test, Y_test) as {what}: the raw inputs, a row per',
              "    point, and the targets the outputs are compared with. The points themselves are",
              '    written at the end (TRAIN_POINTS, TEST_POINTS)."""']
    if framework == "pytorch":
        make = "torch.tensor({}, dtype=torch.float64)" if not compact else "torch.from_numpy({})"
    else:
        make = "np.array({}, dtype=float)"
    lines += [f"    train = {make.format('TRAIN_POINTS')}.reshape(-1, {width})",
              f"    test = {make.format('TEST_POINTS')}.reshape(-1, {width})",
              f"    return train[:, :{n_raw}], targets(train[:, {n_raw}]), "
              f"test[:, :{n_raw}], targets(test[:, {n_raw}])"]
    return Section("data", "The data", "\n".join(lines))


# measuring ------------------------------------------------------------------------------------
def metric_name(spec: ExportSpec) -> str:
    return "accuracy" if spec.data.classification else "r2"


def metric_words(spec: ExportSpec) -> str:
    return "accuracy" if spec.data.classification else "R²"


def bn_eval_note(spec: ExportSpec) -> str:
    return " (batch norm: its running averages)" if spec.model.has_bn else ""


def bn_train_note(spec: ExportSpec) -> str:
    return ("  # batch norm: each batch's own statistics" if spec.model.has_bn
            else "  # training mode (it matters for batch norm only)")


def accuracy_function(spec: ExportSpec, framework: str) -> str:
    d = spec.data
    torch_ = framework == "pytorch"
    axis = "dim" if torch_ else "axis"
    if not d.classification:
        mean = "t.mean(dim=0)" if torch_ else "t.mean(axis=0)"
        return f'''def r2(y, t):
    """R² = 1 − Σ(y − t)² / Σ(t − mean of t)²: 1 for a perfect fit, 0 for no better than the mean."""
    spread = float(((t - {mean}) ** 2).sum())
    return 1 - float(((y - t) ** 2).sum()) / spread if spread > 0 else float("nan")'''
    # sequences: rows of any shape, the outputs on the last axis (sequence_accuracies reads
    # (sequences, steps, outputs))
    rows = "..." if spec.model.sequences else ":"
    last = -1 if spec.model.sequences else 1
    if d.n_outputs == 1:
        cut = num((1.0 + d.target_low) / 2.0)
        right = f"(y[{rows}, 0] > {cut}) == (t[{rows}, 0] > {cut})"
        doc = f"class 1 where the output is above {cut}"
    else:
        right = f"y.argmax({axis}={last}) == t.argmax({axis}={last})"
        doc = "the class whose output is largest"
    if spec.model.sequences:
        mean = ("float(classified_right(y, t).double().mean())" if torch_
                else "float(np.mean(classified_right(y, t)))")
        return f'''def classified_right(y, t):
    """Whether the outputs y give the class of the targets t, for each step (the outputs on
    the last axis): {doc}."""
    return {right}


def accuracy(y, t):
    """The share of steps classified right."""
    return {mean}'''
    mean = f"float(({right}).double().mean())" if torch_ else f"float(np.mean({right}))"
    return f'''def accuracy(y, t):
    """The share of points classified right: {doc}."""
    return {mean}'''


def train_function(doc: str, optimizer: str, batch: list[str], finite: str,
                   epoch_start: str | None = None,
                   rows: str = "order[start:start + batch_size]") -> str:
    """The exported ``train()``: nnsim's epochs of shuffled mini-batches, each epoch
    evaluated and reported. It stops, as nnsim's Trainer does, at a step whose gradient is
    no longer finite (before its update: the last finite weights stay) or after an epoch
    whose training loss is not; that epoch is not counted. The frameworks and data kinds
    differ only in ``doc`` (the docstring's text), the ``optimizer`` expression, the line
    starting each epoch, ``rows``, the ``batch`` lines (one step on x, t; the last one the
    update) and ``finite``, the test that the step's gradient is finite."""
    lines = ["def train(model, epochs=EPOCHS, data=None, print_every=1):",
             f'    """{doc}"""',
             "    if data is None:",
             "        data = load_data()",
             "    X_train, Y_train = data[0], data[1]",
             f"    optimizer = {optimizer}",
             "    shuffling = np.random.default_rng([SEED, 1])  # nnsim's shuffling: the same seed, the same order",
             "    n = len(X_train)",
             "    batch_size = min(BATCH_SIZE, n)",
             "    history = []",
             "    diverged = False",
             "    for epoch in range(1, epochs + 1):",
             "        order = shuffling.permutation(n) if SHUFFLE else np.arange(n)"]
    if epoch_start is not None:
        lines.append("        " + epoch_start)
    lines += ["        for start in range(0, n, batch_size):",
              f"            rows = {rows}",
              "            x, t = X_train[rows], Y_train[rows]"]
    lines += ["            " + line for line in batch[:-1]]
    lines += [f"            if not {finite}:",
              "                diverged = True  # the numbers overflowed: stop before this update, as nnsim does",
              "                break",
              "            " + batch[-1]]
    lines += ['        record = {"epoch": epoch, **evaluate(model, data)}',
              '        if diverged or not math.isfinite(record["train_loss"]):',
              "            # as in nnsim, an epoch that overflowed does not count",
              '            print(f"training diverged at epoch {epoch}: try a smaller LEARNING_RATE, or set CLIP")',
              "            break",
              "        history.append(record)",
              "        if print_every and (epoch % print_every == 0 or epoch == epochs):",
              "            print(report(record))",
              "    return history"]
    return "\n".join(lines)


def report_function(spec: ExportSpec) -> str:
    if spec.data.classification:
        last = "test accuracy {shown('test_accuracy', '.1%')}"
    else:
        last = "test R² {shown('test_r2', '.4f')}"
    return f'''def report(record):
    """One line per epoch; — where there is nothing to measure (no test points, say)."""
    def shown(key, form):
        return format(record[key], form) if math.isfinite(record[key]) else "—"
    return (f"epoch {{record['epoch']:4d}}   train loss {{shown('train_loss', '.6f')}}   "
            f"test loss {{shown('test_loss', '.6f')}}   {last}")'''


def closing_sections(spec: ExportSpec, framework: str) -> list[Section]:
    metric = metric_name(spec)
    through_time = " and back in time" if spec.model.sequences else ""
    last_line = "\n".join("    # " + line for line in textwrap.wrap(
        "The last line: the results as JSON, as `nnsim train --json` prints them, less its "
        f"diagnostics of the run itself (gradient sizes per layer{through_time}, dead ReLUs, "
        "where a divergence began, warnings, speed), which this program does not measure. "
        "After a divergence, the losses are those of the weights training stopped with "
        "(null: not a finite number).", 88))
    per_sequence = spec.model.sequences and spec.data.classification
    main = f'''if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train the network exported from nnsim.")
    parser.add_argument("--epochs", type=int, default=EPOCHS,
                        help=f"epochs to train (default {{EPOCHS}}; or set NNSIM_EPOCHS)")
    epochs = parser.parse_args().epochs
    data = load_data()
    model = build_model()
    history = train(model, epochs, data)
    final = evaluate(model, data)
{last_line}
    summary = {{"epochs": len(history), "train_loss": final["train_loss"],
               "test_loss": final["test_loss"], "train_{metric}": final["train_{metric}"],
               "test_{metric}": final["test_{metric}"],
               "diverged": len(history) < epochs}}  # training stops early only when it diverges'''
    if per_sequence:
        main += '''
    summary.update(sequence_accuracies(model, data))
    print(json.dumps({key: value if isinstance(value, list) or math.isfinite(value) else None
                      for key, value in summary.items()}))'''
    else:
        main += '''
    print(json.dumps({key: value if math.isfinite(value) else None
                      for key, value in summary.items()}))'''
    run = '''data = load_data()
model = build_model()
history = train(model, EPOCHS, data, print_every=max(1, EPOCHS // 10))'''
    if spec.model.sequences:
        from .sequence_common import accuracies_lines, look_lines, sequences_section
        cells = [sequences_section(spec),
                 Section("main", "Run as a script", main, where="script"),
                 Section("run", "", run, where="notebook")]
        if per_sequence:
            cells.append(Section("accuracies", "", accuracies_lines(), where="notebook"))
        return cells + [Section("look", "", look_lines(framework), where="notebook")]
    look = ["X_train, Y_train, X_test, Y_test = data"]
    if framework == "pytorch":
        look += ["model.eval()", "with torch.no_grad():", "    outputs = model(X_test[:5])"]
    else:
        look += ["outputs = model(X_test[:5])"]
    look += ["for x, y, t in zip(X_test[:5].tolist(), outputs.tolist(), Y_test[:5].tolist()):",
             '    print("inputs", [round(v, 3) for v in x], "→ outputs", [round(v, 3) for v in y],'
             ' "  target", t)']
    return [points_section(spec),
            Section("main", "Run as a script", main, where="script"),
            Section("run", "", run, where="notebook"),
            Section("look", "", "\n".join(look), where="notebook")]


def probability_exprs(layer: LayerSpec, var: str, framework: str) -> str:
    """Outputs (or targets) read as probabilities: (v + 1)/2 for tanh groups."""
    def one(group, v):
        return f"({v} + 1) * 0.5" if group.activation == "tanh" else v
    if len(layer.groups) == 1:
        return one(layer.groups[0], var)
    parts = [one(g, f"{var}[:, {g.lo}:{g.hi}]") for g in layer.groups]
    cat = "torch.cat" if framework == "pytorch" else "np.concatenate"
    axis = "dim" if framework == "pytorch" else "axis"
    return f"{cat}([{', '.join(parts)}], {axis}=1)"


__all__ = ["describe_network"]
