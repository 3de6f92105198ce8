package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/geo"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// evalGeo scores toponym recognition and resolution: every article of the
// gold set goes through the full pipeline (text → entity → geo), and its
// Result.Places are compared with the gold toponyms.
func (m *Main) evalGeo(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "eval geo", "GOLD.jsonl",
		"Scores toponym recognition (exact-span P/R/F1, also without the gold's demonyms, which\nsitrep does not treat as toponyms) and geocoding (accuracy within 161 km, median and mean\nerror, calibration of the places' confidence) against a gold set in the format of\n../shared/gold/dev/geo-lgl.jsonl. The last line sums it up as key=value figures.")
	asJSON := fs.Bool("json", false, "print the metrics as JSON")
	nMiss := fs.Int("misses", 0, "print up to `N` errors (missed, spurious, far) to stderr")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: eval geo needs one GOLD.jsonl", errUsage)
	}
	met, misses, err := scoreGeo(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	for i, ms := range misses {
		if i >= *nMiss {
			break
		}
		fmt.Fprintf(m.Stderr, "%s\t%s\t%q\t%d-%d\t%s\t%.0f km\n", ms.Kind, ms.Doc, ms.Text, ms.Span.Start, ms.Span.End, ms.Name, ms.Km)
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(geoReport{
			Docs: met.Docs, Gold: met.Gold, Found: met.Found, Correct: met.Correct,
			Precision: met.Precision, Recall: met.Recall, F1: met.F1,
			GoldDemonyms: met.GoldDemonyms, RecallNoDemonyms: met.RecallNoDemonyms, F1NoDemonyms: met.F1NoDemonyms,
			Geocoded: met.Geocoded, Within161: met.Within161, Acc161: met.Acc161, MedianKm: met.MedianKm, MeanKm: met.MeanKm,
			Calibration: calibrationBins(met.Calibration), ECE: met.Calibration.ECE(),
		})
	}
	fmt.Fprintf(m.Stdout, "articles %d  gold toponyms %d  found %d  correct %d\n", met.Docs, met.Gold, met.Found, met.Correct)
	fmt.Fprintf(m.Stdout, "toponyms          P %.3f  R %.3f  F1 %.3f\n", met.Precision, met.Recall, met.F1)
	fmt.Fprintf(m.Stdout, "  w/o %d demonyms  P %.3f  R %.3f  F1 %.3f\n", met.GoldDemonyms, met.Precision, met.RecallNoDemonyms, met.F1NoDemonyms)
	fmt.Fprintf(m.Stdout, "geocoding (%d with gold coordinates)  acc@161 %.3f  median %.1f km  mean %.1f km\n",
		met.Geocoded, met.Acc161, met.MedianKm, met.MeanKm)
	fmt.Fprintf(m.Stdout, "calibration of the places' confidence (within 161 km):\n%s", met.Calibration)
	fmt.Fprintf(m.Stdout, "acc161=%.3f p=%.3f r=%.3f f1=%.3f f1_no_demonyms=%.3f median_km=%.1f ece=%.3f\n",
		met.Acc161, met.Precision, met.Recall, met.F1, met.F1NoDemonyms, met.MedianKm, met.Calibration.ECE())
	return nil
}

// calibrationBin is one bin of geoReport.Calibration.
type calibrationBin struct {
	Lo        float64 `json:"lo"`
	Hi        float64 `json:"hi"`
	N         int     `json:"n"`
	Correct   int     `json:"correct"`
	MeanScore float64 `json:"mean_score"`
	Accuracy  float64 `json:"accuracy"`
}

func calibrationBins(c *learn.Calibration) []calibrationBin {
	out := make([]calibrationBin, 0, len(c.Bins))
	for _, b := range c.Bins {
		out = append(out, calibrationBin{Lo: b.Lo, Hi: b.Hi, N: b.N, Correct: b.Correct, MeanScore: b.MeanScore, Accuracy: b.Accuracy()})
	}
	return out
}

// geoReport is the --json form of geo.Metrics.
type geoReport struct {
	Docs             int     `json:"articles"`
	Gold             int     `json:"gold"`
	Found            int     `json:"found"`
	Correct          int     `json:"correct"`
	Precision        float64 `json:"precision"`
	Recall           float64 `json:"recall"`
	F1               float64 `json:"f1"`
	GoldDemonyms     int     `json:"gold_demonyms"`
	RecallNoDemonyms float64 `json:"recall_no_demonyms"`
	F1NoDemonyms     float64 `json:"f1_no_demonyms"`
	Geocoded         int     `json:"geocoded"`
	Within161        int     `json:"within_161km"`
	Acc161           float64 `json:"acc_161km"`
	MedianKm         float64 `json:"median_km"`
	MeanKm           float64 `json:"mean_km"`
	// Calibration bins the geocoded toponyms' confidence against whether
	// they lie within 161 km of the gold; ECE is its expected error.
	Calibration []calibrationBin `json:"calibration"`
	ECE         float64          `json:"ece"`
}

// scoreGeo runs the pipeline over a geo gold file and scores its places.
func scoreGeo(ctx context.Context, path string) (geo.Metrics, []geo.Miss, error) {
	f, err := os.Open(path)
	if err != nil {
		return geo.Metrics{}, nil, fmt.Errorf("eval geo: %w", err)
	}
	defer f.Close()
	p, err := newPipeline(pipeline.Config{})
	if err != nil {
		return geo.Metrics{}, nil, err
	}
	met, misses, err := geo.EvaluateFunc(f, p.Gazetteer(), func(a *sitrep.Article) ([]sitrep.Place, error) {
		res, err := p.Process(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		return res.Places, nil
	})
	if err != nil {
		return met, misses, fmt.Errorf("eval geo %s: %w", path, err)
	}
	return met, misses, nil
}
