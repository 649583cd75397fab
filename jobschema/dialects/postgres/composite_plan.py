"""Fix-migration steps for a recorded composite type (``unmanaged:`` kind ``composite type``) whose live
attributes differ: ``ALTER TYPE ... ALTER ATTRIBUTE ... TYPE``, ``ADD ATTRIBUTE``, ``DROP ATTRIBUTE``.

PostgreSQL refuses these while a table column uses the type, and can only append attributes: a type the
schema's columns use, or an order appending cannot reach, is left for a person. The record's detail is what
``queries/unmanaged.sql`` writes, ``(name type, ...)``, read here with sqlglot's tokens."""

from __future__ import annotations

from ...diff import changes as ch
from ...plan.context import Context
from ...plan.steps import Step
from ..base import quote_pg
from ..ddl_tokens import lex
from .render import qname


def attributes(detail: str) -> list[tuple[str, str]]:
    """``(a integer, "B" numeric(10,2))`` → [(a, integer), (B, numeric(10,2))]."""
    items = lex(detail.strip(), "postgres")
    out, depth, start = [], 0, 1
    for i, it in enumerate(items):
        if it.kind == "punct" and it.text in ("(", "["):
            depth += 1
        elif it.kind == "punct" and it.text in (")", "]"):
            depth -= 1
        if (depth == 1 and it.kind == "punct" and it.text == ",") or (depth == 0 and i == len(items) - 1):
            if start < i:
                name = items[start]
                out.append((name.text if name.kind == "qid" else name.text.lower(),
                            detail.strip()[items[start + 1].start:items[i - 1].end + 1]))
            start = i + 1
    return out


def _uses(ctx: Context, c: ch.Change) -> list[str]:
    """The schema's columns typed with the composite type (or an array of it)."""
    out = []
    for m in ctx.project.modules:
        for t in m.tables:
            for col in t.columns:
                typ = (col.type_override("postgres") or col.type).strip().removesuffix("[]")
                if typ.split(".")[-1].strip('"') == c.name and (
                        "." not in typ or typ.split(".")[0].strip('"') == c.namespace):
                    out.append(f"{t.name}.{col.name}")
    return out


def modify(c: ch.ModifyUnmanaged, ctx: Context) -> list[Step]:
    want, have = attributes(c.detail or ""), attributes(c.live_detail or "")
    used = _uses(ctx, c)
    if used:
        return ctx.omit(c, f"composite type {c.name} is used by {', '.join(used)}: PostgreSQL cannot change its "
                           "attributes while a column uses it; change it by hand")
    wanted, live = dict(want), dict(have)
    kept = [n for n, _ in have if n in wanted]
    if kept + [n for n, _ in want if n not in live] != [n for n, _ in want]:
        return ctx.omit(c, f"composite type {c.name}: its attributes are in another order, which appending "
                           "cannot reach; change it by hand")
    alter = f"ALTER TYPE {qname(c.namespace, c.name)}"
    clauses = [f"DROP ATTRIBUTE {quote_pg(n)}" for n, _ in have if n not in wanted]
    clauses += [f"ALTER ATTRIBUTE {quote_pg(n)} TYPE {wanted[n]}" for n in kept if wanted[n] != live[n]]
    clauses += [f"ADD ATTRIBUTE {quote_pg(n)} {t}" for n, t in want if n not in live]
    return [Step.of("create_types", f"{alter} {', '.join(clauses)};", c)] if clauses else []
