package casualty

// Context: what makes a mention no casualty or a zero (hypothetical, negated,
// open, a running total, an illness, a title, a figure of speech) and
// sentence parts.

import (
	"strings"
)

// titleCase reports a capitalised trigger inside a run of capitalised
// words, as in a title ("The Killing Fields", "Death of Peter Sellers")
// or a headline; headlines repeat what the text says in full.
func titleCase(toks []tok, t int) bool {
	if !isCapitalised(toks[t].s) {
		return false
	}
	return t > 0 && isCapitalised(toks[t-1].s) || t+1 < len(toks) && isCapitalised(toks[t+1].s) && isWord(toks[t+1].s)
}

// adjPrep reports a preposition that makes the participle after it an
// adjective: "the return of injured players".
func adjPrep(w string) bool {
	switch w {
	case "of", "for", "with", "without", "among", "including":
		return true
	}
	return false
}

// violentHit reports what hits like a weapon after "hit"/"struck" at t:
// "hit by gunfire", "struck by a stray bullet", "hit in the leg", "struck
// twice".
func violentHit(toks []tok, t int) bool {
	for j := t + 1; j < len(toks) && j <= t+5; j++ {
		switch toks[j].low {
		case "bullet", "bullets", "gunfire", "shot", "shots", "round", "rounds", "pellet", "pellets", "shrapnel",
			"car", "vehicle", "truck", "train", "bus", "debris", "lightning", "fire", "once", "twice", "times",
			"head", "chest", "leg", "legs", "arm", "arms", "back", "stomach", "abdomen", "neck", "shoulder",
			"face", "hip", "foot", "hand", "thigh", "torso", "buttocks", "side", "knife", "rocket", "shell", "missile",
			"bomb", "grenade", "mortar", "sniper", "eye", "eyes", "jaw", "mouth", "groin", "wrist", "ankle", "knee", "elbow",
			"gun", "handgun", "pistol", "rifle", "bat", "hammer", "crowbar", "screwdriver", "bottle", "brick", "rock", "stone":
			return true
		case ".", ";", "and", "but":
			return false
		}
	}
	return false
}

// adjDeterminer reports a determiner that makes the participle after it an
// adjective ("the injured man"); "that" is left out ("a shooting that killed").
func adjDeterminer(w string) bool {
	switch w {
	case "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "another":
		return true
	}
	return false
}

// illness reports a death by illness or age: "died of cancer", "died
// from natural causes".
func illness(toks []tok, t int) bool {
	for j := t + 1; j < len(toks) && j <= t+10; j++ {
		// An old person's death: "died at the age of 87", "died aged 94".
		if w := toks[j].low; w == "aged" || w == "age" && matchWords(toks, j+1, "of") {
			k := j + 1
			if w == "age" {
				k++
			}
			if n, ok := parseNumber(toks, k); ok && n.count >= 60 && n.count < 130 {
				return true
			}
		}
		if w := toks[j].low; w == "." || w == ";" {
			return false
		}
		if toks[j].low != "of" && toks[j].low != "from" && toks[j].low != "after" {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+4; k++ {
			switch toks[k].low {
			case "cancer", "illness", "disease", "natural", "heart", "stroke", "overdose", "covid", "covid-19",
				"coronavirus", "pneumonia", "age", "alzheimer's", "leukemia", "diabetes", "aids", "flu":
				return true
			}
		}
		return false
	}
	return false
}

// clauseStart is the first token of the sentence part holding the byte
// offset start: the scan stops at a full stop, so that a text split into
// too few sentences still gives each mention its own context.
func clauseStart(toks []tok, start int) int {
	i := 0
	for i < len(toks) && toks[i].start < start {
		i++
	}
	for j := i - 1; j >= 0 && j >= i-30; j-- {
		if fullStop(toks, j) {
			return j + 1
		}
		i = j
	}
	return i
}

// fullStop reports a token that ends a sentence; the dot of "N.J." or
// "Mr." does not.
func fullStop(toks []tok, j int) bool {
	switch toks[j].s {
	case "?", "!", ";":
		return true
	case ",":
		// ", bringing the toll to 85 this year": a total of its own.
		if j+1 < len(toks) {
			switch toks[j+1].low {
			case "bringing", "raising", "taking", "pushing", "making":
				return true
			}
		}
		return false
	case ".":
		if j == 0 {
			return true
		}
		p := toks[j-1].s
		return !strings.Contains(p, ".") && !(isCapitalised(p) && len(p) <= 4)
	}
	return false
}

// clauseEnd is the end of the sentence part holding the token t.
func clauseEnd(toks []tok, t int) int {
	for j := t + 1; j < len(toks) && j <= t+30; j++ {
		if fullStop(toks, j) {
			return j
		}
	}
	return min(len(toks), t+31)
}

// cumulative reports a sentence that gives a running total or a rate
// rather than one incident: "so far this year", "in the past two weeks",
// "since January", "each year".
func cumulative(toks []tok) bool {
	for i := range toks {
		switch toks[i].low {
		case "so":
			// "so far this year", not "So far, no arrests".
			if matchWords(toks, i+1, "far") && i+2 < len(toks) {
				switch toks[i+2].low {
				case "this", "in", "since", "during":
					return true
				}
			}
		case "this", "last", "each", "every", "per", "a":
			// "earlier this year", "in January last year" date one incident.
			if matchWords(toks, i+1, "year") && !matchWords(toks, i+2, "-") &&
				!(i > 0 && (incidentTime[toks[i-1].low] || months[toks[i-1].low])) {
				return true
			}
		case "recent":
			if i+1 < len(toks) && (toks[i+1].low == "weeks" || toks[i+1].low == "months" || toks[i+1].low == "years" || toks[i+1].low == "days") {
				return true
			}
		case "past":
			for k := i + 1; k < len(toks) && k <= i+3; k++ {
				switch toks[k].low {
				case "weeks", "months", "years", "year", "decade", "days", "month", "week":
					return true
				}
			}
		case "since":
			if i+1 < len(toks) && (months[toks[i+1].low] || isDigits(toks[i+1].s) && len(toks[i+1].s) == 4) {
				return true
			}
		case "annually", "year-to-date":
			return true
		}
	}
	return false
}

// incidentTime before "this year" or "last year" dates one incident.
var incidentTime = setOf(`earlier later early late`)

var months = setOf(`january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec`)

// shotNoun reports "shot" as a noun: "a single shot", "fired a warning
// shot", "one shot was fired".
func shotNoun(toks []tok, t int) bool {
	if t == 0 {
		return false
	}
	switch toks[t-1].low {
	case "single", "warning", "first", "second", "third", "fourth", "lone", "final", "last",
		"stray", "fatal", "kill", "lucky", "fired", "one-shot", "parting", "gun":
		return true
	}
	if t+1 < len(toks) && toks[t+1].low == "wide" {
		return true // "fired a shot wide"
	}
	// "a forehand cross-court shot": an article, then modifiers that name
	// no one.
	for j := t - 1; j >= 0 && j >= t-4; j-- {
		w := toks[j].low
		if w == "a" || w == "an" || w == "his" || w == "her" || w == "their" {
			if j < t-1 {
				return true
			}
			break
		}
		if !isWord(toks[j].s) || isCapitalised(toks[j].s) || personNouns[w] || groupNouns[w] || stopWords[w] ||
			strings.HasSuffix(w, "year-old") || numStart[w] || w[0] >= '0' && w[0] <= '9' {
			break // "a man shot", "a man in his 20s shot"
		}
	}
	n, ok := parseNumber(toks, t-1)
	if !ok || n.end != t {
		return false
	}
	// "fired a shot", "fire one shot".
	if j := n.start - 1; j >= 0 {
		if w := toks[j].low; w == "fired" || w == "fire" || w == "fires" || w == "firing" || w == "heard" {
			return true
		}
	}
	// "one shot was fired", "a shot rang out".
	if t+1 < len(toks) {
		switch toks[t+1].low {
		case "was", "were", "had", "has", "is", "went", "rang", "fired", "hit", "struck", "from", "that",
			"which", "through", "into", "ricocheted", "missed":
			return true
		}
	}
	return false
}

// shotAt reports "shot at" without a hit: "were shot at and missed",
// "shot at them", "shot at by a gunman".
func shotAt(toks []tok, t int) bool {
	if !matchWords(toks, t+1, "at") || t+2 >= len(toks) {
		return t+2 == len(toks) && matchWords(toks, t+1, "at")
	}
	switch toks[t+2].low {
	case "him", "her", "them", "us", "me", "and", "but", ",", ".", "by", "from", "while", "multiple",
		"several", "repeatedly", "officers", "police", "deputies", "troopers", "agents":
		return true
	}
	return false
}

// hypothetical reports whether a modal or "to" governs the trigger.
func hypothetical(toks []tok, t int) bool {
	for j := t - 1; j >= 0 && j >= t-4; j-- {
		w := toks[j].low
		if modals[w] {
			// "leading to 28 arrests", "up to": a preposition, not an infinitive,
			// when a number stands between.
			if w == "to" && j+1 < t {
				if _, ok := parseNumber(toks, j+1); ok {
					return false
				}
			}
			return true
		}
		if !isAux(toks[j]) {
			break
		}
	}
	// An open question: "it was unclear whether anyone was hurt", "asked if
	// the suspects were injured".
	for j := t - 1; j >= 0 && j >= t-10; j-- {
		switch toks[j].low {
		case "whether", "if":
			return true
		case ".", ";", ":", "but", "and", "while", "when", "after", "before":
			return false
		}
	}
	return false
}

// negated reports "not"/"never" among the auxiliaries before the trigger.
func negated(toks []tok, t int) bool {
	for j := t - 1; j >= 0 && j >= t-4 && isAux(toks[j]); j-- {
		if w := toks[j].low; w == "not" || w == "never" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

func timeNoun(w string) bool {
	switch w {
	case "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
		"minute", "minutes", "time", "times", "miles", "mile", "feet", "dollars", "shots", "rounds",
		"decade", "decades", "century", "centuries", "seconds":
		return true
	}
	return false
}
