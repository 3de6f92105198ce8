package warc

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/warc/warctest"
)

const page = "<html><head><title>T</title></head><body><p>Rebels took the town.</p></body></html>"

// mixed is a file of every kind of record, two of them HTML pages.
func mixed() [][]byte {
	return [][]byte{
		warctest.Info(1),
		warctest.Request("https://a.example/1", 2),
		warctest.Response("https://a.example/1", 200, "text/html; charset=utf-8", page, 3),
		warctest.Response("https://a.example/logo.png", 200, "image/png", "\x89PNG\r\n\x1a\n", 4),
		warctest.Response("https://a.example/old", 301, "text/html", "moved", 5),
		warctest.Record("metadata", "https://a.example/1", "application/warc-fields", "via: x\r\n", 6),
		warctest.Record("resource", "https://b.example/2", "text/html", page, 7),
		warctest.Response("https://a.example/404", 404, "text/html", "<p>not found</p>", 8),
	}
}

func TestRead(t *testing.T) {
	recs := mixed()
	tests := []struct {
		name    string
		data    []byte
		uris    []string
		records int
		wantErr string
	}{
		{"plain", bytes.Join(recs, nil), []string{"https://a.example/1", "https://b.example/2"}, 8, ""},
		{"gzip per record", warctest.Gzip(recs...), []string{"https://a.example/1", "https://b.example/2"}, 8, ""},
		{"empty", nil, nil, 0, ""},
		{"truncated plain", bytes.Join(recs, nil)[:len(bytes.Join(recs[:3], nil))+40], []string{"https://a.example/1"}, 4, "truncated"},
		{"truncated gzip", func() []byte { g := warctest.Gzip(recs...); return g[:len(g)-30] }(), []string{"https://a.example/1", "https://b.example/2"}, 7, "byte"},
		{"not a warc", []byte("hello, this is not a web archive\n"), nil, 0, "no WARC record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var uris []string
			st, err := Read(context.Background(), bytes.NewReader(tt.data), func(p Page) error {
				b, err := io.ReadAll(p.Body)
				if err != nil {
					return err
				}
				if string(b) != page {
					t.Errorf("%s: body %q", p.URI, b)
				}
				if p.Date.IsZero() {
					t.Errorf("%s: no date", p.URI)
				}
				uris = append(uris, p.URI)
				return nil
			}, func(off int64, reason string) { t.Logf("problem at %d: %s", off, reason) })
			if fmt.Sprint(uris) != fmt.Sprint(tt.uris) {
				t.Errorf("pages %v, want %v", uris, tt.uris)
			}
			if st.Records != tt.records {
				t.Errorf("records %d, want %d", st.Records, tt.records)
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("err %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("err %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestReadStopsOnCallbackError: the caller's error ends the reading.
func TestReadStopsOnCallbackError(t *testing.T) {
	stop := fmt.Errorf("enough")
	n := 0
	_, err := Read(context.Background(), bytes.NewReader(bytes.Join(mixed(), nil)), func(Page) error { n++; return stop }, func(int64, string) {})
	if err != stop || n != 1 {
		t.Errorf("err %v after %d pages, want %v after 1", err, n, stop)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(bytes.Join(mixed(), nil))
	f.Add(warctest.Gzip(mixed()...))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Read(context.Background(), bytes.NewReader(data), func(p Page) error {
			_, err := io.Copy(io.Discard, io.LimitReader(p.Body, 1<<20))
			return err
		}, func(int64, string) {})
	})
}

// BenchmarkRead reads a gzipped file of 1,000 records, half of them pages.
func BenchmarkRead(b *testing.B) {
	body := strings.Repeat("<p>Police said the convoy was attacked near the border crossing.</p>", 40)
	var recs [][]byte
	for i := range 500 {
		recs = append(recs, warctest.Request(fmt.Sprintf("https://a.example/%d", i), 2*i), warctest.Response(fmt.Sprintf("https://a.example/%d", i), 200, "text/html", body, 2*i+1))
	}
	data := warctest.Gzip(recs...)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		st, err := Read(context.Background(), bytes.NewReader(data), func(p Page) error {
			_, err := io.Copy(io.Discard, p.Body)
			return err
		}, func(int64, string) {})
		if err != nil || st.Records != 1000 {
			b.Fatal(st, err)
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "records/s")
}
