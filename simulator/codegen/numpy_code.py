"""The NumPy program: the forward pass and backpropagation written out layer by layer,
with nnsim's formulas (the same as the engine's, in the same order)."""
from __future__ import annotations

from . import common
from .naming import (DERIVATIVE_NOTES, bn_note, block_note, describe_network, layer_names,
                     layer_title, mask_note, row_comments, sources_note)
from .source import Section, matrix
from .spec import ExportSpec, LayerSpec, ModelSpec

FRAMEWORK = "numpy"

ACTIVATION = {
    "step": "step({g})",
    "linear": "{g}",
    "sigmoid": "sigmoid({g})",
    "tanh": "np.tanh({g})",
    "relu": "np.maximum({g}, 0)",
    "leaky_relu": "np.maximum({g}, 0.01 * {g})",
    "prelu": "np.where({g} > 0, {g}, {slope} * {g})",
    "gelu": "gelu({g})",
    "silu": "{g} * sigmoid({g})",
    "softplus": "softplus({g})",
    "elu": "np.where({g} > 0, {g}, np.expm1(np.minimum({g}, 0)))",
    "softmax": "softmax({g})",
}

#: ∂J/∂g from ∂J/∂y ({d}), the values g and a of the neurons and PReLU's slope.
DERIVATIVE = {
    "step": "np.zeros_like({d})",
    "linear": "{d}",
    "sigmoid": "{d} * {a} * (1 - {a})",
    "tanh": "{d} * (1 - {a} ** 2)",
    "relu": "{d} * ({g} > 0)",
    "leaky_relu": "{d} * np.where({g} > 0, 1.0, 0.01)",
    "prelu": "{d} * np.where({g} > 0, 1.0, {slope})",
    "gelu": "{d} * gelu_derivative({g})",
    "silu": "{d} * sigmoid({g}) * (1 + {g} * (1 - sigmoid({g})))",
    "softplus": "{d} * sigmoid({g})",
    "elu": "{d} * np.where({g} > 0, 1.0, np.exp(np.minimum({g}, 0)))",
    "softmax": "{a} * ({d} - ({d} * {a}).sum(axis=1, keepdims=True))",
}
USES_G = {"relu", "leaky_relu", "prelu", "gelu", "silu", "softplus", "elu"}
USES_A = {"sigmoid", "tanh", "softmax"}


def _dict_literal(items: list[str], opening: str) -> list[str]:
    """``{a, b, c}`` after ``opening``, wrapped to the line width."""
    lines, line = [], opening + "{"
    for k, item in enumerate(items):
        piece = item + ("}" if k == len(items) - 1 else ",")
        if len(line) + 1 + len(piece) > 96 and not line.endswith("{"):
            lines.append(line)
            line = " " * (len(opening) + 1) + piece
        else:
            line += ("" if line.endswith("{") else " ") + piece
    lines.append(line)
    return lines


def weight_name(layer: LayerSpec, block) -> str:
    return f"W{layer.index}" if block.primary else f"W{layer.index}_from{block.src}"


def mask_name(layer: LayerSpec, block) -> str:
    return "mask" + weight_name(layer, block)[1:]


def weight_expr(layer: LayerSpec, block) -> str:
    w = f"self.{weight_name(layer, block)}"
    return w if block.mask is None else f"({w} * self.{mask_name(layer, block)})"


def activation_expr(layer: LayerSpec, g: str, pad: str = "") -> str:
    """a = f(g) for the whole layer (a line per group when they do not fit on one)."""
    def one(group, gg):
        return ACTIVATION[group.activation].format(g=gg, slope=f"self.slope{layer.index}")
    if len(layer.groups) == 1:
        return one(layer.groups[0], g)
    parts = [one(grp, f"{g}[:, {grp.lo}:{grp.hi}]") for grp in layer.groups]
    joined = "np.concatenate([" + ", ".join(parts) + "], axis=1)"
    if len(pad) + len(joined) <= 90:
        return joined
    inner = pad + "    "
    names = [f"  # {layer.names(grp.lo, grp.hi)}" for grp in layer.groups]
    return "np.concatenate([\n" + "\n".join(f"{inner}{p},{n}" for p, n in zip(parts, names)) \
        + f"\n{pad}], axis=1)"


def parameter_entries(spec: ExportSpec) -> list[tuple[str, object, object]]:
    model = spec.model
    out = []
    for layer in model.layers:
        k = layer.index
        for blk in layer.blocks:
            out.append((weight_name(layer, blk), blk.weight, row_comments(model, layer, blk)))
        out.append((f"b{k}", layer.bias, layer.names()))
        for grp in layer.groups:
            if grp.slope is not None:
                out.append((f"slope{k}", grp.slope, f"α of {layer.names(grp.lo, grp.hi)}"))
        if layer.bn:
            names = ", ".join(layer.nodes[j] for j in layer.bn)
            out.append((f"gamma{k}", layer.gamma, f"γ of {names}"))
    return out


def running_entries(spec: ExportSpec) -> list[tuple[str, object, object]]:
    out = []
    for layer in spec.model.layers:
        if layer.bn:
            out.append((f"running_mean{layer.index}", layer.running_mean, "batch norm's running averages"))
            out.append((f"running_var{layer.index}", layer.running_var, None))
    return out


def _init_lines(spec: ExportSpec) -> list[str]:
    model = spec.model
    L = []
    for layer in model.layers:
        k = layer.index
        L.append(f"        # {layer_title(model, layer)}"
                 + ("" if layer.blocks else f"; {sources_note(model, layer)}"))
        for blk in layer.blocks:
            name = weight_name(layer, blk)
            shape = f"({layer.size}, {blk.weight.shape[1]})"
            L.append(f'        self.{name} = np.array(weights["{name}"])  # {shape}: '
                     f"{block_note(model, layer, blk)}")
            if blk.mask is not None:
                L += [f"        # {line}" for line in mask_note(blk)]
                opening = f"self.{mask_name(layer, blk)} = np.array("
                rows = matrix(blk.mask, 8 + len(opening), fmt=lambda v: f"{v:.0f}.", close=")")
                L.append("        " + opening + rows[0])
                L += rows[1:]
        L.append(f'        self.b{k} = np.array(weights["b{k}"])  # ({layer.size},): the biases')
        for grp in layer.groups:
            if grp.slope is not None:
                L.append(f'        self.slope{k} = np.array(weights["slope{k}"])  # PReLU\'s α, learned')
        if layer.bn:
            L.append(f"        self.bn_columns{k} = {list(layer.bn)}  # {bn_note(layer)}")
            L.append(f'        self.gamma{k} = np.array(weights["gamma{k}"])  # their scales γ, learned')
            L.append(f'        self.running_mean{k} = np.array(weights["running_mean{k}"])')
            L.append(f'        self.running_var{k} = np.array(weights["running_var{k}"])')
    return L


def _forward_lines(model: ModelSpec) -> list[str]:
    pad = "        "
    L = [pad + ("a0 = x" if model.identity_features else "a0 = input_features(x)")
         + f"  # the input neurons: {layer_names(model, 0)}"]
    names = ["a0"]
    for layer in model.layers:
        k = layer.index
        L.append(f"{pad}# {layer_title(model, layer)}")
        terms = []
        for blk in layer.blocks:
            terms.append(f"a{blk.src} @ {weight_expr(layer, blk)}.T")
        if not terms:
            terms = [f"np.zeros((len(a0), {layer.size}))"]
        terms.append(f"self.b{k}")
        line = f"{pad}g{k} = " + " + ".join(terms)
        if len(line) > 96:
            line = f"{pad}g{k} = (" + f"\n{pad}      + ".join(terms) + ")"
        L.append(line)
        if layer.bn:
            L.append(f"{pad}g{k}, bn{k} = batch_norm(g{k}, self.bn_columns{k}, self.gamma{k}, self.b{k},")
            L.append(f"{pad}{' ' * len(f'g{k}, bn{k} = batch_norm(')}self.running_mean{k}, "
                     f"self.running_var{k}, training)")
            names.append(f"bn{k}")
        L.append(f"{pad}a{k} = {activation_expr(layer, f'g{k}', pad)}")
        names += [f"g{k}", f"a{k}"]
    L.append(f"{pad}return dict(" + ", ".join(f"{n}={n}" for n in names) + ")")
    return L


def _derivative_lines(layer: LayerSpec, dy: str, d: str, pad: str) -> list[str]:
    """d = ∂J/∂g from dy = ∂J/∂y, group by group."""
    slope = f"self.slope{layer.index}"
    if len(layer.groups) == 1:
        grp = layer.groups[0]
        expr = DERIVATIVE[grp.activation].format(d=dy, g="g", a="a", slope=slope)
        return [f"{pad}{d} = {expr}  # {DERIVATIVE_NOTES[grp.activation]}"]
    lines = [f"{pad}{d} = np.empty_like({dy})"]
    for grp in layer.groups:
        s = f"[:, {grp.lo}:{grp.hi}]"
        expr = DERIVATIVE[grp.activation].format(d=dy + s, g="g" + s, a="a" + s, slope=slope)
        lines.append(f"{pad}{d}{s} = {expr}  # {DERIVATIVE_NOTES[grp.activation]}")
    return lines


def _backward_lines(spec: ExportSpec) -> list[str]:
    model = spec.model
    pad = "        "
    out = model.output
    Lk = out.index
    L = [f"{pad}n = len(t)", f"{pad}grads = {{}}"]
    # the layers whose ∂J/∂y have been started by a consumer
    started: set[int] = set()
    for layer in reversed(model.layers):
        k = layer.index
        L.append(f"{pad}# {layer_title(model, layer)}")
        acts = {g.activation for g in layer.groups}
        need_g = bool(acts & USES_G) or any(g.slope is not None for g in layer.groups)
        need_a = bool(acts & USES_A)
        if layer is out and model.fused:
            L.append(f"{pad}d{k} = (v[\"a{k}\"] - t) / n  # ∂J/∂g: {model.fused} and cross-entropy "
                     "together simplify to (y − t)/N")
        else:
            if layer is out:
                dy = f"dy{k}"
                L.append(f'{pad}{dy} = loss_gradient(v["a{k}"], t)  # ∂J/∂y')
            else:
                dy = f"da{k}"
                if k not in started:
                    L.append(f'{pad}{dy} = np.zeros_like(v["a{k}"])  # no later layer reads this one')
            if need_g:
                L.append(f'{pad}g = v["g{k}"]')
            if need_a:
                L.append(f'{pad}a = v["a{k}"]')
            L += _derivative_lines(layer, dy, f"d{k}", pad)
            for grp in layer.groups:
                if grp.slope is not None:
                    s = "" if len(layer.groups) == 1 else f"[:, {grp.lo}:{grp.hi}]"
                    L.append(f'{pad}grads["slope{k}"] = ({dy}{s} * np.minimum(g{s}, 0)).sum(axis=0)'
                             "  # ∂J/∂α")
        if layer.bn:
            L.append(f'{pad}d{k}, grads["gamma{k}"], shift = batch_norm_backward(d{k}, self.gamma{k}, '
                     f'v["bn{k}"])')
        for blk in layer.blocks:
            name = weight_name(layer, blk)
            grad = f'd{k}.T @ v["a{blk.src}"]'
            if blk.mask is not None:
                grad = f"({grad}) * self.{mask_name(layer, blk)}  # only the drawn connections learn"
            L.append(f'{pad}grads["{name}"] = {grad}')
        bias = f"d{k}.sum(axis=0)" + (" + shift  # the bias acts after the normalisation too"
                                      if layer.bn else "")
        L.append(f'{pad}grads["b{k}"] = {bias}')
        for blk in layer.blocks:
            if blk.src == 0:
                continue
            back = f"d{k} @ {weight_expr(layer, blk)}"
            if blk.src in started:
                L.append(f"{pad}da{blk.src} = da{blk.src} + {back}")
            else:
                L.append(f"{pad}da{blk.src} = {back}  # the error flows back along the weights")
                started.add(blk.src)
    L.append(f"{pad}return grads")
    del Lk
    return L


def model_section(spec: ExportSpec) -> Section:
    model = spec.model
    out = model.output
    L = [
        "class Network:",
        f'    """{describe_network(model)}.',
        "",
        "    Neurons are arranged in layers by depth (the longest path from an input), as nnsim",
        "    arranges them; every neuron computes g = Σ w·a + b over the neurons that feed it,",
        "    then its output a = f(g). In the code, g1 and a1 are layer 1's g and outputs, and",
        '    so on; a0 holds the input neurons. model(x) gives the outputs."""',
        "",
        "    def __init__(self, weights):",
    ]
    L += _init_lines(spec)
    params = [name for name, _, _ in parameter_entries(spec)]
    L += ["",
          "    def parameters(self):",
          '        """The arrays training changes, by name (the optimiser updates them in place)."""',
          *_dict_literal([f'"{p}": self.{p}' for p in params], "        return "),
          "",
          "    def forward(self, x, training=False):",
          f'        """Every layer\'s g and a for raw inputs x (N, {len(model.raw_inputs)}), in a dict '
          "that backward()",
          "        reads" + (", and batch norm's statistics (training=True: the batch's own)."
                           if model.has_bn else ". (training matters for batch norm only.)") + '"""']
    L += _forward_lines(model)
    L += ["",
          "    def __call__(self, x):",
          f'        """The outputs for raw inputs x: shape (N, {len(model.raw_inputs)}) → (N, '
          f'{out.size}), columns {out.names()}."""',
          f'        return self.forward(x)["a{out.index}"]',
          "",
          "    def backward(self, v, t):",
          '        """The gradient of the loss J for every parameter, from the forward values v and',
          "        the targets t: backpropagation, the chain rule applied layer by layer from the",
          "        outputs back. For each layer, d is ∂J/∂g (the error of its neurons' g) and da",
          '        is ∂J/∂a, what the layers it feeds send back."""']
    L += _backward_lines(spec)
    return Section("model", "The network", "\n".join(L))


HELPERS = {
    "sigmoid": '''def sigmoid(g):
    """σ(g) = 1 / (1 + e^−g), written with tanh (as nnsim does) so that no exp overflows."""
    return 0.5 + 0.5 * np.tanh(0.5 * g)''',
    "step": '''def step(g):
    """1 where g ≥ 0, else 0."""
    return (g >= 0).astype(float)''',
    "gelu": '''def gelu(g):
    """GELU in its tanh form (nnsim's, and PyTorch's approximate="tanh")."""
    return 0.5 * g * (1 + np.tanh(SQRT_2_OVER_PI * (g + 0.044715 * g ** 3)))


def gelu_derivative(g):
    t = np.tanh(SQRT_2_OVER_PI * (g + 0.044715 * g ** 3))
    return 0.5 * (1 + t) + 0.5 * g * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * g ** 2)''',
    "softplus": '''def softplus(g):
    """ln(1 + e^g), written so that no exp overflows."""
    return np.maximum(g, 0) + np.log1p(np.exp(-np.abs(g)))''',
    "softmax": '''def softmax(g):
    """e^gₖ / Σⱼ e^gⱼ over each row (the largest g is taken off first: no overflow)."""
    e = np.exp(g - g.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)''',
}


def helpers_section(spec: ExportSpec) -> Section | None:
    model = spec.model
    acts = model.activations()
    needs_sigmoid = bool(acts & {"sigmoid", "silu", "softplus"})
    parts = []
    feats = common.features_function(model, FRAMEWORK)
    if feats:
        parts.append(feats)
    if needs_sigmoid:
        parts.append(HELPERS["sigmoid"])
    for name in ("step", "gelu", "softplus", "softmax"):
        if name in acts:
            parts.append(HELPERS[name])
    if "gelu" in acts:
        parts.insert(0, "SQRT_2_OVER_PI = math.sqrt(2 / math.pi)")
    if model.has_bn:
        parts.append('''def batch_norm(g, columns, gamma, bias, running_mean, running_var, training):
    """Batch normalisation of some columns of a layer's g, as nnsim does it:
    g ← (g − mean) / √(var + BN_EPS) · γ + b, where b is the neuron's own bias.

    While training, mean and var are the batch's (a batch of one point uses the running
    averages), and the running averages move a tenth of the way towards them; evaluation
    uses the running averages. Returns g and what batch_norm_backward needs."""
    u = g[:, columns]  # nnsim normalises g with the bias in it (the mean removes it)
    batch = training and len(u) > 1
    if batch:
        mean, var = u.mean(axis=0), u.var(axis=0)
        running_mean *= BN_MOMENTUM
        running_mean += (1 - BN_MOMENTUM) * mean
        running_var *= BN_MOMENTUM
        running_var += (1 - BN_MOMENTUM) * var
    else:
        mean, var = running_mean, running_var
    inv_std = 1 / np.sqrt(var + BN_EPS)
    xhat = (u - mean) * inv_std
    g = g.copy()
    g[:, columns] = xhat * gamma + bias[columns]
    return g, (columns, xhat, inv_std, batch)


def batch_norm_backward(d, gamma, cache):
    """From ∂J/∂g after the normalisation to ∂J/∂g before it; also ∂J/∂γ and the part of
    ∂J/∂b that comes through the shift."""
    columns, xhat, inv_std, batch = cache
    dz = d[:, columns]
    dgamma = (dz * xhat).sum(axis=0)
    shift = np.zeros(d.shape[1])
    shift[columns] = dz.sum(axis=0)
    dxhat = dz * gamma
    if batch:  # the batch's mean and variance depend on every point of it
        n = len(d)
        du = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
    else:
        du = dxhat * inv_std
    d = d.copy()
    d[:, columns] = du
    return d, dgamma, shift''')
    if not parts:
        return None
    return Section("helpers", "Inputs and activations", "\n\n\n".join(parts))


def weights_section(spec: ExportSpec) -> Section:
    lines = common.weights_intro(spec) + ["WEIGHTS = {"]
    lines += common.dict_entries(parameter_entries(spec) + running_entries(spec))
    lines += ["}",
              "",
              "",
              "def build_model():",
              '    """The network with the exported weights."""',
              "    return Network(WEIGHTS)"]
    return Section("weights", "The weights", "\n".join(lines))


def loss_section(spec: ExportSpec) -> Section:
    model = spec.model
    out = model.output
    L = ["def loss_function(g, y, t):"]
    if model.fused == "sigmoid":
        L += ['    """Binary cross-entropy J = −(1/N) Σ [t·ln y + (1 − t)·ln(1 − y)] with y = σ(g),',
              "    computed from g as softplus(g) − t·g (the same, never the log of 0), as nnsim "
              'does."""',
              "    return float((np.maximum(g, 0) + np.log1p(np.exp(-np.abs(g))) - t * g)"
              ".sum(axis=1).mean())"]
    elif model.fused == "softmax":
        L += ['    """Cross-entropy J = −(1/N) Σ Σₖ tₖ·ln yₖ with y = softmax(g), computed from g',
              '    (ln yₖ = gₖ − ln Σⱼ e^gⱼ) so that it never takes the log of 0, as nnsim does."""',
              "    top = g.max(axis=1, keepdims=True)",
              "    log_y = g - (np.log(np.exp(g - top).sum(axis=1, keepdims=True)) + top)",
              "    return float(-(t * log_y).sum(axis=1).mean())"]
    elif model.loss == "mse":
        L += ['    """Mean squared error J = (1/N) Σ (y − t)², summed over the outputs."""',
              "    return float(((y - t) ** 2).sum(axis=1).mean())",
              "",
              "",
              "def loss_gradient(y, t):",
              '    """∂J/∂y, where backpropagation starts."""',
              "    return 2 * (y - t) / len(t)"]
    else:
        tanh = any(g.activation == "tanh" for g in out.groups)
        p = common.probability_exprs(out, "y", FRAMEWORK)
        q = common.probability_exprs(out, "t", FRAMEWORK)
        L += ['    """Cross-entropy of each output read as a probability p:',
              "    J = −(1/N) Σ [t·ln p + (1 − t)·ln(1 − p)]" + (
                  '; a tanh output ranges over (−1, 1),\n    so p = (y + 1)/2 (and so for its target)."""'
                  if tanh else '."""'),
              f"    p, q = np.clip({p}, PROB_EPS, 1 - PROB_EPS), {q}",
              "    return float(-(q * np.log(p) + (1 - q) * np.log1p(-p)).sum(axis=1).mean())",
              "",
              "",
              "def loss_gradient(y, t):",
              '    """∂J/∂y, where backpropagation starts."""',
              f"    p, q = np.clip({p}, PROB_EPS, 1 - PROB_EPS), {q}"]
        if len(out.groups) == 1:
            scale = " * 0.5" if tanh else ""
            L.append(f"    return (p - q) / (p * (1 - p)){scale} / len(t)")
        else:
            scales = ", ".join(("0.5" if g.activation == "tanh" else "1.0") for g in out.groups
                               for _ in range(g.hi - g.lo))
            L.append(f"    dp_dy = np.array([{scales}])  # p = (y + 1)/2 for tanh outputs")
            L.append("    return (p - q) / (p * (1 - p)) * dp_dy / len(t)")
    L += ["",
          "",
          "def add_penalties(model, grads):",
          '    """L1 and L2 penalties on the weights (not the biases): J gains L1·Σ|w| + L2/2·Σw²,',
          '    so ∂J/∂w gains L1·sign(w) + L2·w."""',
          "    for name, w in model.parameters().items():",
          '        if name.startswith("W"):',
          "            grads[name] = grads[name] + L2 * w + L1 * np.sign(w)",
          "",
          "",
          common.accuracy_function(spec, FRAMEWORK)]
    return Section("loss", "The loss", "\n".join(L))


OPTIMIZERS = {
    "sgd": '''class GradientDescent:
    """Plain gradient descent: w ← w − LEARNING_RATE · ∂J/∂w."""

    def __init__(self, params):
        self.params = params

    def step(self, grads):
        for name, w in self.params.items():
            w -= LEARNING_RATE * grads[name]''',
    "momentum": '''class Momentum:
    """Gradient descent with momentum: v ← MOMENTUM·v + ∂J/∂w, then w ← w − LEARNING_RATE·v."""

    def __init__(self, params):
        self.params = params
        self.velocity = {name: np.zeros_like(w) for name, w in params.items()}

    def step(self, grads):
        for name, w in self.params.items():
            v = self.velocity[name]
            v *= MOMENTUM
            v += grads[name]
            w -= LEARNING_RATE * v''',
    "adam": '''class Adam:
    """Adam: w ← w − LEARNING_RATE · √(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε), with m and v running
    averages of the gradient and of its square."""

    def __init__(self, params):
        self.params = params
        self.m = {name: np.zeros_like(w) for name, w in params.items()}
        self.v = {name: np.zeros_like(w) for name, w in params.items()}
        self.t = 0

    def step(self, grads):
        self.t += 1
        size = LEARNING_RATE * math.sqrt(1 - BETA2 ** self.t) / (1 - BETA1 ** self.t)
        for name, w in self.params.items():
            g, m, v = grads[name], self.m[name], self.v[name]
            m *= BETA1
            m += g * (1 - BETA1)
            v *= BETA2
            v += g * g * (1 - BETA2)
            w -= m / (np.sqrt(v) + EPSILON) * size''',
}
OPTIMIZER_CLASS = {"sgd": "GradientDescent", "momentum": "Momentum", "adam": "Adam"}


def optimizer_section(spec: ExportSpec) -> Section:
    opt = spec.training.optimizer
    clip = '''def clip_gradients(grads):
    """When the gradient's overall size (its norm over every parameter) exceeds CLIP, scale
    it down to CLIP."""
    if CLIP is None:
        return
    norm = math.sqrt(sum(float((g * g).sum()) for g in grads.values()))
    if norm > CLIP:
        for g in grads.values():
            g *= CLIP / norm'''
    return Section("optimizer", "The optimiser", OPTIMIZERS[opt] + "\n\n\n" + clip)


def training_section(spec: ExportSpec) -> Section:
    metric = common.metric_name(spec)
    out = spec.model.output.index
    cls = OPTIMIZER_CLASS[spec.training.optimizer]
    code = f'''def evaluate(model, data):
    """Loss and {common.metric_words(spec)} over the training and the test points{common.bn_eval_note(spec)}."""
    result = {{}}
    for part, X, T in (("train", data[0], data[1]), ("test", data[2], data[3])):
        if len(X) == 0:
            result[part + "_loss"] = result[part + "_{metric}"] = float("nan")
            continue
        v = model.forward(X)
        result[part + "_loss"] = loss_function(v["g{out}"], v["a{out}"], T)
        result[part + "_{metric}"] = {metric}(v["a{out}"], T)
    return result


'''
    code += common.train_function(
        "Train as nnsim does: the same mini-batches in the same order, the same arithmetic.\n"
        f"    Returns the history: a dict per epoch with its losses and {common.metric_words(spec)}.",
        f"{cls}(model.parameters())",
        ["v = model.forward(x, training=True)       # forward",
         "grads = model.backward(v, t)              # backward: ∂J/∂w",
         "add_penalties(model, grads)",
         "clip_gradients(grads)",
         "optimizer.step(grads)                     # update the weights"],
        "all(np.isfinite(g).all() for g in grads.values())")
    return Section("training", "Training", code + "\n\n\n" + common.report_function(spec))


def sections(spec: ExportSpec, module: str, script: str | None = None) -> tuple[str, list[Section]]:
    header = common.header(spec, FRAMEWORK, module, script)
    parts = [common.imports_section(spec, FRAMEWORK), common.settings_section(spec, FRAMEWORK),
             helpers_section(spec), model_section(spec), weights_section(spec),
             common.data_section(spec, FRAMEWORK), loss_section(spec), optimizer_section(spec),
             training_section(spec)]
    parts = [p for p in parts if p is not None]
    parts += common.closing_sections(spec, FRAMEWORK)
    return header, parts
