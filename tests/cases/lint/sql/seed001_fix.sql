-- ============================================================================
-- MIGRATION: Fix batch_jobs Status Constraint
-- Date: November 25, 2025
-- Purpose: Update status CHECK constraint to match codebase expectations
-- ============================================================================

-- Step 1: Drop ALL existing status check constraints
DO $$
DECLARE
    r RECORD;
BEGIN
    FOR r IN 
        SELECT conname 
        FROM pg_constraint 
        WHERE conrelid = 'batch_jobs'::regclass 
        AND contype = 'c' 
        AND pg_get_constraintdef(oid) LIKE '%status%'
    LOOP
        RAISE NOTICE 'Dropping constraint: %', r.conname;
        EXECUTE 'ALTER TABLE batch_jobs DROP CONSTRAINT ' || quote_ident(r.conname);
    END LOOP;
END $$;

-- Step 2: Add new constraint matching codebase values
ALTER TABLE batch_jobs  -- expect: JS201, JS207, JS208
ADD CONSTRAINT batch_jobs_status_check 
CHECK (status IN ('queued', 'processing', 'paused', 'completed', 'failed', 'cancelled'));

-- Step 3: Update any existing records to new values (just in case)
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';  -- expect: JS206
UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';  -- expect: JS206

-- Step 4: Document the change
COMMENT ON COLUMN batch_jobs.status IS 
'Job status: queued (waiting), processing (active), paused, completed, failed, cancelled';
