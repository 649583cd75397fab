from __future__ import annotations

from sqlglot import exp
from sqlglot.errors import ErrorLevel

from ....dialects import base as dialects
from ....finding import Severity
from ....model import expr as exprmod
from ....model.objects import Sql
from ...capable import SOURCE
from ...registry import Rule, register

# Functions sqlglot does not know but MySQL/MariaDB have, so passing them through is fine.
MYSQL_FUNCTIONS = {"json_valid", "json_length", "json_extract", "uuid", "char_length", "regexp_like"}
# Array and range operators have no MySQL form even when sqlglot can print them.
PG_ONLY_NODES = (exp.ArraySize, exp.ArrayContains, exp.ArrayContainsAll, exp.ArrayOverlaps)


def pg_only(text: str, target: str) -> str | None:
    """Why a PostgreSQL expression has no translation into ``target``, or None when it translates."""
    try:
        tree = exprmod.parse(text, SOURCE)
    except Exception:
        return None  # the loader already reported unparsable expressions
    for node in tree.walk():
        if isinstance(node, exp.Anonymous) and node.name.lower() not in MYSQL_FUNCTIONS:
            qual = node.parent.this.sql() + "." if isinstance(node.parent, exp.Dot) else ""
            return f"PostgreSQL function {qual}{node.name}()"
        if isinstance(node, PG_ONLY_NODES):
            return f"PostgreSQL array operation {node.sql(SOURCE)}"
    try:
        tree.sql(dialect=target, unsupported_level=ErrorLevel.RAISE)
    except Exception as exc:
        return " ".join(str(exc).split())[:120]
    return None


@register
class MysqlInexpressible(Rule):
    """PostgreSQL feature that the MySQL output cannot express, without an override or acknowledgement.

    A module generated for both dialects should mean the same thing on both. MySQL/MariaDB have no
    row-level security, no partial indexes, no expression indexes (MariaDB) and none of PostgreSQL's own
    functions (`current_setting`, `jsonb_*`, `auth.uid()`, arrays). `jobschema generate` writes a
    `-- WARNING` comment in the MySQL file and leaves the feature out — which is exactly what must not
    happen unnoticed: on MySQL the tenant isolation is gone, or the partial index becomes a full one.

    The rule reports, in modules whose `dialects` include `mysql`:

    - row-level security (`rls.enabled`),
    - partial indexes (`where:`),
    - expression index keys without a `mysql` override,
    - CHECKs, generated columns and expression defaults that use a PostgreSQL-only function or operator
      and have no `{postgres: ..., mysql: ...}` override.

    Resolve it with a per-dialect override where one exists, by dropping `mysql` from the module's
    `dialects`, or acknowledge it with `lint: {ignore: [JS109], reason: ...}` saying how the MySQL
    deployment compensates (e.g. the application filters by tenant).

    **Anti-pattern**

    ```yaml
    checks:
      - {name: jobs_params_object, expression: "jsonb_typeof(params) = 'object'"}
    ```

    **Best practice**

    ```yaml
    checks:
      - name: jobs_params_object
        expression: {postgres: "jsonb_typeof(params) = 'object'", mysql: "json_type(params) = 'OBJECT'"}
    ```
    """

    code = "JS109"
    name = "schema.mysql_inexpressible"
    title = "PostgreSQL-only feature without a MySQL override or acknowledgement"
    rationale = "The MySQL output silently loses RLS, partial indexes or PostgreSQL-only expressions."
    fix = ("Give a {postgres: ..., mysql: ...} override, drop mysql from the module's dialects, or suppress "
           "with lint.ignore and a reason saying how MySQL compensates.")
    severity = Severity.WARNING
    catalog = False  # a catalog holds one dialect's objects: what another dialect would lose is a question of the files

    def check(self, table, ctx):
        for target in ctx.module.dialects:
            if target != SOURCE:  # expressions are written in the source dialect: others translate them
                yield from self._check(table, ctx, target)

    def _check(self, table, ctx, target):
        m = ctx.module.name
        caps = dialects.get(target).capabilities

        def report(obj: str, what: str, origin):
            return self.finding(ctx.path(table, *([obj] if obj else [])), f"{table.name}: {what} has no {target} form",
                                ctx.location(origin or table.origin), module=m, expected=f"a {target} override",
                                actual=what)

        if table.rls.enabled and not caps.rls:
            yield report("", "row-level security", table.origin)
        for ix in table.indexes:
            if ix.where is not None and not caps.partial_index:
                yield report(ix.name, f"partial index {ix.name} (WHERE {ix.where.text})", ix.origin)
            for part in ix.parts:
                if part.expression is not None and not part.expression.override(target):
                    yield report(ix.name, f"expression index {ix.name} ({part.expression.text})", ix.origin)
        for ck in table.checks:
            why = _why(ck.expression, target)
            if why:
                yield report(ck.name, f"check {ck.name} uses {why}", ck.origin)
        for col in table.columns:
            if col.generated is not None and (why := _why(col.generated, target)):
                yield report(col.name, f"generated column {col.name} uses {why}", col.origin)
            d = col.default
            if d is not None and d.kind == "expression" and d.expression is not None:
                if (why := _why(d.expression, target)) and "gen_random_uuid" not in why:
                    yield report(col.name, f"default of {col.name} uses {why}", col.origin)


def _why(sql: Sql, target: str) -> str | None:
    if sql.override(target):
        return None
    return pg_only(sql.text, target)
