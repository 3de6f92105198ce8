package event

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// tree is the dependency structure of a parsed sentence (Token.Head and
// Token.Rel, set by the parse stage). When a sentence is parsed, the coder
// takes a verb's subject, object, passive agent and clause extent from the
// tree instead of guessing them from the order of chunks; everything else
// (patterns, actor coding, modality, plausibility) is the same.
type tree struct {
	head []int
	rel  []string
	kids [][]int // children of each token, in text order
}

// newTree returns the tree of toks, or nil when the sentence was not
// parsed or its arcs are not a tree over its tokens.
func newTree(toks []sitrep.Token) *tree {
	n := len(toks)
	if n == 0 {
		return nil
	}
	t := &tree{head: make([]int, n), rel: make([]string, n), kids: make([][]int, n)}
	roots := 0
	for i, tok := range toks {
		if tok.Rel == "" || tok.Head < -1 || tok.Head >= n || tok.Head == i {
			return nil
		}
		t.head[i], t.rel[i] = tok.Head, tok.Rel
		if tok.Head < 0 {
			roots++
		}
	}
	if roots == 0 {
		return nil
	}
	// Heads must lead to a root: a cycle would loop the walks below.
	for i := range n {
		j, steps := i, 0
		for j >= 0 {
			if steps++; steps > n {
				return nil
			}
			j = t.head[j]
		}
	}
	t.link()
	t.reattachSubjects(toks)
	t.joinSubjectLists(toks)
	return t
}

// link fills the children lists from the heads.
func (t *tree) link() {
	for i := range t.kids {
		t.kids[i] = t.kids[i][:0]
	}
	for i, h := range t.head {
		if h >= 0 {
			t.kids[h] = append(t.kids[h], i)
		}
	}
}

// reattachSubjects repairs a misparse the parser makes of clauses joined
// by a comma, above all the trailing attribution of news ("X will restore
// ties with Y, a senior official said"): the noun phrase before the
// second verb is coordinated with, put in apposition to or set beside
// something earlier (or taken for an agent with no "by"), and the verb,
// left without a subject, is read as sharing the first clause's subject
// ("X ... said"). A finite verb with no subject
// right after a noun phrase that starts after a comma, has no
// coordinator of its own and hangs outside the verb's subtree is taken
// for the verb's subject.
func (t *tree) reattachSubjects(toks []sitrep.Token) {
	for v := 2; v < len(toks); v++ {
		switch toks[v].Tag {
		case "VBD", "VBZ", "VBP":
		default:
			continue
		}
		p := v - 1
		if !verbal(t.rel[v]) || t.child(v, "nsubj", "nsubj:pass", "csubj", "csubj:pass", "expl") >= 0 {
			continue
		}
		switch t.rel[p] {
		case "conj", "appos", "parataxis", "dep":
		case "obl:agent":
			// "Five people were killed in clashes, a hospital official
			// said": an agent needs its "by".
			if t.child(p, "case") >= 0 {
				continue
			}
		default:
			continue
		}
		if !strings.HasPrefix(toks[p].Tag, "NN") {
			continue
		}
		if t.rightmost(p) != p || t.child(p, "cc") >= 0 || t.dominates(v, p) {
			continue
		}
		if l := t.leftmost(p); l == 0 || toks[l-1].Text != "," && toks[l].Text != "," {
			continue
		}
		t.head[p], t.rel[p] = v, "nsubj"
		t.link()
	}
}

// joinSubjectLists repairs another misparse of lists: in "Mordor, the
// Shire, Fornost and Bree welcomed", a list whose second member has a
// determiner, the parser takes the first name for an oblique, vocative or
// dislocated phrase of the verb and the rest for its subject. A bare
// proper noun (no preposition) before a verb's subject, separated from it
// only by a comma, is taken for the first member of the subject when the
// subject goes on as a list (has conjuncts of its own): it becomes a
// conjunct of the subject, so that the subject's phrase spans it.
func (t *tree) joinSubjectLists(toks []sitrep.Token) {
	for v := range toks {
		s := t.child(v, "nsubj")
		if s < 0 || t.child(s, "conj") < 0 {
			continue
		}
		l := t.leftmost(s)
		for _, a := range t.kids[v] {
			if a >= l || t.rightmost(a) != l-1 || toks[l-1].Text != "," {
				continue
			}
			switch t.rel[a] {
			case "obl", "obl:npmod", "obl:unmarked", "vocative", "dislocated", "dep", "nsubj", "appos":
			default:
				continue
			}
			if !strings.HasPrefix(toks[a].Tag, "NNP") || t.child(a, "case") >= 0 {
				continue
			}
			t.head[a], t.rel[a] = s, "conj"
			t.link()
			break
		}
	}
}

// dominates reports whether a is i or one of its ancestors.
func (t *tree) dominates(a, i int) bool {
	for ; i >= 0; i = t.head[i] {
		if i == a {
			return true
		}
	}
	return false
}

// base returns the relation of i without its subtype ("obl:agent" → "obl").
func (t *tree) base(i int) string {
	r := t.rel[i]
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// child returns the first child of i whose relation is one of rels, or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, c := range t.kids[i] {
		for _, r := range rels {
			if t.rel[c] == r {
				return c
			}
		}
	}
	return -1
}

// children returns the children of i whose relation is rel, in text order.
func (t *tree) children(i int, rel string) []int {
	var out []int
	for _, c := range t.kids[i] {
		if t.rel[c] == rel {
			out = append(out, c)
		}
	}
	return out
}

// caseOf returns the lowercased preposition marking nominal i ("by", "against"), or "".
func (t *tree) caseOf(st *sentence, i int) string {
	for _, c := range t.kids[i] {
		if c < i && t.rel[c] == "case" {
			return st.words[c]
		}
	}
	return ""
}

// leftmost and rightmost return the extent of i's subtree.
func (t *tree) leftmost(i int) int {
	l := i
	for _, c := range t.kids[i] {
		if c < l {
			l = min(l, t.leftmost(c))
		}
	}
	return l
}

func (t *tree) rightmost(i int) int {
	r := i
	for _, c := range t.kids[i] {
		if c > r {
			r = max(r, t.rightmost(c))
		}
	}
	return r
}

// clausal reports relations that open a clause of their own: what a verb's
// patterns and objects are looked for in stops before them.
func clausal(rel string) bool {
	switch rel {
	case "ccomp", "advcl", "parataxis", "conj", "acl", "acl:relcl", "csubj", "list", "discourse", "vocative":
		return true
	}
	return false
}

// clauseEnd returns the end (exclusive token index) of verb h's own
// clause to its right: its subtree up to the first dependent clause,
// coordinated verb or final punctuation.
func (t *tree) clauseEnd(st *sentence, h int) int {
	end := h + 1
	for _, c := range t.kids[h] {
		if c < h {
			continue
		}
		if clausal(t.rel[c]) || t.rel[c] == "punct" && c == t.rightmost(h) {
			break
		}
		end = max(end, t.rightmost(c)+1)
	}
	return end
}

// phrase returns the token range [from, to) of the noun phrase headed by
// n, for actor coding: its subtree without the preposition that marks it
// and without the clauses that modify it ("the militias who stormed").
func (t *tree) phrase(n int) (int, int) {
	from, to := n, n+1
	for _, c := range t.kids[n] {
		if c < n {
			switch t.rel[c] {
			case "case", "mark", "cc", "punct":
				continue
			}
			from = min(from, t.leftmost(c))
			continue
		}
		if clausal(t.rel[c]) && t.rel[c] != "conj" || t.rel[c] == "punct" {
			break
		}
		to = max(to, t.rightmost(c)+1)
	}
	return from, to
}

// nominal reports whether i heads a noun phrase (not a clause).
func nominal(st *sentence, i int) bool {
	tag := st.Tokens[i].Tag
	return strings.HasPrefix(tag, "NN") || tag == "PRP" || tag == "CD" || tag == "DT" || tag == "JJ" || tag == "WP"
}

// subjectNode returns the token heading the subject of verb h, and the
// relations that led to it: its own nsubj; for a relative clause whose
// subject is the relative pronoun, the noun it modifies; for a coordinated
// verb, the subject of the first conjunct; for an xcomp ("vowed to
// attack"), the controller: the object of the governing verb if it has one
// ("urged Iran to stop"), else its subject; for a participle modifying a
// noun, that noun; for a gerund adjunct ("shelled the town, killing
// three", "responded by dispatching Marines"), the subject of the
// governing verb (its object for "accused Y of attacking"). It returns -1
// when the clause names none.
func (t *tree) subjectNode(st *sentence, h int) (int, string) {
	var path []string
	for depth := 0; depth < 8 && h >= 0; depth++ {
		if s := t.child(h, "nsubj", "nsubj:pass", "nsubj:outer"); s >= 0 {
			if relativePronoun(st.words[s]) && t.rel[h] == "acl:relcl" {
				return t.head[h], via(path, "acl:relcl antecedent")
			}
			return s, via(path, t.rel[s])
		}
		p := t.head[h]
		if p < 0 {
			return -1, ""
		}
		switch t.rel[h] {
		case "conj":
			if !isVerbTag(st.Tokens[p].Tag) && nominal(st, p) {
				return -1, ""
			}
		case "xcomp":
			if o := t.child(p, "obj", "iobj"); o >= 0 && o < h {
				return o, via(path, "xcomp controller "+t.rel[o])
			}
		case "acl", "acl:relcl":
			return p, via(path, t.rel[h]+" head")
		case "advcl":
			// A gerund adjunct without a subject of its own is
			// controlled by the clause it modifies: its subject ("X
			// responded by dispatching Marines", "X shelled the town,
			// killing three", "X left after meeting Y"), but the object
			// for the "of" and "for" complements of verbs that judge
			// someone ("accused Y of attacking", "thanked Y for
			// helping").
			if st.Tokens[h].Tag != "VBG" {
				return -1, ""
			}
			if m := t.child(h, "mark"); m >= 0 && (st.words[m] == "of" || st.words[m] == "for") {
				if o := t.child(p, "obj"); o >= 0 && o < h {
					return o, via(path, "advcl controller obj")
				}
			}
		default:
			return -1, ""
		}
		path = append(path, t.rel[h])
		h = p
	}
	return -1, ""
}

// via joins the relations walked up to a role's source, for explain.
func via(path []string, last string) string {
	return strings.Join(append(path, last), " → ")
}

// relativePronoun reports the words that stand for the noun a relative
// clause modifies (the tree says it is one: no tag check needed).
func relativePronoun(w string) bool {
	return w == "who" || w == "whom" || w == "which" || w == "that"
}

// passive reports whether verb h is passive: it has a passive subject or
// auxiliary, or it is a past participle modifying a noun ("militias
// targeted by US strikes").
func (t *tree) passive(st *sentence, h int) bool {
	if t.child(h, "nsubj:pass", "aux:pass", "csubj:pass") >= 0 {
		return true
	}
	return t.rel[h] == "acl" && st.Tokens[h].Tag == "VBN"
}

// agentNode returns the "by" agent of passive verb h, or -1.
func (t *tree) agentNode(st *sentence, h int) int {
	if a := t.child(h, "obl:agent"); a >= 0 {
		return a
	}
	for _, c := range t.kids[h] {
		if c > h && t.base(c) == "obl" && t.caseOf(st, c) == "by" {
			return c
		}
	}
	return -1
}

// objectNodes returns the candidates for the target of active verb h, in
// order of trust: the indirect object (the one given to), the direct
// object, then its obliques marked by a target preposition ("opened fire
// on protesters"), within the clause.
func (t *tree) objectNodes(st *sentence, h, clauseEnd int) []int {
	var out []int
	if c := t.child(h, "iobj"); c >= 0 {
		out = append(out, c)
	}
	obj, yields := t.child(h, "obj"), false
	if obj >= 0 {
		if n := t.child(obj, "nmod"); n >= 0 && t.caseOf(st, n) == "by" {
			// "condemned an attack by X": the agent of the nominal object.
			out = append(out, n)
		}
		// What is given ("promised military aid to Mozambique") and one's
		// own forces ("withdrew its troops from Lebanon") yield to a
		// phrase naming someone.
		if relativePronoun(st.words[obj]) && t.rel[h] == "acl:relcl" {
			// "the embassy that protesters attacked": the relative
			// pronoun stands for the noun the clause modifies.
			obj = t.head[h]
		}
		yields = transferred[st.words[obj]] || t.child(obj, "nmod:poss") >= 0
		if !yields {
			out = append(out, obj)
		}
	}
	for _, c := range t.kids[h] {
		if c > h && c < clauseEnd && t.base(c) == "obl" && (isTargetPrep(t.caseOf(st, c)) || yields && t.caseOf(st, c) == "from") {
			out = append(out, c)
		}
	}
	if yields {
		out = append(out, obj)
	}
	return out
}

// roles are the actors the tree gives a verb, with the relations that
// gave them (for explain).
type roles struct {
	src, tgt, patient *sitrep.EventActor
	// named is the chunk reading's uncoded named target (article.object),
	// taken when the event has no other.
	named        *sitrep.EventActor
	srcBy, tgtBy string
	clauseEnd    int
	chunkEnd     int // the chunk reading's clause end, for verb patterns
	passive      bool
}

// treeRoles reads the source, target and patient of verb group g from the
// tree, and sets its voice.
func (a *article) treeRoles(st *sentence, g *verbGroup) roles {
	t, h := st.tree, g.head
	r := roles{clauseEnd: t.clauseEnd(st, h), passive: t.passive(st, h)}
	subj, by := t.subjectNode(st, h)
	if r.passive {
		r.patient, r.tgtBy = a.nodeActor(st, subj), by
		r.tgt = r.patient
		if ag := t.agentNode(st, h); ag >= 0 {
			r.src, r.srcBy = a.nodeActor(st, ag), t.rel[ag]
		}
		return r
	}
	r.src, r.srcBy = a.nodeActor(st, subj), by
	if subjs := t.children(h, "nsubj"); len(subjs) > 1 && subj == subjs[0] {
		// "Mordor, the Shire, Fornost and Bree welcomed": a list of
		// subjects misparsed as several subjects of one verb is one
		// compound subject.
		_, to := t.phrase(subjs[len(subjs)-1])
		r.src, r.srcBy = a.actorOf(st, t.leftmost(subj), to), "nsubj list"
	}
	r.tgt, r.tgtBy = a.treeTarget(st, h, r.clauseEnd)
	if r.tgt == nil {
		// "threatened to attack South Korea": the target of the threat is
		// the object of the threatened act; "demanded that the US cancel":
		// the one asked is the subject of the complement clause.
		r.tgt, r.tgtBy = a.deepTarget(st, h, 0)
		if r.tgt == nil {
			r.tgt, r.tgtBy = a.purposeTarget(st, h)
		}
		if r.tgt == nil {
			if c := t.child(h, "ccomp"); c >= 0 && t.child(c, "mark") >= 0 {
				if n, by := t.subjectNode(st, c); n >= 0 {
					if s := a.nodeActor(st, n); coded(s) {
						r.tgt, r.tgtBy = s, "ccomp → "+by
					}
				}
			}
		}
	}
	return r
}

// deepTarget returns the target of the act verb h governs through
// xcomp, down a chain of them ("vowed to try to seize Kherson"), and the
// relations that gave it.
func (a *article) deepTarget(st *sentence, h, depth int) (*sitrep.EventActor, string) {
	t := st.tree
	x := t.child(h, "xcomp")
	if x < 0 || !isVerbTag(st.Tokens[x].Tag) || depth > 3 {
		return nil, ""
	}
	if tgt, by := a.treeTarget(st, x, t.clauseEnd(st, x)); tgt != nil {
		return tgt, "xcomp → " + by
	}
	tgt, by := a.deepTarget(st, x, depth+1)
	if tgt == nil {
		return nil, ""
	}
	return tgt, "xcomp → " + by
}

// purposeTarget returns the target of an infinitive stating the purpose of
// verb h's act, attached to the verb ("sent troops to protect the
// Kurds") or to its object ("signed an accord to supply Chad with
// grain"): with no one named as its own target, an act is aimed at the
// one its purpose is.
func (a *article) purposeTarget(st *sentence, h int) (*sitrep.EventActor, string) {
	t := st.tree
	heads := []int{h}
	if o := t.child(h, "obj"); o >= 0 {
		heads = append(heads, o)
	}
	for _, p := range heads {
		for _, c := range t.kids[p] {
			if c < p || !isVerbTag(st.Tokens[c].Tag) || t.rel[c] != "advcl" && t.rel[c] != "acl" {
				continue
			}
			if m := t.child(c, "mark"); m < 0 || st.words[m] != "to" {
				continue
			}
			if tgt, by := a.treeTarget(st, c, t.clauseEnd(st, c)); tgt != nil {
				return tgt, t.rel[c] + " (to) → " + by
			}
		}
	}
	return nil, ""
}

// verbal reports whether the tree attaches a verb by relation rel: as a
// clause of its own, not as a modifier, a noun or an auxiliary.
func verbal(rel string) bool {
	switch rel {
	case "root", "ccomp", "xcomp", "advcl", "conj", "parataxis", "acl", "acl:relcl", "csubj", "csubj:pass":
		return true
	}
	return false
}

// treeOrChunk returns the roles of group gi read from the tree, backing
// off to c, the chunk reading: all of it when the tree does not take the
// group's head for a verb heading a clause (the parse and the tagger
// disagree about the main verb) or about its voice; role by role when the
// tree names no coded actor where the chunks do, or the role chooser
// believes the chunks' actor over the tree's.
func (a *article) treeOrChunk(st *sentence, gi int, c roles) roles {
	g := &st.groups[gi]
	if !verbal(st.tree.rel[g.head]) {
		c.srcBy, c.tgtBy = "chunks", "chunks"
		return c
	}
	r := a.treeRoles(st, g)
	r.chunkEnd, r.named = c.clauseEnd, c.named
	if r.passive != c.passive {
		// The two readings disagree about the voice: the chunk reading,
		// which reads it from the auxiliaries, is kept whole. (On PLV
		// train cross-validation the two choices tie on type accuracy;
		// this one codes fewer extra events.)
		c.srcBy, c.tgtBy = "chunks", "chunks"
		return c
	}
	switch {
	case !coded(c.src):
	case !coded(r.src) || !a.chooseRole("source", r.srcBy, r.src, c.src):
		r.src, r.srcBy = c.src, "chunks"
	}
	switch {
	case !coded(c.tgt):
	case !coded(r.tgt) || !a.chooseRole("target", r.tgtBy, r.tgt, c.tgt):
		r.tgt, r.tgtBy = c.tgt, "chunks"
		if r.passive {
			r.patient = c.patient
		}
	}
	return r
}

// coded reports whether act is an actor with a code.
func coded(act *sitrep.EventActor) bool { return act != nil && act.Actor != "" }

// nodeActor codes the noun phrase headed by token n, or returns nil.
func (a *article) nodeActor(st *sentence, n int) *sitrep.EventActor {
	if n < 0 {
		return nil
	}
	from, to := st.tree.phrase(n)
	return a.actorOf(st, from, to)
}

// treeTarget returns the first coded actor among verb h's object
// candidates, and the relation that gave it.
func (a *article) treeTarget(st *sentence, h, clauseEnd int) (*sitrep.EventActor, string) {
	t := st.tree
	for _, n := range t.objectNodes(st, h, clauseEnd) {
		if act := a.nodeActor(st, n); act != nil && act.Actor != "" {
			how := t.rel[n]
			if c := t.caseOf(st, n); c != "" {
				how += " (" + c + ")"
			}
			return act, how
		}
	}
	return nil, ""
}
