// Command control-verbs writes internal/event/control.txt, the verbs whose
// object does what the to-infinitive after it says ("asked Pakistan to
// arrest the militants": Pakistan would arrest), as opposed to a purpose
// infinitive, done by the clause's subject ("summoned the ambassador to
// complain": the summoner complains).
//
// It counts, in the UD English Web Treebank's training split, each verb
// lemma with an object (obj, iobj or obl) followed by a to-infinitive
// attached as xcomp (the object controls it) or as advcl (a purpose), and
// keeps the lemmas seen more often with xcomp. The file holds lemmas and
// counts only, no text of the treebank (CC BY-SA 4.0, © the UD English
// EWT contributors; see docs/DATA.md). Deterministic: TestShippedControl
// checks that the shipped file is what it writes.
//
// Run from the module root:
//
//	go run ./scripts/control-verbs
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
	out := flag.String("out", "internal/event", "directory to write control.txt to")
	flag.Parse()
	if err := run(*bank, filepath.Join(*out, "control.txt")); err != nil {
		slog.Error("control-verbs", "err", err)
		os.Exit(1)
	}
}

func run(bank, out string) error {
	f, err := os.Open(bank)
	if err != nil {
		return err
	}
	defer f.Close()
	counts, err := count(f)
	if err != nil {
		return fmt.Errorf("%s: %w", bank, err)
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	write(bw, counts)
	if err := bw.Flush(); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// count returns, per verb lemma, how often a to-infinitive after its
// object was its xcomp ([0]) and its advcl ([1]).
func count(r io.Reader) (map[string][2]int, error) {
	trees, err := parse.ReadAll(r)
	if err != nil {
		return nil, err
	}
	counts := map[string][2]int{}
	for _, t := range trees {
		toks := t.Tokens
		for i := range toks {
			v := &toks[i]
			if v.UPOS != "VERB" {
				continue
			}
			obj := 0 // the last object's ID
			key := strings.ToLower(v.Lemma)
			for j := i + 1; j < len(toks); j++ {
				if d := &toks[j]; d.Head == v.ID && (d.Rel == "obj" || d.Rel == "iobj" || d.Rel == "obl") {
					obj, key = d.ID, strings.ToLower(v.Lemma)
					if d.Rel == "obl" {
						// A prepositional object is counted with its
						// preposition: "call on X to", not "call X to".
						key += " " + caseOf(toks, d.ID)
					}
				}
			}
			if obj == 0 {
				continue
			}
			for j := obj; j < len(toks); j++ {
				d := &toks[j]
				if d.Head != v.ID || d.XPOS != "VB" || !markedTo(toks, d.ID) {
					continue
				}
				c := counts[key]
				switch d.Rel {
				case "xcomp":
					c[0]++
				case "advcl":
					c[1]++
				}
				counts[key] = c
			}
		}
	}
	return counts, nil
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

func write(w io.Writer, counts map[string][2]int) {
	fmt.Fprintln(w, "# Verbs whose object is the subject of a to-infinitive after it (object control),")
	fmt.Fprintln(w, "# written by scripts/control-verbs from UD English EWT train.conllu (CC BY-SA 4.0).")
	fmt.Fprintln(w, "# lemma (with the preposition of a prepositional object)<TAB>times the infinitive was an xcomp<TAB>times an advcl (purpose)")
	lemmas := make([]string, 0, len(counts))
	for l, c := range counts {
		if c[0] > c[1] {
			lemmas = append(lemmas, l)
		}
	}
	slices.Sort(lemmas)
	for _, l := range lemmas {
		fmt.Fprintf(w, "%s\t%d\t%d\n", l, counts[l][0], counts[l][1])
	}
}
