package report

import (
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Query picks situations: by id, or by what they hold. Zero fields do not
// filter; the fields set must all match.
type Query struct {
	ID string
	// Place matches an event place name (case-insensitive substring).
	Place string
	// Actor matches a prefix of an event's source or target actor code,
	// or a substring of its name (case-insensitive).
	Actor string
	// From and To (YYYY-MM-DD) keep situations whose dates overlap them.
	From, To string
	// Text matches the title or the title or text of one of the articles
	// (case-insensitive substring).
	Text string
}

// Validate reports a malformed query, naming the field.
func (q Query) Validate() error {
	for _, d := range [...]struct{ name, v string }{{"from", q.From}, {"to", q.To}} {
		if d.v != "" && !isDay(d.v) {
			return fmt.Errorf("%s: %q is not a date (YYYY-MM-DD)", d.name, d.v)
		}
	}
	return nil
}

func isDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// Find returns the indexes of the situations matching q, those with the
// most articles first.
func Find(sits []sitrep.Situation, q Query, result func(string) *sitrep.Result) []int {
	var out []int
	for i := range sits {
		if matches(&sits[i], q, result) {
			out = append(out, i)
		}
	}
	// Stable sort by size, larger first.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(sits[out[j]].Articles) > len(sits[out[j-1]].Articles); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func matches(s *sitrep.Situation, q Query, result func(string) *sitrep.Result) bool {
	if q.ID != "" && s.ID != q.ID {
		return false
	}
	if q.From != "" && s.Last != "" && s.Last < q.From {
		return false
	}
	if q.To != "" && s.First != "" && s.First > q.To {
		return false
	}
	if q.Place != "" && !anyEvent(s, func(e *sitrep.LinkedEvent) bool { return contains(e.Place, q.Place) }) {
		return false
	}
	if q.Actor != "" {
		a := strings.ToUpper(q.Actor)
		if !anyEvent(s, func(e *sitrep.LinkedEvent) bool {
			return (e.Source != "" && strings.HasPrefix(e.Source, a)) || (e.Target != "" && strings.HasPrefix(e.Target, a)) ||
				contains(e.SourceName, q.Actor) || contains(e.TargetName, q.Actor)
		}) {
			return false
		}
	}
	if q.Text != "" && !contains(s.Title, q.Text) {
		found := false
		for _, id := range s.Articles {
			if res := result(id); res != nil && res.Article != nil && (contains(res.Article.Title, q.Text) || contains(res.Article.Text, q.Text)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func anyEvent(s *sitrep.Situation, f func(*sitrep.LinkedEvent) bool) bool {
	for i := range s.Events {
		if f(&s.Events[i]) {
			return true
		}
	}
	return false
}

func contains(s, sub string) bool {
	return s != "" && strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
