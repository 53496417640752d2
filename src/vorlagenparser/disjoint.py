"""Disjoint sets (union-find) over the numbers 0 … n-1: the grouping step of table finding,
stroke clustering and blob labelling, which join items pair by pair and ask for the groups.

A leaf module: it imports nothing from the package.
"""

from __future__ import annotations

__all__ = ["DisjointSets"]


class DisjointSets:
    """Items 0 … n-1, each in its own set until joined (path halving keeps finds short)."""

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, i: int) -> int:
        """The representative of ``i``'s set."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the sets of ``i`` and ``j``."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self._parent[max(ri, rj)] = min(ri, rj)

    def groups(self) -> list[list[int]]:
        """The sets, each in ascending order, in the order of their smallest item."""
        members: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            members.setdefault(self.find(i), []).append(i)
        return list(members.values())
