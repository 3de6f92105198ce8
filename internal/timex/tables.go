package timex

// tables holds the word lists the scanner needs. They are written by hand,
// built once by New and never changed afterwards, so an Extractor can be
// shared between goroutines.
type tables struct {
	months    map[string]int // "january", "jan", "sept" -> 1..12
	weekdays  map[string]int // "monday" -> 1 ... "sunday" -> 7 (ISO)
	ones      map[string]int // "one" -> 1 ... "nineteen" -> 19
	tens      map[string]int // "twenty" -> 20 ... "ninety" -> 90
	ordinals  map[string]int // "first" -> 1 ... "twelfth" -> 12
	units     map[string]unit
	seasons   map[string]string // "summer" -> "SU"
	parts     map[string]string // "morning" -> "MO"
	zones     map[string]bool   // "gmt", "est", ...
	yearCtx   map[string]bool   // words after which a bare number is a year
	future    map[string]bool   // words marking a future clause
	pastVerb  map[string]bool   // words marking a past clause next to a date
	clause    map[string]bool   // words ending the clause when scanning for tense
	opener    map[string]bool   // function words that may open a clause before a date
	relPron   map[string]bool   // relative pronouns, which open a clause of their own
	tw        map[string]uint16 // the tense classes of a word (tw* flags), one lookup per token
	pastIrreg map[string]bool   // irregular past-tense verbs, for untagged text
	refs      map[string]string // "now" -> PRESENT_REF, ...
	sets      map[string]string // "daily" -> P1D, ...
	dayNames  map[string]bool   // capitalised words that make a weekday part of a name
	dayNext   map[string]bool   // words after a weekday that make it a name ("Sunday Times")
	nonYear   map[string]bool   // nouns after a number that show it is a count, not a year
	holidays  map[string]holiday
	trigger   map[string]bool // first words that can start an expression
}

// Tense classes of words (tables.tw).
const (
	twFuture uint16 = 1 << iota // may mark the future (futureWord decides)
	twModal                     // a modal verb
	twPlan                      // a plan word: "was due to"
	twRel                       // a relative pronoun
	twSay                       // a verb of saying
	twPast                      // marks a past clause
	twIrreg                     // an irregular past form
	twPres                      // is, are, am, has, have
	twClause                    // ends the clause
	twOpener                    // a function word that may open a clause
)

// unit is a calendar unit word.
type unit struct {
	code string // TIMEX3 duration letter: S, M, H, D, W, M, Q, Y, E, C
	time bool   // written after "T" in a duration (hours, minutes, seconds)
	plur bool   // the word was plural
}

// holiday names a fixed or movable feast. Fixed ones have month and day;
// movable ones a rule name.
type holiday struct {
	month, day int
	rule       string // "easter+N" style rules are computed in code
}

func newTables() *tables {
	t := &tables{
		months: map[string]int{
			"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
			"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
			"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
			"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
		},
		weekdays: map[string]int{
			"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
			"friday": 5, "saturday": 6, "sunday": 7,
			"tues": 2, "wed": 3, "thurs": 4,
		},
		ones: map[string]int{
			"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
			"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
			"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
			"nineteen": 19,
		},
		tens: map[string]int{
			"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
			"seventy": 70, "eighty": 80, "ninety": 90,
		},
		ordinals: map[string]int{
			"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
			"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
		},
		units: map[string]unit{
			"second": {"S", true, false}, "seconds": {"S", true, true},
			"minute": {"M", true, false}, "minutes": {"M", true, true},
			"min": {"M", true, false}, "mins": {"M", true, true},
			"hour": {"H", true, false}, "hours": {"H", true, true},
			"hr": {"H", true, false}, "hrs": {"H", true, true},
			"day": {"D", false, false}, "days": {"D", false, true},
			"week": {"W", false, false}, "weeks": {"W", false, true},
			"month": {"M", false, false}, "months": {"M", false, true},
			"quarter": {"Q", false, false}, "quarters": {"Q", false, true},
			"year": {"Y", false, false}, "years": {"Y", false, true},
			"decade": {"E", false, false}, "decades": {"E", false, true},
			"century": {"C", false, false}, "centuries": {"C", false, true},
		},
		seasons: map[string]string{
			"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
		},
		parts: map[string]string{
			"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
			"overnight": "NI",
		},
		zones: map[string]bool{
			"gmt": true, "utc": true, "est": true, "edt": true, "cst": true, "cdt": true,
			"mst": true, "mdt": true, "pst": true, "pdt": true, "bst": true, "cet": true,
		},
		yearCtx: map[string]bool{
			"in": true, "since": true, "until": true, "till": true, "by": true, "of": true,
			"from": true, "to": true, "through": true, "during": true, "before": true,
			"after": true, "early": true, "late": true, "mid": true, "fiscal": true,
			"between": true, "circa": true, "around": true, "throughout": true,
			"summer": true, "spring": true, "autumn": true, "winter": true, "fall": true,
			"year": true, "for": true, "and": true, "or": true,
			"within": true, "into": true, "both": true, "due": true, "the": true, "a": true, "an": true, "his": true, "her": true,
			"its": true, "their": true, "our": true, "my": true, "your": true, "this": true,
			"that": true, "s": true, "post": true, "pre": true,
		},
		future: map[string]bool{
			"will": true, "shall": true, "ll": true, "upcoming": true, "due": true,
			"scheduled": true, "next": true, "tomorrow": true, "plans": true, "plan": true,
			"planning": true, "expected": true, "expects": true, "expect": true, "intends": true,
			"aims": true, "hopes": true, "set": true, "slated": true, "coming": true,
			"going": true, "planned": true,
		},
		pastVerb: map[string]bool{
			"said": true, "told": true, "announced": true, "was": true, "were": true,
			"had": true, "did": true, "reported": true, "ago": true, "last": true,
			"yesterday": true, "earlier": true,
		},
		clause: map[string]bool{
			";": true, ":": true, "said": true, "says": true, "told": true, "that": true,
			"but": true, "while": true, "whereas": true, "\"": true, "“": true, "”": true,
			"(": true, ")": true, "—": true, "–": true,
		},
		opener: map[string]bool{
			"on": true, "in": true, "by": true, "since": true, "early": true, "late": true,
			"the": true, "mid": true, "-": true, "until": true, "till": true, "and": true,
			"then": true, "as": true, "of": true, "during": true, "from": true, "at": true,
			"around": true, "also": true, "later": true, "earlier": true, "but": true,
			"before": true, "after": true, "through": true, "last": true, "next": true,
			"this": true, "that": true, "same": true, "so": true, "far": true, "only": true,
			"just": true, "about": true, "shortly": true, "sometime": true, "again": true,
			"for": true, "over": true, "within": true, "throughout": true,
		},
		relPron: map[string]bool{"which": true, "who": true, "whom": true, "whose": true},
		pastIrreg: map[string]bool{
			"began": true, "came": true, "went": true, "met": true, "held": true,
			"took": true, "made": true, "gave": true, "found": true, "left": true,
			"fell": true, "rose": true, "saw": true, "became": true, "won": true,
			"lost": true, "sent": true, "broke": true, "ran": true, "struck": true,
			"fought": true, "led": true, "paid": true, "sold": true, "bought": true,
			"brought": true, "thought": true, "felt": true, "kept": true, "spent": true,
			"stood": true, "shot": true, "flew": true, "fled": true, "drove": true,
			"wrote": true, "spoke": true, "chose": true, "got": true, "grew": true,
			"knew": true, "heard": true, "built": true, "caught": true, "taught": true,
			"withdrew": true, "swore": true, "wore": true, "sank": true, "sang": true,
			"hid": true, "arose": true, "overthrew": true, "threw": true,
			"ate": true, "drew": true, "sought": true, "stole": true, "woke": true,
			"froze": true, "forgave": true, "forbade": true, "undertook": true,
		},
		refs: map[string]string{
			"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
			"recently": "PAST_REF", "lately": "PAST_REF", "soon": "FUTURE_REF",
			"current": "PRESENT_REF",
		},
		sets: map[string]string{
			"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
			"annually": "P1Y", "hourly": "PT1H", "nightly": "P1D",
		},
		dayNames: map[string]bool{
			"black": true, "good": true, "ash": true, "holy": true, "maundy": true,
			"palm": true, "easter": true, "cyber": true, "super": true, "fat": true,
			"shrove": true, "bloody": true, "blue": true, "giving": true, "girl": true,
			"man": true, "spy": true, "mad": true, "manic": true, "casual": true,
			"freaky": true, "red": true, "white": true, "orange": true, "green": true,
		},
		dayNext: map[string]bool{
			"times": true, "telegraph": true, "express": true, "mirror": true,
			"herald": true, "post": true, "mail": true, "independent": true,
			"tribune": true, "observer": true, "people": true, "school": true,
			"schools": true, "best": true, "roast": true, "league": true, "night_live": true,
			"service": true, "services": true, "sport": true, "star": true,
			"business": true, "review": true, "magazine": true, "edition": true,
			"paper": true, "papers": true, "newspaper": true, "morning_post": true,
		},
		nonYear: map[string]bool{
			"people": true, "persons": true, "troops": true, "soldiers": true,
			"men": true, "women": true, "children": true, "meters": true, "metres": true,
			"feet": true, "miles": true, "km": true, "kilometers": true,
			"kilometres": true, "tons": true, "tonnes": true, "units": true,
			"shares": true, "points": true, "votes": true, "cases": true,
			"deaths": true, "dollars": true, "euros": true, "pounds": true,
			"percent": true, "%": true, "acres": true, "homes": true, "houses": true,
			"jobs": true, "workers": true, "employees": true, "members": true,
			"families": true, "pages": true, "cars": true, "vehicles": true,
			"rockets": true, "missiles": true, "hectares": true, "barrels": true,
			"protesters": true, "demonstrators": true, "rounds": true, "kg": true,
			"km2": true, "cubic": true, "square": true, "degrees": true, "calories": true,
		},
		holidays: map[string]holiday{
			"christmas":    {month: 12, day: 25},
			"halloween":    {month: 10, day: 31},
			"thanksgiving": {rule: "thanksgiving"},
			"easter":       {rule: "easter"},
		},
	}
	t.tw = map[string]uint16{}
	add := func(f uint16, words ...string) {
		for _, w := range words {
			t.tw[w] |= f
		}
	}
	for w := range t.future {
		add(twFuture, w)
	}
	add(twFuture, "won", "to", "forward")
	add(twModal, "would", "might", "should", "must", "can", "may")
	add(twPlan, "scheduled", "expected", "set", "due", "slated", "planning", "going")
	for w := range t.relPron {
		add(twRel, w)
	}
	add(twSay, "said", "told", "says", "say", "tells")
	for w := range t.pastVerb {
		add(twPast, w)
	}
	for w := range t.pastIrreg {
		add(twIrreg, w)
	}
	add(twPres, "is", "are", "am", "has", "have")
	for w := range t.clause {
		add(twClause, w)
	}
	add(twClause, ",", ".")
	for w := range t.opener {
		add(twOpener, w)
	}
	t.trigger = map[string]bool{}
	for _, m := range []map[string]int{t.months, t.weekdays, t.ones, t.tens, t.ordinals} {
		for k := range m {
			t.trigger[k] = true
		}
	}
	for k := range t.units {
		t.trigger[k] = true
	}
	for k := range t.seasons {
		t.trigger[k] = true
	}
	for k := range t.refs {
		t.trigger[k] = true
	}
	for k := range t.sets {
		t.trigger[k] = true
	}
	for k := range t.holidays {
		t.trigger[k] = true
	}
	for k := range t.dayNames {
		t.trigger[k] = true
	}
	for _, k := range []string{
		"today", "tonight", "yesterday", "tomorrow", "this", "last", "next", "past",
		"coming", "previous", "preceding", "following", "the", "a", "an", "early",
		"late", "mid", "earlier", "later", "end", "beginning", "start", "middle",
		"every", "each", "per", "noon", "midnight", "midday", "fiscal", "several",
		"few", "many", "some", "couple", "dozen", "about", "nearly", "almost",
		"more", "less", "over", "up", "at", "around", "approximately", "roughly",
		"year", "that", "new", "valentine", "once", "twice", "half", "good", "ash",
		"palm", "black", "cyber", "same", "these", "those", "memorial", "labor",
		"morning", "afternoon", "evening", "night", "overnight", "weekend",
		"weekends", "present", "within", "just", "only", "well", "near", "distant",
		"foreseeable", "immediate", "nineteen", "eighteen", "recent", "nineties",
		"eighties", "seventies", "sixties", "fifties", "forties", "thirties", "twenties",
		"full", "calendar", "short",
	} {
		t.trigger[k] = true
	}
	return t
}
