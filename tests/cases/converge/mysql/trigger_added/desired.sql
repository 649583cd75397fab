CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, attempts int NOT NULL DEFAULT 0);
CREATE TRIGGER jobs_attempts_nonneg BEFORE UPDATE ON jobs FOR EACH ROW SET NEW.attempts = GREATEST(NEW.attempts, 0);
