"""The PyTorch program for sequence data: the same layers as ``torch_code`` inside a loop
over the time steps, the delayed (recurrent) edges reading the layers' outputs of earlier
steps; autograd does backpropagation through time."""
from __future__ import annotations

from . import common, sequence_common, torch_code
from .naming import block_note, describe_network, layer_names, layer_title, mask_note, sources_note
from .source import Section, matrix
from .spec import DelayedSpec, ExportSpec, LayerSpec, ModelSpec

FRAMEWORK = "pytorch"


def delayed_attr(layer: LayerSpec, block: DelayedSpec) -> str:
    name = f"delayed_{block.src}_to_{layer.index}"
    return name if block.delay == 1 else f"{name}_by_{block.delay}"


def _layer_step(model: ModelSpec, layer: LayerSpec, pad: str) -> list[str]:
    """One layer at step t: its undelayed inputs as ``torch_code`` writes them, then the
    delayed ones from the kept outputs of earlier steps, then its activation."""
    k = layer.index
    more = []
    for blk in layer.delayed:
        attr = f"self.{delayed_attr(layer, blk)}"
        past = f"earlier(a{blk.src}_steps, t, {blk.delay})"
        term = f"{attr}({past})" if blk.mask is None else f"F.linear({past}, {attr}.weight * {attr}_mask)"
        when = "the step before" if blk.delay == 1 else f"{blk.delay} steps before"
        more += [f"{pad}if t >= {blk.delay}:  # {layer_names(model, blk.src)} at {when}",
                 f"{pad}    g{k} = g{k} + {term}"]
    lines = torch_code.layer_forward(model, layer, pad, more)
    if layer is model.output:
        lines[0] = f"{pad}# {layer_title(model, layer)}"
        lines.append(f"{pad}outputs.append(g{k})")     # outputs feed nothing, delayed or not
    if k in model.delayed_sources():
        lines.append(f"{pad}a{k}_steps.append(a{k})")
    return lines


def model_section(spec: ExportSpec) -> Section:
    model = spec.model
    out = model.output
    n_raw = len(model.raw_inputs)
    L = [
        "class Network(nn.Module):",
        f'    """{describe_network(model)}'
        + (", with recurrent (delayed) connections." if model.recurrent else ", applied at every step."),
        "",
        "    It reads a sequence one step at a time. Neurons are arranged in layers by depth over",
        "    the undelayed connections, as nnsim arranges them; at step t every neuron computes",
        "    g = Σ w·a + b over the neurons that feed it, then its output a = f(g). A delayed",
        "    connection (drawn with z⁻¹ in nnsim) reads its source's output of an earlier step",
        "    instead: the network's memory. Before the first step that memory is 0. In the code,",
        '    g1 and a1 are layer 1\'s g and outputs at step t; a0 holds the input neurons."""',
        "",
        "    def __init__(self):",
        "        super().__init__()",
    ]
    for layer in model.layers:
        k = layer.index
        L.append(f"        # {layer_title(model, layer)}"
                 + ("" if layer.blocks else f"; {sources_note(model, layer)}"))
        for blk in layer.blocks:
            attr = torch_code.block_attr(layer, blk)
            bias = "" if blk.primary else ", bias=False"
            L.append(f"        self.{attr} = nn.Linear({blk.weight.shape[1]}, {layer.size}{bias})"
                     f"  # {block_note(model, layer, blk)}")
            if blk.mask is not None:
                L += _mask_lines(attr, blk.mask, mask_note(blk))
        if not layer.blocks:
            L.append(f"        self.bias{k} = nn.Parameter(torch.zeros({layer.size}))")
        for blk in layer.delayed:
            attr = delayed_attr(layer, blk)
            L.append(f"        self.{attr} = nn.Linear({blk.weight.shape[1]}, {layer.size}, bias=False)"
                     f"  # {sequence_common.delayed_note(model, layer, blk)}")
            if blk.mask is not None:
                L += _mask_lines(attr, blk.mask, sequence_common.delayed_mask_note(blk))
        for grp in layer.groups:
            if grp.slope is not None:
                L.append(f"        self.slope{k} = nn.Parameter(torch.full(({grp.hi - grp.lo},), 0.25))"
                         "  # PReLU's α, learned")
    kept = sorted(model.delayed_sources())
    L += ["",
          "    def output_g(self, x):",
          f'        """g of the output neurons, before their activation, at every step: sequences x',
          f"        of shape (N, steps, {n_raw}) → (N, steps, {out.size}) (the loss works from g: see loss_function).\"\"\""]
    if kept:
        L.append("        # the outputs of the layers that delayed connections read, kept step by step")
        L += [f"        a{k}_steps = []  # {layer_names(model, k)}" for k in kept]
    L += ["        outputs = []",
          "        for t in range(x.shape[1]):",
          ("            a0 = x[:, t]" if model.identity_features else "            a0 = input_features(x[:, t])")
          + f"  # the input neurons at step t: {layer_names(model, 0)}"]
    for layer in model.layers:
        L += _layer_step(model, layer, "            ")
    L += ["        return torch.stack(outputs, dim=1)",
          "",
          "    def output_activation(self, g):",
          f'        """The outputs from their g (a row per point or step): '
          f'{"; ".join(f"{out.names(g.lo, g.hi)} = {g.activation}(g)" for g in out.groups)}."""',
          f"        return {torch_code.activation_expr(out, 'g')}",
          "",
          "    def forward(self, x):",
          f'        """The outputs at every step: sequences x of shape (N, steps, {n_raw}) → (N, steps, '
          f'{out.size}),',
          f'        columns {out.names()}."""',
          "        g = self.output_g(x)",
          f"        return self.output_activation(g.reshape(-1, {out.size})).reshape(g.shape)"]
    return Section("model", "The network", "\n".join(L))


def _mask_lines(attr: str, mask, note: list[str]) -> list[str]:
    lines = [f"        # {line}" for line in note]
    opening = f'self.register_buffer("{attr}_mask", torch.tensor('
    rows = matrix(mask, 8 + len(opening), fmt=lambda v: f"{v:.0f}.", close="), persistent=False)")
    return lines + ["        " + opening + rows[0]] + rows[1:]


def helpers_section(spec: ExportSpec) -> Section:
    base = torch_code.helpers_section(spec.model)
    earlier = '''def earlier(kept, t, delay):
    """A layer's outputs `delay` steps before step t, from those kept step by step. With BPTT
    set (truncated backpropagation through time), time is cut into windows of BPTT steps and
    the error does not flow back into an earlier window: the value is detached there, as
    when a framework detaches the hidden state every BPTT steps. The forward pass is the same."""
    value = kept[t - delay]
    if BPTT is not None and (t - delay) // BPTT != t // BPTT:
        value = value.detach()
    return value'''
    code = earlier if base is None else base.code + "\n\n\n" + earlier
    return Section("helpers", "Inputs, activations and memory", code)


def state_entries(spec: ExportSpec) -> list:
    model = spec.model
    out = torch_code.state_entries(spec)
    for layer in model.layers:
        for blk in layer.delayed:
            out.append((f"{delayed_attr(layer, blk)}.weight", blk.weight,
                        sequence_common.delayed_rows(model, layer, blk)))
    return out


def weights_section(spec: ExportSpec) -> Section:
    lines = common.weights_intro(spec) + ["WEIGHTS = {"]
    lines += common.dict_entries(state_entries(spec))
    lines += ["}", "", "",
              "def build_model():",
              '    """The network with the exported weights."""',
              "    model = Network()",
              "    model.load_state_dict({name: torch.tensor(value) for name, value in WEIGHTS.items()})",
              "    return model"]
    return Section("weights", "The weights", "\n".join(lines))


def training_section(spec: ExportSpec) -> Section:
    metric = common.metric_name(spec)
    words = common.metric_words(spec)
    code = f'''def evaluate(model, data):
    """Loss and {words} over the training and the test sequences, counting every step
    that has a target (as nnsim does)."""
    model.eval()
    result = {{}}
    with torch.no_grad():
        for part, X, T in (("train", data[0], data[1]), ("test", data[2], data[3])):
            g, t = steps_with_target(model.output_g(X), T)
            if len(t) == 0:
                result[part + "_loss"] = result[part + "_{metric}"] = float("nan")
                continue
            y = model.output_activation(g)
            result[part + "_loss"] = float(loss_function(g, y, t))
            result[part + "_{metric}"] = {metric}(y, t)
    return result


'''
    code += common.train_function(
        "Train as nnsim does: mini-batches of whole sequences in the same order, the same\n"
        "    arithmetic; backpropagation through time (truncated to BPTT steps when it is set).\n"
        f"    Returns the history: a dict per epoch with its losses and {words}.",
        "make_optimizer(model)",
        ["g = model.output_g(x)                                    # forward, step by step",
         "g, t = steps_with_target(g, t)                           # the loss counts these steps",
         "if len(t) > 0:",
         "    loss = loss_function(g, model.output_activation(g), t) + penalty(model)",
         "else:",
         "    # no step has a target: the loss is 0 (a sum over no steps), no error flows back,",
         "    # and the optimiser still takes its step (momentum carries on), as in nnsim",
         "    loss = g.sum() + penalty(model)",
         "optimizer.zero_grad()",
         "loss.backward()                                          # backpropagation through time",
         "clip_gradients(model)",
         "optimizer.step()                                         # update the weights"],
        "finite_step(loss, model)",
        epoch_start="model.train()",
        rows="torch.from_numpy(order[start:start + batch_size])")
    return sequence_common.training_section(spec, FRAMEWORK, code)


def sections(spec: ExportSpec, module: str, script: str | None = None) -> tuple[str, list[Section]]:
    header = common.header(spec, FRAMEWORK, module, script)
    parts = [common.imports_section(spec, FRAMEWORK), common.settings_section(spec, FRAMEWORK),
             helpers_section(spec), model_section(spec), weights_section(spec),
             sequence_common.data_section(spec, FRAMEWORK), torch_code.loss_section(spec),
             torch_code.optimizer_section(spec), training_section(spec)]
    parts += common.closing_sections(spec, FRAMEWORK)
    return header, parts
