"""Names jobschema writes into databases and migration files, shared by several packages.

A leaf module (it imports nothing from jobschema), so ``diff``, ``plan``, ``migrate`` and the dialects can
all agree on them without importing one another.
"""

from __future__ import annotations

HISTORY_TABLE = "jobschema_migrations"  # jobschema migrate's own bookkeeping; never drift
LOCK_NAME = "jobschema_migrations"  # the database lock one migrate run holds
NO_TRANSACTION = "jobschema:no-transaction"  # directive: this migration file runs outside a transaction
STEP_DIRECTIVE = "jobschema:step"  # comment line before each unit of a fix migration: its transaction and lock


def sql_comment(text: str) -> str:
    """Text safe inside a ``--`` comment line: one line, nothing that ends the comment early."""
    return " ".join(str(text).split())
