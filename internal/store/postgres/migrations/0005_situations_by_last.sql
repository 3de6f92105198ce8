-- The situations list is read a page at a time, latest first
-- (SituationsPage: last date descending, then id).
CREATE INDEX situations_by_last ON situations (last_date DESC, id);
