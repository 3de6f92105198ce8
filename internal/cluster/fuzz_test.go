package cluster

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// FuzzLink feeds linking events with arbitrary codes, actors, dates,
// places, spans and texts (as another coder or a damaged store could
// give) and checks that it never fails and keeps its invariants: every
// mention in exactly one event, every article in exactly one situation,
// counts that agree with the mentions, confidences in [0,1], also when
// situations settle as they go (what settled plus the last snapshot).
func FuzzLink(f *testing.F) {
	f.Add("154", "IRQMIL", "", "2020-01-01", "Iraqi soldiers deployed in front of the US Embassy.", "AP", 3, 33.3, 44.4, "clause")
	f.Add("19", "---", "USAGOV", "2019-W52", "Protesters attacked the embassy.", "", 2, 0.0, 0.0, "focus")
	f.Add("", "", "X", "201", "", "x", 1, 91.0, -181.0, "")
	f.Add("0874", "IRQOPP", "IRQOPP", "2019-13-45", "Ünïcödé “quotes” — dashes", "Reuters", 4, -33.9, 151.2, "published")
	f.Fuzz(func(t *testing.T, cameo, src, tgt, date, sentence, source string, n int, lat, lon float64, reason string) {
		n = 1 + abs(n)%6
		cfg := DefaultConfig()
		if n%2 == 0 {
			// Bounded memory: settle after every arrival that leaves a
			// situation quiet for two.
			cfg = StreamConfig()
			cfg.SettleAfter, cfg.SettleDays, cfg.SettleEvery = 2, 0, 1
		}
		c := New(cfg)
		ids := map[string]bool{}
		var results []*sitrep.Result
		for i := range n {
			text := strings.Repeat(sentence+" ", 1+i%2)
			ev := sitrep.Event{CAMEO: cameo, Root: cameo[:min(2, len(cameo))], PLOVER: strings.ToUpper(reason),
				QuadClass: i % 5, Date: date, DatePrecision: sitrep.Day, DateReason: reason, Modality: sitrep.Asserted,
				Source:   sitrep.EventActor{Actor: src},
				Evidence: sitrep.Evidence{Sentence: sentence, Start: i, End: i + len(sentence), Trigger: sitrep.Span{Start: i, End: i + 1}},
			}
			if tgt != "" {
				ev.Target = &sitrep.EventActor{Actor: tgt}
			}
			// Another reading of the verb, of a neighbouring or a far type.
			other := ev
			other.PLOVER = []string{"ASSAULT", "COERCE", "SUPPORT", "COOPERATE"}[i%4]
			other.QuadClass = 4 - i%4
			if i%2 == 0 {
				ev.Location = &sitrep.Location{Country: source, Lat: lat, Lon: lon, Reason: reason, Place: i - 1}
			}
			res := &sitrep.Result{
				Article:    &sitrep.Article{ID: source + string(rune('a'+i)), Published: date, Source: source, Text: text},
				Events:     []sitrep.Event{ev, ev, other},
				Places:     []sitrep.Place{{Resolution: reason}},
				Casualties: []sitrep.Casualty{{Span: sitrep.Span{Start: 0, End: len(text)}, Kind: "killed", Count: n - i}},
				Quotes:     []sitrep.Quote{{Span: sitrep.Span{Start: 0, End: 1}, Speaker: src, Text: sentence}},
				Entities:   []sitrep.Entity{{Span: sitrep.Span{Start: 0, End: len(text) + 5}, Type: sitrep.GPE}},
			}
			if c.Add(res) {
				ids[res.Article.ID] = true
				results = append(results, res)
			}
		}
		out := c.TakeSettled()
		last := c.Snapshot()
		out.Situations = append(out.Situations, last.Situations...)
		out.Duplicates = append(out.Duplicates, last.Duplicates...)
		seenArt := map[string]int{}
		mentions := 0
		for _, s := range out.Situations {
			for _, a := range s.Articles {
				seenArt[a]++
			}
			for _, e := range s.Events {
				if e.NumMentions != len(e.Mentions) || e.NumArticles > e.NumMentions || e.NumSources > e.NumArticles {
					t.Errorf("event %s: counts %d/%d/%d for %d mentions", e.ID, e.NumMentions, e.NumArticles, e.NumSources, len(e.Mentions))
				}
				if e.Corroboration < 0 || e.Corroboration > 1 {
					t.Errorf("event %s: confidence %v", e.ID, e.Corroboration)
				}
				mentions += len(e.Mentions)
			}
			for _, r := range s.Casualties {
				if r.Low > r.High || r.Conflict != (r.Low != r.High) {
					t.Errorf("casualty range %+v", r)
				}
			}
		}
		if mentions != 3*len(results) {
			t.Errorf("%d mentions linked, want %d", mentions, 3*len(results))
		}
		for id := range ids {
			if seenArt[id] != 1 {
				t.Errorf("article %s in %d situations", id, seenArt[id])
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
