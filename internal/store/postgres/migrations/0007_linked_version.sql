-- The version of the data (store_version.n) the stored situations were
-- linked from, -1 for none: ingest does not link again when nothing
-- changed since (store.LinkMarker).
ALTER TABLE store_version ADD COLUMN linked bigint NOT NULL DEFAULT -1;
