package entity

import (
	"slices"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
)

// docFeatures holds the features of a whole document, token by token
// across its sentences, and the first pass's labels of its words: the
// second pass reads how the article's other mentions of a word were
// labelled ("Trump" alone after "Donald Trump", a club named like its
// town). Scratch space, reused.
type docFeatures struct {
	sent   []int // first token of each sentence, -1 for a skipped one
	feats  []uint64
	off    []int32 // token t's features are feats[off[t]:off[t+1]]
	plain  []bool
	lower  []uint64 // hash of the lower-cased word
	capc   []uint8
	tag1   []int                          // first-pass tags
	emit1  []float32                      // first-pass scores, numTags per token
	counts map[uint64][len(Labels)]uint16 // word → first-pass mentions holding it, by label
}

// featurize computes the features of every sentence of doc.
func (dd *docFeatures) featurize(f *featurizer, doc *sitrep.Doc) {
	f.newDoc(doc)
	dd.sent, dd.feats, dd.off = dd.sent[:0], dd.feats[:0], append(dd.off[:0], 0)
	dd.plain, dd.lower, dd.capc = dd.plain[:0], dd.lower[:0], dd.capc[:0]
	total := 0
	for _, s := range doc.Sentences {
		total += len(s.Tokens)
	}
	for _, s := range doc.Sentences {
		toks := s.Tokens
		if len(toks) == 0 || !spansOK(toks, f.text) {
			dd.sent = append(dd.sent, -1)
			continue
		}
		dd.sent = append(dd.sent, len(dd.plain))
		f.sentence(toks)
		if len(dd.feats) == 0 {
			// Size the buffer for the whole document from its first
			// sentence, with a quarter to spare: growing it by appends
			// copies it again and again on long articles.
			dd.feats = slices.Grow(dd.feats, (len(f.feats)*total/len(toks))*5/4)
		}
		base := int32(len(dd.feats))
		dd.feats = append(dd.feats, f.feats...)
		for _, o := range f.off[1:] {
			dd.off = append(dd.off, base+o)
		}
		dd.plain = append(dd.plain, f.plain...)
		for i := range f.info {
			dd.lower = append(dd.lower, f.info[i].lower)
			dd.capc = append(dd.capc, f.info[i].capc)
		}
	}
	dd.tag1 = slices.Grow(dd.tag1[:0], len(dd.plain))[:len(dd.plain)]
	clear(dd.tag1)
	dd.emit1 = slices.Grow(dd.emit1[:0], numTags*len(dd.plain))[:numTags*len(dd.plain)]
}

// firstScale scales the first pass's scores in the second: the second
// pass's perceptron learns weights of its few features on the scale of
// its updates (±1), and the first pass's scores are sums of tens of them.
const firstScale = 0.1

// countLabels counts, for each word, the first-pass mentions holding it.
func (dd *docFeatures) countLabels() {
	if dd.counts == nil || len(dd.counts) > 1024 {
		dd.counts = make(map[uint64][len(Labels)]uint16, 64)
	}
	clear(dd.counts)
	for t, c := range dd.tag1 {
		if c == 0 {
			continue
		}
		l, _ := tagParts(c)
		n := dd.counts[dd.lower[t]]
		n[l]++
		dd.counts[dd.lower[t]] = n
	}
}

// labelFeatures appends the second pass's document features of token t:
// its first-pass tag, the labels of the other first-pass mentions of its
// word in the article (with the token's capitalisation) and their
// majority (with the token's own first-pass label).
func (dd *docFeatures) labelFeatures(dst []uint64, t int) []uint64 {
	own := dd.tag1[t]
	dst = append(dst, learn.Key(fPass1Tag, uint64(own)))
	n, ok := dd.counts[dd.lower[t]]
	if !ok {
		return dst
	}
	ownLabel := -1
	if own != 0 {
		ownLabel, _ = tagParts(own)
		n[ownLabel]--
	}
	major, most := -1, uint16(0)
	for l, c := range n {
		if c == 0 {
			continue
		}
		dst = append(dst, learn.Key2(fDocLabel, uint64(l), uint64(dd.capc[t])))
		if c > most {
			major, most = l, c
		}
	}
	if major >= 0 {
		dst = append(dst, learn.Key2(fDocMajor, uint64(major), uint64(ownLabel+1)))
	}
	return dst
}
