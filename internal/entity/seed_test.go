package entity

import (
	"os"
	"strings"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// seedText returns the seed article without its " date YYYY-MM-DD " prefix.
func seedText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(sitreptest.SeedPath(tb))
	if err != nil {
		tb.Fatalf("read seed: %v", err)
	}
	s := string(b)
	if strings.HasPrefix(s, " date ") && len(s) >= len(" date 2020-01-03 ") {
		s = s[len(" date 2020-01-03 "):]
	}
	return s
}

func TestSeed(t *testing.T) {
	ents := New(nil).Recognize(analyze(seedText(t)))
	byName := map[string]sitrep.Entity{}
	for _, e := range ents {
		byName[e.Text] = e
	}
	want := map[string]sitrep.EntityType{
		"Donald Trump": sitrep.Person, "Trump": sitrep.Person, "Mark Milley": sitrep.Person,
		"Mark Esper": sitrep.Person, "Baghdad": sitrep.GPE, "Iran": sitrep.GPE, "Iraqi": sitrep.NORP,
		"US Embassy": sitrep.Org, "Joint Chiefs of Staff": sitrep.Org, "US Central Command": sitrep.Org,
		"Pro-Iranian": sitrep.NORP, "Iran-backed": sitrep.NORP,
	}
	for text, typ := range want {
		e, ok := byName[text]
		if !ok {
			t.Errorf("missing %q", text)
			continue
		}
		if e.Type != typ {
			t.Errorf("%q: type %s, want %s", text, e.Type, typ)
		}
	}
	if e := byName["Trump"]; e.Name != "Donald Trump" {
		t.Errorf("Trump name %q", e.Name)
	}
	for _, bad := range []string{"Smoke", "Protesters", "Swarms", "Fire", "These", "Efforts"} {
		if _, ok := byName[bad]; ok {
			t.Errorf("unwanted mention %q", bad)
		}
	}
	if testing.Verbose() {
		t.Log(render(ents))
	}
}

func BenchmarkRecognize(b *testing.B) {
	doc := analyze(seedText(b))
	r := New(nil)
	b.SetBytes(int64(len(doc.Article.Text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Recognize(doc)
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"President Donald Trump said Iran would pay.",
		"Army Gen. Anna Kowalski, the head of the Polish General Staff, spoke.",
		"Iran-backed Pro-Iranian al-Sadr of the - backed",
		"SOCCER - JAPAN WIN\n\nJapan won.",
		"Mr. . of the &",
	} {
		f.Add(s)
	}
	r := New(nil)
	f.Fuzz(func(t *testing.T, s string) {
		doc := analyze(s)
		for _, e := range r.Recognize(doc) {
			if e.Start < 0 || e.End > len(s) || e.Start >= e.End || s[e.Start:e.End] != e.Text {
				t.Fatalf("bad span %v %q", e.Span, e.Text)
			}
			if e.Name == "" || e.Ref <= 0 {
				t.Fatalf("entity without name/ref: %+v", e)
			}
		}
		// Tokens with broken spans must not crash either.
		bad := &sitrep.Doc{Article: &sitrep.Article{Text: s}, Sentences: []sitrep.Sentence{{Tokens: []sitrep.Token{{Span: sitrep.Span{Start: 3, End: 1}, Text: s}}}}}
		r.Recognize(bad)
	})
}
