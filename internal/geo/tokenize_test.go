package geo

import (
	"os"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// testAbbrevs keep their full stop as part of the token, as a Penn-style
// tokenizer does.
var testAbbrevs = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Mt": true,
	"Ft": true, "Gov": true, "Sen": true, "Rep": true, "Lt": true, "Sgt": true, "Capt": true, "Gen": true,
	"Col": true, "Jr": true, "Sr": true, "Inc": true, "Co": true, "Corp": true, "Rev": true, "No": true}

// testDoc is a tiny tokenizer for tests: paragraphs at blank lines,
// sentences after . ! ? followed by a space and a capital letter or quote,
// tokens are words (with internal apostrophes, hyphens, and periods of
// abbreviations such as "U.S.") and single punctuation marks. No POS tags.
func testDoc(a *sitrep.Article) *sitrep.Doc {
	d := &sitrep.Doc{Article: a}
	text := a.Text
	var sent sitrep.Sentence
	flush := func() {
		if len(sent.Tokens) > 0 {
			sent.Start = sent.Tokens[0].Start
			sent.End = sent.Tokens[len(sent.Tokens)-1].End
			d.Sentences = append(d.Sentences, sent)
		}
		sent = sitrep.Sentence{Paragraph: sent.Paragraph}
	}
	add := func(s, e int) {
		sent.Tokens = append(sent.Tokens, sitrep.Token{Span: sitrep.Span{Start: s, End: e}, Text: text[s:e]})
	}
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if strings.HasPrefix(text[i+1:], "\n") {
				flush()
				sent.Paragraph++
			}
			i += n
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += n2
					continue
				}
				if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.') && j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						if r2 == '.' && !(j-i == 1 || strings.Contains(text[i:j], ".")) {
							break
						}
						j += n2
						continue
					}
				}
				break
			}
			// Split the possessive 's.
			w := text[i:j]
			if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
				k := strings.LastIndexAny(w, "'’")
				add(i, i+k)
				add(i+k, j)
				i = j
				continue
			}
			// Keep the full stop of abbreviations: "U.S.", "Mr.", "Calif.".
			if j < len(text) && text[j] == '.' && (strings.Contains(w, ".") || testAbbrevs[w] || len(w) == 1 && unicode.IsUpper(r) || isAbbrevLike(w)) {
				j++
			}
			add(i, j)
			i = j
		default:
			add(i, i+n)
			i += n
			if r == '.' || r == '!' || r == '?' {
				rest := strings.TrimLeft(text[i:], " \"”’)")
				if rest == "" || strings.HasPrefix(text[i:], " ") {
					r3, _ := utf8.DecodeRuneInString(rest)
					if rest == "" || unicode.IsUpper(r3) || r3 == '"' || r3 == '“' {
						flush()
					}
				}
			}
		}
	}
	flush()
	return d
}

// isAbbrevLike spots state abbreviations ("Calif", "Tenn") by the
// gazetteer's abbreviation table shape: capitalised, short, in the table.
func isAbbrevLike(w string) bool { return testStateAbbr()[w] }

// testStateAbbr reads the admin-1 abbreviations of supplement.tsv.
var testStateAbbr = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	b, _ := os.ReadFile("supplement.tsv")
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Split(l, "\t")
		if len(f) >= 3 && f[0] == "admin1" {
			for _, a := range strings.Split(f[2], ";") {
				m[strings.TrimSuffix(a, ".")] = true
			}
		}
	}
	return m
})
