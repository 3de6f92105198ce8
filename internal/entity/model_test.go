package entity

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/learn"
)

func TestAllowed(t *testing.T) {
	b := func(l int) int { return tagClass(l, posB) }
	i := func(l int) int { return tagClass(l, posI) }
	lt := func(l int) int { return tagClass(l, posL) }
	u := func(l int) int { return tagClass(l, posU) }
	tests := []struct {
		p, c int
		want bool
	}{
		{-1, 0, true}, {-1, b(0), true}, {-1, u(1), true}, {-1, i(0), false}, {-1, lt(0), false},
		{0, b(2), true}, {0, i(2), false},
		{b(0), i(0), true}, {b(0), lt(0), true}, {b(0), i(1), false}, {b(0), 0, false}, {b(0), b(0), false},
		{i(3), lt(3), true}, {i(3), u(3), false},
		{lt(1), 0, true}, {lt(1), b(1), true}, {lt(1), i(1), false},
		{u(2), u(2), true}, {u(2), lt(2), false},
	}
	for _, tc := range tests {
		if got := allowed(tc.p, tc.c); got != tc.want {
			t.Errorf("allowed(%d, %d) = %v, want %v", tc.p, tc.c, got, tc.want)
		}
	}
	if names := tagNames(); len(names) != numTags || names[tagClass(2, posL)] != "L-LOC" {
		t.Errorf("tag names %v", names)
	}
}

// TestMarginals checks forward-backward against brute force on short
// random windows: every mention's segment probability equals the summed
// probability of the taggings that hold it, and the decoded path is the
// best allowed tagging.
func TestMarginals(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	g := newGrammar()
	k := numTags
	for trial := range 40 {
		n := 1 + trial%3
		trans := transitions(func(prev int, out []float32) {
			for c := range out {
				out[c] = r.Float32()*2 - 1
			}
		})
		d := decoder{g: g}
		d.prepare(n)
		for i := range d.emit {
			d.emit[i] = r.Float32()*4 - 2
		}
		temp := 0.5 + r.Float64()*2
		d.decode(0, n, trans)
		d.marginals(0, n, trans, temp)
		// Brute force over all allowed taggings.
		weight := func(path []int) float64 {
			s, p := 0.0, -1
			for i, c := range path {
				if !allowed(p, c) {
					return 0
				}
				s += float64(trans[(p+1)*k+c]+d.emit[i*k+c]) / temp
				p = c
			}
			if c := path[n-1]; c > 0 && (c-1)%4 <= posI {
				return 0 // left open
			}
			return math.Exp(s)
		}
		var z, best float64
		var bestPath []int
		path := make([]int, n)
		type seg struct{ a, b int }
		mass := map[seg]float64{}
		var rec func(i int)
		rec = func(i int) {
			if i == n {
				w := weight(path)
				if w == 0 {
					return
				}
				z += w
				if w > best {
					best, bestPath = w, append([]int(nil), path...)
				}
				// Mentions of this path that match d.path exactly.
				for a := 0; a < n; a++ {
					if d.path[a] == 0 {
						continue
					}
					b := a + 1
					for b < n && d.path[b] != 0 && (d.path[b]-1)%4 != posB && (d.path[b]-1)%4 != posU {
						b++
					}
					same := true
					for j := a; j < b; j++ {
						same = same && path[j] == d.path[j]
					}
					if same {
						mass[seg{a, b}] += w
					}
					a = b - 1
				}
				return
			}
			for c := range k {
				path[i] = c
				rec(i + 1)
			}
		}
		rec(0)
		for j := range n {
			if bestPath[j] != d.path[j] {
				t.Fatalf("trial %d: viterbi %v, best %v", trial, d.path[:n], bestPath)
			}
		}
		for s, m := range mass {
			if got, want := d.segment(s.a, s.b), m/z; math.Abs(got-want) > 1e-6 {
				t.Errorf("trial %d: segment %v: %v, brute force %v", trial, s, got, want)
			}
		}
	}
}

func TestCalibration(t *testing.T) {
	c := calibration{temperature: 2, a: 1, b: 0}
	for _, p := range []float64{0.1, 0.5, 0.9} {
		if got := c.apply(p); math.Abs(got-p) > 1e-9 {
			t.Errorf("identity calibration of %v = %v", p, got)
		}
	}
	if c.apply(0) <= 0 || c.apply(1) >= 1 {
		t.Errorf("calibration must stay inside (0,1): %v %v", c.apply(0), c.apply(1))
	}
	// Platt scaling recovers a known slope and intercept.
	r := rand.New(rand.NewPCG(1, 2))
	var xs, ys []float64
	for range 20000 {
		x := r.Float64()*8 - 4
		y := 0.0
		if r.Float64() < 1/(1+math.Exp(-(0.5*x-1))) {
			y = 1
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	if a, b := platt(xs, ys); math.Abs(a-0.5) > 0.05 || math.Abs(b+1) > 0.1 {
		t.Errorf("platt = %.3f, %.3f; want 0.5, -1", a, b)
	}
	for _, info := range []map[string]string{
		{infoTemperature: "0"}, {infoPlattA: "x"}, {infoPlattB: "NaN"},
	} {
		if _, err := readCalibration(&learn.Model{Meta: learn.Meta{Info: info}}); err == nil {
			t.Errorf("readCalibration(%v): no error", info)
		}
	}
}

func TestReadCoNLL(t *testing.T) {
	in := `-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

in IN O O
New NNP I-NP I-LOC
York NNP I-NP I-LOC
and CC O O
Paris NNP I-NP B-LOC
`
	docs, err := ReadCoNLL(strings.NewReader(in), "t")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Doc.Sentences) != 2 {
		t.Fatalf("got %d docs", len(docs))
	}
	var got []string
	for _, d := range docs {
		for _, g := range d.Gold {
			got = append(got, d.Doc.Article.Text[g.Start:g.End]+"/"+g.Label)
		}
	}
	// IOB1 "I-LOC" after O starts a mention; B-LOC after I-LOC starts another.
	want := "EU/ORG German/MISC Peter Blackburn/PER New York/LOC Paris/LOC"
	if strings.Join(got, " ") != want {
		t.Errorf("gold %q, want %q", strings.Join(got, " "), want)
	}
	if text := docs[0].Doc.Article.Text; text != "EU rejects German call .\n\nPeter Blackburn" {
		t.Errorf("text %q", text)
	}
	for _, bad := range []string{"Paris\n", "Paris NNP B-NP B-CITY\n", "Paris NNP B-NP X-LOC\n"} {
		if _, err := ReadCoNLL(strings.NewReader(bad), "bad"); err == nil || !strings.Contains(err.Error(), "bad") {
			t.Errorf("ReadCoNLL(%q): error %v", bad, err)
		}
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- O\n\nEU NNP B-ORG\nrejects VBZ O\n\nNew I-LOC\nYork L-LOC\n")
	f.Add("a O\n\n\nb U-PER\nc E-MISC\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadCoNLL(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			text := d.Doc.Article.Text
			for _, g := range d.Gold {
				if g.Start < 0 || g.End > len(text) || g.Start >= g.End || g.a >= g.b {
					t.Fatalf("bad gold span %+v in %q", g, text)
				}
			}
			for _, s := range d.Doc.Sentences {
				for _, tk := range s.Tokens {
					if text[tk.Start:tk.End] != tk.Text {
						t.Fatalf("token %q at %v", tk.Text, tk.Span)
					}
				}
			}
		}
	})
}
