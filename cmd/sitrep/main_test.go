package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// run runs sitrep in-process and returns stdout, stderr and the exit code.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	// exitCode writes the error to stderr, so it runs before stderr is read.
	code := exitCode(&errb, m.Run(context.Background(), args))
	return out.String(), errb.String(), code
}

func decodeResults(t *testing.T, out string) []sitrep.Result {
	t.Helper()
	var res []sitrep.Result
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r sitrep.Result
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("decode output: %v\n%s", err, out)
		}
		res = append(res, r)
	}
	return res
}

func TestExtractExamples(t *testing.T) {
	out, errs, code := run(t, "", "extract", "../../examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	res := decodeResults(t, out)
	// kabul-protest.txt, the three articles of wires.jsonl and the
	// seventeen of situations.jsonl.
	if len(res) != 21 {
		t.Fatalf("got %d results, want 21", len(res))
	}
	var events int
	for _, r := range res {
		events += len(r.Events)
		checkSpans(t, r)
	}
	if events == 0 {
		t.Error("no events extracted from the examples")
	}
}

// checkSpans verifies that every span in a result indexes the article text
// and matches the text it claims.
func checkSpans(t *testing.T, r sitrep.Result) {
	t.Helper()
	text := r.Text
	if text == "" {
		return
	}
	ok := func(what string, s sitrep.Span, want string) {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			t.Errorf("%s: span %v out of range", what, s)
			return
		}
		if want != "" && text[s.Start:s.End] != want {
			t.Errorf("%s: span %v is %q, want %q", what, s, text[s.Start:s.End], want)
		}
	}
	for _, e := range r.Entities {
		ok("entity", e.Span, e.Text)
	}
	for _, x := range r.Timexes {
		ok("timex", x.Span, x.Text)
	}
	for _, p := range r.Places {
		ok("place", p.Span, p.Text)
	}
	for _, e := range r.Events {
		ok("event evidence", sitrep.Span{Start: e.Evidence.Start, End: e.Evidence.End}, e.Evidence.Sentence)
		ok("event source", e.Source.Span, e.Source.Text)
		if e.Target != nil {
			ok("event target", e.Target.Span, e.Target.Text)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", " date 2020-05-01 Rebels attacked a police station in Kano on Thursday.\n")
	empty := write("empty.txt", "")
	bin := write("image.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	bad := write("feed.jsonl", `{"id":"a","date":"2020-01-01","text":"Troops entered the town."}`+"\n"+`{"id":"b",`+"\n"+`{"id":"c","text":"Police arrested five men."}`+"\n")
	latin := write("latin1.txt", "Caf\xe9 owners protested in Paris.\n")

	out, errs, code := run(t, "", "extract", "--text", good, empty, bin, bad, latin)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	res := decodeResults(t, out)
	if len(res) != 4 {
		t.Fatalf("got %d articles, want 4 (good, a, c, latin1): %s", len(res), errs)
	}
	for _, r := range res {
		checkSpans(t, r)
	}
	for _, want := range []string{
		"empty.txt (byte 0): empty file",
		"image.png (byte 8): binary file",
		"feed.jsonl:2 (byte 65): malformed JSON",
		`feed.jsonl:3 (byte 76): missing "date"`,
		"latin1.txt:1 (byte 3): invalid UTF-8",
		"4 articles extracted",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"extract"}, {"extract", "--format", "xml", "x"}, {"extract", "--date", "May 5", "x"}} {
		_, _, code := run(t, "", args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

func TestSchema(t *testing.T) {
	out, _, code := run(t, "", "schema")
	if code != 0 || !strings.Contains(out, "events[]") {
		t.Errorf("schema: exit %d, output %.80q", code, out)
	}
}

// seedSpec is ../shared/checks/seed.json: what a careful reader finds in
// the seed article.
type seedSpec struct {
	Published string `json:"published"`
	Events    []struct {
		What  string    `json:"what"`
		Roots []string  `json:"roots"`
		Src   string    `json:"src"`
		Tgt   string    `json:"tgt"`
		Date  string    `json:"date"`
		Near  []float64 `json:"near"`
	} `json:"events"`
	Quotes       [][2]string `json:"quotes"`
	Captions     [][2]string `json:"captions"`
	CaptionCount int         `json:"caption_count"`
	Casualties   []struct {
		Kind  string `json:"kind"`
		Count *int   `json:"count"`
		Min   int    `json:"min"`
		Exact bool   `json:"exact"`
	} `json:"casualties"`
	Timexes [][2]string `json:"timexes"`
}

// TestSeed runs the real binary on the seed article and checks it against
// the reader's expectations in ../shared/checks/seed.json, with the same
// rules as ../shared/checks/check_article.py.
func TestSeed(t *testing.T) {
	seed := sitreptest.SeedPath(t)
	specData, err := os.ReadFile(sitreptest.SharedFile(t, "checks/seed.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec seedSpec
	if err := json.Unmarshal(specData, &spec); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "sitrep")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "extract", "--text", seed).Output()
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	res := decodeResults(t, string(out))
	if len(res) != 1 {
		t.Fatalf("%d results", len(res))
	}
	r := res[0]
	checkSpans(t, r)
	if r.Article.Published != spec.Published {
		t.Errorf("published %q, want %q", r.Article.Published, spec.Published)
	}
	for _, want := range spec.Events {
		found := false
		for _, e := range r.Events {
			if !contains(want.Roots, e.Root) || !strings.HasPrefix(e.Source.Actor, want.Src) {
				continue
			}
			if want.Tgt != "" && (e.Target == nil || !strings.HasPrefix(e.Target.Actor, want.Tgt)) {
				continue
			}
			if want.Date != "" && e.Date != want.Date {
				continue
			}
			if len(want.Near) == 2 && (e.Location == nil || km(e.Location.Lat, e.Location.Lon, want.Near[0], want.Near[1]) > 60) {
				continue
			}
			found = true
			break
		}
		if !found {
			t.Errorf("event not found: %s", want.What)
		}
	}
	for _, e := range r.Events {
		if e.CAMEO == "" || e.Root == "" || e.QuadClass < 1 || e.QuadClass > 4 || e.PLOVER == "" || e.Evidence.End <= e.Evidence.Start {
			t.Errorf("incomplete event: %+v", e)
		}
	}
	for _, q := range spec.Quotes {
		found := false
		for _, got := range r.Quotes {
			if got.Speaker == q[0] && strings.Contains(strings.ToLower(got.Text), strings.ToLower(q[1])) {
				found = true
			}
		}
		if !found {
			t.Errorf("quote by %s containing %q not found", q[0], q[1])
		}
	}
	for _, c := range spec.Captions {
		found := false
		for _, got := range r.Captions {
			if strings.HasPrefix(strings.ToUpper(got.Agency), c[0]) && got.Photographer == c[1] {
				found = true
			}
		}
		if !found {
			t.Errorf("caption credit %s/%s not found", c[0], c[1])
		}
	}
	if len(r.Captions) != spec.CaptionCount {
		t.Errorf("%d captions, want %d", len(r.Captions), spec.CaptionCount)
	}
	for _, c := range spec.Casualties {
		found := false
		for _, got := range r.Casualties {
			if got.Kind != c.Kind || got.Exact != c.Exact {
				continue
			}
			if (c.Count != nil && got.Count == *c.Count) || (c.Count == nil && got.Count >= c.Min) {
				found = true
			}
		}
		if !found {
			t.Errorf("casualty %+v not found in %+v", c, r.Casualties)
		}
	}
	for _, tx := range spec.Timexes {
		found := false
		for _, got := range r.Timexes {
			if strings.ToLower(strings.TrimSpace(got.Text)) == tx[0] && got.Value == tx[1] {
				found = true
			}
		}
		if !found {
			t.Errorf("timex %q = %s not found", tx[0], tx[1])
		}
	}
	if t.Failed() {
		pretty, _ := json.MarshalIndent(r.Events, "", "  ")
		t.Logf("events:\n%s", pretty)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func km(lat1, lon1, lat2, lon2 float64) float64 {
	dy := (lat1 - lat2) * 111
	dx := (lon1 - lon2) * 111 * math.Cos(lat2*math.Pi/180)
	return math.Hypot(dx, dy)
}

// TestExtractOwnDictionaries codes with the user's dictionaries alone:
// --no-default-dicts leaves out the embedded ones, so a verb only they
// know codes nothing.
func TestExtractOwnDictionaries(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"mine.verbs.txt":  "# sitrep verbs\n@block GREET 042\ngreet\n",
		"mine.actors.txt": "# sitrep actors\nruritania = RUR\nfreedonia = FRE\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	art := " date 2024-03-05\n\nRuritania greeted Freedonia on Monday. Ruritania attacked Freedonia on Tuesday.\n"
	in := filepath.Join(dir, "art.txt")
	if err := os.WriteFile(in, []byte(art), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", "extract", "--no-default-dicts", "--dict", dir, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	res := decodeResults(t, out)
	if len(res) != 1 {
		t.Fatalf("got %d results, want 1", len(res))
	}
	var got []string
	for _, e := range res[0].Events {
		tgt := ""
		if e.Target != nil {
			tgt = e.Target.Actor
		}
		got = append(got, e.Source.Actor+" "+tgt+" "+e.CAMEO+" "+filepath.Base(e.Pattern))
	}
	if want := []string{"RUR FRE 042 mine.verbs.txt:3"}; !slices.Equal(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
	if _, errs, code := run(t, "", "extract", "--no-default-dicts", in); code != 2 || !strings.Contains(errs, "--no-default-dicts needs at least one --dict") {
		t.Errorf("--no-default-dicts without --dict: exit %d: %s", code, errs)
	}
}
