package event_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/quote"
)

// codeParsed codes txt, a single sentence, with the dependency arcs given
// as "head/rel" per token (heads 1-based, 0 for the root), as the parse
// stage would set them. The arcs are written by hand, so these tests
// check the coder's reading of a correct tree, whatever the parser does.
func codeParsed(tb testing.TB, txt, arcs string) []sitrep.Event {
	tb.Helper()
	s := load(tb)
	evs, _ := s.coder.Code(parsedInput(tb, txt, arcs))
	return evs
}

// explainParsed is codeParsed with the coder's trace of the sentence.
func explainParsed(tb testing.TB, txt, arcs string) *event.SentenceTrace {
	tb.Helper()
	s := load(tb)
	tr := s.coder.Explain(parsedInput(tb, txt, arcs))
	if len(tr.Sentences) != 1 {
		tb.Fatalf("%q: %d sentences traced, want 1", txt, len(tr.Sentences))
	}
	return &tr.Sentences[0]
}

// groupHeaded returns the last verb group of st headed by verb.
func groupHeaded(t *testing.T, st *event.SentenceTrace, txt, verb string) *event.GroupTrace {
	t.Helper()
	var g *event.GroupTrace
	for i := range st.Groups {
		if st.Tokens[st.Groups[i].Head].Text == verb {
			g = &st.Groups[i]
		}
	}
	if g == nil {
		t.Fatalf("%q: no verb group headed by %q", txt, verb)
	}
	return g
}

// checkEvents reports each event of want missing from evs and each event
// of forbid found there.
func checkEvents(t *testing.T, txt string, evs []sitrep.Event, want, forbid []ev) {
	t.Helper()
	for _, w := range want {
		found := false
		for _, e := range evs {
			found = found || w.matches(e)
		}
		if !found {
			t.Errorf("%q: no event %+v in:%s", txt, w, describe(evs))
		}
	}
	for _, f := range forbid {
		for _, e := range evs {
			if f.matches(e) {
				t.Errorf("%q: unwanted event %+v in:%s", txt, f, describe(evs))
			}
		}
	}
}

// parsedInput analyses txt and sets its tokens' arcs (see codeParsed).
func parsedInput(tb testing.TB, txt, arcs string) *event.Input {
	tb.Helper()
	s := load(tb)
	art := &sitrep.Article{ID: "t", Published: "2020-01-01", Text: txt}
	doc := s.an.Analyze(art, nil)
	if len(doc.Sentences) != 1 {
		tb.Fatalf("%q: %d sentences, want 1", txt, len(doc.Sentences))
	}
	toks := doc.Sentences[0].Tokens
	fields := strings.Fields(arcs)
	if len(fields) != len(toks) {
		var words []string
		for _, t := range toks {
			words = append(words, t.Text)
		}
		tb.Fatalf("%q: %d arcs for %d tokens %q", txt, len(fields), len(toks), words)
	}
	for i, f := range fields {
		h, rel, _ := strings.Cut(f, "/")
		n, err := strconv.Atoi(h)
		if err != nil {
			tb.Fatalf("arc %q: %v", f, err)
		}
		toks[i].Head, toks[i].Rel = n-1, rel
	}
	ents := s.ents.Recognize(doc)
	return &event.Input{
		Doc:      doc,
		Entities: ents,
		Timexes:  s.tx.Extract(doc),
		Places:   s.geo.Parse(doc, ents),
		Quotes:   quote.Extract(doc, ents),
	}
}

func TestCodeReadsTree(t *testing.T) {
	tests := []struct {
		name, text, arcs string
		want, forbid     []ev
	}{
		{"passive with agent", "Three Iraqi soldiers were killed by Turkish forces.",
			"3/nummod 3/amod 5/nsubj:pass 5/aux:pass 0/root 8/case 8/amod 5/obl:agent 5/punct",
			[]ev{{dyad: "TUR>IRQ:19"}}, []ev{{dyad: "IRQ>TUR:19"}}},
		{"subject relative", "Iraqi militiamen who support Iran stormed the American embassy.",
			"2/amod 6/nsubj 4/nsubj 2/acl:relcl 4/obj 0/root 9/det 9/amod 6/obj 6/punct",
			[]ev{{dyad: "IRQ>USA:17"}}, []ev{{dyad: "IRN>USA:17"}}},
		{"object relative", "The American embassy that Iraqi protesters attacked was closed.",
			"3/det 3/amod 9/nsubj:pass 7/obj 6/amod 7/nsubj 3/acl:relcl 9/aux:pass 0/root 9/punct",
			[]ev{{dyad: "IRQ>USA:19"}}, nil},
		{"reported speech", "Russia said that Ukraine attacked Georgia.",
			"2/nsubj 0/root 5/mark 5/nsubj 2/ccomp 5/obj 2/punct",
			[]ev{{dyad: "UKR>GEO:19"}}, []ev{{dyad: "RUS>GEO:19"}}},
		{"subject control", "Iran vowed to attack Israel.",
			"2/nsubj 0/root 4/mark 2/xcomp 4/obj 2/punct",
			[]ev{{dyad: "IRN>ISR:13"}}, []ev{{dyad: "IRN>ISR:18"}}},
		{"object control", "France urged Iran to release the prisoners.",
			"2/nsubj 0/root 2/obj 5/mark 2/xcomp 7/det 5/obj 2/punct",
			[]ev{{dyad: "FRA>IRN:10"}}, nil},
		{"coordinated subjects", "Russia and China condemned the American strikes.",
			"4/nsubj 3/cc 1/conj 0/root 7/det 7/amod 4/obj 4/punct",
			[]ev{{dyad: "RUS>USA:11"}, {dyad: "CHN>USA:11"}}, nil},
		{"coordinated verbs", "Israeli troops raided the village and attacked two Palestinians.",
			"2/amod 3/nsubj 0/root 5/det 3/obj 7/cc 3/conj 9/nummod 7/obj 3/punct",
			[]ev{{dyad: "ISR>PSE:19"}}, nil},
		{"negation", "Egypt did not condemn Israel.",
			"4/nsubj 4/aux 4/advmod 0/root 4/obj 4/punct",
			[]ev{{dyad: "EGY>ISR:11", modality: sitrep.Negated}}, nil},
		{"appositive", "Sergei Lavrov, the Russian foreign minister, criticized Ukraine.",
			"9/nsubj 1/flat 7/punct 7/det 7/amod 7/amod 1/appos 1/punct 0/root 9/obj 9/punct",
			[]ev{{dyad: "RUS>UKR:11"}}, nil},
		{"participle clause", "Syrian forces shelled the town, killing three Turkish soldiers.",
			"2/amod 3/nsubj 0/root 5/det 3/obj 7/punct 3/advcl 10/nummod 10/amod 7/obj 3/punct",
			[]ev{{dyad: "SYR>TUR:19"}}, nil},
		{"relative clause between subject and verb", "Kenya, whose troops entered Somalia in October, criticized Ethiopia.",
			"10/nsubj 5/punct 4/nmod:poss 5/nsubj 1/acl:relcl 5/obj 8/case 5/obl 5/punct 0/root 10/obj 10/punct",
			[]ev{{dyad: "KEN>ETH:11"}}, []ev{{dyad: "SOM>ETH:11"}}},
		{"object relative before its verb's preposition", "Iran, which the United States accused of supplying drones to Russia, denied the charge.",
			"14/nsubj 7/punct 7/obj 6/det 6/compound 7/nsubj 1/acl:relcl 9/mark 7/advcl 9/obj 12/case 9/obl 7/punct 0/root 16/det 14/obj 14/punct",
			[]ev{{dyad: "USA>IRN:11"}}, []ev{{dyad: "USA>RUS:11"}}},
		{"agents in each of two places, read by both the tree and the chunks", "Officials in Russia and China praised India.",
			"6/nsubj 3/case 1/nmod 5/cc 3/conj 0/root 6/obj 6/punct",
			[]ev{{dyad: "RUSGOV>IND:05"}, {dyad: "CHNGOV>IND:05"}}, nil},
		{"object relative of a subject", "Protesters whom Iraqi police had detained on Monday attacked the American embassy.",
			"9/nsubj 6/obj 4/amod 6/nsubj 6/aux 1/acl:relcl 8/case 6/obl 0/root 12/det 12/amod 9/obj 9/punct",
			[]ev{{dyad: "IRQ>---OPP:17"}, {dyad: "---OPP>USA:19"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := codeParsed(t, tt.text, tt.arcs)
			checkEvents(t, tt.text, evs, tt.want, tt.forbid)
		})
	}
}

// TestActorRoles checks actor coding that needs no parse: dated roles are
// applied with the article's date; an appositive title gives a person with
// no dictionary entry a role and a country; an agent of no named country
// keeps the unknown country.
func TestActorRoles(t *testing.T) {
	tests := []struct {
		published, text, want string
	}{
		{"2007-06-01", "Barack Obama criticized Russia.", "USAELI>RUS:11"},
		{"2012-06-01", "Barack Obama criticized Russia.", "USAGOV>RUS:11"},
		{"2019-06-01", "Barack Obama criticized Russia.", "USAELI>RUS:11"},
		{"2008-06-01", "The top American commander, General Ruritan Smalls, met Iraqi tribal leaders.", "USAMIL>IRQ:04"},
		{"2008-06-01", "A government spokesman criticized Iran.", "---GOV>IRN:11"},
	}
	for _, tt := range tests {
		evs := code(t, tt.published, tt.text)
		found := false
		for _, e := range evs {
			found = found || ev{dyad: tt.want}.matches(e) && e.Source.Actor == strings.Split(tt.want, ">")[0]
		}
		if !found {
			t.Errorf("%s %q: want %s, got:%s", tt.published, tt.text, tt.want, describe(evs))
		}
	}
}

// TestTreeRoleRelations checks which relation gave a verb its roles: the
// deeper and purpose targets the tree reads, a list of subjects the
// parser split, and the chunk reading the tree backs off to when it names
// no actor or does not take the verb for a clause's verb.
func TestTreeRoleRelations(t *testing.T) {
	tests := []struct {
		name, text, arcs string
		verb             string // head word of the group checked
		subjBy, objBy    string // "" leaves it unchecked
		want             []ev
	}{
		{"target through a chain of xcomps", "Iran vowed to try to attack Israel.",
			"2/nsubj 0/root 4/mark 2/xcomp 6/mark 4/xcomp 6/obj 2/punct",
			"vowed", "nsubj", "xcomp → xcomp → obj", []ev{{dyad: "IRN>ISR:13"}}},
		{"purpose infinitive on the object", "Russia signed an agreement to supply India with oil.",
			"2/nsubj 0/root 4/det 2/obj 6/mark 4/acl 6/obj 9/case 6/obl 2/punct",
			"signed", "nsubj", "acl (to) → obj", nil},
		{"purpose infinitive on the verb", "Russia intervened on Monday to reassure India.",
			"2/nsubj 0/root 4/case 2/obl 6/mark 2/advcl 6/obj 2/punct",
			"intervened", "nsubj", "advcl (to) → obj", []ev{{dyad: "RUS>IND:07"}}},
		{"an object of its own comes first", "Russia met Chinese officials on Monday to reassure India.",
			"2/nsubj 0/root 4/amod 2/obj 6/case 2/obl 8/mark 2/advcl 8/obj 2/punct",
			"met", "nsubj", "obj", []ev{{dyad: "RUS>CHN:04"}}},
		{"subjects split by a misparse", "Russia, China and Iran condemned Israel.",
			"6/nsubj 1/punct 6/nsubj 5/cc 3/conj 0/root 6/obj 6/punct",
			"condemned", "nsubj list", "obj", []ev{{dyad: "RUS>ISR:11"}, {dyad: "CHN>ISR:11"}, {dyad: "IRN>ISR:11"}}},
		{"the tree misses the passive: the chunks' voice", "Three Iraqi soldiers were killed by Turkish forces.",
			"3/nummod 3/amod 5/nsubj 5/aux 0/root 8/case 8/amod 5/obl 5/punct",
			"killed", "chunks", "chunks", []ev{{dyad: "TUR>IRQ:19"}}},
		{"no object in the tree: the chunks' object", "Israeli troops attacked Syrian soldiers.",
			"2/amod 3/nsubj 0/root 5/amod 3/dep 3/punct",
			"attacked", "nsubj", "chunks", []ev{{dyad: "ISR>SYR:19"}}},
		{"the tree does not take the verb for a verb", "Israeli troops attacked Syrian soldiers.",
			"2/amod 0/root 5/amod 5/amod 2/appos 2/punct",
			"attacked", "chunks", "chunks", []ev{{dyad: "ISR>SYR:19"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := explainParsed(t, tt.text, tt.arcs)
			g := groupHeaded(t, st, tt.text, tt.verb)
			if tt.subjBy != "" && g.SubjectBy != tt.subjBy {
				t.Errorf("%q: subject by %q, want %q (%v)", tt.text, g.SubjectBy, tt.subjBy, g.Subject)
			}
			if tt.objBy != "" && g.ObjectBy != tt.objBy {
				t.Errorf("%q: object by %q, want %q (%v)", tt.text, g.ObjectBy, tt.objBy, g.Object)
			}
			checkEvents(t, tt.text, st.Events, tt.want, nil)
		})
	}
}

// arcParser is an event.TreeParser that sets hand-written arcs ("head/rel"
// per token, as codeParsed takes them) and counts the sentences it parsed.
type arcParser struct {
	tb    testing.TB
	arcs  string
	calls int
}

func (p *arcParser) ParseTree(s *sitrep.Sentence) {
	p.calls++
	fields := strings.Fields(p.arcs)
	if len(fields) != len(s.Tokens) {
		p.tb.Fatalf("%d arcs for %d tokens", len(fields), len(s.Tokens))
	}
	for i, f := range fields {
		h, rel, _ := strings.Cut(f, "/")
		n, err := strconv.Atoi(h)
		if err != nil {
			p.tb.Fatalf("arc %q: %v", f, err)
		}
		s.Tokens[i].Head, s.Tokens[i].Rel = n-1, rel
	}
}

// TestTreesOnDemand checks that the coder asks its TreeParser for the
// tree of a sentence once, and only when a verb the dictionary codes has
// a chunk reading the tree can change, and that it reads the tree it got.
func TestTreesOnDemand(t *testing.T) {
	tests := []struct {
		name, text, arcs string
		parsed           bool
		want             []ev
	}{
		{"no verb the dictionary codes", "Russia acted on Monday.",
			"2/nsubj 0/root 4/case 2/obl 2/punct", false, nil},
		{"a coded verb whose one coded actor the tree cannot change", "Rebels attacked the town.",
			"2/nsubj 0/root 4/det 2/obj 2/punct", false, []ev{{dyad: "---REB>:19"}}},
		{"the tree reads a target the chunks miss", "Russia intervened on Monday to reassure India.",
			"2/nsubj 0/root 4/case 2/obl 6/mark 2/advcl 6/obj 2/punct", true, []ev{{dyad: "RUS>IND:07"}}},
		{"two coded verbs, one parse", "Iran condemned Israel and criticized the United States.",
			"2/nsubj 0/root 2/obj 5/cc 2/conj 8/det 8/compound 5/obj 2/punct", true,
			[]ev{{dyad: "IRN>ISR:11"}, {dyad: "IRN>USA:11"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := load(t)
			in := parsedInput(t, tt.text, tt.arcs)
			for i := range in.Doc.Sentences[0].Tokens {
				// Unparsed, as the pipeline leaves sentences until the
				// coder asks.
				in.Doc.Sentences[0].Tokens[i].Rel = ""
			}
			p := &arcParser{tb: t, arcs: tt.arcs}
			in.Parser = p
			tr := s.coder.Explain(in)
			if want := map[bool]int{false: 0, true: 1}[tt.parsed]; p.calls != want {
				t.Errorf("%q: parsed %d times, want %d", tt.text, p.calls, want)
			}
			if st := tr.Sentences[0]; st.Tree != tt.parsed {
				t.Errorf("%q: trace says tree read %v, want %v", tt.text, st.Tree, tt.parsed)
			}
			evs, _ := s.coder.Code(in) // now parsed beforehand: the same events
			checkEvents(t, tt.text, evs, tt.want, nil)
			if got, again := describe(tr.Sentences[0].Events), describe(evs); got != again {
				t.Errorf("%q: parsed on demand:%s\nparsed beforehand:%s", tt.text, got, again)
			}
		})
	}
}

// TestGerundAdjunctControl checks who the tree reading takes for the
// subject of a gerund adjunct with no subject of its own: the subject of
// the clause it modifies, whatever marks it ("by", "after", none), and the
// object for the "of" and "for" complements of verbs that judge someone.
func TestGerundAdjunctControl(t *testing.T) {
	tests := []struct {
		name, text, arcs string
		verb             string // the gerund
		subjBy           string
		want, forbid     []ev
	}{
		{"by: the means of the act", "Turkey retaliated by shelling Syrian positions.",
			"2/nsubj 0/root 4/mark 2/advcl 6/amod 4/obj 2/punct",
			"shelling", "advcl → nsubj", []ev{{dyad: "TUR>SYR:19"}}, nil},
		{"after: a time adjunct", "Kenya protested after detaining two Ugandan soldiers.",
			"2/nsubj 0/root 4/mark 2/advcl 7/nummod 7/amod 4/obj 2/punct",
			"detaining", "advcl → nsubj", []ev{{dyad: "KEN>UGAMIL:17"}}, nil},
		{"the subject of a coordinated clause", "Police arrived and responded by arresting Kenyan protesters.",
			"2/nsubj 0/root 4/cc 2/conj 6/mark 4/advcl 8/amod 6/obj 2/punct",
			"arresting", "advcl → conj → nsubj", []ev{{dyad: "---COP>KENOPP:17"}}, nil},
		{"of: the one accused acts", "Greece accused Turkey of violating Greek airspace.",
			"2/nsubj 0/root 2/obj 5/mark 2/advcl 7/amod 5/obj 2/punct",
			"violating", "advcl controller obj", []ev{{dyad: "GRC>TUR:11"}}, []ev{{dyad: "GRC>GRC"}}},
		{"a subject of its own", "Chad withdrew, with Libya attacking Niger.",
			"2/nsubj 0/root 6/punct 5/case 6/nsubj 2/advcl 6/obj 2/punct",
			"attacking", "nsubj", []ev{{dyad: "LBY>NER:19"}}, []ev{{dyad: "TCD>NER:19"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := explainParsed(t, tt.text, tt.arcs)
			g := groupHeaded(t, st, tt.text, tt.verb)
			if g.SubjectBy != tt.subjBy {
				t.Errorf("%q: subject of %q by %q, want %q (%v)", tt.text, tt.verb, g.SubjectBy, tt.subjBy, g.Subject)
			}
			checkEvents(t, tt.text, st.Events, tt.want, tt.forbid)
		})
	}
}

// TestCommaClauseSubject checks the repair of a misparse of clauses
// joined by a comma: the noun phrase before the second verb hung on the
// first clause (conj, appos, parataxis, an agent with no "by") is read
// as that verb's subject, not the first clause's subject through the
// coordination; and that a phrase with a coordinator of its own, or one
// inside the verb's own subtree, is left where the parser put it.
func TestCommaClauseSubject(t *testing.T) {
	const text = "Israeli troops raided the village, Egyptian officials criticized Jordan."
	tests := []struct {
		name, text, arcs string
		subjBy           string
		want, forbid     []ev
	}{
		{"noun phrase coordinated with the first verb", text,
			"2/amod 3/nsubj 0/root 5/det 3/obj 8/punct 8/amod 3/conj 3/conj 9/obj 3/punct",
			"nsubj", []ev{{dyad: "EGY>JOR:11"}}, []ev{{dyad: "ISR>JOR:11"}}},
		{"noun phrase beside the first verb", text,
			"2/amod 3/nsubj 0/root 5/det 3/obj 8/punct 8/amod 3/parataxis 3/conj 9/obj 3/punct",
			"nsubj", []ev{{dyad: "EGY>JOR:11"}}, []ev{{dyad: "ISR>JOR:11"}}},
		{"noun phrase taken for an agent with no \"by\"", text,
			"2/amod 3/nsubj 0/root 5/det 3/obj 8/punct 8/amod 3/obl:agent 3/conj 9/obj 3/punct",
			"nsubj", []ev{{dyad: "EGY>JOR:11"}}, []ev{{dyad: "ISR>JOR:11"}}},
		{"noun phrase in apposition to the object", text,
			"2/amod 3/nsubj 0/root 5/det 3/obj 8/punct 8/amod 5/appos 3/conj 9/obj 3/punct",
			"nsubj", []ev{{dyad: "EGY>JOR:11"}}, []ev{{dyad: "ISR>JOR:11"}}},
		{"a correct parse is read as it is", text,
			"2/amod 3/nsubj 0/root 5/det 3/obj 9/punct 8/amod 9/nsubj 3/parataxis 9/obj 3/punct",
			"nsubj", []ev{{dyad: "EGY>JOR:11"}}, []ev{{dyad: "ISR>JOR:11"}}},
		{"a coordinated noun phrase is a real coordination", "Israeli troops raided the village and Egyptian officials criticized Jordan.",
			"2/amod 3/nsubj 0/root 5/det 3/obj 8/cc 8/amod 5/conj 3/conj 9/obj 3/punct",
			"conj → nsubj", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := explainParsed(t, tt.text, tt.arcs)
			g := groupHeaded(t, st, tt.text, "criticized")
			if g.SubjectBy != tt.subjBy {
				t.Errorf("%q: subject by %q, want %q (%v)", tt.text, g.SubjectBy, tt.subjBy, g.Subject)
			}
			// The trace shows the tree as read, repaired: "officials"
			// (7) the subject of "criticized" (8).
			if tt.subjBy == "nsubj" && (len(st.Heads) != len(st.Tokens) || st.Heads[7] != 8 || st.Rels[7] != "nsubj") {
				t.Errorf("%q: traced tree %v %v, want officials ←nsubj─ criticized", tt.text, st.Heads, st.Rels)
			}
			checkEvents(t, tt.text, st.Events, tt.want, tt.forbid)
		})
	}
}

// TestSubjectListFirstMember checks the repair of a list of subjects whose
// first member the parser hung on the verb (oblique, vocative) and whose
// rest it took for the subject: the first member joins the subject. A
// phrase with a preposition of its own is not a list member.
func TestSubjectListFirstMember(t *testing.T) {
	const list = "Iran, the United States, China and Iraq condemned Israel."
	tests := []struct {
		name, text, arcs string
		want, forbid     []ev
	}{
		{"first member as an oblique", list,
			"10/obl 1/punct 5/det 5/compound 10/nsubj 7/punct 5/conj 9/cc 5/conj 0/root 10/obj 10/punct",
			[]ev{{dyad: "IRN>ISR:11"}, {dyad: "USA>ISR:11"}, {dyad: "CHN>ISR:11"}, {dyad: "IRQ>ISR:11"}}, nil},
		{"first member as a vocative", list,
			"10/vocative 1/punct 5/det 5/compound 10/nsubj 7/punct 5/conj 9/cc 5/conj 0/root 10/obj 10/punct",
			[]ev{{dyad: "IRN>ISR:11"}, {dyad: "USA>ISR:11"}, {dyad: "IRQ>ISR:11"}}, nil},
		{"a place with its preposition", "In Iran, the United States and China condemned Israel.",
			"2/case 9/obl 2/punct 6/det 6/compound 9/nsubj 8/cc 6/conj 0/root 9/obj 9/punct",
			[]ev{{dyad: "USA>ISR:11"}, {dyad: "CHN>ISR:11"}}, []ev{{dyad: "IRN>ISR:11"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := explainParsed(t, tt.text, tt.arcs)
			if g := groupHeaded(t, st, tt.text, "condemned"); g.SubjectBy != "nsubj" {
				t.Errorf("%q: subject by %q, want nsubj (%v)", tt.text, g.SubjectBy, g.Subject)
			}
			checkEvents(t, tt.text, st.Events, tt.want, tt.forbid)
		})
	}
}
