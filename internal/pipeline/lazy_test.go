package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// benchArticles reads up to n articles from each file of the shared bench
// corpus (the test is skipped without it).
func benchArticles(tb testing.TB, n int) []*sitrep.Article {
	tb.Helper()
	var arts []*sitrep.Article
	for _, name := range []string{"afp-xinhua-1997.jsonl", "bbc.jsonl", "reuters21578.jsonl"} {
		f, err := os.Open(sitreptest.SharedFile(tb, "corpus/bench/"+name))
		if err != nil {
			tb.Fatal(err)
		}
		dec := json.NewDecoder(f)
		for k := 0; k < n; k++ {
			var rec struct{ ID, Date, Text string }
			if err := dec.Decode(&rec); err != nil {
				break
			}
			arts = append(arts, &sitrep.Article{ID: rec.ID, Published: rec.Date, Text: rec.Text})
		}
		f.Close()
	}
	return arts
}

// TestLazyParseSameEvents checks that parsing only the sentences whose
// trees the event coder reads, when it asks for them, codes the same
// events as parsing every sentence beforehand, on articles of the bench
// corpus from each of its sources.
func TestLazyParseSameEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a few thousand sentences")
	}
	arts := benchArticles(t, 70)
	var lt, et Timings
	lazy, err := New(Config{Parse: true, Timings: &lt})
	if err != nil {
		t.Fatal(err)
	}
	eager, err := New(Config{Parse: true, Timings: &et})
	if err != nil {
		t.Fatal(err)
	}
	eager.parseAll = true
	ctx := context.Background()
	sentences, events := 0, 0
	for _, art := range arts {
		a, err := lazy.Process(ctx, art)
		if err != nil {
			t.Fatal(err)
		}
		b, err := eager.Process(ctx, art)
		if err != nil {
			t.Fatal(err)
		}
		sentences += a.Stats.Sentences
		events += len(a.Events)
		if !reflect.DeepEqual(a.Events, b.Events) {
			ja, _ := json.MarshalIndent(a.Events, "", " ")
			jb, _ := json.MarshalIndent(b.Events, "", " ")
			t.Errorf("%s: lazy parsing codes\n%s\nparsing every sentence codes\n%s", art.ID, ja, jb)
		}
	}
	n := lt.Parsed()
	t.Logf("%d articles, %d sentences, %d events; %d sentences parsed on demand (%.1f%%)",
		len(arts), sentences, events, n, 100*float64(n)/float64(sentences))
	if n == 0 || n >= int64(sentences) {
		t.Errorf("%d of %d sentences parsed on demand: want some, not all", n, sentences)
	}
}

// BenchmarkParseStage parses every sentence of bench corpus articles, as
// the parse stage does (token conversion included), and reports sentences
// and tokens per second on one core. Distinct sentences, unlike the
// parser's own benchmark, do not keep the model's features in the caches.
func BenchmarkParseStage(b *testing.B) {
	arts := benchArticles(b, 40)
	p, err := New(Config{Parse: true})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*sitrep.Doc
	sentences, tokens := 0, 0
	for _, art := range arts {
		doc := p.text.Analyze(art, nil)
		docs = append(docs, doc)
		sentences += len(doc.Sentences)
		for _, s := range doc.Sentences {
			tokens += len(s.Tokens)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			p.Parse(doc)
		}
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(sentences)*float64(b.N)/secs, "sentences/s")
	b.ReportMetric(float64(tokens)*float64(b.N)/secs, "tokens/s")
}
