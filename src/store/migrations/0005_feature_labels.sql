-- Moussem schema, version 5 (feature labels): an aisle's or an entrance's label in Arabic and English
-- beside the French one (`label`), shown in the interface language. Empty: the French label. Append-only.
ALTER TABLE venue_feature ADD COLUMN label_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE venue_feature ADD COLUMN label_en TEXT NOT NULL DEFAULT '';
