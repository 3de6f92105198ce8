package casualty

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// docOf builds a Doc with one paragraph and naive sentences (split after
// ". " when the next word is capitalised), without tokens.
func docOf(text string) *sitrep.Doc {
	d := &sitrep.Doc{Article: &sitrep.Article{Text: text}, Paragraphs: []sitrep.Span{{Start: 0, End: len(text)}}}
	start := 0
	for i := 0; i+2 < len(text); i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i+1] == ' ' && text[i+2] >= 'A' && text[i+2] <= 'Z' {
			// Keep abbreviations and initials together: "Sgt. Roe", "J. Doe".
			w := text[strings.LastIndexByte(text[:i], ' ')+1 : i]
			if len(w) <= 3 && w != "" && w[0] >= 'A' && w[0] <= 'Z' {
				continue
			}
			d.Sentences = append(d.Sentences, sitrep.Sentence{Span: sitrep.Span{Start: start, End: i + 1}})
			start = i + 2
		}
	}
	if start < len(text) {
		d.Sentences = append(d.Sentences, sitrep.Sentence{Span: sitrep.Span{Start: start, End: len(text)}})
	}
	return d
}

type want struct {
	kind  string
	count int
	exact bool
	who   string
}

func TestExtract(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The raids answered a mortar attack that killed an Italian aid worker and wounded several bystanders.",
			[]want{{Killed, 1, true, "an Italian aid worker"}, {Wounded, 3, false, "several bystanders"}}},
		{"12 people were killed in the blast.", []want{{Killed, 12, true, "12 people"}}},
		{"At least five were wounded, police said.", []want{{Wounded, 5, false, ""}}},
		{"The death toll rose to 30 on Monday.", []want{{Killed, 30, true, ""}}},
		{"The bombing left 30 dead.", []want{{Killed, 30, true, ""}}},
		{"Gunmen opened fire on a market, killing 12 and injuring dozens.", []want{{Killed, 12, true, ""}, {Wounded, 12, false, ""}}},
		{"The storm hit the coast, leaving four injured.", []want{{Wounded, 4, true, ""}}},
		{"There was one fatality and two deaths were later confirmed.", []want{{Killed, 1, true, ""}, {Killed, 2, true, ""}}},
		{"More than 20 protesters were arrested on Friday.", []want{{Arrested, 20, false, "More than 20 protesters"}}},
		{"Twenty-three soldiers were killed.", []want{{Killed, 23, true, "Twenty-three soldiers"}}},
		{"A dozen villagers were kidnapped by gunmen.", []want{{Kidnapped, 12, false, "A dozen villagers"}}},
		{"Hundreds of families were displaced by the fighting.", []want{{Displaced, 100, false, "Hundreds of families"}}},
		{"No one was killed in the attack.", []want{{Killed, 0, true, ""}}},
		{"The two men were not injured.", []want{{Wounded, 0, true, ""}}},
		{"Officials warned the virus could kill thousands.", nil},
		{"The group threatened to kill hostages.", nil},
		{"A gunman killed two people and injured three others.", []want{{Killed, 2, true, "two people"}, {Wounded, 3, true, "three others"}}},
		{"A man was shot and killed on Friday night.", []want{{Killed, 1, true, "A man"}}},
		{"Gerald Roe, 39, was found shot dead late Thursday.", []want{{Killed, 1, true, "Gerald Roe"}}},
		{"He was shot in the leg and taken to hospital.", []want{{Wounded, 1, true, "He"}}},
		{"Two people died and about 40 were injured.", []want{{Killed, 2, true, "Two people"}, {Wounded, 40, false, ""}}},
		{"Three journalists remain missing.", []want{{Missing, 3, true, "Three journalists"}}},
		{"Three journalists are missing.", []want{{Missing, 3, true, "Three journalists"}}},
		{"Police said 28 arrests were made.", []want{{Arrested, 28, true, ""}}},
		{"The victim died at the hospital.", []want{{Killed, 1, true, "The victim"}}},
		{"Thousands of people marched, and the rally ended peacefully.", nil},
		{"The attack killed a day after the truce.", nil},
	})
}

func TestSizes(t *testing.T) {
	tests := []struct {
		in    string
		count int
		exact bool
		who   string
	}{
		{"Thousands of violent protesters attacked the embassy.", 1000, false, "violent protesters"},
		{"Canada has sent about 15,000 troops to the border.", 15000, false, "troops"},
		{"A crowd of 500 gathered outside.", 500, true, "crowd"},
		{"Some 40 armored vehicles entered the town.", 40, false, "armored vehicles"},
		{"The army sent two battalions and 300 soldiers.", 300, true, "soldiers"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, got := Extract(docOf(tt.in))
			if len(got) != 1 {
				t.Fatalf("got %+v, want one size", got)
			}
			if got[0].Count != tt.count || got[0].Exact != tt.exact || got[0].Who != tt.who {
				t.Errorf("got %d %v %q, want %d %v %q", got[0].Count, got[0].Exact, got[0].Who, tt.count, tt.exact, tt.who)
			}
		})
	}
	for _, s := range []string{"The deal is worth $500 million.", "Turnout was 45 percent.", "He is 45 years old."} {
		if _, got := Extract(docOf(s)); len(got) != 0 {
			t.Errorf("%q: got sizes %+v, want none", s, got)
		}
	}
}

func TestSummarize(t *testing.T) {
	cas := []sitrep.Casualty{{Kind: Killed, Count: 0}, {Kind: Killed, Count: 2}, {Kind: Wounded, Count: 3}, {Kind: Killed, Count: 40}}
	if k, w := Summarize(cas); k != 2 || w != 3 {
		t.Errorf("Summarize = %d, %d; want 2, 3", k, w)
	}
}

// TestCasualtiesDev measures exact-match accuracy of Summarize on the dev
// gold (single-incident articles only), scored by Evaluate as 'sitrep eval
// casualties' does.
func TestCasualtiesDev(t *testing.T) {
	f, err := os.Open(sitreptest.SharedFile(t, "gold/dev/casualties-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	s, mis, err := Evaluate(gold, func(a *sitrep.Article) ([]sitrep.Casualty, error) {
		cas, _ := Extract(docOf(a.Text))
		return cas, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("casualties-dev: %d articles (%d left out), killed accuracy %.3f, injured accuracy %.3f, both %.3f",
		s.Articles, s.LeftOut, s.KilledAcc, s.InjuredAcc, s.BothAcc)
	if s.KilledAcc < 0.95 || s.InjuredAcc < 0.89 {
		t.Errorf("accuracy below floor: killed %.3f (min 0.95), injured %.3f (min 0.89)", s.KilledAcc, s.InjuredAcc)
	}
	// CASUALTY_MISSES=file writes the articles where Summarize disagrees
	// with the gold, with every mention found, for error analysis.
	if p := os.Getenv("CASUALTY_MISSES"); p != "" {
		var b strings.Builder
		for _, m := range mis {
			fmt.Fprintf(&b, "=== %s gold k=%d w=%d got k=%d w=%d\n", m.ID, m.GoldKilled, m.GoldInjured, m.Killed, m.Injured)
			for _, c := range m.Casualties {
				fmt.Fprintf(&b, "  %s %d %q exact=%v at=%d who=%q\n", c.Kind, c.Count, c.Text, c.Exact, c.Start, c.Who)
			}
		}
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"12 people were killed and at least five were wounded.",
		"the death toll rose to 30, killing 12, leaving 4 injured",
		"Thousands of protesters; a crowd of 500; about 15,000 troops",
		"twenty-three, a dozen, 1.5 million, 99999999999 killed",
		"Roe, 39, was found shot dead",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &sitrep.Doc{Article: &sitrep.Article{Text: s},
			Paragraphs: []sitrep.Span{{Start: 0, End: len(s)}},
			Sentences:  []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: len(s)}}}}
		cas, sizes := Extract(d)
		for _, c := range cas {
			if c.Start < 0 || c.End > len(s) || c.Start > c.End || c.Text != s[c.Start:c.End] || c.Count < 0 {
				t.Fatalf("bad casualty %+v", c)
			}
		}
		for _, z := range sizes {
			if z.Start < 0 || z.End > len(s) || z.Start > z.End || z.Count < 0 {
				t.Fatalf("bad size %+v", z)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	text := strings.Repeat("Thousands of violent protesters attacked the embassy on Tuesday. "+
		"The raids answered a mortar attack that killed an Italian aid worker and wounded several bystanders. "+
		"Canada has sent about 15,000 troops to the border, officials said on Wednesday in a statement. ", 10)
	d := docOf(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(d)
	}
}

// BenchmarkExtractDev runs Extract over the dev gold articles: real news,
// dense in casualty mentions.
func BenchmarkExtractDev(b *testing.B) {
	f, err := os.Open(sitreptest.SharedFile(b, "gold/dev/casualties-dev.jsonl"))
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var docs []*sitrep.Doc
	size := 0
	for sc.Scan() && len(docs) < 200 {
		var r struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, docOf(r.Text))
		size += len(r.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Extract(d)
		}
	}
}
