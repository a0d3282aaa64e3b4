-- A background job's turn: one process at a time runs each job until `until` (seconds since
-- 1970); the others skip it. Jobs also claim their rows one by one, so a lease lost to a
-- crash costs only a round's delay.
CREATE TABLE job_leases (
    name   TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until  BIGINT NOT NULL
);
