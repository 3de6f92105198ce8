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
	}{
		{"name particle", "Sheikh/NNP Hamad/NNP bin/VBP Khalifa/NNP", "Sheikh/NNP Hamad/NNP bin/NNP Khalifa/NNP"},
		{"lower-case neighbour keeps the verb", "they/PRP bin/VBP the/DT rubbish/NN", "they/PRP bin/VBP the/DT rubbish/NN"},
		{"adjective read for a past tense", "agents/NNS sexually/RB abused/JJ illegal/JJ immigrants/NNS", "agents/NNS sexually/RB abused/VBD illegal/JJ immigrants/NNS"},
		{"clause already has a verb", "agents/NNS were/VBD men/NNS sexually/RB abused/JJ as/IN children/NNS", "agents/NNS were/VBD men/NNS sexually/RB abused/JJ as/IN children/NNS"},
		{"verb after willing to", "are/VBP willing/JJ to/TO forgive/NN Nigerian/JJ President/NNP", "are/VBP willing/JJ to/TO forgive/VB Nigerian/JJ President/NNP"},
		{"noun after due to", "was/VBD due/JJ to/TO bad/JJ weather/NN", "was/VBD due/JJ to/TO bad/JJ weather/NN"},
		{"no object follows", "children/NNS sexually/RB abused/JJ ./.", "children/NNS sexually/RB abused/JJ ./."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var toks []sitrep.Token
			for _, f := range strings.Fields(tt.in) {
				w, tag, _ := strings.Cut(f, "/")
				toks = append(toks, sitrep.Token{Text: w, Tag: tag})
			}
			got, changed := retag(toks)
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
