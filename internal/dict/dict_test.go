package dict

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/cameo"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// defaults loads the embedded dictionaries once per test binary.
var defaults = sync.OnceValues(LoadDefault)

func loadDefault(t testing.TB) *Dictionaries {
	t.Helper()
	d, err := defaults()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func words(s string) []string { return strings.Fields(s) }

func TestLoadDefault(t *testing.T) {
	start := time.Now()
	d, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("LoadDefault %v: %d blocks, %d patterns, %d verb forms, %d nouns, %d actor names, %d agents, %d discards",
		time.Since(start), d.Verbs.Blocks(), d.Verbs.Patterns(), d.Verbs.Forms(), d.Verbs.Nouns(), d.Actors.Len(), d.Agents.Len(), d.Discards.Len())
	// Phoenix has two patterns using undefined synsets (&WEATHER,
	// &DEMONSTRATION); PETRARCH ignores them too. Anything else is a bug.
	for _, w := range d.Warnings {
		if !strings.Contains(w.Error(), "undefined synset") {
			t.Errorf("warning: %v", w)
		}
	}
	if d.Verbs.Blocks() < 400 || d.Verbs.Patterns() < 4400 || d.Actors.Len() < 34000 || d.Agents.Len() < 5000 || d.Discards.Len() < 400 {
		t.Errorf("too few entries")
	}
}

func TestVerbsMatch(t *testing.T) {
	d := loadDefault(t)
	tests := []struct {
		verb          string
		before, after string
		code          string // "" = no event expected
		root          string // alternatively, only the root must match
		lemma         string
		words         int
	}{
		{"stormed", "", "the embassy compound", "", "17", "storm", -1},
		{"storming", "", "", "190", "", "storm", 0},
		{"threatened", "", "", "130", "", "threaten", 0},
		{"threatened", "", "to retaliate against iran", "138", "", "threaten", 2},
		{"threatens", "", "iran with sanctions", "", "13", "threaten", -1},
		{"blamed", "", "iran for the attack", "112", "", "blame", -1},
		{"blames", "", "", "112", "", "blame", 0},
		{"warned", "", "", "130", "", "warn", 0},
		{"warned", "", "of retaliation", "138", "", "warn", 2},
		{"sent", "", "troops to the region", "154", "", "send", -1},
		{"sent", "", "hundreds of marines", "", "15", "send", -1},
		{"deployed", "were soldiers iraqi", "", "", "15", "deploy", -1},
		{"asked", "", "for aid", "023", "", "ask for", 2},
		{"asked", "", "for financial aid", "0231", "", "ask for", 3},
		{"asks", "", "for humanitarian aid", "0233", "", "ask for", 3},
		{"carried", "", "out airstrikes on militia positions", "195", "", "carry out", 2},
		{"launched", "", "a drone strike", "", "19", "", -1},
		{"torched", "", "a reception area", "1712", "", "torch", 0},
		{"set", "", "fire to the reception area", "1712", "", "set fire to", 2},
		{"tweeted", "", "", "010", "", "tweet", 0},
		{"reopened", "", "its border with syria", "0863", "", "reopen", -1},
		{"taken", "", "several steps", "", "", "take", -1},
		{"enhance", "", "political freedoms", "0811", "", "enhance", -1},
		{"opened", "", "the border crossings", "0863", "", "open", -1},
		{"hurled", "", "stones at the police", "145", "", "hurl", -1},
		{"fired", "", "tear gas at protesters", "175", "", "", -1},
		{"condemned", "", "the attack", "111", "", "condemn", -1},
		{"visited", "", "baghdad", "042", "", "", -1},
		{"met", "", "", "", "04", "", -1},
		{"laid", "", "siege to the embassy", "191", "", "lay", -1},
		{"launch", "", "pre-emptive strikes against the militias", "190", "", "", -1},
		{"held", "", "somalia accountable for the attack", "112", "", "", -1},
		{"vowed", "", "retribution against somalia", "138", "", "", -1},
		{"rushed", "", "reinforcements to somalia", "154", "", "", -1},
		{"rushed", "", "aid to somalia", "070", "", "", -1},
		{"fired", "", "tear gas to push back the crowd", "175", "", "", -1},
		{"expelled", "", "the kenyan ambassador", "161", "", "", -1},
		{"expelled", "", "two journalists", "174", "", "", -1},
		{"dispatched", "", "a team of security personnel to the capital", "154", "", "", -1},
		{"dispatched", "", "a team of experts to the capital", "036", "", "", -1},
		{"broke", "", "through the main gate of the embassy", "171", "", "break", -1},
		{"broke", "", "through in the asian market", "", "", "", -1},
		// Of two equally specific patterns, the one nearer the verb.
		{"held", "", "somalia responsible for the strike", "112", "", "hold", -1},
		{"backed", "", "iraq in the seven-year war against iran", "051", "", "back", -1},
		{"yawned", "", "", "", "", "", -1}, // unknown verb
	}
	for _, tt := range tests {
		m, ok := d.Verbs.Match(tt.verb, words(tt.before), words(tt.after))
		want := tt.code != "" || tt.root != ""
		if ok != want {
			t.Errorf("Match(%q, %q, %q) ok = %v (%+v), want %v", tt.verb, tt.before, tt.after, ok, m, want)
			continue
		}
		if !ok {
			continue
		}
		if tt.code != "" && m.Code != tt.code {
			t.Errorf("Match(%q, %q, %q) = %s (%+v), want %s", tt.verb, tt.before, tt.after, m.Code, m, tt.code)
		}
		if tt.root != "" && !strings.HasPrefix(m.Code, tt.root) {
			t.Errorf("Match(%q, %q, %q) = %s (%+v), want root %s", tt.verb, tt.before, tt.after, m.Code, m, tt.root)
		}
		if tt.lemma != "" && m.Lemma != tt.lemma {
			t.Errorf("Match(%q).Lemma = %q, want %q", tt.verb, m.Lemma, tt.lemma)
		}
		if tt.words >= 0 && m.Words != tt.words {
			t.Errorf("Match(%q, %q, %q).Words = %d, want %d (%+v)", tt.verb, tt.before, tt.after, m.Words, tt.words, m)
		}
		if m.Source == "" {
			t.Errorf("Match(%q): no Source", tt.verb)
		}
	}
}

func TestVerbsKnownAndNouns(t *testing.T) {
	d := loadDefault(t)
	for _, f := range []string{"stormed", "storm", "sent", "deploying", "threatens", "blamed", "said"} {
		if !d.Verbs.Known(f) {
			t.Errorf("Known(%q) = false", f)
		}
	}
	if d.Verbs.Known("xyzzy") {
		t.Error("Known(xyzzy) = true")
	}
	nouns := map[string]string{"attack": "19", "airstrikes": "195", "air strike": "195", "assault": "19", "raid": "19",
		"protest": "14", "talks": "04", "visit": "042", "sanctions": "16", "ceasefire": "08"}
	for n, root := range nouns {
		m, ok := d.Verbs.NounEvent(n)
		if !ok || !strings.HasPrefix(m.Code, root) {
			t.Errorf("NounEvent(%q) = %+v, %v; want %s*", n, m, ok, root)
		}
	}
	if _, ok := d.Verbs.NounEvent("table"); ok {
		t.Error("NounEvent(table) = true")
	}
	m, ok := d.Verbs.MatchNoun(words("drone strikes on the base"))
	if !ok || m.Code != "195" || m.Words != 2 {
		t.Errorf("MatchNoun(drone strikes ...) = %+v, %v", m, ok)
	}
}

// TestCodesKnown checks every event code in the default dictionaries is
// in the CAMEO codebook.
func TestCodesKnown(t *testing.T) {
	d := loadDefault(t)
	bad := map[string]bool{}
	d.Verbs.Codes(func(c string) {
		if c == nullCode || c == "" {
			return
		}
		if _, ok := cameo.Lookup(c); !ok {
			bad[c] = true
		}
	})
	// Phoenix itself uses two codes missing from the CAMEO 1.1b3 codebook.
	delete(bad, "176")
	delete(bad, "1952")
	if len(bad) > 0 {
		t.Errorf("codes not in the CAMEO codebook: %v", bad)
	}
}

func TestCoverage(t *testing.T) {
	d := loadDefault(t)
	have := map[string]bool{}
	d.Verbs.Codes(func(c string) { have[c] = true })
	roots, codes3 := map[string]bool{}, 0
	for _, c := range cameo.All() {
		if !have[c.Code] {
			continue
		}
		roots[c.Root] = true
		if len(c.Code) == 3 {
			codes3++
		}
	}
	t.Logf("coverage: %d roots, %d 3-digit codes with a verb, pattern or noun", len(roots), codes3)
	if len(roots) < 20 {
		t.Errorf("only %d roots covered", len(roots))
	}
}

func TestActorsMatch(t *testing.T) {
	d := loadDefault(t)
	tests := []struct {
		text, date, code string
		n                int
	}{
		{"donald trump said", "2019-12-31", "USAGOV", 2},
		{"the taliban said", "2023-03-13", "AFGGOV", 2},
		{"the pakistani taliban said", "2023-03-13", "PAKREB", 3},
		{"donald trump said", "2015-06-01", "USAELI", 2},
		{"donald trump said", "2022-06-01", "USAELI", 2},
		{"donald trump said", "2025-03-01", "USAGOV", 2},
		{"trump", "", "USAGOV", 1},
		{"joe biden", "2020-06-01", "USAELI", 2},
		{"joe biden", "2021-01-20", "USAGOV", 2},
		{"mark milley", "2020-01-02", "USAMIL", 2},
		{"mark milley", "2024-01-02", "USAELI", 2},
		{"mark esper", "2020-01-02", "USAGOV", 2},
		{"emmanuel macron", "2020-01-01", "FRAGOV", 2},
		{"united states", "", "USA", 2},
		{"u.s. embassy in baghdad", "", "USAGOV", 2},
		{"iraqi", "2019-12-31", "IRQ", 1},
		{"baghdad", "2019-12-31", "IRQ", 1},
		{"iran", "", "IRN", 1},
		{"kataib hezbollah militia", "", "IRQUAF", 2},
		{"the white house", "", "USAGOV", 3},
		{"the white_house said", "", "USAGOV", 2},
		{"united_states said", "", "USA", 1},
		{"united_stat said", "", "", 0},
		{"zzz", "", "", 0},
	}
	for _, tt := range tests {
		m, ok := d.Actors.Match(words(tt.text), tt.date)
		if ok != (tt.code != "") || m.Code != tt.code || m.Words != tt.n {
			t.Errorf("Actors.Match(%q, %q) = %+v, %v; want %s/%d", tt.text, tt.date, m, ok, tt.code, tt.n)
		}
	}
}

func TestAgentsMatch(t *testing.T) {
	d := loadDefault(t)
	tests := map[string]string{
		"police": "COP", "soldiers": "MIL", "troops": "MIL", "marines": "MIL", "army": "MIL",
		"militia": "UAF", "militiamen": "UAF", "protesters": "OPP", "demonstrators": "OPP",
		"rebels": "REB", "government": "GOV", "ministry": "GOV", "embassy": "GOV", "civilians": "CVL",
		"security forces": "MIL", "contractor": "BUS", "riot police": "COP",
	}
	for text, want := range tests {
		code, n, ok := d.Agents.Match(words(text + " gathered"))
		if !ok || code != want || n != len(words(text)) {
			t.Errorf("Agents.Match(%q) = %s %d %v, want %s", text, code, n, ok, want)
		}
	}
	if _, _, ok := d.Agents.Match(words("table")); ok {
		t.Error("Agents.Match(table) = true")
	}
}

func TestDiscards(t *testing.T) {
	d := loadDefault(t)
	if ph, ok := d.Discards.Match(words("the team won the world cup final")); !ok || ph != "world cup" {
		t.Errorf("Discards.Match = %q %v", ph, ok)
	}
	if _, ok := d.Discards.Match(words("protesters stormed the embassy in baghdad")); ok {
		t.Error("news sentence discarded")
	}
	// The additions' "+davis cup" (the whole sentence) overrides Phoenix's
	// "davis cup*" (the nearest verb's event only).
	if m, ok := d.Discards.Find(words("spain beat australia in the davis cup final")); !ok || !m.Story {
		t.Errorf("Discards.Find(davis cup) = %+v %v, want a story discard", m, ok)
	}
}

func TestPhoenixAndValidationFiles(t *testing.T) {
	ph := sitreptest.SharedFile(t, "dictionaries/phoenix")
	d, err := LoadPetrarch(filepath.Join(ph, "CAMEO.2.0.txt"), filepath.Join(ph, "Phoenix.Countries.actors.txt"),
		filepath.Join(ph, "Phoenix.agents.txt"), filepath.Join(ph, "Phoenix.discards.txt"))
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d", what, got, want)
		}
	}
	check("phoenix verb blocks", d.Verbs.Blocks(), 397)
	check("phoenix patterns", d.Verbs.Patterns(), 4380)
	check("phoenix actor names", d.Actors.Len(), 25847)
	check("phoenix agents", d.Agents.Len(), 5019)
	check("phoenix discards", d.Discards.Len(), 505)
	if len(d.Warnings) > 10 {
		t.Errorf("%d warnings: %v", len(d.Warnings), d.Warnings)
	}

	v := sitreptest.SharedFile(t, "gold/dev/petrarch-validation-dictionaries")
	d, err = LoadPetrarch(filepath.Join(v, "PETR.Validate.verbs.txt"), filepath.Join(v, "PETR.Validate.actors.txt"),
		filepath.Join(v, "PETR.Validate.agents.txt"), filepath.Join(v, "PETR.Validate.discards.txt"))
	if err != nil {
		t.Fatal(err)
	}
	check("validation verb blocks", d.Verbs.Blocks(), 260)
	check("validation patterns", d.Verbs.Patterns(), 471)
	check("validation actor names", d.Actors.Len(), 160)
	check("validation agents", d.Agents.Len(), 164)
	check("validation discards", d.Discards.Len(), 9)

	// Date restrictions: first satisfied restriction wins, bounds inclusive.
	for _, tt := range []struct{ name, date, code string }{
		{"gollum", "1990-01-01", "HOB"},
		{"gollum", "1997-01-01", "HOBGOV"},
		{"gollum", "1999-08-16", "HOBREB"},
		{"sam gamgee", "2007-01-01", "HOBCIV"},
		{"sam gamgee", "2010-01-10", "ORCHOB"},
		{"sam gamgee", "2011-01-01", "HOBMIL"},
		{"sam gamgee", "2013-01-01", "HOBGOV"},
		{"sam gamgee", "2014-01-01", "HOBELI"},
		{"hamfast gamgee", "2014-01-01", "HOB"},
		{"prince of dol amroth", "1990-01-01", ""},
		{"prince of dol amroth", "1996-01-01", "DOL"},
	} {
		m, _ := d.Actors.Match(words(tt.name), tt.date)
		if m.Code != tt.code {
			t.Errorf("%s on %s = %q, want %q", tt.name, tt.date, m.Code, tt.code)
		}
	}
	// Verb syntax: synsets, nested synsets, "_" joins, multiword verbs,
	// paired codes, markers.
	for _, tt := range []struct {
		verb, before, after, code string
	}{
		{"abandoned", "", "diplomatic ties", "901"},
		{"abandon", "", "new military relations", "903"},
		{"abandons", "", "economic ties", "902"},
		{"accorded", "in", "", "075"},
		{"accorded", "now in", "", "072"},
		{"accorded", "closer inching", "", "083"}, // &ACCORDSYN → &TIETYPES/CLOSER
		{"broke", "", "down", "1717"},
		{"admitted", "", "", "013"},
		{"agreed", "", "with them", "031"},
		{"banning", "", "", ""}, // BAN {BANS BANNED}: irregular list only
		{"banned", "", "", "191"},
	} {
		m, ok := d.Verbs.Match(tt.verb, words(tt.before), words(tt.after))
		if ok != (tt.code != "") || m.Code != tt.code {
			t.Errorf("validation Match(%q, %q, %q) = %+v %v, want %q", tt.verb, tt.before, tt.after, m, ok, tt.code)
		}
	}
	if m, _ := d.Verbs.Match("admitted", nil, nil); m.Pair != "012" {
		t.Errorf("admit pair = %q, want 012", m.Pair)
	}
	if code, _, ok := d.Agents.Match(words("congresswomen")); !ok || code != "LEG" {
		t.Errorf("!PERSON! substitution: %q %v", code, ok)
	}
	if code, _, prefix, ok := d.Agents.MatchPrefix(words("human rights body")); !ok || code != "NGO" || !prefix {
		t.Errorf("NGO~ prefix: %q %v %v", code, prefix, ok)
	}
	if code, _, ok := d.Agents.Match(words("golden geese")); !ok || code != "GGS" {
		t.Errorf("irregular plural: %q %v", code, ok)
	}
}

// TestLoadLayers checks user files override the defaults, in both formats,
// and that Load detects the format.
func TestLoadLayers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("my.verbs.txt", "# sitrep verbs\n@block STORM 145\nstorm\n- * (into parliament) = 1451\n")
	write("extra.actors", "GONDOR_ [GON]\n+MINAS_TIRITH\nDONALD_TRUMP_ [USAMOV]\n")
	write("README.md", "not a dictionary\n")
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := d.Verbs.Match("stormed", nil, words("the building")); !ok || m.Code != "145" {
		t.Errorf("override: %+v %v", m, ok)
	}
	if m, ok := d.Verbs.Match("stormed", nil, words("into parliament")); !ok || m.Code != "1451" {
		t.Errorf("override pattern: %+v %v", m, ok)
	}
	if m, ok := d.Actors.Match(words("minas tirith"), ""); !ok || m.Code != "GON" {
		t.Errorf("petrarch actor layer: %+v %v", m, ok)
	}
	// The PETRARCH record replaces the name but its default code only
	// applies where it has no dated roles.
	if m, ok := d.Actors.Match(words("donald trump"), "2019-01-01"); !ok || m.Code != "USAMOV" {
		t.Errorf("later actor entry should win: %+v %v", m, ok)
	}
	if m, ok := d.Verbs.Match("threatened", nil, nil); !ok || m.Code != "130" {
		t.Errorf("defaults lost: %+v %v", m, ok)
	}
	if len(d.Files) != 2*len(defaultFiles)+2 {
		t.Errorf("files = %v", d.Files)
	}
}

// TestConvertRoundTrip converts PETRARCH text to sitrep format and checks
// both load to the same matches.
func TestConvertRoundTrip(t *testing.T) {
	verbs := "&MIL\n+TROOP\n+ARMED_FORCES_\n\n--- SEND [---] ---\nSEND {SENDS SENT SENDING}\n+CARRY_OUT {+CARRIED_OUT}\nWIRE_+TAP [090]\n- * &MIL [154] # SEND\n- $ * (TO +) [042:043]\n- * SUPPLIES [:073]\n"
	var buf bytes.Buffer
	warns, err := ConvertPetrarch(KindVerbs, "t.verbs", []byte(verbs), "test", &buf)
	if err != nil || len(warns) > 0 {
		t.Fatal(err, warns)
	}
	p := newDictionaries()
	if err := p.addFile("t.verbs", verbs, KindVerbs); err != nil {
		t.Fatal(err)
	}
	s := newDictionaries()
	if err := s.addFile("t.txt", buf.String(), ""); err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings)+len(p.Warnings) > 0 {
		t.Fatal(s.Warnings, p.Warnings)
	}
	cases := []struct{ verb, before, after string }{
		{"sent", "", "troops"}, {"sent", "", "armed forces"}, {"sends", "israel", "envoys to cairo"},
		{"sent", "", "supplies"}, {"carried", "", "out"}, {"wiretapped", "", ""}, {"tapped", "wire", ""},
	}
	for _, c := range cases {
		mp, okp := p.Verbs.Match(c.verb, words(c.before), words(c.after))
		ms, oks := s.Verbs.Match(c.verb, words(c.before), words(c.after))
		mp.Source, ms.Source = "", ""
		if okp != oks || mp != ms {
			t.Errorf("%v: petrarch %+v %v, sitrep %+v %v", c, mp, okp, ms, oks)
		}
	}
	m, ok := s.Verbs.Match("sends", words("israel"), words("envoys to cairo"))
	if !ok || m.Code != "042" || m.Pair != "043" || m.SourceAt != -1 || m.TargetAt != 3 {
		t.Errorf("markers: %+v %v", m, ok)
	}
	m, ok = s.Verbs.Match("sent", nil, words("supplies"))
	if !ok || m.Code != "073" || !m.Reversed {
		t.Errorf("reversed code: %+v %v", m, ok)
	}
	if m, ok := s.Verbs.Match("tapped", words("wire"), nil); !ok || m.Code != "090" || m.Before != 1 {
		t.Errorf("pre-verb multiword: %+v %v", m, ok)
	}
}

func TestTabariDate(t *testing.T) {
	for in, want := range map[string]string{"090120": "2009-01-20", "780101": "1978-01-01", "20130119": "2013-01-19", "1920030320": "2003-03-20", "99": "", "20131340": "", "abc": ""} {
		got, err := tabariDate(in)
		if (err != nil) != (want == "") || got != want {
			t.Errorf("tabariDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestVerbForms(t *testing.T) {
	has := func(base, form string) bool {
		for _, f := range verbForms(base) {
			if f == form {
				return true
			}
		}
		return false
	}
	for base, forms := range map[string][]string{
		"storm": {"storms", "stormed", "storming"}, "blame": {"blames", "blamed", "blaming"},
		"deploy": {"deploys", "deployed", "deploying"}, "carry": {"carries", "carried", "carrying"},
		"stop": {"stopped", "stopping"}, "visit": {"visited", "visiting"}, "reach": {"reaches"},
		"panic": {"panicked"}, "tie": {"tying"}, "agree": {"agreed", "agreeing"},
	} {
		for _, f := range forms {
			if !has(base, f) {
				t.Errorf("verbForms(%q) lacks %q: %v", base, f, verbForms(base))
			}
		}
	}
}

func FuzzParsePetrarchVerbs(f *testing.F) {
	f.Add([]byte("&S\n+A_B\n--- X [010] ---\nGO {WENT}\n+GO_ON [020]\n- * (TO {A B}) &S $ + % ^ [030:031]\n- IN_* [:040]\n~ a (a b Q) SAY = a b Q\n"))
	f.Add([]byte("<!-- c\n-->\n--- [---\n- ** [\n- * &UNDEF [1]\n+\n{}\n_\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := newDictionaries()
		if err := d.addFile("fuzz.verbs", string(data), KindVerbs); err != nil {
			t.Fatal(err)
		}
		for _, w := range d.Warnings {
			if !strings.HasPrefix(w.Error(), "fuzz.verbs:") {
				t.Fatalf("warning without file:line: %v", w)
			}
		}
		d.Verbs.Match("go", words("a b"), words("to a b c"))
		d.Verbs.Match("went", nil, nil)
		d.Verbs.NounEvent("x")
		if err := d.addFile("fuzz.txt", "# sitrep verbs\n"+string(data), ""); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzParseActors(f *testing.F) {
	f.Add([]byte("GONDOR_ [GON]\n+MINAS_TIRITH\n\t[GONGOV 950101-991231]\n\t[GON >20000101]\nX ; c\n\t[Y <1]\n"))
	f.Add([]byte("# sitrep actors\na | b = X; Y 2001-01-01..; Z ..2000-12-31\n= \n|=;\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"fuzz.actors", "fuzz.agents", "fuzz.discards"} {
			d := newDictionaries()
			if err := d.addFile(name, string(data), ""); err != nil {
				t.Fatal(err)
			}
			for _, w := range d.Warnings {
				if !strings.Contains(w.Error(), name+":") {
					t.Fatalf("warning without file:line: %v", w)
				}
			}
			d.Actors.Match(words("gondor minas tirith a b"), "2000-01-01")
			d.Actors.Match(words("x"), "")
			d.Agents.Match(words("a b"))
			d.Discards.Match(words("a b c"))
		}
	})
}
