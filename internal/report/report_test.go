package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cluster"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// linked links the fixed extraction of the cluster package's test corpus.
func linked(t *testing.T) (*sitrep.Situations, *cluster.Clusterer) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "cluster", "testdata", "situations.results.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := cluster.New(cluster.DefaultConfig())
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r sitrep.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		r.Article.Text = r.Text
		c.Add(&r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return c.Snapshot(), c
}

func buildAll(t *testing.T) ([]*Report, *cluster.Clusterer) {
	out, c := linked(t)
	var reps []*Report
	for i := range out.Situations {
		reps = append(reps, Build(&out.Situations[i], c.Result, out.Duplicates))
	}
	return reps, c
}

// TestTraceable: every statement has evidence, every evidence number
// exists, and every evidence sentence is the article's text at its span.
func TestTraceable(t *testing.T) {
	reps, c := buildAll(t)
	for _, r := range reps {
		check := func(what string, s Statement) {
			if len(s.Refs) == 0 {
				t.Errorf("%s: %s %q has no evidence", r.ID, what, s.Text)
			}
			for _, n := range s.Refs {
				if n < 1 || n > len(r.Evidence) {
					t.Errorf("%s: %s %q cites [%d] of %d", r.ID, what, s.Text, n, len(r.Evidence))
				}
			}
		}
		for _, row := range r.Timeline {
			check("event", Statement{Text: row.What, Refs: row.Refs})
		}
		for _, list := range [][]Statement{r.Actors, r.Quotes, r.Photos} {
			for _, s := range list {
				check("line", s)
			}
		}
		for _, cas := range r.Casualties {
			check("casualty", cas.Statement)
			for _, f := range cas.Figures {
				check("figure", f)
			}
		}
		for i, e := range r.Evidence {
			if e.N != i+1 {
				t.Errorf("%s: evidence %d numbered %d", r.ID, i+1, e.N)
			}
			text := c.Result(e.Article).Article.Text
			if got := strings.Join(strings.Fields(text[e.Start:e.End]), " "); got != e.Text || e.Text == "" {
				t.Errorf("%s: evidence %d is %q, the text at %d-%d is %q", r.ID, e.N, e.Text, e.Start, e.End, got)
			}
		}
	}
}

// TestGolden compares the Markdown report of every situation of the test
// corpus with testdata/; -update rewrites them.
func TestGolden(t *testing.T) {
	reps, _ := buildAll(t)
	for _, r := range reps {
		var buf bytes.Buffer
		if err := r.Markdown(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", r.ID+".md")
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs (run with -update and review the diff)", path)
		}
	}
}

// TestHTML: the page is self-contained (no script, style sheet, image or
// frame fetched from anywhere), has its map and timeline, and every
// evidence link has its target.
func TestHTML(t *testing.T) {
	reps, _ := buildAll(t)
	for _, r := range reps {
		var buf bytes.Buffer
		if err := r.HTML(&buf); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		if m := regexp.MustCompile(`(?i)<(script|link|img|iframe)\b|\bsrc=|url\(`).FindString(page); m != "" {
			t.Errorf("%s: the page loads something: %q", r.ID, m)
		}
		for _, want := range []string{`<svg class="map"`, `<svg class="chart"`, "<h2>Evidence</h2>"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %s", r.ID, want)
			}
		}
		for _, m := range regexp.MustCompile(`href="#(e\d+)"`).FindAllStringSubmatch(page, -1) {
			if !strings.Contains(page, `id="`+m[1]+`"`) {
				t.Errorf("%s: link to #%s has no target", r.ID, m[1])
			}
		}
	}
}

func TestPDF(t *testing.T) {
	reps, _ := buildAll(t)
	for _, r := range reps {
		var buf bytes.Buffer
		if err := r.PDF(&buf); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("%%EOF")) {
			t.Errorf("%s: not a PDF", r.ID)
		}
		if n := bytes.Count(b, []byte("/Type /Page\n")) + bytes.Count(b, []byte("/Type /Page ")); n == 0 {
			t.Errorf("%s: PDF without pages", r.ID)
		}
	}
}

func TestSentenceAround(t *testing.T) {
	text := "First one. Second, with a figure of 5 dead. Third?\n\nNew paragraph here"
	tests := []struct {
		start, end int
		want       string
	}{
		{36, 42, "Second, with a figure of 5 dead."},
		{0, 5, "First one."},
		{44, 49, "Third?"},
		{60, 66, "New paragraph here"},
		{-5, 3, "First one."},
		{70, 200, "New paragraph here"},
	}
	for _, tt := range tests {
		s, e := sentenceAround(text, tt.start, tt.end)
		if got := text[s:e]; got != tt.want {
			t.Errorf("sentenceAround(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

func TestQuery(t *testing.T) {
	out, c := linked(t)
	tests := []struct {
		name string
		q    Query
		want int // matching situations
	}{
		{"all", Query{}, 3},
		{"place", Query{Place: "kharkiv"}, 1},
		{"city of two situations", Query{Place: "Nairobi"}, 2},
		{"city and words", Query{Place: "Nairobi", Text: "maize"}, 1},
		{"actor code prefix", Query{Actor: "rus"}, 1},
		{"dates", Query{From: "2024-05-01", To: "2024-05-31"}, 1},
		{"before everything", Query{To: "2020-01-01"}, 0},
		{"id", Query{ID: out.Situations[0].ID}, 1},
	}
	for _, tt := range tests {
		if got := Find(out.Situations, tt.q, c.Result); len(got) != tt.want {
			t.Errorf("%s: %d situations, want %d", tt.name, len(got), tt.want)
		}
	}
	if err := (Query{From: "May 1"}).Validate(); err == nil || !strings.HasPrefix(err.Error(), "from:") {
		t.Errorf("Validate of a bad from: %v", err)
	}
}

func TestWhat(t *testing.T) {
	for _, tc := range []struct{ code, plover, want string }{
		{"17", "", "coerce"},
		{"173", "", "arrest, detain, or charge with legal action"},
		{"9999", "PROTEST", "protest"},
		{"9999", "", "event 9999"},
	} {
		if got := what(&sitrep.LinkedEvent{CAMEO: tc.code, PLOVER: tc.plover}); got != tc.want {
			t.Errorf("what(%s, %q) = %q, want %q", tc.code, tc.plover, got, tc.want)
		}
	}
}
