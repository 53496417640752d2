"""Disjoint sets: the groups are the connected components of the joined pairs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.disjoint import DisjointSets


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components by search, ordered as DisjointSets.groups() promises."""
    neighbours: dict[int, set[int]] = {i: set() for i in range(n)}
    for i, j in pairs:
        neighbours[i].add(j)
        neighbours[j].add(i)
    seen: set[int] = set()
    out = []
    for start in range(n):
        if start in seen:
            continue
        todo, component = [start], set()
        while todo:
            i = todo.pop()
            if i not in component:
                component.add(i)
                todo.extend(neighbours[i])
        seen |= component
        out.append(sorted(component))
    return out


@given(st.integers(0, 30).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, max(0, n - 1)), st.integers(0, max(0, n - 1))),
                         max_size=40 if n else 0))))
def test_groups_are_the_components_of_the_joined_pairs(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, pairs = case
    sets = DisjointSets(n)
    for i, j in pairs:
        sets.union(i, j)
    assert sets.groups() == _components(n, pairs)
    for group in sets.groups():
        assert len({sets.find(i) for i in group}) == 1
