-- Uploaded materials of a case. The bytes are in the blob store under a random name; the row
-- keeps which form field (material) a file answers, its kind by content and its size, never
-- the file's original name. A removed file keeps its row (removed_at) for the audit trail.
CREATE TABLE case_files (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id          BIGINT NOT NULL REFERENCES cases (id),
    field_key        TEXT NOT NULL,
    blob             TEXT NOT NULL,
    kind             TEXT NOT NULL,
    size             BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    removed_at       BIGINT
);
CREATE INDEX case_files_of_case ON case_files (case_id);

-- What a supplement request asks for: the form fields (materials) wanting, space-separated.
ALTER TABLE case_events ADD COLUMN wanted TEXT;

-- How the result reaches the applicant: a code to show at the window, or the post's number.
ALTER TABLE cases ADD COLUMN pickup_code TEXT;
ALTER TABLE cases ADD COLUMN tracking_no TEXT;

-- Electronic certificates: the canonical text signed (Ed25519) and the signature, so that a
-- printed QR code can be checked offline against the published key. Never deleted; revoked.
CREATE TABLE certificates (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    case_id          BIGINT NOT NULL UNIQUE REFERENCES cases (id),
    content          TEXT NOT NULL,
    signature        BYTEA NOT NULL,
    issued_at        BIGINT NOT NULL,
    revoked_at       BIGINT
);
