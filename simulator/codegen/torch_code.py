"""The PyTorch program: an ``nn.Module`` laid out as the network was drawn, autograd for
the gradients, and, where PyTorch's own pieces compute differently from nnsim (Adam's ε,
gradient clipping, batch norm's running variance), the arithmetic written out so that the
numbers stay nnsim's."""
from __future__ import annotations

from collections.abc import Sequence

from . import common
from .naming import (bn_note, block_note, describe_network, layer_names, layer_title,
                     mask_note, row_comments, sources_note)
from .source import Section, matrix, num, vector
from .spec import ExportSpec, LayerSpec, ModelSpec

FRAMEWORK = "pytorch"

ACTIVATION = {
    "step": "step({g})",
    "linear": "{g}",
    "sigmoid": "torch.sigmoid({g})",
    "tanh": "torch.tanh({g})",
    "relu": "torch.relu({g})",
    "leaky_relu": "F.leaky_relu({g}, 0.01)",
    "prelu": "prelu({g}, {slope})",
    "gelu": 'F.gelu({g}, approximate="tanh")',
    "silu": "F.silu({g})",
    "softplus": "softplus({g})",
    "elu": "F.elu({g})",
    "softmax": "torch.softmax({g}, dim=1)",
}


def block_attr(layer: LayerSpec, block) -> str:
    return f"layer{layer.index}" if block.primary else f"skip_{block.src}_to_{layer.index}"


def bias_expr(layer: LayerSpec) -> str:
    return f"self.layer{layer.index}.bias" if layer.blocks else f"self.bias{layer.index}"


def activation_expr(layer: LayerSpec, g: str, pad: str = "") -> str:
    """a = f(g) for the whole layer (a concatenation when its neurons differ: a line per
    group when ``pad`` says how far the expression is indented)."""
    def one(group, gg):
        return ACTIVATION[group.activation].format(g=gg, slope=f"self.slope{layer.index}")
    if len(layer.groups) == 1:
        return one(layer.groups[0], g)
    parts = [one(grp, f"{g}[:, {grp.lo}:{grp.hi}]") for grp in layer.groups]
    joined = "torch.cat([" + ", ".join(parts) + "], dim=1)"
    if len(pad) + len(joined) <= 90:
        return joined
    inner = pad + "    "
    names = [f"  # {layer.names(grp.lo, grp.hi)}" for grp in layer.groups]
    return "torch.cat([\n" + "\n".join(f"{inner}{p},{n}" for p, n in zip(parts, names)) \
        + f"\n{pad}], dim=1)"


def _sum_lines(target: str, terms: list[str], pad: str) -> list[str]:
    line = f"{pad}{target} = " + " + ".join(terms)
    if len(line) <= 96 or len(terms) == 1:
        return [line]
    lines = [f"{pad}{target} = ({terms[0]}"]
    lines += [f"{pad}{' ' * (len(target) + 4)}+ {t}" for t in terms[1:]]
    lines[-1] += ")"
    return lines


def layer_forward(model: ModelSpec, layer: LayerSpec, pad: str, more: Sequence[str] = ()) -> list[str]:
    """g_k = the weighted sums (+ batch norm); a_k = f(g_k). ``more``: lines that add to g_k
    before its activation (the delayed connections of a recurrent network)."""
    k = layer.index
    lines = [f"{pad}# {layer_title(model, layer)}"]
    terms = []
    for blk in layer.blocks:
        attr = f"self.{block_attr(layer, blk)}"
        if blk.mask is None:
            terms.append(f"{attr}(a{blk.src})")
        elif blk.primary:
            terms.append(f"F.linear(a{blk.src}, {attr}.weight * {attr}_mask, {attr}.bias)")
        else:
            terms.append(f"F.linear(a{blk.src}, {attr}.weight * {attr}_mask)")
    if not terms:
        terms = [f"self.bias{k}.expand(len(a0), -1)"]
    lines += _sum_lines(f"g{k}", terms, pad)
    if layer.bn:
        lines.append(f"{pad}g{k} = self.norm{k}(g{k}, {bias_expr(layer)})")
    lines += more
    if layer is not model.output:
        lines.append(f"{pad}a{k} = {activation_expr(layer, f'g{k}', pad)}")
    elif len(layer.groups) == 1:
        lines[0] = lines[0][:-1] + ", applied in output_activation)"
    else:
        lines[0] += "; their activations are applied in output_activation"
    return lines


def model_section(spec: ExportSpec) -> Section:
    model = spec.model
    out = model.output
    L = [
        "class Network(nn.Module):",
        f'    """{describe_network(model)}.',
        "",
        "    Neurons are arranged in layers by depth (the longest path from an input), as nnsim",
        "    arranges them; every neuron computes g = Σ w·a + b over the neurons that feed it,",
        "    then its output a = f(g). In the code, g1 and a1 are layer 1's g and outputs, and",
        '    so on; a0 holds the input neurons."""',
        "",
        "    def __init__(self):",
        "        super().__init__()",
    ]
    for layer in model.layers:
        k = layer.index
        L.append(f"        # {layer_title(model, layer)}"
                 + ("" if layer.blocks else f"; {sources_note(model, layer)}"))
        for blk in layer.blocks:
            attr = block_attr(layer, blk)
            n_src = blk.weight.shape[1]
            bias = "" if blk.primary else ", bias=False"
            L.append(f"        self.{attr} = nn.Linear({n_src}, {layer.size}{bias})"
                     f"  # {block_note(model, layer, blk)}")
            if blk.mask is not None:
                L += [f"        # {line}" for line in mask_note(blk)]
                opening = f'self.register_buffer("{attr}_mask", torch.tensor('
                rows = matrix(blk.mask, 8 + len(opening), fmt=lambda v: f"{v:.0f}.",
                              close="), persistent=False)")
                L.append("        " + opening + rows[0])
                L += rows[1:]
        if not layer.blocks:
            L.append(f"        self.bias{k} = nn.Parameter(torch.zeros({layer.size}))")
        for grp in layer.groups:
            if grp.slope is not None:
                L.append(f"        self.slope{k} = nn.Parameter(torch.full(({grp.hi - grp.lo},), 0.25))"
                         "  # PReLU's α, learned")
        if layer.bn:
            L.append(f"        self.norm{k} = BatchNorm({list(layer.bn)})  # {bn_note(layer)}")
    L += ["",
          "    def output_g(self, x):",
          f'        """g of the output neurons, before their activation, for raw inputs x (N, '
          f'{len(model.raw_inputs)})',
          '        (the loss works from g: see loss_function)."""',
          ("        a0 = x" if model.identity_features else "        a0 = input_features(x)")
          + f"  # the input neurons: {layer_names(model, 0)}"]
    for layer in model.layers:
        L += layer_forward(model, layer, "        ")
    L.append(f"        return g{out.index}")
    L += ["",
          "    def output_activation(self, g):",
          f'        """The outputs from their g: {"; ".join(f"{out.names(g.lo, g.hi)} = {g.activation}(g)" for g in out.groups)}."""',
          f"        return {activation_expr(out, 'g')}",
          "",
          "    def forward(self, x):",
          f'        """The outputs for raw inputs x: shape (N, {len(model.raw_inputs)}) → (N, '
          f'{out.size}), columns {out.names()}."""',
          "        return self.output_activation(self.output_g(x))"]
    return Section("model", "The network", "\n".join(L))


def helpers_section(model: ModelSpec) -> Section | None:
    """Input features and the activations PyTorch has no one-word name for."""
    parts = []
    feats = common.features_function(model, FRAMEWORK)
    if feats:
        parts.append(feats)
    acts = model.activations()
    if "step" in acts:
        parts.append('''def step(g):
    """1 where g ≥ 0, else 0. Its slope is 0 everywhere, so no error flows back through
    it (the "+ 0 * g" only keeps it in PyTorch's graph, so that backward() runs)."""
    return (g >= 0).to(g.dtype) + 0 * g''')
    if "softplus" in acts:
        parts.append('''def softplus(g):
    """ln(1 + e^g). PyTorch returns g itself where g > threshold (20 unless told), which
    is off by e^−g; above 40 that is below float64's precision, so the numbers are nnsim's."""
    return F.softplus(g, threshold=40)''')
    if "prelu" in acts:
        parts.append('''def prelu(g, slope):
    """Parametric ReLU: g where g > 0, else α·g, with the slope α learned per neuron."""
    return torch.where(g > 0, g, slope * g)''')
    if model.has_bn:
        parts.append('''class BatchNorm(nn.Module):
    """Batch normalisation of some neurons of a layer, as nnsim does it:
    g ← (g − mean) / √(var + BN_EPS) · γ + b, where b is the neuron's own bias.

    While training, mean and var are the batch's (a batch of one point uses the running
    averages); the running averages move a tenth of the way towards each batch's, and
    evaluation uses them. Written out rather than nn.BatchNorm1d, whose running average
    keeps the unbiased variance (÷ N−1) where nnsim keeps the batch's own (÷ N), and whose
    shift β would be a second bias."""

    def __init__(self, columns):
        super().__init__()
        self.register_buffer("columns", torch.tensor(columns), persistent=False)
        self.scale = nn.Parameter(torch.ones(len(columns)))  # γ, learned
        self.register_buffer("running_mean", torch.zeros(len(columns)))
        self.register_buffer("running_var", torch.ones(len(columns)))

    def forward(self, g, bias):
        """The layer's g with its batch-normalised columns replaced."""
        u = g[:, self.columns]  # nnsim normalises g with the bias in it (the mean removes it)
        if self.training and len(u) > 1:
            mean, var = u.mean(dim=0), u.var(dim=0, correction=0)
            with torch.no_grad():
                self.running_mean.mul_(BN_MOMENTUM).add_((1 - BN_MOMENTUM) * mean)
                self.running_var.mul_(BN_MOMENTUM).add_((1 - BN_MOMENTUM) * var)
        else:
            mean, var = self.running_mean, self.running_var
        normalised = (u - mean) * (1 / torch.sqrt(var + BN_EPS)) * self.scale + bias[self.columns]
        return g.index_copy(1, self.columns, normalised)''')
    if not parts:
        return None
    return Section("helpers", "Inputs and activations", "\n\n\n".join(parts))


def state_entries(spec: ExportSpec) -> list[tuple[str, object, list[str] | str | None]]:
    """(state-dict key, values, comments) for every parameter and running average."""
    model = spec.model
    out = []
    for layer in model.layers:
        k = layer.index
        for blk in layer.blocks:
            attr = block_attr(layer, blk)
            out.append((f"{attr}.weight", blk.weight, row_comments(model, layer, blk)))
            if blk.primary:
                out.append((f"{attr}.bias", layer.bias, layer.names()))
        if not layer.blocks:
            out.append((f"bias{k}", layer.bias, layer.names()))
        for grp in layer.groups:
            if grp.slope is not None:
                out.append((f"slope{k}", grp.slope, f"α of {layer.names(grp.lo, grp.hi)}"))
        if layer.bn:
            names = ", ".join(layer.nodes[j] for j in layer.bn)
            out.append((f"norm{k}.scale", layer.gamma, f"γ of {names}"))
            out.append((f"norm{k}.running_mean", layer.running_mean, "running averages"))
            out.append((f"norm{k}.running_var", layer.running_var, None))
    return out


def weights_section(spec: ExportSpec) -> Section:
    lines = common.weights_intro(spec) + ["WEIGHTS = {"]
    lines += common.dict_entries(state_entries(spec))
    lines += ["}",
              "",
              "",
              "def build_model():",
              '    """The network with the exported weights."""',
              "    model = Network()",
              "    model.load_state_dict({name: torch.tensor(value) for name, value in WEIGHTS.items()})",
              "    return model"]
    return Section("weights", "The weights", "\n".join(lines))


def loss_section(spec: ExportSpec) -> Section:
    model = spec.model
    out = model.output
    L = ["def loss_function(g, y, t):"]
    if model.fused == "sigmoid":
        L += ['    """Binary cross-entropy J = −(1/N) Σ [t·ln y + (1 − t)·ln(1 − y)] with y = σ(g),',
              '    computed from g (as nnsim does) so that it never takes the log of 0."""',
              '    return F.binary_cross_entropy_with_logits(g, t, reduction="sum") / len(t)']
    elif model.fused == "softmax":
        L += ['    """Cross-entropy J = −(1/N) Σ Σₖ tₖ·ln yₖ with y = softmax(g), computed from g',
              '    (as nnsim does) so that it never takes the log of 0."""',
              "    return -(t * torch.log_softmax(g, dim=1)).sum(dim=1).mean()"]
    elif model.loss == "mse":
        L += ['    """Mean squared error J = (1/N) Σ (y − t)², summed over the outputs."""',
              "    return ((y - t) ** 2).sum(dim=1).mean()"]
    else:
        p, q = common.probability_exprs(out, "y", FRAMEWORK), common.probability_exprs(out, "t", FRAMEWORK)
        L += ['    """Cross-entropy of each output read as a probability p:',
              "    J = −(1/N) Σ [t·ln p + (1 − t)·ln(1 − p)]" + (
                  '; a tanh output ranges over (−1, 1),\n    so p = (y + 1)/2 (and so for its target)."""'
                  if any(g.activation == "tanh" for g in out.groups) else '."""'),
              f"    p, q = {p}, {q}",
              "    # p is kept within [1e-12, 1 − 1e-12] so the log stays finite; as in nnsim, the",
              "    # clipping changes the value only, not the gradient",
              "    p = p + (p.clamp(PROB_EPS, 1 - PROB_EPS) - p).detach()",
              "    return -(q * torch.log(p) + (1 - q) * torch.log1p(-p)).sum(dim=1).mean()"]
    L += ["",
          "",
          "def penalty(model):",
          '    """L1 and L2 penalties on the weights (not on the biases): L1·Σ|w| + L2/2·Σw²."""',
          "    total = 0.0",
          "    for name, w in model.named_parameters():",
          '        if name.endswith("weight"):',
          "            total = total + L1 * w.abs().sum() + L2 / 2 * (w * w).sum()",
          "    return total",
          "",
          "",
          common.accuracy_function(spec, FRAMEWORK)]
    return Section("loss", "The loss", "\n".join(L))


def optimizer_section(spec: ExportSpec) -> Section:
    opt = spec.training.optimizer
    parts = []
    if opt == "adam":
        parts.append('''class Adam(torch.optim.Optimizer):
    """Adam as nnsim computes it: w ← w − LEARNING_RATE · √(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε).
    torch.optim.Adam adds ε after dividing √v by √(1 − β₂ᵗ), which moves the first steps
    slightly; this one keeps nnsim's numbers."""

    def __init__(self, params, lr):
        super().__init__(params, {"lr": lr})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state.update(t=0, m=torch.zeros_like(p), v=torch.zeros_like(p))
                state["t"] += 1
                t, m, v, grad = state["t"], state["m"], state["v"], p.grad
                m.mul_(BETA1).add_(grad * (1 - BETA1))         # average gradient
                v.mul_(BETA2).add_(grad * grad * (1 - BETA2))  # average squared gradient
                size = group["lr"] * math.sqrt(1 - BETA2 ** t) / (1 - BETA1 ** t)
                p.sub_(m / (v.sqrt() + EPSILON) * size)''')
    make = {"sgd": "    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)",
            "momentum": "    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)",
            "adam": "    return Adam(model.parameters(), lr=LEARNING_RATE)"}[opt]
    doc = {"sgd": "Plain gradient descent: w ← w − LEARNING_RATE · ∂J/∂w.",
           "momentum": "Gradient descent with momentum: v ← MOMENTUM·v + ∂J/∂w, w ← w − LEARNING_RATE·v\n"
                       "    (torch.optim.SGD computes exactly nnsim's update).",
           "adam": "Adam, with nnsim's arithmetic (above)."}[opt]
    parts.append(f'def make_optimizer(model):\n    """{doc}"""\n{make}')
    parts.append('''def finite_step(loss, model):
    """Whether a step's numbers are still finite: its loss and its gradient. Once one
    overflows (inf or NaN), training has diverged."""
    return math.isfinite(loss.item()) and all(
        bool(torch.isfinite(p.grad).all()) for p in model.parameters() if p.grad is not None)''')
    parts.append('''def clip_gradients(model):
    """When the gradient's overall size (its norm over every parameter) exceeds CLIP, scale
    it down to CLIP. Written out: torch.nn.utils.clip_grad_norm_ adds 1e-6 to the norm."""
    if CLIP is None:
        return
    grads = [p.grad for p in model.parameters() if p.grad is not None]
    norm = math.sqrt(sum(float((g * g).sum()) for g in grads))
    if norm > CLIP:
        for g in grads:
            g.mul_(CLIP / norm)''')
    return Section("optimizer", "The optimiser", "\n\n\n".join(parts))


def training_section(spec: ExportSpec) -> Section:
    metric = common.metric_name(spec)
    code = f'''def evaluate(model, data):
    """Loss and {common.metric_words(spec)} over the training and the test points{common.bn_eval_note(spec)}."""
    model.eval()
    result = {{}}
    with torch.no_grad():
        for part, X, T in (("train", data[0], data[1]), ("test", data[2], data[3])):
            if len(X) == 0:
                result[part + "_loss"] = result[part + "_{metric}"] = float("nan")
                continue
            g = model.output_g(X)
            y = model.output_activation(g)
            result[part + "_loss"] = float(loss_function(g, y, T))
            result[part + "_{metric}"] = {metric}(y, T)
    return result


'''
    code += common.train_function(
        "Train as nnsim does: the same mini-batches in the same order, the same arithmetic.\n"
        f"    Returns the history: a dict per epoch with its losses and {common.metric_words(spec)}.",
        "make_optimizer(model)",
        ["g = model.output_g(x)                                    # forward",
         "loss = loss_function(g, model.output_activation(g), t) + penalty(model)",
         "optimizer.zero_grad()",
         "loss.backward()                                          # backward: ∂J/∂w",
         "clip_gradients(model)",
         "optimizer.step()                                         # update the weights"],
        "finite_step(loss, model)",
        epoch_start="model.train()" + common.bn_train_note(spec),
        rows="torch.from_numpy(order[start:start + batch_size])")
    return Section("training", "Training", code + "\n\n\n" + common.report_function(spec))


def sections(spec: ExportSpec, module: str, script: str | None = None) -> tuple[str, list[Section]]:
    header = common.header(spec, FRAMEWORK, module, script)
    parts = [common.imports_section(spec, FRAMEWORK), common.settings_section(spec, FRAMEWORK),
             helpers_section(spec.model), model_section(spec), weights_section(spec),
             common.data_section(spec, FRAMEWORK), loss_section(spec), optimizer_section(spec),
             training_section(spec)]
    parts = [p for p in parts if p is not None]
    parts += common.closing_sections(spec, FRAMEWORK)
    return header, parts
