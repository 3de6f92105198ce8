-- The hash of each article as read (store.InputHash), so that a re-run of
-- ingest skips what it stored before without extracting it again; ''
-- for articles stored before, which the next put of them fills in.
ALTER TABLE articles ADD COLUMN input_hash text NOT NULL DEFAULT '';

-- Events the article recounts as history (sitrep.Event.Background, 1),
-- left out of the API's default results.
ALTER TABLE events ADD COLUMN background smallint NOT NULL DEFAULT 0;

-- The version of the data, raised by every put that changes something:
-- the server's response cache is keyed by it.
CREATE TABLE store_version (n bigint NOT NULL);
INSERT INTO store_version (n) VALUES (0);
