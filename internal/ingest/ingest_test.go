package ingest

import (
	"context"
	"github.com/sitrep-project/sitrep/internal/warc/warctest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

func readAll(t *testing.T, opts Options, stdin string, paths ...string) ([]Item, error) {
	t.Helper()
	var items []Item
	err := NewReader(opts, strings.NewReader(stdin)).Read(context.Background(), paths, func(it Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRead(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		content   string
		opts      Options
		articles  int
		published []string
		errs      []string // substrings of the errors, in order
	}{
		{
			name:      "seed format",
			file:      "a.txt",
			content:   " date 2021-03-04 Reuters/Jane Roe Soldiers patrol a street.\n\nTroops arrived on Monday.\n",
			articles:  1,
			published: []string{"2021-03-04"},
		},
		{
			name:      "plain text with --date",
			file:      "b.txt",
			content:   "Rebels attacked the town on Monday.\n",
			opts:      Options{Date: "2022-05-06"},
			articles:  1,
			published: []string{"2022-05-06"},
		},
		{
			name:      "plain text without date",
			file:      "b.txt",
			content:   "Rebels attacked the town.",
			articles:  1,
			published: []string{""},
			errs:      []string{"b.txt:1 (byte 0): plain text and no date given (--date YYYY-MM-DD)"},
		},
		{
			name: "jsonl with a bad line in the middle",
			file: "c.jsonl",
			content: `{"id":"x1","date":"2020-01-02","text":"One."}
{"id":"x2","date":"2020-01-02","text":"Two."
{"id":"x3","date":"2020-01-03","text":"Three.","title":"T"}
`,
			articles:  2,
			published: []string{"2020-01-02", "2020-01-03"},
			errs:      []string{"c.jsonl:2 (byte 46): malformed JSON"},
		},
		{
			name:      "jsonl missing date is kept and reported",
			file:      "d.jsonl",
			content:   `{"id":7,"text":"Seven."}` + "\n" + `{"id":"8","date":"soon","text":"Eight."}` + "\n",
			articles:  2,
			published: []string{"", ""},
			errs:      []string{`d.jsonl:1 (byte 0): missing "date"`, `d.jsonl:2 (byte 25): invalid "date"`},
		},
		{
			name:    "jsonl missing text is skipped",
			file:    "e.jsonl",
			content: `{"id":"a","date":"2020-01-01"}` + "\n",
			errs:    []string{`e.jsonl:1 (byte 0): missing "text"`},
		},
		{
			name:    "empty file",
			file:    "empty.txt",
			content: "  \n\n",
			errs:    []string{"empty.txt (byte 0): empty file"},
		},
		{
			name:    "binary file",
			file:    "bin.dat",
			content: "PK\x03\x04\x00\x00binary",
			errs:    []string{"bin.dat (byte 4): binary file"},
		},
		{
			name:      "invalid utf-8 is replaced and reported",
			file:      "latin1.txt",
			content:   "Caf\xe9 owners protested.\n",
			articles:  1,
			published: []string{""},
			errs:      []string{"latin1.txt:1 (byte 3): invalid UTF-8"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeFile(t, dir, tt.file, tt.content)
			items, err := readAll(t, tt.opts, "", p)
			if err != nil {
				t.Fatal(err)
			}
			var pubs, errs []string
			for _, it := range items {
				if it.Article != nil {
					pubs = append(pubs, it.Article.Published)
					if it.Article.ID == "" || it.Article.Text == "" {
						t.Errorf("article without id or text: %+v", it.Article)
					}
				}
				if it.Err != nil {
					errs = append(errs, strings.TrimPrefix(it.Err.Error(), dir+string(filepath.Separator)))
				}
			}
			if len(pubs) != tt.articles {
				t.Fatalf("got %d articles, want %d (errors %q)", len(pubs), tt.articles, errs)
			}
			for i, want := range tt.published {
				if pubs[i] != want {
					t.Errorf("article %d published %q, want %q", i, pubs[i], want)
				}
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %q, want %q", errs, tt.errs)
			}
			for i, want := range tt.errs {
				if !strings.HasPrefix(errs[i], want) {
					t.Errorf("error %d = %q, want prefix %q", i, errs[i], want)
				}
			}
		})
	}
}

func TestReadSeedText(t *testing.T) {
	items, err := readAll(t, Options{}, "", sitreptest.SeedPath(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Article == nil || items[0].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	a := items[0].Article
	if a.Published != "2020-01-03" {
		t.Errorf("published = %q", a.Published)
	}
	if !strings.HasPrefix(a.Text, "AP Photo/") {
		t.Errorf("text starts %q", a.Text[:20])
	}
}

func TestReadDirectoryAndStdin(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b/2.txt", "Second.")
	writeFile(t, dir, "a.txt", "First.")
	writeFile(t, dir, ".hidden/x.txt", "Hidden.")
	writeFile(t, dir, "README.md", "Not an article.")
	items, err := readAll(t, Options{}, `{"id":"s","date":"2020-01-01","text":"Stdin."}`, dir, "-", filepath.Join(dir, "missing.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		if it.Article != nil {
			got = append(got, it.Article.Text)
		} else {
			got = append(got, "ERR "+filepath.Base(it.Err.File))
		}
	}
	want := []string{"First.", "Second.", "Stdin.", "ERR missing.txt"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestStableID(t *testing.T) {
	dir := t.TempDir()
	p1 := writeFile(t, dir, "1.txt", "Same text.")
	p2 := writeFile(t, dir, "2.txt", "Same text.\n")
	items, _ := readAll(t, Options{}, "", p1, p2)
	if items[0].Article.ID != items[1].Article.ID {
		t.Errorf("ids differ: %s %s", items[0].Article.ID, items[1].Article.ID)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(" date 2020-01-03 AP Photo/X Y Soldiers.\n\nText."))
	f.Add([]byte(`{"id":"a","date":"2020-01-01","text":"x"}` + "\n{bad\n"))
	f.Add([]byte("\x00\x01binary"))
	f.Add([]byte("Caf\xe9"))
	f.Add([]byte(htmlPage))
	f.Add([]byte("<html><title>unclosed<p>text"))
	f.Add(warctest.Response("https://x.example/", 200, "text/html", htmlPage, 1))
	f.Add(warctest.Record("resource", "https://x.example/", "text/html", "<p>x</p>", 2)[:60])
	f.Fuzz(func(t *testing.T, data []byte) {
		var n int
		err := NewReader(Options{}, strings.NewReader(string(data))).Read(context.Background(), []string{"-"}, func(it Item) error {
			n++
			if it.Article == nil && it.Err == nil {
				t.Fatal("empty item")
			}
			if it.Article != nil && (it.Article.ID == "" || strings.TrimSpace(it.Article.Text) == "") {
				t.Fatalf("bad article %+v", it.Article)
			}
			if it.Err != nil && it.Err.File != "-" {
				t.Fatalf("error without file: %v", it.Err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatal("no item for input")
		}
	})
}

func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"\ufeff  Line one\r\nline two \n", "Line one\nline two"},
		{"Standard &amp; Poor&#39;s", "Standard & Poor's"},
		{"Caf&#233; in Bogot&#xE1;", "Café in Bogotá"},
		{"AT&T and R&D and S&P; &copy 2020", "AT&T and R&D and S&P; &copy 2020"},
		{"a &lt;b&gt; &nosuchentity; &", "a <b> &nosuchentity; &"},
		{"&amp;amp;", "&amp;"},
	} {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"&amp;", "&#233;&#x", "a &b; c", "&#99999999;", "&;", "&&#38;;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		out := Normalize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, out)
		}
		if !strings.Contains(s, "&") && strings.Contains(out, "\r\n") {
			t.Fatalf("Normalize(%q) = %q: CRLF kept", s, out)
		}
	})
}
