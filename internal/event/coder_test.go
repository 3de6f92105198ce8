package event_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/caption"
	"github.com/sitrep-project/sitrep/internal/dict"
	"github.com/sitrep-project/sitrep/internal/entity"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/geo"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/quote"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// stages are the real earlier stages, loaded once for all tests.
type stages struct {
	an    *text.Analyzer
	gaz   *geo.Gazetteer
	ents  *entity.Recognizer
	tx    *timex.Extractor
	geo   *geo.Parser
	coder *event.Coder
}

var (
	once   sync.Once
	shared *stages
	setErr error
)

func load(tb testing.TB) *stages {
	tb.Helper()
	once.Do(func() {
		s := &stages{}
		if s.an, setErr = text.NewAnalyzer(); setErr != nil {
			return
		}
		if s.gaz, setErr = geo.Load(); setErr != nil {
			return
		}
		d, err := dict.LoadDefault()
		if err != nil {
			setErr = err
			return
		}
		capt, err := caption.NewDetector()
		if err != nil {
			setErr = err
			return
		}
		if s.ents, setErr = entity.New(pipeline.NewLexicon(s.gaz, d, capt)); setErr != nil {
			return
		}
		s.tx = timex.New()
		s.geo = geo.NewParser(s.gaz)
		s.coder = event.New(d, s.gaz, s.an)
		shared = s
	})
	if setErr != nil {
		tb.Fatal(setErr)
	}
	return shared
}

func code(tb testing.TB, published, txt string) []sitrep.Event {
	tb.Helper()
	s := load(tb)
	art := &sitrep.Article{ID: "t", Published: published, Text: txt}
	doc := s.an.Analyze(art, nil)
	ents := s.ents.Recognize(doc)
	evs, _ := s.coder.Code(&event.Input{
		Doc:      doc,
		Entities: ents,
		Timexes:  s.tx.Extract(doc),
		Places:   s.geo.Parse(doc, ents),
		Quotes:   quote.Extract(doc, ents),
	})
	return evs
}

// ev is an expected event in the compact form "SRC>TGT:ROOT" (TGT empty for
// one-sided events), with optional date, modality and place.
type ev struct {
	dyad     string
	date     string
	modality string
	place    string
}

func (w ev) matches(e sitrep.Event) bool {
	src, rest, _ := strings.Cut(w.dyad, ">")
	tgt, root, _ := strings.Cut(rest, ":")
	if !strings.HasPrefix(e.Source.Actor, src) || e.Root != root && e.CAMEO != root { // a root or a whole code
		return false
	}
	if tgt == "" && e.Target != nil || tgt != "" && (e.Target == nil || !strings.HasPrefix(e.Target.Actor, tgt)) {
		return false
	}
	if w.date != "" && e.Date != w.date || w.modality != "" && e.Modality != w.modality {
		return false
	}
	return w.place == "" || e.Location != nil && e.Location.Name == w.place
}

func describe(evs []sitrep.Event) string {
	var b strings.Builder
	for _, e := range evs {
		tgt := ""
		if e.Target != nil {
			tgt = e.Target.Actor
		}
		loc := ""
		if e.Location != nil {
			loc = "@" + e.Location.Name
		}
		b.WriteString("\n  " + e.Source.Actor + ">" + tgt + ":" + e.Root + " (" + e.CAMEO + " " + e.Modality + " " + e.Date + loc + " @" + strconv.Itoa(e.Evidence.Trigger.Start) + ")")
	}
	return b.String()
}

func TestCode(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   []ev
		forbid []ev // events that must not be produced
		none   bool // no event at all
	}{
		{name: "whose clause between subject and verb", text: "Kenya, whose embassy was by then surrounded, sent special forces to Mogadishu.",
			want: []ev{{dyad: "KEN>SOM:15"}}, forbid: []ev{{dyad: "---GOV>SOM:15"}}},
		{name: "flying forces is force posture", text: "Kenya flew special forces to Mogadishu on Tuesday.",
			want: []ev{{dyad: "KEN>SOM:15"}}, forbid: []ev{{dyad: "KEN>SOM:03"}}},
		{name: "ordering forces somewhere is sending them", text: "Kenya ordered an army battalion to Mogadishu on Tuesday.",
			want: []ev{{dyad: "KEN>SOM:15"}}},
		{name: "a target marker is no infinitive", text: "Kenya ordered the army to attack Somalia.",
			want: []ev{{dyad: "KEN>---MIL:10"}}, forbid: []ev{{dyad: "KEN>:15"}}},
		{name: "answering for something is a threat", text: "The Kenyan president said on Monday that Somalia would answer for the attack.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "a fronted adverbial opened by a subordinator", text: "After talks with Kenya, Somalia attacked Ethiopia.",
			want: []ev{{dyad: "SOM>ETH:19"}}, forbid: []ev{{dyad: "KEN>ETH:19"}}},
		{name: "a relative clause with a gerund before the verb", text: "Kenyan President Mwangi Kamau, who has accused Somalia of backing the raid, threatened Somalia with sanctions.",
			want: []ev{{dyad: "KENGOV>SOM:13"}}, forbid: []ev{{dyad: "SOM>:13"}}},
		{name: "a warning that interrupts the threat it reports", text: "Somalia, Kenya warned on Friday, will pay dearly for the raid.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "a warning that closes the threat it reports", text: "Somalia will pay dearly for the raid, Kenya warned.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "a warning that threatens no one", text: "Kenya, the minister warned, will not back down.",
			forbid: []ev{{dyad: "---GOV>KEN:13"}}},
		{name: "a fronted participle clause has the main clause's subject", text: "Blaming Somalia for the bombing, the Kenyan president closed the border.",
			want: []ev{{dyad: "KENGOV>SOM:11"}}},
		{name: "forces led by a country act for it", text: "Kenyan-led forces invaded Somalia in 2011.",
			want: []ev{{dyad: "KENMIL>SOM:19"}}},
		{name: "a militant group's sector remembers no country", text: "Islamic State fighters overran a Somali town in 2015. On Tuesday, thousands of militia supporters stormed the Kenyan embassy in Mogadishu.",
			want: []ev{{dyad: "---UAF>KENGOV:17"}}, forbid: []ev{{dyad: "IMGUAF>KENGOV:17"}}},
		{name: "what the object is called is no target", text: "Somalia's president condemned the raids as a violation of Somali sovereignty.",
			want: []ev{{dyad: "SOMGOV>:11"}}, forbid: []ev{{dyad: "SOMGOV>SOM:11"}}},
		{name: "a time stamp ends at its dash", text: "1630 GMT — Gen. Mwangi Kamau, head of the Kenyan army, says the border is secure. He warns Somalia.",
			want: []ev{{dyad: "KENMIL>SOM:13"}}},
		{name: "it refers to no plural in -men", text: "Kenya said it had bombed a camp because gunmen had attacked a border post. It accused Somalia of sheltering them.",
			want: []ev{{dyad: "KEN>SOM:11"}}, forbid: []ev{{dyad: "---UAF>SOM:11"}}},
		{name: "a relative clause that ends an appositive", text: "Kenyan Defence Minister Mwangi Kamau, a former army officer who had been in the job for six months, warned Somalia.",
			want: []ev{{dyad: "KENGOV>SOM:13"}}, forbid: []ev{{dyad: "---MIL>SOM:13"}}},
		{name: "sending police is increasing police power", text: "The Kenyan government deployed extra police units to the border on Monday.",
			want: []ev{{dyad: "KENGOV>:15"}}, forbid: []ev{{dyad: "KENGOV>:19"}}},
		{name: "forces of no side sent, as a government announces", text: "The Kenyan defence ministry says about 100 soldiers have been sent to reinforce the embassy.",
			want: []ev{{dyad: "KENGOV>:15"}}, forbid: []ev{{dyad: "---MIL>:15"}}},
		{name: "forces of a known side keep their side", text: "Kenya said Somali troops had been sent to the border.",
			want: []ev{{dyad: "SOMMIL>:15"}}},
		{name: "an event noun's target is no part of the actor", text: "Kenyan airstrikes on Somali militias killed 25 fighters.",
			want: []ev{{dyad: "KEN>SOMUAF:19"}}, forbid: []ev{{dyad: "KENUAF>KEN:19"}}},
		{name: "a date between an event noun and its target", text: "The riot followed Kenyan airstrikes on Sunday against Somali militia bases.",
			want: []ev{{dyad: "KEN>SOMUAF:19"}}},
		{name: "a name in apposition to a coded role is remembered", text: "The president of Kenya, Amina Wekesa, blamed Somalia for the attack. Ms. Wekesa warned Somalia on Monday.",
			want: []ev{{dyad: "KENGOV>SOM:13"}}},
		{name: "a threat in a quotation dated by its attribution", text: "Kenyan President Mwangi Kamau blamed Somalia for the attack. “Somalia will be held responsible. They will pay a heavy price! This is a warning,” Kamau wrote on Twitter on Sunday.",
			want: []ev{{dyad: "KENGOV>SOM:13", date: "2022-03-06"}}},
		{name: "a passive's patient is the object its patterns name", text: "Blame for the bombing was placed on Somalia by Kenya.",
			want: []ev{{dyad: "KEN>SOM:11"}}},
		{name: "a passive speech act", text: "A warning was issued by Kenya on Monday.",
			want: []ev{{dyad: "KEN>:13"}}},
		{name: "a passive warning's target is who will suffer", text: "A warning was issued by Kenya that Somalia would pay a heavy price.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "paying dearly is a threat", text: "The Kenyan president said on Monday that Somalia will pay dearly.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "gerund of a coded verb with its patient and agent", text: "The storming of the Kenyan embassy in Mogadishu by Somali militants began on Tuesday.",
			want: []ev{{dyad: "SOM>KEN:17"}}},
		{name: "event noun with a place, a time and a believed agent", text: "The storming of the Kenyan embassy in Mogadishu on Tuesday by hundreds of protesters believed to be Somali militia members was followed by a night of tension.",
			want: []ev{{dyad: "SOMOPP>KENGOV:17"}}, forbid: []ev{{dyad: "KENOPP>KENGOV:17"}}},
		{name: "event noun with its target and agent", text: "The attack on the Kenyan convoy by Somali rebels killed ten soldiers.",
			want: []ev{{dyad: "SOM>KEN:19"}}},
		{name: "a crowd of an agent is that agent", text: "A crowd of Somali militia supporters stormed the Kenyan embassy.",
			want: []ev{{dyad: "SOMUAF>KENGOV:17"}}, forbid: []ev{{dyad: "SOMCVL>KENGOV:17"}}},
		{name: "a group named again by another word keeps its country", text: "Supporters of Somali militias gathered near the Kenyan embassy. Crowds of militia supporters later stormed the Kenyan embassy.",
			want: []ev{{dyad: "SOMUAF>KENGOV:17"}}, forbid: []ev{{dyad: "---UAF>KENGOV:17"}}},
		{name: "a belief relative after a by-agent gives its country", text: "The Kenyan embassy was attacked on Tuesday by hundreds of demonstrators believed to be Somali militia members.",
			want: []ev{{dyad: "SOMOPP>KENGOV:18"}}, forbid: []ev{{dyad: "---OPP>KENGOV:18"}}},
		{name: "an appositive after a by-agent gives its country", text: "The Kenyan embassy was stormed on Tuesday by angry demonstrators, supporters of Somali militias.",
			want: []ev{{dyad: "SOMOPP>KENGOV:17"}}, forbid: []ev{{dyad: "---OPP>KENGOV:17"}}},
		{name: "a list after a by-agent is no appositive", text: "The embassy was attacked by police, soldiers and Somali militiamen.",
			forbid: []ev{{dyad: "SOMCOP>---GOV:19"}}},
		{name: "a time after by is no agent", text: "Kenyan army troops deployed around the palace, and by Friday evening most of the crowd had left.",
			want: []ev{{dyad: "KENMIL>:15"}}},
		{name: "a quotation interrupted after its subject", text: "“Somalia,” the Kenyan president said on Monday, “will pay a heavy price for this.”",
			want: []ev{{dyad: "KENGOV>SOM:13"}}, forbid: []ev{{dyad: "SOMGOV>:13"}}},
		{name: "a time between the conjunction and the second verb", text: "The Kenyan president blamed Somalia for the attack and on Tuesday threatened Mogadishu with retaliation.",
			want: []ev{{dyad: "KENGOV>SOM:13"}}},
		{name: "forces seizing a ship confiscate it", text: "Kenyan marines seized a Somali oil tanker off Lamu on Saturday.",
			want: []ev{{dyad: "KENMIL>SOM:17"}}, forbid: []ev{{dyad: "KENMIL>SOM:19"}}},
		{name: "a restrictive relative after the city of a name", text: "The strikes followed a rocket barrage near the coastal city of Mogadishu that had killed a Kenyan contractor.",
			forbid: []ev{{dyad: "SOM>KEN:20"}, {dyad: "SOM>KEN:19"}, {dyad: "SOM>KEN:18"}}},
		{name: "a time of day after by is no agent", text: "Kenyan troops deployed around the stadium on Wednesday, and by nightfall most of the fans had gone home.",
			want: []ev{{dyad: "KENMIL>:15"}}},
		{name: "a demonym's army is no verb", text: "Kenyan army units deployed around the stadium on Wednesday.",
			want: []ev{{dyad: "KENMIL>:15"}}},
		{name: "a place inside a from-phrase is no target of force posture", text: "Kenya sent about 100 soldiers from a rapid-reaction unit in Somalia.",
			want: []ev{{dyad: "KEN>:15"}}, forbid: []ev{{dyad: "KEN>SOM:15"}}},
		{name: "placing the responsibility on someone is blaming them", text: "Kenya placed responsibility for the bombing on Somalia.",
			want: []ev{{dyad: "KEN>SOM:11"}}},
		{name: "active transitive", text: "Russian troops attacked Ukrainian positions near Kharkiv on Monday.",
			want: []ev{{dyad: "RUS>UKR:19", date: "2022-03-07", place: "Kharkiv"}}},
		{name: "passive with by-agent", text: "The Turkish embassy was attacked by Kurdish militants on Sunday.",
			want: []ev{{dyad: ">TUR:19"}}},
		{name: "descriptive appositive adds no member", text: "Kenya, Somalia's closest ally and now a major trading partner of Ethiopia, accepted the proposal in November.",
			want: []ev{{dyad: "KEN>:03"}}, forbid: []ev{{dyad: "SOM>:03"}, {dyad: "ETH>:03"}, {dyad: "KEN>SOM:03"}}},
		{name: "appositive of names lists members", text: "Two East African states, Kenya and Uganda, accepted the Somali proposal in November.",
			want: []ev{{dyad: "KEN>SOM:03"}, {dyad: "UGA>SOM:03"}}},
		{name: "refusal noun", text: "Hamas continued its refusal to renounce violence or recognize Israel.",
			want: []ev{{dyad: "PSE>ISR:05", modality: sitrep.Negated}}},
		{name: "coordinated bare verb shares a modal", text: "Kenya will send troops and support the Somali army.",
			want: []ev{{dyad: "KEN>SOM:05", modality: sitrep.Hypothetical}}},
		{name: "gerund weighed", text: "Norway will consider withdrawing from the Sri Lankan monitoring mission.",
			want: []ev{{dyad: "NOR>LKA:08", modality: sitrep.Hypothetical}}},
		{name: "gerund shunned", text: "The Kenyan army avoided attacking Somali villages.",
			want: []ev{{dyad: "KEN>SOM:19", modality: sitrep.Negated}}},
		{name: "past tense coordination stays asserted", text: "Israeli forces attacked Gaza and occupied Rafah.",
			want: []ev{{dyad: "ISR>PSE:19", modality: sitrep.Asserted}, {dyad: "ISR>PSE:19", modality: sitrep.Asserted}}},
		{name: "participle set off by commas is passive", text: "Kenya's former defence minister, blamed for the defeat in Somalia, resigned on Monday.",
			forbid: []ev{{dyad: "KEN>:11"}}},
		{name: "vowing attacks is a threat", text: "Al-Shabaab's leader vowed more attacks on Kenyan targets.",
			want: []ev{{dyad: "SOM>KEN:13"}}},
		{name: "possessor of the noun before an infinitive acts", text: "Kenyan lawmakers criticised the Somali government's plan to expel Ethiopian traders.",
			want: []ev{{dyad: "KEN>SOM:11"}, {dyad: "SOM>ETH:17", modality: sitrep.Hypothetical}}, forbid: []ev{{dyad: "KEN>ETH:17"}}},
		{name: "object relative is no mutual act", text: "Kenya called the raid lawful, a position which Uganda and Tanzania supported on Monday.",
			forbid: []ev{{dyad: "UGA>TZA:05"}, {dyad: "TZA>UGA:05"}}},
		{name: "noun content clause keeps mutual act", text: "Officials voiced hope that Uganda and Tanzania would cooperate closely.",
			want: []ev{{dyad: "UGA>TZA:03"}, {dyad: "TZA>UGA:03"}}},
		{name: "subject before a parenthetical clause", text: "The East African Community -- which groups Kenya, Uganda and Tanzania -- condemned the Somali raid.",
			want: []ev{{dyad: "IGO>SOM:11"}}, forbid: []ev{{dyad: "KEN>SOM:11"}}},
		{name: "subject after a quotation", text: "“Down with the occupation!” chanted Kenyan protesters outside the Somali embassy.",
			want: []ev{{dyad: "KEN>:14"}}, forbid: []ev{{dyad: ">KEN:14"}}},
		{name: "a truce signed by two is mutual", text: "Ethiopia and Eritrea signed a ceasefire agreement in Algiers.",
			want: []ev{{dyad: "ETH>ERI:08"}, {dyad: "ERI>ETH:08"}}},
		{name: "marching to protest is protesting", text: "Thousands of Kenyans marched through Nairobi to protest against the new tax.",
			want: []ev{{dyad: "KEN>:14", modality: sitrep.Asserted}}},
		{name: "a person named again keeps the first mention's code", text: "Kenyan President Mwangi Kamau blamed Somalia for the attack. Kamau threatened Somalia on Monday.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "a country after a person's name does not code the person", text: "Ugandan President Okello Mbabazi arrived in Nairobi on Monday. Mbabazi, on a state visit to Kenya, praised the Somali army.",
			want: []ev{{dyad: "UGA>SOM:05"}}, forbid: []ev{{dyad: "KEN>SOM:05"}}},
		{name: "a fronted participle clause before a subject with an appositive", text: "Speaking to reporters on Thursday, Mwangi Kamau, the Kenyan army chief, warned that Somalia would pay a heavy price.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "a fronted participle clause with a list", text: "After beating Uganda, Tanzania and Rwanda to the title, Kenya's coach Mwangi Kamau praised Somalia.",
			want: []ev{{dyad: "KEN>SOM:05"}}, forbid: []ev{{dyad: "TZA>SOM:05"}, {dyad: "RWA>SOM:05"}}},
		{name: "he is no it", text: "Kenyan President Mwangi Kamau met the envoy on Monday. Uganda said it would stay neutral. He then threatened Somalia.",
			want: []ev{{dyad: "KEN>SOM:13"}}, forbid: []ev{{dyad: "UGA>SOM:13"}}},
		{name: "a name takes no restrictive relative", text: "Kenyan jets struck the camps in retaliation for a rocket attack near Mogadishu last week that killed a Kenyan contractor.",
			want: []ev{{dyad: ">KEN:18"}}, forbid: []ev{{dyad: "SOM>KEN:18"}}},
		{name: "a restrictive relative after an event noun's phrases", text: "The strikes came after a rocket attack on a Kenyan base near Mandera on Friday that killed a Kenyan contractor.",
			want: []ev{{dyad: "--->KEN:19"}}, forbid: []ev{{dyad: "KEN>KEN:19"}}},
		{name: "a restrictive relative after of complements", text: "Kamau ordered an inquiry into the bombing of the UN compound in Mogadishu that killed 22 people.",
			forbid: []ev{{dyad: "SOM>:19"}, {dyad: "IGO>:19"}, {dyad: "SOM>:18"}, {dyad: "IGO>:18"}}},
		{name: "troops a country orders are its own", text: "Kenya ordered a contingent of marines to reinforce the embassy in Mogadishu.",
			want: []ev{{dyad: "KEN>SOM:15", modality: sitrep.Hypothetical}}},
		{name: "coordinated participles share the agent", text: "Kenyan militias armed and funded by Somalia attacked the town.",
			want: []ev{{dyad: "SOM>KEN:06"}, {dyad: "KEN>:19"}}, forbid: []ev{{dyad: "KEN>SOM:06"}, {dyad: "KEN>SOM:18"}}},
		{name: "a name after an indefinite article is an adjective", text: "Kenyan jets bombed the Tana Liberation Front, an Eritrea-backed Somali armed group.",
			want: []ev{{dyad: "KEN>SOM:19"}}, forbid: []ev{{dyad: "SOM>:15"}}},
		{name: "a clause after the object is no appositive", text: "Kenyan jets bombed the camp, a Somali official said.",
			forbid: []ev{{dyad: "KEN>SOM:19"}}},
		{name: "a threat quoted before its speaker", text: "“Somalia will pay a heavy price for every attack on Kenyan citizens,” Kenyan President Mwangi Kamau said on Monday.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "a participle after a quotation and its speaker", text: "“The embassy is secure,” Kenyan army chief Mwangi Kamau told reporters, warning that Somalia would pay a heavy price.",
			want: []ev{{dyad: "KEN>SOM:13"}}, forbid: []ev{{dyad: "---GOV>SOM:13"}}},
		{name: "the head of an agent phrase names it again", text: "Kenya's foreign ministry condemned the raid on Monday. The ministry said it had dispatched security personnel to Mogadishu.",
			want: []ev{{dyad: "KEN>SOM:15"}}, forbid: []ev{{dyad: "---GOV>SOM:15"}}},
		{name: "a partitive appositive of the agent", text: "The Kenyan embassy in Mogadishu was stormed on Monday by hundreds of protesters, most of them believed to be members of Somali militias.",
			want: []ev{{dyad: "SOM>KEN:19"}}},
		{name: "a partitive appositive of the subject", text: "Thousands of protesters, most of them believed to be members of Somali militias, stormed the Kenyan embassy on Monday.",
			want: []ev{{dyad: "SOM>KEN:17"}}},
		{name: "a quoted threat told to reporters", text: "“Somalia will pay a heavy price for every attack on Kenyan citizens,” Kenyan President Mwangi Kamau told reporters in Nairobi on Friday.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "the gerund of a temporal adjunct", text: "Somali militiamen stormed the Kenyan embassy in Mogadishu on Sunday before setting fire to a Kenyan army truck.",
			want: []ev{{dyad: "SOM>KEN:17"}, {dyad: "SOM>KEN:19"}}},
		{name: "a date is no pattern word", text: "The Kenya Civic Forum demanded on Monday that Somalia withdraw its troops.",
			want: []ev{{dyad: "KEN>SOM:10"}}, forbid: []ev{{dyad: "KEN>SOM:19"}}},
		{name: "a second verb of saying after a that-clause", text: "Gen. Mwangi Kamau of Kenya said on Thursday that the base was safe and cautioned Somalia against any attack.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "the crowd named by another word", text: "Hundreds of Kenyan protesters attacked the Somali embassy on Tuesday. The demonstrators accused Somalia of aggression.",
			want: []ev{{dyad: "KEN>SOM:11"}}, forbid: []ev{{dyad: "---OPP>SOM:11"}}},
		{name: "a threat in a quotation's next sentence", text: "Kenyan President Mwangi Kamau said on Tuesday that Somalia “will be held responsible. They will pay a heavy price!”",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "a relative after a coordinated subject", text: "Hundreds of Somali militiamen and their supporters, who belong to a clan militia, stormed the Kenyan embassy in Mogadishu on Tuesday.",
			want: []ev{{dyad: "SOM>KEN:17"}}},
		{name: "force not ruled out is a threat", text: "Kenyan President Mwangi Kamau did not rule out military action against Somalia.",
			want: []ev{{dyad: "KEN>SOM:13", modality: sitrep.Asserted}}, forbid: []ev{{dyad: "KEN>SOM:12", modality: sitrep.Negated}}},
		{name: "talks not ruled out are no threat", text: "Kenya did not rule out talks with Somalia.",
			forbid: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "cutting ties", text: "Kenya cut diplomatic ties with Somalia on Monday.",
			want: []ev{{dyad: "KEN>SOM:16"}}},
		{name: "downgrading ties", text: "Kenya downgraded relations with Somalia.",
			want: []ev{{dyad: "KEN>SOM:16"}}},
		{name: "weapons test is one-sided", text: "North Korea test-fired two missiles into the Sea of Japan.",
			want: []ev{{dyad: "PRK>:15"}}, forbid: []ev{{dyad: "PRK>JPN:15"}}},
		{name: "a one-word name shares no sector", text: "Egypt mediated between Kenya and al-Shabaab.",
			want: []ev{{dyad: "EGY>KEN:04"}}, forbid: []ev{{dyad: "EGY>KENREB:04"}}},
		{name: "a weapon's user is unknown", text: "A roadside bomb killed three Kenyan soldiers near Mandera.",
			want: []ev{{dyad: "--->KEN:18"}}, forbid: []ev{{dyad: "KEN>:18"}}},
		{name: "participle after a bomb's blast", text: "A car bomb exploded near a market in Mogadishu, killing five Somali soldiers.",
			want: []ev{{dyad: "--->SOM:18"}}},
		{name: "anonymity formula", text: "A Kenyan official, who declined to be identified, said police arrested five Somali traders.",
			want: []ev{{dyad: ">SOM:17"}}, forbid: []ev{{dyad: "KEN>:12"}}},
		{name: "relative clause between commas", text: "The Somali rebels, who control much of the south, attacked a Kenyan army base.",
			want: []ev{{dyad: "SOM>KEN:19"}}},
		{name: "one's aircraft are one's military", text: "The Israeli military said its aircraft struck Hezbollah targets.",
			want: []ev{{dyad: "ISRMIL>LBN:19"}}},
		{name: "a toll left", text: "A bomb attack left five Kenyan soldiers dead.",
			want: []ev{{dyad: "--->KENMIL:19"}}},
		{name: "a collective noun takes it", text: "The Ugandan army said it had killed 20 Congolese rebels.",
			want: []ev{{dyad: "UGAMIL>COD:19"}}},
		{name: "participle after the object", text: "Kenyan police arrested a senior Somali official accused of smuggling weapons.",
			want: []ev{{dyad: "KEN>SOM:17"}}, forbid: []ev{{dyad: "SOM>:11"}}},
		{name: "past tense coordinated with another", text: "A suicide bombing killed nine Afghan soldiers and injured 20 Afghan policemen.",
			want: []ev{{dyad: "--->AFG:19"}}, forbid: []ev{{dyad: "AFG>AFG:18"}}},
		{name: "both inside a verb group", text: "Norway is both facilitating talks between Kenya and Somalia and leading the observer mission.",
			want: []ev{{dyad: "NOR>KEN:06"}, {dyad: "NOR>SOM:06"}}},
		{name: "a decline is no refusal", text: "The Kenyan shilling declined against the dollar.", none: true},
		{name: "declining an offer is a refusal", text: "Kenya declined the Somali offer of talks.",
			want: []ev{{dyad: "KEN>SOM:12"}}},
		{name: "giving time is no cooperation", text: "The Kenyan government gave Somali traders time to leave.",
			forbid: []ev{{dyad: "KEN>SOM:06"}}},
		{name: "approving a bill alone is no concession", text: "The Kenyan cabinet approved a bill on land reform.", none: true},
		{name: "a team sport report", text: "The Kenyan striker hit the post before Uganda attacked down the left wing.", none: true},
		{name: "an obligation with no speaker is no demand", text: "Kenyan firms will keep the label and Ugandan producers must find another name.", none: true},
		{name: "what something should have is no demand", text: "The Kenyan spokesman said the Ugandan plant should have a capacity of 30,000 cars.", none: true},
		{name: "a passive obligation is a demand", text: "Kenya said the Somali traders should be released.",
			want: []ev{{dyad: "KEN>SOM:10"}}},
		{name: "revealing is no cooperation", text: "Kenya revealed the deal to Uganda.", none: true},
		{name: "expressing commitment is no disapproval", text: "Kenya expressed its commitment to the Somali talks.", none: true},
		{name: "raising exports is no cooperation", text: "Kenya increased its exports to Uganda in March.", none: true},
		{name: "raising ties is", text: "Kenya and Uganda expanded their trade ties.",
			want: []ev{{dyad: "KEN>UGA:06"}}},
		{name: "an accident is no attack", text: "A collision between a Kenyan warship and a Somali fishing boat killed four people.", none: true},
		{name: "a thing is no source", text: "Kenyan government policy supports the Somali transitional government.", none: true},
		{name: "a ceremony is no source", text: "The Kenyan peace ceremony welcomed the Somali delegation.", none: true},
		{name: "a policy is no source", text: "Kenyan trade policy helped Somali traders.", none: true},
		{name: "a government is a source", text: "The Kenyan government supports the Somali transitional government.",
			want: []ev{{dyad: "KENGOV>SOMGOV:05"}}},
		{name: "a possessor acts through its things", text: "Kenya's foreign policy supports the Somali transitional government.",
			want: []ev{{dyad: "KEN>SOMGOV:05"}}},
		{name: "a ruling speaks for its court", text: "A Kenyan court ruling ordered the release of Somali traders.",
			want: []ev{{dyad: "KENJUD>SOM:10"}}},
		{name: "an agent ending in a thing's name", text: "Kenyan law enforcement arrested three Somali traders.",
			want: []ev{{dyad: "KENCOP>SOM:17"}}},
		{name: "vehicles stand for their users", text: "Kenyan warships blockaded the Somali port of Kismayo.",
			want: []ev{{dyad: "KENMIL>SOM:17"}}},
		{name: "a currency is no target", text: "The Kenyan government allocated 50 million US dollars for the new dam.",
			forbid: []ev{{dyad: "KEN>USA:07"}}},
		{name: "force against an amount is figurative", text: "Trade between Kenya and Uganda hit 2 billion US dollars last year.", none: true},
		{name: "goods keep their origin", text: "Kenyan traders bought 4,000 tonnes of Ugandan maize.",
			want: []ev{{dyad: "KEN>UGA:06"}}},
		{name: "a share keeps its firm", text: "A Kenyan firm bought 40 percent of a Ugandan bank.",
			want: []ev{{dyad: "KEN>UGA:06"}}},
		{name: "negation", text: "Israeli forces did not attack the Egyptian border post.",
			want: []ev{{dyad: "ISR>EGY:19", modality: sitrep.Negated}}},
		{name: "failed attempt", text: "Syrian rebels failed to capture the Turkish border town.",
			want: []ev{{modality: sitrep.Failed, dyad: "SYR>TUR:19"}}},
		{name: "threat to attack is a threat", text: "North Korea threatened to attack South Korea.",
			want: []ev{{dyad: "PRK>KOR:13"}}},
		{name: "accusation", text: "China accused Japan of provoking tensions in the East China Sea.",
			want: []ev{{dyad: "CHN>JPN:11"}}},
		{name: "reported threat in speech", text: "The Iranian foreign minister said on Sunday that Israel would pay a heavy price for the strike.",
			want: []ev{{dyad: "IRN>ISR:13", date: "2022-03-06"}}},
		{name: "coordinated verbs share the subject", text: "Police in Lagos arrested five protesters and detained two journalists.",
			want: []ev{{dyad: "NGACOP>---OPP:17"}, {dyad: "NGACOP>---MED:17"}}},
		{name: "nominal event", text: "The talks collapsed after Saudi airstrikes on Yemeni rebels.",
			want: []ev{{dyad: "SAU>YEM:19"}}},
		{name: "deployment without recipient is force posture", text: "India deployed thousands of soldiers along the Pakistani border.",
			want: []ev{{dyad: "IND>:15"}}},
		{name: "approximate number before the subject", text: "Around 300 Kenyan soldiers attacked the town.",
			want: []ev{{dyad: "KENMIL>:19"}}},
		{name: "adverb between the subject and its verb", text: "Kenyan troops later deployed along the Somali border.",
			want: []ev{{dyad: "KENMIL>:15"}}},
		{name: "place in a location phrase gives only the country", text: "Protesters in Cairo chanted slogans on Friday.",
			want: []ev{{dyad: "EGYOPP>:14", date: "2022-03-04"}}},
		{name: "threat to attack codes no attack", text: "North Korea threatened to attack South Korea.",
			want: []ev{{dyad: "PRK>KOR:13"}}, forbid: []ev{{dyad: "PRK>KOR:19"}}},
		{name: "compound source and target", text: "France and Germany condemned Russia and Belarus on Monday.",
			want: []ev{{dyad: "FRA>RUS:11"}, {dyad: "FRA>BLR:11"}, {dyad: "DEU>RUS:11"}, {dyad: "DEU>BLR:11"}}},
		{name: "coordinated parties act on each other", text: "India and Pakistan resumed talks on Monday.",
			want: []ev{{dyad: "IND>PAK:04"}, {dyad: "PAK>IND:04"}}},
		{name: "list with commas", text: "Egypt welcomed the visit of delegations from Jordan, Qatar and Oman.",
			want: []ev{{dyad: "EGY>JOR:04"}, {dyad: "EGY>QAT:04"}, {dyad: "EGY>OMN:04"}}},
		{name: "announced aid is an intent", text: "Japan will give Kenya emergency aid.",
			want: []ev{{dyad: "JPN>KEN:03"}}, forbid: []ev{{dyad: "JPN>KEN:07"}}},
		{name: "the one asked does what is asked", text: "Washington asked Pakistan to arrest the militants.",
			want: []ev{{dyad: "USA>PAK:02"}, {dyad: "PAK>---UAF:17", modality: sitrep.Hypothetical}}, forbid: []ev{{dyad: "USA>---UAF:17"}}},
		{name: "the one called on does what is called for", text: "The European Union called on Russia to withdraw its troops from Ukraine.",
			want: []ev{{dyad: "RUS>UKR:08"}}, forbid: []ev{{dyad: "IGO>UKR:08"}}},
		{name: "a purpose infinitive is the subject's", text: "Lithuania summoned the Russian ambassador to condemn the naval exercises.",
			want: []ev{{dyad: "LTU>---MIL:11"}}, forbid: []ev{{dyad: "RUSGOV>---MIL:11"}}},
		{name: "a gerund after a passive's agent is its subject's act", text: "Egypt was criticized by Human Rights Watch for detaining journalists.",
			want: []ev{{dyad: "NGO>EGY:11"}, {dyad: "EGY>---MED:17"}}, forbid: []ev{{dyad: "NGO>---MED:17"}}},
		{name: "armed groups after the Phoenix dictionaries", text: "The Houthis attacked a Greek ship in the Red Sea.",
			want: []ev{{dyad: "YEMREB>GRC:19"}}},
		{name: "arms sent are military aid", text: "Poland sent tanks to Ukraine on Monday.",
			want: []ev{{dyad: "POL>UKR:07"}}},
		{name: "as well as coordinates actors", text: "Russia as well as China criticized the United States.",
			want: []ev{{dyad: "RUS>USA:11"}, {dyad: "CHN>USA:11"}}},
		{name: "as well as coordinates objects", text: "The United States criticized Russia as well as China.",
			want: []ev{{dyad: "USA>RUS:11"}, {dyad: "USA>CHN:11"}}},
		{name: "the antecedent of an object relative is its target", text: "Kenya hosted the Somali refugees, whom Ethiopia had expelled in May.",
			want: []ev{{dyad: "ETH>SOM:17"}}},
		{name: "a possessor is the source of an event noun", text: "Russia's invasion of Ukraine began in February.",
			want: []ev{{dyad: "RUS>UKR:19"}}},
		{name: "a name after a possessive is no event noun", text: "Flights leave from Chicago's O'Hare International Airport to 18 U.S. cities.",
			forbid: []ev{{dyad: "USA>:17"}}},
		{name: "mediators do not mediate between each other", text: "The truce was brokered by Qatar and Egypt.",
			forbid: []ev{{dyad: "QAT>EGY:04"}, {dyad: "EGY>QAT:04"}}},
		{name: "a conjunction joins two clauses", text: "France has condemned Syria and Turkey has criticized Iran.",
			want: []ev{{dyad: "FRA>SYR:11"}, {dyad: "TUR>IRN:11"}}, forbid: []ev{{dyad: "FRA>TUR:11"}}},
		{name: "after a verb of saying the noun phrases are one subject", text: "France said Syria and Turkey had signed a trade agreement.",
			want: []ev{{dyad: "SYR>TUR:06"}, {dyad: "TUR>SYR:06"}}},
		{name: "refusal is a rejection", text: "Turkey refused to meet Greek negotiators.",
			want: []ev{{dyad: "TUR>GRC:12"}}},
		{name: "reported obligation is a demand", text: "Moscow said on Friday that Khartoum must hand back the seized cargo plane.",
			want: []ev{{dyad: "RUS>SDN:10"}}},
		{name: "that-complement subject is the target", text: "The European Union demanded that Kenya release the journalists.",
			want: []ev{{dyad: "IGO>KEN:10"}, {dyad: "KEN>---MED:08", modality: sitrep.Hypothetical}}},
		{name: "passive violence by a weapon has an unknown source", text: "Three US soldiers were killed by a roadside bomb near Basra.",
			want: []ev{{dyad: "--->USA:19"}}},
		{name: "passive violence with no agent has an unknown source", text: "Two Palestinians were killed in the West Bank on Tuesday.",
			want: []ev{{dyad: "--->PSE:19"}}},
		{name: "accidents are no violence", text: "Five Iraqi soldiers were killed in a car crash.", none: true},
		{name: "pronoun after a date is the subject", text: "Britain announced Thursday it would impose sanctions on Belarus.",
			want: []ev{{dyad: "GBR>BLR:16"}}},
		{name: "protest verb ending a reporting clause is verbal", text: "Bosnian police keep turning away returning families, a human rights group protested Wednesday.",
			want: []ev{{dyad: "---HRI>BIHCOP:11"}}},
		{name: "an abandoned effort is not the act it aimed at", text: "Egypt abandoned efforts to attack Libya.",
			want: []ev{{dyad: "EGY>LBY:08"}}},
		{name: "training fighters builds up force", text: "North Korea has trained hundreds of hackers.",
			want: []ev{{dyad: "PRK>:15"}}},
		{name: "announced coercion is still a threat", text: "Kenya announced on Sunday that it will impose a curfew on Somalia.",
			want: []ev{{dyad: "KEN>SOM:13"}}},
		{name: "announced decision is the act, a statement of intent a threat", text: "Britain said Thursday it would impose sanctions on Belarus.",
			want: []ev{{dyad: "GBR>BLR:13"}}},
		{name: "discard phrase belongs to the nearest verb", text: "Niger lifted a curfew that was imposed eight months ago.",
			want: []ev{{dyad: "NER>:08"}}},
		{name: "breaking into a place is forced entry", text: "Gunmen broke into the Indian embassy in Kabul on Monday.",
			want: []ev{{dyad: "---UAF>IND:17"}}},
		{name: "an arrest by soldiers is an arrest, not occupying territory", text: "Israeli troops arrested three Hamas members in Hebron.",
			want: []ev{{dyad: "ISRMIL>PSEREBHMS:173"}}, forbid: []ev{{dyad: "ISRMIL>PSEREBHMS:192"}}},
		{name: "arresting a minister is no abduction", text: "Police apprehended the former minister on Monday.",
			want: []ev{{dyad: "---COP>---GOV:173"}}, forbid: []ev{{dyad: "---COP>---GOV:18"}}},
		{name: "forcing one's way into a place is forced entry", text: "Militiamen forced their way into the Indian embassy in Kabul.",
			want: []ev{{dyad: "---UAF>IND:171"}}},
		{name: "forces placed somewhere are force posture", text: "Iraqi soldiers were stationed outside the compound on Wednesday.",
			want: []ev{{dyad: "IRQMIL>:154"}}},
		{name: "taking up positions is no occupation", text: "Iraqi soldiers took up positions near the embassy.",
			want: []ev{{dyad: "IRQMIL>:154"}}, forbid: []ev{{dyad: "IRQMIL>:192"}}},
		{name: "soldiers posting a video post no force", text: "Kenyan soldiers posted a video online.", none: true},
		{name: "paying a price is no payment", text: "Tehran will pay a heavy price for the attack, Trump said.",
			forbid: []ev{{dyad: "IRN>:03"}, {dyad: "IRN>:06"}, {dyad: "IRN>:07"}}},
		{name: "a country's strikes on a target are military", text: "Israeli strikes on Hamas positions killed five people.",
			want: []ev{{dyad: "ISR>PSEREBHMS:190"}}, forbid: []ev{{dyad: "ISR>PSEREBHMS:143"}}},
		{name: "forces pushing people back repress them", text: "Police pushed the protesters back with batons.",
			want: []ev{{dyad: "---COP>---OPP:175"}}, forbid: []ev{{dyad: "---COP>---OPP:10"}}},
		{name: "pushing back a vote is no demand", text: "The Kenyan government pushed back the vote to March.", none: true},
		{name: "forces sent somewhere are sent to that country", text: "The United States sent 3,000 troops to Kuwait on Monday.",
			want: []ev{{dyad: "USA>KWT:154"}}},
		{name: "a capitalised name the actor dictionary knows is no thing", text: "Trump warned Iran on Tuesday.",
			want: []ev{{dyad: "USA>IRN:13"}}},
		{name: "pointing the finger is blaming", text: "The United States pointed the finger at Iran for the attack.",
			want: []ev{{dyad: "USA>IRN:112"}}},
		{name: "breaking into a market is no event", text: "Chinese firms broke into the Kenyan market.", none: true},
		{name: "background clause is not coded", text: "Egypt restored ties with Qatar five years after Qatari protesters stormed its embassy.",
			forbid: []ev{{dyad: "QATOPP>EGY:17"}, {dyad: "QATOPP>EGYGOV:17"}, {dyad: "QATOPP>:17"}}},
		{name: "participle of state is active", text: "Egypt is opposed to Turkish mediation.",
			want: []ev{{dyad: "EGY>TUR:12"}}},
		{name: "possessive agent takes the subject's country", text: "Israel said its forces had completed their withdrawal.",
			want: []ev{{dyad: "ISRMIL>:08"}}},
		{name: "the place a visit goes to is its host", text: "Chinese President Xi Jinping arrived in Moscow on Monday for a state visit.",
			want: []ev{{dyad: "CHNGOV>RUS:04"}, {dyad: "RUS>CHNGOV:04"}}},
		{name: "a place that is no country stays a place", text: "The French president arrived in Kharkiv on Monday for a state visit.",
			forbid: []ev{{dyad: "FRAGOV>UKR:04"}, {dyad: "UKR>FRAGOV:04"}}},
		{name: "official before a noun means formal", text: "Chinese official media accused Japan of provoking tensions.",
			want: []ev{{dyad: "CHNMED>JPN:11"}}, forbid: []ev{{dyad: "CHNGOV>JPN:11"}, {dyad: "JPN>:14", modality: sitrep.Asserted}}},
		{name: "an accused act is not reported as done", text: "Israel accused Hamas of firing rockets at Israeli towns.",
			want: []ev{{dyad: "ISR>PSEREBHMS:11"}}, forbid: []ev{{dyad: "PSEREBHMS>ISR:19", modality: sitrep.Asserted}}},
		{name: "the verb's own object is the target, not the one a later pattern word reaches", text: "Kenya blamed Somalia for the bombing and the attack on the Ugandan embassy.",
			want: []ev{{dyad: "KEN>SOM:11"}}, forbid: []ev{{dyad: "KEN>UGA:11"}}},
		{name: "a verb of saying coordinated after a reported clause has the speaker as subject", text: "The Kenyan foreign minister said the border was secure and warned Somalia against any attack.",
			want: []ev{{dyad: "KENGOV>SOM:13"}}},
		{name: "a reported threat before its reporting clause", text: "Kenya would pay a heavy price for the attack, the Ugandan president said on Monday.",
			want: []ev{{dyad: "UGAGOV>KEN:13"}}},
		{name: "a reporting clause closed by adjuncts of medium and date", text: "Kenya would pay a heavy price for the attack, the Ugandan president wrote on Twitter on Monday.",
			want: []ev{{dyad: "UGAGOV>KEN:13"}}},
		{name: "a closing reporting clause with an appositive after the speaker", text: "Anyone who attacks the embassy will regret it, Mwangi Kamau, the Kenyan army chief, warned on Thursday.",
			want: []ev{{dyad: "KENMIL>:13"}}, forbid: []ev{{dyad: "---GOV>:13"}}},
		{name: "a participle clause after the subject names no actor", text: "Crowds of protesters, angered by recent Ugandan airstrikes on their bases, stormed the Kenyan embassy in Kampala on Tuesday.",
			want: []ev{{dyad: "---OPP>KENGOV:171"}}, forbid: []ev{{dyad: "UGAOPP>KENGOV:171"}}},
		{name: "a reporting clause with an appositive after a quotation", text: "\"Anyone who attacks the embassy will regret it,\" Mwangi Kamau, the Kenyan army chief, warned on Thursday, adding that the compound was secure.",
			want: []ev{{dyad: "KENMIL>:13"}}, forbid: []ev{{dyad: "---GOV>:13"}}},
		{name: "a passive after a fronted date without a comma", text: "On Tuesday the Kenyan embassy in Mogadishu was stormed by Somali militiamen.",
			want: []ev{{dyad: "SOMUAF>KENGOV:190"}}},
		{name: "a past tense after a closed relative clause", text: "President Mwangi Kamau, who blamed Somalia for the attack on the embassy, tweeted on Tuesday that Somalia would \"pay a heavy price\" for the damage.",
			want: []ev{{dyad: "---GOV>SOM:11"}, {dyad: "---GOV>SOM:13"}}},
		{name: "according to opens no verb group", text: "According to the minister, Kenya and Uganda signed a trade agreement.",
			want: []ev{{dyad: "KEN>UGA:061"}}},
		{name: "a subject of its own after a closed relative clause", text: "According to Mwangi Kamau, who spoke to reporters on Thursday, Somali militiamen attacked the Kenyan embassy.",
			want: []ev{{dyad: "SOMUAF>KENGOV:190"}}, forbid: []ev{{dyad: "--->KENGOV:190"}}},
		{name: "the pronoun after a quotation names no actor of it", text: "Kenyan army chief Mwangi Kamau spoke to reporters on Thursday. \"Abdi Warsame will regret the attack,\" he warned.",
			want: []ev{{dyad: "KENMIL>:13"}}},
		{name: "a parenthetical reporting clause", text: "Kenya, the Ugandan president said on Monday, would pay a heavy price for the attack.",
			want: []ev{{dyad: "UGAGOV>KEN:13"}}},
		{name: "an appositive with a complement after the speaker", text: "Anyone who attacks the embassy will regret it, Mwangi Kamau, the commander of the Kenyan army, warned on Thursday.",
			want: []ev{{dyad: "KENMIL>:13"}}, forbid: []ev{{dyad: "---GOV>:13"}}},
		{name: "warned against an act", text: "Iran warned the US against attacking Syria.",
			want: []ev{{dyad: "IRN>USA:13"}}, forbid: []ev{{dyad: "USA>SYR:19", modality: sitrep.Asserted}}},
		{name: "the phrase a pattern matched takes the target", text: "Russia launched a fresh bombing and shelling offensive on besieged Syrian towns.",
			want: []ev{{dyad: "RUS>SYR:19"}}},
		{name: "an intent with no counterpart is no event", text: "Kenyan trade minister Peter Munya spoke to reporters on Monday. \"We expect new demand next year,\" Munya said.",
			forbid: []ev{{dyad: ">:03"}}},
		{name: "an intent toward someone is kept", text: "Kenya pledged aid to Somalia on Monday.",
			want: []ev{{dyad: "KEN>SOM:03"}}},
		{name: "dying in an accident is no violence", text: "At least four Nepalese villagers died in the collision on Tuesday.", none: true},
		{name: "a death from torture is violence by an unnamed agent", text: "A Syrian detainee died after torture in a military prison.",
			want: []ev{{dyad: "--->SYR:18"}}},
		{name: "a bare take is no seizure", text: "Japan takes around two thirds of the pearls.", none: true},
		{name: "a hedged passive keeps its patient", text: "More than 80 Albanian refugees were believed killed on Friday.",
			want: []ev{{dyad: "--->ALB:19"}}, forbid: []ev{{dyad: "ALB>:19"}}},
		{name: "a refusal happened", text: "Turkey refused to meet Greek negotiators.",
			want: []ev{{dyad: "TUR>GRC:12", modality: sitrep.Asserted}}},
		{name: "things are no actors", text: "Greek stocks ended higher on Monday, pushing the index to its highest close since 2000.", none: true},
		{name: "a participle with a predicative adjective is passive", text: "Witnesses said they saw Iraqi civilians shot dead near Mussayab.",
			want: []ev{{dyad: "--->IRQ:19"}}, forbid: []ev{{dyad: "IRQ>:19"}}},
		{name: "finding the dead is no violence", text: "Iraqi police found the bodies of five Syrian men dead near Mosul.",
			forbid: []ev{{dyad: "IRQCOP>SYR:19"}, {dyad: "IRQCOP>:19"}}},
		{name: "we in a quotation is its speaker", text: "Chinese officials criticised Japan on Monday. \"We will defend Taiwan,\" US Defense Secretary Lloyd Austin said.",
			want: []ev{{dyad: "USAGOV>TWN:03"}}, forbid: []ev{{dyad: "CHNGOV>TWN:03"}}},
		{name: "a personal pronoun is no country", text: "\"That does not impede us from crying,\" the Peruvian president said.",
			forbid: []ev{{dyad: "USA>:11"}}},
		{name: "an opinion about things is no demand", text: "The Saudi foreign minister said efforts should continue to find a solution.", none: true},
		{name: "the document of a statement is no release", text: "Two Afghan soldiers were wounded, the US military said in a press release.",
			forbid: []ev{{dyad: "USAMIL>:08"}}},
		{name: "a reporting verb's complement subject is no pattern object", text: "Two South Korean researchers said Hwang's research had been faked.",
			forbid: []ev{{dyad: "KOR>:09"}, {dyad: "KOREDU>:09"}}},
		{name: "fighting between parties is mutual and happened", text: "Trade stopped in May because of fighting between Ethiopians and Eritreans near the border.",
			want: []ev{{dyad: "ETH>ERI:19", modality: sitrep.Asserted}, {dyad: "ERI>ETH:19", modality: sitrep.Asserted}}},
		{name: "an investigation as a purpose needs no target", text: "The United Nations sent 20 experts to Somalia on Monday to investigate the famine.",
			want: []ev{{dyad: "IGOUNO>:09"}}},
		{name: "an arrest by an unnamed agent", text: "Five Kenyan journalists were arrested on Monday.",
			want: []ev{{dyad: "--->KEN:17"}}},
		{name: "a place phrase is the target when the clause names no one else", text: "Some 300 Tunisian farmers blocked highways in the port city of Sfax on Friday.",
			want: []ev{{dyad: "TUNAGR>TUN:14"}}},
		{name: "the object of a preposition is no subject", text: "A Pakistani man who fought in Syria was arrested in Lahore on Monday.",
			forbid: []ev{{dyad: "--->SYR:17"}}},
		{name: "what is given goes to the recipient", text: "The United States is providing military intelligence to Ukraine.",
			want: []ev{{dyad: "USA>UKR:07"}}, forbid: []ev{{dyad: "USA>---MIL:07"}}},
		{name: "own forces are withdrawn from a place", text: "Syria withdrew its troops from Lebanon on Monday.",
			want: []ev{{dyad: "SYR>LBN:08"}}},
		{name: "a modifier with no country is no nominal source", text: "Britain will continue military aid to Mozambique.",
			forbid: []ev{{dyad: "---MIL>MOZ:07"}}},
		{name: "a firm's battle is figurative", text: "The American retailer Pier 1 Imports battled fierce competition from Chinese firms.", none: true},
		{name: "a sports report is no conflict", text: "France beat Scotland in the Six Nations on Saturday.", none: true},
		{name: "a negated infinitive after a control verb", text: "Egypt decided not to attack Libya.",
			want: []ev{{dyad: "EGY>LBY:19", modality: sitrep.Negated}}, forbid: []ev{{dyad: "EGY>LBY:19", modality: sitrep.Asserted}}},
		{name: "a later verb's by-agent is its own, and a relative clause's antecedent its subject", text: "Kenyan soldiers who were sent to Somalia last year were captured by al-Shabaab on Monday.",
			want: []ev{{dyad: "SOMREB>KENMIL:17"}}, forbid: []ev{{dyad: "SOMREB>KENMIL:15"}, {dyad: "SOMREB>SOM:17"}}},
		{name: "a military strike is an attack", text: "The Israeli military strike on Syrian targets killed five people.",
			want: []ev{{dyad: "ISR>SYR:19"}}, forbid: []ev{{dyad: "ISR>SYR:14"}}},
		{name: "he refers to the last person, coded or not", text: "Kenya accused Somalia on Monday. The pope visited Nairobi on Tuesday. He condemned the attacks.",
			forbid: []ev{{dyad: "KEN>:11"}}},
		{name: "he skips a country for a person", text: "Kenyan President William Ruto arrived in Paris on Monday. France welcomed the visit. He criticised al-Shabaab.",
			want: []ev{{dyad: "KEN>SOMREB:11"}}, forbid: []ev{{dyad: "FRA>SOMREB:11"}}},
		{name: "an event noun is no target", text: "Israel unleashed a major military offensive on Monday.",
			want: []ev{{dyad: "ISR>:19"}}, forbid: []ev{{dyad: "ISR>---MIL:19"}}},
		{name: "a withdrawal by several is not from each other", text: "France, Germany and Spain withdrew their support on Monday.",
			forbid: []ev{{dyad: "FRA>DEU:08"}, {dyad: "DEU>ESP:08"}}},
		{name: "heading somewhere is a visit", text: "Chinese President Xi Jinping headed to Moscow on Monday.",
			want: []ev{{dyad: "CHNGOV>RUS:04"}}},
		{name: "ordering someone to act is a demand, not a visit", text: "The Kenyan court ordered the government to pay compensation.",
			want: []ev{{dyad: "KENJUD>---GOV:10"}}, forbid: []ev{{dyad: "---GOV>KENJUD:04"}, {dyad: "KENJUD>---GOV:04"}}},
		{name: "a claim before a clause only reports it", text: "A Greek court claimed the Albanian government had ordered the attack.",
			forbid: []ev{{dyad: "GRCJUD>:11"}, {dyad: "GRCJUD>ALBGOV:11"}}},
		{name: "a possessive object is the clause subject's, and own forces are no target", text: "Russia insisted that Ukraine must withdraw its troops.",
			want: []ev{{dyad: "RUS>UKR:10"}, {dyad: "UKR>:08"}}, forbid: []ev{{dyad: "UKR>RUSMIL:08"}, {dyad: "UKR>UKRMIL:08"}}},
		{name: "breaking rules is no military force", text: "The Kenyan ruling party broke the electoral rules, the commission said.",
			forbid: []ev{{dyad: "KENPTY>:19"}, {dyad: "KEN>:19"}}},
		{name: "never before the verb negates it", text: "Dutch troops in Afghanistan never exchanged fire with Taliban fighters.",
			want: []ev{{dyad: "NLDMIL>AFG:19", modality: sitrep.Negated}}, forbid: []ev{{dyad: "NLDMIL>AFG:19", modality: sitrep.Asserted}}},
		{name: "meeting a target is no meeting", text: "The British chancellor said he would meet his fiscal rules this year.",
			forbid: []ev{{dyad: "GBRGOV>:03"}, {dyad: "GBRGOV>:04"}}},
		{name: "attacking a policy is criticism", text: "The former British minister attacked the way the Iraq war was sold to the public.",
			want: []ev{{dyad: "GBRGOV>IRQ:11"}}, forbid: []ev{{dyad: "GBRGOV>IRQ:19"}}},
		{name: "a plan to meet a request is an intent to yield", text: "The Danish government plans to meet a NATO request for more troops.",
			want: []ev{{dyad: "DNKGOV>IGOWSTNAT:03"}}},
		{name: "meeting with criticism is no meeting", text: "The Kenyan proposals have met with criticism from Ugandan officials.",
			forbid: []ev{{dyad: "KEN>UGAGOV:04"}, {dyad: "UGAGOV>KEN:04"}}},
		{name: "calling something a name is no call", text: "The Kenyan president called the verdict a disgrace.",
			forbid: []ev{{dyad: "KENGOV>:04"}}},
		{name: "a survey is no actor", text: "A Japanese government survey suggested that exports would fall.",
			forbid: []ev{{dyad: "JPNGOV>:02"}, {dyad: "JPN>:02"}}},
		{name: "a belief relative between commas", text: "Hundreds of demonstrators, thought to be members of Syrian militias, overran the Turkish consulate on Monday.",
			want: []ev{{dyad: "SYR>TUR:19"}}},
		{name: "set fire after its subject is a verb", text: "Syrian protesters set fire to the Turkish consulate on Monday.",
			want: []ev{{dyad: "SYR>TUR:17"}}},
		{name: "a resignation is a PLOVER retreat", text: "The Kenyan interior minister resigned on Monday.",
			want: []ev{{dyad: "KENGOV>:08"}}},
		{name: "a result with a score is sport", text: "South Korea beat Mongolia 2-0 on Sunday.", none: true},
		{name: "a range before a noun is no score", text: "Between 10-15 Afghan civilians were killed by a roadside bomb on Sunday.",
			want: []ev{{dyad: "--->AFG:19"}}},
		{name: "reporting clause after a comma", text: "Police beat protesters, a human rights group charged on Saturday.",
			forbid: []ev{{dyad: "---COP>:11"}}},
		{name: "conditional act is a threat", text: "The European Union may halt aid to Serbia if the fighting continues.",
			want: []ev{{dyad: "IGO>SRB:13"}}},
		{name: "who the subject is believed to be", text: "Gunmen believed to be Syrian army deserters attacked a Turkish border post on Monday.",
			want: []ev{{dyad: "SYR>TUR:19", date: "2022-03-07"}}},
		{name: "the reported threat's content is no act of its own", text: "The Iranian president said on Sunday that Israel would pay a heavy price.",
			want: []ev{{dyad: "IRN>ISR:13"}}, forbid: []ev{{dyad: "ISR>:03"}, {dyad: "ISR>:06"}}},
		{name: "a denied act is negated", text: "Russia denied bombing the Ukrainian hospital.",
			want:   []ev{{dyad: "RUS>UKR:19", modality: sitrep.Negated}},
			forbid: []ev{{dyad: "RUS>UKR:19", modality: sitrep.Asserted}, {dyad: "RUS>UKR:18", modality: sitrep.Asserted}}},
		{name: "a name particle is no verb", text: "Bahrain's king, Sheikh Hamad bin Isa al-Khalifa, criticized Iran on Monday.",
			want: []ev{{dyad: "BHR>IRN:11"}}},
		{name: "a past form after a prepositional object is a participle; 'as' + noun is no clause", text: "Togo reopened its border to most migrants ordered out of Ghana as illegal workers, but was still refusing entry to Nigerians.",
			want: []ev{{dyad: "TGO>NGA:16"}}, forbid: []ev{{dyad: ">GHA:10"}}},
		{name: "a date adverbial is no prepositional object", text: "Russia on Friday threatened to cut off gas supplies to Moldova.",
			want: []ev{{dyad: "RUS>MDA:13"}}},
		{name: "a warning by a compound subject is not mutual", text: "France and Germany warned of a new war.",
			forbid: []ev{{dyad: "FRA>DEU:13"}, {dyad: "DEU>FRA:13"}}},
		{name: "willing to forgive is forgiving", text: "Igbo leaders said on Monday they are willing to forgive Kenyan President William Ruto.",
			want: []ev{{dyad: "NGA>KEN:05"}}},
		{name: "an agent in two countries is two actors", text: "Lawmakers in France and Germany criticized Russia on Monday.",
			want: []ev{{dyad: "FRALEG>RUS:11"}, {dyad: "DEULEG>RUS:11"}}},
		{name: "the purpose infinitive's object is the target", text: "Egypt signed an agreement on Monday to supply Jordan with natural gas.",
			want: []ev{{dyad: "EGY>JOR:05"}}, forbid: []ev{{dyad: "EGY>:05"}}},
		{name: "steps taken are the act of their infinitive, not a seizure", text: "The Egyptian government has taken steps to enhance political freedoms.",
			want: []ev{{dyad: "EGYGOV>:08"}}, forbid: []ev{{dyad: "EGYGOV>:17"}}},
		{name: "the places of the last member apply to the members before it", text: "Lawmakers and officials in France and Germany criticized Russia on Monday.",
			want: []ev{{dyad: "FRALEG>RUS:11"}, {dyad: "DEULEG>RUS:11"}, {dyad: "FRAGOV>RUS:11"}, {dyad: "DEUGOV>RUS:11"}}},
		{name: "neither-nor is a compound actor, negated", text: "Neither France nor Germany criticized Russia on Monday.",
			want: []ev{{dyad: "FRA>RUS:11", modality: sitrep.Negated}, {dyad: "DEU>RUS:11", modality: sitrep.Negated}}},
		{name: "what one says one must do is no demand", text: "Egypt said it should have acted.", none: true},
		{name: "what one says another must do is a demand", text: "Egypt said Libya must withdraw its troops.",
			want: []ev{{dyad: "EGY>LBY:10"}}},
		{name: "a participle after a comma acts for the main subject", text: "The Turkish defence minister said on Monday that the border was secure, warning that any attack would be answered.",
			want: []ev{{dyad: "TUR>:13", date: "2022-03-07"}}},
		{name: "statement alone is no event", text: "The French president said the economy was improving.", none: true},
		{name: "empty", text: ".", none: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := code(t, "2022-03-08", tt.text)
			if tt.none {
				if len(evs) > 0 {
					t.Errorf("want no event, got %s", describe(evs))
				}
				return
			}
			for _, w := range tt.want {
				found := false
				for _, e := range evs {
					if found = w.matches(e); found {
						break
					}
				}
				if !found {
					t.Errorf("want %+v, got %s", w, describe(evs))
				}
			}
			for _, w := range tt.forbid {
				for _, e := range evs {
					if w.matches(e) {
						t.Errorf("unwanted event %+v in %s", w, describe(evs))
					}
				}
			}
			for _, e := range evs {
				if e.Evidence.Trigger.End <= e.Evidence.Trigger.Start || !strings.Contains(tt.text, e.Evidence.Sentence) {
					t.Errorf("bad evidence %+v", e.Evidence)
				}
			}
		})
	}
}

// TestYesNoQuestionAssertsNothing: the events of a yes-no question, such as
// an explainer's heading, are not asserted.
func TestYesNoQuestionAssertsNothing(t *testing.T) {
	evs := code(t, "2022-03-08", "Did Kenyan soldiers attack the Somali embassy?")
	if len(evs) == 0 {
		t.Fatal("no event coded")
	}
	for _, e := range evs {
		if e.Modality == sitrep.Asserted {
			t.Errorf("asserted event in a question:%s", describe(evs))
		}
	}
}

func TestMaxEventsPerSentence(t *testing.T) {
	txt := "Russian troops attacked, shelled, bombed, raided, stormed and besieged Ukrainian towns, Georgian villages, Moldovan farms and Polish border posts."
	evs := code(t, "2022-03-08", txt)
	triggers := map[sitrep.Span]bool{}
	for _, e := range evs {
		triggers[e.Evidence.Trigger] = true
	}
	// The cap counts interactions; a compound actor's events count once.
	if len(triggers) > event.MaxEventsPerSentence || len(evs) > 4*event.MaxEventsPerSentence {
		t.Errorf("%d events with %d triggers from one sentence: %s", len(evs), len(triggers), describe(evs))
	}
}

func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Russian troops attacked Ukrainian positions near Kharkiv on Monday.",
		"They threw rocks, smashed windows, and torched a kiosk.",
		"“We will respond,” he said.",
		"by by by the the , , and to to",
		"Iran-backed pro- -backed US US US",
		"Osgiliath, which Mordor attacked last week, appealed to Gondor.",
		"After meeting Putin in Moscow, Xi criticized the United States.",
		"Russia's invasion of Ukraine; Washington asked Pakistan to arrest them.",
		"France condemned Syria as well as Iran and Turkey criticized Israel.",
		", which , whom 's 's of as well as as well as and",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		evs := code(t, "2020-01-03", s)
		for _, e := range evs {
			if e.Evidence.Start < 0 || e.Evidence.End > len(s) || e.Evidence.Start > e.Evidence.End {
				t.Fatalf("evidence out of range: %+v", e.Evidence)
			}
			if e.Source.Actor == "" || e.CAMEO == "" {
				t.Fatalf("incomplete event %+v", e)
			}
		}
	})
}

func BenchmarkCode(b *testing.B) {
	s := load(b)
	txt := strings.Repeat("Hundreds of protesters stormed the French Embassy in Niamey on Sunday. President Emmanuel Macron blamed the junta for the attack and said Niger would answer for it. Nigerien soldiers were deployed around the compound.\n\n", 10)
	art := &sitrep.Article{ID: "b", Published: "2020-01-03", Text: txt}
	doc := s.an.Analyze(art, nil)
	ents := s.ents.Recognize(doc)
	in := &event.Input{Doc: doc, Entities: ents, Timexes: s.tx.Extract(doc), Places: s.geo.Parse(doc, ents)}
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	for b.Loop() {
		s.coder.Code(in)
	}
	b.ReportMetric(float64(len(doc.Sentences))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// TestPatternMarkers codes with a user dictionary whose pattern places the
// target before the verb's auxiliaries and the source after a preposition.
func TestPatternMarkers(t *testing.T) {
	s := load(t)
	dir := t.TempDir()
	files := map[string]string{
		"verbs.txt":  "# sitrep verbs\n@block RECEIVE 033\nreceive\n- + * money $ = 071\n@block CELEBRATE\ncelebrate\n- * harvest in ^ + = 045\n@block VISIT 042:043\nvisit\n",
		"actors.txt": "# sitrep actors\ngondor = GON\nrohan = ROH\nosgiliath = OSG\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	d, err := dict.LoadDirs(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := event.New(d, s.gaz, s.an)
	tests := []struct {
		text   string
		want   ev
		forbid []ev
	}{
		{"Gondor has received money from Rohan.", ev{dyad: "ROH>GON:07"}, nil},
		// A place after "in" is never the target: "^" skips it.
		{"Rohan celebrated the harvest in Osgiliath with the envoys of Gondor.", ev{dyad: "ROH>GON:04"}, nil},
		// A paired code gives the host's event too, unless the visit was
		// refused.
		{"Rohan visited Gondor.", ev{dyad: "GON>ROH:04"}, nil},
		{"Rohan refused to visit Gondor.", ev{dyad: "ROH>GON:12"}, []ev{{dyad: "GON>ROH:04"}}},
	}
	for _, tt := range tests {
		art := &sitrep.Article{ID: "t", Published: "2020-01-01", Text: tt.text}
		evs, _ := c.Code(&event.Input{Doc: s.an.Analyze(art, nil)})
		found := false
		for _, e := range evs {
			found = found || tt.want.matches(e)
			for _, f := range tt.forbid {
				if f.matches(e) {
					t.Errorf("%s: unwanted %+v in %s", tt.text, f, describe(evs))
				}
			}
		}
		if !found {
			t.Errorf("%s: want %+v, got %s", tt.text, tt.want, describe(evs))
		}
	}
}

func TestActorSpanSkipsAdverbials(t *testing.T) {
	for _, tt := range []struct{ text, source string }{
		{"Earlier, Israeli soldiers fired tear gas at the protesters.", "Israeli soldiers"},
		{"But in Ramallah, Palestinian teachers staged a strike on Monday.", "Palestinian teachers"},
		{"The Israeli army fired tear gas at the protesters.", "The Israeli army"},
		{"On Monday Israeli President Isaac Herzog met Egyptian officials.", "Israeli President Isaac Herzog"},
		{"Egyptian police Wednesday arrested five Israeli tourists.", "Egyptian police"},
		{"Some 300 Tunisian farmers blocked highways in the port city of Sfax on Friday.", "Some 300 Tunisian farmers"},
		{"\"Iran\" threatened Israel on Friday.", "Iran"},
		{"Ahmed Karimi, Iran's leading human rights lawyer, staged a hunger strike on Sunday.", "Ahmed Karimi"},
		{"The Iranian Minister for Foreign Affairs Ahmed Karimi criticised Israel on Sunday.", "The Iranian Minister for Foreign Affairs Ahmed Karimi"},
	} {
		evs := code(t, "2022-03-07", tt.text)
		if len(evs) == 0 {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		if got := evs[0].Source.Text; got != tt.source {
			t.Errorf("%q: source text %q, want %q", tt.text, got, tt.source)
		}
	}
}

func TestPronounNamesItsAntecedent(t *testing.T) {
	evs := code(t, "2022-03-07", "Kenyan soldiers attacked al-Shabaab on Monday. They also shelled Somali positions near Kismayo.")
	for _, e := range evs {
		if e.Source.Text == "They" {
			if e.Source.Name != "Kenyan soldiers" || !strings.HasPrefix(e.Source.Actor, "KEN") {
				t.Errorf("pronoun source %+v, want actor KEN… named %q", e.Source, "Kenyan soldiers")
			}
			return
		}
	}
	t.Errorf("no event with the pronoun as source:%s", describe(evs))
}

func TestResignationIsRetreat(t *testing.T) {
	evs := code(t, "2022-03-07", "The Kenyan interior minister resigned on Monday.")
	if len(evs) != 1 || evs[0].PLOVER != "RETREAT" {
		t.Errorf("want one RETREAT event:%s", describe(evs))
	}
}

// TestLegalAccusationIsAccuse checks that CAMEO 173 takes the PLOVER type
// of the PLOVER manual: ACCUSE for a charge, an indictment or a suit,
// COERCE for an arrest.
func TestLegalAccusationIsAccuse(t *testing.T) {
	for _, tt := range []struct{ text, plover string }{
		{"Kenyan prosecutors indicted the Somali consul on Monday.", "ACCUSE"},
		{"The Kenyan government sued the Somali state airline on Monday.", "ACCUSE"},
		{"Kenyan police arrested the Somali consul on Monday.", "COERCE"},
	} {
		evs := code(t, "2022-03-07", tt.text)
		if len(evs) == 0 || evs[0].CAMEO[:3] != "173" || evs[0].PLOVER != tt.plover {
			t.Errorf("%q: want a 173 event typed %s:%s", tt.text, tt.plover, describe(evs))
		}
	}
}

// TestDateContinuesToNextSentence checks that a sentence without a time
// expression takes the date of the dated event told just before it in the
// same paragraph, and only then.
func TestDateContinuesToNextSentence(t *testing.T) {
	for _, tt := range []struct {
		name, text, date, reason string
	}{
		{"follows", "Kenyan police arrested ten Somali traders on Monday. They also detained three Ethiopian drivers.", "2022-03-07", "previous"},
		{"new paragraph", "Kenyan police arrested ten Somali traders on Monday.\n\nThey also detained three Ethiopian drivers.", "2022-03-09", "published"},
		{"gap", "Kenyan police arrested ten Somali traders on Monday. The market stayed closed. Kenyan police also detained three Ethiopian drivers.", "2022-03-09", "published"},
		{"own date", "Kenyan police arrested ten Somali traders on Monday. They also detained three Ethiopian drivers on Tuesday.", "2022-03-08", "sentence"},
		{"after a dated statement", "A police spokesman said on Monday that the market was calm. Kenyan police detained three Ethiopian drivers, he added.", "2022-03-07", "previous"},
		{"a time of day dates by its day", "Kenyan police detained three Ethiopian drivers on Tuesday night.", "2022-03-08", "clause"},
		{"a name the tagger took for an adjective", "Kenya sent troops to Sanaa on Monday to detain three Ethiopian drivers.", "2022-03-07", "sentence"},
		{"a narration in the present", "Kenyan troops seize ten Somali boats on Monday. They also detain three Ethiopian drivers.", "2022-03-07", "previous"},
		{"a sentence that opens with its day", "The market closed on Monday. A day later, the police went further. Kenyan police detained three Ethiopian drivers.", "2022-03-08", "previous"},
		{"a sentence that opens with its day, in another paragraph", "The market closed on Monday. A day later, the police went further.\n\nKenyan police detained three Ethiopian drivers.", "2022-03-09", "published"},
		{"a sentence dated in the simple past", "The market closed on Monday. Kenyan police detained three Ethiopian drivers.", "2022-03-07", "previous"},
		{"a sentence dated ahead", "The market will close on Monday. Kenyan police detained three Ethiopian drivers.", "2022-03-09", "published"},
		{"a present after a past", "Kenyan police arrested ten Somali traders on Monday. They detain three Ethiopian drivers.", "2022-03-09", "published"},
		{"a chain of sentences that go on telling the day", "Kenyan police arrested ten Somali traders on Monday. A spokesman said the market was calm. Kenyan police also detained three Ethiopian drivers.", "2022-03-07", "previous"},
		{"a clause after a comma and a conjunction has its own day", "Kenyan police arrested ten Somali traders on Monday, and they detained three Ethiopian drivers on Tuesday.", "2022-03-08", "clause"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			evs := code(t, "2022-03-09", tt.text)
			for _, e := range evs {
				if e.Target != nil && strings.Contains(e.Target.Text, "drivers") {
					if e.Date != tt.date || (e.DateReason != tt.reason && !(tt.reason == "sentence" && e.DateReason == "clause")) {
						t.Errorf("detention dated %s (%s), want %s (%s)", e.Date, e.DateReason, tt.date, tt.reason)
					}
					return
				}
			}
			t.Errorf("no detention of the drivers:%s", describe(evs))
		})
	}
}

// TestCountryNameSharesNoSector checks that in "Ethiopia and Tigrayan
// rebels" only a demonym, not a country's name, takes the last member's
// sector.
func TestCountryNameSharesNoSector(t *testing.T) {
	evs := code(t, "2022-03-07", "Kenya will host talks between Ethiopia and Tigrayan rebels.")
	seen := false
	for _, e := range evs {
		if e.Target != nil && e.Target.Text == "Ethiopia" {
			seen = true
			if e.Target.Actor != "ETH" {
				t.Errorf("Ethiopia coded %s, want ETH", e.Target.Actor)
			}
		}
	}
	if !seen {
		t.Errorf("no event aimed at Ethiopia:%s", describe(evs))
	}
}

// TestPlaceTarget checks the target read from a place phrase: taken only
// when the clause names no one else, marked Place, also for force
// posture (as PLV codes "troops remained on alert in Manila"), never for
// a mutual act of a compound subject.
func TestPlaceTarget(t *testing.T) {
	s := load(t)
	tests := []struct {
		text, trigger string
		source        string // the event's source code prefix
		target        string // "" for none
		place         bool
	}{
		{"Saudi Arabia declared a two-week ceasefire in Yemen on Monday.", "declared", "SAU", "YEM", true},
		{"Kenyan police arrested ten protesters in Nairobi on Monday.", "arrested", "KEN", "---OPP", false},
		{"Egyptian troops were deployed in Sinai on Monday.", "deployed", "EGY", "EGY", true},
		{"Germany provided humanitarian aid in Yemen on Monday.", "provided", "DEU", "YEM", true},
		{"Ethiopia and Eritrea signed a truce in Algiers on Monday.", "signed", "ETH", "ERI", false},
	}
	for _, tt := range tests {
		evs := codeWith(t, s.coder, tt.text)
		found := false
		for _, e := range evs {
			if tt.text[e.Evidence.Trigger.Start:e.Evidence.Trigger.End] != tt.trigger || !strings.HasPrefix(e.Source.Actor, tt.source) {
				continue
			}
			found = true
			switch {
			case tt.target == "" && e.Target != nil:
				t.Errorf("%q: target %+v, want none", tt.text, *e.Target)
			case tt.target != "" && (e.Target == nil || e.Target.Actor != tt.target || e.Target.Place != tt.place):
				t.Errorf("%q: target %+v, want %s (place %v)", tt.text, e.Target, tt.target, tt.place)
			}
		}
		if !found {
			t.Errorf("%q: no event on %q:%s", tt.text, tt.trigger, describe(evs))
		}
	}
}

func TestNamedSources(t *testing.T) {
	named := load(t).coder.WithNamedSources()
	for _, tc := range []struct {
		name, text string
		want       string // "SRC>TGT:ROOT" of the named-source event, "" for none
	}{
		{"a person the dictionaries do not know", "Jan Kowalski accused Russia of breaking the ceasefire.", "--->RUS:11"},
		{"an organisation they do not know", "The Brannock Institute urged Kenya to release the prisoners.", "--->KEN:10"},
		{"with no coded target, nothing", "Jan Kowalski praised the new stadium.", ""},
		{"a common noun is no name", "The newcomers accused Russia of breaking the ceasefire.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range codeWith(t, named, tc.text) {
				if e.Source.Actor == "---" {
					got = append(got, e.Source.Actor+">"+actorOf(e.Target)+":"+e.CAMEO[:2])
				}
			}
			if tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Contains(got, tc.want) {
				t.Errorf("named-source events %v, want %q", got, tc.want)
			}
			for _, e := range code(t, "2020-01-03", tc.text) {
				if e.Source.Actor == "---" {
					t.Errorf("without WithNamedSources: %+v", e)
				}
			}
		})
	}
}

// TestNamedTargets checks that a person or an organisation the
// dictionaries do not know names the target of an event a known actor's
// act makes anyway, and never makes an event of its own.
func TestNamedTargets(t *testing.T) {
	named := load(t).coder.WithNamedSources()
	for _, tc := range []struct {
		name, text string
		want       string // "SRC>TGT:ROOT" of an event of the sentence, "" for none
		noNamed    bool   // no event may have a named target
	}{
		{"the object of an arrest", "Kenyan police arrested Mwangi Kamau in Nairobi on Monday.", "KENCOP>---:17", false},
		{"the patient of a passive", "Mwangi Kamau was arrested by Kenyan police on Monday.", "KENCOP>---:17", false},
		{"an organisation criticized", "The Kenyan government criticized the Brannock Institute on Monday.", "KENGOV>---:11", false},
		{"a person met", "The Kenyan government met Mwangi Kamau on Monday.", "KENGOV>---:04", false},
		{"a known actor in the clause comes first", "Kenyan police deported Mwangi Kamau to Uganda.", "KENCOP>UGA:17", true},
		{"no event for want of a counterpart", "Kenya praised Mwangi Kamau on Monday.", "", true},
		{"a common noun is no name", "Kenyan police arrested the newcomers on Monday.", "KENCOP>:17", true},
		{"a name its appositive codes", "Kenyan jets bombed the Jubba Front, a Somali militia, on Sunday.", "KEN>SOMUAF:19", true},
		{"a name after a participle is not the phrase's head", "The Kenyan government criticized the charges facing Mwangi Kamau.", "KENGOV>:11", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range codeWith(t, named, tc.text) {
				got = append(got, e.Source.Actor+">"+actorOf(e.Target)+":"+e.CAMEO[:2])
			}
			if tc.want != "" && !slices.Contains(got, tc.want) {
				t.Errorf("events %v, want %q", got, tc.want)
			}
			if tc.noNamed && slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, ">---:") }) {
				t.Errorf("events %v, want no named target", got)
			}
			for _, e := range code(t, "2020-01-03", tc.text) {
				if e.Target != nil && e.Target.Actor == "---" {
					t.Errorf("without WithNamedSources: %+v", e)
				}
			}
		})
	}
}

func actorOf(a *sitrep.EventActor) string {
	if a == nil {
		return ""
	}
	return a.Actor
}
