package storesql

import (
	"encoding/json"
	"fmt"
	"iter"

	"github.com/sitrep-project/sitrep"
)

// SituationRow is a situations row.
type SituationRow struct {
	ID, Title, First, Last string
	Articles, Events       int
	Doc                    []byte
}

// LinkedEventRow is a linked_events row.
type LinkedEventRow struct {
	ID, Situation, Date, CAMEO, PLOVER, Source, Target string
	Mentions, Sources, Articles                        int
	Confidence                                         float64
}

// MentionRow is a mentions row: EventID is the events row of the mention.
type MentionRow struct {
	EventID, LinkedEvent, Article string
	Start, End                    int
	Copy                          bool
}

// SituationRows splits linking output into its rows.
func SituationRows(out *sitrep.Situations) (sits []SituationRow, members [][2]string, evs []LinkedEventRow, ms []MentionRow, err error) {
	for i := range out.Situations {
		s := &out.Situations[i]
		doc, err := json.Marshal(s)
		if err != nil {
			return nil, nil, nil, nil, fmt.Errorf("situation %s: %w", s.ID, err)
		}
		sits = append(sits, SituationRow{ID: s.ID, Title: s.Title, First: s.First, Last: s.Last,
			Articles: len(s.Articles), Events: len(s.Events), Doc: doc})
		for _, a := range s.Articles {
			members = append(members, [2]string{a, s.ID})
		}
		for _, e := range s.Events {
			evs = append(evs, LinkedEventRow{ID: e.ID, Situation: s.ID, Date: e.Date, CAMEO: e.CAMEO, PLOVER: e.PLOVER,
				Source: e.Source, Target: e.Target, Mentions: e.NumMentions, Sources: e.NumSources, Articles: e.NumArticles,
				Confidence: e.Corroboration})
			for _, m := range e.Mentions {
				ms = append(ms, MentionRow{EventID: EventID(m.Article, m.Event), LinkedEvent: e.ID, Article: m.Article,
					Start: m.Start, End: m.End, Copy: m.Copy})
			}
		}
	}
	return sits, members, evs, ms, nil
}

// Situation decodes a situations doc.
func Situation(doc []byte) (*sitrep.Situation, error) {
	var s sitrep.Situation
	if err := json.Unmarshal(doc, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

// Seq yields the situations of a slice.
func Seq(sits []sitrep.Situation) iter.Seq2[*sitrep.Situation, error] {
	return func(yield func(*sitrep.Situation, error) bool) {
		for i := range sits {
			if !yield(&sits[i], nil) {
				return
			}
		}
	}
}

// Chunks calls fn with the situations of sits, n at a time (the last
// chunk may be shorter), and stops at the first error of either.
func Chunks(sits iter.Seq2[*sitrep.Situation, error], n int, fn func(*sitrep.Situations) error) error {
	chunk := &sitrep.Situations{}
	for s, err := range sits {
		if err != nil {
			return err
		}
		chunk.Situations = append(chunk.Situations, *s)
		if len(chunk.Situations) == n {
			if err := fn(chunk); err != nil {
				return err
			}
			chunk.Situations = chunk.Situations[:0]
		}
	}
	if len(chunk.Situations) > 0 {
		return fn(chunk)
	}
	return nil
}
