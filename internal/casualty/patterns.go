package casualty

// Patterns beyond the verb: wounds, conditions, hospitals, nouns that name
// the dead, coordinated deaths and "one fatally".

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// woundMods may stand between a verb of suffering and the wound: "suffered
// a single apparent gunshot wound", "sustained non-life-threatening injuries".
var woundMods = setOf(`apparent gunshot gun shot stab knife bullet single multiple several
non life threatening life-threatening non-life-threatening critical serious minor
self-inflicted fatal mortal graze superficial possible severe major moderate head
what appeared to be appear appears appeared believed unknown undisclosed extensive
significant grave traumatic injuries injury - two three four five one of to any for
`)

// woundCompounds follow "injury" when it names no wound: "an injury
// scare", "injury time", "personal injury lawyer".
var woundCompounds = setOf(`scare scares worry worries concern concerns doubt doubts crisis list
problem problems time update updates report reports lawsuit lawsuits claim claims attorney
attorneys lawyer lawyers settlement compensation insurance prevention record records rate rates
risk risks`)

// sufferVerbs govern a wound whose bearer is on their left.
var sufferVerbs = setOf(`suffered suffering suffers suffer sustained sustaining sustains
sustain received receiving receives with treated had has having survived survives`)

// condAdjs describe a patient's condition: "in critical condition".
var condAdjs = setOf(`critical serious stable grave fair guarded good satisfactory poor`)

// participles that kill when followed by "to death" (not "sentenced to death").
var toDeathVerbs = setOf(`beaten bludgeoned hacked burned burnt stoned clubbed strangled
crushed trampled choked kicked stomped mauled bled gunned knifed`)

// woundPhrase reads "a man suffered a gunshot wound", "two men were found
// with gunshot wounds", "Roe, suffering from stab wounds": the bearer of the
// wound on the left of the verb counts. A "fatal" wound counts as killed
// (Kind set); otherwise Kind is left empty.
func woundPhrase(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	if t+1 < len(toks) && woundCompounds[toks[t+1].low] {
		return sitrep.Casualty{}, false // "an injury scare", "injury claims"
	}
	fatal, none := false, false
	g := -1
	for j := t - 1; j >= 0 && j >= t-8; j-- {
		w := toks[j].low
		if sufferVerbs[w] {
			g = j
			break
		}
		if w == "from" && j > 0 && (toks[j-1].low == "suffering" || toks[j-1].low == "suffered" || toks[j-1].low == "recovering") {
			g = j - 1
			break
		}
		if w == "fatal" || w == "mortal" {
			fatal = true
		}
		if woundMods[w] || strings.Contains(w, "-") {
			continue
		}
		if n, ok := parseNumber(toks, j); ok {
			none = none || n.count == 0 && !n.article
			continue
		}
		return sitrep.Casualty{}, false
	}
	if g < 0 || hypothetical(toks, g) {
		return sitrep.Casualty{}, false
	}
	if toks[g].low == "with" {
		g = motionVerb(toks, g)
	}
	c, ok := subject(text, toks, g, true)
	if !ok {
		return c, false
	}
	c.Kind = ""
	if none || negated(toks, g) {
		c.Count, c.Exact = 0, true
	}
	if fatal {
		c.Kind = Killed
	}
	return c, true
}

// condition reads "he is in critical condition", "a man was listed in
// serious but stable condition", "one man in critical condition".
func condition(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	j := t - 1
	adj := false
	for j >= 0 && j >= t-5 && (condAdjs[toks[j].low] || toks[j].low == "but" || toks[j].low == "and" ||
		toks[j].low == "," || toks[j].low == "extremely" || toks[j].low == "very" || toks[j].low == "critically") {
		adj = adj || condAdjs[toks[j].low]
		j--
	}
	if !adj || j < 1 || toks[j].low != "in" {
		return sitrep.Casualty{}, false
	}
	c, ok := subject(text, toks, j, true)
	if !ok || c.Count == 0 || illnessNear(toks, t) {
		return sitrep.Casualty{}, false
	}
	return c, true
}

// illnessNear reports an illness named in the rest of the clause: "in
// stable condition at the coronary care unit", "after a stroke".
func illnessNear(toks []tok, t int) bool {
	for j := t + 1; j < len(toks) && j <= t+12; j++ {
		switch toks[j].low {
		case ".", ";":
			return false
		case "stroke", "coronary", "cardiac", "heart", "cancer", "illness", "pneumonia", "flu", "covid", "covid-19",
			"coronavirus", "disease", "infection", "overdose":
			return true
		}
	}
	return false
}

// coordinatedDeath reads "died" coordinated with an earlier verb of the
// sentence whose victims were found ("two men were shot and later died",
// "she was struck by a car, and died"), or whose subject is a pronoun that
// opens the sentence ("He was taken to a hospital and died").
func coordinatedDeath(text string, toks []tok, t int, prev []sitrep.Casualty) (sitrep.Casualty, bool) {
	j := t - 1
	for j >= 0 && (isAux(toks[j]) || toks[j].low == "then") {
		j--
	}
	if j < 1 || toks[j].low != "and" {
		// "A man who was shot on Monday died Tuesday": the main verb of
		// the relative clause's head.
		for _, p := range prev {
			if p.Count > 0 && p.End <= toks[t].start && strings.Contains(p.Text, " who ") {
				return sitrep.Casualty{Span: sitrep.Span{Start: p.Start, End: toks[t].end}, Count: p.Count, Exact: p.Exact, Who: p.Who}, true
			}
		}
		return sitrep.Casualty{}, false
	}
	for i := len(prev) - 1; i >= 0; i-- {
		if p := prev[i]; p.End <= toks[j].start && p.Count > 0 {
			return sitrep.Casualty{Span: sitrep.Span{Start: p.Start, End: toks[t].end}, Count: p.Count, Exact: p.Exact, Who: p.Who}, true
		}
	}
	if w := toks[0].low; w == "he" || w == "she" {
		return one(text, toks, 0, 1, t), true
	}
	// "The victim staggered off the porch and was found dead".
	if c, x, e, ok := victimNP(toks, 0); ok && e < j && c > 0 {
		return sitrep.Casualty{Span: sitrep.Span{Start: toks[0].start, End: toks[t].end}, Count: c, Exact: x,
			Who: phrase(text, toks, 0, e)}, true
	}
	return sitrep.Casualty{}, false
}

// fatallyAfter reads ", one fatally" or ", two of them fatally" at toks[k],
// after a count of wounded.
func fatallyAfter(text string, toks []tok, k int) (sitrep.Casualty, bool) {
	if k+2 >= len(toks) || toks[k].s != "," {
		return sitrep.Casualty{}, false
	}
	n, ok := parseNumber(toks, k+1)
	if !ok || n.article || n.count == 0 {
		return sitrep.Casualty{}, false
	}
	e := n.end
	if matchWords(toks, e, "of", "them") || matchWords(toks, e, "of", "whom") {
		e += 2
	}
	if !matchWords(toks, e, "fatally") && !matchWords(toks, e, "mortally") {
		return sitrep.Casualty{}, false
	}
	return sitrep.Casualty{
		Span:  sitrep.Span{Start: toks[n.start].start, End: toks[e].end},
		Kind:  Killed,
		Count: n.count, Exact: n.exact,
		Text: text[toks[n.start].start:toks[e].end],
	}, true
}

// hospital reads "two men were taken to a local hospital", "she arrived at
// Mercy Hospital", "the shooting sent one man to the hospital".
func hospital(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	fill := true // only hospFill words so far
	for j := t - 1; j >= 0 && j >= t-9; j-- {
		w := toks[j].low
		switch w {
		case "taken", "rushed", "transported", "flown", "airlifted", "driven", "brought", "admitted",
			"walked", "arrived", "showed", "went", "ran", "returned", "remains", "remained", "is", "was",
			"treated", "recovering", "hospitalized", "hospitalised":
			if !fill {
				return sitrep.Casualty{}, false
			}
			if w == "is" || w == "was" || w == "remains" || w == "remained" {
				// "is in the hospital", "remained in a hospital"
				if !matchWords(toks, j+1, "in") {
					return sitrep.Casualty{}, false
				}
			}
			if hypothetical(toks, j) {
				return sitrep.Casualty{}, false
			}
			c, ok := subject(text, toks, j, true)
			if !ok || c.Count == 0 || illness(toks, t) || illnessNear(toks, t) {
				return sitrep.Casualty{}, false
			}
			// "... to a hospital with non-life-threatening injuries".
			if matchWords(toks, t+1, "with") {
				for k := t + 2; k < len(toks) && k <= t+7; k++ {
					if w := toks[k].low; w == "injuries" || w == "injury" || w == "wounds" || w == "wound" {
						c.End = toks[k].end
						break
					}
				}
			}
			return c, true
		case "sent", "sending", "sends", "took", "taking", "drove", "rushing":
			if hypothetical(toks, j) {
				return sitrep.Casualty{}, false
			}
			return object(text, toks, j)
		}
		if !hospFill[w] && !isCapitalised(toks[j].s) && w != "-" && w != "’s" && w != "'s" {
			if stopWords[w] && w != "to" {
				return sitrep.Casualty{}, false
			}
			fill = false
		}
	}
	return sitrep.Casualty{}, false
}

// hospFill may stand between a verb of transport and "hospital".
var hospFill = setOf(`to a an the at into in local area nearby regional medical university county
city community children's general memorial trauma up his her their same different another`)

// gunOnSelf reads the suicide idiom "turned the gun on himself".
func gunOnSelf(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	if !strings.HasPrefix(toks[t].low, "turn") || !matchWords(toks, t+1, "the", "gun", "on") || t+4 >= len(toks) {
		return sitrep.Casualty{}, false
	}
	if w := toks[t+4].low; w != "himself" && w != "herself" {
		return sitrep.Casualty{}, false
	}
	return sitrep.Casualty{Span: sitrep.Span{Start: toks[t].start, End: toks[t+4].end}, Kind: Killed, Count: 1, Exact: true,
		Who: toks[t+4].s, Text: text[toks[t].start:toks[t+4].end]}, true
}

// nominalDeath reads the dead named by a noun: "the deaths of a man and
// his son", "the fatal shooting of Ana Ruiz", "the body of a woman", "a
// double homicide", "a murder-suicide" (at least two dead), and the
// wounded named by one ("the wounding of several officers").
func nominalDeath(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	w := toks[t].low
	if t > 0 && isCapitalised(toks[t].s) {
		return sitrep.Casualty{}, false // a title: "The Life and Death of ..."
	}
	if (w == "lives" || w == "life") && t >= 2 {
		return livesLost(text, toks, t)
	}
	if (w == "body" || w == "bodies") && t >= 1 && t+2 < len(toks) && (toks[t+1].low == "was" || toks[t+1].low == "were") {
		return bodyFound(text, toks, t)
	}
	of := matchWords(toks, t+1, "of") && (nominalOf[w] || nominalHurt[w])
	if !of && w != "murder-suicide" && (t == 0 || multiple[toks[t-1].low] == 0) {
		return sitrep.Casualty{}, false
	}
	if t > 0 {
		switch toks[t-1].low {
		case "attempted", "attempt", "attempting", "conspiracy", "plot", "threat", "threats", "threatened":
			return sitrep.Casualty{}, false // "the attempted murder of a guard"
		}
	}
	if of {
		if (w == "body" || w == "bodies") && t > 0 && !adjDeterminer(toks[t-1].low) && !numStart[toks[t-1].low] {
			return sitrep.Casualty{}, false // "the ruling body of Brazil's ..."
		}
		if w == "shooting" || w == "shootings" {
			if t == 0 || toks[t-1].low != "fatal" && toks[t-1].low != "deadly" {
				return sitrep.Casualty{}, false
			}
		}
		c, ok := object(text, toks, t+1)
		if !ok || c.Count == 0 || notVictim(c.Who) {
			return sitrep.Casualty{}, false
		}
		c.Kind = Killed
		if nominalHurt[w] {
			c.Kind = Wounded // "the wounding of several officers"
		}
		c.Start = toks[t].start
		c.Text = text[c.Start:c.End]
		return c, true
	}
	switch w {
	case "homicide", "homicides", "murder", "murders", "killing", "killings", "slaying", "slayings", "murder-suicide":
		n, ok := 0, false
		if w == "murder-suicide" {
			n, ok = 2, true
		} else if t > 0 {
			n, ok = multiple[toks[t-1].low]
		}
		if !ok {
			break
		}
		s := t
		if w != "murder-suicide" {
			s = t - 1
		}
		return sitrep.Casualty{Span: sitrep.Span{Start: toks[s].start, End: toks[t].end}, Kind: Killed,
			Count: n, Exact: w != "murder-suicide", Text: text[toks[s].start:toks[t].end]}, true
	}
	return sitrep.Casualty{}, false
}

// nominalOf are nouns whose "of" phrase names the dead.
var nominalOf = setOf(`death deaths killing killings murder murders slaying slayings body bodies
shooting shootings`)

// nominalHurt are nouns whose "of" phrase names the wounded.
var nominalHurt = setOf(`wounding woundings injuring maiming`)

// multiple reads "double homicide", "triple murder".
var multiple = map[string]int{"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}

// toDeath reports "to death" at toks[i].
func toDeath(toks []tok, i int) bool {
	return matchWords(toks, i, "to", "death")
}

// nounCount reads "two deaths", "28 arrests", "no injuries".
func nounCount(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	for j := t - 1; j >= 0 && j >= t-4; j-- {
		if n, ok := parseNumber(toks, j); ok && n.end <= t && !isYear(toks, n) {
			for k := n.end; k < t; k++ {
				if stopWords[toks[k].low] {
					return sitrep.Casualty{}, false
				}
			}
			if n.article && toks[t].low != "death" && toks[t].low != "fatality" {
				continue
			}
			if n.article && toks[t].low == "death" {
				return sitrep.Casualty{}, false // "a death threat"
			}
			j, n = extendLeft(toks, j, n)
			return sitrep.Casualty{Span: sitrep.Span{Start: toks[j].start, End: toks[t].end}, Count: n.count, Exact: n.exact,
				Who: ""}, true
		}
		if stopWords[toks[j].low] {
			break
		}
	}
	return sitrep.Casualty{}, false
}

// deathToll reads "the death toll rose to 30", "a death toll of 12".
func deathToll(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	if toks[t].low == "death" {
		if !matchWords(toks, t+1, "toll") {
			return nounCount(text, toks, t)
		}
		t++
	}
	for j := t + 1; j < len(toks) && j <= t+10; j++ {
		if n, ok := parseNumber(toks, j); ok && !n.article && !isYear(toks, n) && !notCount(toks, n) {
			return sitrep.Casualty{Span: sitrep.Span{Start: toks[t-1].start, End: toks[n.end-1].end}, Count: n.count, Exact: n.exact}, true
		}
		switch toks[j].low {
		case ".", ";", "and", "but", ",", "including":
			return sitrep.Casualty{}, false
		}
	}
	return sitrep.Casualty{}, false
}

// among reads "an officer was among the dead" (the subject before) and
// "among the dead were two children" (the victims after); t is the
// trigger after "among the".
func among(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	if t < 2 || toks[t-2].low != "among" {
		return sitrep.Casualty{}, false
	}
	var c sitrep.Casualty
	ok := false
	if t+1 < len(toks) && (toks[t+1].low == "were" || toks[t+1].low == "was" || toks[t+1].low == "are" || toks[t+1].low == "is") {
		var j int
		for j = t + 2; j < len(toks) && j < t+4 && !isWord(toks[j].s); j++ {
		}
		if _, _, _, ok2 := victimNP(toks, j); ok2 {
			c, ok = object(text, toks, t+1)
			if ok {
				c.Start = toks[t-2].start
			}
		}
	} else {
		c, ok = subject(text, toks, t-2, true)
		if ok {
			c.End = toks[t].end
		}
	}
	if !ok || c.Count == 0 || notVictim(c.Who) {
		return sitrep.Casualty{}, false
	}
	c.Text = text[c.Start:c.End]
	return c, true
}

// livesLost reads "claimed the lives of five soldiers" and "two people
// lost their lives"; t is at "lives" or "life".
func livesLost(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	switch toks[t-2].low {
	case "claimed", "claiming", "claims", "claim", "took", "taking", "takes", "cost", "costing", "costs":
		if toks[t-1].low != "the" || !matchWords(toks, t+1, "of") {
			return sitrep.Casualty{}, false
		}
		c, ok := object(text, toks, t+1)
		if !ok || c.Count == 0 || notVictim(c.Who) {
			return sitrep.Casualty{}, false
		}
		c.Kind, c.Start = Killed, toks[t-2].start
		c.Text = text[c.Start:c.End]
		return c, true
	case "lost", "losing":
		switch toks[t-1].low {
		case "his", "her", "their":
		default:
			return sitrep.Casualty{}, false
		}
		c, ok := subject(text, toks, t-2, true)
		if !ok || c.Count == 0 || notVictim(c.Who) {
			return sitrep.Casualty{}, false
		}
		c.Kind, c.End = Killed, toks[t].end
		c.Text = text[c.Start:c.End]
		return c, true
	}
	return sitrep.Casualty{}, false
}

// motionVerb moves the governor "with" at g back to a verb of arrival
// before it, over an adverb or a place: "a man arrived there with a
// gunshot wound", "a teen showed up at a fire station with stab wounds".
func motionVerb(toks []tok, g int) int {
	for j := g - 1; j >= 0 && j >= g-7; j-- {
		switch w := toks[j].low; w {
		case "arrived", "arrives", "walked", "walks", "showed", "shows", "came", "comes", "drove", "ran",
			"stumbled", "staggered", "turned", "checked", "went", "appeared":
			return j
		case "there", "here", "later", "alone", "up", "in", "at", "into", "to", "a", "an", "the", "local", "nearby",
			"area", "home", "hospital", "station", "store":
			continue
		default:
			if isCapitalised(toks[j].s) {
				continue
			}
			return g
		}
	}
	return g
}

// bodyFound reads "a man whose body was found in a ditch" and "Ruiz's body
// was found"; t is at "body".
func bodyFound(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	switch toks[t+2].low {
	case "found", "discovered", "recovered", "pulled", "identified":
	default:
		return sitrep.Casualty{}, false
	}
	p := toks[t-1]
	var c sitrep.Casualty
	switch {
	case p.low == "whose":
		var ok bool
		if c, ok = subject(text, toks, t-1, true); !ok || c.Count == 0 || notVictim(c.Who) {
			return sitrep.Casualty{}, false
		}
	case isCapitalised(p.s) && (strings.HasSuffix(p.low, "'s") || strings.HasSuffix(p.low, "’s")):
		c = sitrep.Casualty{Span: sitrep.Span{Start: p.start}, Count: 1, Exact: true, Who: p.s}
	default:
		return sitrep.Casualty{}, false
	}
	c.Kind, c.End = Killed, toks[t+2].end
	c.Text = text[c.Start:c.End]
	return c, true
}
