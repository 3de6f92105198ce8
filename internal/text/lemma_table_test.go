package text

import (
	"slices"
	"strings"
	"testing"
)

// TestLemmaTableAsMap checks the lemma table against a map built from the
// same list: every word has the same entry, and words not in the list
// have none.
func TestLemmaTableAsMap(t *testing.T) {
	l, err := loadLemmas(lemmaData)
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		base  bool
		bases []string
	}
	want := map[string]*entry{}
	get := func(w string) *entry {
		if want[w] == nil {
			want[w] = &entry{}
		}
		return want[w]
	}
	for line := range strings.SplitSeq(l.text, "\n") {
		base, forms, ok := strings.Cut(line, "\t")
		if !ok || base == "" {
			continue
		}
		get(base).base = true
		for f := range strings.SplitSeq(forms, "\t") {
			if f != "" && f != base && !slices.Contains(get(f).bases, base) {
				get(f).bases = append(get(f).bases, base)
			}
		}
	}
	if len(want) != len(l.entries) {
		t.Errorf("%d entries, want %d", len(l.entries), len(want))
	}
	for w, e := range want {
		got := l.lookup([]byte(w))
		if got == nil || got.base != e.base || !slices.Equal(got.bases, e.bases) {
			t.Fatalf("lookup(%q) = %+v, want %+v", w, got, e)
		}
		for _, near := range []string{w + "x", "x" + w, w[:len(w)-1]} {
			if got := l.lookup([]byte(near)); (got == nil) != (want[near] == nil) {
				t.Errorf("lookup(%q) = %+v, want %+v", near, got, want[near])
			}
		}
	}
	if l.lookup(nil) != nil {
		t.Error("lookup of the empty word found an entry")
	}
}
