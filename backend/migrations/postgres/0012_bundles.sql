-- 一件事 bundles, from the catalogue seed: the definition as JSON (domain::bundle::BundleDef),
-- replaced whole with the catalogue.
CREATE TABLE bundles (
    code        TEXT PRIMARY KEY,
    position    BIGINT NOT NULL,
    definition  TEXT NOT NULL
);

-- A bundle application is a case of its own (the joint form, its answers and uploads) with
-- `bundle_code` set and no department; each of its items is a case with `parent_id` set.
ALTER TABLE cases ADD COLUMN bundle_code TEXT;
ALTER TABLE cases ADD COLUMN parent_id BIGINT REFERENCES cases (id);
CREATE INDEX cases_of_parent ON cases (parent_id);
