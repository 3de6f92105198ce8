-- Events carry the coder's confidence in [0,1]: a column to filter
-- (min_confidence) and sort by, filled from the stored events (0 for
-- events written before the coder set it).
ALTER TABLE events ADD COLUMN confidence double precision NOT NULL DEFAULT 0;

UPDATE events SET confidence = coalesce((event->>'confidence')::double precision, 0);

-- The order of a page sorted by confidence.
CREATE INDEX events_confidence ON events (confidence, day, id);
