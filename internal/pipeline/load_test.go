package pipeline

import "testing"

// BenchmarkLoad measures start-up: loading every model, dictionary and the
// gazetteer, as 'sitrep bench' reports it, without and with the parser.
func BenchmarkLoad(b *testing.B) {
	for _, bc := range []struct {
		name  string
		parse bool
	}{{"default", false}, {"parse", true}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(Config{Parse: bc.parse}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
