-- Moussem schema, version 5, for PostgreSQL, as src/store/migrations/0005_feature_labels.sql: an aisle's or an entrance's label in Arabic and English
-- beside the French one (`label`), shown in the interface language. Empty: the French label. Append-only.
ALTER TABLE venue_feature ADD COLUMN label_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE venue_feature ADD COLUMN label_en TEXT NOT NULL DEFAULT '';
