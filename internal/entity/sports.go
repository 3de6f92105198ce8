package entity

import (
	"strings"
	"unicode"

	sitrep "github.com/sitrep-project/sitrep"
)

// Sports reports name clubs after their towns ("Leeds 2 Arsenal 1",
// "Barcelona beat Valencia"): in a report on a team sport a city is a
// team, an organisation, unless the text places something in it.

// teamSports are words that, in the first sentence, mark a report on a
// team sport.
var teamSports = set{"soccer": {}, "football": {}, "cricket": {}, "baseball": {}, "basketball": {}, "rugby": {}, "hockey": {}, "nfl": {}, "nba": {}, "nhl": {}, "volleyball": {}, "handball": {}, "polo": {}}

// sportNames name sports; they start no name ("TENNIS - RESULTS ...")
// but may stand inside one ("Romanian Soccer Federation").
var sportNames = set{"soccer": {}, "tennis": {}, "golf": {}, "baseball": {}, "basketball": {}, "cricket": {}, "cycling": {}, "athletics": {}, "boxing": {}, "rugby": {}, "hockey": {}, "badminton": {}, "skiing": {}, "swimming": {}, "motorcycling": {}}

// sportsWords are lower-case words found almost only in reports on team
// sports; two of them make an article one even without a telling
// headline (general words such as "goal" or "squad" would mislead).
var sportsWords = set{"striker": {}, "midfielder": {}, "goalkeeper": {}, "halftime": {}, "half-time": {}, "innings": {}, "wickets": {}, "wicket": {}, "touchdown": {}, "touchdowns": {}, "playoff": {}, "playoffs": {}, "inning": {}, "homer": {}, "equaliser": {}, "equalizer": {}, "relegation": {}, "rbi": {}, "pitcher": {}, "kickoff": {}, "quarterback": {}, "batsman": {}, "goalless": {}, "penalties": {}, "scorers": {}, "unbeaten": {}}

// sportsScore is how many distinct sports words make a sports report.
const sportsScore = 2

// detectSports decides whether the doc reports on a team sport: a sport
// named in a headline in capitals, or in a first sentence with a score or
// a sports word somewhere, or two sports words.
func (st *state) detectSports(doc *sitrep.Doc) bool {
	n := 0
	for w := range sportsWords {
		if st.lowerSeen.has(w) {
			n++
		}
	}
	if n >= sportsScore {
		return true
	}
	if len(doc.Sentences) == 0 || !st.namesTeamSport(doc.Sentences[0].Tokens) {
		return false
	}
	if toks := doc.Sentences[0].Tokens; n > 0 || len(toks) > 2 && isHeadline(toks) {
		return true // a slug or headline in capitals: "SOCCER - LEEDS WIN"
	}
	for si := range doc.Sentences {
		toks := doc.Sentences[si].Tokens
		for i, t := range toks {
			if isScore(t.Text) {
				return true
			}
			// A results row: "Bristol 12 Cardiff 10", "( Norway ) 2 Kessel".
			if i > 0 && i+1 < len(toks) && isNumber(t.Text) && (isCapLike(toks[i-1].Text) || toks[i-1].Text == ")") && isCapLike(toks[i+1].Text) {
				return true
			}
		}
	}
	return false
}

func isNumber(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (st *state) namesTeamSport(toks []sitrep.Token) bool {
	for _, t := range toks {
		if teamSports.has(string(st.low(t.Text))) {
			return true
		}
	}
	return false
}

// isScore reports whether s is a score such as "2-1" or "105-98".
func isScore(s string) bool {
	d := strings.IndexByte(s, '-')
	if d <= 0 || d > 3 || len(s)-d-1 < 1 || len(s)-d-1 > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != d && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// locatives are prepositions after which a town is a place, not a team.
var locatives = set{"in": {}, "at": {}, "near": {}, "from": {}, "outside": {}, "to": {}, "into": {}, "across": {}, "around": {}, "inside": {}, "of": {}, "via": {}}

// teamContext reports whether the town of tokens [a,b) stands for a club:
// the article is a team-sports report, no locative preposition comes
// before it ("in Leeds"; in "BOSTON AT ATLANTA" Atlanta is the venue) and it
// is no dateline ("LONDON 1996-08-30").
func (st *state) teamContext(toks []sitrep.Token, a, b int) bool {
	if !st.sports {
		return false
	}
	if a > 0 {
		p := toks[a-1].Text
		if locatives.has(string(st.low(p))) {
			return false
		}
		if p == "," || p == "(" {
			return false // "Lens , France", "Brann ( Norway )"
		}
	}
	// A dateline: "MANCHESTER , England 1996-08-29".
	if len(toks) <= 6 && isDate(toks[len(toks)-1].Text) {
		return false
	}
	return true
}

// scoreAfter reports whether a team's score follows the name [a,b)
// ("Bremen 2", "Kent 255-3"); a cricket bowler ("b Wasim Akram 31") or
// bowling figures ("Wasim Akram 25-8-61-1") belong to a person.
func (st *state) scoreAfter(toks []sitrep.Token, a, b int) bool {
	if b >= len(toks) {
		return false
	}
	// "Brann ( Norway ) 2": the team's country in brackets first.
	if toks[b].Text == "(" && b+3 < len(toks) && toks[b+2].Text == ")" {
		b += 3
	}
	n := toks[b].Text
	switch n {
	case "win", "won", "beat", "v", "vs", "vs.":
		return true
	}
	if n == "" || n[0] < '0' || n[0] > '9' || strings.Count(n, "-") > 1 {
		return false
	}
	if a > 0 {
		p := toks[a-1].Text
		if len(p) <= 3 && unicode.IsLower(firstRune(p)) {
			return false
		}
	}
	return true
}

// isDate reports whether s looks like a numeric date ("1996-08-30").
func isDate(s string) bool {
	if len(s) < 8 || strings.Count(s, "-") != 2 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// rowLabels are common words that start rows of tables ("Attendance
// 18,500", "Sales 26.00 26.70") and name nothing.
var rowLabels = set{"attendance": {}, "halftime": {}, "half-time": {}, "sales": {}, "date": {}, "turnover": {}, "income": {}, "revenue": {}, "revenues": {}, "profit": {}, "profits": {}, "net": {}, "score": {}, "scores": {}, "result": {}, "results": {}, "standings": {}, "total": {}, "shares": {}, "dividend": {}, "pretax": {}, "operating": {}, "earnings": {}, "average": {}, "price": {}, "prices": {}, "volume": {}, "note": {}, "notes": {}, "rank": {}, "points": {}, "loss": {}, "losses": {}, "tax": {}, "assets": {}, "yield": {}, "week": {}, "year": {}, "month": {}, "day": {}, "round": {}, "group": {}, "division": {}, "race": {}, "stage": {}, "game": {}, "match": {}, "heat": {}, "men": {}, "women": {}}

// clubHeads start names of sports clubs ("Borussia Dortmund", "VfB
// Stuttgart", "Real Madrid").
var clubHeads = set{"fc": {}, "ac": {}, "sc": {}, "sv": {}, "vfb": {}, "vfl": {}, "tsv": {}, "fsv": {}, "psv": {}, "real": {}, "sporting": {}, "dynamo": {}, "dinamo": {}, "spartak": {}, "lokomotiv": {}, "olympique": {}, "olympiakos": {}, "borussia": {}, "eintracht": {}, "fortuna": {}, "hansa": {}, "werder": {}, "atletico": {}, "athletic": {}, "racing": {}, "inter": {}, "cska": {}, "slavia": {}, "sparta": {}, "steaua": {}, "rapid": {}, "legia": {}, "standard": {}, "union": {}, "arminia": {}, "bayer": {}, "hertha": {}, "st": {}, "stade": {}, "deportivo": {}, "club": {}, "vitesse": {}}

// tableStart reports whether an unknown sentence-initial word starts a row
// of a results table or a name before a score or possessive: "Tranmere 3
// Grimsby 2", "Celtic 's Jackie McNamara".
func tableStart(toks []sitrep.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1].Text
	if rowLabels.has(strings.ToLower(toks[i].Text)) {
		return false
	}
	switch {
	case n == "'s" || n == "’s":
		return true
	case n == "(" && i+2 < len(toks) && isCapLike(toks[i+2].Text):
		return true
	case n == "v" || n == "vs" || n == "vs.":
		return true
	}
	return n != "" && n[0] >= '0' && n[0] <= '9'
}

// placeRun returns the end of the longest built-in place name of two or
// more words starting at token i, or i when none does.
func (st *state) placeRun(toks []sitrep.Token, i int) int {
	best := i
	var b strings.Builder
	for j := i; j < len(toks) && j-i < st.k.maxPlace; j++ {
		if j > i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[j].Text)
		if j > i {
			if _, ok := st.k.places[string(st.low(b.String()))]; ok {
				best = j + 1
			}
		}
	}
	return best
}
