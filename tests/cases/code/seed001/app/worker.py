def start(cur, job_id):
    cur.execute("UPDATE batch_jobs SET status = 'processing' WHERE id = %s AND status = 'queued'", (job_id,))


def finish(cur, job_id, failed):
    cur.execute("UPDATE batch_jobs SET status = %s WHERE id = %s", ("failed" if failed else "completed", job_id))
