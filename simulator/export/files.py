"""One entry point per kind of output, shared by the window and the command line."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..engine.trainer import Trainer
from .animation import (DEFAULT_TRAINING_FRAMES, MP4_HINT, Animation, Progress, StepAnimation,
                        TrainingAnimation, mp4_available, write_gif, write_mp4)
from .figures import build_figure
from .options import (ANIMATION_DEFAULT_DPI, ANIMATION_DPI, ANIMATIONS, SEQUENCE_VIEWS, STATIC_FORMATS,
                      ExportError, FigureOptions, check_writable, format_of, tr)
from .state import ExportState, default_epochs, default_figure_epochs, make_trainer, state_of, trained_comparison
from .writers import write_pdf, write_png, write_svg


def check_view(view: str, data, animate: str | None = None) -> None:
    """ExportError when the view (or animation) cannot show these data: sequences have no
    input plane; the unrolled, sequence and time-gradient views need sequences; a step
    animation shows the network (or, on sequences, the unrolled network)."""
    sequence = getattr(data, "is_sequence", False)
    if animate == "step" and view not in ("network", "unrolled"):
        raise ExportError(tr("a step animation shows the network: use --view network") if not sequence else
                          tr("a step animation shows the network: use --view network or unrolled"))
    if not sequence:
        if view in SEQUENCE_VIEWS:
            raise ExportError(tr("the %1 view shows a recurrent network on sequences, and these data are "
                                 "points: use it with a recurrent lesson or a sequence task").replace("%1", view))
        return
    if view == "surface":
        raise ExportError(tr("the surface view shows an input plane, which sequence data do not "
                             "have: use --view network, loss, gradients or slide"))


def export_figure(state: ExportState, path: str | Path, options: FigureOptions,
                  title: str | None = None) -> Path:
    """Write ``state`` as a figure; the format is the file's extension (.svg .pdf .png)."""
    check_view(options.view, state.data)
    p = check_writable(path)
    fmt = format_of(p)
    if fmt not in STATIC_FORMATS:
        raise ExportError(tr("%1 is an animation format: export an animation instead")
                          .replace("%1", f".{fmt}"))
    with build_figure(options, state, title) as fig:
        if fmt == "svg":
            write_svg(fig, p)
        elif fmt == "pdf":
            write_pdf(fig, p, options.size_in())
        else:
            write_png(fig, p, options)
    return p


def export_comparison(snapshot, path: str | Path, options: FigureOptions, title: str = "") -> Path:
    """Write a comparison (an engine ComparisonSnapshot) as a figure (.svg .pdf .png)."""
    state = ExportState(doc={}, snapshot=None, data=None, title=title, comparison=snapshot)
    return export_figure(state, path, options.with_(view="compare"))


def make_animation(trainer: Trainer, doc: Mapping, options: FigureOptions, kind: str = "training",
                   epochs: int = 0, frames: int | None = None, base: ExportState | None = None,
                   title: str | None = None) -> Animation:
    """Training over ``epochs`` epochs (advancing ``trainer``), or one step of it."""
    if kind not in ANIMATIONS:
        raise ExportError(tr("unknown animation %1 (training or step)").replace("%1", f'"{kind}"'))
    check_view(options.view, trainer.data, kind)
    if kind == "step":
        return StepAnimation(trainer, doc, options, frames, base, title)
    return TrainingAnimation(trainer, doc, options, epochs,
                             DEFAULT_TRAINING_FRAMES if frames is None else frames, base, title)


def export_animation(animation: Animation, path: str | Path, options: FigureOptions,
                     progress: Progress | None = None) -> bool:
    """Write an animation (.gif, .mp4); False if ``progress`` cancelled it (no file left)."""
    p = check_writable(path)
    fmt = format_of(p)
    if fmt == "gif":
        done = write_gif(animation, p, options.transparent, progress)
    elif fmt == "mp4":
        done = write_mp4(animation, p, progress)
    else:
        raise ExportError(tr("%1 is a still format: use .gif or .mp4 for an animation")
                          .replace("%1", f".{fmt}"))
    if not done:
        p.unlink(missing_ok=True)
    return done


def export_document(doc: Mapping, base_dir, out: str | Path, options: FigureOptions,
                    epochs: int | None = None, frames: int | None = None, animate: str | None = None,
                    label: str = "") -> Path:
    """The command line's export: check everything, train the document headless (seeded),
    then draw the figure or the animation."""
    p = check_writable(out)
    fmt = format_of(p)
    options.check()
    if epochs is not None and epochs < 0:
        raise ExportError(tr("--epochs must be 0 or more"))
    still = fmt in STATIC_FORMATS
    if options.view == "compare":
        if not still:
            raise ExportError(tr("the comparison is a still figure: use .svg, .pdf or .png"))
        if frames is not None or animate is not None:
            raise ExportError(tr("--frames and --animate are for animations (.gif, .mp4)"))
        snap = trained_comparison(doc, base_dir, epochs, label)
        state = ExportState(doc=doc, snapshot=None, data=None, title=doc.get("title", ""), comparison=snap)
        return export_figure(state, p, options)
    if epochs is None:          # an animation of a trained file trains on from where it stopped
        epochs = default_figure_epochs(doc) if still else default_epochs(doc)
    if still and frames is not None:
        raise ExportError(tr("--frames is for animations (.gif, .mp4)"))
    if still and animate is not None:
        raise ExportError(tr("--animate is for animations (.gif, .mp4)"))
    animate = animate or "training"
    if frames is not None and frames < 2:
        raise ExportError(tr("--frames must be 2 or more"))
    if fmt == "mp4" and not mp4_available():
        raise ExportError(MP4_HINT)
    trainer = make_trainer(doc, base_dir, label)
    check_view(options.view, trainer.data, None if still else animate)
    if still:
        trainer.run(epochs=epochs)
        return export_figure(state_of(trainer, doc), p, options)
    if fmt == "mp4":
        options = options.with_(transparent=False)      # H.264 has no alpha
    if animate == "step":
        trainer.run(epochs=epochs)          # the step after N epochs of training
    export_animation(make_animation(trainer, doc, options, animate, epochs, frames), p, options)
    return p


def animation_options(options: FigureOptions, dpi_given: bool) -> FigureOptions:
    """Animations are for screens: a lower default resolution than print."""
    if dpi_given:
        return options
    return options.with_(dpi=ANIMATION_DPI.get(options.view, ANIMATION_DEFAULT_DPI))
