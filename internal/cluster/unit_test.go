package cluster

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

func TestActorCompat(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"IRQMIL", "IRQMIL", 1},
		{"IRQ", "IRQMIL", 0.8},
		{"IRQMIL", "IRQ", 0.8},
		{"---MIL", "IRQMIL", 0.6},
		{"UKR", "---CVL", 0.6},
		{"", "USA", 0.5},
		{"---", "USA", 0.5},
		{"IRQMIL", "IRQGOV", 0.3},
		{"---MIL", "IRQGOV", 0.3},
		{"IRQCOP", "IRQMIL", 0.5}, // one family: security forces
		{"---CVL", "---OPP", 0.5}, // one family: the crowd
		{"---MIL", "NGAREB", 0.1}, // two sides
		{"KENCOP", "KENOPP", 0.1}, // two sides
		{"---BUS", "---CVL", 0.3}, // no family for business
		{"IRQMIL", "USAMIL", -1},
		{"RUS", "UKR", -1},
	}
	for _, tt := range tests {
		if got := actorCompat(tt.a, tt.b); got != tt.want {
			t.Errorf("actorCompat(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDayRange(t *testing.T) {
	tests := []struct {
		in     string
		lo, hi string
		ok     bool
	}{
		{"2020-01-03", "2020-01-03", "2020-01-03", true},
		{"2019-12", "2019-12-01", "2019-12-31", true},
		{"2020-02", "2020-02-01", "2020-02-29", true},
		{"2020-W01", "2019-12-30", "2020-01-05", true},
		{"2024-W12", "2024-03-18", "2024-03-24", true},
		{"2019-Q4", "2019-10-01", "2019-12-31", true},
		{"2019", "2019-01-01", "2019-12-31", true},
		{"201", "2010-01-01", "2019-12-31", true},
		{"", "", "", false},
		{"2019-13-01", "", "", false},
		{"PRESENT_REF", "", "", false},
		{"2019-W60", "", "", false},
	}
	for _, tt := range tests {
		lo, hi, ok := dayRange(tt.in)
		if ok != tt.ok || (ok && (dayString(lo) != tt.lo || dayString(hi) != tt.hi)) {
			t.Errorf("dayRange(%q) = %s, %s, %v; want %s, %s, %v", tt.in, dayString(lo), dayString(hi), ok, tt.lo, tt.hi, tt.ok)
		}
	}
}

func TestDateCompat(t *testing.T) {
	m := func(date, reason string) *mention {
		x := &mention{dateTol: dateTolerance(reason)}
		x.lo, x.hi, x.dated = dayRange(date)
		return x
	}
	tests := []struct {
		name   string
		a, b   *mention
		want   float64
		wantOK bool
	}{
		{"same day", m("2020-01-01", "clause"), m("2020-01-01", "caption"), 1, true},
		{"a day apart", m("2020-01-01", "clause"), m("2020-01-02", "clause"), 0.6, true},
		{"two days apart", m("2020-01-01", "clause"), m("2020-01-03", "clause"), 0, false},
		{"two days, one from the sentence", m("2020-01-01", "clause"), m("2020-01-03", "sentence"), 0.4, true},
		{"publication date a week later", m("2020-01-01", "clause"), m("2020-01-08", "published"), 0.4, true},
		{"publication date too late", m("2020-01-01", "clause"), m("2020-01-09", "published"), 0, false},
		{"dateline date a week later", m("2020-01-01", "clause"), m("2020-01-08", "dateline"), 0.4, true},
		{"dateline date too late", m("2020-01-01", "clause"), m("2020-01-09", "dateline"), 0, false},
		{"month holding the day", m("2019-12", "clause"), m("2019-12-31", "clause"), 0.5, true},
		{"month and another month", m("2019-11", "clause"), m("2019-12-31", "clause"), 0, false},
		{"undated", m("", "clause"), m("2019-12-31", "clause"), 0.3, true},
	}
	for _, tt := range tests {
		got, ok := dateCompat(tt.a, tt.b)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s: dateCompat = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestPlaceCompat(t *testing.T) {
	loc := func(country string, lat, lon float64, reason string) *mention {
		return &mention{loc: &sitrep.Location{Country: country, Lat: lat, Lon: lon, Reason: reason}, weakLoc: reason == "focus"}
	}
	baghdad := loc("IQ", 33.34, 44.40, "clause")
	tests := []struct {
		name   string
		b      *mention
		want   float64
		wantOK bool
	}{
		{"same city", loc("IQ", 33.30, 44.35, "sentence"), 1, true},
		{"suburb", loc("IQ", 33.60, 44.40, "clause"), 0.6, true},
		{"Basra", loc("IQ", 30.51, 47.78, "clause"), 0, false},
		{"Basra as the focus", loc("IQ", 30.51, 47.78, "focus"), 0, true},
		{"another country", loc("IR", 33.34, 44.40, "clause"), 0, false},
		{"the country", &mention{loc: &sitrep.Location{Country: "IQ"}, coarseLoc: true}, 0.5, true},
		{"no place", &mention{}, 0.3, true},
	}
	for _, tt := range tests {
		got, ok := placeCompat(baghdad, tt.b)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s: placeCompat = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestMinhash(t *testing.T) {
	base := "Kenyan police fired tear gas at thousands of protesters in central Nairobi on Monday as anger over fuel prices boiled over. " +
		"Three people were killed in the clashes, police said. Demonstrators blocked roads and burned tyres near the parliament building. " +
		"The protesters demanded that the government reverse a fuel tax increase that took effect this month."
	edited := strings.NewReplacer("Kenyan police", "Police", "central Nairobi", "the capital", "Three people", "Three protesters",
		"blocked roads", "blocked streets").Replace(base)
	other := "Tanzanian President Samia Suluhu Hassan and her Kenyan counterpart William Ruto signed a trade agreement in Nairobi on Tuesday. " +
		"The deal removes duties on maize, rice and vegetables traded across the border and sets up a joint customs office at Namanga."
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"identical", base, base, 1, 1},
		{"light edit", base, edited, 0.4, 0.85},
		{"first half", base, base[:len(base)/2], 0.3, 0.7},
		{"unrelated", base, other, 0, 0.1},
	}
	for _, tt := range tests {
		sa, _ := minhash(tt.a)
		sb, _ := minhash(tt.b)
		if got := sa.similarity(&sb); got < tt.min || got > tt.max {
			t.Errorf("%s: similarity %.3f, want %.2f..%.2f", tt.name, got, tt.min, tt.max)
		}
	}
}

// synthetic builds n articles in groups of three telling one event each:
// enough shape to exercise linking without the pipeline.
func synthetic(n int) []*sitrep.Result {
	actors := []string{"IRQMIL", "USAGOV", "IRN", "KENCOP", "---OPP", "RUSMIL", "UKR"}
	var out []*sitrep.Result
	for i := range n {
		g := i / 3
		// Three outlets tell each event in their own words.
		sent := fmt.Sprintf([]string{
			"Group %d of soldiers moved near town %d on day %d after talks number %d.",
			"Soldiers of unit %d deployed to the edge of town %d on day %d, ending round %d of talks.",
			"Troops (brigade %d) arrived around town %d on day %d when negotiation %d collapsed.",
		}[i%3], g, g%97, g%28, g)
		text := sent + "\n\n" + fmt.Sprintf([]string{
			"Officials in district %d said the situation was calm, report %d.",
			"Residents of area %d described a tense night in dispatch %d.",
			"Observers counted vehicles in sector %d, according to bulletin %d.",
		}[i%3], g%13, i)
		day := fmt.Sprintf("2020-%02d-%02d", 1+g%12, 1+g%28)
		ev := sitrep.Event{CAMEO: "154", Root: "15", QuadClass: 4, PLOVER: "MOBILIZE", Date: day, DatePrecision: sitrep.Day, DateReason: "clause",
			Source:   sitrep.EventActor{Actor: actors[g%len(actors)]},
			Location: &sitrep.Location{Name: "Town", Country: "IQ", Lat: 30 + float64(g%50)/10, Lon: 40 + float64(g%37)/10, Reason: "clause", Place: -1},
			Modality: sitrep.Asserted,
			Evidence: sitrep.Evidence{Sentence: sent, Start: 0, End: len(sent), Trigger: sitrep.Span{Start: 24, End: 29}}}
		art := &sitrep.Article{ID: fmt.Sprintf("a%05d", i), Published: day, Source: fmt.Sprintf("outlet %d", i%5), Text: text}
		out = append(out, &sitrep.Result{Article: art, Events: []sitrep.Event{ev}})
	}
	return out
}

func TestSyntheticGroups(t *testing.T) {
	out := link(synthetic(30))
	events := 0
	for _, s := range out.Situations {
		for _, e := range s.Events {
			events++
			if e.NumMentions != 3 || e.NumSources != 3 || e.NumArticles != 3 {
				t.Errorf("event %s: %d mentions, %d sources, %d articles; want 3 each", e.ID, e.NumMentions, e.NumSources, e.NumArticles)
			}
			if want := 1 - math.Pow(0.5, 3); e.Corroboration != want {
				t.Errorf("event %s: confidence %v, want %v", e.ID, e.Corroboration, want)
			}
		}
	}
	if events != 10 {
		t.Errorf("%d events, want 10", events)
	}
}

func BenchmarkAdd(b *testing.B) {
	results := synthetic(3000)
	for b.Loop() {
		c := New(DefaultConfig())
		for _, r := range results {
			c.Add(r)
		}
		c.Snapshot()
	}
}

func BenchmarkCorpus(b *testing.B) {
	results := readResults(b, "testdata/situations.results.jsonl")
	for b.Loop() {
		link(results)
	}
}

func TestCodeCompat(t *testing.T) {
	m := func(cameo, plover string, quad int) *mention {
		x := &mention{cameo: cameo, root: cameo[:2], plover: plover, quad: quad}
		x.block = plover + "/" + fmt.Sprint(quad)
		x.kind = plover
		return x
	}
	tests := []struct {
		name    string
		a, b    *mention
		sameAct bool
		want    float64
		wantOK  bool
	}{
		{"same code", m("190", "ASSAULT", 4), m("190", "ASSAULT", 4), false, 1, true},
		{"same root", m("190", "ASSAULT", 4), m("193", "ASSAULT", 4), false, 0.7, true},
		{"same type", m("175", "ASSAULT", 4), m("190", "ASSAULT", 4), false, 0.5, true},
		{"neighbours, one root", m("173", "COERCE", 4), m("175", "ASSAULT", 4), false, 0.6, true},
		{"neighbours", m("057", "SUPPORT", 1), m("061", "COOPERATE", 2), false, 0.3, true},
		{"neighbours of two directions", m("057", "SUPPORT", 1), m("120", "REJECT", 3), false, 0, false},
		{"far types", m("040", "CONSULT", 1), m("030", "AGREE", 1), false, 0, false},
		{"far types, one verb", m("040", "CONSULT", 1), m("030", "AGREE", 1), true, 0.7, true},
		{"one verb, two directions", m("040", "CONSULT", 1), m("111", "ACCUSE", 3), true, 0, false},
	}
	for _, tt := range tests {
		got, ok := codeCompat(tt.a, tt.b, tt.sameAct)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s: codeCompat = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.wantOK)
		}
		if g2, ok2 := codeCompat(tt.b, tt.a, tt.sameAct); g2 != got || ok2 != ok {
			t.Errorf("%s: codeCompat is not symmetric: %v, %v", tt.name, g2, ok2)
		}
	}
}

func TestReadings(t *testing.T) {
	ev := func(sent, trigger int) sitrep.Event {
		return sitrep.Event{Evidence: sitrep.Evidence{Start: sent, Trigger: sitrep.Span{Start: trigger, End: trigger + 5}}}
	}
	evs := []sitrep.Event{ev(0, 10), ev(0, 20), ev(0, 10), ev(50, 60), ev(0, 20), ev(50, 70)}
	got := fmt.Sprint(readings(evs))
	if want := "[[0 2] [1 4] [3] [5]]"; got != want {
		t.Errorf("readings = %s, want %s", got, want)
	}
}

// TestLinkScoreRules: the rules of linkScore beyond its parts' own
// tests: neighbouring types need the words to agree, one verb's readings
// link across types, and the story of an article counts as words for
// acts of one root whose actors are not two sides.
func TestLinkScoreRules(t *testing.T) {
	base := func(art, sent int, cameo, plover string, quad int, src, tgt, sentence string) *mention {
		m := &mention{art: art, sent: sent, trigger: sitrep.Span{Start: sent + 10, End: sent + 15},
			cameo: cameo, root: cameo[:2], plover: plover, quad: quad, kind: plover, block: plover + "/" + fmt.Sprint(quad),
			src: src, tgt: tgt, hasTgt: tgt != "", modality: sitrep.Asserted, dateTol: 1,
			text: contentSet(sentence)}
		m.lo, m.hi, m.dated = dayRange("2024-03-12")
		return m
	}
	const deal = "Kenya and Tanzania signed a trade agreement in Nairobi on Tuesday."
	tests := []struct {
		name   string
		a, b   *mention
		story  bool
		wantOK bool
		min    float64 // the score at least, when ok
	}{
		{"neighbours, same words", base(0, 0, "057", "SUPPORT", 1, "KEN", "TZA", deal),
			base(1, 0, "061", "COOPERATE", 2, "KEN", "TZAGOV", deal), false, true, 0.6},
		{"neighbours, other words", base(0, 0, "057", "SUPPORT", 1, "KEN", "TZA", deal),
			base(1, 0, "061", "COOPERATE", 2, "KEN", "TZAGOV", "Farmers welcomed lower duties on maize."), false, false, 0},
		{"one verb read twice", base(0, 0, "061", "COOPERATE", 2, "KEN", "TZAGOV", deal),
			base(0, 0, "05", "SUPPORT", 1, "KEN", "TZAGOV", deal), false, true, 0.6},
		{"one story, one root", base(0, 0, "1443", "PROTEST", 4, "---OPP", "", "Demonstrators blocked roads near parliament."),
			base(1, 0, "141", "PROTEST", 4, "---CVL", "", "Crowds marched on the assembly to protest against the tax."), true, true, 0.6},
		{"no story, one root", base(0, 0, "1443", "PROTEST", 4, "---OPP", "", "Demonstrators blocked roads near parliament."),
			base(1, 0, "141", "PROTEST", 4, "---CVL", "", "Crowds marched on the assembly to protest against the tax."), false, true, 0},
	}
	for _, tt := range tests {
		s, parts, ok := linkScore(tt.a, tt.b, tt.story)
		if ok != tt.wantOK || (ok && s < tt.min) {
			t.Errorf("%s: linkScore = %.3f (%s), %v; want ok %v, at least %.2f", tt.name, s, parts, ok, tt.wantOK, tt.min)
		}
	}
	// Without the story the two protests fall under the threshold.
	a := base(0, 0, "1443", "PROTEST", 4, "---OPP", "", "Demonstrators blocked roads near parliament.")
	b := base(1, 0, "141", "PROTEST", 4, "---CVL", "", "Crowds marched on the assembly to protest against the tax.")
	if s, _, _ := linkScore(a, b, false); s >= DefaultConfig().LinkThreshold {
		t.Errorf("protests without a story: score %.3f reaches the threshold", s)
	}
	// Two sides (police and protesters as sources) get no story.
	c := base(1, 0, "145", "PROTEST", 4, "---COP", "", "Police broke up the crowd.")
	sNo, _, _ := linkScore(a, c, false)
	sStory, _, _ := linkScore(a, c, true)
	if sStory != sNo {
		t.Errorf("two sides: the story changed the score from %.3f to %.3f", sNo, sStory)
	}
}

// TestActsGroupTriggers checks that the types an article gives one
// trigger (a dictionary code and the typer's other reading) make one act
// for the situation score, and that equal acts count once.
func TestActsGroupTriggers(t *testing.T) {
	ev := func(plover string, trigger int) sitrep.Event {
		return sitrep.Event{PLOVER: plover, Evidence: sitrep.Evidence{Trigger: sitrep.Span{Start: trigger, End: trigger + 5}}}
	}
	res := &sitrep.Result{Article: &sitrep.Article{}, Events: []sitrep.Event{
		ev("REQUEST", 10), ev("THREATEN", 40), ev("ACCUSE", 70), ev("REQUEST", 70), ev("THREATEN", 90),
	}}
	f := newArticleFeatures(res)
	got := fmt.Sprint(f.acts)
	if want := "[[REQUEST] [THREATEN] [ACCUSE REQUEST]]"; got != want {
		t.Errorf("acts %s, want %s", got, want)
	}
	if len(f.blocks) != 3 {
		t.Errorf("blocks %v, want the three types", f.blocks)
	}
}
