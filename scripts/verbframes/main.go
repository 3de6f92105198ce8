// Command verbframes writes internal/event/frames.txt: what the UD English
// Web Treebank's training split says of how verbs take their complements,
// for the event coder's chunk reading of clauses.
//
//   - control: verbs whose object does what a to-infinitive after it says
//     ("asked Pakistan to arrest the militants": Pakistan would arrest),
//     as opposed to a purpose infinitive, done by the clause's subject
//     ("summoned the ambassador to complain"). Counted over verbs with an
//     object (obj, iobj, or obl with its preposition: "call on") followed
//     by a to-infinitive attached as xcomp (control) or advcl (purpose);
//     kept when xcomp is the more frequent.
//   - clause: verbs that take a clause as complement (ccomp) at least as
//     often as a direct object, seen with one at least twice: after "said"
//     or "believes", "Syria and Turkey had agreed" is one clause, where
//     after "condemned Syria and Turkey criticized Iran" the conjunction
//     joins two.
//
// The file holds lemmas and counts only, no text of the treebank (CC
// BY-SA 4.0, © the UD English EWT contributors; see docs/DATA.md).
// Deterministic: TestShippedFrames checks that the shipped file is what
// it writes.
//
// Run from the module root:
//
//	go run ./scripts/verbframes
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep/internal/parse"
)

func main() {
	bank := flag.String("treebank", "../shared/treebank/ud-english-ewt/train.conllu", "CoNLL-U treebank to count in")
	out := flag.String("out", "internal/event", "directory to write frames.txt to")
	flag.Parse()
	if err := run(*bank, filepath.Join(*out, "frames.txt")); err != nil {
		slog.Error("verbframes", "err", err)
		os.Exit(1)
	}
}

func run(bank, out string) error {
	f, err := os.Open(bank)
	if err != nil {
		return err
	}
	defer f.Close()
	c, err := count(f)
	if err != nil {
		return fmt.Errorf("%s: %w", bank, err)
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	write(bw, c)
	if err := bw.Flush(); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// counts holds, per key, two counts: for control, a to-infinitive after
// the object as xcomp and as advcl; for clause, ccomp and obj children.
type counts struct {
	control, clause map[string][2]int
}

func count(r io.Reader) (counts, error) {
	c := counts{control: map[string][2]int{}, clause: map[string][2]int{}}
	trees, err := parse.ReadAll(r)
	if err != nil {
		return c, err
	}
	for _, t := range trees {
		toks := t.Tokens
		for i := range toks {
			v := &toks[i]
			if v.UPOS != "VERB" {
				continue
			}
			lemma := strings.ToLower(v.Lemma)
			obj, key := 0, "" // the last object's ID, and the control key
			cl := c.clause[lemma]
			for j := range toks {
				d := &toks[j]
				if d.Head != v.ID {
					continue
				}
				switch {
				case d.Rel == "ccomp" && d.ID > v.ID:
					cl[0]++
				case d.Rel == "obj":
					cl[1]++
				}
				if d.ID > v.ID && (d.Rel == "obj" || d.Rel == "iobj" || d.Rel == "obl") {
					obj, key = d.ID, lemma
					if d.Rel == "obl" {
						// A prepositional object is counted with its
						// preposition: "call on X to", not "call X to".
						key += " " + caseOf(toks, d.ID)
					}
				}
			}
			c.clause[lemma] = cl
			if obj == 0 {
				continue
			}
			for j := obj; j < len(toks); j++ {
				d := &toks[j]
				if d.Head != v.ID || d.XPOS != "VB" || !markedTo(toks, d.ID) {
					continue
				}
				n := c.control[key]
				switch d.Rel {
				case "xcomp":
					n[0]++
				case "advcl":
					n[1]++
				}
				c.control[key] = n
			}
		}
	}
	return c, nil
}

// caseOf returns the lower-cased preposition (case) of token id, or "".
func caseOf(toks []parse.Token, id int) string {
	for _, t := range toks {
		if t.Head == id && t.Rel == "case" {
			return strings.ToLower(t.Form)
		}
	}
	return ""
}

// markedTo reports whether token id has the marker "to".
func markedTo(toks []parse.Token, id int) bool {
	for _, t := range toks {
		if t.Head == id && t.Rel == "mark" && strings.EqualFold(t.Form, "to") {
			return true
		}
	}
	return false
}

func write(w io.Writer, c counts) {
	fmt.Fprintln(w, "# How verbs take complements, written by scripts/verbframes from UD English EWT")
	fmt.Fprintln(w, "# train.conllu (CC BY-SA 4.0, © the UD English EWT contributors).")
	fmt.Fprintln(w, "# control: lemma (with the preposition of a prepositional object) whose object is the subject")
	fmt.Fprintln(w, "#   of a to-infinitive after it; counts: the infinitive as xcomp, as advcl (a purpose).")
	fmt.Fprintln(w, "# clause: lemma that takes a clause (ccomp) at least as often as a direct object; counts: ccomp, obj.")
	fmt.Fprintln(w, "# frame<TAB>lemma<TAB>count<TAB>count")
	for _, f := range []struct {
		name string
		m    map[string][2]int
		keep func([2]int) bool
	}{
		{"control", c.control, func(n [2]int) bool { return n[0] > n[1] }},
		{"clause", c.clause, func(n [2]int) bool { return n[0] >= 2 && n[0] >= n[1] }},
	} {
		var keys []string
		for k, n := range f.m {
			if f.keep(n) {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\n", f.name, k, f.m[k][0], f.m[k][1])
		}
	}
}
