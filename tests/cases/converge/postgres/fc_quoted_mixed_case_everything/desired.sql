-- quoted mixed-case names everywhere
CREATE TYPE "Job State" AS ENUM ('Queued', 'Done');
CREATE TABLE "Queue" ("Id" int PRIMARY KEY, "Name" text CONSTRAINT "Queue_Name_UQ" UNIQUE);
CREATE TABLE "Job Item" ("Id" int PRIMARY KEY, "QueueId" int CONSTRAINT "FK Queue" REFERENCES "Queue" ("Id"), "Status" text CONSTRAINT "Status Check" CHECK ("Status" <> ''), "State" "Job State" DEFAULT 'Queued');
CREATE INDEX "Job Item By Status" ON "Job Item" ("Status" DESC) WHERE "Status" IS NOT NULL;
CREATE VIEW "Open Jobs" AS SELECT "Id", "Status" FROM "Job Item" WHERE "Status" <> 'done';
COMMENT ON COLUMN "Job Item"."Status" IS 'Mixed';
