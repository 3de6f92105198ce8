package event

import (
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// This file holds the checks that keep a coded verb from becoming an
// event when the act it names is implausible or says too little: things
// as sources, military force by unarmed sectors, relations with no
// counterpart, and which acts stand without a named agent.

// unarmed reports actor codes whose sector cannot use military force:
// business, media, education, courts, legislatures, health, labour.
func unarmed(code string) bool {
	if strings.HasPrefix(code, "MNC") {
		return true
	}
	for i := 3; i+3 <= len(code); i += 3 {
		switch code[i : i+3] {
		case "BUS", "MED", "EDU", "JUD", "LEG", "HLH", "LAB", "AGR":
			return true
		}
	}
	return false
}

// headNoun returns the lower-case head of the noun phrase at span: its
// last common noun before any "of" complement ("exports of Japan" →
// "exports"), or "" when the phrase ends in a name.
func headNoun(st *sentence, span sitrep.Span) string {
	head := ""
	for k := sort.Search(len(st.Tokens), func(k int) bool { return st.Tokens[k].Start >= span.Start }); k < len(st.Tokens) && st.Tokens[k].End <= span.End; k++ {
		if st.words[k] == "of" {
			break
		}
		if strings.HasPrefix(st.Tokens[k].Tag, "NNP") {
			head = "" // a name ("Pier 1 Imports") is no common noun
		} else if strings.HasPrefix(st.Tokens[k].Tag, "NN") {
			head = st.words[k]
		}
	}
	return head
}

// inanimate are head nouns of things that cannot act, however their
// phrase names a country: goods, markets, money, figures and surveys. (Documents
// and decisions are left out: "a UN report accused Israel" is the UN's
// act. As targets all such phrases stay: "restricted Japanese exports" is
// aimed at Japan.)
var inanimate = map[string]bool{
	"stocks": true, "stock": true, "shares": true, "share": true, "index": true, "indexes": true, "indices": true,
	"market": true, "markets": true, "economy": true, "economies": true, "currency": true, "currencies": true,
	"dollar": true, "dollars": true, "dlrs": true, "yen": true, "euro": true, "euros": true, "bonds": true, "bond": true,
	"exports": true, "imports": true, "goods": true, "products": true, "output": true, "production": true,
	"sales": true, "prices": true, "price": true, "profits": true, "profit": true, "earnings": true, "revenue": true, "revenues": true,
	"growth": true, "inflation": true, "deficit": true, "surplus": true, "debt": true, "debts": true, "reserves": true,
	"corn": true, "wheat": true, "rice": true, "oil": true, "crude": true, "gas": true, "coffee": true, "sugar": true, "rapeseed": true, "soybeans": true,
	"figures": true, "data": true, "statistics": true, "indicators": true, "survey": true, "surveys": true, "poll": true, "polls": true, "study": true,
}

// oneSided reports codes whose acts need no one they are aimed at:
// investigations (09) and demonstrations (14).
func oneSided(code string) bool {
	return strings.HasPrefix(code, "09") || strings.HasPrefix(code, "14")
}

// relational reports codes that only say something with a counterpart:
// intents to cooperate (03), diplomatic and material cooperation (05, 06),
// aid (07) and reductions in relations (16).
func relational(code string) bool {
	switch code[:min(2, len(code))] {
	case "03", "05", "06", "07", "16":
		return true
	}
	return false
}

// unknownAgentAct reports codes other than violence that are events of
// their own when done to a named actor by an unnamed one: arrests and
// detentions (173: "five protesters were arrested") and investigations
// (09: "a US national was put under investigation").
func unknownAgentAct(code string) bool {
	return strings.HasPrefix(code, "173") || strings.HasPrefix(code, "09")
}

// unknownAgentViolence reports whether a code is material violence (CAMEO
// 18x, 19x, 20x) that is an event even when its agent is not named.
func unknownAgentViolence(code string) bool {
	// Generic coercion and violence (180) and the spatial codes (blockade
	// 191, occupation 192: "police were deployed around the court") say
	// too little without an agent.
	switch code {
	case "180", "191", "192":
		return false
	}
	return strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

// ownForces reports an actor phrase like "its troops", "their police": a
// possessive pronoun before the forces of the one who owns them.
func ownForces(act *sitrep.EventActor) bool {
	t := strings.ToLower(act.Text)
	if !strings.HasPrefix(t, "its ") && !strings.HasPrefix(t, "their ") && !strings.HasPrefix(t, "his ") && !strings.HasPrefix(t, "her ") {
		return false
	}
	return strings.HasSuffix(act.Actor, "MIL") || strings.HasSuffix(act.Actor, "COP")
}

// hasScore reports whether the sentence holds a game score ("beat
// Mongolia 2-0", "a 3-1 win"), which turns beating and defeating into
// sport. A range before a noun ("10-15 people were killed") is no score.
func hasScore(st *sentence) bool {
	for k, t := range st.Tokens {
		w := t.Text
		i := strings.IndexByte(w, '-')
		if i <= 0 || i >= len(w)-1 || len(w) > 7 || !digits(w[:i]) || !digits(w[i+1:]) {
			continue
		}
		if k+1 < len(st.Tokens) && (strings.HasPrefix(st.Tokens[k+1].Tag, "NN") || strings.HasPrefix(st.Tokens[k+1].Tag, "JJ")) && !scoreNoun[st.words[k+1]] {
			continue
		}
		return true
	}
	return false
}

// scoreNoun are the nouns a score stands before: "a 2-0 win".
var scoreNoun = map[string]bool{"win": true, "victory": true, "defeat": true, "loss": true, "lead": true, "draw": true, "triumph": true, "thrashing": true}

func digits(s string) bool {
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
