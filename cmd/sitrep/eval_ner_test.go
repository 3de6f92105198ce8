package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestEvalNER runs 'sitrep eval ner' end to end over a small fixture
// written for this test, in both gold formats, and checks the counts, the
// scores and the closing key=value line.
func TestEvalNER(t *testing.T) {
	for _, file := range []string{"testdata/ner.conll", "testdata/ner.jsonl"} {
		t.Run(filepath.Ext(file), func(t *testing.T) {
			out, errOut, code := run(t, "", "eval", "ner", "--json", file)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var r nerReport
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("decode %q: %v", out, err)
			}
			if r.Docs != 2 || r.Tokens != 32 || r.Gold != 8 {
				t.Errorf("read %d documents, %d tokens, %d gold mentions; want 2, 32, 8", r.Docs, r.Tokens, r.Gold)
			}
			if r.F1 < 0.85 || r.Correct > r.Found || r.Correct > r.Gold {
				t.Errorf("scores %+v: want F1 ≥ 0.85 on plain news sentences", r)
			}
			n := 0
			for _, b := range r.Bins {
				n += b.N
			}
			if n != r.Found {
				t.Errorf("calibration bins hold %d mentions, found %d", n, r.Found)
			}
			out, errOut, code = run(t, "", "eval", "ner", file)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			last := lines[len(lines)-1]
			for _, key := range []string{"f1=", "p=", "r=", "per_f1=", "org_f1=", "loc_f1=", "misc_f1=", "ece=", "gold=8 "} {
				if !strings.Contains(last, key) {
					t.Errorf("last line %q lacks %q", last, key)
				}
			}
		})
	}
}

// TestEvalNERFormatsAgree checks that the CoNLL and JSONL copies of the
// CoNLL-2003 dev split score the same, so both readers see the same
// documents, sentences and mentions.
func TestEvalNERFormatsAgree(t *testing.T) {
	var reports [2]nerReport
	for i, f := range []string{"gold/dev/ner-conll2003-dev.conll", "gold/dev/ner-conll2003-dev.jsonl"} {
		out, errOut, code := run(t, "", "eval", "ner", "--json", sitreptest.SharedFile(t, f))
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, errOut)
		}
		if err := json.Unmarshal([]byte(out), &reports[i]); err != nil {
			t.Fatal(err)
		}
	}
	a, b := reports[0], reports[1]
	if a.Gold != 5942 || a.Tokens != 51362 || a.Gold != b.Gold || a.Found != b.Found || a.Correct != b.Correct {
		t.Errorf("CoNLL %d gold, %d found, %d correct over %d tokens; JSONL %d, %d, %d over %d",
			a.Gold, a.Found, a.Correct, a.Tokens, b.Gold, b.Found, b.Correct, b.Tokens)
	}
}

// TestEvalNERBadInput checks that a malformed gold file fails with the
// file and line.
func TestEvalNERBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, body, want string }{
		{"bad.conll", "Paris NNP B-NP B-CITY\n", "label not one of"},
		{"bad.jsonl", `{"id":"x","doc":1,"text":"in Paris .","entities":[{"start":1,"end":8,"type":"LOC"}]}` + "\n", "bad.jsonl:1"},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte(tc.body), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
		err := m.Run(context.Background(), []string{"eval", "ner", path})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v; want one mentioning %q", tc.name, err, tc.want)
		}
	}
}
