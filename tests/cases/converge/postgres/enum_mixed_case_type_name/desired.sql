CREATE TYPE "JobStatus" AS ENUM ('Queued', 'Running', 'Done');
CREATE TABLE jobs (id bigint PRIMARY KEY, status "JobStatus" NOT NULL);
