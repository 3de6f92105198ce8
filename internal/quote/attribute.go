package quote

import (
	"strings"

	sitrep "github.com/sitrep-project/sitrep"
)

// speaker is a resolved speaker.
type speaker struct {
	name string
	span sitrep.Span
	ok   bool
	// named is set for entities, pronouns and proper names.
	named bool
}

// paragraph appends the quotes of one paragraph to out.
func (x *extractor) paragraph(sents []sitrep.Sentence, out []sitrep.Quote) []sitrep.Quote {
	x.load(sents)
	first := len(out)
	pending := x.pending
	x.pending = nil
	if pending != nil && len(x.regions) > 0 && x.regions[0].open == 0 {
		// The quotation announced at the end of the paragraph before.
		if q, ok := x.inner(x.regions[0]); ok {
			x.used[0] = true
			q.Speaker, q.SpeakerSpan, q.Verb, q.VerbSpan = pending.Speaker, pending.SpeakerSpan, pending.Verb, pending.VerbSpan
			out = append(out, q)
			first = len(out)
		}
	}
	out = x.colonLead(out)
	for v := 0; v < len(x.toks); v++ {
		if x.inQ[v] >= 0 {
			continue
		}
		if x.is(v, "according") && x.is(v+1, "to") {
			out = x.according(v, out)
			continue
		}
		if x.is(v, "in") {
			out = x.inPoll(v, out, first)
			continue
		}
		switch tg := x.tag(v); {
		case tg == "" || tg == "NN" || tg == "NNS" || tg == "NNP" || strings.HasPrefix(tg, "VB"):
		default:
			continue // only verbs and nouns that may be mistagged verbs
		}
		lemma := lemmaOf(x.toks[v].Text)
		if lemma == "" {
			continue
		}
		if tg := x.tag(v); tg != "" && !strings.HasPrefix(tg, "VB") && !x.mistaggedVerb(v, lemma) {
			continue
		}
		var q sitrep.Quote
		var ok bool
		q, ok = x.attribute(v, lemma, out[first:])
		if ok {
			out = append(out, q)
		}
	}
	out = x.colonQuotes(out)
	return x.continuations(out, first)
}

// colonQuotes reads a quotation that a colon introduces, with no verb of
// saying, after a sentence opening with a person's name: the person is
// the speaker, as in "Ruth Achieng put it bluntly on Friday: “The rules
// are new.”" and "Ruth Achieng, speaking at the briefing: “...”". The
// name must be the only person named before the colon, and no possessive
// ("Achieng's critics were blunt: ...").
func (x *extractor) colonQuotes(out []sitrep.Quote) []sitrep.Quote {
	for ri, reg := range x.regions {
		o := reg.open
		if x.used[ri] || o < 2 || !x.is(o-1, ":") || x.inQ[o-1] >= 0 {
			continue
		}
		ss := x.sentStart[o]
		person := -1
		for _, i := range x.ix.starting(x.toks[ss].Start, x.toks[o-1].Start) {
			if en := x.ix.ents[i]; en.Type == sitrep.Person {
				if person >= 0 {
					person = -1
					break
				}
				person = i
			}
		}
		if person < 0 {
			continue
		}
		en := x.ix.ents[person]
		a := ss
		for a < o && x.toks[a].End <= en.Start {
			a++
		}
		e := a
		for e < o && x.toks[e].Start < en.End {
			e++
		}
		if a-ss > 3 || e >= o-1 || x.is(e, "'s", "'", "’s") || x.inQ[a] >= 0 {
			continue
		}
		q, ok := x.inner(reg)
		if !ok {
			continue
		}
		x.used[ri] = true
		out = append(out, x.finish(q, speaker{name: en.Name, span: en.Span, ok: true, named: true}, x.toks[o-1]))
	}
	return out
}

// continuations extends a direct quote over the quotations that follow it
// in the next sentences of the paragraph without an attribution of their
// own: "“A,” she said. “B.”" is one quote of hers from A to B; so is
// "“A,” she said on Monday, “B.”", the attribution inside the sentence.
func (x *extractor) continuations(out []sitrep.Quote, first int) []sitrep.Quote {
	if len(out) == first {
		return out
	}
	for ri, reg := range x.regions {
		o := reg.open
		if x.used[ri] || o == 0 || reg.close >= len(x.toks) {
			continue
		}
		last := &out[len(out)-1]
		inside := x.sentStart[o] != o
		if inside && (!x.is(o-1, ",") || last.VerbSpan == nil || last.End > last.VerbSpan.Start || last.VerbSpan.End > x.toks[o-1].Start ||
			x.sentStart[o] != x.sentStart[o-1] || last.Start < x.toks[x.sentStart[o]].Start) {
			continue
		}
		prev := x.toks[x.sentStart[o-1]].Start
		if last.Kind != Direct || last.SpeakerSpan == nil || last.End < prev || last.End > x.toks[o].Start {
			continue
		}
		c, ok := x.inner(reg)
		if !ok {
			continue
		}
		x.used[ri] = true
		last.End = c.End
		last.Text += " " + c.Text
	}
	return out
}

// verbListMember reports whether the past verb at v, after the comma at
// p, is a middle member of a list of verbs sharing the sentence's subject
// ("Kravets spoke at the briefing, said that ..., and explained that"): a
// past verb ends the comma's clause before it, and "and" with a past verb
// comes after v.
func (x *extractor) verbListMember(v, p, ss, se int) bool {
	if !x.is(p, ",") || x.tag(v) != "VBD" {
		return false
	}
	before := false
	for k := p - 1; k > ss && x.inQ[k] < 0 && !x.is(k, ","); k-- {
		if x.tag(k) == "VBD" {
			before = true
			break
		}
	}
	if !before {
		return false
	}
	for k := v + 1; k+1 < se; k++ {
		if x.is(k, "and") && x.tag(k+1) == "VBD" {
			return true
		}
	}
	return false
}

// verbalAttack reports whether "attack" at token v, its subject at
// token subj with speaker sp, is words rather than violence: its subject
// is a named person or a personal pronoun, its object a person (a name, a
// pronoun, a person's title or role), or what it is attacked as follows
// ("attacked the controls as ineffective").
func (x *extractor) verbalAttack(v, subj int, sp speaker) bool {
	if x.is(subj, "he", "she", "i", "we", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady") {
		return true
	}
	if sp.ok && sp.named {
		for _, i := range x.ix.starting(sp.span.Start, sp.span.End) {
			if en := x.ix.ents[i]; en.Type == sitrep.Person && en.End <= sp.span.End {
				return true // "Mr Cable attacked Labour's taxes"
			}
		}
	}
	for k := v + 1; k < x.sentEnd[v] && k <= v+8 && !x.is(k, ",", ";"); k++ {
		if x.is(k, "as") && k+1 < len(x.toks) && strings.HasPrefix(x.tag(k+1), "JJ") {
			return true
		}
	}
	o := v + 1
	for o < len(x.toks) && (x.tag(o) == "DT" || x.tag(o) == "PRP$" || strings.HasPrefix(x.tag(o), "JJ") || x.tag(o) == "RB") {
		o++
	}
	if o >= len(x.toks) {
		return false
	}
	if x.is(o, "him", "her", "them", "me", "us", "each") {
		return true
	}
	for _, i := range x.ix.starting(x.toks[o].Start, x.toks[o].Start) {
		if x.ix.ents[i].Type == sitrep.Person {
			return true
		}
	}
	e := o
	for e+1 < len(x.toks) && strings.HasPrefix(x.tag(e+1), "NN") && strings.HasPrefix(x.tag(e), "NN") {
		e++
	}
	return agentNouns[x.low(e)] && !x.is(e, "police", "government", "state", "house", "party", "department", "ministry", "agency", "company", "firm", "board", "council", "union")
}

// restrictiveRelative returns the "who" of a relative clause that ends
// at token p, before a finite reporting verb, when it follows a noun and
// its own finite verb follows it: "an official who spoke on condition of
// anonymity | said"; -1 when there is none.
func (x *extractor) restrictiveRelative(p, ss int) int {
	for k := p - 1; k > ss && k >= p-12; k-- {
		if x.inQ[k] >= 0 || x.is(k, ",", ";", ":", "--", "—") {
			return -1
		}
		if !x.is(k, "who") {
			continue
		}
		n := k + 1
		if x.tag(n) == "RB" {
			n++
		}
		if n > p || !(finiteTag(x.tag(n)) || x.tag(n) == "MD") || !strings.HasPrefix(x.tag(k-1), "NN") || x.npLeft(k-1, ss) > k-1 {
			return -1
		}
		for j := n + 1; j <= p; j++ {
			if x.tag(j) == "CC" {
				return -1 // "assistants who flirt with their bosses and let them think"
			}
		}
		return k
	}
	return -1
}

// finiteTag reports whether tag is that of a finite verb.
func finiteTag(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" }

// quotedAs returns the token of "quoted" in "was quoted as saying" or
// "was quoted by the agency as saying", the gerund being token v, or -1.
func (x *extractor) quotedAs(v, ss int) int {
	if !x.is(v-1, "as") {
		return -1
	}
	for k := v - 2; k > ss && k >= v-10 && x.inQ[k] < 0; k-- {
		if x.is(k, "quoted") {
			if k == v-2 || x.is(k+1, "by") {
				return k
			}
			return -1
		}
	}
	return -1
}

// attribute builds the quote of the reporting verb at token v.
func (x *extractor) attribute(v int, lemma string, prev []sitrep.Quote) (sitrep.Quote, bool) {
	ss, se := x.sentStart[v], x.sentEnd[v]
	vt := x.toks[v]
	gerund := x.tag(v) == "VBG" || strings.HasSuffix(strings.ToLower(vt.Text), "ing")

	// Left side: subject, inheritance or inversion.
	var sp speaker
	inherit, inverted, relative := false, false, false
	subjStart := v
	p := v - 1
	if q := x.quotedAs(v, ss); q >= 0 {
		// "X was quoted (by the agency) as saying": X speaks, as if the
		// passive were a finite verb of saying.
		p, gerund = q-1, false
	}
	for p >= ss && x.inQ[p] < 0 {
		if auxWords[x.low(p)] || x.tag(p) == "RB" || x.tag(p) == "MD" {
			p--
			continue
		}
		// "Trump and Sanders both argued": a floating quantifier.
		if x.is(p, "both", "all", "each") && p > ss && (strings.HasPrefix(x.tag(p-1), "NN") || x.tag(p-1) == "PRP") {
			p--
			continue
		}
		// "Trump on Tuesday said": a date between subject and verb.
		if timeWords[x.low(p)] && p > ss && x.inQ[p-1] < 0 {
			p--
			if x.is(p, "on") {
				p--
			}
			continue
		}
		// A parenthesis before the verb: "Rep. Gwen Moore (D-Wis.) said",
		// "Gov. John Kasich (R-OH), said".
		if x.is(p, ",") && x.is(p-1, ")") {
			p--
		}
		if x.is(p, ")") {
			q := p - 1
			for q > ss && !x.is(q, "(") && p-q < 12 {
				q--
			}
			if x.is(q, "(") {
				p = q - 1
				continue
			}
		}
		break
	}
	rel := -1 // "A senior official who spoke on condition of anonymity said"
	if finiteTag(x.tag(v)) {
		rel = x.restrictiveRelative(p, ss)
	}
	switch {
	case p < ss:
		inverted = true
	case x.is(p, "and", "but", "or") || (gerund && (x.is(p, ",", "—", "–", "--") || (isCloseMark(x.toks[p]) && x.is(p-1, ","))) || x.verbListMember(v, p, ss, se)):
		inherit = true
	case x.is(p, ","):
		// Appositive ("X, the chairman of Y, told") or inversion ("…, said X").
		q := p - 1
		for q > ss && !x.is(q, ",") && x.inQ[q] < 0 && p-q < 25 {
			q--
		}
		if q > ss && x.is(q, ",") && x.npLeft(q-1, ss) <= q-1 && x.inQ[q-1] < 0 && (x.tag(q+1) == "DT" || x.tag(q+1) == "PRP$" || x.tag(q+1) == "NN" || x.tag(q+1) == "JJ" || x.tag(q+1) == "CD" || x.is(q+1, "who") || x.possessive(q+1)) {
			a, e := x.npLeft(q-1, ss), q
			for range 2 {
				// "Ali Demir, the army chief, a former pilot, said": the
				// first of a chain of appositives names the speaker.
				b := x.npLeft(a-2, ss)
				if a-2 <= ss || !x.is(a-1, ",") || b > a-2 || x.inQ[a-2] >= 0 || x.tag(a) != "DT" && x.tag(a) != "PRP$" {
					break
				}
				a, e = b, a-1
			}
			sp = x.resolve(a, e)
			subjStart = a
		} else if q >= ss && x.is(q, ",") && q+1 < p && x.npLeft(p-1, q+1) == q+1 && !x.isClauseEnd(x.skipAdverbials(v+1, se), se) && !x.is(v+1, ",") {
			// "Another delegate, Jim Poolman, said he …": the name between
			// the commas speaks, and the content follows.
			sp = x.resolve(q+1, p)
			subjStart = q + 1
			if a := x.npLeft(q-1, ss); a > ss && a <= q-1 && isCloseMark(x.toks[a-1]) {
				// "“…,” the army chief, Gen. Luc Ferrand, told": the
				// title after the quotation is the speaker's, no content.
				subjStart = a
			}
		} else if a, e := x.leadSubject(ss, p); e > a && x.contentFollows(v, se) {
			// "Jillian Chase, 27, a user in New York, said the …": a chain
			// of appositives and relative clauses after the subject.
			sp = x.resolve(a, e)
			subjStart = a
		} else {
			inverted = true
		}
	case x.inQ[p] >= 0 && isCloseMark(x.toks[p]):
		inverted = true
	case x.is(p, "who") && x.is(p-1, ",") && x.npLeft(p-2, ss) <= p-2:
		// "Barkley, who said he …": the relative pronoun is the speaker's
		// mention, named by the phrase it follows.
		sp = x.resolve(x.npLeft(p-2, ss), p-1)
		sp.span = x.toks[p].Span
		subjStart, relative = p, true
	case x.is(p, "who") && lemmas[lemma] < stanceVerb && x.npLeft(p-1, ss) <= p-1:
		// "voters who said Wall Street …"
		sp = x.resolve(x.npLeft(p-1, ss), p)
		sp.span = x.toks[p].Span
		subjStart, relative = p, true
	case rel >= 0:
		// The noun the relative clause modifies speaks, not the last noun
		// of the clause.
		a := x.npLeft(rel-1, ss)
		sp = x.resolve(a, rel)
		subjStart = a
	default:
		a := x.npLeft(p, ss)
		if a <= p {
			sp = x.resolve(a, p+1)
			subjStart = a
			if b, prep := x.complementHead(a, ss); b >= 0 && !(sp.named && x.personAt(sp.span)) {
				// "A spokesman for the ministry said", "Officials in
				// Nairobi said", "a refugee living in Kenya had said": the
				// noun phrase before the preposition speaks, not its
				// object.
				if h := x.resolve(b, prep); h.named {
					sp = h
				} else {
					span := sitrep.Span{Start: x.toks[b].Start, End: x.toks[p].End}
					sp = speaker{name: x.text[span.Start:span.End], span: span, ok: true}
				}
				subjStart = b
			}
		}
	}
	class := lemmas[lemma]
	if gerund && !inherit {
		return sitrep.Quote{}, false
	}
	if class != clauseVerb && x.tag(v) == "VBN" {
		// "was criticized by", "a plan called X": a passive or a reduced
		// relative has no speaker for its subject.
		if !x.is(v-1, "has", "have", "had") && !(x.tag(v-1) == "RB" && x.is(v-2, "has", "have", "had")) {
			return sitrep.Quote{}, false
		}
	}
	if lemma == "attack" && !inherit && !x.verbalAttack(v, subjStart, sp) {
		// "Militants attacked a police station" reports violence, not
		// words: an attack is a stance only by or on a person.
		return sitrep.Quote{}, false
	}
	if inherit {
		var last *sitrep.Quote
		if len(prev) > 0 {
			last = &prev[len(prev)-1]
		}
		switch {
		case last != nil && last.VerbSpan != nil && last.VerbSpan.Start >= x.toks[ss].Start:
			// A reporting verb of the same sentence passes its speaker on.
			sp = speaker{name: last.Speaker, ok: true, named: true}
			if last.SpeakerSpan != nil {
				sp.span = *last.SpeakerSpan
			}
		default:
			// Else the sentence's subject speaks: "X attacked Y, saying …".
			if a, e := x.clauseSubject(ss, v); e > a {
				if c := x.resolve(a, e); agentive(c) {
					sp = c // not "The fracas began …, saying"
				}
			}
		}
	}
	// "“…,” Scott Pruitt, the attorney general of Oklahoma, said": the
	// speaker follows the quotation and an appositive precedes the verb.
	if !inherit && !sp.ok && inverted && x.is(v-1, ",") {
		for k := v - 2; k > ss; k-- {
			if x.inQ[k] >= 0 {
				if isCloseMark(x.toks[k]) && x.is(k-1, ",") {
					if e := x.npRight(k+1, v); e > k+1 {
						if q, ok := x.before(k+1, ss); ok {
							a := k + 1
							if x.is(e, ",") && x.nameBetween(e+1, v-1) {
								// "“…,” the foreign minister, Mwangi
								// Kamau, said": the name speaks.
								a, e = e+1, v-1
							}
							return x.finish(q, x.resolve(a, e), vt), true
						}
					}
				}
				break
			}
			if x.tag(k) == "VBD" || x.tag(k) == "VBZ" || x.tag(k) == "VBP" || x.tag(k) == "MD" {
				break // a clause, not an appositive ("managing director")
			}
		}
	}

	// Only speech verbs invert ("…, said X", "…, asked X"); "…, told X"
	// has its speaker before the verb.
	if inverted && (lemmas[lemma] == stanceVerb || objectVerbs[lemma] && lemma != "ask") {
		return sitrep.Quote{}, false
	}
	after := v + 1
	if inverted {
		// "…,” said X" / "…, said X": the speaker follows the verb.
		e := x.npRight(v+1, se)
		if e == v+1 {
			return sitrep.Quote{}, false
		}
		sp = x.resolve(v+1, e)
		after = e
	}
	if !inverted && !inherit && (x.tag(v) == "VBN" || x.tag(v) == "VBD") && x.is(v-1, "was", "were", "is", "are", "been", "being", "be") {
		// "Somalia was warned by Kamau that ...": the agent speaks, not
		// the subject, also past a date ("were told on Friday by") and
		// when the tagger read a past ("It was said/VBD by"). (Without
		// an agent the subject stays: PolNeAR counts "X was told that
		// ..." as X's attribution.)
		by := v + 1
		if x.tag(by) == "RB" {
			by++
		}
		if x.is(by, "on") && timeWords[x.low(by+1)] {
			by += 2
		} else if timeWords[x.low(by)] {
			by++
		}
		if e := x.npRight(by+1, se); x.is(by, "by") && e > by+1 {
			sp, after, subjStart = x.resolve(by+1, e), e, v
		}
	}
	if !sp.ok || class == stanceVerb && !agentive(sp) {
		return sitrep.Quote{}, false
	}

	// Content before the attribution: "“…,” X said." / "…, X said."
	// A quotation just before the attribution is its content whatever
	// follows ("“…,” she said several months later").
	// A quotation that closed the sentence before ("… .” He said") is
	// not this verb's.
	rest := x.skipAdverbials(after, se)
	// A quotation that ends the sentence before a bare attribution ("“…?”
	// Rubio said.") is its content.
	if objectVerbs[lemma] && !inverted {
		// "“…?” Todd asked the mogul.": the addressee is no content.
		if e := x.npRight(rest, se); e > rest {
			rest = x.skipAdverbials(e, se)
		}
	}
	bare := x.isClauseEnd(rest, se) || x.is(rest, "as", "while", "when", "after", "before", ",")
	quoteBefore := subjStart > ss && isCloseMark(x.toks[subjStart-1]) ||
		subjStart == ss && subjStart > 0 && isCloseMark(x.toks[subjStart-1]) && (x.is(subjStart-2, ",", "?", "!") || bare) ||
		(x.is(subjStart-1, ",") && subjStart-1 > ss && isCloseMark(x.toks[subjStart-2]))
	// "Asked about it, X said, “…”" and "…, X said: …": the content follows.
	quoteAfter := x.is(rest, ":") || x.is(rest, ",") && rest+1 < se && isOpenMark(x.toks[rest+1])
	// "This campaign, he says, is different": the attribution interrupts
	// its content, which runs on with the predicate.
	// "On ABC's “This Week,” X said the …": a quoted title after a
	// preposition or possessive is a name, not the content.
	if quoteBefore && !inverted && x.titleBefore(subjStart) && x.contentFollows(v, se) {
		quoteBefore = false
	}
	if !inherit && !relative && !quoteBefore && !inverted && class < stanceVerb && subjStart-1 > ss && x.is(subjStart-1, ",") && x.is(rest, ",") && x.inQ[subjStart-2] < 0 && x.continuesClause(rest+1, se) {
		if e := x.clauseEnd(rest+1, se); e > rest+1 {
			a := x.content(ss, subjStart-1)
			b := x.content(rest+1, e)
			q := x.content(ss, e)
			q.Text = a.Text + " " + b.Text
			return x.finish(q, sp, vt), true
		}
	}
	if !inherit && !relative && (class < stanceVerb || quoteBefore) && (quoteBefore || inverted || x.is(subjStart-1, ",")) && (quoteBefore || !quoteAfter) {
		if quoteBefore || x.isClauseEnd(rest, se) || x.is(rest, ",", "—", "–", "--") {
			if q, ok := x.before(subjStart, ss); ok {
				return x.finish(q, sp, vt), true
			}
		}
	}
	if inverted {
		// "Said Jane Roe, who grew up here, “We were proud.”": a verb that
		// opens its sentence takes the quotation after its speaker.
		if p < ss {
			for k := after; k < se; k++ {
				if r := x.inQ[k]; r >= 0 && isOpenMark(x.toks[k]) && !x.used[r] {
					if q, ok := x.inner(x.regions[r]); ok {
						x.used[r] = true
						return x.finish(q, sp, vt), true
					}
				}
			}
		}
		return sitrep.Quote{}, false
	}
	// "Still, he said, officials have …": a parenthetical attribution after
	// a short opener reports the clause that follows it.
	if !inherit && !relative && class < stanceVerb && x.is(subjStart-1, ",") && x.is(rest, ",") && x.startsClause(rest+1, se) {
		if e := x.clauseEnd(rest+1, se); e > rest+1 {
			return x.finish(x.content(rest+1, e), sp, vt), true
		}
	}

	// Content after the verb.
	r := v + 1
	quoteOnly := class == quoteVerb
	if asVerbs[lemma] && !x.asAhead(r, se) {
		// "see him as an asset" is a view; "saw the crash" is not.
		return sitrep.Quote{}, false
	}
	if objectVerbs[lemma] {
		if e := x.npRight(r, se); e > r && !x.is(r, "that") {
			r = e
		}
	}
	if class == stanceVerb {
		// "referred to X", "called for a ban": the preposition belongs
		// to the content, so only adverbs and particles are skipped.
		for r < se && x.inQ[r] < 0 && (x.tag(r) == "RB" || x.tag(r) == "RP") {
			r++
		}
	} else {
		r = x.skipAdverbials(r, se)
	}
	if x.is(r, ",") && r+1 < len(x.toks) && isOpenMark(x.toks[r+1]) {
		r++
	}
	if x.is(r, ":") {
		r++
		if r == len(x.toks) && class != stanceVerb {
			q := x.finish(sitrep.Quote{}, sp, vt)
			x.pending = &q
			return sitrep.Quote{}, false
		}
	}
	if r < len(x.toks) && isOpenMark(x.toks[r]) && x.inQ[r] >= 0 {
		reg := x.regions[x.inQ[r]]
		if x.used[x.inQ[r]] {
			return sitrep.Quote{}, false
		}
		x.used[x.inQ[r]] = true
		q, ok := x.inner(reg)
		if !ok {
			return sitrep.Quote{}, false
		}
		return x.finish(q, sp, vt), true
	}
	switch {
	case quoteOnly:
		return sitrep.Quote{}, false
	case x.is(r, "that"):
		r++
	case class == clauseVerb && x.startsClause(r, se):
	case class < stanceVerb && x.thatAhead(r, se) > r:
		// "told The Post and Courier of Charleston on Saturday that …"
		r = x.thatAhead(r, se) + 1
	default:
		// Whatever else follows in the clause is the content: "asked
		// whether …", "said so", "called for a ban", "wants to win".
		if r >= se || x.isClauseEnd(r, se) || x.is(r, ",", ":", "--", "—", "–", "(", ")") || x.tag(r) == "." || x.tag(r) == "CC" || x.tag(r) == "WDT" {
			return sitrep.Quote{}, false
		}
		// Speech and thought verbs report a question or an intention
		// ("asked whether", "vowed to"), or a one-word answer ("said so").
		if class == clauseVerb && !x.npStart(r) && !x.is(r, "whether", "if", "how", "what", "why", "who", "when", "where", "which", "to", "so", "yes", "no") {
			return sitrep.Quote{}, false
		}
	}
	e := x.clauseEnd(r, se)
	if e <= r {
		return sitrep.Quote{}, false
	}
	return x.finish(x.content(r, e), sp, vt), true
}

// isClauseEnd reports whether token r ends the clause: sentence end,
// terminal punctuation, or a closing quotation mark.
func (x *extractor) isClauseEnd(r, se int) bool {
	if r >= se {
		return true
	}
	switch x.toks[r].Text {
	case ".", "!", "?", ";":
		return true
	}
	return false
}

// clauseEnd finds where the reported clause starting at r ends: at the
// sentence end, before a coordinated or participial reporting verb ("and
// warned that", ", explaining that"), or before ", according to".
func (x *extractor) clauseEnd(r, se int) int {
	e := se
	for i := r; i < se; i++ {
		// "“the game has changed,” explaining that": the comma sits inside
		// the marks, so the closing mark is the boundary.
		closeComma := isCloseMark(x.toks[i]) && x.is(i-1, ",")
		if x.inQ[i] >= 0 && !closeComma {
			continue
		}
		if x.is(i, ",") {
			// "…, a witness said.": a closing attribution of its own.
			if n := x.npRight(i+1, se); n > i+1 && n < se && lemmaOf(x.toks[n].Text) != "" && strings.HasPrefix(x.tag(n), "VB") && x.isClauseEnd(x.skipAdverbials(n+1, se), se) {
				e = i
				break
			}
		}
		if x.is(i, ",", "and", ";") || closeComma {
			cut := i
			if closeComma {
				cut = i + 1
			}
			j := i + 1
			if x.is(j, "and") {
				j++
			}
			for j < se && (x.tag(j) == "RB" || auxWords[x.low(j)]) {
				j++
			}
			if x.is(j, "according") && x.is(j+1, "to") {
				e = cut
				break
			}
			// "… and praised Y": a coordinated finite reporting verb
			// starts a quote of its own.
			if x.is(i, "and") && j < se && lemmaOf(x.toks[j].Text) != "" && (x.tag(j) == "VBD" || x.tag(j) == "VBZ" || x.tag(j) == "VBP") {
				e = cut
				break
			}
			if l := lemmaOf(x.toks[min(j, se-1)].Text); l != "" && j < se && (strings.HasPrefix(x.tag(j), "VB") || x.tag(j) == "") {
				k := j + 1
				if objectVerbs[l] {
					k = x.npRight(k, se)
				}
				k = x.skipAdverbials(k, se)
				if x.is(k, "that", ":") || (k < se && isOpenMark(x.toks[k])) || x.tag(j) == "VBG" {
					e = cut
					break
				}
			}
		}
		if x.is(i, ";") {
			e = i
			break
		}
	}
	// A quotation opened inside the clause runs to its closing mark.
	for i := r; i < e; i++ {
		if q := x.inQ[i]; q >= 0 && x.regions[q].close >= e {
			e = min(x.regions[q].close+1, len(x.toks))
			break
		}
	}
	// Drop trailing punctuation outside quotation marks.
	for e > r && x.inQ[e-1] < 0 && (x.is(e-1, ".", ",", "!", "?", ";", ":") || x.tag(e-1) == ".") {
		e--
	}
	return e
}

// before returns the content preceding an attribution starting at token b.
func (x *extractor) before(b, ss int) (sitrep.Quote, bool) {
	k := b - 1
	if x.is(k, ",") {
		k--
	}
	// "“…,” X said": the quotation just before.
	if k >= 0 && x.inQ[k] >= 0 && isCloseMark(x.toks[k]) {
		qi := x.inQ[k]
		if x.used[qi] {
			return sitrep.Quote{}, false
		}
		x.used[qi] = true
		return x.inner(x.regions[qi])
	}
	if x.is(k, ",") {
		k--
	}
	if k < ss || k-ss < 2 {
		return sitrep.Quote{}, false
	}
	a := ss
	for a < k && isOpenMark(x.toks[a]) && x.inQ[a] >= 0 && x.regions[x.inQ[a]].close > k {
		a++
	}
	return x.content(a, k+1), true
}

// inner returns the content of a quotation region without its marks and
// without a trailing comma.
func (x *extractor) inner(reg region) (sitrep.Quote, bool) {
	a, e := reg.open+1, reg.close
	if e > len(x.toks) {
		e = len(x.toks)
	}
	for e > a && x.is(e-1, ",") {
		e--
	}
	if e <= a {
		return sitrep.Quote{}, false
	}
	q := x.content(a, e)
	q.Kind = Direct
	return q, true
}

// content builds the quote body of tokens [a,e).
func (x *extractor) content(a, e int) sitrep.Quote {
	span := sitrep.Span{Start: x.toks[a].Start, End: x.toks[e-1].End}
	raw := x.text[span.Start:span.End]
	kind := Indirect
	marks := 0
	for i := a; i < e; i++ {
		if isMark(x.toks[i].Text) {
			marks++
		}
	}
	text := raw
	if marks > 0 {
		kind = Mixed
		// Wholly quoted content ("that “the game has changed,”") is still
		// reported speech, so it stays mixed; the marks go from Text.
		text = strings.TrimRight(stripMarks(raw), ", ")
	}
	return sitrep.Quote{Span: span, Text: text, Kind: kind}
}

func stripMarks(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '"', '«', '»':
			return -1
		}
		return r
	}, s))
}

// finish fills the speaker and verb of q.
func (x *extractor) finish(q sitrep.Quote, sp speaker, verb sitrep.Token) sitrep.Quote {
	q.Speaker = sp.name
	if sp.span.End > sp.span.Start {
		s := sp.span
		q.SpeakerSpan = &s
	}
	q.Verb = verb.Text
	vs := verb.Span
	q.VerbSpan = &vs
	return q
}

// according handles "according to X, …" and "…, according to X".
func (x *extractor) according(v int, out []sitrep.Quote) []sitrep.Quote {
	ss, se := x.sentStart[v], x.sentEnd[v]
	e := x.npRight(v+2, se)
	if e == v+2 {
		return out
	}
	sp := x.resolve(v+2, e)
	if !sp.ok {
		return out
	}
	verb := sitrep.Token{Span: sitrep.Span{Start: x.toks[v].Start, End: x.toks[v+1].End}, Text: x.text[x.toks[v].Start:x.toks[v+1].End]}
	if v == ss || (v > ss && isOpenMark(x.toks[v-1])) {
		r := e
		// Skip an appositive: "according to X, the chairman of Y, …" is rare;
		// only the comma after the speaker is skipped.
		if x.is(r, ",") {
			r++
		}
		end := x.clauseEnd(r, se)
		if end > r {
			out = append(out, x.finish(x.content(r, end), sp, verb))
		}
		return out
	}
	k := v - 1
	if x.is(k, ",") {
		k--
	}
	if k-ss < 2 {
		return out
	}
	out = append(out, x.finish(x.content(ss, k+1), sp, verb))
	return out
}

// resolve turns the subject phrase [a,e) into a speaker: an entity's
// fullest name when the phrase's head is an entity mention, the most
// recent compatible entity for a pronoun, else the phrase as written.
func (x *extractor) resolve(a, e int) speaker {
	if a >= e {
		return speaker{}
	}
	span := sitrep.Span{Start: x.toks[a].Start, End: x.toks[e-1].End}
	if e-a == 1 && isPronoun(x.toks[a].Text) {
		return x.pronoun(x.toks[a])
	}
	head := x.toks[e-1]
	// The latest mention inside the phrase that covers its head.
	best := -1
	for _, i := range x.ix.starting(span.Start, head.Start) {
		if en := x.ix.ents[i]; en.End <= span.End && head.End <= en.End+1 {
			best = max(best, i)
		}
	}
	if best >= 0 && x.ix.ents[best].Type != sitrep.NORP && !x.complementEntity(a, x.ix.ents[best]) {
		en := x.ix.ents[best]
		return speaker{name: en.Name, span: en.Span, ok: true, named: true}
	}
	if e-a == 2 && x.is(a, "the") && x.tag(e-1) == "NN" {
		// "the embassy said", "the ministry said": the organisation
		// named before whose name ends in that noun ("the Kenyan
		// Embassy in Mogadishu", "the Somali Health Ministry").
		if en, ok := x.orgEndingIn(x.low(e-1), span.Start); ok {
			return speaker{name: en.Name, span: span, ok: true, named: true}
		}
	}
	// Drop a leading determiner and possessive-free phrase as written.
	return speaker{name: x.text[span.Start:span.End], span: span, ok: true, named: isCap(head.Text) && x.tag(e-1) == "NNP"}
}

// orgEndingIn returns the latest organisation mention before byte offset
// pos whose name's last word is noun, among the last eight.
func (x *extractor) orgEndingIn(noun string, pos int) (sitrep.Entity, bool) {
	i := x.ix.latestBefore(sitrep.Org, pos)
	for n := 0; i >= 0 && n < 8; n++ {
		if strings.HasSuffix(strings.ToLower(x.ix.ents[i].Name), " "+noun) {
			return x.ix.ents[i], true
		}
		i = x.ix.latestBefore(sitrep.Org, x.ix.ents[i].Start)
	}
	return sitrep.Entity{}, false
}

// agentNouns head phrases that name people or bodies able to take a
// stance ("critics", "the campaign", "a new poll").
var agentNouns = map[string]bool{"officials": true, "people": true, "voters": true, "democrats": true, "republicans": true, "campaign": true, "party": true, "administration": true, "group": true, "groups": true, "committee": true, "government": true, "governments": true, "court": true, "poll": true, "polls": true, "survey": true, "report": true, "study": true, "state": true, "agency": true, "department": true, "ministry": true, "leaders": true, "members": true, "critics": true, "allies": true, "aides": true, "advocates": true, "activists": true, "conservatives": true, "liberals": true, "progressives": true, "delegates": true, "donors": true, "staff": true, "team": true, "media": true, "press": true, "police": true, "fans": true, "crowd": true, "audience": true, "public": true, "americans": true, "women": true, "men": true, "majority": true, "most": true, "many": true, "some": true, "others": true, "those": true, "half": true, "percent": true, "all": true, "both": true, "few": true, "each": true, "candidate": true, "candidates": true, "president": true, "senator": true, "spokesman": true, "spokeswoman": true, "official": true, "source": true, "sources": true, "experts": true, "analysts": true, "residents": true, "students": true, "workers": true, "protesters": true, "lawmakers": true, "legislators": true, "nominee": true, "frontrunner": true, "front-runner": true, "pac": true, "organization": true, "union": true, "unions": true, "company": true, "firm": true, "board": true, "panel": true, "council": true, "congress": true, "senate": true, "house": true, "everyone": true, "nobody": true, "someone": true, "anyone": true,
	"aide": true, "ally": true, "critic": true, "advocate": true, "delegate": true, "expert": true, "analyst": true,
	"democrat": true, "republican": true, "conservative": true, "liberal": true, "progressive": true,
	"spokesperson": true, "chairman": true, "chairwoman": true, "secretary": true, "minister": true, "chief": true,
	"head": true, "judge": true, "attorney": true, "mogul": true, "tycoon": true, "billionaire": true, "businessman": true,
	"businesswoman": true, "woman": true, "man": true, "people's": true, "family": true, "couple": true}

// agentive reports whether a speaker can hold a stance: a name, a
// pronoun, or a phrase headed by a person or body ("the news conference
// offered a contrast" holds none).
func agentive(sp speaker) bool {
	if sp.named {
		return true
	}
	name := strings.ToLower(sp.name)
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		name = name[i+1:]
	}
	if agentNouns[name] || isPronoun(name) {
		return true
	}
	if strings.HasSuffix(name, "ment") || strings.HasSuffix(name, "ments") {
		return false
	}
	for _, suf := range [...]string{"er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

// pronoun resolves "he", "she" to the most recent person, "it" to the most
// recent organisation; other pronouns are kept as written.
func (x *extractor) pronoun(t sitrep.Token) speaker {
	lw := strings.ToLower(t.Text)
	var want sitrep.EntityType
	switch lw {
	case "he", "she":
		want = sitrep.Person
	case "it":
		want = sitrep.Org
	default:
		if lw == "you" {
			return speaker{}
		}
		return speaker{name: t.Text, span: t.Span, ok: true, named: true}
	}
	if i := x.ix.latestBefore(want, t.Start); i >= 0 {
		return speaker{name: x.ix.ents[i].Name, span: t.Span, ok: true, named: true}
	}
	return speaker{name: t.Text, span: t.Span, ok: true, named: true}
}

// clauseSubject returns the subject [a,e) of the clause that opens the
// sentence at ss and whose verb comes before v, past a dateline
// ("WASHINGTON (AP) —") and an opening adverbial ("This week,"); a == e
// when none is found.
func (x *extractor) clauseSubject(ss, v int) (int, int) {
	a := ss
	for i := ss; i < v && i < ss+8; i++ {
		if x.is(i, "—", "--", "–", "-") {
			a = i + 1
			break
		}
	}
	// An opening adverbial ends at the first comma.
	if x.tag(a) == "IN" || x.tag(a) == "RB" || timeWords[x.low(a)] || x.tag(a) == "VBG" || x.tag(a) == "VBN" {
		for i := a; i < v; i++ {
			if x.is(i, ",") {
				a = i + 1
				break
			}
		}
	}
	e := x.npRight(a, v)
	if e <= a || e >= v {
		return a, a
	}
	// Past a parenthesis, prepositional phrases and dates: "Sen. X
	// (R-Iowa) on Wednesday downplayed …", "One operative inside the
	// campaign tried …".
	k := e
	for k < v {
		switch {
		case x.is(k, "("):
			for k < v && !x.is(k, ")") {
				k++
			}
			k++
			continue
		case x.tag(k) == "IN" && !x.is(k, "that"):
			if f := x.npRight(k+1, v); f > k+1 {
				k = f
				continue
			}
		case timeWords[x.low(k)] || x.tag(k) == "RB":
			k++
			continue
		}
		break
	}
	if k < v && (strings.HasPrefix(x.tag(k), "VB") || x.tag(k) == "MD" || clauseAux[x.low(k)]) || x.is(e, ",") {
		return a, e
	}
	return a, a
}

// continuesClause reports whether token r goes on with a predicate whose
// subject came before an interruption: "…, he says, is different".
func (x *extractor) continuesClause(r, se int) bool {
	for r < se && x.tag(r) == "RB" {
		r++
	}
	if r >= se || x.inQ[r] >= 0 {
		return false
	}
	switch x.tag(r) {
	case "VBZ", "VBD", "VBP", "MD":
		return true
	}
	return clauseAux[x.low(r)]
}

// npStart reports whether token r opens a noun phrase that can be the
// subject of a reported clause the tagger did not give a verb ("say the
// governor plans to …", "say Omar Mateen, the …, was known").
func (x *extractor) npStart(r int) bool {
	switch x.tag(r) {
	case "DT", "NNP", "NNPS", "NNS", "PRP", "PRP$", "CD", "EX":
		return !x.is(r, "that", "this", "these")
	}
	return false
}

// mistaggedVerb reports whether the reporting verb at v, tagged as a noun,
// is a verb after all: a subject before it and a clause after ("Six in 10
// say he is …", "polls show that she leads").
func (x *extractor) mistaggedVerb(v int, lemma string) bool {
	// "Said Jane Roe, …" opens a sentence with the verb, which the tagger
	// reads as part of a name.
	if v == x.sentStart[v] && x.tag(v) == "NNP" && lemma == "say" && (x.tag(v+1) == "NNP" || x.tag(v+1) == "DT") {
		return true
	}
	if lemmas[lemma] >= stanceVerb || (x.tag(v) != "NN" && x.tag(v) != "NNS") {
		return false
	}
	switch x.tag(v - 1) {
	case "NNS", "NNP", "NNPS", "PRP", "CD":
	default:
		return false
	}
	se := x.sentEnd[v]
	if x.is(v+1, "that") {
		return x.startsClause(v+2, se)
	}
	return x.startsClause(v+1, se)
}

// colonSources are common nouns that head a named source in a colon lead.
var colonSources = map[string]bool{"poll": true, "polls": true, "report": true, "reports": true, "survey": true, "study": true, "newspaper": true, "officials": true, "sources": true, "aides": true, "experts": true, "analysts": true, "police": true}

// colonLead reads a paragraph that opens "Name: …" as a quote of Name, as
// headlines and transcripts write them ("Trump: ‘I'm the worst …’",
// "Poll: Sanders leads"). The name must be a person or a source noun, so
// "Update: …", "Latest: …" and "Note: …" are not quotes.
func (x *extractor) colonLead(out []sitrep.Quote) []sitrep.Quote {
	se := 0
	if len(x.toks) > 0 {
		se = x.sentEnd[0]
	}
	c := 1
	for c < se && c < 6 && !x.is(c, ":") {
		c++
	}
	if c >= se || c >= 6 || !x.is(c, ":") || x.inQ[c] >= 0 || c+1 >= se || x.npLeft(c-1, 0) != 0 {
		return out
	}
	e := x.clauseEnd(c+1, se)
	if e <= c+1 {
		return out
	}
	sp := x.resolve(0, c)
	named := colonSources[x.low(c-1)]
	for _, i := range x.ix.starting(x.toks[0].Start, x.toks[c-1].End) {
		if en := x.ix.ents[i]; en.End <= x.toks[c-1].End && en.Type == sitrep.Person {
			named = true
		}
	}
	if !sp.ok || !named {
		return out
	}
	q := x.content(c+1, e)
	if r := x.inQ[c+1]; r >= 0 && x.regions[r].close >= e-1 {
		if d, ok := x.inner(x.regions[r]); ok {
			x.used[r] = true
			q = d
		}
	}
	return append(out, x.finish(q, sp, x.toks[c]))
}

// complementHead returns the start of the noun phrase that the phrase
// starting at a complements, and the preposition between them: "A
// spokesman for | the ministry", "a refugee living in | Kenya" (past a
// participle); -1 when a opens no such complement.
func (x *extractor) complementHead(a, ss int) (int, int) {
	prep := a - 1
	if prep <= ss || x.tag(prep) != "IN" || x.inQ[prep] >= 0 || x.is(prep, "after", "before", "since", "until", "because", "while", "although", "though", "if", "unless", "as", "once", "whereas") {
		// (A conjunction opens the speaker's clause: "cleared the square
		// on Monday after the leaders told".)
		return -1, 0
	}
	e := prep - 1
	if t := x.tag(e); (t == "VBG" || t == "VBN") && e > ss {
		e-- // "living in", "based in"
	}
	if !strings.HasPrefix(x.tag(e), "NN") {
		return -1, 0
	}
	b := x.npLeft(e, ss)
	if b > e {
		return -1, 0
	}
	return b, prep
}

// complementEntity reports whether entity en, a place or organisation
// that ends a phrase starting at token a, is the object of a preposition
// in it: "The president of Kenya" is no name for Kenya.
func (x *extractor) complementEntity(a int, en sitrep.Entity) bool {
	if en.Type == sitrep.Person {
		return false
	}
	for i := a + 1; i < len(x.toks) && x.toks[i].Start < en.Start; i++ {
		if x.tag(i) == "IN" && strings.HasPrefix(x.tag(i-1), "NN") {
			return true
		}
	}
	return false
}

// personAt reports whether a person entity covers span.
func (x *extractor) personAt(span sitrep.Span) bool {
	for _, i := range x.ix.starting(span.Start, span.Start) {
		if en := x.ix.ents[i]; en.Type == sitrep.Person && en.Span == span {
			return true
		}
	}
	return false
}

// nameBetween reports whether tokens [a,e) are a proper name.
func (x *extractor) nameBetween(a, e int) bool {
	if a >= e {
		return false
	}
	for i := a; i < e; i++ {
		if x.tag(i) != "NNP" && x.tag(i) != "NNPS" {
			return false
		}
	}
	return true
}

// possessive reports whether a name in the possessive opens at i
// ("Poland's army chief", "the ministry's spokesman" opens with DT).
func (x *extractor) possessive(i int) bool {
	return (x.tag(i) == "NNP" || x.tag(i) == "NNPS") && x.tag(i+1) == "POS"
}

// leadSubject returns the noun phrase [a,e) that opens the sentence at ss
// (after a conjunction or adverb) and is followed by a comma, the start
// of appositives that run to the comma at p; a == e when there is none
// or a quotation or a semicolon lies between.
func (x *extractor) leadSubject(ss, p int) (int, int) {
	a := ss
	for a < p && (x.tag(a) == "CC" || x.tag(a) == "RB") {
		a++
	}
	e := x.npRight(a, p)
	if e <= a || e >= p || !x.is(e, ",") || !agentive(x.resolve(a, e)) {
		return a, a
	}
	for i := e; i < p; i++ {
		if x.inQ[i] >= 0 || x.is(i, ";", ":") {
			return a, a
		}
	}
	return a, e
}

// contentFollows reports whether reported content follows the verb at v
// ("said that …", "said the …  was", "said: …", "said, “…”"), so that the
// verb is not inverted ("…, said the analyst, …").
func (x *extractor) contentFollows(v, se int) bool {
	r := x.skipAdverbials(v+1, se)
	switch {
	case x.is(r, "that", ":"):
		return true
	case x.is(r, ","):
		return r+1 < se && isOpenMark(x.toks[r+1])
	case r < se && isOpenMark(x.toks[r]):
		return true
	}
	return x.startsClause(r, se)
}

// thatAhead returns the index of a complementiser "that" within a few
// tokens after r with no verb or quotation before it, or -1.
func (x *extractor) thatAhead(r, se int) int {
	for j := r; j < se && j < r+15; j++ {
		switch {
		case x.inQ[j] >= 0 || strings.HasPrefix(x.tag(j), "VB") && x.tag(j) != "VBG" || x.tag(j) == "MD" || x.tag(j) == "." || x.is(j, ";", ":"):
			return -1
		case x.is(j, "that") && j > r:
			return j
		}
	}
	return -1
}

// titleBefore reports whether the quotation closing just before token b
// (or before its comma) is a title: opened right after a preposition, a
// possessive, a determiner or a name.
func (x *extractor) titleBefore(b int) bool {
	k := b - 1
	if x.is(k, ",") {
		k--
	}
	if k < 0 || x.inQ[k] < 0 {
		return false
	}
	o := x.regions[x.inQ[k]].open
	switch x.tag(o - 1) {
	case "IN", "POS", "DT", "NNP", "NNPS":
		return o-1 >= x.sentStart[o]
	}
	return false
}

// asVerbs report a view only with "as": "party leaders see him as an
// asset", "regard the plan as dead".
var asVerbs = map[string]bool{"see": true, "view": true, "regard": true}

// asAhead reports whether "as" follows within the next few tokens of the
// clause.
func (x *extractor) asAhead(r, se int) bool {
	for j := r; j < se && j < r+8; j++ {
		if x.is(j, "as") {
			return true
		}
		if x.inQ[j] >= 0 || strings.HasPrefix(x.tag(j), "VB") || x.tag(j) == "." {
			return false
		}
	}
	return false
}

// pollNouns head the phrases that report findings: "in a CNN poll".
var pollNouns = map[string]bool{"poll": true, "polls": true, "survey": true, "surveys": true, "polling": true}

// inPoll reads "In a CNN poll released Monday, Clinton led …" and "Trump
// leads in the polls" as the poll's report of the clause, unless a
// reporting verb in the sentence already attributes it.
func (x *extractor) inPoll(v int, out []sitrep.Quote, first int) []sitrep.Quote {
	ss, se := x.sentStart[v], x.sentEnd[v]
	e := x.npRight(v+1, se)
	poll := false
	for i := v + 1; i < e; i++ {
		poll = poll || pollNouns[x.low(i)]
	}
	if !poll {
		return out
	}
	for i := ss; i < se; i++ {
		if i != v && x.inQ[i] < 0 && (lemmaOf(x.toks[i].Text) != "" && strings.HasPrefix(x.tag(i), "VB") || x.is(i, "according")) {
			return out
		}
	}
	if v != ss && !x.isClauseEnd(x.skipAdverbials(e, se), se) && !x.is(e, ",") {
		return out // "in the polls" inside its clause is no attribution
	}
	sp := x.resolve(v+1, e)
	verb := x.toks[v]
	a, b := ss, v
	if v == ss {
		// The phrase opens the sentence: the clause after its comma.
		c := e
		for c < se && c < v+20 && !x.is(c, ",") && x.inQ[c] < 0 {
			c++
		}
		if !x.is(c, ",") {
			return out
		}
		a, b = c+1, x.clauseEnd(c+1, se)
	}
	for b > a && x.is(b-1, ",", "—", "–", "--") {
		b--
	}
	if b-a < 3 || !sp.ok {
		return out
	}
	return append(out, x.finish(x.content(a, b), sp, verb))
}
