package event_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/quote"
)

// codeWith codes txt with the given coder over the shared earlier stages.
func codeWith(tb testing.TB, c *event.Coder, txt string) []sitrep.Event {
	tb.Helper()
	s := load(tb)
	art := &sitrep.Article{ID: "t", Published: "2020-01-03", Text: txt}
	doc := s.an.Analyze(art, nil)
	ents := s.ents.Recognize(doc)
	evs, _ := c.Code(&event.Input{Doc: doc, Entities: ents, Timexes: s.tx.Extract(doc), Places: s.geo.Parse(doc, ents), Quotes: quote.Extract(doc, ents)})
	return evs
}

// TestTyperKeepsDictionaryEvents checks the coder with the shipped typer
// against the coder without it: every dictionary event is still coded
// (unless the typer vetoes it), every event has a confidence in (0, 1],
// and the events the typer adds have a coded source and a PLOVER type.
func TestTyperKeepsDictionaryEvents(t *testing.T) {
	s := load(t)
	ty, err := event.LoadTyper()
	if err != nil {
		t.Fatal(err)
	}
	_, veto, _ := ty.Thresholds()
	typed := s.coder.WithTyper(ty)
	texts := []string{
		"Hundreds of protesters stormed the French Embassy in Niamey on Sunday.",
		"President Emmanuel Macron blamed the junta for the attack and said Niger would answer for it.",
		"Iranian Foreign Minister Mohammad Javad Zarif has condemned a U.S. Supreme Court decision on the travel ban.",
		"The American Civil Liberties Union is suing the FBI for records about a 2017 report.",
		"Russia and China vetoed a United Nations resolution on Syria on Tuesday.",
		"The rebels laid down their weapons and withdrew from the town, the army said.",
		"Japan pledged $10 million to help Ukraine rebuild its power grid.",
	}
	for _, txt := range texts {
		plain := codeWith(t, s.coder, txt)
		evs := codeWith(t, typed, txt)
		for _, e := range plain {
			if e.Confidence != 0 {
				t.Errorf("%q: coder without a typer set confidence %v", txt, e.Confidence)
			}
		}
		for _, e := range evs {
			if e.Confidence <= 0 || e.Confidence > 1 {
				t.Errorf("%q: %s event with confidence %v", txt, e.CAMEO, e.Confidence)
			}
			if e.Pattern == "typer" && (e.PLOVER == "" || e.Source.Actor == "") {
				t.Errorf("%q: typer event without type or source: %+v", txt, e)
			}
		}
		if veto > 0 {
			continue
		}
		for _, p := range plain {
			found := false
			for _, e := range evs {
				found = found || e.CAMEO == p.CAMEO && e.Source.Actor == p.Source.Actor && e.Evidence.Trigger == p.Evidence.Trigger
			}
			if !found {
				t.Errorf("%q: dictionary event %s %s lost with the typer:%s", txt, p.Source.Actor, p.CAMEO, describe(evs))
			}
		}
	}
}

func BenchmarkCodeTyper(b *testing.B) {
	s := load(b)
	ty, err := event.LoadTyper()
	if err != nil {
		b.Fatal(err)
	}
	c := s.coder.WithTyper(ty)
	txt := strings.Repeat("Hundreds of protesters stormed the French Embassy in Niamey on Sunday. President Emmanuel Macron blamed the junta for the attack and said Niger would answer for it. Nigerien soldiers were deployed around the compound.\n\n", 10)
	art := &sitrep.Article{ID: "b", Published: "2020-01-03", Text: txt}
	doc := s.an.Analyze(art, nil)
	ents := s.ents.Recognize(doc)
	in := &event.Input{Doc: doc, Entities: ents, Timexes: s.tx.Extract(doc), Places: s.geo.Parse(doc, ents)}
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	for b.Loop() {
		c.Code(in)
	}
	b.ReportMetric(float64(len(doc.Sentences))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// TestTyperVetoAndRetype runs the shipped typer with a strong veto and
// eager retyping: every event it keeps or retypes must stand on the
// actors and trigger of an event the dictionaries coded.
func TestTyperVetoAndRetype(t *testing.T) {
	s := load(t)
	read := func(name string) *learn.Model {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m, err := learn.Load(b, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m, c := read("typer.model"), read("confidence.model")
	m.Meta.Info = map[string]string{"alone": "2", "alone_hit": "2", "veto": "0.3", "retype": "0"}
	f, err := event.NewFeatures()
	if err != nil {
		t.Fatal(err)
	}
	ty, err := event.NewTyper(f, event.TyperModels{Typer: m, Conf: c})
	if err != nil {
		t.Fatal(err)
	}
	typed := s.coder.WithTyper(ty)
	for _, txt := range []string{
		"Russia and China vetoed a United Nations resolution on Syria and condemned the United States on Tuesday.",
		"Iraqi protesters stormed the US Embassy in Baghdad and attacked the guards, and police arrested them.",
		"Foreign Minister Abdullah Gul called on the EU not to judge Turkey's record by a single case.",
	} {
		plain := codeWith(t, s.coder, txt)
		for _, e := range codeWith(t, typed, txt) {
			found := false
			for _, p := range plain {
				found = found || e.Source.Actor == p.Source.Actor && e.Evidence.Trigger == p.Evidence.Trigger &&
					(e.Target == nil) == (p.Target == nil) && (e.Target == nil || e.Target.Actor == p.Target.Actor)
			}
			if !found {
				t.Errorf("%q: event %s %s on no dictionary event's actors:%s\nplain:%s", txt, e.Source.Actor, e.CAMEO, describe([]sitrep.Event{e}), describe(plain))
			}
		}
	}
}

// TestMembersShareConfidence checks that the members of one coordination,
// one trigger coded with one type on several actors, carry the first
// member's confidence: to a reader they are one event.
func TestMembersShareConfidence(t *testing.T) {
	s := load(t)
	ty, err := event.LoadTyper()
	if err != nil {
		t.Fatal(err)
	}
	evs := codeWith(t, s.coder.WithTyper(ty), "The United States criticized Russia and China on Monday.")
	if len(evs) < 2 {
		t.Fatalf("want an event per member, got%s", describe(evs))
	}
	for i := range evs {
		if m := event.Member(evs, i); m >= 0 && evs[i].Confidence != evs[m].Confidence {
			t.Errorf("member %d has confidence %v, the first %v", i, evs[i].Confidence, evs[m].Confidence)
		}
	}
	if event.Member(evs, 1) != 0 {
		t.Errorf("the second member is not found:%s", describe(evs))
	}
}

// TestNamedCandidates checks who may be the source of an event the typer
// types alone: with named actors, a person or organisation the
// dictionaries do not know, coded "---"; never a common noun; without
// named actors, only a coded actor.
func TestNamedCandidates(t *testing.T) {
	s := load(t)
	feats, err := event.NewFeatures()
	if err != nil {
		t.Fatal(err)
	}
	named := s.coder.WithNamedSources()
	for _, tc := range []struct {
		name, text   string
		named, plain string // the source "ACTOR text" of the sample's clause reading, "" for none
	}{
		{"a person", "Mwangi Kamau resigned from the board on Monday.", `--- "Mwangi Kamau"`, ""},
		{"an organisation", "The Brannock Institute rejected the offer on Monday.", `--- "The Brannock Institute"`, ""},
		{"a common noun", "The newcomers rejected the offer on Monday.", "", ""},
		{"a coded actor, no dictionary event", "Kenyan police painted the station on Monday.", `KENCOP "Kenyan police"`, `KENCOP "Kenyan police"`},
		{"the speaker of a closing reporting clause", "The strikes were a response to a rocket attack on a base, Kenyan officials said.", "", ""},
		{"a speaker before what is said", "Kenyan officials said the strikes were a response to a rocket attack.", `KENGOV "Kenyan officials"`, `KENGOV "Kenyan officials"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			art := &sitrep.Article{ID: "t", Published: "2020-01-03", Text: tc.text}
			doc := s.an.Analyze(art, nil)
			ents := s.ents.Recognize(doc)
			in := &event.Input{Doc: doc, Entities: ents, Timexes: s.tx.Extract(doc), Places: s.geo.Parse(doc, ents), Quotes: quote.Extract(doc, ents)}
			for _, x := range []struct {
				c    *event.Coder
				want string
			}{{named, tc.named}, {s.coder, tc.plain}} {
				got := ""
				for _, smp := range x.c.Samples(in, feats) {
					if smp.Alone != nil {
						got = fmt.Sprintf("%s %q", smp.Alone.Source.Actor, smp.Alone.Source.Text)
					}
				}
				if got != x.want {
					t.Errorf("source %s, want %s", got, x.want)
				}
			}
		})
	}
}
