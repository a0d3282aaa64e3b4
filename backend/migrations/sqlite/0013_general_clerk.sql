-- 综合受理 (a hall's 无差别综合受理 window) is a staff role: the role check admits it. SQLite
-- cannot change a CHECK in place, so the table is rebuilt. Its rows are put back after the new
-- table takes the name, and foreign keys are checked at commit: each row put back restores
-- its departments' reference (staff_departments), so nothing is left dangling.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE staff_copy AS SELECT * FROM staff;
DROP TABLE staff;
CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,   -- argon2id PHC string
    role          TEXT NOT NULL
                  CHECK (role IN ('clerk', 'general_clerk', 'approver', 'assistant', 'admin')),
    hall_code     TEXT REFERENCES halls (code),
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    failures      BIGINT NOT NULL DEFAULT 0,
    locked_until  BIGINT,
    created_at    BIGINT NOT NULL
);
INSERT INTO staff (id, username, display_name, password_hash, role, hall_code, active, failures,
                   locked_until, created_at)
    SELECT id, username, display_name, password_hash, role, hall_code, active, failures,
           locked_until, created_at FROM staff_copy;
DROP TABLE staff_copy;
