package storesql

import (
	"github.com/sitrep-project/sitrep/internal/store"
)

// TimelineSQL is the grouped query behind Timeline; the backends append
// their WHERE clause from Where. Its rows are (day, quad_class, count).
const TimelineSQL = "SELECT e.day, e.quad_class, count(*) FROM events e WHERE e.day <> '' AND "

// TimelineGroup ends TimelineSQL.
const TimelineGroup = " GROUP BY e.day, e.quad_class ORDER BY e.day"

// Timeline collects per-day counts, in day order, into buckets.
type Timeline struct {
	interval string
	buckets  []store.Bucket
}

// NewTimeline starts a timeline with the given (checked) interval.
func NewTimeline(interval string) *Timeline { return &Timeline{interval: interval} }

// Add counts n events of quad class quad on day; days come in order.
func (t *Timeline) Add(day string, quad, n int) {
	start := store.BucketStart(day, t.interval)
	if k := len(t.buckets); k == 0 || t.buckets[k-1].Start != start {
		t.buckets = append(t.buckets, store.Bucket{Start: start})
	}
	b := &t.buckets[len(t.buckets)-1]
	b.Count += n
	if quad >= 1 && quad <= 4 {
		b.ByQuad[quad-1] += n
	}
}

// Buckets returns the timeline, never nil.
func (t *Timeline) Buckets() []store.Bucket {
	if t.buckets == nil {
		return []store.Bucket{}
	}
	return t.buckets
}

// StatsSQL is the grouped query behind Stats; its rows are (root,
// quad_class, plover, loc_country, count, first day, last day).
const StatsSQL = "SELECT e.root, e.quad_class, e.plover, e.loc_country, count(*), coalesce(min(NULLIF(e.day, '')), ''), max(e.day) FROM events e WHERE "

// StatsGroup ends StatsSQL.
const StatsGroup = " GROUP BY e.root, e.quad_class, e.plover, e.loc_country"

// ArticlesSQL counts the distinct articles of the matching events.
const ArticlesSQL = "SELECT count(DISTINCT e.article_id) FROM events e WHERE "

// NewStats returns empty statistics with their maps made.
func NewStats() store.Stats {
	return store.Stats{
		ByRoot: map[string]int{}, ByQuad: map[int]int{}, ByPLOVER: map[string]int{}, Countries: map[string]int{},
	}
}

// AddStats adds one row of StatsSQL to s.
func AddStats(s *store.Stats, root string, quad int, plover, country string, n int, first, last string) {
	s.Events += n
	if root != "" {
		s.ByRoot[root] += n
	}
	if quad != 0 {
		s.ByQuad[quad] += n
	}
	if plover != "" {
		s.ByPLOVER[plover] += n
	}
	if country != "" {
		s.Countries[country] += n
	}
	if first != "" && (s.FirstDate == "" || first < s.FirstDate) {
		s.FirstDate = first
	}
	if last > s.LastDate {
		s.LastDate = last
	}
}

// ActorsSQL returns the query behind Actors for a WHERE clause used
// twice (its arguments must be bound once per use unless the dialect
// numbers parameters; both backends do) and the placeholder of the limit.
// Its rows are (actor, source count, target count). The bare code "---"
// (country and role unknown: a named source the dictionaries do not
// list, an unknown attacker) is no one actor and is not counted.
func ActorsSQL(where, limit string) string {
	return "SELECT actor, sum(src), sum(tgt) FROM (" +
		"SELECT e.source_actor AS actor, 1 AS src, 0 AS tgt FROM events e WHERE e.source_actor NOT IN ('', '---') AND " + where +
		" UNION ALL SELECT e.target_actor, 0, 1 FROM events e WHERE e.target_actor NOT IN ('', '---') AND " + where +
		") x GROUP BY actor ORDER BY sum(src) + sum(tgt) DESC, actor LIMIT " + limit
}

// MakePage cuts recs, fetched with q.Limit+1 in the order of q.Sort, to
// a page with its cursor.
func MakePage(recs []store.EventRecord, q store.Query) store.Page {
	p := store.Page{Events: recs}
	if len(recs) > q.Limit {
		p.Events = recs[:q.Limit]
		last := p.Events[q.Limit-1]
		if q.Sort == store.SortConfidence {
			p.Next = store.EncodeConfidenceCursor(last.Confidence, store.Day(last.Date), last.ID)
		} else {
			p.Next = store.EncodeCursor(store.Day(last.Date), last.ID)
		}
	}
	return p
}

// ActorLimit applies the page size rules to the limit of Actors.
func ActorLimit(limit int) int {
	if limit <= 0 {
		return store.DefaultLimit
	}
	return min(limit, store.MaxLimit)
}
