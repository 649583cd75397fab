CREATE TYPE "JobStatus" AS ENUM ('Queued', 'Running');
CREATE TABLE jobs (id bigint PRIMARY KEY, status "JobStatus" NOT NULL);
INSERT INTO jobs VALUES (1, 'Queued');
