package dict

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Kind is a dictionary kind.
type Kind string

// Dictionary kinds.
const (
	KindVerbs    Kind = "verbs"
	KindActors   Kind = "actors"
	KindAgents   Kind = "agents"
	KindDiscards Kind = "discards"
)

// sitrepKind returns the kind named by a sitrep header line
// ("# sitrep verbs"), or "" when data is not in sitrep format.
func sitrepKind(data string) Kind {
	s := data[:min(len(data), 64)]
	line, _, _ := strings.Cut(s, "\n")
	f := strings.Fields(line)
	if len(f) < 3 || f[0] != "#" || f[1] != "sitrep" {
		return ""
	}
	switch k := Kind(f[2]); k {
	case KindVerbs, KindActors, KindAgents, KindDiscards:
		return k
	}
	return ""
}

// sitrepLines calls fn for each non-blank line with "#" comments removed.
func sitrepLines(data string, fn func(t string, n int)) {
	s := data
	for n := 1; len(s) > 0; n++ {
		var line string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			line, s = s, ""
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if t := strings.TrimSpace(line); t != "" {
			fn(t, n)
		}
	}
}

// phrases splits "a b | c d" into lowercase word lists, taken from a.
func phrases(s string, a *phraseArena) [][]string {
	for more := true; more; {
		var p string
		p, s, more = strings.Cut(s, "|")
		for w := range strings.FieldsSeq(strings.ToLower(p)) {
			a.words.push(w)
		}
		if w := a.words.cut(); w != nil {
			a.lists.push(w)
		}
	}
	return a.lists.cut()
}

// phraseArena holds the backing arrays of the word lists of one file.
type phraseArena struct {
	words arena[string]
	lists arena[[]string]
}

// arena hands out short slices from shared backing arrays: one
// allocation per few thousand elements rather than one a slice, which
// is most of what loading the dictionaries would allocate. The slices
// are capped, so appending to one copies it rather than overwrite the
// next.
type arena[T any] struct {
	buf   []T
	start int // of the slice being filled
}

// push appends v to the slice being filled.
func (a *arena[T]) push(v T) {
	if len(a.buf) == cap(a.buf) {
		n := len(a.buf) - a.start
		b := make([]T, n, max(4096, 2*n))
		copy(b, a.buf[a.start:])
		a.buf, a.start = b, 0
	}
	a.buf = append(a.buf, v)
}

// cut returns the elements pushed since the last cut, or nil if none.
func (a *arena[T]) cut() []T {
	s := a.buf[a.start:len(a.buf):len(a.buf)]
	a.start = len(a.buf)
	if len(s) == 0 {
		return nil
	}
	return s
}

// cutCode splits "text = CODE" at the last " = " or "=".
func cutCode(t string) (text, code string, ok bool) {
	i := strings.LastIndexByte(t, '=')
	if i < 0 {
		return t, "", false
	}
	return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:]), true
}

// parseSitrepVerbs reads the sitrep verb format (docs/DICTIONARIES.md).
func parseSitrepVerbs(name string, data string, warn warnFunc) *rawVerbs {
	r := &rawVerbs{}
	var cur *rawBlock
	var words phraseArena
	srcs := sources{name: name}
	sitrepLines(data, func(t string, n int) {
		at := srcs.at(n)
		switch {
		case strings.HasPrefix(t, "@set "):
			text, members, ok := strings.Cut(t[5:], "=")
			setName := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(text), "&"))
			if !ok || setName == "" {
				warn(at, fmt.Errorf("@set: want \"@set NAME = phrase | phrase\""))
				return
			}
			r.sets = append(r.sets, rawSet{name: setName, members: phrases(members, &words), src: at})
		case strings.HasPrefix(t, "@block "):
			f := strings.Fields(t[7:])
			if len(f) == 0 {
				warn(at, fmt.Errorf("@block: want \"@block NAME [CODE]\""))
				return
			}
			cur = &rawBlock{name: strings.ToUpper(f[0]), src: at}
			if len(f) > 1 {
				cur.code = normCode(f[1])
			}
			r.blocks = append(r.blocks, cur)
		case strings.HasPrefix(t, "@noun "):
			text, code, ok := cutCode(t[6:])
			forms := phrases(text, &words)
			if !ok || code == "" || len(forms) == 0 {
				warn(at, fmt.Errorf("@noun: want \"@noun phrase | phrase = CODE\""))
				return
			}
			r.nouns = append(r.nouns, rawNoun{forms: forms, code: normCode(code), src: at})
		case t[0] == '@':
			warn(at, fmt.Errorf("unknown directive %q", strings.Fields(t)[0]))
		case t[0] == '-':
			if cur == nil {
				warn(at, fmt.Errorf("pattern before any @block"))
				return
			}
			text, code, ok := cutCode(t[1:])
			if !ok || code == "" {
				warn(at, fmt.Errorf("pattern without \"= CODE\""))
				return
			}
			cur.patterns = append(cur.patterns, rawPattern{text: text, code: normCode(code), src: at})
		default:
			if cur == nil {
				warn(at, fmt.Errorf("verb %q before any @block", t))
				return
			}
			text, code, _ := cutCode(t)
			words, forms, hasForms := strings.Cut(text, "|")
			var m rawMember
			m.src = at
			m.code = normCode(code)
			for i, w := range strings.Fields(strings.ToLower(words)) {
				if strings.HasPrefix(w, "+") && len(w) > 1 {
					m.verb = i
					w = w[1:]
				}
				m.words = append(m.words, w)
			}
			if len(m.words) == 0 {
				warn(at, fmt.Errorf("empty verb line"))
				return
			}
			if hasForms {
				m.forms = strings.Fields(strings.ToLower(forms))
				if m.forms == nil {
					m.forms = []string{}
				}
				m.noForms = len(m.forms) == 0
			}
			cur.members = append(cur.members, m)
		}
	})
	return r
}

// parseSitrepActors reads "name | alias = CODE; CODE FROM..TO; ...".
func parseSitrepActors(name string, data string, warn warnFunc) []rawActor {
	out := make([]rawActor, 0, strings.Count(data, "\n")+1)
	var roles arena[Role]
	var words phraseArena
	srcs := sources{name: name}
	sitrepLines(data, func(t string, n int) {
		at := srcs.at(n)
		text, codes, ok := strings.Cut(t, "=")
		names := phrases(text, &words)
		if !ok || len(names) == 0 {
			warn(at, fmt.Errorf("actor: want \"name | alias = CODE[; CODE FROM..TO]\""))
			return
		}
		a := rawActor{names: names, src: at}
		for r := range strings.SplitSeq(codes, ";") {
			// The fields of a role, without allocating: past two,
			// only their count matters.
			var f [2]string
			nf := 0
			for x := range strings.FieldsSeq(r) {
				if nf < len(f) {
					f[nf] = x
				}
				nf++
			}
			switch nf {
			case 0:
				continue
			case 1:
				a.def = strings.ToUpper(f[0])
			case 2:
				from, to, ok := strings.Cut(f[1], "..")
				if !ok || !isDateOrEmpty(from) || !isDateOrEmpty(to) {
					warn(at, fmt.Errorf("actor role %q: want CODE YYYY-MM-DD..YYYY-MM-DD", strings.TrimSpace(r)))
					continue
				}
				roles.push(Role{Code: strings.ToUpper(f[0]), From: from, To: to})
			default:
				warn(at, fmt.Errorf("actor role %q: want CODE [FROM..TO]", strings.TrimSpace(r)))
			}
		}
		a.roles = roles.cut()
		out = append(out, a)
	})
	return out
}

func isDateOrEmpty(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// parseSitrepAgents reads "noun | plural = CODE" ("CODE~" for prefixes).
func parseSitrepAgents(name string, data string, warn warnFunc) []agentEntry {
	var out []agentEntry
	var words phraseArena
	srcs := sources{name: name}
	sitrepLines(data, func(t string, n int) {
		at := srcs.at(n)
		text, code, ok := cutCode(t)
		code = normCode(code)
		if !ok || strings.Trim(code, "~") == "" {
			warn(at, fmt.Errorf("agent: want \"noun | plural = CODE\""))
			return
		}
		prefix := false
		switch {
		case strings.HasPrefix(code, "~"):
			code = code[1:]
		case strings.HasSuffix(code, "~"):
			code, prefix = strings.TrimSuffix(code, "~"), true
		}
		for _, w := range phrases(text, &words) {
			out = append(out, agentEntry{words: w, code: code, prefix: prefix, src: at})
		}
	})
	return out
}

// parseSitrepDiscards reads one phrase a line: "+" first for a story-level
// discard, "*" last for a stem.
func parseSitrepDiscards(name string, data string, warn warnFunc) []discard {
	var out []discard
	sitrepLines(data, func(t string, n int) {
		story := strings.HasPrefix(t, "+")
		t = strings.TrimPrefix(t, "+")
		stem := strings.HasSuffix(t, "*")
		t = strings.TrimSuffix(t, "*")
		w := strings.Fields(strings.ToLower(t))
		if len(w) == 0 {
			warn(src(name, n), fmt.Errorf("empty discard phrase"))
			return
		}
		out = append(out, discard{words: w, stem: stem, story: story, text: strings.Join(w, " ")})
	})
	return out
}

// ---- writers (used by scripts/dict) ----

// ConvertPetrarch reads a PETRARCH/TABARI dictionary of the given kind and
// writes it to w in sitrep format, after header (comment lines without the
// leading "# "). It returns the per-line problems met (lines skipped).
func ConvertPetrarch(kind Kind, name string, data []byte, header string, w io.Writer) ([]error, error) {
	var warns []error
	warn := func(s string, err error) { warns = append(warns, fmt.Errorf("%s: %w", s, err)) }
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# sitrep %s\n", kind)
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		fmt.Fprintf(bw, "# %s\n", l)
	}
	bw.WriteString("\n")
	text := string(data)
	switch kind {
	case KindVerbs:
		writeVerbs(bw, parsePetrarchVerbs(name, text, nil, warn))
	case KindActors:
		for _, a := range parsePetrarchActors(name, text, warn) {
			writeActor(bw, a)
		}
	case KindAgents:
		for _, e := range parsePetrarchAgents(name, text, warn) {
			code := e.code
			if e.prefix {
				code += "~"
			}
			fmt.Fprintf(bw, "%s = %s\n", strings.Join(e.words, " "), code)
		}
	case KindDiscards:
		for _, d := range parsePetrarchDiscards(name, text, warn) {
			if d.story {
				bw.WriteString("+")
			}
			bw.WriteString(d.text)
			if d.stem {
				bw.WriteString("*")
			}
			bw.WriteString("\n")
		}
	default:
		return warns, fmt.Errorf("dict: convert %s: unknown kind %q", name, kind)
	}
	if err := bw.Flush(); err != nil {
		return warns, fmt.Errorf("dict: convert %s: %w", name, err)
	}
	return warns, nil
}

func joinPhrases(ps [][]string) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = strings.Join(p, " ")
	}
	return strings.Join(parts, " | ")
}

func writeVerbs(w *bufio.Writer, r *rawVerbs) {
	for _, s := range r.sets {
		fmt.Fprintf(w, "@set %s = %s\n", s.name, joinPhrases(s.members))
	}
	for _, b := range r.blocks {
		fmt.Fprintf(w, "\n@block %s %s\n", b.name, b.code)
		for _, m := range b.members {
			words := append([]string(nil), m.words...)
			if m.verb > 0 {
				words[m.verb] = "+" + words[m.verb]
			}
			w.WriteString(strings.Join(words, " "))
			if m.forms != nil {
				w.WriteString(" |")
				for _, f := range m.forms {
					w.WriteString(" " + f)
				}
			}
			if m.code != "" {
				w.WriteString(" = " + m.code)
			}
			w.WriteString("\n")
		}
		for _, p := range b.patterns {
			fmt.Fprintf(w, "- %s = %s\n", strings.ToLower(strings.Join(strings.Fields(p.text), " ")), p.code)
		}
	}
	if len(r.nouns) > 0 {
		w.WriteString("\n# nominal event triggers derived from light-verb patterns (launch/stage/conduct/... + noun)\n")
	}
	for _, n := range r.nouns {
		fmt.Fprintf(w, "@noun %s = %s\n", joinPhrases(n.forms), n.code)
	}
}

func writeActor(w *bufio.Writer, a rawActor) {
	if len(a.names) == 0 {
		return
	}
	w.WriteString(joinPhrases(a.names))
	w.WriteString(" =")
	sep := " "
	if a.def != "" {
		w.WriteString(sep + a.def)
		sep = "; "
	}
	for _, r := range a.roles {
		fmt.Fprintf(w, "%s%s %s..%s", sep, r.Code, r.From, r.To)
		sep = "; "
	}
	if sep == " " {
		w.WriteString(" " + nullCode)
	}
	w.WriteString("\n")
}

// sources makes the "file:line" strings that entries keep, carving them
// out of shared buffers: one allocation per few hundred lines rather than
// two per line, which is most of what loading the dictionaries allocates.
type sources struct {
	name string
	buf  []byte
}

// at returns "name:n". Bytes before len(s.buf) are never written again,
// so the strings viewing them stay unchanged.
func (s *sources) at(n int) string {
	if need := len(s.name) + 21; cap(s.buf)-len(s.buf) < need {
		s.buf = make([]byte, 0, max(16<<10, need))
	}
	start := len(s.buf)
	s.buf = append(s.buf, s.name...)
	s.buf = append(s.buf, ':')
	s.buf = strconv.AppendInt(s.buf, int64(n), 10)
	return unsafeString(s.buf[start:])
}
