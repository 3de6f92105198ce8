package event

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// lexicon.txt holds the coder's word lists (closed-class words, and the
// content words its rules key on) as commented data rather than Go map
// literals or switches; its format is described at its top.
//
//go:embed lexicon.txt
var lexiconTxt string

// lexicon is lexicon.txt parsed; the package variables take their sections
// from it as they are initialized (lexicon.set and the like). The file is
// embedded, so a bad edit is a programming error: it panics at init,
// naming the line, and any test of the package catches it.
var lexicon = must(parseLexicon(lexiconTxt))

// A section no variable took is dead data, most likely a misspelt name.
// init runs after every package variable has been initialized.
func init() {
	if err := lexicon.unused(); err != nil {
		panic(err)
	}
}

type lexSections map[string]*lexSection

// lexSection is one [name] section of lexicon.txt.
type lexSection struct {
	name    string
	line    int  // of the [name] header
	pairs   bool // key=value pairs, not words
	entries []lexEntry
	used    bool // taken by a package variable; set only during init
}

// lexEntry is a word, or a key=value pair, and the line it is on.
type lexEntry struct {
	key, value string
	line       int
}

// parseLexicon reads the lexicon format: '#' comments, [name] headers, and
// under each header whitespace-separated words or key=value pairs.
func parseLexicon(src string) (lexSections, error) {
	l := lexSections{}
	var cur *lexSection
	seen := map[string]bool{} // keys of cur
	n := 0
	for line := range strings.Lines(src) {
		n++
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			name, ok := strings.CutSuffix(line[1:], "]")
			if !ok || name == "" || strings.ContainsAny(name, " \t[]") {
				return nil, lexError(n, "malformed section header %q", line)
			}
			if s := l[name]; s != nil {
				return nil, lexError(n, "duplicate section [%s] (first at line %d)", name, s.line)
			}
			cur = &lexSection{name: name, line: n}
			l[name] = cur
			clear(seen)
			continue
		}
		if cur == nil && line != "" {
			return nil, lexError(n, "words before the first [section]")
		}
		for _, f := range strings.Fields(line) {
			k, v, pair := strings.Cut(f, "=")
			if pair && (k == "" || v == "" || strings.Contains(v, "=")) {
				return nil, lexError(n, "malformed pair %q in [%s]", f, cur.name)
			}
			if len(cur.entries) == 0 {
				cur.pairs = pair
			} else if pair != cur.pairs {
				return nil, lexError(n, "%q mixes words and key=value pairs in [%s]", f, cur.name)
			}
			if seen[k] {
				return nil, lexError(n, "duplicate word %q in [%s]", k, cur.name)
			}
			seen[k] = true
			cur.entries = append(cur.entries, lexEntry{key: k, value: v, line: n})
		}
	}
	return l, nil
}

func lexError(line int, format string, args ...any) error {
	return fmt.Errorf("event: lexicon.txt line %d: "+format, append([]any{line}, args...)...)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// take returns section name, which must hold pairs or words as asked, and
// marks it used.
func (l lexSections) take(name string, pairs bool) (*lexSection, error) {
	s := l[name]
	if s == nil {
		return nil, fmt.Errorf("event: lexicon.txt: missing section [%s]", name)
	}
	if s.pairs != pairs {
		want := "words"
		if pairs {
			want = "key=value pairs"
		}
		return nil, lexError(s.line, "section [%s] should hold %s", name, want)
	}
	s.used = true
	return s, nil
}

// unused reports the first section, in file order, that no variable took.
func (l lexSections) unused() error {
	var first *lexSection
	for _, s := range l {
		if !s.used && (first == nil || s.line < first.line) {
			first = s
		}
	}
	if first != nil {
		return lexError(first.line, "section [%s] is used by no variable", first.name)
	}
	return nil
}

// set returns the words of section name as a set.
func (l lexSections) set(name string) map[string]bool {
	s := must(l.take(name, false))
	m := make(map[string]bool, len(s.entries))
	for _, e := range s.entries {
		m[e.key] = true
	}
	return m
}

// list returns the words of section name in file order.
func (l lexSections) list(name string) []string {
	s := must(l.take(name, false))
	words := make([]string, len(s.entries))
	for i, e := range s.entries {
		words[i] = e.key
	}
	return words
}

// pairs returns the key=value pairs of section name as a map; values, if
// any, are the only values allowed.
func (l lexSections) pairs(name string, values ...string) map[string]string {
	s := must(l.take(name, true))
	m := make(map[string]string, len(s.entries))
	for _, e := range s.entries {
		if len(values) > 0 && !slices.Contains(values, e.value) {
			panic(lexError(e.line, "%s=%s in [%s]: value should be one of %s", e.key, e.value, name, strings.Join(values, ", ")))
		}
		m[e.key] = e.value
	}
	return m
}

// modalities is pairs whose values must be modalities (sitrep.Asserted,
// ...): a misspelt one would silently never match.
func (l lexSections) modalities(name string) map[string]string {
	return l.pairs(name, sitrep.Asserted, sitrep.Negated, sitrep.Failed, sitrep.Hypothetical)
}
