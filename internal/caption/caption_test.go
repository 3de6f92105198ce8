package caption

import (
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

func newDetector(tb testing.TB) *Detector {
	tb.Helper()
	d, err := NewDetector()
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// paragraphs splits text at blank lines, trimming each block.
func paragraphs(text string) []sitrep.Span {
	var out []sitrep.Span
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && strings.ContainsRune(" \t\r\n", rune(text[s])) {
			s++
		}
		for e > s && strings.ContainsRune(" \t\r\n", rune(text[e-1])) {
			e--
		}
		if e > s {
			out = append(out, sitrep.Span{Start: s, End: e})
		}
		start = end + 2
	}
	return out
}

func TestDetect(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		in                string
		agency, who, text string
		none              bool
	}{
		{in: "AP Photo/Omar Haddad Jordanian police officers stand outside the ministry.", agency: "AP", who: "Omar Haddad", text: "Jordanian police officers stand outside the ministry."},
		{in: "AP Photo/Lina Farouk Smoke rises from the building.", agency: "AP", who: "Lina Farouk", text: "Smoke rises from the building."},
		{in: "REUTERS/Samir Jaber A Jordanian police officer stands guard.", agency: "REUTERS", who: "Samir Jaber"},
		{in: "AP Photo/Lina Farouk Striking workers gather.", agency: "AP", who: "Lina Farouk"},
		{in: "AP Photo/Rania Kassem Fire damage in a shop.", agency: "AP", who: "Rania Kassem"},
		{in: "REUTERS/Tarek Nouri Protesters and rioters attack a shop.", agency: "REUTERS", who: "Tarek Nouri"},
		{in: "AP Photo/Evan Vucci President Lena Morrow waves as she boards a plane.", agency: "AP", who: "Evan Vucci", text: "President Lena Morrow waves as she boards a plane."},
		{in: "AP Photo/Mark Black A man walks past a burned car in Mosul.", agency: "AP", who: "Mark Black"},
		{in: "REUTERS/Stringer Syrian children play in the rubble.", agency: "REUTERS", who: "Stringer"},
		{in: "AP Photo/Maya Alleruzzo Women carry water in Aleppo, Syria.", agency: "AP", who: "Maya Alleruzzo"},
		{in: "AP Photo/Juan Carlos de la Vega Two policemen guard a gate.", agency: "AP", who: "Juan Carlos de la Vega"},
		{in: "Reuters/Osman bin Laden Jr. Kenyan troops patrol.", agency: "REUTERS", who: "Osman bin Laden Jr."},
		{in: "AP Photo/Hadi Mizban Moqtada al-Sadr speaks to supporters in Najaf.", agency: "AP", who: "Hadi Mizban"},
		{in: "EPA-EFE/ALI HAIDER Demonstrators burn tyres in Basra.", agency: "EPA", who: "ALI HAIDER"},
		{in: "AP Photo/J. Scott Applewhite The Capitol is seen at dawn.", agency: "AP", who: "J. Scott Applewhite"},
		{in: "AP Photo/Ahmed Saad 3 trucks burn on a highway.", agency: "AP", who: "Ahmed Saad"},
		{in: "AP Photo/Hadi Mizban, File Iraqi soldiers stand guard.", agency: "AP", who: "Hadi Mizban", text: "Iraqi soldiers stand guard."},
		{in: "AP Photo/Omar Haj Kadour Fighters gather in Idlib.", agency: "AP", who: "Omar Haj Kadour"},
		{in: "REUTERS/Alaa Al-Marjani Shi'ite pilgrims walk to Kerbala.", agency: "REUTERS", who: "Alaa Al-Marjani"},
		{in: "AP Photo/Bilal Hussein U.S. Marines patrol a street.", agency: "AP", who: "Bilal Hussein"},
		{in: "AP Photo/Omar Haj Kadour US Marines stand guard at the gate.", agency: "AP", who: "Omar Haj Kadour", text: "US Marines stand guard at the gate."},
		{in: "AP Photo/Lina Farouk UN peacekeepers patrol a road.", agency: "AP", who: "Lina Farouk", text: "UN peacekeepers patrol a road."},
		{in: "AP Photo/Hussein Malla Lebanese anti-government protesters chant slogans.", agency: "AP", who: "Hussein Malla"},
		{in: "AP Photo/Nariman El-Mofty People walk past a mural.", agency: "AP", who: "Nariman El-Mofty"},
		{in: "AP Photo/Vahid Salemi Iranians attend a funeral in Tehran.", agency: "AP", who: "Vahid Salemi"},
		{in: "Associated Press/Felipe Dana Kurdish fighters rest.", agency: "AP", who: "Felipe Dana"},
		{in: "AP Photo/Lena Brightwater Police officers stand at a checkpoint.", agency: "AP", who: "Lena Brightwater"},
		{in: "REUTERS/Ivan Petrovsky Dozens of people queue at a border crossing.", agency: "REUTERS", who: "Ivan Petrovsky"},
		{in: "AFP Photo/Sabah Arar Mourners carry a coffin.", agency: "AFP", who: "Sabah Arar"},
		{in: "Xinhua/Khalil Dawood Smoke billows over Baghdad.", agency: "XINHUA", who: "Khalil Dawood"},
		{in: "AFP/Getty Images Protesters gather outside the embassy.", agency: "AFP", who: ""},
		{in: "Iraqi soldiers stand guard in Baghdad on Wednesday. (AP Photo/Hadi Mizban)", agency: "AP", who: "Hadi Mizban", text: "Iraqi soldiers stand guard in Baghdad on Wednesday."},
		{in: "Smoke rises over the city (Reuters/Ari Jalal) as fighting continues.", agency: "REUTERS", who: "Ari Jalal", text: "Smoke rises over the city as fighting continues."},
		{in: "Rescuers search the rubble. Photo: John Roe/AFP", agency: "AFP", who: "John Roe", text: "Rescuers search the rubble."},
		{in: "Rescuers search the rubble. Ahmad al-Rubaye/AFP via Getty Images", agency: "AFP", who: "Ahmad al-Rubaye", text: "Rescuers search the rubble."},
		{in: "A man walks past graffiti. AFP via Getty Images", agency: "AFP", who: ""},
		{in: "Ahmad al-Rubaye/AFP via Getty Images. A man throws a stone at the gate.", agency: "AFP", who: "Ahmad al-Rubaye", text: "A man throws a stone at the gate."},
		{in: "A man throws a stone at the gate. Photograph: Ahmad al-Rubaye/AFP/Getty Images", agency: "AFP", who: "Ahmad al-Rubaye", text: "A man throws a stone at the gate."},
		{in: "Militiamen wave flags. (Reuters photo: Khalid al-Mousily)", agency: "REUTERS", who: "Khalid al-Mousily", text: "Militiamen wave flags."},
		{in: "Getty Images", agency: "GETTY", who: ""},
		{in: "Soldiers patrol the border. EPA-EFE/STR", agency: "EPA", who: "STR"},
		{in: "Fighters gather in Idlib. Photograph: Omar Haj Kadour/Reuters", agency: "REUTERS", who: "Omar Haj Kadour"},
		{in: "Troops enter the town. (Photo by Chris McGrath/Getty Images)", agency: "GETTY", who: "Chris McGrath", text: "Troops enter the town."},
		{in: "Flood waters cover a road in Kerala. Xinhua/Zhang Wei", agency: "XINHUA", who: "Zhang Wei"},
		{in: "People queue for bread in Ankara. ANADOLU AGENCY", agency: "ANADOLU", who: ""},
		{in: "Firefighters battle the blaze. Credit: Jane Doe", agency: "", who: "Jane Doe"},
		{in: "Omar Haddad/AP Iraqi soldiers deploy near the gate.", agency: "AP", who: "Omar Haddad", text: "Iraqi soldiers deploy near the gate."},
		{in: "Reuters reported that 12 people were killed in the attack.", none: true},
		{in: "BAGHDAD (Reuters) - Iraqi forces retook the town on Sunday.", none: true},
		{in: "The Associated Press reported the strike, citing officials.", none: true},
		{in: "A 50/50 split of the vote was expected, officials said.", none: true},
		{in: "The ratio of deaths to injuries was 1:3 according to the ministry.", none: true},
		{in: "He said: the strikes will go on.", none: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := d.Detect(tt.in, []sitrep.Span{{Start: 0, End: len(tt.in)}})
			if tt.none {
				if len(got) != 0 {
					t.Fatalf("got %+v, want no caption", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %d captions, want 1", len(got))
			}
			c := got[0]
			if c.Agency != tt.agency || c.Photographer != tt.who {
				t.Errorf("agency, photographer = %q, %q; want %q, %q", c.Agency, c.Photographer, tt.agency, tt.who)
			}
			if tt.text != "" && c.Text != tt.text {
				t.Errorf("text = %q; want %q", c.Text, tt.text)
			}
			if c.Credit.Start < 0 || c.Credit.End > len(tt.in) || c.Credit.Start >= c.Credit.End {
				t.Errorf("bad credit span %+v", c.Credit)
			}
		})
	}
}

func TestDetectSeed(t *testing.T) {
	raw, err := os.ReadFile(sitreptest.SeedPath(t))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	// ingest strips the " date YYYY-MM-DD " prefix of the first line.
	if strings.HasPrefix(strings.TrimLeft(text, " "), "date ") {
		s := strings.TrimLeft(text, " ")[len("date "):]
		if i := strings.IndexByte(s, ' '); i >= 0 {
			text = strings.TrimLeft(s[i:], " ")
		}
	}
	d := newDetector(t)
	got := d.Detect(text, paragraphs(text))
	count := map[string]int{}
	for _, c := range got {
		count[c.Agency+"/"+c.Photographer]++
		if !strings.HasPrefix(text[c.Span.Start:c.Span.End], text[c.Credit.Start:c.Credit.End]) {
			t.Errorf("credit %q not at start of caption", text[c.Credit.Start:c.Credit.End])
		}
		if c.Text == "" || strings.Contains(c.Text, "Photo/") {
			t.Errorf("bad caption text %q", c.Text)
		}
	}
	want := map[string]int{
		"AP/Nasser Nasser": 3, "AP/Khalid Mohammed": 3, "AP/Qassim Abdul-Zahra": 1,
		"REUTERS/Khalid al-Mousily": 2, "REUTERS/Thaier al-Sudani": 1,
	}
	if len(got) != 10 {
		t.Errorf("got %d captions, want 10: %v", len(got), count)
	}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%s: got %d, want %d", k, count[k], n)
		}
	}
}

func FuzzDetect(f *testing.F) {
	d := newDetector(f)
	for _, s := range []string{
		"AP Photo/Omar Haddad Jordanian police officers stand guard.",
		"Smoke rises (AP Photo/Hadi Mizban)",
		"x. Name/AFP via Getty Images",
		"Photo: / ( ) :",
		"REUTERS/",
		"(Photo by Chris McGrath/Getty Images",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans := []sitrep.Span{{Start: 0, End: len(s)}, {Start: len(s) / 2, End: len(s)}, {Start: -1, End: 3}}
		for _, c := range d.Detect(s, spans) {
			if c.Credit.Start < c.Span.Start || c.Credit.End > c.Span.End || c.Credit.Start > c.Credit.End {
				t.Fatalf("credit %+v outside caption %+v", c.Credit, c.Span)
			}
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	d := newDetector(b)
	var sb strings.Builder
	for range 20 {
		sb.WriteString("AP Photo/Lina Farouk Smoke rises over the old market, in Amman, March 3, 2021.\n\n")
		sb.WriteString("Thousands of protesters attacked the embassy on Tuesday, officials said, and Reuters reported clashes.\n\n")
		sb.WriteString("Troops enter the town on Monday. (Photo by Chris McGrath/Getty Images)\n\n")
	}
	text := sb.String()
	paras := paragraphs(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Detect(text, paras)
	}
}
