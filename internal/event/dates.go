package event

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// This file dates events, and checks the dates it gives against the
// publication date:
//
//   - A time expression that names the time of a thing rather than when
//     the event happened does not date it: "the elections of 2022", "the
//     1967 war", "Tuesday's vote", "debt due in 2030", "a ceasefire until
//     March", "by 2030", "since 1974" (thingTime).
//   - An event dated after the publication date (with a day's tolerance)
//     was not reported as having happened. In a future, present or modal
//     clause it is not asserted: it becomes hypothetical ("the summit
//     opens on March 20"). An announcement coded as the statement of an
//     intent, a threat or a refusal ("Norway will give Malawi a grant in
//     2030") happened when it was made: the date of the act announced is
//     not its date. A past-tense event with a date ahead was dated
//     wrongly. Both take the next date the sentence gives, else their
//     caption's, else the publication date.
//   - A present or present perfect clause is not told of a time long
//     past ("has expelled the diplomats, citing a dispute in 1963"): a
//     date more than a year old dates something else there.
//   - An event whose date ended more than a year before the publication
//     date is background (sitrep.Event.Background): history the article
//     recounts ("split in 1949"), which the store and the API leave out
//     of default results.

// futureTolerance is how far past the publication date an asserted event
// may be dated: articles are stamped with the local date of the desk that
// filed them, which can be a day behind the place they report from.
const futureTolerance = 24 * time.Hour

// backgroundAge is how long before the publication date an event's date
// must have ended for the event to be background.
const backgroundAge = 1 // year

// date gives the event the date of the nearest time expression in its
// clause, else in its sentence, else the date of the sentence it goes on
// telling, else its caption's date, else the publication date; it then
// checks that date against the publication date (see above) and sets
// the event's Background flag.
func (a *article) date(ev *sitrep.Event, st *sentence, clauseStart, clauseEnd int) {
	bound := a.pickDate(ev, st, clauseStart, clauseEnd)
	ev.Background = a.isBackground(ev.Date)
	if !ev.Background && bound != "" && ev.DateReason != "clause" && ev.DateReason != "sentence" {
		// "Chile fought the War of the Pacific from 1879 to 1883", "troops
		// stayed until 1990": undated, but over long ago.
		ev.Background = a.isBackground(bound)
	}
}

// pickDate sets the event's date and returns the last time expression
// that bounds it from above ("until 1990", "by 1995"), with no other
// verb between them, or "".
func (a *article) pickDate(ev *sitrep.Event, st *sentence, clauseStart, clauseEnd int) (bound string) {
	// The clause runs from the clause break before the event's verb
	// ("A judge on Monday jailed ...") to its end.
	cs, ce := st.Tokens[clauseBegin(st, clauseStart)].Start, st.End
	if clauseEnd < len(st.Tokens) {
		ce = st.Tokens[clauseEnd].Start
	}
	trig := st.tokenAt(ev.Evidence.Trigger.Start)
	if v, ok := a.offsetDate(st, trig); ok && !a.afterPublication(v) {
		ev.Date, ev.DatePrecision, ev.DateReason = v, sitrep.Day, "sentence"
		return ""
	}
	rel := relativeOpening(st, trig)
	var inClause, inSentence []int
	for _, i := range a.within(&a.timexOrder, len(a.Timexes), func(i int) int { return a.Timexes[i].Start }, st.Span) {
		t := &a.Timexes[i]
		if _, _, ok := eventDay(t); !ok || !st.Contains(t.Span) {
			continue
		}
		if rel >= 0 && t.Start < st.Tokens[rel].Start {
			// "attacked on Tuesday by crowds furious about air raids
			// that had killed ...": a relative clause in the past
			// perfect tells of a time before the one its sentence
			// names.
			continue
		}
		// An expression with another verb between it and the event's
		// dates that verb first ("defended ... citing his conviction
		// ... in 1997").
		k := st.tokenAt(t.Start)
		near := !otherVerbBetween(st, k, trig)
		aside := insideRelative(st, k, trig)
		clause := t.Start >= cs && t.End <= ce && near && !aside
		if thing, upper := a.thingTime(st, t.Span, trig); thing {
			if upper && near {
				bound = t.Value
			}
			continue
		}
		switch {
		case clause:
			inClause = append(inClause, i)
		case !relativeBetween(st, trig, k) && !aside:
			inSentence = append(inSentence, i)
		}
	}
	tense := tenseUnknown
	for n, i := range slices.Concat(inClause, inSentence) {
		value, prec, _ := eventDay(&a.Timexes[i])
		reason := "sentence"
		if n < len(inClause) {
			reason = "clause"
		}
		if !a.afterPublication(value) {
			if a.isBackground(value) {
				if tense == tenseUnknown {
					tense = eventTense(st, trig)
				}
				if tense == tensePerfect || tense == tensePresent {
					// "Erdogan has defended free speech, citing his
					// conviction ... in 1997": a present or a present
					// perfect is not told of a time long past; the
					// expression dates something else.
					continue
				}
			}
			ev.Date, ev.DatePrecision, ev.DateReason = value, prec, reason
			a.lastDated = &datedEvent{date: value, precision: prec, paragraph: st.Paragraph, sentence: a.sentIndex, present: presentTrigger(st, trig)}
			return bound
		}
		if tense == tenseUnknown {
			tense = eventTense(st, trig)
		}
		ahead := tense == tenseFuture || tense == tensePresent
		switch {
		case ev.Modality == sitrep.Asserted && ahead && !a.cur.announced:
			// "The summit opens on March 20": told as to come, not
			// as done.
			ev.Modality = sitrep.Hypothetical
			fallthrough
		case ev.Modality == sitrep.Hypothetical, ev.Modality != sitrep.Asserted && ahead:
			// What is planned, threatened or denied may be dated ahead.
			ev.Date, ev.DatePrecision, ev.DateReason = value, prec, reason
			return bound
		}
		// A past act dated ahead (a date resolved wrongly), or the
		// statement of an act announced for that date: try the next.
	}
	if v, ok := a.quoteDay(st, ev.Evidence.Trigger.Start); ok && !a.afterPublication(v) {
		// `"Somalia will be held responsible. They will pay a heavy
		// price," Kamau wrote on Tuesday`: what a quotation says is
		// dated by its attribution, in another sentence.
		ev.Date, ev.DatePrecision, ev.DateReason = v, sitrep.Day, "quote"
		return bound
	}
	switch {
	case st.caption == nil && ev.Modality == sitrep.Asserted && a.continues(st, ev.Evidence.Trigger) && !a.afterPublication(a.lastDated.date):
		// "On Tuesday, protesters stormed the gates. They threw rocks and
		// smashed windows.": a sentence with no time expression of its
		// own that follows a dated one in the same paragraph goes on
		// telling the same day, and so does the sentence after it ("He
		// said the base was secure. He warned Somalia.").
		ev.Date, ev.DatePrecision, ev.DateReason = a.lastDated.date, a.lastDated.precision, "previous"
		a.lastDated.sentence = a.sentIndex
	case st.caption != nil && st.caption.Date != "" && !a.afterPublication(st.caption.Date):
		ev.Date, ev.DatePrecision, ev.DateReason = st.caption.Date, sitrep.Day, "caption"
	case a.Doc.Article.Published != "":
		ev.Date, ev.DatePrecision, ev.DateReason = a.Doc.Article.Published, sitrep.Day, "published"
	}
	return bound
}

// quoteDay returns the day named in the sentence of the attribution of
// the direct quotation holding byte offset off, when that sentence is not
// st.
func (a *article) quoteDay(st *sentence, off int) (string, bool) {
	qi := a.directQuote(off, func(q *sitrep.Quote) bool { return q.VerbSpan != nil })
	if qi < 0 || st.Contains(*a.Quotes[qi].VerbSpan) {
		return "", false
	}
	verb := a.Quotes[qi].VerbSpan
	ss := a.Doc.Sentences
	si := sort.Search(len(ss), func(k int) bool { return ss[k].End > verb.Start })
	if si == len(ss) || !ss[si].Contains(*verb) {
		return "", false
	}
	for _, i := range a.within(&a.timexOrder, len(a.Timexes), func(i int) int { return a.Timexes[i].Start }, ss[si].Span) {
		if v, prec, ok := eventDay(&a.Timexes[i]); ok && prec == sitrep.Day && ss[si].Contains(a.Timexes[i].Span) {
			return v, true
		}
	}
	return "", false
}

// offsetDate dates an event told in the clause of "<duration> after" or
// "<duration> before" from the day named before the duration: "deployed on
// Wednesday, a day after protesters stormed the compound" is Tuesday's
// storming. A duration of hours keeps the day.
func (a *article) offsetDate(st *sentence, trig int) (string, bool) {
	anchor := ""
	for _, i := range a.within(&a.timexOrder, len(a.Timexes), func(i int) int { return a.Timexes[i].Start }, st.Span) {
		t := &a.Timexes[i]
		if !st.Contains(t.Span) {
			continue
		}
		if v, prec, ok := eventDay(t); ok && prec == sitrep.Day {
			anchor = v
			continue
		}
		k := st.tokenAt(t.End)
		if t.Type != "DURATION" || anchor == "" || k >= trig || st.words[k] != "after" && st.words[k] != "before" || otherVerbBetween(st, k, trig) {
			continue
		}
		day, err := time.Parse("2006-01-02", anchor)
		y, m, d, ok := durationParts(t.Value)
		if err != nil || !ok {
			return "", false
		}
		if st.words[k] == "after" {
			y, m, d = -y, -m, -d
		}
		return day.AddDate(y, m, d).Format("2006-01-02"), true
	}
	return "", false
}

// durationParts reads a TIMEX3 duration of whole years, months, weeks or
// days ("P1D", "P2W") as years, months and days; hours and minutes
// ("PT5H") are no days.
func durationParts(v string) (y, m, d int, ok bool) {
	if strings.HasPrefix(v, "PT") {
		return 0, 0, 0, true
	}
	if len(v) < 3 || v[0] != 'P' {
		return 0, 0, 0, false
	}
	n, err := strconv.Atoi(v[1 : len(v)-1])
	if err != nil {
		return 0, 0, 0, false
	}
	switch v[len(v)-1] {
	case 'Y':
		return n, 0, 0, true
	case 'M':
		return 0, n, 0, true
	case 'W':
		return 0, 0, 7 * n, true
	case 'D':
		return 0, 0, n, true
	}
	return 0, 0, 0, false
}

// published returns the article's publication day, if it has one.
func (a *article) published() (time.Time, bool) {
	p := a.Doc.Article.Published
	if len(p) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", p[:10])
	return t, err == nil
}

// afterPublication reports whether date v begins more than a day after
// the publication date (false when either is unknown).
func (a *article) afterPublication(v string) bool {
	pub, ok := a.published()
	if !ok {
		return false
	}
	first, _, ok := timex.Range(v)
	return ok && first.Sub(pub) > futureTolerance
}

// isBackground reports whether date v ended more than backgroundAge
// years before the publication date.
func (a *article) isBackground(v string) bool {
	pub, ok := a.published()
	if !ok {
		return false
	}
	_, last, ok := timex.Range(v)
	return ok && last.Before(pub.AddDate(-backgroundAge, 0, 0))
}

// thingTime reports whether the time expression at span names the time
// of a thing rather than when the event (trigger at token trig) happened:
//
//   - it sits inside a noun phrase whose head follows it ("the 2022
//     elections", "Tuesday's vote", "a 1979 amnesty"), unless that head
//     is the event's own trigger ("Monday's attack");
//   - a preposition of bound or purpose governs it ("until March", "by
//     2030", "since 1974", "before May", "a plan for 2022"), or "of" after a noun that is not a
//     part of a time ("the elections of 2022", but "the night of March
//     3"), or "due";
//   - a locative preposition after an adjective that is not the
//     trigger governs it ("due in 2030", "eligible in 2024").
//
// upper reports a preposition that bounds the event from above ("until",
// "by", "before", "to").
func (a *article) thingTime(st *sentence, span sitrep.Span, trig int) (thing, upper bool) {
	i := st.tokenAt(span.Start)
	if i >= len(st.Tokens) {
		return false, false
	}
	j := i
	for j < len(st.Tokens) && st.Tokens[j].Start < span.End {
		j++
	}
	if h := nounPhraseHead(st, i, j); h >= j && h != trig && !st.timex[h] && isNounTag(st.Tokens[h].Tag) && st.Tokens[h].Tag != "CD" && st.Tokens[h].Tag != "PRP" {
		// "Monday's attack killed five": a dated event that is the
		// subject of the event's verb dates what it did.
		return !(j < len(st.Tokens) && st.Tokens[j].Tag == "POS" && subjectOf(st, h, trig)), false
	}
	if w := j; w+1 < len(st.Tokens) && st.words[w] == "," && st.words[w+1] == "when" && trig > w+1 {
		// "since Sunday, when drones bombed the camps": the day a
		// relative "when" follows dates its clause, whatever governs it.
		return false, false
	}
	p := i - 1
	for p >= 0 && (st.Tokens[p].Tag == "DT" || st.words[p] == "as") {
		p-- // "until the spring", "as early as"
	}
	if p < 0 {
		return false, false
	}
	switch st.words[p] {
	case "until", "till", "til", "through", "thru", "by", "before", "to":
		if p == 0 && st.words[p] == "by" && j < len(st.Tokens) && st.words[j] == "," {
			// "By Wednesday, soldiers had deployed": the day a
			// sentence opens with is the state it tells of.
			return false, false
		}
		return true, true
	case "since", "for", "pending", "due":
		// (A lower bound, "from 1988" or "after March 5", is near
		// enough to when a past act began; one ahead of publication is
		// checked like any date.)
		return true, false
	case "of":
		return p > 0 && isNounTag(st.Tokens[p-1].Tag) && !st.timex[p-1] && !timeParts[st.words[p-1]], false
	case "in", "on", "at", "during":
		// "effective on Monday", "due in March"; a capitalised word the
		// tagger took for an adjective is a name ("sent forces to
		// Sanaa on Wednesday").
		q := p - 1
		return q >= 0 && q != trig && (st.Tokens[q].Tag == "JJ" && !isUpper(st.Tokens[q].Text) || st.words[q] == "due"), false
	}
	return false, false
}

// otherVerbBetween reports whether a verb group other than the one
// holding token trig lies between tokens k and trig.
func otherVerbBetween(st *sentence, k, trig int) bool {
	lo, hi := min(k, trig), max(k, trig)
	for i := range st.groups {
		g := &st.groups[i]
		if g.start > lo && g.start < hi && !(g.start <= trig && trig < g.end) {
			return true
		}
	}
	return false
}

// subjectOf reports whether the noun at h is the subject of the verb
// group holding token trig: it comes before it in its clause, with no
// other verb between them.
func subjectOf(st *sentence, h, trig int) bool {
	if h >= trig || hasClauseBreak(st, h, trig) {
		return false
	}
	for i := range st.groups {
		if g := &st.groups[i]; g.start > h && g.start <= trig {
			return trig < g.end
		}
	}
	return false
}

// nounPhraseHead returns the head of the noun phrase chunk that holds
// tokens [i, j) after a determiner or a modifier, or as a possessive, or
// -1 when they are not inside one.
func nounPhraseHead(st *sentence, i, j int) int {
	// Chunk only the stretch around the expression: a noun phrase does
	// not run across a verb, and this keeps the work per expression small.
	from, to := i, j
	for from > 0 && i-from < 8 && !isVerbTag(st.Tokens[from-1].Tag) {
		from--
	}
	for to < len(st.Tokens) && to-j < 8 && !isVerbTag(st.Tokens[to].Tag) {
		to++
	}
	for _, c := range text.Chunks(st.Tokens[from:to]) {
		if c.Kind != text.NP || c.Start+from > i || c.End+from < j {
			continue
		}
		if c.Start+from == i && (j >= len(st.Tokens) || st.Tokens[j].Tag != "POS") {
			// "On Monday police arrested ...": an expression that opens
			// the phrase modifies its noun only as a possessive.
			return -1
		}
		return c.Head + from
	}
	return -1
}

var timeParts = lexicon.set("timeParts") // loaded from lexicon.txt, section [timeParts]

// Tenses of the clause of an event.
const (
	tenseUnknown = iota
	tenseNone    // no finite verb governs the event (a headline, a list)
	tensePast    // past: told as done
	tensePerfect // present perfect: told as done, by now
	tensePresent // present: told as going on or as scheduled
	tenseFuture  // a modal or future
)

// eventTense returns the tense of the clause of the event whose trigger
// is token k: that of the verb group holding it, else of the nearest
// verb group before it in its clause (an event noun's verb), a
// non-finite group (participle, gerund, infinitive) taking the tense of
// the finite verb that governs it.
func eventTense(st *sentence, k int) int {
	gi := -1
	for i := range st.groups {
		g := &st.groups[i]
		if g.start > k {
			break
		}
		if k < g.end || g.head == k || !hasClauseBreak(st, g.end, k) {
			gi = i
		}
	}
	if gi < 0 {
		for i := range st.groups {
			if g := &st.groups[i]; g.start > k && !hasClauseBreak(st, k, g.start) {
				gi = i
				break
			}
		}
	}
	for ; gi >= 0; gi-- {
		if t := groupTense(st, &st.groups[gi]); t != tenseNone {
			return t
		}
		if gi > 0 && hasClauseBreak(st, st.groups[gi-1].end, st.groups[gi].start) {
			break
		}
	}
	return tenseNone
}

// hasClauseBreak reports a clause break (a subordinator, a relative, a
// semicolon) in tokens [from, to).
func hasClauseBreak(st *sentence, from, to int) bool {
	for k := max(from, 0); k < to && k < len(st.words); k++ {
		if clauseBreak(st.words[k], st.Tokens[k].Tag) {
			return true
		}
	}
	return false
}

// groupTense returns the tense of verb group g by its first finite verb:
// a modal is future, a past form past, a present form present, unless it
// is the auxiliary of a present perfect ("has attacked") or of "going
// to". A group with no finite verb has none.
func groupTense(st *sentence, g *verbGroup) int {
	for k := g.start; k <= g.head && k < len(st.Tokens); k++ {
		switch st.Tokens[k].Tag {
		case "MD":
			return tenseFuture
		case "VBD":
			return tensePast
		case "VBZ", "VBP":
			if auxForms[st.words[k]] == "have" && k < g.head && st.Tokens[g.head].Tag == "VBN" {
				return tensePerfect
			}
			if auxForms[st.words[k]] == "be" && k+1 <= g.head && st.words[k+1] == "going" {
				return tenseFuture
			}
			return tensePresent
		}
	}
	return tenseNone
}

// datedEvent is where and when the last event with a date of its own was
// told.
type datedEvent struct {
	date                string
	precision           sitrep.Precision
	paragraph, sentence int
	// present: it was told in the present ("Milley tells reporters on
	// Thursday ..."), as live reports and captions tell the past.
	present bool
}

// frameDate makes the day a sentence opens with, set off by a comma ("Two
// days later, the army chief went further."), or the day of its first verb
// in the simple past ("The crowds arrived on Tuesday."), the day its
// paragraph's narration goes on with when the sentence itself dated no
// event: the next sentence's past tense ("He warned that ...") tells of that
// day, as after a dated event (continues).
func (a *article) frameDate(st *sentence) {
	verb := -1 // the head of the sentence's first verb group, if a simple past
	if len(st.groups) > 0 {
		g := &st.groups[0]
		switch tag := st.Tokens[g.head].Tag; {
		case g.head != g.start:
		case tag == "VBD" && !g.reduced, tag == "VBN" && len(st.groups) == 1:
			// (A lone participle is a past tense the tagger misread:
			// "The crowds arrived on Tuesday.")
			verb = g.head
		}
	}
	for _, i := range a.within(&a.timexOrder, len(a.Timexes), func(i int) int { return a.Timexes[i].Start }, st.Span) {
		t := &a.Timexes[i]
		value, prec, ok := eventDay(t)
		if !ok || !st.Contains(t.Span) {
			continue
		}
		k, e := st.tokenAt(t.Start), st.tokenAt(t.End)
		fronted := (k == 0 || k == 1 && st.Tokens[0].Tag == "IN") && e < len(st.Tokens) && st.words[e] == ","
		if !fronted {
			// "The crowds arrived on Tuesday.": the day of a simple past
			// dates the narration as a fronted one does.
			if verb < 0 {
				return
			}
			if thing, _ := a.thingTime(st, t.Span, verb); thing || otherVerbBetween(st, k, verb) {
				return
			}
		}
		if prec == sitrep.Day && !a.afterPublication(value) && !a.isBackground(value) {
			a.lastDated = &datedEvent{date: value, precision: prec, paragraph: st.Paragraph, sentence: a.sentIndex}
		}
		return
	}
}

// presentTrigger reports whether token k is a verb in the simple present.
func presentTrigger(st *sentence, k int) bool {
	return k < len(st.Tokens) && (st.Tokens[k].Tag == "VBZ" || st.Tokens[k].Tag == "VBP")
}

// continues reports whether sentence st, which has no time expression,
// directly follows the last dated event's sentence in its paragraph and
// goes on narrating it: that event has a day's date and this one's
// trigger is a simple past ("They also detained ..."), or a simple present
// after one told in the present, not a present perfect or a past perfect,
// which step out of the narration.
func (a *article) continues(st *sentence, trigger sitrep.Span) bool {
	d := a.lastDated
	if d == nil || d.paragraph != st.Paragraph || a.sentIndex-d.sentence > 1 || d.precision != sitrep.Day {
		return false
	}
	if slices.Contains(st.timex, true) {
		return false
	}
	k := st.tokenAt(trigger.Start)
	if k >= len(st.Tokens) || st.Tokens[k].Tag != "VBD" && !(d.present && presentTrigger(st, k)) {
		// (A present goes on a narration told in the present: "Milley
		// tells reporters on Thursday ... He warns that ...".)
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if auxForms[st.words[j]] == "have" {
			return false
		}
	}
	return true
}

// relativeBetween reports whether a relative clause opens between the
// event's trigger and a later token k: "demanded that the government
// reverse an increase that took effect this month" is not dated by the
// increase's month.
func relativeBetween(st *sentence, trig, k int) bool {
	for j := trig + 1; j < k; j++ {
		if isRelative(st.words[j], st.Tokens[j].Tag) {
			return true
		}
	}
	return false
}

// relativeOpening returns the relative pronoun that opens the clause of
// the verb at trig when the verb is in the past perfect ("air raids that
// had killed"), or -1. (In the simple past, the relative clause often
// tells what the time before it dates: "a mortar attack Friday that
// killed four".)
func relativeOpening(st *sentence, trig int) int {
	for i := range st.groups {
		if g := &st.groups[i]; g.start <= trig && trig < g.end {
			if j := g.start - 1; j >= 0 && isRelative(st.words[j], st.Tokens[j].Tag) && st.words[g.start] == "had" && st.Tokens[g.head].Tag == "VBN" {
				return j
			}
			return -1
		}
	}
	return -1
}

// insideRelative reports whether token k lies in a relative clause set
// off by commas before the event's trigger: "Rebels, who had attacked the
// town last week, kidnapped two aid workers" is not dated by the attack's
// week.
func insideRelative(st *sentence, k, trig int) bool {
	if k >= trig {
		return false
	}
	open := -1
	for j := k - 1; j >= 0; j-- {
		if st.words[j] == "," {
			open = j
			break
		}
	}
	if open < 0 || open+1 >= k || !isRelative(st.words[open+1], st.Tokens[open+1].Tag) {
		return false
	}
	for j := k + 1; j < trig; j++ {
		if st.words[j] == "," {
			return true
		}
	}
	return false
}

// eventDay returns the calendar date a time expression gives an event:
// a DATE's value, or the day of a TIME ("Tuesday night",
// 2019-12-31TNI: 2019-12-31); ok is false for anything else (durations,
// sets, undated times).
func eventDay(t *sitrep.Timex) (value string, precision sitrep.Precision, ok bool) {
	switch {
	case t.Type == "DATE" && isCalendarValue(t.Value):
		return t.Value, t.Precision, true
	case t.Type == "TIME" && len(t.Value) > 10 && t.Value[4] == '-' && t.Value[7] == '-' && t.Value[10] == 'T' && isCalendarValue(t.Value):
		return t.Value[:10], sitrep.Day, true
	}
	return "", "", false
}

// isCalendarValue accepts TIMEX3 values that name a calendar date or
// period (2019-12-31, 2019-12, 2019-W52, 2019), not durations or refs.
func isCalendarValue(v string) bool {
	return len(v) >= 4 && v[0] >= '0' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9'
}
