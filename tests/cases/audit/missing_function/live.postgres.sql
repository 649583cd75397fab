DROP FUNCTION cancel_job(uuid);
