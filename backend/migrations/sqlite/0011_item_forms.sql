-- An item's own application-form fields (JSON list of domain::case::FieldSpec), from the seed.
ALTER TABLE service_items ADD COLUMN form TEXT NOT NULL DEFAULT '[]';
