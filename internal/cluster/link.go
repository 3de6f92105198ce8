package cluster

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/geo"
)

// mention is what linking needs of one event mention.
type mention struct {
	art       int // index of the article in Clusterer.arts
	ev        int // index in the article's Result.Events
	sent      int // evidence sentence start
	trigger   sitrep.Span
	sentEnd   int
	cameo     string
	root      string
	plover    string
	block     string // linking block: PLOVER type, else "root:" + CAMEO root
	kind      string // PLOVER type, else "root:" + CAMEO root (block without QuadClass)
	quad      int
	src, tgt  string // actor codes; tgt "" without target
	hasTgt    bool
	modality  string
	lo, hi    int32 // date as a day range
	dated     bool
	dateTol   int32 // days the date may be off: see dateTolerance
	loc       *sitrep.Location
	coarseLoc bool // the location is a country or first-level division
	weakLoc   bool // the location is only the article's focus or dateline
	text      []uint64
	conf      float64
}

// newMention extracts the linking features of res.Events[i].
func newMention(art int, res *sitrep.Result, i int) mention {
	e := &res.Events[i]
	m := mention{
		art: art, ev: i, sent: e.Evidence.Start, sentEnd: e.Evidence.End, trigger: e.Evidence.Trigger,
		cameo: e.CAMEO, root: e.Root, plover: e.PLOVER, quad: e.QuadClass,
		src: e.Source.Actor, modality: e.Modality, conf: e.Confidence,
		dateTol: dateTolerance(e.DateReason),
		loc:     e.Location,
		text:    contentSet(e.Evidence.Sentence),
	}
	if m.root == "" && len(m.cameo) >= 2 {
		m.root = m.cameo[:2]
	}
	m.block = blockOf(e)
	m.kind = m.block[:strings.LastIndexByte(m.block, '/')]
	if e.Target != nil && !e.Target.Place {
		// (A target read from a place phrase is where the act happened,
		// which the location compares: one report names the place, the
		// next may not.)
		m.tgt, m.hasTgt = e.Target.Actor, true
	}
	m.lo, m.hi, m.dated = dayRange(e.Date)
	if pub, _, ok := dayRange(res.Article.Published); ok && m.dated && m.lo > pub && e.Modality == sitrep.Asserted {
		// An act reported as done cannot come after the report: "Odinga
		// called for new demonstrations next week" is dated by what he
		// called for. The act happened by the publication day.
		m.lo, m.hi, m.dateTol = pub, pub, maxDateTolerance
	}
	if l := e.Location; l != nil {
		m.weakLoc = l.Reason == "focus" || l.Reason == "dateline"
		if l.Place >= 0 && l.Place < len(res.Places) {
			switch res.Places[l.Place].Resolution {
			case "country", "admin1", "region":
				m.coarseLoc = true
			}
		}
		if l.Lat == 0 && l.Lon == 0 {
			m.coarseLoc = true
		}
	}
	return m
}

// blockOf is the linking block of an event: its PLOVER type (else its
// CAMEO root) and QuadClass. Only events of one block are compared, so
// the cost per mention stays small on large corpora; the code agreement
// within a block (same code, same root) is scored. The QuadClass keeps
// apart what PLOVER joins: an appeal for calm (CAMEO 02, cooperation) and
// a demand (10, conflict) are both REQUEST.
func blockOf(e *sitrep.Event) string {
	t := e.PLOVER
	if t == "" {
		t = "root:" + e.Root
		if e.Root == "" && len(e.CAMEO) >= 2 {
			t = "root:" + e.CAMEO[:2]
		}
	}
	return t + "/" + strconv.Itoa(e.QuadClass)
}

// Weights of the linking score (they sum to 1) and its threshold.
const (
	wCode   = 0.15
	wActors = 0.25
	wDate   = 0.20
	wPlace  = 0.15
	wText   = 0.25
)

// linkParts are the parts of a linking score, each in [0,1].
type linkParts struct {
	code, actors, date, place, text float64
}

// String gives the parts as a link's reason.
func (p linkParts) String() string {
	return fmt.Sprintf("code=%.2f actors=%.2f date=%.2f place=%.2f text=%.2f", p.code, p.actors, p.date, p.place, p.text)
}

// linkScore scores two mentions as telling the same event, in [0,1],
// with the parts of the score. ok is false when something rules the
// link out whatever the score.
func linkScore(a, b *mention, story bool) (score float64, parts linkParts, ok bool) {
	var reason linkParts
	if a.modality != b.modality {
		return 0, reason, false
	}
	sameSentence := a.art == b.art && a.sent == b.sent
	// One verb read twice by the coder ("signed a trade agreement" coded
	// as an agreement and as economic cooperation, "used water cannon"
	// as repression and as violence) tells one act, whatever its types.
	sameAct := sameSentence && a.trigger == b.trigger
	code, ok := codeCompat(a, b, sameAct)
	if !ok {
		return 0, reason, false
	}
	// Sentences sharing half their content words or more tell the same
	// thing; below that similarity is linear.
	text := min(1, 2*jaccard(a.text, b.text))
	if a.block != b.block && !sameAct && text < minTextAcross {
		// Types that disagree need the words to agree.
		return 0, reason, false
	}
	date, ok := dateCompat(a, b)
	if !ok {
		return 0, reason, false
	}
	if sameSentence && a.root != b.root && a.trigger != b.trigger && !sameKnownActor(a.src, b.src) {
		// Two different acts of one sentence ("police fired tear gas at
		// crowds who marched on parliament"): the coder split them. One
		// actor's two verbs of one type ("Russian artillery shelled
		// Kharkiv and killed three civilians") tell one act.
		return 0, reason, false
	}
	actors := pairCompat(a.src, a.tgt, a.hasTgt, b.src, b.tgt, b.hasTgt)
	// Reciprocal acts ("Kenya and Tanzania signed a deal", "the two
	// ministers met") are coded once each way, and one outlet may code
	// a deal as diplomatic (05) and another as material cooperation
	// (06): the swapped pair of two mutual acts is the same event.
	// Within one sentence and trigger any act may be so expanded.
	if a.hasTgt && b.hasTgt && ((sameSentence && a.trigger == b.trigger) || (reciprocalRoot(a.root) && reciprocalRoot(b.root))) {
		actors = max(actors, 0.9*pairCompat(a.src, a.tgt, true, b.tgt, b.src, true))
	}
	if actors < 0 || (sameSentence && actors < 0.5) {
		return 0, reason, false
	}
	place, ok := placeCompat(a, b)
	if !ok {
		return 0, reason, false
	}
	if a.art == b.art {
		// Within one article, two mentions dated by its publication or
		// placed at its focus agree by default, which tells nothing.
		if a.dateTol == maxDateTolerance && b.dateTol == maxDateTolerance {
			date = min(date, 0.3)
		}
		if a.weakLoc && b.weakLoc {
			place = min(place, 0.3)
		}
	}
	if story && a.art != b.art && a.root == b.root && !opposed(a, b) {
		// Two reports of one story tell its acts in their own words
		// ("demonstrators blocked roads", "crowds marched on
		// parliament"): an act of the same kind (CAMEO root) whose
		// actors are not two sides counts as told in half-agreeing
		// words.
		text = max(text, storyText)
	}
	score = wCode*code + wActors*actors + wDate*date + wPlace*place + wText*text
	reason = linkParts{code, actors, date, place, text}
	return score, reason, true
}

// codeCompat scores the event codes of two mentions: 1 the same CAMEO
// code, 0.7 the same root, 0.5 the same PLOVER type only (one linking
// block); across types and blocks, 0.6 the same root (the coder chose
// sub-codes of neighbouring PLOVER types: 173 arrest, COERCE, and 175
// violent repression, ASSAULT), 0.3 other roots of neighbouring types
// (see neighbourKinds), both of one direction (cooperation, QuadClass
// 1–2, or conflict, 3–4), and 0.7 one verb coded twice (sameAct). ok is
// false otherwise: types far apart are never one event.
func codeCompat(a, b *mention, sameAct bool) (float64, bool) {
	switch {
	case a.block == b.block && a.cameo == b.cameo:
		return 1, true
	case a.block == b.block && a.root == b.root:
		return 0.7, true
	case a.block == b.block:
		return 0.5, true
	case (a.quad <= 2) != (b.quad <= 2):
		return 0, false
	case sameAct:
		return 0.7, true
	case !neighbours(a.kind, b.kind):
		return 0, false
	case a.root != "" && a.root == b.root:
		return 0.6, true
	}
	return 0.3, true
}

// storyText is the text agreement of two mentions of one root in
// articles of one story (see Clusterer.story).
const storyText = 0.5

// minTextAcross is the text agreement (see linkScore) two mentions of
// neighbouring types need to link: sentences sharing a quarter of their
// content words.
const minTextAcross = 0.5

// neighbourKinds are PLOVER types the coder confuses for one act, each
// with the types it may be linked with: an attack on protesters is
// violence (ASSAULT) or repression (COERCE); a signed deal is an
// agreement, diplomatic support or cooperation; a denunciation is an
// accusation or a rejection. Other types never link with one another
// (a meeting, CONSULT, and the agreement it reached, AGREE, are two
// events).
var neighbourKinds = map[string][]string{
	"ASSAULT":   {"COERCE"},
	"COERCE":    {"ASSAULT"},
	"AGREE":     {"SUPPORT", "COOPERATE"},
	"SUPPORT":   {"AGREE", "COOPERATE"},
	"COOPERATE": {"AGREE", "SUPPORT", "AID"},
	"AID":       {"COOPERATE"},
	"ACCUSE":    {"REJECT"},
	"REJECT":    {"ACCUSE"},
}

// neighbours reports whether two kinds are neighbouring types.
func neighbours(a, b string) bool {
	for _, k := range neighbourKinds[a] {
		if k == b {
			return true
		}
	}
	return false
}

// sameKnownActor reports whether two actor codes are the same actor of a
// known country.
func sameKnownActor(a, b string) bool {
	return a == b && len(a) >= 3 && a[:3] != "---"
}

// reciprocalRoot reports CAMEO roots whose acts are usually mutual:
// intentions to cooperate, consultations, diplomatic and material
// cooperation.
func reciprocalRoot(root string) bool {
	switch root {
	case "03", "04", "05", "06":
		return true
	}
	return false
}

// opposed reports whether the sources or the targets of two mentions
// are two sides (see sectorCompat): police and protesters, soldiers and
// rebels, civilians and soldiers.
func opposed(a, b *mention) bool {
	return actorCompat(a.src, b.src) == twoSides || a.hasTgt && b.hasTgt && actorCompat(a.tgt, b.tgt) == twoSides
}

// pairCompat scores the source and target of two mentions together:
// the mean of actorCompat of the sources and of the targets (0.5 when
// only one has a target), or -1 when either rules the link out.
func pairCompat(srcA, tgtA string, hasA bool, srcB, tgtB string, hasB bool) float64 {
	src := actorCompat(srcA, srcB)
	tgt := 1.0
	switch {
	case hasA && hasB:
		tgt = actorCompat(tgtA, tgtB)
	case hasA != hasB:
		tgt = 0.5
	}
	if src < 0 || tgt < 0 {
		return -1
	}
	return (src + tgt) / 2
}

// actorCompat scores two CAMEO actor codes as naming the same actor: 1
// equal (0.7 equal sectors of unknown country: "---CVL", any civilians;
// 0.5 two unknown actors, which say nothing), 0.8 one a prefix of the other (IRQ ~ IRQMIL), 0.6 the same
// sector with one country unknown (---MIL ~ IRQMIL) or each giving what
// the other lacks (UKR ~ ---CVL), 0.5 one unknown, sectorCompat for other
// sectors of one country or of an unknown one (0.5 one family, 0.1 two
// sides, 0.3 else); -1 two different known countries (or groups), which
// rules the link out.
func actorCompat(a, b string) float64 {
	switch {
	case a == "" || b == "" || a == "---" || b == "---":
		return 0.5
	case a == b && strings.HasPrefix(a, "---"):
		return 0.7
	case a == b:
		return 1
	case strings.HasPrefix(a, b) || strings.HasPrefix(b, a):
		return 0.8
	}
	ca, cb := a[:min(3, len(a))], b[:min(3, len(b))]
	sa, sb := a[len(ca):], b[len(cb):]
	switch {
	case ca == "---" || cb == "---":
		if sa == sb || (ca == "---" && sb == "") || (cb == "---" && sa == "") {
			return 0.6
		}
		return sectorCompat(sa, sb)
	case ca == cb:
		return sectorCompat(sa, sb)
	}
	return -1
}

// sectorCompat scores two different sectors of one actor (or of one
// unknown country): 0.5 of one family (see sectorFamily), 0.1 of two
// that are the two sides of an act (police and protesters, soldiers and
// rebels, rebels and civilians: any two families but the state's
// forces and its government), else 0.3.
func sectorCompat(a, b string) float64 {
	fa, fb := family(a), family(b)
	state := func(f byte) bool { return f == 's' || f == 'g' }
	switch {
	case fa != 0 && fa == fb:
		return 0.5
	case fa != 0 && fb != 0 && !(state(fa) && state(fb)):
		return twoSides
	}
	return 0.3
}

// twoSides is sectorCompat of sectors of two families.
const twoSides = 0.1

// sectorFamily groups CAMEO sector codes that news tells of one group
// in other words: the crowd of a protest is civilians, people,
// opposition supporters, workers or students; the forces that met it
// police, soldiers or security services; the state its government,
// legislature or courts; armed groups rebels, insurgents or militias.
var sectorFamily = map[string]byte{
	"CVL": 'c', "PPL": 'c', "OPP": 'c', "LAB": 'c', "EDU": 'c', "AGR": 'c', "REF": 'c',
	"MIL": 's', "COP": 's', "SPY": 's',
	"GOV": 'g', "LEG": 'g', "JUD": 'g', "ELI": 'g',
	"REB": 'a', "INS": 'a', "UAF": 'a', "SEP": 'a',
}

// family is the sectorFamily of the first sector of a role string, or 0.
func family(s string) byte {
	if len(s) < 3 {
		return 0
	}
	return sectorFamily[s[:3]]
}

// dateTolerance is how many days a date found for the given reason may
// be off the event's day: one for a date of the event's own clause or
// caption (time zones, overnight events, "late Tuesday" told as
// Wednesday), three for a date elsewhere in the sentence or in the
// sentence before (it may belong to another clause: "urged allies on
// Wednesday after Monday's shelling"), a week for the publication date
// (or the dateline's, for an undated article).
func dateTolerance(reason string) int32 {
	switch reason {
	case "clause", "caption":
		return 1
	case "published", "dateline":
		return maxDateTolerance
	}
	return 3
}

// maxDateTolerance is the largest dateTolerance.
const maxDateTolerance = 7

// dateCompat scores two dates: 1 the same day, 0.6 a day apart, 0.5
// overlapping periods of which one is coarser than a day, 0.7 the same
// day and 0.4 within the tolerance when one date is less sure than its
// clause's, 0.3 when one is undated.
func dateCompat(a, b *mention) (float64, bool) {
	if !a.dated || !b.dated {
		return 0.3, true
	}
	gap := max(0, max(a.lo-b.hi, b.lo-a.hi))
	tol := max(a.dateTol, b.dateTol)
	if gap > tol {
		return 0, false
	}
	switch {
	case tol > 1:
		if gap == 0 {
			return 0.7, true
		}
		return 0.4, true
	case a.lo != a.hi || b.lo != b.hi:
		return 0.5, true
	case gap == 0:
		return 1, true
	}
	return 0.6, true
}

// Place distances (km): within nearKm a place agrees fully, within midKm
// in part, and beyond farKm two precise places rule the link out.
const (
	nearKm = 15
	midKm  = 60
	farKm  = 150
)

// placeCompat scores two locations: 1 within nearKm, 0.6 within midKm,
// 0.3 within farKm, 0.5 the same country when one is a country or
// division, 0.3 when one has none or is only the article's focus.
func placeCompat(a, b *mention) (float64, bool) {
	if a.loc == nil || b.loc == nil {
		return 0.3, true
	}
	weak := a.weakLoc || b.weakLoc
	if a.loc.Country != b.loc.Country && a.loc.Country != "" && b.loc.Country != "" {
		if weak {
			return 0, true
		}
		return 0, false
	}
	if a.coarseLoc || b.coarseLoc {
		return 0.5, true
	}
	d := geo.HaversineKm(a.loc.Lat, a.loc.Lon, b.loc.Lat, b.loc.Lon)
	switch {
	case d <= nearKm:
		return 1, true
	case d <= midKm:
		return 0.6, true
	case d <= farKm:
		return 0.3, true
	case weak:
		return 0, true
	}
	return 0, false
}
