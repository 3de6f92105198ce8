package event

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// The role chooser decides, when a sentence is parsed and the tree and the
// chunks both give a verb a coded source (or target) but not the same
// one, which reading to believe. It is learned, not written: for every
// tree relation path that gave an actor ("nsubj", "xcomp controller
// obj", "obl (against)"), it counts on labelled sentences how often only
// the tree's actor overlapped the gold actor and how often only the
// chunks' did, and believes the reading that was right more often. A
// path seen too rarely backs off to a shorter key: the path without its
// preposition, its last relation, then the role alone.

// RoleSample is one verb whose source or target the tree and the chunks
// read differently.
type RoleSample struct {
	Role        string // "source" or "target"
	Rel         string // the tree relations that gave the tree's actor
	Tree, Chunk sitrep.EventActor
}

// RoleRecord is the role samples of one labelled sentence, with the gold
// actor texts they are scored against.
type RoleRecord struct {
	Samples          []RoleSample
	Sources, Targets []string
}

// RoleChooser holds, per role and relation key, how often only the tree
// (only the chunks) gave the right actor. The zero value and nil believe
// the tree.
type RoleChooser struct {
	counts map[string][2]int
}

// roleMinCount is the fewest decided samples a key needs to be used
// rather than backed off from.
const roleMinCount = 3

//go:embed roles.txt
var rolesTxt []byte

// LoadRoleChooser returns the shipped chooser (roles.txt, written by
// scripts/train-roles).
func LoadRoleChooser() (*RoleChooser, error) {
	c, err := ReadRoleChooser(bytes.NewReader(rolesTxt))
	if err != nil {
		return nil, fmt.Errorf("event: embedded roles.txt: %w", err)
	}
	return c, nil
}

// ReadRoleChooser reads a chooser written by WriteTo: lines of
// "role<TAB>key<TAB>tree<TAB>chunks", '#' comments.
func ReadRoleChooser(r io.Reader) (*RoleChooser, error) {
	c := &RoleChooser{counts: map[string][2]int{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: want 4 tab-separated fields, have %d", line, len(f))
		}
		t, err1 := strconv.Atoi(f[2])
		k, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || t < 0 || k < 0 {
			return nil, fmt.Errorf("line %d: counts %q %q are not whole numbers", line, f[2], f[3])
		}
		c.counts[f[0]+"\t"+f[1]] = [2]int{t, k}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// WriteTo writes the chooser's counts, sorted, as ReadRoleChooser reads them.
func (c *RoleChooser) WriteTo(w io.Writer) (int64, error) {
	keys := make([]string, 0, len(c.counts))
	for k := range c.counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# role\tkey\ttree right only\tchunks right only (scripts/train-roles)\n")
	for _, k := range keys {
		n := c.counts[k]
		fmt.Fprintf(&b, "%s\t%d\t%d\n", k, n[0], n[1])
	}
	m, err := io.WriteString(w, b.String())
	return int64(m), err
}

// roleKeys are the keys of a sample, most specific first: the path, the
// path without its preposition, its last relation, and "*" (the role).
func roleKeys(rel string) []string {
	keys := []string{rel}
	if i := strings.Index(rel, " ("); i >= 0 {
		rel = rel[:i]
		keys = append(keys, rel)
	}
	if i := strings.LastIndex(rel, " → "); i >= 0 {
		keys = append(keys, rel[i+len(" → "):])
	}
	return append(keys, "*")
}

// TrainRoleChooser counts, over the records, which reading gave an actor
// overlapping a gold actor of its role when the other did not.
func TrainRoleChooser(recs []RoleRecord) *RoleChooser {
	c := &RoleChooser{counts: map[string][2]int{}}
	for _, r := range recs {
		for _, s := range r.Samples {
			gold := r.Sources
			if s.Role == "target" {
				gold = r.Targets
			}
			t, k := TextOverlaps(gold, &s.Tree), TextOverlaps(gold, &s.Chunk)
			if t == k {
				continue
			}
			seen := map[string]bool{}
			for _, key := range roleKeys(s.Rel) {
				if seen[key] {
					continue
				}
				seen[key] = true
				n := c.counts[s.Role+"\t"+key]
				if t {
					n[0]++
				} else {
					n[1]++
				}
				c.counts[s.Role+"\t"+key] = n
			}
		}
	}
	return c
}

// tree reports whether to believe the tree's actor for role given by rel.
func (c *RoleChooser) tree(role, rel string) bool {
	if c == nil {
		return true
	}
	for _, key := range roleKeys(rel) {
		if n, ok := c.counts[role+"\t"+key]; ok && n[0]+n[1] >= roleMinCount {
			return n[0] >= n[1]
		}
	}
	return true
}

// TextOverlaps reports whether the text or the resolved name of act
// overlaps one of the gold actor texts (case and spacing aside): how
// 'sitrep eval events' scores PLOVER actors.
func TextOverlaps(gold []string, act *sitrep.EventActor) bool {
	if act == nil {
		return false
	}
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	for _, g := range gold {
		g = norm(g)
		for _, t := range []string{norm(act.Text), norm(act.Name)} {
			if g != "" && t != "" && (strings.Contains(g, t) || strings.Contains(t, g)) {
				return true
			}
		}
	}
	return false
}

// WithRoles returns a copy of the coder that settles disagreements between
// the tree and the chunk readings with rc (nil: the tree is believed).
func (c *Coder) WithRoles(rc *RoleChooser) *Coder {
	cc := *c
	cc.roles = rc
	return &cc
}

// RoleSamples codes the article, as Code does, and returns the role
// samples of its verbs instead of its events: the chooser's training data.
func (c *Coder) RoleSamples(in *Input) []RoleSample {
	var out []RoleSample
	cc := *c
	cc.roles = nil
	a := newArticle(in, &cc)
	a.roleSamples = &out
	_, _ = cc.codeArticle(context.Background(), a) // never done: no error
	return out
}

// chooseRole returns the actor to believe for role of tree reading t (by
// relation rel) and chunk reading k, recording the sample when collecting.
func (a *article) chooseRole(role, rel string, t, k *sitrep.EventActor) bool {
	if t.Span == k.Span && t.Actor == k.Actor {
		return true
	}
	if a.roleSamples != nil {
		*a.roleSamples = append(*a.roleSamples, RoleSample{Role: role, Rel: rel, Tree: *t, Chunk: *k})
	}
	return a.c.roles.tree(role, rel)
}
