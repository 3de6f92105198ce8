package event

import (
	"reflect"
	"testing"
)

func TestParseLexicon(t *testing.T) {
	src := `# a comment
[words]   # trailing comment
b a
	c # after words

[pairs]
x=negated  y=failed
[order]
-led -backed
-based
`
	l, err := parseLexicon(src)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := l.set("words"), map[string]bool{"a": true, "b": true, "c": true}; !reflect.DeepEqual(got, want) {
		t.Errorf("set: got %v, want %v", got, want)
	}
	if got, want := l.modalities("pairs"), map[string]string{"x": "negated", "y": "failed"}; !reflect.DeepEqual(got, want) {
		t.Errorf("modalities: got %v, want %v", got, want)
	}
	if got, want := l.list("order"), []string{"-led", "-backed", "-based"}; !reflect.DeepEqual(got, want) {
		t.Errorf("list: got %v, want %v", got, want)
	}
	if err := l.unused(); err != nil {
		t.Errorf("unused: %v", err)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"word before section", "# c\na b\n", "line 2: words before the first [section]"},
		{"unclosed header", "[a]\nx\n[b\ny\n", `line 3: malformed section header "[b"`},
		{"empty name", "[]\nx\n", `line 1: malformed section header "[]"`},
		{"space in name", "[a b]\nx\n", `line 1: malformed section header "[a b]"`},
		{"duplicate section", "[a]\nx\n[b]\ny\n\n[a]\nz\n", "line 6: duplicate section [a] (first at line 1)"},
		{"duplicate word", "[a]\nx y\nz\ny\n", `line 4: duplicate word "y" in [a]`},
		{"duplicate key", "[a]\nx=1 y=2 x=3\n", `line 2: duplicate word "x" in [a]`},
		{"mixed", "[a]\nx=1\ny\n", `line 3: "y" mixes words and key=value pairs in [a]`},
		{"mixed other way", "[a]\nx y=1\n", `line 2: "y=1" mixes words and key=value pairs in [a]`},
		{"no value", "[a]\nx=\n", `line 2: malformed pair "x=" in [a]`},
		{"no key", "[a]\n=x\n", `line 2: malformed pair "=x" in [a]`},
		{"two equals", "[a]\nx=y=z\n", `line 2: malformed pair "x=y=z" in [a]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseLexicon(tc.src)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if want := "event: lexicon.txt " + tc.want; err.Error() != want {
				t.Errorf("got %q, want %q", err, want)
			}
		})
	}
}

// TestLexiconTakeErrors checks the panics of the variables' loaders, which
// fire at init for the shipped file.
func TestLexiconTakeErrors(t *testing.T) {
	src := "[words]\nx y\n[pairs]\na=asserted\nb=maybe\n[spare]\nz\n"
	for _, tc := range []struct {
		name string
		take func(l lexSections)
		want string
	}{
		{"missing", func(l lexSections) { l.set("nope") }, "event: lexicon.txt: missing section [nope]"},
		{"words as pairs", func(l lexSections) { l.pairs("words") }, "event: lexicon.txt line 1: section [words] should hold key=value pairs"},
		{"pairs as words", func(l lexSections) { l.list("pairs") }, "event: lexicon.txt line 3: section [pairs] should hold words"},
		{"bad modality", func(l lexSections) { l.modalities("pairs") }, "event: lexicon.txt line 5: b=maybe in [pairs]: value should be one of asserted, negated, failed, hypothetical"},
		{"unused", func(l lexSections) {
			l.set("words")
			l.pairs("pairs")
			if err := l.unused(); err != nil {
				panic(err)
			}
		}, "event: lexicon.txt line 6: section [spare] is used by no variable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := parseLexicon(src)
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				err, _ := recover().(error)
				if err == nil || err.Error() != tc.want {
					t.Errorf("got %v, want %q", err, tc.want)
				}
			}()
			tc.take(l)
		})
	}
}

// TestLexiconWordTests checks the word tests built on sections of the
// shipped file, each with a word its section decides: without the section
// the answer flips (pluralText would go by the -s).
func TestLexiconWordTests(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  bool
		want bool
	}{
		{"pluralText singularPlurals", pluralText("the United States"), false},
		{"pluralText pluralCollectives", pluralText("the police"), true},
		{"collectiveHead", collectiveHead("the Syrian Army"), true},
		{"personHead", personHead("the prime minister"), true},
		{"statePassive", statePassive("engaged", "in"), true},
		{"statePassive other preposition", statePassive("engaged", "to"), false},
		{"statePassive unlisted", statePassive("killed", ""), false},
		{"datedSubject weekdays", datedSubject([]string{"bashir", "on", "thursday", "shortened"}, 3), true},
		{"timeWord weekdays", timeWord("tuesday"), true},
		{"timeWord relativeDays", timeWord("yesterday"), true},
		{"timeWord timeWords", timeWord("march"), true},
		{"issues issuingStems", issues("tabled"), true},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}
