package timex

import (
	"strconv"
	"time"
)

// date is a calendar day. Arithmetic goes through time.Time in UTC, which
// does not allocate.
type date struct{ y, m, d int }

func (a date) t() time.Time { return time.Date(a.y, time.Month(a.m), a.d, 0, 0, 0, 0, time.UTC) }

func fromTime(t time.Time) date { return date{t.Year(), int(t.Month()), t.Day()} }

func (a date) addDays(n int) date { return fromTime(a.t().AddDate(0, 0, n)) }

func (a date) addMonths(n int) date {
	m := a.y*12 + (a.m - 1) + n
	return date{m / 12, m%12 + 1, 1}
}

// weekday returns the ISO weekday, Monday = 1 ... Sunday = 7.
func (a date) weekday() int {
	w := int(a.t().Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// daysBetween returns b - a in days.
func daysBetween(a, b date) int {
	return int(b.t().Sub(a.t()).Hours() / 24)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func validDay(y, m, d int) bool {
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// parseISODate reads "YYYY-MM-DD" (a longer string is cut at 10 bytes, so
// "2020-01-03T10:00Z" works too).
func parseISODate(s string) (date, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return date{}, false
	}
	y, ok1 := atoiN(s[0:4])
	m, ok2 := atoiN(s[5:7])
	d, ok3 := atoiN(s[8:10])
	if !ok1 || !ok2 || !ok3 || !validDay(y, m, d) {
		return date{}, false
	}
	return date{y, m, d}, true
}

func atoiN(s string) (int, bool) {
	n := 0
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// Value formatting. Each returns a fresh string; values are short.

func pad(b []byte, n, width int) []byte {
	if n < 0 {
		n = 0
	}
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func fmtDay(a date) string {
	var buf [10]byte
	b := pad(buf[:0], a.y, 4)
	b = append(b, '-')
	b = pad(b, a.m, 2)
	b = append(b, '-')
	b = pad(b, a.d, 2)
	return string(b)
}

func fmtMonth(y, m int) string {
	var buf [7]byte
	b := pad(buf[:0], y, 4)
	b = append(b, '-')
	b = pad(b, m, 2)
	return string(b)
}

func fmtYear(y int) string {
	var buf [4]byte
	return string(pad(buf[:0], y, 4))
}

func fmtWeek(a date) string {
	y, w := a.t().ISOWeek()
	var buf [8]byte
	b := pad(buf[:0], y, 4)
	b = append(b, '-', 'W')
	b = pad(b, w, 2)
	return string(b)
}

func fmtQuarter(y, q int) string {
	var buf [7]byte
	b := pad(buf[:0], y, 4)
	b = append(b, '-', 'Q', byte('0'+q))
	return string(b)
}

func fmtTime(day string, h, m int) string {
	b := make([]byte, 0, len(day)+6)
	b = append(b, day...)
	b = append(b, 'T')
	b = pad(b, h, 2)
	b = append(b, ':')
	b = pad(b, m, 2)
	return string(b)
}

// fmtDuration writes P<n><unit>, PT<n><unit> for clock units, and an X for
// a vague amount (n < 0).
func fmtDuration(n int, u unit) string {
	b := make([]byte, 0, 8)
	b = append(b, 'P')
	if u.time {
		b = append(b, 'T')
	}
	code := u.code
	if n >= 0 && (code == "E" || code == "C") {
		// "two decades": P20Y, as TimeBank writes them.
		if code == "E" {
			n *= 10
		} else {
			n *= 100
		}
		code = "Y"
	}
	if n < 0 {
		b = append(b, 'X')
	} else {
		b = strconv.AppendInt(b, int64(n), 10)
	}
	b = append(b, code...)
	return string(b)
}

// easter returns Easter Sunday of year y (Gregorian, anonymous algorithm).
func easter(y int) date {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date{y, month, day}
}

// thanksgiving returns the fourth Thursday of November (US).
func thanksgiving(y int) date {
	first := date{y, 11, 1}
	off := (4 - first.weekday() + 7) % 7
	return date{y, 11, 1 + off + 21}
}
