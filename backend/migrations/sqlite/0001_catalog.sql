-- The service catalogue: departments, halls, 事项 and their 办事指南.
CREATE TABLE departments (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL,
    weekend     INTEGER NOT NULL CHECK (weekend IN (0, 1)),
    position    INTEGER NOT NULL
);

CREATE TABLE halls (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    address       TEXT NOT NULL,
    hours         TEXT NOT NULL,
    weekend_hours TEXT NOT NULL,
    phone         TEXT NOT NULL
);

CREATE TABLE service_items (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    department_code TEXT NOT NULL REFERENCES departments (code),
    category        TEXT NOT NULL,
    legal_days      INTEGER NOT NULL CHECK (legal_days >= 0),
    promised_days   INTEGER NOT NULL CHECK (promised_days >= 0),
    case_type       TEXT NOT NULL,
    visits          INTEGER NOT NULL CHECK (visits BETWEEN 0 AND 2),
    visit_reason    TEXT,
    depth           INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 4),
    conditions      TEXT NOT NULL, -- one condition a line
    fee_charged     INTEGER NOT NULL CHECK (fee_charged IN (0, 1)),
    fee_standard    TEXT NOT NULL,
    fee_basis       TEXT,
    legal_basis     TEXT NOT NULL,
    location        TEXT NOT NULL,
    hours           TEXT NOT NULL,
    consult_phone   TEXT NOT NULL,
    supervise_phone TEXT NOT NULL,
    scope           TEXT NOT NULL,
    bookable        INTEGER NOT NULL CHECK (bookable IN (0, 1)),
    weekend         INTEGER NOT NULL CHECK (weekend IN (0, 1)),
    postal          INTEGER NOT NULL CHECK (postal IN (0, 1)),
    online          INTEGER NOT NULL CHECK (online IN (0, 1)),
    keywords        TEXT NOT NULL, -- one keyword a line
    hot_rank        INTEGER,
    position        INTEGER NOT NULL
);
CREATE INDEX service_items_department ON service_items (department_code);
CREATE INDEX service_items_hot ON service_items (hot_rank) WHERE hot_rank IS NOT NULL;

CREATE TABLE service_materials (
    item_code  TEXT NOT NULL REFERENCES service_items (code) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    source     TEXT NOT NULL,
    originals  INTEGER NOT NULL CHECK (originals >= 0),
    copies     INTEGER NOT NULL CHECK (copies >= 0),
    required   INTEGER NOT NULL CHECK (required IN (0, 1)),
    note       TEXT NOT NULL,
    blank_form TEXT,
    sample     TEXT,
    PRIMARY KEY (item_code, position)
);

CREATE TABLE service_steps (
    item_code   TEXT NOT NULL REFERENCES service_items (code) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (item_code, position)
);
