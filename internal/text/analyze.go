package text

import (
	"context"
	"slices"
	"sync"

	"github.com/sitrep-project/sitrep"
)

// Analyzer tokenizes, sentence-splits, tags and lemmatizes text. It is
// immutable after construction and safe for concurrent use.
type Analyzer struct {
	pos     *perceptron
	lem     *lemmatizer
	scratch sync.Pool // *tagScratch; reused working memory, not state
}

// NewAnalyzer loads the embedded part-of-speech model and lemma lists.
func NewAnalyzer() (*Analyzer, error) {
	p, err := loadPerceptron(posModelData)
	if err != nil {
		return nil, err
	}
	l, err := loadLemmas(lemmaData)
	if err != nil {
		return nil, err
	}
	a := &Analyzer{pos: p, lem: l}
	a.scratch.New = func() any {
		return &tagScratch{norm: make([]byte, 0, 64), word: make([]uint64, 0, 128), suf: make([]uint64, 0, 128)}
	}
	return a, nil
}

// Tag sets the part-of-speech tag of each token in place. toks is one
// sentence: the tagger looks at the two tokens before and after each word.
func (a *Analyzer) Tag(toks []sitrep.Token) {
	if len(toks) == 0 {
		return
	}
	s := a.scratch.Get().(*tagScratch)
	a.pos.tag(toks, s)
	a.scratch.Put(s)
}

// Analyze builds the Doc of art: its paragraphs and its sentences (never
// crossing a paragraph boundary) with tagged tokens. Byte regions in skip
// (photo credit lines, say) are left out of sentences entirely; the text
// of a paragraph around a skipped region is split into sentences normally.
// Datelines (see Datelines) are found, kept in Doc.Datelines and left out
// of the sentences in the same way.
func (a *Analyzer) Analyze(art *sitrep.Article, skip []sitrep.Span) *sitrep.Doc {
	doc, _ := a.AnalyzeContext(context.Background(), art, skip)
	return doc
}

// AnalyzeContext is Analyze, stopped between two sentences when ctx is
// done: it then returns ctx's error.
func (a *Analyzer) AnalyzeContext(ctx context.Context, art *sitrep.Article, skip []sitrep.Span) (*sitrep.Doc, error) {
	text := art.Text
	doc := &sitrep.Doc{Article: art, Paragraphs: Paragraphs(text)}
	// Datelines are left out of the sentences like skipped regions: a
	// place written before a dash is not the sentence's subject.
	doc.Datelines = Datelines(text, doc.Paragraphs)
	if len(doc.Datelines) > 0 {
		skip = slices.Clone(skip)
		for i := range doc.Datelines {
			doc.Datelines[i].Article = art.ID
			skip = append(skip, doc.Datelines[i].Span)
		}
	}
	if len(skip) > 1 && !slices.IsSortedFunc(skip, func(x, y sitrep.Span) int { return x.Start - y.Start }) {
		skip = slices.Clone(skip)
		slices.SortFunc(skip, func(x, y sitrep.Span) int { return x.Start - y.Start })
	}
	toks := make([]sitrep.Token, 0, len(text)/5+16)
	type region struct{ para, first, last int }
	var regions []region
	var bounds [][2]int
	emit := func(pi, s, e int) {
		first := len(toks)
		toks = appendTokens(toks, text, s, e, 0)
		if len(toks) > first {
			regions = append(regions, region{pi, first, len(toks)})
		}
	}
	kept(doc.Paragraphs, skip, emit)
	s := a.scratch.Get().(*tagScratch)
	defer a.scratch.Put(s)
	for _, r := range regions {
		bounds = splitSentences(toks[r.first:r.last], bounds[:0])
		for _, b := range bounds {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			st := toks[r.first+b[0] : r.first+b[1] : r.first+b[1]]
			a.pos.tag(st, s)
			doc.Sentences = append(doc.Sentences, sitrep.Sentence{
				Span:      sitrep.Span{Start: st[0].Start, End: st[len(st)-1].End},
				Paragraph: r.para,
				Tokens:    st,
			})
		}
	}
	return doc, nil
}

// kept calls emit(paragraph, start, end) for each part of the paragraphs
// outside the skipped regions (sorted by start), in text order.
//
// Paragraphs and skipped regions both grow with the text, so each
// paragraph reads only the regions that can overlap it: reach[i] is the
// furthest end of skip[:i+1], and the regions before the first whose
// reach passes a paragraph's start all end before it.
func kept(paras, skip []sitrep.Span, emit func(pi, start, end int)) {
	reach := make([]int, len(skip))
	for i, sk := range skip {
		reach[i] = sk.End
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	first := 0
	for pi, p := range paras {
		pos := p.Start
		for first < len(skip) && reach[first] <= p.Start {
			first++
		}
		for _, sk := range skip[first:] {
			if sk.Start >= p.End {
				break
			}
			if sk.End <= pos || sk.End <= sk.Start {
				continue
			}
			if sk.Start > pos {
				emit(pi, pos, sk.Start)
			}
			pos = max(pos, sk.End)
			if pos >= p.End {
				break
			}
		}
		if pos < p.End {
			emit(pi, pos, p.End)
		}
	}
}
