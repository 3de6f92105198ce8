package store

import (
	"encoding/base64"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/timex"
)

// Check validates q and returns it with its limit set: 0 becomes
// DefaultLimit and anything above MaxLimit becomes MaxLimit. Every
// problem is a *QueryError.
func (q Query) Check() (Query, error) {
	if q.From != "" && !isDate(q.From) {
		return q, &QueryError{Param: "from", Reason: "want a date YYYY-MM-DD, got " + strconv.Quote(q.From)}
	}
	if q.To != "" && !isDate(q.To) {
		return q, &QueryError{Param: "to", Reason: "want a date YYYY-MM-DD, got " + strconv.Quote(q.To)}
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return q, &QueryError{Param: "from", Reason: "after to"}
	}
	switch q.Background {
	case "", BackgroundExclude, BackgroundOnly:
	default:
		return q, &QueryError{Param: "background", Reason: "want exclude or only, got " + strconv.Quote(q.Background)}
	}
	if q.QuadClass < 0 || q.QuadClass > 4 {
		return q, &QueryError{Param: "quad_class", Reason: "want 1 to 4, got " + strconv.Itoa(q.QuadClass)}
	}
	if q.Root != "" && (len(q.Root) != 2 || !digits(q.Root)) {
		return q, &QueryError{Param: "root", Reason: "want two digits, got " + strconv.Quote(q.Root)}
	}
	if q.CAMEO != "" && (len(q.CAMEO) > 4 || !digits(q.CAMEO)) {
		return q, &QueryError{Param: "cameo", Reason: "want up to four digits, got " + strconv.Quote(q.CAMEO)}
	}
	if b := q.BBox; b != nil {
		for _, v := range []float64{b.MinLon, b.MinLat, b.MaxLon, b.MaxLat} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return q, &QueryError{Param: "bbox", Reason: "not a number"}
			}
		}
		if b.MinLat > b.MaxLat || b.MinLat < -90 || b.MaxLat > 90 {
			return q, &QueryError{Param: "bbox", Reason: "latitudes must lie in [-90, 90], minimum first"}
		}
		if b.MinLon < -180 || b.MinLon > 180 || b.MaxLon < -180 || b.MaxLon > 180 {
			return q, &QueryError{Param: "bbox", Reason: "longitudes must lie in [-180, 180]"}
		}
	}
	if c := q.MinConfidence; math.IsNaN(c) || c < 0 || c > 1 {
		return q, &QueryError{Param: "min_confidence", Reason: "want a number from 0 to 1, got " + strconv.FormatFloat(c, 'g', -1, 64)}
	}
	switch q.Sort {
	case "", SortDate, SortConfidence:
	default:
		return q, &QueryError{Param: "sort", Reason: "want date or confidence, got " + strconv.Quote(q.Sort)}
	}
	if q.Limit < 0 {
		return q, &QueryError{Param: "limit", Reason: "negative"}
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	q.Limit = min(q.Limit, MaxLimit)
	if q.Cursor != "" {
		var err error
		if q.Sort == SortConfidence {
			_, _, _, err = DecodeConfidenceCursor(q.Cursor)
		} else {
			_, _, err = DecodeCursor(q.Cursor)
		}
		if err != nil {
			return q, err
		}
	}
	return q, nil
}

// CheckInterval validates a Timeline interval.
func CheckInterval(interval string) error {
	switch interval {
	case IntervalDay, IntervalWeek, IntervalMonth:
		return nil
	}
	return &QueryError{Param: "interval", Reason: "want day, week or month, got " + strconv.Quote(interval)}
}

// cursorVersion prefixes cursors so their layout can change;
// confidenceCursor prefixes those of pages sorted by confidence.
const (
	cursorVersion    = "1:"
	confidenceCursor = "c1:"
)

// EncodeCursor returns the opaque cursor for the page after the event
// with the given day (see Day) and id.
func EncodeCursor(day, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorVersion + day + ":" + id))
}

// DecodeCursor reverses EncodeCursor. Errors are *QueryError wrapping
// ErrBadCursor.
func DecodeCursor(c string) (day, id string, err error) {
	bad := func(why string) (string, string, error) {
		return "", "", &QueryError{Param: "cursor", Reason: why, Err: ErrBadCursor}
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return bad("not a cursor from a previous page")
	}
	s, ok := strings.CutPrefix(string(b), cursorVersion)
	if !ok {
		return bad("unknown cursor version")
	}
	day, id, ok = strings.Cut(s, ":")
	if !ok || id == "" || (day != "" && !isDate(day)) {
		return bad("malformed cursor")
	}
	return day, id, nil
}

// EncodeConfidenceCursor returns the opaque cursor for the page, sorted
// by confidence, after the event with the given confidence, day and id.
func EncodeConfidenceCursor(conf float64, day, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(confidenceCursor + strconv.FormatFloat(conf, 'g', -1, 64) + ":" + day + ":" + id))
}

// DecodeConfidenceCursor reverses EncodeConfidenceCursor. Errors are
// *QueryError wrapping ErrBadCursor; a cursor of a page in date order is
// one.
func DecodeConfidenceCursor(c string) (conf float64, day, id string, err error) {
	bad := func(why string) (float64, string, string, error) {
		return 0, "", "", &QueryError{Param: "cursor", Reason: why, Err: ErrBadCursor}
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return bad("not a cursor from a previous page")
	}
	s, ok := strings.CutPrefix(string(b), confidenceCursor)
	if !ok {
		return bad("not a cursor from a page sorted by confidence")
	}
	cs, rest, ok := strings.Cut(s, ":")
	if !ok {
		return bad("malformed cursor")
	}
	day, id, ok = strings.Cut(rest, ":")
	conf, perr := strconv.ParseFloat(cs, 64)
	if !ok || perr != nil || math.IsNaN(conf) || id == "" || (day != "" && !isDate(day)) {
		return bad("malformed cursor")
	}
	return conf, day, id, nil
}

// Day maps an event date of any precision ("2019-12-31", "2019-12",
// "2019-W52", "2019-Q4", "2019", "201X", "2019-12-31T10:00") to the first
// day it covers, YYYY-MM-DD, or "" when it names no calendar period.
// Stores sort, filter and bucket events by this day.
func Day(date string) string {
	first, _, ok := timex.Range(date)
	if !ok {
		return ""
	}
	return first.Format(time.DateOnly)
}

// BucketStart returns the first day of the timeline bucket holding day
// (YYYY-MM-DD): the day itself, the Monday of its ISO week, or the first
// of its month.
func BucketStart(day, interval string) string {
	switch interval {
	case IntervalWeek:
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return day
		}
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format(time.DateOnly)
	case IntervalMonth:
		if len(day) >= 7 {
			return day[:7] + "-01"
		}
	}
	return day
}

// PrefixEnd returns the smallest string greater than every string that
// starts with prefix, so that prefix matches are index range scans:
// s >= prefix AND s < PrefixEnd(prefix). Strings compare as bytes.
func PrefixEnd(prefix string) string {
	return prefix + "\U0010FFFF"
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
