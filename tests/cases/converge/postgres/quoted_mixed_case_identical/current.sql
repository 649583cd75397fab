CREATE TABLE "Jobs" ("Id" bigint, "Status" text NOT NULL, CONSTRAINT "Jobs_PK" PRIMARY KEY ("Id"), CONSTRAINT "Jobs_Status_Check" CHECK ("Status" IN ('A', 'B')));
CREATE INDEX "Jobs_Status_Idx" ON "Jobs" ("Status");
