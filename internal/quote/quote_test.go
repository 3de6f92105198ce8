package quote

import (
	"fmt"
	"strings"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
)

func renderQ(q sitrep.Quote) string {
	return fmt.Sprintf("%s|%s|%s|%s", q.Kind, q.Speaker, q.Verb, q.Text)
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"direct after", "“We will not leave,” Hadi al-Amiri said on Tuesday.",
			[]string{"direct|Hadi al-Amiri|said|We will not leave"}},
		{"direct inverted", "“We will not leave,” said Hadi al-Amiri.",
			[]string{"direct|Hadi al-Amiri|said|We will not leave"}},
		{"colon", "Prime Minister Boris Johnson said: “The attack was outrageous.”",
			[]string{"direct|Boris Johnson|said|The attack was outrageous."}},
		{"told and warned",
			"Army Gen. Mark Milley, the chairman of the Joint Chiefs of Staff, told the press on Thursday that the embassy is secure and warned that anyone who tries to overrun it will “run into a buzzsaw.”",
			[]string{"indirect|Mark Milley|told|the embassy is secure", "mixed|Mark Milley|warned|anyone who tries to overrun it will run into a buzzsaw."}},
		{"tweeted mixed", "President Donald Trump has blamed Iran. Trump tweeted Tuesday that Iran would “pay a very BIG PRICE” for damage to the post.",
			[]string{"mixed|Donald Trump|tweeted|Iran would pay a very BIG PRICE for damage to the post"}},
		{"explaining",
			"Secretary of Defence Mark Esper said at the same briefing Thursday that “the game has changed,” explaining that the US will take whatever steps necessary.",
			[]string{"mixed|Mark Esper|said|the game has changed", "indirect|Mark Esper|explaining|the US will take whatever steps necessary"}},
		{"pronoun", "Jane Doe arrived late. “It is over,” she said.",
			[]string{"direct|Jane Doe|said|It is over"}},
		{"nominal", "Iraqi officials said the protesters had left the area.",
			[]string{"indirect|Iraqi officials|said|the protesters had left the area"}},
		{"postposed", "The embassy is secure, the ministry said in a statement.",
			[]string{"indirect|the ministry|said|The embassy is secure"}},
		{"according to", "According to the ministry, three people were wounded.",
			[]string{"indirect|the ministry|According to|three people were wounded"}},
		{"according to after", "Three people were wounded, according to local police.",
			[]string{"indirect|local police|according to|Three people were wounded"}},
		{"added", "Mark Esper spoke. He added that more troops would come.",
			[]string{"indirect|Mark Esper|added|more troops would come"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, ents := analyze(t, tc.text)
			qs := Extract(doc, ents)
			var got []string
			for _, q := range qs {
				got = append(got, renderQ(q))
				if q.Start < 0 || q.End > len(tc.text) || q.Start >= q.End {
					t.Errorf("bad span %v", q.Span)
				}
			}
			all := strings.Join(got, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("missing %q in\n%s", w, all)
				}
			}
		})
	}
}

func TestSeed(t *testing.T) {
	doc, ents := analyze(t, seedText(t))
	qs := Extract(doc, ents)
	want := [][2]string{{"Donald Trump", "BIG PRICE"}, {"Mark Milley", "buzzsaw"}, {"Mark Esper", "game has changed"}}
	for _, w := range want {
		found := false
		for _, q := range qs {
			if q.Speaker == w[0] && strings.Contains(q.Text, w[1]) {
				found = true
			}
		}
		if !found {
			t.Errorf("no quote by %q containing %q", w[0], w[1])
		}
	}
	for _, q := range qs {
		t.Log(renderQ(q))
	}
}
