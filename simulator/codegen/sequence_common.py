"""The parts of a program for sequence data that both frameworks share: the delayed
weights' names and notes, the sequences written inline, ``load_data`` and the helper that
picks the steps with a target."""
from __future__ import annotations

import base64

import numpy as np

from .common import report_function
from .naming import layer_names, short_names
from .source import Section, comment_text, label, num
from .spec import DelayedSpec, ExportSpec, LayerSpec, ModelSpec

COMPACT_VALUES = 12_000      # more numbers than this are written packed (base64 float64)


def delayed_note(model: ModelSpec, layer: LayerSpec, block: DelayedSpec) -> str:
    """``h1, h2 one step before → h1, h2`` (the recurrent connections)."""
    when = "one step before" if block.delay == 1 else f"{block.delay} steps before"
    return f"{layer_names(model, block.src)} {when} → {short_names(layer.nodes)}"


def delayed_rows(model: ModelSpec, layer: LayerSpec, block: DelayedSpec) -> list[str]:
    src = layer_names(model, block.src)
    when = "(t − 1)" if block.delay == 1 else f"(t − {block.delay})"
    return [f"{node} ← {src} {when}" if i == 0 else node for i, node in enumerate(layer.nodes)]


def delayed_mask_note(block: DelayedSpec) -> list[str]:
    drawn = int(block.mask.sum())
    verb = "was" if drawn == 1 else "were"
    return [f"Only {drawn} of these {block.mask.size} delayed connections {verb} drawn: the mask "
            "(1 = drawn, 0 = absent)", "keeps the others at zero, and their gradient too."]


def bptt_setting(spec: ExportSpec) -> tuple[str, str]:
    b = spec.training.bptt
    return (f"BPTT = {b}", "backpropagation through time, truncated to windows of this many steps"
            if b else "backpropagation through time over whole sequences; k: windows of k steps")


def _fmt(v: float) -> str:
    return "None" if not np.isfinite(v) else label(v)


def compact(spec: ExportSpec) -> bool:
    d = spec.data
    count = sum(a.size for a in (d.x_train, d.y_train, d.x_test, d.y_test))
    if count > COMPACT_VALUES:
        return True
    long = any(len(_fmt(v)) > 8 for a in (d.x_train, d.y_train) for v in a.ravel()[:2000])
    return long and count > 2000


def _rows(name: str, values: np.ndarray, packed: bool) -> list[str]:
    """A row per sequence: a value per step (a list per step when there are several)."""
    if packed:
        text = base64.b64encode(np.ascontiguousarray(values, dtype="<f8").tobytes()).decode("ascii")
        chunks = [text[i:i + 88] for i in range(0, len(text), 88)] or [""]
        return [f"{name} = unpack(", *[f'    "{c}"' for c in chunks], ")"]
    width = values.shape[2] if values.ndim == 3 else 1
    lines = [f"{name} = ["]
    for seq in values:
        if width == 1:
            cells = [_fmt(v) for v in seq[:, 0]]
        else:
            cells = ["[" + ", ".join(_fmt(v) for v in step) + "]" for step in seq]
        lines.append("    [" + ", ".join(cells) + "],")
    lines.append("]")
    return lines


def sequences_section(spec: ExportSpec) -> Section:
    d = spec.data
    packed = compact(spec)
    raw = ", ".join(spec.model.raw_inputs)
    outs = spec.model.output.names()
    T = d.x_train.shape[1] if d.x_train.ndim == 3 else d.x_test.shape[1]
    lines = [f"# The sequences nnsim trained and tested on: {comment_text(d.description)};",
             f"# {len(d.x_train)} for training, {len(d.x_test)} for testing, {T} steps each.",
             f"# *_X: a row per sequence, the input ({raw}) at each step; *_T: the targets of the",
             f"# outputs ({outs}) at each step, as the loss compares them (None: no target at that step)."]
    if packed:
        lines.append("# (Many numbers: written packed, as the bytes of float64 numbers in base64.)")
    lines += _rows("TRAIN_X", d.x_train, packed)
    lines += _rows("TRAIN_T", d.y_train, packed)
    lines += _rows("TEST_X", d.x_test, packed)
    lines += _rows("TEST_T", d.y_test, packed)
    return Section("points", "The sequences", "\n".join(lines))


def data_section(spec: ExportSpec, framework: str) -> Section:
    d = spec.data
    T = d.x_train.shape[1]
    n_raw, n_out = d.x_train.shape[2], d.y_train.shape[2]
    packed = compact(spec)
    torch_ = framework == "pytorch"
    lines = []
    if packed:
        lines += ["def unpack(*chunks):",
                  '    """Float64 numbers from their packed (base64) bytes."""',
                  '    return np.frombuffer(base64.b64decode("".join(chunks)), dtype="<f8").copy()',
                  "", ""]
    what = "float64 tensors" if torch_ else "float64 arrays"
    lines += ["def load_data():",
              f'    """(X_train, Y_train, X_test, Y_test) as {what}: the inputs, shape (sequences,',
              f"    steps, {n_raw}), and the targets the outputs are compared with, shape (sequences, steps,",
              f"    {n_out}), NaN where a step has no target. The sequences themselves are written at the",
              '    end (TRAIN_X, TRAIN_T, TEST_X, TEST_T)."""',
              "    def array(rows, width):",
              f"        return np.array(rows, dtype=float).reshape(-1, {T}, width)  # None becomes NaN",
              ""]
    wrap = "torch.from_numpy({})" if torch_ else "{}"
    parts = [wrap.format(f"array({name}, {w})") for name, w in
             (("TRAIN_X", n_raw), ("TRAIN_T", n_out), ("TEST_X", n_raw), ("TEST_T", n_out))]
    lines.append(f"    return ({parts[0]}, {parts[1]},")
    lines.append(f"            {parts[2]}, {parts[3]})")
    lines += ["", "",
              "def steps_with_target(y, t):",
              '    """The (sequence, step) pairs that have a target, as rows: y and t of shape',
              '    (sequences, steps, outputs) become (pairs, outputs). The loss and the accuracy count these."""',
              "    has = " + ("~torch.isnan(t).any(dim=2)" if torch_ else "~np.isnan(t).any(axis=2)"),
              "    return y[has], t[has]"]
    return Section("data", "The data", "\n".join(lines))


def sequence_accuracies_function(spec: ExportSpec, framework: str) -> str | None:
    """``sequence_accuracies(model, data)``: what ``train --json`` adds for a classification
    on sequences, as the engine's ``SequenceTrainer`` computes it; None for a regression."""
    if not spec.data.classification:
        return None
    torch_ = framework == "pytorch"
    axis = "dim" if torch_ else "axis"
    isnan = "torch.isnan" if torch_ else "np.isnan"
    share = "float(entirely.double().mean())" if torch_ else "float(np.mean(entirely))"
    lines = ["def sequence_accuracies(model, data):",
             '    """What `nnsim train --json` adds for sequences: among the test (and the training)',
             "    sequences that have a target, the share with every such step classified right; and",
             "    the accuracy at each step t, over the test sequences (the training ones if there are",
             '    none), None where no sequence has a target at t."""']
    if torch_:
        lines += ["    model.eval()", "    steps = {}", "    with torch.no_grad():"]
        pad = "        "
    else:
        lines += ["    steps = {}"]
        pad = "    "
    lines += [f'{pad}for part, X, T in (("train", data[0], data[1]), ("test", data[2], data[3])):',
              f"{pad}    has = ~{isnan}(T).any({axis}=2)  # (sequences, steps): the steps with a target",
              f"{pad}    steps[part] = classified_right(model(X), T) & has, has",
              "    result = {}",
              '    for key, part in (("sequence_accuracy", "test"), ("train_sequence_accuracy", "train")):',
              "        right, has = steps[part]",
              f"        entirely = (right | ~has).all({axis}=1)[has.any({axis}=1)]  # the sequences with a target",
              f'        result[key] = {share} if len(entirely) else float("nan")',
              '    right, has = steps["test"] if len(data[2]) else steps["train"]',
              f"    hits, counts = right.sum({axis}=0).tolist(), has.sum({axis}=0).tolist()",
              '    result["step_accuracy"] = [h / c if c else None for h, c in zip(hits, counts)]',
              "    return result"]
    return "\n".join(lines)


def training_section(spec: ExportSpec, framework: str, train_code: str) -> Section:
    """The Training section: ``train()``, ``report()`` and, for a classification,
    ``sequence_accuracies()``."""
    parts = [train_code, report_function(spec), sequence_accuracies_function(spec, framework)]
    return Section("training", "Training", "\n\n\n".join(p for p in parts if p))


def imports_need_base64(spec: ExportSpec) -> bool:
    return compact(spec)


def accuracies_lines() -> str:
    """The notebook's cell that shows what ``sequence_accuracies`` measures (classifications)."""
    return "\n".join([
        "accuracies = sequence_accuracies(model, data)",
        'share = accuracies["sequence_accuracy"]',
        'print("test sequences entirely right:", f"{share:.1%}" if math.isfinite(share) else "—")',
        'print("accuracy at each step:", " ".join("—" if a is None else f"{a:.0%}"',
        '                                          for a in accuracies["step_accuracy"]))'])


def look_lines(framework: str) -> str:
    """The notebook's last cell: the first test sequence, step by step."""
    lines = ["X_train, Y_train, X_test, Y_test = data"]
    if framework == "pytorch":
        lines += ["model.eval()", "with torch.no_grad():", "    outputs = model(X_test[:1])[0]"]
    else:
        lines += ["outputs = model(X_test[:1])[0]"]
    lines += ["for t, (x, y, target) in enumerate(zip(X_test[0].tolist(), outputs.tolist(), Y_test[0].tolist())):",
              '    print(f"step {t:2d}   inputs", [round(v, 3) for v in x], "→ outputs", [round(v, 3) for v in y],'
              ' "  target", target)']
    return "\n".join(lines)
