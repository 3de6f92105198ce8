-- Linking reads every article id by publication date, then id
-- (ArticleIDs). With (published) alone SQLite read each id from the
-- table row, touching every page of the articles' texts and results (a
-- 200 MB database mapped into memory for a list of ids); this index
-- covers the query. It also serves every query on published alone.
CREATE INDEX articles_by_published_id ON articles (published, id);
DROP INDEX articles_published;
