"""Native enum types the fix leaves without a column: a live type the schema does not declare, used today only
by columns the fix drops (with their tables or alone). Nothing lists it as unused before the fix runs, so without this
the type would outlive its columns and the next audit would report it (JS369) after a fix that said it was done."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.objects import Module


def freed_enum_types(desired: Iterable[Module], live: Module, declared: set,
                     namespace: str) -> list[tuple[tuple[str, str], tuple[str, ...], tuple[str, ...]]]:
    """((namespace, name), labels, the ``table.column``s using it) of each enum type in ``namespace`` whose every
    live column goes: its table or column is not in the schema."""
    wanted = {(t.namespace, t.name): t for m in desired for t in m.tables}
    users: dict[tuple[str, str], list[str]] = {}
    labels: dict[tuple[str, str], tuple[str, ...]] = {}
    kept: set[tuple[str, str]] = set()
    for t in live.tables:
        for c in t.columns:
            key = c.enum_type_in(t.namespace)
            if key is None:
                continue
            users.setdefault(key, []).append(f"{t.name}.{c.name}")
            labels.setdefault(key, tuple(c.enum or ()))
            dt = wanted.get((t.namespace, t.name))
            dc = dt.column(c.name) if dt is not None else None
            if dc is not None:  # kept, or retyped: the retyping fix drops a type it frees itself
                kept.add(key)
    return [(key, labels[key], tuple(users[key])) for key in sorted(users)
            if key not in kept and key not in declared and key[0] == namespace]
