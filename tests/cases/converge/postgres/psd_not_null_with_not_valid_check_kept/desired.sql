CREATE TABLE mails (id int PRIMARY KEY, recipient text NOT NULL);
ALTER TABLE mails ADD CONSTRAINT mails_recipient_present CHECK (recipient IS NOT NULL) NOT VALID;
