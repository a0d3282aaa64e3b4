-- Accounts: citizens and what they keep (family members, addresses), sign-in codes, sessions,
-- staff, the outbox of texts, and the audit log. Personal numbers and names are stored only
-- encrypted (*_enc, AES-256-GCM bound to the column), with a keyed blind index (*_index) where
-- they must be found or kept unique, and a masked copy (*_masked) for display. Times are
-- seconds since 1970 UTC.

CREATE TABLE citizens (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_enc     BYTEA,
    phone_index   BYTEA UNIQUE,
    phone_masked  TEXT,
    name_enc      BYTEA,
    name_masked   TEXT,
    id_enc        BYTEA,
    id_index      BYTEA UNIQUE,   -- one verified account per ID number
    id_masked     TEXT,
    verified_at   BIGINT,
    elder         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT NOT NULL,
    deleted_at    BIGINT            -- personal data removed; the row stays for case history
);

CREATE TABLE family_members (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id   BIGINT NOT NULL REFERENCES citizens (id),
    name_enc     BYTEA NOT NULL,
    name_masked  TEXT NOT NULL,
    relation     TEXT NOT NULL CHECK (relation IN ('spouse', 'child', 'parent')),
    id_enc       BYTEA,
    id_index     BYTEA,
    id_masked    TEXT,
    request_key  TEXT NOT NULL,    -- the add form's one-time key: a resubmission adds nothing
    created_at   BIGINT NOT NULL,
    CONSTRAINT family_members_id_once UNIQUE (citizen_id, id_index),
    CONSTRAINT family_members_request_once UNIQUE (citizen_id, request_key)
);

CREATE TABLE addresses (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id       BIGINT NOT NULL REFERENCES citizens (id),
    recipient_enc    BYTEA NOT NULL,
    recipient_masked TEXT NOT NULL,
    phone_enc        BYTEA NOT NULL,
    phone_masked     TEXT NOT NULL,
    region           TEXT NOT NULL,
    detail_enc       BYTEA NOT NULL,
    request_key      TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    CONSTRAINT addresses_request_once UNIQUE (citizen_id, request_key)
);

-- One row per phone number that asked for a code: the current code's keyed hash and the
-- counters the send and try limits need (shared by every server process).
CREATE TABLE otp_state (
    phone_index  BYTEA PRIMARY KEY,
    code_hash    BYTEA NOT NULL,
    sent_at      BIGINT NOT NULL,
    send_key     TEXT NOT NULL,
    day          BIGINT,           -- China date of the count below, as days since 1970
    sent_on_day  BIGINT NOT NULL,
    tries        BIGINT NOT NULL,
    used_at      BIGINT
);

-- Texts and notices waiting for (or handed to) a provider.
CREATE TABLE outbox (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at       BIGINT NOT NULL,
    channel          TEXT NOT NULL,
    recipient_enc    BYTEA NOT NULL,
    recipient_index  BYTEA NOT NULL,
    recipient_masked TEXT NOT NULL,
    body             TEXT NOT NULL
);
CREATE INDEX outbox_recipient ON outbox (recipient_index, id);

CREATE TABLE staff (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    token_hash  BYTEA PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('citizen', 'staff')),
    subject_id  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    seen_at     BIGINT NOT NULL
);
CREATE INDEX sessions_subject ON sessions (kind, subject_id);

-- Who did what to which record, on whose behalf, when and from where. Append-only: the
-- triggers below refuse updates and deletes.
CREATE TABLE audit_log (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
