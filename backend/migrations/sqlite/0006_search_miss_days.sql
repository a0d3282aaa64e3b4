-- Searches that found nothing well, counted per query and China-time day instead of a row per
-- search: the same words asked again add to a count, so a crawler cannot grow the table by
-- repeating itself (the service also caps what one address may add a day).
CREATE TABLE search_miss_days (
    query   TEXT NOT NULL,
    day     BIGINT NOT NULL, -- days since 1970-01-01, China time
    count   BIGINT NOT NULL CHECK (count > 0),
    last_at BIGINT NOT NULL,
    PRIMARY KEY (query, day)
);
INSERT INTO search_miss_days (query, day, count, last_at)
    SELECT query, (at + 28800) / 86400, COUNT(*), MAX(at)
    FROM search_misses GROUP BY query, (at + 28800) / 86400;
DROP TABLE search_misses;
