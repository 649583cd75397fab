"""What MariaDB's ``information_schema`` hides from a user with only ``SELECT``, which docs/security.md says is
enough to audit: ``REFERENTIAL_CONSTRAINTS`` shows such a user no rows, so every foreign key would read as
``ON DELETE NO ACTION``, and ``VIEWS.VIEW_DEFINITION`` is empty without ``SHOW VIEW``. Foreign key actions are
read instead from ``SHOW CREATE TABLE`` (which ``SELECT`` allows; the inspector reads it for every table);
a view whose query stays hidden is reported as unreadable, never compared as an empty query."""

from __future__ import annotations

import dataclasses

from ...model.live import UnmanagedItem
from ...model.objects import Module
from .fkrules import model_rules

SHOW_VIEW = "grant SHOW VIEW on the database to this user to compare view definitions"


def tables_missing_fk_actions(constraint_rows) -> list[str]:
    """Tables with a foreign key whose ON DELETE/ON UPDATE rules the catalog did not show."""
    return sorted({r["table_name"] for r in constraint_rows
                   if r.get("constraint_type") == "FOREIGN KEY" and r.get("delete_rule") is None})


def fk_actions(create_table: str) -> dict[str, tuple[str, str]]:
    """Constraint name → (on_delete, on_update), lower case, from a ``SHOW CREATE TABLE`` text. A rule the
    server leaves out is its default, RESTRICT (as ``REFERENTIAL_CONSTRAINTS`` reports it)."""
    import sqlglot
    from sqlglot import exp

    out: dict[str, tuple[str, str]] = {}
    for fk in sqlglot.parse_one(create_table, read="mysql").find_all(exp.ForeignKey):
        if not isinstance(fk.parent, exp.Constraint):
            continue
        ref = fk.args.get("reference")
        rules = {"DELETE": "restrict", "UPDATE": "restrict"}
        for option in (ref.args.get("options") or []) if ref is not None else []:
            words = str(option).upper().split()
            if len(words) >= 3 and words[0] == "ON" and words[1] in rules:
                rules[words[1]] = " ".join(words[2:]).lower()
        out[fk.parent.name] = (rules["DELETE"], rules["UPDATE"])
    return out


def with_fk_actions(module: Module, create_tables: dict[str, str], maria: bool = True) -> Module:
    """``module`` with the foreign key rules of the tables whose ``SHOW CREATE TABLE`` text is given."""
    if not create_tables:
        return module
    actions = {t: fk_actions(text) for t, text in create_tables.items()}
    out = []
    for table in module.tables:
        found = actions.get(table.name)
        if found:
            fks = tuple(dataclasses.replace(fk, **model_rules(*found[fk.name], maria))
                        if fk.name in found else fk for fk in table.foreign_keys)
            table = dataclasses.replace(table, foreign_keys=fks)
        out.append(table)
    return dataclasses.replace(module, tables=tuple(out))


def hidden_views(view_rows, namespace: str) -> tuple[UnmanagedItem, ...]:
    """Views whose query the catalog returned empty: the user lacks SHOW VIEW on them."""
    return tuple(UnmanagedItem("view definition", r["view_name"], namespace, None, SHOW_VIEW)
                 for r in view_rows if not (r.get("view_definition") or "").strip())
