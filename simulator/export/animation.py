"""Animations: training over N epochs, or one training step played phase by phase, as GIF
(Pillow) or MP4 (the optional imageio-ffmpeg). Frame timing is fixed and training is
seeded, so the same request gives the same file, byte for byte (GIF)."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtGui import QImage

from ..engine.trainer import Trainer
from ..render.step_frames import phases_of
from .figures import build_figure
from .options import ExportError, FigureOptions, tr
from .state import ExportState, state_of
from .writers import render_image

DEFAULT_TRAINING_FRAMES = 30
DEFAULT_STEP_FRAMES_PER_PHASE = 6
DEFAULT_TIME_FRAMES_PER_PHASE = 2     # through time: many phases (two per step), each short
TRAINING_FRAME_MS = 150
STEP_MOVE_MS = 80          # the signal travelling along the edges
STEP_HOLD_MS = 1100        # each phase's end, values shown: time to read them
TIME_HOLD_MS = 450         # ... a step through time (the next step shows the same values moved on)
LAST_FRAME_MS = 2000       # the end state, before the loop starts again
MP4_FPS = 25
MP4_HINT = 'MP4 needs the optional imageio-ffmpeg: pip install -e ".[mp4]" (or export a .gif)'


@dataclass(frozen=True)
class Frame:
    image: QImage
    duration_ms: int


class Animation:
    """``count`` frames, drawn one at a time as they are iterated (a dialog shows progress
    and can stop between two frames)."""

    count: int = 0

    def __iter__(self) -> Iterator[Frame]:
        raise NotImplementedError

    def __len__(self) -> int:
        return self.count


def _even(size: tuple[int, int]) -> tuple[int, int]:
    return size[0] - size[0] % 2, size[1] - size[1] % 2


class TrainingAnimation(Animation):
    """``frames`` frames spread evenly over ``epochs`` epochs of training, the first before
    any (the trainer is advanced as the frames are drawn)."""

    def __init__(self, trainer: Trainer, doc: Mapping, options: FigureOptions, epochs: int,
                 frames: int = DEFAULT_TRAINING_FRAMES, base: ExportState | None = None,
                 title: str | None = None):
        options.check()
        if frames < 2:
            raise ExportError(tr("an animation needs at least 2 frames"))
        self.trainer, self.doc, self.options, self.base, self.title = trainer, doc, options, base, title
        start = trainer.epoch
        self.marks = start + np.rint(np.linspace(0, max(epochs, 0), frames)).astype(int)
        self.count = frames

    def _state(self) -> ExportState:
        fresh = state_of(self.trainer, self.doc, self.title)
        # keep the window's choices (activations, log scale…), show the new numbers; the
        # curves grow along a fixed epoch axis instead of the axis rescaling every frame
        base = fresh if self.base is None else self.base.with_(snapshot=fresh.snapshot, data=fresh.data)
        return base.with_(epoch_axis=int(self.marks[-1]))

    def __iter__(self) -> Iterator[Frame]:
        fig = None
        size = self.options.pixel_size()
        try:
            for k, epoch in enumerate(self.marks):
                if epoch > self.trainer.epoch:
                    self.trainer.run(epochs=int(epoch - self.trainer.epoch))
                state = self._state()
                if fig is None:
                    fig = build_figure(self.options, state, self.title)
                else:
                    fig.update(state)
                fig.progress = k / (self.count - 1)
                last = k == self.count - 1
                yield Frame(render_image(fig, size, self.options.dpi),
                            LAST_FRAME_MS if last else TRAINING_FRAME_MS)
        finally:
            if fig is not None:
                fig.close()


class StepAnimation(Animation):
    """One training step on the next sample, phase by phase: the forward pass layer by
    layer, the loss, the backward pass, the update (the app's step animation). A recurrent
    network on sequences: one sequence, forward step by step through time and back (on
    the drawing, or with ``view="unrolled"`` on the unrolled network)."""

    def __init__(self, trainer: Trainer, doc: Mapping, options: FigureOptions,
                 frames: int | None = None, base: ExportState | None = None, title: str | None = None):
        options = options.with_(view="unrolled" if options.view == "unrolled" else "network")
        options.check()
        if trainer.diverged is not None:
            raise ExportError(tr("cannot animate a step: %1").replace("%1", trainer.diverged.message))
        if trainer.n_train == 0:
            raise ExportError(tr("cannot animate a step: there is no training data"))
        self.trace = trainer.trace_step(kind="sample")
        state = state_of(trainer, doc, title)
        self.state = state if base is None else base.with_(snapshot=state.snapshot, data=state.data)
        self.options, self.title = options, title
        self.phases = phases_of(self.trace)
        n = len(self.phases)
        self.through_time = bool(self.phases and self.phases[0].time)
        per_phase = DEFAULT_TIME_FRAMES_PER_PHASE if self.through_time else DEFAULT_STEP_FRAMES_PER_PHASE
        frames = n * per_phase if frames is None else frames
        if frames < 2:
            raise ExportError(tr("an animation needs at least 2 frames"))
        # (phase, progress) of every frame: each phase ends on a frame at progress 1, where
        # the neurons show their values; fewer frames than phases keeps the phases' ends
        if frames < n:
            picks = np.rint(np.linspace(0, n - 1, frames)).astype(int)
            self.plan = [(int(i), 1.0) for i in picks]
        else:
            per = [frames // n + (1 if i < frames % n else 0) for i in range(n)]
            self.plan = [(i, (j + 1) / m) for i, m in enumerate(per) for j in range(m)]
        self.count = len(self.plan)

    def __iter__(self) -> Iterator[Frame]:
        fig = build_figure(self.options, self.state, self.title)
        panel = fig.panels[0]
        panel.step_mode = True
        size = self.options.pixel_size()
        try:
            for k, (phase, progress) in enumerate(self.plan):
                panel.show_phase(self.trace, self.state.snapshot, self.phases, phase, progress)
                fig.progress = k / (self.count - 1)
                if k == self.count - 1:
                    ms = LAST_FRAME_MS
                else:
                    hold = TIME_HOLD_MS if self.through_time else STEP_HOLD_MS
                    ms = hold if progress >= 1.0 else STEP_MOVE_MS
                yield Frame(render_image(fig, size, self.options.dpi), ms)
        finally:
            fig.close()


# writers ---------------------------------------------------------------------------------------
def _rgba(image: QImage) -> np.ndarray:
    """(h, w, 4) uint8, not premultiplied (semi-transparent edges keep their colour)."""
    img = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w, bpl = img.height(), img.width(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=h * bpl).reshape(h, bpl)
    return buf[:, : 4 * w].reshape(h, w, 4).copy()


def _gif_frame(image: QImage, transparent: bool) -> Image.Image:
    """One palette image: 256 colours by median cut, no dithering (flat colours stay flat
    and the file stays small); with ``transparent`` the last index is the clear one."""
    rgba = _rgba(image)
    rgb = Image.fromarray(np.ascontiguousarray(rgba[..., :3]), "RGB")
    if not transparent:
        return rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    pal = rgb.quantize(colors=255, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    idx = np.array(pal)
    idx[rgba[..., 3] < 128] = 255            # GIF transparency is one bit: threshold at half
    out = Image.fromarray(idx, "P")
    palette = (pal.getpalette() or [])[: 3 * 255]
    out.putpalette(palette + [0] * (768 - len(palette)))
    out.info["transparency"] = 255
    return out


Progress = Callable[[int, int], bool]      # (frames done, total) -> go on?


def write_gif(animation: Animation, path: str | Path, transparent: bool = False,
              progress: Progress | None = None) -> bool:
    """Draw and save every frame; False (and no file) when ``progress`` says stop."""
    frames, durations = [], []
    for k, frame in enumerate(animation):
        frames.append(_gif_frame(frame.image, transparent))
        durations.append(frame.duration_ms)
        if progress is not None and not progress(k + 1, animation.count):
            return False
    if not frames:
        raise ExportError(tr("the animation has no frames"))
    extra = {"transparency": 255, "disposal": 2} if transparent else {"disposal": 1}
    try:
        frames[0].save(str(path), format="GIF", save_all=True, append_images=frames[1:],
                       duration=durations, loop=0, optimize=False, **extra)
    except OSError as exc:
        raise ExportError(tr("cannot write %1: %2").replace("%1", str(path))
                          .replace("%2", exc.strerror or str(exc))) from None
    return True


def mp4_available() -> bool:
    try:
        import imageio_ffmpeg  # noqa: F401
    except ImportError:
        return False
    return True


def write_mp4(animation: Animation, path: str | Path, progress: Progress | None = None) -> bool:
    """H.264 at a constant 25 frames per second (each frame repeated for its duration)."""
    try:
        import imageio_ffmpeg
    except ImportError:
        raise ExportError(MP4_HINT) from None
    writer = None
    try:
        for k, frame in enumerate(animation):
            rgba = _rgba(frame.image)
            h, w = _even(rgba.shape[1::-1])[::-1]   # H.264 in yuv420p wants even sides
            rgb = np.ascontiguousarray(rgba[:h, :w, :3])
            if writer is None:
                writer = imageio_ffmpeg.write_frames(
                    str(path), (w, h), fps=MP4_FPS, codec="libx264", pix_fmt_in="rgb24",
                    pix_fmt_out="yuv420p", macro_block_size=1, ffmpeg_log_level="error",
                    output_params=["-movflags", "+faststart"])
                writer.send(None)
            for _ in range(max(1, round(frame.duration_ms * MP4_FPS / 1000))):
                writer.send(rgb.tobytes())
            if progress is not None and not progress(k + 1, animation.count):
                writer.close()
                writer = None
                Path(path).unlink(missing_ok=True)
                return False
    except (OSError, RuntimeError) as exc:
        raise ExportError(tr("cannot write %1: %2").replace("%1", str(path)).replace("%2", str(exc))) from None
    finally:
        if writer is not None:
            writer.close()
    return True
