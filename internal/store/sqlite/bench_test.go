package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

// BenchmarkPutBatch measures writing batches of 256 new articles.
func BenchmarkPutBatch(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rs := storetest.Results(256)
	events := 0
	for _, r := range rs {
		events += len(r.Events)
	}
	n := 0
	for b.Loop() {
		for _, r := range rs { // new ids, so every put inserts
			r.Article.ID = fmt.Sprintf("bench-%d", n)
			n++
		}
		if _, err := s.PutBatch(ctx, rs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(rs))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.N*events)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkEvents measures a filtered first page over 20k events.
func BenchmarkEvents(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rs := storetest.Results(256)
	for i := range 30 {
		for j, r := range rs {
			r.Article.ID = fmt.Sprintf("bench-%d-%d", i, j)
		}
		if _, err := s.PutBatch(ctx, rs); err != nil {
			b.Fatal(err)
		}
	}
	for _, q := range []store.Query{{}, {Root: "14"}, {Actor: "USA", QuadClass: 3}, {Text: "earthquake"}, {Country: "IQ", From: "2020-01-01"}} {
		b.Run(fmt.Sprintf("%+v", q), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Events(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
