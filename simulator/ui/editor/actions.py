"""Editor operations on the selection: menus, Add layer, Fully connect, Duplicate,
Auto-layout. Each is one undoable step (a macro when it is several commands)."""
from __future__ import annotations

import copy

from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu

from ...render import delayed_edges, engine_text
from ...translate import tr
from ...document import edits
from ...engine import activations, features
from .. import commands


def act_label(name: str) -> str:
    """An activation's name in the interface's language."""
    return engine_text.activation_label(name)


def set_activation(model, node_ids, name: str) -> None:
    ids = [i for i in node_ids if model.node(i).get("kind") != "input"]
    if not ids:
        return
    stack = model.undo_stack
    stack.beginMacro(tr("Set activation to %1").replace("%1", act_label(name)))
    for i in ids:
        if name == "softmax" and model.node(i).get("kind") != "output":
            continue
        stack.push(commands.SetNodeProperty(model, i, "activation", name))
    stack.endMacro()


def set_kind(view, node_id: str, kind: str) -> None:
    try:
        view.model.undo_stack.push(commands.SetKind(view.model, node_id, kind))
    except ValueError as exc:
        view.statusMessage.emit(str(exc))


def fill_node_menu(menu: QMenu, view, node_id: str) -> None:
    model = view.model
    node = model.node(node_id)
    kind = node.get("kind", "hidden")
    kinds = menu.addMenu(tr("Kind"))
    group = QActionGroup(kinds)
    for k, label in (("input", tr("Input")), ("hidden", tr("Hidden")), ("output", tr("Output"))):
        a = kinds.addAction(label, lambda k=k: set_kind(view, node_id, k))
        a.setCheckable(True)
        a.setChecked(k == kind)
        group.addAction(a)
    selected = view.selected_nodes() or [node_id]
    if kind == "input":
        feats = menu.addMenu(tr("Feature"))
        for f in features.BUILTIN:
            a = feats.addAction(features.LABELS.get(f, f), lambda f=f: model.undo_stack.push(
                commands.SetNodeProperty(model, node_id, "feature", f)))
            a.setCheckable(True)
            a.setChecked(node.get("feature") == f)
    else:
        acts = menu.addMenu(tr("Activation"))
        names = activations.OUTPUT if kind == "output" else activations.HIDDEN
        current = node.get("activation")
        for name in names:
            a = acts.addAction(act_label(name), lambda n=name: set_activation(model, selected, n))
            a.setCheckable(True)
            a.setChecked(current == name)
        bn = menu.addAction(tr("Batch normalisation"))
        bn.setCheckable(True)
        bn.setChecked(bool(node.get("batch_norm")))
        bn.toggled.connect(lambda on: model.undo_stack.push(
            commands.SetNodeProperty(model, node_id, "batch_norm", True if on else None)))
        menu.addAction(tr("Show this neuron's surface"), lambda: view.nodeActivated.emit(node_id))
    menu.addSeparator()
    menu.addAction(tr("Duplicate"), lambda: duplicate(view))
    if len(selected) > 1:
        menu.addAction(tr("Fully connect the selected columns"), lambda: fully_connect(view))
    menu.addAction(tr("Delete"), view.delete_selection)


def fill_canvas_menu(menu: QMenu, view) -> None:
    menu.addAction(tr("Add layer…"), lambda: add_layer_dialog(view))
    if len(view.selected_nodes()) > 1:
        menu.addAction(tr("Fully connect the selected columns"), lambda: fully_connect(view))
    menu.addAction(tr("Auto-layout"), lambda: auto_layout(view))
    menu.addAction(tr("Select all"), view.select_all)
    menu.addAction(tr("Zoom to fit"), view.zoom_to_fit)


def fully_connect(view) -> int:
    """Connect every neuron of each selected column to every neuron of the next column."""
    ids = view.selected_nodes()
    pairs = edits.fully_connect_pairs(view.model.doc, ids)
    if not pairs:
        view.statusMessage.emit(tr("Select neurons in at least two columns to connect them."))
        return 0
    cmd = commands.AddEdges(view.model, pairs)
    if cmd.added:
        view.model.undo_stack.push(cmd)
    skipped = len(pairs) - len(cmd.added)
    msg = tr("Added %1 connection(s)").replace("%1", str(len(cmd.added)))
    if skipped:
        msg += tr("; %1 skipped (%2)").replace("%1", str(skipped)).replace("%2", engine_text.refusal(cmd.refused[0]))
    view.statusMessage.emit(msg)
    return len(cmd.added)


def auto_layout(view) -> None:
    model = view.model
    pos = edits.auto_layout(model.doc)
    old = {k: tuple(model.node(k).get("pos", (0.0, 0.0))) for k in pos}
    changed = {k: v for k, v in pos.items() if tuple(old[k]) != tuple(v)}
    if changed:
        model.undo_stack.push(commands.MoveNodes(model, changed, {k: old[k] for k in changed},
                                                 text=tr("Auto-layout")))
    view.zoom_to_fit()


def duplicate(view) -> list[str]:
    """Copy the selected neurons (and the connections among them), shifted down-right."""
    model = view.model
    ids = view.selected_nodes()
    if not ids:
        return []
    stack = model.undo_stack
    stack.beginMacro(tr("Duplicate %1 neuron(s)").replace("%1", str(len(ids))))
    mapping = {}
    for nid in ids:
        src = model.node(nid)
        new = copy.deepcopy(src)
        new["id"] = edits.new_id(model.doc, src.get("kind", "hidden"))
        x, y = src.get("pos", (0.0, 0.0))
        new["pos"] = [x + 40.0, y + 40.0]
        stack.push(commands.AddNode(model, new))
        mapping[nid] = new["id"]
    pairs = [(mapping[s], mapping[t]) for s, t in model.edge_pairs() if s in mapping and t in mapping]
    if pairs:
        stack.push(commands.AddEdges(model, pairs))
    stack.endMacro()
    view.clear_selection()
    for new_id in mapping.values():
        view.net_scene.nodes[new_id].setSelected(True)
    return list(mapping.values())


def add_layer(view, count: int, activation: str = "tanh") -> list[str]:
    """A new column of hidden neurons between the last hidden column and the outputs,
    fully connected from the column before it and to the outputs (connections that
    skipped over it stay)."""
    model = view.model
    doc = model.doc
    depth = edits.layer_depths(doc) if doc["network"]["nodes"] else {}
    kinds = {n["id"]: n.get("kind", "hidden") for n in doc["network"]["nodes"]}
    non_out = [d for i, d in depth.items() if kinds[i] != "output"]
    last = max(non_out, default=-1)
    prev = [i for i, d in depth.items() if d == last and kinds[i] != "output"]
    outputs = [i for i, k in kinds.items() if k == "output"]
    xs = [edits.node(doc, i).get("pos", (0, 0))[0] for i in prev] or [0.0]
    x = max(xs) + edits.COLUMN_GAP
    if outputs:
        # make room: shift outputs one column to the right if they would overlap
        out_x = min(edits.node(doc, i).get("pos", (0, 0))[0] for i in outputs)
        shift = max(0.0, x + edits.COLUMN_GAP - out_x)
    stack = model.undo_stack
    stack.beginMacro(tr("Add a layer of %1 neuron(s)").replace("%1", str(count)))
    if outputs and shift > 0:
        stack.push(commands.MoveNodes(model, {i: (edits.node(doc, i)["pos"][0] + shift,
                                                  edits.node(doc, i)["pos"][1]) for i in outputs}))
    new_ids = []
    for k in range(count):
        y = (k - (count - 1) / 2) * edits.ROW_GAP
        node = edits.make_node(doc, "hidden", (x, y), activation=activation)
        stack.push(commands.AddNode(model, node))
        new_ids.append(node["id"])
    pairs = [(s, t) for s in prev for t in new_ids] + [(s, t) for s in new_ids for t in outputs]
    if pairs:
        stack.push(commands.AddEdges(model, pairs))
    # connections from the previous column straight to the outputs now skip the new layer
    skip = [(s, t) for s, t in model.edge_pairs() if s in prev and t in outputs]
    if skip:
        stack.push(commands.RemoveItems(model, (), skip))
    stack.endMacro()
    return new_ids


def add_layer_dialog(view) -> None:
    count, ok = QInputDialog.getInt(view, tr("Add layer"), tr("Neurons in the new hidden layer:"),
                                    4, 1, 512)
    if not ok:
        return
    names = [act_label(n) for n in activations.HIDDEN]
    label, ok = QInputDialog.getItem(view, tr("Add layer"), tr("Activation:"), names,
                                     names.index(act_label("tanh")), False)
    if ok:
        add_layer(view, count, activations.HIDDEN[names.index(label)])
        view.zoom_to_fit()


def delay_label(delay: int | None) -> str:
    """What a connection's delay means, for menus and the Inspector."""
    if not delay:
        return tr("same step (no delay)")
    if int(delay) == 1:
        return tr("delayed: reads the previous step, t − 1")
    return tr("delayed: reads %1 steps back, t − %1").replace("%1", str(int(delay)))


def set_delay(view, source: str, target: str, delayed: bool) -> bool:
    """Make ``source → target`` delayed (one step) or an ordinary connection, as one
    undoable step; a refusal (it would close a cycle) goes to the status bar."""
    model = view.model
    current = edits.edges(model.doc)[edits.edge_index(model.doc, source, target)].get("delay")
    if bool(current) == delayed:
        return False
    try:
        model.undo_stack.push(commands.SetEdgeDelay(model, source, target, 1 if delayed else None))
    except ValueError as exc:
        view.statusMessage.emit(tr("%1 → %2 must stay delayed: %3").replace("%1", source)
                                .replace("%2", target).replace("%3", engine_text.refusal(str(exc))))
        return False
    return True


def add_delay_action(menu: QMenu, view, source: str, target: str) -> QAction:
    """The connection's "Delayed (previous step)" toggle, showing its delay."""
    e = edits.edges(view.model.doc)[edits.edge_index(view.model.doc, source, target)]
    delay = e.get("delay")
    text = tr("Delayed (previous step)") if not delay or int(delay) == 1 else \
        tr("Delayed (%1 steps back)").replace("%1", str(int(delay)))
    action = menu.addAction(f"{text}  {delayed_edges.badge_text(int(delay or 1))}")
    action.setCheckable(True)
    action.setChecked(bool(delay))
    action.setStatusTip(delay_label(delay))
    action.toggled.connect(lambda on: set_delay(view, source, target, on))
    return action
