"""Pairing desired and live objects: by meaning first, then by name.

A constraint's live name often differs from the schema's (hand-written DDL, other tools), so pairing by
name alone would report a missing constraint and an extra one where there is only a rename. Each helper
returns the pairs it made and what is left on each side, in a stable order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .hooks import CheckMeaning

T = TypeVar("T")


@dataclass
class Pairing:
    same: list[tuple[Any, Any]] = field(default_factory=list)  # same name, same meaning
    renamed: list[tuple[Any, Any]] = field(default_factory=list)  # same meaning, other name
    changed: list[tuple[Any, Any]] = field(default_factory=list)  # same name (or slot), other meaning
    desired_only: list[Any] = field(default_factory=list)
    live_only: list[Any] = field(default_factory=list)


def _name(o: Any) -> str:
    return getattr(o, "name", "") or ""


def pair(desired: Sequence[T], live: Sequence[T], key: Callable[[T], Hashable],
         name: Callable[[T], str] = _name) -> Pairing:
    """Pair objects whose ``key`` (meaning) and name agree, then by meaning alone (renamed), then by
    name alone (changed). Leftovers are returned unpaired."""
    out = Pairing()
    d_left = list(desired)
    l_left = list(live)
    keys_d = {id(o): key(o) for o in d_left}
    keys_l = {id(o): key(o) for o in l_left}
    # 1. same name and meaning: each desired object takes the first live one left with both, found by
    # (name, key) instead of a scan per pair (most objects pair here; the scans were quadratic)
    waiting: dict[tuple, list] = {}
    for lv in reversed(l_left):
        waiting.setdefault((name(lv), keys_l[id(lv)]), []).append(lv)
    taken: set[int] = set()
    rest = []
    for d in d_left:
        candidates = waiting.get((name(d), keys_d[id(d)]))
        if candidates:
            lv = candidates.pop()
            out.same.append((d, lv))
            taken.add(id(lv))
        else:
            rest.append(d)
    d_left = rest
    l_left = [lv for lv in l_left if id(lv) not in taken]
    # 2. same meaning, another name
    for d in list(d_left):
        for lv in sorted(l_left, key=name):
            if keys_d[id(d)] == keys_l[id(lv)]:
                out.renamed.append((d, lv))
                d_left.remove(d)
                l_left.remove(lv)
                break
    # 3. same name, another meaning
    for d in list(d_left):
        for lv in l_left:
            if name(d) == name(lv):
                out.changed.append((d, lv))
                d_left.remove(d)
                l_left.remove(lv)
                break
    out.desired_only = d_left
    out.live_only = l_left
    return out


@dataclass
class CheckPairing(Pairing):
    # live value-set CHECKs paired with a desired one on the same column: (desired, live)
    value_changed: list[tuple[Any, Any]] = field(default_factory=list)
    # live CHECKs constraining a column another live CHECK already pairs with: (live, the paired live)
    duplicates: list[tuple[Any, Any]] = field(default_factory=list)


def pair_checks(desired: Sequence[Any], live: Sequence[Any], meaning: Callable[[Any], CheckMeaning]) -> CheckPairing:
    """Pair CHECKs: same meaning (any name) first; then a desired value-set CHECK with a live value-set
    CHECK on the same column; then by name. A live value-list CHECK left over on a column already covered
    by a paired CHECK is a duplicate, never a plain extra."""
    base = pair(desired, live, key=lambda c: meaning(c).identity)
    out = CheckPairing(same=base.same, renamed=base.renamed)
    d_left = list(base.desired_only) + [d for d, _ in base.changed]
    l_left = list(base.live_only) + [lv for _, lv in base.changed]
    # value sets on one column: the pairing the DBA cares about ("status allows other values")
    for d in list(d_left):
        dvs = meaning(d).value_set
        if dvs is None:
            continue
        cands = [lv for lv in l_left if (meaning(lv).value_set or ("", None))[0] == dvs[0]]
        if not cands:
            continue
        cands.sort(key=lambda lv: (_name(lv) != _name(d), _name(lv)))
        lv = cands[0]
        out.value_changed.append((d, lv))
        d_left.remove(d)
        l_left.remove(lv)
    # by name, other meaning
    for d in list(d_left):
        for lv in l_left:
            if _name(d) == _name(lv):
                out.changed.append((d, lv))
                d_left.remove(d)
                l_left.remove(lv)
                break
    covered: dict[str, Any] = {}
    for _d, lv in out.same + out.renamed + out.value_changed + out.changed:
        m = meaning(lv)
        col = m.value_set[0] if m.value_set else (next(iter(m.columns)) if len(m.columns) == 1 else None)
        if col is not None:
            covered.setdefault(col, lv)
    for lv in sorted(l_left, key=_name):
        # only a value list is a second rule on the column's values (a legacy CHECK left beside the managed
        # one); any other leftover (``i <> 3`` beside ``i < 5``) is a plain extra, dropped only when allowed
        m = meaning(lv)
        col = m.value_set[0] if m.value_set else None
        if col is not None and col in covered:
            out.duplicates.append((lv, covered[col]))
        else:
            out.live_only.append(lv)
    out.desired_only = d_left
    return out
