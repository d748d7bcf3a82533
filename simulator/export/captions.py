"""The short texts a figure shows about the state it draws: epoch, losses, accuracy or R²."""
from __future__ import annotations

import math

from ..render.epoch_text import with_progress
from ..render.network import fmt
from .options import tr


def epoch_text(snap) -> str:
    """“epoch 200”, or “epoch 0 · 120/200 samples” inside an epoch (a figure of a step)."""
    return with_progress(tr("epoch %1").replace("%1", str(snap.epoch)), snap)


def loss_text(snap) -> str:
    """“train / test loss 0.031 / 0.045”, or "" before any epoch."""
    if not snap.epoch or not math.isfinite(snap.train_loss):
        return ""
    test = fmt(snap.test_loss, 3) if math.isfinite(snap.test_loss) else "—"
    return tr("train / test loss %1 / %2").replace("%1", fmt(snap.train_loss, 3)).replace("%2", test)


def metric_text(snap) -> str:
    """“test accuracy 97.5%” or “test R² 0.981”, or "" before any epoch."""
    if not snap.epoch or not math.isfinite(snap.test_metric):
        return ""
    if snap.metric_name == "accuracy":
        return tr("test accuracy %1").replace("%1", f"{snap.test_metric:.1%}")
    return tr("test R² %1").replace("%1", f"{snap.test_metric:.3f}")


def join(*parts: str) -> str:
    return "  ·  ".join(p for p in parts if p)


def metrics_line(snap) -> str:
    """“epoch 200  ·  train / test loss 0.031 / 0.045  ·  test accuracy 97.5%”."""
    if snap is None:
        return tr("not trained")
    return join(epoch_text(snap), loss_text(snap), metric_text(snap),
                tr("diverged") if snap.diverged is not None else "")
