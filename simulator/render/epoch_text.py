"""How far a run has gone inside its epoch, in the words the epoch counter, the loss
panel and the figures share. The charts draw a mini-batch at the fraction of an epoch it
ends (0.6: 120 of the 200 training samples used), so the counter says it the same way:
“epoch 0000” over “120/200 samples”."""
from __future__ import annotations

from ..translate import tr


def within_epoch(snap) -> str:
    """“120/200 samples” of the epoch under way (“sequences” for sequence data); "" at
    an epoch's boundary and for an earlier epoch shown by the history slider."""
    position, n = getattr(snap, "epoch_position", 0), getattr(snap, "n_train", 0)
    if not position or not n or getattr(snap, "present_epoch", None) is not None:
        return ""
    text = tr("%1/%2 sequences") if getattr(snap, "sequence", None) is not None else tr("%1/%2 samples")
    return text.replace("%1", str(position)).replace("%2", str(n))


def with_progress(epoch_text: str, snap) -> str:
    """``epoch_text`` (“epoch 0”) followed by the progress inside the epoch, if any."""
    within = within_epoch(snap)
    return f"{epoch_text} · {within}" if within else epoch_text
