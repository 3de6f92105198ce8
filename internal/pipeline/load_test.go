package pipeline

import "testing"

// BenchmarkLoad measures start-up: loading every model, dictionary and the
// gazetteer, as 'sitrep bench' reports it, with and without the parser.
func BenchmarkLoad(b *testing.B) {
	for _, bc := range []struct {
		name   string
		chunks bool
	}{{"default", false}, {"chunks", true}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(Config{Chunks: bc.chunks}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
