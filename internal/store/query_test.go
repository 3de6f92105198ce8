package store

import (
	"errors"
	"math"
	"testing"
)

func TestDay(t *testing.T) {
	for date, want := range map[string]string{
		"2019-12-31":       "2019-12-31",
		"2019-12-31T10:00": "2019-12-31",
		"2019-12":          "2019-12-01",
		"2019-W01":         "2018-12-31", // ISO week 1 of 2019 starts on Monday 2018-12-31
		"2020-W53":         "2020-12-28",
		"2021-W01":         "2021-01-04",
		"2019-Q1":          "2019-01-01",
		"2019-Q4":          "2019-10-01",
		"2019":             "2019-01-01",
		"2019-SU":          "2019-06-01", // northern summer
		"2019-H2":          "2019-07-01",
		"201X":             "2010-01-01",
		"2019-13":          "",
		"2019-W60":         "",
		"PRESENT_REF":      "",
		"":                 "",
		"19":               "1900-01-01", // a century
		"2019-02-30":       "",           // an impossible day
	} {
		if got := Day(date); got != want {
			t.Errorf("Day(%q) = %q, want %q", date, got, want)
		}
	}
}

func TestBucketStart(t *testing.T) {
	for _, tt := range []struct{ day, interval, want string }{
		{"2020-01-03", IntervalDay, "2020-01-03"},
		{"2020-01-03", IntervalWeek, "2019-12-30"},
		{"2020-01-06", IntervalWeek, "2020-01-06"},
		{"2020-01-05", IntervalWeek, "2019-12-30"}, // Sunday ends the ISO week
		{"2020-02-29", IntervalMonth, "2020-02-01"},
	} {
		if got := BucketStart(tt.day, tt.interval); got != tt.want {
			t.Errorf("BucketStart(%s, %s) = %s, want %s", tt.day, tt.interval, got, tt.want)
		}
	}
}

func TestCursor(t *testing.T) {
	for _, tt := range []struct{ day, id string }{
		{"2020-01-03", "art-1:0"},
		{"", "x:y:12"},
		{"1999-12-31", "ünïcode/ id:3"},
	} {
		c := EncodeCursor(tt.day, tt.id)
		day, id, err := DecodeCursor(c)
		if err != nil || day != tt.day || id != tt.id {
			t.Errorf("DecodeCursor(EncodeCursor(%q, %q)) = %q, %q, %v", tt.day, tt.id, day, id, err)
		}
	}
	for _, c := range []string{"", "!!", EncodeCursor("2020-13-01", "a"), EncodeCursor("2020-01-01", ""), "Mjpmb286YmFy"} {
		_, _, err := DecodeCursor(c)
		var qe *QueryError
		if !errors.Is(err, ErrBadCursor) || !errors.As(err, &qe) || qe.Param != "cursor" {
			t.Errorf("DecodeCursor(%q): %v, want a cursor QueryError", c, err)
		}
	}
}

func TestConfidenceCursor(t *testing.T) {
	for _, tt := range []struct {
		conf    float64
		day, id string
	}{
		{1.0 / 3, "2020-01-03", "art-1:0"},
		{0, "", "x:y:12"},
		{1, "1999-12-31", "ünïcode/ id:3"},
	} {
		c := EncodeConfidenceCursor(tt.conf, tt.day, tt.id)
		conf, day, id, err := DecodeConfidenceCursor(c)
		if err != nil || conf != tt.conf || day != tt.day || id != tt.id {
			t.Errorf("DecodeConfidenceCursor(EncodeConfidenceCursor(%v, %q, %q)) = %v, %q, %q, %v", tt.conf, tt.day, tt.id, conf, day, id, err)
		}
	}
	for _, c := range []string{"", "!!", EncodeCursor("2020-01-01", "a"), EncodeConfidenceCursor(0.5, "2020-13-01", "a"),
		EncodeConfidenceCursor(0.5, "2020-01-01", ""), EncodeConfidenceCursor(math.NaN(), "2020-01-01", "a")} {
		_, _, _, err := DecodeConfidenceCursor(c)
		var qe *QueryError
		if !errors.Is(err, ErrBadCursor) || !errors.As(err, &qe) || qe.Param != "cursor" {
			t.Errorf("DecodeConfidenceCursor(%q): %v, want a cursor QueryError", c, err)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, tt := range []struct {
		in, want int
	}{{0, DefaultLimit}, {1, 1}, {MaxLimit, MaxLimit}, {MaxLimit + 1, MaxLimit}} {
		q, err := Query{Limit: tt.in}.Check()
		if err != nil || q.Limit != tt.want {
			t.Errorf("Check(limit %d) = %d, %v; want %d", tt.in, q.Limit, err, tt.want)
		}
	}
	for _, q := range []Query{
		{BBox: &BBox{MinLon: -190, MaxLon: 0}},
		{BBox: &BBox{MinLat: -91, MaxLat: 0}},
		{QuadClass: -1},
		{CAMEO: "12345"},
	} {
		if _, err := q.Check(); err == nil {
			t.Errorf("Check(%+v): no error", q)
		}
	}
	// A box across the antimeridian is valid.
	if _, err := (Query{BBox: &BBox{MinLon: 170, MinLat: -20, MaxLon: -170, MaxLat: -10}}).Check(); err != nil {
		t.Errorf("antimeridian box: %v", err)
	}
}

func FuzzDecodeCursor(f *testing.F) {
	f.Add(EncodeCursor("2020-01-03", "a:1"))
	f.Add("")
	f.Add("MTo6eA")
	f.Fuzz(func(t *testing.T, c string) {
		day, id, err := DecodeCursor(c)
		if err != nil {
			return
		}
		if id == "" || (day != "" && Day(day) != day) {
			t.Fatalf("DecodeCursor(%q) accepted day %q id %q", c, day, id)
		}
		if d2, id2, err := DecodeCursor(EncodeCursor(day, id)); err != nil || d2 != day || id2 != id {
			t.Fatalf("re-encoding %q %q: %q %q %v", day, id, d2, id2, err)
		}
	})
}

func FuzzDay(f *testing.F) {
	for _, s := range []string{"2019-12-31", "2019-W52", "2019-Q4", "201X", "2019-12", "X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, date string) {
		d := Day(date)
		if d != "" && !isDate(d) {
			t.Fatalf("Day(%q) = %q, not a date", date, d)
		}
	})
}
