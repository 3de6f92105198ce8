-- The store keeps articles_fts up to date itself: with triggers, every
-- insert opened a savepoint that made FTS5 flush its pending index to
-- disk, and bulk ingest spent most of its time merging tiny segments.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
