"""Batch worker: claims queued items, records their results (psycopg, SQL in strings)."""

import enum


class ItemStatus(enum.StrEnum):  # jobschema: batch_items.status
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


CLAIM = """
    UPDATE batch_items SET status = 'processing', updated_at = now()
    WHERE id = (SELECT id FROM batch_items WHERE status = 'queued' ORDER BY position LIMIT 1)
    RETURNING id, batch_job_id, topic, parameters
"""


def claim(conn):
    with conn.cursor() as cur:
        cur.execute(CLAIM)
        return cur.fetchone()


def finish(conn, item_id, job_id, ok, message=None):
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE batch_items SET status = %s, error_message = %s WHERE id = %s",
            ("completed" if ok else "errored", message, item_id),
        )
        cur.execute("UPDATE batch_jobs SET completed_items = completed_items + 1 WHERE id = %(job)s", {"job": job_id})
        cur.execute("INSERT INTO batch_events (job_id, event) VALUES (%s, 'finished')", (job_id,))


def cancel(conn, job_id, status):
    with conn.cursor() as cur:
        cur.execute("UPDATE batch_items SET status = %s WHERE batch_job_id = %s", (status, job_id))


def requeue_failed(conn, job_id):
    with conn.cursor() as cur:
        cur.execute("UPDATE batch_items SET status = %s, error_message = NULL "
                    "WHERE batch_job_id = %s AND status = 'failed'", ("queued", job_id))


def stall(conn, item_id):
    with conn.cursor() as cur:
        # a value the schema does not know, in the second piece
        cur.execute("UPDATE batch_items SET error_message = 'stalled' " + "WHERE id = %s AND status <> "
                    "'stalled'", (item_id,))


def cancel_all(conn, job_ids):
    for job_id in job_ids:
        cancel(conn, job_id, "cancelled")
