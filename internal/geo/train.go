package geo

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
)

// GoldToponym is a gold toponym with a position: its byte span in the
// article and its GeoNames id (0 when the gold set gives none).
type GoldToponym struct {
	Span      sitrep.Span
	Lat, Lon  float64
	GeonameID int
}

// GoldArticle is one article of a geo gold set with its toponyms that
// have coordinates.
type GoldArticle struct {
	Article  *sitrep.Article
	Toponyms []GoldToponym
}

// ReadGold reads a geo gold set in JSON Lines (the format of
// shared/gold/dev/geo-lgl.jsonl, code-point offsets, converted here to
// byte offsets). Toponyms without coordinates are left out.
func ReadGold(r io.Reader) ([]GoldArticle, error) {
	var out []GoldArticle
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var rec goldRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("geo: read gold line %d: %w", line, err)
		}
		byteAt := byteOffsets(rec.Text)
		a := GoldArticle{Article: &sitrep.Article{ID: rec.ID, Published: rec.Date, Text: rec.Text}}
		for _, t := range rec.Toponyms {
			if t.Start < 0 || t.End >= len(byteAt) || t.Start > t.End {
				return nil, fmt.Errorf("geo: read gold line %d: span %d-%d out of range", line, t.Start, t.End)
			}
			if t.Lat == nil || t.Lon == nil {
				continue
			}
			id, _ := strconv.Atoi(t.GeonameID) // none or malformed: 0
			a.Toponyms = append(a.Toponyms, GoldToponym{Span: sitrep.Span{Start: byteAt[t.Start], End: byteAt[t.End]},
				Lat: *t.Lat, Lon: *t.Lon, GeonameID: id})
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("geo: read gold: %w", err)
	}
	return out, nil
}

// byteOffsets maps the code-point offsets of text to byte offsets; the
// last entry is len(text).
func byteOffsets(text string) []int {
	at := make([]int, 0, len(text)+1)
	for i := range text {
		at = append(at, i)
	}
	return append(at, len(text))
}

// TrainDoc is one training article as the pipeline hands it to Parse: its
// text layer and entity mentions, with its gold toponyms.
type TrainDoc struct {
	Doc  *sitrep.Doc
	Ents []sitrep.Entity
	Gold []GoldToponym
}

// TrainConfig sets the ranker's training (learn.Ranker).
type TrainConfig struct {
	L2     float64
	Rate   float64
	Epochs int
	Seed   uint64
}

// Train fits the two-pass toponym ranker to docs: pass 1 on the toponyms
// the parser finds at a gold span, labelled with the candidate entry that
// is the gold's (same GeoNames id, else the nearest within 161 km; a
// toponym with neither teaches nothing); then pass 2 on their features
// given the readings of a pass-1 model. meta's Name and Features are set
// here.
func Train(g *Gazetteer, docs []TrainDoc, cfg TrainConfig, meta learn.Meta) *learn.Model {
	meta.Name, meta.Features = rankerName, rankFeatures
	rk := learn.Ranker{L2: cfg.L2, Rate: cfg.Rate, Epochs: cfg.Epochs, Seed: cfg.Seed}
	first := groups(&Parser{g: g}, docs, 1)
	// Pass 2 learns from the readings of pass-1 models that did not see
	// the article (stacking), as it will meet them in use.
	const k = 5
	fold := learn.Folds(len(docs), k, cfg.Seed)
	var second []learn.Group
	for f := range k {
		var in, out []TrainDoc
		for i, d := range docs {
			if fold[i] == f {
				out = append(out, d)
			} else {
				in = append(in, d)
			}
		}
		m1 := rk.Train(groups(&Parser{g: g}, in, 1), meta)
		second = append(second, groups(&Parser{g: g, m: m1}, out, 2)...)
	}
	return rk.Train(append(first, second...), meta)
}

// groups runs p over docs and returns the ranking groups of the given
// pass, one per toponym found at a gold span with a right candidate.
func groups(p *Parser, docs []TrainDoc, pass int) []learn.Group {
	var gs []learn.Group
	for _, d := range docs {
		p.trace = func(ps int, c *cand, ids []int32, ex []learn.Example) {
			if ps != pass {
				return
			}
			gold := goldAt(d.Gold, c.span)
			if gold == nil {
				return
			}
			right := p.rightEntry(gold, ids)
			if right < 0 || len(ids) < 2 {
				return
			}
			// The other entries within 161 km of the gold are right too:
			// they are left out rather than taught as wrong.
			var grp learn.Group
			for k, x := range ex {
				if k == right {
					grp.Gold = len(grp.Cands)
				} else if pl := &p.g.places[ids[k]]; HaversineKm(gold.Lat, gold.Lon, float64(pl.lat), float64(pl.lon)) <= 161 {
					continue
				}
				grp.Cands = append(grp.Cands, learn.Example{Feats: slices.Clone(x.Feats), Vals: slices.Clone(x.Vals)})
			}
			gs = append(gs, grp)
		}
		p.Parse(d.Doc, d.Ents)
	}
	p.trace = nil
	return gs
}

func goldAt(gold []GoldToponym, s sitrep.Span) *GoldToponym {
	for i := range gold {
		if gold[i].Span == s {
			return &gold[i]
		}
	}
	return nil
}

// rightEntry returns the index in ids of the gold's entry: the same
// GeoNames id, else the nearest within 161 km, else -1.
func (p *Parser) rightEntry(gold *GoldToponym, ids []int32) int {
	best, bestKm := -1, 161.0
	for k, id := range ids {
		pl := &p.g.places[id]
		if gold.GeonameID != 0 && int(pl.id) == gold.GeonameID {
			return k
		}
		if d := HaversineKm(gold.Lat, gold.Lon, float64(pl.lat), float64(pl.lon)); d <= bestKm {
			best, bestKm = k, d
		}
	}
	return best
}

// Score is the geocoding accuracy of a model over some articles.
type Score struct {
	// Geocoded counts the toponyms found at a gold span and resolved;
	// Within161 those within 161 km of the gold position.
	Geocoded, Within161 int
	Calibration         *learn.Calibration
}

// Acc161 is the share of geocoded toponyms within 161 km.
func (s Score) Acc161() float64 { return ratio(s.Within161, s.Geocoded) }

// EvaluateRanker parses docs with the ranker m and scores the resolved toponyms
// found at gold spans, as 'sitrep eval geo' does.
func EvaluateRanker(g *Gazetteer, m *learn.Model, docs []TrainDoc) Score {
	p := &Parser{g: g, m: m}
	s := Score{Calibration: learn.NewCalibration(10)}
	for _, d := range docs {
		for _, pl := range p.Parse(d.Doc, d.Ents) {
			gold := goldAt(d.Gold, pl.Span)
			if gold == nil || pl.Resolution == LevelUnresolved {
				continue
			}
			s.Geocoded++
			ok := HaversineKm(gold.Lat, gold.Lon, pl.Lat, pl.Lon) <= 161
			if ok {
				s.Within161++
			}
			s.Calibration.Add(pl.Confidence, ok)
		}
	}
	return s
}

// CVFold is one fold of a cross-validation: the accuracy of the model
// trained on the other folds, on them and on this one.
type CVFold struct {
	Train, Held Score
}

// CrossValidate trains and scores the ranker k times, holding out one
// fold of articles (learn.Folds) each time.
func CrossValidate(g *Gazetteer, docs []TrainDoc, cfg TrainConfig, k int, seed uint64) []CVFold {
	fold := learn.Folds(len(docs), k, seed)
	out := make([]CVFold, k)
	for f := range k {
		var train, held []TrainDoc
		for i, d := range docs {
			if fold[i] == f {
				held = append(held, d)
			} else {
				train = append(train, d)
			}
		}
		m := Train(g, train, cfg, learn.Meta{})
		out[f] = CVFold{Train: EvaluateRanker(g, m, train), Held: EvaluateRanker(g, m, held)}
	}
	return out
}

// CVSummary sums up folds: the pooled held-out accuracy, its spread over
// folds (min, max) and the mean gap between training and held-out
// accuracy.
func CVSummary(folds []CVFold) (acc, lo, hi, gap float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	var n, right int
	for _, f := range folds {
		n += f.Held.Geocoded
		right += f.Held.Within161
		a := f.Held.Acc161()
		lo, hi = math.Min(lo, a), math.Max(hi, a)
		gap += f.Train.Acc161() - a
	}
	if len(folds) > 0 {
		gap /= float64(len(folds))
	}
	return ratio(right, n), lo, hi, gap
}
