package entity

// Linking is written by hand: which mentions of an article are one entity
// is not what CoNLL-2003 annotates. Person mentions link by surname and
// given name, others by their canonical name in the built-in lists
// ("US" = "United States") or their text, and acronyms by initials.

import (
	"sort"
	"strings"
	"unicode"

	sitrep "github.com/sitrep-project/sitrep"
)

type personGroup struct {
	first, last string
	multi       bool
	ref         int
}

// link groups mentions into entities and fills Name and Ref.
func (st *state) link() []sitrep.Entity {
	ms := st.ments
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	refs := make([]int, len(ms))
	names := make([]string, 0, 16) // best name per ref (index ref-1)
	better := func(ref int, cand string, person bool) {
		cur := names[ref-1]
		if person {
			cw, nw := strings.Count(cur, " "), strings.Count(cand, " ")
			if nw > cw || (nw == cw && len(cand) > len(cur)) {
				names[ref-1] = cand
			}
			return
		}
		if len(cand) > len(cur) {
			names[ref-1] = cand
		}
	}
	newRef := func(name string) int {
		names = append(names, name)
		return len(names)
	}
	var persons []personGroup
	keys := make(map[string]int, len(ms))
	for i, m := range ms {
		txt := st.text[m.start:m.end]
		if m.typ == sitrep.Person {
			refs[i] = st.linkPerson(&persons, txt, newRef)
			better(refs[i], txt, true)
			continue
		}
		name := txt
		if m.name != "" {
			name = m.name
		}
		key := st.entityKey(m.typ, name, m.name != "")
		ref, ok := keys[key]
		if !ok {
			ref = newRef(name)
			keys[key] = ref
		}
		refs[i] = ref
		better(ref, name, false)
	}
	st.mergeAcronyms(ms, refs, names)

	// Renumber refs in order of first mention after merges.
	order := make(map[int]int, len(names))
	out := make([]sitrep.Entity, len(ms))
	for i, m := range ms {
		ref := refs[i]
		nr, ok := order[ref]
		if !ok {
			nr = len(order) + 1
			order[ref] = nr
		}
		out[i] = sitrep.Entity{
			Span:       sitrep.Span{Start: m.start, End: m.end},
			Text:       st.text[m.start:m.end],
			Type:       m.typ,
			Name:       names[ref-1],
			Ref:        nr,
			Title:      m.title,
			Confidence: m.conf,
		}
	}
	return out
}

// linkPerson finds or creates the person group of a mention.
func (st *state) linkPerson(groups *[]personGroup, txt string, newRef func(string) int) int {
	first, last := txt, txt
	multi := false
	if sp := strings.IndexByte(txt, ' '); sp > 0 {
		first = txt[:sp]
		last = txt[strings.LastIndexByte(txt, ' ')+1:]
		multi = true
	}
	gs := *groups
	for gi := len(gs) - 1; gi >= 0; gi-- {
		g := &gs[gi]
		if !multi {
			if strings.EqualFold(g.last, last) || (!g.multi && strings.EqualFold(g.first, first)) {
				return g.ref
			}
			continue
		}
		if !strings.EqualFold(g.last, last) {
			continue
		}
		if !g.multi {
			g.multi, g.first = true, first
			return g.ref
		}
		if strings.EqualFold(g.first, first) {
			return g.ref
		}
	}
	ref := newRef(txt)
	*groups = append(gs, personGroup{first: first, last: last, multi: multi, ref: ref})
	return ref
}

// entityKey is the linking key of a non-person mention: its canonical
// name when the built-in lists know one, else its lower-cased text.
func (st *state) entityKey(typ sitrep.EntityType, name string, modifier bool) string {
	low := st.low(name)
	switch {
	case modifier, typ == sitrep.GPE, typ == sitrep.Loc:
		if info, ok := st.k.places[string(low)]; ok {
			return "place:" + strings.ToLower(info.canon)
		}
		if modifier {
			if c, ok := st.k.orgs[string(low)]; ok {
				return "org:" + strings.ToLower(c)
			}
		}
		return "place:" + string(low)
	case typ == sitrep.Org:
		if c, ok := st.k.orgs[string(low)]; ok {
			return "org:" + strings.ToLower(c)
		}
		return "org:" + string(low)
	case typ == sitrep.NORP:
		if c, ok := st.k.demonyms[string(low)]; ok && c != "" {
			return "norp:" + strings.ToLower(c)
		}
		return "norp:" + strings.TrimSuffix(string(low), "s")
	}
	return string(typ) + ":" + string(low)
}

// mergeAcronyms links an acronym ORG ("PMF") to the organisation whose
// initials it spells ("Popular Mobilization Forces").
func (st *state) mergeAcronyms(ms []mention, refs []int, names []string) {
	for i, m := range ms {
		if m.typ != sitrep.Org || m.ntok != 1 {
			continue
		}
		acr := strings.ReplaceAll(st.text[m.start:m.end], ".", "")
		if len(acr) < 2 || !isUpperWord(acr) {
			continue
		}
		for j, o := range ms {
			if o.typ != sitrep.Org || o.ntok < 2 || refs[j] == refs[i] {
				continue
			}
			if initials(st.text[o.start:o.end]) != acr {
				continue
			}
			from, to := refs[i], refs[j]
			for x := range refs {
				if refs[x] == from {
					refs[x] = to
				}
			}
			if len(names[from-1]) > len(names[to-1]) {
				names[to-1] = names[from-1]
			}
			break
		}
	}
}

// initials spells the capitalised words of a name ("Joint Chiefs of Staff"
// → "JCS").
func initials(name string) string {
	var b strings.Builder
	start := true
	for _, r := range name {
		switch {
		case r == ' ' || r == '-':
			start = true
		case start:
			if unicode.IsUpper(r) {
				b.WriteRune(r)
			}
			start = false
		}
	}
	return b.String()
}

func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}
