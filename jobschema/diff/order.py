"""Column order: which columns keep their place and which move, where a dialect can place columns.

The fewest moves that turn the live order into the schema's: the columns both sides have keep their place
when they form the longest run in schema order (a longest increasing subsequence of their live positions);
every other shared column is moved after its predecessor in the schema, in schema order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def kept_in_place(desired: Sequence[str], live: Sequence[str]) -> set[str]:
    """The shared columns that need not move (ties broken towards the earliest schema columns)."""
    position = {name: i for i, name in enumerate(live)}
    shared = [name for name in desired if name in position]
    tails: list[int] = []  # smallest live position ending a run of each length
    tail_at: list[int] = []  # index into ``shared`` of that position
    back: list[int] = [-1] * len(shared)
    for i, name in enumerate(shared):
        p = position[name]
        k = bisect_left(tails, p)
        if k == len(tails):
            tails.append(p)
            tail_at.append(i)
        else:
            tails[k] = p
            tail_at[k] = i
        back[i] = tail_at[k - 1] if k else -1
    kept: set[str] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        kept.add(shared[i])
        i = back[i]
    return kept


def moved(desired: Sequence[str], live: Sequence[str]) -> set[str]:
    """The shared columns a fix moves."""
    stay = kept_in_place(desired, live)
    present = set(live)
    return {name for name in desired if name in present and name not in stay}


def predecessor(desired: Sequence[str], name: str) -> str | None:
    """The column the schema puts right before ``name`` (None: it comes first)."""
    i = list(desired).index(name)
    return desired[i - 1] if i else None
