package pipeline

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

var (
	pipeOnce sync.Once
	pipe     *Pipeline
	pipeErr  error
)

func testPipeline(t testing.TB) *Pipeline {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = New(Config{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// wantEvent is an event a careful reader finds, matched the way the seed
// check does: root among roots, actor code prefixes, date, place.
type wantEvent struct {
	what     string
	roots    []string
	src, tgt string
	date     string
	near     []float64
	modality string
}

func findEvent(evs []sitrep.Event, w wantEvent) bool {
	for _, e := range evs {
		ok := false
		for _, r := range w.roots {
			ok = ok || e.Root == r
		}
		if !ok || !strings.HasPrefix(e.Source.Actor, w.src) {
			continue
		}
		if w.tgt != "" && (e.Target == nil || !strings.HasPrefix(e.Target.Actor, w.tgt)) {
			continue
		}
		if w.date != "" && e.Date != w.date {
			continue
		}
		if w.modality != "" && e.Modality != w.modality {
			continue
		}
		if len(w.near) == 2 {
			if e.Location == nil {
				continue
			}
			dy := (e.Location.Lat - w.near[0]) * 111
			dx := (e.Location.Lon - w.near[1]) * 111 * math.Cos(w.near[0]*math.Pi/180)
			if math.Hypot(dx, dy) > 60 {
				continue
			}
		}
		return true
	}
	return false
}

// variant rewrites the seed article the way an independent check might:
// other countries, people, cities, agencies and publication date.
type variant struct {
	name      string
	published string
	replace   []string // old, new pairs applied in order
	events    []wantEvent
	quotes    [][2]string // speaker, fragment
	captions  [][2]string // agency, photographer
	timexes   [][2]string
}

func TestSeedVariants(t *testing.T) {
	seed, err := os.ReadFile(sitreptest.SeedPath(t))
	if err != nil {
		t.Fatal(err)
	}
	base := string(seed)
	base = base[strings.Index(base, "2020-01-03")+len("2020-01-03"):]

	variants := []variant{
		{
			name:      "original",
			published: "2020-01-03",
			events: []wantEvent{
				{what: "storming", roots: []string{"14", "17", "18", "19"}, src: "IRQ", tgt: "USA", date: "2019-12-31", near: []float64{33.34, 44.40}},
				{what: "airstrikes", roots: []string{"19", "20"}, src: "USA", tgt: "IRQ"},
				{what: "threat", roots: []string{"13"}, src: "USA", tgt: "IRN", date: "2019-12-31"},
				{what: "blame", roots: []string{"11"}, src: "USA", tgt: "IRN"},
				{what: "marines", roots: []string{"15"}, src: "USA"},
				{what: "soldiers", roots: []string{"15"}, src: "IRQ", date: "2020-01-01"},
				{what: "warning", roots: []string{"13"}, src: "USA", date: "2020-01-02"},
				{what: "failed breach", roots: []string{"17", "18", "19"}, src: "IRQ", modality: sitrep.Failed},
			},
			quotes:   [][2]string{{"Donald Trump", "BIG PRICE"}, {"Mark Milley", "buzzsaw"}, {"Mark Esper", "game has changed"}},
			captions: [][2]string{{"AP", "Nasser Nasser"}, {"REUTERS", "Khalid al-Mousily"}},
			timexes:  [][2]string{{"Tuesday", "2019-12-31"}, {"Thursday", "2020-01-02"}},
		},
		{
			name:      "France in Beirut, a year later",
			published: "2021-03-05", // a Friday, like the original
			replace: []string{
				"January 1, 2020", "March 3, 2021",
				"December 31, 2019", "March 2, 2021",
				"US Embassy", "French Embassy", "US embassy", "French embassy",
				"the US", "France", "US Central Command", "French Joint Operations Command", "US ", "French ",
				"Iran-backed", "Syria-backed", "Iranian-backed", "Syrian-backed", "Pro-Iranian", "Pro-Syrian", "pro-Iranian", "pro-Syrian",
				"Iraqi", "Lebanese", "Baghdad", "Beirut", "Iran", "Syria",
				"Hashd al-Shaabi", "Amal",
				"President Donald Trump", "President Emmanuel Macron", "Trump", "Macron",
				"Army Gen. Mark Milley", "Gen. Thierry Burkhard", "chairman of the Joint Chiefs of Staff", "chief of the French defence staff", "Milley", "Burkhard",
				"Secretary of Defence Mark Esper", "Defence Minister Florence Parly",
				"AP Photo/Nasser Nasser", "AFP/Joseph Eid", "AP Photo/Khalid Mohammed", "AFP/Anwar Amro",
				"REUTERS/Khalid al-Mousily", "EPA-EFE/Wael Hamzeh", "AP Photo/Qassim Abdul-Zahra", "AP Photo/Hassan Ammar",
			},
			events: []wantEvent{
				{what: "storming", roots: []string{"14", "17", "18", "19"}, src: "LBN", tgt: "FRA", date: "2021-03-02", near: []float64{33.89, 35.50}},
				{what: "airstrikes", roots: []string{"19", "20"}, src: "FRA", tgt: "LBN"},
				{what: "threat", roots: []string{"13"}, src: "FRA", tgt: "SYR", date: "2021-03-02"},
				{what: "blame", roots: []string{"11"}, src: "FRA", tgt: "SYR"},
				{what: "troops sent", roots: []string{"15"}, src: "FRA"},
				{what: "soldiers", roots: []string{"15"}, src: "LBN", date: "2021-03-03"},
				{what: "warning", roots: []string{"13"}, src: "FRA", date: "2021-03-04"},
			},
			quotes:   [][2]string{{"Emmanuel Macron", "BIG PRICE"}, {"Thierry Burkhard", "buzzsaw"}, {"Florence Parly", "game has changed"}},
			captions: [][2]string{{"AFP", "Joseph Eid"}, {"EPA", "Wael Hamzeh"}, {"AP", "Hassan Ammar"}},
			timexes:  [][2]string{{"Tuesday", "2021-03-02"}, {"Wednesday", "2021-03-03"}, {"Thursday", "2021-03-04"}},
		},
		{
			name:      "other weekdays and wording",
			published: "2020-01-03",
			replace: []string{
				"on Tuesday", "on Monday", "Tuesday", "Monday",
				"attacked the US Embassy", "assaulted the US Embassy",
				"stormed the US Embassy", "raided the US Embassy",
				"has blamed Iran", "accused Iran",
				"tweeted Tuesday that", "said on Monday that",
				"warned that", "cautioned that",
			},
			events: []wantEvent{
				{what: "storming", roots: []string{"14", "17", "18", "19"}, src: "IRQ", tgt: "USA", date: "2019-12-30", near: []float64{33.34, 44.40}},
				{what: "accusation", roots: []string{"11"}, src: "USA", tgt: "IRN"},
				{what: "threat", roots: []string{"13"}, src: "USA", tgt: "IRN", date: "2019-12-30"},
			},
			timexes: [][2]string{{"Monday", "2019-12-30"}},
		},
	}
	p := testPipeline(t)
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			text := base
			for i := 0; i+1 < len(v.replace); i += 2 {
				text = strings.ReplaceAll(text, v.replace[i], v.replace[i+1])
			}
			text = strings.TrimSpace(text)
			res, err := p.Process(context.Background(), &sitrep.Article{ID: "v", Published: v.published, Text: text})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range v.events {
				if !findEvent(res.Events, w) {
					t.Errorf("event not found: %s %+v", w.what, w)
				}
			}
			checkQuotesCaptions(t, res, v.quotes, v.captions)
			if len(res.Captions) != 10 {
				t.Errorf("%d captions, want 10", len(res.Captions))
			}
			for _, x := range v.timexes {
				found := false
				for _, got := range res.Timexes {
					found = found || got.Text == x[0] && got.Value == x[1]
				}
				if !found {
					t.Errorf("timex %s = %s not found", x[0], x[1])
				}
			}
			if t.Failed() {
				logEvents(t, res.Events)
			}
		})
	}
}

// checkQuotesCaptions checks that res has a quote by each speaker holding
// its fragment, and a caption of each agency and photographer.
func checkQuotesCaptions(t *testing.T, res *sitrep.Result, quotes, captions [][2]string) {
	t.Helper()
	for _, q := range quotes {
		found := false
		for _, got := range res.Quotes {
			found = found || got.Speaker == q[0] && strings.Contains(got.Text, q[1])
		}
		if !found {
			t.Errorf("quote by %s with %q not found", q[0], q[1])
		}
	}
	for _, c := range captions {
		found := false
		for _, got := range res.Captions {
			found = found || got.Agency == c[0] && got.Photographer == c[1]
		}
		if !found {
			t.Errorf("caption %s/%s not found", c[0], c[1])
		}
	}
}

// logEvents logs the events, for a failed test.
func logEvents(t *testing.T, evs []sitrep.Event) {
	for _, e := range evs {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Actor + " (" + e.Target.Text + ")"
		}
		t.Logf("%s %s %s %s: %s (%s) -> %s | %s", e.CAMEO, e.Modality, e.Date, locName(e.Location), e.Source.Actor, e.Source.Text, tgt, e.Evidence.Sentence)
	}
}

func locName(l *sitrep.Location) string {
	if l == nil {
		return "-"
	}
	return l.Name
}

// BenchmarkProcess runs the whole pipeline over articles of the shared
// bench corpus and reports articles/s and MB/s (per core: the benchmark is
// sequential; `sitrep bench` measures the parallel run and peak memory).
func BenchmarkProcess(b *testing.B) {
	f, err := os.Open(sitreptest.SharedFile(b, "corpus/bench/afp-xinhua-1997.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var arts []*sitrep.Article
	var size int64
	dec := json.NewDecoder(f)
	for len(arts) < 300 {
		var rec struct{ ID, Date, Text string }
		if err := dec.Decode(&rec); err != nil {
			break
		}
		arts = append(arts, &sitrep.Article{ID: rec.ID, Published: rec.Date, Text: rec.Text})
		size += int64(len(rec.Text))
	}
	p := testPipeline(b)
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			if _, err := p.Process(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// TestRetold runs the pipeline over the seed's story retold in other
// words (testdata/retold, written for sitrep): other verbs, sentence
// shapes, captions and figures, so that what the seed check finds is
// found by general means. absent lists events no reader would code.
func TestRetold(t *testing.T) {
	tests := []struct {
		file      string
		published string
		events    []wantEvent
		absent    []wantEvent
		quotes    [][2]string // speaker, fragment
		captions  [][2]string // agency, photographer
		killed    int
		wounded   int
	}{
		{
			file: "1-militia-supporters.txt", published: "2020-01-03",
			events: []wantEvent{
				{what: "forced entry", roots: []string{"14", "17", "18", "19"}, tgt: "USA", date: "2019-12-31", near: []float64{33.34, 44.40}},
				{what: "accusation", roots: []string{"11"}, src: "USA", tgt: "IRN"},
				{what: "threat", roots: []string{"13"}, src: "USA", tgt: "IRN"},
				{what: "troops sent", roots: []string{"15"}, src: "USA"},
				{what: "withdrawal", roots: []string{"08"}, date: "2020-01-01"},
				{what: "troops positioned", roots: []string{"15"}, src: "IRQ", date: "2020-01-01"},
			},
			absent: []wantEvent{
				{what: "a price to pay read as a payment", roots: []string{"03", "06", "07"}, src: "IRN"},
			},
			quotes:   [][2]string{{"Donald Trump", "BIG PRICE"}, {"Mark Esper", "game has changed"}},
			captions: [][2]string{{"AP", "Hadi Mizban"}, {"REUTERS", "Ahmed Saad"}},
			killed:   1, wounded: 4,
		},
		{
			file: "2-marines-dispatched.txt", published: "2020-01-02",
			events: []wantEvent{
				{what: "storming", roots: []string{"14", "17", "18", "19"}, tgt: "USA", date: "2019-12-31", near: []float64{33.34, 44.40}},
				{what: "strikes on the militia", roots: []string{"19", "20"}, src: "USA", tgt: "IRQ"},
				{what: "marines", roots: []string{"15"}, date: "2019-12-31"},
				{what: "protesters pushed back", roots: []string{"17"}, src: "IRQ"},
				{what: "accusation", roots: []string{"11"}, src: "USA", tgt: "IRN"},
				{what: "denial", roots: []string{"01"}, src: "IRN", date: "2020-01-01"},
				{what: "warning", roots: []string{"13"}, src: "IRN", tgt: "USA", date: "2020-01-01"},
			},
			absent: []wantEvent{
				{what: "US strikes read as a labour strike", roots: []string{"14"}, src: "USA"},
			},
			quotes:   [][2]string{{"Mark Milley", "buzzsaw"}},
			captions: [][2]string{{"AP", "Khalid Mohammed"}},
			killed:   -1, wounded: 0,
		},
		{
			// A wire report: a dateline, a nominal relative clause ("air
			// strikes on Sunday that killed"), an adverb before the verb
			// ("later deployed"), credits before and in parentheses.
			file: "3-wire-report.txt", published: "2020-01-02",
			events: []wantEvent{
				{what: "break-in", roots: []string{"14", "17", "18", "19"}, tgt: "USA", date: "2019-12-31", near: []float64{33.34, 44.40}},
				{what: "strikes on the militia", roots: []string{"19", "20"}, src: "USA", tgt: "IRQ"},
				{what: "accusation", roots: []string{"11"}, src: "USA", tgt: "IRN"},
				{what: "soldiers sent", roots: []string{"15"}, src: "USA", date: "2019-12-31"},
				{what: "security forces deployed", roots: []string{"15"}, src: "IRQ"},
				{what: "denial", roots: []string{"01"}, src: "IRN", date: "2020-01-01"},
			},
			quotes:   [][2]string{{"Donald Trump", "fully responsible"}, {"Mark Esper", "prepared to do"}},
			captions: [][2]string{{"REUTERS", "Wissam Jabbar"}, {"AP", "Ali Abdul Hassan"}},
			killed:   1, wounded: 4,
		},
		{
			// A photo essay's text: a passive with its agent, a relative
			// clause in the past perfect, a threat reported with a
			// quotation, credits as "(Photo by Name/AFP via Getty
			// Images)" and "Photo: Name / AP.".
			file: "4-aftermath.txt", published: "2020-01-03",
			events: []wantEvent{
				{what: "attack", roots: []string{"14", "17", "18", "19"}, src: "IRQ", tgt: "USA", date: "2019-12-31", near: []float64{33.34, 44.40}},
				{what: "air raids on the militia", roots: []string{"19", "20"}, src: "USA", tgt: "IRQ", date: "2020-01-03"},
				{what: "threat", roots: []string{"13"}, src: "USA", tgt: "IRN"},
				{what: "assailants pushed back", roots: []string{"17"}, src: "IRQ", date: "2020-01-01"},
				{what: "blame", roots: []string{"11"}, src: "USA"},
			},
			quotes:   [][2]string{{"Trump", "BIG PRICE"}, {"Mark Esper", "game has changed"}, {"Milley", "buzzsaw"}},
			captions: [][2]string{{"AFP", "Ahmad Al-Rubaye"}, {"AP", "Khalid Mohammed"}},
			killed:   1, wounded: 4,
		},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("testdata", "retold", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			res, err := p.Process(context.Background(), &sitrep.Article{ID: tt.file, Published: tt.published, Text: string(text)})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.events {
				if !findEvent(res.Events, w) {
					t.Errorf("event not found: %s %+v", w.what, w)
				}
			}
			for _, w := range tt.absent {
				if findEvent(res.Events, w) {
					t.Errorf("unwanted event: %s %+v", w.what, w)
				}
			}
			checkQuotesCaptions(t, res, tt.quotes, tt.captions)
			counts := map[string]int{"killed": -1, "wounded": -1}
			for _, c := range res.Casualties {
				counts[c.Kind] = c.Count
			}
			if counts["killed"] != tt.killed || counts["wounded"] != tt.wounded {
				t.Errorf("killed %d, wounded %d; want %d, %d", counts["killed"], counts["wounded"], tt.killed, tt.wounded)
			}
			if t.Failed() {
				logEvents(t, res.Events)
			}
		})
	}
}
