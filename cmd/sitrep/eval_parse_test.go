package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalParseSmall runs 'sitrep eval parse' on three simple sentences
// written for this test: both output forms, the same figures, and a parser
// that gets most of them right (it scores 0.857: the EWT-trained tagger
// takes "attacked" in "Rebels attacked the town." for a participle).
func TestEvalParseSmall(t *testing.T) {
	path := filepath.Join("testdata", "parse-small.conllu")
	r := evalJSON(t, "parse", path)
	if r["sentences"] != 3 || r["tokens"] != 21 {
		t.Fatalf("scored %v sentences, %v tokens; want 3, 21", r["sentences"], r["tokens"])
	}
	for _, k := range []string{"uas", "las", "upos_acc", "xpos_acc"} {
		if r[k] < 0.8 || r[k] > 1 {
			t.Errorf("%s = %.3f on simple sentences, want >= 0.8", k, r[k])
		}
	}
	if r["las"] > r["uas"] || r["las_full"] > r["las"] {
		t.Errorf("las_full %.3f <= las %.3f <= uas %.3f does not hold", r["las_full"], r["las"], r["uas"])
	}
	out, errOut, code := run(t, "", "eval", "parse", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	line := lastLineFigures(t, out)
	for k, v := range r {
		if k != "tokens_per_s" && line[k] != v {
			t.Errorf("%s: %v on the key=value line, %v in --json", k, line[k], v)
		}
	}
	if !strings.Contains(out, "UAS") {
		t.Errorf("report lacks the UAS line:\n%s", out)
	}
}

// TestEvalParseBadFile checks that a malformed treebank is an error that
// names the line.
func TestEvalParseBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.conllu")
	if err := os.WriteFile(path, []byte("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}
	err := m.Run(context.Background(), []string{"eval", "parse", path})
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error %v: want a failure naming line 2", err)
	}
}
