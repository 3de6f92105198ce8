-- Articles with their annotations as JSON; the text is indexed by FTS5.
CREATE TABLE articles (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    published TEXT NOT NULL,
    title     TEXT NOT NULL,
    url       TEXT NOT NULL,
    source    TEXT NOT NULL,
    origin    TEXT NOT NULL,
    text      TEXT NOT NULL,
    hash      TEXT NOT NULL,
    result    TEXT NOT NULL -- entities, timexes, captions, quotes, casualties, sizes, places, stats
);

CREATE INDEX articles_published ON articles (published);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'seq', tokenize = 'porter unicode61'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- One row per event; day is the first day of the event date (YYYY-MM-DD,
-- '' when unknown) and orders, filters and buckets events.
CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    date         TEXT NOT NULL,
    day          TEXT NOT NULL,
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
    event        TEXT NOT NULL -- the event as extract writes it
);

CREATE INDEX events_day ON events (day, id);
CREATE INDEX events_article ON events (article_id, idx);
CREATE INDEX events_root ON events (root, day, id);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_quad ON events (quad_class, day, id);
CREATE INDEX events_plover ON events (plover, day, id);
CREATE INDEX events_country ON events (loc_country, day, id);
CREATE INDEX events_source ON events (source_actor);
CREATE INDEX events_target ON events (target_actor);
CREATE INDEX events_lat ON events (lat);
