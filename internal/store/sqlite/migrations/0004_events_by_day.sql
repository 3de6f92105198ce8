-- Events are clustered by (day, id), the order every page is read in:
-- the newest-first scan is sequential and stops as soon as a page is
-- full, and secondary indexes carry (day, id) so an equality filter
-- yields its events already in page order. Actor prefixes and bounding
-- boxes are filtered during that scan rather than by index: frequent
-- actors fill a page after a few hundred rows, where an index would fetch
-- and sort all of their events.
CREATE TABLE events_by_day (
    day          TEXT NOT NULL,
    id           TEXT NOT NULL,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    date         TEXT NOT NULL,
    cameo        TEXT NOT NULL,
    root         TEXT NOT NULL,
    quad_class   INTEGER NOT NULL,
    goldstein    REAL NOT NULL,
    plover       TEXT NOT NULL,
    modality     TEXT NOT NULL,
    source_actor TEXT NOT NULL,
    target_actor TEXT NOT NULL,
    loc_name     TEXT NOT NULL,
    loc_country  TEXT NOT NULL,
    lat          REAL,
    lon          REAL,
    PRIMARY KEY (day, id)
) WITHOUT ROWID;

INSERT INTO events_by_day (day, id, article_id, idx, date, cameo, root, quad_class, goldstein,
    plover, modality, source_actor, target_actor, loc_name, loc_country, lat, lon)
SELECT day, id, article_id, idx, date, cameo, root, quad_class, goldstein,
    plover, modality, source_actor, target_actor, loc_name, loc_country, lat, lon
FROM events;

DROP TABLE events;
ALTER TABLE events_by_day RENAME TO events;

CREATE UNIQUE INDEX events_id ON events (id);
CREATE INDEX events_article ON events (article_id, idx);
CREATE INDEX events_root ON events (root);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_quad ON events (quad_class);
CREATE INDEX events_plover ON events (plover);
CREATE INDEX events_country ON events (loc_country);
-- Stats groups by these columns: a covering index streams the groups.
CREATE INDEX events_stats ON events (root, quad_class, plover, loc_country);
