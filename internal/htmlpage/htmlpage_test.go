package htmlpage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/caption"
	"github.com/sitrep-project/sitrep/internal/text"
)

type pageCase struct {
	file        string
	contentType string
	url         string
	title       string
	published   string
	source      string
	canonical   string
	byline      string
	charset     string
	// captions are the agency and photographer the caption stage must
	// read from the extracted text, in order.
	captions [][2]string
}

var pageCases = []pageCase{
	{file: "boilerplate", url: "https://observer.example/x?utm=1", title: "Flood waters rise in Basra as dam opens",
		published: "2024-03-14", source: "The Gulf Observer", canonical: "https://observer.example/world/basra-floods",
		byline: "Layla Haddad", charset: "utf-8"},
	{file: "captions", url: "https://wire.example/nairobi", title: "Protesters clash with police in Nairobi",
		published: "2024-06-25", source: "Daily Wire Service", canonical: "https://wire.example/nairobi", charset: "utf-8",
		captions: [][2]string{{"AFP", "Tony Karumba"}, {"AP", "Brian Inganga"}, {"REUTERS", "Monicah Mwangi"}}},
	{file: "latin1", url: "http://jornal.example/santos", title: "Strike closes ports in São Paulo state",
		published: "2023-11-02", source: "jornal.example", canonical: "http://jornal.example/santos", charset: "windows-1252"},
	{file: "cyrillic", title: "Взрыв на складе в Харькове", published: "2022-08-17", charset: "windows-1251"},
	{file: "broken", url: "https://news.example/doha", title: "Ceasefire talks resume in Doha", source: "news.example",
		canonical: "https://news.example/doha", charset: "utf-8"},
	{file: "inline-promos", url: "https://anatolia.example/p?id=7", title: "Earthquake shakes western Turkey; no deaths reported",
		published: "2023-10-30", source: "Anatolia Today", canonical: "https://anatolia.example/2023/earthquake-izmir", charset: "utf-8"},
	// The same windows-1252 page, its charset named only by the header
	// (which wins over the <meta>).
	{file: "latin1", contentType: "text/html; charset=ISO-8859-1", url: "http://jornal.example/santos",
		title: "Strike closes ports in São Paulo state", published: "2023-11-02", source: "jornal.example",
		canonical: "http://jornal.example/santos", charset: "windows-1252"},
}

// TestExtractQuality extracts every test page, checks its metadata and
// scores its text against the expected main text: word-level F1, which
// must reach 0.90 on every page and on all of them together.
func TestExtractQuality(t *testing.T) {
	det, err := caption.NewDetector()
	if err != nil {
		t.Fatal(err)
	}
	var tp, pred, gold int
	for _, c := range pageCases {
		t.Run(c.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "pages", c.file+".html"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", "pages", c.file+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			pg, err := ExtractBytes(raw, Options{URL: c.url, ContentType: c.contentType})
			if err != nil {
				t.Fatal(err)
			}
			a := pg.Article
			for _, f := range []struct{ name, got, want string }{
				{"title", a.Title, c.title}, {"published", a.Published, c.published}, {"source", a.Source, c.source},
				{"url", a.URL, c.canonical}, {"byline", pg.Byline, c.byline}, {"charset", pg.Charset, c.charset},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			m, p, g := overlap(a.Text, string(want))
			tp, pred, gold = tp+m, pred+p, gold+g
			f1 := 2 * float64(m) / float64(p+g)
			t.Logf("%s: text F1 %.3f (%d of %d extracted words expected, %d expected)", c.file, f1, m, p, g)
			if f1 < 0.90 {
				t.Errorf("text F1 %.3f < 0.90; got:\n%s", f1, a.Text)
			}
			caps := det.Detect(a.Text, text.Paragraphs(a.Text))
			var got [][2]string
			for _, cp := range caps {
				got = append(got, [2]string{cp.Agency, cp.Photographer})
			}
			if strings.Join(flat(got), "|") != strings.Join(flat(c.captions), "|") {
				t.Errorf("captions read by the caption stage = %v, want %v\ntext:\n%s", got, c.captions, a.Text)
			}
		})
	}
	f1 := 2 * float64(tp) / float64(pred+gold)
	t.Logf("all pages: text F1 %.3f, P %.3f, R %.3f", f1, float64(tp)/float64(pred), float64(tp)/float64(gold))
	if f1 < 0.90 {
		t.Errorf("overall text F1 %.3f < 0.90", f1)
	}
}

func flat(pp [][2]string) []string {
	var out []string
	for _, p := range pp {
		out = append(out, p[0]+"/"+p[1])
	}
	return out
}

// overlap counts the words two texts share (as multisets) and the words
// of each.
func overlap(got, want string) (match, pred, gold int) {
	g := strings.Fields(got)
	w := strings.Fields(want)
	count := make(map[string]int, len(w))
	for _, x := range w {
		count[x]++
	}
	for _, x := range g {
		if count[x] > 0 {
			count[x]--
			match++
		}
	}
	return match, len(g), len(w)
}

func TestExtractLimitsAndErrors(t *testing.T) {
	tests := []struct {
		name string
		page string
		max  int64
		want error
	}{
		{"too large", "<p>" + strings.Repeat("word ", 1000) + "</p>", 100, ErrTooLarge},
		{"empty", "", 0, ErrNoText},
		{"only scripts", "<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>", 0, ErrNoText},
		{"plain", "<p>Rebels seized the town of Goma on Sunday.</p>", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(strings.NewReader(tt.page), Options{MaxBytes: tt.max})
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestScriptNeverText: markup and script are never article text (the
// plain-text reading made an entity of "Kabul</title><script>var").
func TestScriptNeverText(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pages", "boilerplate.html"))
	if err != nil {
		t.Fatal(err)
	}
	pg, err := ExtractBytes(raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<", "var tracking", "cookies", "Share on", "Related stories", "First!", "Copyright"} {
		if strings.Contains(pg.Article.Text, bad) {
			t.Errorf("text holds %q:\n%s", bad, pg.Article.Text)
		}
	}
}

func TestDay(t *testing.T) {
	tests := map[string]string{
		"2024-05-16T23:30:00-05:00":       "2024-05-16",
		"2024-05-16":                      "2024-05-16",
		"Thu, 16 May 2024 10:00:00 +0000": "2024-05-16",
		"May 16, 2024":                    "2024-05-16",
		"2024-05-16T10:00:00.123Z":        "2024-05-16",
		"yesterday":                       "",
		"0001-01-01":                      "",
		"":                                "",
	}
	for in, want := range tests {
		if got := day(in); got != want {
			t.Errorf("day(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, "")
		}
	}
	f.Add([]byte("<figure><figcaption><small>AP</small></figcaption></figure>"), "text/html; charset=shift_jis")
	f.Add([]byte("<script type=\"application/ld+json\">[[[{\"datePublished\":1}]]]</script><p>x"), "")
	f.Fuzz(func(t *testing.T, raw []byte, ct string) {
		start := time.Now()
		pg, err := ExtractBytes(raw, Options{URL: "https://example.com/a", ContentType: ct})
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("%d bytes took %s", len(raw), d)
		}
		if err != nil {
			return
		}
		if strings.TrimSpace(pg.Article.Text) == "" || pg.Article.ID == "" {
			t.Fatalf("empty text or id without an error: %+v", pg.Article)
		}
		if strings.Contains(pg.Article.Text, "\n\n\n") {
			t.Fatalf("three newlines in a row in %q", pg.Article.Text)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pages", "captions.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := ExtractBytes(raw, Options{URL: "https://wire.example/a"}); err != nil {
			b.Fatal(err)
		}
	}
}
