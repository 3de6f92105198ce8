-- The hash of each article as read (store.InputHash), so that a re-run of
-- ingest skips what it stored before without extracting it again; ''
-- for articles stored before, which the next put of them fills in.
ALTER TABLE articles ADD COLUMN input_hash text NOT NULL DEFAULT '';
