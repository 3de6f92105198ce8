package geo

import (
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestResolve checks that the ranker reads ambiguous names by their
// context, and the rules it keeps.
func TestResolve(t *testing.T) {
	type want struct {
		text, country, admin1 string
	}
	tests := []struct {
		name, text string
		want       []want
	}{
		{"paris alone", "Tourists returned to Paris on Monday.", []want{{"Paris", "FR", "Île-de-France"}}},
		{"paris texas", "The fire broke out in Paris, Texas, late on Friday.",
			[]want{{"Paris", "US", "Texas"}, {"Texas", "US", "Texas"}}},
		{"springfield illinois", "Lawmakers met in Springfield. Illinois will vote on the budget in May.",
			[]want{{"Springfield", "US", "Illinois"}, {"Illinois", "US", "Illinois"}}},
		{"springfield missouri", "A storm hit Springfield on Sunday, and Missouri officials sent help.",
			[]want{{"Springfield", "US", "Missouri"}, {"Missouri", "US", "Missouri"}}},
		{"springfield qualified", "He grew up in Springfield, Mass., and moved to Boston.",
			[]want{{"Springfield", "US", "Massachusetts"}, {"Mass.", "US", "Massachusetts"}, {"Boston", "US", "Massachusetts"}}},
		{"country name is no town", "Talks between Lebanon and Israel resumed as Jordan looked on.",
			[]want{{"Lebanon", "LB", ""}, {"Israel", "IL", ""}, {"Jordan", "JO", ""}}},
		{"qualified country namesake", "The mill in Lebanon, Ohio, closed on Friday.",
			[]want{{"Lebanon", "US", "Ohio"}, {"Ohio", "US", "Ohio"}}},
		{"dateline", "SPRINGFIELD, Ill. (AP) — The governor signed the bill on Friday.",
			[]want{{"SPRINGFIELD", "US", "Illinois"}, {"Ill.", "US", "Illinois"}}},
		{"dateline lends its state", "COLUMBUS, Ohio (AP) — Crews cleared roads in Dublin on Sunday.",
			[]want{{"COLUMBUS", "US", "Ohio"}, {"Ohio", "US", "Ohio"}, {"Dublin", "US", "Ohio"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseText(t, tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d places %v, want %d", len(got), summary(got), len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Country != w.country || g.Admin1 != w.admin1 {
					t.Errorf("place %d = %q %s %q, want %q %s %q", i, g.Text, g.Country, g.Admin1, w.text, w.country, w.admin1)
				}
				if g.Confidence <= 0 || g.Confidence > 1 {
					t.Errorf("place %d %q: confidence %v, want in (0,1]", i, g.Text, g.Confidence)
				}
			}
		})
	}
}

// TestConfidence checks that a name the article pins down is surer than
// the same name read without context.
func TestConfidence(t *testing.T) {
	alone := parseText(t, "A storm hit Springfield on Sunday.")
	pinned := parseText(t, "A storm hit Springfield, Ill., on Sunday.")
	if len(alone) != 1 || len(pinned) != 2 {
		t.Fatalf("places %v and %v", summary(alone), summary(pinned))
	}
	if alone[0].Confidence >= pinned[0].Confidence {
		t.Errorf("Springfield alone confidence %.3f, with its state %.3f: want the qualified one surer",
			alone[0].Confidence, pinned[0].Confidence)
	}
}

func summary(ps []sitrep.Place) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text+"|"+p.Country+"|"+p.Admin1)
	}
	return out
}
