package text

import (
	"testing"

	"github.com/sitrep-project/sitrep"
)

var fuzzSeeds = []string{
	"Protesters stormed the U.S. Embassy on Tuesday. They threw rocks!",
	"“Pay a very BIG PRICE,” he said.\n\nGen. Milley: “buzzsaw.”",
	"$1.13bn (£600m) rose 3.5% on Dec. 31, 2019...",
	"bad \xff\xfe utf8 Iran’s n’t '90s -- — … ",
	"", " \n\n ", "'", "“", "-", "...", "a.", "U.S.", "No. 1",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s, 0)
		checkOffsets(t, s, toks)
	})
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0, 3)
	}
	a := testAnalyzer(f)
	f.Fuzz(func(t *testing.T, s string, skipStart, skipLen int) {
		var skip []sitrep.Span
		if skipLen > 0 {
			skip = []sitrep.Span{{Start: skipStart, End: skipStart + skipLen}}
		}
		doc := a.Analyze(&sitrep.Article{Text: s}, skip)
		checkDoc(t, doc)
		for _, st := range doc.Sentences {
			for _, sk := range skip {
				for _, tk := range st.Tokens {
					if tk.Overlaps(sk) {
						t.Fatalf("token %+v inside skip %+v", tk.Span, sk)
					}
				}
			}
			cs := Chunks(st.Tokens)
			next := 0
			for _, c := range cs {
				if c.Start != next || c.End <= c.Start || c.Head < c.Start || c.Head >= c.End {
					t.Fatalf("bad chunk %+v", c)
				}
				next = c.End
			}
			for _, tk := range st.Tokens {
				a.Lemma(tk.Text, tk.Tag)
			}
		}
	})
}

func FuzzDatelines(f *testing.F) {
	for _, s := range append(fuzzSeeds, "BAGHDAD (Reuters) - Iraqi forces", "NAIROBI, Kenya — Ruto", "KABUL, Jan 3 (AP) -- x",
		"WASHINGTON—The", "Port of Spain (AFP) - x", "SAN JUAN, Puerto Rico, March 2, 2024 (AP) — x", "A.\nB - c", "É, É (É) — é") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range Datelines(s, Paragraphs(s)) {
			if d.Start < 0 || d.End > len(s) || d.Start >= d.End || !d.Contains(d.PlaceSpan) || d.PlaceSpan.Start >= d.PlaceSpan.End {
				t.Fatalf("bad dateline %+v in %q", d, s)
			}
			if r := d.RegionSpan; r != nil && (!d.Contains(*r) || s[r.Start:r.End] != d.Region) {
				t.Fatalf("region %q at %+v in %q", d.Region, *r, s)
			}
			if s[d.PlaceSpan.Start:d.PlaceSpan.End] != d.Place {
				t.Fatalf("place %q at %+v in %q", d.Place, d.PlaceSpan, s)
			}
		}
	})
}
