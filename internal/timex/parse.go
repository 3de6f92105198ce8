package timex

import (
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// parser holds the state of one Extract call.
type parser struct {
	t        *tables
	src, low string
	all      []tok
	toks     []tok // the current paragraph: a window of all
	base     int   // index of toks[0] in all

	pub    date
	hasPub bool
	// ref is the last day named in the text (or the publication date): the
	// anchor of anaphoric expressions such as "the previous day".
	ref     date
	refText bool  // ref comes from the text, not the publication date
	refSent int32 // sentence of the last day named
	// narr is the last day the narration was told at, the anchor of "the
	// next day", "that evening" and "that Friday": ref, but for days that
	// name a thing or a time before the narration's (narrText as refText).
	narr     date
	narrText bool
	// header is the last day named by a sentence of its own ("Monday,
	// March 1" over a live blog's entries): the day of the times of day
	// after it that name none ("0800 GMT — ...").
	header    date
	hasHeader bool
	// qy, q is the last quarter named, which year-earlier comparisons in
	// financial news refer to.
	qy, q int
	// ry, rm are the year and month (0 when unknown) of the last date
	// named, the anchor of "that year", "the following month".
	ry, rm int
	// aside are byte spans (photo captions) whose dates are resolved but
	// become no reference: a caption dates its photo, not the narration
	// around it.
	aside []sitrep.Span
	// tenseKey, tenseVal cache the last tense computed (key: first token
	// + 1 and end token, as indexes into all).
	tenseKey [2]int
	tenseVal int
}

// match is one recognized expression over tokens [start, end).
type match struct {
	end    int
	typ    string
	val    string
	prec   sitrep.Precision
	anch   bool
	day    date // set when hasDay: a day-precision date, the new reference
	hasDay bool
	qy, q  int
}

const (
	tDate     = "DATE"
	tTime     = "TIME"
	tDuration = "DURATION"
	tSet      = "SET"
)

// ---- token helpers ----

func (p *parser) w(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	t := &p.toks[i]
	return p.low[t.start:t.end]
}

func (p *parser) num(i int) int {
	if i < 0 || i >= len(p.toks) {
		return -1
	}
	return p.toks[i].num
}

func (p *parser) nd(i int) int {
	if i < 0 || i >= len(p.toks) {
		return 0
	}
	return p.toks[i].nd
}

func (p *parser) up(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].upper
}

// adj reports whether token i follows token i-1 with no space between.
func (p *parser) adj(i int) bool {
	return i > 0 && i < len(p.toks) && !p.toks[i].sp
}

func (p *parser) isApos(i int) bool {
	w := p.w(i)
	return w == "'" || w == "’"
}

// ---- driver ----

func (p *parser) scan(out []sitrep.Timex) []sitrep.Timex {
	for i := 0; i < len(p.toks); {
		m, ok := p.at(i)
		if !ok {
			i++
			continue
		}
		start, end := p.toks[i].start, p.toks[m.end-1].end
		out = append(out, sitrep.Timex{
			Span:      sitrep.Span{Start: start, End: end},
			Text:      p.src[start:end],
			Type:      m.typ,
			Value:     m.val,
			Precision: m.prec,
			Anchored:  m.anch,
			Mod:       p.mod(i, m.end),
		})
		if p.isAside(start) {
			i = m.end
			continue
		}
		if m.hasDay {
			p.ref, p.refText, p.refSent = m.day, true, p.toks[i].sent
			if (!p.prenominal(i, m.end) || p.timeNoun(m.end)) && !p.pluperfectBefore(i) {
				// A day that names a thing ("a June 4 attack") or a time
				// before the narration's ("had hit a market on Dec. 27") is
				// no time "the next day" or "that evening" count from; "the
				// February 16 week" still is.
				p.narr, p.narrText = m.day, true
			}
			if m.typ == tDate && p.wholeSentence(i, m.end) {
				p.header, p.hasHeader = m.day, true
			}
		}
		if m.q > 0 {
			p.qy, p.q = m.qy, m.q
		}
		if (m.typ == tDate || m.typ == tTime) && len(m.val) >= 4 {
			if y, ok := atoiN(m.val[:4]); ok {
				p.ry, p.rm = y, 0
				if len(m.val) >= 7 && m.val[4] == '-' {
					if mo, ok := atoiN(m.val[5:7]); ok && mo >= 1 && mo <= 12 {
						p.rm = mo
					}
				}
			}
		}
		i = m.end
	}
	return out
}

// pluperfectBefore reports whether the clause before token i is in the
// past perfect ("A bomb had hit a market on Dec. 27"): a time before the
// narration's, which "the next day" does not count from.
func (p *parser) pluperfectBefore(i int) bool {
	s := p.toks[i].sent
	for k := i - 1; k >= 0 && k >= i-8 && p.toks[k].sent == s; k-- {
		switch w := p.w(k); {
		case w == "had":
			return true
		case w == "," || w == ";" || p.t.tw[w]&twClause != 0:
			return false
		}
	}
	return false
}

// timeNoun reports whether token k is a unit of time or a part of a day,
// which a date before it makes a time: "the February 16 week".
func (p *parser) timeNoun(k int) bool {
	u, ok := p.t.units[p.w(k)]
	_, part := p.t.parts[p.w(k)]
	return ok && !u.plur || part
}

// wholeSentence reports whether tokens [i, end) are all the words of
// their sentence.
func (p *parser) wholeSentence(i, end int) bool {
	s := p.toks[i].sent
	if i > 0 && p.toks[i-1].sent == s && p.toks[i-1].word {
		return false
	}
	for k := end; k < len(p.toks) && p.toks[k].sent == s; k++ {
		if p.toks[k].word {
			return false
		}
	}
	return true
}

// isAside reports whether byte offset off lies in an aside span.
func (p *parser) isAside(off int) bool {
	for _, a := range p.aside {
		if a.Start <= off && off < a.End {
			return true
		}
	}
	return false
}

// mod returns the TIMEX3 mod of the expression over tokens [i, end): the
// modifiers TimeML annotates, read from the words that open or close it.
func (p *parser) mod(i, end int) string {
	k := i
	if p.w(k) == "the" || p.w(k) == "a" || p.w(k) == "an" {
		k++
	}
	w0, w1 := p.w(k), p.w(k+1)
	switch w0 {
	case "early", "earlier", "beginning", "start", "dawn":
		return "START"
	case "late", "later", "end", "close":
		return "END"
	case "mid", "middle":
		return "MID"
	case "about", "around", "approximately", "roughly", "some", "circa", "approx", "nearly":
		return "APPROX"
	case "almost", "under":
		return "LESS_THAN"
	case "over":
		return "MORE_THAN"
	case "within":
		return "EQUAL_OR_LESS"
	case "more", "longer":
		if w1 == "than" {
			return "MORE_THAN"
		}
	case "less", "fewer", "shorter":
		if w1 == "than" {
			return "LESS_THAN"
		}
	case "at":
		if w1 == "least" {
			return "EQUAL_OR_MORE"
		}
		if w1 == "most" {
			return "EQUAL_OR_LESS"
		}
	case "up":
		if w1 == "to" {
			return "EQUAL_OR_LESS"
		}
	case "no":
		if p.w(k+2) == "than" {
			switch w1 {
			case "more":
				return "EQUAL_OR_LESS"
			case "less", "fewer":
				return "EQUAL_OR_MORE"
			}
		}
	case "post":
		return "AFTER"
	case "pre":
		return "BEFORE"
	}
	if w0 == "year" && p.w(end-1) == "end" {
		return "END" // "year-end"
	}
	if end-i >= 3 && (p.w(end-2) == "or" || p.w(end-2) == "and") {
		switch p.w(end - 1) {
		case "so", "thereabouts":
			return "APPROX"
		case "more", "longer":
			return "EQUAL_OR_MORE"
		case "later", "beyond", "after":
			return "ON_OR_AFTER"
		case "earlier", "before":
			return "ON_OR_BEFORE"
		}
	}
	return ""
}

// take keeps m if it is longer than the best so far.
func (best *match) take(m match, ok bool) {
	if ok && m.end > best.end {
		*best = m
	}
}

// at returns the longest expression starting at token i.
func (p *parser) at(i int) (match, bool) {
	w := p.w(i)
	if w == "" {
		return match{}, false
	}
	c := w[0]
	digit := c >= '0' && c <= '9'
	if !digit && !p.t.trigger[w] && !p.isApos(i) {
		return match{}, false
	}
	best := match{end: i}
	best.take(p.modified(i))
	best.take(p.numericDate(i))
	best.take(p.clock(i))
	best.take(p.monthFirst(i))
	best.take(p.dayFirst(i))
	best.take(p.weekday(i))
	best.take(p.deictic(i))
	best.take(p.relative(i))
	best.take(p.the(i))
	best.take(p.year(i))
	best.take(p.duration(i))
	best.take(p.set(i))
	best.take(p.quarter(i))
	best.take(p.holiday(i))
	best.take(p.refWord(i))
	if digit {
		best.take(p.andDay(i))
	}
	if best.typ == tDate && best.end > i {
		// "1994 or later", "1990 and beyond"
		switch w, w2 := p.w(best.end), p.w(best.end+1); {
		case w == "or" && (w2 == "later" || w2 == "earlier" || w2 == "before" || w2 == "after"),
			w == "and" && w2 == "beyond":
			best.end += 2
		}
	}
	return best, best.end > i
}

// andDay reads the second day of "April 24 and 25": a bare day number
// right after the day last named and "and", "or" or "to".
func (p *parser) andDay(i int) (match, bool) {
	switch p.w(i - 1) {
	case "-":
		if !p.adj(i) || !p.adj(i-1) {
			return match{}, false
		}
	case "and", "or", "to":
	default:
		return match{}, false
	}
	d, ok := p.dayNum(i)
	if !ok || p.nd(i) == 0 {
		return match{}, false
	}
	prev, ok := p.dayNum(i - 2)
	if !ok || !p.refText || p.ref.d != prev || p.refSent != p.toks[i].sent || d <= prev {
		return match{}, false
	}
	if _, _, _, isMonth := p.monthAt(i - 3); !isMonth && p.w(i-3) != "." {
		return match{}, false
	}
	if i+1 < len(p.toks) && p.toks[i+1].word {
		switch p.w(i + 1) {
		case "in", "at", "on", "when", "and", "or", "to", "for", "of", "the", "this", "with", "as", "but":
		default:
			return match{}, false // "May 5 and 6 people"
		}
	}
	if !validDay(p.ref.y, p.ref.m, d) {
		return match{}, false
	}
	return dayMatch(i+1, date{p.ref.y, p.ref.m, d}, p.hasPub), true
}

// ---- numbers ----

// dayNum reads a day of month: "5", "05", "5th", "21st".
func (p *parser) dayNum(i int) (int, bool) {
	if n := p.num(i); n >= 1 && n <= 31 && p.nd(i) <= 2 {
		// "5:30" and "5-year" are not days; "Oct. 26:" and "Dec. 30-31"
		// are.
		if nw := p.w(i + 1); (nw == "." || nw == ",") && p.adj(i+1) && p.num(i+2) >= 0 && p.adj(i+2) {
			return 0, false // "May 20.0" in a table, "20,000"
		}
		if nw := p.w(i + 1); (nw == ":" || nw == "-" || nw == "%" || nw == "/") && p.adj(i+1) {
			switch {
			case nw == ":" && (p.num(i+2) < 0 || !p.adj(i+2)):
			case nw == "-" && p.num(i+2) > n && p.num(i+2) <= 31 && p.nd(i+2) <= 2 && p.adj(i+2) && p.w(i+3) != "-":
			default:
				return 0, false
			}
		}
		return n, true
	}
	w := p.w(i)
	if len(w) >= 3 && len(w) <= 4 {
		suf := w[len(w)-2:]
		if suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
			if n, ok := atoiN(w[:len(w)-2]); ok && n >= 1 && n <= 31 {
				return n, true
			}
		}
	}
	return 0, false
}

// yearNum reads a four-digit year.
func (p *parser) yearNum(i int) (int, bool) {
	if n := p.num(i); p.nd(i) == 4 && n >= 1000 && n <= 2199 {
		if nw := p.w(i + 1); (nw == "%" || nw == "," || nw == ".") && p.adj(i+1) && p.num(i+2) >= 0 && (nw != "." || p.adj(i+2)) {
			return 0, false // "1,462", "1462.93"
		}
		return n, true
	}
	return 0, false
}

// number reads a cardinal: digits, words ("twenty-four", "a hundred"),
// "a"/"an" (1), "a couple of" (2), or a vague amount ("several", "a few"),
// returned as -1. art reports that the number was the article "a"/"an".
func (p *parser) number(i int) (n, end int, art, ok bool) {
	w := p.w(i)
	if v := p.num(i); v >= 0 {
		e := i + 1
		// "4,000 years": thousands in groups of three.
		for p.w(e) == "," && p.adj(e) && p.nd(e+1) == 3 && p.adj(e+1) && v < 1e6 {
			v, e = v*1000+p.num(e+1), e+2
		}
		if nw := p.w(e); (nw == "." || nw == ",") && p.adj(e) && p.num(e+1) >= 0 && p.adj(e+1) {
			return 0, i, false, false // decimals are not durations we read
		}
		if pw := p.w(i - 1); (pw == "." || pw == ",") && p.adj(i) && p.num(i-2) >= 0 && p.adj(i-1) {
			return 0, i, false, false // the tail of "2,666,000"
		}
		if v > 100000 {
			return 0, i, false, false
		}
		return v, e, false, true
	}
	switch w {
	case "a", "an":
		switch p.w(i + 1) {
		case "couple":
			if p.w(i+2) == "of" {
				return 2, i + 3, false, true
			}
			return 2, i + 2, false, true
		case "few":
			return -1, i + 2, false, true
		case "dozen":
			return 12, i + 2, false, true
		case "hundred":
			return 100, i + 2, false, true
		case "thousand":
			return 1000, i + 2, false, true
		}
		return 1, i + 1, true, true
	case "several", "few", "many", "some", "numerous", "countless":
		return -1, i + 1, false, true
	case "dozens", "hundreds", "thousands":
		if p.w(i+1) == "of" {
			return -1, i + 2, false, true
		}
	case "couple":
		if p.w(i+1) == "of" {
			return 2, i + 2, false, true
		}
	case "dozen":
		return 12, i + 1, false, true
	}
	v, ok := p.t.ones[w]
	j := i + 1
	if !ok {
		tv, tok := p.t.tens[w]
		if !tok {
			return 0, i, false, false
		}
		v = tv
		// "twenty-four", "twenty four"
		if p.w(j) == "-" && p.adj(j) {
			if o, ok := p.t.ones[p.w(j+1)]; ok && o < 10 && p.adj(j+1) {
				v += o
				j += 2
			}
		} else if o, ok := p.t.ones[p.w(j)]; ok && o < 10 {
			v += o
			j++
		}
	}
	if p.w(j) == "hundred" {
		v *= 100
		j++
	}
	return v, j, false, true
}

// ---- tense ----

func (p *parser) futureWord(k int) bool {
	w := p.w(k)
	if !p.t.future[w] {
		if w == "won" && p.isApos(k+1) && p.w(k+2) == "t" {
			return true
		}
		if w == "forward" && (p.w(k-1) == "looking" || p.w(k-1) == "look" || p.w(k-1) == "looks") {
			return true // "was looking forward to the visit in May"
		}
		// "is to resume trading Tuesday"
		if w == "to" && (p.w(k-1) == "is" || p.w(k-1) == "are") {
			return true
		}
		return false
	}
	// "had been scheduled", "was expected": a plan in the past.
	if b := p.w(k - 1); b == "been" || b == "was" || b == "were" || b == "had" {
		switch w {
		case "scheduled", "expected", "set", "due", "slated", "planning", "going":
			return false
		}
	}
	switch w {
	case "ll":
		return p.isApos(k - 1)
	case "set", "plans", "plan", "planning", "intends", "aims", "hopes", "going":
		return p.w(k+1) == "to" || p.w(k+1) == "for"
	case "expected":
		return p.w(k+1) == "to" || p.w(k+1) == "on"
	}
	return true
}

// ---- resolution helpers ----

// pickYear chooses the year of a month (d == 0) or month-day without a
// written year: the nearest to the publication date, distances before and
// after it weighed by b.
func (p *parser) pickYear(m, d int, b bias) int {
	best, bestScore := p.pub.y, -1
	for y := p.pub.y - 1; y <= p.pub.y+1; y++ {
		var diff int
		if d == 0 {
			diff = (y*12 + m) - (p.pub.y*12 + p.pub.m)
		} else {
			if !validDay(y, m, d) {
				continue
			}
			diff = daysBetween(p.pub, date{y, m, d})
		}
		score := b.score(diff)
		if bestScore < 0 || score < bestScore {
			best, bestScore = y, score
		}
	}
	return best
}

func (b bias) score(diff int) int {
	if diff > 0 {
		return diff * b.future
	}
	return -diff * b.past
}

func quarterOf(m int) int { return (m-1)/3 + 1 }

func placeholderMD(m, d int) string {
	b := []byte("XXXX-")
	b = pad(b, m, 2)
	if d > 0 {
		b = append(b, '-')
		b = pad(b, d, 2)
	}
	return string(b)
}

func dayMatch(end int, d date, anch bool) match {
	return match{end: end, typ: tDate, val: fmtDay(d), prec: sitrep.Day, anch: anch, day: d, hasDay: true}
}

// ---- recognizers ----

// numericDate: 2019-12-31, 12/31/2019, 12/31/19.
func (p *parser) numericDate(i int) (match, bool) {
	if p.nd(i) == 4 && p.w(i+1) == "-" && p.adj(i+1) && p.adj(i+2) && p.nd(i+2) <= 2 && p.nd(i+2) > 0 &&
		p.w(i+3) == "-" && p.adj(i+3) && p.adj(i+4) && p.nd(i+4) <= 2 && p.nd(i+4) > 0 {
		y, m, d := p.num(i), p.num(i+2), p.num(i+4)
		if validDay(y, m, d) {
			return dayMatch(i+5, date{y, m, d}, false), true
		}
	}
	if p.nd(i) >= 1 && p.nd(i) <= 2 && p.w(i+1) == "/" && p.adj(i+1) && p.adj(i+2) && p.nd(i+2) >= 1 && p.nd(i+2) <= 2 &&
		p.w(i+3) == "/" && p.adj(i+3) && p.adj(i+4) && (p.nd(i+4) == 4 || p.nd(i+4) == 2) {
		if p.w(i+5) == "/" && p.adj(i+5) {
			return match{}, false
		}
		m, d, y := p.num(i), p.num(i+2), p.num(i+4)
		if p.nd(i+4) == 2 {
			if y >= 50 {
				y += 1900
			} else {
				y += 2000
			}
		}
		if m > 12 && d <= 12 {
			m, d = d, m
		}
		if validDay(y, m, d) {
			return dayMatch(i+5, date{y, m, d}, false), true
		}
	}
	return match{}, false
}

// ampm reads "a.m.", "p.m", "am", "PM" at j.
func (p *parser) ampm(j int) (end int, pm, ok bool) {
	w := p.w(j)
	switch w {
	case "am", "pm":
		if p.w(j+1) == "." && p.adj(j+1) {
			return j + 2, w == "pm", true
		}
		return j + 1, w == "pm", true
	case "a", "p":
		if p.w(j+1) == "." && p.adj(j+1) && p.w(j+2) == "m" && p.adj(j+2) {
			if p.w(j+3) == "." && p.adj(j+3) {
				return j + 4, w == "p", true
			}
			return j + 3, w == "p", true
		}
	}
	return j, false, false
}

// inThe reads "in the morning" (am), "in the afternoon", "in the
// evening", "at night" (pm) at j.
func (p *parser) inThe(j int) (pm bool, end int) {
	if p.w(j) == "at" && p.w(j+1) == "night" {
		return true, j + 2
	}
	if p.w(j) != "in" || p.w(j+1) != "the" {
		return false, j
	}
	switch p.w(j + 2) {
	case "morning":
		return false, j + 3
	case "afternoon", "evening":
		return true, j + 3
	}
	return false, j
}

// clock: "3 p.m.", "10:30 a.m.", "at 10:30", "noon", "midnight", "3pm",
// "1430 GMT", optionally followed by a time zone and a day ("10 p.m.
// Wednesday", "5 p.m. EST Nov. 9").
func (p *parser) clock(i int) (match, bool) {
	j := i
	h, mi := -1, 0
	w := p.w(i)
	switch {
	case w == "noon" || w == "midday":
		h, j = 12, i+1
	case w == "midnight":
		h, j = 24, i+1
	case p.num(i) >= 0 && p.nd(i) <= 2 && p.num(i) <= 24:
		h = p.num(i)
		j = i + 1
		colon := false
		if p.w(j) == ":" && p.adj(j) && p.adj(j+1) && p.nd(j+1) == 2 && p.num(j+1) < 60 {
			mi, j, colon = p.num(j+1), j+2, true
		}
		if e, pm, ok := p.ampm(j); ok {
			if h == 0 || h > 12 {
				return match{}, false
			}
			if pm && h < 12 {
				h += 12
			} else if !pm && h == 12 {
				h = 0
			}
			j = e
		} else if p.w(j) == "o" && p.isApos(j+1) && p.w(j+2) == "clock" {
			j += 3
		} else if pm, e := p.inThe(j); e > j && h >= 1 && h <= 12 && !colon {
			// "4 in the morning", "9 at night"
			if pm && h < 12 {
				h += 12
			} else if !pm && h == 12 {
				h = 0
			}
			j = e
		} else if colon {
			switch p.w(i - 1) {
			case "at", "around", "about", "by", "until", "till", "before", "after", "from", "since", "approximately", "to":
			default:
				if !p.t.zones[p.w(j)] {
					return match{}, false
				}
			}
		} else {
			return match{}, false
		}
	case p.nd(i) == 4 && p.t.zones[p.w(i+1)]:
		h, mi = p.num(i)/100, p.num(i)%100
		if h > 24 || mi > 59 {
			return match{}, false
		}
		j = i + 1
	case len(w) >= 3 && len(w) <= 4 && (strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm")):
		n, ok := atoiN(w[:len(w)-2])
		if !ok || n < 1 || n > 12 {
			return match{}, false
		}
		h = n
		if w[len(w)-2] == 'p' && h < 12 {
			h += 12
		} else if w[len(w)-2] == 'a' && h == 12 {
			h = 0
		}
		j = i + 1
	default:
		return match{}, false
	}
	if p.t.zones[p.w(j)] {
		j++
	} else if p.w(j) == "local" && p.w(j+1) == "time" {
		j += 2
	}
	var day string
	anch := false
	hasDay := false
	var dd date
	k := j
	if p.w(k) == "," || p.w(k) == "on" {
		k++
	}
	var dm match
	var ok bool
	if dm, ok = p.weekdayFrom(k, i); !ok {
		if dm, ok = p.deictic(k); !ok {
			dm, ok = p.monthFirst(k)
		}
	}
	if ok && (dm.typ == tDate || dm.typ == tTime && dm.hasDay) && (dm.prec == sitrep.Day || strings.HasPrefix(dm.val, "XXXX-")) {
		j = dm.end
		day, anch, hasDay, dd = dm.val, dm.anch, dm.hasDay, dm.day
	} else if p.refText && p.refSent == p.toks[i].sent {
		day, anch = fmtDay(p.ref), true
	} else if p.hasHeader {
		day, anch = fmtDay(p.header), true
	} else if p.hasPub {
		day, anch = fmtDay(p.pub), true
	} else {
		day = "XXXX-XX-XX"
	}
	if len(day) > 10 {
		day = day[:10]
	}
	m := match{end: j, typ: tTime, val: fmtTime(day, h, mi), prec: sitrep.Day, anch: anch}
	if hasDay {
		m.day, m.hasDay = dd, true
	}
	return m, true
}

// monthAt reads a capitalized month name at i, with its abbreviation dot.
func (p *parser) monthAt(i int) (m, end int, abbr, ok bool) {
	w := p.w(i)
	m, ok = p.t.months[w]
	if !ok || !p.up(i) {
		return 0, i, false, false
	}
	end = i + 1
	abbr = len(w) <= 4 && w != "june" && w != "july" && w != "may"
	if abbr && p.w(end) == "." && p.adj(end) {
		end++
	}
	return m, end, abbr, true
}

// monthCtx are words after which a lone month name is a date.
func monthCtx(w string) bool {
	switch w {
	case "in", "since", "until", "till", "by", "of", "from", "to", "through", "during",
		"before", "after", "early", "late", "mid", "-", "last", "next", "this", "between",
		"and", "or", "throughout", "end", "on", "for", "that", "each", "every", "past",
		"around", "into", "beginning", "start", "middle":
		return true
	}
	return false
}

// monthFirst: "January 1, 2020", "Jan. 1", "January 2020", "June last year",
// "in March".
func (p *parser) monthFirst(i int) (match, bool) {
	m, j, abbr, ok := p.monthAt(i)
	if !ok {
		return match{}, false
	}
	if d, ok := p.dayNum(j); ok {
		j++
		y, hasY := 0, false
		if p.w(j) == "," {
			if yy, ok := p.yearNum(j + 1); ok {
				y, hasY, j = yy, true, j+2
			}
		} else if yy, ok := p.yearNum(j); ok {
			y, hasY, j = yy, true, j+1
		}
		if hasY {
			if !validDay(y, m, d) {
				return match{}, false
			}
			return dayMatch(j, date{y, m, d}, false), true
		}
		return p.monthDay(i, j, m, d)
	}
	if abbr && p.w(i+1) != "." {
		// "Jan", "Mar" without a dot and day are names or words.
		return match{}, false
	}
	// Month and year.
	k := j
	if p.w(k) == "," || p.w(k) == "of" {
		k++
	}
	if y, ok := p.yearNum(k); ok {
		return match{end: k + 1, typ: tDate, val: fmtMonth(y, m), prec: sitrep.Month}, true
	}
	if y, e, ok := p.spokenYear(k); ok {
		return match{end: e, typ: tDate, val: fmtMonth(y, m), prec: sitrep.Month}, true
	}
	if w := p.w(j); (w == "last" || w == "this" || w == "next") && p.w(j+1) == "year" {
		if !p.hasPub {
			return match{end: j + 2, typ: tDate, val: placeholderMD(m, 0), prec: sitrep.Month}, true
		}
		y := p.pub.y
		if w == "last" {
			y--
		} else if w == "next" {
			y++
		}
		return match{end: j + 2, typ: tDate, val: fmtMonth(y, m), prec: sitrep.Month, anch: true}, true
	}
	// A lone month name: ambiguous ones need a date context before them.
	prev := p.w(i - 1)
	switch m {
	case 3, 4, 5, 6, 8:
		if !monthCtx(prev) || abbr {
			return match{}, false
		}
	default:
		if i > 0 && p.up(i-1) && !monthCtx(prev) && p.toks[i-1].word {
			return match{}, false // part of a name: "Brian January"
		}
	}
	if !p.hasPub {
		return match{end: j, typ: tDate, val: placeholderMD(m, 0), prec: sitrep.Month}, true
	}
	y := p.pickYear(m, 0, p.dateBias(i, j).hard())
	return match{end: j, typ: tDate, val: fmtMonth(y, m), prec: sitrep.Month, anch: true}, true
}

// monthDay resolves a month and day without a year over tokens [i, j).
func (p *parser) monthDay(i, j, m, d int) (match, bool) {
	if d > 31 || (m == 2 && d > 29) || d > daysIn(2000, m) {
		return match{}, false
	}
	if !p.hasPub {
		return match{end: j, typ: tDate, val: placeholderMD(m, d), prec: sitrep.Day}, true
	}
	y := p.pickYear(m, d, p.dateBias(i, j))
	if !validDay(y, m, d) {
		return match{}, false
	}
	return dayMatch(j, date{y, m, d}, true), true
}

// dayFirst: "1 January 2020", "5th of March", "31 December".
func (p *parser) dayFirst(i int) (match, bool) {
	d, ok := p.dayNum(i)
	if !ok {
		return match{}, false
	}
	j := i + 1
	if p.w(j) == "of" {
		j++
	}
	m, k, _, ok := p.monthAt(j)
	if !ok {
		return match{}, false
	}
	if p.w(k) == "," {
		if y, ok := p.yearNum(k + 1); ok {
			if validDay(y, m, d) {
				return dayMatch(k+2, date{y, m, d}, false), true
			}
			return match{}, false
		}
	}
	if y, ok := p.yearNum(k); ok {
		if validDay(y, m, d) {
			return dayMatch(k+1, date{y, m, d}, false), true
		}
		return match{}, false
	}
	return p.monthDay(i, k, m, d)
}

// weekdayAt reads a capitalized weekday name at i that is not part of a
// name ("Good Friday", "the Sunday Times").
func (p *parser) weekdayAt(i int) (wd, end int, plural, ok bool) {
	w := p.w(i)
	if !p.up(i) {
		return 0, i, false, false
	}
	wd, ok = p.t.weekdays[w]
	if !ok && len(w) > 6 && w[len(w)-1] == 's' {
		if wd, ok = p.t.weekdays[w[:len(w)-1]]; ok {
			plural = true
		}
	}
	if !ok {
		return 0, i, false, false
	}
	end = i + 1
	if len(w) <= 5 && !plural { // tues, wed, thurs need their dot
		if p.w(end) != "." || !p.adj(end) {
			return 0, i, false, false
		}
		end++
	}
	if i > 0 && p.up(i-1) && p.t.dayNames[p.w(i-1)] {
		return 0, i, false, false
	}
	if p.up(end) && p.t.dayNext[p.w(end)] {
		return 0, i, false, false
	}
	if p.w(i-1) == "on" && p.w(i-2) == "mail" {
		return 0, i, false, false
	}
	return wd, end, plural, true
}

// weekday: "Tuesday", "last Tuesday", "next Friday", "the previous
// Friday", "Wednesday night", "Tuesday, Jan. 7", "Tuesdays".
func (p *parser) weekday(i int) (match, bool) { return p.weekdayFrom(i, i) }

// weekdayFrom is weekday with the tense and preposition read around token
// ci, where a longer expression holding the weekday starts ("until 9 a.m.
// Tuesday").
func (p *parser) weekdayFrom(i, ci int) (match, bool) {
	j := i
	mode := ""
	switch w := p.w(j); w {
	case "last", "next", "this", "coming", "previous", "preceding", "following", "past":
		mode = w
		j++
	case "the":
		switch w2 := p.w(j + 1); w2 {
		case "previous", "preceding", "following", "next", "coming", "past":
			mode = w2
			if w2 == "next" {
				mode = "following"
			}
			j += 2
		}
	case "that":
		mode = "that"
		j++
	}
	wd, e, plural, ok := p.weekdayAt(j)
	if !ok {
		return match{}, false
	}
	j = e
	part := ""
	partPlural := false
	if pw := p.w(j); pw != "overnight" {
		if pp, ok := p.t.parts[pw]; ok {
			part, j = pp, j+1
		} else if len(pw) > 2 && pw[len(pw)-1] == 's' {
			if pp, ok := p.t.parts[pw[:len(pw)-1]]; ok {
				part, j, partPlural = pp, j+1, true
			}
		}
	}
	if plural || partPlural {
		v := "XXXX-WXX-" + strconv.Itoa(wd)
		if part != "" {
			v += "T" + part
		}
		return match{end: j, typ: tSet, val: v}, true
	}
	// An explicit date after the weekday decides the day.
	k := j
	if p.w(k) == "," {
		k++
	}
	if part == "" {
		if dm, ok := p.monthFirst(k); ok && dm.prec == sitrep.Day {
			return dm.withEnd(dm.end), true
		}
		if dm, ok := p.dayFirst(k); ok && dm.prec == sitrep.Day {
			return dm.withEnd(dm.end), true
		}
	}
	// "Friday next week", "Monday last week": that day of that week.
	if w := p.w(j); mode == "" && p.hasPub && (w == "next" || w == "last" || w == "this") && p.w(j+1) == "week" {
		n := 0
		if w == "next" {
			n = 1
		} else if w == "last" {
			n = -1
		}
		mon := p.pub.addDays(1 - p.pub.weekday() + 7*n)
		d := mon.addDays(wd - 1)
		if part != "" {
			return match{end: j + 2, typ: tTime, val: fmtDay(d) + "T" + part, prec: sitrep.Day, anch: true, day: d, hasDay: true}, true
		}
		return dayMatch(j+2, d, true), true
	}
	d, anch, ok := p.resolveWeekday(wd, mode, ci, j)
	if !ok {
		v := "XXXX-WXX-" + strconv.Itoa(wd)
		if part != "" {
			return match{end: j, typ: tTime, val: v + "T" + part}, true
		}
		return match{end: j, typ: tDate, val: v}, true
	}
	if part != "" {
		m := match{end: j, typ: tTime, val: fmtDay(d) + "T" + part, prec: sitrep.Day, anch: anch, day: d, hasDay: true}
		return m, true
	}
	return dayMatch(j, d, anch), true
}

func (m match) withEnd(e int) match { m.end = e; return m }

// resolveWeekday picks the date of weekday wd. By default it is the most
// recent such day on or before the publication date; in a future clause
// the next one on or after it.
func (p *parser) resolveWeekday(wd int, mode string, i, j int) (date, bool, bool) {
	base := p.pub
	switch mode {
	case "previous", "preceding", "following", "that":
		if !p.narrText && !p.hasPub {
			return date{}, false, false
		}
		base = p.narr
	default:
		if !p.hasPub {
			return date{}, false, false
		}
	}
	back := func(strict bool) date {
		delta := (base.weekday() - wd + 7) % 7
		if delta == 0 && strict {
			delta = 7
		}
		return base.addDays(-delta)
	}
	fwd := func(strict bool) date {
		delta := (wd - base.weekday() + 7) % 7
		if delta == 0 && strict {
			delta = 7
		}
		return base.addDays(delta)
	}
	switch mode {
	case "last", "past", "previous", "preceding":
		return back(true), true, true
	case "next", "coming", "following":
		return fwd(true), true, true
	case "that":
		// "that Friday" points into the narrative around the reference.
		if p.futureClause(i, j) {
			return fwd(false), true, true
		}
		return back(false), true, true
	}
	switch p.w(i - 1) {
	case "until", "till", "by":
		// "extended until Tuesday", "a report is expected by Friday"; but
		// "by Wednesday, the crowd had left".
		if t := p.tense(i, j); t != tensePast && t != tensePastAfter {
			return fwd(false), true, true
		}
	}
	// "will meet Tuesday": the next one. (A verb in the present tense
	// decides nothing: "are statements made Friday", "Gonzalez lashes out
	// Sunday" in a past report.)
	if t := p.tense(i, j); t == tenseFuture || t == tenseMay {
		return fwd(false), true, true
	}
	return back(false), true, true
}

// deictic: today, tonight, yesterday, tomorrow, with an optional part of
// day ("yesterday morning").
func (p *parser) deictic(i int) (match, bool) {
	off := 0
	part := ""
	switch p.w(i) {
	case "today":
	case "tonight":
		part = "NI"
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	default:
		return match{}, false
	}
	j := i + 1
	if part == "" {
		if pp, ok := p.t.parts[p.w(j)]; ok && p.w(j) != "overnight" {
			part, j = pp, j+1
		}
	}
	return p.dayOffset(j, off, part, false)
}

// dayOffset builds the match for the publication date (or the reference
// date when fromRef) moved by off days, with an optional part of day.
func (p *parser) dayOffset(end, off int, part string, fromRef bool) (match, bool) {
	base, ok := p.pub, p.hasPub
	if fromRef {
		base, ok = p.narr, p.hasPub || p.narrText
	}
	if !ok {
		v := "XXXX-XX-XX"
		if part != "" {
			return match{end: end, typ: tTime, val: v + "T" + part}, true
		}
		return match{end: end, typ: tDate, val: v}, true
	}
	d := base.addDays(off)
	if part != "" {
		return match{end: end, typ: tTime, val: fmtDay(d) + "T" + part, prec: sitrep.Day, anch: true, day: d, hasDay: true}, true
	}
	return dayMatch(end, d, true), true
}

// seasonYear returns the season index (SP=0, SU=1, FA=2, WI=3) and the
// season's year for a date; January and February belong to the winter
// that began the year before.
func seasonOf(d date) (int, int) {
	switch {
	case d.m >= 3 && d.m <= 5:
		return 0, d.y
	case d.m >= 6 && d.m <= 8:
		return 1, d.y
	case d.m >= 9 && d.m <= 11:
		return 2, d.y
	case d.m == 12:
		return 3, d.y
	}
	return 3, d.y - 1
}

func seasonIdx(code string) int {
	switch code {
	case "SP":
		return 0
	case "SU":
		return 1
	case "FA":
		return 2
	}
	return 3
}

// unitPeriod returns the calendar period holding d at the given unit, as
// a TIMEX3 value and precision, moved by n units.
func unitPeriod(d date, code string, n int) (string, sitrep.Precision, bool) {
	switch code {
	case "D":
		return fmtDay(d.addDays(n)), sitrep.Day, true
	case "W":
		return fmtWeek(d.addDays(7 * n)), sitrep.Week, true
	case "M":
		x := d.addMonths(n)
		return fmtMonth(x.y, x.m), sitrep.Month, true
	case "Q":
		qi := d.y*4 + quarterOf(d.m) - 1 + n
		return fmtQuarter(qi/4, qi%4+1), sitrep.Quarter, true
	case "Y":
		return fmtYear(d.y + n), sitrep.Year, true
	case "E":
		y := d.y + 10*n
		return strconv.Itoa(y / 10), sitrep.Decade, true
	case "C":
		y := d.y + 100*n
		return strconv.Itoa(y / 100), sitrep.Decade, true
	}
	return "", "", false
}

func unitPlaceholder(code string) string {
	switch code {
	case "D":
		return "XXXX-XX-XX"
	case "W":
		return "XXXX-WXX"
	case "M":
		return "XXXX-XX"
	case "Q":
		return "XXXX-QX"
	case "Y":
		return "XXXX"
	case "E":
		return "XXX"
	}
	return "XX"
}

// relative: "this week", "last month", "next year", "the previous day",
// "the following week", "last May", "this summer", "last night", "this
// weekend", "this morning", "that day".
func (p *parser) relative(i int) (match, bool) {
	j := i
	the := false
	if p.w(j) == "the" {
		the = true
		j++
	}
	mode := p.w(j)
	if mode == "this" && p.w(j+1) == "past" && !the {
		mode = "last" // "this past weekend"
		j++
	}
	switch mode {
	case "this", "last", "next", "past", "coming", "current", "present", "previous", "preceding", "following", "same", "that", "latest":
	default:
		return match{}, false
	}
	if the && (mode == "this" || mode == "that") {
		return match{}, false
	}
	if !the && (mode == "following" || mode == "same" || mode == "preceding" || mode == "latest") {
		return match{}, false
	}
	j++
	if p.w(j) == "fiscal" && p.w(j+1) == "year" {
		j++ // "next fiscal year"
	}
	x := p.w(j)
	fromRef := mode == "previous" || mode == "preceding" || mode == "following" || mode == "same" || mode == "that" ||
		(the && mode == "next")
	n := 0
	switch mode {
	case "last", "past", "previous", "preceding":
		n = -1
	case "next", "coming", "following":
		n = 1
	}
	if u, ok := p.t.units[x]; ok && !u.plur && !u.time {
		if u.code == "D" {
			// "the next day", "the previous day", "that day", "the same day".
			if !fromRef {
				return match{}, false
			}
			return p.dayOffset(j+1, n, "", true)
		}
		base, ok := p.pub, p.hasPub
		if fromRef {
			base, ok = p.refBase(u.code)
			if u.code == "Q" && p.q > 0 {
				// "that quarter", "the following quarter"
				qi := p.qy*4 + p.q - 1 + n
				return match{end: j + 1, typ: tDate, val: fmtQuarter(qi/4, qi%4+1), prec: sitrep.Quarter, anch: true, qy: qi / 4, q: qi%4 + 1}, true
			}
		}
		// "the past year" and "the last week" name the period before now,
		// as TimeBank reads them.
		if !ok {
			return match{end: j + 1, typ: tDate, val: unitPlaceholder(u.code), prec: precOf(u.code)}, true
		}
		if u.code == "Q" && mode == "latest" {
			// the latest quarter: the last one reported
			qy, q := p.lastQuarter()
			return match{end: j + 1, typ: tDate, val: fmtQuarter(qy, q), prec: sitrep.Quarter, anch: true, qy: qy, q: q}, true
		}
		if mode == "latest" {
			return match{}, false
		}
		v, prec, _ := unitPeriod(base, u.code, n)
		m := match{end: j + 1, typ: tDate, val: v, prec: prec, anch: true}
		if u.code == "Q" {
			qi := base.y*4 + quarterOf(base.m) - 1 + n
			m.qy, m.q = qi/4, qi%4+1
		}
		return m, true
	}
	if x == "weekend" {
		return p.weekend(i, j+1, mode)
	}
	if pp, ok := p.t.parts[x]; ok && x != "overnight" {
		// "this morning", "last night", "that evening"
		off := 0
		switch mode {
		case "this":
		case "last":
			if x != "night" {
				return match{}, false
			}
			off = -1
		case "that", "same":
		case "following", "next":
			off = 1
		case "previous", "preceding":
			off = -1
		default:
			return match{}, false
		}
		if mode == "next" && !the {
			return match{}, false
		}
		return p.dayOffset(j+1, off, pp, fromRef)
	}
	if s, ok := p.t.seasons[x]; ok {
		if the || mode == "current" || mode == "present" || mode == "same" || mode == "that" || mode == "previous" || mode == "following" {
			return match{}, false
		}
		if !p.hasPub {
			return match{end: j + 1, typ: tDate, val: "XXXX-" + s, prec: sitrep.Quarter}, true
		}
		cur, cy := seasonOf(p.pub)
		idx := seasonIdx(s)
		y := cy
		switch n {
		case -1:
			if idx >= cur {
				y--
			}
		case 1:
			if idx <= cur {
				y++
			}
		default:
			// "this summer": the one of the publication year.
			if s != "WI" {
				y = p.pub.y
			}
		}
		return match{end: j + 1, typ: tDate, val: fmtYear(y) + "-" + s, prec: sitrep.Quarter, anch: true}, true
	}
	if !the && (mode == "last" || mode == "next" || mode == "this") {
		// "last Thanksgiving": holiday resolves it, looking back or ahead.
		if hm, ok := p.holiday(j); ok {
			return hm, true
		}
	}
	if m, e, _, ok := p.monthAt(j); ok && !the {
		if _, isDay := p.dayNum(e); isDay {
			return match{}, false
		}
		if !p.hasPub {
			return match{end: e, typ: tDate, val: placeholderMD(m, 0), prec: sitrep.Month}, true
		}
		y := p.pub.y
		switch n {
		case -1:
			if m >= p.pub.m {
				y--
			}
		case 1:
			if m <= p.pub.m {
				y++
			}
		}
		return match{end: e, typ: tDate, val: fmtMonth(y, m), prec: sitrep.Month, anch: true}, true
	}
	return match{}, false
}

func precOf(code string) sitrep.Precision {
	switch code {
	case "D":
		return sitrep.Day
	case "W":
		return sitrep.Week
	case "M":
		return sitrep.Month
	case "Q":
		return sitrep.Quarter
	case "Y":
		return sitrep.Year
	}
	return sitrep.Decade
}

// lastQuarter is the quarter last named in the text, or the last full
// quarter before publication.
func (p *parser) lastQuarter() (int, int) {
	if p.q > 0 {
		return p.qy, p.q
	}
	qi := p.pub.y*4 + quarterOf(p.pub.m) - 2
	return qi / 4, qi%4 + 1
}

// weekend resolves "the weekend", "this weekend", "last weekend".
func (p *parser) weekend(i, end int, mode string) (match, bool) {
	if !p.hasPub {
		return match{end: end, typ: tDate, val: "XXXX-WXX-WE", prec: sitrep.Week}, true
	}
	wd := p.pub.weekday()
	// The Saturday of the weekend on or before publication.
	sat := p.pub.addDays(-((wd - 6 + 7) % 7))
	switch mode {
	case "next", "coming":
		if wd < 6 {
			sat = sat.addDays(7)
		} else {
			sat = sat.addDays(7)
		}
	case "last", "past":
		if wd >= 6 {
			sat = sat.addDays(-7)
		}
	default:
		if p.futureClause(i, end) && wd < 6 {
			sat = sat.addDays(7)
		}
	}
	return match{end: end, typ: tDate, val: fmtWeek(sat) + "-WE", prec: sitrep.Week, anch: true}, true
}

// the: expressions that start with "the" and are not covered elsewhere:
// "the weekend", "the past", "the future", "the 1990s", "the day after",
// "the day before yesterday", "the year", "the quarter".
func (p *parser) the(i int) (match, bool) {
	if p.w(i) != "the" {
		return match{}, false
	}
	j := i + 1
	switch x := p.w(j); x {
	case "weekend":
		return p.weekend(i, j+1, "")
	case "past":
		return match{end: j + 1, typ: tDate, val: "PAST_REF"}, true
	case "future":
		return match{end: j + 1, typ: tDate, val: "FUTURE_REF"}, true
	case "nineties", "eighties", "seventies", "sixties", "fifties", "forties", "thirties", "twenties":
		return match{end: j + 1, typ: tDate, val: "19" + strconv.Itoa(p.t.tens[x[:len(x)-3]+"y"]/10), prec: sitrep.Decade}, true
	case "full", "fiscal", "current", "calendar":
		k := j + 1
		if x == "current" && p.w(k) == "fiscal" || x == "full" && p.w(k) == "fiscal" {
			k++
		}
		if p.w(k) == "year" && p.hasPub {
			return match{end: k + 1, typ: tDate, val: fmtYear(p.pub.y), prec: sitrep.Year, anch: true}, true
		}
	case "short", "near", "distant", "foreseeable", "immediate":
		if p.w(j+1) == "term" && (x == "short" || x == "near") {
			return match{end: j + 2, typ: tDate, val: "FUTURE_REF"}, true
		}
		if p.w(j+1) == "future" {
			return match{end: j + 2, typ: tDate, val: "FUTURE_REF"}, true
		}
	case "present":
		if p.w(j+1) == "," || p.w(j+1) == "." || p.w(j+1) == "" || p.w(j+1) == "day" {
			e := j + 1
			if p.w(j+1) == "day" {
				e++
			}
			return match{end: e, typ: tDate, val: "PRESENT_REF"}, true
		}
	case "day":
		switch p.w(j + 1) {
		case "after", "before":
			off := 1
			if p.w(j+1) == "before" {
				off = -1
			}
			switch p.w(j + 2) {
			case "tomorrow":
				return p.dayOffset(j+3, 1+off, "", false)
			case "yesterday":
				return p.dayOffset(j+3, -1+off, "", false)
			}
			return p.dayOffset(j+2, off, "", true)
		}
	case "year":
		if y, ok := p.yearNum(j + 1); ok {
			return match{end: j + 2, typ: tDate, val: fmtYear(y), prec: sitrep.Year}, true
		}
		if y, e, ok := p.spokenYear(j + 1); ok {
			return match{end: e, typ: tDate, val: fmtYear(y), prec: sitrep.Year}, true
		}
		if nw := p.w(j + 1); nw != "'" && nw != "’" && nw != "-" && nw != "before" && nw != "after" && nw != "earlier" {
			return match{end: j + 1, typ: tDuration, val: "P1Y"}, true
		}
	case "week":
		// "the week of March 6": the week holding that day.
		if p.w(j+1) == "of" {
			if dm, ok := p.monthFirst(j + 2); ok && dm.hasDay {
				return match{end: dm.end, typ: tDate, val: fmtWeek(dm.day), prec: sitrep.Week, anch: dm.anch}, true
			}
			return match{}, false
		}
		// "for the week, the index fell": the week of publication.
		switch p.w(j + 1) {
		case "before", "after", "ended", "ending", "that", "when", "following", "earlier", "later", "in", "-", "to":
			return match{}, false
		}
		if !p.hasPub {
			return match{end: j + 1, typ: tDate, val: "XXXX-WXX", prec: sitrep.Week}, true
		}
		d := p.pub
		if d.weekday() == 1 && !p.futureClause(i, j+1) {
			d = d.addDays(-7) // on a Monday, the week just ended
		}
		return match{end: j + 1, typ: tDate, val: fmtWeek(d), prec: sitrep.Week, anch: true}, true
	case "latest", "quarter", "period":
		e := j + 1
		if x == "latest" {
			if p.w(j+1) != "period" {
				return match{}, false
			}
			e++ // "the latest period": the last quarter reported
		} else if x == "period" && p.q == 0 {
			return match{}, false
		}
		if !p.hasPub {
			return match{end: e, typ: tDate, val: "XXXX-QX", prec: sitrep.Quarter}, true
		}
		qy, q := p.lastQuarter()
		return match{end: e, typ: tDate, val: fmtQuarter(qy, q), prec: sitrep.Quarter, anch: true, qy: qy, q: q}, true
	}
	if s, ok := p.t.seasons[p.w(j)]; ok && p.w(j) != "fall" || ok && p.w(j+1) == "of" {
		k := j + 1
		if p.w(k) == "of" {
			if y, ok := p.yearNum(k + 1); ok {
				return match{end: k + 2, typ: tDate, val: fmtYear(y) + "-" + s, prec: sitrep.Quarter}, true
			}
			if y, e, ok := p.spokenYear(k + 1); ok {
				return match{end: e, typ: tDate, val: fmtYear(y) + "-" + s, prec: sitrep.Quarter}, true
			}
			return match{}, false
		}
		return p.season(k, s)
	}
	// "the 1990s", "the '80s", "the 20th century"
	if m, ok := p.year(j); ok && (m.prec == sitrep.Decade) {
		return m, true
	}
	return match{}, false
}

// season resolves a bare season to the most recent one (or the current).
func (p *parser) season(end int, s string) (match, bool) {
	if !p.hasPub {
		return match{end: end, typ: tDate, val: "XXXX-" + s, prec: sitrep.Quarter}, true
	}
	cur, cy := seasonOf(p.pub)
	y := cy
	if seasonIdx(s) > cur {
		y--
	}
	// "will attack in the spring": the next one.
	if seasonIdx(s) < cur && p.futureClause(p.seasonStart(end), end) {
		y++
	}
	return match{end: end, typ: tDate, val: fmtYear(y) + "-" + s, prec: sitrep.Quarter, anch: true}, true
}

// seasonStart returns the first token of a season expression ending at
// end: "the spring", "the early summer", "spring".
func (p *parser) seasonStart(end int) int {
	i := end - 1
	for i > 0 && i > end-4 {
		switch p.w(i - 1) {
		case "the", "early", "late", "mid", "-":
			i--
			continue
		}
		break
	}
	return i
}

// year: "in 2019", "since 2015", "fiscal 1989", "1990s", "'90s", "the 20th
// century", "mid-1996".
func (p *parser) year(i int) (match, bool) {
	w := p.w(i)
	j := i
	fiscal := false
	if w == "fiscal" {
		fiscal = true
		j++
		if p.w(j) == "year" {
			j++
		}
	}
	// Decades.
	dw := p.w(j)
	if p.isApos(j) {
		if n, ok := atoiN(strings.TrimSuffix(p.w(j+1), "s")); ok && p.adj(j+1) && len(p.w(j+1)) == 3 && p.w(j + 1)[2] == 's' && n%10 == 0 {
			c := 19
			if n < 30 {
				c = 20
			}
			return match{end: j + 2, typ: tDate, val: strconv.Itoa(c*10 + n/10), prec: sitrep.Decade}, true
		}
		return match{}, false
	} else if len(dw) == 5 && dw[4] == 's' {
		if n, ok := atoiN(dw[:4]); ok && n%10 == 0 && n >= 1000 {
			return match{end: j + 1, typ: tDate, val: strconv.Itoa(n / 10), prec: sitrep.Decade}, true
		}
	} else if p.nd(j) == 4 && p.isApos(j+1) && p.adj(j+1) && p.w(j+2) == "s" && p.num(j)%10 == 0 {
		return match{end: j + 3, typ: tDate, val: strconv.Itoa(p.num(j) / 10), prec: sitrep.Decade}, true
	}
	// Centuries: "20th century", "the twentieth century".
	if p.w(j+1) == "century" {
		n := 0
		if len(dw) >= 3 && (strings.HasSuffix(dw, "th") || strings.HasSuffix(dw, "st") || strings.HasSuffix(dw, "nd") || strings.HasSuffix(dw, "rd")) {
			n, _ = atoiN(dw[:len(dw)-2])
		} else {
			switch dw {
			case "nineteenth":
				n = 19
			case "twentieth":
				n = 20
			case "twenty":
				if p.w(j+1) == "-" {
					return match{}, false
				}
			}
		}
		if n >= 1 && n <= 30 {
			return match{end: j + 2, typ: tDate, val: string(pad(nil, n-1, 2)), prec: sitrep.Decade}, true
		}
	}
	// Spoken years: "nineteen ninety-six".
	if y, e, ok := p.spokenYear(j); ok {
		return match{end: e, typ: tDate, val: fmtYear(y), prec: sitrep.Year}, true
	}
	y, ok := p.yearNum(j)
	if !ok {
		return match{}, false
	}
	if !fiscal {
		prev := p.w(i - 1)
		ctx := p.t.yearCtx[prev]
		if prev == "and" || prev == "or" || prev == "to" {
			_, ctx = p.yearNum(i - 2)
			if !ctx {
				_, _, _, ctx = p.monthAt(i - 2)
			}
			if prev == "to" && !ctx {
				// "from 1990 to 1994", "dating back to 1994."
				switch p.w(i + 1) {
				case ".", ",", ";", "", "when", "and":
					ctx = true
				default:
					ctx = p.w(i-3) == "from"
				}
			}
		}
		if prev == "-" && (p.w(i-2) == "mid" || p.nd(i-2) == 4) {
			ctx = true
		}
		if !ctx && p.isApos(i+1) && p.w(i+2) == "s" {
			ctx = true // "2019's budget"
		}
		if !ctx && y >= 1900 && y <= 2099 && p.up(i+1) && p.toks[i+1].word && (i == 0 || p.toks[i-1].word) {
			ctx = true // "predicting 1990 BellSouth earnings"
		}
		if !ctx {
			return match{}, false
		}
		if i > 0 && (p.w(i-1) == "$" || p.w(i-1) == "#") {
			return match{}, false
		}
		if nx := p.w(i + 1); p.t.nonYear[nx] {
			return match{}, false
		}
	}
	return match{end: j + 1, typ: tDate, val: fmtYear(y), prec: sitrep.Year}, true
}

// spokenYear reads a year in words at j: "nineteen ninety-six".
func (p *parser) spokenYear(j int) (y, end int, ok bool) {
	if p.w(j) == "two" && p.w(j+1) == "thousand" {
		// "two thousand", "two thousand and one"
		e := j + 2
		k := e
		if p.w(k) == "and" {
			k++
		}
		if o, ok := p.t.ones[p.w(k)]; ok {
			e = k + 1
			y = 2000 + o
		} else {
			y = 2000
		}
		if _, unit := p.t.units[p.w(e)]; unit || p.t.nonYear[p.w(e)] {
			return 0, j, false // "two thousand years", "two thousand people"
		}
		return y, e, true
	}
	c, ok := p.t.ones[p.w(j)]
	if !ok || (c != 19 && c != 18) {
		return 0, j, false
	}
	t, ok := p.t.tens[p.w(j+1)]
	if !ok {
		return 0, j, false
	}
	y, e := c*100+t, j+2
	if p.w(e) == "-" && p.adj(e) {
		if o, ok := p.t.ones[p.w(e+1)]; ok && o < 10 {
			y, e = y+o, e+2
		}
	} else if o, ok := p.t.ones[p.w(e)]; ok && o < 10 {
		y, e = y+o, e+1
	}
	return y, e, true
}

// quarter: "third-quarter", "the fourth quarter", "the first half of
// 1989", "fiscal second-quarter", "year-earlier", "the year-ago period".
func (p *parser) quarter(i int) (match, bool) {
	j := i
	the := false
	if p.w(j) == "the" {
		the = true
		j++
	}
	if p.w(j) == "fiscal" {
		j++
		if p.w(j) == "-" {
			j++
		}
	}
	// "next year's first quarter", "last year's quarter", "1990's second
	// quarter": a quarter of that year.
	if !the {
		y, k, ok, rel := 0, j, false, false
		switch w := p.w(j); {
		case (w == "this" || w == "last" || w == "next") && p.w(j+1) == "year" && p.hasPub:
			y, k, ok, rel = p.pub.y, j+2, true, true
			if w == "last" {
				y--
			} else if w == "next" {
				y++
			}
		default:
			y, ok = p.yearNum(j)
			k = j + 1
		}
		if ok && p.isApos(k) && p.adj(k) && p.w(k+1) == "s" {
			k += 2
			q := 0
			if o, isOrd := p.t.ordinals[p.w(k)]; isOrd && o <= 4 {
				k++
				if p.w(k) == "-" && p.adj(k) {
					k++
				}
				if p.w(k) == "quarter" {
					q, k = o, k+1
				}
			} else if (p.w(k) == "quarter" || p.w(k) == "period") && p.q > 0 {
				q, k = p.q, k+1
			}
			if q > 0 {
				return match{end: k, typ: tDate, val: fmtQuarter(y, q), prec: sitrep.Quarter, anch: rel, qy: y, q: q}, true
			}
		}
	}
	// "the 1988 period", "the 1988 third quarter": a quarter of that year.
	if y, ok := p.yearNum(j); ok && the {
		k := j + 1
		q := 0
		switch w := p.w(k); w {
		case "period", "quarter":
			if p.q == 0 {
				return match{}, false
			}
			q, k = p.q, k+1
		default:
			o, ok := p.t.ordinals[w]
			if !ok || o > 4 {
				return match{}, false
			}
			k++
			if p.w(k) == "-" && p.adj(k) {
				k++
			}
			if p.w(k) != "quarter" {
				return match{}, false
			}
			q, k = o, k+1
		}
		// A comparison period: the quarter under report stays the same.
		return match{end: k, typ: tDate, val: fmtQuarter(y, q), prec: sitrep.Quarter}, true
	}
	// year-end, year end, year's end: the end of this year (of the last
	// one after "since").
	if p.w(j) == "year" {
		e := 0
		switch {
		case p.w(j+1) == "-" && p.adj(j+1) && p.w(j+2) == "end" && p.adj(j+2):
			e = j + 3
		case p.w(j+1) == "end":
			e = j + 2
		case p.isApos(j+1) && p.w(j+2) == "s" && p.w(j+3) == "end":
			e = j + 4
		}
		if e > 0 {
			if !p.hasPub {
				return match{end: e, typ: tDate, val: "XXXX", prec: sitrep.Year}, true
			}
			y := p.pub.y
			t := p.tense(i, e)
			if p.w(i-1) == "since" || (t == tensePast || t == tensePastAfter) && p.w(i-1) != "by" {
				y--
			}
			return match{end: e, typ: tDate, val: fmtYear(y), prec: sitrep.Year, anch: true}, true
		}
	}
	// year-earlier / year-ago
	if p.w(j) == "year" && p.w(j+1) == "-" && (p.w(j+2) == "earlier" || p.w(j+2) == "ago") && p.adj(j+1) && p.adj(j+2) {
		k := j + 3
		if the {
			switch p.w(k) {
			case "quarter", "period":
				k++
			default:
				if o, ok := p.t.ordinals[p.w(k)]; ok && o <= 4 && p.w(k+1) == "quarter" {
					k += 2
				}
			}
		} else if p.w(k) == "quarter" || p.w(k) == "period" {
			k++
		}
		if !p.hasPub {
			return match{end: k, typ: tDate, val: "XXXX", prec: sitrep.Year}, true
		}
		if p.q > 0 {
			return match{end: k, typ: tDate, val: fmtQuarter(p.qy-1, p.q), prec: sitrep.Quarter, anch: true}, true
		}
		return match{end: k, typ: tDate, val: fmtYear(p.pub.y - 1), prec: sitrep.Year, anch: true}, true
	}
	o, ok := p.t.ordinals[p.w(j)]
	lastForm := false
	if !ok && the && (p.w(j) == "last" || p.w(j) == "final" || p.w(j) == "latter") && p.w(j+2) == "of" {
		lastForm = true
		// "the last half of 1989", "the final quarter of the year"
		switch p.w(j + 1) {
		case "half":
			o, ok = 2, true
		case "quarter":
			o, ok = 4, true
		}
	}
	qn := ""
	if !ok {
		// "Q3", "Q3 2019"
		if w := p.w(j); len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' && p.up(j) {
			o, ok, qn = int(w[1]-'0'), true, "Q"
			j++
		} else {
			return match{}, false
		}
	} else {
		j++
		if p.w(j) == "-" && p.adj(j) {
			j++
		}
		switch p.w(j) {
		case "quarter":
			if o > 4 {
				return match{}, false
			}
			qn = "Q"
		case "half":
			if o > 2 {
				return match{}, false
			}
			qn = "H"
		default:
			return match{}, false
		}
		j++
	}
	y, hasY := 0, false
	if p.w(j) == "of" {
		if yy, ok := p.yearNum(j + 1); ok {
			y, hasY, j = yy, true, j+2
		} else if (p.w(j+1) == "this" || p.w(j+1) == "last" || p.w(j+1) == "next") && p.w(j+2) == "year" && p.hasPub {
			y, hasY = p.pub.y, true
			if p.w(j+1) == "last" {
				y--
			} else if p.w(j+1) == "next" {
				y++
			}
			j += 3
		} else if p.w(j+1) == "the" && p.w(j+2) == "year" && p.hasPub {
			// "the first half of the year": the year last named
			y, hasY = p.pub.y, true
			if p.ry > 0 {
				y = p.ry
			}
			j += 3
		}
	} else if yy, ok := p.yearNum(j); ok && qn == "Q" {
		y, hasY, j = yy, true, j+1
	}
	anch := false
	ofPart := false // "the second half of a two-week period", not "the third quarter of $226 million"
	if p.w(j) == "of" {
		switch p.w(j + 1) {
		case "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "each", "every":
			ofPart = true
		}
	}
	if (lastForm || ofPart) && !hasY {
		return match{}, false // "the last half of the '80s", "the second half of a two-week period"
	}
	if !hasY {
		if !p.hasPub {
			return match{end: j, typ: tDate, val: "XXXX-" + qn + strconv.Itoa(o), prec: sitrep.Quarter}, true
		}
		anch = true
		y = p.pub.y
		cur := quarterOf(p.pub.m)
		if qn == "H" {
			cur = (p.pub.m-1)/6 + 1
		}
		// The last such quarter, or in a future clause the next one
		// ("expects a loss in the first quarter", said in October) unless
		// it has just ended ("expects to report third-quarter results").
		future := p.futureClause(i, j)
		switch {
		case o > cur && !future:
			y--
		case o < cur-1 && future:
			y++
		}
	}
	if qn == "H" {
		return match{end: j, typ: tDate, val: fmtYear(y) + "-H" + strconv.Itoa(o), prec: sitrep.Year, anch: anch}, true
	}
	return match{end: j, typ: tDate, val: fmtQuarter(y, o), prec: sitrep.Quarter, anch: anch, qy: y, q: o}, true
}

// approx reads hedges that TimeBank keeps inside a duration's extent.
func (p *parser) approx(i int) int {
	switch p.w(i) {
	case "about", "nearly", "almost", "around", "approximately", "roughly", "some", "over":
		if p.w(i) == "some" {
			if _, ok := p.t.units[p.w(i+1)]; ok {
				return i
			}
		}
		return i + 1
	case "more", "less", "fewer":
		if p.w(i+1) == "than" {
			return i + 2
		}
	case "at":
		if p.w(i+1) == "least" || p.w(i+1) == "most" {
			return i + 2
		}
	case "up":
		if p.w(i+1) == "to" {
			return i + 2
		}
	case "well":
		if p.w(i+1) == "over" || p.w(i+1) == "under" {
			return i + 2
		}
	}
	return i
}

// moneyish reports whether token k is a quantity that "a year" / "a day"
// after it turns into a rate: "$5 a day", "10 percent a year".
func (p *parser) moneyish(k int) bool {
	if p.num(k) >= 0 {
		return true
	}
	switch p.w(k) {
	case "percent", "%", "million", "billion", "trillion", "thousand", "dollars", "cents",
		"euros", "pounds", "yen", "once", "twice", "times", "tons", "barrels":
		return true
	}
	return false
}

// duration: "two days", "48 hours", "a week", "several months", "the past
// three years", "two-year", "a year ago", "two days later", "decades".
func (p *parser) duration(i int) (match, bool) {
	j := i
	the := false
	if p.w(j) == "the" {
		the = true
		j++
	}
	j = p.approx(j)
	lead := ""
	switch w := p.w(j); w {
	case "past", "last", "next", "coming", "first", "previous", "following", "final", "latest", "initial", "remaining", "same", "recent":
		lead = w
		j++
		if the {
			j = p.approx(j)
		} else if w == "past" || w == "last" || w == "next" || w == "coming" || w == "recent" || w == "first" {
			// "the last nearly five years", but "to last over a week"
			// is the verb.
			if w == "last" {
				switch p.w(i - 1) {
				case "will", "would", "to", "could", "may", "might", "should", "can", "must", "ll", "not", "t", "did", "does", "do":
					return match{}, false // "the war could last three years"
				}
			}
		} else {
			return match{}, false
		}
	}
	// "a day-long meeting", "the decades-long feud"
	if uu, ok := p.t.units[p.w(j)]; ok && lead == "" && p.w(j+1) == "-" && p.adj(j+1) && p.w(j+2) == "long" && p.adj(j+2) {
		if the || j != i {
			return match{}, false // the article and hedges stay outside
		}
		n := 1
		if uu.plur {
			n = -1
		}
		return match{end: j + 3, typ: tDuration, val: fmtDuration(n, uu)}, true
	}
	n, k, art, ok := p.number(j)
	var u unit
	hyphen := false
	frac := false
	// "2 1/2 years", "15-1/2 years"
	if ok && n >= 0 && p.num(j) >= 0 {
		f := k
		if p.w(f) == "-" && p.adj(f) && p.adj(f+1) {
			f++
		}
		if p.num(f) == 1 && (f > k || !p.adj(f)) && p.w(f+1) == "/" && p.adj(f+1) && p.num(f+2) == 2 && p.adj(f+2) {
			frac, k = true, f+3
		}
	}
	if ok {
		// "two more weeks", "three straight years", "eight trading days"
		switch p.w(k) {
		case "more", "additional", "extra", "further", "full", "straight", "consecutive", "trading", "business", "working":
			if uu, ok2 := p.t.units[p.w(k+1)]; ok2 && !uu.time || ok2 && p.w(k) == "more" {
				k++
			}
		}
		uw := p.w(k)
		if uw == "-" && p.adj(k) && p.adj(k+1) {
			if uu, ok2 := p.t.units[p.w(k+1)]; ok2 && !uu.plur {
				u, hyphen, k = uu, true, k+1
			} else {
				return match{}, false
			}
		} else if uu, ok2 := p.t.units[uw]; ok2 {
			u = uu
		} else {
			return match{}, false
		}
		if art && u.plur {
			return match{}, false
		}
		if art && u.code == "S" && !u.plur {
			return match{}, false // "a second time"
		}
		if p.nd(j) == 4 && !u.plur {
			return match{}, false // "the 1988 quarter" is a date
		}
		if n == 1 && u.plur && !art && p.num(j) < 0 {
			return match{}, false
		}
		k++
	} else {
		// Bare plural units: "for years", "in recent months", "decades".
		uu, ok2 := p.t.units[p.w(j)]
		if !ok2 || !uu.plur {
			return match{}, false
		}
		prev := p.w(i - 1)
		switch {
		case lead == "recent", lead == "coming", lead == "past" && the, lead == "last" && the, lead == "next" && the:
		case lead == "" && !the && (prev == "for" || prev == "over" || prev == "within" || prev == "in" || prev == "after" || u.code == "E" || uu.code == "E" || uu.code == "C"):
		case lead == "" && !the && p.w(j+1) == "ago": // "just months ago"
		default:
			return match{}, false
		}
		u, n, k = uu, -1, j+1
		if lead == "recent" && u.code == "Y" {
			return match{end: k, typ: tDate, val: "PAST_REF"}, true
		}
	}
	// "one-quarter of those affected", "a quarter of the market": a share.
	if u.code == "Q" && !u.plur && p.w(k) == "of" {
		if _, isYear := p.yearNum(k + 1); !isYear {
			return match{}, false
		}
	}
	// "a day-long meeting": the duration is "day-long".
	if art && p.w(k) == "-" && p.adj(k) && p.w(k+1) == "long" {
		return match{}, false
	}
	// "a year-earlier loss" is the year-earlier period.
	if !hyphen && p.w(k) == "-" && p.adj(k) && (p.w(k+1) == "earlier" || p.w(k+1) == "ago") {
		return match{}, false
	}
	// "the 14-day waiting period": the article stays outside.
	if the && lead == "" && (hyphen || !u.plur && n > 1) { // also "the 4,000 year history"
		return match{}, false
	}
	// Ages ("a 6-year-old", "52 years old") are not time expressions.
	if hyphen && p.w(k) == "-" && p.w(k+1) == "old" && p.adj(k) || !hyphen && p.w(k) == "old" {
		return match{}, false
	}
	// "a minute and a half"
	if p.w(k) == "and" && p.w(k+1) == "a" && p.w(k+2) == "half" {
		frac = true
		k += 3
	}
	if p.w(k) == "or" && p.w(k+1) == "so" {
		switch p.w(k + 2) {
		case "ago", "earlier", "later":
			k += 2 // "a week or so ago"
		}
	}
	if !hyphen && !the && lead == "" {
		switch p.w(k) {
		case "ago":
			return p.ago(i, k+1, n, u, -1, false)
		case "earlier", "before":
			if p.w(k) == "before" && p.w(k+1) != "," && p.w(k+1) != "." {
				break
			}
			return p.ago(i, k+1, n, u, -1, true)
		case "later", "after":
			if p.w(k) == "after" && p.w(k+1) != "," && p.w(k+1) != "." {
				break
			}
			return p.ago(i, k+1, n, u, 1, true)
		case "from":
			if p.w(k+1) == "now" {
				return p.ago(i, k+2, n, u, 1, false)
			}
		}
		// Rates: "$5 a day", "twice a week", "per year".
		if art && p.w(j) == "a" && p.moneyish(i-1) {
			return match{end: k, typ: tSet, val: fmtDuration(1, u)}, true
		}
	}
	if p.w(k) == "or" && p.w(k+1) == "so" {
		k += 2
	} else if p.w(k) == "ahead" {
		k++
	}
	if frac && n >= 0 {
		return match{end: k, typ: tDuration, val: halfDuration(n, u)}, true
	}
	if lead == "first" && !the && n < 0 {
		return match{}, false
	}
	return match{end: k, typ: tDuration, val: fmtDuration(n, u)}, true
}

// halfDuration writes n and a half units in the next smaller unit.
func halfDuration(n int, u unit) string {
	switch u.code {
	case "H":
		if u.time {
			return "PT" + strconv.Itoa(n) + "H30M"
		}
	case "M":
		if u.time {
			return "PT" + strconv.Itoa(n) + "M30S"
		}
		return "P" + strconv.Itoa(n) + "M15D"
	case "Y":
		return "P" + strconv.Itoa(n) + "Y6M"
	case "D":
		return "P" + strconv.Itoa(n) + "DT12H"
	case "W":
		return "P" + strconv.Itoa(n*7+3) + "DT12H"
	}
	return fmtDuration(n, u)
}

// yearsIn is the number of whole years in a unit (0 below a year).
func yearsIn(code string) int {
	switch code {
	case "Y":
		return 1
	case "E":
		return 10
	case "C":
		return 100
	}
	return 0
}

// refBase returns the anchor of an anaphoric expression counted in unit
// code: the last year or month named for years and months, else the last
// day named (or the publication date).
func (p *parser) refBase(code string) (date, bool) {
	switch code {
	case "Y", "E", "C":
		if p.ry > 0 {
			return date{p.ry, 1, 1}, true
		}
	case "M", "Q":
		if p.rm > 0 {
			return date{p.ry, p.rm, 1}, true
		}
	}
	return p.narr, p.hasPub || p.narrText
}

// ago resolves "N units ago" (from the publication date) and "N units
// earlier/later" (from the reference date).
func (p *parser) ago(i, end, n int, u unit, sign int, fromRef bool) (match, bool) {
	if n < 0 {
		if sign < 0 {
			return match{end: end, typ: tDate, val: "PAST_REF"}, true
		}
		return match{end: end, typ: tDate, val: "FUTURE_REF"}, true
	}
	if u.time {
		return match{end: end, typ: tDuration, val: fmtDuration(n, u)}, true
	}
	base, ok := p.pub, p.hasPub
	if fromRef {
		base, ok = p.refBase(u.code)
	}
	if !ok {
		return match{end: end, typ: tDate, val: unitPlaceholder(u.code), prec: precOf(u.code)}, true
	}
	// In financial news "a year earlier" compares with the quarter last named.
	if u.code == "Y" && p.q > 0 && (fromRef || n == 1) {
		return match{end: end, typ: tDate, val: fmtQuarter(p.qy+sign*n, p.q), prec: sitrep.Quarter, anch: true}, true
	}
	if u.code == "D" {
		d := base.addDays(sign * n)
		return dayMatch(end, d, true), true
	}
	if y := base.y + sign*n*yearsIn(u.code); y < 1 || y > 9999 {
		if sign < 0 {
			return match{end: end, typ: tDate, val: "PAST_REF"}, true // "4,000 years ago"
		}
		return match{end: end, typ: tDate, val: "FUTURE_REF"}, true
	}
	v, prec, ok := unitPeriod(base, u.code, sign*n)
	if !ok {
		return match{}, false
	}
	return match{end: end, typ: tDate, val: v, prec: prec, anch: true}, true
}

// set: "every Friday", "each year", "daily", "per week", "twice a month".
func (p *parser) set(i int) (match, bool) {
	w := p.w(i)
	if v, ok := p.t.sets[w]; ok {
		return match{end: i + 1, typ: tSet, val: v}, true
	}
	switch w {
	case "every", "each":
		j := i + 1
		n := 1
		if p.w(j) == "other" {
			n, j = 2, j+1
		}
		if u, ok := p.t.units[p.w(j)]; ok && !u.plur {
			return match{end: j + 1, typ: tSet, val: fmtDuration(n, u)}, true
		}
		if p.w(j) == "weekend" {
			return match{end: j + 1, typ: tSet, val: "XXXX-WXX-WE"}, true
		}
		if wd, e, _, ok := p.weekdayAt(j); ok {
			return match{end: e, typ: tSet, val: "XXXX-WXX-" + strconv.Itoa(wd)}, true
		}
		if pp, ok := p.t.parts[p.w(j)]; ok {
			return match{end: j + 1, typ: tSet, val: "XXXX-XX-XXT" + pp}, true
		}
		if m, e, _, ok := p.monthAt(j); ok {
			return match{end: e, typ: tSet, val: placeholderMD(m, 0)}, true
		}
		if num, k, _, ok := p.number(j); ok && num > 0 {
			if u, ok := p.t.units[p.w(k)]; ok {
				return match{end: k + 1, typ: tSet, val: fmtDuration(num, u)}, true
			}
		}
	case "per":
		if u, ok := p.t.units[p.w(i+1)]; ok && !u.plur {
			return match{end: i + 2, typ: tSet, val: fmtDuration(1, u)}, true
		}
	case "once", "twice":
		if a := p.w(i + 1); a == "a" || a == "per" || a == "every" || a == "each" {
			if u, ok := p.t.units[p.w(i+2)]; ok && !u.plur {
				return match{end: i + 3, typ: tSet, val: fmtDuration(1, u)}, true
			}
		}
	}
	return match{}, false
}

// holiday: "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving",
// "Easter", "Good Friday", "Black Friday", "Ash Wednesday".
func (p *parser) holiday(i int) (match, bool) {
	if !p.up(i) {
		return match{}, false
	}
	if i >= 2 && p.up(i-1) && p.toks[i-1].word && p.toks[i-2].word && p.toks[i-2].sent == p.toks[i].sent && !p.t.opener[p.w(i-1)] {
		return match{}, false // a surname: "Jermaine Easter"
	}
	w := p.w(i)
	j := i + 1
	fixedM, fixedD := 0, 0
	rule, off := "", 0
	switch w {
	case "christmas":
		fixedM, fixedD = 12, 25
		switch p.w(j) {
		case "day":
			j++
		case "eve":
			fixedD = 24
			j++
		}
	case "new":
		if p.w(j) == "year" && p.isApos(j+1) && p.w(j+2) == "s" {
			switch p.w(j + 3) {
			case "day":
				fixedM, fixedD, j = 1, 1, j+4
			case "eve":
				fixedM, fixedD, j = 12, 31, j+4
			default:
				return match{}, false
			}
		} else {
			return match{}, false
		}
	case "halloween":
		fixedM, fixedD = 10, 31
	case "valentine":
		if p.isApos(j) && p.w(j+1) == "s" && p.w(j+2) == "day" {
			fixedM, fixedD, j = 2, 14, j+3
		} else {
			return match{}, false
		}
	case "thanksgiving":
		rule = "thanksgiving"
		if p.w(j) == "day" {
			j++
		}
	case "easter":
		rule = "easter"
		switch p.w(j) {
		case "sunday":
			j++
		case "monday":
			off, j = 1, j+1
		}
	case "good", "ash", "palm", "black", "cyber", "memorial", "labor":
		nw := p.w(j)
		if !p.up(j) {
			return match{}, false
		}
		switch {
		case w == "good" && nw == "friday":
			rule, off = "easter", -2
		case w == "ash" && nw == "wednesday":
			rule, off = "easter", -46
		case w == "palm" && nw == "sunday":
			rule, off = "easter", -7
		case w == "black" && nw == "friday":
			rule, off = "thanksgiving", 1
		case w == "cyber" && nw == "monday":
			rule, off = "thanksgiving", 4
		default:
			return match{}, false
		}
		j++
	default:
		return match{}, false
	}
	y, hasY := p.yearNum(j)
	if hasY {
		j++
	}
	calc := func(y int) date {
		switch rule {
		case "easter":
			return easter(y).addDays(off)
		case "thanksgiving":
			return thanksgiving(y).addDays(off)
		}
		return date{y, fixedM, fixedD}
	}
	if !hasY {
		if !p.hasPub {
			if rule == "" {
				return match{end: j, typ: tDate, val: placeholderMD(fixedM, fixedD), prec: sitrep.Day}, true
			}
			return match{end: j, typ: tDate, val: "XXXX-XX-XX", prec: sitrep.Day}, true
		}
		// The nearest occurrence, weighed by tense, as for "May 5".
		best, bestScore := date{}, -1
		b := p.dateBias(i, j)
		for yy := p.pub.y - 1; yy <= p.pub.y+1; yy++ {
			d := calc(yy)
			s := b.score(daysBetween(p.pub, d))
			if bestScore < 0 || s < bestScore {
				best, bestScore = d, s
			}
		}
		return dayMatch(j, best, true), true
	}
	return dayMatch(j, calc(y), false), true
}

// refWord: now, currently, recently, recent, current, future, soon,
// formerly, these days, at present.
func (p *parser) refWord(i int) (match, bool) {
	w := p.w(i)
	switch w {
	case "these":
		if p.w(i+1) == "days" {
			return match{end: i + 2, typ: tDate, val: "PRESENT_REF"}, true
		}
		return match{}, false
	case "present":
		if p.w(i-1) == "at" {
			return match{end: i + 1, typ: tDate, val: "PRESENT_REF"}, true
		}
		return match{}, false
	}
	v, ok := p.t.refs[w]
	if !ok {
		return match{}, false
	}
	switch w {
	case "soon":
		if p.w(i-1) == "as" || p.w(i+1) == "as" || p.w(i+1) == "after" || p.w(i+1) == "before" {
			return match{}, false
		}
	case "current":
		switch p.w(i + 1) {
		case "account", "accounts", "affairs", "events", "flows", "assets", "liabilities":
			return match{}, false
		}
		if p.w(i-1) == "the" && (p.w(i+1) == "." || p.w(i+1) == ",") {
			return match{}, false // "the current" of a river
		}
	case "future":
		if p.w(i-1) == "the" {
			return match{}, false // handled with its article
		}
	case "once":
		return match{}, false
	}
	return match{end: i + 1, typ: tDate, val: v}, true
}

// modified: "early next year", "late last year", "mid-November", "the end
// of 1990", "earlier this month", "later that day", "the late 1970s".
func (p *parser) modified(i int) (match, bool) {
	j := i
	if p.w(j) == "the" {
		j++
	}
	switch p.w(j) {
	case "early", "late", "earlier", "later":
		j++
		if p.w(j) == "-" && p.adj(j) && p.adj(j+1) {
			j++ // "late-November"
		}
		if p.w(j) == "in" && p.w(j+1) == "the" && p.w(j+2) != "" {
			// "earlier in the year", "late in the day"
			if u, ok := p.t.units[p.w(j+2)]; ok && !u.plur && !u.time && p.hasPub {
				base := p.pub
				if u.code == "D" {
					base = p.narr
				}
				v, prec, _ := unitPeriod(base, u.code, 0)
				return match{end: j + 3, typ: tDate, val: v, prec: prec, anch: true}, true
			}
		}
	case "mid":
		j++
		if p.w(j) == "-" && p.adj(j) {
			j++
		}
	case "end", "beginning", "start", "middle", "close":
		if p.w(j+1) != "of" {
			return match{}, false
		}
		j += 2
		if p.w(j) == "the" {
			if u, ok := p.t.units[p.w(j+1)]; ok && !u.plur && !u.time {
				// "the end of the year": the current one
				base, ok := p.pub, p.hasPub
				if u.code == "D" {
					base, ok = p.narr, p.hasPub || p.narrText
				}
				if !ok {
					return match{end: j + 2, typ: tDate, val: unitPlaceholder(u.code), prec: precOf(u.code)}, true
				}
				if u.code == "Q" && p.q > 0 {
					return match{end: j + 2, typ: tDate, val: fmtQuarter(p.qy, p.q), prec: sitrep.Quarter, anch: true}, true
				}
				v, prec, _ := unitPeriod(base, u.code, 0)
				return match{end: j + 2, typ: tDate, val: v, prec: prec, anch: true}, true
			}
		}
	default:
		return match{}, false
	}
	if j == i+1 && p.w(i) == "the" {
		return match{}, false
	}
	var best match
	best.end = j
	best.take(p.monthFirst(j))
	best.take(p.year(j))
	best.take(p.relative(j))
	best.take(p.deictic(j))
	best.take(p.weekday(j))
	best.take(p.quarter(j))
	best.take(p.the(j))
	if s, ok := p.t.seasons[p.w(j)]; ok {
		best.take(p.season(j+1, s))
	}
	if pp, ok := p.t.parts[p.w(j)]; ok && p.w(i) == "mid" || ok && p.w(i+1) == "mid" {
		best.take(p.dayOffset(j+1, 0, pp, false))
	}
	if best.end <= j || (best.typ != tDate && best.typ != tTime) {
		return match{}, false
	}
	if p.w(j-1) == "-" && p.w(j-2) == "mid" && !p.adj(j) {
		return match{}, false
	}
	if w := p.w(j - 1); w == "earlier" || w == "later" {
		if _, _, _, ok := p.weekdayAt(j); ok {
			return match{}, false // "Earlier Friday": the day alone
		}
	}
	if _, _, _, ok := p.monthAt(j); ok && p.w(i) == "the" && (p.w(i+1) == "early" || p.w(i+1) == "late" || p.w(i+1) == "mid") {
		return match{}, false // "the late-November trip": from "late"
	}
	return best, true
}
