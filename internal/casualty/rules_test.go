package casualty

import "testing"

// ruleCase is one invented sentence and the casualties it must yield, in
// order.
type ruleCase struct {
	in   string
	want []want
}

func checkRules(t *testing.T, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, _ := Extract(docOf(tt.in))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d casualties %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Kind != w.kind || g.Count != w.count || g.Exact != w.exact {
					t.Errorf("#%d: got %s %d exact=%v (%q), want %s %d exact=%v", i, g.Kind, g.Count, g.Exact, g.Text, w.kind, w.count, w.exact)
				}
				if w.who != "" && g.Who != w.who {
					t.Errorf("#%d: who = %q, want %q", i, g.Who, w.who)
				}
				if g.Text != tt.in[g.Start:g.End] {
					t.Errorf("#%d: text %q does not match span", i, g.Text)
				}
			}
		})
	}
}

func TestPronouncedDead(t *testing.T) {
	checkRules(t, []ruleCase{
		{"He was pronounced dead at the scene.", []want{{Killed, 1, true, "He"}}},
		{"Marta Velez was declared dead an hour later.", []want{{Killed, 1, true, "Marta Velez"}}},
		{"The driver was later pronounced dead at a hospital.", []want{{Killed, 1, true, ""}}},
	})
}

func TestRelativeClause(t *testing.T) {
	checkRules(t, []ruleCase{
		{"A man who was shot and killed on Elm Street has been identified.", []want{{Killed, 1, true, "A man"}}},
		{"Two teenagers who were wounded in the attack are recovering.", []want{{Wounded, 2, true, "Two teenagers"}}},
		{"Officers identified the woman who was fatally shot.", []want{{Killed, 1, true, "the woman"}}},
		{"Jon Pike, who was stabbed on Friday, is in hospital.", []want{{Wounded, 1, true, "Jon Pike"}}},
	})
}

func TestToDeath(t *testing.T) {
	checkRules(t, []ruleCase{
		{"A 40-year-old man was found shot to death in his car.", []want{{Killed, 1, true, ""}}},
		{"Three prisoners were beaten to death by guards.", []want{{Killed, 3, true, "Three prisoners"}}},
		{"Two villagers were stabbed to death overnight.", []want{{Killed, 2, true, "Two villagers"}}},
		{"The judge sentenced two men to death.", nil},
	})
}
