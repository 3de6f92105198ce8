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
	"died": {Killed, verbIntr}, "dead": {Killed, verbIntr}, "die": {Killed, verbIntr}, "dies": {Killed, verbIntr},
	"perished": {Killed, verbIntr}, "missing": {Missing, verbIntr},
	"deaths": {Killed, noun}, "death": {Killed, noun}, "fatalities": {Killed, noun}, "fatality": {Killed, noun},
	"injuries": {Wounded, woundNoun}, "arrests": {Arrested, noun}, "hostages": {Kidnapped, noun},
	"injury": {Wounded, woundNoun}, "wound": {Wounded, woundNoun}, "wounds": {Wounded, woundNoun},
	"condition": {Wounded, condNoun}, "hospital": {Wounded, hospNoun}, "hospitalized": {Wounded, verbPart}, "hospitalised": {Wounded, verbPart},
	"struck": {Wounded, verbPass}, "hit": {Wounded, verbPass}, "grazed": {Wounded, verbPass},
}

// woundMods may stand between a verb of suffering and the wound: "suffered
// a single apparent gunshot wound", "sustained non-life-threatening injuries".
var woundMods = setOf(`apparent gunshot gun shot stab knife bullet single multiple several
non life threatening life-threatening non-life-threatening critical serious minor
self-inflicted fatal mortal graze superficial possible severe major moderate head
what appeared to be appear appears appeared believed unknown undisclosed extensive
significant grave traumatic injuries injury - two three four five one of to any
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

// be-forms and adverbs that may stand between a passive subject and its verb.
var auxWords = setOf(`was were is are be been being has have had got get gets reportedly
also later allegedly all both each critically seriously severely badly slightly gravely
mortally fatally found confirmed reported believed apparently just still now then already
initially subsequently eventually seemingly likely not n't never remain remains
remained still pronounced declared listed wasn't weren't isn't aren't didn't hasn't haven't
hadn't doesn't don't wasn’t weren’t isn’t aren’t didn’t hasn’t haven’t hadn’t doesn’t don’t`)

var modals = setOf(`could would might may will can should shall must cannot to threatened
threatening threaten threatens vowed plans planned planning trying tried attempting attempted
if unless`)

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
wolf wolves coyote coyotes bull bulls bird birds pet pets puppy`)

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

// lastWord is the last word of s.
func lastWord(s string) string {
	return s[strings.LastIndexAny(s, " \t\n")+1:]
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

// determiners open a noun phrase.
var determiners = setOf(`the a an his her their its our my your this that these those`)

// participles that kill when followed by "to death" (not "sentenced to death").
var toDeathVerbs = setOf(`beaten bludgeoned hacked burned burnt stoned clubbed strangled
crushed trampled choked kicked stomped mauled bled gunned knifed`)

// stop words end a noun phrase when scanning for the subject or object.
var stopWords = setOf(`and or but that which who whom whose when where while after before
during in on at by from with without for of into onto over under near since because as than
said says say told tells according police authorities officials said, , . ; : ( ) " “ ” ? !
was were is are been be has have had he she they it we i you this there here not also
killed wounded injured hurt shot died dead arrested`)

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
pupil athlete player governor commander leader chief mayor official president
minister lawmaker senator councilman councilwoman judge prosecutor bodyguard diplomat envoy
ambassador cleric monk nun worshipper pilgrim refugee migrant
man woman boy girl teen teenager person victim child baby toddler
student officer deputy trooper driver passenger resident suspect gunman shooter father mother
son daughter brother sister husband wife girlfriend boyfriend friend neighbor neighbour worker
employee clerk guard soldier civilian contractor journalist pedestrian cyclist motorist youth
infant juvenile male female individual customer patron owner homeowner relative uncle aunt
cousin grandmother grandfather nephew niece`)

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
		if c, ok := gunOnSelf(text, toks, t); ok {
			if !hypothetical(toks, t) {
				cas = append(cas, c)
			}
			continue
		}
		if c, ok := nominalDeath(text, toks, t); ok {
			// "the death of two men", "a double homicide", "the body of a
			// man": the dead are named by a noun.
			if !used(c.Start, Killed) && !hypothetical(toks, t) {
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
			} else if toks[t].low == "grazed" {
				// "a bullet grazed the woman"; active "hit" and "struck"
				// are too often blows, crashes or deals.
				if c, found = object(text, toks, t); found && !personWho(c.Who) {
					found = false
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
		if w == "from" && j > 0 && (toks[j-1].low == "suffering" || toks[j-1].low == "suffered") {
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
	if !ok || c.Count == 0 {
		return sitrep.Casualty{}, false
	}
	return c, true
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

// coordinatedDeath reads "died" coordinated with an earlier verb of the
// sentence whose victims were found ("two men were shot and later died",
// "she was struck by a car, and died"), or whose subject is a pronoun that
// opens the sentence ("He was taken to a hospital and died").
func coordinatedDeath(text string, toks []tok, t int, prev []sitrep.Casualty) (sitrep.Casualty, bool) {
	j := t - 1
	for j >= 0 && (auxWords[toks[j].low] || toks[j].low == "then") {
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
			if matchWords(toks, i+1, "year") && !matchWords(toks, i+2, "-") {
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

// hospital reads "two men were taken to a local hospital", "she arrived at
// Mercy Hospital", "the shooting sent one man to the hospital".
func hospital(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	fill := true // only hospFill words so far
	for j := t - 1; j >= 0 && j >= t-9; j-- {
		w := toks[j].low
		switch w {
		case "taken", "rushed", "transported", "flown", "airlifted", "driven", "brought", "admitted",
			"walked", "arrived", "showed", "went", "ran", "returned", "remains", "remained", "is", "was":
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
			if !ok || c.Count == 0 || illness(toks, t) {
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
// double homicide", "a murder-suicide" (at least two dead).
func nominalDeath(text string, toks []tok, t int) (sitrep.Casualty, bool) {
	w := toks[t].low
	if t > 0 && isCapitalised(toks[t].s) {
		return sitrep.Casualty{}, false // a title: "The Life and Death of ..."
	}
	of := matchWords(toks, t+1, "of") && nominalOf[w]
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

// multiple reads "double homicide", "triple murder".
var multiple = map[string]int{"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}

// toDeath reports "to death" at toks[i].
func toDeath(toks []tok, i int) bool {
	return matchWords(toks, i, "to", "death")
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
		if !auxWords[w] {
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
	for j := t - 1; j >= 0 && j >= t-4 && auxWords[toks[j].low]; j-- {
		if w := toks[j].low; w == "not" || w == "never" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
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
		if !auxWords[w] {
			// "shot and killed": look past the coordinated participle.
			if w == "and" && j > 0 && isPart(toks[j-1].low) {
				j--
				continue
			}
			return false
		}
	}
	return false
}

// subject finds the count on the left of the trigger: "12 people were
// killed", "a man died", "30 dead", "leaving four injured". With aux set,
// the auxiliaries between subject and verb are skipped first.
func subject(text string, toks []tok, t int, aux bool) (sitrep.Casualty, bool) {
	e := t
	for e > 0 && (auxWords[toks[e-1].low] || (toks[e-1].low == "and" && e > 1 && isPart(toks[e-2].low)) ||
		isPart(toks[e-1].low) && e-1 != t) {
		e--
	}
	// A relative clause: "a man who was shot", "Roe, who was found dead".
	if aux && e > 1 && (toks[e-1].low == "who" || toks[e-1].low == "that") && e < t && isWord(toks[e-2].s) ||
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
		if !isWord(toks[j].s) || stopWords[toks[j].low] && !isNumberStart(toks, j) && !(toks[j].low == "of" && j > 0 && (ofQuantity(toks[j-1].low) || partitive(toks, j-1))) {
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
		case w == "he" || w == "she":
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

// isTrigger reports a casualty word.
func isTrigger(w string) bool {
	_, ok := triggers[w]
	return ok
}

// isPart reports a participle trigger ("shot", "killed").
func isPart(w string) bool {
	tr, ok := triggers[w]
	return ok && tr.class == verbPart
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
			// After a comma the list must go on: "A, B and C", not "six
			// villagers, two of them fatally".
			if _, _, ne, ok := victimNP(toks, nx); ok && !(toks[e].s == "," && bareCount(toks, nx, ne)) && (toks[e].low == "and" ||
				ne < len(toks) && (toks[ne].low == "and" || toks[ne].s == ",")) {
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
		for e < len(toks) && e < n.end+5 && !stopWords[toks[e].low] && !timeWords[toks[e].low] && toks[e].low != "to" &&
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

func timeNoun(w string) bool {
	switch w {
	case "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
		"minute", "minutes", "time", "times", "miles", "mile", "feet", "dollars", "shots", "rounds",
		"decade", "decades", "century", "centuries", "seconds":
		return true
	}
	return false
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
	for j := t + 1; j < len(toks) && j <= t+6; j++ {
		if n, ok := parseNumber(toks, j); ok && !n.article && !isYear(toks, n) {
			return sitrep.Casualty{Span: sitrep.Span{Start: toks[t-1].start, End: toks[n.end-1].end}, Count: n.count, Exact: n.exact}, true
		}
		switch toks[j].low {
		case ".", ";", "and", "but":
			return sitrep.Casualty{}, false
		}
	}
	return sitrep.Casualty{}, false
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

// mayHaveDied reports a wounded mention that does not exclude a later death:
// "was shot", "suffering from a gunshot wound", "in critical condition".
func mayHaveDied(text string) bool {
	// "in stable condition", "non-life-threatening injuries": alive.
	for _, alive := range [...]string{"stable", "non-life", "non life", "minor", "survived", "fair condition", "good condition"} {
		if strings.Contains(text, alive) {
			return false
		}
	}
	last := text[strings.LastIndexAny(text, " \t\n")+1:]
	first := text
	if i := strings.IndexAny(text, " \t\n"); i >= 0 {
		first = text[:i]
	}
	for _, w := range [2]string{first, last} {
		switch strings.ToLower(w) {
		case "shot", "stabbed", "wound", "wounds", "condition", "hospitalized", "hospitalised", "struck", "hit", "grazed",
			"hospital", "wounding":
			return true
		}
	}
	return false
}

// selfVictim reports a killer who killed himself.
func selfVictim(who string) bool {
	return who == "himself" || who == "herself"
}

// Summarize reduces an article's casualty mentions to one figure per kind
// for the main incident: the first non-zero mention of each kind. The
// largest mention was measured too and does slightly worse on the dev set
// (round-ups and background figures are usually larger than the reported
// incident, which news leads put first). A victim who "was shot" and then
// died is killed, not wounded: when the article reports deaths, mentions
// that do not rule out a death ("was shot", "suffered a gunshot wound",
// "was taken to a hospital", "in critical condition") and are no larger
// than the death count are not taken as wounded, and a larger count of
// people shot has the dead taken out of it; wounded said to be stable, to
// have minor injuries or to have survived, and "other" or "also" wounded,
// count as they are.
func Summarize(cas []sitrep.Casualty) (killed, wounded int) {
	for i, c := range cas {
		if c.Kind == Killed && c.Count > 0 {
			killed = c.Count
			// "shot his wife and then turned the gun on himself", "killed
			// two men before killing himself": the killer's death nearby
			// belongs to the same incident.
			for _, d := range cas[i+1:] {
				if d.Start-c.End > 250 {
					break
				}
				// After "killed himself", only someone the killer killed
				// ("after murdering his wife"), not "he died", is another.
				if d.Kind == Killed && d.Count > 0 && selfVictim(d.Who) != selfVictim(c.Who) &&
					(!selfVictim(c.Who) || !strings.HasPrefix(d.Text, d.Who)) {
					killed += d.Count
					break
				}
			}
			break
		}
	}
	for i, c := range cas {
		if c.Kind != Wounded || c.Count == 0 {
			continue
		}
		if killed > 0 && mayHaveDied(c.Text) {
			// "His wife was also shot", "a second man was wounded": someone
			// else than the dead.
			// "Three other people were shot" excludes them too.
			another := strings.Contains(c.Text, " also ") || strings.Contains(c.Who, "second") ||
				strings.Contains(c.Who, "another") || strings.Contains(c.Who, "other")
			if another {
				return killed, c.Count
			}
			if c.Count <= killed {
				continue
			}
			// "Two people were shot ... one of them died": those shot
			// include the dead (unless ", one fatally" already split them).
			if split := i+1 < len(cas) && cas[i+1].Kind == Killed && strings.HasSuffix(cas[i+1].Text, "fatally"); !split {
				return killed, c.Count - killed
			}
		}
		return killed, c.Count
	}
	return killed, 0
}
