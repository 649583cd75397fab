DROP TABLE batch_items CASCADE;
