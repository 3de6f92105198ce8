package parse

import "strings"

// Scores are the figures of parses against gold trees, CoNLL 2018 style:
// every token counts, punctuation included.
type Scores struct {
	Sentences, Tokens int
	UPOS, XPOS        float64 // tag accuracy
	UAS               float64 // right head
	LAS               float64 // right head and universal relation (subtype ignored)
	LASFull           float64 // right head and full relation ("nsubj:pass")
}

// Count accumulates the comparison of one parse with its gold tree.
type Count struct {
	Sentences, Tokens, UPOS, XPOS, UAS, LAS, LASFull int
}

// Add compares sys with gold (same tokens).
func (c *Count) Add(gold, sys []Token) {
	c.Sentences++
	for i := range gold {
		g, s := &gold[i], &sys[i]
		c.Tokens++
		if g.UPOS == s.UPOS {
			c.UPOS++
		}
		if g.XPOS == s.XPOS {
			c.XPOS++
		}
		if g.Head != s.Head {
			continue
		}
		c.UAS++
		if universal(g.Rel) == universal(s.Rel) {
			c.LAS++
		}
		if g.Rel == s.Rel {
			c.LASFull++
		}
	}
}

// Scores returns the accuracies.
func (c *Count) Scores() Scores {
	r := func(x int) float64 {
		if c.Tokens == 0 {
			return 0
		}
		return float64(x) / float64(c.Tokens)
	}
	return Scores{Sentences: c.Sentences, Tokens: c.Tokens, UPOS: r(c.UPOS), XPOS: r(c.XPOS), UAS: r(c.UAS), LAS: r(c.LAS), LASFull: r(c.LASFull)}
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// Score parses the gold trees' words and scores the result.
func (p *Parser) Score(gold []*Tree) Scores { return p.score(gold) }

func (p *Parser) score(gold []*Tree) Scores {
	var c Count
	var sys []Token
	for _, t := range gold {
		sys = sys[:0]
		for _, tok := range t.Tokens {
			sys = append(sys, Token{Form: tok.Form})
		}
		p.Parse(sys)
		c.Add(t.Tokens, sys)
	}
	return c.Scores()
}
