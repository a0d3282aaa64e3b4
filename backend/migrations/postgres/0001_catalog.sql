-- The service catalogue: departments, halls, 事项 and their 办事指南.
CREATE TABLE departments (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL,
    weekend     BOOLEAN NOT NULL,
    position    BIGINT NOT NULL
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
    legal_days      BIGINT NOT NULL CHECK (legal_days >= 0),
    promised_days   BIGINT NOT NULL CHECK (promised_days >= 0),
    case_type       TEXT NOT NULL,
    visits          BIGINT NOT NULL CHECK (visits BETWEEN 0 AND 2),
    visit_reason    TEXT,
    depth           BIGINT NOT NULL CHECK (depth BETWEEN 1 AND 4),
    conditions      TEXT NOT NULL, -- one condition a line
    fee_charged     BOOLEAN NOT NULL,
    fee_standard    TEXT NOT NULL,
    fee_basis       TEXT,
    legal_basis     TEXT NOT NULL,
    location        TEXT NOT NULL,
    hours           TEXT NOT NULL,
    consult_phone   TEXT NOT NULL,
    supervise_phone TEXT NOT NULL,
    scope           TEXT NOT NULL,
    bookable        BOOLEAN NOT NULL,
    weekend         BOOLEAN NOT NULL,
    postal          BOOLEAN NOT NULL,
    online          BOOLEAN NOT NULL,
    keywords        TEXT NOT NULL, -- one keyword a line
    hot_rank        BIGINT,
    position        BIGINT NOT NULL
);
CREATE INDEX service_items_department ON service_items (department_code);
CREATE INDEX service_items_hot ON service_items (hot_rank) WHERE hot_rank IS NOT NULL;

CREATE TABLE service_materials (
    item_code  TEXT NOT NULL REFERENCES service_items (code) ON DELETE CASCADE,
    position   BIGINT NOT NULL,
    name       TEXT NOT NULL,
    source     TEXT NOT NULL,
    originals  BIGINT NOT NULL CHECK (originals >= 0),
    copies     BIGINT NOT NULL CHECK (copies >= 0),
    required   BOOLEAN NOT NULL,
    note       TEXT NOT NULL,
    blank_form TEXT,
    sample     TEXT,
    PRIMARY KEY (item_code, position)
);

CREATE TABLE service_steps (
    item_code   TEXT NOT NULL REFERENCES service_items (code) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (item_code, position)
);
