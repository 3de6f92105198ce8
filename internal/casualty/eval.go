package casualty

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// GoldRecord is one article of a casualty gold set in the shared JSON
// Lines format (../shared/gold/dev/casualties-dev.jsonl). Killed and
// Injured are nil for articles about several incidents.
type GoldRecord struct {
	ID            string `json:"id"`
	Date          string `json:"date"`
	Text          string `json:"text"`
	Killed        *int   `json:"killed"`
	Injured       *int   `json:"injured"`
	MultiIncident bool   `json:"multi_incident"`
}

// ReadGold reads a casualty gold file. A bad line is an error naming it.
func ReadGold(r io.Reader) ([]GoldRecord, error) {
	var recs []GoldRecord
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g GoldRecord
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return recs, fmt.Errorf("casualty: gold line %d: %w", line, err)
		}
		recs = append(recs, g)
	}
	if err := sc.Err(); err != nil {
		return recs, fmt.Errorf("casualty: gold line %d: %w", line, err)
	}
	return recs, nil
}

// Scores are the results of Evaluate: per-article exact-match accuracy
// of the killed and injured counts that Summarize gives.
type Scores struct {
	// Articles were scored; LeftOut were not, being about several
	// incidents or lacking a count.
	Articles, LeftOut int
	Killed, Injured   int // articles whose count was right
	Both              int // articles with both counts right
	KilledAcc         float64
	InjuredAcc        float64
	BothAcc           float64
}

// Mismatch is an article whose counts differ from the gold, for error
// analysis.
type Mismatch struct {
	ID                      string
	GoldKilled, GoldInjured int
	Killed, Injured         int
	Casualties              []sitrep.Casualty
}

// Evaluate scores the casualties run finds in each single-incident gold
// article (given as an article with the gold's ID, date and text) and
// returns the articles it got wrong. The first error of run stops the
// evaluation.
func Evaluate(gold []GoldRecord, run func(*sitrep.Article) ([]sitrep.Casualty, error)) (Scores, []Mismatch, error) {
	var s Scores
	var mis []Mismatch
	for i := range gold {
		g := &gold[i]
		if g.MultiIncident || g.Killed == nil || g.Injured == nil {
			s.LeftOut++
			continue
		}
		cas, err := run(&sitrep.Article{ID: g.ID, Published: g.Date, Text: g.Text})
		if err != nil {
			return s, mis, fmt.Errorf("casualty: article %s: %w", g.ID, err)
		}
		k, w := Summarize(cas)
		s.Articles++
		okK, okW := k == *g.Killed, w == *g.Injured
		if okK {
			s.Killed++
		}
		if okW {
			s.Injured++
		}
		if okK && okW {
			s.Both++
			continue
		}
		mis = append(mis, Mismatch{ID: g.ID, GoldKilled: *g.Killed, GoldInjured: *g.Injured, Killed: k, Injured: w, Casualties: cas})
	}
	if s.Articles > 0 {
		n := float64(s.Articles)
		s.KilledAcc, s.InjuredAcc, s.BothAcc = float64(s.Killed)/n, float64(s.Injured)/n, float64(s.Both)/n
	}
	return s, mis, nil
}
