package geo

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// ent marks the n-th (from 0) occurrence of text as an entity of type typ.
type ent struct {
	text string
	n    int
	typ  sitrep.EntityType
}

func entities(t testing.TB, text string, es []ent) []sitrep.Entity {
	var out []sitrep.Entity
	for _, e := range es {
		at := -1
		for k, from := 0, 0; k <= e.n; k++ {
			i := strings.Index(text[from:], e.text)
			if i < 0 {
				t.Fatalf("%q: no occurrence %d of %q", text, e.n, e.text)
			}
			at = from + i
			from = at + len(e.text)
		}
		out = append(out, sitrep.Entity{Span: sitrep.Span{Start: at, End: at + len(e.text)}, Text: e.text, Type: e.typ})
	}
	return out
}

// placeWant is a toponym expected at the n-th occurrence of text; admin1,
// when set, is the state or province it must resolve into.
type placeWant struct {
	text   string
	n      int
	admin1 string
}

// TestRules checks the recognition rules one by one with entity mentions
// as the entity stage gives them. want lists toponyms that must be found
// (span and, when set, admin-1); not lists surfaces that must not be.
func TestRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []ent
		want []placeWant
		not  []string
	}{
		{"according to a town's police",
			"The report was false, according to Tulsa Police Department officials. Tulsa police said so again.",
			[]ent{{"Tulsa Police Department", 0, sitrep.Org}},
			[]placeWant{{"Tulsa", 0, "Oklahoma"}}, nil},
		{"a lower-case designator names the area",
			"Fighters attacked a village in Borno state and in Kermanshah province on Monday.",
			[]ent{{"Borno", 0, sitrep.GPE}, {"Kermanshah", 0, sitrep.GPE}},
			[]placeWant{{"Borno state", 0, "Borno State"}, {"Kermanshah province", 0, "Kermanshah Province"}}, []string{"Borno"}},
		{"a direction before a designator is no area's name",
			"Maine became the first Northern state to apologize.", nil, nil, []string{"Northern state"}},
		{"according to a lone name is a source",
			"The plan will change, according to Tulsa.", nil, nil, []string{"Tulsa"}},
		{"state abbreviation typed GPE",
			"A new clinic opened in Orlando, Fla., this week.",
			[]ent{{"Orlando", 0, sitrep.GPE}, {"Fla.", 0, sitrep.GPE}},
			[]placeWant{{"Orlando", 0, "Florida"}, {"Fla.", 0, "Florida"}}, nil},
		{"name word confirmed elsewhere",
			"Reno and Henderson will share a training ground. Officials in Henderson agreed. Henderson has the money, they said.",
			[]ent{{"Reno", 0, sitrep.GPE}, {"Henderson", 0, sitrep.GPE}, {"Henderson", 1, sitrep.GPE}, {"Henderson", 2, sitrep.GPE}},
			[]placeWant{{"Henderson", 1, "Nevada"}, {"Henderson", 2, "Nevada"}}, nil},
		{"compass part of a state",
			"Storms swept across Northeast Oklahoma overnight.",
			[]ent{{"Northeast Oklahoma", 0, sitrep.GPE}},
			[]placeWant{{"Oklahoma", 0, ""}}, []string{"Northeast Oklahoma"}},
		{"compass part of a town named alone elsewhere",
			"Arlington, Texas, will vote. Drilling was approved in North Arlington on Monday.",
			nil,
			[]placeWant{{"Arlington", 1, "Texas"}}, []string{"North Arlington"}},
		{"compass town beside its namesake",
			"Officials from Columbia, S.C., met their neighbours in West Columbia.",
			nil,
			[]placeWant{{"West Columbia", 0, "South Carolina"}}, nil},
		{"county without its word",
			"Voters in Gwinnett County will decide. Gwinnett police said turnout was high, and Gwinnett's board agreed.",
			nil,
			[]placeWant{{"Gwinnett County", 0, "Georgia"}, {"Gwinnett", 1, "Georgia"}, {"Gwinnett", 2, "Georgia"}}, nil},
		{"county name taken for a person",
			"Schools in Kanawha County closed. Kanawha officials met on Monday.",
			[]ent{{"Kanawha", 1, sitrep.Person}},
			[]placeWant{{"Kanawha", 1, "West Virginia"}}, nil},
		{"county's namesake town keeps its reading",
			"A DeKalb man was arrested on Friday, DeKalb police said. He is held in the DeKalb County jail in Sycamore, Ill.",
			nil,
			[]placeWant{{"DeKalb", 1, "Illinois"}, {"DeKalb County", 0, "Illinois"}}, nil},
		{"county name inside a hospital's",
			"He was born in Licking County, Ohio, and later worked for Licking Memorial Hospital.",
			nil,
			[]placeWant{{"Licking County", 0, "Ohio"}}, []string{"Licking"}},
		{"a national capital among its country's towns",
			"The senator flew from Washington to New York and then to Vermont and Iowa.",
			nil,
			[]placeWant{{"Washington", 0, "District of Columbia"}}, nil},
		{"one reading per name after its qualified mention",
			"The mayor of Mansfield, La., spoke on Monday. Residents of Mansfield were pleased.",
			nil,
			[]placeWant{{"Mansfield", 0, "Louisiana"}, {"Mansfield", 1, "Louisiana"}}, nil},
		{"acronym typed GPE",
			"Officers of the city's SWAT team entered the house.",
			[]ent{{"SWAT", 0, sitrep.GPE}}, nil, []string{"SWAT"}},
		{"names in a headline in capitals",
			"BASEBALL - BOSTON AT OAKLAND",
			[]ent{{"BOSTON", 0, sitrep.GPE}, {"OAKLAND", 0, sitrep.GPE}},
			[]placeWant{{"BOSTON", 0, "Massachusetts"}, {"OAKLAND", 0, "California"}}, nil},
		{"capitalised dateline typed GPE",
			"Storm damage. TOLEDO, Ohio — Winds toppled trees.",
			[]ent{{"TOLEDO", 0, sitrep.GPE}},
			[]placeWant{{"TOLEDO", 0, "Ohio"}}, nil},
		{"local town opening an organisation",
			"Wheaton and Naperville schools reopened. The Lombard Historical Society will publish the letters.",
			[]ent{{"Wheaton", 0, sitrep.GPE}, {"Naperville", 0, sitrep.GPE}, {"Lombard Historical Society", 0, sitrep.Org}},
			[]placeWant{{"Lombard", 0, "Illinois"}}, nil},
		{"distant namesake opening an organisation",
			"Wheaton and Naperville schools reopened. The Belk Foundation gave a grant.",
			[]ent{{"Wheaton", 0, sitrep.GPE}, {"Naperville", 0, sitrep.GPE}, {"Belk Foundation", 0, sitrep.Org}},
			nil, []string{"Belk"}},
		{"surname typed GPE before a speech verb",
			"The theatre reopened in 1950, Robertson said.",
			[]ent{{"Robertson", 0, sitrep.GPE}}, nil, []string{"Robertson"}},
		{"a town before a speech verb after a preposition",
			"The 20-year-old from Brampton said he was pleased.",
			[]ent{{"Brampton", 0, sitrep.GPE}},
			[]placeWant{{"Brampton", 0, "Ontario"}}, nil},
		{"lower-case verb miss is no title",
			"The storm is expected to miss Rochester and Buffalo, N.Y., this week.",
			nil,
			[]placeWant{{"Rochester", 0, "New York"}}, nil},
		{"according to a town's police in lower case",
			"Two cars were taken, according to Hopkinton police.",
			[]ent{{"Hopkinton", 0, sitrep.GPE}},
			[]placeWant{{"Hopkinton", 0, ""}}, nil},
		{"the White House is a building",
			"The bill was signed at the White House on Monday.",
			[]ent{{"White House", 0, sitrep.Loc}}, nil, []string{"White House"}},
		{"a town named 'X City' before an office keeps its name",
			"The talks were led by Kansas City Council members in Missouri.",
			nil,
			[]placeWant{{"Kansas City", 0, "Missouri"}}, []string{"Kansas"}},
		{"names listed before 'counties'",
			"Unemployment rose in Clarke, Oconee and Oglethorpe counties last month.",
			nil,
			[]placeWant{{"Clarke", 0, "Georgia"}, {"Oconee", 0, "Georgia"}, {"Oglethorpe", 0, "Georgia"}}, nil},
		{"county names listed after 'counties'",
			"Nebraska's three largest counties — Douglas, Lancaster and Sarpy — grew last year.",
			nil,
			[]placeWant{{"Douglas", 0, "Nebraska"}, {"Lancaster", 0, "Nebraska"}, {"Sarpy", 0, "Nebraska"}}, nil},
		{"county list with a town's name",
			"Flooding closed roads in Douglas, Sarpy and Lancaster counties in Nebraska.",
			nil,
			[]placeWant{{"Douglas", 0, "Nebraska"}, {"Sarpy", 0, "Nebraska"}, {"Lancaster", 0, "Nebraska"}}, nil},
		{"postal code qualifying a town",
			"The company moved from Salem, OR, to Austin, TX 78701 last year.",
			nil,
			[]placeWant{{"Salem", 0, "Oregon"}, {"OR", 0, "Oregon"}, {"Austin", 0, "Texas"}, {"TX", 0, "Texas"}}, nil},
		{"postal code is no word elsewhere",
			"Prices rose in Portland, Maine. OR so they said, and IN the end nothing changed.",
			nil,
			[]placeWant{{"Portland", 0, "Maine"}}, []string{"OR", "IN"}},
		{"Canadian province abbreviation as qualifier",
			"A fire broke out in Kelowna, B.C., on Sunday. The ruins date to 500 B.C. and earlier.",
			nil,
			[]placeWant{{"Kelowna", 0, "British Columbia"}, {"B.C.", 0, "British Columbia"}}, nil},
		{"surname after a given name that is also a town",
			"New twist in Hailey hearing. A deal is discussed for Elizabeth Hailey. Lawyers for Hailey agreed.",
			[]ent{{"Elizabeth Hailey", 0, sitrep.Person}, {"Hailey", 2, sitrep.Person}},
			nil, []string{"Hailey"}},
		{"a lake the entity stage takes for a person",
			"The campground lies on an arm of Lake Lanier in Georgia.",
			[]ent{{"Lake Lanier", 0, sitrep.Person}},
			[]placeWant{{"Lake Lanier", 0, ""}}, nil},
		{"a river inside an institution's name",
			"Hunters visited the Neches River National Wildlife Refuge last fall.",
			nil,
			[]placeWant{{"Neches River", 0, ""}}, nil},
		{"a town where someone lives",
			"Police said a Hailey woman was hurt. She told a Ketchum man about it.",
			nil,
			[]placeWant{{"Hailey", 0, "Idaho"}, {"Ketchum", 0, "Idaho"}}, nil},
		{"an unknown village where someone lives",
			"Deputies said a Zorbelton man and Jane Doe, 38, of Quillsby were arrested.",
			[]ent{{"Zorbelton", 0, sitrep.GPE}, {"Quillsby", 0, sitrep.GPE}},
			[]placeWant{{"Zorbelton", 0, ""}, {"Quillsby", 0, ""}}, nil},
		{"a parish written with its particle joined",
			"He served on the DeSoto Parish Police Jury near Mansfield.",
			nil,
			[]placeWant{{"DeSoto Parish", 0, "Louisiana"}}, nil},
		{"the Midwest is a region",
			"Sprouts sickened people in four Midwest states.",
			[]ent{{"Midwest", 0, sitrep.Loc}},
			[]placeWant{{"Midwest", 0, ""}}, nil},
		{"a double-barrelled surname is no compound of places",
			"Matthew Holder-Wooloff, 15, joined the club.",
			nil, nil, []string{"Holder"}},
		{"a town joined to its county's bare name",
			"An Athens-Clarke police officer was hurt.",
			nil,
			[]placeWant{{"Athens", 0, ""}}, nil},
		{"a person's given name typed GPE",
			"Critics of Donald Trump spoke. When something gets under Donald's thin skin, he lashes out.",
			[]ent{{"Donald Trump", 0, sitrep.Person}, {"Donald", 1, sitrep.GPE}},
			nil, []string{"Donald"}},
		{"a car make is no town",
			"Their red 1991 Honda broke down near the gas station.",
			[]ent{{"Honda", 0, sitrep.GPE}}, nil, []string{"Honda"}},
		{"a year before Christ is no province",
			"The ruins in Jericho date to 500 B.C. and earlier.",
			nil, nil, []string{"B.C."}},
		{"qualifier after the entity stage's span",
			"Residents of Dublin, Ohio, and Paris, Texas, were surveyed.",
			[]ent{{"Dublin", 0, sitrep.GPE}, {"Paris", 0, sitrep.GPE}},
			[]placeWant{{"Dublin", 0, "Ohio"}, {"Paris", 0, "Texas"}}, nil},
	}
	p := NewParser(testGaz(t))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.Parse(testDoc(&sitrep.Article{Text: tt.text}), entities(t, tt.text, tt.ents))
			spans := map[sitrep.Span]sitrep.Place{}
			for _, g := range got {
				spans[g.Span] = g
			}
			for _, w := range tt.want {
				s := entities(t, tt.text, []ent{{w.text, w.n, sitrep.GPE}})[0].Span
				g, ok := spans[s]
				if !ok {
					t.Errorf("%q #%d not found; got %+v", w.text, w.n, got)
					continue
				}
				if w.admin1 != "" && g.Admin1 != w.admin1 {
					t.Errorf("%q #%d resolved to %s, %s %s; want admin-1 %s", w.text, w.n, g.Name, g.Admin1, g.Country, w.admin1)
				}
			}
			for _, g := range got {
				for _, n := range tt.not {
					if g.Text == n {
						t.Errorf("%q at %v is no toponym here", n, g.Span)
					}
				}
			}
		})
	}
}

// TestCommonWordTag checks that a one-word name the tagger reads as a
// common word is no toponym without a cue, and that a cue keeps it.
func TestCommonWordTag(t *testing.T) {
	p := NewParser(testGaz(t))
	tests := []struct {
		text, word, tag string
		want            bool
	}{
		{"Pace yourself and drink water.", "Pace", "VB", false},
		{"Pace yourself and drink water.", "Pace", "NNP", true},
		{"Floods reached homes in Pace on Monday.", "Pace", "NN", true},
	}
	for _, tt := range tests {
		doc := testDoc(&sitrep.Article{Text: tt.text})
		for si := range doc.Sentences {
			for ti := range doc.Sentences[si].Tokens {
				tk := &doc.Sentences[si].Tokens[ti]
				tk.Tag = "NN"
				if tk.Text == tt.word {
					tk.Tag = tt.tag
				}
			}
		}
		ents := entities(t, tt.text, []ent{{tt.word, 0, sitrep.GPE}})
		got := false
		for _, pl := range p.Parse(doc, ents) {
			if pl.Text == tt.word {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%q with %s tagged %s: found %v, want %v", tt.text, tt.word, tt.tag, got, tt.want)
		}
	}
}
