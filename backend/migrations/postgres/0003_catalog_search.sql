-- Search and browse: themes (one a line, by Chinese name) and the law's own wording when it
-- counts calendar days; the record of searches that found nothing (the query only, no person).
ALTER TABLE service_items ADD COLUMN legal_limit_note TEXT;
ALTER TABLE service_items ADD COLUMN themes TEXT NOT NULL DEFAULT '';

CREATE TABLE search_misses (
    id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    query  TEXT NOT NULL,
    at     BIGINT NOT NULL
);
CREATE INDEX search_misses_query ON search_misses (query);

-- Which version of the seed catalogue is loaded (a fingerprint of the file).
CREATE TABLE catalog_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
