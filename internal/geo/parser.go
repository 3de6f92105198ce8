package geo

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
)

// Parser finds and resolves toponyms. It is stateless apart from the shared
// Gazetteer and safe for concurrent use.
type Parser struct {
	g *Gazetteer
	// m is the toponym ranker (rank.go); nil leaves each toponym its
	// prior reading.
	m *learn.Model
	// trace, when set (in training), receives the candidate entries of
	// each toponym and their features in each pass of resolve.
	trace func(pass int, c *cand, ids []int32, ex []learn.Example)
}

// NewParser returns a Parser resolving against g with the ranker that
// Load embeds (none for a gazetteer built from its sources).
func NewParser(g *Gazetteer) *Parser { return &Parser{g: g, m: g.ranker} }

// cue strengths of a candidate.
const (
	cueNone   = 0
	cueWeak   = 1 // preposition before, hyphenated "-based"
	cueStrong = 2 // entity stage said GPE/LOC, "X, State", dateline
)

type cand struct {
	span sitrep.Span
	key  string
	ids  []int32
	cue  int
	// qual is the place index qualifying this one in "X, Y", or -1.
	qual     int32
	dateline bool
	// initial is set when the candidate opens a sentence, where
	// capitals say nothing.
	initial bool
	// vetoed is set when the entity stage called the name a person.
	vetoed bool
	// abbrev is set for all-capital or dotted forms ("US", "U.S.").
	abbrev bool
	// person is 2 after a title or before a speech verb, 1 next to other
	// capitalised words that are not places.
	person int
	best   int32
	// stem is set for a county's name without its "County" ("DeKalb"
	// after "DeKalb County"): it takes the county's reading.
	stem bool
	// stemOnly is set when the name is known only as the county's.
	stemOnly bool
	// ent is set for the entity stage's GPE and LOC mentions.
	ent bool
	// common is set for a one-word name the tagger reads as a common
	// word, not a proper noun ("Pace yourself", "Casino's sprinklers").
	common bool
	// locative is set when a preposition or a place word ("police",
	// "County") stands by the name.
	locative bool
	// tentative is set for a town's name opening an organisation's:
	// kept only when the town is local to the article.
	tentative bool
	// conf is the ranker's probability of best.
	conf float32
}

// maxNgram is the longest toponym in tokens that the finder tries.
const maxNgram = 6

// Parse finds the toponyms of doc and resolves them against the gazetteer.
// ents, when not nil, are the entity stage's mentions: GPE and LOC mentions
// are taken as toponyms when the gazetteer knows them (hyphenated ones
// part by part), and PERSON and NORP mentions veto candidates of the
// finder that overlap them, except administrative areas, qualified names,
// country names used as adjectives ("U.S. Attorney") and names the article
// also uses as places. Places inside organisation names ("the Ohio
// Department of Health") are toponyms; a small town opening one ("Lombard
// Historical Society") only when it lies near the article's other places.
// Demonyms ("Iraqi") are not toponyms but count as evidence for their
// country. Counties are found written without "County" ("DeKalb's plan"
// after "DeKalb County") and in lists ("Douglas, Sarpy and Lancaster
// counties"); US postal codes and Canadian province abbreviations count
// only as a town's qualifier ("Austin, TX"). Places are returned in text
// order.
func (p *Parser) Parse(doc *sitrep.Doc, ents []sitrep.Entity) []sitrep.Place {
	if doc == nil || doc.Article == nil {
		return nil
	}
	text := doc.Article.Text
	var buf []byte
	var cands []cand
	// Country evidence from demonyms: "Iraqi" makes Iraqi places likelier.
	demCountry := map[uint16]int{}

	// Datelines (found by the text stage, and in no sentence) open the
	// article or a paragraph: "BOWLING GREEN, Ohio (AP) —". One the
	// gazetteer lacks is still a toponym when its region or agency
	// confirms the form.
	var undated []sitrep.Span
	for _, d := range doc.Datelines {
		if d.PlaceSpan.Start < 0 || d.PlaceSpan.End > len(text) || d.PlaceSpan.Start >= d.PlaceSpan.End {
			continue
		}
		dl, sure, ok := p.dateline(text, d)
		switch {
		case ok:
			cands = append(cands, dl)
		case sure.End > 0:
			undated = append(undated, sure)
		}
		if r := d.RegionSpan; r != nil && r.Start >= 0 && r.End <= len(text) && r.Start < r.End {
			// Its region ("Ohio", "W.Va.") is a place mentioned too.
			// A state's abbreviation ("Fla.", not the namesake "Flå")
			// or a qualifier's ("TX") before a name.
			key := Fold(d.Region)
			var ids []int32
			if pi, ok := p.g.abbr[d.Region]; ok {
				ids = []int32{pi}
			} else if pi, ok := p.g.qual[d.Region]; ok {
				ids = []int32{pi}
			} else {
				ids = p.g.ids(key)
			}
			if len(ids) > 0 {
				cands = append(cands, cand{span: *r, key: key, ids: ids, cue: cueStrong, qual: -1})
			}
		}
	}
	var veto []vetoSpan
	var persons []sitrep.Span
	// orgs are the entity stage's organisation names: "Lombard
	// Historical Society" opens with its town.
	var orgs []sitrep.Span
	// unknown are the entity stage's GPE and LOC names the gazetteer
	// does not hold.
	var unknown []sitrep.Span
	// surnames are the last names of people the article names in full.
	var surnames map[string]bool
	// givens are the first names of those people.
	var givens map[string]bool
	for _, e := range ents {
		switch e.Type {
		case sitrep.GPE, sitrep.Loc:
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				continue
			}
			s := e.Span
			// Drop a leading "the" and a trailing possessive.
			et := text[s.Start:s.End]
			if strings.HasPrefix(et, "the ") || strings.HasPrefix(et, "The ") {
				s.Start += 4
			}
			if strings.HasSuffix(et, "'s") || strings.HasSuffix(et, "’s") {
				s.End -= len(et) - len(strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(et, "'s"), "’s"), " "))
			}
			if s.Start >= s.End {
				continue
			}
			s = p.trimAdminOf(text, s)
			buf = fold(buf[:0], text[s.Start:s.End])
			if pi, ok := p.g.abbr[text[s.Start:s.End]]; ok {
				// "Fla.", "Calif.": a state's abbreviation, not a
				// namesake ("Flå").
				cands = append(cands, cand{span: s, key: string(buf), ids: []int32{pi}, cue: cueStrong, qual: -1})
			} else if ids := p.g.idsBytes(buf); len(ids) > 0 {
				w := text[s.Start:s.End]
				if isAllUpper(w) && !strings.ContainsAny(w, ". ") && p.g.places[ids[0]].level > lvRegion &&
					!sentenceInitial(doc, s.Start) && !datelineAfter(text[s.End:]) && !capsAround(text, s) {
					// "SWAT", "NATO": acronyms, unless a dateline
					// ("NEWARK, Ohio —") gives the name.
					continue
				}
				cands = append(cands, cand{span: s, key: string(buf), ids: ids, cue: cueStrong, qual: -1,
					initial: sentenceInitial(doc, s.Start), ent: true})
			} else if ci, ok := p.g.byDemonym[string(buf)]; ok {
				demCountry[p.g.places[p.g.countryPl[ci]].country]++
			} else if strings.IndexByte(text[s.Start:s.End], '-') > 0 {
				cands = p.hyphenParts(text, s, nil, cands, demCountry, nil)
			} else if r, ids := p.afterDirection(text, s); len(ids) > 0 {
				// "Northeast Texas", "Western Pennsylvania": a part of
				// the place the gazetteer knows.
				cands = append(cands, cand{span: r, key: Fold(text[r.Start:r.End]), ids: ids, cue: cueStrong, qual: -1})
			} else {
				unknown = append(unknown, s)
			}
		case sitrep.NORP:
			buf = fold(buf[:0], e.Text)
			if ci, ok := p.g.byDemonym[string(buf)]; ok {
				demCountry[p.g.places[p.g.countryPl[ci]].country]++
			}
			veto = append(veto, vetoSpan{Span: e.Span})
		case sitrep.Org:
			orgs = append(orgs, e.Span)
		case sitrep.Person:
			veto = append(veto, vetoSpan{Span: e.Span, person: true})
			persons = append(persons, e.Span)
			if w, ok := p.surname(e.Text); ok {
				if surnames == nil {
					surnames = map[string]bool{}
				}
				surnames[w] = true
				// "Donald Trump" then "Donald's thin skin": the given
				// name is no place either.
				if givens == nil {
					givens = map[string]bool{}
				}
				givens[Fold(strings.Fields(e.Text)[0])] = true
			}
		}
		// Organisations are not vetoed: the places in their names
		// ("the Texas Department of Health", "Ohio State University")
		// are toponyms, found by the finder on their own merit.
	}
	cands = p.find(doc, cands, veto, demCountry, &buf)
	p.splitDirections(text, cands)
	cands = p.countyStems(doc, cands, persons, surnames)
	cands, undated = p.countyLists(doc, cands, undated)
	if len(cands) == 0 {
		return p.byForm(doc, persons, unknown, undated)
	}
	slices.SortFunc(cands, func(a, b cand) int { return a.span.Start - b.span.Start })
	// Drop overlaps, keeping the earlier (then longer) candidate.
	out := cands[:0]
	for _, c := range cands {
		if n := len(out); n > 0 && out[n-1].span.Overlaps(c.span) {
			if c.span.Len() > out[n-1].span.Len() && c.cue >= out[n-1].cue {
				out[n-1] = c
			}
			continue
		}
		out = append(out, c)
	}
	cands = out
	for i := range cands {
		w := text[cands[i].span.Start:cands[i].span.End]
		cands[i].abbrev = len(w) <= 6 && (isAllUpper(w) || strings.Contains(w, "."))
	}
	p.filter(cands, surnames, givens, orgs)
	p.resolve(cands, demCountry)
	p.keepLocal(cands)
	p.stemSense(cands)
	p.sameSense(cands)
	places := make([]sitrep.Place, 0, len(cands))
	for _, c := range cands {
		if c.best < 0 {
			continue
		}
		e := p.g.entry(c.best)
		places = append(places, sitrep.Place{Span: c.span, Text: text[c.span.Start:c.span.End], Name: e.Name,
			GeonameID: e.GeonameID, Lat: e.Lat, Lon: e.Lon, Country: e.Country, Admin1: e.Admin1,
			Feature: e.Feature, Resolution: e.Level, Confidence: float64(c.conf)})
	}
	return mergeForm(places, p.byForm(doc, persons, unknown, undated))
}

// mergeForm adds the toponyms found by form to the gazetteer's, both in
// text order. A form name replaces the gazetteer toponyms inside it
// ("Memphis" in "Memphis Street"); one that crosses or equals a gazetteer
// toponym is dropped.
func mergeForm(places, form []sitrep.Place) []sitrep.Place {
	if len(form) == 0 {
		return places
	}
	out := make([]sitrep.Place, 0, len(places)+len(form))
	i := 0
	for _, f := range form {
		keep := true
		for ; i < len(places) && places[i].Start < f.Start; i++ {
			if places[i].End > f.Start {
				keep = false
			}
			out = append(out, places[i])
		}
		if !keep {
			continue
		}
		j := i
		for j < len(places) && places[j].End <= f.End {
			if places[j].Span == f.Span {
				keep = false
			}
			j++
		}
		if j < len(places) && places[j].Start < f.End {
			keep = false
		}
		if !keep {
			continue
		}
		i = j // the gazetteer toponyms inside f give way
		if n := len(out); n > 0 && out[n-1].Overlaps(f.Span) {
			continue
		}
		out = append(out, f)
	}
	return append(out, places[i:]...)
}

// dateline returns the toponym of dateline d. When the gazetteer lacks
// the name but a region or an agency follows it, it returns the name's
// span alone instead.
func (p *Parser) dateline(text string, d sitrep.Dateline) (cand, sitrep.Span, bool) {
	key := Fold(text[d.PlaceSpan.Start:d.PlaceSpan.End])
	ids := p.g.ids(key)
	if len(ids) == 0 {
		if d.Region != "" || d.Agency != "" {
			return cand{}, d.PlaceSpan, false
		}
		return cand{}, sitrep.Span{}, false
	}
	c := cand{span: d.PlaceSpan, key: key, ids: ids, cue: cueStrong, qual: -1, dateline: true}
	if d.Region != "" {
		if q, ok := p.g.abbr[d.Region]; ok {
			c.qual = q // "CHARLESTON, W.Va. —"
		} else if q, ok := p.g.qual[strings.TrimSpace(d.Region)]; ok {
			c.qual = q // "AUSTIN, TX (AP) —"
		} else if q := p.g.ids(Fold(d.Region)); len(q) > 0 {
			c.qual = q[0]
		}
	}
	return c, sitrep.Span{}, true
}

// tok is a token with the facts the finder needs.
type tok struct {
	sitrep.Token
	cap, upper, conn, first bool
}

// connectors may stand inside a multi-word name ("Isle of Man").
var connectors = map[string]bool{"of": true, "and": true, "the": true, "de": true, "del": true, "la": true,
	"le": true, "du": true, "des": true, "da": true, "do": true, "upon": true, "on": true, "al": true, "el": true}

// cuePreps before a name make it likely a place ("in Dublin").
var cuePreps = map[string]bool{"in": true, "near": true, "at": true, "from": true, "to": true, "outside": true,
	"around": true, "toward": true, "towards": true, "across": true, "through": true, "throughout": true,
	"into": true, "between": true, "via": true, "across-the": true, "inside": true, "visited": true, "within": true}

// titles before a capitalised word mark a person, not a place.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "president": true,
	"gov": true, "governor": true, "sen": true, "senator": true, "rep": true, "judge": true, "sheriff": true,
	"chief": true, "officer": true, "sgt": true, "lt": true, "capt": true, "gen": true, "col": true,
	"coach": true, "pastor": true, "rev": true, "reverend": true, "father": true, "sister": true, "brother": true,
	"deputy": true, "detective": true, "minister": true, "prime": true, "king": true, "queen": true,
	"prince": true, "princess": true, "pope": true, "saint": true, "lord": true, "sir": true, "dame": true,
	"mayor": true, "trooper": true, "cpl": true, "pvt": true, "maj": true, "adm": true, "prof": true,
	"professor": true, "secretary": true, "ambassador": true, "spokesman": true, "spokeswoman": true}

// speechVerbs after a single capitalised word mark a person ("Jackson said").
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "asked": true,
	"wrote": true, "explained": true, "noted": true, "stated": true, "testified": true, "replied": true}

// commonWords are capitalised words that name places in the gazetteer but
// in news text are mostly something else (months, days, nouns, names of
// institutions, people and brands). Only a dateline or a qualifier ("Lima,
// Ohio") makes them toponyms; the entity stage's word counts too for the
// personal names among them (nameWords) outside sentence-initial position.
var commonWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`north south east west northern southern eastern western central
		northeast northwest southeast southwest upper lower middle mid new old
		january february march april may june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday christmas easter
		man mary university college school church police city county state island river lake park
		hope faith grace liberty union independence enterprise commerce justice progress victory
		metro bell pack al arab gulf university center centre capital district valley mountain
		white house temple mission market bay beach harbor harbour port fort rock spring springs
		toyota ford honda mobile reading bath nice split wells page mercedes sale welch
		street avenue road drive lane parkway council reserve herald best continental vice jesus
		obama bush titan tim patrick pacific woodlands green early law marines marine army navy`) {
		m[w] = true
	}
	for w := range nameWords {
		m[w] = true
	}
	// Buildings and bodies named like small towns, and words that are
	// names with their particle joined ("La Crosse").
	for _, w := range []string{"white house", "capitol hill", "pentagon", "kremlin", "lacrosse", "deforest"} {
		m[w] = true
	}
	return m
}()

// nameWords are the personal names among commonWords.
var nameWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`lincoln madison elizabeth tyler jackson charlotte florence austin
		victoria orlando jefferson franklin clinton hamilton warren marion douglas henderson webb
		scott jones flores lima`) {
		m[w] = true
	}
	return m
}()

func isCapWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isAllUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// vetoSpan is an entity mention that vetoes toponym candidates.
type vetoSpan struct {
	sitrep.Span
	person bool // PERSON, else NORP
}

func (p *Parser) find(doc *sitrep.Doc, cands []cand, veto []vetoSpan, dem map[uint16]int, bufp *[]byte) []cand {
	text := doc.Article.Text
	buf := *bufp
	defer func() { *bufp = buf }()
	// Every span looked at below lies in the sentence being read, so
	// only the vetoes and candidates overlapping it matter: they are
	// found by position, which keeps the cost linear in the article's
	// length. localCands grows with the candidates the sentence adds.
	vetoIx := newSpanIndex(len(veto), func(i int) sitrep.Span { return veto[i].Span })
	candIx := newSpanIndex(len(cands), func(i int) sitrep.Span { return cands[i].span })
	var localVeto []vetoSpan
	var localCands, found []int
	add := func(c cand) {
		localCands = append(localCands, len(cands))
		cands = append(cands, c)
	}
	vetoed := func(s sitrep.Span) bool {
		for _, v := range localVeto {
			if v.Overlaps(s) {
				return true
			}
		}
		return false
	}
	exactPerson := func(s sitrep.Span) bool {
		for _, v := range localVeto {
			if v.Overlaps(s) && (!v.person || v.Span != s) {
				return false
			}
		}
		return true
	}
	// overruled reports whether the vetoes over s may be set aside for a
	// candidate whose best reading is top: a country's name used as an
	// adjective ("U.S. Attorney") is no demonym, and a state or large
	// city opening a person span ("Florida Highway Patrol") is the
	// entity stage's mistake.
	overruled := func(s sitrep.Span, top *place) bool {
		for _, v := range localVeto {
			if !v.Overlaps(s) {
				continue
			}
			switch {
			case !v.person && (top.level == lvCountry || top.level == lvRegion):
			case v.person && v.Start == s.Start && v.End > s.End &&
				(top.level == lvAdmin1 || top.level == lvCity && top.pop >= 100000):
			case v.person && v.Start < s.Start && directions[strings.ToLower(strings.TrimSpace(text[v.Start:s.Start]))]:
				// "North Texas", "East Oxford"
			default:
				return false
			}
		}
		return true
	}
	taken := func(s sitrep.Span) bool {
		for _, i := range localCands {
			if cands[i].span.Overlaps(s) {
				return true
			}
		}
		return false
	}
	var toks []tok
	for si := range doc.Sentences {
		toks = toks[:0]
		for ti, t := range doc.Sentences[si].Tokens {
			if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
				continue
			}
			tt := tok{Token: t}
			tt.cap = isCapWord(t.Text)
			tt.upper = isAllUpper(t.Text)
			tt.conn = connectors[t.Text]
			tt.first = ti == 0 || (len(toks) > 0 && isOpener(toks[len(toks)-1].Text))
			toks = append(toks, tt)
		}
		if len(toks) == 0 {
			continue
		}
		sent := sitrep.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}
		found = vetoIx.overlapping(sent, found[:0])
		localVeto = localVeto[:0]
		for _, i := range found {
			localVeto = append(localVeto, veto[i])
		}
		localCands = candIx.overlapping(sent, localCands[:0])
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			if !t.cap {
				continue
			}
			// Abbreviations that are only a town's qualifier ("Austin,
			// TX", "Kelowna, B.C."): after a name and a comma, before
			// punctuation, a number or a lower-case word.
			if i >= 2 && toks[i-1].Text == "," && toks[i-2].cap {
				if pi, n := p.qualAbbr(toks, i); n > 0 {
					s := sitrep.Span{Start: t.Start, End: toks[i+n-1].End}
					if !taken(s) {
						add(cand{span: s, key: Fold(text[s.Start:s.End]), ids: []int32{pi}, cue: cueStrong, qual: -1})
					}
					i += n - 1
					continue
				}
			}
			// Abbreviations ("Calif.", "W.Va."), with the full stop kept
			// in the token or split off as the next token, or spaced
			// ("W. Va."). They are unambiguous, so the entity stage's
			// person spans ("S.C. House") do not veto them.
			if pi, ok := p.g.abbr[t.Text]; ok {
				s := t.Span
				if i+1 < len(toks) && toks[i+1].Start == t.End+1 && strings.HasSuffix(t.Text, ".") {
					if pj, ok := p.g.abbr[t.Text+toks[i+1].Text]; ok {
						pi, s = pj, sitrep.Span{Start: t.Start, End: toks[i+1].End}
						i++
					}
				}
				if !taken(s) {
					add(cand{span: s, key: Fold(text[s.Start:s.End]), ids: []int32{pi}, cue: cueWeak, qual: -1})
				}
				continue
			}
			if i+1 < len(toks) && toks[i+1].Start == t.End+1 && strings.HasSuffix(t.Text, ".") {
				if pi, ok := p.g.abbr[t.Text+toks[i+1].Text]; ok {
					s := sitrep.Span{Start: t.Start, End: toks[i+1].End}
					if !taken(s) {
						add(cand{span: s, key: Fold(text[s.Start:s.End]), ids: []int32{pi}, cue: cueWeak, qual: -1})
					}
					i++
					continue
				}
			}
			if i+1 < len(toks) && toks[i+1].Text == "." && toks[i+1].Start == t.End {
				if pi, ok := p.g.abbr[t.Text+"."]; ok {
					s := sitrep.Span{Start: t.Start, End: toks[i+1].End}
					if !taken(s) {
						add(cand{span: s, key: Fold(t.Text), ids: []int32{pi}, cue: cueWeak, qual: -1})
					}
					i++
					continue
				}
			}
			// Longest gazetteer match starting here.
			for j := min(len(toks)-1, i+maxNgram-1); j >= i; j-- {
				if !toks[j].cap || !p.inName(toks[i:j+1]) {
					continue
				}
				s := sitrep.Span{Start: t.Start, End: toks[j].End}
				word := text[s.Start:s.End]
				word, s = trimPossessive(word, s)
				// "San Jose-based", "New York-born": the name before the hyphen.
				if j > i {
					if h := strings.IndexByte(toks[j].Text, '-'); h > 0 && h+1 < len(toks[j].Text) && !isCapWord(toks[j].Text[h+1:]) {
						s.End = toks[j].Start + h
						word = text[s.Start:s.End]
					}
				}
				buf = fold(buf[:0], word)
				ids := p.g.idsBytes(buf)
				ok := len(ids) > 0
				if !ok {
					if j == i {
						if ci, ok := p.g.byDemonym[string(buf)]; ok && !t.upper {
							dem[p.g.places[p.g.countryPl[ci]].country]++
							break
						}
						// "Iran-backed", "R-Westfield", "Lebanon-Syria",
						// "Athens-Clarke County": the parts that are places.
						if strings.IndexByte(word, '-') > 0 {
							cands = p.hyphenParts(text, s, toks[j+1:], cands, dem, taken)
						}
					}
					continue
				}
				if taken(s) {
					// The entity stage's own mention of the name: note
					// whether it stands like a person's ("Robertson
					// said", "Const. Kwesi Millington").
					for _, q := range localCands {
						if c := &cands[q]; c.ent && c.span == s {
							if dids, k := p.designated(text, toks, s.Start, j); dids != nil {
								c.span.End, c.ids = toks[k].End, dids
								c.key = Fold(text[c.span.Start:c.span.End])
								j = k
							}
							c.person = p.personContext(toks, i, j)
							c.common = i == j && commonTag(toks[i].Tag)
							c.locative = p.contextCue(toks, i, j) > cueNone
							// "Dublin, Ohio": the qualifier the entity
							// stage's span leaves out.
							if j+2 < len(toks) && toks[j+1].Text == "," && toks[j+2].cap && c.qual < 0 {
								if q := p.qualifier(toks, j+2); q >= 0 && p.g.places[q].level <= lvAdmin1 &&
									p.g.places[c.ids[0]].level >= lvAdmin1 && !p.sameEntry(c.ids, q) {
									c.qual = q
								}
							}
						}
					}
					i = j
					break
				}
				// "Shamrock Street", "Star Lake", "Hopkins Park": the name of
				// another, smaller place the gazetteer does not hold.
				if j+1 < len(toks) && toks[j+1].cap && featureWords[strings.ToLower(strings.TrimSuffix(toks[j+1].Text, "."))] && p.g.places[ids[0]].level >= lvAdmin2 {
					i = j + 1
					break
				}
				// "the City of Richmond" is Richmond; "Dublin City Council"
				// is the council of Dublin.
				if j >= i+2 && toks[i+1].Text == "of" && adminWords[strings.ToLower(t.Text)] {
					if k := Fold(text[toks[i+2].Start:s.End]); len(p.g.ids(k)) > 0 {
						s.Start = toks[i+2].Start
						buf = append(buf[:0], k...)
						ids = p.g.ids(k)
					}
				} else if j > i && toks[j].Text == "City" && j+1 < len(toks) && toks[j+1].cap && p.g.places[ids[0]].level != lvCity {
					// "Boulder City Police" keeps its town, a place of
					// its own.
					if k := Fold(text[s.Start:toks[j-1].End]); len(p.g.ids(k)) > 0 {
						s.End = toks[j-1].End
						buf = append(buf[:0], k...)
						ids = p.g.ids(k)
					}
				}
				// "North Texas", "West Virginia Avenue": a common word
				// before a capitalised one does not swallow it.
				if j == i && commonWords[string(buf)] && j+1 < len(toks) && toks[j+1].cap {
					break
				}
				if dids, k := p.designated(text, toks, s.Start, j); dids != nil {
					s.End, ids, j = toks[k].End, dids, k
					buf = fold(buf[:0], text[s.Start:s.End])
				}
				c := cand{span: s, key: string(buf), ids: ids, qual: -1}
				// All-caps words other than the dateline are acronyms
				// unless they name a country ("US", "UAE").
				dl := false
				if t.upper && !strings.Contains(t.Text, ".") && p.g.places[ids[0]].level != lvCountry && p.g.places[ids[0]].level != lvRegion {
					// A capitalised dateline opening a paragraph or sentence:
					// "CHARLESTON, W.Va. —", "BEIRUT (AP) -".
					if t.first && j+1 < len(toks) && (toks[j+1].Text == "," || toks[j+1].Text == "(" ||
						toks[j+1].Text == "—" || toks[j+1].Text == "-" || toks[j+1].Text == "–" || toks[j+1].Text == "--") {
						dl = true
					} else {
						continue
					}
				}
				c.cue = p.contextCue(toks, i, j)
				c.person = p.personContext(toks, i, j)
				c.common = i == j && commonTag(t.Tag)
				c.locative = c.cue > cueNone
				if dl {
					c.cue = cueStrong
				}
				// "X, Y" where Y is a state or country qualifies X.
				if j+2 < len(toks) && toks[j+1].Text == "," && toks[j+2].cap {
					if q := p.qualifier(toks, j+2); q >= 0 && p.g.places[q].level <= lvAdmin1 &&
						p.g.places[ids[0]].level >= lvAdmin1 && !p.sameEntry(ids, q) {
						c.qual = q
						c.cue = cueStrong
					}
				}
				// The entity stage's person and group names veto the
				// finder, unless the name is qualified ("Greer, S.C."), an
				// administrative area, a dateline, after a locative
				// preposition with no personal name beside it, or a
				// residence ("Ross, 29, of Columbia").
				if vetoed(s) && !dl && c.qual < 0 && !p.namedArea(c.key, ids) && !overruled(s, &p.g.places[ids[0]]) &&
					!(c.person == 0 && (c.cue == cueWeak || residence(toks, i))) {
					// A person mention that is just the name ("Greer")
					// stays a candidate, kept only if the same name is a
					// place elsewhere in the article: one sense per
					// discourse.
					if !exactPerson(s) {
						i = j
						break
					}
					c.vetoed = true
				}
				add(c)
				i = j
				break
			}
		}
	}
	return cands
}

// spanIndex finds, among n spans, those that overlap a range, by a
// binary search on their starts.
type spanIndex struct {
	span   func(int) sitrep.Span
	order  []int // span indices by start
	starts []int // their starts, ascending
	maxLen int   // length of the longest span
}

func newSpanIndex(n int, span func(int) sitrep.Span) spanIndex {
	x := spanIndex{span: span, order: make([]int, n), starts: make([]int, n)}
	for i := range n {
		x.order[i] = i
		x.maxLen = max(x.maxLen, span(i).End-span(i).Start)
	}
	sort.SliceStable(x.order, func(a, b int) bool { return span(x.order[a]).Start < span(x.order[b]).Start })
	for k, i := range x.order {
		x.starts[k] = span(i).Start
	}
	return x
}

// overlapping appends to dst the indices of the spans overlapping s, in
// order of start.
func (x *spanIndex) overlapping(s sitrep.Span, dst []int) []int {
	for k := sort.SearchInts(x.starts, s.Start-x.maxLen); k < len(x.starts) && x.starts[k] < s.End; k++ {
		if i := x.order[k]; x.span(i).Overlaps(s) {
			dst = append(dst, i)
		}
	}
	return dst
}

// featureWords after a town's name make a street, park or water of that
// name: "Dublin Road", "Star Lake".
var featureWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`street st avenue ave road rd drive dr lane ln boulevard blvd parkway pkwy
		highway hwy trail way court ct place pl circle square terrace park lake lakes river creek hill hills
		mountain mountains valley island islands bay beach springs falls heights pike ridge canyon`) {
		m[w] = true
	}
	return m
}()

// residence reports whether the name at i follows "NAME, AGE, of", the
// local-news way to give where someone lives.
func residence(toks []tok, i int) bool {
	if i < 3 || toks[i-1].Text != "of" || toks[i-2].Text != "," {
		return false
	}
	age := toks[i-3].Text
	return len(age) > 0 && len(age) <= 3 && strings.Trim(age, "0123456789") == ""
}

// directions before a place name ("North Texas") make a part of it.
var directions = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "upper": true, "lower": true, "greater": true, "downtown": true}

// designators follow a name to make the name of an administrative area
// ("Borno State", "Kandahar Province"); written in lower case ("Borno
// state") they are still part of it.
var designators = map[string]bool{"state": true, "province": true, "region": true, "district": true,
	"county": true, "governorate": true, "prefecture": true, "department": true, "oblast": true, "parish": true}

// designated returns the entries of the area named by the name ending at
// token j and a lower-case designator after it ("Borno state" for "Borno
// State"), with the designator's token index; nil when the gazetteer has
// no such area, or when the name is a direction or follows one ("the
// first Northern state", "South Central district" are no "Northern
// State", "Central District").
func (p *Parser) designated(text string, toks []tok, start, j int) ([]int32, int) {
	if j+1 >= len(toks) || toks[j+1].cap || !designators[toks[j+1].Text] || directions[strings.ToLower(text[start:toks[j].End])] {
		return nil, 0
	}
	i := j
	for i > 0 && toks[i].Start > start {
		i--
	}
	if i > 0 && toks[i-1].cap && directions[strings.ToLower(toks[i-1].Text)] {
		return nil, 0
	}
	ids := p.g.ids(Fold(text[start:toks[j+1].End]))
	if len(ids) == 0 || p.g.places[ids[0]].level > lvAdmin2 {
		return nil, 0
	}
	return ids, j + 1
}

// adminWords open "City of X" names.
var adminWords = map[string]bool{"city": true, "town": true, "village": true, "township": true, "county": true,
	"borough": true, "state": true, "commonwealth": true, "province": true}

// trimAdminOf turns "City of Richmond" into "Richmond" when the
// gazetteer knows the name after "of".
func (p *Parser) trimAdminOf(text string, s sitrep.Span) sitrep.Span {
	w := text[s.Start:s.End]
	sp := strings.IndexByte(w, ' ')
	if sp < 0 || !adminWords[strings.ToLower(w[:sp])] || !strings.HasPrefix(w[sp:], " of ") {
		return s
	}
	rest := sitrep.Span{Start: s.Start + sp + 4, End: s.End}
	if rest.Start < rest.End && len(p.g.ids(Fold(text[rest.Start:rest.End]))) > 0 {
		return rest
	}
	return s
}

// partyPrefixes are the party letters of "Rep. Jane Doe, R-Westfield":
// what follows the hyphen is the member's home town.
var partyPrefixes = map[string]bool{"R": true, "D": true, "I": true, "DFL": true}

// hyphenParts adds the places among the hyphen-separated parts of a word
// that is not itself a place: "Iran-backed", "Lebanon-Syria", "R-Westfield"
// (a party's member from Westfield), "Athens-Clarke County" (the last
// part may run on into the following tokens, next). Demonym parts
// ("Israeli-Egyptian") count as country evidence. taken, when not nil,
// reports spans already claimed.
func (p *Parser) hyphenParts(text string, s sitrep.Span, next []tok, cands []cand, dem map[uint16]int, taken func(sitrep.Span) bool) []cand {
	word := text[s.Start:s.End]
	var buf []byte
	// Every capitalised part must be a place or a demonym: "Wal-Mart" is
	// no compound of places. The last part may instead begin a longer
	// name with the next tokens ("Athens-Clarke County").
	parts := strings.Split(word, "-")
	for k, part := range parts {
		if part == "" || !isCapWord(part) || partyPrefixes[part] {
			continue
		}
		buf = fold(buf[:0], part)
		if _, dem := p.g.byDemonym[string(buf)]; !dem && !p.g.has(string(buf)) && !p.abbrPart(text, s.Start+strings.Index(word, part), part) {
			if k == len(parts)-1 && (p.runsOn(text, part, s.End, next) || p.g.has(string(buf)+" county") ||
				len(part) <= 3 && isAllUpper(part)) {
				continue // "Athens-Clarke County", "Athens-Clarke police", "Watertown-ML"
			}
			return cands // "Holder-Wooloff", "Wal-Mart"
		}
	}
	party := false
	for off := 0; off < len(word); {
		h := strings.IndexByte(word[off:], '-')
		last := h < 0
		end := len(word)
		if !last {
			end = off + h
		}
		part := word[off:end]
		ps := sitrep.Span{Start: s.Start + off, End: s.Start + end}
		off = end + 1
		if part == "" || !isCapWord(part) {
			continue
		}
		if off-len(part)-1 == 0 && !last && partyPrefixes[part] {
			party = true
			continue
		}
		// "D-N.D.": a state's abbreviation, its stop maybe split off.
		if pi, ok := p.g.abbr[part]; ok {
			cands = append(cands, cand{span: ps, key: Fold(part), ids: []int32{pi}, cue: cueStrong, qual: -1})
			continue
		}
		if pi, ok := p.g.abbr[part+"."]; ok && last && ps.End < len(text) && text[ps.End] == '.' {
			ps.End++
			cands = append(cands, cand{span: ps, key: Fold(part), ids: []int32{pi}, cue: cueStrong, qual: -1})
			continue
		}
		buf = fold(buf[:0], part)
		if ci, ok := p.g.byDemonym[string(buf)]; ok {
			if !p.g.has(string(buf)) {
				dem[p.g.places[p.g.countryPl[ci]].country]++
				continue
			}
		}
		key, ids := string(buf), p.g.idsBytes(buf)
		if last {
			// "Athens-Clarke County": the longest run into the next tokens.
			for k := min(len(next), 2); k > 0; k-- {
				if next[0].Start != s.End+1 || !p.inName(next[:k]) {
					continue
				}
				ext := fold(nil, text[ps.Start:next[k-1].End])
				if e := p.g.idsBytes(ext); len(e) > 0 {
					key, ids = string(ext), e
					ps.End = next[k-1].End
					break
				}
			}
		}
		if len(ids) == 0 || commonWords[key] || taken != nil && taken(ps) {
			continue
		}
		c := cand{span: ps, key: key, ids: ids, cue: cueWeak, qual: -1}
		if party {
			c.cue = cueStrong
		}
		cands = append(cands, c)
	}
	return cands
}

// abbrPart reports whether part, at byte at of text, is a place's
// abbreviation, with its full stop in part or right after it.
func (p *Parser) abbrPart(text string, at int, part string) bool {
	if _, ok := p.g.abbr[part]; ok {
		return true
	}
	end := at + len(part)
	_, ok := p.g.abbr[part+"."]
	return ok && end < len(text) && text[end] == '.'
}

// namedArea reports whether a multi-word name is a country or an
// administrative area ("Tarrant County", "New Mexico"): the entity stage
// sometimes swallows one into a person's name ("Tarrant County Medical
// Examiner"), where it is still a toponym.
func (p *Parser) namedArea(key string, ids []int32) bool {
	if !strings.Contains(key, " ") || len(ids) == 0 {
		return false
	}
	return p.g.places[ids[0]].level <= lvAdmin2 && p.g.places[ids[0]].level != lvRegion
}

// sentenceInitial reports whether the byte offset at starts the first
// token of a sentence of doc, or the token after an opening quote.
func sentenceInitial(doc *sitrep.Doc, at int) bool {
	i, _ := slices.BinarySearchFunc(doc.Sentences, at, func(s sitrep.Sentence, at int) int {
		return s.Start - at
	})
	if i < len(doc.Sentences) && doc.Sentences[i].Start == at {
		return true
	}
	if i == 0 {
		return false
	}
	toks := doc.Sentences[i-1].Tokens
	return len(toks) > 1 && toks[1].Start == at && isOpener(toks[0].Text)
}

func (p *Parser) sameEntry(ids []int32, q int32) bool { return slices.Contains(ids, q) }

func isOpener(s string) bool {
	switch s {
	case "\"", "“", "‘", "'", "(", "[", "-", "—", "–", ":", "``":
		return true
	}
	return false
}

func trimPossessive(w string, s sitrep.Span) (string, sitrep.Span) {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			s.End -= len(suf)
			return w[:len(w)-len(suf)], s
		}
	}
	return w, s
}

// inName reports whether the tokens may form one name: capitalised words
// with connectors inside, and no sentence punctuation.
func (p *Parser) inName(ts []tok) bool {
	for k, t := range ts {
		if k > 0 && t.Start-ts[k-1].End > 1 {
			return false // a line break or double space
		}
		switch {
		case t.cap:
		case t.conn && k > 0 && k < len(ts)-1:
		case t.Text == "." && k > 0 && k < len(ts)-1:
		case t.Text == "-" && k > 0 && k < len(ts)-1:
		default:
			return false
		}
	}
	return true
}

// qualifier resolves the state or country after a comma: "Paris, Texas",
// "Paris, Tex.", "Kabul, Afghanistan".
func (p *Parser) qualifier(toks []tok, k int) int32 {
	t := toks[k]
	if pi, n := p.qualAbbr(toks, k); n > 0 {
		return pi // "Austin, TX", "Kelowna, B.C."
	}
	if k+1 < len(toks) && toks[k+1].Start == t.End+1 && strings.HasSuffix(t.Text, ".") {
		if pi, ok := p.g.abbr[t.Text+toks[k+1].Text]; ok {
			return pi // "W. Va."
		}
	}
	if pi, ok := p.g.abbr[t.Text]; ok {
		return pi
	}
	if k+1 < len(toks) && toks[k+1].Text == "." {
		if pi, ok := p.g.abbr[t.Text+"."]; ok {
			return pi
		}
	}
	for j := min(len(toks)-1, k+3); j >= k; j-- {
		if !p.inName(toks[k : j+1]) {
			continue
		}
		ids := p.g.ids(Fold(strings.Join(textsOf(toks[k:j+1]), " ")))
		for _, id := range ids {
			if l := p.g.places[id].level; l == lvCountry || l == lvAdmin1 {
				return id
			}
		}
	}
	return -1
}

func textsOf(ts []tok) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out
}

func (p *Parser) contextCue(toks []tok, i, j int) int {
	if i > 0 {
		prev := strings.ToLower(toks[i-1].Text)
		if cuePreps[prev] {
			return cueWeak
		}
		if prev == "the" && i > 1 && cuePreps[strings.ToLower(toks[i-2].Text)] {
			return cueWeak
		}
	}
	if j+1 < len(toks) {
		next := strings.ToLower(toks[j+1].Text)
		switch next {
		case "county", "parish", "province", "region", "state", "city", "township", "district", "governorate":
			return cueWeak
		case "police", "officials", "residents", "mayor", "authorities":
			// "Ozark police", "Paris Police Department": a town's own.
			return cueWeak
		}
		if residentNouns[next] && i > 0 && residentArticle[strings.ToLower(toks[i-1].Text)] {
			// "a Columbus woman": where someone lives.
			return cueWeak
		}
		if strings.HasPrefix(next, "-based") || next == "-" && j+2 < len(toks) && toks[j+2].Text == "based" {
			return cueWeak
		}
	}
	return cueNone
}

// personContext reports whether the match looks like (part of) a person's
// name: after a title, before a speech verb, or inside a longer run of
// capitalised words that is not itself a place.
func (p *Parser) personContext(toks []tok, i, j int) int {
	if i > 0 && toks[i-1].cap {
		// "Miss Tyler", not "to miss Rochester".
		prev := strings.ToLower(strings.TrimSuffix(toks[i-1].Text, "."))
		if titles[prev] {
			return 2
		}
	}
	// "Jackson said", but not "a student from Brampton said" or "the
	// city of Sevierville said".
	if j+1 < len(toks) && speechVerbs[strings.ToLower(toks[j+1].Text)] &&
		!(i > 0 && (cuePreps[strings.ToLower(toks[i-1].Text)] || toks[i-1].Text == "of")) {
		return 2
	}
	// "according to Taylor": a source, not a place; "according to Paris
	// police" names the town's own source.
	if i >= 2 && strings.EqualFold(toks[i-1].Text, "to") && strings.EqualFold(toks[i-2].Text, "according") && j == i &&
		(j+1 >= len(toks) || !toks[j+1].cap && !placeOffices[strings.ToLower(toks[j+1].Text)]) {
		return 2
	}
	if i > 0 && toks[i-1].cap && !toks[i-1].upper && !toks[i-1].first {
		if !p.g.has(Fold(toks[i-1].Text)) {
			return 1 // "Raquel Henry"
		}
	}
	if j+1 < len(toks) && toks[j+1].cap && !toks[j+1].upper {
		if !p.g.has(Fold(toks[j+1].Text)) {
			return 1 // "Henry Smith"
		}
	}
	return 0
}

// placeOffices after a town's name make the town's own authorities:
// "according to Hopkinton police".
var placeOffices = map[string]bool{"police": true, "officials": true, "authorities": true, "records": true,
	"firefighters": true, "deputies": true, "residents": true, "schools": true, "council": true}

// filter drops weak candidates: small places with no cue, sentence-initial
// common words, person names. A surface accepted once with a cue is
// accepted everywhere in the article.
func (p *Parser) filter(cands []cand, surnames, givens map[string]bool, orgs []sitrep.Span) {
	accepted := map[string]bool{}
	person := map[string]bool{}
	// confirmed are the common words the article itself shows to be
	// places: qualified ("Mobile, Ala."), a dateline, or a personal name
	// the entity stage calls a place inside a sentence ("in Henderson").
	// Their other mentions, sentence-initial ones too, follow: one sense
	// per discourse.
	var confirmed map[string]bool
	for i := range cands {
		c := &cands[i]
		if commonWords[c.key] && !c.vetoed && c.person < 2 &&
			(c.dateline || c.qual >= 0 || nameWords[c.key] && c.cue >= cueStrong && !c.initial) {
			if confirmed == nil {
				confirmed = map[string]bool{}
			}
			confirmed[c.key] = true
		}
		if surnames[c.key] && c.cue < cueStrong && c.qual < 0 && !c.dateline {
			continue // "to Henry" says little once "Raquel Henry" is named
		}
		if c.person == 2 && p.g.places[c.ids[0]].level >= lvAdmin2 {
			person[c.key] = true
		}
		if !c.vetoed && !c.common && (c.cue >= cueStrong || c.person == 0 && (c.cue > 0 || p.strong(c))) {
			accepted[c.key] = true
		}
	}
	for i := range cands {
		c := &cands[i]
		c.best = -1
		strong := p.strong(c)
		switch {
		case c.stem:
			// The article's own county: kept unless a speech verb or a
			// title makes it a person ("Harris said").
			if c.person == 2 {
				c.ids = nil
			}
		case surnames[c.key] && !c.dateline && c.qual < 0 && c.cue < cueStrong && !strong:
			// The surname of a person the article names in full: one
			// sense per discourse.
			c.ids = nil
		case commonWords[c.key] && !c.dateline && c.qual < 0 && (c.cue < cueStrong || c.initial || !nameWords[c.key]) &&
			!(confirmed[c.key] && !c.vetoed && c.person < 2 && (c.cue > cueNone || c.initial || nameWords[c.key])):
			// Even the entity stage mistakes sentence-initial "Police"
			// or "City" for places.
			c.ids = nil
		case c.vetoed:
			if !accepted[c.key] || person[c.key] || c.person == 2 {
				c.ids = nil
			}
		case c.common && !c.dateline && c.qual < 0 && !strong && !accepted[c.key] && !c.locative:
			// "Pace yourself", "Casino's sprinklers": a word the tagger
			// reads as a common one, with nothing else for a place.
			c.ids = nil
		case c.ent && givens[c.key] && !c.initial && !c.locative && !c.dateline && c.qual < 0 && !strong:
			// The entity stage's "Donald" after "Donald Trump".
			c.ids = nil
		case c.ent && c.person == 2 && !c.dateline && c.qual < 0 && !strong:
			// "Robertson said": the entity stage's slip.
			c.ids = nil
		case c.cue >= cueStrong:
		case c.person == 2 && p.g.places[c.ids[0]].level >= lvAdmin2:
			c.ids = nil
		case c.cue == cueWeak:
		case strong && !person[c.key]:
		case c.person == 1 && !c.initial && opensOrg(orgs, c.span):
			// "Lombard Historical Society": the town's own, kept if
			// the town lies among the article's places (keepLocal).
			c.tentative = true
		case c.person == 1:
			c.ids = nil
		case accepted[c.key] && !person[c.key]:
		default:
			c.ids = nil
		}
	}
}

// surname returns the folded last word of a person's full name
// ("Chiquita Raquel Henry"), unless the name looks like a mistaken place
// ("Downtown Greer", "Greer Station", "Lake Robinson"): its first word a
// place, a direction or a feature, or its last a feature word.
func (p *Parser) surname(name string) (string, bool) {
	ws := strings.Fields(name)
	if len(ws) < 2 || len(ws) > 3 {
		return "", false
	}
	first, last := ws[0], ws[len(ws)-1]
	last, _ = trimPossessive(last, sitrep.Span{})
	if !isCapWord(first) || !isCapWord(last) || p.bigPlace(Fold(first)) || directions[strings.ToLower(first)] ||
		prefixFeatures[first] || suffixFeatures[strings.ToLower(strings.TrimSuffix(last, "."))] {
		return "", false
	}
	if len(ws) == 3 && p.g.has(Fold(ws[1])) {
		return "", false // "Old Alton Edwardsville", a road
	}
	return Fold(last), true
}

// strong reports whether a candidate is a toponym without any cue: a
// country, region or admin-1, or a large city.
func (p *Parser) strong(c *cand) bool {
	if commonWords[c.key] {
		return false
	}
	top := &p.g.places[c.ids[0]]
	switch top.level {
	case lvCountry, lvRegion:
		return true
	case lvAdmin1:
		return top.pop >= 500000 || strings.Contains(c.key, " ")
	case lvAdmin2:
		return strings.Contains(c.key, " ")
	}
	return top.pop >= 100000
}

// sameSense gives every unqualified mention of a name the reading of its
// qualified mention ("Mansfield, La." then "Mansfield"): one sense per
// discourse.
func (p *Parser) sameSense(cands []cand) {
	var sense map[string]*cand
	for i := range cands {
		if c := &cands[i]; c.qual >= 0 && c.best >= 0 {
			if sense == nil {
				sense = map[string]*cand{}
			}
			if _, ok := sense[c.key]; !ok {
				sense[c.key] = c
			}
		}
	}
	for i := range cands {
		if c := &cands[i]; c.qual < 0 && c.best >= 0 {
			if q, ok := sense[c.key]; ok {
				c.best, c.conf = q.best, q.conf
			}
		}
	}
}

// afterDirection returns the span and places of the name after a leading
// compass word ("Northeast Texas" → "Texas") when the name is a country
// or an admin-1 area; otherwise no places.
func (p *Parser) afterDirection(text string, s sitrep.Span) (sitrep.Span, []int32) {
	w := text[s.Start:s.End]
	sp := strings.IndexByte(w, ' ')
	if sp < 0 || !compass[strings.ToLower(w[:sp])] {
		return s, nil
	}
	r := sitrep.Span{Start: s.Start + sp + 1, End: s.End}
	k := Fold(text[r.Start:r.End])
	ids := p.g.ids(k)
	if len(ids) == 0 || p.g.places[ids[0]].level > lvAdmin1 || commonWords[k] {
		return s, nil
	}
	return r, ids
}

// compass are the direction words that open a part of a place: "North
// Georgia", "Southern California", "Central Ohio".
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "northeastern": true, "northwestern": true, "southeastern": true,
	"southwestern": true}

// splitDirections shrinks a toponym made of a compass word and a name
// ("North Arlington", a town of its own in the gazetteer) to the name when
// the article also names that place alone: "north Arlington" is then a
// part of Arlington.
func (p *Parser) splitDirections(text string, cands []cand) {
	for i := range cands {
		c := &cands[i]
		sp := strings.IndexByte(c.key, ' ')
		if sp < 0 || !compass[c.key[:sp]] || c.qual >= 0 || c.dateline {
			continue
		}
		if len(c.ids) == 0 || p.g.places[c.ids[0]].level <= lvAdmin1 {
			continue // "West Virginia", "South Carolina"
		}
		rest := c.key[sp+1:]
		for k := range cands {
			if k == i || cands[k].key != rest {
				continue
			}
			// "West Columbia" and "North Las Vegas" lie by their
			// namesakes: towns of their own.
			if w := text[c.span.Start:c.span.End]; strings.IndexByte(w, ' ') == sp && !p.nearAny(c.ids, cands[k].ids, 100) {
				c.span.Start += sp + 1
				c.key, c.ids = rest, cands[k].ids
			}
			break
		}
	}
}

// nearCands bounds the entries nearAny compares.
const nearCands = 12

// nearAny reports whether one of the first places of a lies within km of
// one of the first places of b.
func (p *Parser) nearAny(a, b []int32, km float64) bool {
	for _, x := range a[:min(len(a), nearCands)] {
		px := &p.g.places[x]
		for _, y := range b[:min(len(b), nearCands)] {
			py := &p.g.places[y]
			if HaversineKm(float64(px.lat), float64(px.lon), float64(py.lat), float64(py.lon)) <= km {
				return true
			}
		}
	}
	return false
}

// countySuffixes end the names of US counties and their like.
var countySuffixes = []string{" county", " parish", " borough"}

// countyStems finds the names of the article's counties written without
// "County": after "DeKalb County", a later "unincorporated DeKalb" or
// "DeKalb's plan" is the county. Candidates of the finder with such a name
// are marked, and mentions it left out (the name is no town, or the entity
// stage took it for a person) are added. Names that are the surname of a
// person the article names in full, and mentions inside a longer person's
// name, are left alone.
func (p *Parser) countyStems(doc *sitrep.Doc, cands []cand, persons []sitrep.Span, surnames map[string]bool) []cand {
	var stems map[string][]int32
	for i := range cands {
		c := &cands[i]
		if len(c.ids) == 0 || p.g.places[c.ids[0]].level != lvAdmin2 {
			continue
		}
		for _, suf := range countySuffixes {
			if st, ok := strings.CutSuffix(c.key, suf); ok && st != "" && !commonWords[st] && !surnames[st] {
				if stems == nil {
					stems = map[string][]int32{}
				}
				stems[st] = c.ids
			}
		}
	}
	if stems == nil {
		return cands
	}
	text := doc.Article.Text
	for i := range cands {
		c := &cands[i]
		if _, ok := stems[c.key]; ok && !c.dateline && c.qual < 0 && !p.orgAfter(text, c.span.End) {
			c.stem, c.vetoed = true, false
		}
	}
	var buf []byte
	for si := range doc.Sentences {
		ts := doc.Sentences[si].Tokens
		for k := 0; k < len(ts); k++ {
			if !isCapWord(ts[k].Text) {
				continue
			}
			for j := min(len(ts)-1, k+2); j >= k; j-- {
				if !isCapWord(ts[j].Text) || j > k && ts[j].Start-ts[j-1].End > 1 {
					continue
				}
				s := sitrep.Span{Start: ts[k].Start, End: ts[j].End}
				if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
					continue
				}
				w, s2 := trimPossessive(text[s.Start:s.End], s)
				buf = fold(buf[:0], w)
				ids, ok := stems[string(buf)]
				if !ok {
					continue
				}
				if j+1 < len(ts) && (isCountyWord(ts[j+1].Text) || p.orgAfter(text, s.End)) {
					break // the county itself, or a longer name ("Licking Memorial Hospital")
				}
				if k > 0 && ts[k-1].End == ts[k].Start && ts[k-1].Text == "-" {
					break
				}
				taken := false
				for q := range cands {
					if cands[q].span.Overlaps(s2) {
						taken = true
						break
					}
				}
				for _, ps := range persons {
					if ps.Overlaps(s2) && ps != s2 {
						taken = true
						break
					}
				}
				if !taken {
					cands = append(cands, cand{span: s2, key: string(buf), ids: ids, cue: cueWeak, qual: -1, stem: true,
						stemOnly: true, initial: sentenceInitial(doc, s2.Start)})
				}
				k = j
				break
			}
		}
	}
	return cands
}

func isCountyWord(w string) bool {
	switch strings.ToLower(w) {
	case "county", "parish", "borough", "counties", "parishes", "co.", "co":
		return true
	}
	return false
}

// stemSense gives a county's bare name the reading of the county, or of
// the county's namesake town when the name has one in the county's state
// ("DeKalb" in DeKalb County, Illinois).
func (p *Parser) stemSense(cands []cand) {
	var county map[string]int32
	for i := range cands {
		c := &cands[i]
		if c.stem || c.best < 0 || p.g.places[c.best].level != lvAdmin2 {
			continue
		}
		for _, suf := range countySuffixes {
			if st, ok := strings.CutSuffix(c.key, suf); ok {
				if county == nil {
					county = map[string]int32{}
				}
				if _, dup := county[st]; !dup {
					county[st] = c.best
				}
			}
		}
	}
	for i := range cands {
		c := &cands[i]
		if !c.stem || c.best < 0 {
			continue
		}
		b, ok := county[c.key]
		if !ok {
			continue
		}
		cp := &p.g.places[b]
		if !c.stemOnly {
			town := int32(-1)
			for _, id := range c.ids {
				if q := &p.g.places[id]; q.level == lvCity && q.country == cp.country && q.admin1 == cp.admin1 {
					town = id
					break
				}
			}
			if town >= 0 {
				c.best = town
				continue
			}
		}
		c.best = b
	}
}

// orgAfter reports whether a capitalised word follows at, after one
// space, that makes a longer name ("Licking Memorial Hospital"), other
// than the county's own offices and courts ("Kanawha Circuit Court",
// "DuPage Sheriff").
func (p *Parser) orgAfter(text string, at int) bool {
	if at+1 >= len(text) || text[at] != ' ' || !isCapWord(text[at+1:]) {
		return false
	}
	w := text[at+1:]
	if i := strings.IndexAny(w, " ,.;:'’\n"); i >= 0 {
		w = w[:i]
	}
	return !countyOffices[strings.ToLower(w)]
}

// countyOffices are the words after a county's bare name that name its
// government: "Kanawha Circuit Court", "Gwinnett police".
var countyOffices = map[string]bool{"sheriff": true, "circuit": true, "court": true, "commission": true,
	"commissioners": true, "commissioner": true, "police": true, "board": true, "jail": true, "coroner": true,
	"clerk": true, "superior": true, "probate": true, "magistrate": true, "district": true, "prosecutor": true,
	"schools": true, "deputies": true, "officials": true, "government": true, "council": true, "medical": true}

// datelineAfter reports whether rest, the text after a capitalised name,
// goes on like a dateline: a comma, a dash, an agency in brackets, or a
// gap of spaces.
func datelineAfter(rest string) bool {
	if strings.HasPrefix(rest, "  ") || strings.HasPrefix(rest, "\n") {
		return true // a dash lost in conversion: "NEWARK  Police said"
	}
	rest = strings.TrimLeft(rest, " ")
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "—") ||
		strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "(")
}

// opensOrg reports whether s opens one of the organisation names orgs.
func opensOrg(orgs []sitrep.Span, s sitrep.Span) bool {
	for _, o := range orgs {
		if o.Start == s.Start && o.End > s.End {
			return true
		}
	}
	return false
}

// keepLocal keeps the tentative toponyms that have a reading within
// localKm of a town or county the article names otherwise, and reads them
// so: the ranker's choice when it is near, else the likeliest near entry.
// The others are dropped.
func (p *Parser) keepLocal(cands []cand) {
	for i := range cands {
		c := &cands[i]
		if !c.tentative || c.best < 0 {
			continue
		}
		if p.nearOthers(cands, c, c.best) {
			continue
		}
		best := int32(-1)
		for _, id := range c.ids[:min(len(c.ids), rankCands)] {
			if p.nearOthers(cands, c, id) {
				best = id
				break
			}
		}
		c.best = best
	}
}

// nearOthers reports whether entry id lies within localKm of the reading
// of another toponym than c, a town or county that is not tentative.
func (p *Parser) nearOthers(cands []cand, c *cand, id int32) bool {
	t := &p.g.places[id]
	for k := range cands {
		o := &cands[k]
		if o.tentative || o.best < 0 || p.g.places[o.best].level < lvAdmin2 || o.key == c.key {
			continue
		}
		q := &p.g.places[o.best]
		if HaversineKm(float64(t.lat), float64(t.lon), float64(q.lat), float64(q.lon)) <= localKm {
			return true
		}
	}
	return false
}

// localKm is how near a town opening an organisation's name must lie to
// the article's other places.
const localKm = 100

// commonTag reports whether a part-of-speech tag is known and not a
// proper noun's.
func commonTag(tag string) bool { return tag != "" && tag != "NNP" && tag != "NNPS" }

// countyLists finds the names listed before "counties" or "parishes"
// ("Douglas, Sarpy and Lancaster counties"): each is a county. A name the
// finder took for a town takes the county's readings; one the gazetteer
// holds only as "X County" is added; one it lacks is returned among sure
// (unresolved) spans.
func (p *Parser) countyLists(doc *sitrep.Doc, cands []cand, sure []sitrep.Span) ([]cand, []sitrep.Span) {
	text := doc.Article.Text
	for si := range doc.Sentences {
		ts := doc.Sentences[si].Tokens
		for k := 2; k < len(ts); k++ {
			var suffix string
			switch w := ts[k].Text; {
			case strings.EqualFold(w, "counties"):
				suffix = " county"
			case strings.EqualFold(w, "parishes"):
				suffix = " parish"
			default:
				continue
			}
			var names []sitrep.Span
			j := k - 1
			for j >= 0 && len(names) < 12 {
				e := j
				for j >= 0 && e-j < 3 && isCapWord(ts[j].Text) && !nameStops[ts[j].Text] &&
					!strings.ContainsAny(ts[j].Text, ",;:()\"") {
					j--
				}
				if j == e {
					break
				}
				names = append(names, sitrep.Span{Start: ts[j+1].Start, End: ts[e].End})
				if j < 0 {
					break
				}
				switch ts[j].Text {
				case ",":
					j--
				case "and", "or":
					j--
					if j >= 0 && ts[j].Text == "," {
						j--
					}
				default:
					j = -1
				}
			}
			if len(names) < 2 {
				// "the counties of Douglas, Lancaster and Sarpy",
				// "three counties — Douglas, Lancaster and Sarpy".
				names = countyListAfter(ts, k)
			}
			if len(names) < 2 {
				continue
			}
			for _, ns := range names {
				if ns.Start < 0 || ns.End > len(text) || ns.Start >= ns.End {
					continue
				}
				// "Small Hitchcock": the longest tail that is a county.
				var ids []int32
				for {
					ids = p.g.ids(Fold(text[ns.Start:ns.End]) + suffix)
					sp := strings.IndexByte(text[ns.Start:ns.End], ' ')
					if len(ids) > 0 || sp < 0 {
						break
					}
					ns.Start += sp + 1
				}
				key := Fold(text[ns.Start:ns.End])
				done := false
				for q := range cands {
					c := &cands[q]
					if !c.span.Overlaps(ns) {
						continue
					}
					if c.span == ns && len(ids) > 0 {
						c.ids, c.cue, c.vetoed, c.person, c.tentative, c.common = ids, cueStrong, false, 0, false, false
					}
					done = true
				}
				switch {
				case done:
				case len(ids) > 0:
					cands = append(cands, cand{span: ns, key: key, ids: ids, cue: cueStrong, qual: -1})
				default:
					sure = append(sure, ns)
				}
			}
		}
	}
	return cands, sure
}

// qualAbbr returns the place of a qualifier-only abbreviation at toks[k]
// ("TX", "B.C.", its stop maybe split off as the next token) and the
// number of tokens it takes, or 0 when there is none or when a
// capitalised word follows, as in a headline in capitals ("FIRE, IN
// HOUSE").
func (p *Parser) qualAbbr(toks []tok, k int) (int32, int) {
	t := toks[k]
	pi, ok := p.g.qual[t.Text]
	n := 1
	if !ok && k+1 < len(toks) && toks[k+1].Text == "." && toks[k+1].Start == t.End {
		pi, ok = p.g.qual[t.Text+"."]
		n = 2
	}
	if !ok {
		return -1, 0
	}
	if k+n < len(toks) {
		next := toks[k+n].Text
		if r, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r) {
			return -1, 0
		}
	}
	return pi, n
}

// bigPlace reports whether key names a country, an admin-1 area or a city
// of 100,000 or more, and is not also a common given name ("Elizabeth
// Fairfield" names a person; "Memphis Smith" is likelier a mistaken
// place).
func (p *Parser) bigPlace(key string) bool {
	if nameWords[key] {
		return false
	}
	ids := p.g.ids(key)
	if len(ids) == 0 {
		return false
	}
	top := &p.g.places[ids[0]]
	return top.level <= lvAdmin1 || top.pop >= 100000
}

// residentArticle before "X man" makes X a residence: "a Columbus woman",
// "the Albany couple".
var residentArticle = map[string]bool{"a": true, "an": true, "the": true, "two": true, "three": true}

// capsAround reports whether the word before or after s is in capitals
// too: a headline written in capitals ("BOSTON AT OAKLAND"), where a
// name in capitals is no acronym.
func capsAround(text string, s sitrep.Span) bool {
	before, _ := lastWord(text[:s.Start])
	after, _, _ := strings.Cut(strings.TrimLeft(text[s.End:], " "), " ")
	return isAllUpper(before) || isAllUpper(after)
}

// countyListAfter returns the names listed right after ts[k], "counties"
// or "parishes", behind "of", a colon or a dash: two or more capitalised
// names joined by commas and a final "and" or "or".
func countyListAfter(ts []sitrep.Token, k int) []sitrep.Span {
	j := k + 1
	for n := 0; j < len(ts) && n < 2; n++ {
		switch ts[j].Text {
		case "of", ":", "—", "–", "-", "--", "”", "“", "\"", "(":
			j++
			continue
		}
		break
	}
	var names []sitrep.Span
	last := false
	for j < len(ts) && len(names) < 12 {
		e := j
		for e < len(ts) && e-j < 3 && isCapWord(ts[e].Text) && !nameStops[ts[e].Text] &&
			!strings.ContainsAny(ts[e].Text, ",;:()\"") {
			e++
		}
		if e == j {
			break
		}
		names = append(names, sitrep.Span{Start: ts[j].Start, End: ts[e-1].End})
		if last || e >= len(ts) {
			break
		}
		switch ts[e].Text {
		case ",":
			j = e + 1
			if j < len(ts) && (ts[j].Text == "and" || ts[j].Text == "or") {
				j++
				last = true
			}
		case "and", "or":
			j = e + 1
			last = true
		default:
			return names[:0]
		}
	}
	if !last {
		return nil
	}
	return names
}

// runsOn reports whether part, ending at end, runs on with the next one
// or two tokens into a gazetteer name ("Clarke County").
func (p *Parser) runsOn(text, part string, end int, next []tok) bool {
	for k := min(len(next), 2); k > 0; k-- {
		if next[0].Start != end+1 || !p.inName(next[:k]) {
			continue
		}
		if p.g.has(Fold(part + text[end:next[k-1].End])) {
			return true
		}
	}
	return false
}
