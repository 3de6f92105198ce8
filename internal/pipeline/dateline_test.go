package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestDatelines: a dateline is kept in Result.Datelines, its place is a
// resolved place, no event takes it as an actor, the actors of the
// sentence after it are kept, and an event with no place of its own is
// placed at it when the focus holds it.
func TestDatelines(t *testing.T) {
	tests := []struct {
		name, text string
		dateline   string // the dateline's place
		country    string // its resolved country
		want       wantEvent
		reason     string // the location reason of the wanted event, "" any
	}{
		{"actor after the dateline",
			"NAIROBI, Kenya — President William Ruto appealed for calm on Wednesday after two days of unrest.",
			"NAIROBI", "KE", wantEvent{what: "Ruto appeals", roots: []string{"02"}, src: "KEN"}, ""},
		{"source after an agency",
			"BAGHDAD (Reuters) - Iraqi militia supporters attacked the U.S. Embassy on Tuesday.",
			"BAGHDAD", "IQ", wantEvent{what: "embassy attacked", roots: []string{"14", "17", "18", "19"}, src: "IRQ", tgt: "USA"}, ""},
		{"dateline with a date",
			"KHARKIV, May 20 - Russian forces shelled residential districts on Monday, killing two civilians.",
			"KHARKIV", "UA", wantEvent{what: "shelling", roots: []string{"19", "20"}, src: "RUS"}, "dateline"},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art := &sitrep.Article{ID: "d1", Published: "2024-05-22", Text: tt.text}
			res, err := p.Process(context.Background(), art)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Datelines) != 1 || res.Datelines[0].Place != tt.dateline || res.Datelines[0].Article != "d1" {
				t.Fatalf("datelines %+v", res.Datelines)
			}
			dl := res.Datelines[0]
			placed := false
			for _, pl := range res.Places {
				if pl.Span == dl.PlaceSpan && pl.Country == tt.country {
					placed = true
				}
			}
			if !placed {
				t.Errorf("dateline place not resolved to %s: %+v", tt.country, res.Places)
			}
			for _, e := range res.Events {
				if e.Source.Overlaps(dl.Span) || e.Target != nil && e.Target.Overlaps(dl.Span) || e.Evidence.Start < dl.End && dl.Start < e.Evidence.End {
					t.Errorf("event %s %s reads the dateline: %q", e.CAMEO, e.Source.Actor, e.Evidence.Sentence)
				}
			}
			if !findEvent(res.Events, tt.want) {
				var got []string
				for _, e := range res.Events {
					tgt := ""
					if e.Target != nil {
						tgt = e.Target.Actor
					}
					got = append(got, e.CAMEO+" "+e.Source.Actor+">"+tgt)
				}
				t.Fatalf("no %s event (%s): %s", tt.want.what, tt.want.src, strings.Join(got, ", "))
			}
			if tt.reason != "" {
				for _, e := range res.Events {
					if strings.HasPrefix(e.Source.Actor, tt.want.src) && (e.Location == nil || e.Location.Reason != tt.reason) {
						t.Errorf("event %s located %+v, want reason %s", e.CAMEO, e.Location, tt.reason)
					}
				}
			}
		})
	}
}

// TestDatelineDate: an undated article whose dateline names a day of a
// year is read as filed that day (relative dates resolve against it,
// events with no date take it with reason "dateline"); a publication
// date wins over it, and a dateline date without a year dates nothing.
// The article's own publication date is left as it was.
func TestDatelineDate(t *testing.T) {
	const body = " Police arrested two protesters outside parliament on Monday, officials said.\n\nThe opposition condemned the arrests."
	tests := []struct {
		name, published, dateline string
		first, firstReason        string // the date and reason of the arrest
		last, lastReason          string // of the condemnation, which has no date of its own
	}{
		{"undated, full date", "", "LONDON, March 5, 2024 (Reuters) -", "2024-03-04", "clause", "2024-03-05", "dateline"},
		{"undated, day first", "", "LONDON, 5 March 2024 -", "2024-03-04", "clause", "2024-03-05", "dateline"},
		{"dated: publication wins", "2024-03-07", "LONDON, March 5, 2024 (Reuters) -", "2024-03-04", "clause", "2024-03-07", "published"},
		{"undated, no year", "", "LONDON, March 5 (Reuters) -", "", "", "", ""},
		{"undated, no date", "", "LONDON (Reuters) -", "", "", "", ""},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art := &sitrep.Article{ID: "d2", Published: tt.published, Text: tt.dateline + body}
			res, err := p.Process(context.Background(), art)
			if err != nil {
				t.Fatal(err)
			}
			if res.Article.Published != tt.published || art.Published != tt.published {
				t.Errorf("published changed to %q", res.Article.Published)
			}
			got := map[string][2]string{}
			for _, e := range res.Events {
				switch {
				case strings.Contains(e.Evidence.Sentence, "arrested") && e.Root == "17":
					got["first"] = [2]string{e.Date, e.DateReason}
				case strings.Contains(e.Evidence.Sentence, "condemned"):
					got["last"] = [2]string{e.Date, e.DateReason}
				}
			}
			if _, ok := got["first"]; !ok {
				t.Fatalf("no arrest event: %+v", res.Events)
			}
			if _, ok := got["last"]; !ok {
				t.Fatalf("no condemnation event: %+v", res.Events)
			}
			if g, w := got["first"], [2]string{tt.first, tt.firstReason}; g != w {
				t.Errorf("arrest dated %q, want %q (events %+v)", g, w, res.Events)
			}
			if g, w := got["last"], [2]string{tt.last, tt.lastReason}; g != w {
				t.Errorf("condemnation dated %q, want %q", g, w)
			}
		})
	}
}
