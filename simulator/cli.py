"""Headless commands: ``train``, ``check``, ``lessons``, ``export``, ``compare``.

Bad input of any kind prints one clear line on stderr and exits with status 2; no traceback
(set NNSIM_DEBUG=1 to see one for an unexpected failure).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .document import DocumentError, lessons, load, save, training_problems
from .document.validate import class_mismatch

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        # main() prints "nnsim: error: "; a subcommand adds its name ("export: argument ...")
        command = self.prog.partition(" ")[2]
        raise UsageError(f"{command}: {message}" if command else message)


def resolve(target: str) -> tuple[dict, Path | None, str]:
    """A file path or a lesson id -> (document, folder for relative paths, label)."""
    p = Path(target)
    if p.exists() or target.endswith(".json") or os.sep in target:
        doc = load(p)
        return doc, p.resolve().parent, p.name
    if target in lessons.ids():
        lp = lessons.path(target)
        return load(lp), lp.parent, f"lesson {target}"
    raise UsageError(f'no file or lesson called "{target}" (lessons: {", ".join(lessons.ids())})')


def _finite(x):
    """JSON has no NaN or infinity: they become null (in lists too)."""
    if isinstance(x, list):
        return [_finite(v) for v in x]
    return x if isinstance(x, float) and math.isfinite(x) else (None if isinstance(x, float) else x)


def _shown(value: float, spec: str) -> str:
    """A measure as text; — when there is none (no test points, an overflowed loss)."""
    return format(value, spec) if math.isfinite(value) else "—"


def cmd_train(args) -> int:
    from .engine.trainer import Trainer
    doc, base, label = resolve(args.target)
    problems = training_problems(doc)
    if problems:
        raise UsageError(f"{label}: cannot train: {problems[0]}")
    epochs = args.epochs if args.epochs is not None else int(doc.get("lesson", {}).get("epochs", 100))
    if epochs < 0:
        raise UsageError("--epochs must be 0 or more")
    from .document import trained
    from .engine import params
    # a file saved after training continues its run (as the window does)
    doc, saved = trained.detach(doc)
    try:
        trainer = Trainer.from_document(doc, base_dir=base)
        if saved is not None:
            trainer.resume(saved)
    except (ValueError, KeyError) as exc:
        raise UsageError(f"{label}: {exc}") from None
    first = trainer.epoch
    t0 = time.perf_counter()
    trainer.run(epochs=epochs)
    elapsed = time.perf_counter() - t0
    m = trainer.metrics()
    done = trainer.epoch - first
    m["epochs_per_second"] = done / elapsed if elapsed > 0 and done else 0.0
    if args.save:
        state = params.read(trainer.net)
        state.update(epoch=trainer.epoch, steps=trainer.steps)
        out = trained.attach(doc, state) if trainer.steps else doc
        try:
            save(out, args.save)
        except OSError as exc:
            raise UsageError(f"cannot save {args.save}: {exc.strerror or exc}") from None
    if args.json:
        print(json.dumps({k: _finite(v) for k, v in m.items()}))
    else:
        metric = "accuracy" if "train_accuracy" in m else "r2"
        print(f"{label}: {m['epochs']} epochs at {m['epochs_per_second']:.0f} epochs/s")
        print(f"  train loss {_shown(m['train_loss'], '.5g')}   test loss {_shown(m['test_loss'], '.5g')}")
        if metric == "accuracy":
            print(f"  train accuracy {_shown(m['train_accuracy'], '.1%')}   "
                  f"test accuracy {_shown(m['test_accuracy'], '.1%')}")
        else:
            print(f"  train R² {_shown(m['train_r2'], '.4f')}   test R² {_shown(m['test_r2'], '.4f')}")
        if m.get("sequence_accuracy") is not None and math.isfinite(m["sequence_accuracy"]):
            print(f"  test sequences entirely right {m['sequence_accuracy']:.1%}")
        norms = ", ".join(f"{v:.2e}" for v in m["layer_gradient_norms"])
        order = " (first hidden first)" if len(m["layer_gradient_norms"]) > 1 else ""
        print(f"  mean |∂J/∂w| per layer{order}: {norms}")
        through_time = [v for v in m.get("time_gradient_norms", []) if v is not None]
        if through_time:
            shown = ", ".join(f"{v:.1e}" for v in through_time[:8])
            more = ", …" if len(through_time) > 8 else ""
            print(f"  mean |∂J/∂h| per step back in time (newest first): {shown}{more}")
        if m["dead_relu_fraction"]:
            print(f"  dead ReLUs: {m['dead_relu_fraction']:.0%}")
        if m["diverged"]:
            print(f"  diverged: {m['divergence']}")
        if m.get("warning"):
            print(f"  warning: {m['warning']}")
        if args.save:
            print(f"  saved {args.save}")
    return 0


def cmd_check(args) -> int:
    p = Path(args.file)
    try:
        doc = load(p)
    except DocumentError as exc:
        for e in (exc.errors if args.all else [str(exc)]):
            print(f"nnsim: error: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    n, e = len(doc["network"]["nodes"]), len(doc["network"]["edges"])
    # data that contradicts the network is an error; an unfinished drawing only a warning
    error = class_mismatch(doc) or _data_problem(doc, p.resolve().parent)
    for w in training_problems(doc):
        if w != error:
            print(f"nnsim: warning: {p.name}: {w}", file=sys.stderr)
    if error:
        print(f"nnsim: error: {p.name}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    delayed = sum(1 for edge in doc["network"]["edges"] if edge.get("delay"))
    kind = f", {delayed} delayed: recurrent" if delayed else ""
    print(f"{p.name}: valid nnsim document ({_count(n, 'neuron')}, {_count(e, 'connection')}{kind})")
    return 0


def _data_problem(doc: dict, base_dir: Path) -> str | None:
    """What is wrong with the CSV file a document trains on (missing, a column absent, text
    where numbers belong, columns or classes that do not fit the network) or with its
    inline sequences (no training target), or None: read as training reads it, so
    ``check`` passes only what ``train`` accepts."""
    from .engine import datasets
    from .engine.trainer import Trainer
    data = doc.get("data") or {}
    if "csv" not in data and not isinstance(data.get("sequences"), list):
        return None
    try:
        datasets.from_spec(data, base_dir, doc.get("training", {}).get("loss"))
        if not training_problems(doc):        # an unfinished drawing is only a warning
            Trainer.from_document(doc, base_dir=base_dir)
    except (ValueError, KeyError, OSError) as exc:
        return f"data: {exc}"
    return None


def _count(n: int, noun: str) -> str:
    """"1 neuron", "2 neurons", "0 connections"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_lessons(args) -> int:
    infos = lessons.all_info()
    width = max((len(i.id) for i in infos), default=0)
    for info in infos:
        line = info.description.split(". ")[0].rstrip(".") if info.description else info.title
        print(f"{info.id:<{width}}  {info.title} — {line}")
    return 0


def _qt_for_export() -> None:
    """A QApplication (the figures are widget-based scenes), offscreen when there is no
    display; the libraries it needs are checked first, with a one-line message."""
    from .ui.platform_check import choose_platform
    problem = choose_platform(headless_ok=True)
    if problem:
        raise UsageError(" ".join(problem.split()))
    from .ui.application import make_app
    make_app([sys.argv[0] if sys.argv else "nnsim"])


def cmd_export(args) -> int:
    if args.code or args.view is None:
        return _export_code(args)
    doc, base, label = resolve(args.target)
    _qt_for_export()
    from . import export
    options = export.FigureOptions(view=args.view, width_in=args.width, height_in=args.height,
                                   dpi=args.dpi if args.dpi is not None else export.DEFAULT_DPI,
                                   transparent=args.transparent, theme=args.theme,
                                   legend=not args.no_legend, color_by=args.color_by)
    try:
        export.check_writable(args.out)
        if export.format_of(args.out) in export.ANIMATION_FORMATS:
            options = export.animation_options(options, args.dpi is not None)
        out = export.export_document(doc, base, args.out, options, epochs=args.epochs,
                                     frames=args.frames, animate=args.animate, label=label)
    except export.ExportError as exc:
        raise UsageError(str(exc)) from None
    print(f"{label}: wrote {out}")
    return 0


def _export_code(args) -> int:
    """``export --code``: the network as a program (``code_command``)."""
    if args.view is not None:
        raise UsageError("export: --view draws a figure, --code writes a program: give one of them")
    if args.code is None:
        raise UsageError("export: give --view (a figure) or --code (a program)")
    from . import code_command
    return code_command.run(args, resolve, UsageError)


def _compare_variants(args, doc: dict, base, label: str):
    """The variants the options ask for (or the document's own ``compare`` block) and the
    epochs to train; UsageError for a bad list."""
    from .document import compare as doc_compare
    declared = doc_compare.declared(doc)
    lists = (("seeds", "--seeds", args.seeds), ("learning_rates", "--learning-rates", args.learning_rates),
             ("activations", "--activations", args.activations))
    variants = None
    for kind, option, text in lists:
        if text is not None:
            try:
                variants = doc_compare.variants(doc, kind, doc_compare.parse(kind, text))
            except ValueError as exc:
                raise UsageError(f"{option}: {exc}") from None
    if args.documents is not None:
        others = []
        for target in args.documents:
            other, folder, other_label = resolve(target)
            problems = training_problems(other)
            if problems:
                raise UsageError(f"{other_label}: cannot train: {problems[0]}")
            others.append((other_label.removeprefix("lesson "), other, folder))
        try:
            variants = doc_compare.document_variants(doc, label.removeprefix("lesson "), others, base)
        except ValueError as exc:
            raise UsageError(f"--documents: {exc}") from None
    if variants is None:
        if declared is None:
            raise UsageError(f"{label}: say what to vary: --seeds, --learning-rates, --activations "
                             "or --documents (this document declares no comparison)")
        variants = doc_compare.variants(doc, declared.kind, declared.values)
    epochs = args.epochs
    if epochs is None:
        epochs = declared.epochs if declared is not None and declared.epochs else \
            int(doc.get("lesson", {}).get("epochs", 100))
    if epochs < 0:
        raise UsageError("--epochs must be 0 or more")
    return variants, epochs


def cmd_compare(args) -> int:
    from .document.compare import refusal
    from .engine.compare import Comparison
    doc, base, label = resolve(args.target)
    if refusal(doc):
        raise UsageError(f"{label}: {refusal(doc)}")
    problems = training_problems(doc)
    if problems:
        raise UsageError(f"{label}: cannot train: {problems[0]}")
    variants, epochs = _compare_variants(args, doc, base, label)
    for v in variants:
        if refusal(v.doc):
            raise UsageError(f"{v.label}: {refusal(v.doc)}")
    export = options = None
    if args.out:
        _qt_for_export()
        from . import export
        options = export.FigureOptions(view="compare", dpi=args.dpi if args.dpi is not None else export.DEFAULT_DPI,
                                       theme=args.theme)
        try:
            export.check_writable(args.out)
            if export.format_of(args.out) not in export.STATIC_FORMATS:
                raise export.ExportError(f"{args.out}: the comparison is a figure: use .svg, .pdf or .png")
            options.check()
        except export.ExportError as exc:
            raise UsageError(str(exc)) from None
    try:
        comparison = Comparison(variants, base_dir=base)
    except (ValueError, KeyError, OSError) as exc:
        raise UsageError(f"{label}: {exc}") from None
    t0 = time.perf_counter()
    comparison.train_to(epochs)
    seconds = time.perf_counter() - t0
    results = comparison.results()
    if args.json:
        print(json.dumps({"epochs": epochs, "seconds": seconds,
                          "variants": [{k: _finite(v) if not isinstance(v, list) else [_finite(x) for x in v]
                                        for k, v in r.items()} for r in results]}))
    else:
        snap = comparison.snapshot(target_epochs=epochs, surfaces=False)
        print(f"{label}: {len(results)} variants, {epochs} epochs in {seconds:.2f} s "
              f"(trained as {len(comparison.groups)} group{'s' * (len(comparison.groups) > 1)})")
        metric = "test accuracy" if snap.variants[0].metric_name == "accuracy" else "test R²"
        width = max(len(r["label"]) for r in results)
        print(f"  {'':<{width}}  {'train loss':>11}  {'test loss':>11}  {metric:>13}")
        for r, v in zip(results, snap.variants):
            value = v.test_metric
            shown = "—" if not math.isfinite(value) else (f"{value:.1%}" if v.metric_name == "accuracy" else f"{value:.4f}")
            note = {"stuck": "   stuck", "behind": "   behind", "diverged": f"   diverged in epoch {v.diverged.epoch}" if v.diverged else ""}.get(v.status, "")
            print(f"  {r['label']:<{width}}  {r['train_loss']:>11.5g}  {r['test_loss']:>11.5g}  {shown:>13}{note}")
    if args.out:
        try:
            out = export.export_comparison(comparison.snapshot(target_epochs=epochs), args.out, options,
                                           title=doc.get("title") or label)
        except export.ExportError as exc:
            raise UsageError(str(exc)) from None
        if not args.json:
            print(f"  wrote {out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="nnsim", description="Visual neural-network simulator (headless commands)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    t = sub.add_parser("train", help="train a document or lesson headless and print its metrics")
    t.add_argument("target", metavar="FILE|LESSON")
    t.add_argument("--epochs", type=int, help="epochs to train (default: the lesson's, or 100)")
    t.add_argument("--json", action="store_true", help="print one JSON object")
    t.add_argument("--save", metavar="OUT", help="save the trained network to OUT")
    t.set_defaults(func=cmd_train)
    c = sub.add_parser("check", help="validate a document")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--all", action="store_true", help="list every problem, one per line")
    c.set_defaults(func=cmd_check)
    ls = sub.add_parser("lessons", help="list the built-in lessons")
    ls.set_defaults(func=cmd_lessons)
    e = sub.add_parser("export", help="train headless, then write a figure (.svg .pdf .png) "
                       "or an animation (.gif .mp4) of a view, or the network as code (.py .ipynb)")
    e.add_argument("target", metavar="FILE|LESSON")
    e.add_argument("--view",
                   choices=("network", "surface", "activations", "loss", "gradients", "slide", "compare",
                            "unrolled", "sequence", "time-gradients"),
                   help="what to draw; slide: network, surface and loss on a 16:9 page; compare: the "
                        "document's comparison (its compare block, else seeds 0-7) trained side by side; "
                        "recurrent networks on sequences: unrolled (the network copied over the last "
                        "steps), sequence (one sequence over time), time-gradients (the gradient per step back)")
    e.add_argument("--out", required=True, metavar="PATH",
                   help="output file; its extension picks the format: .svg .pdf .png .gif .mp4")
    e.add_argument("--epochs", type=int, metavar="N",
                   help="epochs to train first (default: the lesson's, or 100; none for a file "
                        "saved after training, which goes on from where it stopped); for .gif/.mp4 "
                        "the training the animation shows")
    e.add_argument("--dpi", type=float, metavar="D", help="PNG/GIF/MP4 resolution (default 300; for "
                   "animations 160, or 96 for a slide)")
    e.add_argument("--width", type=float, metavar="IN", help="width in inches (default: the view's)")
    e.add_argument("--height", type=float, metavar="IN", help="height in inches (default: the view's)")
    e.add_argument("--transparent", action="store_true", help="no background (PNG, SVG, PDF, GIF); "
                   "on a dark slide use it with --theme dark")
    e.add_argument("--theme", choices=("light", "dark"), default="light",
                   help="colours of the figure (default light, for print), whatever the app uses")
    e.add_argument("--frames", type=int, metavar="K", help="frames of an animation (default 30 for "
                   "training, 6 per phase for a step)")
    e.add_argument("--animate", choices=("training", "step"),
                   help="animation of the training (default) or of one step, phase by phase (on a "
                        "recurrent network: through time, step by step; --view network or unrolled)")
    e.add_argument("--no-legend", action="store_true", help="leave out the network's legend")
    e.add_argument("--color-by", choices=("gradient", "weight"), default="gradient",
                   help="edge colour: the gradient ∂J/∂w (default) or the weight")
    from . import code_command
    code_command.add_options(e)
    e.set_defaults(func=cmd_export)
    m = sub.add_parser("compare", help="train variants of a document side by side (seeds, learning "
                       "rates, activations, other documents) and print each one's result")
    m.add_argument("target", metavar="FILE|LESSON")
    vary = m.add_mutually_exclusive_group()
    vary.add_argument("--seeds", metavar="LIST", help="seeds, e.g. 0-15 or 0,3,7")
    vary.add_argument("--learning-rates", metavar="LIST", help="learning rates, e.g. 0.01,0.1,1,10")
    vary.add_argument("--activations", metavar="LIST", help="the hidden neurons' activation, e.g. step,sigmoid")
    vary.add_argument("--documents", nargs="+", metavar="FILE", help="other documents to train beside this one")
    m.add_argument("--epochs", type=int, metavar="N", help="epochs to train (default: the comparison's, "
                   "the lesson's, or 100)")
    m.add_argument("--json", action="store_true", help="print one JSON object")
    m.add_argument("--out", metavar="FIGURE", help="also write the comparison figure (.svg .pdf .png)")
    m.add_argument("--dpi", type=float, metavar="D", help="PNG resolution (default 300)")
    m.add_argument("--theme", choices=("light", "dark"), default="light", help="colours of the figure")
    m.set_defaults(func=cmd_compare)
    return p


def main(argv: Sequence[str]) -> int:
    try:
        args = build_parser().parse_args(list(argv))
        return args.func(args)
    except UsageError as exc:
        print(f"nnsim: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except DocumentError as exc:
        print(f"nnsim: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:       # output piped into `head` and closed: not an error
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except Exception as exc:  # a bug: say so in one line; NNSIM_DEBUG=1 shows where
        if os.environ.get("NNSIM_DEBUG"):
            raise
        print(f"nnsim: internal error: {type(exc).__name__}: {exc} "
              "(please report it; NNSIM_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 1
