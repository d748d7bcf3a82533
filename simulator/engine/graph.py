"""Graph algorithms on node ids: iterative topological order, cycles, layer depths.

Iterative on purpose (micrograd's recursive sort overflows deep graphs).
"""
from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence


def find_cycle(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[str] | None:
    """A cycle as a list of ids ``[a, b, ..., a]``, or ``None`` if the graph is acyclic."""
    succ: dict[str, list[str]] = defaultdict(list)
    for s, t in edges:
        succ[s].append(t)
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(nodes, WHITE)
    for t_list in succ.values():
        for t in t_list:
            colour.setdefault(t, WHITE)
    for s in list(succ):
        colour.setdefault(s, WHITE)
    for root in list(colour):
        if colour[root] != WHITE:
            continue
        path = [root]
        stack = [iter(succ.get(root, ()))]
        colour[root] = GREY
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                colour[path.pop()] = BLACK
                stack.pop()
                continue
            if colour[nxt] == GREY:
                return path[path.index(nxt):] + [nxt]
            if colour[nxt] == WHITE:
                colour[nxt] = GREY
                path.append(nxt)
                stack.append(iter(succ.get(nxt, ())))
    return None


def would_create_cycle(edges: Iterable[tuple[str, str]], source: str, target: str) -> list[str] | None:
    """If adding ``source -> target`` closes a cycle, that cycle (``[source, target, ..., source]``)."""
    if source == target:
        return [source, source]
    succ: dict[str, list[str]] = defaultdict(list)
    for s, t in edges:
        succ[s].append(t)
    # Is there a path target -> ... -> source?  BFS keeping parents to name it.
    parent: dict[str, str | None] = {target: None}
    queue = deque([target])
    while queue:
        n = queue.popleft()
        if n == source:
            path = [n]
            while parent[path[-1]] is not None:
                path.append(parent[path[-1]])
            path.reverse()          # target ... source
            return [source] + path
        for m in succ.get(n, ()):
            if m not in parent:
                parent[m] = n
                queue.append(m)
    return None


def topological_order(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[str]:
    """Kahn's algorithm, stable with respect to ``nodes``; ``ValueError`` naming a cycle."""
    edges = list(edges)
    indeg = dict.fromkeys(nodes, 0)
    succ: dict[str, list[str]] = defaultdict(list)
    for s, t in edges:
        succ[s].append(t)
        indeg[t] += 1
    queue = deque(n for n in nodes if indeg[n] == 0)
    order: list[str] = []
    while queue:
        n = queue.popleft()
        order.append(n)
        for m in succ.get(n, ()):
            indeg[m] -= 1
            if indeg[m] == 0:
                queue.append(m)
    if len(order) != len(nodes):
        cycle = find_cycle(nodes, edges) or []
        raise ValueError("the network has a cycle: " + " → ".join(cycle))
    return order


def depths(nodes: Sequence[str], edges: Iterable[tuple[str, str]], inputs: Iterable[str]) -> dict[str, int]:
    """Longest-path depth of every node from the inputs (inputs are 0, sources are 1)."""
    edges = list(edges)
    inputs = set(inputs)
    pred: dict[str, list[str]] = defaultdict(list)
    for s, t in edges:
        pred[t].append(s)
    depth: dict[str, int] = {}
    for n in topological_order(nodes, edges):
        if n in inputs:
            depth[n] = 0
        else:
            depth[n] = 1 + max((depth[p] for p in pred.get(n, ())), default=0)
    return depth


def strongly_connected(nodes: Sequence, edges: Iterable[tuple]) -> list[list]:
    """The strongly connected components (Tarjan's, iterative), in a topological order of
    the condensed graph: every edge between two components goes from an earlier one to a
    later one. Members keep the order of ``nodes``."""
    succ: dict = defaultdict(list)
    for s, t in edges:
        succ[s].append(t)
    index: dict = {}
    low: dict = {}
    on_stack: set = set()
    stack: list = []
    found: list[list] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ.get(w, ()))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                found.append(comp)
    # Tarjan finds components in reverse topological order
    rank = {n: k for k, n in enumerate(nodes)}
    return [sorted(c, key=rank.__getitem__) for c in reversed(found)]
