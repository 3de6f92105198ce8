package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	sitrep "github.com/sitrep-project/sitrep"
)

// abbrevs keep their period in the tiny test tokenizer.
var abbrevs = map[string]bool{"Gen": true, "Lt": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Sen": true, "Rep": true, "Gov": true, "Col": true, "Maj": true, "Capt": true, "Sgt": true, "Adm": true, "Brig": true, "St": true, "Jr": true, "Sr": true, "Inc": true, "Corp": true, "Co": true, "Ltd": true, "Prof": true, "Rev": true}

// analyze is a tiny stand-in for the text stage: paragraphs, sentences and
// untagged tokens. It keeps hyphenated words and abbreviations whole and
// splits off "'s".
func analyze(text string) *sitrep.Doc {
	art := &sitrep.Article{ID: "t", Text: text}
	doc := &sitrep.Doc{Article: art}
	pos := 0
	for _, para := range strings.Split(text, "\n\n") {
		start := pos
		pos += len(para) + 2
		trim := strings.TrimSpace(para)
		if trim == "" {
			continue
		}
		off := start + strings.Index(para, trim)
		doc.Paragraphs = append(doc.Paragraphs, sitrep.Span{Start: off, End: off + len(trim)})
		toks := tokenize(text, off, off+len(trim))
		var cur []sitrep.Token
		flush := func() {
			if len(cur) > 0 {
				doc.Sentences = append(doc.Sentences, sitrep.Sentence{Span: sitrep.Span{Start: cur[0].Start, End: cur[len(cur)-1].End}, Paragraph: len(doc.Paragraphs) - 1, Tokens: cur})
				cur = nil
			}
		}
		for i, t := range toks {
			cur = append(cur, t)
			if t.Text == "." || t.Text == "!" || t.Text == "?" {
				// Keep a closing quote with its sentence.
				if i+1 < len(toks) && (toks[i+1].Text == "”" || toks[i+1].Text == "\"") {
					continue
				}
				flush()
			} else if (t.Text == "”" || t.Text == "\"") && len(cur) > 1 {
				if p := cur[len(cur)-2].Text; p == "." || p == "!" || p == "?" {
					flush()
				}
			}
		}
		flush()
	}
	return doc
}

func tokenize(text string, start, end int) []sitrep.Token {
	var toks []sitrep.Token
	add := func(s, e int) {
		toks = append(toks, sitrep.Token{Span: sitrep.Span{Start: s, End: e}, Text: text[s:e]})
	}
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				// Inner hyphen, apostrophe, period or comma between word characters.
				if (r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == ',') && j+n2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						if (r2 == '\'' || r2 == '’') && (text[j+n2:j+n2+1] == "s") && (j+n2+1 >= end || !unicode.IsLetter(rune(text[j+n2+1]))) {
							break
						}
						if r2 == ',' && !(unicode.IsDigit(r3) && j > i && unicode.IsDigit(rune(text[j-1]))) {
							break
						}
						j += n2
						continue
					}
				}
				break
			}
			// Abbreviation or initial keeps its period: "Gen.", "U.S.", "J.".
			if j < end && text[j] == '.' {
				w := text[i:j]
				if abbrevs[w] || strings.Contains(w, ".") || (len(w) == 1 && unicode.IsUpper(rune(w[0]))) {
					j++
				}
			}
			add(i, j)
			if j+1 < end && (text[j] == '\'' || strings.HasPrefix(text[j:], "’")) {
				k := j + 1
				if text[j] != '\'' {
					k = j + len("’")
				}
				if k < end && text[k] == 's' && (k+1 >= end || !unicode.IsLetter(rune(text[k+1]))) {
					add(j, k+1)
					j = k + 1
				}
			}
			i = j
		default:
			add(i, i+n)
			i += n
		}
	}
	return toks
}
