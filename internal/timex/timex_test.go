package timex

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

type want struct {
	text, typ, val string
	prec           sitrep.Precision
	anch           bool
}

// find returns the timex whose text is w.text.
func find(got []sitrep.Timex, text string) (sitrep.Timex, bool) {
	for _, g := range got {
		if g.Text == text {
			return g, true
		}
	}
	return sitrep.Timex{}, false
}

func TestExtractText(t *testing.T) {
	const pub = "2020-01-03" // a Friday
	tests := []struct {
		in   string
		pub  string
		want []want
	}{
		// Absolute dates.
		{"It began on January 1, 2020, in the capital.", pub, []want{{"January 1, 2020", "DATE", "2020-01-01", sitrep.Day, false}}},
		{"It began on Jan. 1, 2020.", pub, []want{{"Jan. 1, 2020", "DATE", "2020-01-01", sitrep.Day, false}}},
		{"It began on 1 January 2020.", pub, []want{{"1 January 2020", "DATE", "2020-01-01", sitrep.Day, false}}},
		{"Protesters attacked on December 31, 2019.", pub, []want{{"December 31, 2019", "DATE", "2019-12-31", sitrep.Day, false}}},
		{"The file is dated 2019-12-31.", pub, []want{{"2019-12-31", "DATE", "2019-12-31", sitrep.Day, false}}},
		{"The file is dated 12/31/2019.", pub, []want{{"12/31/2019", "DATE", "2019-12-31", sitrep.Day, false}}},
		{"Talks resumed in January 2020.", pub, []want{{"January 2020", "DATE", "2020-01", sitrep.Month, false}}},
		{"The law was passed in 2019.", pub, []want{{"2019", "DATE", "2019", sitrep.Year, false}}},
		{"Unrest has grown since 2015.", pub, []want{{"2015", "DATE", "2015", sitrep.Year, false}}},
		{"The war of the 1990s left scars.", pub, []want{{"the 1990s", "DATE", "199", sitrep.Decade, false}}},
		{"The deal was signed May 5.", pub, []want{{"May 5", "DATE", "2019-05-05", sitrep.Day, true}}},
		{"A vote is due on Jan. 7 in parliament.", pub, []want{{"Jan. 7", "DATE", "2020-01-07", sitrep.Day, true}}},
		// Weekdays.
		{"They stormed the embassy on Tuesday.", pub, []want{{"Tuesday", "DATE", "2019-12-31", sitrep.Day, true}}},
		{"By Wednesday, the crowd had left.", pub, []want{{"Wednesday", "DATE", "2020-01-01", sitrep.Day, true}}},
		{"Militants stormed the embassy on Dec. 31. A bomb had hit a market on Dec. 27. More troops arrived the next day.", pub, []want{{"Dec. 31", "DATE", "2019-12-31", sitrep.Day, true}, {"Dec. 27", "DATE", "2019-12-27", sitrep.Day, true}, {"the next day", "DATE", "2020-01-01", sitrep.Day, true}}},
		{"The trip, which had been set for Dec. 7-14, was postponed.", pub, []want{{"Dec. 7", "DATE", "2019-12-07", sitrep.Day, true}, {"14", "DATE", "2019-12-14", sitrep.Day, true}}},
		{"Sales rose in the December 16 week. The previous week's sales fell.", pub, []want{{"December 16", "DATE", "2019-12-16", sitrep.Day, true}, {"The previous week", "DATE", "2019-W50", sitrep.Week, true}}},
		{"Crowds stormed the embassy on Tuesday, in revenge for a Dec. 27 attack. Marines arrived that evening.", pub, []want{{"Tuesday", "DATE", "2019-12-31", sitrep.Day, true}, {"Dec. 27", "DATE", "2019-12-27", sitrep.Day, true}, {"that evening", "TIME", "2019-12-31TEV", sitrep.Day, true}}},
		{"Tuesday, Dec. 31\n\n0800 GMT — Crowds gather at the gates.", pub, []want{{"Tuesday, Dec. 31", "DATE", "2019-12-31", sitrep.Day, true}, {"0800 GMT", "TIME", "2019-12-31T08:00", sitrep.Day, true}}},
		{"Photos taken Thursday show damage.", pub, []want{{"Thursday", "DATE", "2020-01-02", sitrep.Day, true}}},
		{"The ministers met Friday.", pub, []want{{"Friday", "DATE", "2020-01-03", sitrep.Day, true}}},
		{"The ministers will meet on Tuesday.", pub, []want{{"Tuesday", "DATE", "2020-01-07", sitrep.Day, true}}},
		{"They'll vote Monday.", pub, []want{{"Monday", "DATE", "2020-01-06", sitrep.Day, true}}},
		{"The court is due to rule on Wednesday.", pub, []want{{"Wednesday", "DATE", "2020-01-08", sitrep.Day, true}}},
		{"He said on Tuesday that talks will resume.", pub, []want{{"Tuesday", "DATE", "2019-12-31", sitrep.Day, true}}},
		{"On Monday, the leaders will sign the accord.", pub, []want{{"Monday", "DATE", "2020-01-06", sitrep.Day, true}}},
		{"Fighting broke out last Tuesday.", pub, []want{{"last Tuesday", "DATE", "2019-12-31", sitrep.Day, true}}},
		{"The summit opens next Tuesday.", pub, []want{{"next Tuesday", "DATE", "2020-01-07", sitrep.Day, true}}},
		{"Shops reopened this Friday.", pub, []want{{"this Friday", "DATE", "2020-01-03", sitrep.Day, true}}},
		{"Tuesday night the shelling resumed.", pub, []want{{"Tuesday night", "TIME", "2019-12-31TNI", sitrep.Day, true}}},
		// Relative.
		{"Officials said today that it ended.", pub, []want{{"today", "DATE", "2020-01-03", sitrep.Day, true}}},
		{"Two people died yesterday.", pub, []want{{"yesterday", "DATE", "2020-01-02", sitrep.Day, true}}},
		{"Results are expected tomorrow.", pub, []want{{"tomorrow", "DATE", "2020-01-04", sitrep.Day, true}}},
		{"Crowds gathered tonight.", pub, []want{{"tonight", "TIME", "2020-01-03TNI", sitrep.Day, true}}},
		{"Shots were fired this morning.", pub, []want{{"this morning", "TIME", "2020-01-03TMO", sitrep.Day, true}}},
		{"He arrived two days ago.", pub, []want{{"two days ago", "DATE", "2020-01-01", sitrep.Day, true}}},
		{"He arrived three weeks ago.", pub, []want{{"three weeks ago", "DATE", "2019-W50", sitrep.Week, true}}},
		{"Talks failed last week.", pub, []want{{"last week", "DATE", "2019-W52", sitrep.Week, true}}},
		{"Talks resume this week.", pub, []want{{"this week", "DATE", "2020-W01", sitrep.Week, true}}},
		{"Talks resume next week.", pub, []want{{"next week", "DATE", "2020-W02", sitrep.Week, true}}},
		{"Prices rose last month.", pub, []want{{"last month", "DATE", "2019-12", sitrep.Month, true}}},
		{"Growth slowed this year.", pub, []want{{"this year", "DATE", "2020", sitrep.Year, true}}},
		{"Growth slowed last year.", pub, []want{{"last year", "DATE", "2019", sitrep.Year, true}}},
		{"Growth will pick up next year.", pub, []want{{"next year", "DATE", "2021", sitrep.Year, true}}},
		{"It was announced earlier this month.", pub, []want{{"earlier this month", "DATE", "2020-01", sitrep.Month, true}}},
		{"The plant closed late last year.", pub, []want{{"late last year", "DATE", "2019", sitrep.Year, true}}},
		{"Protests have continued since May.", pub, []want{{"May", "DATE", "2019-05", sitrep.Month, true}}},
		{"The strike began in March.", "2020-06-10", []want{{"March", "DATE", "2020-03", sitrep.Month, true}}},
		{"The region has recently seen fighting.", pub, []want{{"recently", "DATE", "PAST_REF", "", false}}},
		{"The city is now calm.", pub, []want{{"now", "DATE", "PRESENT_REF", "", false}}},
		{"The rally was on Tuesday. The day after, police left.", pub, []want{{"The day after", "DATE", "2020-01-01", sitrep.Day, true}}},
		{"They met on Tuesday. The previous day, troops arrived.", pub, []want{{"The previous day", "DATE", "2019-12-30", sitrep.Day, true}}},
		// Durations.
		{"The siege lasted two days.", pub, []want{{"two days", "DURATION", "P2D", "", false}}},
		{"He served three years in prison.", pub, []want{{"three years", "DURATION", "P3Y", "", false}}},
		{"The curfew lasts 48 hours.", pub, []want{{"48 hours", "DURATION", "PT48H", "", false}}},
		{"It took a week to restore power.", pub, []want{{"a week", "DURATION", "P1W", "", false}}},
		{"Talks dragged on for several months.", pub, []want{{"several months", "DURATION", "PXM", "", false}}},
		{"The feud has lasted decades.", pub, []want{{"decades", "DURATION", "PXE", "", false}}},
		{"A 6-year-old boy was hurt.", pub, nil},
		// Sets.
		{"Crowds gather every Friday.", pub, []want{{"every Friday", "SET", "XXXX-WXX-5", "", false}}},
		{"The paper is published daily.", pub, []want{{"daily", "SET", "P1D", "", false}}},
		{"The festival is held each year.", pub, []want{{"each year", "SET", "P1Y", "", false}}},
		{"The prize is awarded annually.", pub, []want{{"annually", "SET", "P1Y", "", false}}},
		// Times.
		{"The blast came at 3 p.m. near the market.", pub, []want{{"3 p.m.", "TIME", "2020-01-03T15:00", sitrep.Day, true}}},
		{"The blast came at noon.", pub, []want{{"noon", "TIME", "2020-01-03T12:00", sitrep.Day, true}}},
		{"A curfew starts at midnight.", pub, []want{{"midnight", "TIME", "2020-01-03T24:00", sitrep.Day, true}}},
		{"The meeting began at 10:30.", pub, []want{{"10:30", "TIME", "2020-01-03T10:30", sitrep.Day, true}}},
		// No publication date.
		{"They stormed the embassy on Tuesday.", "", []want{{"Tuesday", "DATE", "XXXX-WXX-2", "", false}}},
		{"Two people died yesterday.", "", []want{{"yesterday", "DATE", "XXXX-XX-XX", "", false}}},
		{"Talks failed last week.", "", []want{{"last week", "DATE", "XXXX-WXX", sitrep.Week, false}}},
		{"It began on January 1, 2020.", "", []want{{"January 1, 2020", "DATE", "2020-01-01", sitrep.Day, false}}},
		{"The deal was signed May 5.", "", []want{{"May 5", "DATE", "XXXX-05-05", sitrep.Day, false}}},
		// Names and words that are not dates.
		{"The Mayor of Baghdad spoke.", pub, nil},
		{"They march on the capital; it may rain.", pub, nil},
		{"Prime Minister Theresa May spoke.", pub, nil},
		{"Crowds shopped on Black Friday.", pub, []want{{"Black Friday", "DATE", "2019-11-29", sitrep.Day, true}}},
		{"Pilgrims marked Good Friday.", "2020-04-14", []want{{"Good Friday", "DATE", "2020-04-10", sitrep.Day, true}}},
		{"The Sunday Times reported the raid.", pub, nil},
		{"About 2000 protesters gathered.", pub, nil},
	}
	ex := New()
	for _, tc := range tests {
		got := ex.ExtractText(tc.in, tc.pub)
		if tc.want == nil && len(got) > 0 {
			t.Errorf("%q: want nothing, got %+v", tc.in, got)
		}
		for _, w := range tc.want {
			g, ok := find(got, w.text)
			if !ok {
				t.Errorf("%q (pub %q): %q not found in %+v", tc.in, tc.pub, w.text, got)
				continue
			}
			if g.Type != w.typ || g.Value != w.val || g.Precision != w.prec || g.Anchored != w.anch {
				t.Errorf("%q (pub %q): %q = %s %s %q anchored=%v, want %s %s %q anchored=%v",
					tc.in, tc.pub, w.text, g.Type, g.Value, g.Precision, g.Anchored, w.typ, w.val, w.prec, w.anch)
			}
			if tc.in[g.Start:g.End] != g.Text {
				t.Errorf("%q: span %v does not hold %q", tc.in, g.Span, g.Text)
			}
		}
	}
}

// TestExtractDoc checks the Doc entry point over hand-built sentences and
// that expressions come out in text order.
func TestExtractDoc(t *testing.T) {
	text := "Crowds stormed the embassy on Tuesday.\n\nOfficials will meet on Tuesday to discuss it."
	doc := &sitrep.Doc{
		Article: &sitrep.Article{Published: "2020-01-03", Text: text},
		Sentences: []sitrep.Sentence{
			{Span: sitrep.Span{Start: 0, End: 38}},
			{Span: sitrep.Span{Start: 40, End: len(text)}, Paragraph: 1},
		},
	}
	got := New().Extract(doc)
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	if got[0].Value != "2019-12-31" || got[1].Value != "2020-01-07" || got[0].Start > got[1].Start {
		t.Errorf("got %+v", got)
	}
	if New().Extract(nil) != nil || New().Extract(&sitrep.Doc{}) != nil {
		t.Error("nil doc should give nil")
	}
}

// TestExtractAside: a caption's date is resolved but anchors nothing after
// it; without the aside it would.
func TestExtractAside(t *testing.T) {
	text := "Rebels seized the port on Tuesday.\n\nAP Photo/Jane Doe Soldiers guard the port, January 1, 2020.\n\nA day later, the army arrived."
	caption := strings.Index(text, "AP Photo")
	doc := &sitrep.Doc{Article: &sitrep.Article{Published: "2020-01-03", Text: text}}
	for _, tt := range []struct {
		aside []sitrep.Span
		want  string
	}{
		{nil, "2020-01-02"},
		{[]sitrep.Span{{Start: caption, End: strings.Index(text, "2020.") + 5}}, "2020-01-01"},
	} {
		got := New().ExtractAside(doc, tt.aside)
		if len(got) != 3 || got[1].Value != "2020-01-01" || got[2].Text != "A day later" || got[2].Value != tt.want {
			t.Errorf("aside %v: got %+v, want the caption's 2020-01-01 and %q for \"A day later\"", tt.aside, got, tt.want)
		}
	}
}

// TestSeed checks the seed article's dates against what a careful reader
// extracts.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(sitreptest.SeedPath(t))
	if err != nil {
		t.Skipf("seed: %v", err)
	}
	s := string(b)
	pub := ""
	if strings.HasPrefix(s, " date ") && len(s) >= 16 {
		pub, s = s[6:16], s[16:]
	}
	got := New().ExtractText(s, pub)
	want := map[string]string{
		"tuesday": "2019-12-31", "wednesday": "2020-01-01", "thursday": "2020-01-02",
		"january 1, 2020": "2020-01-01", "december 31, 2019": "2019-12-31",
	}
	for _, g := range got {
		if v, ok := want[strings.ToLower(g.Text)]; ok && v != g.Value {
			t.Errorf("%q = %s, want %s", g.Text, g.Value, v)
		}
	}
	for k := range want {
		found := false
		for _, g := range got {
			found = found || strings.ToLower(g.Text) == k
		}
		if !found {
			t.Errorf("seed: %q not found", k)
		}
	}
}

func FuzzExtractText(f *testing.F) {
	for _, s := range []string{
		"On Tuesday, January 1, 2020 at 3 p.m. EST",
		"the 1990s and the '80s, 20th century, mid-1996",
		"two-and-a-half years ago, 12/31/19, 2019-02-30",
		"nineteen ninety-six; a minute and a half; every other week",
		"Good Friday, Christmas Eve, New Year's Day, the third quarter of 1989",
		"5th of March; May; Jan.; 99:99 a.m.; 13/13/2013",
		"\xff\xfe Tuesday \u00a0 noon",
	} {
		f.Add(s, "2020-01-03")
		f.Add(s, "")
	}
	ex := New()
	f.Fuzz(func(t *testing.T, text, pub string) {
		got := ex.ExtractText(text, pub)
		last := -1
		for _, g := range got {
			if g.Start < 0 || g.End > len(text) || g.Start >= g.End || text[g.Start:g.End] != g.Text {
				t.Fatalf("bad span %+v", g)
			}
			if g.Start < last {
				t.Fatalf("out of order: %+v", got)
			}
			last = g.End
			if utf8.ValidString(text) && !utf8.ValidString(g.Text) {
				t.Fatalf("split rune: %+v", g)
			}
		}
	})
}

// benchText is a typical 3 KB news article.
const benchText = `Thousands of protesters forced their way past the gates of the ministry in the capital on Tuesday, smashing windows and setting fire to a reception area, officials said on Wednesday.

The attack came two days after airstrikes on Sunday killed 25 fighters, and followed weeks of unrest that began in October 2019. By Wednesday morning most of the crowd had withdrawn, but several hundred people remained outside until late afternoon.

"We will not leave," one man said at 3 p.m. as security forces fired tear gas. The ministry said on Thursday that talks would resume next week and that a delegation will travel to Geneva on Monday.

The embassy had been closed since December 31, 2019, and staff were evacuated last month. The government has said it plans to hold elections early next year, the first since 2018. Analysts said the crisis could last for months.

Protesters have gathered every Friday since the 1990s, a tradition that grew during the 2003 war. In the past three years, more than 500 people have been killed, according to a report published on Jan. 2, 2020.

The president, who took office three years ago, is expected to address parliament tomorrow. He met the prime minister yesterday and again this morning, aides said. The daily briefings will continue through the end of the month.

"This has been the worst week in a decade," said a resident who has lived in the district for 30 years. Shops were shut for 48 hours and schools remain closed until Jan. 15. Officials now say the damage will take several months to repair.

Earlier this month, the UN envoy warned that the country faced its most serious crisis since 2011. The envoy will brief the Security Council on Tuesday, her office said. A similar meeting was held last Tuesday and another in November.

Markets fell 3 percent on Thursday before recovering on Friday. The central bank, which meets monthly, cut rates in the third quarter and said growth this year would be about 2 percent, down from 3.5 percent last year.

Witnesses said the violence began shortly after noon on Tuesday, when demonstrators broke through a checkpoint about 200 meters from the compound. By midnight, the fires were out. Police said 62 people were wounded and 12 arrested during the two days of clashes.`

func BenchmarkExtract(b *testing.B) {
	ex := New()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		ex.ExtractText(benchText, "2020-01-03")
	}
}

// TestMod checks the TIMEX3 mod of fuzzy and bounded expressions, with
// their values, against a publication date of Friday 2020-01-03.
func TestMod(t *testing.T) {
	tests := []struct {
		in, text, typ, val, mod string
	}{
		{"Earlier this month the army moved in.", "Earlier this month", "DATE", "2020-01", "START"},
		{"Late last year talks failed.", "Late last year", "DATE", "2019", "END"},
		{"The siege lasted about two weeks.", "about two weeks", "DURATION", "P2W", "APPROX"},
		{"He arrived in early 2019.", "early 2019", "DATE", "2019", "START"},
		{"The strike ended in the late 1990s.", "the late 1990s", "DATE", "199", "END"},
		{"They met at the end of the month.", "the end of the month", "DATE", "2020-01", "END"},
		{"The war began more than three years ago.", "more than three years ago", "DATE", "2017", "MORE_THAN"},
		{"They were held for at least 30 days.", "at least 30 days", "DURATION", "P30D", "EQUAL_OR_MORE"},
		{"Talks resume in mid-March.", "mid-March", "DATE", "2020-03", "MID"},
		{"The talks lasted three days.", "three days", "DURATION", "P3D", ""},
		{"Protests happen every Friday.", "every Friday", "SET", "XXXX-WXX-5", ""},
		{"Now the city is calm.", "Now", "DATE", "PRESENT_REF", ""},
		{"In the past, rebels held it.", "the past", "DATE", "PAST_REF", ""},
		{"More troops will come in the future.", "the future", "DATE", "FUTURE_REF", ""},
	}
	ex := New()
	for _, tt := range tests {
		got, ok := find(ex.ExtractText(tt.in, "2020-01-03"), tt.text)
		if !ok {
			t.Errorf("%q: %q not found in %+v", tt.in, tt.text, ex.ExtractText(tt.in, "2020-01-03"))
			continue
		}
		if got.Type != tt.typ || got.Value != tt.val || got.Mod != tt.mod {
			t.Errorf("%q: %q = %s %s mod %q, want %s %s mod %q", tt.in, tt.text, got.Type, got.Value, got.Mod, tt.typ, tt.val, tt.mod)
		}
	}
}
