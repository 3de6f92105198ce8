package cluster

import (
	"strconv"
	"time"
)

// dayRange returns the first and last day (days since 1970-01-01) of a
// date as events and articles write it: YYYY-MM-DD, YYYY-MM, YYYY-Www,
// YYYY-Qn, YYYY or a decade YYY. ok is false for "" and anything else.
func dayRange(s string) (lo, hi int32, ok bool) {
	day := func(t time.Time) int32 { return int32(t.Unix() / 86400) }
	year := func(s string) (int, bool) {
		y, err := strconv.Atoi(s)
		return y, err == nil && y > 0 && y < 10000
	}
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return 0, 0, false
		}
		return day(t), day(t), true
	case len(s) == 7 && s[4] == '-' && s[5] != 'W' && s[5] != 'Q':
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return 0, 0, false
		}
		return day(t), day(t.AddDate(0, 1, -1)), true
	case len(s) == 8 && s[4] == '-' && s[5] == 'W':
		y, ok1 := year(s[:4])
		w, err := strconv.Atoi(s[6:])
		if !ok1 || err != nil || w < 1 || w > 53 {
			return 0, 0, false
		}
		// ISO week 1 holds January 4th; weeks start on Monday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return day(mon), day(mon) + 6, true
	case len(s) == 7 && s[4] == '-' && s[5] == 'Q':
		y, ok1 := year(s[:4])
		q := int(s[6] - '0')
		if !ok1 || q < 1 || q > 4 {
			return 0, 0, false
		}
		t := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		return day(t), day(t.AddDate(0, 3, -1)), true
	case len(s) == 4:
		y, ok1 := year(s)
		if !ok1 {
			return 0, 0, false
		}
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return day(t), day(t.AddDate(1, 0, -1)), true
	case len(s) == 3:
		d, ok1 := year(s + "0")
		if !ok1 {
			return 0, 0, false
		}
		t := time.Date(d, 1, 1, 0, 0, 0, 0, time.UTC)
		return day(t), day(t.AddDate(10, 0, -1)), true
	}
	return 0, 0, false
}

// dayString formats a day number as YYYY-MM-DD.
func dayString(d int32) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}
