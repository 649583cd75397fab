-- quoted mixed-case names everywhere
CREATE TABLE "Queue" ("Id" int PRIMARY KEY, "Name" text);
CREATE TABLE "Job Item" ("Id" int PRIMARY KEY, "QueueId" int, "Status" text);
