"""The two ways a migrate run stops, shared by the executor and the unit-by-unit runner."""

from __future__ import annotations

from ..errors import JobschemaError


class MigrateRefused(JobschemaError):
    """The folder or the history is in a state migrate will not guess about; the message says what to do."""


class MigrationFailed(JobschemaError):
    """A statement of a migration file failed; the message names the file, statement, line and error."""

    db_error: str | None = None
