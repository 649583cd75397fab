-- a serial key narrowed to smallserial: the sequence the server made for the serial is the same one the
-- smallserial owns, so the fix narrows it instead of creating it again
CREATE TABLE ticket (num serial NOT NULL, label text);
INSERT INTO ticket (label) VALUES ('first'), ('second');
