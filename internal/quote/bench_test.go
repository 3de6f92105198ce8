package quote

import (
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
)

func BenchmarkExtract(b *testing.B) {
	doc, ents := analyze(b, seedText(b))
	b.SetBytes(int64(len(doc.Article.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(doc, ents)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will not leave,” Hadi al-Amiri said on Tuesday.",
		"X told the press that it is secure and warned that anyone will “run into a buzzsaw.”",
		"According to the ministry, three people were wounded.",
		"\"unclosed said he, “ ” , said: “",
		"said", ", said ,” and warned that",
		"''We lost,'' she said. ''It hurts.'' '' ''",
		"Still, he said, X, who said so, told reporters the plan — saying “",
		"WASHINGTON — Bob Smith on Tuesday attacked the bill and praised it, saying",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, ents := analyze(t, s)
		for _, q := range Extract(doc, ents) {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End {
				t.Fatalf("bad span %v in %q", q.Span, s)
			}
			if q.Speaker == "" || q.Verb == "" {
				t.Fatalf("quote without speaker or verb: %+v", q)
			}
		}
		// Broken token spans must not crash.
		bad := &sitrep.Doc{Article: &sitrep.Article{Text: s}, Sentences: []sitrep.Sentence{{Tokens: []sitrep.Token{{Span: sitrep.Span{Start: 5, End: 2}, Text: "said"}, {Span: sitrep.Span{Start: 0, End: len(s) + 3}, Text: "“"}}}}}
		Extract(bad, []sitrep.Entity{{Span: sitrep.Span{Start: -1, End: 99}, Type: sitrep.Person}})
	})
}
