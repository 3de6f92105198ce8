package pipeline

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestMechanics runs the pipeline over sentences written for sitrep, one construction each
// (passives, relative clauses, reported speech, coordination of actors
// and of clauses, control, possessives, agents), with PETRARCH's toy
// validation dictionaries, and compares the (source, target, CAMEO)
// triples with what a PETRARCH coder gives them. The sentences are not
// from any gold file: they guard the coder's reading of clause structure.
func TestMechanics(t *testing.T) {
	p, err := New(Config{DictDirs: []string{sitreptest.SharedFile(t, "gold/dev/petrarch-validation-dictionaries")}, NoDefaultDicts: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Gondor was attacked by Mordor on Sunday.", []string{"MOR GON 223"}},
		{"Arnor condemned the attack on Gondor, which Mordor launched on Sunday.", []string{"ARN GON 122"}},
		{"Osgiliath, which Mordor attacked last week, appealed to Gondor for help.", []string{"MOR OSG 223", "OSG GON 095"}},
		{"Eriador said Mordor attacked Gondor on Sunday.", []string{"ERI MOR 023", "MOR GON 223"}},
		{"Arnor and Bree criticized Mordor on Monday.", []string{"ARN MOR 121", "BRE MOR 121"}},
		{"Arnor criticized Mordor and Calenardhon on Monday.", []string{"ARN MOR 121", "ARN CAL 121"}},
		{"Arnor did not criticize Mordor.", []string{"ARN MOR 121"}},
		{"Arnor refused to meet Gondor.", []string{"ARN GON 125"}},
		{"Arnor vowed to attack Mordor.", []string{"ARN MOR 170"}},
		{"Arnor accused Mordor of attacking Gondor.", []string{"MOR GON 223"}},
		{"Mordor was condemned by Arnor and Gondor.", []string{"ARN MOR 122", "GON MOR 122"}},
		{"Frodo met Gandalf in Bree on Tuesday.", []string{"HOB WIZ 031", "WIZ HOB 032"}},
		{"Gondor troops attacked Mordor.", []string{"GONMIL MOR 223"}},
		{"Arnor's foreign minister criticized Mordor.", []string{"ARNGOVFRM MOR 121"}},
		{"The government of Arnor criticized Mordor.", []string{"ARNGOV MOR 121"}},
		{"Arnor, an ally of Gondor, condemned Mordor.", []string{"ARN MOR 122"}},
		{"Mordor, which was criticized by Arnor, attacked Gondor.", []string{"ARN MOR 121", "MOR GON 223"}},
		{"Arnor will meet Gondor next week, officials said.", []string{"ARN GON 031", "GON ARN 031"}},
		{"Gondor demanded that Mordor release the prisoners.", []string{"GON MOR 100"}},
		{"Arnor criticized Mordor. It also condemned Gondor.", []string{"ARN MOR 121", "ARN GON 122"}},
		{"Gondor and Osgiliath were attacked by Mordor.", []string{"MOR GON 223", "MOR OSG 223"}},
		{"Arnor, Bree and Eriador condemned Mordor.", []string{"ARN MOR 122", "BRE MOR 122", "ERI MOR 122"}},
		{"Arnor said it would attack Mordor.", []string{"ARN --- 023", "ARN MOR 223"}},
		{"Mordor was criticized by Arnor for attacking Gondor.", []string{"ARN MOR 121", "MOR GON 223"}},
		{"Arnor, which criticized Mordor last week, met Gondor on Monday.", []string{"ARN MOR 121", "ARN GON 031", "GON ARN 032"}},
		{"Frodo, who leads the hobbits, met Gandalf.", []string{"HOB WIZ 031", "WIZ HOB 032"}},
		{"Mordor troops attacked Gondor, killing ten soldiers.", []string{"MORMIL GON 223"}},
		{"Arnor on Monday strongly condemned Mordor.", []string{"ARN MOR 122"}},
		{"In Bree, Arnor criticized Mordor on Monday.", []string{"ARN MOR 121"}},
		{"According to Gondor, Mordor attacked Osgiliath.", []string{"MOR OSG 223"}},
		{"Mordor attacked Gondor, Arnor said.", []string{"MOR GON 223", "ARN --- 023"}},
		{"Arnor urged Gondor to criticize Mordor.", []string{"ARN GON 102", "GON MOR 121"}},
		{"Calenardhon police arrested Frodo on Monday.", []string{"CALCOP HOB 212"}},
		{"Arnor has criticized Mordor and Gondor has condemned Eriador.", []string{"ARN MOR 121", "GON ERI 122"}},
		{"Arnor criticized Mordor but praised Gondor.", []string{"ARN MOR 121"}},
		{"After meeting Gondor, Arnor criticized Mordor.", []string{"ARN GON 031", "GON ARN 031", "ARN MOR 121"}},
		{"Both Arnor and Gondor condemned Mordor.", []string{"ARN MOR 122", "GON MOR 122"}},
		{"Arnor as well as Gondor condemned Mordor.", []string{"ARN MOR 122", "GON MOR 122"}},
		{"The armies of Arnor and Gondor attacked Mordor.", []string{"ARN MOR 223", "GON MOR 223"}},
		{"Arnor's army attacked Mordor on Sunday.", []string{"ARN MOR 223"}},
		{"The Gondor government condemned Mordor.", []string{"GONGOV MOR 122"}},
		{"Mordor, which attacked Osgiliath last week, was condemned by Arnor.", []string{"MOR OSG 223", "ARN MOR 122"}},
		{"Arnor condemned Mordor, which attacked Osgiliath last week.", []string{"ARN MOR 122", "MOR OSG 223"}},
		{"Gondor said on Monday that it would meet Arnor.", []string{"GON --- 023", "GON ARN 031", "ARN GON 031"}},
		{"Arnor, Gondor, and Bree condemned Mordor.", []string{"ARN MOR 122", "GON MOR 122", "BRE MOR 122"}},
		{"Arnor condemned both Mordor and Calenardhon.", []string{"ARN MOR 122", "ARN CAL 122"}},
		{"Gondor soldiers arrested Frodo on Tuesday.", []string{"GONMIL HOB 212"}},
		{"Frodo was arrested by Gondor police on Tuesday.", []string{"GONCOP HOB 212"}},
		{"The foreign minister of Arnor met the Gondor ambassador on Monday.", []string{"ARNGOVFRM GONGOV 031", "GONGOV ARNGOVFRM 032"}},
		{"Arnor strongly condemned the attack by Mordor on Osgiliath.", []string{"ARN MOR 122"}},
		{"Arnor demanded that Mordor release the hostages.", []string{"ARN MOR 100"}},
		{"Gondor accused Mordor of attacking Osgiliath.", []string{"MOR OSG 223"}},
		{"Gondor expelled two Mordor diplomats.", []string{"GON MORGOV 200"}},
		{"Arnor and Gondor agreed to restore diplomatic ties.", []string{"ARN GON 030", "GON ARN 030"}},
		{"Mordor attacked Osgiliath and Gondor.", []string{"MOR OSG 223", "MOR GON 223"}},
		{"Mordor attacked Osgiliath and killed ten soldiers.", []string{"MOR OSG 223", "MOR ---MIL 210"}},
		{"Soldiers from Gondor attacked Mordor.", []string{"GONMIL MOR 223"}},
		{"The police of Gondor arrested Frodo.", []string{"GONCOP HOB 212"}},
		{"Officials from Arnor met Gondor on Monday.", []string{"ARNGOV GON 031", "GON ARNGOV 032"}},
		{"Arnor criticized the government of Gondor.", []string{"ARN GONGOV 121"}},
		{"Arnor criticized the army of Mordor.", []string{"ARN MOR 121"}},
		{"Gondor soldiers attacked Mordor.", []string{"GONMIL MOR 223"}}} {
		res, err := p.Process(context.Background(), &sitrep.Article{ID: "m", Published: "1995-01-03", Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range res.Events {
			tgt := "---"
			if e.Target != nil {
				tgt = e.Target.Actor
			}
			got = append(got, e.Source.Actor+" "+tgt+" "+e.CAMEO)
		}
		want := slices.Clone(tt.want)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s\n got %s\nwant %s", tt.text, strings.Join(got, ", "), strings.Join(want, ", "))
		}
	}
}
