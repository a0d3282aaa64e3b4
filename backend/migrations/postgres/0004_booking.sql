-- Hall appointments. Days are counted in days since 1970-01-01 (China dates); instants are
-- seconds since 1970 UTC; times of day are minutes after midnight, China time.

-- Release rule per hall: day D opens release_days before at release_at, and a slot closes
-- cutoff_minutes before it starts.
ALTER TABLE halls ADD COLUMN release_days BIGINT NOT NULL DEFAULT 7;
ALTER TABLE halls ADD COLUMN release_at BIGINT NOT NULL DEFAULT 480;
ALTER TABLE halls ADD COLUMN cutoff_minutes BIGINT NOT NULL DEFAULT 60;

-- Statutory holidays (holiday = 1) and 调休 make-up working days (holiday = 0).
CREATE TABLE calendar_days (
    day      BIGINT PRIMARY KEY,
    holiday  BOOLEAN NOT NULL,
    name     TEXT NOT NULL
);

-- Opening hours of a department's windows in a hall, for weekdays and for weekends.
CREATE TABLE schedules (
    hall_code        TEXT NOT NULL REFERENCES halls (code),
    department_code  TEXT NOT NULL REFERENCES departments (code),
    weekend          BOOLEAN NOT NULL,
    periods          TEXT NOT NULL,
    windows          BIGINT NOT NULL CHECK (windows > 0),
    slot_minutes     BIGINT NOT NULL CHECK (slot_minutes > 0),
    per_window       BIGINT NOT NULL CHECK (per_window > 0),
    PRIMARY KEY (hall_code, department_code, weekend)
);

-- Days a hall closed (weather, outage).
CREATE TABLE closed_days (
    hall_code  TEXT NOT NULL REFERENCES halls (code),
    day        BIGINT NOT NULL,
    reason     TEXT NOT NULL,
    closed_at  BIGINT NOT NULL,
    PRIMARY KEY (hall_code, day)
);

-- Slots are made from the schedule the first time their day is looked at. booked + held never
-- passes capacity: the CHECK is the last guard behind the conditional update that books.
CREATE TABLE slots (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hall_code        TEXT NOT NULL REFERENCES halls (code),
    department_code  TEXT NOT NULL REFERENCES departments (code),
    day              BIGINT NOT NULL,
    start_min        BIGINT NOT NULL,
    end_min          BIGINT NOT NULL,
    start_at         BIGINT NOT NULL,
    end_at           BIGINT NOT NULL,
    capacity         BIGINT NOT NULL,
    booked           BIGINT NOT NULL DEFAULT 0,
    held             BIGINT NOT NULL DEFAULT 0,
    CHECK (booked >= 0 AND held >= 0 AND booked + held <= capacity),
    UNIQUE (hall_code, department_code, day, start_min)
);

CREATE TABLE bookings (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    citizen_id       BIGINT NOT NULL REFERENCES citizens (id),
    member_id        BIGINT,
    person           BIGINT NOT NULL, -- the member's id, 0 for the citizen themself
    item_code        TEXT NOT NULL,
    slot_id          BIGINT NOT NULL REFERENCES slots (id),
    hall_code        TEXT NOT NULL,
    department_code  TEXT NOT NULL,
    day              BIGINT NOT NULL,
    start_at         BIGINT NOT NULL,
    end_at           BIGINT NOT NULL,
    status           TEXT NOT NULL,
    request_key      TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    changed_at       BIGINT NOT NULL,
    checked_in_at    BIGINT,
    queue_no         TEXT,
    reminded_day     BIGINT,
    reminded_hour    BIGINT,
    UNIQUE (citizen_id, request_key)
);
CREATE UNIQUE INDEX bookings_one_a_day ON bookings (citizen_id, person, item_code, day)
    WHERE status = 'booked';
CREATE INDEX bookings_citizen ON bookings (citizen_id, status);
CREATE INDEX bookings_due ON bookings (status, start_at);
CREATE INDEX bookings_hall_day ON bookings (hall_code, day);

CREATE TABLE waitlist (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id       BIGINT NOT NULL REFERENCES citizens (id),
    member_id        BIGINT,
    person           BIGINT NOT NULL,
    item_code        TEXT NOT NULL,
    hall_code        TEXT NOT NULL,
    department_code  TEXT NOT NULL,
    day              BIGINT NOT NULL,
    status           TEXT NOT NULL, -- waiting, offered, accepted, expired, left
    request_key      TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    offered_slot_id  BIGINT REFERENCES slots (id),
    offer_until      BIGINT,
    UNIQUE (citizen_id, request_key)
);
CREATE UNIQUE INDEX waitlist_once ON waitlist (citizen_id, person, item_code, day)
    WHERE status IN ('waiting', 'offered');
CREATE INDEX waitlist_line ON waitlist (hall_code, department_code, day, status, id);

-- Queue numbers (取号) per hall, department and day; a walk-in has no booking.
CREATE TABLE tickets (
    hall_code        TEXT NOT NULL,
    department_code  TEXT NOT NULL,
    day              BIGINT NOT NULL,
    number           BIGINT NOT NULL,
    label            TEXT NOT NULL,
    booking_id       BIGINT REFERENCES bookings (id),
    issued_at        BIGINT NOT NULL,
    done_at          BIGINT,
    PRIMARY KEY (hall_code, department_code, day, number)
);

-- The last queue number given per hall, department and day (an upsert hands out the next).
CREATE TABLE queue_counters (
    hall_code        TEXT NOT NULL,
    department_code  TEXT NOT NULL,
    day              BIGINT NOT NULL,
    last             BIGINT NOT NULL,
    PRIMARY KEY (hall_code, department_code, day)
);
