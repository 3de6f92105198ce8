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
