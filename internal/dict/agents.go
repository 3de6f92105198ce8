package dict

import "cmp"

// Agents maps role nouns ("soldiers", "riot police", "protesters") to
// CAMEO sector codes ("MIL", "COP", "OPP").
type Agents struct {
	byFirst map[string][]agentEntry
	n       int
}

type agentEntry struct {
	words  []string
	code   string
	prefix bool // PETRARCH "NGO~": the code goes before the actor code
	src    string
	second uint32 // secondKey(words), set when the entry is put
}

func newAgents() *Agents { return &Agents{byFirst: map[string][]agentEntry{}} }

// Len returns the number of agent phrases (all forms).
func (a *Agents) Len() int { return a.n }

// Match finds the longest agent phrase starting at words[0] and returns
// its sector code without "~" and the number of words it covers.
func (a *Agents) Match(words []string) (code string, n int, ok bool) {
	e, ok := a.match(words)
	if !ok {
		return "", 0, false
	}
	return e.code, len(e.words), true
}

// MatchPrefix is Match that also reports whether the code is an
// organisation prefix (PETRARCH "NGO~": written before the actor code).
func (a *Agents) MatchPrefix(words []string) (code string, n int, prefix, ok bool) {
	e, ok := a.match(words)
	if !ok {
		return "", 0, false, false
	}
	return e.code, len(e.words), e.prefix, true
}

func (a *Agents) match(words []string) (agentEntry, bool) {
	if len(words) == 0 {
		return agentEntry{}, false
	}
	second := secondKey(words)
	list := a.byFirst[words[0]]
	for i := range list {
		// (The second-word key passes over most of long lists such as
		// "minister" without comparing strings.)
		if e := &list[i]; (e.second == 0 || e.second == second) && hasPrefix(words, e.words) {
			return *e, true
		}
	}
	return agentEntry{}, false
}

func (a *Agents) put(e agentEntry) {
	if len(e.words) == 0 {
		return
	}
	e.second = secondKey(e.words)
	list := a.byFirst[e.words[0]]
	for i := range list {
		if slicesEq(list[i].words, e.words) {
			list[i] = e
			return
		}
	}
	a.n++
	a.byFirst[e.words[0]] = insertSorted(list, e, func(a, b agentEntry) int { return cmp.Compare(len(b.words), len(a.words)) })
}

// AgentMatch is an agent phrase found in a sentence.
type AgentMatch struct {
	// Code is the sector code without "~" ("COP").
	Code string
	// Words is the number of words the phrase covers.
	Words int
	// Prefix is set for organisation prefixes (PETRARCH "NGO~").
	Prefix bool
	// Source is where the entry was defined, "file:line".
	Source string
}

// Lookup is Match with the whole entry, including where it was defined.
func (a *Agents) Lookup(words []string) (AgentMatch, bool) {
	e, ok := a.match(words)
	if !ok {
		return AgentMatch{}, false
	}
	return AgentMatch{Code: e.code, Words: len(e.words), Prefix: e.prefix, Source: e.src}, true
}
