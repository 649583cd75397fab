"""Fix-migration steps for a recorded domain (``unmanaged:`` kind ``domain``) whose live definition differs:
its default, NOT NULL and constraints are changed in place with ``ALTER DOMAIN``; a CHECK is dropped and
added again ``NOT VALID``, then validated, so the columns using the domain are checked once, without a
long lock. Another base type or collation cannot be changed in place: that is left for a person.

The record's detail is what ``queries/unmanaged.sql`` writes: ``AS <type> [COLLATE c] [DEFAULT e]
[NOT NULL] [CONSTRAINT name <definition>]...``, read here with sqlglot's tokens."""

from __future__ import annotations

from dataclasses import dataclass

from ...diff import changes as ch
from ...plan.context import Context
from ...plan.steps import Step
from ..base import quote_pg
from ..ddl_tokens import lex
from .render import qname


@dataclass(frozen=True)
class Domain:
    base: str  # AS <type> [COLLATE c]
    default: str | None
    not_null: bool
    constraints: dict[str, str]  # name → definition (CHECK (...) [NOT VALID], NOT NULL)


def read(detail: str) -> Domain:
    items = lex(detail, "postgres")
    depth, marks = 0, []  # (index, what) of the top-level DEFAULT, NOT NULL and CONSTRAINT words
    for i, it in enumerate(items):
        if it.kind == "punct" and it.text in ("(", "["):
            depth += 1
        elif it.kind == "punct" and it.text in (")", "]"):
            depth -= 1
        elif depth == 0 and it.up in ("DEFAULT", "CONSTRAINT"):
            marks.append((i, it.up))
        elif depth == 0 and it.up == "NOT" and i + 1 < len(items) and items[i + 1].up == "NULL" \
                and not (marks and marks[-1][1] == "CONSTRAINT"):
            marks.append((i, "NOT NULL"))

    def text(a: int, b: int) -> str:
        return detail[items[a].start:items[b - 1].end + 1].strip() if a < b else ""

    ends = [i for i, _ in marks[1:]] + ([len(items)] if marks else [])  # a bare `AS <type>` has no marks
    base = text(0, marks[0][0] if marks else len(items))
    default, not_null, constraints = None, False, {}
    for (i, what), end in zip(marks, ends, strict=True):
        if what == "DEFAULT":
            default = text(i + 1, end)
        elif what == "NOT NULL":
            not_null = True
        else:
            name = items[i + 1]
            constraints[name.text if name.kind == "qid" else name.text.lower()] = text(i + 2, end)
    return Domain(base, default, not_null, constraints)


def modify(c: ch.ModifyUnmanaged, ctx: Context) -> list[Step]:
    want, have = read(c.detail or ""), read(c.live_detail or "")
    if want.base != have.base:
        return ctx.omit(c, f"domain {c.name} is {have.base} live and {want.base} in the record: a domain's type "
                           "cannot be changed in place; change it by hand")
    alter = f"ALTER DOMAIN {qname(c.namespace, c.name)}"
    steps = []
    if want.default != have.default:
        steps.append(Step.of("alter_columns", f"{alter} SET DEFAULT {want.default};" if want.default is not None
                             else f"{alter} DROP DEFAULT;", c))
    if want.not_null != have.not_null:
        steps.append(Step.of("alter_columns", f"{alter} {'SET' if want.not_null else 'DROP'} NOT NULL;", c))
    for name, definition in sorted(have.constraints.items()):
        if want.constraints.get(name) != definition:
            steps.append(Step.of("drop_constraints", f"{alter} DROP CONSTRAINT {quote_pg(name)};", c))
    for name, definition in sorted(want.constraints.items()):
        if have.constraints.get(name) == definition:
            continue
        check = definition.upper().startswith("CHECK") and not definition.upper().endswith("NOT VALID")
        steps.append(Step.of("add_constraints", f"{alter} ADD CONSTRAINT {quote_pg(name)} {definition}"
                             f"{' NOT VALID' if check else ''};", c, not_valid=check))
        if check:
            steps.append(Step.of("validate_constraints", f"{alter} VALIDATE CONSTRAINT {quote_pg(name)};", c))
    return steps
