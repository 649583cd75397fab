"""MariaDB vs MySQL 8 as named predicates; nothing outside this file compares version numbers.

Each predicate names a behaviour the inspector, the normaliser or the probe depends on, so a reader
sees *why* a branch exists (``v.views_report_algorithm``), never a bare ``if major >= 8``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = re.compile(r"^(\d+)\.(\d+)\.(\d+)")


@dataclass(frozen=True)
class ServerVersion:
    """The server behind a connection: ``SELECT VERSION(), @@version_comment``."""

    major: int
    minor: int
    patch: int
    maria: bool
    raw: str = ""

    @classmethod
    def parse(cls, version: str, comment: str | None = None) -> ServerVersion:
        text = version or ""
        # MariaDB 10.x may prefix "5.5.5-" for old clients; the real number follows.
        if text.startswith("5.5.5-"):
            text = text[len("5.5.5-"):]
        m = _NUM.match(text)
        major, minor, patch = (int(g) for g in m.groups()) if m else (0, 0, 0)
        maria = "mariadb" in (version or "").lower() or "mariadb" in (comment or "").lower()
        return cls(major, minor, patch, maria, version or "")

    def _at_least(self, major: int, minor: int = 0, patch: int = 0) -> bool:
        return (self.major, self.minor, self.patch) >= (major, minor, patch)

    # -- identity ---------------------------------------------------------------------------------
    @property
    def Maria(self) -> bool:  # noqa: N802 - the predicate's name, as in the docs
        return self.maria

    @property
    def label(self) -> str:
        return f"{'MariaDB' if self.maria else 'MySQL'} {self.major}.{self.minor}.{self.patch}"

    # -- support ------------------------------------------------------------------------------------
    @property
    def supported(self) -> bool:
        """Old enough servers lack what the catalog queries read: MariaDB 10.3+, MySQL 8.0+."""
        return self._at_least(10, 3) if self.maria else self._at_least(8, 0)

    def too_old(self) -> str | None:
        """One line saying the server is too old, or None."""
        if self.supported:
            return None
        need = "MariaDB 10.3" if self.maria else "MySQL 8.0"
        return f"{self.label} is too old: jobschema needs {need} or later"

    # -- CHECK constraints --------------------------------------------------------------------------
    @property
    def supports_check(self) -> bool:
        """CHECK constraints are enforced (MariaDB 10.2.1+, MySQL 8.0.16+); before that they are parsed and
        forgotten, and a missing CHECK is not drift the server could fix."""
        return self._at_least(10, 2, 1) if self.maria else self._at_least(8, 0, 16)

    @property
    def check_constraints_have_table_name(self) -> bool:
        """MariaDB's CHECK_CONSTRAINTS carries TABLE_NAME (and LEVEL); MySQL's must be joined to
        TABLE_CONSTRAINTS."""
        return self.maria

    @property
    def escapes_check_text_twice(self) -> bool:
        """MySQL 8 prints CHECK_CLAUSE with string literals escaped once more (``_utf8mb4\\'a\\'``)."""
        return not self.maria

    @property
    def names_inline_checks_after_column(self) -> bool:
        """MariaDB names an unnamed column-level CHECK after its column (MySQL: ``<table>_chk_<n>``)."""
        return self.maria

    @property
    def checks_have_level(self) -> bool:
        """MariaDB keeps whether a CHECK was written on its column (CHECK_CONSTRAINTS.LEVEL = 'Column'): SHOW
        CREATE prints it there and MODIFY COLUMN drops it; MySQL 8 makes every CHECK a table constraint."""
        return self.maria

    # -- columns ------------------------------------------------------------------------------------
    @property
    def json_is_longtext(self) -> bool:
        """MariaDB's JSON is LONGTEXT plus an automatic ``json_valid(col)`` CHECK named after the column."""
        return self.maria

    @property
    def quotes_literal_defaults(self) -> bool:
        """MariaDB 10.2.7+ prints COLUMN_DEFAULT as SQL (``'pending'``, ``NULL``, ``current_timestamp(6)``);
        MySQL prints the bare value and marks expressions with DEFAULT_GENERATED in EXTRA."""
        return self.maria and self._at_least(10, 2, 7)

    @property
    def prints_integer_display_width(self) -> bool:
        """``bigint(20)`` in COLUMN_TYPE (MariaDB, MySQL before 8.0.19); MySQL 8.0.19+ prints ``bigint``."""
        return self.maria or not self._at_least(8, 0, 19)

    # -- indexes and views --------------------------------------------------------------------------
    @property
    def supports_descending_index(self) -> bool:
        """DESC index keys are stored (MariaDB 10.8+, MySQL 8.0+); before, DESC is parsed and ignored."""
        return self._at_least(10, 8) if self.maria else self._at_least(8, 0)

    @property
    def statistics_have_expression(self) -> bool:
        """STATISTICS.EXPRESSION exists (MySQL 8.0.13+ functional indexes; MariaDB has none)."""
        return not self.maria and self._at_least(8, 0, 13)

    @property
    def views_report_algorithm(self) -> bool:
        """information_schema.VIEWS has ALGORITHM on MariaDB only; MySQL 8 keeps it in the hidden data
        dictionary (readable only through SHOW CREATE VIEW, one statement per view)."""
        return self.maria

    @property
    def rewrites_count_star(self) -> bool:
        """Stored view text says ``count(0)`` where the author wrote ``count(*)``."""
        return True

    # -- migrations -----------------------------------------------------------------------------------
    @property
    def atomic_ddl(self) -> bool:
        """A DDL statement either happens whole or not at all, even when its session or the server dies
        (MariaDB 10.6+ atomic DDL, MySQL 8.0's data dictionary): a run killed inside one can be resumed by
        looking at the catalog."""
        return self._at_least(10, 6) if self.maria else self._at_least(8, 0)

    # -- session --------------------------------------------------------------------------------------
    @property
    def statement_timeout_variable(self) -> str:
        """``max_statement_time`` (seconds, every statement) on MariaDB; ``max_execution_time`` (milliseconds,
        SELECT only) on MySQL."""
        return "max_statement_time" if self.maria else "max_execution_time"

    def statement_timeout_value(self, seconds: float) -> str:
        if self.maria:
            return f"{float(seconds):g}"
        return str(max(1, int(seconds * 1000)))

    @property
    def supports_read_only_transaction(self) -> bool:
        """``START TRANSACTION READ ONLY`` (MariaDB 10.0+, MySQL 5.6.5+)."""
        return self._at_least(10, 0) if self.maria else self._at_least(5, 6, 5)
