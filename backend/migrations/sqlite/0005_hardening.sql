-- Hardening (issue 10): sign-in codes leave the outbox once they have expired; an account
-- records which identity check it passed; sessions are swept by age.

-- When the text may be deleted (sign-in codes: once the code has expired). NULL: kept.
ALTER TABLE outbox ADD COLUMN purge_at BIGINT;
CREATE INDEX outbox_purge ON outbox (purge_at) WHERE purge_at IS NOT NULL;

-- Which check 实名认证 passed: 'number' (GB 11643 shape and check character only) or
-- 'authority' (name and number matched by the identity authority).
ALTER TABLE citizens ADD COLUMN verified_level TEXT
    CHECK (verified_level IS NULL OR verified_level IN ('number', 'authority'));
UPDATE citizens SET verified_level = 'number' WHERE verified_at IS NOT NULL;

CREATE INDEX sessions_seen ON sessions (seen_at);
