-- Events carry the coder's confidence in [0,1]: a column to filter
-- (min_confidence) and sort by, filled from the stored event documents
-- (0 for events written before the coder set it).
ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 0;

UPDATE events SET confidence = coalesce(
    (SELECT json_extract(d.event, '$.confidence') FROM event_docs d WHERE d.id = events.id), 0);

-- The table is clustered by (day, id), so this index holds
-- (confidence, day, id): the order of a page sorted by confidence.
CREATE INDEX events_confidence ON events (confidence);
