package cluster

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// chronicle builds a stream of n groups of three articles, one group a
// day, each group telling one event in words of its own (the third
// article of every fourth group a copy of the first): situations that
// follow one another in time, as a news stream does.
func chronicle(n int) []*sitrep.Result {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, 7)
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		return string(b)
	}
	var out []*sitrep.Result
	for g := range n {
		w := []string{word(), word(), word(), word(), word(), word()}
		day := dayString(int32(18262 + g)) // from 2020-01-01
		first := ""
		for k := range 3 {
			sent := fmt.Sprintf([]string{
				"Fighters of the %s %s stormed %s on %s, residents said.",
				"The %s %s assaulted %s early on %s, witnesses said.",
				"An attack by the %s %s hit %s on %s, officials said.",
			}[k], w[0], w[1], w[2], day)
			text := sent + "\n\n" + fmt.Sprintf("The %s and %s said %s would answer. %s %s %s.", w[3], w[4], w[5], w[0], w[2], w[4])
			if k == 2 && g%4 == 0 {
				text = first
				sent = text[:strings.Index(text, "\n")]
			}
			if k == 0 {
				first = text
			}
			ev := sitrep.Event{CAMEO: "190", Root: "19", QuadClass: 4, PLOVER: "ASSAULT", Date: day, DatePrecision: sitrep.Day, DateReason: "clause",
				Source:   sitrep.EventActor{Actor: "---REB", Text: "Fighters"},
				Location: &sitrep.Location{Name: "Town", Country: "IQ", Lat: 30 + float64(g%50)/10, Lon: 40 + float64(g%37)/10, Reason: "clause", Place: -1},
				Modality: sitrep.Asserted,
				Evidence: sitrep.Evidence{Sentence: sent, Start: 0, End: len(sent), Trigger: sitrep.Span{Start: 0, End: 8}}}
			art := &sitrep.Article{ID: fmt.Sprintf("g%03d-%d", g, k), Published: day, Source: fmt.Sprintf("outlet %d", k), Text: text}
			out = append(out, &sitrep.Result{Article: art, Events: []sitrep.Event{ev},
				Casualties: []sitrep.Casualty{{Span: sitrep.Span{Start: 0, End: 8}, Kind: "killed", Count: 2 + k, Exact: true, Text: "Fighters"}}})
		}
	}
	return out
}

// sorted orders an output's situations and duplicates, so that outputs
// gathered in different orders compare equal.
func sorted(out *sitrep.Situations) string {
	slices.SortFunc(out.Situations, func(a, b sitrep.Situation) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(out.Duplicates, func(a, b sitrep.Duplicate) int { return cmp.Compare(a.Copy, b.Copy) })
	b, _ := json.MarshalIndent(out, "", " ")
	return string(b)
}

// TestSettle links a stream in bounded memory and checks that what
// settled along the way plus the last snapshot is what linking the
// whole stream in memory gives, and that little is held at the end.
func TestSettle(t *testing.T) {
	results := chronicle(120)
	want := sorted(link(results))

	cfg := StreamConfig()
	cfg.SettleAfter, cfg.SettleDays, cfg.SettleEvery = 9, 3, 3
	c := New(cfg)
	got := &sitrep.Situations{}
	maxLive := 0
	for _, r := range results {
		c.Add(r)
		s := c.TakeSettled()
		got.Situations = append(got.Situations, s.Situations...)
		got.Duplicates = append(got.Duplicates, s.Duplicates...)
		maxLive = max(maxLive, c.live())
	}
	settled := len(got.Situations)
	last := c.Snapshot()
	got.Situations = append(got.Situations, last.Situations...)
	got.Duplicates = append(got.Duplicates, last.Duplicates...)
	if settled < 9*len(got.Situations)/10 {
		t.Errorf("%d situations settled of %d, want nine in ten", settled, len(got.Situations))
	}
	if s := sorted(got); s != want {
		t.Errorf("settled + snapshot differs from linking in memory:\n%s\nwant:\n%s", s[:min(len(s), 2000)], want[:min(len(want), 2000)])
	}
	// Live articles stay within the window: 9 arrivals quiet, 3 days
	// (9 articles), a look every 3 arrivals, a group of 3.
	if maxLive > 30 {
		t.Errorf("up to %d articles held, want at most 30", maxLive)
	}
	if n := len(c.dups.buckets); n > 30*bands {
		t.Errorf("%d duplicate buckets held", n)
	}
	for _, r := range results {
		if !c.Has(r.Article.ID) || c.Add(r) {
			t.Fatalf("article %s forgotten as added", r.Article.ID)
		}
	}
}

// live counts the articles held.
func (c *Clusterer) live() int {
	n := 0
	for _, a := range c.arts {
		if a != nil {
			n++
		}
	}
	return n
}

// TestKeepResults: keeping only what linking needs changes nothing in
// the output.
func TestKeepResults(t *testing.T) {
	results := readResults(t, filepath.Join("testdata", "situations.results.jsonl"))
	cfg := DefaultConfig()
	cfg.KeepResults = false
	c := New(cfg)
	for _, r := range results {
		c.Add(r)
	}
	if c.Result(results[0].Article.ID) != nil {
		t.Error("a result kept without KeepResults")
	}
	if got, want := sorted(c.Snapshot()), sorted(link(results)); got != want {
		t.Error("output differs without KeepResults")
	}
}

func TestAttachEvent(t *testing.T) {
	ev := func(start, end, trigger int, root string, quad int) sitrep.Event {
		return sitrep.Event{Root: root, QuadClass: quad, Evidence: sitrep.Evidence{Start: start, End: end, Trigger: sitrep.Span{Start: trigger, End: trigger + 5}}}
	}
	// Three sentences: [0,100) tells a statement (quad 1) and an assault
	// (quad 4); [100,200) a protest (quad 3) and two assaults; [200,300)
	// an arrest and a fight.
	evs := []sitrep.Event{ev(0, 100, 10, "01", 1), ev(0, 100, 60, "18", 4), ev(100, 200, 110, "14", 3), ev(100, 200, 180, "18", 4),
		ev(100, 200, 120, "19", 4), ev(200, 300, 210, "17", 4), ev(200, 300, 290, "19", 4)}
	tests := []struct {
		name string
		kind string
		span sitrep.Span
		want int
	}{
		{"the conflict event of its sentence over a nearer statement", "killed", sitrep.Span{Start: 15, End: 20}, 1},
		{"the nearest of two conflict events", "killed", sitrep.Span{Start: 125, End: 130}, 4},
		{"the nearest of two conflict events, after", "wounded", sitrep.Span{Start: 190, End: 195}, 3},
		{"the dead go to the fight, not the nearer arrest", "killed", sitrep.Span{Start: 215, End: 220}, 6},
		{"the arrested go to the arrest", "arrested", sitrep.Span{Start: 280, End: 285}, 5},
		{"the displaced to the nearest conflict event", "displaced", sitrep.Span{Start: 280, End: 285}, 6},
		{"no event in its sentence", "killed", sitrep.Span{Start: 305, End: 310}, -1},
		{"across two sentences", "killed", sitrep.Span{Start: 95, End: 105}, -1},
	}
	for _, tt := range tests {
		if got := attachEvent(evs, tt.kind, tt.span); got != tt.want {
			t.Errorf("%s: attachEvent = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestEventCasualties: on the test corpus, the two sources that disagree
// on the Nairobi protest's dead (3 and 5) give a range on the event they
// belong to, and the situation's figures name that event.
func TestEventCasualties(t *testing.T) {
	out := link(readResults(t, filepath.Join("testdata", "situations.results.jsonl")))
	found := false
	for _, s := range out.Situations {
		events := map[string]bool{}
		for _, e := range s.Events {
			events[e.ID] = true
			for _, r := range e.Casualties {
				if r.Low > r.High || r.Conflict != (r.Low != r.High) || len(r.Figures) == 0 {
					t.Errorf("event %s: range %+v", e.ID, r)
				}
				arts := map[string]bool{}
				for _, f := range r.Figures {
					if arts[f.Article] {
						t.Errorf("event %s: two %s figures of %s", e.ID, r.Kind, f.Article)
					}
					arts[f.Article] = true
				}
				if r.Kind == "killed" && r.Low == 3 && r.High == 5 && r.Conflict {
					found = true
				}
			}
		}
		for _, r := range s.Casualties {
			for _, f := range r.Figures {
				if f.Event != "" && !events[f.Event] {
					t.Errorf("situation %s: figure %q names event %s, not one of its own", s.ID, f.Text, f.Event)
				}
			}
		}
	}
	if !found {
		t.Error("no event with the conflicting killed figures 3 and 5")
	}
}

// TestMaxHeld: with situations that never go quiet by their dates, the
// bound on articles held settles the ones that went longest without a
// new article; every article still ends in exactly one situation.
func TestMaxHeld(t *testing.T) {
	results := chronicle(60)
	cfg := StreamConfig()
	cfg.SettleAfter, cfg.SettleDays, cfg.SettleEvery, cfg.MaxHeld = 3, 1000, 3, 20
	c := New(cfg)
	seen := map[string]int{}
	count := func(out *sitrep.Situations) {
		for _, s := range out.Situations {
			for _, a := range s.Articles {
				seen[a]++
			}
		}
	}
	for _, r := range results {
		c.Add(r)
		count(c.TakeSettled())
		if n := c.live(); n > cfg.MaxHeld+cfg.SettleEvery {
			t.Fatalf("%d articles held, bound %d", n, cfg.MaxHeld)
		}
	}
	count(c.Snapshot())
	for _, r := range results {
		if seen[r.Article.ID] != 1 {
			t.Errorf("article %s in %d situations", r.Article.ID, seen[r.Article.ID])
		}
	}
	if c.MaxHeld() > cfg.MaxHeld+cfg.SettleEvery {
		t.Errorf("MaxHeld %d", c.MaxHeld())
	}
}

// BenchmarkAddStream links a stream in bounded memory, settling as it
// goes: the cost per article with settling, against BenchmarkAdd.
func BenchmarkAddStream(b *testing.B) {
	results := chronicle(1000)
	cfg := StreamConfig()
	cfg.SettleAfter, cfg.SettleDays, cfg.MaxHeld = 300, 7, 600
	for b.Loop() {
		c := New(cfg)
		for _, r := range results {
			c.Add(r)
			c.TakeSettled()
		}
		c.Snapshot()
	}
}
