-- the partition key differs on a table and partitions with mixed-case names
CREATE TABLE "EventLog" ("Id" bigint NOT NULL, "Day" date NOT NULL) PARTITION BY RANGE ("Day");
CREATE TABLE "EventLog_All" PARTITION OF "EventLog" FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
INSERT INTO "EventLog" VALUES (1, '2024-01-01');
