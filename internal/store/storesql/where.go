package storesql

import (
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/store"
)

// Dialect is what differs between the SQL backends in an event query.
type Dialect interface {
	// Placeholder returns the n-th (1-based) parameter marker.
	Placeholder(n int) string
	// TextMatch returns a condition on the events table (aliased e) that
	// holds when the event's article matches the full-text query bound to
	// the parameter marker ph.
	TextMatch(ph string) string
	// TextQuery turns the user's query into the bound value.
	TextQuery(q string) string
}

// Where builds the condition of q over the events table aliased e, with
// its arguments, numbering parameters from len(args)+1. It adds the
// cursor condition when q has a cursor; q must have passed Check.
func Where(d Dialect, q store.Query, args []any) (string, []any) {
	var conds []string
	arg := func(v any) string {
		args = append(args, v)
		return d.Placeholder(len(args))
	}
	if q.From != "" {
		conds = append(conds, "e.day >= "+arg(q.From))
	}
	if q.To != "" {
		conds = append(conds, "e.day <= "+arg(q.To))
		conds = append(conds, "e.day <> ''")
	}
	if q.Actor != "" {
		lo, hi := arg(q.Actor), arg(store.PrefixEnd(q.Actor))
		conds = append(conds, "((e.source_actor >= "+lo+" AND e.source_actor < "+hi+") OR (e.target_actor >= "+lo+" AND e.target_actor < "+hi+"))")
	}
	if q.Country != "" {
		conds = append(conds, "e.loc_country = "+arg(q.Country))
	}
	switch {
	case len(q.CAMEO) == 2:
		// A two-digit prefix is the root, which has an index in page order.
		conds = append(conds, "e.root = "+arg(q.CAMEO))
	case q.CAMEO != "":
		conds = append(conds, "e.cameo >= "+arg(q.CAMEO)+" AND e.cameo < "+arg(store.PrefixEnd(q.CAMEO)))
	}
	if q.Root != "" {
		conds = append(conds, "e.root = "+arg(q.Root))
	}
	if q.QuadClass != 0 {
		conds = append(conds, "e.quad_class = "+arg(q.QuadClass))
	}
	if q.PLOVER != "" {
		conds = append(conds, "e.plover = "+arg(q.PLOVER))
	}
	if q.Modality != "" {
		conds = append(conds, "e.modality = "+arg(q.Modality))
	}
	if b := q.BBox; b != nil {
		conds = append(conds, "e.lat BETWEEN "+arg(b.MinLat)+" AND "+arg(b.MaxLat))
		if b.MinLon <= b.MaxLon {
			conds = append(conds, "e.lon BETWEEN "+arg(b.MinLon)+" AND "+arg(b.MaxLon))
		} else { // the box crosses the antimeridian
			conds = append(conds, "(e.lon >= "+arg(b.MinLon)+" OR e.lon <= "+arg(b.MaxLon)+")")
		}
	}
	if q.Text != "" {
		conds = append(conds, d.TextMatch(arg(d.TextQuery(q.Text))))
	}
	if q.ArticleID != "" {
		conds = append(conds, "e.article_id = "+arg(q.ArticleID))
	}
	switch q.Background {
	case store.BackgroundExclude:
		conds = append(conds, "e.background = 0")
	case store.BackgroundOnly:
		conds = append(conds, "e.background = 1")
	}
	if q.MinConfidence > 0 {
		conds = append(conds, "e.confidence >= "+arg(q.MinConfidence))
	}
	if q.Cursor != "" {
		if q.Sort == store.SortConfidence {
			if c, day, id, err := store.DecodeConfidenceCursor(q.Cursor); err == nil {
				conds = append(conds, "(e.confidence, e.day, e.id) < ("+arg(c)+", "+arg(day)+", "+arg(id)+")")
			}
		} else if day, id, err := store.DecodeCursor(q.Cursor); err == nil {
			conds = append(conds, "(e.day, e.id) < ("+arg(day)+", "+arg(id)+")")
		}
	}
	if len(conds) == 0 {
		return "TRUE", args
	}
	return strings.Join(conds, " AND "), args
}

// OrderBy is the ORDER BY list of a page of q over the events table, or
// a subquery of it, aliased alias.
func OrderBy(q store.Query, alias string) string {
	o := alias + ".day DESC, " + alias + ".id DESC"
	if q.Sort == store.SortConfidence {
		o = alias + ".confidence DESC, " + o
	}
	return o
}

// Numbered is the placeholder style "?1" of SQLite.
func Numbered(n int) string { return "?" + strconv.Itoa(n) }

// Dollar is the placeholder style "$1" of PostgreSQL.
func Dollar(n int) string { return "$" + strconv.Itoa(n) }
