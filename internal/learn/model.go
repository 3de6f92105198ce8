package learn

import (
	"math"
	"slices"
)

// Model is a trained linear model over hashed features: for each feature
// key, a short run of (class, weight) pairs. It is read-only and safe for
// concurrent use; scoring allocates nothing.
type Model struct {
	Meta    Meta
	Classes []string

	// slots is an open-addressing table (linear probing, power-of-two
	// size, load at most 0.5) of feature keys; key 0 marks an empty slot,
	// so the key 0 is stored as 1.
	slots []slot
	shift uint
	cls   []uint16  // class of each weight
	w     []float32 // weights, runs indexed by slot.off, slot.n
}

type slot struct {
	key uint64
	off uint32
	n   uint32
}

// Meta describes a model file: what it is, how it was trained and what
// the data it was trained on allows.
type Meta struct {
	// Name says what the model is ("parser", "ner"); a loader checks it.
	Name string `json:"name"`
	// Features is the version of the feature extractor the model was
	// trained with; a loader refuses a version it does not know, since
	// the same key would mean a different feature.
	Features int `json:"features"`
	// Source names the training data; License its license and attribution.
	Source  string `json:"source"`
	License string `json:"license"`
	// Info holds training settings and figures measured when it was made
	// (epochs, held-out accuracy), for the record.
	Info map[string]string `json:"info,omitempty"`
}

// NumClasses returns the number of classes.
func (m *Model) NumClasses() int { return len(m.Classes) }

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int {
	n := 0
	for i := range m.slots {
		if m.slots[i].key != 0 {
			n++
		}
	}
	return n
}

// NumWeights returns the number of stored weights.
func (m *Model) NumWeights() int { return len(m.w) }

func slotKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// find returns the slot of key k, or nil.
func (m *Model) find(k uint64) *slot {
	if len(m.slots) == 0 {
		return nil
	}
	k = slotKey(k)
	mask := uint64(len(m.slots) - 1)
	j := (k * 0x9E3779B97F4A7C15) >> m.shift
	for {
		s := &m.slots[j]
		if s.key == k {
			return s
		}
		if s.key == 0 {
			return nil
		}
		j = (j + 1) & mask
	}
}

// Add adds the weights of feature k to scores (one entry per class).
func (m *Model) Add(k uint64, scores []float32) {
	s := m.find(k)
	if s == nil {
		return
	}
	ws := m.w[s.off : s.off+s.n]
	cs := m.cls[s.off : s.off+s.n]
	for i, w := range ws {
		scores[cs[i]] += w
	}
}

// Has reports whether feature k has weights.
func (m *Model) Has(k uint64) bool { return m.find(k) != nil }

// Weight returns the weight of feature k for class c (0 when none).
func (m *Model) Weight(k uint64, c int) float32 {
	s := m.find(k)
	if s == nil {
		return 0
	}
	for i := s.off; i < s.off+s.n; i++ {
		if int(m.cls[i]) == c {
			return m.w[i]
		}
	}
	return 0
}

// Scores sets scores[c] to the summed weight of feats for each class c.
// scores must have NumClasses entries.
//
// A large model's table does not fit in the caches, so each feature costs
// a cache miss for its slot and one or two for its weights. Looked up one
// after the other, the misses are waited for one at a time; Scores reads
// the first slot of a batch of features, then the first weight and class
// of each feature found, in loops whose loads do not depend on each other,
// so that the processor has many misses in flight. The weights are then
// added in the order of feats, so the sums are those of Add, bit for bit.
func (m *Model) Scores(feats []uint64, scores []float32) {
	clear(scores)
	if len(m.slots) == 0 {
		return
	}
	const batch = 32
	var (
		keys  [batch]uint64  // the key in each feature's first slot
		found [batch]*slot   // the feature's slot, nil when it has none
		w0    [batch]float32 // the first weight of each feature found
		c0    [batch]uint16  // and its class
	)
	mask := uint64(len(m.slots) - 1)
	for len(feats) > 0 {
		fs := feats[:min(len(feats), batch)]
		feats = feats[len(fs):]
		for i, k := range fs {
			keys[i] = m.slots[(slotKey(k)*0x9E3779B97F4A7C15)>>m.shift].key
		}
		for i, k := range fs {
			k = slotKey(k)
			j := (k * 0x9E3779B97F4A7C15) >> m.shift
			found[i] = nil
			for key := keys[i]; key != 0; key = m.slots[j].key {
				if key == k {
					if m.slots[j].n > 0 {
						found[i] = &m.slots[j]
					}
					break
				}
				j = (j + 1) & mask
			}
		}
		for i := range fs {
			if s := found[i]; s != nil {
				w0[i], c0[i] = m.w[s.off], m.cls[s.off]
			}
		}
		for i := range fs {
			s := found[i]
			if s == nil {
				continue
			}
			scores[c0[i]] += w0[i]
			ws := m.w[s.off+1 : s.off+s.n]
			cs := m.cls[s.off+1 : s.off+s.n]
			for k, w := range ws {
				scores[cs[k]] += w
			}
		}
	}
}

// Predict returns the best-scoring class of feats (the first on ties).
func (m *Model) Predict(feats []uint64, scores []float32) int {
	m.Scores(feats, scores)
	return Argmax(scores)
}

// Argmax returns the index of the largest score, the first on ties, or -1
// for an empty slice.
func Argmax(scores []float32) int {
	best := -1
	for i, s := range scores {
		if best < 0 || s > scores[best] {
			best = i
		}
	}
	return best
}

// Softmax turns scores into probabilities in place.
func Softmax(scores []float32) {
	if len(scores) == 0 {
		return
	}
	mx := slices.Max(scores)
	var sum float64
	for i, s := range scores {
		e := math.Exp(float64(s - mx))
		scores[i] = float32(e)
		sum += e
	}
	for i := range scores {
		scores[i] = float32(float64(scores[i]) / sum)
	}
}

// Sigmoid is the logistic function.
func Sigmoid(x float32) float32 { return float32(1 / (1 + math.Exp(-float64(x)))) }

// builder collects (key, class, weight) triples into a Model.
type builder struct {
	keys []uint64
	runs [][]cw
}

type cw struct {
	c uint16
	w float32
}

func (b *builder) add(k uint64, run []cw) {
	if len(run) == 0 {
		return
	}
	b.keys = append(b.keys, k)
	b.runs = append(b.runs, run)
}

// build makes the model; keys must be distinct.
func (b *builder) build(meta Meta, classes []string) *Model {
	m := &Model{Meta: meta, Classes: classes}
	// Keys in ascending order, so that the table and the weight arrays do
	// not depend on the order features were collected in.
	idx := make([]int, len(b.keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int {
		switch kx, ky := b.keys[x], b.keys[y]; {
		case kx < ky:
			return -1
		case kx > ky:
			return 1
		}
		return 0
	})
	bits := uint(4)
	for 1<<bits < 2*len(b.keys) {
		bits++
	}
	m.slots = make([]slot, 1<<bits)
	m.shift = 64 - bits
	for _, i := range idx {
		run := b.runs[i]
		slices.SortFunc(run, func(x, y cw) int { return int(x.c) - int(y.c) })
		off := uint32(len(m.w))
		for _, e := range run {
			m.cls = append(m.cls, e.c)
			m.w = append(m.w, e.w)
		}
		m.insert(slot{key: slotKey(b.keys[i]), off: off, n: uint32(len(run))})
	}
	return m
}

func (m *Model) insert(s slot) {
	mask := uint64(len(m.slots) - 1)
	j := (s.key * 0x9E3779B97F4A7C15) >> m.shift
	for m.slots[j].key != 0 {
		j = (j + 1) & mask
	}
	m.slots[j] = s
}

// Pruned returns a copy of m without the weights whose magnitude is below
// minWeight; features left with no weight are dropped. A smaller table
// scores faster (fewer cache misses) at little cost when the dropped
// weights are tiny next to the rest.
func (m *Model) Pruned(minWeight float32) *Model {
	var b builder
	for _, s := range m.slots {
		if s.key == 0 {
			continue
		}
		var run []cw
		for i := s.off; i < s.off+s.n; i++ {
			if w := m.w[i]; w >= minWeight || w <= -minWeight {
				run = append(run, cw{m.cls[i], w})
			}
		}
		b.add(s.key, run)
	}
	return b.build(m.Meta, m.Classes)
}
