"""The step through time's arithmetic, as the animation shows it: what each step adds to a
shared weight's gradient sums to the gradient the engine computed."""
import numpy as np

from simulator.document import lessons
from simulator.engine.trainer import Trainer
from simulator.render.step_frames import phases_of
from simulator.render.time_frames import sequence_length, step_contributions


def test_each_steps_share_of_the_gradient_sums_to_the_gradient(qapp):
    doc = lessons.load_lesson("echo")               # no L1/L2 penalty, no clipping
    t = Trainer.from_document(doc, base_dir=lessons.LESSONS_DIR)
    t.run(epochs=1)
    for kind in ("sample", "batch"):
        trace = t.trace_step(kind=kind)
        snap = t.snapshot()
        shares = step_contributions(trace, snap)
        assert shares.shape == (20, len(snap.edges))
        assert np.allclose(shares.sum(axis=0), trace.grads, rtol=1e-9, atol=1e-12)
        delayed = np.flatnonzero(snap.delays)
        assert np.all(shares[0, delayed] == 0)       # nothing comes from before the first step
        phases = phases_of(trace)
        assert sequence_length(trace) == 20 and len(phases) == 42 and all(p.time for p in phases)
