package entity

import (
	"strings"
	"testing"
)

func TestRecognizeSports(t *testing.T) {
	r := New(nil)
	tests := []renderCase{
		{"results table",
			"SOCCER - NORTHLAND LEAGUE RESULTS .\n\nLONDON 1996-08-30\n\nGrumbleton 3 Leeds 1\n\nWaxford 's Tom Pike scored twice .",
			[]string{"LONDON/GPE", "Grumbleton/ORG", "Leeds/ORG", "Waxford/ORG", "Tom Pike/PERSON"}, nil},
		{"towns as venues stay places",
			"The rugby side lost at Cardiff on Saturday. In Leeds : Bristol 12 Cardiff 10",
			[]string{"Cardiff/GPE", "Leeds/GPE", "Bristol/ORG"}, nil},
		{"clubs by their heads",
			"Borussia Quellstadt 2 Vitesse Morrow 0 in the football league .",
			[]string{"Borussia Quellstadt/ORG", "Vitesse Morrow/ORG"}, nil},
		{"a sport named in a lede without scores is no sports report",
			"Police clashed with football fans on Monday .\n\nCairo said the squad of officers made a penalty arrest .",
			[]string{"Cairo/GPE"}, nil},
		{"towns outside sport",
			"Leeds and Cardiff voted on Monday. The mayor of Bristol spoke.",
			[]string{"Leeds/GPE", "Cardiff/GPE", "Bristol/GPE"}, nil},
		{"acronym heads an organisation",
			"Analysts at SBK Wolmar said the shares would rise.",
			[]string{"SBK Wolmar/ORG"}, []string{"SBK Wolmar/PERSON"}},
		{"table row labels",
			"Attendance 18,500 .\n\nSales 26.00 26.70",
			nil, []string{"Attendance/", "Sales/"}},
		{"event names leave no organisation",
			"She reached the third round of the Canadian Open .",
			[]string{"Canadian/NORP"}, []string{"Open/"}},
		{"team names and double particles",
			"The rugby match : Dorvel Kessel scored , Joost van der Pellow kicked , and the Cleveland Indians lost 12-10 .",
			[]string{"Joost van der Pellow/PERSON", "Cleveland Indians/ORG"}, nil},
		{"a given name that is also a demonym",
			"Christian Springer scored .",
			[]string{"Christian Springer/PERSON"}, nil},
		{"cricket scorecards name players",
			"CRICKET - VANTIA V DORVEL SCOREBOARD\n\nSaeed Anwar c Crell b Morka 176\n\nBowling : Pellow 22-6-56-2 , Morka 14-3-45-1",
			[]string{"Crell/PERSON", "Morka/PERSON", "Pellow/PERSON"}, nil},
		{"foreign given name mis-tagged",
			"Yevgeny Kafelnikov beat Mats Wilander in Paris .",
			[]string{"Yevgeny Kafelnikov/PERSON"}, nil},
	}
	runRenderCases(t, r, tests)
}

func TestRecognizeOrgShapes(t *testing.T) {
	r := New(nil)
	tests := []renderCase{
		{"for inside an organisation",
			"Monitors from the Organisation for Harbour Safety and Cooperation in Vantia arrived.",
			[]string{"Organisation for Harbour Safety and Cooperation/ORG"}, nil},
		{"and before an organisation's head",
			"The Fisheries and Canals Commission fined the firm.",
			[]string{"Fisheries and Canals Commission/ORG"}, nil},
		{"and between two names stays a split",
			"Britain and France signed. The Ministry of Defence and Foreign Ministry met.",
			[]string{"Britain/GPE", "France/GPE"}, []string{"Defence and Foreign"}},
		{"a head word alone names nothing unless 'the' makes it one",
			"BASEBALL - MAJOR LEAGUE STANDINGS\n\nThe League said so.",
			[]string{"League/ORG"}, []string{"LEAGUE/", "BASEBALL/"}},
		{"given names and scorers",
			"\" Tony and I agreed , \" he said .\n\nCocu 54th , Gabriel ( 86th ) .",
			[]string{"Tony/PERSON", "Cocu/PERSON", "Gabriel/PERSON"}, nil},
	}
	runRenderCases(t, r, tests)
}

func TestRecognizeOrgHeads(t *testing.T) {
	r := New(nil)
	tests := []renderCase{
		{"media and company heads",
			"Mervale Radio said the Dalton Brothers and Kesk Shipping would merge.",
			[]string{"Mervale Radio/ORG", "Dalton Brothers/ORG", "Kesk Shipping/ORG"}, nil},
		{"team with its country and score",
			"In Tolnar : Harva Vintor ( Norway ) 2 Kessel Morrow ( Wales ) 1 in the soccer cup .",
			[]string{"Harva Vintor/ORG", "Kessel Morrow/ORG", "Tolnar/GPE"}, nil},
		{"ampersand firms and company words",
			"Dorran & Pike cut Velmont Cables to hold, and Tarrow Co said so.",
			[]string{"Dorran & Pike/ORG", "Velmont Cables/ORG", "Tarrow Co/ORG"}, nil},
		{"organisation nouns around names",
			"The rebel group Bright Sword attacked. The daily Le Vantien said Orva Pelk shares fell.",
			[]string{"Bright Sword/ORG", "Le Vantien/ORG", "Orva Pelk/ORG"}, nil},
		{"bracketed abbreviation",
			"The Vantian Farmers Union ( VFU ) protested.",
			[]string{"VFU/ORG"}, nil},
		{"ampersand tokens and head words with a follower",
			"K&T cut its rating , and Navy spokesman Tom Pike said so .",
			[]string{"K&T/ORG", "Navy/ORG", "Tom Pike/PERSON"}, nil},
		{"a firm's seat after 'of'",
			"It bought Kessel Software of Dorvel and sold shares in the Bank of Vantia .",
			[]string{"Kessel Software/ORG", "Dorvel/", "Bank of Vantia/ORG"}, []string{"Software of Dorvel"}},
		{"role words before a name",
			"Treasurer Peter Pellow said so . Advisors Morgan Kessel agreed . JP Harkin , a financier , left .",
			[]string{"Peter Pellow/PERSON[Treasurer]"}, []string{"Advisors", "JP Harkin/ORG"}},
		{"currencies and quarters",
			"Profit rose to C$ 5 million in Q1 .",
			nil, []string{"C$", "Q1/"}},
	}
	runRenderCases(t, r, tests)
}

func TestRecognizePlaceContexts(t *testing.T) {
	r := New(nil)
	tests := []renderCase{
		{"datelines",
			"VORSKA 1996-08-22\n\nFive people died.\n\nKELMARK , Vantia 1996-08-21\n\nPELTON , Ala .",
			[]string{"VORSKA/GPE", "KELMARK/GPE", "Vantia/GPE", "PELTON/GPE", "Ala/GPE"}, nil},
		{"place nouns",
			"Cholera killed five in the central town of Kavolack and spread to the capital Dorvin .",
			[]string{"Kavolack/GPE", "Dorvin/GPE"}, nil},
		{"month ranges, numbers and ratings",
			"Exports Jan-April rose . Fifty Russians died . It is rated BBB+ by the agency .",
			[]string{"Russians/NORP"}, []string{"Jan-April", "Fifty", "BBB+"}},
		{"place nouns after the name",
			"They met at the Kavor stadium near the Zelta hinterland in Dorvel province .",
			[]string{"Kavor/LOC", "Zelta/LOC"}, nil},
		{"confederation of",
			"Data from the Confederation of Vantian Industry showed a fall.",
			[]string{"Confederation of Vantian Industry/ORG"}, nil},
	}
	runRenderCases(t, r, tests)
}

type townLex struct{}

func (townLex) Place(name string) (bool, bool) { return name == "Ball" || name == "Grimsby", false }
func (townLex) Demonym(string) bool            { return false }

func TestRecognizeSportsLexicon(t *testing.T) {
	r := New(townLex{})
	got := render(r.Recognize(analyze("SOCCER - BALL QUITS\n\nAlan Ball resigned as manager on Monday . Grimsby 2 Leeds 1 . Ball said he was tired .")))
	for _, w := range []string{"Alan Ball/PERSON", "Ball/PERSON=Alan Ball", "Grimsby/ORG", "Leeds/ORG"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in %s", w, got)
		}
	}
}

func TestRecognizeOrgPersonSplit(t *testing.T) {
	r := New(nil)
	got := render(r.Recognize(analyze("Vantia Director of Engineering Paul Hammerwick said the residents of Kelby House were told. Trailing Dorvin's Tom Pike, he won. The Trade Community of West Vantian States met.")))
	got += render(r.Recognize(analyze("He met Minister of Finance Bill Pellow, the Council of Europe and NATO, and Vantian Information Ministry Director-General Omar Kessel.")))
	for _, w := range []string{"Paul Hammerwick/PERSON", "Trade Community of West Vantian States/ORG", "Bill Pellow/PERSON[Minister of Finance]", "Council of Europe/ORG", "NATO/ORG", "Omar Kessel/PERSON[Director-General]"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in %s", w, got)
		}
	}
	for _, w := range []string{"Engineering Paul", "Kelby House/GPE", "Trailing"} {
		if strings.Contains(got, w) {
			t.Errorf("unwanted %q in %s", w, got)
		}
	}
}

func TestRecognizeTitleWords(t *testing.T) {
	r := New(nil)
	got := render(r.Recognize(analyze("Prime Minister John Major spoke . Later Major said the Director would resign , and the Queen agreed .")))
	if !strings.Contains(got, "Major/PERSON=John Major") {
		t.Errorf("missing lone surname in %s", got)
	}
	for _, w := range []string{"Director/", "Queen/"} {
		if strings.Contains(got, w) {
			t.Errorf("unwanted %q in %s", w, got)
		}
	}
}

func TestRecognizeDemonymGroups(t *testing.T) {
	r := New(nil)
	got := render(r.Recognize(analyze("Bosnian Serb leaders met Iraqi Kurdish envoys and Iraqi Hadi al-Amiri .")))
	for _, w := range []string{"Bosnian Serb/NORP", "Iraqi Kurdish/NORP", "Hadi al-Amiri/PERSON"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in %s", w, got)
		}
	}
}

func TestRecognizeCommonWordsAlone(t *testing.T) {
	r := New(nil)
	got := render(r.Recognize(analyze("The coal price rose . He founded the European Coal and Steel Community with Vantex . Mark Frost saw the frost ; then Frost left .")))
	if !strings.Contains(got, "Frost/PERSON=Mark Frost") {
		t.Errorf("known surname dropped in %s", got)
	}
	if strings.Contains(got, "Coal/") {
		t.Errorf("common word kept in %s", got)
	}
	if !strings.Contains(got, "Vantex/ORG") {
		t.Errorf("missing Vantex in %s", got)
	}
}
