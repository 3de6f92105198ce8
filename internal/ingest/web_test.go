package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/warc/warctest"
)

const htmlPage = `<!DOCTYPE html><html><head><title>Clashes in Goma</title>
<meta property="article:published_time" content="2024-01-05T10:00:00Z"><meta property="og:site_name" content="Lakes Post">
<link rel="canonical" href="https://lakes.example/goma"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<figure><img src="a.jpg"><figcaption>Residents flee Goma. <span class="credit">Jane Roe/AFP</span></figcaption></figure>
<p>Fighting broke out on the outskirts of Goma on Thursday between the army and rebels, residents said.</p>
<p>Hundreds of families fled towards the city centre, carrying what they could, aid workers said.</p>
</article><footer>Copyright Lakes Post</footer></body></html>`

func readWeb(t *testing.T, opts Options, paths ...string) ([]Item, error) {
	t.Helper()
	var items []Item
	err := NewReader(opts, strings.NewReader("")).Read(context.Background(), paths, func(it Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

func TestReadHTMLAndWARC(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	recs := [][]byte{
		warctest.Info(1),
		warctest.Request("https://lakes.example/goma", 2),
		warctest.Response("https://lakes.example/goma", 200, "text/html", htmlPage, 3),
		warctest.Response("https://lakes.example/a.jpg", 200, "image/jpeg", "\xff\xd8", 4),
		warctest.Response("https://lakes.example/empty", 200, "text/html", "<html><body><script>x</script></body></html>", 5),
		warctest.Response("https://lakes.example/nodate", 200, "text/html", "<p>Rebels seized the airport of Bunia, officials said.</p>", 6),
	}
	tests := []struct {
		name     string
		path     string
		articles []string // origin suffix | published | url
		problems []string
	}{
		{"html file", write("goma.html", []byte(htmlPage)), []string{"goma.html|2024-01-05|https://lakes.example/goma"}, nil},
		{"html by content", write("goma", []byte("\n\n"+htmlPage)), []string{"goma|2024-01-05|https://lakes.example/goma"}, nil},
		{"warc", write("crawl.warc", bytes.Join(recs, nil)), []string{"2024-01-05|https://lakes.example/goma", "2024-05-16|https://lakes.example/nodate"},
			[]string{"no text in page"}},
		{"warc.gz", write("crawl.warc.gz", warctest.Gzip(recs...)), []string{"2024-01-05|https://lakes.example/goma", "2024-05-16|https://lakes.example/nodate"},
			[]string{"no text in page"}},
		{"truncated warc.gz", write("cut.warc.gz", func() []byte { g := warctest.Gzip(recs...); return g[:len(g)-20] }()),
			[]string{"2024-01-05|https://lakes.example/goma"}, []string{"no text in page", "truncated"}},
		{"warc without pages", write("empty.warc", bytes.Join(recs[:2], nil)), nil, []string{"holds no HTML page"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := readWeb(t, Options{}, tt.path)
			if err != nil {
				t.Fatal(err)
			}
			var arts, probs []string
			for _, it := range items {
				if a := it.Article; a != nil {
					arts = append(arts, fmt.Sprintf("%s|%s", a.Published, a.URL))
					if !strings.Contains(a.Text, "Jane Roe/AFP Residents flee Goma.") && a.URL == "https://lakes.example/goma" {
						t.Errorf("caption paragraph missing:\n%s", a.Text)
					}
					if strings.Contains(a.Text, "Home") || strings.Contains(a.Text, "<") {
						t.Errorf("boilerplate or markup in text:\n%s", a.Text)
					}
				}
				if it.Err != nil && (it.Article == nil || it.Err.Skipped) {
					probs = append(probs, it.Err.Reason)
				}
			}
			want := make([]string, len(tt.articles))
			for i, a := range tt.articles {
				parts := strings.Split(a, "|")
				want[i] = strings.Join(parts[len(parts)-2:], "|")
			}
			if fmt.Sprint(arts) != fmt.Sprint(want) {
				t.Errorf("articles %v, want %v", arts, want)
			}
			if len(probs) != len(tt.problems) {
				t.Fatalf("problems %q, want %q", probs, tt.problems)
			}
			for i, p := range probs {
				if !strings.Contains(p, tt.problems[i]) {
					t.Errorf("problem %q, want one containing %q", p, tt.problems[i])
				}
			}
		})
	}
}

// TestWalkReadsWebFiles: a directory walk reads pages and archives.
func TestWalkReadsWebFiles(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"a.html": []byte(htmlPage), "b.htm": []byte(htmlPage), "c.warc.gz": warctest.Gzip(warctest.Response("https://x.example/c", 200, "text/html", htmlPage, 1)),
		"d.png": {0x89, 'P', 'N', 'G'}, "e.gz": {0x1f, 0x8b},
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items, err := readWeb(t, Options{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, it := range items {
		if it.Article != nil {
			n++
		}
	}
	if n != 3 || len(items) != 3 {
		t.Errorf("%d articles in %d items, want 3 in 3", n, len(items))
	}
}

func TestHTMLPageTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.html")
	if err := os.WriteFile(p, []byte("<html><body><p>"+strings.Repeat("word ", 10000)+"</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	items, err := readWeb(t, Options{MaxPageBytes: 1000}, p)
	if err != nil || len(items) != 1 || items[0].Err == nil || !items[0].Err.Skipped || !strings.Contains(items[0].Err.Reason, "too large") {
		t.Fatalf("items %+v, err %v", items, err)
	}
}

// BenchmarkReadWARC reads a gzipped web archive of 500 news pages (and
// 500 request records) into articles: WARC parsing and HTML extraction.
func BenchmarkReadWARC(b *testing.B) {
	var recs [][]byte
	for i := range 500 {
		u := fmt.Sprintf("https://lakes.example/%d", i)
		recs = append(recs, warctest.Request(u, 2*i), warctest.Response(u, 200, "text/html; charset=utf-8", htmlPage, 2*i+1))
	}
	p := filepath.Join(b.TempDir(), "bench.warc.gz")
	data := warctest.Gzip(recs...)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		err := NewReader(Options{}, nil).Read(context.Background(), []string{p}, func(it Item) error {
			if it.Article != nil {
				n++
			}
			return nil
		})
		if err != nil || n != 500 {
			b.Fatal(n, err)
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(500*b.N)/b.Elapsed().Seconds(), "pages/s")
}
