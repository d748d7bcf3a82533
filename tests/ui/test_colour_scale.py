"""The gradient colour scale: steady while mini-batch gradients jump, honest when they grow."""
from types import SimpleNamespace

import numpy as np

from simulator.render import encoding
from simulator.render.network import NetworkScene


def test_nice_steady_scale():
    assert encoding.steady_scale(None, 1.173e-3) == 1.2e-3
    assert encoding.steady_scale(1.2e-3, 0.8e-3) == 1.2e-3      # within 60 %: kept
    assert encoding.steady_scale(1.2e-3, 0.5e-3) == 5e-4        # far below: follows
    assert encoding.steady_scale(1.2e-3, 1.3e-3) == 1.5e-3      # above: follows at once


def test_gradient_scale_holds_through_noisy_batches_and_restarts_on_reset(qapp):
    scene = NetworkScene()
    scene._scaled_gradients = True
    rng = np.random.default_rng(0)
    scales = []
    for epoch in range(1, 61):          # each batch's largest gradient between 1e-4 and 1e-2
        g = rng.normal(size=6) * 10 ** rng.uniform(-4, -2)
        scene.color_scale = scene._gradient_scale(SimpleNamespace(revision=1, epoch=epoch), g)
        scales.append(scene.color_scale)
        assert np.abs(g).max() <= scene.color_scale * (1 + 1e-9)   # never clipped
    assert len(set(scales)) <= 12       # not a new scale (and legend) every frame
    # a reset (the epoch goes back) starts from the new gradients, not the old peak
    scale = scene._gradient_scale(SimpleNamespace(revision=1, epoch=0), np.full(6, 1e-6))
    assert scale == 1e-6
    # no gradient yet: the neutral scale
    assert scene._gradient_scale(SimpleNamespace(revision=1, epoch=0), np.zeros(6)) == 1.0
