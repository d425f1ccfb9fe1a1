-- Registration desk (issue 3), for PostgreSQL, as src/store/migrations/0003_registry.sql.
CREATE INDEX person_phone ON person(phone) WHERE phone <> '';
CREATE INDEX exhibitor_email ON exhibitor(email) WHERE email <> '';
CREATE INDEX exhibitor_phone ON exhibitor(phone) WHERE phone <> '';
CREATE INDEX exhibitor_name_fr ON exhibitor(name_fr);
