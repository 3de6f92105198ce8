-- Articles with their annotations as JSON; tsv indexes title and text.
-- Keys and codes compare as bytes (COLLATE "C") so that ordering and
-- prefix ranges are the same as in the SQLite store.
CREATE TABLE articles (
    id        text COLLATE "C" PRIMARY KEY,
    published text NOT NULL,
    title     text NOT NULL,
    url       text NOT NULL,
    source    text NOT NULL,
    origin    text NOT NULL,
    text      text NOT NULL,
    hash      text NOT NULL,
    result    json NOT NULL,
    tsv       tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || to_tsvector('english', text)
    ) STORED
);

CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

-- One row per event; day is the first day of the event date (YYYY-MM-DD,
-- '' when unknown) and orders, filters and buckets events.
CREATE TABLE events (
    id           text COLLATE "C" PRIMARY KEY,
    article_id   text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx          integer NOT NULL,
    date         text NOT NULL,
    day          text COLLATE "C" NOT NULL,
    cameo        text COLLATE "C" NOT NULL,
    root         text NOT NULL,
    quad_class   integer NOT NULL,
    goldstein    double precision NOT NULL,
    plover       text NOT NULL,
    modality     text NOT NULL,
    source_actor text COLLATE "C" NOT NULL,
    target_actor text COLLATE "C" NOT NULL,
    loc_name     text NOT NULL,
    loc_country  text NOT NULL,
    lat          double precision,
    lon          double precision,
    event        json NOT NULL
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
