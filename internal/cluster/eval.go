package cluster

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Gold is a set of expected links over a corpus (see
// testdata/situations.gold.json): situations as lists of article ids,
// duplicates, the casualty kinds whose figures conflict (keyed by an
// article of the situation), and events as lists of gold mentions.
type Gold struct {
	Situations [][]string          `json:"situations"`
	Duplicates []sitrep.Duplicate  `json:"duplicates"`
	Conflicts  map[string][]string `json:"conflicts"`
	Events     [][]GoldMention     `json:"events"`
}

// GoldMention is [article id, a piece of the evidence sentence, PLOVER
// type]: every extracted mention of that article whose sentence holds the
// piece and whose type is that one tells the gold event.
type GoldMention [3]string

// ReadGold reads a gold file.
func ReadGold(r io.Reader) (*Gold, error) {
	var g Gold
	if err := json.NewDecoder(r).Decode(&g); err != nil {
		return nil, fmt.Errorf("cluster: read gold: %w", err)
	}
	return &g, nil
}

// Scores are the linking figures against a gold set.
type Scores struct {
	// Pairwise precision, recall and F1 of event links over the mentions
	// that match a gold mention, and the counts behind them.
	EventP, EventR, EventF1      float64
	EventPairsTP, EventPairsPred int
	EventPairsGold, Mentions     int
	// B³ precision, recall and F1 of situations over the gold articles.
	SituationP, SituationR, SituationF1 float64
	// Duplicate pairs found right (any kind), found, expected; kinds right.
	DupTP, DupPred, DupGold, DupKindRight int
	// Conflicts flagged of those expected.
	ConflictsFlagged, ConflictsGold int
}

// Evaluate scores out against g. result returns an article's extraction
// (for the evidence sentences and types of the mentions).
func Evaluate(g *Gold, out *sitrep.Situations, result func(id string) *sitrep.Result) Scores {
	var s Scores
	// Events: each predicted mention takes the gold event it matches.
	type mk struct {
		ev, gold int
	}
	var ms []mk
	ei := 0
	for _, sit := range out.Situations {
		for _, e := range sit.Events {
			for _, m := range e.Mentions {
				if gi := goldEventOf(g, m, result(m.Article)); gi >= 0 {
					ms = append(ms, mk{ei, gi})
				}
			}
			ei++
		}
	}
	s.Mentions = len(ms)
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			ps, gs := ms[i].ev == ms[j].ev, ms[i].gold == ms[j].gold
			if ps {
				s.EventPairsPred++
			}
			if gs {
				s.EventPairsGold++
			}
			if ps && gs {
				s.EventPairsTP++
			}
		}
	}
	s.EventP, s.EventR, s.EventF1 = prf(s.EventPairsTP, s.EventPairsPred, s.EventPairsGold)

	// Situations: B³ over the gold articles.
	predOf := map[string]int{}
	for i, sit := range out.Situations {
		for _, a := range sit.Articles {
			predOf[a] = i
		}
	}
	goldOf := map[string]int{}
	for i, arts := range g.Situations {
		for _, a := range arts {
			goldOf[a] = i
		}
	}
	var sp, sr float64
	for a, gi := range goldOf {
		pi, ok := predOf[a]
		inter, npred, ngold := 0, 0, 0
		for b, gj := range goldOf {
			pj, okb := predOf[b]
			samePred := ok && okb && pi == pj
			if samePred {
				npred++
			}
			if gj == gi {
				ngold++
			}
			if samePred && gj == gi {
				inter++
			}
		}
		if npred == 0 {
			npred = 1 // an article left out is a situation of its own
		}
		sp += float64(inter) / float64(npred)
		sr += float64(max(inter, 1)) / float64(ngold)
	}
	if n := float64(len(goldOf)); n > 0 {
		s.SituationP, s.SituationR = sp/n, sr/n
		s.SituationF1 = f1(s.SituationP, s.SituationR)
	}

	// Duplicates.
	want := map[[2]string]string{}
	for _, d := range g.Duplicates {
		want[[2]string{d.Original, d.Copy}] = d.Kind
	}
	s.DupGold, s.DupPred = len(want), len(out.Duplicates)
	for _, d := range out.Duplicates {
		if k, ok := want[[2]string{d.Original, d.Copy}]; ok {
			s.DupTP++
			if k == d.Kind {
				s.DupKindRight++
			}
		}
	}

	// Conflicts.
	for art, kinds := range g.Conflicts {
		for _, k := range kinds {
			s.ConflictsGold++
			if pi, ok := predOf[art]; ok {
				for _, c := range out.Situations[pi].Casualties {
					if c.Kind == k && c.Conflict {
						s.ConflictsFlagged++
					}
				}
			}
		}
	}
	return s
}

// goldEventOf returns the index of the gold event m tells, or -1.
func goldEventOf(g *Gold, m sitrep.MentionRef, res *sitrep.Result) int {
	if res == nil || m.Event < 0 || m.Event >= len(res.Events) {
		return -1
	}
	e := &res.Events[m.Event]
	for gi, ev := range g.Events {
		for _, gm := range ev {
			if gm[0] == m.Article && gm[2] == e.PLOVER && strings.Contains(e.Evidence.Sentence, gm[1]) {
				return gi
			}
		}
	}
	return -1
}

func prf(tp, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	return p, r, f1(p, r)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
