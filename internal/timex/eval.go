package timex

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// GoldDoc is one document of a TIMEX3 gold set in the shared JSON Lines
// format: offsets are Unicode code-point offsets into Text.
type GoldDoc struct {
	ID      string      `json:"id"`
	Date    *string     `json:"date"`
	Text    string      `json:"text"`
	Timexes []GoldTimex `json:"timexes"`
}

// GoldTimex is one gold time expression.
type GoldTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod"`
}

// ReadGold reads a gold file in JSON Lines form. A bad line is an error
// naming the line.
func ReadGold(r io.Reader) ([]GoldDoc, error) {
	var docs []GoldDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var d GoldDoc
		if err := json.Unmarshal(b, &d); err != nil {
			return docs, fmt.Errorf("timex: gold line %d: %w", line, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return docs, fmt.Errorf("timex: gold line %d: %w", line, err)
	}
	return docs, nil
}

// Scores are TempEval-3 style results: extent precision, recall and F1
// under strict (exact span) and relaxed (overlapping span) matching, and
// the accuracy of type and value over the relaxed matches.
type Scores struct {
	Gold, System             int
	StrictMatch, RelaxMatch  int
	StrictP, StrictR, Strict float64
	RelaxP, RelaxR, Relaxed  float64
	TypeAcc, ValueAcc        float64
	// ModAcc is the accuracy of mod over the relaxed matches (both empty
	// counts as right); ModGold counts the matches whose gold has a mod
	// and ModRecall the share of those the system got right.
	ModAcc, ModRecall float64
	ModGold           int
	// ValueF1 is the TempEval-3 value score: relaxed F1 times value accuracy.
	ValueF1 float64
}

func (s Scores) String() string {
	return fmt.Sprintf("gold=%d sys=%d strict P/R/F1=%.3f/%.3f/%.3f relaxed P/R/F1=%.3f/%.3f/%.3f type=%.3f value=%.3f valueF1=%.3f mod=%.3f mod recall=%.3f (%d)",
		s.Gold, s.System, s.StrictP, s.StrictR, s.Strict, s.RelaxP, s.RelaxR, s.Relaxed, s.TypeAcc, s.ValueAcc, s.ValueF1, s.ModAcc, s.ModRecall, s.ModGold)
}

// Mismatch is one disagreement, for error analysis.
type Mismatch struct {
	Doc  string
	Gold *GoldTimex
	Sys  *sitrep.Timex
}

// Evaluate runs ex over the gold documents and scores the output.
func Evaluate(gold []GoldDoc, ex *Extractor) Scores {
	s, _ := evaluate(gold, textRun(ex), false)
	return s
}

// EvaluateDetail is Evaluate that also returns every missed, spurious or
// mislabelled expression.
func EvaluateDetail(gold []GoldDoc, ex *Extractor) (Scores, []Mismatch) {
	return evaluate(gold, textRun(ex), true)
}

// EvaluateFunc scores the time expressions run finds in each gold
// document, given as an article with the gold's publication date, and
// returns every disagreement. Gold code-point offsets are converted to
// byte offsets.
func EvaluateFunc(gold []GoldDoc, run func(*sitrep.Article) []sitrep.Timex) (Scores, []Mismatch) {
	return evaluate(gold, run, true)
}

func textRun(ex *Extractor) func(*sitrep.Article) []sitrep.Timex {
	return func(a *sitrep.Article) []sitrep.Timex { return ex.ExtractText(a.Text, a.Published) }
}

func evaluate(gold []GoldDoc, run func(*sitrep.Article) []sitrep.Timex, detail bool) (Scores, []Mismatch) {
	var s Scores
	var typeOK, valOK, modOK, modGoldOK int
	var mis []Mismatch
	for di := range gold {
		d := &gold[di]
		pub := ""
		if d.Date != nil {
			pub = *d.Date
		}
		sys := run(&sitrep.Article{ID: d.ID, Published: pub, Text: d.Text})
		offs := runeOffsets(d.Text)
		gs := make([]sitrep.Span, len(d.Timexes))
		for i, g := range d.Timexes {
			if g.Start < 0 || g.End >= len(offs) || g.Start > g.End {
				continue
			}
			gs[i] = sitrep.Span{Start: offs[g.Start], End: offs[g.End]}
		}
		s.Gold += len(gs)
		s.System += len(sys)
		used := make([]bool, len(sys))
		for i, g := range gs {
			gt := &d.Timexes[i]
			found := -1
			for k := range sys {
				if used[k] {
					continue
				}
				if sys[k].Span == g {
					found = k
					break
				}
				if found < 0 && sys[k].Span.Overlaps(g) {
					found = k
				}
			}
			if found < 0 {
				if detail {
					mis = append(mis, Mismatch{Doc: d.ID, Gold: gt})
				}
				continue
			}
			used[found] = true
			s.RelaxMatch++
			if sys[found].Span == g {
				s.StrictMatch++
			}
			tOK := sys[found].Type == gt.Type
			vOK := normValue(sys[found].Value) == normValue(gt.Value)
			if tOK {
				typeOK++
			}
			if vOK {
				valOK++
			}
			if sys[found].Mod == gt.Mod {
				modOK++
			}
			if gt.Mod != "" {
				s.ModGold++
				if sys[found].Mod == gt.Mod {
					modGoldOK++
				}
			}
			if detail && (!tOK || !vOK || sys[found].Span != g) {
				mis = append(mis, Mismatch{Doc: d.ID, Gold: gt, Sys: &sys[found]})
			}
		}
		if detail {
			for k := range sys {
				if !used[k] {
					mis = append(mis, Mismatch{Doc: d.ID, Sys: &sys[k]})
				}
			}
		}
	}
	s.StrictP, s.StrictR, s.Strict = prf(s.StrictMatch, s.System, s.Gold)
	s.RelaxP, s.RelaxR, s.Relaxed = prf(s.RelaxMatch, s.System, s.Gold)
	if s.RelaxMatch > 0 {
		s.TypeAcc = float64(typeOK) / float64(s.RelaxMatch)
		s.ValueAcc = float64(valOK) / float64(s.RelaxMatch)
		s.ModAcc = float64(modOK) / float64(s.RelaxMatch)
	}
	if s.ModGold > 0 {
		s.ModRecall = float64(modGoldOK) / float64(s.ModGold)
	}
	s.ValueF1 = s.Relaxed * s.ValueAcc
	return s, mis
}

func prf(match, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(match) / float64(sys)
	}
	if gold > 0 {
		r = float64(match) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// runeOffsets maps code-point offsets to byte offsets; the extra last entry
// is len(s).
func runeOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

// normValue makes equal values compare equal across notational variants
// in the gold data: "2000-W7" and "2000-W07", "1989-10-27T24" and
// "1989-10-27T24:00".
func normValue(v string) string {
	if i := strings.Index(v, "-W"); i >= 0 && i+3 <= len(v) {
		rest := v[i+2:]
		if len(rest) == 1 || len(rest) > 1 && (rest[1] < '0' || rest[1] > '9') {
			if rest[0] >= '0' && rest[0] <= '9' {
				v = v[:i+2] + "0" + rest
			}
		}
	}
	if i := strings.IndexByte(v, 'T'); i > 0 && len(v) == i+3 && utf8.ValidString(v) {
		if v[i+1] >= '0' && v[i+1] <= '9' {
			v += ":00"
		}
	}
	return v
}
