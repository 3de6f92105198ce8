package casualty

import (
	"strconv"
	"strings"
)

// Vague quantities are read conservatively, following ACLED's convention of
// taking the lowest figure a phrase allows ("tens" = 10, "dozens" = 12,
// "hundreds" = 100); for words ACLED does not define we apply the same idea:
// the smallest plural reading.
var vague = map[string]int{
	"several":   3,
	"some":      2,
	"many":      2,
	"multiple":  2,
	"numerous":  2,
	"various":   2,
	"tens":      10,
	"dozens":    12,
	"scores":    40, // "scores" is at least two score
	"hundreds":  100,
	"thousands": 1000,
	"millions":  1000000,
}

var units = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var multipliers = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000}

// Quantifier prefixes that make a count inexact. "more than N" and "over N"
// are read as N (the figure given), not N+1, like ACLED does.
var approx = [][]string{
	{"at", "least"}, {"at", "most"}, {"more", "than"}, {"less", "than"}, {"fewer", "than"},
	{"up", "to"}, {"as", "many", "as"}, {"an", "estimated"}, {"upwards", "of"},
	{"about"}, {"around"}, {"nearly"}, {"almost"}, {"some"}, {"roughly"},
	{"approximately"}, {"over"}, {"estimated"}, {"close", "to"}, {"perhaps"},
	{"possibly"}, {"maybe"},
}

// number is a parsed quantity phrase toks[start:end].
type number struct {
	start, end int
	count      int
	exact      bool
	// article is set for "a"/"an", which only count before a noun.
	article bool
}

// wordValue parses a single word number: "twelve", "twenty-three", "15,000", "3".
func wordValue(w string) (int, bool) {
	if w == "" {
		return 0, false
	}
	if w[0] >= '0' && w[0] <= '9' {
		s := strings.ReplaceAll(w, ",", "")
		if strings.ContainsAny(s, ".") {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || f > 1e9 {
				return 0, false
			}
			return int(f), true
		}
		if len(s) > 9 {
			return 0, false
		}
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	if n, ok := units[w]; ok {
		return n, true
	}
	if n, ok := tens[w]; ok {
		return n, true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		t, ok1 := tens[w[:i]]
		u, ok2 := units[w[i+1:]]
		if ok1 && ok2 && u < 10 {
			return t + u, true
		}
	}
	return 0, false
}

// numStart holds every word that may open a quantity phrase, so that
// parseNumber rejects most tokens with one map lookup.
var numStart = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "no": true, "none": true, "neither": true, "both": true, "dozen": true,
		"nobody": true, "no-one": true}
	for _, p := range approx {
		m[p[0]] = true
	}
	for _, t := range []map[string]int{vague, units, tens} {
		for w := range t {
			m[w] = true
		}
	}
	return m
}()

// parseNumber reads a quantity phrase at toks[i].
func parseNumber(toks []tok, i int) (number, bool) {
	if i >= len(toks) {
		return number{}, false
	}
	if w := toks[i].low; w == "" || (w[0] < '0' || w[0] > '9') && !numStart[w] && strings.IndexByte(w, '-') < 0 {
		return number{}, false
	}
	n := number{start: i, exact: true}
	j := i
	// Quantifier prefix.
	for _, p := range approx {
		if matchWords(toks, j, p...) {
			// "some" alone is also a vague count; only treat it as a prefix
			// when a number follows.
			if k := j + len(p); k < len(toks) {
				if _, ok := numberCore(toks, k); ok {
					n.exact = false
					j = k
					break
				}
			}
		}
	}
	c, ok := numberCore(toks, j)
	if !ok {
		return number{}, false
	}
	n.count, n.end, n.article = c.count, c.end, c.article
	n.exact = n.exact && c.exact
	return n, true
}

// numberCore reads the number itself at toks[j].
func numberCore(toks []tok, j int) (number, bool) {
	if j >= len(toks) {
		return number{}, false
	}
	w := toks[j].low
	n := number{start: j, exact: true}
	switch {
	case w == "a" || w == "an":
		if matchWords(toks, j+1, "dozen") {
			return number{start: j, end: j + 2, count: 12}, true
		}
		if matchWords(toks, j+1, "few") || matchWords(toks, j+1, "couple") || matchWords(toks, j+1, "handful") ||
			matchWords(toks, j+1, "number") {
			e := j + 2
			if matchWords(toks, e, "of") {
				e++
			}
			return number{start: j, end: e, count: 2}, true
		}
		if matchWords(toks, j+1, "hundred") || matchWords(toks, j+1, "thousand") {
			return number{start: j, end: j + 2, count: multipliers[toks[j+1].low], exact: true}, true
		}
		return number{start: j, end: j + 1, count: 1, exact: true, article: true}, true
	case w == "no" || w == "none" || w == "neither" || w == "nobody" || w == "no-one":
		if w == "no" && matchWords(toks, j+1, "one") {
			return number{start: j, end: j + 2, count: 0, exact: true}, true // "no one"
		}
		return number{start: j, end: j + 1, count: 0, exact: true}, true
	case w == "both":
		return number{start: j, end: j + 1, count: 2, exact: true}, true
	case w == "dozen":
		return number{start: j, end: j + 1, count: 12}, true
	}
	if v, ok := vague[w]; ok {
		e := j + 1
		if matchWords(toks, e, "of") {
			e++
		}
		return number{start: j, end: e, count: v}, true
	}
	v, ok := wordValue(w)
	if !ok {
		return number{}, false
	}
	e := j + 1
	// "twenty three", "one hundred", "15 thousand", "1.5 million".
	if t, ok := tens[w]; ok && e < len(toks) {
		if u, ok := units[toks[e].low]; ok && u > 0 && u < 10 {
			v = t + u
			e++
		}
	}
	for e < len(toks) {
		if toks[e].low == "dozen" {
			// "two dozen": 24, a round figure.
			v *= 12
			n.exact = false
			e++
			continue
		}
		if m, ok := multipliers[toks[e].low]; ok {
			if strings.Contains(w, ".") {
				f, _ := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
				v = int(f * float64(m))
			} else {
				v *= m
			}
			e++
			continue
		}
		break
	}
	n.end, n.count = e, v
	return n, true
}

func matchWords(toks []tok, i int, ws ...string) bool {
	if i+len(ws) > len(toks) {
		return false
	}
	for k, w := range ws {
		if toks[i+k].low != w {
			return false
		}
	}
	return true
}
