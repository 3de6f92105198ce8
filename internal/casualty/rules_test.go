package casualty

import (
	"testing"

	"github.com/sitrep-project/sitrep"
)

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

func TestWhoPhrases(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The blast injured four U.S. soldiers.", []want{{Wounded, 4, true, "four U.S. soldiers"}}},
		{"The rocket attack wounded three U.N. staff in Juba.", []want{{Wounded, 3, true, "three U.N. staff"}}},
		{"Air raids killed two dozen members of the militia.", []want{{Killed, 24, false, "two dozen members"}}},
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

func TestWoundPhrase(t *testing.T) {
	checkRules(t, []ruleCase{
		{"A woman suffered a gunshot wound to the arm.", []want{{Wounded, 1, true, "A woman"}}},
		{"Deputies found two men suffering from stab wounds.", []want{{Wounded, 2, true, "two men"}}},
		{"Ana Ruiz, 30, was found with multiple gunshot wounds.", []want{{Wounded, 1, true, "Ana Ruiz"}}},
		{"The clerk sustained non-life-threatening injuries.", []want{{Wounded, 1, true, "The clerk"}}},
		{"He suffered a fatal stab wound.", []want{{Killed, 1, true, "He"}}},
		{"The officer suffered no injuries.", []want{{Wounded, 0, true, ""}}},
		{"The guard didn't sustain any injuries.", []want{{Wounded, 0, true, ""}}},
		{"A man arrived at the hospital with a gunshot wound.", []want{{Wounded, 1, true, "A man"}}},
		{"Police found a 41 year-old man with a gunshot wound.", []want{{Wounded, 1, true, ""}}},
		{"There were 30 injuries in the crash.", []want{{Wounded, 30, true, ""}}},
	})
}

func TestConditionAndPassiveHits(t *testing.T) {
	checkRules(t, []ruleCase{
		{"She is in critical condition.", []want{{Wounded, 1, true, "She"}}},
		{"The teenager was listed in serious but stable condition.", []want{{Wounded, 1, true, ""}}},
		{"The economy is in poor condition.", nil},
		{"A bystander was struck by a stray bullet.", []want{{Wounded, 1, true, "A bystander"}}},
		{"Two girls were hit by gunfire.", []want{{Wounded, 2, true, "Two girls"}}},
		{"The storm hit the coast.", nil},
		{"At least three homes were hit by gunfire.", nil},
		{"A parked car was struck.", nil},
		{"Elm Street was hit by flooding.", nil},
		{"Four workers were hospitalized.", []want{{Wounded, 4, true, "Four workers"}}},
		{"The 500 block of Oak Drive was struck.", nil},
	})
}

func TestObjectStopsAtTime(t *testing.T) {
	checkRules(t, []ruleCase{
		{"An officer wounded a suspect Tuesday night.", []want{{Wounded, 1, true, "a suspect"}}},
		{"Hunters killed five cougars last winter.", nil},
		{"The guard wasn't hurt.", []want{{Wounded, 0, true, ""}}},
	})
}

func TestVictimObjects(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The gunman shot him in the leg.", []want{{Wounded, 1, true, "him"}}},
		{"Rangers said he killed his wife and two children.", []want{{Killed, 3, true, "his wife and two children"}}},
		{"Tom Reed shot and killed 40-year-old Ana Ruiz and her brother, 35-year-old Leo Ruiz, on Sunday.", []want{{Killed, 2, true, ""}}},
		{"She fatally shot Dale Ortiz, 27, and Mia Cole, 25, at a party.", []want{{Killed, 2, true, ""}}},
		{"He killed his neighbor, Ray Dunn, after an argument.", []want{{Killed, 1, true, ""}}},
		{"A rocket attack killed one contractor, a civilian, and wounded four soldiers.", []want{{Killed, 1, true, "one contractor"}, {Wounded, 4, true, "four soldiers"}}},
		{"The blast killed a soldier, a policeman and a civilian.", []want{{Killed, 3, true, ""}}},
		{"The man killed himself.", []want{{Killed, 1, true, "himself"}}},
		{"A gunman shot a teenage boy and then himself.", []want{{Wounded, 2, true, ""}}},
		{"A hunter shot a deer.", nil},
		{"She had shot her .22 rifle at a can.", nil},
		{"He shot a hand gun into the air.", nil},
		{"A blast that killed a soldier and damaged a truck.", []want{{Killed, 1, true, "a soldier"}}},
		{"The bomb went off, killing a guard and wounding a driver.", []want{{Killed, 1, true, "a guard"}, {Wounded, 1, true, "a driver"}}},
		{"Raiders attacked the village, killing Iraqis and Kurds.", nil},
		{"Police kill him, the crowd shouted.", nil},
		{"Guards stopped him from killing himself.", nil},
		{"The injured officer was taken away.", nil},
		{"A shooting that killed one person and injured another.", []want{{Killed, 1, true, "one person"}}},
	})
}

func TestCoordinatedSubjects(t *testing.T) {
	checkRules(t, []ruleCase{
		{"A man and his girlfriend were found shot to death.", []want{{Killed, 2, true, "A man and his girlfriend"}}},
		{"A father and son were killed in the crash.", []want{{Killed, 2, true, ""}}},
		{"Rosa Diaz, 31, and her cousin, Luis Ortega, 29, were found dead.", []want{{Killed, 2, true, ""}}},
		{"Two soldiers and a civilian were wounded.", []want{{Wounded, 3, true, "Two soldiers and a civilian"}}},
		{"In Dayton, a woman was injured.", []want{{Wounded, 1, true, "a woman"}}},
		{"Two of the four hikers were injured.", []want{{Wounded, 2, true, ""}}},
		{"Police said one of them has died.", []want{{Killed, 1, true, ""}}},
		{"A deputy shot three attackers to death.", []want{{Killed, 3, true, "three attackers"}}},
	})
}

func TestFatallyAfterCount(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Five people were shot, one fatally, outside a bar.", []want{{Wounded, 4, true, ""}, {Killed, 1, true, ""}}},
		{"Gunmen wounded six villagers, two of them fatally.", []want{{Wounded, 4, true, ""}, {Killed, 2, true, ""}}},
		{"Three were shot, one in the leg.", []want{{Wounded, 3, true, ""}}},
	})
}

func TestCumulative(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Forty people have been killed in the city so far this year.", nil},
		{"The county recorded 12 shooting deaths in the past two months.", nil},
		{"More than 300 people are killed by lightning each year.", nil},
		{"Nine officers have been wounded since January.", nil},
		{"So far, two men have been arrested.", []want{{Arrested, 2, true, "two men"}}},
		{"Eleven police officers were wounded.", []want{{Wounded, 11, true, "Eleven police officers"}}},
		{"The blast killed two officials, police said.", []want{{Killed, 2, true, "two officials"}}},
		{"No one was hurt, police said, the third such attack this year.", []want{{Wounded, 0, true, ""}}},
	})
}

func TestCoordinatedDeath(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The woman was shot in the neck and died at the scene.", []want{{Wounded, 1, true, "The woman"}, {Killed, 1, true, "The woman"}}},
		{"Two climbers were injured and later died.", []want{{Wounded, 2, true, ""}, {Killed, 2, true, ""}}},
		{"He was taken to a clinic and died hours later.", []want{{Killed, 1, true, "He"}}},
		{"They sang and danced and died laughing.", nil},
	})
}

func TestShotNounAndShotAt(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The farmer fired a warning shot into the air.", nil},
		{"One shot was fired through the door.", nil},
		{"He fired a single shot at the tires.", nil},
		{"Two boys were shot at but not hit.", nil},
		{"A man shot at them from a car.", nil},
		{"A man was shot at a party on Elm Street.", []want{{Wounded, 1, true, "A man"}}},
		{"Five people shot in a drive-by.", []want{{Wounded, 5, true, "Five people"}}},
	})
}

func TestSubjectBoundaries(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Channel 9 no one was hurt in the fire.", []want{{Wounded, 0, true, ""}}},
		{"Photo 12 A 17-year-old girl was shot.", []want{{Wounded, 1, true, ""}}},
		{"The victim, identified as Omar Diaz, was stabbed.", []want{{Wounded, 1, true, "Omar Diaz"}}},
		{"Neither driver was injured.", []want{{Wounded, 0, true, ""}}},
		{"The man arrived about 20 minutes later with gunshot wounds.", nil},
	})
}

func TestHospital(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Two workers were taken to a local hospital.", []want{{Wounded, 2, true, "Two workers"}}},
		{"She was airlifted to Mercy Regional Hospital.", []want{{Wounded, 1, true, "She"}}},
		{"The blast sent three people to the hospital.", []want{{Wounded, 3, true, "three people"}}},
		{"A man walked into an area hospital with a gunshot wound.", []want{{Wounded, 1, true, "A man"}}},
		{"The hospital opened a new wing.", nil},
		{"He could be taken to a hospital later.", nil},
		{"She and two others were hurt.", []want{{Wounded, 3, true, "She and two others"}}},
	})
}

func TestSummarizeRules(t *testing.T) {
	sum := func(s string) (int, int) {
		cas, _ := Extract(docOf(s))
		return Summarize(cas)
	}
	tests := []struct {
		in   string
		k, w int
	}{
		{"Two men were shot on Elm Street. One of them died at the scene.", 1, 1},
		{"A woman was shot in the chest. She was pronounced dead at a hospital.", 1, 0},
		{"A man was found with a gunshot wound. He later died.", 1, 0},
		{"Four people were shot, one fatally, at a park.", 1, 3},
		{"A man was killed and two women were injured.", 1, 2},
		{"A teenager was taken to a hospital in stable condition.", 0, 1},
		{"A man was killed Sunday. Three other people were shot.", 1, 3},
		{"Three people were shot on Sunday. One of them died.", 1, 2},
		{"A man was killed. His wife was listed in stable condition.", 1, 1},
		{"A man was shot dead on Elm Street. His brother was also shot.", 1, 1},
		{"A man fatally shot his neighbor, then turned the gun on himself.", 2, 0},
		{"A man killed himself after murdering his ex-wife and her sister.", 3, 0},
		{"A woman turned the gun on herself. She died at the scene.", 1, 0},
		{"A man was found dead. A woman was taken to a hospital with non-life-threatening injuries.", 1, 1},
		{"A man was killed Sunday. Three other people were wounded.", 1, 3},
	}
	for _, tt := range tests {
		if k, w := sum(tt.in); k != tt.k || w != tt.w {
			t.Errorf("%q: Summarize = %d, %d; want %d, %d", tt.in, k, w, tt.k, tt.w)
		}
	}
}

func TestNominalDeaths(t *testing.T) {
	checkRules(t, []ruleCase{
		{"He was charged in the death of a 30-year-old woman.", []want{{Killed, 1, true, ""}}},
		{"Police are investigating the deaths of a man and his son.", []want{{Killed, 2, true, ""}}},
		{"The raid was revenge for the wounding of two police officers in a bomb attack.", []want{{Wounded, 2, true, ""}}},
		{"A mortar attack near Gao kills an aid worker and wounds three soldiers.", []want{{Killed, 1, true, ""}, {Wounded, 3, true, ""}}},
		{"Rockets injure four soldiers near the base.", []want{{Wounded, 4, true, ""}}},
		{"Twelve protesters were treated for tear-gas inhalation.", []want{{Wounded, 12, true, ""}}},
		{"He died of his wounds a day later.", []want{{Killed, 1, true, ""}}},
		{"Seven soldiers of the Kenyan army were killed in the blast.", []want{{Killed, 7, true, ""}}},
		{"They buried 11 fighters of the Jubba militia who were killed in the raid.", []want{{Killed, 11, true, ""}}},
		{"She faces charges in the fatal shooting of Omar Diaz, 19.", []want{{Killed, 1, true, ""}}},
		{"Hikers found the body of a missing climber.", []want{{Killed, 1, true, ""}}},
		{"Detectives are working a double homicide.", []want{{Killed, 2, true, ""}}},
		{"Police called it a murder-suicide.", []want{{Killed, 2, false, ""}}},
		{"The death of the bill disappointed its sponsors.", nil},
		{"The governing body of the league met.", nil},
		{"A man who was shot on Monday passed away Tuesday.", []want{{Wounded, 1, true, "A man"}, {Killed, 1, true, "A man"}}},
		{"The shooting of two officers shocked the town.", nil},
	})
}

func TestConflictStyle(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The blast killed the governor and three of his bodyguards.", []want{{Killed, 4, true, "the governor and three of his bodyguards"}}},
		{"Soldiers shot dead two gunmen.", []want{{Killed, 2, true, "two gunmen"}}},
		{"Shelling killed a woman and her two children.", []want{{Killed, 3, true, "a woman and her two children"}}},
		{"A suicide bomber killed at least 25 people and wounded 40 others.", []want{{Killed, 25, false, "at least 25 people"}, {Wounded, 40, true, "40 others"}}},
		{"The attack left 12 dead and 30 wounded.", []want{{Killed, 12, true, ""}, {Wounded, 30, true, ""}}},
		{"The militia has killed hundreds of people since 2019.", nil},
		{"He was sentenced to death in 2010.", nil},
	})
}

func TestSubjectInserts(t *testing.T) {
	checkRules(t, []ruleCase{
		{"A 12-year-old boy — a passer-by, police said — was shot.", []want{{Wounded, 1, true, ""}}},
		{"Six people, including two toddlers, were injured.", []want{{Wounded, 6, true, "Six people"}}},
		{"A woman in a parked truck was wounded.", []want{{Wounded, 1, true, "A woman"}}},
		{"Two men at the gas station were shot.", []want{{Wounded, 2, true, "Two men"}}},
		{"The victim, a man, had suffered a stab wound.", []want{{Wounded, 1, true, ""}}},
		{"The cashier survived two gunshot wounds.", []want{{Wounded, 1, true, "The cashier"}}},
		{"The car in the driveway was hit.", nil},
	})
}

func TestGrazed(t *testing.T) {
	checkRules(t, []ruleCase{
		{"A stray bullet grazed the woman.", []want{{Wounded, 1, true, "the woman"}}},
		{"A pellet grazed the fence.", nil},
		{"The suspect struck him with a bat.", []want{{Wounded, 1, true, "him"}}},
		{"The bus struck a pole.", nil},
		{"He hit the ball with a bat.", nil},
	})
}

func TestMurderVerbsAndCaptions(t *testing.T) {
	checkRules(t, []ruleCase{
		{"He is accused of murdering his neighbor.", []want{{Killed, 1, true, "his neighbor"}}},
		{"She was charged with the attempted murder of a guard.", nil},
		{"Slide 14 Caption Close 19-year-old man shot on Main Street.", []want{{Wounded, 1, true, ""}}},
		{"A 16-year-old was shot in the arm.", []want{{Wounded, 1, true, "A 16-year-old"}}},
	})
}

func TestHeadlineComma(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Man, woman found dead in apartment", []want{{Killed, 2, true, ""}}},
		{"Teen, 19-year-old man wounded in drive-by", []want{{Wounded, 2, true, ""}}},
		{"Rivera, a bystander, was shot.", []want{{Wounded, 1, true, ""}}},
	})
}

func TestBothAnd(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Autopsies showed both Ruiz and Cole were stabbed to death.", []want{{Killed, 2, true, ""}}},
		{"The gunman killed both the driver and a passenger.", []want{{Killed, 2, true, ""}}},
		{"Both men were wounded.", []want{{Wounded, 2, true, "Both men"}}},
	})
}

func TestNeitherNorIllnessAges(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Neither the driver nor his two sons were hurt.", []want{{Wounded, 0, true, ""}}},
		{"The former mayor died of cancer last year.", nil},
		{"The soldier died of his wounds.", []want{{Killed, 1, true, "The soldier"}}},
		{"The four people slain were two women, 19 and 45, and two men.", []want{{Killed, 4, true, "four people"}}},
	})
}

func TestLowerSameOffsets(t *testing.T) {
	for _, s := range []string{"Two MEN were Killed", "İstanbul: ÜÇ KİŞİ öldü", "\u212a\u212aX", "a\xffB\xc3", ""} {
		l := lowerSameOffsets(s)
		if len(l) != len(s) {
			t.Errorf("%q: lower %q has another length", s, l)
		}
	}
	if got := lowerSameOffsets("Two MEN, ÜBER"); got != "two men, über" {
		t.Errorf("got %q", got)
	}
}

func TestOpenQuestions(t *testing.T) {
	checkRules(t, []ruleCase{
		{"It was unclear whether any of the four passengers were injured.", nil},
		{"Officers asked if the driver was hurt.", nil},
		{"Two men were hurt when the roof fell.", []want{{Wounded, 2, true, "Two men"}}},
	})
}

func TestCumulativeIsLocal(t *testing.T) {
	// A text split into one long "sentence": a running total elsewhere must
	// not hide the incident's own counts.
	in := "Seven people were killed and 25 wounded in the market blast on Monday. Nearly 400 people have died in such attacks so far this year"
	d := &sitrep.Doc{Article: &sitrep.Article{Text: in}, Sentences: []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: len(in)}}}}
	got, _ := Extract(d)
	if len(got) != 2 || got[0].Count != 7 || got[1].Count != 25 {
		t.Errorf("got %+v, want killed 7 and wounded 25 only", got)
	}
	checkRules(t, []ruleCase{
		{"Twelve people have died in the camps in the past month, officials in N.J. said.", nil},
	})
}

func TestListsAndTotals(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Six guards, a driver and a civilian were killed when the bomb went off.", []want{{Killed, 8, true, "Six guards, a driver and a civilian"}}},
		{"In Toledo, a man and a woman were wounded.", []want{{Wounded, 2, true, "a man and a woman"}}},
		{"Four people including a toddler were found dead.", []want{{Killed, 4, true, "Four people"}}},
		{"Nine miners were killed in a blast on Monday, bringing the death toll in mine accidents to 85 this year.", []want{{Killed, 9, true, "Nine miners"}}},
	})
}

func TestNotCounts(t *testing.T) {
	checkRules(t, []ruleCase{
		{"He was convicted of the deaths of 13 women between 1975 and 1980.", []want{{Killed, 13, true, ""}}},
		{"Schalke 04 midfielder Ivo Lenz suffered a minor injury.", []want{{Wounded, 1, true, ""}}},
		{"In 2004, Ivo Lenz was hospitalized.", []want{{Wounded, 1, true, "Ivo Lenz"}}},
		{"The ruler for more than two decades, who died on Monday, was buried.", nil},
	})
}

func TestFiguresOfSpeech(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The airline has been hit by rising fuel costs.", nil},
		{"Four regions were hit by delays.", nil},
		{"A cyclist was hit by a car on Main Street.", []want{{Wounded, 1, true, "A cyclist"}}},
		{"The boy was struck and taken away by ambulance.", []want{{Wounded, 1, true, "The boy"}}},
		{"Injured Leeds striker Ray Cole will miss the final.", nil},
		{"The coach regretted the absence of injured players.", nil},
		{"The film beat The Killing Fields to the prize.", nil},
		{"The painter, who died in Rome at the age of 87, left no will.", nil},
		{"Some two million people, mainly farmers, perished in the famine.", []want{{Killed, 2000000, false, ""}}},
	})
}

func TestMoreNonCasualties(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Kill Bill director Ann Ray spoke.", nil},
		{"He starred in The Life and Death of Ivo Lenz.", nil},
		{"The striker survived an injury scare on Sunday.", nil},
		{"We've had serious injuries this season.", nil},
		{"The film topped the chart, displacing Ocean's Twelve.", nil},
		{"The floods are displacing thousands of villagers.", []want{{Displaced, 1000, false, ""}}},
	})
}

func TestNamesAsModifiers(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Cheap imports have injured Ontario corn growers.", nil},
		{"The strike will hurt Kenya's tea industry.", nil},
		{"An officer shot a German shepherd in the park.", nil},
		{"The gunman shot Ivo Lenz three times.", []want{{Wounded, 1, true, "Ivo Lenz"}}},
		{"A ferry capsized in Bengal and 147 died.", []want{{Killed, 147, true, ""}}},
		{"Both tankers were hit by missiles.", nil},
		{"The ruling body of the league met.", nil},
	})
}

func TestListEdges(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Two people died, three went missing and nine were hurt.", []want{{Killed, 2, true, ""}, {Missing, 3, true, ""}, {Wounded, 9, true, ""}}},
		{"Troops wounded more than 80, one critically.", []want{{Wounded, 80, false, ""}}},
		{"The blast injured at least 20 soldiers, many of them seriously.", []want{{Wounded, 20, false, ""}}},
		{"Rebels killed 34 pupils, 12 teachers and seven guards.", []want{{Killed, 53, true, ""}}},
		{"The host is in hospital after suffering a mild stroke.", nil},
	})
}

func TestEconomicHurt(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Weak demand hurt Singapore last year.", nil},
		{"Cheap imports injured U.S. farmers.", nil},
		{"The blast injured Ivo Lenz and his son.", []want{{Wounded, 2, true, ""}}},
	})
}

func TestMiddleInitials(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Tom R. Lane, 84, and his wife, Ann F. Lane, 80, were found dead.", []want{{Killed, 2, true, ""}}},
		{"Police said Ivo K. Lenz was stabbed.", []want{{Wounded, 1, true, "Ivo K. Lenz"}}},
	})
}

func TestPlacesAndDates(t *testing.T) {
	checkRules(t, []ruleCase{
		{"One of the victims shot on Birch Lane died on Sunday.", []want{{Wounded, 1, true, ""}, {Killed, 1, true, ""}}},
		{"Ana Ruiz, 22, of Dayton was shot.", []want{{Wounded, 1, true, "Ana Ruiz"}}},
		{"The victim of a Feb. 13 shooting in York has died.", nil},
		{"Ann Lane, 80, was found dead.", []want{{Killed, 1, true, "Ann Lane"}}},
	})
}

func TestNobodyAndOr(t *testing.T) {
	checkRules(t, []ruleCase{
		{"No one was killed or injured in the blast.", []want{{Killed, 0, true, ""}, {Wounded, 0, true, ""}}},
		{"Nobody was hurt.", []want{{Wounded, 0, true, ""}}},
		{"Two people were killed or wounded.", []want{{Killed, 2, true, "Two people"}}},
	})
}

func TestAmongTheDead(t *testing.T) {
	checkRules(t, []ruleCase{
		{"A police officer was among the dead.", []want{{Killed, 1, true, ""}}},
		{"Among the dead were two children.", []want{{Killed, 2, true, "two children"}}},
		{"The dead included a 5-year-old boy.", nil},
		{"The man succumbed to his injuries.", []want{{Killed, 1, true, "The man"}}},
		{"One person is dead and another is injured.", []want{{Killed, 1, true, "One person"}, {Wounded, 1, true, "another"}}},
	})
}

func TestMoreDeathPhrases(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The death toll from the bombing has risen to 35.", []want{{Killed, 35, true, ""}}},
		{"The death toll, which includes 3 children, is unclear.", nil},
		{"Six people drowned when their boat capsized.", []want{{Killed, 6, true, "Six people"}}},
		{"Nine miners were feared dead.", []want{{Killed, 9, true, "Nine miners"}}},
		{"The clash claimed the lives of five soldiers.", []want{{Killed, 5, true, "five soldiers"}}},
		{"Two climbers lost their lives on the peak.", []want{{Killed, 2, true, "Two climbers"}}},
		{"Three workers were treated for minor injuries.", []want{{Wounded, 3, true, "Three workers"}}},
	})
}

func TestIncidentDatesAndPrepositions(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The death toll rose to three and 12 others were wounded.", []want{{Killed, 3, true, ""}, {Wounded, 12, true, "12 others"}}},
		{"Earlier this year, 1,800 were killed when a mudslide buried a village.", []want{{Killed, 1800, true, ""}}},
		{"In January last year, rebels kidnapped 26 people.", []want{{Kidnapped, 26, true, "26 people"}}},
		{"Rebels have kidnapped 26 people this year.", nil},
		{"The blast killed a commando member and wounded three others.", []want{{Killed, 1, true, "a commando member"}, {Wounded, 3, true, "three others"}}},
	})
}

func TestStruckDeadRangesAnimals(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Six farmers were struck dead by lightning.", []want{{Killed, 6, true, "Six farmers"}}},
		{"Between 20 and 30 people were arrested.", []want{{Arrested, 20, false, ""}}},
		{"Officials said 390 chickens and 12 ducks died.", nil},
	})
}

func TestArrivedWithWounds(t *testing.T) {
	checkRules(t, []ruleCase{
		{"A man arrived there with a gunshot wound.", []want{{Wounded, 1, true, "A man"}}},
		{"Two teens showed up at Mercy Clinic with stab wounds.", []want{{Wounded, 2, true, "Two teens"}}},
	})
}

func TestAdverbsAndRecovery(t *testing.T) {
	checkRules(t, []ruleCase{
		{"A hunter was accidentally shot in the hand.", []want{{Wounded, 1, true, "A hunter"}}},
		{"The family was evicted.", nil},
		{"A man was briefly hospitalized.", []want{{Wounded, 1, true, "A man"}}},
		{"Two victims were being treated at a local hospital.", []want{{Wounded, 2, true, "Two victims"}}},
		{"The boy is recovering from stab wounds.", []want{{Wounded, 1, true, "The boy"}}},
	})
}

func TestSongsShotsAndFirms(t *testing.T) {
	checkRules(t, []ruleCase{
		{"She sang her debut hit Genie in a Bottle.", nil},
		{"He fired a forehand cross-court shot into the net.", nil},
		{"Roddick sent a shot wide.", nil},
		{"A man in his 20s shot his stepfather.", []want{{Wounded, 1, true, "his stepfather"}}},
		{"A loud cheer drowned out the speech.", nil},
		{"United Airlines was badly hurt by the strike.", nil},
		{"A woman was hurt by shrapnel.", []want{{Wounded, 1, true, "A woman"}}},
	})
}

func TestIllnessNear(t *testing.T) {
	checkRules(t, []ruleCase{
		{"The former premier is in stable condition at the coronary care unit.", nil},
		{"The singer was taken to a hospital after a mild stroke.", nil},
		{"The guard was taken to a hospital after the shooting.", []want{{Wounded, 1, true, "The guard"}}},
	})
}

func TestBodiesAndSentenceSubjects(t *testing.T) {
	checkRules(t, []ruleCase{
		{"Police named a 25-year-old man whose body was found in a ditch.", []want{{Killed, 1, true, "a 25-year-old man"}}},
		{"Ruiz's body was found on Monday.", []want{{Killed, 1, true, "Ruiz's"}}},
		{"The victim staggered off the porch and was found dead in the yard.", []want{{Killed, 1, true, "The victim"}}},
		{"Police arrived and found the doors locked.", nil},
		{"A guard at the prison who died on Friday was buried.", []want{{Killed, 1, true, "A guard"}}},
	})
}
