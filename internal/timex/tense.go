package timex

// Tense of the clause around an expression, which decides the direction in
// which an underspecified date ("Tuesday", "in March", "May 5", "the
// spring") is resolved from the publication date.
const (
	tenseNone    = 0
	tensePast    = -1
	tenseFuture  = 1
	tensePresent = 2
	// tenseMay is a modal ("would", "may", "should"): it leans ahead but,
	// epistemic as it often is, does not rule the past out.
	tenseMay = 3
	// tensePastAfter is a past verb after an expression inside its
	// clause's subject: a lean, not a rule.
	tensePastAfter = 4
)

// tenseScan is how far (in tokens) the clause is searched for a verb.
const tenseScan = 15

// tag returns the POS tag of token k ("" when the text has none).
func (p *parser) tag(k int) string {
	if k < 0 || k >= len(p.toks) {
		return ""
	}
	return p.toks[k].tag
}

func (p *parser) tagged(k int) bool { return p.tag(k) != "" }

// modalFuture reports whether token k is a modal that points ahead
// ("would", "may", "might", "should", "must", "can"), unless it
// is followed by "have" ("would have won").
func (p *parser) modalFuture(k int) bool {
	switch w := p.w(k); w {
	case "would", "might", "should", "must", "can", "may":
		if w == "may" && p.up(k) && !p.tagged(k) {
			return false // "May" the month
		}
		if w == "may" && p.tagged(k) && p.tag(k) != "MD" {
			return false
		}
		n := k + 1
		if p.w(n) == "not" || p.w(n) == "also" || p.w(n) == "still" {
			n++
		}
		return p.w(n) != "have" && p.w(n) != "'" && p.w(n) != "’"
	}
	return false
}

// pastForm reports whether token k is a verb in the past tense or a past
// participle: by its tag when the text is tagged, else by a short list of
// irregular verbs and the -ed ending, read as a participle whose
// auxiliary (if any) decides.
func (p *parser) pastForm(k int) (past, participle bool) {
	if k < 0 || k >= len(p.toks) {
		return false, false
	}
	return p.pastFormF(k, p.t.tw[p.w(k)])
}

// pastFormF is pastForm with the word's tense classes f looked up.
func (p *parser) pastFormF(k int, f uint16) (past, participle bool) {
	if tg := p.toks[k].tag; tg != "" {
		if tg[0] != 'V' {
			return false, false
		}
		if p.w(k-1) == "to" {
			return false, false // "to cut" mistagged as a past form
		}
		return tg == "VBD", tg == "VBN"
	}
	if f&twIrreg != 0 {
		return false, true
	}
	w := p.w(k)
	if len(w) >= 5 && w[len(w)-2:] == "ed" && w[len(w)-3] != 'e' && !p.up(k) && f&twFuture == 0 && w != "hundred" {
		return false, true
	}
	return false, false
}

// presentFormF reports whether token k (with tense classes f) is a
// finite verb in the present tense (VBZ/VBP, or "is", "are", "has",
// "have" in untagged text).
func (p *parser) presentFormF(k int, f uint16) bool {
	if tg := p.tag(k); tg != "" {
		return tg == "VBZ" || tg == "VBP"
	}
	return f&twPres != 0
}

// tense returns the tense of the clause around tokens [i, j): the first
// verb group found scanning back from the expression decides; an
// expression that opens its clause ("On Tuesday, ministers will meet")
// takes the tense of the verb group after it.
func (p *parser) tense(i, j int) int {
	// Recognizers tried at the same token often ask the same question.
	if p.tenseKey == [2]int{p.base + i + 1, p.base + j} {
		return p.tenseVal
	}
	t := p.possessive(i, j, p.clauseTense(i, j))
	p.tenseKey, p.tenseVal = [2]int{p.base + i + 1, p.base + j}, t
	return t
}

// possessive keeps a modal from moving a day named in the possessive.
func (p *parser) possessive(i, j, t int) int {
	if t == tenseMay && p.isApos(j) && p.w(j+1) == "s" && p.adj(j) {
		// "would look for ways around Wednesday's ruling": a modal does
		// not move a day named in the possessive.
		return tenseNone
	}
	return t
}

func (p *parser) clauseTense(i, j int) int {
	if i < 0 || i >= len(p.toks) {
		return tenseNone
	}
	s := p.toks[i].sent
	if p.w(i-1) == "as" && (p.w(i-2) == "early" || p.w(i-2) == "soon") && p.w(i-3) == "as" {
		return tenseFuture
	}
	participle := false // a past participle seen: its auxiliary decides
	partAt := -1        // where the first participle was seen
	inf := false        // an infinitive seen: a past verb before it does not decide
	opens := true       // only function words between the clause start and i
	k := i - 1
	for ; k >= i-tenseScan; k-- {
		if k < 0 || p.toks[k].sent != s {
			break
		}
		w := p.w(k)
		f := p.t.tw[w]
		if f&twPlan != 0 && p.planInPast(k) {
			return tenseMay // "was due to arrive on Wednesday"
		}
		if f&twFuture != 0 && p.futureWord(k) {
			return tenseFuture
		}
		if f&twModal != 0 && p.modalFuture(k) {
			return tenseMay
		}
		if f&twRel != 0 {
			opens = false // "leases which expire in May"
			break
		}
		if f&twSay != 0 {
			// "said Tuesday": the day of saying; "said talks in March
			// would ...": the reported clause decides.
			if opens {
				if w == "said" || w == "told" {
					return tensePast
				}
				return tenseNone
			}
			break
		}
		if f&twPast != 0 {
			return past(inf)
		}
		if pst, part := p.pastFormF(k, f); pst {
			return past(inf)
		} else if part {
			if !participle {
				partAt = k
			}
			participle = true
			opens = false
			continue
		}
		if w == "to" && p.infinitive(k+1) {
			// "agreed to meet in March", "to be published in March": a
			// non-finite clause, whose time the verb before does not fix.
			participle = false
			inf = true
			continue
		}
		if p.presentFormF(k, f) {
			switch w {
			case "is", "are", "am":
				if participle && !p.auxOf(k, partAt) {
					return past(inf) // "statements made Friday are ..."
				}
				return tensePresent
			}
			if participle {
				return past(inf) // "has been held", "have agreed"
			}
			if p.conditional(k) {
				return tenseMay // "if Labour wins Thursday"
			}
			return tensePresent
		}
		if f&twClause != 0 {
			break
		}
		if f&twOpener == 0 {
			opens = false
		}
	}
	if participle {
		return past(inf) // "shares issued July 1"
	}
	if inf {
		return tenseNone
	}
	if k >= 0 && k >= i-tenseScan && p.toks[k].sent == s && p.t.tw[p.w(k)]&twClause == 0 {
		opens = false // the scan ran out inside the clause
	}
	// Forward: the expression opens its clause, or stands after its verb.
	for k := j; k < len(p.toks) && k < j+tenseScan; k++ {
		if p.toks[k].sent != s {
			break
		}
		w := p.w(k)
		f := p.t.tw[w]
		if w == "," && k == j && opens {
			// "On Tuesday, ministers will meet"; but not across an
			// apposition: "crude for delivery in January, rose 47 cents".
			// The expression's own apposition is skipped: "By Friday,
			// Christmas Day, the crowds had left".
			if m := p.apposition(k); m > 0 {
				k = m
			}
			continue
		}
		if f&twRel != 0 {
			if opens && k > j+1 {
				// "By Wednesday, soldiers who had been ordered there were
				// deployed": a relative clause inside the subject the
				// expression opens; its verbs tell the narration's tense.
				continue
			}
			break // "issued July 1, which will trade ..."
		}
		if f&twSay != 0 {
			// "On Tuesday, he said": the day of saying; "... in early
			// March, an official said": the tense of the report.
			if opens {
				return tensePast
			}
			break
		}
		if f&twFuture != 0 && p.futureWord(k) {
			return tenseFuture
		}
		if f&twModal != 0 && p.modalFuture(k) {
			return tenseMay
		}
		if w == "was" || w == "were" || w == "had" || w == "did" {
			return pastAfter(opens || k == j)
		}
		if past, part := p.pastFormF(k, f); past || part {
			return pastAfter(opens || k == j)
		}
		if p.presentFormF(k, f) {
			if w == "has" || w == "have" {
				n := k + 1
				if p.w(n) == "not" || p.w(n) == "n" {
					n++
				}
				if _, part := p.pastForm(n); part || p.w(n) == "been" {
					return tensePast
				}
			}
			return tensePresent
		}
		if f&twClause != 0 {
			break
		}
	}
	return tenseNone
}

// apposition returns the comma closing a short verbless phrase that
// follows the comma at k ("Friday, Christmas Day, ..."), or -1.
func (p *parser) apposition(k int) int {
	s := p.toks[k].sent
	for m := k + 1; m < len(p.toks) && m <= k+5 && p.toks[m].sent == s; m++ {
		w := p.w(m)
		if w == "," {
			if m == k+1 {
				return -1
			}
			return m
		}
		f := p.t.tw[w]
		if past, part := p.pastFormF(m, f); past || part || p.presentFormF(m, f) || f&(twModal|twFuture|twClause|twRel|twSay) != 0 {
			return -1
		}
	}
	return -1
}

// conditional reports whether the present-tense verb at k stands in a
// clause opened by "if", "unless", "once" or "until", which speaks of
// the future: "if Labour wins Thursday".
func (p *parser) conditional(k int) bool {
	s := p.toks[k].sent
	for m := k - 1; m >= 0 && m >= k-6 && p.toks[m].sent == s; m-- {
		switch p.w(m) {
		case "if", "unless", "once", "until":
			return true
		}
		if p.t.tw[p.w(m)]&twClause != 0 {
			return false
		}
	}
	return false
}

// auxOf reports whether token k is the auxiliary of the participle at v:
// only adverbs and "been"/"being" stand between them ("is held", "are
// still being held").
func (p *parser) auxOf(k, v int) bool {
	for m := k + 1; m < v; m++ {
		switch w := p.w(m); {
		case w == "been", w == "being", w == "not", w == "also", w == "still", w == "now", w == "already":
		case p.tag(m) == "RB":
		default:
			return false
		}
	}
	return true
}

// planInPast reports whether token k is a plan reported in the past:
// "was due to", "had been scheduled for", "were expected to".
func (p *parser) planInPast(k int) bool {
	switch p.w(k) {
	case "scheduled", "expected", "set", "due", "slated", "planning", "going":
	default:
		return false
	}
	switch p.w(k - 1) {
	case "was", "were":
	case "been":
		if p.w(k-2) == "had" {
			return false // "had been due to expire Friday": it has passed
		}
	default:
		return false
	}
	n := p.w(k + 1)
	return n == "to" || n == "for" || n == "on"
}

// pastAfter is the tense of a past verb found after the expression: it
// rules an expression that opens its clause ("In March, rebels took the
// town") or stands right before the verb ("Iran in February stopped"),
// and only leans for one inside a longer subject.
func pastAfter(opens bool) int {
	if opens {
		return tensePast
	}
	return tensePastAfter
}

// past is the tense of a past verb found before an infinitive or not.
func past(inf bool) int {
	if inf {
		return tenseNone
	}
	return tensePast
}

// infinitive reports whether token k, after "to", is a bare verb.
func (p *parser) infinitive(k int) bool {
	if tg := p.tag(k); tg != "" {
		return tg == "VB" || tg == "VBD" || tg == "VBN" || tg == "VBP" // "to cut" is often mistagged
	}
	if k >= len(p.toks) || !p.toks[k].word || p.up(k) || p.num(k) >= 0 {
		return false
	}
	switch p.w(k) {
	case "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
		"these", "those", "some", "all", "date", "day", "week", "month", "year", "be":
		return p.w(k) == "be"
	}
	_, unit := p.t.units[p.w(k)]
	return !unit
}

// futureClause reports whether the clause around tokens [i, j) speaks of
// the future.
func (p *parser) futureClause(i, j int) bool {
	t := p.tense(i, j)
	return t == tenseFuture || t == tenseMay
}

// bias weighs the distance of a candidate date before (past) and after
// (future) the publication date: the candidate with the smallest
// weighted distance wins.
type bias struct{ past, future int }

var (
	biasNone      = bias{1, 2} // news mostly looks back
	biasPast      = bias{1, 8}
	biasFuture    = bias{1 << 20, 1} // a future clause never names a past date
	biasOnlyPast  = bias{1, 1 << 20}
	biasOnlyAhead = bias{1 << 20, 1}
)

// dateBias returns how an underspecified date over tokens [i, j) is
// resolved from the publication date: "since" and "last" look back,
// "next" ahead; otherwise the tense of the clause weighs the choice, so
// that "began in March" is the last March and "will end in March" the
// next, while a near date still wins in a past clause ("the offer was
// extended to Nov. 20"). A deadline preposition ("by", "until",
// "through") leans ahead.
func (p *parser) dateBias(i, j int) bias {
	k := i - 1
	for k >= 0 && k > i-5 {
		switch p.w(k) {
		case "early", "late", "mid", "-", "the", "end", "beginning", "start", "middle", "of", "around", "about":
			k--
			continue
		}
		break
	}
	prep := p.w(k)
	switch {
	case prep == "since", k == i-1 && (prep == "last" || prep == "past"):
		return biasOnlyPast
	case k == i-1 && prep == "next":
		return biasOnlyAhead
	}
	deadline, ahead := false, false
	switch prep {
	case "until", "till", "by", "through", "before", "past":
		deadline, ahead = true, true
	case "for", "to":
		deadline = true // "was pencilled in for May 23", "extended to Nov. 20"
	}
	if p.prenominal(i, j) {
		// "the May 29 elections", "the July 1 handover": the clause's verb
		// does not govern the date.
		return biasNone
	}
	switch p.tense(i, j) {
	case tensePast:
		if deadline {
			return biasNone
		}
		return biasPast
	case tenseFuture:
		return biasFuture
	case tenseMay:
		return bias{4, 1}
	case tensePastAfter:
		if deadline {
			return biasNone
		}
		return bias{1, 4}
	}
	if !ahead {
		deadline = false
	}
	if deadline {
		return bias{4, 1}
	}
	return biasNone
}

// prenominal reports whether the date over tokens [i, j) modifies the
// noun after it: "the May 29 elections", "its June 1 deadline".
func (p *parser) prenominal(i, j int) bool {
	switch p.w(i - 1) {
	case "the", "a", "its", "their", "his", "her", "our", "this", "next", "last", "that":
	default:
		return false
	}
	if j >= len(p.toks) || !p.toks[j].word || p.up(j) || p.num(j) >= 0 {
		return false
	}
	w := p.w(j)
	return !p.t.opener[w] && !p.t.clause[w] && !p.t.pastVerb[w] && !p.t.future[w] && !p.t.relPron[w] &&
		w != "is" && w != "are" && w != "will" && w != "would" && w != "or" && w != "to"
}

// hard turns a tense lean into a rule, for month names: a past clause
// names the last such month.
func (b bias) hard() bias {
	if b == biasPast {
		return biasOnlyPast
	}
	return b
}
