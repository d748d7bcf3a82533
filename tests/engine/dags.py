"""Random feed-forward DAG documents for gradient tests (skip connections included)."""
import numpy as np

from simulator.engine import features


def random_dag(rng: np.random.Generator, hidden_acts, output_act="sigmoid", n_out=1,
               loss="bce", n_hidden=5, batch_norm=False, init="normal") -> dict:
    feats = list(rng.choice(features.BUILTIN, size=3, replace=False))
    nodes = [{"id": f"i{k}", "kind": "input", "feature": f} for k, f in enumerate(feats)]
    order = [n["id"] for n in nodes]
    edges = []
    for k in range(n_hidden):
        nid = f"h{k}"
        act = hidden_acts[k % len(hidden_acts)]
        nodes.append({"id": nid, "kind": "hidden", "activation": act,
                      "bias": float(rng.uniform(-0.5, 0.5)),
                      "batch_norm": bool(batch_norm and k == 1)})
        # one to three sources among everything earlier: inputs and hidden (skips)
        srcs = rng.choice(order, size=min(len(order), int(rng.integers(1, 4))), replace=False)
        edges += [{"source": str(s), "target": nid} for s in srcs]
        order.append(nid)
    for j in range(n_out):
        oid = f"y{j}"
        nodes.append({"id": oid, "kind": "output", "activation": output_act,
                      "bias": float(rng.uniform(-0.5, 0.5))})
        srcs = rng.choice(order, size=min(len(order), 3), replace=False)
        # always the last hidden node, so the deepest path reaches the output
        srcs = set(map(str, srcs)) | {order[-1]}
        edges += [{"source": s, "target": oid} for s in sorted(srcs)]
    return {"format": "nnsim", "version": 1,
            "network": {"nodes": nodes, "edges": edges},
            "training": {"loss": loss, "init": init, "seed": int(rng.integers(0, 1000)),
                         "l1": 0.001, "l2": 0.01}}


def random_recurrent(rng: np.random.Generator, hidden_acts, output_act="sigmoid", n_out=1,
                     loss="bce", n_hidden=5, init="normal") -> dict:
    """A random recurrent document: skip links, delayed edges of 1 and 2 steps between
    hidden neurons (self-loops included), from inputs and into outputs."""
    doc = random_dag(rng, hidden_acts, output_act, n_out, loss, n_hidden, init=init)
    edges = doc["network"]["edges"]
    pairs = {(e["source"], e["target"]) for e in edges}
    hidden = [f"h{k}" for k in range(n_hidden)]
    inputs = [n["id"] for n in doc["network"]["nodes"] if n["kind"] == "input"]
    wanted = [(h, h) for h in rng.choice(hidden, 2, replace=False)]            # self-loops
    wanted += [(str(rng.choice(hidden)), str(rng.choice(hidden))) for _ in range(4)]
    wanted += [(str(rng.choice(inputs)), str(rng.choice(hidden))),             # x(t-d) -> h
               (str(rng.choice(hidden)), f"y{n_out - 1}"),                     # h(t-d) -> y
               (str(rng.choice(inputs)), "y0")]
    for k, (s, t) in enumerate(wanted):
        if (s, t) not in pairs:
            pairs.add((s, t))
            edges.append({"source": str(s), "target": str(t), "delay": 1 + k % 2})
    # weights drawn small enough that 6 steps of recurrence stay in the smooth range
    doc["training"]["init"] = "normal:0.5"
    return doc
