package event

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

func TestRetag(t *testing.T) {
	tests := []struct {
		name string
		in   string // word/TAG pairs
		want string
		dict bool // use the toy dictionary below
	}{
		{"name particle", "Sheikh/NNP Hamad/NNP bin/VBP Khalifa/NNP", "Sheikh/NNP Hamad/NNP bin/NNP Khalifa/NNP", false},
		{"lower-case neighbour keeps the verb", "they/PRP bin/VBP the/DT rubbish/NN", "they/PRP bin/VBP the/DT rubbish/NN", false},
		{"adjective read for a past tense", "agents/NNS sexually/RB abused/JJ illegal/JJ immigrants/NNS", "agents/NNS sexually/RB abused/VBD illegal/JJ immigrants/NNS", false},
		{"clause already has a verb", "agents/NNS were/VBD men/NNS sexually/RB abused/JJ as/IN children/NNS", "agents/NNS were/VBD men/NNS sexually/RB abused/JJ as/IN children/NNS", false},
		{"verb after willing to", "are/VBP willing/JJ to/TO forgive/NN Nigerian/JJ President/NNP", "are/VBP willing/JJ to/TO forgive/VB Nigerian/JJ President/NNP", false},
		{"noun after due to", "was/VBD due/JJ to/TO bad/JJ weather/NN", "was/VBD due/JJ to/TO bad/JJ weather/NN", false},
		{"no object follows", "children/NNS sexually/RB abused/JJ ./.", "children/NNS sexually/RB abused/JJ ./.", false},
		{"known verb in -s after the subject", "Ethiopia/NNP departs/NNS from/IN Libya/NNP ./.", "Ethiopia/NNP departs/VBZ from/IN Libya/NNP ./.", true},
		{"plural noun before a verb", "Ethiopia/NNP talks/NNS collapsed/VBD ./.", "Ethiopia/NNP talks/NNS collapsed/VBD ./.", true},
		{"base form read as a noun", "Ethiopia/NNP act/NN on/IN a/DT resolution/NN ./.", "Ethiopia/NNP act/VBP on/IN a/DT resolution/NN ./.", true},
		{"noun compound before a verb", "Ethiopia/NNP act/NN on/IN trade/NN passed/VBD ./.", "Ethiopia/NNP act/NN on/IN trade/NN passed/VBD ./.", true},
		{"known actor read as an adverb", "Ethiopia/RB deplored/VBD Libya/NNP ./.", "Ethiopia/NNP deplored/VBD Libya/NNP ./.", true},
		{"participle of a name with no finite verb", "Ethiopia/NNP deplored/VBN from/IN Libya/NNP after/IN crowds/NNS trashed/VBD it/PRP ./.", "Ethiopia/NNP deplored/VBD from/IN Libya/NNP after/IN crowds/NNS trashed/VBD it/PRP ./.", true},
		{"reduced passive with a finite verb", "Ethiopia/NNP deplored/VBN from/IN Libya/NNP was/VBD sad/JJ ./.", "Ethiopia/NNP deplored/VBN from/IN Libya/NNP was/VBD sad/JJ ./.", true},
		{"passive headline keeps its agent", "Ethiopia/NNP deplored/VBN by/IN Libya/NNP ./.", "Ethiopia/NNP deplored/VBN by/IN Libya/NNP ./.", true},
		{"control verb in -s after its subject", "the/DT government/NN plans/NNS to/TO meet/VB", "the/DT government/NN plans/VBZ to/TO meet/VB", false},
		{"plans as a noun", "the/DT plans/NNS to/TO meet/VB", "the/DT plans/NNS to/TO meet/VB", false},
		{"demonym after to", "opposed/VBN to/TO Ethiopian/VB mediation/NN", "opposed/VBN to/TO Ethiopian/JJ mediation/NN", true},
		{"plural noun after to", "aid/NN to/TO refugees/VB fleeing/VBG war/NN", "aid/NN to/TO refugees/NNS fleeing/VBG war/NN", false},
		{"base verb after to", "plans/VBZ to/TO discuss/VB trade/NN", "plans/VBZ to/TO discuss/VB trade/NN", false},
		{"coordinated gerund noun", "a/DT bombing/NN and/CC shelling/VBG offensive/JJ against/IN it/PRP", "a/DT bombing/NN and/CC shelling/NN offensive/JJ against/IN it/PRP", false},
		{"coordinated verbs stay verbs", "stopped/VBD bombing/NN and/CC shelling/VBG the/DT town/NN", "stopped/VBD bombing/NN and/CC shelling/VBG the/DT town/NN", false},
		{"adverb that is no actor", "Later/RB came/VBD the/DT rain/NN ./.", "Later/RB came/VBD the/DT rain/NN ./.", true},
		{"opening participle before noun and verb", "Masked/VBN gunmen/NNS stormed/VBD the/DT bank/NN", "Masked/JJ gunmen/NNS stormed/VBD the/DT bank/NN", false},
		{"opening participle with an object", "Asked/VBN questions/NNS ,/, he/PRP left/VBD", "Asked/VBN questions/NNS ,/, he/PRP left/VBD", false},
		{"a demonym's noun read as a verb before a participle", "Ethiopian/NNP troops/VBZ deployed/VBN around/IN the/DT stadium/NN", "Ethiopian/NNP troops/NNS deployed/VBN around/IN the/DT stadium/NN", true},
		{"army is never a verb", "Ethiopian/NNP army/VBZ units/NNS deployed/VBN", "Ethiopian/NNP army/NN units/NNS deployed/VBN", true},
		{"given as a preposition", "an/DT issue/NN given/VBN the/DT dispute/NN", "an/DT issue/NN given/IN the/DT dispute/NN", false},
		{"given as a passive", "was/VBD given/VBN the/DT prize/NN", "was/VBD given/VBN the/DT prize/NN", false},
		{"known past form read as an adjective", "Ethiopia/NNP deplored/JJ two/CD raids/NNS ./.", "Ethiopia/NNP deplored/VBD two/CD raids/NNS ./.", true},
		{"adjective before a noun in a clause with a verb", "Ethiopia/NNP deplored/JJ raids/NNS continued/VBD ./.", "Ethiopia/NNP deplored/JJ raids/NNS continued/VBD ./.", true},
		{"coordinated past form before a number", "killed/VBD a/DT man/NN and/CC deplored/JJ two/CD raids/NNS", "killed/VBD a/DT man/NN and/CC deplored/VBD two/CD raids/NNS", true},
		{"adjective after the number", "killed/VBD a/DT man/NN and/CC two/CD injured/JJ soldiers/NNS", "killed/VBD a/DT man/NN and/CC two/CD injured/JJ soldiers/NNS", true},
		{"a base form read as a noun after a plural head", "Ethiopian/JJ jets/NNS bomb/NN camps/NNS ./.", "Ethiopian/JJ jets/NNS bomb/VBP camps/NNS ./.", true},
		{"a base form read as a preposition after a partitive", "Hundreds/NNS of/IN militias/NN bomb/IN the/DT camp/NN ./.", "Hundreds/NNS of/IN militias/NN bomb/VBP the/DT camp/NN ./.", true},
		{"a form in -s read as a plural, its object as a verb", "The/DT government/NN departs/NNS troops/VBP from/IN Libya/NNP", "The/DT government/NN departs/VBZ troops/NNS from/IN Libya/NNP", true},
		{"a plural noun before a preposition and a later verb", "Government/NN talks/NNS on/IN the/DT bill/NN ,/, he/PRP said/VBD", "Government/NN talks/NNS on/IN the/DT bill/NN ,/, he/PRP said/VBD", true},
		{"after a fronted adverbial", "As/IN the/DT siege/NN goes/VBZ on/IN ,/, the/DT army/NN departs/NNS troops/VBP from/IN Libya/NNP", "As/IN the/DT siege/NN goes/VBZ on/IN ,/, the/DT army/NN departs/VBZ troops/NNS from/IN Libya/NNP", true},
		{"after a subordinator", "It/PRP came/VBD after/IN Ethiopian/JJ jets/NNS bomb/NN camps/NNS ./.", "It/PRP came/VBD after/IN Ethiopian/JJ jets/NNS bomb/VBP camps/NNS ./.", true},
		{"not after as", "emerging/VBG as/IN a/DT media/NNS bomb/NN in/IN the/DT region/NN", "emerging/VBG as/IN a/DT media/NNS bomb/NN in/IN the/DT region/NN", true},
		{"no retag when the clause has its verb", "Ethiopian/JJ jets/NNS bomb/NN camps/NNS continued/VBD ./.", "Ethiopian/JJ jets/NNS bomb/NN camps/NNS continued/VBD ./.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var toks []sitrep.Token
			for _, f := range strings.Fields(tt.in) {
				w, tag, _ := strings.Cut(f, "/")
				toks = append(toks, sitrep.Token{Text: w, Tag: tag})
			}
			var verbForm, actorName func(string) bool
			if tt.dict {
				verbForm = func(w string) bool {
					return w == "departs" || w == "talks" || w == "deplored" || w == "act" || w == "bomb"
				}
				actorName = func(w string) bool { return w == "ethiopia" || w == "libya" || w == "ethiopian" }
			}
			got, changed := retag(toks, lowerWords(toks), verbForm, actorName)
			var b []string
			for _, tok := range got {
				b = append(b, tok.Text+"/"+tok.Tag)
			}
			if g := strings.Join(b, " "); g != tt.want || changed != (tt.in != tt.want) {
				t.Errorf("retag(%s) = %s, %v; want %s", tt.in, g, changed, tt.want)
			}
			var in []string
			for _, tok := range toks {
				in = append(in, tok.Text+"/"+tok.Tag)
			}
			if strings.Join(in, " ") != tt.in {
				t.Errorf("retag modified its input: %s", strings.Join(in, " "))
			}
		})
	}
}

func TestFixedPhrase(t *testing.T) {
	tests := []struct {
		pattern string
		want    bool
	}{
		{"* really_pleasant", true},
		{"* the_neatest_place", true},
		{"in_* +", false},
		{"*_to", false},
		{"* their ^ about +", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := fixedPhrase(tt.pattern); got != tt.want {
			t.Errorf("fixedPhrase(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

func TestAdjectivalParticiple(t *testing.T) {
	tests := []struct {
		in   string // word/TAG pairs; the participle is token i
		i    int
		want bool
	}{
		{"offensive/NN against/IN besieged/VBN Sarajevo/NNP", 2, true},
		{"the/DT wounded/VBN soldiers/NNS", 1, true},
		{"troops/NNS in/IN occupied/VBN territory/NN", 2, true},
		{"after/IN killed/VBN soldiers/NNS", 1, false},
		{"the/DT army/NN besieged/VBN Sarajevo/NNP", 2, false},
	}
	for _, tt := range tests {
		var toks []sitrep.Token
		for _, f := range strings.Fields(tt.in) {
			w, tag, _ := strings.Cut(f, "/")
			toks = append(toks, sitrep.Token{Text: w, Tag: tag})
		}
		if got := isAdjectivalParticiple(toks, tt.i); got != tt.want {
			t.Errorf("isAdjectivalParticiple(%q, %d) = %v, want %v", tt.in, tt.i, got, tt.want)
		}
	}
}

// TestLowerWords checks lowerWords against lower-casing and straightening
// each word on its own.
func TestLowerWords(t *testing.T) {
	var toks []sitrep.Token
	for _, w := range []string{"The", "U.S.", "army", "", "’s", "Rock’n’Roll", "İstanbul", "ÖLFELD", "said", "NATO-led", "x", "A"} {
		toks = append(toks, sitrep.Token{Text: w})
	}
	got := lowerWords(toks)
	for i, tok := range toks {
		if want := strings.ReplaceAll(strings.ToLower(tok.Text), "’", "'"); got[i] != want {
			t.Errorf("lowerWords: %q -> %q, want %q", tok.Text, got[i], want)
		}
	}
}
