package dict

import (
	"cmp"
	"slices"
	"strings"
)

// ActorMatch is an actor name found in a sentence.
type ActorMatch struct {
	// Code is the CAMEO actor code valid on the requested date, e.g.
	// "USAGOV".
	Code string
	// Name is the dictionary name that matched ("donald trump").
	Name string
	// Words is the number of words the name covers.
	Words int
	// Source is where the entry was defined, "file:line".
	Source string
}

// Role is a code an actor holds, optionally bounded by dates (YYYY-MM-DD,
// inclusive; "" = open).
type Role struct {
	Code     string
	From, To string
}

type actorRec struct {
	def   string // code when no dated role applies; "" = none
	roles []Role
	src   string
}

type actorName struct {
	words  []string
	name   string
	rec    *actorRec
	second uint32 // secondKey(words): lets Match pass over most names of long lists
}

// Actors is the actor dictionary: names of countries, organisations and
// people mapped to CAMEO actor codes, with date-bounded roles.
type Actors struct {
	byFirst map[string][]actorName // longest first
	n       int
}

func newActors() *Actors { return &Actors{byFirst: map[string][]actorName{}} }

// Len returns the number of actor names (including aliases).
func (a *Actors) Len() int { return a.n }

// codeOn returns the code valid on date: the first dated role covering
// it, else the undated fallback.
func (r *actorRec) codeOn(date string) string {
	if date == "" {
		// No date: the role starting latest is usually the one a reader
		// means ("Trump" → USAGOV); the undated fallback comes next.
		best := -1
		for i, ro := range r.roles {
			if best < 0 || ro.From > r.roles[best].From {
				best = i
			}
		}
		if best >= 0 {
			return r.roles[best].Code
		}
		return r.def
	}
	for _, ro := range r.roles {
		if (ro.From == "" || date >= ro.From) && (ro.To == "" || date <= ro.To) {
			return ro.Code
		}
	}
	return r.def
}

// Match finds the longest actor name starting at words[0] that has a code
// on date (YYYY-MM-DD, or "" to ignore date limits). words are lowercase
// tokens, with "u.s."-style punctuation kept inside tokens.
func (a *Actors) Match(words []string, date string) (ActorMatch, bool) {
	if len(words) == 0 {
		return ActorMatch{}, false
	}
	first, _, _ := strings.Cut(words[0], "_")
	joined := -1 // unknown until a name fails to match word for word
	second := secondKey(words)
	names := a.byFirst[first]
	for i := range names {
		n := &names[i]
		used := len(n.words)
		// Names differing in their second word ("united nations" for
		// "united states") fail without comparing strings: lists for
		// common first words hold hundreds of names.
		if n.second != 0 && n.second != second || !hasPrefix(words, n.words) {
			var ok bool
			if joined < 0 {
				joined = 0
				for _, w := range words[:min(len(words), 8)] {
					if strings.IndexByte(w, '_') >= 0 {
						joined = 1
						break
					}
				}
			}
			if joined == 0 {
				continue
			}
			if used, ok = joinedPrefix(words, n.words); !ok {
				continue
			}
		}
		code := n.rec.codeOn(date)
		if code == "" || code == nullCode {
			continue
		}
		return ActorMatch{Code: code, Name: n.name, Words: used, Source: n.rec.src}, true
	}
	return ActorMatch{}, false
}

// joinedPrefix matches name against the start of words where text tokens
// may join several name words with underscores, as PETRARCH-style input
// does ("Dol_Amroth"). It returns the number of text tokens used.
func joinedPrefix(words, name []string) (int, bool) {
	i := 0
	for k, w := range words {
		for rest, more := w, true; more; {
			var part string
			part, rest, more = strings.Cut(rest, "_")
			if i >= len(name) || part != name[i] {
				return 0, false
			}
			i++
		}
		if i == len(name) {
			return k + 1, true
		}
	}
	return 0, false
}

// Roles returns the default code and dated roles of the actor whose name
// is exactly words, for inspection and tests.
func (a *Actors) Roles(words []string) (def string, roles []Role, ok bool) {
	if len(words) == 0 {
		return "", nil, false
	}
	for _, n := range a.byFirst[words[0]] {
		if slicesEq(n.words, words) {
			return n.rec.def, append([]Role(nil), n.rec.roles...), true
		}
	}
	return "", nil, false
}

// rawActor is one parsed actor record: names (first is primary) and codes.
type rawActor struct {
	names [][]string
	def   string
	roles []Role
	src   string
}

func (a *Actors) add(recs []rawActor) {
	// Only lists that grew past one name need sorting again: a name
	// replaced in place has the same length as the one it replaces.
	touched := map[string]bool{}
	if len(a.byFirst) == 0 {
		a.byFirst = make(map[string][]actorName, len(recs))
	}
	all := make([]actorRec, len(recs)) // one allocation, not one a record
	var lists arena[actorName]
	for i, r := range recs {
		rec := &all[i]
		*rec = actorRec{def: r.def, roles: r.roles, src: r.src}
		for _, w := range r.names {
			if len(w) > 0 && a.put(actorName{words: w, name: joinWords(w), rec: rec, second: secondKey(w)}, &lists) {
				touched[w[0]] = true
			}
		}
	}
	for k := range touched {
		slices.SortStableFunc(a.byFirst[k], func(x, y actorName) int { return cmp.Compare(len(y.words), len(x.words)) })
	}
}

// put adds n, or replaces the name with the same words, and reports
// whether it was appended to a list that already held a name. A new
// list is taken from lists (most first words start a single name).
func (a *Actors) put(n actorName, lists *arena[actorName]) bool {
	list := a.byFirst[n.words[0]]
	for i := range list {
		// The names compare as the words do (words hold no blank) but
		// faster, which counts in lists of hundreds ("international").
		if list[i].name == n.name {
			list[i] = n // later definition wins
			return false
		}
	}
	a.n++
	if len(list) == 0 {
		lists.push(n)
		a.byFirst[n.words[0]] = lists.cut()
		return false
	}
	a.byFirst[n.words[0]] = append(list, n) // sorted by add
	return true
}

func joinWords(w []string) string {
	if len(w) == 1 {
		return w[0]
	}
	n := 0
	for _, s := range w {
		n += len(s) + 1
	}
	b := make([]byte, 0, n)
	for i, s := range w {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, s...)
	}
	return string(b)
}
