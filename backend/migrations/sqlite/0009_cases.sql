-- Cases (办件): one application for one 事项, from draft to result. The form's answers hold
-- personal data (names, ID numbers), so they are stored only encrypted, like every other
-- personal column. The number is given at submission.
CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
    number           TEXT UNIQUE,
    citizen_id       BIGINT NOT NULL REFERENCES citizens (id),
    member_id        BIGINT,
    item_code        TEXT NOT NULL,
    department_code  TEXT NOT NULL,
    state            TEXT NOT NULL,
    step             BIGINT NOT NULL DEFAULT 0,
    answers_enc      BLOB NOT NULL,
    limit_days       BIGINT NOT NULL,
    immediate        BOOLEAN NOT NULL,
    request_key      TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    submitted_at     BIGINT,
    UNIQUE (citizen_id, request_key)
);
CREATE INDEX cases_of_citizen ON cases (citizen_id, updated_at);
CREATE INDEX cases_queue ON cases (department_code, state);

-- Every transition of a case, in order: the citizen's timeline (the actor's role and
-- department) and the audit trail (the staff member's id). Appended, never changed.
CREATE TABLE case_events (
    id               INTEGER PRIMARY KEY,
    case_id          BIGINT NOT NULL REFERENCES cases (id),
    at               BIGINT NOT NULL,
    action           TEXT NOT NULL,
    from_state       TEXT NOT NULL,
    to_state         TEXT NOT NULL,
    actor_kind       TEXT NOT NULL,
    actor_id         BIGINT NOT NULL,
    department_code  TEXT,
    note             TEXT
);
CREATE INDEX case_events_of_case ON case_events (case_id, id);

CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only');
END;

CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only');
END;
