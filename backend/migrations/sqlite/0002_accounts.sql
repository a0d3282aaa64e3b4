-- Accounts: citizens and what they keep (family members, addresses), sign-in codes, sessions,
-- staff, the outbox of texts, and the audit log. Personal numbers and names are stored only
-- encrypted (*_enc, AES-256-GCM bound to the column), with a keyed blind index (*_index) where
-- they must be found or kept unique, and a masked copy (*_masked) for display. Times are
-- seconds since 1970 UTC.

CREATE TABLE citizens (
    id            INTEGER PRIMARY KEY,
    phone_enc     BLOB,
    phone_index   BLOB UNIQUE,
    phone_masked  TEXT,
    name_enc      BLOB,
    name_masked   TEXT,
    id_enc        BLOB,
    id_index      BLOB UNIQUE,   -- one verified account per ID number
    id_masked     TEXT,
    verified_at   BIGINT,
    elder         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT NOT NULL,
    deleted_at    BIGINT            -- personal data removed; the row stays for case history
);

CREATE TABLE family_members (
    id           INTEGER PRIMARY KEY,
    citizen_id   BIGINT NOT NULL REFERENCES citizens (id),
    name_enc     BLOB NOT NULL,
    name_masked  TEXT NOT NULL,
    relation     TEXT NOT NULL CHECK (relation IN ('spouse', 'child', 'parent')),
    id_enc       BLOB,
    id_index     BLOB,
    id_masked    TEXT,
    request_key  TEXT NOT NULL,    -- the add form's one-time key: a resubmission adds nothing
    created_at   BIGINT NOT NULL,
    CONSTRAINT family_members_id_once UNIQUE (citizen_id, id_index),
    CONSTRAINT family_members_request_once UNIQUE (citizen_id, request_key)
);

CREATE TABLE addresses (
    id               INTEGER PRIMARY KEY,
    citizen_id       BIGINT NOT NULL REFERENCES citizens (id),
    recipient_enc    BLOB NOT NULL,
    recipient_masked TEXT NOT NULL,
    phone_enc        BLOB NOT NULL,
    phone_masked     TEXT NOT NULL,
    region           TEXT NOT NULL,
    detail_enc       BLOB NOT NULL,
    request_key      TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    CONSTRAINT addresses_request_once UNIQUE (citizen_id, request_key)
);

-- One row per phone number that asked for a code: the current code's keyed hash and the
-- counters the send and try limits need (shared by every server process).
CREATE TABLE otp_state (
    phone_index  BLOB PRIMARY KEY,
    code_hash    BLOB NOT NULL,
    sent_at      BIGINT NOT NULL,
    send_key     TEXT NOT NULL,
    day          BIGINT,           -- China date of the count below, as days since 1970
    sent_on_day  BIGINT NOT NULL,
    tries        BIGINT NOT NULL,
    used_at      BIGINT
);

-- Texts and notices waiting for (or handed to) a provider.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    created_at       BIGINT NOT NULL,
    channel          TEXT NOT NULL,
    recipient_enc    BLOB NOT NULL,
    recipient_index  BLOB NOT NULL,
    recipient_masked TEXT NOT NULL,
    body             TEXT NOT NULL
);
CREATE INDEX outbox_recipient ON outbox (recipient_index, id);

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,   -- argon2id PHC string
    role          TEXT NOT NULL CHECK (role IN ('clerk', 'approver', 'assistant', 'admin')),
    hall_code     TEXT REFERENCES halls (code),
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    failures      BIGINT NOT NULL DEFAULT 0,
    locked_until  BIGINT,
    created_at    BIGINT NOT NULL
);

CREATE TABLE staff_departments (
    staff_id        BIGINT NOT NULL REFERENCES staff (id),
    department_code TEXT NOT NULL REFERENCES departments (code),
    PRIMARY KEY (staff_id, department_code)
);

-- Only the SHA-256 of the cookie's token is kept: a copy of this table signs nobody in.
CREATE TABLE sessions (
    token_hash  BLOB PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('citizen', 'staff')),
    subject_id  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    seen_at     BIGINT NOT NULL
);
CREATE INDEX sessions_subject ON sessions (kind, subject_id);

-- Who did what to which record, on whose behalf, when and from where. Append-only: the
-- triggers below refuse updates and deletes.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            BIGINT NOT NULL,
    actor_kind    TEXT NOT NULL CHECK (actor_kind IN ('citizen', 'staff', 'system')),
    actor_id      BIGINT,
    on_behalf_of  BIGINT,          -- a family member the citizen acted for
    action        TEXT NOT NULL,
    record_kind   TEXT,
    record_id     BIGINT,
    ip            TEXT
);
CREATE INDEX audit_log_actor ON audit_log (actor_kind, actor_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
