// Package casualty extracts casualty counts (killed, wounded, arrested,
// missing, kidnapped, displaced) and group sizes (crowds, troops, vehicles)
// from an article's sentences.
//
// Input: a *sitrep.Doc. The package scans the text of each sentence with its
// own light tokenizer (it does not need the POS tags), so it also works on
// docs whose sentences carry no tokens; a doc with no sentences is scanned
// paragraph by paragraph, or as one block.
//
// Output: []sitrep.Casualty and []sitrep.Size with byte spans into the
// article text. Patterns:
//
//   - passive and reduced ("12 people were killed", "a man who was shot",
//     "he was pronounced dead", "two men shot", "shot to death");
//   - active with the victims as object ("a mortar attack that killed an
//     Italian aid worker", "killing his wife and two children", "shot dead
//     two gunmen"; the subject, the perpetrator, is never counted);
//   - intransitive and nominal ("two people died", "30 dead", "leaving 4
//     injured", "two deaths", "the death toll rose to 30", "the death of a
//     man", "the body of a woman", "a double homicide");
//   - descriptions of the wounded ("suffered a gunshot wound", "in critical
//     condition", "was taken to a hospital", "was hit by gunfire").
//
// Victims are counted over coordination, lists and asides ("a man and his
// girlfriend", "Six guards, a driver and a civilian", "Four people,
// including a child,"); ", one fatally" splits the dead from the wounded.
// Vague quantities get conservative counts with Exact false (see vague in
// numbers.go: ACLED's "tens" = 10, "dozens" = 12, "hundreds" = 100, and
// "thousands" = 1000 in the same spirit). Negated mentions ("no one was
// killed", "were not hurt", "neither ... nor") yield Count 0. Skipped:
// hypothetical and open ones ("could kill thousands", "threatened to
// kill", "unclear whether anyone was hurt"), running totals and rates ("so
// far this year", "since January", "each year"), deaths by illness or old
// age, figures of speech ("hit by rising costs", "an injury scare"),
// titles ("The Killing Fields") and things that are no victims (animals,
// vehicles, places, ages, addresses).
package casualty

import (
	"unicode"
	"unicode/utf8"

	"strings"

	"github.com/sitrep-project/sitrep"
)

// Casualty kinds.
const (
	Killed    = "killed"
	Wounded   = "wounded"
	Arrested  = "arrested"
	Missing   = "missing"
	Kidnapped = "kidnapped"
	Displaced = "displaced"
)

type tok struct {
	s, low     string
	start, end int // byte offsets in the article text
}

// trigger classes.
const (
	verbPart   = iota // participle/past: passive, active or reduced ("killed")
	verbActive        // gerund/present: active only ("killing")
	verbIntr          // intransitive or adjective: count on the left ("died", "dead")
	noun              // count right before ("two deaths", "28 arrests")
	verbPass          // passive only: "was struck", "were hit"
	woundNoun         // "suffered a gunshot wound": the sufferer counts
	condNoun          // "is in critical condition": the patient counts
	hospNoun          // "was taken to a hospital": the patient counts
)

type trigger struct {
	kind  string
	class int
}

var triggers = map[string]trigger{
	"killed": {Killed, verbPart}, "murdered": {Killed, verbPart}, "slain": {Killed, verbPart},
	"wounded": {Wounded, verbPart}, "injured": {Wounded, verbPart}, "hurt": {Wounded, verbPart},
	"shot": {Wounded, verbPart}, "stabbed": {Wounded, verbPart},
	"arrested": {Arrested, verbPart}, "detained": {Arrested, verbPart}, "apprehended": {Arrested, verbPart},
	"kidnapped": {Kidnapped, verbPart}, "abducted": {Kidnapped, verbPart},
	"displaced": {Displaced, verbPart},
	"killing":   {Killed, verbActive}, "murdering": {Killed, verbActive}, "kills": {Killed, verbActive}, "kill": {Killed, verbActive},
	"wounding": {Wounded, verbActive}, "injuring": {Wounded, verbActive},
	"arresting": {Arrested, verbActive}, "displacing": {Displaced, verbActive},
	"died": {Killed, verbIntr}, "dead": {Killed, verbIntr}, "succumbed": {Killed, verbIntr}, "drowned": {Killed, verbIntr}, "die": {Killed, verbIntr}, "dies": {Killed, verbIntr},
	"perished": {Killed, verbIntr}, "missing": {Missing, verbIntr},
	"deaths": {Killed, noun}, "death": {Killed, noun}, "fatalities": {Killed, noun}, "fatality": {Killed, noun},
	"injuries": {Wounded, woundNoun}, "arrests": {Arrested, noun}, "hostages": {Kidnapped, noun},
	"injury": {Wounded, woundNoun}, "wound": {Wounded, woundNoun}, "wounds": {Wounded, woundNoun},
	"condition": {Wounded, condNoun}, "hospital": {Wounded, hospNoun}, "hospitalized": {Wounded, verbPart}, "hospitalised": {Wounded, verbPart},
	"struck": {Wounded, verbPass}, "hit": {Wounded, verbPass}, "grazed": {Wounded, verbPass},
}

// presentWound are present forms of wounding verbs ("wounds" and
// "wound" are nouns too: countFollows tells them apart).
var presentWound = setOf(`wounds wound injures injure`)

// treatedFor are what one is treated for as an injury: "treated for
// tear-gas inhalation", "for burns".
var treatedFor = setOf(`tear-gas teargas smoke inhalation burns injuries wounds fractures cuts bruises`)

// countFollows reports whether a count of victims follows token t ("wounds
// several soldiers"); "a" or "an" only after "and" ("kills one and wounds a
// guard"), since "died of his wounds a day later" has a noun.
func countFollows(toks []tok, t int) bool {
	if t+1 >= len(toks) {
		return false
	}
	if _, ok := parseNumber(toks, t+1); !ok {
		return false
	}
	if w := toks[t+1].low; w == "a" || w == "an" {
		return t > 0 && toks[t-1].low == "and"
	}
	return true
}

// be-forms and adverbs that may stand between a passive subject and its verb.
var auxWords = setOf(`was were is are be been being has have had got get gets reportedly
also later allegedly all both each critically seriously severely badly slightly gravely
mortally fatally found confirmed reported believed apparently just still now then already
initially subsequently eventually seemingly likely not n't never remain remains
remained still pronounced declared listed feared presumed wasn't weren't isn't aren't didn't hasn't haven't
hadn't doesn't don't wasn’t weren’t isn’t aren’t didn’t hasn’t haven’t hadn’t doesn’t don’t`)

var modals = setOf(`could would might may will can should shall must cannot to threatened
threatening threaten threatens vowed plans planned planning trying tried attempting attempted
if unless`)

// stop words end a noun phrase when scanning for the subject or object.
var stopWords = setOf(`and or but that which who whom whose when where while after before
during in on at by from with without for of into onto over under near since because as than
said says say told tells according police authorities officials said, , . ; : ( ) " “ ” ? !
was were is are been be has have had he she they it we i you this there here not also
killed wounded injured hurt shot died dead arrested`)

// group nouns that make a count a group size.
var groupNouns = setOf(`people persons protesters protestors demonstrators troops soldiers
police policemen officers fighters militants militiamen militia rebels marines sailors airmen
personnel forces refugees migrants supporters civilians residents students workers mourners
pilgrims worshippers worshipers rioters activists vehicles tanks trucks cars boats ships
aircraft planes jets helicopters drones members men women children guards contractors
diplomats staff employees volunteers families individuals prisoners detainees inmates crowd
participants attendees gunmen attackers insurgents jihadists recruits reservists peacekeepers
agents deputies firefighters teachers doctors patients servicemen troopers paratroopers
commandos convoys vessels warships followers voters villagers`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Extract finds casualty counts and group sizes in the doc's sentences.
func Extract(doc *sitrep.Doc) ([]sitrep.Casualty, []sitrep.Size) {
	if doc == nil || doc.Article == nil {
		return nil, nil
	}
	text := doc.Article.Text
	var spans []sitrep.Span
	switch {
	case len(doc.Sentences) > 0:
		spans = make([]sitrep.Span, len(doc.Sentences))
		for i, s := range doc.Sentences {
			spans[i] = s.Span
		}
	case len(doc.Paragraphs) > 0:
		spans = doc.Paragraphs
	default:
		spans = []sitrep.Span{{Start: 0, End: len(text)}}
	}
	var cas []sitrep.Casualty
	var sizes []sitrep.Size
	var toks []tok
	lower := lowerSameOffsets(text)
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		toks = tokenize(text, lower, sp, toks[:0])
		cas, sizes = extractSentence(text, toks, cas, sizes)
	}
	return cas, sizes
}

// lowerSameOffsets lower-cases text with one allocation, keeping every
// byte offset: a rune whose lower case has another UTF-8 length, and any
// invalid byte, is kept as it is. Tokens take their lower-case form from it.
func lowerSameOffsets(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if l := unicode.ToLower(r); r != utf8.RuneError && l != r && utf8.RuneLen(l) == n {
			b.WriteRune(l)
		} else {
			b.WriteString(text[i : i+n])
		}
		i += n
	}
	return b.String()
}

// tokenize splits text[sp] into words and punctuation. Words keep inner
// hyphens, apostrophes, commas and dots between digits or letters
// ("twenty-three", "15,000", "1.5", "U.S.").
func tokenize(text, lower string, sp sitrep.Span, toks []tok) []tok {
	i := sp.Start
	for i < sp.End {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			toks = append(toks, tok{s: text[i : i+n], low: text[i : i+n], start: i, end: i + n})
			i += n
			continue
		}
		j := i + n
		for j < sp.End {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				j += n
				continue
			}
			if (r == '-' || r == '\'' || r == ',' || r == '.' || r == '’') && j+n < sp.End {
				r2, _ := utf8.DecodeRuneInString(text[j+n:])
				prev, _ := utf8.DecodeLastRuneInString(text[i:j])
				if r == ',' && !(unicode.IsDigit(prev) && unicode.IsDigit(r2)) {
					break
				}
				if r == '.' && !(unicode.IsDigit(prev) && unicode.IsDigit(r2)) && !(unicode.IsUpper(r2) && j-i == 1) {
					if j-i >= 3 && text[j-2] == '.' && unicode.IsUpper(prev) {
						// "U.S.": an initialism keeps its last dot.
						j += n
					}
					break
				}
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n
					continue
				}
			}
			break
		}
		w := text[i:j]
		toks = append(toks, tok{s: w, low: lower[i:j], start: i, end: j})
		i = j
	}
	return toks
}

// extractSentence appends the casualties and sizes of one sentence.
func extractSentence(text string, toks []tok, cas []sitrep.Casualty, sizes []sitrep.Size) ([]sitrep.Casualty, []sitrep.Size) {
	first := len(cas)
	used := func(start int, kind string) bool {
		for _, c := range cas[first:] {
			if c.Start == start && c.Kind == kind {
				return true
			}
		}
		return false
	}
	for t := 0; t < len(toks); t++ {
		tr, ok := triggers[toks[t].low]
		if presentWound[toks[t].low] && countFollows(toks, t) {
			// "kills an aid worker and wounds several soldiers",
			// "rockets injure three soldiers": a present tense.
			tr, ok = trigger{Wounded, verbActive}, true
		}
		if c, ok := gunOnSelf(text, toks, t); ok {
			if !hypothetical(toks, t) {
				cas = append(cas, c)
			}
			continue
		}
		if c, ok := nominalDeath(text, toks, t); ok {
			// "the death of two men", "a double homicide", "the body of a
			// man": the dead are named by a noun.
			if !used(c.Start, c.Kind) && !hypothetical(toks, t) {
				cas = append(cas, c)
			}
			continue
		}
		if !ok {
			switch {
			case toks[t].low == "passed" && matchWords(toks, t+1, "away"):
				tr = trigger{Killed, verbIntr}
			case toDeath(toks, t+1) && toDeathVerbs[toks[t].low]:
				// "beaten to death", "hacked to death".
				tr = trigger{Killed, verbPart}
			case toks[t].low == "treated" && matchWords(toks, t+1, "for") && t+2 < len(toks) && treatedFor[toks[t+2].low]:
				// "were treated for tear-gas inhalation", "for burns".
				tr = trigger{Wounded, verbPart}
			default:
				continue
			}
		}
		if tr.class != hospNoun && titleCase(toks, t) {
			continue // a title: "The Killing Fields", "Live And Let Die"
		}
		kind := tr.kind
		if kind == Wounded && t > 0 && toks[t-1].low == "fatally" {
			kind = Killed
		}
		if toks[t].low == "drowned" && matchWords(toks, t+1, "out") {
			continue // "a cheer drowned out the hecklers"
		}
		if (toks[t].low == "struck" || toks[t].low == "hit") && matchWords(toks, t+1, "dead") {
			continue // "struck dead by lightning": "dead" counts them
		}
		if toks[t].low == "shot" || toks[t].low == "stabbed" {
			// "shot dead", "shot and killed": the killed trigger that
			// follows counts the victims.
			if matchWords(toks, t+1, "dead") {
				// "soldiers shot dead two gunmen": the victims follow.
				if _, _, _, ok := victimNP(toks, t+2); ok && !passive(toks, t) {
					if c, ok := object(text, toks, t+1); ok && !notVictim(c.Who) {
						c.Kind = Killed
						c.Start = toks[t].start
						c.Text = text[c.Start:c.End]
						cas = append(cas, c)
						t++
					}
				}
				continue
			}
			if matchWords(toks, t+1, "and", "killed") ||
				matchWords(toks, t+1, "and", "wounded") || matchWords(toks, t+1, "and", "injured") {
				continue
			}
			if toks[t].low == "shot" && (shotNoun(toks, t) || shotAt(toks, t)) {
				continue
			}
		}
		if toDeath(toks, t+1) {
			// "shot to death", "were stabbed to death": the participle
			// counts the dead; the noun "death" after it is skipped.
			kind = Killed
		} else if toks[t].low == "death" && t >= 2 && toks[t-1].low == "to" && isPart(toks[t-2].low) {
			continue
		}
		if hypothetical(toks, t) {
			continue
		}
		if t > 0 && toks[t-1].low == "the" && (tr.class == verbPart || tr.class == verbIntr) {
			// "the dead", "the injured": victims named elsewhere, except
			// "an officer was among the dead", "among the dead were two".
			if c, ok := among(text, toks, t); ok && !used(c.Start, kind) {
				c.Kind = kind
				cas = append(cas, c)
			}
			continue
		}
		if tr.class == verbPart && (t > 0 && (adjDeterminer(toks[t-1].low) || adjPrep(toks[t-1].low)) ||
			t == 0 && t+1 < len(toks) && isCapitalised(toks[t+1].s)) {
			// an adjective: "the injured man", "in the absence of injured
			// striker Ray Cole", "Injured Chelsea winger Ray Cole"
			continue
		}
		if tr.class == verbActive && t > 0 {
			// "prevented him from killing", "talked about killing", "without injuring".
			switch toks[t-1].low {
			case "from", "about", "without":
				continue
			}
		}
		var c sitrep.Casualty
		found := false
		switch {
		case toks[t].low == "death" || toks[t].low == "toll":
			c, found = deathToll(text, toks, t)
		case tr.class == noun:
			c, found = nounCount(text, toks, t)
		case tr.class == woundNoun:
			if c, found = woundPhrase(text, toks, t); found {
				if k := c.Kind; k != "" {
					kind = k
				}
			} else if toks[t].low == "injuries" {
				c, found = nounCount(text, toks, t)
			}
		case tr.class == condNoun:
			c, found = condition(text, toks, t)
		case tr.class == hospNoun:
			c, found = hospital(text, toks, t)
		case tr.class == verbPass:
			if passive(toks, t) {
				c, found = subject(text, toks, t, true)
				// "Delta has been hit by rising costs": a person must be
				// hit, or something must hit like a weapon.
				if found && !violentHit(toks, t) && !(personWho(c.Who) && !isCapitalised(lastWord(c.Who)) && !matchWords(toks, t+1, "by")) {
					found = false
				}
			} else if c, found = object(text, toks, t); found {
				// "a bullet grazed the woman", "hit the clerk with a
				// handgun"; other active "hit" and "struck" are too often
				// crashes, deals or sports.
				k := t + 1
				for k < len(toks) && toks[k].start < c.End {
					k++
				}
				if !personWho(c.Who) || toks[t].low != "grazed" && (!violentHit(toks, k-1) || isCapitalised(c.Who)) {
					found = false // "the country hit Ring of Fire"
				}
			}
		case tr.class == verbActive:
			c, found = object(text, toks, t)
			if found && kind == Displaced && isCapitalised(lastWord(c.Who)) {
				found = false // "displacing Ocean's 12 at the box office"
			}
			if found && toks[t].low == "injuring" && !strings.Contains(c.Who, " ") && isCapitalised(c.Who) {
				found = false // "imports injuring U.S. growers"
			}
		case tr.class == verbIntr:
			if illness(toks, t) {
				continue // "died of cancer"
			}
			if c, found = subject(text, toks, t, true); !found || notVictim(c.Who) {
				// "was shot in the chest and died": the subject of the
				// first verb died.
				if c, found = coordinatedDeath(text, toks, t, cas[first:]); found {
					c.Kind = Killed
					c.Text = text[c.Start:c.End]
					cas = append(cas, c)
					continue
				}
			}
		default:
			if passive(toks, t) {
				c, found = subject(text, toks, t, true)
				// "United Airlines was hurt by the strike": a firm or a
				// country is hurt by what does not wound.
				if found && toks[t].low == "hurt" && isCapitalised(c.Who) && hurtBy(toks, t) && !violentHit(toks, t) {
					found = false
				}
			} else if c, found = object(text, toks, t); found {
				// "shot two men to death".
				if rest := strings.TrimLeft(text[c.End:], " "); strings.HasPrefix(rest, "to death") {
					kind = Killed
					c.End = len(text) - len(rest) + len("to death")
				}
				// "imports hurt Singapore", "injured U.S. farmers": one
				// bare name after "hurt" or "injured" is a country or a firm.
				if w := toks[t].low; (w == "hurt" || w == "injured") && !strings.Contains(c.Who, " ") && isCapitalised(c.Who) {
					found = false
				}
			} else if !objectFollows(toks, t+1) {
				c, found = subject(text, toks, t, false)
			}
		}
		if !found || used(c.Start, kind) || notVictim(c.Who) {
			continue
		}
		if t >= 2 && toks[t-1].low == "or" && isPart(toks[t-2].low) && c.Count > 0 {
			continue // "two people were killed or wounded": how many of each is not said
		}
		if c.Count > 0 && cumulative(toks[clauseStart(toks, c.Start):clauseEnd(toks, t)]) {
			continue // "five people killed so far this year"
		}
		if negated(toks, t) {
			c.Count, c.Exact = 0, true
		}
		c.Kind = kind
		c.End = max(c.End, toks[t].end)
		if kind == Wounded && c.Count > 0 {
			// "four people were shot, one fatally": split off the dead.
			k := t + 1
			for k < len(toks) && toks[k].start < c.End {
				k++
			}
			if d, ok := fatallyAfter(text, toks, k); ok && d.Count < c.Count {
				c.Count -= d.Count
				c.Text = text[c.Start:c.End]
				cas = append(cas, c, d)
				continue
			}
		}
		c.Text = text[c.Start:c.End]
		cas = append(cas, c)
	}
	return cas, groupSizes(text, toks, cas[first:], sizes)
}

// passive reports whether a be-form (or "found") precedes the participle.
func passive(toks []tok, t int) bool {
	for j := t - 1; j >= 0 && j >= t-4; j-- {
		w := toks[j].low
		switch w {
		case "was", "were", "is", "are", "be", "been", "being", "got", "get", "gets", "found",
			"wasn't", "weren't", "isn't", "aren't", "wasn’t", "weren’t", "isn’t", "aren’t":
			return true
		}
		if !isAux(toks[j]) {
			// "shot and killed": look past the coordinated participle.
			if (w == "and" || w == "or") && j > 0 && isPart(toks[j-1].low) {
				j--
				continue
			}
			return false
		}
	}
	return false
}

// hurtBy reports "by" right after the participle, give or take an adverb.
func hurtBy(toks []tok, t int) bool {
	return matchWords(toks, t+1, "by") || t+2 < len(toks) && toks[t+2].low == "by"
}

// isAux reports an auxiliary or an adverb that may stand inside a verb
// group: "was reportedly shot", "was accidentally shot", "was briefly
// hospitalized".
func isAux(t tok) bool {
	if auxWords[t.low] {
		return true
	}
	w := t.low
	return len(w) > 5 && strings.HasSuffix(w, "ly") && !isCapitalised(t.s) && !personNouns[w] && !groupNouns[w] &&
		!notAdverbs[w]
}

// notAdverbs end in -ly but are no adverbs.
var notAdverbs = setOf(`family assembly supply italy july rally jelly belly bully holly ally
anomaly monopoly melancholy butterfly firefly`)

// isTrigger reports a casualty word.
func isTrigger(w string) bool {
	_, ok := triggers[w]
	return ok
}

// isPart reports a participle trigger ("shot", "killed").
func isPart(w string) bool {
	tr, ok := triggers[w]
	return ok && (tr.class == verbPart || tr.class == verbPass)
}

// isWord reports whether s starts with a letter or digit.
func isWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isYear reports a bare four-digit number that reads as a year ("in 2016",
// "a 2015 shooting death").
func isYear(toks []tok, n number) bool {
	if n.end-n.start != 1 || len(toks[n.start].s) != 4 || !isDigits(toks[n.start].s) {
		return false
	}
	return n.count >= 1900 && n.count <= 2100
}

func phrase(text string, toks []tok, s, e int) string {
	if s >= e || e > len(toks) {
		return ""
	}
	return text[toks[s].start:toks[e-1].end]
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// groupSizes finds "about 15,000 troops", "thousands of violent
// protesters", "a crowd of 500" outside the casualty spans.
func groupSizes(text string, toks []tok, cas []sitrep.Casualty, sizes []sitrep.Size) []sitrep.Size {
	inCas := func(p int) bool {
		for _, c := range cas {
			if p >= c.Start && p < c.End {
				return true
			}
		}
		return false
	}
	for j := 0; j < len(toks); j++ {
		if matchWords(toks, j, "crowd", "of") || matchWords(toks, j, "crowds", "of") || matchWords(toks, j, "force", "of") {
			if n, ok := parseNumber(toks, j+2); ok && !n.article && !inCas(toks[j].start) {
				sizes = append(sizes, sitrep.Size{Span: sitrep.Span{Start: toks[j].start, End: toks[n.end-1].end},
					Count: n.count, Exact: n.exact, Who: toks[j].s, Text: text[toks[j].start:toks[n.end-1].end]})
				j = n.end - 1
			}
			continue
		}
		n, ok := parseNumber(toks, j)
		if !ok || n.article || n.count == 0 || inCas(toks[j].start) {
			continue
		}
		if j > 0 && (toks[j-1].s == "$" || toks[j-1].s == "£" || toks[j-1].s == "€") {
			j = n.end - 1
			continue
		}
		e := -1
		for k := n.end; k < len(toks) && k < n.end+4; k++ {
			if groupNouns[toks[k].low] {
				e = k + 1
				break
			}
			if stopWords[toks[k].low] || toks[k].low == "%" || toks[k].low == "percent" {
				break
			}
			if _, ok := parseNumber(toks, k); ok {
				break
			}
		}
		if e < 0 || inCas(toks[e-1].start) {
			j = n.end - 1
			continue
		}
		// Casualty nouns right after the group ("12 people killed") were
		// already counted as casualties; "some"/"many" alone are too vague.
		if w := toks[n.start].low; n.end-n.start == 1 && (w == "some" || w == "many" || w == "both") {
			j = n.end - 1
			continue
		}
		sizes = append(sizes, sitrep.Size{
			Span:  sitrep.Span{Start: toks[n.start].start, End: toks[e-1].end},
			Count: n.count, Exact: n.exact,
			Who:  text[toks[n.end].start:toks[e-1].end],
			Text: text[toks[n.start].start:toks[e-1].end],
		})
		j = e - 1
	}
	return sizes
}
