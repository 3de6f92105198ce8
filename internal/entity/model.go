package entity

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"

	"github.com/sitrep-project/sitrep/internal/learn"
)

// ner.bin and ner-pass1.bin are the sequence models of the second and
// the first pass, written by scripts/train-ner.
var (
	//go:embed ner.bin
	modelData []byte
	//go:embed ner-pass1.bin
	firstData []byte
)

// The learn.Meta.Name of the model files.
const (
	modelName = "ner"
	firstName = "ner-pass1"
)

// Labels are the model's entity labels, those of CoNLL-2003.
var Labels = [...]string{"PER", "ORG", "LOC", "MISC"}

// Tags are BILOU: class 0 is O (outside), then for each label its B
// (begin), I (inside), L (last) and U (unit, a one-token mention) tags.
const (
	posB = iota
	posI
	posL
	posU
)

const numTags = 1 + 4*len(Labels)

func tagClass(label, pos int) int { return 1 + label*4 + pos }

// tagParts returns the label and position of tag c > 0.
func tagParts(c int) (label, pos int) { return (c - 1) / 4, (c - 1) % 4 }

// tagNames returns the class names of the model file.
func tagNames() []string {
	names := []string{"O"}
	for _, l := range Labels {
		for _, p := range "BILU" {
			names = append(names, string(p)+"-"+l)
		}
	}
	return names
}

// allowed reports whether tag c may follow tag p (-1 for the sentence
// start): BILOU's grammar.
func allowed(p, c int) bool {
	open := p > 0 && (p-1)%4 <= posI // after B or I a mention goes on
	if c == 0 {
		return !open
	}
	label, pos := tagParts(c)
	if pos == posI || pos == posL {
		return open && (p-1)/4 == label
	}
	return !open
}

// grammar lists, for each tag, the tags that may come before and after it.
type grammar struct {
	prev, next [][]int
}

func newGrammar() *grammar {
	g := &grammar{prev: make([][]int, numTags), next: make([][]int, numTags)}
	for p := range numTags {
		for c := range numTags {
			if allowed(p, c) {
				g.prev[c] = append(g.prev[c], p)
				g.next[p] = append(g.next[p], c)
			}
		}
	}
	return g
}

// forbidden is the transition score of a tag sequence BILOU does not allow.
const forbidden = -1e9

// calibration turns a mention's marginal probability under the model
// (its scores divided by temperature, normalised over all taggings of the
// sentence) into a confidence: sigmoid(a·logit(p) + b), fit on held-out
// data by scripts/train-ner.
type calibration struct {
	temperature, a, b float64
}

func (c calibration) apply(p float64) float64 {
	p = min(max(p, 1e-6), 1-1e-6)
	x := math.Log(p / (1 - p))
	return 1 / (1 + math.Exp(-(c.a*x + c.b)))
}

// Info keys of the model file holding the calibration.
const (
	infoTemperature = "temperature"
	infoPlattA      = "platt_a"
	infoPlattB      = "platt_b"
)

func readCalibration(m *learn.Model) (calibration, error) {
	c := calibration{temperature: 1, a: 1}
	for key, dst := range map[string]*float64{infoTemperature: &c.temperature, infoPlattA: &c.a, infoPlattB: &c.b} {
		s, ok := m.Meta.Info[key]
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return c, fmt.Errorf("entity: model info %s=%q: not a number", key, s)
		}
		*dst = v
	}
	if c.temperature <= 0 {
		return c, fmt.Errorf("entity: model temperature %v", c.temperature)
	}
	return c, nil
}

// transitions returns the transition score table of learn.Viterbi, with
// the forbidden transitions set to forbidden.
func transitions(score func(prev int, out []float32)) []float32 {
	k := numTags
	trans := make([]float32, (k+1)*k)
	for p := -1; p < k; p++ {
		row := trans[(p+1)*k : (p+2)*k]
		score(p, row)
		for c := range k {
			if !allowed(p, c) {
				row[c] = forbidden
			}
		}
	}
	return trans
}

func transKey(prev int) uint64 { return learn.Key(fTrans, uint64(prev+1)) }

// decoder tags sentences: Viterbi for the best tagging, forward-backward
// for the marginal probability of each mention. Scratch space, reused.
type decoder struct {
	g                *grammar
	vit              learn.Viterbi
	emit             []float32 // n×k scores
	path             []int
	pot, alpha, beta []float64 // n×k
	scale            []float64
	expTrans         []float64 // exp(trans/T), for T = expFor
	expFor           float64
}

// prepare sizes the buffers for n tokens.
func (d *decoder) prepare(n int) {
	k := numTags
	if cap(d.emit) < n*k {
		d.emit = make([]float32, n*k, 2*n*k)
		d.pot = make([]float64, n*k, 2*n*k)
		d.alpha = make([]float64, n*k, 2*n*k)
		d.beta = make([]float64, n*k, 2*n*k)
	}
	d.emit, d.pot, d.alpha, d.beta = d.emit[:n*k], d.pot[:n*k], d.alpha[:n*k], d.beta[:n*k]
	if cap(d.path) < n {
		d.path = make([]int, n, 2*n)
		d.scale = make([]float64, n, 2*n)
	}
	d.path, d.scale = d.path[:n], d.scale[:n]
}

// plainRow sets token i's scores to those of a token outside any name.
func (d *decoder) plainRow(i int) {
	row := d.emit[i*numTags : (i+1)*numTags]
	row[0] = 0
	for c := 1; c < numTags; c++ {
		row[c] = forbidden
	}
}

// tag decodes the n tokens whose scores are in d.emit into d.path. Plain
// tokens (whose rows plainRow set) are O, so the runs between them decode
// apart, each with the plain token before and after it (when there is
// one) as its first and last position. found, when not nil, is called
// with each window [wa,wb) that holds a mention.
func (d *decoder) tag(n int, plain []bool, trans []float32, found func(wa, wb int)) {
	for i := 0; i < n; {
		if plain[i] {
			d.path[i] = 0
			i++
			continue
		}
		a := i
		for i < n && !plain[i] {
			i++
		}
		wa, wb := max(a-1, 0), min(i+1, n)
		d.decode(wa, wb, trans)
		if found != nil && hasMention(d.path[wa:wb]) {
			found(wa, wb)
		}
	}
}

// decode finds the best tagging of tokens [wa,wb) into d.path. A mention
// may not be left open at the end.
func (d *decoder) decode(wa, wb int, trans []float32) {
	k := numTags
	last := d.emit[(wb-1)*k : wb*k]
	for c := range k {
		if c > 0 && (c-1)%4 <= posI {
			last[c] = forbidden
		}
	}
	d.vit.DecodeSparse(d.emit[wa*k:wb*k], wb-wa, k, trans, d.g.prev, d.path[wa:wb])
}

// marginals runs forward-backward over tokens [wa,wb) of d.emit (after
// decode) with the scores divided by temp; segment then gives the
// probability of a mention inside the window.
func (d *decoder) marginals(wa, wb int, trans []float32, temp float64) {
	k := numTags
	if d.expTrans == nil || d.expFor != temp {
		d.expTrans = make([]float64, len(trans))
		for i, t := range trans {
			if t > forbidden/2 {
				d.expTrans[i] = math.Exp(float64(t) / temp)
			}
		}
		d.expFor = temp
	}
	// Potentials, scaled per token by its best score: a constant factor
	// per token, which normalisation cancels.
	for i := wa; i < wb; i++ {
		e := d.emit[i*k : (i+1)*k]
		mx := e[0]
		for _, v := range e[1:] {
			mx = max(mx, v)
		}
		pot := d.pot[i*k : (i+1)*k]
		for c, v := range e {
			pot[c] = 0
			if v > forbidden/2 {
				pot[c] = math.Exp(float64(v-mx) / temp)
			}
		}
	}
	for i := wa; i < wb; i++ {
		a, pot := d.alpha[i*k:(i+1)*k], d.pot[i*k:(i+1)*k]
		sum := 0.0
		for c := range k {
			if pot[c] == 0 {
				a[c] = 0
				continue
			}
			s := d.expTrans[c]
			if i > wa {
				s = 0
				prev := d.alpha[(i-1)*k : i*k]
				for _, p := range d.g.prev[c] {
					s += prev[p] * d.expTrans[(p+1)*k+c]
				}
			}
			a[c] = s * pot[c]
			sum += a[c]
		}
		if sum == 0 {
			sum = 1
		}
		for c := range a {
			a[c] /= sum
		}
		d.scale[i] = sum
	}
	last := d.beta[(wb-1)*k : wb*k]
	for c := range last {
		last[c] = 1
	}
	for i := wb - 2; i >= wa; i-- {
		b := d.beta[i*k : (i+1)*k]
		next, pot := d.beta[(i+1)*k:(i+2)*k], d.pot[(i+1)*k:(i+2)*k]
		for p := range k {
			s := 0.0
			row := d.expTrans[(p+1)*k : (p+2)*k]
			for _, c := range d.g.next[p] {
				s += row[c] * pot[c] * next[c]
			}
			b[p] = s / d.scale[i+1]
		}
	}
}

// segment returns the probability that tokens [a,b) carry exactly the
// tags of d.path (after marginals over a window holding them).
func (d *decoder) segment(a, b int) float64 {
	k := numTags
	p := d.alpha[a*k+d.path[a]]
	for i := a + 1; i < b; i++ {
		p *= d.expTrans[(d.path[i-1]+1)*k+d.path[i]] * d.pot[i*k+d.path[i]] / d.scale[i]
	}
	return p * d.beta[(b-1)*k+d.path[b-1]]
}
