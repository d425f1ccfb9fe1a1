-- Registration desk (issue 3): lookups used by duplicate detection and idempotent imports.
-- E-mails are stored lower-case and phones in E.164, so plain equality finds the same person.
CREATE INDEX person_phone ON person(phone) WHERE phone <> '';
CREATE INDEX exhibitor_email ON exhibitor(email) WHERE email <> '';
CREATE INDEX exhibitor_phone ON exhibitor(phone) WHERE phone <> '';
CREATE INDEX exhibitor_name_fr ON exhibitor(name_fr);
