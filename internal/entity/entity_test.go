package entity

import (
	"fmt"
	"strings"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
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
	r := New(nil)
	tests := []renderCase{
		{"titles and linking",
			"President Donald Trump blamed Iran. Trump tweeted that Iran would pay. Mr Trump later spoke.",
			[]string{"Donald Trump/PERSON[President]#1", "Iran/GPE#2", "Trump/PERSON=Donald Trump#1", "Trump/PERSON=Donald Trump[Mr]#1"}, nil},
		{"military title and appositive",
			"Army Gen. Paul Hartley, the head of the Joint Chiefs of Staff, told reporters the base is calm. Hartley said more.",
			[]string{"Paul Hartley/PERSON[Army Gen.]#1", "Joint Chiefs of Staff/ORG#2", "Hartley/PERSON=Paul Hartley#1"}, nil},
		{"secretary of defence",
			"Secretary of Defence Mark Esper said the game had changed.",
			[]string{"Mark Esper/PERSON[Secretary of Defence]"}, nil},
		{"embassy and modifiers",
			"Iran-backed Iraqi militias attacked the US Embassy in Baghdad. Pro-Iranian protesters left.",
			[]string{"Iran-backed/NORP=Iran", "Iraqi/NORP", "US Embassy/ORG", "Baghdad/GPE", "Pro-Iranian/NORP=Iranian"}, nil},
		{"sentence-initial common words",
			"Protesters stormed the gates. Smoke rises from the room. Swarms of protesters gathered near the protesters.",
			nil, []string{"Protesters/", "Smoke/", "Swarms/"}},
		{"given names common in world news",
			"Volodymyr Petrenko met Recep Aydin in Ankara.",
			[]string{"Volodymyr Petrenko/PERSON", "Recep Aydin/PERSON"}, nil},
		{"different people sharing a surname",
			"Mark Esper met Sarah Esper. Esper said nothing.",
			[]string{"Mark Esper/PERSON#1", "Sarah Esper/PERSON#2", "Esper/PERSON=Sarah Esper#2"}, nil},
		{"country aliases and org acronyms",
			"The United States and the US military. The Popular Mobilization Forces, or PMF, said the UN was silent.",
			[]string{"United States/GPE#1", "US/GPE=United States#1", "PMF/ORG=Popular Mobilization Forces"}, nil},
		{"demonym before title",
			"Iraqi Prime Minister Adel Abdul Mahdi condemned the strikes on Kataib Hezbollah.",
			[]string{"Iraqi/NORP", "Adel Abdul Mahdi/PERSON[Prime Minister]", "Kataib Hezbollah/ORG"}, nil},
		{"based and cities",
			"The Dubai-based channel said clashes erupted in Karbala, Iraq.",
			[]string{"Dubai/GPE", "Karbala/GPE", "Iraq/GPE"}, nil},
		{"headline",
			"SOCCER - JAPAN GET LUCKY WIN IN LONDON\n\nJapan beat Syria 2-1 in London on Friday.",
			[]string{"JAPAN/GPE", "LONDON/GPE"}, []string{"LUCKY", "SOCCER"}},
		{"lower-case role word",
			"The group's spokesman Ahmed Qassem said it was over.",
			[]string{"Ahmed Qassem/PERSON[spokesman]"}, nil},
		{"organisation cue words",
			"The Ministry of Defence and Central Command and the Tigris River and Nineveh Province.",
			[]string{"Ministry of Defence/ORG", "Central Command/ORG", "Tigris River/LOC", "Nineveh Province/GPE"}, nil},
	}
	runRenderCases(t, r, tests)
}

// renderCase is a text with substrings its rendering must and must not
// hold.
type renderCase struct {
	name, text string
	want       []string // substrings of the rendering
	not        []string
}

func runRenderCases(t *testing.T, r *Recognizer, tests []renderCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := render(r.Recognize(analyze(tc.text)))
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
		})
	}
}

func TestRecognizeSpans(t *testing.T) {
	r := New(nil)
	text := "Trump’s envoy met Qassem Soleimani’s aides in Baghdad."
	doc := analyze(text)
	for _, e := range r.Recognize(doc) {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("span %v text %q != %q", e.Span, text[e.Start:e.End], e.Text)
		}
		if strings.HasSuffix(e.Text, "s") && strings.Contains(e.Text, "’") {
			t.Errorf("possessive kept: %q", e.Text)
		}
	}
}

func TestRecognizeNil(t *testing.T) {
	r := New(nil)
	if got := r.Recognize(nil); got != nil {
		t.Errorf("nil doc: %v", got)
	}
	if got := r.Recognize(&sitrep.Doc{}); got != nil {
		t.Errorf("empty doc: %v", got)
	}
}

type fakeLex struct{}

func (fakeLex) Place(name string) (bool, bool) { return name == "Fallujahville", false }
func (fakeLex) Demonym(w string) bool          { return w == "Ruritanian" }

func TestRecognizeLexicon(t *testing.T) {
	r := New(fakeLex{})
	got := render(r.Recognize(analyze("Ruritanian troops entered Fallujahville on Monday.")))
	for _, w := range []string{"Ruritanian/NORP", "Fallujahville/GPE"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in %s", w, got)
		}
	}
}
