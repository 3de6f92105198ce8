package entity_test

import (
	"fmt"
	"strings"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/entity"
)

func render(ents []sitrep.Entity) string {
	var b strings.Builder
	for _, e := range ents {
		fmt.Fprintf(&b, "%s/%s", e.Text, e.Type)
		if e.Name != e.Text {
			fmt.Fprintf(&b, "=%s", e.Name)
		}
		if e.Title != "" {
			fmt.Fprintf(&b, "[%s]", e.Title)
		}
		fmt.Fprintf(&b, "#%d; ", e.Ref)
	}
	return b.String()
}

func TestRecognize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // substrings of the rendering
		not        []string
	}{
		{"titles and linking",
			"President Donald Trump blamed Iran. Trump said Iran would pay, and Mr. Trump later spoke again.",
			[]string{"Donald Trump/PERSON[President]#1", "Iran/GPE#2", "Trump/PERSON=Donald Trump#1", "Trump/PERSON=Donald Trump[Mr.]#1"}, nil},
		{"military title",
			"Army Gen. Paul Hartley told reporters the base was calm. Hartley said more troops would come.",
			[]string{"Paul Hartley/PERSON[Army Gen.]#1", "Hartley/PERSON=Paul Hartley#1"}, nil},
		{"organisations with of",
			"The Bank of England raised rates, and the Ministry of Defence said the University of Lagos was closed.",
			[]string{"Bank of England/ORG", "Ministry of Defence/ORG", "University of Lagos/ORG"}, nil},
		{"places",
			"Fighting spread from Aleppo to the Euphrates River, and aid reached Jordan across the Mediterranean Sea. Refugees crossed the Alps.",
			[]string{"Aleppo/GPE", "Euphrates River/LOC", "Jordan/GPE", "Mediterranean Sea/LOC", "Alps/LOC"}, nil},
		{"demonyms and groups",
			"Iraqi officials said Kurdish fighters and Shi'ite militias had joined forces with French advisers.",
			[]string{"Iraqi/NORP", "Kurdish/NORP", "Shi'ite/NORP", "French/NORP"}, nil},
		{"modifiers",
			"Iran-backed militias attacked the US Embassy in Baghdad, and the Dubai-based channel reported it.",
			[]string{"Iran-backed/NORP=Iran", "US Embassy/ORG", "Baghdad/GPE", "Dubai/GPE"}, nil},
		{"all-caps headline",
			"SOCCER - JAPAN BEAT SYRIA IN LONDON\n\nJapan beat Syria 2-1 in London on Friday.",
			[]string{"JAPAN/", "SYRIA/", "LONDON/GPE"}, []string{"SOCCER/", "BEAT/"}},
		{"sentence-initial names and words",
			"Netanyahu met the envoy on Monday. Protesters stormed the gates. Smoke rose over the city.",
			[]string{"Netanyahu/PERSON"}, []string{"Protesters/", "Smoke/", "Monday/"}},
		{"patronymic particles",
			"Foreign Minister Abdi bin Omar al-Haji met Crown Prince Faisal bin Salman on Monday.",
			[]string{"Abdi bin Omar al-Haji/PERSON", "Faisal bin Salman/PERSON"}, []string{"Omar al-Haji/PERSON#"}},
		{"different people sharing a surname",
			"Mark Esper met Sarah Esper in Washington.",
			[]string{"Mark Esper/PERSON#1", "Sarah Esper/PERSON#2", "Washington/GPE#3"}, nil},
		{"acronyms link to their organisation",
			"The Popular Mobilization Forces, or PMF, said the UN was silent. The PMF later denied it.",
			[]string{"Popular Mobilization Forces/ORG#1", "PMF/ORG=Popular Mobilization Forces#1", "UN/ORG"}, nil},
		{"lower-case role word",
			"The group's spokesman Ahmed Qassem said it was over.",
			[]string{"Ahmed Qassem/PERSON[spokesman]"}, nil},
		{"ranks and realms",
			"The Emir of Qatar met the Prince of Wales in London.",
			[]string{"Emir of Qatar/PERSON", "Prince of Wales/PERSON", "London/GPE"}, nil},
		{"companies",
			"Shares of General Motors Corp fell after Goldman Sachs cut its rating.",
			[]string{"General Motors Corp/ORG", "Goldman Sachs/ORG"}, nil},
	}
	r := testEnv(t).r
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := r.Recognize(testEnv(t).analyze(tc.text))
			got := render(ents)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(got, w) {
					t.Errorf("unwanted %q in\n%s", w, got)
				}
			}
			for _, e := range ents {
				if e.Confidence <= 0 || e.Confidence > 1 {
					t.Errorf("%s: confidence %v outside (0,1]", e.Text, e.Confidence)
				}
			}
		})
	}
}

func TestRecognizeSpans(t *testing.T) {
	e := testEnv(t)
	text := "Trump’s envoy met Qassem Soleimani’s aides in Baghdad."
	for _, en := range e.r.Recognize(e.analyze(text)) {
		if text[en.Start:en.End] != en.Text {
			t.Errorf("span %v text %q != %q", en.Span, text[en.Start:en.End], en.Text)
		}
		if strings.HasSuffix(en.Text, "s") && strings.Contains(en.Text, "’") {
			t.Errorf("possessive kept: %q", en.Text)
		}
	}
}

func TestRecognizeNil(t *testing.T) {
	r := testEnv(t).r
	if got := r.Recognize(nil); got != nil {
		t.Errorf("nil doc: %v", got)
	}
	if got := r.Recognize(&sitrep.Doc{}); got != nil {
		t.Errorf("empty doc: %v", got)
	}
	if got := r.Mentions(nil); got != nil {
		t.Errorf("nil doc mentions: %v", got)
	}
}

type fakeLex struct{}

func (fakeLex) Place(name string) (bool, bool) {
	return name == "Ruritania" || name == "Zenda", name == "Ruritania"
}
func (fakeLex) Demonym(w string) bool { return w == "Ruritanian" }

// TestRecognizeLexicon checks that the Lexicon types what the model
// finds: a place it knows is a GPE, a demonym it knows is NORP.
func TestRecognizeLexicon(t *testing.T) {
	e := testEnv(t)
	doc := e.analyze("Ruritanian troops entered the country on Monday. The talks were held in Zenda.")
	for _, tc := range []struct {
		lex  bool
		want []string
	}{
		{true, []string{"Ruritanian/NORP", "Zenda/GPE"}},
		{false, []string{"Zenda/LOC"}},
	} {
		r := e.rNil
		if tc.lex {
			var err error
			if r, err = entity.New(fakeLex{}); err != nil {
				t.Fatal(err)
			}
		}
		got := render(r.Recognize(doc))
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("lexicon %v: missing %q in %s", tc.lex, w, got)
			}
		}
	}
}

func TestSeed(t *testing.T) {
	e := testEnv(t)
	ents := e.r.Recognize(e.analyze(seedText(t)))
	byText := map[string]sitrep.Entity{}
	for _, en := range ents {
		byText[en.Text] = en
	}
	want := map[string]sitrep.EntityType{
		"Donald Trump": sitrep.Person, "Trump": sitrep.Person, "Mark Milley": sitrep.Person,
		"Mark Esper": sitrep.Person, "Baghdad": sitrep.GPE, "Iran": sitrep.GPE, "Iraqi": sitrep.NORP,
		"Joint Chiefs of Staff": sitrep.Org, "Pro-Iranian": sitrep.NORP, "Iran-backed": sitrep.NORP,
	}
	for text, typ := range want {
		en, ok := byText[text]
		if !ok {
			t.Errorf("missing %q", text)
			continue
		}
		if en.Type != typ {
			t.Errorf("%q: type %s, want %s", text, en.Type, typ)
		}
	}
	if en := byText["Trump"]; en.Name != "Donald Trump" {
		t.Errorf("Trump name %q", en.Name)
	}
	for _, bad := range []string{"Smoke", "Protesters", "Swarms", "Fire", "These", "Efforts"} {
		if _, ok := byText[bad]; ok {
			t.Errorf("unwanted mention %q", bad)
		}
	}
	if testing.Verbose() {
		t.Log(render(ents))
	}
}

// BenchmarkRecognize reports the recognizer's speed in tokens per second
// over the seed article (the text stage's work excluded).
func BenchmarkRecognize(b *testing.B) {
	e := testEnv(b)
	doc := e.analyze(seedText(b))
	ntok := 0
	for _, s := range doc.Sentences {
		ntok += len(s.Tokens)
	}
	b.ReportAllocs()
	for b.Loop() {
		e.r.Recognize(doc)
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"President Donald Trump said Iran would pay.",
		"Army Gen. Anna Kowalski, the head of the Polish General Staff, spoke.",
		"Iran-backed Pro-Iranian al-Sadr of the - backed",
		"SOCCER - JAPAN WIN\n\nJapan won.",
		"Mr. . of the & ’s '",
	} {
		f.Add(s)
	}
	e := testEnv(f)
	f.Fuzz(func(t *testing.T, s string) {
		doc := e.analyze(s)
		for _, en := range e.r.Recognize(doc) {
			if en.Start < 0 || en.End > len(s) || en.Start >= en.End || s[en.Start:en.End] != en.Text {
				t.Fatalf("bad span %v %q", en.Span, en.Text)
			}
			if en.Name == "" || en.Ref <= 0 || en.Confidence < 0 || en.Confidence > 1 {
				t.Fatalf("bad entity: %+v", en)
			}
		}
		// Tokens with broken spans must not crash either.
		bad := &sitrep.Doc{Article: &sitrep.Article{Text: s}, Sentences: []sitrep.Sentence{{Tokens: []sitrep.Token{{Span: sitrep.Span{Start: 3, End: 1}, Text: s}}}}}
		e.r.Recognize(bad)
	})
}

// BenchmarkNew measures loading the embedded models and built-in lists.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := entity.New(nil); err != nil {
			b.Fatal(err)
		}
	}
}
