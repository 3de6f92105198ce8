package parse

import (
	"slices"
	"strings"
	"testing"
)

// withBeam returns a copy of the shipped parser with the given beam
// metadata.
func withBeam(t *testing.T, info map[string]string) *Parser {
	t.Helper()
	p := testParser(t)
	q, err := newParser(p.tg, p.pm, p.an, p.wc)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.setBeam(info); err != nil {
		t.Fatal(err)
	}
	return q
}

// TestBeamOfOneIsGreedy checks the beam's bookkeeping: kept to one
// configuration it must make the greedy parser's choices.
func TestBeamOfOneIsGreedy(t *testing.T) {
	p := withBeam(t, map[string]string{beamKey: "1", tempKey: "25"})
	for _, c := range constructions {
		words := strings.Fields(c.text)
		greedy, beam := make([]Token, len(words)), make([]Token, len(words))
		for i, w := range words {
			greedy[i].Form, beam[i].Form = w, w
		}
		p.parseTokens(greedy, false)
		p.parseTokens(beam, true)
		if !slices.Equal(greedy, beam) {
			t.Errorf("%s: a beam of one differs from the greedy parse", c.name)
		}
	}
}

// TestBeamTrees parses degenerate input with wider beams and greedily.
func TestBeamTrees(t *testing.T) {
	for _, info := range []map[string]string{nil, {beamKey: "2", tempKey: "25"}, {beamKey: "8", tempKey: "5"}} {
		p := withBeam(t, info)
		for _, words := range [][]string{
			{"."}, {"the"}, {",", ",", ","}, {"Attack", "!"}, {"and", "and", "and", "or"},
			strings.Fields(strings.Repeat("the attack on the city , ", 40)),
			strings.Fields(constructions[0].text),
		} {
			toks := make([]Token, len(words))
			for i, w := range words {
				toks[i].Form = w
			}
			p.Parse(toks)
			checkTree(t, toks)
		}
	}
}

func TestSetBeamRejects(t *testing.T) {
	var p Parser
	for _, info := range []map[string]string{
		{beamKey: "0", tempKey: "25"}, {beamKey: "x", tempKey: "25"}, {beamKey: "100", tempKey: "25"},
		{beamKey: "2"}, {beamKey: "2", tempKey: "0"}, {beamKey: "2", tempKey: "-3"}, {beamKey: "2", tempKey: "NaN"},
	} {
		if err := p.setBeam(info); err == nil {
			t.Errorf("setBeam(%v) accepted", info)
		}
	}
	if err := p.setBeam(nil); err != nil || p.beam != 1 {
		t.Errorf("no beam metadata: beam %d, %v; want greedy", p.beam, err)
	}
}

func TestOffer(t *testing.T) {
	for _, tc := range []struct {
		scores []float64
		k      int
		want   []int // from of the kept extensions, best first
	}{
		{[]float64{1, 3, 2}, 2, []int{1, 2}},
		{[]float64{1, 3, 2}, 5, []int{1, 2, 0}},
		{[]float64{-1, -1, -0.5}, 2, []int{2, 0}}, // the earlier of a tie first
		{[]float64{5}, 1, []int{0}},
		{[]float64{1, 2, 3, 4}, 1, []int{3}},
	} {
		var top []ext
		for i, s := range tc.scores {
			top = offer(top, tc.k, ext{from: i, score: s})
		}
		var got []int
		for _, c := range top {
			got = append(got, c.from)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("offer %v k=%d: %v, want %v", tc.scores, tc.k, got, tc.want)
		}
	}
}

// BenchmarkParseGreedy is BenchmarkParse without the beam, for comparison.
func BenchmarkParseGreedy(b *testing.B) {
	p := testParser(b)
	sents, n := benchSentences()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			p.parseTokens(s, false)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestLegalMask checks legalMask against legal in every configuration
// the greedy parser passes through on the constructions.
func TestLegalMask(t *testing.T) {
	p := testParser(t)
	for _, c := range constructions {
		words := strings.Fields(c.text)
		toks := make([]Token, len(words))
		for i, w := range words {
			toks[i].Form = w
		}
		s := &scratch{}
		p.tag(s, toks)
		st := &s.st
		st.toks = grow(st.toks, len(toks)+1)
		st.toks[0] = rootTok
		for i := range toks {
			st.toks[i+1] = makePtok(&s.ws[i], s.tags[i], p.tagU[s.tags[i]], toks[i].Lemma)
		}
		st.rootL = p.rootL
		st.reset(len(toks))
		scores := make([]float32, p.pm.NumClasses())
		mask := make([]bool, len(scores))
		for steps := 0; ; steps++ {
			st.legalMask(mask)
			for a := range mask {
				if mask[a] != st.legal(a) {
					t.Fatalf("%s, step %d: legalMask says %v for transition %d, legal %v", c.name, steps, mask[a], a, st.legal(a))
				}
			}
			if st.done() {
				break
			}
			p.pm.Scores(st.features(nil), scores)
			st.apply(st.best(scores))
		}
	}
}

// BenchmarkParseEWT parses the 2,001 sentences of the shared EWT dev
// file: unlike the constructions', their vocabulary does not stay in the
// caches, so this is the realistic speed.
func BenchmarkParseEWT(b *testing.B) {
	trees := readTrees(b, "treebank/ud-english-ewt/dev.conllu")
	p := testParser(b)
	var sents [][]Token
	n := 0
	for _, t := range trees {
		toks := make([]Token, len(t.Tokens))
		for i, tk := range t.Tokens {
			toks[i].Form = tk.Form
		}
		sents = append(sents, toks)
		n += len(toks)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			p.Parse(s)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
