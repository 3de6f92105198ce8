package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// starters are capitalized words that commonly begin a sentence. After an
// abbreviation that may end a sentence ("U.S.", "Inc.", "a.m."), a
// capitalized word from this list is taken as the start of a new sentence;
// any other capitalized word ("U.S. Embassy") is not.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "You": true, "This": true, "That": true, "These": true, "Those": true, "But": true,
	"So": true, "Yet": true, "In": true, "On": true, "At": true, "However": true,
	"Meanwhile": true, "His": true, "Her": true, "Their": true, "Its": true, "Our": true, "My": true,
	"Your": true, "There": true, "After": true, "Before": true, "When": true, "While": true, "As": true,
	"If": true, "Since": true, "Some": true, "Many": true, "Most": true, "According": true, "Earlier": true,
	"Later": true, "Last": true, "For": true, "What": true, "Who": true, "Why": true, "How": true,
	"Where": true, "Which": true, "No": true, "Not": true, "Then": true, "Now": true, "Also": true,
	"Both": true, "Each": true, "All": true, "Several": true, "Other": true, "Another": true, "One": true,
	"Two": true, "Three": true, "By": true, "From": true, "With": true,
	"During": true, "Despite": true, "Although": true, "Though": true, "Because": true,
	"Still": true, "Instead": true, "Thus": true, "Therefore": true, "Nevertheless": true, "Moreover": true,
	"Further": true, "Furthermore": true, "Separately": true, "Elsewhere": true, "Here": true, "Such": true,
}

func isTerminal(w string) bool {
	switch w {
	case ".", "!", "?", "?!", "!?", "...", "…", "....":
		return true
	}
	return false
}

func isQuote(w string) bool {
	switch w {
	case "“", "‘", "\"", "'", "``", "«":
		return true
	}
	return false
}

func isEllipsis(w string) bool { return w == "..." || w == "…" || w == "...." }

// isClosing reports whether t closes a quote or bracket after a sentence's
// final punctuation. Straight quotes count only when attached to prev.
func isClosing(t, prev sitrep.Token) bool {
	switch t.Text {
	case "”", "’", ")", "]", "»", "''", "}":
		return true
	case "\"", "'":
		return t.Start == prev.End
	}
	return false
}

func isOpening(w string) bool {
	switch w {
	case "“", "‘", "\"", "(", "[", "«", "'", "``":
		return true
	}
	return false
}

func startsUpperOrDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// abbrevEnds reports whether the abbreviation token w (with its period)
// ends a sentence before next.
func abbrevEnds(w string, next []sitrep.Token) bool {
	base := w[:len(w)-1]
	if titles[base] {
		return false
	}
	if len(next) == 0 {
		return true
	}
	n := next[0].Text
	if isQuote(n) && len(next) > 1 {
		return startsUpper(next[1].Text)
	}
	return starters[n]
}

func isAbbrevToken(w string) bool {
	if len(w) < 2 || w[len(w)-1] != '.' {
		return false
	}
	c := w[len(w)-2]
	return c != '.' && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// splitSentences appends to out the token index ranges [start, end) of the
// sentences in toks, which all belong to one paragraph region.
func splitSentences(toks []sitrep.Token, out [][2]int) [][2]int {
	n := len(toks)
	start := 0
	inQuote := false // inside an open quotation (straight quotes toggle)
	for i := 0; i < n; i++ {
		w := toks[i].Text
		switch w {
		case "“", "«":
			inQuote = true
		case "”", "»":
			inQuote = false
		case "\"":
			inQuote = !inQuote
		}
		term := isTerminal(w)
		abbr := !term && isAbbrevToken(w)
		if !term && !abbr {
			continue
		}
		j := i + 1
		closed := false // a closing quote follows the punctuation
		for j < n && (isClosing(toks[j], toks[j-1]) || isTerminal(toks[j].Text)) {
			switch toks[j].Text {
			case "”", "»", "\"":
				closed = true
			}
			j++
		}
		if j >= n {
			break
		}
		next := toks[j:]
		var ends bool
		switch {
		case abbr:
			ends = abbrevEnds(w, next)
		case isEllipsis(w):
			// An ellipsis inside a quotation usually marks an omission.
			ends = !(inQuote && !closed) && startsUpper(next[0].Text) && next[0].Text != "I"
		default:
			nw := next[0].Text
			if isOpening(nw) && len(next) > 1 {
				ends = startsUpperOrDigit(next[1].Text) || isOpening(next[1].Text)
			} else {
				ends = startsUpperOrDigit(nw) || isOpening(nw) || !startsLetter(nw)
			}
		}
		if ends {
			if closed {
				inQuote = false
			}
			out = append(out, [2]int{start, j})
			start = j
			i = j - 1
		}
	}
	if start < n {
		out = append(out, [2]int{start, n})
	}
	return out
}

func startsLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}
