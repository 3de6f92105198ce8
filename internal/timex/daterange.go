package timex

import (
	"strconv"
	"time"
)

// Range returns the first and the last day of a TIMEX3 date value, as
// events and timexes write it: YYYY-MM-DD (with or without a time), YYYY-MM, YYYY-Www,
// YYYY-Qn, YYYY-Hn, YYYY-SP/SU/FA/WI, YYYY, a decade YYY or YYYX, a
// century YY or YYXX. ok is false for anything else.
func Range(v string) (first, last time.Time, ok bool) {
	digits := 0
	for digits < len(v) && digits < 4 && v[digits] >= '0' && v[digits] <= '9' {
		digits++
	}
	if digits < 2 {
		return first, last, false
	}
	n, _ := strconv.Atoi(v[:digits])
	rest := v[digits:]
	if digits < 4 {
		// A decade or a century, written "199", "199X", "19" or "19XX".
		for len(rest) > 0 && rest[0] == 'X' && digits < 4 {
			rest = rest[1:]
			digits++
		}
		if rest != "" && rest[0] != '-' {
			return first, last, false
		}
		span := 10
		if len(v[:2]) == 2 && (len(v) == 2 || v[2] == 'X') {
			n, span = n*100, 100
		} else {
			n *= 10
		}
		first = time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(span, 0, -1), true
	}
	y := n
	year := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	if rest == "" || rest[0] != '-' {
		return year, year.AddDate(1, 0, -1), true
	}
	rest = rest[1:]
	num := func(s string) (int, bool) {
		k, err := strconv.Atoi(s)
		return k, err == nil
	}
	switch {
	case len(rest) >= 2 && rest[0] >= '0' && rest[0] <= '9':
		m, ok := num(rest[:2])
		if !ok || m < 1 || m > 12 {
			return first, last, false
		}
		month := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		if len(rest) >= 5 && rest[2] == '-' {
			d, ok := num(rest[3:5])
			if !ok || d < 1 || d > month.AddDate(0, 1, -1).Day() {
				return first, last, false
			}
			day := month.AddDate(0, 0, d-1)
			return day, day, true
		}
		return month, month.AddDate(0, 1, -1), true
	case len(rest) >= 3 && rest[0] == 'W':
		w, ok := num(rest[1:3])
		if !ok || w < 1 || w > 53 {
			return first, last, false
		}
		// ISO week 1 holds January 4th; weeks start on Monday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return mon, mon.AddDate(0, 0, 6), true
	case len(rest) >= 2 && (rest[0] == 'Q' || rest[0] == 'H'):
		k, ok := num(rest[1:2])
		months := 3
		if rest[0] == 'H' {
			months = 6
		}
		if !ok || k < 1 || k > 12/months {
			return first, last, false
		}
		first = year.AddDate(0, months*(k-1), 0)
		return first, first.AddDate(0, months, -1), true
	case len(rest) >= 2:
		// Seasons, northern: spring March-May and so on; winter runs
		// into the next year.
		m := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[rest[:2]]
		if m == 0 {
			return year, year.AddDate(1, 0, -1), true
		}
		first = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(0, 3, -1), true
	}
	return year, year.AddDate(1, 0, -1), true
}
