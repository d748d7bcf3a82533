"""The Gradient through time panel: how much of the newest error reaches each step back
(mean |∂J/∂h| over the hidden neurons, log scale), live while training — the vanishing
gradient of the lecture, now through time."""
from __future__ import annotations

from ...render import encoding
from ...render.network import fmt
from ...render.sequence_plots import TimeGradientPlot
from .charts import ChartPanel


class TimeGradientPanel(ChartPanel):
    def __init__(self, theme: str = "light", parent=None):
        super().__init__(TimeGradientPlot(encoding.theme(theme)), theme, parent)
        self.key.setVisible(False)          # one curve: the axes name it

    def set_snapshot(self, snap) -> None:
        self.snapshot = snap
        norms = getattr(snap, "time_gradient_norms", None)
        self.plot.set_norms(norms)
        if norms is None or not len(norms):
            self.summary.setText(self.tr("The gradient through time appears once a recurrent network "
                                         "trains on sequences."))
            return
        values = " · ".join(f"{k}: {fmt(float(norms[k]), 1)}" for k in (0, 1, 2, 4, 8, 16) if k < len(norms))
        text = self.tr("mean |∂J/∂h| k steps back from the last target — %1").replace("%1", values)
        self.summary.setText("\n".join(self.plot.notes + [text]))
