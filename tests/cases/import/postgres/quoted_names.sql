CREATE TABLE "JobQueue" (
    "Id" bigint PRIMARY KEY,
    "userId" bigint NOT NULL,
    "select" text,
    "first name" text,
    "order" integer NOT NULL DEFAULT 0,
    plain_col text
);
CREATE INDEX "JobQueue_userId_idx" ON "JobQueue" ("userId", "order");
ALTER TABLE "JobQueue" ADD CONSTRAINT "Positive Order" CHECK ("order" >= 0);
COMMENT ON COLUMN "JobQueue"."first name" IS 'A column with a space.';
