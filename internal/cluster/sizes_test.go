package cluster

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestSituationSizes links a large extraction the way 'sitrep ingest'
// does (StreamConfig) and reports the largest situations: on unrelated
// news (the bench corpora) a situation of thousands of articles is
// stories chained through common words, generic events or template
// texts. It runs only when SITREP_LINK_RESULTS names the output of
// 'sitrep extract --text' (too large to keep in testdata):
//
//	sitrep extract --text ../shared/corpus/bench > /tmp/bench.jsonl
//	SITREP_LINK_RESULTS=/tmp/bench.jsonl go test ./internal/cluster -run TestSituationSizes -v
//
// SITREP_LINK_MAX sets the size the largest situation must stay under
// (default 500).
func TestSituationSizes(t *testing.T) {
	path := os.Getenv("SITREP_LINK_RESULTS")
	if path == "" {
		t.Skip("SITREP_LINK_RESULTS not set")
	}
	limit := 500
	if s := os.Getenv("SITREP_LINK_MAX"); s != "" {
		if err := json.Unmarshal([]byte(s), &limit); err != nil {
			t.Fatalf("SITREP_LINK_MAX: %v", err)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := New(StreamConfig())
	var sits []sitrep.Situation
	dups := 0
	take := func(s *sitrep.Situations) {
		dups += len(s.Duplicates)
		for _, x := range s.Situations {
			x.Events, x.Quotes, x.Casualties = nil, nil, nil
			sits = append(sits, x)
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	n := 0
	for sc.Scan() {
		var r sitrep.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		r.Article.Text = r.Text
		c.Add(&r)
		n++
		take(c.TakeSettled())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	take(c.Snapshot())
	slices.SortFunc(sits, func(a, b sitrep.Situation) int { return len(b.Articles) - len(a.Articles) })
	sizes := map[string]int{}
	for _, s := range sits {
		switch k := len(s.Articles); {
		case k == 1:
			sizes["1"]++
		case k < 10:
			sizes["2-9"]++
		case k < 100:
			sizes["10-99"]++
		default:
			sizes["100+"]++
		}
	}
	t.Logf("%d articles, %d situations (sizes %v), %d duplicates, at most %d articles held", n, len(sits), sizes, dups, c.MaxHeld())
	for _, s := range sits[:min(10, len(sits))] {
		t.Logf("%5d  %s  [%s]", len(s.Articles), s.Title, strings.Join(s.Articles[:min(5, len(s.Articles))], " "))
	}
	if out := os.Getenv("SITREP_LINK_DUMP"); out != "" {
		// The largest situations' article ids, one situation a line.
		var b strings.Builder
		for _, s := range sits[:min(50, len(sits))] {
			b.WriteString(strings.Join(s.Articles, " ") + "\n")
		}
		if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(sits) > 0 && len(sits[0].Articles) >= limit {
		t.Errorf("largest situation has %d articles, want under %d", len(sits[0].Articles), limit)
	}
}

// BenchmarkLinkResults links the first 5,000 articles of the extraction
// SITREP_LINK_RESULTS names (see TestSituationSizes) as 'sitrep ingest'
// does; it reports the time and allocations per article.
func BenchmarkLinkResults(b *testing.B) {
	path := os.Getenv("SITREP_LINK_RESULTS")
	if path == "" {
		b.Skip("SITREP_LINK_RESULTS not set")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var results []*sitrep.Result
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for len(results) < 5000 && sc.Scan() {
		var r sitrep.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		r.Article.Text = r.Text
		results = append(results, &r)
	}
	b.ReportAllocs()
	for b.Loop() {
		c := New(StreamConfig())
		for _, r := range results {
			c.Add(r)
			c.TakeSettled()
		}
		c.Snapshot()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(results))/1e3, "µs/article")
}
