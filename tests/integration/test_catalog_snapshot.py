"""The PostgreSQL catalog read on several sessions that share one snapshot.

``open_catalog`` asks the dialect for up to three sessions: the audit's own exports its snapshot
(``pg_export_snapshot``) and the others adopt it (``SET TRANSACTION SNAPSHOT``), so the queries run in
parallel and still see one state of the database. Counted, not timed: the number of sessions and of
queries, and what a change made after the snapshot leaves unseen.
"""

from __future__ import annotations

import time
from pathlib import Path

from dbutil import apply_sql_pg, connect_pg

from jobschema import api
from jobschema.dialects import base
from jobschema.dialects.postgres import driver, session
from jobschema.dialects.postgres import inspect as pg_inspect
from jobschema.early_catalog import CATALOG_CONNECTIONS, open_catalog

REPO = Path(__file__).resolve().parents[2]
LATE = ["CREATE TABLE made_after_the_snapshot (id int)", "ALTER TABLE batch_jobs ADD COLUMN added_late int"]


def build_batch(dsn: str) -> None:
    files = api.render_project(api.load(str(REPO / "schema")), "batch", "postgres").files
    for path in sorted(files):
        apply_sql_pg(dsn, files[path])


def shape(live) -> dict:
    return {t.name: [c.name for c in t.columns] for t in live.module.tables}


def sessions_of(admin, dsn: str, want: int) -> int:
    """The read's sessions the server still lists, waiting up to 5 s for it to reach ``want`` (a backend
    leaves ``pg_stat_activity`` a moment after its client closed it)."""
    deadline = time.monotonic() + 5
    while True:
        (n,) = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name = %s",
                             (dsn.rsplit("/", 1)[1], "jobschema snapshot test")).fetchone()
        if n == want or time.monotonic() > deadline:
            return n
        time.sleep(0.02)


def test_catalog_queries_share_one_snapshot_on_several_sessions(pg_dsn, pg_server):
    build_batch(pg_dsn)
    pg = base.require("postgres")
    with open_catalog(pg, pg_dsn, ["public"], None, 30_000, 3_000, catalog_connections=1) as (_c, one):
        pass
    assert (one.catalog_connections, one.catalog_queries) == (1, len(pg_inspect.QUERIES))
    with connect_pg(pg_server.dsn) as admin, \
            pg.session(pg_dsn, 30_000, 3_000, "jobschema snapshot test", CATALOG_CONNECTIONS) as conn:
        for stmt in LATE:  # after the snapshot was exported: no session of the read may see these
            apply_sql_pg(pg_dsn, stmt)
        live = pg.inspect(conn, ["public"])
        assert sessions_of(admin, pg_dsn, 1) == 1  # the helpers are closed when the read ends
    assert CATALOG_CONNECTIONS == 3 and live.catalog_connections == 3
    assert live.catalog_queries == len(pg_inspect.QUERIES)  # each query sent once, whichever session sent it
    assert shape(live) == shape(one) and "made_after_the_snapshot" not in shape(live)
    assert live == one.__class__(**{**one.__dict__, "catalog_connections": 3})  # the same catalog, read apart


def test_a_helper_session_sees_the_exported_snapshot(pg_dsn):
    """Each query, whichever session sends it, reads the exporting transaction's state: a helper alone."""
    build_batch(pg_dsn)
    with session.read_only(pg_dsn) as conn:
        snapshot = session.export_snapshot(conn)
        assert snapshot
        for stmt in LATE:
            apply_sql_pg(pg_dsn, stmt)
        helper = session.snapshot_session(pg_dsn, snapshot, driver.search_path(conn, "public"))
        try:
            live = pg_inspect.inspect(helper, ["public"])
        finally:
            helper.close()
    assert "made_after_the_snapshot" not in shape(live)
    assert "added_late" not in shape(live)["batch_jobs"] and "status" in shape(live)["batch_jobs"]
