"""What a fleet audit reads before it connects: the DSN file, the refusals, the default number of jobs."""

from __future__ import annotations

import pytest

from jobschema import fleet
from jobschema.errors import UsageError


def write(tmp_path, text: str) -> str:
    path = tmp_path / "dsns.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_dsn_file_skips_comments_and_takes_passwords_from_the_environment(tmp_path):
    path = write(tmp_path, "# tenants\n\n  postgresql://app:${TENANT_PW}@db1/a  \n# off: postgresql://x/y\n"
                           "mysql://root@db2:3306/b\nhost=db3 dbname=c password=${TENANT_PW}\n")
    assert fleet.read_dsn_file(path, {"TENANT_PW": "pw-1"}) == [
        "postgresql://app:pw-1@db1/a", "mysql://root@db2:3306/b", "host=db3 dbname=c password=pw-1"]


@pytest.mark.parametrize("text, message", [
    ("postgresql://a/b\npostgresql://app:hunter22@db/x\n",
     "dsns.txt:2: postgresql://app:***@db/x holds a password; write ${NAME} to take it from the environment "
     "variable NAME, or keep it in ~/.pgpass"),
    ("host=db dbname=x password=hunter22\n", "dsns.txt:1: host=db dbname=x password=*** holds a password;"),
    ("postgresql://db/x?password=hunter22\n", "dsns.txt:1: postgresql://db/x?password=*** holds a password;"),
    ("# nothing\n\n", "dsns.txt: the DSN file names no database"),
    ("postgresql://app:${NOT_SET_ANYWHERE}@db/x\n", "dsns.txt:1: the environment variable NOT_SET_ANYWHERE is not set"),
])
def test_dsn_file_refusals_name_the_line_and_never_the_password(tmp_path, text, message):
    with pytest.raises(UsageError) as err:
        fleet.read_dsn_file(write(tmp_path, text), {})
    assert message in str(err.value) and "hunter22" not in str(err.value)
    assert "\n" not in str(err.value)


def test_unreadable_dsn_file(tmp_path):
    with pytest.raises(UsageError, match=r"missing\.txt: cannot read the DSN file"):
        fleet.read_dsn_file(str(tmp_path / "missing.txt"))


def test_write_migration_needs_one_database():
    fleet.check_options(["postgresql://a/b"], write_migration=True)
    with pytest.raises(UsageError, match="--write-migration fixes one database"):
        fleet.check_options(["postgresql://a/b", "postgresql://a/c"], write_migration=True)
    with pytest.raises(UsageError, match="no database given"):
        fleet.check_options([], write_migration=False)


@pytest.mark.parametrize("databases, cpus, jobs", [(200, 2, 8), (3, 2, 3), (200, 64, fleet.CONNECTION_BUDGET),
                                                   (1, 1, 1)])
def test_default_jobs_follow_the_cpus_within_the_connection_budget(databases, cpus, jobs):
    assert fleet.default_jobs(databases, cpus) == jobs
