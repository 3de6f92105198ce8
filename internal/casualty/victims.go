package casualty

// Victims: the noun phrases that name who was killed or hurt, on the left
// of a verb (subject), on its right (object), coordinated, listed or set off
// by asides, and the words that tell a person from a place, a time or a thing.

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// nonPersons are heads of noun phrases that name no victim: places,
// addresses, vehicles, times and animals ("a parked car was hit", "Elm
// Street was struck", "five cougars were killed").
var nonPersons = setOf(`hospital hospitals home homes house houses residence residences
apartment apartments building buildings driveway walkway porch yard sidewalk road roads car
cars vehicle vehicles truck trucks suv van bus window windows door doors wall walls scene room
area block lot store shop bar club restaurant motel hotel station center centre school
church complex property business office tree fence pole
street st avenue ave road rd drive dr ln boulevard blvd circle
terrace parkway highway freeway interstate route nw ne sw se county counties city township
parish side neighborhood valley state district village town
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
today yesterday tonight january february march april may june july august september october
november december
gun guns handgun handguns rifle rifles shotgun pistol revolver weapon weapons firearm
firearms caliber round rounds bullet bullets
ship ships vessel vessels tanker tankers boat boats aircraft plane planes helicopter helicopters
jet jets tank tanks ferry ferries
dog dogs cat cats cougar cougars bear bears deer horse horses cow cows cattle animal animals
wolf wolves coyote coyotes bull bulls bird birds pet pets puppy chicken chickens duck ducks
poultry pig pigs sheep goat goats fish swan swans goose geese livestock
crash crashes accident accidents collision collisions fire fires shooting shootings attack attacks
incident incidents explosion explosions blast blasts ditch river lake field woods prison prisons jail
jails facility camp factory`)

// timeWords end an object noun phrase: "injured a man Tuesday night".
var timeWords = setOf(`monday tuesday wednesday thursday friday saturday sunday morning
afternoon evening night today yesterday tonight early late last this overnight`)

// personWho reports a victim phrase that surely names people: a pronoun, a
// name, or a person noun at its end ("him", "Ana Ruiz", "two pedestrians").
func personWho(who string) bool {
	w := who[strings.LastIndexAny(who, " \t\n")+1:]
	if w == "" {
		return false
	}
	if isCapitalised(w) {
		return true // "Mundwiler", "Ana Ruiz"
	}
	w = strings.ToLower(w)
	switch w {
	case "him", "her", "himself", "herself", "others", "victim", "victims":
		return true
	}
	return personNouns[w] || groupNouns[w] || strings.HasSuffix(w, "s") && personNouns[w[:len(w)-1]]
}

// notVictim reports a victim phrase whose last word is a non-person.
func notVictim(who string) bool {
	if who == "" {
		return false
	}
	w := who[strings.LastIndexAny(who, " \t\n")+1:]
	if len(w) > 16 {
		return false
	}
	var buf [16]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return nonPersons[string(buf[:len(w)])]
}

// lastWord is the last word of s.
func lastWord(s string) string {
	return s[strings.LastIndexAny(s, " \t\n")+1:]
}

// determiners open a noun phrase.
var determiners = setOf(`the a an his her their its our my your this that these those`)

// person nouns whose definite singular ("the man") counts one victim.
var personNouns = setOf(`hiker climber hunter swimmer fisherman farmer miner bystander
stepfather stepmother stepson stepdaughter stepbrother stepsister fiance fiancee fiancé fiancée
partner roommate landlord tenant acquaintance classmate coworker co-worker teacher pastor priest
imam rabbi doctor nurse policeman policewoman sheriff agent robber burglar intruder attacker
assailant carjacker kid adult patient inmate prisoner hostage shopkeeper cashier vendor
bartender bouncer manager grandson granddaughter mom dad grandma grandpa newborn veteran
sergeant lieutenant corporal fighter militant rebel reporter photographer activist protester
protestor demonstrator villager tourist visitor guest witness survivor motorcyclist rider
ex-wife ex-husband ex-girlfriend ex-boyfriend ex-partner ex-fiance ex-fiancee grandchild
member staffer volunteer engineer technician laborer labourer peasant trader merchant businessman
businesswoman herder medic paramedic firefighter ranger warden sentry conscript recruit
cadet insurgent guerrilla jihadist bomber sniper captive detainee settler tribesman elder
politician candidate cameraman commando policeman policewoman serviceman servicewoman airman
sailor marine pilot crewman crew spokesman aide teenager schoolboy schoolgirl
pupil athlete player governor commander leader chief mayor official president
minister lawmaker senator councilman councilwoman judge prosecutor bodyguard diplomat envoy
ambassador cleric monk nun worshipper pilgrim refugee migrant
man woman boy girl teen teenager person victim child baby toddler
student officer deputy trooper driver passenger resident suspect gunman shooter father mother
son daughter brother sister husband wife girlfriend boyfriend friend neighbor neighbour worker
employee clerk guard soldier civilian contractor journalist pedestrian cyclist motorist youth
infant juvenile male female individual customer patron owner homeowner relative uncle aunt
cousin grandmother grandfather nephew niece`)

// subject finds the count on the left of the trigger: "12 people were
// killed", "a man died", "30 dead", "leaving four injured". With aux set,
// the auxiliaries between subject and verb are skipped first.
func subject(text string, toks []tok, t int, aux bool) (sitrep.Casualty, bool) {
	e := t
	for e > 0 && (isAux(toks[e-1]) || ((toks[e-1].low == "and" || toks[e-1].low == "or") && e > 1 && isPart(toks[e-2].low)) ||
		isPart(toks[e-1].low) && e-1 != t) {
		e--
	}
	// A relative clause: "a man who was shot", "Roe, who was found dead".
	if aux && e > 1 && (toks[e-1].low == "who" || toks[e-1].low == "that" && e < t) && isWord(toks[e-2].s) ||
		aux && e > 2 && toks[e-1].low == "who" && toks[e-2].s == "," {
		e--
		if toks[e-1].s == "," {
			e--
		}
	}
	if aux {
		e = skipInserts(toks, e)
	}
	if !aux && e != t {
		// Only adverbs may intervene for reduced forms ("30 dead").
		for j := e; j < t; j++ {
			switch toks[j].low {
			case "was", "were", "is", "are", "have", "has", "had":
				return sitrep.Casualty{}, false
			}
		}
	}
	// Walk left over the noun phrase, remembering the leftmost number start.
	best := -1
	var bn number
	for j := e - 1; j >= 0 && j >= e-8; j-- {
		if !isWord(toks[j].s) || stopWords[toks[j].low] && !isNumberStart(toks, j) && !(toks[j].low == "of" && j > 0 && (ofQuantity(toks[j-1].low) || partitive(toks, j-1))) &&
			!(countedSources[toks[j].low] && j > 0 && isNumberEnd(toks, j)) {
			break
		}
		if n, ok := parseNumber(toks, j); ok && n.end <= e && !(n.article && n.end == e) && !isYear(toks, n) && !notCount(toks, n) {
			if isAge(toks, n) {
				break
			}
			if best >= 0 && n.end == best && bn.start == best {
				break // two numbers side by side: "Channel 16 no one was hurt"
			}
			best, bn = j, n
		}
		// A determiner opens the noun phrase: "Gallery 28 A 17-year-old girl";
		// so does a bare age after a capitalised word: "Close 17-year-old girl".
		if adjDeterminer(toks[j].low) && !(j > 0 && toks[j-1].low == "of") ||
			strings.HasSuffix(toks[j].low, "year-old") && j > 0 && isCapitalised(toks[j-1].s) && !determiners[toks[j-1].low] {
			break
		}
	}
	if best >= 0 {
		best, bn = extendLeft(toks, best, bn)
		extra, s, x := leftConj(toks, best)
		c := sitrep.Casualty{
			Span:  sitrep.Span{Start: toks[s].start, End: toks[t].end},
			Count: bn.count + extra, Exact: bn.exact && x,
			Who: phrase(text, toks, s, e),
		}
		if norBefore(toks, s) {
			c.Count, c.Exact = 0, true
		}
		return c, true
	}
	// A headline's bare age and noun: "19-year-old man shot".
	if !aux && e >= 2 && personNouns[toks[e-1].low] && strings.HasSuffix(toks[e-2].low, "year-old") {
		return one(text, toks, e-2, e, t), true
	}
	// One named or singular victim: "the man was killed", "Gerald Roe, 39,
	// was found dead", "he was shot".
	if e > 0 && aux {
		j := e - 1
		w := toks[j].low
		if w == "," && j >= 3 && isDigits(toks[j-1].s) && toks[j-2].s == "," {
			j -= 3 // ", 39,"
			w = toks[j].low
		} else if w == "," && j >= 2 && (isName(toks[j-1]) || personNouns[toks[j-1].low]) {
			j-- // "The victim, identified as Ana Ruiz, was shot", "The victim, a male, was"
			w = toks[j].low
		}
		switch {
		case w == "he" || w == "she" || w == "another":
			return one(text, toks, j, j+1, t), true
		case personNouns[w]:
			s := j
			for s > 0 && s > j-4 && !stopWords[toks[s-1].low] && !determiners[toks[s].low] {
				s--
			}
			return one(text, toks, s, j+1, t), true
		case isCapitalised(toks[j].s) && !stopWords[w] && !groupNouns[w] && !contraction(w):
			s := j
			for s > 0 && s > j-5 && (isCapitalised(toks[s-1].s) && !stopWords[toks[s-1].low] || initialDot(toks, s-1)) {
				s--
			}
			return one(text, toks, s, j+1, t), true
		}
	}
	return sitrep.Casualty{}, false
}

// skipInserts moves the end e of a subject noun phrase left over what is
// inserted between the phrase and its verb: a dash or bracket aside ("A girl
// — a bystander — was shot"), a comma aside ("Four people, including a
// boy, were shot") and a place ("A man in a car was shot").
func skipInserts(toks []tok, e int) int {
	for it := 0; it < 3 && e > 1; it++ {
		w := toks[e-1].s
		switch {
		case w == "—" || w == "–" || w == "--" || w == ")":
			open := w
			if w == ")" {
				open = "("
			}
			k := e - 2
			for k > 0 && k >= e-25 && toks[k].s != open {
				k--
			}
			if k <= 0 || toks[k].s != open {
				return e
			}
			e = k
		case w == ",":
			k := e - 2
			for k > 0 && k >= e-10 && toks[k].s != "," {
				k--
			}
			if k <= 0 || toks[k].s != "," {
				return e
			}
			switch toks[k+1].low {
			case "including", "both", "all", "ages", "aged", "each", "among", "mainly", "mostly", "many", "most":
				e = k
			default:
				return e
			}
		case e >= 3 && (toks[e-2].low == "including" || toks[e-3].low == "including" || e >= 4 && toks[e-4].low == "including"):
			// "Four people including a child were found dead"
			k := e - 2
			for toks[k].low != "including" {
				k--
			}
			if k == 0 || !isWord(toks[k-1].s) {
				return e
			}
			e = k
		case ofGroup(toks, e) > 0:
			// "Seven soldiers of the Kenyan army were killed", "11
			// fighters of the Al-Shabaab militia who were killed": the
			// group's "of" phrase says whose they are.
			e = ofGroup(toks, e)
		case isPart(toks[e-1].low) && e >= 2 && isWord(toks[e-2].s) && !auxWords[toks[e-2].low]:
			// a reduced relative: "one of the victims shot on Elm Street died"
			e--
		case isCapitalised(toks[e-1].s) && placeName(toks, e) > 1:
			// "one of the victims shot on Roney Lane", "Ana Ruiz, 22, of
			// Syracuse"
			e = placeName(toks, e)
		case nonPersons[toks[e-1].low]:
			// "a man in a car", "two people at the scene"
			k := e - 2
			for k > 0 && k >= e-5 && !places[toks[k].low] {
				k--
			}
			if k <= 0 || !places[toks[k].low] || !isWord(toks[k-1].s) || stopWords[toks[k-1].low] {
				return e
			}
			e = k
		default:
			return e
		}
	}
	return e
}

// ofGroup returns the index of the "of" of a phrase of up to five words
// that ends at e and follows a plural group noun ("soldiers of the Kenyan
// army"), else 0.
func ofGroup(toks []tok, e int) int {
	for k := e - 2; k >= 2 && k >= e-6; k-- {
		if !isWord(toks[k].s) {
			return 0
		}
		if toks[k].low == "of" {
			if groupNouns[toks[k-1].low] && toks[k-1].low != "people" {
				return k
			}
			return 0
		}
	}
	return 0
}

// placeName returns the index of the preposition before a capitalised
// place name that ends at e ("on Elm Street", "of Syracuse"), when a word
// stands before the preposition; otherwise 0.
func placeName(toks []tok, e int) int {
	k := e - 1
	for k > 0 && k >= e-4 && isCapitalised(toks[k].s) {
		k--
	}
	if k >= e-1 || k < 1 || !places[toks[k].low] && toks[k].low != "of" || !isWord(toks[k-1].s) && toks[k-1].s != "," {
		return 0
	}
	return k
}

// places are prepositions of place.
var places = setOf(`in inside at near outside on from aboard`)

// ofQuantity reports words that take "of" inside a number phrase.
func ofQuantity(w string) bool {
	_, ok := vague[w]
	return ok || w == "dozen" || w == "few" || w == "couple" || w == "number" || w == "handful"
}

// extendLeft widens a number to a quantifier prefix before it: "more than 20".
func extendLeft(toks []tok, j int, n number) (int, number) {
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		if m, ok := parseNumber(toks, k); ok && m.end == n.end {
			n, j = m, k
		}
	}
	return j, n
}

// one is a single victim toks[s:e] of the trigger at t, or the last of
// coordinated victims ("a man and his girlfriend were found dead").
func one(text string, toks []tok, s, e, t int) sitrep.Casualty {
	extra, s, x := leftConj(toks, s)
	c := sitrep.Casualty{
		Span:  sitrep.Span{Start: toks[s].start, End: toks[t].end},
		Count: 1 + extra, Exact: x,
		Who: phrase(text, toks, s, e),
	}
	if norBefore(toks, s) {
		c.Count, c.Exact = 0, true
	}
	return c
}

// norBefore reports "neither ... nor" before the victims at toks[s]:
// "Neither the driver nor his two children were hurt".
func norBefore(toks []tok, s int) bool {
	for j := s - 1; j >= 0 && j >= s-8; j-- {
		switch toks[j].low {
		case "nor", "neither":
			return true
		case ".", ";", ":":
			return false
		}
	}
	return false
}

// leftConj reads victims coordinated before the victim phrase that starts
// at toks[s]: "Ana Ruiz, 30, and her brother, Leo Ruiz," or "two men and"
// before "a woman". It returns how many more victims there are, where the
// first starts, and whether all counts are exact.
func leftConj(toks []tok, s int) (extra, start int, exact bool) {
	exact = true
	for it := 0; it < 6; it++ {
		// "her brother, Leo Ruiz": the name is the same person.
		if s >= 2 && toks[s-1].s == "," && isName(toks[s]) {
			if r := npEndingAt(toks, s-1); r >= 0 && !isName(toks[s-2]) {
				s = r
			}
		}
		if s >= 2 && toks[s-1].s == "," {
			// A headline's comma: "Man, 16-year-old girl wounded".
			if r := npEndingAt(toks, s-1); r == 0 && personNouns[toks[s-2].low] && !determiners[toks[0].low] {
				c, x, _, _ := victimNP(toks, 0)
				return extra + c, 0, exact && x
			}
		}
		// "Six guards, a driver and a civilian": after an "and", commas go on
		// with counted or determined victims, not bare names ("In Ohio, a
		// man and a woman").
		if s >= 2 && toks[s-1].s == "," && it > 0 {
			if r := npEndingAt(toks, s-1); r >= 0 && !isName(toks[r]) {
				c, x, _, _ := victimNP(toks, r)
				extra += c
				exact = exact && x
				s = r
				continue
			}
		}
		if s < 2 || toks[s-1].low != "and" {
			break
		}
		q := s - 1
		if q >= 4 && toks[q-1].s == "," && isDigits(toks[q-2].s) && toks[q-3].s == "," {
			q -= 3 // "Ana Ruiz, 30, and"
		}
		r := npEndingAt(toks, q)
		if r < 0 {
			break
		}
		// "a ferry capsized in China and 147 died": a place, not a victim.
		if isName(toks[r]) && (r > 0 && places[toks[r-1].low] || isNumberWord(toks, s)) {
			break
		}
		// "between 20 and 30 people": a range, read at its low end.
		if r > 0 && toks[r-1].low == "between" && isNumberWord(toks, r) && isNumberWord(toks, s) {
			lo, _, _, _ := victimNP(toks, r)
			hi, _, _, _ := victimNP(toks, s)
			return extra + lo - hi, r - 1, false
		}
		// "the death toll rose to three and 12 others were wounded": the
		// object of a preposition is no fellow subject.
		if r > 0 {
			switch toks[r-1].low {
			case "to", "from", "of", "by", "than", "with":
				return extra, s, exact
			}
		}
		c, x, _, _ := victimNP(toks, r)
		extra += c
		exact = exact && x
		s = r
	}
	return extra, s, exact
}

// isNumberWord reports a quantity at toks[s].
func isNumberWord(toks []tok, s int) bool {
	n, ok := parseNumber(toks, s)
	return ok && !n.article
}

// npEndingAt finds the start of the leftmost victim phrase that ends right
// before toks[q], or -1.
func npEndingAt(toks []tok, q int) int {
	for r := max(0, q-6); r < q; r++ {
		if _, _, end, ok := victimNP(toks, r); ok && end == q {
			return r
		}
	}
	return -1
}

// partitive reports a count before "of": "two of the men", "one of them".
func partitive(toks []tok, j int) bool {
	n, ok := parseNumber(toks, j)
	return ok && !n.article && n.end == j+1
}

func isNumberStart(toks []tok, j int) bool {
	switch toks[j].low {
	case "at", "more", "up", "as", "over", "some":
		_, ok := parseNumber(toks, j)
		return ok
	}
	return false
}

// notCount reports a number that measures something else: an age ("32
// year-old", "45 years old"), an address ("the 300 block", "516 Elm Street").
func notCount(toks []tok, n number) bool {
	if n.end >= len(toks) {
		return false
	}
	w := toks[n.end].low
	if strings.HasPrefix(w, "year") || w == "block" || w == "-" || timeNoun(w) {
		return true
	}
	// A date: "Feb. 13", "March 3".
	if p := n.start - 1; p >= 0 && (months[toks[p].low] || toks[p].s == "." && p > 0 && months[toks[p-1].low]) {
		return true
	}
	// "Schalke 04", "Route 09": a leading zero names, it does not count.
	if d := toks[n.start].s; len(d) > 1 && d[0] == '0' && isDigits(d) {
		return true
	}
	// A house number: digits, then capitalised words ending in a street word.
	if !isDigits(toks[n.start].s) || n.end != n.start+1 {
		return false
	}
	for k := n.end; k < len(toks) && k < n.end+4 && isCapitalised(toks[k].s); k++ {
		if streetWords[toks[k].low] {
			return true
		}
	}
	return false
}

// streetWords end a street name.
var streetWords = setOf(`street st avenue ave road rd drive dr lane ln court ct boulevard blvd
place pl way circle terrace parkway highway pike trail`)

// isAge reports a number between commas after a name: "Roe, 39,".
func isAge(toks []tok, n number) bool {
	return n.start > 0 && toks[n.start-1].s == "," && n.end < len(toks) && toks[n.end].s == "," && n.end == n.start+1
}

// object finds the victims after an active verb: "killed a US civilian
// contractor", "killing 12", "wounded several service members", "shot
// him", "killed his wife and two children", "shot Ana Ruiz, 30, and her
// brother".
func object(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	j := t + 1
	for j < len(toks) && (auxWords[toks[j].low] && toks[j].low != "not") {
		switch toks[j].low {
		case "was", "were", "is", "are", "be", "been":
			// "the four people slain were two women": no object.
			return sitrep.Casualty{}, false
		}
		j++
	}
	if toks[t].low == "kill" && j < len(toks) {
		switch toks[j].low {
		case "him", "her", "himself", "herself", "me", "you", "us", "them":
			return sitrep.Casualty{}, false // a threat or an order: "kill him"
		}
	}
	count, exact, e := 0, true, j
	for k := 0; k < 8; k++ {
		c, x, ne, ok := victimNP(toks, e)
		if !ok {
			break
		}
		count += c
		exact = exact && x
		e = ne
		// "his mother, Ana Ruiz,": a name after a common noun is the same
		// person.
		if e+1 < len(toks) && toks[e].s == "," && !isName(toks[e-1]) {
			m := e + 1
			if strings.HasSuffix(toks[m].low, "year-old") {
				m++
			}
			if m < len(toks) && isName(toks[m]) {
				for m < len(toks) && m < e+6 && isName(toks[m]) {
					m++
				}
				e = m
			}
		}
		// ", 30," after a name is an age.
		if e+2 < len(toks) && toks[e].s == "," && isDigits(toks[e+1].s) && (toks[e+2].s == "," || toks[e+2].s == ";") {
			e += 3
			if !matchWords(toks, e, "and") {
				e--
			}
		}
		if e+1 < len(toks) && (toks[e].low == "and" || toks[e].s == "," || toks[e].s == ";") {
			nx := e + 1
			if nx < len(toks) && toks[nx].low == "and" {
				nx++
			}
			if nx < len(toks) && toks[nx].low == "then" {
				nx++
			}
			// After a comma the list must go on to another victim: "A, B
			// and C", not "six villagers, two of them fatally" nor "one
			// contractor, a civilian, and wounded four" (an aside).
			if _, _, ne, ok := victimNP(toks, nx); ok && !(toks[e].s == "," && bareCount(toks, nx, ne)) && (toks[e].low == "and" || listGoesOn(toks, ne)) {
				e = nx
				continue
			}
		}
		break
	}
	if e == j {
		return sitrep.Casualty{}, false
	}
	end := e - 1
	for end > j && (toks[end].s == "," || toks[end].s == ";") {
		end--
	}
	return sitrep.Casualty{
		Span:  sitrep.Span{Start: toks[t].start, End: toks[end].end},
		Count: count, Exact: exact,
		Who: phrase(text, toks, j, end+1),
	}, true
}

// listGoesOn reports whether a list of victims goes on after the item
// ending at toks[e]: a comma or a conjunction, then another victim.
func listGoesOn(toks []tok, e int) bool {
	k := e
	if k < len(toks) && (toks[k].s == "," || toks[k].s == ";") {
		k++
	}
	if k < len(toks) && (toks[k].low == "and" || toks[k].low == "or") {
		k++
	}
	if k == e {
		return false
	}
	_, _, _, ok := victimNP(toks, k)
	return ok
}

// objectFollows reports a noun phrase at toks[i] that is no victim, so the
// participle before it is active: "a hunter shot a deer".
func objectFollows(toks []tok, i int) bool {
	if i >= len(toks) {
		return false
	}
	w := toks[i].low
	if determiners[w] || w == "it" || w == "them" || w == "out" || w == "up" {
		return true
	}
	n, ok := parseNumber(toks, i)
	return ok && !n.article
}

// bareCount reports a count toks[i:e] after a comma that is no new group of
// victims: an age ("Ana, 30,"), a share of the ones before ("many of them",
// "one critically").
func bareCount(toks []tok, i, e int) bool {
	n, ok := parseNumber(toks, i)
	if !ok || n.article {
		return false
	}
	if n.end >= e {
		return true // "Ana Ruiz, 30, and", "killing six, one a child"
	}
	w := toks[n.end].low
	if w == "of" || adverb(w) {
		return true
	}
	_, vag := vague[toks[n.start].low]
	return vag
}

// victimNP reads one victim phrase at toks[i]: a count and its noun ("12",
// "two Iraqi soldiers", "several bystanders"), or one person ("him", "his
// wife", "a teenage boy", "the driver", "26-year-old Ana Ruiz").
// isNumberEnd reports whether a number ends right before token j.
func isNumberEnd(toks []tok, j int) bool {
	for i := max(0, j-3); i < j; i++ {
		if n, ok := parseNumber(toks, i); ok && n.end == j && !n.article {
			return true
		}
	}
	return false
}

// countedSources are the nouns of news sources ("police said") that,
// right after a number, are the people counted: "eleven police officers
// were wounded", "two officials were killed".
var countedSources = setOf(`police officials authorities`)

func victimNP(toks []tok, i int) (count int, exact bool, end int, ok bool) {
	if i >= len(toks) {
		return 0, false, 0, false
	}
	// "both Ana and Leo": a correlative, not a count of its own.
	if (toks[i].low == "both" || toks[i].low == "either") && i+1 < len(toks) && toks[i+1].low != "of" &&
		isWord(toks[i+1].s) && !stopWords[toks[i+1].low] {
		if c, x, e, ok := victimNP(toks, i+1); ok && e < len(toks) && toks[e].low == "and" {
			return c, x, e, true
		}
	}
	if n, ok := parseNumber(toks, i); ok && !n.article && !notCount(toks, n) && !isYear(toks, n) {
		e := n.end
		for e < len(toks) && e < n.end+5 && (!stopWords[toks[e].low] || e == n.end && countedSources[toks[e].low]) && !timeWords[toks[e].low] && toks[e].low != "to" &&
			toks[e].low != "between" && !isDigits(toks[e].s) && !isTrigger(toks[e].low) && toks[e].low != "went" {
			e++
		}
		if e < len(toks) && (toks[e].low == "%" || toks[e].low == "percent") {
			return 0, false, 0, false
		}
		// A time or distance is not a victim: "killed a day later".
		if e > n.end && (timeNoun(toks[e-1].low) || nonPersons[toks[e-1].low]) {
			return 0, false, 0, false
		}
		// "three of his bodyguards", "two of them".
		if e == n.end && e+1 < len(toks) && toks[e].low == "of" && (determiners[toks[e+1].low] || toks[e+1].low == "them") {
			e += 2
			for e < len(toks) && e < n.end+7 && !stopWords[toks[e].low] && !timeWords[toks[e].low] && toks[e].low != "to" {
				e++
			}
		}
		return n.count, n.exact, e, true
	}
	w := toks[i].low
	switch w {
	case "him", "himself", "herself", "he", "she":
		return 1, true, i + 1, true
	case "her":
		// "her .38 revolver" is possessive.
		caliber := i+2 < len(toks) && toks[i+1].s == "." && isDigits(toks[i+2].s)
		if !caliber && (i+1 >= len(toks) || !isWord(toks[i+1].s) || stopWords[toks[i+1].low] || timeWords[toks[i+1].low]) {
			return 1, true, i + 1, true
		}
	}
	k, mods := i, 1
	if determiners[w] || w == "another" {
		k, mods = k+1, 4
		// "her two children", "his three bodyguards".
		if w != "a" && w != "an" && w != "another" {
			if n, ok := parseNumber(toks, k); ok && !n.article {
				if c, x, e, ok := victimNP(toks, k); ok {
					return c, x, e, true
				}
			}
		}
	}
	// Modifiers, then a person noun: "a teenage boy", "his 5-year-old son";
	// without a determiner only an age: "17-year-old boy".
	for m := k; m < len(toks) && m < k+mods; m++ {
		lw := toks[m].low
		if personNouns[lw] || strings.HasSuffix(lw, "year-old") && (m+1 >= len(toks) || !isWord(toks[m+1].s) || stopWords[toks[m+1].low]) {
			for m+1 < len(toks) && personNouns[toks[m+1].low] {
				m++ // "a commando member", "a security guard"
			}
			return 1, true, m + 1, true
		}
		if !isWord(toks[m].s) || stopWords[lw] || timeWords[lw] || nonPersons[lw] || determiners[lw] ||
			mods == 1 && !strings.HasSuffix(lw, "year-old") {
			break
		}
		mods = max(mods, 2)
	}
	// A name, maybe after an age: "26-year-old Ana Ruiz", "Officer Ray Cole".
	if k < len(toks) && strings.HasSuffix(toks[k].low, "year-old") {
		k++
	}
	m := k
	for m < len(toks) && m < k+6 && (isName(toks[m]) || m > k && initialDot(toks, m)) {
		m++
	}
	if m == k || m == k+1 && collective(toks[k].low) {
		return 0, false, 0, false
	}
	// A name that modifies a noun names no one: "hurt Ontario corn
	// growers", "Kenya's tea industry", "the AIDS virus".
	if l := toks[m-1].low; strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") {
		return 0, false, 0, false
	}
	if m < len(toks) && isWord(toks[m].s) && !isCapitalised(toks[m].s) && !stopWords[toks[m].low] &&
		!timeWords[toks[m].low] && !personNouns[toks[m].low] {
		if _, trig := triggers[toks[m].low]; !trig && !adverb(toks[m].low) && !numStart[toks[m].low] &&
			toks[m].low != "once" && toks[m].low != "twice" && toks[m].low != "again" {
			return 0, false, 0, false
		}
	}
	return 1, true, m, true
}

// adverb reports a word ending in -ly ("shot Ana Ruiz fatally").
func adverb(w string) bool {
	return strings.HasSuffix(w, "ly")
}

// initialDot reports the dot after a middle initial: "James R. Moreland".
func initialDot(toks []tok, j int) bool {
	return j > 0 && j+1 < len(toks) && toks[j].s == "." && len(toks[j-1].s) == 1 && isCapitalised(toks[j-1].s) &&
		isCapitalised(toks[j+1].s)
}

// contraction reports a pronoun with a clitic: "we've", "they're".
func contraction(w string) bool {
	for _, suf := range [...]string{"'ve", "'re", "'ll", "'d", "'m", "’ve", "’re", "’ll", "’d", "’m"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// isName reports a capitalised word that may be part of a person's name.
func isName(t tok) bool {
	if !isCapitalised(t.s) || !isWord(t.s) {
		return false
	}
	w := t.low
	_, trig := triggers[w]
	return !stopWords[w] && !groupNouns[w] && !timeWords[w] && !nonPersons[w] && !determiners[w] && !trig && !numStart[w] &&
		!contraction(w)
}

// collective reports a capitalised plural that names a people, not a
// person: "killing Iraqis", "wounded Palestinians".
func collective(w string) bool {
	return strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "ims") || strings.HasSuffix(w, "ese") ||
		strings.HasSuffix(w, "nis") || strings.HasSuffix(w, "lis") && len(w) > 6 || strings.HasSuffix(w, "qis")
}
