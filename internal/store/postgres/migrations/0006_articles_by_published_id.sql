-- Linking reads every article id by publication date, then id
-- (ArticleIDs, and with the input hash the linking lease's Articles):
-- the twin of the SQLite store's migration 9. With (published) alone
-- PostgreSQL sorted the ids read from the table, whose rows hold the
-- articles' texts and results; this index gives them in order and covers
-- both queries (an index-only scan once the table is vacuumed). It also
-- serves every query on published alone.
CREATE INDEX articles_by_published_id ON articles (published, id) INCLUDE (input_hash);
DROP INDEX articles_published;
