-- a live PRIMARY KEY the schema does not declare is drift
CREATE TABLE events (id bigint NOT NULL, body text, CONSTRAINT events_pkey PRIMARY KEY (id));
INSERT INTO events VALUES (1, 'x');
