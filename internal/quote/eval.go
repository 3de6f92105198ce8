package quote

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	sitrep "github.com/sitrep-project/sitrep"
)

// GoldArticle is one article of a quotation gold set in the shared PolNeAR
// JSON Lines format (../shared/gold/dev/quotes-polnear-dev.jsonl): offsets
// are Unicode code-point offsets into Text.
type GoldArticle struct {
	ID     string      `json:"id"`
	Date   string      `json:"date"`
	Text   string      `json:"text"`
	Quotes []GoldQuote `json:"quotes"`
}

// GoldQuote is one annotated attribution: its source (nil for
// "Attribution-no-source"), cue and content. Discontinuous spans are
// given by their whole extent.
type GoldQuote struct {
	Type    string    `json:"type"`
	Source  *GoldSpan `json:"source"`
	Cue     *GoldSpan `json:"cue"`
	Content *GoldSpan `json:"content"`
}

// GoldSpan is a gold span in code points, End exclusive.
type GoldSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// ReadGold reads a PolNeAR gold file. A bad line is an error naming it.
func ReadGold(r io.Reader) ([]GoldArticle, error) {
	var arts []GoldArticle
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a GoldArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return arts, fmt.Errorf("quote: gold line %d: %w", line, err)
		}
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		return arts, fmt.Errorf("quote: gold line %d: %w", line, err)
	}
	return arts, nil
}

// Scores are the results of Evaluate.
//
// A gold content is matched by the first unmatched predicted quote whose
// Span overlaps it (one to one); P, R and F1 count those matches. The
// exact figures count a match only when both spans are equal once
// surrounding spaces, quotation marks and punctuation are trimmed.
// Speaker accuracy is over the matched contents whose gold has a source:
// right when the quote's SpeakerSpan overlaps it; cue accuracy likewise
// over those with a cue, against the quote's VerbSpan.
type Scores struct {
	// Articles were scored; Skipped were left out (text not valid UTF-8).
	Articles, Skipped int
	// Gold counts the gold contents, Predicted the quotes found.
	Gold, Predicted   int
	Matched           int
	P, R, F1          float64
	Exact             int
	ExactP, ExactR    float64
	ExactF1           float64
	SpeakerGold       int
	SpeakerCorrect    int
	SpeakerAcc        float64
	CueGold, CueRight int
	CueAcc            float64
}

// Evaluate scores the quotations run finds in each gold article (given
// as an article with the gold's ID, date and text) against the gold
// contents, speakers and cues. Gold code-point offsets are converted to
// byte offsets. The first error of run stops the evaluation.
func Evaluate(gold []GoldArticle, run func(*sitrep.Article) ([]sitrep.Quote, error)) (Scores, error) {
	var s Scores
	for i := range gold {
		a := &gold[i]
		if !utf8.ValidString(a.Text) {
			s.Skipped++
			continue
		}
		pred, err := run(&sitrep.Article{ID: a.ID, Published: a.Date, Text: a.Text})
		if err != nil {
			return s, fmt.Errorf("quote: article %s: %w", a.ID, err)
		}
		s.Articles++
		s.score(a, pred)
	}
	s.P, s.R, s.F1 = prf(s.Matched, s.Predicted, s.Gold)
	s.ExactP, s.ExactR, s.ExactF1 = prf(s.Exact, s.Predicted, s.Gold)
	s.SpeakerAcc = ratio(s.SpeakerCorrect, s.SpeakerGold)
	s.CueAcc = ratio(s.CueRight, s.CueGold)
	return s, nil
}

// score adds one article's counts to s.
func (s *Scores) score(a *GoldArticle, pred []sitrep.Quote) {
	offs := codePointOffsets(a.Text)
	s.Predicted += len(pred)
	used := make([]bool, len(pred))
	usedExact := make([]bool, len(pred))
	for _, g := range a.Quotes {
		gc := toBytes(offs, g.Content)
		if gc.Len() == 0 {
			continue
		}
		s.Gold++
		if gt := trimSpan(a.Text, gc); gt.Len() > 0 {
			for i := range pred {
				if !usedExact[i] && trimSpan(a.Text, pred[i].Span) == gt {
					usedExact[i] = true
					s.Exact++
					break
				}
			}
		}
		best := -1
		for i := range pred {
			if !used[i] && pred[i].Span.Overlaps(gc) {
				best = i
				break
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		s.Matched++
		q := &pred[best]
		if g.Source != nil {
			s.SpeakerGold++
			if q.SpeakerSpan != nil && q.SpeakerSpan.Overlaps(toBytes(offs, g.Source)) {
				s.SpeakerCorrect++
			}
		}
		if g.Cue != nil {
			s.CueGold++
			if q.VerbSpan != nil && q.VerbSpan.Overlaps(toBytes(offs, g.Cue)) {
				s.CueRight++
			}
		}
	}
}

// codePointOffsets maps code-point offsets to byte offsets (one past the
// last code point included).
func codePointOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

// toBytes converts a gold span to bytes; a missing or bad span is empty.
func toBytes(offs []int, g *GoldSpan) sitrep.Span {
	if g == nil || g.Start < 0 || g.End >= len(offs) || g.Start > g.End {
		return sitrep.Span{}
	}
	return sitrep.Span{Start: offs[g.Start], End: offs[g.End]}
}

// trimSpan narrows sp past the spaces, quotation marks and punctuation
// at its ends, so that spans differing only in those compare equal.
func trimSpan(text string, sp sitrep.Span) sitrep.Span {
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return sitrep.Span{}
	}
	const cut = " \t\n\r\"'“”‘’«».,;:!?—–-"
	s := text[sp.Start:sp.End]
	l := strings.TrimLeft(s, cut)
	sp.Start += len(s) - len(l)
	sp.End = sp.Start + len(strings.TrimRight(l, cut))
	return sp
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func prf(match, pred, gold int) (p, r, f float64) {
	p, r = ratio(match, pred), ratio(match, gold)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
