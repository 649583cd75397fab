"""What several migration rules ask of a statement: does it lock an existing table, and which session
settings bound that lock. Read from sqlglot's tree, or its tokens where sqlglot keeps a command."""

from __future__ import annotations

from sqlglot import exp

from ....dialects import base as dialects

# opaque statements (sqlglot keeps them as commands) that lock an existing table or type
_OPAQUE_LOCKING = (("ALTER", "TABLE"), ("ALTER", "TYPE"), ("RENAME", "TABLE"), ("CREATE", "TRIGGER"),
                   ("CREATE", "POLICY"), ("ALTER", "POLICY"), ("DROP", "POLICY"), ("DROP", "TRIGGER"))


def locks_existing(st, state) -> str | None:
    """A short description of the lock ``st`` waits for on an object the file did not create, or None."""
    t = st.tree
    if t is None:
        w = st.words()
        return f"{w[0]} {w[1]}" if w[:2] in _OPAQUE_LOCKING else None
    if isinstance(t, exp.Alter):
        kind = (t.args.get("kind") or "").upper()
        if kind == "TABLE" and state.is_new(st.table):
            return None
        return f"ALTER {kind}".strip()
    if isinstance(t, exp.Create) and isinstance(t.this, exp.Index):
        return None if t.args.get("concurrently") or state.is_new(st.table) else "CREATE INDEX"
    if isinstance(t, exp.Drop) and (t.kind or "").upper() in ("TABLE", "INDEX"):
        if t.args.get("concurrently") or ((t.kind or "").upper() == "TABLE" and state.is_new(st.table)):
            return None
        return f"DROP {t.kind.upper()}"
    if isinstance(t, exp.TruncateTable):
        return "TRUNCATE"
    return None


def settings(dialect: str, which: str) -> tuple[str, ...]:
    """The session settings of ``dialect`` that bound a lock wait (``lock``) or a statement (``statement``)."""
    caps = dialects.get(dialect).capabilities
    return caps.lock_timeout_settings if which == "lock" else caps.statement_timeout_settings
