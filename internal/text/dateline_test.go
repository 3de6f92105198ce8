package text

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in                          string
		want                        string // the dateline as written, "" for none
		place, region, date, agency string
	}{
		{"BAGHDAD (Reuters) - Iraqi forces said", "BAGHDAD (Reuters) -", "BAGHDAD", "", "", "Reuters"},
		{"NAIROBI, Kenya — President William Ruto appealed for calm", "NAIROBI, Kenya —", "NAIROBI", "Kenya", "", ""},
		{"KABUL, Jan 3 (AP) -- Taliban fighters", "KABUL, Jan 3 (AP) --", "KABUL", "", "Jan 3", "AP"},
		{"WASHINGTON — The Senate voted", "WASHINGTON —", "WASHINGTON", "", "", ""},
		{"WASHINGTON—The Senate voted", "WASHINGTON—", "WASHINGTON", "", "", ""},
		{"NAIROBI, March 11 - Kenyan police fired", "NAIROBI, March 11 -", "NAIROBI", "", "March 11", ""},
		{"BOWLING GREEN, Ohio (AP) — A man", "BOWLING GREEN, Ohio (AP) —", "BOWLING GREEN", "Ohio", "", "AP"},
		{"ST. LOUIS, Mo. (AP) – Police", "ST. LOUIS, Mo. (AP) –", "ST. LOUIS", "Mo.", "", "AP"},
		{"WINSTON-SALEM, N.C. — Officials", "WINSTON-SALEM, N.C. —", "WINSTON-SALEM", "N.C.", "", ""},
		{"BERLIN, 3 January (dpa) - Germany", "BERLIN, 3 January (dpa) -", "BERLIN", "", "3 January", "dpa"},
		{"LONDON, Jan. 3, 2024 (Reuters) - Shares", "LONDON, Jan. 3, 2024 (Reuters) -", "LONDON", "", "Jan. 3, 2024", "Reuters"},
		{"SAN JUAN, Puerto Rico, March 2 (AP) — Rain", "SAN JUAN, Puerto Rico, March 2 (AP) —", "SAN JUAN", "Puerto Rico", "March 2", "AP"},
		{"Nairobi, Kenya — Police said", "Nairobi, Kenya —", "Nairobi", "Kenya", "", ""},
		{"Port of Spain (AFP) - Trinidad", "Port of Spain (AFP) -", "Port of Spain", "", "", "AFP"},
		{"KHARKIV, May 20 - Russian forces shelled", "KHARKIV, May 20 -", "KHARKIV", "", "May 20", ""},
		// Not datelines.
		{"President William Ruto appealed for calm.", "", "", "", "", ""},
		{"Washington — the city, not the state — said", "", "", "", "", ""},
		{"Police — who arrived late — said", "", "", "", "", ""},
		{"AP Photo/Nasser Nasser Iraqi soldiers deployed", "", "", "", "", ""},
		{"REUTERS/Khalid al-Mousily Protesters", "", "", "", "", ""},
		{"U.S.-Japan talks resumed", "", "", "", "", ""},
		{"Shr 17 cts vs 13 cts", "", "", "", "", ""},
		{"BAGHDAD - ", "", "", "", "", ""},
		{"A - B", "", "", "", "", ""},
		{"Note: the figures", "", "", "", "", ""},
		{"POPULATION: 4.5 million", "", "", "", "", ""},
		{"NEW DELHI: India said", "", "", "", "", ""},
		{"NOTE: latest 12 mths net includes a gain", "", "", "", "", ""},
		{"NOTE - Net is after tax", "", "", "", "", ""},
		{"EDITOR'S NOTE — This story", "", "", "", "", ""},
		{"UPDATE - Officials said", "", "", "", "", ""},
		{"Smith, a farmer - said", "", "", "", "", ""},
		{"KABUL (AP) -", "", "", "", "", ""},
		{"BAGHDAD (Reuters - Iraqi", "", "", "", "", ""},
		{"", "", "", "", "", ""},
	}
	for _, tt := range tests {
		d, ok := ParseDateline(tt.in)
		got := ""
		if ok {
			got = tt.in[d.Start:d.End]
		}
		if got != tt.want {
			t.Errorf("ParseDateline(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		if !ok {
			continue
		}
		if d.Place != tt.place || tt.in[d.PlaceSpan.Start:d.PlaceSpan.End] != tt.place || d.Region != tt.region || d.Date != tt.date || d.Agency != tt.agency {
			t.Errorf("ParseDateline(%q) = place %q region %q date %q agency %q; want %q %q %q %q",
				tt.in, d.Place, d.Region, d.Date, d.Agency, tt.place, tt.region, tt.date, tt.agency)
		}
	}
}

func TestDatelines(t *testing.T) {
	text := "Police fire tear gas in Nairobi\n\nNAIROBI, Kenya — Police fired tear gas.\nKISUMU (AP) - Shops closed.\nThe\nMOMBASA - line is wrapped.\n\nBy the evening, calm returned."
	ds := Datelines(text, Paragraphs(text))
	var got []string
	for _, d := range ds {
		got = append(got, text[d.Start:d.End])
	}
	want := []string{"NAIROBI, Kenya —", "KISUMU (AP) -"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Datelines = %q, want %q", got, want)
	}
	// A headline run into the text: a place in capitals after a
	// sentence's end on the same line; a place in title case only at a
	// line's start.
	text = "Council to vote on drilling. ARLINGTON — The City Council voted. Paris, France — is not one."
	ds = Datelines(text, Paragraphs(text))
	got = got[:0]
	for _, d := range ds {
		got = append(got, text[d.Start:d.End])
	}
	want = []string{"ARLINGTON —"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Datelines = %q, want %q", got, want)
	}
}

// TestDatelineLeftOut: the dateline is in Doc.Datelines and in no
// sentence; the sentence after it keeps its subject.
func TestDatelineLeftOut(t *testing.T) {
	a := testAnalyzer(t)
	art := &sitrep.Article{ID: "a1", Text: "NAIROBI, Kenya — President William Ruto appealed for calm on Wednesday."}
	doc := a.Analyze(art, nil)
	if len(doc.Datelines) != 1 || doc.Datelines[0].Place != "NAIROBI" || doc.Datelines[0].Article != "a1" {
		t.Fatalf("datelines %+v", doc.Datelines)
	}
	if len(doc.Sentences) != 1 {
		t.Fatalf("%d sentences", len(doc.Sentences))
	}
	st := doc.Sentences[0]
	if s := doc.SpanText(st.Span); !strings.HasPrefix(s, "President William Ruto") {
		t.Errorf("sentence %q", s)
	}
	if st.Tokens[0].Text != "President" {
		t.Errorf("first token %q", st.Tokens[0].Text)
	}
}
