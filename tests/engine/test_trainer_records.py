"""What the trainer keeps for drawing: per-mini-batch records of a young run, the mean
gradient the edges are coloured by, and checkpoints of earlier epochs shown again."""
import numpy as np
import pytest

from simulator.document import lessons, mitigations
from simulator.engine.trainer import Trainer


def trainer(lesson_id, doc=None):
    return Trainer.from_document(doc or lessons.load_lesson(lesson_id), base_dir=lessons.LESSONS_DIR)


def layer_means(net, grads: dict) -> np.ndarray:
    """Mean |∂J/∂w| per layer (by the layer of each weight's target), from the public API."""
    sums, counts = np.zeros(net.n_layers - 1), np.zeros(net.n_layers - 1)
    for (s, t), g in grads.items():
        k = net.layer_of[t] - 1
        sums[k] += abs(g)
        counts[k] += 1
    return sums / counts


# per-step records -------------------------------------------------------------------------------
def test_a_run_diverging_in_its_first_epoch_records_every_step_before_it():
    t = trainer("exploding-gradient")
    t.run(epochs=30)
    assert t.diverged is not None and t.diverged.epoch == 1
    rec = t.step_history()
    finite = np.isfinite(rec.grad_norms).all(axis=1)
    assert finite.sum() >= 3 and np.all(rec.epoch < 1)          # inside the first epoch
    assert list(rec.step[:4]) == [1, 2, 3, 4]
    assert rec.epoch[:4] == pytest.approx([0.05, 0.10, 0.15, 0.20])   # 10 of 200 rows a step
    first = rec.grad_norms[finite][:, 0]
    assert first[-1] > 1e100 * first[0]                           # the blow-up, step by step
    assert np.all(np.diff(rec.loss[finite]) > 0)
    snap = t.snapshot()
    assert np.array_equal(snap.step_history.step, rec.step)
    # step 1's record is the gradient of its mini-batch, computed independently
    fresh = trainer("exploding-gradient")
    rows = fresh._perm[:fresh.batch_size]
    loss, grads = fresh.net.loss_and_gradients(fresh.data.x_train[rows], fresh.data.y_train[rows],
                                               classification=True)
    assert rec.loss[0] == pytest.approx(loss, rel=1e-9)
    assert rec.grad_norms[0] == pytest.approx(layer_means(fresh.net, grads.weights), rel=1e-9)


def test_records_stop_once_the_run_is_no_longer_young():
    t = trainer("xor")                  # 100 training rows, batches of 10: 10 steps an epoch
    t.run(epochs=150)
    rec = t.step_history()
    assert len(rec.step) == Trainer.STEP_RECORDS
    assert rec.step[-1] == Trainer.STEP_RECORDS and rec.epoch[-1] == pytest.approx(100.0)
    t.run(epochs=10)
    assert len(t.step_history().step) == Trainer.STEP_RECORDS


def test_a_snapshot_says_how_far_the_epoch_under_way_has_gone():
    """The rows of the current epoch used so far: where the last mini-batch record lies
    (epoch + rows / n_train), 0 at an epoch's end and for an earlier epoch shown."""
    t = trainer("xor")                  # 100 training rows, batches of 10
    for _ in range(6):
        t.step("batch")
    t.step("sample")
    snap = t.snapshot()
    assert (snap.epoch, snap.epoch_position, snap.n_train) == (0, 61, 100)
    assert snap.step_history.epoch[-1] == pytest.approx(snap.epoch + snap.epoch_position / snap.n_train)
    t.run(epochs=3)
    snap = t.snapshot()
    assert (snap.epoch, snap.epoch_position) == (3, 0)
    t.step("batch")
    assert t.snapshot().epoch_position == 10
    with t.past(2):
        past = t.snapshot()
        assert (past.epoch, past.present_epoch, past.epoch_position) == (2, 3, 0)


# the gradient the edges are coloured by --------------------------------------------------------------
def manual_gradients(lesson_id, n_steps):
    t = trainer(lesson_id)
    out = []
    for _ in range(n_steps):
        t.step("batch")
        out.append(t.net.grads[t.net.edge_index].copy())
    return np.array(out)


def test_snapshots_show_the_mean_gradient_of_the_steps_they_cover():
    per_step = manual_gradients("xor", 21)
    t = trainer("xor")
    t.run(epochs=1)                                  # 10 steps, no snapshot between
    assert t.snapshot().grads == pytest.approx(per_step[:10].mean(axis=0), rel=1e-9)
    t.run(steps=3)
    # the steps since the last snapshot, reaching back to cover an epoch's 10 steps
    assert t.snapshot().grads == pytest.approx(per_step[:13].mean(axis=0), rel=1e-9)
    t.run(steps=3)
    assert t.snapshot().grads == pytest.approx(per_step[:16].mean(axis=0), rel=1e-9)
    t.run(steps=5)               # the newer 11 steps cover an epoch: the oldest 10 drop out
    assert t.snapshot().grads == pytest.approx(per_step[10:21].mean(axis=0), rel=1e-9)
    # a mean is steadier than any one mini-batch: here smaller than the steps' spread
    assert np.abs(per_step[:10].mean(axis=0)).sum() < np.abs(per_step[:10]).mean(axis=0).sum()


def test_a_step_asked_for_by_hand_shows_its_own_gradient():
    t = trainer("xor")
    t.run(epochs=3)
    t.snapshot()
    t.step("batch")
    assert t.snapshot().grads == pytest.approx(t.net.grads[t.net.edge_index], rel=1e-12)
    trace = t.trace_step(kind="sample")
    assert t.snapshot().grads == pytest.approx(trace.grads, rel=1e-12)


# checkpoints: an earlier epoch shown again ---------------------------------------------------------------
def test_an_earlier_epoch_is_shown_as_it_was_and_the_present_is_untouched():
    t = trainer("xor")
    t.run(epochs=50)
    present = t.snapshot()
    then = trainer("xor")
    then.run(epochs=10)
    with t.past(10) as shown:
        assert shown == 10
        snap = t.snapshot()
    assert snap.epoch == 10 and snap.present_epoch == 50
    assert snap.weights == pytest.approx(then.net.params[then.net.edge_index], rel=1e-12)
    assert snap.train_loss == pytest.approx(then.metrics()["train_loss"], rel=1e-12)
    assert list(snap.history.epoch) == list(range(1, 11)) and len(snap.history.grad_norms) == 10
    assert snap.step_history.epoch[-1] <= 10
    # its gradient: over the whole training set at those weights
    _, grads = then.net.loss_and_gradients(then.data.x_train, then.data.y_train)
    assert snap.grads == pytest.approx([grads.weights[e] for e in snap.edges], rel=1e-9)
    # back in the present, nothing changed: the same snapshot, the same future
    again = t.snapshot()
    assert again.epoch == 50 and again.present_epoch is None
    assert np.array_equal(again.weights, present.weights)
    t.run(epochs=10)
    straight = trainer("xor")
    straight.run(epochs=60)
    assert np.array_equal(t.net.params, straight.net.params)


def test_batch_norm_statistics_are_part_of_the_checkpoint():
    doc = mitigations.apply(lessons.load_lesson("vanishing-gradient"), ["batch_norm"])
    t = trainer(None, doc)
    t.run(epochs=12)
    then = trainer(None, doc)
    then.run(epochs=5)
    with t.past(5):
        snap = t.snapshot()
    assert snap.train_loss == pytest.approx(then.metrics()["train_loss"], rel=1e-9)
    assert t.snapshot().train_loss == pytest.approx(t.metrics()["train_loss"], rel=1e-12)


def test_checkpoints_stay_within_their_memory_and_span_the_run(monkeypatch):
    monkeypatch.setattr(Trainer, "CHECKPOINT_BYTES", 16 * 8 * 10)    # 16 rows of 10 numbers
    t = trainer("xor")                       # 9 parameters + the epoch
    t.run(epochs=100)
    kept = t.checkpoint_epochs()
    assert len(kept) <= 16 and kept[0] == 0 and kept[-1] >= 90
    assert np.all(np.diff(kept) > 0)
    with t.past(37) as shown:                # the nearest kept epoch at or before it
        assert shown == kept[np.searchsorted(kept, 37, side="right") - 1] <= 37
    assert Trainer.CHECKPOINT_BYTES // (8 * (1 + t.net.size)) == 16


def test_a_long_run_without_snapshots_shows_its_last_epochs_mean_gradient():
    t = trainer("xor")
    t.run(epochs=30)
    last = trainer("xor")
    last.run(epochs=29)
    per_step = []
    for _ in range(10):                       # epoch 30, step by step
        last.step("batch")
        per_step.append(last.net.grads[last.net.edge_index].copy())
    snap = t.snapshot()
    assert snap.grad_steps == 10
    assert snap.grads == pytest.approx(np.mean(per_step, axis=0), rel=1e-9)


def test_recurrent_runs_keep_the_same_records():
    t = trainer("echo")                            # sequences: a SequenceTrainer
    t.run(epochs=6)
    rec = t.step_history()
    assert len(rec.step) == 6 * 10 and np.all(np.isfinite(rec.loss)) and rec.grad_norms.shape[1] == 2
    then = trainer("echo")
    then.run(epochs=3)
    with t.past(3):
        snap = t.snapshot()
    assert snap.weights == pytest.approx(then.net.params[then.net.edge_index], rel=1e-12)
    assert snap.train_loss == pytest.approx(then.metrics()["train_loss"], rel=1e-12)
    assert snap.sequence is not None and t.snapshot().epoch == 6
