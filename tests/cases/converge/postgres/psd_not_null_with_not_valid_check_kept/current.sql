-- NOT NULL added while a NOT VALID check saying the same stays as it is
CREATE TABLE mails (id int PRIMARY KEY, recipient text);
ALTER TABLE mails ADD CONSTRAINT mails_recipient_present CHECK (recipient IS NOT NULL) NOT VALID;
INSERT INTO mails VALUES (1, 'a@b');
