package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Tokenize splits text into word and punctuation tokens whose spans are
// shifted by offset, so that tokens of a slice of Article.Text index the
// whole text. Tokens follow Penn Treebank conventions: punctuation, quotes,
// possessive 's and n't are split off; abbreviations ("U.S.", "Gen."),
// numbers ("15,000", "3.5") and hyphenated words stay whole.
func Tokenize(text string, offset int) []sitrep.Token {
	return appendTokens(make([]sitrep.Token, 0, len(text)/5+4), text, 0, len(text), offset)
}

// asciiSpace marks the ASCII white-space bytes.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// appendTokens appends the tokens of text[s:e]; spans are shifted by offset.
func appendTokens(out []sitrep.Token, text string, s, e, offset int) []sitrep.Token {
	i := s
	for i < e {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:e]); isSpace(r, n) {
			i += n
			continue
		}
		j := i + 1
		for j < e {
			c := text[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:e])
			if isSpace(r, n) {
				break
			}
			j += n
		}
		out = appendChunk(out, text, i, j, offset, nextIsDigit(text, j, e))
		i = j
	}
	return out
}

func nextIsDigit(text string, j, e int) bool {
	for j < e {
		r, n := utf8.DecodeRuneInString(text[j:e])
		if !isSpace(r, n) {
			return r >= '0' && r <= '9'
		}
		j += n
	}
	return false
}

func tok(text string, s, e, offset int) sitrep.Token {
	return sitrep.Token{Span: sitrep.Span{Start: s + offset, End: e + offset}, Text: text[s:e]}
}

// appendChunk tokenizes one white-space delimited chunk text[s:e].
func appendChunk(out []sitrep.Token, text string, s, e, offset int, nextDigit bool) []sitrep.Token {
	// Leading punctuation.
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if r == '\'' || r == '’' {
			if s+n < e && (isContraction(text[s:e]) || isDigitByte(text[s+n])) {
				break
			}
			out = append(out, tok(text, s, s+n, offset))
			s += n
			continue
		}
		if r == '-' && s+1 < e && text[s+1] == '-' {
			k := s + 2
			for k < e && text[k] == '-' {
				k++
			}
			out = append(out, tok(text, s, k, offset))
			s = k
			continue
		}
		if r == '-' && s+1 < e && !isDigitByte(text[s+1]) && text[s+1] != '.' {
			out = append(out, tok(text, s, s+1, offset))
			s++
			continue
		}
		if r == '.' && s+2 < e && text[s+1] == '.' && text[s+2] == '.' {
			k := s + 3
			for k < e && text[k] == '.' {
				k++
			}
			out = append(out, tok(text, s, k, offset))
			s = k
			continue
		}
		if !isOpenPunct(r) || s+n == e {
			break
		}
		out = append(out, tok(text, s, s+n, offset))
		s += n
	}
	if s >= e {
		return out
	}

	// Trailing punctuation, collected right to left.
	var stackBuf [8]sitrep.Token
	trail := stackBuf[:0]
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if e-n == s {
			break // never strip the last rune of a chunk: it is the token
		}
		if r == '.' {
			if e-s >= 3 && text[e-3:e] == "..." {
				k := e - 3
				for k > s && text[k-1] == '.' {
					k--
				}
				if k == s {
					break
				}
				trail = append(trail, tok(text, k, e, offset))
				e = k
				continue
			}
			if isAbbrev(text[s:e-1], nextDigit && len(trail) == 0) {
				break
			}
			trail = append(trail, tok(text, e-1, e, offset))
			e--
			continue
		}
		if (r == '\'' || r == '’') && isContraction(text[s:e]) {
			break
		}
		if isClosePunct(r) {
			trail = append(trail, tok(text, e-n, e, offset))
			e -= n
			continue
		}
		break
	}

	// Contractions and possessives: "Iran's" -> Iran 's; "don't" -> do n't.
	if c := contractionStart(text, s, e); c > s {
		out = appendMiddle(out, text, s, c, offset)
		out = append(out, tok(text, c, e, offset))
	} else {
		out = appendMiddle(out, text, s, e, offset)
	}
	for k := len(trail) - 1; k >= 0; k-- {
		out = append(out, trail[k])
	}
	return out
}

// appendMiddle splits the core of a chunk at inner dashes, ellipses, commas
// between words and slashes before capitalized words ("REUTERS/Khalid").
func appendMiddle(out []sitrep.Token, text string, s, e, offset int) []sitrep.Token {
	start := s
	i := s
	for i < e {
		if c := text[i]; c < utf8.RuneSelf && c != '-' && c != '.' && c != ',' && c != '/' && c != ';' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:e])
		sep := 0
		switch {
		case r == '—' || r == '–' || r == '…' || r == ';':
			sep = n
		case r == '-' && i+1 < e && text[i+1] == '-':
			sep = 2
			for i+sep < e && text[i+sep] == '-' {
				sep++
			}
		case r == '.' && i+2 < e && text[i+1] == '.' && text[i+2] == '.':
			sep = 3
			for i+sep < e && text[i+sep] == '.' {
				sep++
			}
		case r == ',' && i > s && i+1 < e && !(isDigitByte(text[i-1]) && isDigitByte(text[i+1])):
			sep = 1
		case r == '/' && i > s && i+1 < e:
			if r2, _ := utf8.DecodeRuneInString(text[i+1 : e]); unicode.IsUpper(r2) {
				sep = 1
			}
		}
		if sep == 0 || i == s && i+sep == e {
			i += n
			continue
		}
		if i > start {
			out = append(out, tok(text, start, i, offset))
		}
		out = append(out, tok(text, i, i+sep, offset))
		i += sep
		start = i
	}
	if start < e {
		out = append(out, tok(text, start, e, offset))
	}
	return out
}

// hasApostrophe reports whether w holds ' or the last byte of ’.
func hasApostrophe(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == '\'' || w[i] == 0x99 {
			return true
		}
	}
	return false
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func isOpenPunct(r rune) bool {
	switch r {
	case '"', '“', '‘', '(', '[', '{', '«', '`', '¿', '¡', '$', '€', '£', '¥', '„', '‹', '#', '*', '•':
		return true
	}
	return false
}

func isClosePunct(r rune) bool {
	switch r {
	case ',', ';', ':', '!', '?', ')', ']', '}', '"', '”', '’', '\'', '»', '›', '…', '%', '*':
		return true
	}
	return false
}

// contractionSuffixes are split off as separate tokens, as in the PTB.
var contractionSuffixes = [...]string{"'s", "'re", "'ll", "'ve", "'d", "'m", "'S", "'RE", "'LL", "'VE", "'D", "'M",
	"’s", "’re", "’ll", "’ve", "’d", "’m", "’S", "’RE", "’LL", "’VE", "’D", "’M"}

// isContraction reports whether w is itself a contraction token ('s, n't, ...).
func isContraction(w string) bool {
	for _, c := range contractionSuffixes {
		if w == c {
			return true
		}
	}
	return isNegation(w)
}

func isNegation(w string) bool {
	return w == "n't" || w == "N'T" || w == "n’t" || w == "N’T"
}

// contractionStart returns where a trailing contraction of text[s:e] starts,
// or s if there is none.
func contractionStart(text string, s, e int) int {
	w := text[s:e]
	if !hasApostrophe(w[max(0, len(w)-6):]) {
		return s
	}
	for _, neg := range [...]string{"n't", "N'T", "n’t", "N’T"} {
		if len(w) > len(neg) && w[len(w)-len(neg):] == neg {
			return e - len(neg)
		}
	}
	for _, c := range contractionSuffixes {
		if len(w) > len(c) && w[len(w)-len(c):] == c {
			return e - len(c)
		}
	}
	return s
}

// titles are abbreviations that precede a name or number and so never end a
// sentence (except at the end of a paragraph).
var titles = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Gen": true, "Sen": true, "Rep": true, "Gov": true,
	"Lt": true, "Col": true, "Sgt": true, "Capt": true, "Adm": true, "Maj": true, "Prof": true, "St": true,
	"Mt": true, "Ft": true, "Rev": true, "Hon": true, "Pres": true, "Gens": true, "Cmdr": true, "Cpl": true,
	"Pvt": true, "Supt": true, "Insp": true, "Det": true, "Messrs": true, "Mme": true, "Brig": true,
	"Lieut": true, "Atty": true, "Msgr": true, "Fr": true, "Rt": true, "No": true, "Nos": true, "no": true,
	"Sens": true, "Reps": true, "Govs": true, "Sgts": true, "Vol": true, "vol": true, "pp": true, "cf": true,
	"vs": true, "v": true, "Fig": true, "fig": true, "Cdr": true, "Spc": true, "Amb": true, "Sec": true, "Dep": true,
}

// abbrevs are other abbreviations written with a period; they may end a
// sentence.
var abbrevs = map[string]bool{
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true, "Inc": true, "Corp": true, "Co": true, "Ltd": true,
	"Jr": true, "Sr": true, "etc": true, "al": true, "Ave": true, "Blvd": true, "Rd": true, "Dept": true,
	"Univ": true, "Assn": true, "Bros": true, "approx": true, "est": true, "Ariz": true, "Calif": true,
	"Colo": true, "Conn": true, "Fla": true, "Ga": true, "Ill": true, "Kan": true, "Ky": true, "La": true,
	"Md": true, "Mass": true, "Mich": true, "Minn": true, "Miss": true, "Mo": true, "Mont": true, "Neb": true,
	"Nev": true, "Okla": true, "Ore": true, "Pa": true, "Tenn": true, "Tex": true, "Va": true, "Vt": true,
	"Wash": true, "Wis": true, "Wyo": true, "Ala": true, "Ark": true, "Del": true, "Ind": true, "Gov't": true,
	"Intl": true, "Natl": true, "Govt": true, "Plc": true, "plc": true, "Cos": true, "Ph": true,
}

// isAbbrev reports whether w followed by a period forms one abbreviation
// token. nextDigit says whether the next word starts with a digit ("No. 3").
func isAbbrev(w string, nextDigit bool) bool {
	if w == "" {
		return false
	}
	if (w == "No" || w == "no" || w == "Nos") && !nextDigit {
		return false
	}
	if titles[w] || abbrevs[w] {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		return unicode.IsUpper(r) // an initial: "J."
	}
	return isAcronym(w)
}

// isAcronym reports whether w is letters groups of one or two letters
// separated by periods: "U.S", "a.m", "Ph.D", "e.g".
func isAcronym(w string) bool {
	dots, run := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if run == 0 {
				return false
			}
			dots++
			run = 0
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			run++
			if run > 2 {
				return false
			}
		default:
			return false
		}
	}
	return dots > 0 && run > 0
}
