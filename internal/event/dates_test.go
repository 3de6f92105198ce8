package event_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/quote"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestCodeContext: cancellation stops the coder between sentences;
// uncancelled, it gives what Code gives.
func TestCodeContext(t *testing.T) {
	s := load(t)
	art := &sitrep.Article{ID: "t", Published: "2022-03-09", Text: strings.Repeat("Kenyan police arrested ten Somali traders on Monday. Officials said so.\n\n", 10)}
	doc := s.an.Analyze(art, nil)
	ents := s.ents.Recognize(doc)
	in := &event.Input{Doc: doc, Entities: ents, Timexes: s.tx.Extract(doc), Places: s.geo.Parse(doc, ents), Quotes: quote.Extract(doc, ents)}
	want, _ := s.coder.Code(in)
	if len(want) == 0 {
		t.Fatal("no events coded")
	}
	got, _, err := s.coder.CodeContext(context.Background(), in)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("uncancelled: %v, %d events, want %d", err, len(got), len(want))
	}
	for _, n := range []int{0, 1, len(doc.Sentences) - 1} {
		ctx := &sitreptest.Countdown{Context: context.Background(), N: n}
		if evs, _, err := s.coder.CodeContext(ctx, in); !errors.Is(err, context.Canceled) || evs != nil {
			t.Errorf("done after %d checks of %d sentences: %d events, err %v; want none and context.Canceled", n, len(doc.Sentences), len(evs), err)
		}
	}
}

// TestTrustedDates checks the dates given to events against the
// publication date: times of things do not date events, events told as
// to come are not asserted, past events dated ahead fall back, statements
// of intent take the date they were made, and history is background.
func TestTrustedDates(t *testing.T) {
	const published = "2022-03-09" // a Wednesday
	for _, tt := range []struct {
		name, text string
		// trigger picks the event by the text of its trigger.
		trigger                string
		date, reason, modality string
		background             bool
		code                   string // CAMEO code prefix, "" for any
	}{
		{name: "dated in its clause", text: "Kenyan police arrested ten Somali traders on Monday.",
			trigger: "arrested", date: "2022-03-07", reason: "clause", modality: sitrep.Asserted},
		{name: "a time in a relative clause before the verb", text: "Somali militants, who had attacked the base last week, kidnapped two Kenyan soldiers.",
			trigger: "kidnapped", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "a relative clause in the past perfect is not dated by its sentence", text: "Kenyan troops entered the town on Monday, angry about raids that had killed ten Kenyan soldiers.",
			trigger: "killed", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "a day after", text: "Kenyan troops deployed on Wednesday, a day after Somali protesters stormed the Kenyan embassy.",
			trigger: "stormed", date: "2022-03-08", reason: "sentence", modality: sitrep.Asserted},
		{name: "hours after", text: "Kenyan troops deployed on Wednesday, hours after Somali protesters stormed the Kenyan embassy.",
			trigger: "stormed", date: "2022-03-09", reason: "sentence", modality: sitrep.Asserted},
		{name: "the day a sentence opens with by", text: "By Tuesday, Kenyan police had detained ten Somali traders.",
			trigger: "detained", date: "2022-03-08", reason: "clause", modality: sitrep.Asserted},
		{name: "a day and a when-clause", text: "Tension had grown since Monday, when Kenyan police detained ten Somali traders.",
			trigger: "detained", date: "2022-03-07", reason: "sentence", modality: sitrep.Asserted},
		{name: "part of a time", text: "Kenyan police arrested ten Somali traders on the night of March 3.",
			trigger: "arrested", date: "2022-03-03", reason: "clause", modality: sitrep.Asserted},
		{name: "past dated ahead falls back", text: "Kenyan police arrested ten Somali traders on March 20.",
			trigger: "arrested", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "present dated ahead is not asserted", text: "The Kenyan foreign minister is visiting Somalia on March 20.",
			trigger: "visiting", date: "2022-03-20", reason: "clause", modality: sitrep.Hypothetical},
		{name: "intent is dated when stated", text: "Kenya will give Somalia a grant in 2030.",
			trigger: "give", date: published, reason: "published", modality: sitrep.Asserted, code: "03"},
		{name: "intent takes the date of the statement", text: "The Kenyan government said on Monday that police would arrest Somali traders next month.",
			trigger: "arrest", date: "2022-03-07", reason: "sentence", modality: sitrep.Asserted, code: "13"},
		{name: "of a thing", text: "Kenyan police arrested Somali traders who had protested against the elections of 2024.",
			trigger: "arrested", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "a relative clause's time is its own", text: "Kenyan protesters demanded that the government reverse a fuel tax that took effect on March 1.",
			trigger: "demanded", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "bound of a thing", text: "Kenyan troops attacked Somali rebels despite a ceasefire until April.",
			trigger: "attacked", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "noun modifier", text: "Kenyan troops attacked Somali rebels ahead of the 2024 elections.",
			trigger: "attacked", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "possessive object", text: "Kenyan police detained Somali traders over Tuesday's riot.",
			trigger: "detained", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "possessive subject dates its act", text: "Monday's clash between Kenyan police and Somali traders injured ten people.",
			trigger: "injured", date: "2022-03-07", modality: sitrep.Asserted},
		{name: "history", text: "Kenyan troops attacked Somali rebels in 1963.",
			trigger: "attacked", date: "1963", reason: "clause", modality: sitrep.Asserted, background: true},
		{name: "history from", text: "Kenyan troops fought Somali rebels from 1961 to 1965.",
			trigger: "fought", date: "1961", reason: "clause", modality: sitrep.Asserted, background: true},
		{name: "history bounded", text: "Kenyan police blockaded Somali villages until 1965.",
			trigger: "blockaded", date: published, reason: "published", modality: sitrep.Asserted, background: true},
		{name: "bounded ahead", text: "Kenyan police blockaded Somali villages until next year.",
			trigger: "blockaded", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "perfect is not history", text: "Kenya has expelled Somali diplomats, citing a border dispute in 1963.",
			trigger: "expelled", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "perfect dated ahead falls back", text: "Kenyan police have arrested ten Somali traders on March 20.",
			trigger: "arrested", date: published, reason: "published", modality: sitrep.Asserted},
		{name: "last year is news", text: "Kenyan troops attacked Somali rebels in April last year.",
			trigger: "attacked", date: "2021-04", reason: "clause", modality: sitrep.Asserted},
	} {
		t.Run(tt.name, func(t *testing.T) {
			evs := code(t, published, tt.text)
			found := false
			for _, e := range evs {
				if tt.text[e.Evidence.Trigger.Start:e.Evidence.Trigger.End] != tt.trigger || !strings.HasPrefix(e.CAMEO, tt.code) {
					continue
				}
				found = true
				if tt.date != "" && e.Date != tt.date || tt.reason != "" && e.DateReason != tt.reason || e.Modality != tt.modality || e.Background != tt.background {
					t.Errorf("%s: dated %s (%s), %s, background %v; want %s (%s), %s, background %v",
						e.CAMEO, e.Date, e.DateReason, e.Modality, e.Background, tt.date, tt.reason, tt.modality, tt.background)
				}
			}
			if !found {
				t.Errorf("no event with trigger %q (code %s...):%s", tt.trigger, tt.code, describe(evs))
			}
		})
	}
}
