package store

// Check validates a SituationQuery and fills its defaults, like
// Query.Check: bad dates, a negative limit or a cursor that is none are
// *QueryError values.
func (q SituationQuery) Check() (SituationQuery, error) {
	for _, d := range []struct{ name, v string }{{"from", q.From}, {"to", q.To}} {
		if d.v != "" && !isDate(d.v) {
			return q, &QueryError{Param: d.name, Reason: "want YYYY-MM-DD, got " + d.v}
		}
	}
	if q.Limit < 0 {
		return q, &QueryError{Param: "limit", Reason: "negative"}
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	q.Limit = min(q.Limit, MaxLimit)
	if q.Cursor != "" {
		if _, _, err := DecodeCursor(q.Cursor); err != nil {
			return q, err
		}
	}
	return q, nil
}

// SituationCursor returns the cursor of the page after a situation.
func SituationCursor(s SituationSummary) string { return EncodeCursor(s.Last, s.ID) }
