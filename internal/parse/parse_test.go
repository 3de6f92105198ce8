package parse

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var (
	loadOnce  sync.Once
	loaded    *Parser
	loadedErr error
)

func testParser(tb testing.TB) *Parser {
	tb.Helper()
	loadOnce.Do(func() { loaded, loadedErr = Load() })
	if loadedErr != nil {
		tb.Fatal(loadedErr)
	}
	return loaded
}

// constructions are sentences written for these tests, one per
// construction the event coder reads from the tree.
var constructions = []struct{ name, text string }{
	{"passive-agent", "The embassy was attacked by militants on Sunday ."},
	{"subject-relative", "The soldiers who attacked the village were arrested ."},
	{"object-relative", "The village that the soldiers attacked was destroyed ."},
	{"reported-speech", "Officials said rebels attacked the convoy ."},
	{"coordinated-subjects", "Police and soldiers clashed with protesters in the capital ."},
	{"coordinated-verbs", "The rebels seized the town and killed three civilians ."},
	{"control-verb", "The president vowed to punish the attackers ."},
	{"negation", "The army did not attack the city ."},
	{"appositive", "Ahmed Salim , the rebel commander , denied the charges ."},
	{"ccomp-that-modal", "The minister said that the government would send troops ."},
	{"prepositional-object", "Protesters threw stones at the police ."},
	{"modal", "Israel could strike Iran next month ."},
	{"object-control", "The government asked the United Nations to investigate the killings ."},
	{"gerund-oblique", "Russia accused Ukraine of shelling the plant ."},
	{"plain-transitive", "Gunmen kidnapped two aid workers in northern Nigeria on Tuesday ."},
}

func parseText(p *Parser, text string) *Tree {
	t := p.ParseWords(strings.Fields(text))
	t.Comments = []string{"text = " + text}
	return t
}

// TestGolden parses the constructions and compares the whole trees with
// testdata/constructions.golden (rewrite it with -update). The golden file
// records what the model does; TestKeyArcs holds the arcs that matter.
func TestGolden(t *testing.T) {
	p := testParser(t)
	var b bytes.Buffer
	for _, c := range constructions {
		tr := parseText(p, c.text)
		tr.Comments = append([]string{"sent_id = " + c.name}, tr.Comments...)
		if err := Write(&b, tr); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join("testdata", "constructions.golden")
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s line %d:\n got  %s\n want %s\n(run go test ./internal/parse -run TestGolden -update if the change is wanted)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", path, len(gl), len(wl))
	}
}

// TestKeyArcs checks the arcs an event coder reads (subject, object,
// passive agent, clause links) where the shipped model gets them right, so
// that a regression fails. Arcs it gets wrong today are left out (the
// golden file shows them): the whole object relative, the tag of
// "attacked" after "said" (a participle, VBN, though its subject and the
// ccomp arc are right), "Iran" as object of "could strike Iran next
// month", "the United Nations" as obj rather than iobj, the attachment of
// "in northern Nigeria".
func TestKeyArcs(t *testing.T) {
	p := testParser(t)
	tests := []struct {
		name string
		arcs []string // "dependent rel head"
	}{
		{"passive-agent", []string{"embassy nsubj:pass attacked", "militants obl:agent attacked", "was aux:pass attacked", "by case militants"}},
		{"subject-relative", []string{"soldiers nsubj:pass arrested", "attacked acl:relcl soldiers", "who nsubj attacked", "village obj attacked"}},
		{"reported-speech", []string{"Officials nsubj said", "rebels nsubj attacked", "attacked ccomp said", "convoy obj attacked"}},
		{"coordinated-subjects", []string{"Police nsubj clashed", "soldiers conj Police", "protesters obl clashed", "capital obl clashed"}},
		{"coordinated-verbs", []string{"rebels nsubj seized", "killed conj seized", "town obj seized", "civilians obj killed"}},
		{"control-verb", []string{"president nsubj vowed", "punish xcomp vowed", "attackers obj punish"}},
		{"negation", []string{"not advmod attack", "army nsubj attack", "city obj attack"}},
		{"appositive", []string{"Ahmed nsubj denied", "Salim flat Ahmed", "commander appos Ahmed", "charges obj denied"}},
		{"ccomp-that-modal", []string{"minister nsubj said", "send ccomp said", "that mark send", "would aux send", "government nsubj send", "troops obj send"}},
		{"prepositional-object", []string{"Protesters nsubj threw", "stones obj threw", "police obl threw"}},
		{"modal", []string{"could aux strike", "Israel nsubj strike"}},
		{"object-control", []string{"government nsubj asked", "investigate xcomp asked", "killings obj investigate"}},
		{"gerund-oblique", []string{"Russia nsubj accused", "Ukraine obj accused", "plant obj shelling"}},
		{"plain-transitive", []string{"Gunmen nsubj kidnapped", "workers obj kidnapped", "Tuesday obl kidnapped"}},
	}
	texts := map[string]string{}
	for _, c := range constructions {
		texts[c.name] = c.text
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := parseText(p, texts[tt.name])
			for _, arc := range tt.arcs {
				f := strings.Fields(arc)
				dep, rel, head := f[0], f[1], f[2]
				found := false
				for _, tok := range tr.Tokens {
					if tok.Form != dep {
						continue
					}
					found = true
					h := "ROOT"
					if tok.Head > 0 {
						h = tr.Tokens[tok.Head-1].Form
					}
					if tok.Rel != rel || h != head {
						t.Errorf("%s: %s -%s-> %s, want -%s-> %s", texts[tt.name], dep, tok.Rel, h, rel, head)
					}
				}
				if !found {
					t.Fatalf("no token %q", dep)
				}
			}
		})
	}
}

// checkTree fails unless toks form one tree.
func checkTree(t *testing.T, toks []Token) {
	t.Helper()
	roots := 0
	for i, tok := range toks {
		if tok.ID != i+1 || tok.Head < 0 || tok.Head > len(toks) || tok.Head == tok.ID || tok.Rel == "" {
			t.Fatalf("token %d: %+v", i, tok)
		}
		if tok.Head == 0 {
			roots++
			if tok.Rel != "root" {
				t.Fatalf("root token %d has relation %q", i, tok.Rel)
			}
		} else if tok.Rel == "root" {
			t.Fatalf("token %d is not the root but has relation root", i)
		}
		h, steps := tok.Head, 0
		for h != 0 {
			h = toks[h-1].Head
			if steps++; steps > len(toks) {
				t.Fatalf("cycle through token %d", i+1)
			}
		}
	}
	if roots != 1 {
		t.Fatalf("%d roots", roots)
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range constructions {
		f.Add(c.text)
	}
	f.Add("\xff\xfe ( ) 123 --")
	f.Fuzz(func(t *testing.T, in string) {
		p := testParser(t)
		words := strings.Fields(in)
		if len(words) > 300 {
			words = words[:300]
		}
		toks := make([]Token, len(words))
		for i, w := range words {
			toks[i].Form = w
		}
		p.Parse(toks)
		if len(toks) > 0 {
			checkTree(t, toks)
		}
	})
}

// benchSentences are the constructions as token lists.
func benchSentences() ([][]Token, int) {
	var out [][]Token
	n := 0
	for _, c := range constructions {
		var toks []Token
		for _, w := range strings.Fields(c.text) {
			toks = append(toks, Token{Form: w})
		}
		n += len(toks)
		out = append(out, toks)
	}
	return out, n
}

func BenchmarkTag(b *testing.B) {
	p := testParser(b)
	sents, n := benchSentences()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			p.Tag(s)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkParse(b *testing.B) {
	p := testParser(b)
	sents, n := benchSentences()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			p.Parse(s)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
