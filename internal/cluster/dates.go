package cluster

import (
	"time"

	"github.com/sitrep-project/sitrep/internal/timex"
)

// dayRange returns the first and last day (days since 1970-01-01) of a
// date as events and articles write it (timex.Range). ok is false for ""
// and anything else.
func dayRange(s string) (lo, hi int32, ok bool) {
	first, last, ok := timex.Range(s)
	if !ok {
		return 0, 0, false
	}
	return int32(first.Unix() / 86400), int32(last.Unix() / 86400), true
}

// dayString formats a day number as YYYY-MM-DD.
func dayString(d int32) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}
