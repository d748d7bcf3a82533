"""The NumPy program for sequence data: the forward pass step by step, and
backpropagation through time written out (the steps from the last back to the first, the
layers of a step from the outputs back), with nnsim's formulas."""
from __future__ import annotations

from . import common, numpy_code, sequence_common
from .naming import describe_network, layer_names, layer_title
from .source import Section, matrix
from .spec import DelayedSpec, ExportSpec, LayerSpec, ModelSpec

FRAMEWORK = "numpy"


def delayed_name(layer: LayerSpec, block: DelayedSpec) -> str:
    name = f"U{layer.index}_from{block.src}"
    return name if block.delay == 1 else f"{name}_by{block.delay}"


def delayed_expr(layer: LayerSpec, block: DelayedSpec) -> str:
    u = f"self.{delayed_name(layer, block)}"
    return u if block.mask is None else f"({u} * self.mask{delayed_name(layer, block)[1:]})"


def parameter_entries(spec: ExportSpec) -> list:
    model = spec.model
    out = numpy_code.parameter_entries(spec)
    for layer in model.layers:
        for blk in layer.delayed:
            out.append((delayed_name(layer, blk), blk.weight, sequence_common.delayed_rows(model, layer, blk)))
    return out


def _init_lines(spec: ExportSpec) -> list[str]:
    model = spec.model
    L = numpy_code._init_lines(spec)
    for layer in model.layers:
        for blk in layer.delayed:
            name = delayed_name(layer, blk)
            L.append(f'        self.{name} = np.array(weights["{name}"])  # ({layer.size}, {blk.weight.shape[1]}): '
                     f"{sequence_common.delayed_note(model, layer, blk)}")
            if blk.mask is not None:
                L += [f"        # {line}" for line in sequence_common.delayed_mask_note(blk)]
                opening = f"self.mask{name[1:]} = np.array("
                rows = matrix(blk.mask, 8 + len(opening), fmt=lambda v: f"{v:.0f}.", close=")")
                L.append("        " + opening + rows[0])
                L += rows[1:]
    return L


def _sizes(model: ModelSpec) -> list[tuple[str, int]]:
    out = [("a0", len(model.inputs))]
    for layer in model.layers:
        out += [(f"g{layer.index}", layer.size), (f"a{layer.index}", layer.size)]
    return out


def _forward_lines(model: ModelSpec) -> list[str]:
    pad = "            "
    sizes = ", ".join(f'("{n}", {s})' for n, s in _sizes(model))
    L = ["        n, steps = x.shape[:2]",
         "        v = {name: np.zeros((n, steps, size))",
         f"             for name, size in ({sizes})}}",
         "        for t in range(steps):",
         pad + ("a0 = x[:, t]" if model.identity_features else "a0 = input_features(x[:, t])")
         + f"  # the input neurons at step t: {layer_names(model, 0)}"]
    for layer in model.layers:
        k = layer.index
        L.append(f"{pad}# {layer_title(model, layer)}")
        terms = [f"a{blk.src} @ {numpy_code.weight_expr(layer, blk)}.T" for blk in layer.blocks]
        terms.append(f"self.b{k}")
        line = f"{pad}g{k} = " + " + ".join(terms)
        if len(line) > 96:
            line = f"{pad}g{k} = (" + f"\n{pad}      + ".join(terms) + ")"
        L.append(line)
        for blk in layer.delayed:
            when = "the step before" if blk.delay == 1 else f"{blk.delay} steps before"
            L += [f"{pad}if t >= {blk.delay}:  # {layer_names(model, blk.src)} at {when}",
                  f'{pad}    g{k} = g{k} + v["a{blk.src}"][:, t - {blk.delay}] @ {delayed_expr(layer, blk)}.T']
        L.append(f"{pad}a{k} = {numpy_code.activation_expr(layer, f'g{k}', pad)}")
    names = ["a0"] + [f"{c}{L.index}" for L in model.layers for c in "ga"]
    line = f"{pad}" + ", ".join(f'v["{n}"][:, t]' for n in names) + " = " + ", ".join(names)
    if len(line) <= 96:
        L.append(line)
    else:
        L += [f'{pad}v["{n}"][:, t] = {n}' for n in names]
    L.append("        return v")
    return L


def _backward_lines(spec: ExportSpec) -> list[str]:
    model = spec.model
    out = model.output
    K = out.index
    pad = "            "
    L = ["        steps = targets.shape[1]",
         "        has = ~np.isnan(targets).any(axis=2)  # the steps with a target",
         "        grads = {name: np.zeros_like(w) for name, w in self.parameters().items()}",
         "        # ∂J/∂a of each layer at every step, summed from what the layers (and the later",
         "        # steps) it feeds send back"]
    L += [f'        da{layer.index} = np.zeros_like(v["a{layer.index}"])'
          for layer in model.layers if layer is not out]     # outputs feed nothing
    if model.fused:
        L.append(f'        d_loss = np.zeros_like(v["a{K}"])')
        L.append(f'        d_loss[has] = (v["a{K}"][has] - targets[has]) / has.sum()'
                 f"  # ∂J/∂g: {model.fused} and cross-entropy together simplify to (y − t)/N")
    else:
        L.append(f'        dy_loss = np.zeros_like(v["a{K}"])')
        L.append(f'        dy_loss[has] = loss_gradient(v["a{K}"][has], targets[has])  # ∂J/∂y of the loss; 0 where no target')
    L.append("        for t in reversed(range(steps)):  # backpropagation through time: the last step first")
    for layer in reversed(model.layers):
        k = layer.index
        L.append(f"{pad}# {layer_title(model, layer)}")
        acts = {g.activation for g in layer.groups}
        need_g = bool(acts & numpy_code.USES_G) or any(g.slope is not None for g in layer.groups)
        need_a = bool(acts & numpy_code.USES_A)
        if layer is out and model.fused:
            L.append(f"{pad}d{k} = d_loss[:, t]")
        else:
            if need_g:
                L.append(f'{pad}g = v["g{k}"][:, t]')
            if need_a:
                L.append(f'{pad}a = v["a{k}"][:, t]')
            if layer is out and not model.fused:
                dy = f"dy{k}"
                L.append(f"{pad}{dy} = dy_loss[:, t]")
            else:
                dy = f"da{k}[:, t]"
            L += numpy_code._derivative_lines(layer, dy, f"d{k}", pad)
            for grp in layer.groups:
                if grp.slope is not None:
                    s = "" if len(layer.groups) == 1 else f"[:, {grp.lo}:{grp.hi}]"
                    L.append(f'{pad}grads["slope{k}"] += ({dy}{s} * np.minimum(g{s}, 0)).sum(axis=0)  # ∂J/∂α')
        for blk in layer.blocks:
            L.append(f'{pad}grads["{numpy_code.weight_name(layer, blk)}"] += d{k}.T @ v["a{blk.src}"][:, t]')
        L.append(f'{pad}grads["b{k}"] += d{k}.sum(axis=0)')
        for blk in layer.blocks:
            if blk.src > 0:
                L.append(f"{pad}da{blk.src}[:, t] += d{k} @ {numpy_code.weight_expr(layer, blk)}"
                         "  # the error flows back along the weights")
        for blk in layer.delayed:
            d = blk.delay
            name = delayed_name(layer, blk)
            L.append(f"{pad}if t >= {d}:  # back along the delayed connections, to step t − {d}")
            L.append(f'{pad}    grads["{name}"] += d{k}.T @ v["a{blk.src}"][:, t - {d}]')
            if blk.src > 0:
                L.append(f"{pad}    if same_window(t - {d}, t):")
                L.append(f"{pad}        da{blk.src}[:, t - {d}] += d{k} @ {delayed_expr(layer, blk)}")
    masks = [(numpy_code.weight_name(layer, blk), numpy_code.mask_name(layer, blk))
             for layer in model.layers for blk in layer.blocks if blk.mask is not None]
    masks += [(delayed_name(layer, blk), "mask" + delayed_name(layer, blk)[1:])
              for layer in model.layers for blk in layer.delayed if blk.mask is not None]
    if masks:
        L.append("        # only the drawn connections learn")
        L += [f'        grads["{w}"] *= self.{m}' for w, m in masks]
    L.append("        return grads")
    return L


def model_section(spec: ExportSpec) -> Section:
    model = spec.model
    out = model.output
    n_raw = len(model.raw_inputs)
    L = [
        "class Network:",
        f'    """{describe_network(model)}'
        + (", with recurrent (delayed) connections." if model.recurrent else ", applied at every step."),
        "",
        "    It reads a sequence one step at a time. Neurons are arranged in layers by depth over",
        "    the undelayed connections, as nnsim arranges them; at step t every neuron computes",
        "    g = Σ w·a + b over the neurons that feed it, then its output a = f(g). A delayed",
        "    connection (drawn with z⁻¹ in nnsim) reads its source's output of an earlier step",
        "    instead: the network's memory (the U matrices). Before the first step that memory",
        "    is 0. In the code, g1 and a1 are layer 1's g and outputs at step t; a0 holds the",
        '    input neurons. model(x) gives the outputs."""',
        "",
        "    def __init__(self, weights):",
    ]
    L += _init_lines(spec)
    params = [name for name, _, _ in parameter_entries(spec)]
    L += ["",
          "    def parameters(self):",
          '        """The arrays training changes, by name (the optimiser updates them in place)."""',
          *numpy_code._dict_literal([f'"{p}": self.{p}' for p in params], "        return "),
          "",
          "    def forward(self, x):",
          f'        """Every layer\'s g and a at every step for sequences x of shape (N, steps, {n_raw}), in a',
          '        dict that backward() reads: v["a1"][:, t] is layer 1\'s output at step t."""']
    L += _forward_lines(model)
    L += ["",
          "    def __call__(self, x):",
          f'        """The outputs at every step: sequences x of shape (N, steps, {n_raw}) → (N, steps, '
          f'{out.size}),',
          f'        columns {out.names()}."""',
          f'        return self.forward(x)["a{out.index}"]',
          "",
          "    def backward(self, v, targets):",
          '        """The gradient of the loss J for every parameter, from the forward values v and',
          "        the targets (NaN where a step has none): backpropagation through time, the chain",
          "        rule applied from the last step back to the first and, within a step, from the",
          "        outputs back. A weight is the same at every step, so its gradient is the sum over",
          "        the steps. For each layer, d is ∂J/∂g at step t, and da is ∂J/∂a, what the layers",
          '        it feeds send back (at this step, and from later steps along delayed connections)."""']
    L += _backward_lines(spec)
    return Section("model", "The network", "\n".join(L))


def helpers_section(spec: ExportSpec) -> Section:
    base = numpy_code.helpers_section(spec)
    window = '''def same_window(earlier, t):
    """Whether the error of step t flows back to an earlier step. Always, unless BPTT is set
    (truncated backpropagation through time): then time is cut into windows of BPTT steps
    and the error stays within its window. The forward pass is the same either way."""
    return BPTT is None or earlier // BPTT == t // BPTT'''
    code = window if base is None else base.code + "\n\n\n" + window
    return Section("helpers", "Inputs, activations and memory", code)


def weights_section(spec: ExportSpec) -> Section:
    lines = common.weights_intro(spec) + ["WEIGHTS = {"]
    lines += common.dict_entries(parameter_entries(spec))
    lines += ["}", "", "",
              "def build_model():",
              '    """The network with the exported weights."""',
              "    return Network(WEIGHTS)"]
    return Section("weights", "The weights", "\n".join(lines))


def loss_section(spec: ExportSpec) -> Section:
    sec = numpy_code.loss_section(spec)
    code = sec.code.replace('if name.startswith("W"):', 'if name[0] in "WU":  # W and U: weights')
    return Section(sec.key, sec.title, code)


def training_section(spec: ExportSpec) -> Section:
    metric = common.metric_name(spec)
    words = common.metric_words(spec)
    out = spec.model.output.index
    cls = numpy_code.OPTIMIZER_CLASS[spec.training.optimizer]
    code = f'''def evaluate(model, data):
    """Loss and {words} over the training and the test sequences, counting every step
    that has a target (as nnsim does)."""
    result = {{}}
    for part, X, T in (("train", data[0], data[1]), ("test", data[2], data[3])):
        v = model.forward(X)
        g, t = steps_with_target(v["g{out}"], T)
        y, _ = steps_with_target(v["a{out}"], T)
        if len(t) == 0:
            result[part + "_loss"] = result[part + "_{metric}"] = float("nan")
            continue
        result[part + "_loss"] = loss_function(g, y, t)
        result[part + "_{metric}"] = {metric}(y, t)
    return result


'''
    code += common.train_function(
        "Train as nnsim does: mini-batches of whole sequences in the same order, the same\n"
        "    arithmetic; backpropagation through time (truncated to BPTT steps when it is set).\n"
        f"    Returns the history: a dict per epoch with its losses and {words}.",
        f"{cls}(model.parameters())",
        ["v = model.forward(x)                      # forward, step by step",
         "grads = model.backward(v, t)              # backpropagation through time: ∂J/∂w",
         "add_penalties(model, grads)",
         "clip_gradients(grads)",
         "optimizer.step(grads)                     # update the weights"],
        "all(np.isfinite(g).all() for g in grads.values())")
    return sequence_common.training_section(spec, FRAMEWORK, code)


def sections(spec: ExportSpec, module: str, script: str | None = None) -> tuple[str, list[Section]]:
    header = common.header(spec, FRAMEWORK, module, script)
    parts = [common.imports_section(spec, FRAMEWORK), common.settings_section(spec, FRAMEWORK),
             helpers_section(spec), model_section(spec), weights_section(spec),
             sequence_common.data_section(spec, FRAMEWORK), loss_section(spec),
             numpy_code.optimizer_section(spec), training_section(spec)]
    parts += common.closing_sections(spec, FRAMEWORK)
    return header, parts
