package event

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// This file recodes acts that are announced, not done, as CAMEO asks: a
// promise to cooperate is an expression of intent (03x), a refusal to
// cooperate a rejection (12x), an announced coercion or attack a threat
// (13x). "Norway will give Malawi a grant" is 033, not 071.

var futureModals = lexicon.set("futureModals") // loaded from lexicon.txt, section [futureModals]

var intentAdjectives = lexicon.set("intentAdjectives") // loaded from lexicon.txt, section [intentAdjectives]

// announced reports whether group g announces its act (future modal,
// plan/intention control verb, "willing to"), and whether it negates it
// ("will not", "refused to").
func (a *article) announced(st *sentence, g *verbGroup) (announce, refuse bool) {
	if a.inConditional(st, g.start) {
		return false, false
	}
	for k := g.start; k < g.head; k++ {
		w := st.words[k]
		if futureModals[w] || possibleModals[w] && conditionFollows(st, g.end) {
			// "may halt mediation efforts if cooperation founders": an act
			// made conditional on the other side is announced (a threat or
			// a promise), not merely possible.
			announce = true
		}
	}
	if g.controlTok >= 0 {
		switch st.words[g.controlTok][:min(4, len(st.words[g.controlTok]))] {
		case "plan", "inte", "prep":
			announce = true
		case "refu":
			return true, true
		}
	}
	if g.start >= 2 && st.words[g.start-1] == "to" && intentAdjectives[st.words[g.start-2]] {
		announce = true
	}
	return announce, announce && g.negated
}

var decisionVerbs = lexicon.set("decisionVerbs") // loaded from lexicon.txt, section [decisionVerbs]

// decidedBefore reports whether a decision verb governs the clause that
// starts at token k: "announced (Wednesday) (that) it would ... and
// would ...".
func decidedBefore(st *sentence, k int) bool {
	for j := k - 1; j >= 0 && j >= k-15; j-- {
		w := st.words[j]
		if decisionVerbs[w] {
			return true
		}
		if w == "," || w == ";" || w == "but" || w == "if" || w == "whether" {
			return false
		}
	}
	return false
}

// futureModal reports whether group g has a future modal of its own.
func futureModal(st *sentence, g *verbGroup) bool {
	for k := g.start; k < g.head; k++ {
		if futureModals[st.words[k]] {
			return true
		}
	}
	return false
}

var possibleModals = lexicon.set("possibleModals") // loaded from lexicon.txt, section [possibleModals]

// conditionFollows reports whether an "if" or "unless" clause follows token
// k in the sentence.
func conditionFollows(st *sentence, k int) bool {
	for ; k < len(st.words); k++ {
		switch st.words[k] {
		case "if", "unless":
			return true
		case ";", ".":
			return false
		}
	}
	return false
}

var conditionalCues = lexicon.set("conditionalCues") // loaded from lexicon.txt, section [conditionalCues]

func (a *article) inConditional(st *sentence, start int) bool {
	for k := start - 1; k >= 0 && k >= start-8; k-- {
		if conditionalCues[st.words[k]] {
			return true
		}
	}
	return false
}

// intentCode maps the code of an announced act to its intent, rejection
// or threat code; it returns code unchanged when CAMEO has no such code.
func intentCode(code string, refuse bool) string {
	if len(code) < 2 {
		return code
	}
	root := code[:2]
	if refuse {
		switch root {
		case "03", "04":
			return "125"
		case "05":
			return "120"
		case "06":
			return "121"
		case "07":
			return "122"
		case "08":
			return "123"
		}
		return code
	}
	switch root {
	case "04":
		return "036"
	case "05":
		if strings.HasPrefix(code, "051") || strings.HasPrefix(code, "056") {
			// Announcing that one will endorse or forgive expresses the
			// endorsement or the forgiveness (CAMEO 051, 056 examples).
			return code
		}
		return "030"
	case "06":
		if len(code) >= 3 && code[2] >= '1' && code[2] <= '4' {
			return "031" + code[2:3]
		}
		return "031"
	case "07":
		if len(code) >= 3 && code[2] >= '1' && code[2] <= '4' {
			return "033" + code[2:3]
		}
		return "033"
	case "08":
		switch {
		case strings.HasPrefix(code, "083"):
			return "034"
		case len(code) >= 3 && code[2] == '1':
			return "0351"
		case len(code) >= 3 && code[2] == '2':
			return "0352"
		case len(code) >= 3 && code[2] == '4':
			return "0353"
		case len(code) >= 3 && code[2] == '5':
			return "0354"
		case len(code) >= 3 && code[2] == '6':
			return "0355"
		case len(code) >= 3 && code[2] == '7':
			return "0356"
		}
		return "035"
	case "16":
		switch {
		case strings.HasPrefix(code, "161"):
			return "1313"
		case strings.HasPrefix(code, "162"):
			return "1311"
		case strings.HasPrefix(code, "163"):
			return "1312"
		case strings.HasPrefix(code, "164"):
			return "134"
		case strings.HasPrefix(code, "165"):
			return "135"
		case strings.HasPrefix(code, "166"):
			return "136"
		}
		return "131"
	case "17":
		if strings.HasPrefix(code, "172") && len(code) == 4 && code[3] >= '1' && code[3] <= '4' {
			return "132" + code[3:4]
		}
		return "137"
	case "18", "19", "20":
		return "138"
	}
	return code
}

// recode applies intentCode to an announced act and says what modality
// the recoded event has: an expression of intent, a rejection or a threat
// is itself asserted.
func (a *article) recode(st *sentence, g *verbGroup, code, mod string) (string, string) {
	if mod == sitrep.Negated && strings.HasPrefix(code, "12") && a.forceNotRuledOut(st, g) {
		// "did not rule out military action": a threat of force (138),
		// not a rejection that did not happen.
		return "138", sitrep.Asserted
	}
	ann, refuse := a.announced(st, g)
	if ann && !refuse && strings.HasPrefix(code, "16") && futureModal(st, g) && decidedBefore(st, g.start) {
		return code, sitrep.Asserted
	}
	if !ann {
		return code, mod
	}
	if refuse && strings.HasPrefix(code, "12") {
		// "refused to go back to work" is a rejection that happened.
		return code, sitrep.Asserted
	}
	if c := intentCode(code, refuse); c != code {
		return c, sitrep.Asserted
	}
	return code, mod
}

// forceNotRuledOut reports whether group g is "rule out" followed, within
// a few words, by the use of force: a military noun, or an event noun the
// dictionaries code as force (roots 18 to 20).
func (a *article) forceNotRuledOut(st *sentence, g *verbGroup) bool {
	w := st.words
	if w[g.head] != "rule" && w[g.head] != "ruled" && w[g.head] != "rules" && w[g.head] != "ruling" || g.head+1 >= len(w) || w[g.head+1] != "out" {
		return false
	}
	for k := g.head + 2; k < len(w) && k <= g.head+7; k++ {
		if w[k] == "force" || w[k] == "military" {
			return true
		}
		if m, ok := a.c.dicts.Verbs.NounEvent(w[k]); ok && m.Code >= "18" && m.Code < "21" {
			return true
		}
	}
	return false
}
