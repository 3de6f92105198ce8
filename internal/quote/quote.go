// Package quote finds quotations in an analysed article and attributes
// them to speakers.
//
// Input: a *sitrep.Doc (Penn-tagged tokens) and the article's entity
// mentions from package entity. Output: []sitrep.Quote in text order.
//
// It finds direct quotes ("“…,” X said", "X said: “…”", "Said X, “…”"),
// indirect quotes ("X said that …", "X told reporters …", "…, X said",
// "This campaign, he says, is different", "according to X, …", "X was
// quoted as saying …") and mixed
// ones (reported clauses holding a quoted fragment). Reporting verbs come
// from a lemma table in four classes: speech verbs that take a bare
// clause, verbs that need "that", a question or an infinitive, stance
// verbs whose content is whatever follows ("criticized the plan", "called
// for a ban"; their subject must be able to hold a stance), and verbs that
// report only quotations ("he continued"). Coordinated and participial
// reporting verbs ("… and warned that …", "…, explaining that …") inherit
// the speaker of the verb or clause before them. A direct quote runs on
// over unattributed quotations in the next sentences of its paragraph
// ("“A,” she said. “B.”" is one quote, its Span covering both and its
// Text joining them), and an attribution ending its paragraph with a
// colon takes the quotation that opens the next. Two apostrophes in a
// row, as some papers write them, are a quotation mark. Speakers are
// resolved through the entity mentions to the article's fullest name;
// pronouns ("he said") go to the most recent compatible entity; a
// relative "who" is named by the phrase before it; other subjects
// ("officials", "the ministry") are reported as written.
package quote

import (
	sitrep "github.com/sitrep-project/sitrep"
)

// Quote kinds.
const (
	Direct   = "direct"
	Indirect = "indirect"
	Mixed    = "mixed"
)

// verbClass says how a reporting verb takes its content. Classes are
// ordered: those before stanceVerb also report the clause before their
// subject ("…, X said").
type verbClass uint8

const (
	// clauseVerb takes a bare clause: "said the embassy is secure".
	clauseVerb verbClass = iota + 1
	// thatVerb needs "that", a colon or a quotation: "warned that …".
	thatVerb
	// stanceVerb reports an attitude whose content is whatever follows:
	// "criticized the plan", "called for a ban", "wants to build a wall".
	// It takes no content before its subject ("…, X criticized").
	stanceVerb
	// quoteVerb reports only a quotation: "“…,” he continued", "she
	// shouted, “…”"; "prices continued to rise" is no quote.
	quoteVerb
)

// lemmas is the reporting-verb table: lemma → class. Objects ("told the
// press") are skipped for the verbs in objectVerbs.
var lemmas = map[string]verbClass{
	"say": clauseVerb, "tell": clauseVerb, "tweet": clauseVerb, "add": clauseVerb, "write": clauseVerb,
	"insist": clauseVerb, "claim": clauseVerb, "argue": clauseVerb, "warn": clauseVerb, "note": clauseVerb,
	"explain": clauseVerb, "state": clauseVerb, "declare": clauseVerb, "announce": clauseVerb, "assert": clauseVerb,
	"stress": clauseVerb, "believe": clauseVerb, "reply": clauseVerb, "respond": thatVerb, "post": thatVerb,
	"threaten": thatVerb, "vow": thatVerb, "accuse": thatVerb, "deny": thatVerb, "confirm": thatVerb,
	"report": thatVerb, "urge": thatVerb, "acknowledge": thatVerb, "admit": thatVerb, "allege": thatVerb,
	"caution": thatVerb, "charge": thatVerb, "comment": thatVerb, "concede": thatVerb, "contend": thatVerb,
	"emphasize": thatVerb, "emphasise": thatVerb, "indicate": thatVerb, "maintain": thatVerb, "predict": thatVerb,
	"promise": thatVerb, "recall": thatVerb, "remark": thatVerb, "reveal": thatVerb, "suggest": thatVerb,
	"testify": thatVerb, "ask": thatVerb, "complain": thatVerb, "observe": thatVerb, "reiterate": thatVerb,
	"repeat": thatVerb, "agree": thatVerb, "boast": thatVerb, "estimate": thatVerb, "learn": thatVerb,
	"suggested": thatVerb, "pledge": thatVerb, "demand": thatVerb, "signal": thatVerb, "hint": thatVerb,
	"think": clauseVerb, "show": clauseVerb, "find": clauseVerb, "conclude": thatVerb, "know": clauseVerb,
	"feel": clauseVerb, "fear": clauseVerb, "hope": clauseVerb, "expect": clauseVerb, "recount": thatVerb,
	"joke": thatVerb, "quip": thatVerb, "exclaim": thatVerb, "proclaim": thatVerb, "worry": thatVerb,
	"wonder": thatVerb, "mention": thatVerb, "question": thatVerb, "doubt": thatVerb, "guarantee": thatVerb,
	"assure": thatVerb, "remind": thatVerb, "inform": thatVerb, "point": thatVerb,
	"call": stanceVerb, "describe": stanceVerb, "criticize": stanceVerb, "criticise": stanceVerb,
	"support": stanceVerb, "back": stanceVerb, "oppose": stanceVerb, "praise": stanceVerb,
	"defend": stanceVerb, "cite": stanceVerb, "propose": stanceVerb, "want": stanceVerb, "refuse": stanceVerb,
	"decline": stanceVerb, "plan": stanceVerb, "seek": stanceVerb, "reject": stanceVerb, "dismiss": stanceVerb,
	"blame": stanceVerb, "attack": stanceVerb, "slam": stanceVerb, "denounce": stanceVerb, "decry": stanceVerb,
	"mock": stanceVerb, "thank": stanceVerb, "discuss": stanceVerb, "request": stanceVerb, "recommend": stanceVerb,
	"condemn": stanceVerb, "welcome": stanceVerb, "applaud": stanceVerb, "prefer": stanceVerb, "favor": stanceVerb,
	"favour": stanceVerb, "label": stanceVerb, "dub": stanceVerb, "brand": stanceVerb, "refer": stanceVerb,
	"lament": stanceVerb, "blast": stanceVerb, "ridicule": stanceVerb, "lambaste": stanceVerb, "tout": stanceVerb,
	"speculate": thatVerb, "theorize": thatVerb, "surmise": thatVerb, "retort": clauseVerb, "counter": thatVerb,
	"answer": thatVerb, "remember": thatVerb, "recognize": thatVerb, "determine": thatVerb, "decide": thatVerb,
	"imply": thatVerb, "project": thatVerb, "rule": thatVerb, "tease": thatVerb, "email": thatVerb, "retweet": stanceVerb,
	"offer": stanceVerb, "express": stanceVerb, "order": stanceVerb,
	"highlight": stanceVerb, "echo": stanceVerb, "quote": stanceVerb, "compare": stanceVerb, "chant": stanceVerb,
	"nominate": stanceVerb, "portray": stanceVerb, "invoke": stanceVerb, "deem": stanceVerb, "encourage": stanceVerb,
	"reference": stanceVerb, "characterize": stanceVerb, "equate": stanceVerb, "liken": stanceVerb, "rebuke": stanceVerb,
	"scold": stanceVerb, "chide": stanceVerb, "berate": stanceVerb, "rebut": stanceVerb, "assail": stanceVerb,
	"publish": stanceVerb, "endorse": stanceVerb, "extol": stanceVerb, "hail": stanceVerb, "salute": stanceVerb,
	"realize": thatVerb, "understand": thatVerb, "talk": stanceVerb, "focus": stanceVerb,
	"identify": stanceVerb, "list": stanceVerb, "push": stanceVerb, "rail": stanceVerb, "downplay": stanceVerb,
	"bemoan": stanceVerb, "side": stanceVerb, "apologize": stanceVerb, "apologise": stanceVerb, "celebrate": stanceVerb,
	"imagine": thatVerb, "ignore": stanceVerb, "knock": stanceVerb, "weigh": stanceVerb,
	"see": stanceVerb, "view": stanceVerb, "regard": stanceVerb,
	"continue": quoteVerb, "shout": quoteVerb, "yell": quoteVerb, "interject": quoteVerb, "scoff": quoteVerb,
	"chuckle": quoteVerb, "laugh": quoteVerb, "muse": quoteVerb, "sigh": quoteVerb,
	"credit": stanceVerb, "intend": stanceVerb, "insult": stanceVerb, "challenge": stanceVerb,
}

// objectVerbs take an addressee before their content ("told the press").
var objectVerbs = map[string]bool{"tell": true, "warn": true, "assure": true, "remind": true, "inform": true, "urge": true, "accuse": true, "promise": true, "ask": true}

// irregular maps irregular forms to lemmas.
var irregular = map[string]string{"said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell", "telling": "tell", "wrote": "write", "written": "write", "writes": "write", "writing": "write", "denied": "deny", "denies": "deny", "testified": "testify", "testifies": "testify", "replied": "reply", "replies": "reply", "learned": "learn", "learnt": "learn",
	"thought": "think", "found": "find", "knew": "know", "known": "know", "felt": "feel", "sought": "seek",
	"shown": "show", "hoped": "hope", "hopes": "hope", "hoping": "hope", "worried": "worry", "worries": "worry",
	"criticised": "criticise", "quipped": "quip", "planned": "plan", "planning": "plan", "referred": "refer", "saw": "see", "seen": "see", "sees": "see", "knocked": "knock", "railed": "rail",
	"referring": "refer", "favored": "favor", "favoured": "favour", "dubbed": "dub", "labeled": "label", "labelled": "label"}

// lemmaNames maps each lemma to itself, so that lemmaOf can return the
// table's own string instead of allocating one.
var lemmaNames = func() map[string]string {
	m := make(map[string]string, len(lemmas))
	for l := range lemmas {
		m[l] = l
	}
	return m
}()

// lemmaOf returns the reporting-verb lemma of a word, or "". It does not
// allocate for words that are not reporting verbs.
func lemmaOf(w string) string {
	var buf [24]byte
	if len(w) > len(buf) || len(w) < 3 {
		return ""
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return lemmaForms[string(b)]
}

// lemmaForms maps every form that inflect accepts to its lemma, so that
// lemmaOf needs one lookup per word.
var lemmaForms = func() map[string]string {
	m := make(map[string]string, 8*len(lemmas)+len(irregular))
	add := func(f string) {
		if l := inflect([]byte(f)); l != "" {
			m[f] = l
		}
	}
	for f := range irregular {
		add(f)
	}
	for l := range lemmas {
		add(l)
		for _, suf := range [...]string{"es", "s", "ed", "d", "ing"} {
			add(l + suf)
		}
		if n := len(l); l[n-1] == 'e' {
			add(l[:n-1] + "ing")
			add(l[:n-1] + "ed")
		}
		add(l + l[len(l)-1:] + "ed")
		add(l + l[len(l)-1:] + "ing")
	}
	return m
}()

// inflect returns the lemma of the lower-case form b by the suffix rules,
// or "". lemmaForms holds its results for every form it accepts.
func inflect(b []byte) string {
	if len(b) > 24 || len(b) < 3 {
		return ""
	}
	if l, ok := irregular[string(b)]; ok {
		return l
	}
	if l, ok := lemmaNames[string(b)]; ok {
		return l
	}
	for _, suf := range [...]string{"es", "s", "ed", "d", "ing"} {
		n := len(b) - len(suf)
		if n < 2 || string(b[n:]) != suf {
			continue
		}
		if l, ok := lemmaNames[string(b[:n])]; ok {
			return l
		}
		if suf == "ing" || suf == "ed" {
			// "stress" + "ed" is above; "stat" + "ed" needs its e back; "tweet"+"ed" is above.
			var buf2 [25]byte
			b2 := append(append(buf2[:0], b[:n]...), 'e')
			if l, ok := lemmaNames[string(b2)]; ok {
				return l
			}
			// Doubled final consonant: "admitted", "regretting".
			if n >= 3 && b[n-1] == b[n-2] {
				if l, ok := lemmaNames[string(b[:n-1])]; ok {
					return l
				}
			}
		}
	}
	return ""
}

// Extract finds direct, indirect and mixed quotes in the doc, attributing
// each to a speaker resolved through ents (the entity mentions) to the
// article's fullest name for that person.
func Extract(doc *sitrep.Doc, ents []sitrep.Entity) []sitrep.Quote {
	if doc == nil || doc.Article == nil {
		return nil
	}
	x := &extractor{doc: doc, text: doc.Article.Text, ix: newEntityIndex(ents)}
	// Size the per-paragraph scratch once, for the longest paragraph.
	most, n := 0, 0
	for i, s := range doc.Sentences {
		if i > 0 && s.Paragraph != doc.Sentences[i-1].Paragraph {
			n = 0
		}
		n += len(s.Tokens)
		most = max(most, n)
	}
	x.toks = make([]sitrep.Token, 0, most)
	x.sentStart, x.sentEnd, x.inQ = make([]int, 0, most), make([]int, 0, most), make([]int, 0, most)
	var quotes []sitrep.Quote
	for p := 0; p < len(doc.Sentences); {
		// Group the sentences of one paragraph: quotations may span them.
		q := p + 1
		for q < len(doc.Sentences) && doc.Sentences[q].Paragraph == doc.Sentences[p].Paragraph {
			q++
		}
		quotes = x.paragraph(doc.Sentences[p:q], quotes)
		p = q
	}
	return quotes
}
