package geo

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
)

// Metrics are toponym recognition and geocoding scores over a gold set.
type Metrics struct {
	Docs, Gold, Found, Correct int
	Precision, Recall, F1      float64
	// GoldDemonyms counts gold toponyms that are demonyms ("Russian"):
	// the gold set annotates them, Parse by design does not;
	// RecallNoDemonyms and F1NoDemonyms leave them out.
	GoldDemonyms                   int
	RecallNoDemonyms, F1NoDemonyms float64
	// Geocoded counts correctly found toponyms with gold coordinates.
	Geocoded, Within161 int
	Acc161              float64
	MedianKm, MeanKm    float64
	// Calibration bins the geocoded toponyms' Confidence against whether
	// they lie within 161 km of the gold.
	Calibration *learn.Calibration
}

func (m Metrics) String() string {
	return fmt.Sprintf("docs %d gold %d found %d correct %d P %.3f R %.3f F1 %.3f | without demonyms (%d): R %.3f F1 %.3f | geocoded %d acc@161 %.3f median %.1f km mean %.1f km",
		m.Docs, m.Gold, m.Found, m.Correct, m.Precision, m.Recall, m.F1, m.GoldDemonyms, m.RecallNoDemonyms,
		m.F1NoDemonyms, m.Geocoded, m.Acc161, m.MedianKm, m.MeanKm)
}

type goldRecord struct {
	ID       string `json:"id"`
	Date     string `json:"date"`
	Text     string `json:"text"`
	Toponyms []struct {
		Start, End int
		Name       string
		Lat, Lon   *float64
		GeonameID  string `json:"geonameid"`
	} `json:"toponyms"`
}

// Miss is a gold toponym not found, a found toponym not in the gold, or a
// found toponym geocoded more than 161 km off, for error analysis.
type Miss struct {
	Doc  string
	Kind string // "missed", "spurious" or "far"
	Text string
	Span sitrep.Span
	// Name, Lat and Lon are the system's reading ("spurious", "far").
	Name     string
	Lat, Lon float64
	// Km is the error of a "far" toponym.
	Km float64
}

// Evaluate scores p over a geo gold set in JSON Lines (the format of
// shared/gold/dev/geo-lgl.jsonl: code-point offsets). newDoc builds the
// text layer of each article (the text stage, or a test tokenizer); no
// entity mentions are given to the parser.
func Evaluate(r io.Reader, p *Parser, newDoc func(*sitrep.Article) *sitrep.Doc) (Metrics, error) {
	m, _, err := EvaluateFunc(r, p.g, func(a *sitrep.Article) ([]sitrep.Place, error) {
		return p.Parse(newDoc(a), nil), nil
	})
	return m, err
}

// EvaluateFunc scores the places run finds in each article of a geo gold
// set (JSON Lines, code-point offsets, converted here to byte offsets).
// g tells demonyms from place names for the demonym-free figures.
// Recognition is exact-span; geocoding error is measured on the correctly
// found toponyms that have gold coordinates. It also returns every miss.
func EvaluateFunc(r io.Reader, g *Gazetteer, run func(*sitrep.Article) ([]sitrep.Place, error)) (Metrics, []Miss, error) {
	m := Metrics{Calibration: learn.NewCalibration(10)}
	var misses []Miss
	var errs []float64
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var rec goldRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return m, misses, fmt.Errorf("geo: evaluate line %d: %w", line, err)
		}
		m.Docs++
		byteAt := byteOffsets(rec.Text)
		art := &sitrep.Article{ID: rec.ID, Published: rec.Date, Text: rec.Text}
		places, err := run(art)
		if err != nil {
			return m, misses, fmt.Errorf("geo: evaluate line %d: %w", line, err)
		}
		m.Found += len(places)
		found := map[sitrep.Span]sitrep.Place{}
		for _, pl := range places {
			found[pl.Span] = pl
		}
		gold := map[sitrep.Span]bool{}
		for _, t := range rec.Toponyms {
			if t.Start < 0 || t.End >= len(byteAt) || t.Start > t.End {
				return m, misses, fmt.Errorf("geo: evaluate line %d: span %d-%d out of range", line, t.Start, t.End)
			}
			m.Gold++
			s := sitrep.Span{Start: byteAt[t.Start], End: byteAt[t.End]}
			gold[s] = true
			if g.IsDemonym(t.Name) {
				m.GoldDemonyms++
			}
			pl, ok := found[s]
			if !ok {
				misses = append(misses, Miss{Doc: rec.ID, Kind: "missed", Text: rec.Text[s.Start:s.End], Span: s})
				continue
			}
			m.Correct++
			// A toponym recognised but not resolved has no position to score.
			if t.Lat != nil && t.Lon != nil && pl.Resolution != LevelUnresolved {
				d := HaversineKm(*t.Lat, *t.Lon, pl.Lat, pl.Lon)
				errs = append(errs, d)
				m.Calibration.Add(pl.Confidence, d <= 161)
				if d <= 161 {
					m.Within161++
				} else {
					misses = append(misses, Miss{Doc: rec.ID, Kind: "far", Text: pl.Text, Span: s,
						Name: pl.Name + " " + pl.Admin1 + " " + pl.Country, Lat: pl.Lat, Lon: pl.Lon, Km: d})
				}
			}
		}
		for _, pl := range places {
			if !gold[pl.Span] {
				misses = append(misses, Miss{Doc: rec.ID, Kind: "spurious", Text: pl.Text, Span: pl.Span,
					Name: pl.Name + " " + pl.Admin1 + " " + pl.Country, Lat: pl.Lat, Lon: pl.Lon})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return m, misses, fmt.Errorf("geo: evaluate line %d: %w", line, err)
	}
	m.Precision = ratio(m.Correct, m.Found)
	m.Recall = ratio(m.Correct, m.Gold)
	m.F1 = f1(m.Precision, m.Recall)
	m.RecallNoDemonyms = ratio(m.Correct, m.Gold-m.GoldDemonyms)
	m.F1NoDemonyms = f1(m.Precision, m.RecallNoDemonyms)
	m.Geocoded = len(errs)
	m.Acc161 = ratio(m.Within161, m.Geocoded)
	if len(errs) > 0 {
		slices.Sort(errs)
		m.MedianKm = errs[len(errs)/2]
		sum := 0.0
		for _, e := range errs {
			sum += e
		}
		m.MeanKm = sum / float64(len(errs))
	}
	return m, misses, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// HaversineKm returns the great-circle distance in km between two points.
func HaversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371 * math.Asin(math.Min(1, math.Sqrt(a)))
}
