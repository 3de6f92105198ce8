package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Paragraphs returns the blank-line separated blocks of text, trimmed of
// surrounding white space, skipping empty ones. A line that opens with a
// list bullet ("- ", "• ") starts a paragraph of its own, the bullet left
// out: the items of a list ("Key points") are not one sentence run on
// across their line breaks.
func Paragraphs(text string) []sitrep.Span {
	var out []sitrep.Span
	start := -1 // start of the current paragraph's first non-blank line
	lastEnd := 0
	pos := 0
	for pos <= len(text) {
		nl := indexByteFrom(text, pos, '\n')
		lineEnd := nl
		if nl < 0 {
			lineEnd = len(text)
		}
		if isBlank(text[pos:lineEnd]) {
			if start >= 0 {
				out = appendTrimmed(out, text, start, lastEnd)
				start = -1
			}
		} else {
			if b := bulletEnd(text, pos, lineEnd); b > 0 {
				if start >= 0 {
					out = appendTrimmed(out, text, start, lastEnd)
				}
				start = b
			} else if start < 0 {
				start = pos
			}
			lastEnd = lineEnd
		}
		if nl < 0 {
			break
		}
		pos = nl + 1
	}
	if start >= 0 {
		out = appendTrimmed(out, text, start, lastEnd)
	}
	return out
}

// bulletEnd returns where the text of a line [pos, end) that opens with
// a list bullet, a space and a capital or a digit starts, or 0. (A dash
// before a lower-case word continues a sentence across a hard line
// break: "the banking system\n- a plan that ...".)
func bulletEnd(text string, pos, end int) int {
	s, _ := trimSpace(text, pos, end)
	for _, b := range [...]string{"- ", "• ", "* ", "· ", "– ", "▪ ", "► "} {
		if strings.HasPrefix(text[s:end], b) {
			if r, _ := utf8.DecodeRuneInString(text[s+len(b) : end]); unicode.IsUpper(r) || unicode.IsDigit(r) {
				return s + len(b)
			}
		}
	}
	return 0
}

func indexByteFrom(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

func appendTrimmed(out []sitrep.Span, text string, s, e int) []sitrep.Span {
	s, e = trimSpace(text, s, e)
	if s < e {
		out = append(out, sitrep.Span{Start: s, End: e})
	}
	return out
}

// trimSpace narrows [s,e) of text to exclude leading and trailing white space.
func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r, n) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r, n) {
			break
		}
		e -= n
	}
	return s, e
}

func isSpace(r rune, n int) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	if r == utf8.RuneError && n == 1 {
		return false
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isBlank(line string) bool {
	s, e := trimSpace(line, 0, len(line))
	return s == e
}
