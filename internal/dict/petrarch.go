package dict

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// warnFunc records a per-line problem; the line is skipped and reading
// goes on.
type warnFunc func(src string, err error)

// eachLine calls fn for every non-blank line of data with comments
// removed: "#" to end of line, ";" too when semicolon is set (TABARI actor
// files), and "<!-- ... -->" blocks, which may span lines. raw keeps the
// line's leading white space (actor date lines start with a tab). n is the
// 1-based line number.
func eachLine(data string, semicolon bool, fn func(raw string, n int)) {
	eachLineComment(data, semicolon, func(raw, _ string, n int) { fn(raw, n) })
}

// eachLineComment is eachLine that also passes the "#" comment text.
func eachLineComment(data string, semicolon bool, fn func(raw, comment string, n int)) {
	s := data
	inXML := false
	for n := 1; len(s) > 0; n++ {
		var line string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			line, s = s, ""
		}
		if inXML {
			i := strings.Index(line, "-->")
			if i < 0 {
				continue
			}
			line = line[i+3:]
			inXML = false
		}
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "<!") {
			if i := strings.Index(t, "-->"); i >= 0 {
				line = t[i+3:]
			} else {
				inXML = true
				continue
			}
		}
		comment := ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line, comment = line[:i], line[i+1:]
		}
		if semicolon {
			if i := strings.IndexByte(line, ';'); i >= 0 {
				line = line[:i]
			}
		}
		line = strings.TrimRight(line, " \t\r\x1a")
		if strings.TrimSpace(line) == "" {
			continue
		}
		fn(line, comment, n)
	}
}

func src(name string, n int) string { return name + ":" + strconv.Itoa(n) }

// splitPhrase splits a PETRARCH phrase on blanks and underscores into
// lowercase words. exact reports a trailing "_" (no plural / no stem).
func splitPhrase(s string) (words []string, exact bool) {
	s = strings.TrimSpace(s)
	exact = strings.HasSuffix(s, "_")
	words = strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	return words, exact
}

// bracket extracts the last "[...]" of s, returning the text before it and
// the trimmed content.
func bracket(s string) (before, content string, ok bool) {
	i := strings.LastIndexByte(s, '[')
	if i < 0 {
		return s, "", false
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return s, "", false
	}
	return s[:i], strings.TrimSpace(s[i+1 : i+j]), true
}

// braces extracts "{...}" from s, returning s without it.
func braces(s string) (rest, content string, ok bool) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return s, "", false
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return s[:i], s[i+1:], true
	}
	return s[:i] + s[i+j+1:], s[i+1 : i+j], true
}

// normCode removes blanks and stray "!" and upper-cases a code.
func normCode(c string) string {
	return strings.ToUpper(strings.Trim(strings.Join(strings.Fields(c), ""), "!"))
}

// ---- verbs ----

// parsePetrarchVerbs reads a PETRARCH/TABARI verb dictionary
// (CAMEO.2.0.txt style): synsets "&NAME" with "+phrase" members, blocks
// "--- NAME [code] ---", member lines "WORD {forms} [code]" (multiword
// verbs joined by "_" with "+" on the inflected word) and pattern lines
// "- before * after [code] # comment". Transformations ("~") are ignored.
func parsePetrarchVerbs(name string, data string, known map[string][][]string, warn warnFunc) *rawVerbs {
	r := &rawVerbs{}
	sets := map[string][][]string{}
	for k, v := range known {
		sets[k] = v
	}
	var curSet *rawSet
	setPlural := false
	var cur *rawBlock
	eachLineComment(data, false, func(line, comment string, n int) {
		at := src(name, n)
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "---"):
			curSet = nil
			body := strings.Trim(t, "- \t")
			head, code, ok := bracket(body)
			if !ok {
				code = nullCode
			}
			bn := strings.ToUpper(strings.Trim(strings.TrimSpace(head), "_"))
			if bn == "" {
				warn(at, fmt.Errorf("verb block without a name"))
				bn = fmt.Sprintf("BLOCK@%d", n)
			}
			cur = &rawBlock{name: bn, code: normCode(code), src: at}
			if cur.code == "" {
				cur.code = nullCode
			}
			r.blocks = append(r.blocks, cur)
		case t[0] == '&':
			f := strings.Fields(t)
			label := strings.ToLower(f[0][1:])
			setPlural = !strings.HasSuffix(label, "_")
			r.sets = append(r.sets, rawSet{name: strings.TrimSuffix(label, "_"), src: at})
			curSet = &r.sets[len(r.sets)-1]
		case t[0] == '+' && curSet != nil:
			body := strings.TrimSpace(t[1:])
			if strings.HasPrefix(body, "&") {
				inner := strings.TrimSuffix(strings.ToLower(strings.Fields(body)[0][1:]), "_")
				m, ok := sets[inner]
				if !ok {
					warn(at, fmt.Errorf("synset &%s: undefined synset &%s", strings.ToUpper(curSet.name), strings.ToUpper(inner)))
					return
				}
				curSet.members = append(curSet.members, m...)
			} else {
				w, exact := splitPhrase(body)
				if len(w) == 0 {
					return
				}
				curSet.members = append(curSet.members, w)
				if setPlural && !exact {
					for _, p := range plural(w[len(w)-1]) {
						pw := append(append([]string(nil), w[:len(w)-1]...), p)
						curSet.members = append(curSet.members, pw)
					}
				}
			}
			sets[curSet.name] = curSet.members
		case t[0] == '-':
			curSet = nil
			if cur == nil {
				warn(at, fmt.Errorf("pattern outside a verb block"))
				return
			}
			body, code, ok := bracket(t[1:])
			if !ok {
				warn(at, fmt.Errorf("pattern without [code]"))
				return
			}
			text := strings.TrimSpace(body)
			if !strings.Contains(text, "*") {
				warn(at, fmt.Errorf("pattern %q: no * for the verb", text))
				return
			}
			verb := ""
			if f := strings.Fields(comment); len(f) > 0 {
				verb = strings.ToLower(strings.ReplaceAll(strings.Trim(f[0], ","), "_", " "))
			}
			cur.patterns = append(cur.patterns, rawPattern{text: text, code: normCode(code), src: at, verb: verb})
		case t[0] == '~':
			// transformation: not supported, ignored
		default:
			curSet = nil
			if cur == nil {
				warn(at, fmt.Errorf("verb %q outside a verb block", t))
				return
			}
			m, err := parsePetrarchMember(t)
			if err != nil {
				warn(at, err)
				return
			}
			m.src = at
			cur.members = append(cur.members, m)
		}
	})
	r.nouns = deriveNouns(r)
	return r
}

// parsePetrarchMember parses "SEND {SENDS SENT} [072]", "+ASK_FOR
// {+ASKED_FOR} [020]" or "WIRE_+TAP".
func parsePetrarchMember(t string) (rawMember, error) {
	var m rawMember
	rest, code, _ := bracket(t)
	m.code = normCode(code)
	rest, forms, hasForms := braces(rest)
	f := strings.Fields(rest)
	if len(f) == 0 {
		return m, fmt.Errorf("verb line %q: no verb", t)
	}
	phrase := strings.Join(f, "_")
	parts := strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool { return r == '_' })
	m.verb = 0
	for i, p := range parts {
		if strings.HasPrefix(p, "+") && len(p) > 1 {
			m.verb = i
		}
		parts[i] = strings.TrimLeft(p, "+")
	}
	m.words = parts[:0]
	for _, p := range parts {
		if p != "" {
			m.words = append(m.words, p)
		}
	}
	if len(m.words) == 0 {
		return m, fmt.Errorf("verb line %q: no verb", t)
	}
	if m.verb >= len(m.words) {
		m.verb = 0
	}
	if hasForms {
		m.forms = []string{}
		for _, ff := range strings.Fields(strings.ToLower(forms)) {
			ws := strings.FieldsFunc(ff, func(r rune) bool { return r == '_' })
			idx := -1
			for i, w := range ws {
				if strings.HasPrefix(w, "+") {
					idx = i
				}
			}
			if idx < 0 {
				idx = m.verb
				if len(ws) != len(m.words) {
					idx = 0
				}
			}
			if idx < len(ws) {
				if w := strings.TrimLeft(ws[idx], "+"); w != "" {
					m.forms = append(m.forms, w)
				}
			}
		}
		m.noForms = len(m.forms) == 0
	}
	return m, nil
}

// isLightVerb reports whether lemma is a verb whose object noun names the
// event ("launch an attack", "stage a protest", "carry out airstrikes",
// "opened an investigation"): at match time an uncoded light verb takes
// the code of its object noun.
func isLightVerb(lemma string) bool {
	switch lemma {
	case "open", "complete", "initiate", "organize", "organise":
		return true
	}
	return derivesNouns(lemma)
}

// derivesNouns reports the light verbs whose simple "* NOUN" patterns give
// the nominal event triggers. "open", "complete" and the like are left
// out: "open * border" says what opening a border is, not that a border
// is an event.
func derivesNouns(lemma string) bool {
	switch lemma {
	case "launch", "stage", "conduct", "carry out", "mount", "wage", "unleash",
		"hold", "impose", "order", "lead", "begin", "start":
		return true
	}
	return false
}

var simpleNounPattern = regexp.MustCompile(`^\*\s+(\{[a-z' -]+\}|[a-z'-]+)$`)

// deriveNouns collects nominal event triggers from the light-verb blocks.
func deriveNouns(r *rawVerbs) []rawNoun {
	var out []rawNoun
	for _, b := range r.blocks {
		for _, p := range b.patterns {
			// The pattern comment names the verb it was written for.
			if !derivesNouns(p.verb) {
				continue
			}
			sm := simpleNounPattern.FindStringSubmatch(strings.ToLower(p.text))
			if sm == nil || !isEventCode(p.code) || strings.Contains(p.code, ":") {
				continue
			}
			w, _ := splitPhrase(strings.Trim(sm[1], "{}"))
			if len(w) == 0 {
				continue
			}
			forms := [][]string{w}
			last := w[len(w)-1]
			if !strings.HasSuffix(last, "s") {
				for _, pl := range plural(last) {
					forms = append(forms, append(append([]string(nil), w[:len(w)-1]...), pl))
				}
			}
			out = append(out, rawNoun{forms: forms, code: p.code, src: p.src})
		}
	}
	return out
}

func isEventCode(c string) bool {
	if len(c) < 2 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	return true
}

// ---- actors ----

// parsePetrarchActors reads a TABARI/PETRARCH .actors file: records of a
// primary phrase with an optional [code], "+alias" lines and
// tab-indented date restrictions "[CODE]", "[CODE >YYMMDD]",
// "[CODE <YYMMDD]", "[CODE YYMMDD-YYMMDD]" (6- or 8-digit dates, bounds
// inclusive). ";" and "#" start comments.
func parsePetrarchActors(name string, data string, warn warnFunc) []rawActor {
	var out []rawActor
	var cur *rawActor
	eachLine(data, true, func(line string, n int) {
		at := src(name, n)
		t := strings.TrimSpace(line)
		indented := line[0] == ' ' || line[0] == '\t'
		switch {
		case t[0] == '[' || (indented && strings.HasPrefix(t, "[")):
			if cur == nil {
				warn(at, fmt.Errorf("date restriction outside an actor record"))
				return
			}
			_, c, ok := bracket(t)
			if !ok {
				warn(at, fmt.Errorf("bad restriction %q", t))
				return
			}
			if err := addRestriction(cur, c); err != nil {
				warn(at, err)
			}
		case t[0] == '+':
			if cur == nil {
				warn(at, fmt.Errorf("alias outside an actor record"))
				return
			}
			head, _, _ := bracket(t[1:])
			if w, _ := splitPhrase(head); len(w) > 0 {
				cur.names = append(cur.names, w)
			}
		case indented:
			// stray indented text: ignore
		default:
			out = append(out, rawActor{src: at})
			cur = &out[len(out)-1]
			head, c, ok := bracket(t)
			if w, _ := splitPhrase(head); len(w) > 0 {
				cur.names = append(cur.names, w)
			} else {
				warn(at, fmt.Errorf("actor line %q: no name", t))
			}
			if ok {
				if err := addRestriction(cur, c); err != nil {
					warn(at, err)
				}
			}
		}
	})
	return out
}

// addRestriction parses "CODE", "CODE >YYMMDD", "CODE <YYMMDD" or
// "CODE YYMMDD-YYMMDD" into a.
func addRestriction(a *rawActor, c string) error {
	f := strings.Fields(c)
	if len(f) == 0 {
		return fmt.Errorf("empty code")
	}
	code := strings.ToUpper(f[0])
	if code[0] == '<' || code[0] == '>' || (code[0] >= '0' && code[0] <= '9') {
		return fmt.Errorf("restriction %q: missing code", c)
	}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		a.def = code
		return nil
	}
	var r Role
	r.Code = code
	var err error
	switch rest[0] {
	case '<':
		r.To, err = tabariDate(rest[1:])
	case '>':
		r.From, err = tabariDate(rest[1:])
	default:
		from, to, ok := strings.Cut(rest, "-")
		if !ok {
			return fmt.Errorf("restriction %q: want <date, >date or date-date", c)
		}
		if r.From, err = tabariDate(from); err == nil {
			r.To, err = tabariDate(to)
		}
	}
	if err != nil {
		return fmt.Errorf("restriction %q: %w", c, err)
	}
	a.roles = append(a.roles, r)
	return nil
}

// tabariDate converts YYMMDD or YYYYMMDD to YYYY-MM-DD. Two-digit years up
// to 30 are 20YY, else 19YY. Over-long strings keep their last 8 digits
// (a known typo in Phoenix: "1920030320").
func tabariDate(s string) (string, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", fmt.Errorf("bad date %q", s)
		}
	}
	switch {
	case len(s) == 6:
		if s[:2] <= "30" {
			s = "20" + s
		} else {
			s = "19" + s
		}
	case len(s) > 8:
		s = s[len(s)-8:]
	case len(s) != 8:
		return "", fmt.Errorf("bad date %q", s)
	}
	if s[4:6] < "01" || s[4:6] > "12" || s[6:8] > "31" {
		return "", fmt.Errorf("bad date %q", s)
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:8], nil
}

// ---- agents ----

// parsePetrarchAgents reads a PETRARCH agents file: "!NAME! = a, b"
// substitution sets and "PHRASE {plurals} [~CODE]" lines ("[CODE~]" for
// codes written before the actor code). Regular plurals are generated
// unless the phrase ends in "_" or "{}" is given.
func parsePetrarchAgents(name string, data string, warn warnFunc) []agentEntry {
	subs := map[string][]string{}
	var out []agentEntry
	eachLine(data, false, func(line string, n int) {
		at := src(name, n)
		t := strings.TrimSpace(line)
		if t[0] == '!' {
			if k, v, ok := strings.Cut(t, "="); ok && strings.Count(k, "!") == 2 {
				key := strings.ToLower(strings.TrimSpace(k))
				for _, s := range strings.Split(v, ",") {
					if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
						subs[key] = append(subs[key], s)
					}
				}
				return
			}
		}
		// "[~GOV}" occurs in the wild: accept a missing "]".
		head, code, ok := bracket(t)
		if !ok {
			if i := strings.LastIndexByte(t, '['); i >= 0 {
				head, code, ok = t[:i], strings.Trim(t[i+1:], " }"), true
			}
		}
		if !ok || strings.Trim(code, " ~") == "" {
			warn(at, fmt.Errorf("agent %q: no [code]", t))
			return
		}
		code = normCode(code)
		prefix := false
		switch {
		case strings.HasPrefix(code, "~"):
			code = code[1:]
		case strings.HasSuffix(code, "~"):
			code, prefix = strings.TrimSuffix(code, "~"), true
		}
		phrase, pl, hasPl := braces(head)
		phrase = strings.ToLower(strings.TrimSpace(phrase))
		if phrase == "" {
			warn(at, fmt.Errorf("agent %q: no phrase", t))
			return
		}
		variants := []string{phrase}
		noPlural := false
		if i := strings.IndexByte(phrase, '!'); i >= 0 {
			j := strings.IndexByte(phrase[i+1:], '!')
			if j >= 0 {
				key := phrase[i : i+j+2]
				vals, ok := subs[key]
				if !ok {
					warn(at, fmt.Errorf("agent %q: undefined substitution %s", t, strings.ToUpper(key)))
					return
				}
				variants = variants[:0]
				for _, v := range vals {
					variants = append(variants, phrase[:i]+v+phrase[i+j+2:])
				}
				noPlural = true
			}
		}
		for _, v := range variants {
			w, exact := splitPhrase(v)
			if len(w) == 0 {
				continue
			}
			out = append(out, agentEntry{words: w, code: code, prefix: prefix, src: at})
			switch {
			case hasPl:
				for _, f := range strings.Fields(pl) {
					if pw, _ := splitPhrase(f); len(pw) > 0 {
						out = append(out, agentEntry{words: pw, code: code, prefix: prefix, src: at})
					}
				}
			case !noPlural && !exact:
				for _, p := range plural(w[len(w)-1]) {
					pw := append(append([]string(nil), w[:len(w)-1]...), p)
					out = append(out, agentEntry{words: pw, code: code, prefix: prefix, src: at})
				}
			}
		}
	})
	return out
}

// ---- discards ----

// parsePetrarchDiscards reads a discard list: one phrase a line, "+" for
// story-level discards, a trailing "_" for an exact last word (otherwise
// it is a stem).
func parsePetrarchDiscards(name string, data string, warn warnFunc) []discard {
	var out []discard
	eachLine(data, false, func(line string, n int) {
		t := strings.TrimSpace(line)
		story := strings.HasPrefix(t, "+")
		t = strings.TrimSpace(strings.TrimPrefix(t, "+"))
		w, exact := splitPhrase(t)
		if len(w) == 0 {
			warn(src(name, n), fmt.Errorf("empty discard phrase"))
			return
		}
		out = append(out, discard{words: w, stem: !exact, story: story, text: strings.Join(w, " ")})
	})
	return out
}
