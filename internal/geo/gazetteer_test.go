package geo

import (
	"math"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"
)

var (
	loadOnce sync.Once
	loadedG  *Gazetteer
	loadErr  error
)

func testGaz(tb testing.TB) *Gazetteer {
	tb.Helper()
	loadOnce.Do(func() { loadedG, loadErr = Load() })
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return loadedG
}

func TestLoadCost(t *testing.T) {
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := time.Now()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	d := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	t.Logf("places %d, load %v, retained heap %.1f MB", g.Len(), d, float64(m1.HeapAlloc-m0.HeapAlloc)/1e6)
	runtime.KeepAlive(g)
}

func TestLookup(t *testing.T) {
	g := testGaz(t)
	tests := []struct {
		name      string
		country   string
		level     string
		lat, lon  float64
		tolerance float64
	}{
		{"China", "CN", LevelCountry, 35, 105, 5},
		{"Georgia", "GE", LevelCountry, 42, 43.5, 3},
		{"Baghdad", "IQ", LevelCity, 33.34, 44.40, 0.1},
		{"baghdad", "IQ", LevelCity, 33.34, 44.40, 0.1},
		{"Paris", "FR", LevelCity, 48.85, 2.35, 0.1},
		{"U.S.", "US", LevelCountry, 39.76, -98.5, 1},
		{"Sanaa", "YE", LevelCity, 15.35, 44.2, 0.2},
		{"São Paulo", "BR", LevelCity, -23.55, -46.63, 0.2},
		{"Sao Paulo", "BR", LevelCity, -23.55, -46.63, 0.2},
		{"Middle East", "", LevelRegion, 29, 41, 1},
		{"Texas", "US", LevelAdmin1, 31, -98, 2},
		{"Fallujah", "IQ", LevelCity, 33.35, 43.78, 0.2},
		{"Washington", "US", LevelCity, 38.9, -77.03, 0.2},
		{"DeSoto Parish", "US", LevelAdmin2, 32, -93.7, 0.5},
		{"Danang", "VN", LevelCity, 16.07, 108.2, 0.2},
	}
	for _, tt := range tests {
		es := g.Lookup(tt.name)
		if len(es) == 0 {
			t.Errorf("Lookup(%q): no entries", tt.name)
			continue
		}
		e := es[0]
		if e.Country != tt.country || e.Level != tt.level ||
			math.Abs(e.Lat-tt.lat) > tt.tolerance || math.Abs(e.Lon-tt.lon) > tt.tolerance {
			t.Errorf("Lookup(%q)[0] = %+v, want %s %s near %.2f,%.2f", tt.name, e, tt.country, tt.level, tt.lat, tt.lon)
		}
	}
}

func TestCountries(t *testing.T) {
	g := testGaz(t)
	byName := map[string]string{
		"Iraq": "IQ", "the United States": "US", "US": "US", "U.S.": "US", "America": "US",
		"Britain": "GB", "UK": "GB", "United Kingdom": "GB", "UAE": "AE", "Ivory Coast": "CI",
		"Côte d'Ivoire": "CI", "Burma": "MM", "Saudi Arabia": "SA",
	}
	for n, want := range byName {
		if c, ok := g.CountryByName(n); !ok || c.ISO2 != want {
			t.Errorf("CountryByName(%q) = %s %v, want %s", n, c.ISO2, ok, want)
		}
	}
	for _, n := range []string{"Iraqi", "Saudi", "it", "in"} {
		if c, ok := g.CountryByName(n); ok {
			t.Errorf("CountryByName(%q) = %s, want none", n, c.ISO2)
		}
	}
	byDem := map[string]string{
		"Iraqi": "IQ", "Iraqis": "IQ", "Iranian": "IR", "American": "US", "Americans": "US",
		"British": "GB", "UK": "GB", "U.S.": "US", "Emirati": "AE", "Saudi": "SA", "Saudis": "SA",
		"Israeli": "IL", "Palestinian": "PS", "Chinese": "CN", "Dutch": "NL",
	}
	for n, want := range byDem {
		if c, ok := g.CountryByDemonym(n); !ok || c.ISO2 != want {
			t.Errorf("CountryByDemonym(%q) = %s %v, want %s", n, c.ISO2, ok, want)
		}
	}
	if _, ok := g.CountryByDemonym("Iran-backed"); ok {
		t.Error("CountryByDemonym(Iran-backed) matched")
	}
	for _, code := range []string{"IQ", "IRQ", "iq"} {
		if c, ok := g.Country(code); !ok || c.Name != "Iraq" || c.Capital != "Baghdad" {
			t.Errorf("Country(%q) = %+v", code, c)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBinaryUpToDate checks that the embedded gazetteer.bin is what
// scripts/gazetteer/pack builds from the text sources, and that it loads
// to the same gazetteer.
func TestBinaryUpToDate(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	g, err := BuildFromSources(read("places.tsv.gz"), string(read("countries.tsv")), string(read("supplement.tsv")))
	if err != nil {
		t.Fatal(err)
	}
	bin, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if string(bin) != gazetteerBin {
		t.Fatal("gazetteer.bin is stale: run go run ./scripts/gazetteer/pack")
	}
	l := testGaz(t)
	if l.Len() != g.Len() || l.index.n != g.index.n {
		t.Fatalf("loaded %d places %d keys, built %d places %d keys", l.Len(), l.index.n, g.Len(), g.index.n)
	}
	for _, name := range []string{"Baghdad", "Paris", "Texas", "Iraq", "Washington", "Sanaa"} {
		a, b := l.Lookup(name), g.Lookup(name)
		if len(a) != len(b) || len(a) == 0 || a[0] != b[0] {
			t.Errorf("Lookup(%q): loaded %v, built %v", name, a[:min(1, len(a))], b[:min(1, len(b))])
		}
	}
}

// FuzzUnmarshal checks that corrupt gazetteer data is an error, not a panic.
func FuzzUnmarshal(f *testing.F) {
	f.Add(gazetteerBin[:4096])
	f.Add(binMagic)
	f.Fuzz(func(t *testing.T, data string) {
		_, _ = unmarshal(data)
	})
}
