-- the partition key differs on a table and partitions with mixed-case names
CREATE TABLE "EventLog" ("Id" bigint NOT NULL, "Day" date NOT NULL) PARTITION BY HASH ("Id");
CREATE TABLE "EventLog_0" PARTITION OF "EventLog" FOR VALUES WITH (MODULUS 1, REMAINDER 0);
