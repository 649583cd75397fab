"""The error tree every user-caused failure goes through, and the exit codes the CLI returns.

The CLI turns any ``JobschemaError`` into one line on stderr and exit 2; nothing else should reach the
user as a traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    DRIFT = 1  # drift, lint findings, stale generated files
    ERROR = 2  # bad input, unreachable database, refused plan


class JobschemaError(Exception):
    """Base of every error a user can cause; ``str()`` is the one line the user sees."""

    exit_code = ExitCode.ERROR


class LoadError(JobschemaError):
    """One problem in a schema file, located as ``file:line:col``."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 col: int | None = None, hint: str | None = None):
        self.message = message
        self.file = file
        self.line = line
        self.col = col
        self.hint = hint
        super().__init__(self.format())

    def __reduce__(self):  # rebuilt from its parts, not its text (a worker process sends errors back)
        return type(self), (self.message, self.file, self.line, self.col, self.hint)

    @property
    def location(self) -> str:
        if self.file is None:
            return "<schema>"
        loc = self.file
        if self.line is not None:
            loc += f":{self.line}"
            if self.col is not None:
                loc += f":{self.col}"
        return loc

    def format(self) -> str:
        out = f"{self.location}: {self.message}"
        if self.hint:
            out += f" ({self.hint})"
        return out


class LoadErrors(JobschemaError):
    """Every problem found while loading, reported together so one run shows them all."""

    def __init__(self, errors: list[LoadError]):
        self.errors = sorted(errors, key=lambda e: (e.file or "", e.line or 0, e.col or 0, e.message))
        super().__init__("\n".join(e.format() for e in self.errors))


class ConnectError(JobschemaError):
    """A database that cannot be reached or refuses us; the message never holds a password."""


class PlanRefused(JobschemaError):
    """A migration that would fail or destroy data; the message says which rows or objects and why."""


class UsageError(JobschemaError):
    """A command line that cannot be acted on (unknown module, missing DSN)."""
