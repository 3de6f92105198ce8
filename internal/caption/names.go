package caption

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// agencies maps a credit's agency phrase (lowercase words) to the normalised
// agency name. Phrases are matched token by token; the longest wins.
var agencies = map[string]string{
	"ap": "AP", "associated press": "AP", "the associated press": "AP", "ap images": "AP",
	"reuters": "REUTERS", "thomson reuters": "REUTERS",
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
	"getty": "GETTY", "getty images": "GETTY",
	"epa": "EPA", "epa-efe": "EPA", "efe": "EFE",
	"xinhua": "XINHUA", "xinhua news agency": "XINHUA",
	"anadolu": "ANADOLU", "anadolu agency": "ANADOLU", "anadolu ajansi": "ANADOLU",
	"ansa": "ANSA", "dpa": "DPA", "upi": "UPI", "bloomberg": "BLOOMBERG",
	"sipa": "SIPA", "sipa usa": "SIPA", "abaca": "ABACA", "abaca press": "ABACA",
	"zuma": "ZUMA", "zuma press": "ZUMA", "zuma wire": "ZUMA",
	"pa": "PA", "pa images": "PA", "pa wire": "PA", "pa media": "PA",
	"shutterstock": "SHUTTERSTOCK", "rex": "REX", "tass": "TASS", "itar-tass": "TASS",
	"sputnik": "SPUTNIK", "ria novosti": "RIA NOVOSTI", "nurphoto": "NURPHOTO",
	"imago": "IMAGO", "alamy": "ALAMY", "kyodo": "KYODO", "kyodo news": "KYODO",
	"yonhap": "YONHAP", "irna": "IRNA", "sana": "SANA", "wana": "WANA",
	"sopa images": "SOPA", "lightrocket": "LIGHTROCKET", "redux": "REDUX",
	"polaris": "POLARIS", "corbis": "CORBIS", "picture alliance": "PICTURE ALLIANCE",
	"europa press": "EUROPA PRESS", "ap photo": "AP",
}

// agencyFirst holds the first words of multi-word agency phrases.
var agencyFirst = setOf("associated the thomson agence anadolu xinhua sipa abaca zuma pa itar ria kyodo sopa picture europa getty ap epa")

// agencyAt matches an agency phrase at toks[i], optionally followed by
// "Photo", "Photos", "Photograph", "Pictures" or "Images". It returns the
// normalised agency, the index after the phrase and whether a photo word
// followed. The first word must be capitalised ("pa" is not PA).
func agencyAt(toks []token, i int) (string, int, bool) {
	if i >= len(toks) {
		return "", i, false
	}
	if r, _ := utf8.DecodeRuneInString(toks[i].s); !unicode.IsUpper(r) {
		return "", i, false
	}
	best, end := "", i
	var buf [64]byte
	key := buf[:0]
	for j := i; j < len(toks) && j < i+3; j++ {
		w := strings.TrimRight(toks[j].s, ".")
		if w == "" || isPunct(rune(w[0])) || len(key)+len(w)+1 > len(buf) {
			break
		}
		if j > i {
			key = append(key, ' ')
		}
		for k := 0; k < len(w); k++ {
			c := w[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			key = append(key, c)
		}
		if ag, ok := agencies[string(key)]; ok {
			best, end = ag, j+1
		} else if j == i && !agencyFirst[string(key)] {
			break
		}
	}
	if best == "" {
		return "", i, false
	}
	photo := false
	if end < len(toks) {
		switch strings.ToLower(toks[end].s) {
		case "photo", "photos", "photograph", "pictures", "images", "picture":
			end++
			photo = true
		}
	}
	return best, end, photo
}

// particles are lowercase words that may stand inside a name.
var particles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true,
	"abdul": true, "de": true, "van": true, "von": true, "da": true, "dos": true,
	"das": true, "la": true, "le": true, "du": true, "del": true, "della": true,
	"der": true, "den": true, "di": true, "ben": true, "ter": true, "y": true,
	"do": true, "ul": true, "ud": true, "ad": true,
}

// particlePrefixes are glued to the following name part: "al-Sudani".
var particlePrefixes = []string{"al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "an-", "ar-", "abu-", "bin-", "ibn-", "d'", "l'"}

func hasParticlePrefix(s string) bool {
	for _, p := range particlePrefixes {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// nameShaped reports whether s can be part of a person's name: capitalised
// or a name particle, letters with inner hyphens, apostrophes or dots only.
func nameShaped(s string) bool {
	if s == "" || len(s) > 30 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !particles[s] && !hasParticlePrefix(s) {
		return false
	}
	if strings.Count(s, ".") > 1 {
		return false // "U.S.", "U.N.": acronyms start captions
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return false
		}
	}
	return letters > 0
}

// nameRun returns the end of the run of at most max name-shaped tokens at
// toks[i]; a name never ends with a bare particle, and a token ending in a
// full stop (other than an initial) ends it.
func nameRun(toks []token, i, max int) int {
	j := i
	for j < len(toks) && j-i < max && nameShaped(toks[j].s) {
		j++
		s := toks[j-1].s
		if strings.HasSuffix(s, ".") && !(len(s) == 2 || isAbbrev(s)) {
			break
		}
	}
	for j > i && particles[toks[j-1].s] {
		j--
	}
	return j
}

// isAbbrev reports whether s is a dotted abbreviation like "Jr." or "Sr.".
func isAbbrev(s string) bool {
	switch s {
	case "Jr.", "Sr.":
		return true
	}
	return false
}

// nameBoundary chooses where the photographer's name ends when a leading
// credit runs into the caption: it returns the index after the name and the
// name itself.
func (d *Detector) nameBoundary(para string, toks []token, k int) (int, string) {
	run := nameRun(toks, k, 7)
	if run == k {
		return k, ""
	}
	// Forced boundaries: punctuation, a full stop or the paragraph end.
	if contentLen(toks[k:run]) <= 4 && (run == len(toks) || !nameShaped(toks[run].s) && !isLowerWord(toks[run].s) && !isDigitStart(toks[run].s) ||
		strings.HasSuffix(toks[run-1].s, ".") && len(toks[run-1].s) > 2 && !isAbbrev(toks[run-1].s)) {
		return run, joinToks(para, toks, k, run)
	}
	best, bestScore := 0, -1e9
	nameScore := 0.0
	content := 0
	for e := k + 1; e <= run; e++ {
		if !particles[toks[e-1].s] {
			content++
		}
		if content > 4 {
			break
		}
		nameScore += d.nameTokScore(toks[e-1].s, e-1 == k)
		if e-1 > k && isAcronym(toks[e-1].s) && !isAcronym(toks[k].s) {
			// "AP Photo/Mwangi Kamau US Marines stand guard": a name
			// written in capitals and lower case does not go on with an
			// acronym, which opens the caption.
			nameScore -= 5
		}
		score := nameScore + lengthPrior[max(content, 1)] + d.startScore(toks, e)
		if particles[toks[e-1].s] {
			score -= 3
		}
		if score > bestScore {
			best, bestScore = e, score
		}
	}
	return best, joinToks(para, toks, k, best)
}

// isAcronym reports a word of two or more capital letters: "US", "UN".
func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// contentLen counts the tokens that are not particles.
func contentLen(t []token) int {
	n := 0
	for _, x := range t {
		if !particles[x.s] {
			n++
		}
	}
	return n
}

// lengthPrior favours two-token names, the commonest credit shape.
var lengthPrior = [...]float64{0, -0.5, 1.0, 0.3, -0.5}

// nameTokScore says how much a token looks like part of a name rather than
// the start of a caption.
func (d *Detector) nameTokScore(s string, first bool) float64 {
	if particles[s] {
		if first {
			return -2
		}
		return 0.5
	}
	if hasParticlePrefix(s) {
		return 1.5
	}
	low := strings.ToLower(strings.TrimRight(s, "."))
	switch {
	case closedClass[low]:
		return -4
	case titles[low]:
		return -2.5
	case d.isDemonym(s):
		return -2.5
	case firstNames[low]:
		return 1.5
	case len(s) == 2 && s[1] == '.':
		return 1 // initial
	case d.known(low):
		return -1
	}
	return 1
}

// startScore says how much toks[e] looks like the first word of a caption.
func (d *Detector) startScore(toks []token, e int) float64 {
	if e >= len(toks) {
		return 0
	}
	s := toks[e].s
	if isDigitStart(s) {
		return 2
	}
	if isLowerWord(s) {
		if particles[s] {
			return -3
		}
		return -5
	}
	if hasParticlePrefix(s) {
		return -3
	}
	low := strings.ToLower(strings.TrimRight(s, "."))
	switch {
	case closedClass[low]:
		return 3
	case d.isDemonym(s):
		return 2.5
	case titles[low]:
		return 2
	case firstNames[low]:
		return -1
	case isUpperWord(s) && len(s) <= 5:
		return 1 // acronym: "U.S.", "UN", "NATO"
	case d.known(low):
		return 1.5
	}
	return -1
}

func (d *Detector) known(low string) bool { return d.words.has(low) }

// isDemonym reports whether s is a proper adjective such as "Iraqi", also
// with a prefix ("Pro-Iranian", "Anti-American") or a plural ("Iraqis").
func (d *Detector) isDemonym(s string) bool {
	if d.words.has(s) && isUpperInitial(s) {
		return true
	}
	if i := strings.IndexByte(s, '-'); i > 0 {
		switch strings.ToLower(s[:i]) {
		case "pro", "anti", "non", "ex", "pan":
			return d.isDemonym(s[i+1:])
		}
	}
	if strings.HasSuffix(s, "s") && len(s) > 3 {
		if d.words.has(s[:len(s)-1]) && isUpperInitial(s) {
			return true
		}
	}
	return false
}

func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func isDigitStart(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// closedClass holds function words and numerals that start captions but
// never names.
var closedClass = setOf(`a an the this that these those some several many most all both each
every few no one two three four five six seven eight nine ten eleven twelve dozens hundreds
thousands in on at as after before during while when with without from for of to by near
inside outside amid among under over into onto through behind beside between across along
around his her their our its my your it he she they we there here what who`)

// titles are role words that often begin a caption naming a person.
var titles = setOf(`president vice prime minister premier gen general col colonel lt
lieutenant sgt sergeant maj major capt captain secretary sen senator rep representative gov
governor mayor king queen prince princess pope sheikh shaikh ayatollah cleric dr mr mrs ms
chancellor chief commander spokesman spokeswoman former supreme leader ambassador envoy adm
admiral marshal speaker justice judge pastor rev imam rabbi foreign defense defence interior`)

// firstNames is a small hand-written list of given names frequent among
// wire photographers and in the news, several of which are also English
// words in the lexicon ("John", "Mark").
var firstNames = setOf(`john mark james david michael peter paul robert richard thomas
william george joseph charles daniel matthew andrew christopher kevin brian jonathan patrick
carolyn susan mary sarah anna anne jane elizabeth laura emily jessica evan alex alexander
nicholas scott eric jacques jean pierre luis carlos jose juan miguel marco mario luca ahmed
ahmad mohammed mohamed muhammad mohammad mahmoud mustafa hussein hassan hussain ali omar
khalid khaled ibrahim ismail youssef yousef hadi haidar hamid karim nasser qassim thaier
murtaja ayman amr bilal fadi hani issam kareem majid osama rami said salah sami tariq wissam
zohra maya sergei vladimir dmitri olga ivan yuri andrei alexei kim lee wang zhang chen li
hiroshi kenji raj amit rahul abdul abdel abd`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
