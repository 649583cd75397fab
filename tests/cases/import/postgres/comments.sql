CREATE TABLE batches (
    id bigint PRIMARY KEY,
    status text NOT NULL,
    size integer NOT NULL,
    CONSTRAINT batches_size_positive CHECK (size > 0)
);
CREATE TABLE batch_items (
    id bigint PRIMARY KEY,
    batch_id bigint NOT NULL CONSTRAINT batch_items_batch_fk REFERENCES batches (id)
);
CREATE INDEX batches_status_idx ON batches (status);
COMMENT ON TABLE batches IS 'Batches of work; it''s a "quoted" comment.';
COMMENT ON COLUMN batches.status IS 'Where the batch is.';
COMMENT ON INDEX batches_status_idx IS 'For the dashboard.';
COMMENT ON CONSTRAINT batches_size_positive ON batches IS 'Empty batches are not stored.';
COMMENT ON CONSTRAINT batch_items_batch_fk ON batch_items IS 'Items belong to a batch.';
COMMENT ON COLUMN batches.size IS NULL;
