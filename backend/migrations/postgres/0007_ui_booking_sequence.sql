-- A booking's change count: each move or cancellation adds one. The calendar file carries it as
-- SEQUENCE, so a phone's calendar replaces the event it holds with the newer file.
ALTER TABLE bookings ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
