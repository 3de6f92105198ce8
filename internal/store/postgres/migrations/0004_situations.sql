-- Linking output (internal/cluster): situations, the linked events in
-- them, the event mentions behind each linked event, and near-duplicate
-- articles. PutSituations replaces all of it at once; doc holds the
-- sitrep.Situation / sitrep.LinkedEvent JSON.
CREATE TABLE situations (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    first_date   TEXT NOT NULL,
    last_date    TEXT NOT NULL,
    num_articles INTEGER NOT NULL,
    num_events   INTEGER NOT NULL,
    doc          TEXT NOT NULL
);

CREATE TABLE situation_articles (
    article_id   TEXT NOT NULL,
    situation_id TEXT NOT NULL,
    PRIMARY KEY (article_id, situation_id)
);

CREATE TABLE linked_events (
    id           TEXT PRIMARY KEY,
    situation_id TEXT NOT NULL,
    date         TEXT NOT NULL,
    cameo        TEXT NOT NULL,
    plover       TEXT NOT NULL,
    source_actor TEXT NOT NULL,
    target_actor TEXT NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources  INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    confidence   double precision NOT NULL
);

CREATE INDEX linked_events_situation ON linked_events (situation_id);

-- event_id is the id of the mention in events (article id ":" index).
CREATE TABLE mentions (
    event_id        TEXT PRIMARY KEY,
    linked_event_id TEXT NOT NULL,
    article_id      TEXT NOT NULL,
    start_offset    INTEGER NOT NULL,
    end_offset      INTEGER NOT NULL,
    is_copy         boolean NOT NULL
);

CREATE INDEX mentions_linked_event ON mentions (linked_event_id);

CREATE TABLE duplicates (
    copy_id     TEXT PRIMARY KEY,
    original_id TEXT NOT NULL,
    kind        TEXT NOT NULL,
    similarity  double precision NOT NULL
);
