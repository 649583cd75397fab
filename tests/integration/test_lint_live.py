"""``jobschema lint --dsn``: the schema rules over what inspect reads from a live database, on both
engines, with the formats and exit codes of ``lint`` over files."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner
from dbutil import apply_sql_mysql, apply_sql_pg

from jobschema import api
from jobschema.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CAMPAIGN = api.render_project(api.load(os.path.join(ROOT, "schema")), "campaign", "postgres").files

# The holes issue 16 found, put back into a database built from the generated DDL.
WEAKENED = """
ALTER FUNCTION get_job_cards(uuid) SET search_path = public;
GRANT EXECUTE ON FUNCTION refresh_job_metrics() TO PUBLIC;
GRANT SELECT ON job_metrics TO anon;
ALTER POLICY jobs_org_isolation ON jobs USING (org_id = auth.uid());
CREATE POLICY jobs_all ON jobs FOR SELECT USING (true);
ALTER TABLE agent_runs DISABLE ROW LEVEL SECURITY;
CREATE POLICY kc_loose ON kanban_cards FOR INSERT WITH CHECK (org_id = (SELECT auth.uid()));
"""


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def found(out: str) -> list[tuple[str, str]]:
    return sorted((f["code"], f["path"]) for f in json.loads(out)["findings"])


def test_pg_security_rules_on_a_live_database(pg_dsn):
    for path in sorted(CAMPAIGN):
        apply_sql_pg(pg_dsn, CAMPAIGN[path])
    code, out = cli("lint", "--dsn", pg_dsn, "--module", "campaign", "--select", "JS11", "--format", "json")
    assert (code, found(out)) == (0, []), out
    apply_sql_pg(pg_dsn, WEAKENED)
    code, out = cli("lint", "--dsn", pg_dsn, "--module", "campaign", "--select", "JS11", "--format", "json")
    assert code == 1
    assert found(out) == [
        ("JS110", "campaign.get_job_cards"),
        ("JS111", "campaign.refresh_job_metrics"),
        ("JS112", "campaign.job_metrics"),
        ("JS113", "campaign.agent_runs"),
        ("JS114", "campaign.jobs.jobs_all"),
        ("JS115", "campaign.jobs.jobs_all"),
        ("JS115", "campaign.kanban_cards.kanban_cards_org_isolation"),
        ("JS116", "campaign.kanban_cards.kc_loose"),
        ("JS116", "campaign.kanban_cards.kc_loose"),
        ("JS117", "campaign.jobs.jobs_org_isolation"),
    ]


def test_mariadb_table_rules_on_a_live_database(mysql_dsn):
    apply_sql_mysql(mysql_dsn, "CREATE TABLE scratch (id int, note text); "
                               "CREATE TABLE kept (id int PRIMARY KEY, status varchar(20))")
    code, out = cli("lint", "--dsn", mysql_dsn, "--format", "json")
    assert code == 1
    assert found(out) == [("JS102", "live.scratch"), ("JS103", "live.kept.status")]


def test_dsn_and_paths_together_is_a_usage_error(pg_dsn):
    code, out = cli("lint", "--dsn", pg_dsn, "schema")
    assert code == 2 and "either PATHs or --dsn" in out and "Traceback" not in out
