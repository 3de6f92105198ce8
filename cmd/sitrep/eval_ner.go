package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/entity"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// evalNER scores the entity recognizer's mentions (with CoNLL-2003 labels,
// before they are mapped to sitrep's types) against a gold file: exact
// span and label, as conlleval.
func (m *Main) evalNER(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "eval ner", "GOLD",
		"Scores named-entity recognition (entity-level exact-match P/R/F1 per label, as conlleval,\nand the calibration of the mentions' confidence) against a gold file: CoNLL columns (word\nfirst, IOB tag last, -DOCSTART- between documents) or JSONL in the format of\n../shared/gold/dev/ner-conll2003-dev.jsonl. Labels are CoNLL-2003's: PER, ORG, LOC, MISC.")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: eval ner needs one GOLD file", errUsage)
	}
	r, err := scoreNER(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	w := m.Stdout
	fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", r.Tokens, r.Gold, r.Found, r.Correct)
	fmt.Fprintf(w, "%-8s precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", "ALL", 100*r.P, 100*r.R, 100*r.F1)
	for _, l := range r.Labels {
		fmt.Fprintf(w, "%8s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n", l.Label, 100*l.P, 100*l.R, 100*l.F1, l.Found)
	}
	fmt.Fprintf(w, "calibration (mention confidence vs. exact match):\n%s", r.calib)
	fmt.Fprintf(w, "f1=%.4f p=%.4f r=%.4f", r.F1, r.P, r.R)
	for _, l := range r.Labels {
		fmt.Fprintf(w, " %s_f1=%.4f", strings.ToLower(l.Label), l.F1)
	}
	fmt.Fprintf(w, " ece=%.4f gold=%d found=%d\n", r.ECE, r.Gold, r.Found)
	return nil
}

// nerReport is what eval ner prints.
type nerReport struct {
	Docs    int              `json:"documents"`
	Tokens  int              `json:"tokens"`
	Gold    int              `json:"gold"`
	Found   int              `json:"found"`
	Correct int              `json:"correct"`
	P       float64          `json:"precision"`
	R       float64          `json:"recall"`
	F1      float64          `json:"f1"`
	Labels  []nerLabelReport `json:"labels"`
	ECE     float64          `json:"ece"`
	Bins    []learn.Bin      `json:"calibration"`
	calib   *learn.Calibration
}

type nerLabelReport struct {
	Label string  `json:"label"`
	Gold  int     `json:"gold"`
	Found int     `json:"found"`
	P     float64 `json:"precision"`
	R     float64 `json:"recall"`
	F1    float64 `json:"f1"`
}

func scoreNER(ctx context.Context, path string) (*nerReport, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval ner: %w", err)
	}
	var docs []entity.LabeledDoc
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		docs, err = readNERJSONL(bytes.NewReader(b), path)
	} else {
		docs, err = entity.ReadCoNLL(bytes.NewReader(b), path)
	}
	if err != nil {
		return nil, fmt.Errorf("eval ner: %w", err)
	}
	p, err := newPipeline(pipeline.Config{})
	if err != nil {
		return nil, err
	}
	r := &nerReport{Docs: len(docs)}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for si := range d.Doc.Sentences {
			toks := d.Doc.Sentences[si].Tokens
			p.Analyzer().Tag(toks)
			r.Tokens += len(toks)
		}
	}
	ev := p.Entities().Evaluate(docs)
	all := ev.All
	r.Gold, r.Found, r.Correct = all.TP+all.FN, all.TP+all.FP, all.TP
	r.P, r.R, r.F1 = all.P(), all.R(), all.F1()
	for i, l := range entity.Labels {
		x := ev.ByLabel[i]
		r.Labels = append(r.Labels, nerLabelReport{Label: l, Gold: x.TP + x.FN, Found: x.TP + x.FP, P: x.P(), R: x.R(), F1: x.F1()})
	}
	r.calib, r.Bins, r.ECE = ev.Calibration, ev.Calibration.Bins, ev.Calibration.ECE()
	return r, nil
}

// nerRecord is one sentence of the JSONL gold format: its words joined by
// single spaces and its entities as character offsets into text.
type nerRecord struct {
	ID       string          `json:"id"`
	Doc      json.RawMessage `json:"doc"`
	Text     string          `json:"text"`
	Entities []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Type  string `json:"type"`
	} `json:"entities"`
}

// nerLabels maps gold types to the model's labels; sitrep's own types are
// read too.
var nerLabels = map[string]string{
	"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC",
	"PERSON": "PER", "GPE": "LOC", "NORP": "MISC",
}

// readNERJSONL reads the JSONL gold format: consecutive records with the
// same "doc" form one document.
func readNERJSONL(r io.Reader, name string) ([]entity.LabeledDoc, error) {
	var docs []entity.LabeledDoc
	var db *entity.DocBuilder
	var cur string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var rec nerRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		doc := string(rec.Doc)
		if doc == "" || doc == "null" {
			doc = fmt.Sprintf("line %d", line) // no document: the sentence alone
		}
		if db == nil || doc != cur {
			if db != nil && db.Len() > 0 {
				docs = append(docs, db.Doc())
			}
			db, cur = entity.NewDocBuilder(fmt.Sprintf("%s#%s", name, doc)), doc
		}
		words, tags, err := nerTags(rec)
		if err != nil {
			return nil, fmt.Errorf("%s:%d (%s): %w", name, line, rec.ID, err)
		}
		if err := db.AddSentence(words, tags); err != nil {
			return nil, fmt.Errorf("%s:%d (%s): %w", name, line, rec.ID, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if db != nil && db.Len() > 0 {
		docs = append(docs, db.Doc())
	}
	return docs, nil
}

// nerTags splits a record's text into its words and gives each an IOB2
// tag from the entities, whose character offsets must fall on word
// boundaries.
func nerTags(rec nerRecord) (words, tags []string, err error) {
	starts := map[int]int{} // character offset → word index
	ends := map[int]int{}
	off := 0
	for _, w := range strings.Split(rec.Text, " ") {
		n := utf8.RuneCountInString(w)
		if w != "" {
			starts[off] = len(words)
			ends[off+n] = len(words)
			words = append(words, w)
			tags = append(tags, "O")
		}
		off += n + 1
	}
	for _, e := range rec.Entities {
		label, ok := nerLabels[e.Type]
		if !ok {
			return nil, nil, fmt.Errorf("entity %d-%d: unknown type %q", e.Start, e.End, e.Type)
		}
		a, okA := starts[e.Start]
		b, okB := ends[e.End]
		if !okA || !okB || b < a {
			return nil, nil, fmt.Errorf("entity %d-%d (%s): not on word boundaries", e.Start, e.End, e.Type)
		}
		for i := a; i <= b; i++ {
			if tags[i] != "O" {
				return nil, nil, fmt.Errorf("entity %d-%d (%s): overlaps another", e.Start, e.End, e.Type)
			}
			tags[i] = "I-" + label
		}
		tags[a] = "B-" + label
	}
	return words, tags, nil
}
