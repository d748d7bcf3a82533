"""The drawn network as a standalone program a student can take further: PyTorch (imports
torch and numpy) or NumPy (imports numpy), as a .py script or a Jupyter notebook.

    spec = codegen.build(doc, base_dir, epochs=None, untrained=False)
    text = codegen.generate(spec, "pytorch", notebook=False, module="xor", language="en")
    codegen.export_code(doc, "xor.py", "pytorch")          # both at once, to a file

The program holds the model as the engine compiled it (the same layers and column
order), its weights, the data and the training settings; its outputs equal
``Network.forward``'s and, from the untrained weights, its training reproduces nnsim's
losses epoch by epoch. No Qt here: the window's dialog lives in ``simulator.ui``.
"""
from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from ..document import lessons, trained, training_problems
from ..engine.trainer import Trainer
from . import numpy_code, sequence_numpy, sequence_torch, texts, torch_code
from .notebook import notebook
from .source import join_script
from .spec import CodeExportError, ExportSpec, data_spec, model_spec, training_spec

FRAMEWORKS = ("pytorch", "numpy")
FORMATS = ("py", "ipynb")
_GENERATORS = {"pytorch": torch_code, "numpy": numpy_code}
_SEQUENCE_GENERATORS = {"pytorch": sequence_torch, "numpy": sequence_numpy}

__all__ = ["FORMATS", "FRAMEWORKS", "CodeExportError",
           "ExportSpec", "build", "check_framework", "check_target", "default_epochs",
           "export_code", "format_of", "from_trainer", "from_window", "generate", "module_name"]


def default_epochs(doc: Mapping) -> int:
    """The lesson's epochs, else 100 (as ``nnsim train``)."""
    return int((doc.get("lesson") or {}).get("epochs", 100))


def check_framework(framework: str) -> str:
    if framework not in FRAMEWORKS:
        raise CodeExportError(f'unknown framework "{framework}" (use pytorch or numpy)')
    return framework


def format_of(path: str | os.PathLike) -> str:
    """"py" or "ipynb" from the file's extension; CodeExportError otherwise."""
    p = Path(path)
    ext = p.suffix.lower().lstrip(".")
    if ext not in FORMATS:
        what = f'unknown extension "{p.suffix}"' if p.suffix else f"{p.name} has no extension"
        raise CodeExportError(f"{what}: code is written as .py or .ipynb")
    return ext


def check_target(path: str | os.PathLike) -> Path:
    """The output path, or CodeExportError when no file can be written there (checked
    before any training, so a typo fails at once)."""
    p = Path(path)
    format_of(p)
    if p.is_dir():
        raise CodeExportError(f"{p} is a folder, not a file")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise CodeExportError(f"cannot write {p}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise CodeExportError(f"cannot write {p}: permission denied")
    return p


def module_name(path: str | os.PathLike) -> str:
    """The name ``import`` would use for the file: its stem, with characters a module name
    cannot hold as underscores (``network`` when nothing is left)."""
    stem = re.sub(r"\W", "_", Path(path).name.split(".")[0])
    if stem and stem[0].isdigit():
        stem = "_" + stem
    return stem if stem.isidentifier() else "network"


def _trainer(doc: Mapping, base_dir, data=None, resume: bool = True) -> Trainer:
    """A trainer for ``doc``; a file saved after training goes on from where it stopped
    (with ``resume``), else it starts from the document's own start."""
    problems = training_problems(doc)
    if problems:
        raise CodeExportError(f"cannot train: {problems[0]}")
    try:
        return trained.trainer_for(doc, base_dir, data, resume)
    except (ValueError, KeyError, OSError) as exc:
        raise CodeExportError(str(exc)) from None


def from_trainer(doc: Mapping, trainer: Trainer, weights: tuple[str, int], epochs: int,
                 title: str | None = None) -> ExportSpec:
    """The program for ``trainer``'s network as it is now (its weights, batch-norm
    averages), its data and ``doc``'s settings; the script trains ``epochs`` by default."""
    net = trainer.net
    sequences = bool(getattr(trainer.data, "is_sequence", False))
    if not np.isfinite(net.params).all():
        raise CodeExportError("the weights are not finite numbers (training diverged): "
                              "export the untrained network, or fewer epochs")
    return ExportSpec(title=doc.get("title", "") if title is None else title,
                      model=model_spec(net, trainer.data.raw_inputs, sequences), training=training_spec(doc, epochs),
                      data=data_spec(net, trainer.data, doc), weights=weights)


def build(doc: Mapping, base_dir=None, epochs: int | None = None, untrained: bool = False,
          title: str | None = None) -> ExportSpec:
    """The program for ``doc``: its weights after ``epochs`` epochs of training (default:
    the lesson's, else 100), as the document holds them with ``epochs=0``, or the
    untrained ones. A file saved after training goes on from where it stopped (by default
    it is written as saved); untrained, it is its document's start. The script's default
    number of epochs is ``epochs`` (or the lesson's)."""
    if epochs is not None and epochs < 0:
        raise CodeExportError("--epochs must be 0 or more")
    trainer = _trainer(doc, base_dir, resume=not untrained)
    resumed = trained.KEY in doc and not untrained
    run = (0 if resumed else default_epochs(doc)) if epochs is None else epochs
    if untrained:
        weights = ("untrained", 0)
    elif run == 0:
        weights = ("trained", trainer.epoch) if resumed else ("document", 0)
    else:
        trainer.run(epochs=run)
        if trainer.diverged is not None:
            raise CodeExportError(f"training diverged: {trainer.diverged.message} "
                                  "(--untrained exports the weights before training)")
        weights = ("trained", trainer.epoch)
    setting = epochs if epochs else default_epochs(doc)
    return from_trainer(doc, trainer, weights, setting, title)


def from_window(doc: Mapping, snapshot, base_dir=None, data=None, untrained: bool = False,
                title: str | None = None) -> ExportSpec:
    """The program for what a window shows: the latest snapshot's network, exactly (every
    parameter and batch-norm average, not only the drawn weights), or the untrained one;
    ``data``: the window's data set (it may hold points added by clicking)."""
    trainer = _trainer(doc, base_dir, data)
    epochs = default_epochs(doc)
    if untrained or snapshot is None:
        return from_trainer(doc, trainer, ("untrained", 0), epochs, title)
    net = trainer.net
    params = getattr(snapshot, "params", None)
    if (params is None or len(params) != net.size or tuple(snapshot.edges) != tuple(net.edges)
            or tuple(snapshot.node_ids) != tuple(net.doc_node_ids)):
        raise CodeExportError("the window is still updating the network: try again in a moment")
    net.params[:] = params
    for index, mean, var in getattr(snapshot, "bn_running", ()):
        net.layers[index].running_mean[:] = mean
        net.layers[index].running_var[:] = var
    return from_trainer(doc, trainer, ("window", int(snapshot.epoch)), epochs, title)


def _wrap_header(header: str) -> str:
    """Re-flow the header docstring's paragraphs that hold inserted text."""
    blocks = header.split("\n\n")
    out = []
    for b in blocks:
        if b.startswith("Everything is here"):
            b = textwrap.fill(" ".join(b.split()), 88)
        out.append(b)
    return "\n\n".join(out)


def generate(spec: ExportSpec, framework: str, notebook_format: bool = False,
             module: str = "network", language: str = "en", script: str | None = None) -> str:
    """The program's text: a .py script (``script``: its file name, for the header's
    "python …" line), or a notebook (markdown in ``language``)."""
    generators = _SEQUENCE_GENERATORS if spec.model.sequences else _GENERATORS
    gen = generators[check_framework(framework)]
    header, sections = gen.sections(spec, module, script)
    if not notebook_format:
        return join_script(sections, _wrap_header(header))
    lang = texts.language(language)
    values = {"title": texts_title(spec), "weights": spec.weights_note(lang),
              "data": spec.data.descriptions[lang]}
    cells = [("markdown", texts.cell("intro", lang, framework, **values))]
    for s in sections:
        if s.where == "script":
            continue
        md = texts.cell(s.key, lang, framework, spec.model.sequences, **values)
        if md:
            cells.append(("markdown", md))
        cells.append(("code", s.code))
    return notebook(cells)


def texts_title(spec: ExportSpec) -> str:
    return " ".join(spec.title.split()) or "nnsim"


def export_code(doc: Mapping, path: str | os.PathLike, framework: str, base_dir=None,
                epochs: int | None = None, untrained: bool = False, language: str = "en",
                spec: ExportSpec | None = None) -> Path:
    """Write the program for ``doc`` to ``path`` (.py or .ipynb); CodeExportError if not."""
    check_framework(framework)
    p = check_target(path)
    if spec is None:
        title = lessons.localized(doc, texts.language(language))[0] or doc.get("title", "")
        spec = build(doc, base_dir, epochs, untrained, title)
    text = generate(spec, framework, format_of(p) == "ipynb", module_name(p), language, p.name)
    try:
        p.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CodeExportError(f"cannot write {p}: {exc.strerror or exc}") from None
    return p
