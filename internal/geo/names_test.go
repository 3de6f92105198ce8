package geo

import (
	"slices"
	"strings"
	"testing"
)

// TestNames checks Names against what Lookup and CountryByName answer,
// on names of every kind: countries, keys of the index (every 97th) in
// several cases, abbreviations and words that name nothing.
func TestNames(t *testing.T) {
	g := testGaz(t)
	names := []string{"Iraq", "the United States", "U.S.", "Britain", "Middle East", "Europe", "Calif.",
		"Sanaa", "Ṣan‘ā’", "Baghdad", "Springfield", "Said", "the", "", "Mr.", "New York City", "Gulf of Mexico"}
	for i := 0; i < g.index.n; i += 97 {
		k := g.index.key(i)
		names = append(names, k, strings.ToUpper(k), strings.ToUpper(k[:min(1, len(k))])+k[min(1, len(k)):])
	}
	for a := range g.abbr {
		names = append(names, a)
	}
	for _, name := range names {
		_, wantCountry := g.CountryByName(name)
		wantPlace := wantCountry
		for _, e := range g.Lookup(name) {
			wantPlace = wantPlace || e.Level != LevelRegion
		}
		country, place := g.Names(name, LevelRegion)
		if country != wantCountry || place != wantPlace {
			t.Errorf("Names(%q) = %v, %v; want %v, %v", name, country, place, wantCountry, wantPlace)
		}
		if _, place := g.Names(name); place != (wantCountry || len(g.Lookup(name)) > 0) {
			t.Errorf("Names(%q) with no exception: place %v", name, place)
		}
	}
	if !slices.Contains(names, "Calif.") {
		t.Fatal("test names lack an abbreviation")
	}
}

// BenchmarkNames asks Names about capitalised words of news text, as the
// entity stage does.
func BenchmarkNames(b *testing.B) {
	g := testGaz(b)
	words := strings.Fields("The United Nations Security Council met in New York on Monday after Russian forces shelled Kharkiv and Iraq Said Baghdad Reuters Smith Mosul Gulf of Mexico")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			g.Names(w, LevelRegion)
		}
	}
}

// BenchmarkNamesViaLookup answers Names' question with CountryByName and
// Lookup, as the entity stage's Lexicon once did.
func BenchmarkNamesViaLookup(b *testing.B) {
	g := testGaz(b)
	words := strings.Fields("The United Nations Security Council met in New York on Monday after Russian forces shelled Kharkiv and Iraq Said Baghdad Reuters Smith Mosul Gulf of Mexico")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			if _, ok := g.CountryByName(w); ok {
				continue
			}
			for _, e := range g.Lookup(w) {
				if e.Level != LevelRegion {
					break
				}
			}
		}
	}
}
