package storetest

import (
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// topics are words each article's text carries one of, for the full-text
// filter; they have no other inflected forms in the fixture.
var topics = []string{"ceasefire", "earthquake", "election", "pipeline", "drought"}

var actors = []string{"USA", "USAGOV", "USAMIL", "IRQ", "IRQMIL", "IRN", "AFG", "PAK", "PAKGOV", "GBR", "---"}

var codes = []struct {
	cameo, root, plover string
	quad                int
	goldstein           float64
}{
	{"010", "01", "", 1, 0},
	{"036", "03", "AGREE", 1, 4},
	{"042", "04", "CONSULT", 1, 1.9},
	{"057", "05", "COOPERATE", 2, 8},
	{"112", "11", "ACCUSE", 3, -2},
	{"130", "13", "THREATEN", 3, -4.4},
	{"141", "14", "PROTEST", 3, -6.5},
	{"145", "14", "PROTEST", 3, -7.5},
	{"190", "19", "ASSAULT", 4, -10},
	{"1831", "18", "ASSAULT", 4, -10},
}

var places = []sitrep.Location{
	{Name: "Kabul", Country: "AF", Lat: 34.52813, Lon: 69.17233, Reason: "clause"},
	{Name: "Baghdad", Country: "IQ", Lat: 33.34058, Lon: 44.40088, Reason: "sentence"},
	{Name: "Tehran", Country: "IR", Lat: 35.69439, Lon: 51.42151, Reason: "dateline"},
	{Name: "Washington", Country: "US", Lat: 38.89511, Lon: -77.03637, Reason: "focus"},
	{Name: "Suva", Country: "FJ", Lat: -18.14161, Lon: 178.44149, Reason: "clause"},
	{Name: "Apia", Country: "WS", Lat: -13.83333, Lon: -171.76666, Reason: "clause"},
}

// confidences repeat so that several events share one and the day and
// id break the tie; 1/3 has no short decimal form, so a cursor that loses
// digits shows.
var confidences = []float64{0, 0.05, 1.0 / 3, 0.5, 0.5, 0.72, 0.9, 1}

var modalities = []string{sitrep.Asserted, sitrep.Asserted, sitrep.Negated, sitrep.Hypothetical, sitrep.Failed}

// dates cover every precision the event stage writes, and repeat so that
// several events share a day and the id breaks the tie.
var dates = []struct {
	date string
	prec sitrep.Precision
}{
	{"2020-01-03", sitrep.Day}, {"2020-01-03", sitrep.Day}, {"2020-01-06", sitrep.Day},
	{"2019-12-31", sitrep.Day}, {"2020-01", sitrep.Month}, {"2020-W02", sitrep.Week},
	{"2020-02-29", sitrep.Day}, {"2020", sitrep.Year}, {"2020-03-15", sitrep.Day},
	{"", ""},
}

// Results returns n realistic extraction results with every kind of
// annotation; the i-th article has i%6 events. Article ids are not in
// insertion order so that the id tie-break is exercised.
func Results(n int) []*sitrep.Result {
	out := make([]*sitrep.Result, n)
	k := 0 // event counter across articles, so attributes vary
	for i := range n {
		out[i] = result(i, &k, "")
	}
	return out
}

func result(i int, k *int, variant string) *sitrep.Result {
	id := fmt.Sprintf("art-%02d%s", (i*7)%100, string(rune('a'+i%3)))
	topic := topics[i%len(topics)]
	var b strings.Builder
	fmt.Fprintf(&b, "KABUL — Officials in Zürich discussed the %s on Tuesday, witnesses said.%s\n\n", topic, variant)
	sentences := []sitrep.Span{{Start: 0, End: b.Len() - 2}}
	fmt.Fprintf(&b, "“We will not accept this,” the minister said of article %d.", i)
	sentences = append(sentences, sitrep.Span{Start: sentences[0].End + 2, End: b.Len()})
	b.WriteString("\n\nProtesters gather in Kabul. AP Photo/Rahmat Gul")
	text := b.String()
	art := &sitrep.Article{
		ID: id, Published: "2020-01-07", Title: fmt.Sprintf("Report %d on the %s", i, topic),
		URL: fmt.Sprintf("https://example.org/%s", id), Source: "Example Wire",
		Origin: fmt.Sprintf("fixture.jsonl:%d", i+1), Text: text,
	}
	s0 := sentences[0]
	res := &sitrep.Result{
		Article: art,
		Entities: []sitrep.Entity{
			{Span: sitrep.Span{Start: 0, End: 5}, Text: "KABUL", Type: sitrep.GPE, Name: "Kabul", Ref: 1, Confidence: 0.97},
			{Span: sitrep.Span{Start: 16, End: 23}, Text: "Zürich", Type: sitrep.GPE, Name: "Zürich", Ref: 2, Confidence: confidences[i%len(confidences)]},
		},
		Timexes: []sitrep.Timex{{Span: sitrep.Span{Start: s0.End - 29, End: s0.End - 22}, Text: "Tuesday", Type: "DATE", Value: "2020-01-07", Precision: sitrep.Day, Anchored: true}},
		Captions: []sitrep.Caption{{Span: sitrep.Span{Start: len(text) - 48, End: len(text)}, Agency: "AP", Photographer: "Rahmat Gul",
			Credit: sitrep.Span{Start: len(text) - 19, End: len(text)}, Text: "Protesters gather in Kabul.", Place: "Kabul"}},
		Quotes: []sitrep.Quote{{Span: sentences[1], Speaker: "the minister", Text: "We will not accept this,", Verb: "said",
			VerbSpan: &sitrep.Span{Start: sentences[1].Start + 46, End: sentences[1].Start + 50}, Kind: "direct"}},
		Casualties: []sitrep.Casualty{{Span: s0, Kind: "killed", Count: 3, Exact: false, Who: "witnesses", Text: "several"}},
		Sizes:      []sitrep.Size{{Span: s0, Count: 12, Exact: false, Who: "officials", Text: "dozens"}},
		Places: []sitrep.Place{{Span: sitrep.Span{Start: 0, End: 5}, Text: "KABUL", Name: "Kabul", GeonameID: 1138958,
			Lat: 34.52813, Lon: 69.17233, Country: "AF", Admin1: "13", Feature: "P.PPLC", Resolution: "city", Confidence: 0.64}},
		Stats:    sitrep.Stats{Paragraphs: 3, Sentences: 3, Tokens: 40 + i},
		Warnings: []string{fmt.Sprintf("fixture warning %d", i)},
	}
	for range i % 6 {
		j := *k
		*k++
		c := codes[j%len(codes)]
		d := dates[(j*3)%len(dates)]
		ev := sitrep.Event{
			CAMEO: c.cameo, Root: c.root, QuadClass: c.quad, Goldstein: c.goldstein, PLOVER: c.plover,
			Date: d.date, DatePrecision: d.prec, DateReason: "clause",
			Source:     sitrep.EventActor{Span: sitrep.Span{Start: 16, End: 23}, Text: "Zürich officials", Actor: actors[j%len(actors)], Name: "Zürich"},
			Modality:   modalities[j%len(modalities)],
			Evidence:   sitrep.Evidence{Sentence: text[s0.Start:s0.End], Start: s0.Start, End: s0.End, Trigger: sitrep.Span{Start: 24, End: 33}},
			Pattern:    fmt.Sprintf("pattern-%d", j%4),
			Confidence: confidences[(j*5+3)%len(confidences)],
			Background: j%9 == 2,
		}
		if j%4 != 3 {
			ev.Target = &sitrep.EventActor{Span: sitrep.Span{Start: 0, End: 5}, Text: "Kabul", Actor: actors[(j*7+3)%len(actors)]}
		}
		if j%5 != 4 {
			l := places[j%len(places)]
			l.Place = -1
			ev.Location = &l
		}
		res.Events = append(res.Events, ev)
	}
	return res
}
