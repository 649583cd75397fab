"""What the security rules ask of a module: who may run a function or read a view after the module's own
GRANT and REVOKE statements, whether the module runs on Supabase, which tables a query reads, and what a
policy expression evaluates per row. Everything is read through sqlglot's AST.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import sqlglot
from sqlglot import exp

from ....model import expr as exprmod
from ....model.objects import PORTABLE, Module, Policy, Sql
from ...capable import SOURCE, having, split

# Supabase's API roles: its default privileges grant EXECUTE on every new function and SELECT on every
# new table or view in public to them (and to service_role, which is trusted and bypasses RLS).
API_ROLES = frozenset({"anon", "authenticated"})
# Calls whose value is the same for every row of a statement, yet re-evaluated per row unless wrapped
# in a scalar subquery: (select auth.uid()) becomes an initPlan evaluated once.
PER_STATEMENT_CALLS = {"current_setting", "uid", "jwt", "role", "email"}


def supabase(module: Module) -> bool:
    """Whether the module is meant for Supabase (its API roles and default privileges apply)."""
    return module.name == "supabase_compat" or "supabase_compat" in module.requires


def definer_functions(module: Module) -> Iterator:
    """The module's SECURITY DEFINER functions (in dialects that have them): they run with their owner's
    rights."""
    kinds = having("security_definer")
    return (f for f in module.functions if f.security_definer and f.dialect in kinds)


def _parse_quietly(text: str) -> exp.Expression | None:
    """One statement through sqlglot, None when it does not parse (the loader already reported it)."""
    log = logging.getLogger("sqlglot")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        return sqlglot.parse_one(text, read=SOURCE)
    except Exception:
        return None
    finally:
        log.setLevel(level)


def _privilege_statements(module: Module) -> Iterator[exp.Grant | exp.Revoke]:
    """The GRANT and REVOKE statements the module's function and view files carry, in file order."""

    kinds = having("security_definer")
    texts = [(f.dialect, f.sql) for f in module.functions if f.dialect in kinds]
    texts += [(d, s) for v in module.views for d, s in v.extra_sql if d == PORTABLE or d in kinds]
    for dialect, text in texts:
        for st in split(dialect, text):
            head = st.text.lstrip()[:6].upper()
            if head.startswith(("GRANT", "REVOKE")):
                node = _parse_quietly(st.text)
                if isinstance(node, (exp.Grant, exp.Revoke)):
                    yield node


def _target(node: exp.Grant | exp.Revoke) -> tuple[str, str] | None:
    sec = node.args.get("securable")
    if not isinstance(sec, exp.Table):
        return None
    kind = str(node.args.get("kind") or "TABLE").upper()
    inner = sec.this
    name = inner.name if isinstance(inner, (exp.Anonymous, exp.Identifier)) else sec.name
    return ("function" if kind in ("FUNCTION", "PROCEDURE", "ROUTINE") else "table"), name.lower()


ACL_LETTERS = {"EXECUTE": "X", "SELECT": "r"}


def _from_acl(acl: tuple[str, ...], privilege: str) -> set[str]:
    """Grantees of ``privilege`` in a live ``aclitem[]`` (``grantee=Xr/grantor``; no grantee is PUBLIC)."""
    out = set()
    for item in acl:
        grantee, _, rest = item.partition("=")
        if ACL_LETTERS[privilege] in rest.split("/", 1)[0]:
            out.add(grantee.strip('"').lower() or "public")
    return out


def grantees(module: Module, kind: str, name: str, privilege: str) -> set[str]:
    """Roles (lower case, ``public`` for PUBLIC) holding ``privilege`` on a function or table/view of the
    module. Read from a live database: its ACL (no ACL means the defaults). From files: PostgreSQL's
    defaults (EXECUTE to PUBLIC for functions), Supabase's default privileges for its API roles, then
    each GRANT and REVOKE in order."""
    objects = module.functions if kind == "function" else module.views
    live = [o.acl for o in objects if o.name.lower() == name.lower() and o.origin.catalog is not None]
    if live:
        if live[0] is None:
            return {"public"} if kind == "function" else set()
        return _from_acl(live[0], privilege)
    who: set[str] = {"public"} if kind == "function" else set()
    if supabase(module):
        who |= API_ROLES
    for node in _privilege_statements(module):
        if _target(node) != (kind, name.lower()):
            continue
        privs = [p.this.name.upper() for p in node.args.get("privileges") or [] if p.this is not None]
        if not any(p == privilege or p.startswith("ALL") for p in privs):
            continue
        roles = {p.this.name.lower() for p in node.args.get("principals") or [] if p.this is not None}
        who = who | roles if isinstance(node, exp.Grant) else who - roles
    return who


def query_tables(query: str) -> set[str]:
    """Names of the tables a view's query reads (its own CTE names excluded)."""
    tree = _parse_quietly(query)
    if tree is None:
        return set()
    ctes = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    return {t.name.lower() for t in tree.find_all(exp.Table) if t.name and t.name.lower() not in ctes}


def policy_text(sql: Sql | None) -> str | None:
    return None if sql is None else (sql.override(SOURCE) or sql.text)


def parse_policy(sql: Sql | None) -> exp.Expression | None:
    text = policy_text(sql)
    if text is None:
        return None
    try:
        return exprmod.parse(text, SOURCE)
    except Exception:
        return None


def _call_name(node: exp.Expression) -> str | None:
    if isinstance(node, exp.Anonymous):
        return str(node.this).lower()
    return None


def per_row_calls(tree: exp.Expression) -> list[str]:
    """The ``auth.*()``/``current_setting()`` calls of a policy not wrapped as ``(SELECT call)``: inside a
    correlated subquery (EXISTS ... WHERE j.org_id = auth.uid()) they still run per row."""
    out = []
    for node in tree.find_all(exp.Anonymous):
        name = _call_name(node)
        if name not in PER_STATEMENT_CALLS:
            continue
        qualified = isinstance(node.parent, exp.Dot)
        if name != "current_setting" and not (qualified and node.parent.this.name.lower() == "auth"):
            continue
        call = node.parent if qualified else node
        sel = call.find_ancestor(exp.Select)
        if sel is not None and not sel.args.get("from_") and call.parent is sel or (
                sel is not None and not sel.args.get("from_") and isinstance(call.parent, exp.Alias)
                and call.parent.parent is sel):
            continue  # (SELECT auth.uid()): an initPlan, evaluated once
        out.append(call.sql(dialect=SOURCE, normalize_functions="lower"))
    return sorted(set(out))


def always_true(tree: exp.Expression | None) -> bool:
    """Whether a policy expression admits every row: ``true``, ``1 = 1``, ``col = col``, or an OR
    with such a term."""
    while isinstance(tree, exp.Paren):
        tree = tree.this
    if isinstance(tree, exp.Boolean):
        return bool(tree.this)
    if isinstance(tree, exp.Not) and isinstance(tree.this, exp.Boolean):
        return not tree.this.this
    if isinstance(tree, exp.EQ):
        return tree.this == tree.expression and not tree.this.find(exp.Anonymous, exp.Func, exp.Subquery)
    if isinstance(tree, exp.Or):
        return always_true(tree.this) or always_true(tree.expression)
    return False


def actions(policy: Policy) -> tuple[str, ...]:
    """The commands a policy covers (``all`` is all four)."""
    return ("select", "insert", "update", "delete") if policy.command == "all" else (policy.command,)


def write_check(policy: Policy) -> exp.Expression | None:
    """The expression a new row must satisfy under a policy: WITH CHECK, else USING (as PostgreSQL
    does for ALL and UPDATE policies without WITH CHECK)."""
    return parse_policy(policy.with_check) if policy.with_check is not None else parse_policy(policy.using)


def ties(tree: exp.Expression | None, column: str, ref_table: str) -> bool:
    """Whether an expression checks ``column`` against ``ref_table`` in a subquery (EXISTS or IN)."""
    if tree is None:
        return False
    for sub in tree.find_all(exp.Select):
        tables = {t.name.lower() for t in sub.find_all(exp.Table)}
        cols = {c.name.lower() for c in sub.find_all(exp.Column)}
        outer = {c.name.lower() for c in tree.find_all(exp.Column) if c.find_ancestor(exp.Select) is None}
        if ref_table.lower() in tables and (column.lower() in cols or column.lower() in outer):
            return True
    return False
