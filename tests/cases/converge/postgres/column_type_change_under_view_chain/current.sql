-- a type change under a chain of views (named against their order): each is dropped, readers first, and
-- created again in dependency order
CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL, note varchar(10));
CREATE VIEW z_base AS SELECT id, total, note FROM jobs;
CREATE VIEW m_mid AS SELECT id, total * 2 AS doubled, note FROM z_base;
CREATE VIEW a_top AS SELECT id, doubled FROM m_mid WHERE doubled > 0;
INSERT INTO jobs VALUES (1, 7, 'x');
